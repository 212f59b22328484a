/**
 * How many bytes a PDF stream's decoders would produce, found without producing them. Used to check a PDF against its
 * decompression budget before pdf.js opens it (see ./pdf-streams.ts).
 *
 * The Flate counter walks the deflate bit stream the way pdf.js's own FlateStream does (same header checks, same
 * leniency: a back-reference reaching before the start of the output is not an error), adding each literal and each
 * match length to a count. It keeps no window, so its memory is the Huffman tables only. zlib itself would not do:
 * it stops at the first distance "too far back", where pdf.js goes on inflating.
 */

/** A budget of work the counters may do: output bytes plus Huffman table entries built (a dynamic block's cost). */
export class WorkBudget {
  used = 0;
  constructor(readonly limit: number) {}

  /** Adds `units`; true while the total is within the limit. */
  spend(units: number): boolean {
    this.used += units;
    return this.used <= this.limit;
  }
}

/** Thrown by a counter when its stream's output would pass the budget. */
export class BudgetExceeded extends Error {
  constructor() {
    super("decoded output exceeds the budget");
    this.name = "BudgetExceeded";
  }
}

class EndOfData extends Error {}

class BitReader {
  private pos: number;
  private codeBuf = 0;
  private codeSize = 0;

  constructor(
    private readonly data: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  byte(): number {
    return this.pos < this.data.length ? (this.data[this.pos++] ?? -1) : -1;
  }

  bits(n: number): number {
    let buf = this.codeBuf;
    let size = this.codeSize;
    while (size < n) {
      const b = this.byte();
      if (b === -1) throw new EndOfData();
      buf |= b << size;
      size += 8;
    }
    const value = buf & ((1 << n) - 1);
    this.codeBuf = buf >>> n;
    this.codeSize = size - n;
    return value;
  }

  code(table: HuffmanTable): number {
    let buf = this.codeBuf;
    let size = this.codeSize;
    while (size < table.maxLength) {
      const b = this.byte();
      if (b === -1) break;
      buf |= b << size;
      size += 8;
    }
    const entry = table.codes[buf & ((1 << table.maxLength) - 1)] ?? 0;
    const length = entry >> 16;
    if (length < 1 || size < length) throw new EndOfData();
    this.codeBuf = buf >>> length;
    this.codeSize = size - length;
    return entry & 0xffff;
  }

  /** Drops the bits left in the current byte, as a stored block's header requires. */
  align(): void {
    this.codeBuf = 0;
    this.codeSize = 0;
  }

  skip(n: number): number {
    const taken = Math.min(n, this.data.length - this.pos);
    this.pos += taken;
    return taken;
  }
}

interface HuffmanTable {
  codes: Int32Array;
  maxLength: number;
}

/** pdf.js's canonical table builder: entry = code length << 16 | symbol, indexed by the bit-reversed code. */
function huffmanTable(lengths: Uint8Array, budget: WorkBudget): HuffmanTable {
  let maxLength = 0;
  for (const length of lengths) if (length > maxLength) maxLength = length;
  const size = 1 << maxLength;
  if (!budget.spend(size)) throw new BudgetExceeded();
  const codes = new Int32Array(size);
  for (let length = 1, code = 0, skip = 2; length <= maxLength; ++length, code <<= 1, skip <<= 1) {
    for (let symbol = 0; symbol < lengths.length; ++symbol) {
      if (lengths[symbol] !== length) continue;
      let reversed = 0;
      let c = code;
      for (let i = 0; i < length; ++i) {
        reversed = (reversed << 1) | (c & 1);
        c >>= 1;
      }
      for (let i = reversed; i < size; i += skip) codes[i] = (length << 16) | symbol;
      ++code;
    }
  }
  return { codes, maxLength };
}

const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
/** Base length and extra bits of length codes 257–287 (pdf.js's table: 285–287 all mean 258). */
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258, 258, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0, 0, 0];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

let fixedTables: { literals: HuffmanTable; distances: HuffmanTable } | undefined;

function fixed(): { literals: HuffmanTable; distances: HuffmanTable } {
  if (!fixedTables) {
    const literalLengths = new Uint8Array(288);
    literalLengths.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
    const unlimited = new WorkBudget(Number.POSITIVE_INFINITY);
    fixedTables = { literals: huffmanTable(literalLengths, unlimited), distances: huffmanTable(new Uint8Array(30).fill(5), unlimited) };
  }
  return fixedTables;
}

/** Whether bytes at `start` open a zlib stream pdf.js's FlateStream accepts (it checks exactly these). */
export function hasZlibHeader(data: Uint8Array, start: number): boolean {
  const cmf = data[start];
  const flg = data[start + 1];
  if (cmf === undefined || flg === undefined) return false;
  return (cmf & 0x0f) === 8 && ((cmf << 8) + flg) % 31 === 0 && (flg & 0x20) === 0;
}

/**
 * Bytes a FlateDecode stream starting at `start` inflates to, as pdf.js would inflate it; the data may run on past
 * the stream's end (the deflate stream ends itself). Spends the count on `budget` and throws `BudgetExceeded` as
 * soon as it is spent. Returns 0 when pdf.js would refuse the header.
 */
export function inflatedSize(data: Uint8Array, start: number, budget: WorkBudget): number {
  if (!hasZlibHeader(data, start)) return 0;
  const reader = new BitReader(data, start + 2);
  let produced = 0;
  const emit = (n: number) => {
    produced += n;
    if (!budget.spend(n)) throw new BudgetExceeded();
  };
  try {
    for (let last = false; !last; ) {
      const header = reader.bits(3);
      last = (header & 1) === 1;
      const type = header >> 1;
      if (type === 0) {
        reader.align();
        const bytes = [reader.byte(), reader.byte(), reader.byte(), reader.byte()];
        if (bytes.includes(-1)) break;
        const [b0 = 0, b1 = 0, b2 = 0, b3 = 0] = bytes;
        const length = b0 | (b1 << 8);
        const check = b2 | (b3 << 8);
        if (check !== (~length & 0xffff) && (length !== 0 || check !== 0)) break;
        const copied = reader.skip(length);
        emit(copied);
        if (copied < length) break;
        continue;
      }
      let literals: HuffmanTable;
      let distances: HuffmanTable;
      if (type === 1) {
        ({ literals, distances } = fixed());
      } else if (type === 2) {
        ({ literals, distances } = dynamicTables(reader, budget));
      } else {
        break;
      }
      for (;;) {
        const symbol = reader.code(literals);
        if (symbol < 256) {
          emit(1);
          continue;
        }
        if (symbol === 256) break;
        const index = symbol - 257;
        const extra = LENGTH_EXTRA[index] ?? 0;
        const length = (LENGTH_BASE[index] ?? 0) + (extra > 0 ? reader.bits(extra) : 0);
        const distanceExtra = DISTANCE_EXTRA[reader.code(distances)] ?? 0;
        if (distanceExtra > 0) reader.bits(distanceExtra);
        emit(length);
      }
    }
  } catch (error) {
    // Where pdf.js's inflater hits the end of the data or a bad code, it stops with what it has produced.
    if (!(error instanceof EndOfData)) throw error;
  }
  return produced;
}

function dynamicTables(reader: BitReader, budget: WorkBudget): { literals: HuffmanTable; distances: HuffmanTable } {
  const literalCount = reader.bits(5) + 257;
  const distanceCount = reader.bits(5) + 1;
  const codeLengthCount = reader.bits(4) + 4;
  const codeLengthLengths = new Uint8Array(CODE_LENGTH_ORDER.length);
  for (let i = 0; i < codeLengthCount; ++i) codeLengthLengths[CODE_LENGTH_ORDER[i] ?? 0] = reader.bits(3);
  const codeLengths = huffmanTable(codeLengthLengths, budget);
  const total = literalCount + distanceCount;
  const lengths = new Uint8Array(total);
  let previous = 0;
  for (let i = 0; i < total; ) {
    const symbol = reader.code(codeLengths);
    let repeat: number;
    let value: number;
    if (symbol === 16) {
      repeat = reader.bits(2) + 3;
      value = previous;
    } else if (symbol === 17) {
      repeat = reader.bits(3) + 3;
      value = previous = 0;
    } else if (symbol === 18) {
      repeat = reader.bits(7) + 11;
      value = previous = 0;
    } else {
      lengths[i++] = previous = symbol;
      continue;
    }
    while (repeat-- > 0) lengths[i++] = value;
  }
  return { literals: huffmanTable(lengths.subarray(0, literalCount), budget), distances: huffmanTable(lengths.subarray(literalCount, total), budget) };
}

/**
 * Bytes an LZWDecode stream starting at `start` decodes to, counted from the lengths of its dictionary entries (each
 * is its predecessor plus one byte), as pdf.js's LZWStream would decode it. `earlyChange` is the DecodeParms value.
 */
export function lzwDecodedSize(data: Uint8Array, start: number, earlyChange: number, budget: WorkBudget): number {
  const reader = new BitReaderMsb(data, start);
  // Entry lengths; 4096 entries is the format's maximum (12-bit codes).
  const lengths = new Uint16Array(4097);
  lengths.fill(1, 0, 256);
  let next = 258;
  let codeLength = 9;
  let previousLength = 0;
  let produced = 0;
  for (;;) {
    const code = reader.bits(codeLength);
    if (code === null || code === 257) break;
    if (code === 256) {
      next = 258;
      codeLength = 9;
      previousLength = 0;
      continue;
    }
    // A known entry, or the one being defined right now (previous + its own first byte), as pdf.js treats any other.
    const length = code < next ? (lengths[code] ?? 1) : previousLength + 1;
    if (previousLength > 0 && next < 4096) {
      lengths[next] = Math.min(previousLength + 1, 65535);
      next++;
    }
    previousLength = length;
    produced += length;
    if (!budget.spend(length)) throw new BudgetExceeded();
    if (next + earlyChange >= 1 << codeLength && codeLength < 12) codeLength++;
  }
  return produced;
}

class BitReaderMsb {
  private buf = 0;
  private size = 0;

  constructor(
    private readonly data: Uint8Array,
    private pos: number,
  ) {}

  bits(n: number): number | null {
    while (this.size < n) {
      if (this.pos >= this.data.length) return null;
      this.buf = ((this.buf << 8) | (this.data[this.pos++] ?? 0)) & 0xffffff;
      this.size += 8;
    }
    this.size -= n;
    return (this.buf >>> this.size) & ((1 << n) - 1);
  }
}
