/**
 * Positioned PDF text runs gathered into lines and blocks (a table cell or a paragraph), and the geometry the table
 * and page layout (./pdf-table.ts, ./pdf-layout.ts) build on. Follows the content stream, which for tagged and
 * office-made PDFs runs cell by cell.
 */

/** One positioned piece of text, in PDF user space (origin bottom-left, y grows upwards). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
  /** The PDF's font resource for the run, when known: a change of font inside a cell marks a bold title. */
  font?: string;
}

export interface Line {
  y: number;
  fontSize: number;
  left: number;
  right: number;
  text: string;
  /** The font of the line's first run. */
  font?: string;
}

export interface Block {
  lines: Line[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

// A run within half a font size of a line's baseline belongs to it; superscripts and subscripts shift about 0.3em.
export const SAME_LINE_TOLERANCE = 0.5;
// Word spaces are 0.25–0.5em even in justified text; the fixture's table gutters are 1.27em and wider.
export const COLUMN_GAP = 1.0;
// A bullet glyph is set about 1em before its item's text, further than a word space.
const BULLET_GAP = 3;
// A gap wider than this (in em) between two runs on a line is a word break even when the PDF has no space character.
const WORD_GAP = 0.15;
// Wrapped lines of one paragraph or cell are 1.0–1.5em apart; a larger step down starts a new block.
const MAX_LINE_STEP = 1.6;
// Font sizes differing by more than this ratio mark a heading or footnote, not the next line of the same block.
const FONT_RATIO = 1.25;
// Ascent and descent as a share of the font size, used to turn baselines into a vertical extent.
export const ASCENT = 0.8;
export const DESCENT = 0.2;

/** Gathers runs into blocks following the content stream, which for tagged and office-made PDFs runs cell by cell. */
export function groupBlocks(runs: readonly TextRun[]): Block[] {
  const blocks: Block[] = [];
  let spaceBefore = false;
  for (const raw of runs) {
    const run = { ...raw, text: symbolGlyphs(raw.text) };
    if (run.text.trim() === "") {
      spaceBefore = spaceBefore || run.text.length > 0;
      continue;
    }
    const fontSize = run.fontSize > 0 ? run.fontSize : 1;
    const block = blocks.at(-1);
    const line = block?.lines.at(-1);
    if (block && line && continuesLine(line, run, fontSize)) {
      const gap = run.x - line.right;
      line.text += spaceBefore || gap > WORD_GAP * fontSize ? ` ${run.text}` : run.text;
      line.right = Math.max(line.right, run.x + run.width);
      block.right = Math.max(block.right, line.right);
    } else {
      const next: Line = { y: run.y, fontSize, left: run.x, right: run.x + run.width, text: run.text, font: run.font };
      if (block && line && startsNextLine(block, line, run, fontSize)) {
        block.lines.push(next);
        block.left = Math.min(block.left, next.left);
        block.right = Math.max(block.right, next.right);
      } else {
        blocks.push({ lines: [next], left: next.left, right: next.right, top: 0, bottom: 0 });
      }
    }
    spaceBefore = false;
  }
  for (const block of blocks) {
    block.top = Math.max(...block.lines.map((l) => l.y + ASCENT * l.fontSize));
    block.bottom = Math.min(...block.lines.map((l) => l.y - DESCENT * l.fontSize));
  }
  return blocks;
}

// A description at least this long, and at least twice as long as its title, makes a cell a titled description; a
// shorter one is part of the label: the CMS sample's bold "If you need drugs to treat your illness or condition" over
// three lines of "More information about prescription drug coverage…", or a Medicare summary's "Maximum
// Out-of-Pocket Responsibility (does not include Part D prescription drugs)". The EOC's benefit cells run 10–40 lines.
const MIN_DESCRIPTION_LINES = 4;
const DESCRIPTION_TO_TITLE = 2;
// A service's name wraps over at most three lines; more lines in the title's font are a paragraph set in bold.
const MAX_TITLE_LINES = 3;
/**
 * A tall cell that opens with a title in a font of its own (an Evidence of Coverage's "Skilled nursing facility (SNF)
 * care" in bold over a page of description): the title lines and the rest, or null for any other block. The title is
 * what a table row is about; the description reads better as a paragraph after the row than inside one of its cells.
 *
 * @example titled(block)?.title // the bold lines "Skilled nursing facility (SNF) care"
 */
export function titled(block: Block): { title: Line[]; body: Line[] } | null {
  const font = block.lines[0]?.font;
  if (font === undefined) return null;
  let count = 0;
  while (count < block.lines.length && block.lines[count]?.font === font) count += 1;
  const body = block.lines.slice(count);
  if (count > MAX_TITLE_LINES || body.length < Math.max(MIN_DESCRIPTION_LINES, DESCRIPTION_TO_TITLE * count)) return null;
  // A bold lead-in ending in a colon ("This EXAMPLE event includes services like:") introduces its list; it names nothing.
  if (/:\s*$/.test(block.lines[count - 1]?.text ?? "")) return null;
  // A sentence that carries on into the regular font ("Don't use these examples to" / "estimate your costs") is
  // emphasis inside a paragraph, not a title over it.
  if (/^\s*\p{Ll}/u.test(body[0]?.text ?? "")) return null;
  // The body is set in another font throughout, not a bold line here and there.
  if (body.filter((line) => line.font === font).length * 2 > body.length) return null;
  return { title: block.lines.slice(0, count), body };
}

/**
 * Symbol and Wingdings glyphs without a Unicode mapping arrive as private-use characters (U+F06E is a square bullet).
 * A run made only of them is a bullet; elsewhere they carry no meaning for a reader and are dropped.
 */
function symbolGlyphs(text: string): string {
  if (/^\p{Co}+$/u.test(text)) return "•";
  return text.replace(/\p{Co}/gu, "");
}

function continuesLine(line: Line, run: TextRun, fontSize: number): boolean {
  const size = Math.max(line.fontSize, fontSize);
  const gap = run.x - line.right;
  const maxGap = /^\s*[•·▪◦‣●○■□–-]\s*$/u.test(line.text) ? BULLET_GAP : COLUMN_GAP;
  return Math.abs(run.y - line.y) <= SAME_LINE_TOLERANCE * size && gap >= -SAME_LINE_TOLERANCE * size && gap <= maxGap * size;
}

function startsNextLine(block: Block, line: Line, run: TextRun, fontSize: number): boolean {
  const step = line.y - run.y;
  const ratio = Math.max(line.fontSize, fontSize) / Math.min(line.fontSize, fontSize);
  // Left-aligned, indented, hanging and centred lines all overlap the block horizontally; the next cell does not.
  const aligned = run.x <= block.right && run.x + run.width >= block.left;
  return step > SAME_LINE_TOLERANCE * fontSize && step <= MAX_LINE_STEP * line.fontSize && ratio <= FONT_RATIO && aligned;
}

export function rowTop(row: Block[]): number {
  return Math.max(...row.map((b) => b.top));
}

export function centre(block: Block): number {
  return (block.top + block.bottom) / 2;
}

export function within(y: number, block: Block): boolean {
  return y >= block.bottom && y <= block.top;
}

export function joinLines(lines: Line[], separator: string): string {
  let text = "";
  for (const line of lines) {
    const current = line.text.trim();
    if (text === "") text = current;
    else text = joinWrapped(text, current, separator);
  }
  return text;
}

// Prefixes that usually keep their hyphen ("non-preferred", "self-funded", "follow-up"), so a break after them is a real hyphen.
const HYPHEN_PREFIXES = new Set(["non", "self", "cost", "pre", "post", "co", "re", "semi", "well", "follow", "check", "out", "in", "up", "long", "short", "full", "part", "high", "low"]);

/**
 * Joins a wrapped line to the text before it. A line ending in "letters-" followed by a lowercase word was hyphenated
 * by the typesetter ("deduct-" + "ible"), unless the fragment is a prefix that keeps its hyphen.
 */
export function joinWrapped(before: string, after: string, separator: string): string {
  const hyphenated = /(?:^|[^\p{L}-])(\p{Ll}+)-$/u.exec(before);
  if (hyphenated && /^\p{Ll}/u.test(after)) {
    const fragment = hyphenated[1] ?? "";
    return HYPHEN_PREFIXES.has(fragment) ? before + after : before.slice(0, -1) + after;
  }
  if (/[\p{L}\p{N}]-$/u.test(before) || before.endsWith("/")) return before + after;
  return before + separator + after;
}

/** Horizontal overlap in points; a point or two of touching (italic overhang, rounding) does not count. */
export function overlap(block: { left: number; right: number }, column: { left: number; right: number }): number {
  const shared = Math.min(block.right, column.right) - Math.max(block.left, column.left);
  return shared > 2 ? shared : 0;
}


/** An amount standing alone on its line: "$2,700", "$0", "20%". */
const BARE_AMOUNT = /^\s*(?:[$€£]\s?[\d,]+(?:\.\d{2})?|\d+(?:\.\d+)?\s?%)\s*$/;
/** Baselines are bucketed this many points apart to find the lines beside a line. */
const BASELINE_BUCKET = 4;
/** More lines than this on one baseline are no table row's cells: such a line is not compared (bounded work). */
const MAX_BASELINE_LINES = 60;
/** Of a block's lines, at least this share must meet an amount on their baseline for it to be read line by line. */
const ALIGNED_SHARE = 0.6;

/**
 * A column of labels that the PDF wrote as one paragraph ("Hospital charges (mother)", "Routine obstetric care", …
 * one under the other) beside a column of amounts, each amount on a label's baseline: each line is a row's cell of
 * its own, so the block is split into its lines. Without this the labels read as one merged cell repeated into every
 * row (a 2014-template SBC's coverage examples). Two lines or more must each meet a bare amount in a block to their
 * side; a wrapped label beside a wrapped value ("20% coinsurance" / "after deductible") meets one, and prose columns
 * none. A block of bare amounts beside such labels is split the same way.
 */
export function splitAlignedBlocks(blocks: Block[]): Block[] {
  // Lines bucketed by baseline, so each line is compared with the few on its own baseline, not with the page.
  const buckets = new Map<number, { block: Block; line: Line }[]>();
  const key = (y: number) => Math.round(y / BASELINE_BUCKET);
  for (const block of blocks) {
    for (const line of block.lines) {
      const bucket = buckets.get(key(line.y)) ?? [];
      bucket.push({ block, line });
      buckets.set(key(line.y), bucket);
    }
  }
  const onBaseline = (a: Line, b: Line) => Math.abs(a.y - b.y) <= SAME_LINE_TOLERANCE * Math.max(a.fontSize, b.fontSize);
  // The lines on a line's baseline, or none where more sit there than any table row has cells (hostile input).
  const level = (line: Line) => {
    const nearby = [-2, -1, 0, 1, 2].map((offset) => buckets.get(key(line.y) + offset) ?? []);
    if (nearby.reduce((sum, bucket) => sum + bucket.length, 0) > MAX_BASELINE_LINES) return [];
    return nearby.flat().filter((other) => other.line !== line && onBaseline(other.line, line));
  };
  // Nothing else on the baseline between the two: the amount is the label's own, not a column further on.
  const between = (a: Line, b: Line, beside: { line: Line }[]) => {
    const [left, right] = a.left < b.left ? [a, b] : [b, a];
    return beside.some(({ line }) => line !== b && line.left >= left.right && line.right <= right.left);
  };
  const meets = (block: Block, line: Line, bare: boolean) => {
    const beside = level(line);
    return beside.some(
      (other) =>
        other.block !== block &&
        overlap(other.block, block) <= 0 &&
        (bare ? !BARE_AMOUNT.test(other.line.text) && other.line.right <= line.left : BARE_AMOUNT.test(other.line.text) && other.line.left >= line.right) &&
        !between(line, other.line, beside),
    );
  };
  const result: Block[] = [];
  for (const block of blocks) {
    if (block.lines.length < 2) {
      result.push(block);
      continue;
    }
    const bare = block.lines.every((line) => BARE_AMOUNT.test(line.text));
    const met = block.lines.filter((line) => meets(block, line, bare)).length;
    if (met < 2 || met < ALIGNED_SHARE * block.lines.length) {
      result.push(block);
      continue;
    }
    for (const line of block.lines) {
      result.push({ lines: [line], left: line.left, right: line.right, top: line.y + ASCENT * line.fontSize, bottom: line.y - DESCENT * line.fontSize });
    }
  }
  return result;
}
