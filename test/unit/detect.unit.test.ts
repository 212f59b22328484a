import { describe, expect, inject, it } from "vitest";
import { decodeText, detectKind } from "../../src/ingestion/detect";
import { garbagePdf, textPdf } from "./pdf-samples";

const utf8 = (text: string) => new TextEncoder().encode(text);

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

describe("detectKind", () => {
  it("recognises a PDF by its %PDF- header", () => {
    expect(detectKind(textPdf(["Deductible"]))).toBe("pdf");
  });

  it("recognises a PDF whose header follows a few junk bytes, as the spec allows", () => {
    expect(detectKind(concat(new Uint8Array([0x0d, 0x0a, 0x00, 0x7f]), textPdf(["Deductible"])))).toBe("pdf");
  });

  it("recognises the CMS sample SBC fixture as a PDF", async () => {
    const response = await fetch(`${inject("fixturesUrl")}/fixtures/cms-sample-sbc.pdf`);
    expect(detectKind(new Uint8Array(await response.arrayBuffer()))).toBe("pdf");
  });

  it("treats a PDF header followed by garbage as a PDF, leaving the verdict on its contents to the parser", () => {
    expect(detectKind(garbagePdf())).toBe("pdf");
  });

  it("does not call text a PDF because it mentions %PDF- after its first line", () => {
    expect(detectKind(utf8("Notes on the format.\nEvery file starts with %PDF-1.7 and a binary comment.\n"))).toBe("text");
  });

  it("recognises plain prose as text", () => {
    expect(detectKind(utf8("Your plan's deductible is $500. Specialist visits cost $50.\n"))).toBe("text");
  });

  it("recognises a document with headings and links as Markdown", () => {
    expect(detectKind(utf8("# Summary of benefits\n\nSee [the glossary](https://example.com/glossary).\n"))).toBe("markdown");
  });

  it("recognises a Markdown table as Markdown", () => {
    expect(detectKind(utf8("| Service | You pay |\n| --- | --- |\n| Specialist | $50 |\n"))).toBe("markdown");
  });

  it("keeps text with a single dash list as plain text", () => {
    expect(detectKind(utf8("Covered services:\n- Primary care\n- Specialist care\n"))).toBe("text");
  });

  it("recognises a full HTML document", () => {
    expect(detectKind(utf8("<!DOCTYPE html>\n<html><body><p>Deductible: $500</p></body></html>"))).toBe("html");
  });

  it("recognises an HTML fragment dense with tags", () => {
    expect(detectKind(utf8("<h2>Benefits</h2><p>Deductible: $500</p><ul><li>Specialist: $50</li></ul>"))).toBe("html");
  });

  it("accepts UTF-8 with a byte order mark", () => {
    expect(detectKind(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8("Deductible: $500")))).toBe("text");
  });

  it("accepts UTF-16 with a byte order mark", () => {
    const text = "Deducible: 500 $";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(detectKind(bytes)).toBe("text");
  });

  it("rejects random bytes", () => {
    const bytes = new Uint8Array(4096);
    let state = 7;
    for (let i = 0; i < bytes.length; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      bytes[i] = state >>> 24;
    }
    expect(detectKind(bytes)).toBeNull();
  });

  it("rejects valid UTF-8 that contains NUL bytes", () => {
    expect(detectKind(utf8("Deductible\u0000: $500"))).toBeNull();
  });

  it("rejects invalid UTF-8", () => {
    expect(detectKind(concat(utf8("Deductible "), new Uint8Array([0xc3, 0x28]), utf8(" $500")))).toBeNull();
  });

  it("rejects text full of control characters", () => {
    expect(detectKind(utf8("\u0001\u0002\u0003\u0004 mostly binary \u0005\u0006\u0007\u0008"))).toBeNull();
  });

  it("rejects empty input", () => {
    expect(detectKind(new Uint8Array())).toBeNull();
  });
});

describe("decodeText", () => {
  it("drops the UTF-8 byte order mark", () => {
    expect(decodeText(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8("Plan")))).toBe("Plan");
  });
});
