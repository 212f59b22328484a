/**
 * Rebuilds reading order from positioned PDF text runs. Insurance documents are mostly tables whose cells wrap over
 * several lines; reading them line by line across the page interleaves the cells ("What is the overall | $500 /
 * individual or | Generally, you must pay..."). Instead, runs are first gathered into blocks (a cell or a paragraph),
 * then blocks that sit side by side become one row, written on one line with " | " between cells.
 */

/** One positioned piece of text, in PDF user space (origin bottom-left, y grows upwards). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

interface Line {
  y: number;
  fontSize: number;
  left: number;
  right: number;
  text: string;
}

interface Block {
  lines: Line[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

// A run within half a font size of a line's baseline belongs to it; superscripts and subscripts shift about 0.3em.
const SAME_LINE_TOLERANCE = 0.5;
// Word spaces are 0.25–0.5em even in justified text; the fixture's table gutters are 1.27em and wider.
const COLUMN_GAP = 1.0;
// A bullet glyph is set about 1em before its item's text, further than a word space.
const BULLET_GAP = 3;
// A gap wider than this (in em) between two runs on a line is a word break even when the PDF has no space character.
const WORD_GAP = 0.15;
// Wrapped lines of one paragraph or cell are 1.0–1.5em apart; a larger step down starts a new block.
const MAX_LINE_STEP = 1.6;
// Font sizes differing by more than this ratio mark a heading or footnote, not the next line of the same block.
const FONT_RATIO = 1.25;
// Ascent and descent as a share of the font size, used to turn baselines into a vertical extent.
const ASCENT = 0.8;
const DESCENT = 0.2;
// A vertical gap between rows larger than this (in em) is a paragraph break and becomes a blank line.
const PARAGRAPH_GAP = 1.0;

/**
 * Lays out one page's runs (in content-stream order) as text. Tables come out as Markdown tables — a header row when
 * the table has one, then one line per row with its cells in column order, a merged cell repeated into every row it
 * spans — so the chunker can give each value its row label and column header. Lone rows keep the older
 * "cell | cell" form; headings (larger type, "Chapter 4", "SECTION II") get "#"/"##"/"###"; other lines stay lines so
 * the chunker can still see list items and paragraphs.
 *
 * @example layoutPage([{ text: "Specialist visit", x: 169, y: 422, width: 60, fontSize: 12 }, ...])
 */
export function layoutPage(runs: readonly TextRun[]): string {
  return renderPage(analysePage(runs));
}

/** A page's rows before they are written out, so a document-wide pass can drop running headers and footers. */
export interface PageLayout {
  rows: Row[];
  bodySize: number;
}

export function analysePage(runs: readonly TextRun[]): PageLayout {
  const blocks = groupBlocks(runs);
  return { rows: groupRows(blocks), bodySize: bodyFontSize(blocks) };
}

/** A row's text for comparing rows across pages: digits folded, so "Page 2 of 8" and "Page 3 of 8" are one row. */
export function rowKey(row: Row): string {
  return row.blocks
    .map((block) => block.lines.map((line) => line.text).join(" "))
    .join(" | ")
    .toLowerCase()
    .replace(/\d+/g, "#")
    .replace(/\s+/g, " ")
    .trim();
}

/** The row's cells as plain text, for a running header turned into a heading. */
export function rowPlainText(row: Row): string {
  return row.blocks.map((block) => joinLines(block.lines, " ")).join(" | ");
}

/**
 * Whether a row is the header of a table that starts under it: two or more label cells, the next row with at least two
 * cells, each of its cells over exactly one of them. Such a row repeats on every page of a long table and must not be taken for a
 * running header.
 */
export function headsTable(row: Row, next: Row | undefined): boolean {
  if (!next || row.blocks.length < 2 || next.blocks.length < 2) return false;
  if (row.blocks.some((block) => VALUE.test(joinLines(block.lines, " ")))) return false;
  // Each header cell sits over exactly one cell of the row below; a running header's wide title spans several.
  return row.blocks.every((head) => next.blocks.filter((cell) => overlap(head, cell) > 0).length === 1);
}

export function renderPage(layout: PageLayout, skip: ReadonlySet<Row> = new Set()): string {
  const { bodySize } = layout;
  const rows = layout.rows.filter((row) => !skip.has(row));
  const pieces: { text: string; top: number; bottom: number; fontSize: number }[] = [];
  for (const segment of segmentRows(rows)) {
    if (segment.kind === "table") {
      const table = buildTable(segment.rows);
      if (table) {
        pieces.push({ text: table.text, top: table.top, bottom: table.bottom, fontSize: bodySize });
        continue;
      }
    }
    for (const row of segment.rows) {
      const blocksOfRow = row.blocks;
      pieces.push({
        text: rowText(blocksOfRow, bodySize),
        top: Math.max(...blocksOfRow.map((b) => b.top)),
        bottom: Math.min(...blocksOfRow.map((b) => b.bottom)),
        fontSize: blocksOfRow[0]?.lines[0]?.fontSize ?? bodySize,
      });
    }
  }
  let text = "";
  let previous: (typeof pieces)[number] | undefined;
  for (const piece of pieces) {
    if (previous !== undefined) {
      const table = piece.text.startsWith("|") || previous.text.startsWith("|");
      text += table || previous.bottom - piece.top > PARAGRAPH_GAP * piece.fontSize ? "\n\n" : "\n";
    }
    text += piece.text;
    previous = piece;
  }
  return text;
}

/** Gathers runs into blocks following the content stream, which for tagged and office-made PDFs runs cell by cell. */
function groupBlocks(runs: readonly TextRun[]): Block[] {
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
      const next: Line = { y: run.y, fontSize, left: run.x, right: run.x + run.width, text: run.text };
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

export interface Row {
  blocks: Block[];
  /** A merged cell: the leftmost block beside two or more rows that do not overlap each other. */
  spanning: boolean;
}

/**
 * Blocks whose vertical centres fall inside each other's extent share a row. A block beside two blocks of one column
 * that do not overlap each other (a merged cell such as "If you have a test" beside two services, or one limitation
 * beside three drug tiers) spans rows: it becomes a row of its own, marked, so a table can repeat it into every row it
 * spans.
 */
function groupRows(blocks: Block[]): Row[] {
  const related = (a: Block, b: Block) => within(centre(a), b) || within(centre(b), a);
  const sameColumn = (a: Block, b: Block) => overlap(a, b) > 0;
  const disjoint = (a: Block, b: Block) => a.bottom >= b.top || b.bottom >= a.top;
  const spanning = new Set<Block>();
  for (const block of blocks) {
    const neighbours = blocks.filter((other) => other !== block && related(block, other));
    if (neighbours.length < 2) continue;
    // Two rows beside it, each with a cell of its own elsewhere (a cost beside each drug tier): the block spans them.
    // Stacked blocks whose only neighbours are tall cells (a benefit's name over its description) are one cell.
    const ownCell = (a: Block, b: Block) =>
      blocks.some((c) => c !== block && c !== a && !sameColumn(a, c) && related(a, c) && !related(b, c));
    const spans = neighbours.some((a, i) =>
      neighbours.some((b, j) => j > i && sameColumn(a, b) && disjoint(a, b) && ownCell(a, b) && ownCell(b, a)),
    );
    if (spans) spanning.add(block);
  }
  const rows: Row[] = [];
  const placed = new Set<Block>();
  for (const block of blocks) {
    if (placed.has(block)) continue;
    const row = [block];
    placed.add(block);
    if (!spanning.has(block)) {
      for (let i = 0; i < row.length; i++) {
        const member = row[i];
        for (const other of blocks) {
          if (member && !placed.has(other) && !spanning.has(other) && related(member, other)) {
            row.push(other);
            placed.add(other);
          }
        }
      }
    }
    rows.push({ blocks: row.sort((a, b) => a.left - b.left), spanning: spanning.has(block) });
  }
  return rows.sort((a, b) => rowTop(b.blocks) - rowTop(a.blocks));
}

type Segment = { kind: "table" | "flow"; rows: Row[] };

/**
 * Splits the rows of a page into runs that may be a table (consecutive rows of two or more cells, with the merged
 * cells and lone continuation cells between them) and flowing text. A lone block starting left of the table's second
 * column (a paragraph, a heading) ends the table.
 */
function segmentRows(rows: Row[]): Segment[] {
  const segments: Segment[] = [];
  let table: Row[] = [];
  let pending: Row[] = [];
  const flushTable = () => {
    if (table.length) segments.push({ kind: "table", rows: table });
    if (pending.length) segments.push({ kind: "flow", rows: pending });
    table = [];
    pending = [];
  };
  for (const row of rows) {
    if (row.blocks.length >= 2) {
      table.push(...pending, row);
      pending = [];
    } else if (row.spanning) {
      pending.push(row);
    } else if (table.length && continuesTable(table, row)) {
      table.push(...pending, row);
      pending = [];
    } else {
      flushTable();
      segments.push({ kind: "flow", rows: [row] });
    }
  }
  flushTable();
  return segments;
}

function continuesTable(table: Row[], row: Row): boolean {
  const block = row.blocks[0];
  if (!block) return false;
  const secondColumn = Math.min(...table.filter((r) => r.blocks.length >= 2).map((r) => r.blocks[1]?.left ?? Infinity));
  return block.left >= secondColumn - COLUMN_GAP * (block.lines[0]?.fontSize ?? 1);
}

// Text that is a value, not a column header: an amount, a share, or the SBC's stock answers.
const VALUE = /[$%€£]|\bno charge\b|\bnot covered\b|\bcopay\b|\bdeductible does not apply\b/i;
// A merged cell labels the rows within this many ems of it (an SBC's event label spans up to four services).
const MERGED_REACH = 6;
// Header cells are labels; a long cell or one ending a sentence is content.
const MAX_HEADER_CELL_CHARS = 90;

/**
 * A Markdown table from a run of rows, or null when the run has fewer than two rows of several cells (a lone row stays
 * "cell | cell"). Columns are the groups of cells whose horizontal extents overlap, found narrowest cell first, so a
 * cell that reaches over several columns does not merge them; such a cell is repeated into each column it covers
 * (Kaiser's one emergency-room cost for plan and non-plan providers), or, reaching over all of them, becomes a note
 * line of its own.
 */
function buildTable(rows: Row[]): { text: string; top: number; bottom: number } | null {
  const cellRows = rows.filter((row) => !row.spanning && row.blocks.length >= 2);
  if (cellRows.length < 2) return null;
  const all = rows.flatMap((row) => row.blocks);
  const columns = columnExtents(all);
  if (columns.length < 2) return null;
  const covered = (block: Block) => columns.map((column, i) => (overlap(block, column) > 0 ? i : -1)).filter((i) => i >= 0);

  type Line = { cells: string[][]; top: number; bottom: number; note?: string };
  const lines: Line[] = [];
  const merged: { block: Block; column: number }[] = [];
  for (const row of rows) {
    if (row.spanning) {
      const block = row.blocks[0];
      if (block) merged.push({ block, column: covered(block)[0] ?? 0 });
      continue;
    }
    const line: Line = { cells: columns.map(() => []), top: rowTop(row.blocks), bottom: Math.min(...row.blocks.map((b) => b.bottom)) };
    for (const block of [...row.blocks].sort((a, b) => b.top - a.top)) {
      const spans = covered(block);
      const text = joinLines(block.lines, " ");
      if (spans.length === columns.length && columns.length > 2 && row.blocks.length === 1) line.note = text;
      else line.cells[spans[0] ?? 0]?.push(text);
    }
    lines.push(line);
  }
  const headerish = (line: Line | undefined) => {
    if (!line || line.note !== undefined) return false;
    const cells = line.cells.map((cell) => cell.join(" "));
    return cells.filter((cell) => cell !== "").length >= 2 && cells.every((cell) => cell.length <= MAX_HEADER_CELL_CHARS && !VALUE.test(cell) && !/[.!?]$/.test(cell));
  };
  // A line of preamble set in the table's columns ("This is only a summary… | If you want more detail…") above the
  // header row is written before the table, so the header is still recognised.
  const preamble = !headerish(lines[0]) && lines.length > 2 && headerish(lines[1]) ? lines.shift() : undefined;
  const isHeader = headerish(lines[0]);
  // A merged cell fills its column in the rows beside it, where the row has nothing of its own there; rows left
  // empty in such a column take the nearest label of that column, since a label is set centred on the rows it groups.
  type Label = { top: number; bottom: number; text: string };
  const distance = (line: Line, label: Label) => {
    const middle = (line.top + line.bottom) / 2;
    return middle > label.top ? middle - label.top : middle < label.bottom ? label.bottom - middle : 0;
  };
  for (const column of new Set(merged.map((m) => m.column))) {
    const labels: Label[] = merged
      .filter((m) => m.column === column)
      .map(({ block }) => ({ top: block.top, bottom: block.bottom, text: joinLines(block.lines, " ") }));
    for (const line of isHeader ? lines.slice(1) : lines) {
      const own = line.cells[column];
      if (own?.length) labels.push({ top: line.top, bottom: line.bottom, text: own.join(" ") });
    }
    for (const line of isHeader ? lines.slice(1) : lines) {
      if (line.note !== undefined || line.cells[column]?.length !== 0) continue;
      const nearest = labels.reduce<Label | undefined>((best, label) => (!best || distance(line, label) < distance(line, best) ? label : best), undefined);
      // Farther than a few lines from any label of the column, the row simply has nothing there.
      if (nearest && distance(line, nearest) <= MERGED_REACH * firstFontSize(rows)) line.cells[column]?.push(nearest.text);
    }
  }
  const texts = lines.map((line) => (line.note !== undefined ? line.note : markdownRow(line.cells.map((cell) => cell.join(" ")))));
  if (isHeader) texts.splice(1, 0, markdownRow(columns.map(() => "---")));
  if (preamble) texts.unshift(preamble.note ?? preamble.cells.map((cell) => cell.join(" ")).filter((cell) => cell !== "").join(" | "), "");
  return {
    text: texts.join("\n"),
    top: Math.max(...all.map((b) => b.top)),
    bottom: Math.min(...all.map((b) => b.bottom)),
  };
}

/** Column extents from the cells' horizontal extents, narrowest cell first; a cell bridging two columns is skipped. */
function columnExtents(blocks: Block[]): { left: number; right: number }[] {
  const columns: { left: number; right: number }[] = [];
  for (const block of [...blocks].sort((a, b) => a.right - a.left - (b.right - b.left))) {
    const touching = columns.filter((column) => overlap(block, column) > 0);
    if (touching.length === 0) columns.push({ left: block.left, right: block.right });
    else if (touching.length === 1 && touching[0]) {
      touching[0].left = Math.min(touching[0].left, block.left);
      touching[0].right = Math.max(touching[0].right, block.right);
    }
  }
  columns.sort((a, b) => a.left - b.left);
  // Growing one column can make it touch its neighbour; those were one column all along.
  const mergedColumns: { left: number; right: number }[] = [];
  for (const column of columns) {
    const last = mergedColumns.at(-1);
    if (last && column.left < last.right - 1) last.right = Math.max(last.right, column.right);
    else mergedColumns.push({ ...column });
  }
  return mergedColumns;
}

/** Horizontal overlap in points; a point or two of touching (italic overhang, rounding) does not count. */
function overlap(block: { left: number; right: number }, column: { left: number; right: number }): number {
  const shared = Math.min(block.right, column.right) - Math.max(block.left, column.left);
  return shared > 2 ? shared : 0;
}

/** The font size of the table's first cell, the unit of MERGED_REACH. */
function firstFontSize(rows: Row[]): number {
  return rows[0]?.blocks[0]?.lines[0]?.fontSize ?? 1;
}

function markdownRow(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, "/").trim()).join(" | ")} |`;
}

/** The font size most of the page's characters are set in. */
function bodyFontSize(blocks: Block[]): number {
  const weight = new Map<number, number>();
  for (const line of blocks.flatMap((b) => b.lines)) {
    const size = Math.round(line.fontSize * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, count] of weight) if (count > bestWeight) [best, bestWeight] = [size, count];
  return best || 1;
}

function rowTop(row: Block[]): number {
  return Math.max(...row.map((b) => b.top));
}

function centre(block: Block): number {
  return (block.top + block.bottom) / 2;
}

function within(y: number, block: Block): boolean {
  return y >= block.bottom && y <= block.top;
}

function rowText(row: Block[], bodySize: number): string {
  const only = row[0];
  if (row.length === 1 && only) {
    const level = headingLevel(only, bodySize);
    return level ? `${"#".repeat(level)} ${joinLines(only.lines, " ")}` : joinLines(only.lines, "\n");
  }
  const headings: Line[] = [];
  const cells = row.map((block) => {
    const others = row.filter((other) => other !== block);
    let first = 0;
    block.lines.forEach((line, i) => {
      if (i < block.lines.length - 1 && others.some((other) => heads(line, other))) first = i + 1;
    });
    headings.push(...block.lines.slice(0, first));
    return joinLines(block.lines.slice(first), " ");
  });
  const joined = cells.join(" | ");
  return headings.length > 0 ? `${joinLines(headings, "\n")}\n${joined}` : joined;
}

// Headings are set at least ~2 points above 10–11 point body text; 1.18 keeps bold body text (same size) out.
const HEADING_SIZE_RATIO = 1.18;
// Past this a "heading" is a sentence in large type (a cover page's blurb), not a title of what follows.
const MAX_HEADING_CHARS = 120;
const NUMBERED_HEADING = /^(?:chapter|cap[ií]tulo|part|article|appendix|section|secci[oó]n)\s+(?:[0-9]+|[IVXL]+)\b/i;

/**
 * 1 for a chapter, 2 for a section, 3 for a subsection, 0 for body text. A heading is one or two short lines that do
 * not end a sentence and are set larger than the body, numbered like "Chapter 4" / "Section 2.1", or in capitals.
 */
function headingLevel(block: Block, bodySize: number): number {
  if (block.lines.length > 2) return 0;
  const text = joinLines(block.lines, " ");
  if (text.length > MAX_HEADING_CHARS || text.length < 3 || /[.,;]$/.test(text) || !/\p{L}{2}/u.test(text)) return 0;
  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered) {
    if (/^(?:chapter|cap|part)/i.test(text)) return 1;
    return /^\S+\s+\d+\.\d+/.test(text) ? 3 : 2;
  }
  const size = Math.max(...block.lines.map((l) => l.fontSize));
  if (size >= bodySize * 1.6) return 1;
  if (size >= bodySize * HEADING_SIZE_RATIO) return 2;
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 8 && letters === letters.toUpperCase() && /\s/.test(text)) return 3;
  return 0;
}

/** A line above a neighbouring cell and reaching across it is a heading stacked over the row, not part of the cell. */
function heads(line: Line | undefined, block: Block): boolean {
  if (line === undefined || line.y - DESCENT * line.fontSize < block.top) return false;
  return block.lines.some((other) => line.left < other.right && other.left < line.right);
}

function joinLines(lines: Line[], separator: string): string {
  let text = "";
  for (const line of lines) {
    const current = line.text.trim();
    if (text === "") text = current;
    else text = joinWrapped(text, current, separator);
  }
  return text;
}

// Prefixes that usually keep their hyphen ("non-preferred", "self-funded", "follow-up"), so a break after them is a real hyphen.
const HYPHEN_PREFIXES = new Set(["non", "self", "pre", "post", "co", "re", "semi", "well", "follow", "check", "out", "in", "up", "long", "short", "full", "part", "high", "low"]);

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
