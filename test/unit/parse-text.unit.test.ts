import { describe, expect, it } from "vitest";
import { IngestionError } from "../../src/ingestion/errors";
import { decodeEntities, htmlToText, markdownToText, parseText } from "../../src/ingestion/parse-text";
import { builtinParser } from "../../src/providers/parsers/builtin";
import { textPdf } from "./pdf-samples";

const utf8 = (text: string) => new TextEncoder().encode(text);

function failure(run: () => unknown): IngestionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestionError);
    return error as IngestionError;
  }
  throw new Error("expected an IngestionError");
}

describe("parseText", () => {
  it("returns plain text as page 1 of a one-page document", () => {
    expect(parseText(utf8("Deductible: $500.\r\nCopay: $50.\r\n"), "text")).toEqual({
      pages: [{ page: 1, text: "Deductible: $500.\nCopay: $50." }],
      pageCount: 1,
    });
  });

  it("rejects HTML with no visible text as having no extractable text", () => {
    const error = failure(() => parseText(utf8("<html><head><title>x</title></head><body><script>a()</script></body></html>"), "html"));
    expect(error.code).toBe("no_extractable_text");
    expect(error.retryable).toBe(false);
  });

  it("rejects a whitespace-only text file as having no extractable text", () => {
    expect(failure(() => parseText(utf8(" \n\t\n"), "text")).code).toBe("no_extractable_text");
  });

  it("rejects bytes that are not UTF-8 as an unsupported type", () => {
    expect(failure(() => parseText(new Uint8Array([0xff, 0x00, 0xc3, 0x28]), "text")).code).toBe("unsupported_type");
  });
});

describe("htmlToText", () => {
  it("drops the head, scripts, styles and comments", () => {
    const html = "<html><head><title>T</title><style>p{}</style></head><body><!-- note --><script>x()</script><p>Visible</p></body></html>";
    expect(htmlToText(html)).toBe("Visible");
  });

  it("puts paragraphs, headings and line breaks on lines of their own", () => {
    expect(htmlToText("<h1>Benefits</h1><p>Deductible\n  $500</p>Line one<br>Line two")).toBe("Benefits\n\nDeductible $500\n\nLine one\nLine two");
  });

  it("writes a table row on one line with cells separated by pipes", () => {
    const html = "<table><tr><th>Service</th><th>You pay</th></tr><tr><td>Specialist visit</td><td>$50 copay</td></tr></table>";
    expect(htmlToText(html)).toBe("Service | You pay\nSpecialist visit | $50 copay");
  });

  it("reads two line breaks in a row as a paragraph break", () => {
    expect(htmlToText("First<br><br>Second<br>Third")).toBe("First\n\nSecond\nThird");
  });

  it("writes list items as dash bullets", () => {
    expect(htmlToText("<ul><li>Primary care</li><li>Urgent care</li></ul>")).toBe("- Primary care\n- Urgent care");
  });

  it("joins inline elements without inventing spaces", () => {
    expect(htmlToText("<p>co<b>insurance</b> of <em>20</em>%</p>")).toBe("coinsurance of 20%");
  });

  it("decodes entities after removing tags, so escaped markup stays text", () => {
    expect(htmlToText("<p>&lt;b&gt; &amp; &quot;x&quot;&nbsp;&#36;50 &#x2014; &eacute;</p>")).toBe('<b> & "x" $50 — é');
  });
});

describe("decodeEntities", () => {
  it("maps numeric references 128 to 159 through Windows-1252 as browsers do", () => {
    expect(decodeEntities("&#150; &#147;quoted&#148;")).toBe("– “quoted”");
  });

  it("replaces references to invalid code points with U+FFFD", () => {
    expect(decodeEntities("&#0; &#xD800; &#1114112;")).toBe("\ufffd \ufffd \ufffd");
  });

  it("leaves unknown named references as written", () => {
    expect(decodeEntities("&notarealentity; &amp")).toBe("&notarealentity; &amp");
  });
});

describe("markdownToText", () => {
  it("keeps headings, lists and emphasis as written", () => {
    const markdown = "# Benefits\n\n- **Specialist**: $50 copay\n- Primary care: $35";
    expect(markdownToText(markdown)).toBe(markdown);
  });

  it("replaces images with their alt text and drops link definitions and comments", () => {
    expect(markdownToText("![Plan logo](logo.png) Plan A<!-- draft -->\n\n[glossary]: https://example.com/g\n\nEnd.")).toBe("Plan logo Plan A\n\nEnd.");
  });
});

describe("builtinParser", () => {
  it("parses Markdown through the text parser", async () => {
    const parsed = await builtinParser.parse(utf8("# Plan\n\nDeductible $500."), "markdown", "plan.md");
    expect(parsed.pages).toEqual([{ page: 1, text: "# Plan\n\nDeductible $500." }]);
  });

  it("parses PDFs through pdf.js", async () => {
    const parsed = await builtinParser.parse(textPdf(["Deductible $500.", "Copay $50."]), "pdf", "plan.pdf");
    expect(parsed).toEqual({ pages: [{ page: 1, text: "Deductible $500." }, { page: 2, text: "Copay $50." }], pageCount: 2 });
  });
});
