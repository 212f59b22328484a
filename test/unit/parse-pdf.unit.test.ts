import { describe, expect, inject, it } from "vitest";
import { IngestionError } from "../../src/ingestion/errors";
import { parsePdf } from "../../src/ingestion/parse-pdf";
import type { ParsedDocument } from "../../src/ingestion/types";
import { blankPdf, encryptedPdf, garbagePdf, placedTextPdf, textPdf, type PlacedText } from "./pdf-samples";

async function fixture(): Promise<Uint8Array> {
  const response = await fetch(`${inject("fixturesUrl")}/fixtures/cms-sample-sbc.pdf`);
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

let parsedFixture: Promise<ParsedDocument> | undefined;
function parseFixture(): Promise<ParsedDocument> {
  parsedFixture ??= fixture().then(parsePdf);
  return parsedFixture;
}

async function failure(bytes: Uint8Array): Promise<IngestionError> {
  const error: unknown = await parsePdf(bytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IngestionError);
  return error as IngestionError;
}

describe("parsePdf on the CMS sample SBC", () => {
  it("returns five pages numbered 1 to 5", async () => {
    const parsed = await parseFixture();
    expect(parsed.pageCount).toBe(5);
    expect(parsed.pages.map((p) => p.page)).toEqual([1, 2, 3, 4, 5]);
  });

  it("finds the overall deductible amounts on page 1", async () => {
    const { pages } = await parseFixture();
    expect(pages[0]?.text).toContain("$500");
    expect(pages[0]?.text).toContain("$1,000");
  });

  it("keeps the specialist visit row and its $50 copay on one line", async () => {
    const { pages } = await parseFixture();
    const lines = pages.flatMap((p) => p.text.split("\n"));
    expect(lines.some((line) => line.includes("Specialist visit") && line.includes("$50 copay"))).toBe(true);
  });

  it("keeps a wrapped table cell in one piece", async () => {
    const { pages } = await parseFixture();
    expect(pages[0]?.text).toContain("What is the overall deductible? | $500 / individual or $1,000 /family");
  });

  it("keeps the referral rule readable as a sentence", async () => {
    const { pages } = await parseFixture();
    expect(pages[0]?.text).toMatch(/only if you have a referral before you see the specialist/);
  });
});

describe("parsePdf on broken input", () => {
  it("reports a truncated PDF as corrupt", async () => {
    const truncated = (await fixture()).slice(0, 2048);
    const error = await failure(truncated);
    expect(error.code).toBe("pdf_corrupt");
    expect(error.message).toMatch(/^The file starts like a PDF but could not be read: /);
  });

  it("reports random bytes after a PDF header as corrupt", async () => {
    expect((await failure(garbagePdf())).code).toBe("pdf_corrupt");
  });

  it("refuses more page objects than the budget before pdf.js opens the file", async () => {
    // Not a PDF pdf.js could open (it would say pdf_corrupt): only the check of the raw bytes can answer this.
    const pages = `%PDF-1.4\n1 0 obj << /Type /Pages /Count 1001 >> endobj\n${"<< /Type /Page >>\n".repeat(1001)}`;
    const error = await failure(new TextEncoder().encode(pages));
    expect(error.code).toBe("too_many_pages");
    expect(error.message).toContain("1,001 pages");
  });

  it("reads an encrypted PDF that opens without a password (a real insurer's SBC)", async () => {
    const response = await fetch(`${inject("fixturesUrl")}/fixtures/dev-corpus/sbc-kaiser-30-1000.pdf`);
    expect(response.ok).toBe(true);
    const parsed = await parsePdf(new Uint8Array(await response.arrayBuffer()));
    expect(parsed.pageCount).toBeGreaterThan(1);
    expect(parsed.pages.map((page) => page.text).join("\n")).toMatch(/deductible/i);
  });

  it("reports a password-protected PDF as encrypted", async () => {
    const error = await failure(encryptedPdf());
    expect(error.code).toBe("pdf_encrypted");
    expect(error.message).toContain("password-protected");
  });

  it("reports a PDF whose pages have no text as needing OCR", async () => {
    const error = await failure(blankPdf());
    expect(error.code).toBe("no_extractable_text");
    expect(error.message).toContain("LLAMA_CLOUD_API_KEY");
  });

  it("marks every parse failure as permanent", async () => {
    const errors = await Promise.all([garbagePdf(), encryptedPdf(), blankPdf()].map(failure));
    expect(errors.map((e) => e.retryable)).toEqual([false, false, false]);
  });
});

describe("parsePdf on generated PDFs", () => {
  it("counts a blank page and keeps the numbering of the pages after it", async () => {
    const parsed = await parsePdf(textPdf(["First page.", "", "Third page."]));
    expect(parsed.pageCount).toBe(3);
    expect(parsed.pages).toEqual([
      { page: 1, text: "First page." },
      { page: 2, text: "" },
      { page: 3, text: "Third page." },
    ]);
  });

  it("leaves the caller's bytes intact", async () => {
    const bytes = textPdf(["Hello."]);
    const copy = bytes.slice();
    await parsePdf(bytes);
    expect(bytes).toEqual(copy);
  });
});

describe("parsePdf on a benefit chart with a bold service name over its description", () => {
  // An Evidence of Coverage's Medical Benefits Chart: a bold service name, its description below it in the regular
  // font, and the in- and out-of-network costs beside the name.
  const cell = (lines: string[], x: number, top: number, bold = false): PlacedText[] =>
    lines.map((text, i) => ({ text, x, y: top - i * 12, bold: bold && i === 0 }));
  const chart = placedTextPdf([
    ...cell(["Skilled nursing facility care", "(For a definition of skilled nursing", "facility care, see Chapter 12.)", "Covered services include:", "Meals, including special diets", "Skilled nursing services"], 60, 600, true),
    ...cell(["$0 copayment each day for", "days 1 - 20. $203 copayment", "for days 21 - 100."], 280, 600),
    ...cell(["$225 copayment each", "day, up to 100 days."], 440, 600),
  ]);

  it("puts the service's name and both costs on one line", async () => {
    const { pages } = await parsePdf(chart);
    const row = pages[0]?.text.split("\n").find((line) => line.includes("$203"));
    expect(row).toBe("| Skilled nursing facility care | $0 copayment each day for days 1 - 20. $203 copayment for days 21 - 100. | $225 copayment each day, up to 100 days. |");
  });

  it("keeps the description after the row, opening with the service's name", async () => {
    const { pages } = await parsePdf(chart);
    expect(pages[0]?.text).toContain("\n\nSkilled nursing facility care\n(For a definition of skilled nursing\nfacility care, see Chapter 12.)");
  });
});
