import { BudgetExceeded, inflatedSize, lzwDecodedSize, WorkBudget } from "./pdf-inflate";

/**
 * A look at a PDF's raw bytes before pdf.js opens it: every stream's decoded size is counted (without decoding it;
 * see ./pdf-inflate.ts) and checked against a budget, so a stream that inflates to a gigabyte is refused before
 * pdf.js allocates it. One pass over the file, no recursion, memory independent of what the streams decode to.
 *
 * What pdf.js decodes while extracting text is a page's content streams, the forms they draw, fonts and their
 * encodings, and the object and cross-reference streams that hold the rest; which stream is which is not known
 * here, so every stream counts. Streams whose last filter is an image codec (DCT, JPX, JBIG2, CCITT) are not decoded
 * during text extraction and are not counted.
 */

export interface StreamLimits {
  /** Most bytes any one stream may decode to. */
  maxStreamBytes: number;
  /** Most bytes all streams together may decode to (also bounds the time spent counting). */
  maxTotalBytes: number;
  /** Most indirect objects ("N G obj") and the largest cross-reference /Size accepted. */
  maxObjects: number;
}

export interface StreamReport {
  streams: number;
  objects: number;
  /** What the counted streams decode to (when a budget stops the count: the work done until then). */
  decodedBytes: number;
  largestStream: number;
  /** The file names an /Encrypt dictionary: its streams are ciphertext here and cannot be counted. */
  encrypted: boolean;
}

export type StreamVerdict =
  | { ok: true; report: StreamReport }
  | { ok: false; reason: "stream_too_large" | "total_too_large" | "too_many_objects" | "unsupported_filters"; report: StreamReport };

const STREAM = bytesOf("stream");
const OBJ = bytesOf(" obj");
const ENCRYPT = bytesOf("/Encrypt");
const SIZE = bytesOf("/Size");
/** A stream's dictionary is never this long; looking further back for its "<<" would only cost time. */
const MAX_DICTIONARY_BYTES = 64 * 1024;

const COMPRESSORS = new Set(["FlateDecode", "Fl", "LZWDecode", "LZW"]);
const IMAGE_CODECS = new Set(["DCTDecode", "DCT", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "CCF"]);
const TEXT_CODECS = new Set(["ASCIIHexDecode", "AHx", "ASCII85Decode", "A85", "RunLengthDecode", "RL"]);

/**
 * Counts what the PDF's streams decode to and checks it against `limits`; returns the counts either way.
 *
 * @example const verdict = inspectStreams(bytes, { maxStreamBytes: 4 << 20, maxTotalBytes: 16 << 20, maxObjects: 500_000 });
 */
export function inspectStreams(data: Uint8Array, limits: StreamLimits): StreamVerdict {
  const steps = inspectStreamsInSteps(data, limits);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `inspectStreams` one stream at a time: yields the bytes each stream decodes to (as far as it was counted) and returns
 * the verdict, so a caller can give other requests a turn between streams. Counting is symbol by symbol, and data of
 * one-bit literals (the most symbols a compressed byte can hold) took 220–510 ms for the 16 MiB budget in one stretch
 * (Node, load 4.7; BENCHMARKS.md, session 7).
 *
 * @example const steps = inspectStreamsInSteps(bytes, limits); let step = steps.next(); while (!step.done) { await turn(); step = steps.next(); }
 */
export function* inspectStreamsInSteps(data: Uint8Array, limits: StreamLimits): Generator<number, StreamVerdict, void> {
  const report: StreamReport = { streams: 0, objects: countOccurrences(data, OBJ), decodedBytes: 0, largestStream: 0, encrypted: false };
  report.encrypted = findAll(data, ENCRYPT).some((at) => isDelimiter(data[at + ENCRYPT.length]));
  if (report.objects > limits.maxObjects || largestSize(data) > limits.maxObjects) return { ok: false, reason: "too_many_objects", report };

  const total = new WorkBudget(limits.maxTotalBytes);
  for (const keyword of findAll(data, STREAM)) {
    // "endstream" contains "stream"; a stream's data starts after "stream" and one end of line.
    if (keyword >= 3 && data[keyword - 3] === 0x65 && data[keyword - 2] === 0x6e && data[keyword - 1] === 0x64) continue;
    const dataStart = afterEndOfLine(data, keyword + STREAM.length);
    if (dataStart === null) continue;
    const filters = streamFilters(data, keyword);
    if (filters === null) return { ok: false, reason: "unsupported_filters", report };
    report.streams++;
    const perStream = new WorkBudget(limits.maxStreamBytes);
    let size: number;
    try {
      size = decodedSize(data, dataStart, filters, perStream, total);
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      report.decodedBytes = total.used;
      report.largestStream = Math.max(report.largestStream, perStream.used);
      return { ok: false, reason: perStream.used > limits.maxStreamBytes ? "stream_too_large" : "total_too_large", report };
    }
    if (size < 0) return { ok: false, reason: "unsupported_filters", report };
    report.largestStream = Math.max(report.largestStream, size);
    report.decodedBytes += size;
    yield size;
  }
  return { ok: true, report };
}

const TYPE = bytesOf("/Type");
const PAGE = bytesOf("/Page");
const COUNT = bytesOf("/Count");

/** What the raw bytes say about the number of pages, for refusing a huge document before pdf.js opens it. */
export interface PageCensus {
  /** Page objects in plain sight (`/Type /Page`); those inside compressed object streams are not seen. */
  pageObjects: number;
  /** The largest `/Count` anywhere: a page tree's root says how many pages it holds (outlines count too). */
  largestCount: number;
}

/**
 * Counts page objects and finds the largest /Count, in two passes over the bytes. A document shows more pages than a
 * budget when both exceed it: page objects alone could be orphans of an edit, and a /Count alone can lie (one page
 * in a tree that claims a billion is read, as pdf.js reads it).
 *
 * @example const { pageObjects, largestCount } = pageCensus(bytes);
 */
export function pageCensus(data: Uint8Array): PageCensus {
  let pageObjects = 0;
  for (const at of findAll(data, TYPE)) {
    let i = at + TYPE.length;
    while (isWhitespace(data[i])) i++;
    let page = true;
    for (let k = 0; k < PAGE.length && page; k++) page = data[i + k] === PAGE[k];
    if (page && isDelimiter(data[i + PAGE.length])) pageObjects++;
  }
  return { pageObjects, largestCount: largestNumberAfter(data, COUNT) };
}

/** Both budgets at once: the stream's own and the document's. */
class SharedBudget extends WorkBudget {
  constructor(
    private readonly stream: WorkBudget,
    private readonly document: WorkBudget,
  ) {
    super(Math.min(stream.limit, document.limit));
  }

  override spend(units: number): boolean {
    const withinStream = this.stream.spend(units);
    const withinDocument = this.document.spend(units);
    return withinStream && withinDocument;
  }
}

/**
 * Decoded size of one stream, or -1 for a filter chain pdf.js would decode but this check cannot follow (a compressor
 * that is not the last decoding step). Filters that only transcode (hex, ASCII85, run-length) are decoded for real,
 * within the budget, so the compressor after them can be counted.
 */
function decodedSize(data: Uint8Array, start: number, filters: string[], stream: WorkBudget, document: WorkBudget): number {
  const budget = new SharedBudget(stream, document);
  const decoding = filters.filter((name) => !IMAGE_CODECS.has(name));
  // Whatever follows an image codec is applied to image pixels pdf.js does not decode for text.
  const firstImage = filters.findIndex((name) => IMAGE_CODECS.has(name));
  const chain = firstImage >= 0 ? filters.slice(0, firstImage) : decoding;
  if (chain.length === 0) return 0;
  let bytes = data;
  let offset = start;
  for (let i = 0; i < chain.length; i++) {
    const name = chain[i] ?? "";
    const last = i === chain.length - 1;
    if (COMPRESSORS.has(name)) {
      if (!last) return -1;
      return name === "LZWDecode" || name === "LZW" ? lzwDecodedSize(bytes, offset, earlyChange(data, start), budget) : inflatedSize(bytes, offset, budget);
    }
    if (!TEXT_CODECS.has(name)) return -1;
    bytes = transcode(name, bytes, offset, budget);
    offset = 0;
    if (last) return bytes.length;
  }
  return bytes.length;
}

/** ASCIIHex, ASCII85 and RunLength decoded for real (they cannot expand much, but RunLength can 64-fold). */
function transcode(name: string, data: Uint8Array, start: number, budget: WorkBudget): Uint8Array {
  let out = new Uint8Array(4096);
  let length = 0;
  const push = (byte: number) => {
    if (!budget.spend(1)) throw new BudgetExceeded();
    if (length === out.length) {
      const grown = new Uint8Array(out.length * 2);
      grown.set(out);
      out = grown;
    }
    out[length++] = byte;
  };
  if (name === "ASCIIHexDecode" || name === "AHx") {
    let high = -1;
    for (let i = start; i < data.length; i++) {
      const c = data[i] ?? 0;
      if (c === 0x3e) break;
      const value = c >= 0x30 && c <= 0x39 ? c - 0x30 : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
      if (value < 0) continue;
      if (high < 0) high = value;
      else {
        push((high << 4) | value);
        high = -1;
      }
    }
  } else if (name === "ASCII85Decode" || name === "A85") {
    let group: number[] = [];
    for (let i = start; i < data.length; i++) {
      const c = data[i] ?? 0;
      if (c === 0x7e) break;
      if (c === 0x7a && group.length === 0) {
        for (let k = 0; k < 4; k++) push(0);
        continue;
      }
      if (c < 0x21 || c > 0x75) continue;
      group.push(c - 0x21);
      if (group.length === 5) {
        let value = 0;
        for (const digit of group) value = value * 85 + digit;
        for (let k = 3; k >= 0; k--) push((value >>> (k * 8)) & 0xff);
        group = [];
      }
    }
    if (group.length > 1) for (let k = 1; k < group.length; k++) push(0);
  } else {
    for (let i = start; i < data.length; ) {
      const n = data[i++] ?? 128;
      if (n === 128) break;
      if (n < 128) {
        for (let k = 0; k <= n && i < data.length; k++) push(data[i++] ?? 0);
      } else {
        const byte = data[i++] ?? 0;
        for (let k = 0; k < 257 - n; k++) push(byte);
      }
    }
  }
  return out.subarray(0, length);
}

/**
 * The names in the /Filter entry of the dictionary that ends just before `keyword` ("stream"); [] when it has none,
 * null when its filter cannot be read here (an indirect reference, or no dictionary found).
 */
function streamFilters(data: Uint8Array, keyword: number): string[] | null {
  let end = keyword - 1;
  while (end > 0 && isWhitespace(data[end])) end--;
  // The dictionary closes with ">>" right before the keyword.
  if (data[end] !== 0x3e || data[end - 1] !== 0x3e) return null;
  let depth = 0;
  let start = -1;
  const floor = Math.max(0, end - MAX_DICTIONARY_BYTES);
  for (let i = end; i > floor; i--) {
    if (data[i] === 0x3e && data[i - 1] === 0x3e) {
      depth++;
      i--;
    } else if (data[i] === 0x3c && data[i - 1] === 0x3c) {
      depth--;
      i--;
      if (depth === 0) {
        start = i;
        break;
      }
    }
  }
  if (start < 0) return null;
  const dictionary = latin1(data.subarray(start, end + 1));
  const filter = /\/Filter\s*(\[[^\]]*\]|\/[^\s/<>[\]()]+|\d+\s+\d+\s+R)/.exec(dictionary);
  if (!filter) return [];
  const value = filter[1] ?? "";
  if (/R$/.test(value)) return null;
  return [...value.matchAll(/\/([^\s/<>[\]()]+)/g)].map((m) => m[1] ?? "");
}

/** LZW's /EarlyChange from the stream's DecodeParms; 1 (the default) unless it says 0. */
function earlyChange(data: Uint8Array, start: number): number {
  const before = latin1(data.subarray(Math.max(0, start - 1024), start));
  return /\/EarlyChange\s+0\b/.test(before) ? 0 : 1;
}

/** The largest /Size a cross-reference section declares: pdf.js makes a table of that many entries. */
function largestSize(data: Uint8Array): number {
  return largestNumberAfter(data, SIZE);
}

/** The largest whole number (at most 12 digits) that follows `key` and whitespace anywhere in the file; 0 if none. */
function largestNumberAfter(data: Uint8Array, key: Uint8Array): number {
  let largest = 0;
  for (const at of findAll(data, key)) {
    let i = at + key.length;
    while (isWhitespace(data[i])) i++;
    let value = 0;
    let digits = 0;
    for (; digits < 12 && (data[i] ?? 0) >= 0x30 && (data[i] ?? 0) <= 0x39; i++, digits++) value = value * 10 + ((data[i] ?? 0) - 0x30);
    if (digits > 0) largest = Math.max(largest, value);
  }
  return largest;
}

function afterEndOfLine(data: Uint8Array, at: number): number | null {
  if (data[at] === 0x0d) return data[at + 1] === 0x0a ? at + 2 : at + 1;
  if (data[at] === 0x0a) return at + 1;
  return null;
}

function findAll(data: Uint8Array, needle: Uint8Array): number[] {
  const found: number[] = [];
  const first = needle[0] ?? 0;
  for (let at = data.indexOf(first); at >= 0; at = data.indexOf(first, at + 1)) {
    let match = true;
    for (let k = 1; k < needle.length; k++) {
      if (data[at + k] !== needle[k]) {
        match = false;
        break;
      }
    }
    if (match) found.push(at);
  }
  return found;
}

function countOccurrences(data: Uint8Array, needle: Uint8Array): number {
  return findAll(data, needle).length;
}

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00;
}

function isDelimiter(byte: number | undefined): boolean {
  return byte === undefined || isWhitespace(byte) || byte === 0x2f || byte === 0x3c || byte === 0x3e || byte === 0x5b || byte === 0x28;
}

function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes);
}
