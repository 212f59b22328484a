/**
 * Hostile documents, generated (never stored): decompression bombs, deep nesting, page-count and object-count
 * attacks, oversized images and pathological text, each with the outcome ingestion must reach. Shared by the tests
 * (inside workerd) and `npm run bench:hostile` (in Node), so it uses only what both runtimes have: Uint8Array and
 * TextEncoder, no Buffer, no node: modules.
 *
 * @example for (const file of hostileFiles()) await upload(file.name, file.bytes());
 */

export type HostileKind = "pdf" | "text" | "markdown" | "html";

export interface HostileFile {
  name: string;
  kind: HostileKind;
  /** What it attacks, for reports. */
  description: string;
  /** Built on demand: some are a megabyte or more. */
  bytes: () => Uint8Array;
  /** The job's final status and, when it fails, its error code. */
  expect: { status: "complete" | "failed"; code?: string };
}

const MiB = 1024 * 1024;
const encoder = new TextEncoder();

/** Every hostile file, in the order a report lists them. */
export function hostileFiles(): HostileFile[] {
  return [
    bombPdf("flate-bomb-64mib.pdf", 64 * MiB),
    bombPdf("flate-bomb-256mib.pdf", 256 * MiB),
    bombPdf("flate-bomb-1gib.pdf", 1024 * MiB),
    // The 256 MB case at its size: a 1 MB stream, three literal bytes after each 258-byte match (261:1).
    bombPdf("flate-bomb-1mb-to-256mib.pdf", 256 * MiB, 3),
    {
      name: "flate-bombs-many-small.pdf",
      kind: "pdf",
      description: "40 streams of just under 4 MiB each (within the per-stream budget, 160 MiB in all)",
      bytes: () => manySmallBombsPdf(40, 4 * MiB - 4096),
      expect: { status: "failed", code: "pdf_too_complex" },
    },
    {
      name: "literal-streams.pdf",
      kind: "pdf",
      description: "5 streams of 3.5 MiB written as one-bit literals (17.5 MiB in all): the slowest data to count, over the 16 MiB budget",
      bytes: () => literalStreamsPdf(5, 3.5 * MiB),
      expect: { status: "failed", code: "pdf_too_complex" },
    },
    {
      name: "literal-streams-under-budget.pdf",
      kind: "pdf",
      description: "4 pages of 3.75 MiB written as one-bit literals (15 MiB): counted, then decoded by pdf.js, the slow way",
      bytes: () => literalStreamsPdf(4, 3.75 * MiB),
      expect: { status: "complete" },
    },
    {
      name: "streams-under-budget.pdf",
      kind: "pdf",
      description: "4 pages whose content streams inflate to just under 4 MiB each (16 MiB): about the most a PDF may decode",
      bytes: () => manySmallBombsPdf(4, 4 * MiB - 4096),
      expect: { status: "complete" },
    },
    {
      name: "flate-image-bomb.pdf",
      kind: "pdf",
      description: "an image XObject whose Flate data inflates to 512 MiB",
      bytes: () => imageBombPdf(512 * MiB),
      expect: { status: "failed", code: "pdf_too_complex" },
    },
    {
      name: "lzw-bomb.pdf",
      kind: "pdf",
      description: "an LZW content stream of 1 MiB that decodes to about 2.5 GiB",
      bytes: () => lzwBombPdf(MiB),
      expect: { status: "failed", code: "pdf_too_complex" },
    },
    {
      name: "nested-arrays.pdf",
      kind: "pdf",
      description: "an array nested 100,000 deep in a page dictionary",
      bytes: () => nestedPdf("dictionary", 100_000),
      expect: { status: "failed", code: "pdf_too_complex" },
    },
    {
      name: "nested-content.pdf",
      kind: "pdf",
      description: "an operand array nested 100,000 deep in a page's content stream (pdf.js gives up on that page's text)",
      bytes: () => nestedPdf("content", 100_000),
      expect: { status: "failed", code: "no_extractable_text" },
    },
    {
      name: "ten-thousand-pages.pdf",
      kind: "pdf",
      description: "10,000 pages",
      bytes: () => manyPagesPdf(10_000, 10_000),
      expect: { status: "failed", code: "too_many_pages" },
    },
    {
      name: "page-count-lie.pdf",
      kind: "pdf",
      description: "one page in a page tree that claims a billion (pdf.js counts the pages it finds)",
      bytes: () => manyPagesPdf(1, 1_000_000_000),
      expect: { status: "complete" },
    },
    {
      name: "xobject-fan-out.pdf",
      kind: "pdf",
      description: "forms drawing forms, 100 × 100 × 100 times: a million text items from a few kilobytes",
      bytes: () => fanOutPdf(100, 100),
      expect: { status: "failed", code: "pdf_too_complex" },
    },
    {
      name: "oversized-image.pdf",
      kind: "pdf",
      description: "a JPEG image declaring 65,000 × 65,000 pixels, beside ordinary text",
      bytes: () => oversizedImagePdf(),
      expect: { status: "complete" },
    },
    {
      name: "many-chunks.txt",
      kind: "text",
      description: '2.4 MB of "1. ": 800,000 one-word sentences, more chunks than a document may have',
      bytes: () => encoder.encode("1. ".repeat(800_000)),
      expect: { status: "failed", code: "too_many_chunks" },
    },
    {
      name: "long-table-header.txt",
      kind: "text",
      description: "a table header cell of 1 MB above 2,000 rows, each of which names its column",
      bytes: () => encoder.encode(`| Service | ${"Network ".repeat(131_072)}|\n| --- | --- |\n${"| Specialist visit | $50 copay |\n".repeat(2_000)}`),
      expect: { status: "complete" },
    },
    {
      name: "dots.txt",
      kind: "text",
      description: '"a" and 60,000 dots (the old sentence splitter took 6.1 s and crashed the stack)',
      bytes: () => encoder.encode(`a${".".repeat(60_000)}`),
      expect: { status: "complete" },
    },
    {
      name: "dots-1mb.txt",
      kind: "text",
      description: '"a" and a million dots',
      bytes: () => encoder.encode(`a${".".repeat(1_000_000)}`),
      expect: { status: "complete" },
    },
    {
      name: "open-brackets.txt",
      kind: "text",
      description: 'a sentence and 65,536 "[" (the old type detection took 2.6 s and stalled /health)',
      bytes: () => encoder.encode(`Deductible $500. ${"[".repeat(65_536)}`),
      expect: { status: "complete" },
    },
    {
      name: "script-tags.html",
      kind: "html",
      description: 'a paragraph and 40,000 unclosed "<script " (the old conversion took 5.6 s)',
      bytes: () => encoder.encode(`<html><body><p>Deductible $500</p>${"<script ".repeat(40_000)}`),
      expect: { status: "complete" },
    },
    {
      name: "nested-divs.html",
      kind: "html",
      description: "200,000 nested <div> around one sentence",
      bytes: () => encoder.encode(`<html><body>${"<div>".repeat(200_000)}Deductible $500${"</div>".repeat(200_000)}`),
      expect: { status: "complete" },
    },
    {
      name: "too-much-text.txt",
      kind: "text",
      description: "20 MB of ordinary sentences: more text than a document may have",
      bytes: () => encoder.encode("The specialist copay is $50 per visit after the deductible. ".repeat(340_000)),
      expect: { status: "failed", code: "too_much_text" },
    },
    {
      name: "unclosed-scripts.html",
      kind: "html",
      description: "1 MB of unclosed <script tags (the old conversion took 5.6 s on 40,000)",
      bytes: () => encoder.encode(`<html><body>${"<script ".repeat(131_072)}`),
      expect: { status: "failed", code: "no_extractable_text" },
    },
    {
      name: "open-brackets.md",
      kind: "markdown",
      description: "1 MB of [ and ![a]( (the old detection took 2.6 s on 65,536 [)",
      bytes: () => encoder.encode(`# Plan\n\n${"![a](".repeat(104_858)}\n\n${"[".repeat(524_288)}`),
      expect: { status: "complete" },
    },
    {
      name: "trailing-spaces.txt",
      kind: "text",
      description: "a 1 MB line of spaces between two words (quadratic in the old tidy-up)",
      bytes: () => encoder.encode(`Deductible${" ".repeat(MiB)}applies.`),
      expect: { status: "complete" },
    },
  ];
}

function bombPdf(name: string, inflated: number, literalsPerMatch = 0): HostileFile {
  const ratio = (258 + literalsPerMatch) / ((2 + 2 * literalsPerMatch) / 8);
  return {
    name,
    kind: "pdf",
    description: `a page content stream of ${Math.round(inflated / ratio / 1024)} KiB that inflates to ${inflated / MiB} MiB (${Math.round(ratio)}:1)`,
    bytes: () => pdfWithPages([{ content: zlibZeros(inflated, literalsPerMatch), filter: "/FlateDecode" }, textPage("Your deductible is $500.")]),
    expect: { status: "failed", code: "pdf_too_complex" },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// PDF assembly

export interface PdfObject {
  /** The object's dictionary (or value); for a stream, the entries inside << >> without /Length. */
  dictionary: string;
  stream?: Uint8Array;
}

interface PageSpec {
  content: Uint8Array;
  filter?: string;
  /** Extra entries for the page's /Resources dictionary. */
  resources?: string;
  /** Extra entries for the page dictionary itself. */
  extra?: string;
}

function textPage(text: string): PageSpec {
  return { content: encoder.encode(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`) };
}

/** A PDF with one object per entry (numbered from 1), a cross-reference table and a trailer whose root is object 1. */
export function assemble(objects: PdfObject[], trailerExtra = ""): Uint8Array {
  const parts: Uint8Array[] = [encoder.encode("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n")];
  let length = parts[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(length);
    const head = object.stream
      ? `${index + 1} 0 obj\n<< ${object.dictionary} /Length ${object.stream.length} >>\nstream\n`
      : `${index + 1} 0 obj\n${object.dictionary}\n`;
    const chunks = object.stream ? [encoder.encode(head), object.stream, encoder.encode("\nendstream\nendobj\n")] : [encoder.encode(`${head}endobj\n`)];
    for (const chunk of chunks) {
      parts.push(chunk);
      length += chunk.length;
    }
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`, ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n\r\n`)].join("");
  parts.push(encoder.encode(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`));
  return concat(parts);
}

/** Catalog (1), page tree (2), font (3), then each page and its content stream. */
function pdfWithPages(pages: PageSpec[], extraObjects: PdfObject[] = [], count?: number): Uint8Array {
  const objects: PdfObject[] = [];
  const firstPage = 4 + extraObjects.length;
  const pageRefs = pages.map((_, i) => `${firstPage + 2 * i} 0 R`);
  objects.push({ dictionary: "<< /Type /Catalog /Pages 2 0 R >>" });
  objects.push({ dictionary: `<< /Type /Pages /Kids [${pageRefs.join(" ")}] /Count ${count ?? pages.length} >>` });
  objects.push({ dictionary: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>" });
  objects.push(...extraObjects);
  pages.forEach((page, i) => {
    const contentRef = firstPage + 2 * i + 1;
    objects.push({
      dictionary:
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> ${page.resources ?? ""} >> ` +
        `/Contents ${contentRef} 0 R ${page.extra ?? ""} >>`,
    });
    objects.push({ dictionary: page.filter ? `/Filter ${page.filter}` : "", stream: page.content });
  });
  return assemble(objects);
}

function manySmallBombsPdf(streams: number, each: number): Uint8Array {
  // Each bomb is its own page, so every one of them is a content stream pdf.js would decode.
  const pages: PageSpec[] = Array.from({ length: streams }, () => ({ content: zlibZeros(each), filter: "/FlateDecode" }));
  return pdfWithPages([textPage("Deductible $500."), ...pages]);
}

function literalStreamsPdf(streams: number, each: number): Uint8Array {
  const pages: PageSpec[] = Array.from({ length: streams }, () => ({ content: zlibLiteralZeros(each), filter: "/FlateDecode" }));
  return pdfWithPages([textPage("Deductible $500."), ...pages]);
}

function imageBombPdf(inflated: number): Uint8Array {
  const side = Math.floor(Math.sqrt(inflated / 3));
  const image: PdfObject = {
    dictionary: `/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode`,
    stream: zlibZeros(inflated),
  };
  const page = textPage("Deductible $500.");
  return pdfWithPages([{ ...page, content: encoder.encode(`q 612 0 0 792 0 0 cm /Im1 Do Q ${new TextDecoder().decode(page.content)}`), resources: "/XObject << /Im1 4 0 R >>" }], [image]);
}

function lzwBombPdf(compressed: number): Uint8Array {
  return pdfWithPages([{ content: lzwLongestRuns(compressed), filter: "/LZWDecode" }, textPage("Deductible $500.")]);
}

function nestedPdf(where: "dictionary" | "content", depth: number): Uint8Array {
  const nested = `${"[".repeat(depth)}${"]".repeat(depth)}`;
  if (where === "dictionary") return pdfWithPages([{ ...textPage("Deductible $500."), extra: `/Deep ${nested}` }]);
  return pdfWithPages([{ content: encoder.encode(`BT /F1 12 Tf 72 720 Td ${nested} TJ (Deductible $500.) Tj ET`) }]);
}

function manyPagesPdf(pages: number, count: number): Uint8Array {
  // One shared content stream keeps ten thousand pages near a megabyte.
  const objects: PdfObject[] = [];
  const firstPage = 5;
  objects.push({ dictionary: "<< /Type /Catalog /Pages 2 0 R >>" });
  objects.push({ dictionary: `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${firstPage + i} 0 R`).join(" ")}] /Count ${count} >>` });
  objects.push({ dictionary: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>" });
  objects.push({ dictionary: "", stream: encoder.encode("BT /F1 12 Tf 72 720 Td (Deductible $500.) Tj ET") });
  for (let i = 0; i < pages; i++) {
    objects.push({ dictionary: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>" });
  }
  return assemble(objects);
}

function fanOutPdf(width: number, leafItems: number): Uint8Array {
  // Form 4 shows `leafItems` lines of text; form 5 draws form 4 `width` times; form 6 draws form 5 `width` times;
  // the page draws form 6 `width` times: width³ × leafItems items if nothing stops it.
  const lines = Array.from({ length: leafItems }, (_, i) => `(Item ${i}) Tj 0 -1 Td`).join(" ");
  const form = (body: string, resources: string): PdfObject => ({
    dictionary: `/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> ${resources} >>`,
    stream: encoder.encode(body),
  });
  const draws = (name: string) => Array.from({ length: width }, () => `/${name} Do`).join(" ");
  const objects = [
    form(`BT /F1 1 Tf 0 700 Td ${lines} ET`, ""),
    form(draws("X4"), "/XObject << /X4 4 0 R >>"),
    form(draws("X5"), "/XObject << /X5 5 0 R >>"),
  ];
  return pdfWithPages([{ content: encoder.encode(draws("X6")), resources: "/XObject << /X6 6 0 R >>" }], objects);
}

function oversizedImagePdf(): Uint8Array {
  const image: PdfObject = {
    dictionary: "/Type /XObject /Subtype /Image /Width 65000 /Height 65000 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode",
    stream: jpegHeader(65000, 65000),
  };
  return pdfWithPages(
    [{ content: encoder.encode("q 612 0 0 792 0 0 cm /Im1 Do Q BT /F1 12 Tf 72 720 Td (The deductible is $500 per person.) Tj ET"), resources: "/XObject << /Im1 4 0 R >>" }],
    [image],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Compressed data built by hand, in time proportional to its compressed size

/**
 * A zlib stream that inflates to at least `size` zero bytes, at deflate's best ratio (about 1032:1), written directly:
 * one dynamic block whose only length code (258) and only distance code (1) are one bit each, so after a literal zero
 * the body is all zero bits, two per 258 bytes. `literalsPerMatch` literal zeros (two bits each) after every match
 * lower the ratio: 3 gives 261 bytes per byte of body. Valid for zlib (checksum included) and for pdf.js.
 */
export function zlibZeros(size: number, literalsPerMatch = 0): Uint8Array {
  const unitBytes = 258 + literalsPerMatch;
  const unitBits = 2 + 2 * literalsPerMatch;
  const repeats = Math.max(0, Math.ceil((size - 1) / unitBytes));
  const writer = new BitWriter();
  writer.bits(1, 1); // BFINAL
  writer.bits(2, 2); // BTYPE: dynamic
  writer.bits(286 - 257, 5); // HLIT: codes 0..285
  writer.bits(0, 5); // HDIST: one distance code
  writer.bits(18 - 4, 4); // HCLEN: code-length codes up to position 17 of the order
  // Code-length code lengths in the format's order [16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1]: 18 → 1 bit, 2 and 1 → 2 bits.
  for (const length of [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2]) writer.bits(length, 3);
  // Canonical codes of that alphabet: 18 = "0", 1 = "10", 2 = "11".
  const lengthTwo = () => writer.code(0b11, 2);
  const lengthOne = () => writer.code(0b10, 2);
  const zeros = (n: number) => {
    writer.code(0, 1);
    writer.bits(n - 11, 7);
  };
  lengthTwo(); // literal 0: 2 bits
  zeros(138);
  zeros(117); // literals 1..255 unused
  lengthTwo(); // 256, end of block: 2 bits
  zeros(28); // 257..284 unused
  lengthOne(); // 285, length 258: 1 bit
  lengthOne(); // distance code 0 (distance 1): 1 bit
  // Canonical lit/len codes: 285 = "0", 0 = "10", 256 = "11"; distance 0 = "0".
  writer.code(0b10, 2); // the first zero byte
  const bodyStart = writer.length;
  const bodyBits = bodyStart + repeats * unitBits;
  const endBits = bodyBits + 2;
  const out = new Uint8Array(2 + Math.ceil(endBits / 8) + 4);
  out[0] = 0x78;
  out[1] = 0xda;
  writer.writeInto(out, 2);
  // Each unit: the match ("0", "0"), then literal zeros ("10" each: its first bit, 1, goes first).
  if (literalsPerMatch > 0) {
    for (let unit = 0, bit = bodyStart; unit < repeats; unit++, bit += unitBits) {
      for (let k = 0; k < literalsPerMatch; k++) setBits(out, 2, bit + 2 + 2 * k, 1, 1);
    }
  }
  setBits(out, 2, bodyBits, 0b11, 2); // end of block: "11" (symmetric, so its bit order does not matter)
  // Adler-32 of the zero bytes: a stays 1, b adds 1 per byte.
  const a = 1;
  const b = (1 + repeats * unitBytes) % 65521;
  const checksum = ((b << 16) | a) >>> 0;
  const tail = out.length - 4;
  out[tail] = checksum >>> 24;
  out[tail + 1] = (checksum >>> 16) & 0xff;
  out[tail + 2] = (checksum >>> 8) & 0xff;
  out[tail + 3] = checksum & 0xff;
  return out;
}

/**
 * A zlib stream of `size` zero bytes written as literals only, one bit each: one dynamic block whose only codes are
 * literal 0 ("0") and end of block ("1"). At 8:1 it is no bomb, but it is the most symbols a byte of compressed data can
 * hold, so it is the slowest data for a checker that counts what a stream decodes to symbol by symbol.
 */
export function zlibLiteralZeros(size: number): Uint8Array {
  const writer = new BitWriter();
  writer.bits(1, 1); // BFINAL
  writer.bits(2, 2); // BTYPE: dynamic
  writer.bits(286 - 257, 5); // HLIT: codes 0..285
  writer.bits(0, 5); // HDIST: one distance code
  writer.bits(18 - 4, 4); // HCLEN: all 18 code-length codes
  // In the format's order [16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1]: 18 and 1 → 1 bit each (1 = "0", 18 = "1").
  for (const length of [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) writer.bits(length, 3);
  const one = () => writer.code(0, 1);
  const zeros = (n: number) => {
    writer.code(1, 1);
    writer.bits(n - 11, 7);
  };
  one(); // literal 0: 1 bit
  zeros(138);
  zeros(117); // literals 1..255 unused
  one(); // 256, end of block: 1 bit
  zeros(29); // 257..285 unused
  one(); // distance code 0: 1 bit
  // Canonical lit/len codes: 0 = "0", 256 = "1". The body is `size` zero bits, then "1".
  const bodyBits = writer.length + size;
  const out = new Uint8Array(2 + Math.ceil((bodyBits + 1) / 8) + 4);
  out[0] = 0x78;
  out[1] = 0xda;
  writer.writeInto(out, 2);
  setBits(out, 2, bodyBits, 1, 1);
  // Adler-32 of the zero bytes: a stays 1, b adds 1 per byte.
  const checksum = (((size % 65521) << 16) | 1) >>> 0;
  const tail = out.length - 4;
  out[tail] = checksum >>> 24;
  out[tail + 1] = (checksum >>> 16) & 0xff;
  out[tail + 2] = (checksum >>> 8) & 0xff;
  out[tail + 3] = checksum & 0xff;
  return out;
}

class BitWriter {
  private readonly values: Array<[number, number]> = [];
  length = 0;

  /** A number, least significant bit first (header fields, extra bits). */
  bits(value: number, count: number): void {
    this.values.push([value, count]);
    this.length += count;
  }

  /** A Huffman code, most significant bit first. */
  code(code: number, count: number): void {
    let reversed = 0;
    for (let i = 0; i < count; i++) reversed |= ((code >> i) & 1) << (count - 1 - i);
    this.bits(reversed, count);
  }

  writeInto(out: Uint8Array, byteOffset: number): void {
    let bit = 0;
    for (const [value, count] of this.values) {
      setBits(out, byteOffset, bit, value, count);
      bit += count;
    }
  }
}

function setBits(out: Uint8Array, byteOffset: number, bitOffset: number, value: number, count: number): void {
  for (let i = 0; i < count; i++) {
    if ((value >> i) & 1) {
      const at = bitOffset + i;
      const index = byteOffset + (at >> 3);
      out[index] = (out[index] ?? 0) | (1 << (at & 7));
    }
  }
}

/**
 * LZW codes (EarlyChange 1) that grow the dictionary one byte at a time to its longest entries, then repeat the
 * longest entry until `bytes` of codes are written: each 12-bit code then stands for about 3,800 bytes.
 */
export function lzwLongestRuns(bytes: number): Uint8Array {
  const codes: Array<[number, number]> = [];
  let next = 258;
  let width = 9;
  let bits = 0;
  const emit = (code: number) => {
    codes.push([code, width]);
    bits += width;
  };
  emit(0x30);
  // Code `next` is the entry being defined: the previous sequence plus its own first byte, one longer each time.
  while (next < 4095) {
    emit(next);
    next++;
    if (next + 1 >= 1 << width && width < 12) width++;
  }
  while (bits < bytes * 8 - 12) emit(4094);
  emit(257);
  const out = new Uint8Array(Math.ceil(bits / 8));
  let position = 0;
  for (const [code, count] of codes) {
    for (let i = count - 1; i >= 0; i--) {
      if ((code >> i) & 1) out[position >> 3] = (out[position >> 3] ?? 0) | (0x80 >> (position & 7));
      position++;
    }
  }
  return out;
}

/** The start of a baseline JPEG (SOI, SOF0) declaring `width` × `height` with three components, and nothing after. */
function jpegHeader(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03,
    0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
  ]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
