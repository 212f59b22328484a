/**
 * The decompression check that runs before pdf.js: sizes counted without decoding must equal what a real decoder
 * produces, must not stop where zlib stops but pdf.js goes on, and must trip the budgets on bombs at once.
 */
import { describe, expect, it } from "vitest";
import { assemble, hostileFiles, lzwLongestRuns, zlibLiteralZeros, zlibZeros } from "../../bench/lib/hostile-files";
import { BudgetExceeded, inflatedSize, lzwDecodedSize, WorkBudget } from "../../src/ingestion/pdf-inflate";
import { inspectStreams, inspectStreamsInSteps, pageCensus } from "../../src/ingestion/pdf-streams";

const MiB = 1024 * 1024;
const unlimited = () => new WorkBudget(Number.POSITIVE_INFINITY);
const limits = { maxStreamBytes: 16 * MiB, maxTotalBytes: 64 * MiB, maxObjects: 10_000 };

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A PDF whose only content is one stream with `dictionary` entries and `data`. */
const pdfWithStream = (dictionary: string, data: Uint8Array, trailer = "") =>
  assemble([{ dictionary: "<< /Type /Catalog /Pages 2 0 R >>" }, { dictionary: "<< /Type /Pages /Kids [] /Count 0 >>" }, { dictionary, stream: data }], trailer);

describe("inflatedSize", () => {
  it.each([
    ["prose", new TextEncoder().encode("The specialist copay is $50 after the deductible. ".repeat(4_000))],
    ["random bytes, stored uncompressed", crypto.getRandomValues(new Uint8Array(60_000))],
    ["one repeated byte", new Uint8Array(300_000).fill(7)],
    ["nothing", new Uint8Array(0)],
  ])("counts %s exactly as the platform's inflater produces them", async (_name, original) => {
    expect(inflatedSize(await deflate(original), 0, unlimited())).toBe(original.length);
  });

  it("counts a generated bomb without inflating it, and stops at the budget", () => {
    const bomb = zlibZeros(512 * MiB);
    expect(inflatedSize(bomb, 0, unlimited())).toBe(1 + 258 * Math.ceil((512 * MiB - 1) / 258));
    expect(() => inflatedSize(bomb, 0, new WorkBudget(16 * MiB))).toThrow(BudgetExceeded);
  });

  it("keeps counting past a back-reference before the first byte, where zlib stops and pdf.js does not", () => {
    // Fixed Huffman block: length 258 at distance 1 with nothing before it, then the end of the block.
    const bits: number[] = [1, 1, 0]; // BFINAL, BTYPE = 01 (least significant bit first)
    const code = (value: number, count: number) => {
      for (let i = count - 1; i >= 0; i--) bits.push((value >> i) & 1);
    };
    code(0b11000101, 8); // 285: length 258
    code(0, 5); // distance code 0: distance 1
    code(0, 7); // 256: end of block
    const body = new Uint8Array(Math.ceil(bits.length / 8));
    bits.forEach((bit, i) => (body[i >> 3] = (body[i >> 3] ?? 0) | (bit << (i & 7))));
    expect(inflatedSize(Uint8Array.from([0x78, 0x9c, ...body]), 0, unlimited())).toBe(258);
  });

  it("counts nothing for data pdf.js would not accept as Flate (no zlib header)", () => {
    expect(inflatedSize(new TextEncoder().encode("BT (Hello) Tj ET"), 0, unlimited())).toBe(0);
  });
});

describe("lzwDecodedSize", () => {
  it("counts what an LZW decoder produces from codes that grow the dictionary to its longest entries", () => {
    const data = lzwLongestRuns(6_000);
    expect(lzwDecodedSize(data, 0, 1, unlimited())).toBe(referenceLzwLength(data));
  });

  it("stops a 1 MiB LZW stream that decodes to gigabytes at the budget", () => {
    expect(() => lzwDecodedSize(lzwLongestRuns(MiB), 0, 1, new WorkBudget(16 * MiB))).toThrow(BudgetExceeded);
  });
});

describe("inspectStreams", () => {
  it("passes an ordinary PDF and reports what its streams decode to", async () => {
    const content = new TextEncoder().encode("BT /F1 12 Tf 72 720 Td (Deductible $500) Tj ET ".repeat(200));
    const verdict = inspectStreams(pdfWithStream("/Filter /FlateDecode", await deflate(content)), limits);
    expect(verdict).toEqual({ ok: true, report: { streams: 1, objects: 3, decodedBytes: content.length, largestStream: content.length, encrypted: false } });
  });

  it("refuses a stream that inflates past the per-stream budget", () => {
    expect(inspectStreams(pdfWithStream("/Filter /FlateDecode", zlibZeros(20 * MiB)), limits)).toMatchObject({ ok: false, reason: "stream_too_large" });
  });

  it("refuses streams that each fit but together pass the document's budget", () => {
    const streams = Array.from({ length: 10 }, () => ({ dictionary: "/Filter /Fl", stream: zlibZeros(10 * MiB) }));
    expect(inspectStreams(assemble([{ dictionary: "<< /Type /Catalog >>" }, ...streams]), limits)).toMatchObject({ ok: false, reason: "total_too_large" });
  });

  it("checks one stream per step, so the caller can take turns between them, and reaches the same verdict", () => {
    const streams = Array.from({ length: 10 }, () => ({ dictionary: "/Filter /Fl", stream: zlibZeros(10 * MiB) }));
    const file = assemble([{ dictionary: "<< /Type /Catalog >>" }, ...streams]);
    const steps = inspectStreamsInSteps(file, limits);
    const counted: number[] = [];
    let step = steps.next();
    for (; !step.done; step = steps.next()) counted.push(step.value);
    // Six streams of 10 MiB fit the 64 MiB budget; the seventh passes it.
    expect(counted).toEqual(Array.from({ length: 6 }, () => 1 + 258 * Math.ceil((10 * MiB - 1) / 258)));
    expect(step.value).toEqual(inspectStreams(file, limits));
  });

  it("counts one-bit literals, the most symbols a compressed byte can hold, byte for byte", async () => {
    const literals = zlibLiteralZeros(100_000);
    expect(inflatedSize(literals, 0, unlimited())).toBe(100_000);
    const inflated = new Response(new Blob([literals]).stream().pipeThrough(new DecompressionStream("deflate")));
    expect(new Uint8Array(await inflated.arrayBuffer())).toEqual(new Uint8Array(100_000));
  });

  it("counts Flate behind ASCIIHex, decoding the hex for real", async () => {
    const inner = await deflate(new Uint8Array(100_000));
    const hex = new TextEncoder().encode(`${[...inner].map((b) => b.toString(16).padStart(2, "0")).join("")}>`);
    const verdict = inspectStreams(pdfWithStream("/Filter [/AHx /FlateDecode]", hex), limits);
    expect(verdict).toMatchObject({ ok: true, report: { largestStream: 100_000 } });
  });

  it("refuses filter chains it cannot follow: a compressor before another filter, or an indirect /Filter", () => {
    expect(inspectStreams(pdfWithStream("/Filter [/FlateDecode /FlateDecode]", zlibZeros(1000)), limits)).toMatchObject({ ok: false, reason: "unsupported_filters" });
    expect(inspectStreams(pdfWithStream("/Filter 9 0 R", zlibZeros(1000)), limits)).toMatchObject({ ok: false, reason: "unsupported_filters" });
  });

  it("does not count streams whose last filter is an image codec, which text extraction never decodes", () => {
    expect(inspectStreams(pdfWithStream("/Subtype /Image /Filter /DCTDecode", new Uint8Array(5000).fill(0xff)), limits)).toMatchObject({ ok: true, report: { decodedBytes: 0 } });
  });

  it("flags a file with an /Encrypt dictionary, whose streams it cannot read", () => {
    expect(inspectStreams(pdfWithStream("", new Uint8Array(10)), limits)).toMatchObject({ ok: true, report: { encrypted: false } });
    expect(inspectStreams(pdfWithStream("", new Uint8Array(10), "/Encrypt 7 0 R"), limits)).toMatchObject({ ok: true, report: { encrypted: true } });
  });

  it("refuses a cross-reference /Size beyond the object budget", () => {
    expect(inspectStreams(pdfWithStream("", new Uint8Array(10), "/Size 90000000"), limits)).toMatchObject({ ok: false, reason: "too_many_objects" });
  });
});

describe("pageCensus", () => {
  const hostile = (name: string) => hostileFiles().find((file) => file.name === name)?.bytes() ?? new Uint8Array(0);

  it("counts the page objects and the page tree's /Count of a 10,000-page file", () => {
    expect(pageCensus(hostile("ten-thousand-pages.pdf"))).toEqual({ pageObjects: 10_000, largestCount: 10_000 });
  });

  it("sees one page object where the tree claims a billion", () => {
    expect(pageCensus(hostile("page-count-lie.pdf"))).toEqual({ pageObjects: 1, largestCount: 1_000_000_000 });
  });

  it("does not count /Pages nodes or words that start with /Page as pages", () => {
    const pdf = assemble([
      { dictionary: "<< /Type /Catalog /Pages 2 0 R /PageLayout /OneColumn >>" },
      { dictionary: "<< /Type/Pages /Kids [3 0 R] /Count 1 >>" },
      { dictionary: "<< /Type/Page /Parent 2 0 R >>" },
    ]);
    expect(pageCensus(pdf)).toEqual({ pageObjects: 1, largestCount: 1 });
  });
});

/** A plain LZW decoder (EarlyChange 1) that tracks only entry lengths, to check the counter against. */
function referenceLzwLength(data: Uint8Array): number {
  // Codes 0–255 are single bytes; 256 (clear) and 257 (end) take two places; new entries start at 258.
  const lengths: number[] = [...Array.from({ length: 256 }, () => 1), 0, 0];
  let buffer = 0;
  let size = 0;
  let at = 0;
  let width = 9;
  let previous = 0;
  let total = 0;
  for (;;) {
    while (size < width && at < data.length) {
      buffer = ((buffer << 8) | (data[at++] ?? 0)) & 0xffffff;
      size += 8;
    }
    if (size < width) return total;
    size -= width;
    const code = (buffer >>> size) & ((1 << width) - 1);
    if (code === 257) return total;
    if (code === 256) {
      lengths.length = 258;
      width = 9;
      previous = 0;
      continue;
    }
    const length = code < lengths.length ? (lengths[code] ?? 1) : previous + 1;
    if (previous > 0 && lengths.length < 4096) lengths.push(previous + 1);
    previous = length;
    total += length;
    if (lengths.length + 1 >= 1 << width && width < 12) width++;
  }
}
