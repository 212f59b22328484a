/**
 * Every text path (type detection, HTML and Markdown conversion, plain text, PDF page text) takes linear time on
 * inputs built to make regular expressions backtrack: 1 MB of each, where a quadratic pass would take minutes. The
 * bound is generous (a linear pass takes a few milliseconds) so a loaded machine does not fail it.
 */
import { describe, expect, it } from "vitest";
import { detectKind } from "../../src/ingestion/detect";
import { normalisePageText } from "../../src/ingestion/parse-pdf";
import { decodeEntities, htmlToText, markdownToText, parseText, plainText } from "../../src/ingestion/parse-text";

const MB = 1024 * 1024;
/** A linear pass over 1 MB takes milliseconds; a quadratic one, minutes. */
const BOUND_MS = 1_500;

/** `unit` repeated to about 1 MB, with `prefix` and `suffix` around it. */
const fill = (unit: string, prefix = "", suffix = "") => prefix + unit.repeat(Math.ceil(MB / unit.length)) + suffix;

const PATHOLOGICAL: Array<[string, string]> = [
  ["open brackets", fill("[")],
  ["image openers", fill("![")],
  ["unfinished images", fill("![a](")],
  ["link closers", fill("](a")],
  ["links without a text", fill("[](x) ")],
  ["unclosed strong emphasis", fill("**x ")],
  ["underscores", fill("_")],
  ["asterisks", fill("*")],
  ["backticks", fill("`a")],
  ["unclosed comments", fill("<!--")],
  ["closed comments before junk", fill("<!--a-->", "", "x")],
  ["unclosed script tags", fill("<script ")],
  ["script tags without closing", fill("<script>")],
  ["pre tags without closing", fill("<pre>")],
  ["list items without >", fill("<li")],
  ["anchors without >", fill("<a")],
  ["paragraphs without >", fill("<p ")],
  ["processing instructions without ?>", fill("<?")],
  ["declarations without >", fill("<!")],
  ["breaks with spaces", fill("<br   ")],
  ["cell closers with spaces", fill("</td   ")],
  ["ampersands", fill("&")],
  ["numeric reference openers", fill("&#")],
  ["a long run of spaces before a letter", fill(" ", "a", "b")],
  ["newlines", fill("\n")],
  ["spaces and newlines", fill(" \n")],
  ["table delimiters before junk", fill("|---", "", "x")],
  ["one long delimiter cell", fill("-", "|", "x")],
  ["hashes", fill("#")],
  ["a heading marker before spaces", fill(" ", "# ")],
  ["setext underline before junk", fill("=", "Title\n", "x")],
  ["list markers", fill("1. ")],
  ["angle brackets", fill("<")],
  ["closing angle brackets", fill(">")],
  ["private-use characters", fill("\uE000\uE001 ")],
  ["mixed markup", fill("<p class='x'>**a [b](c <!-- ![d](e `f &amp; ")],
];

function within<T>(label: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const elapsed = performance.now() - started;
  expect(elapsed, `${label} took ${Math.round(elapsed)} ms`).toBeLessThan(BOUND_MS);
  return result;
}

describe("text processing on 1 MB of pathological input", () => {
  it.each(PATHOLOGICAL)("detects the type of %s in linear time", (label, text) => {
    within(`detectKind(${label})`, () => detectKind(new TextEncoder().encode(text)));
  });

  it.each(PATHOLOGICAL)("converts %s from HTML in linear time", (label, text) => {
    within(`htmlToText(${label})`, () => htmlToText(text));
  });

  it.each(PATHOLOGICAL)("converts %s from Markdown in linear time", (label, text) => {
    within(`markdownToText(${label})`, () => markdownToText(text));
  });

  it.each(PATHOLOGICAL)("tidies %s as plain text and as PDF page text in linear time", (label, text) => {
    within(`plainText(${label})`, () => plainText(text));
    within(`normalisePageText(${label})`, () => normalisePageText(text));
    within(`decodeEntities(${label})`, () => decodeEntities(text));
  });

  it("detects thirty closed comments before junk without exponential backtracking", () => {
    // The old pattern let a comment run to any later "-->", so each added comment doubled the work.
    expect(within("detectKind(comments)", () => detectKind(new TextEncoder().encode(`${"<!--a-->".repeat(30)}x`)))).toBe("text");
  });

  it("parses a 1 MB HTML upload of unclosed script tags, the attacker's 5.6 s case, in linear time", () => {
    const bytes = new TextEncoder().encode(`<html><body><p>Deductible $500</p>${"<script ".repeat(40_000)}`);
    expect(within("parseText(html)", () => parseText(bytes, "html")).pages[0]?.text).toContain("Deductible $500");
  });
});

describe("the linear patterns still read ordinary documents", () => {
  it("recognises HTML after leading comments", () => {
    expect(detectKind(new TextEncoder().encode("<!-- generated -->\n<!-- twice -->\n<!doctype html><p>Plan</p>"))).toBe("html");
  });

  it("recognises Markdown by a link, a table delimiter row and strong emphasis", () => {
    expect(detectKind(new TextEncoder().encode("See [the benefits](benefits.md) for details."))).toBe("markdown");
    expect(detectKind(new TextEncoder().encode("| Service | Copay |\n| --- | :---: |\n| Visit | $20 |"))).toBe("markdown");
    expect(detectKind(new TextEncoder().encode("- item one\n**Deductible** applies"))).toBe("markdown");
  });

  it("keeps the text of an unclosed <pre> and drops an unclosed script", () => {
    expect(htmlToText("<p>Copay $20</p><pre>Line one\nLine two")).toBe("Copay $20\n\nLine one\nLine two");
    expect(htmlToText("<p>Copay $20</p><script>var secret = 1;")).toBe("Copay $20");
  });

  it("turns a Markdown image into its alt text and drops an unclosed comment", () => {
    expect(markdownToText("![Plan logo](logo.png) Deductible $500\n<!-- draft notes")).toBe("Plan logo Deductible $500");
  });
});
