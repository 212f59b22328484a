/**
 * Side-by-side lists read one after the other. A page region can hold two or more independent tables set next to each
 * other — an SBC's coverage examples ("Having a baby" and "Managing type 2 diabetes", each a column of "label  $amount"
 * lines, beside a sidebar of prose) — whose lines do not line up across the page. Grouped into rows across the page,
 * the sidebar's paragraphs become row labels of every amount and one example's lines land in the other's rows. Such a
 * region is split into its columns, each laid out on its own, left to right (the way a person reads it).
 *
 * A region qualifies only when at least two of its columns are tables of their own (three or more "label … value" rows
 * inside the column), their rows do not line up with the same labels, and every other column is a sidebar (few
 * blocks, or prose): a benefit table's label column has a block per row and keeps the page as one table.
 */
import { centre, joinLines, overlap, within, type Block } from "./pdf-blocks";
import { groupRows, VALUE, type Row } from "./pdf-table";

/** A column's rows of two or more cells that make it a table of its own. */
const MIN_OWN_ROWS = 3;
/** A block wider than this share of the page's text width is a paragraph or title across columns. */
const WIDE_SHARE = 0.4;
/** Neighbouring columns with this share of their lines on shared baselines are one table's label and value columns. */
const SAME_ROWS = 0.8;
/** A column whose blocks run longer than this (median, in characters) is prose beside a table, not its labels. */
const MAX_LABEL_CHARS = 60;
/** A gap this tall (in em) sets a block apart from a column's other blocks. */
const SET_APART = 2;
/** Baselines this close (in em) are the same line. */
const BASELINE_TOLERANCE = 0.25;
/**
 * A page or band with more columns than this is not side-by-side tables (real ones have up to six: a sidebar and two
 * or three examples, each a label and an amount column); the cap keeps the work per page bounded on hostile input.
 */
const MAX_COLUMNS = 12;
/** Newspaper-style pages set prose in two to four columns; more side by side is a table. */
const MAX_PROSE_COLUMNS = 4;
/** A paragraph, not a label, in characters: a table's label that spans rows is a line or two. */
const MIN_PROSE_CHARS = 200;
/** How far (in points) a block may reach past a column's extent and still sit inside it. */
const EDGE = 12;
/** The widest blocks of a page tried as blocks set across columns (bounded work per page). */
const MAX_BRIDGES = 8;

export interface ReadingPart {
  blocks: Block[];
  /** The part is one column of a split region, or what follows one: it starts a new piece of text. */
  column: boolean;
  /** The column is prose (proseColumns), not a table of its own. */
  prose?: boolean;
}

/**
 * The page's blocks in reading parts: one part (every block) for a page without side-by-side tables, otherwise the
 * blocks above the region, each of its columns left to right, and the blocks below.
 */
export function readingParts(blocks: Block[]): ReadingPart[] {
  const filled = new Set(blocks.filter((block) => block.lines.some((line) => line.text.trim() !== "")));
  if (filled.size < 2 * MIN_OWN_ROWS * 2) return [{ blocks, column: false }];
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const block of filled) [left, right] = [Math.min(left, block.left), Math.max(right, block.right)];
  const narrow = [...filled].filter((b) => b.right - b.left < WIDE_SHARE * (right - left));
  const columns = columnExtents(withoutBridges(narrow));
  if (columns.length < 2 || columns.length > MAX_COLUMNS) return [{ blocks, column: false }];
  const crosses = (block: Block) => columns.filter((column) => overlap(block, column) > 0).length !== 1;
  // Bands: the runs of blocks between blocks that cross a gutter, top to bottom.
  const ordered = [...blocks].sort((a, b) => centre(b) - centre(a));
  const parts: ReadingPart[] = [];
  let pending: Block[] = [];
  let band: Block[] = [];
  const closeBand = () => {
    const split = splitBand(band);
    if (split) {
      // The blocks just above the band that sit inside one of its columns (each example's title, its "Amount owed…"
      // line wider than the example's label column) open that column: below every block above that spans two of them.
      const extents = split.columns.map((blocks) => ({ left: Math.min(...blocks.map((b) => b.left)), right: Math.max(...blocks.map((b) => b.right)) }));
      const inside = (block: Block) => extents.findIndex((extent) => block.left >= extent.left - EDGE && block.right <= extent.right + EDGE);
      const spanning = pending.filter((block) => inside(block) < 0 && extents.filter((extent) => overlap(block, extent) > 0).length >= 2);
      const floor = Math.min(Number.POSITIVE_INFINITY, ...spanning.map((block) => block.bottom));
      const opening = pending.filter((block) => block.top <= floor && inside(block) >= 0 && extents.filter((extent) => overlap(block, extent) > 0).length === 1);
      if (opening.length) {
        pending = pending.filter((block) => !opening.includes(block));
        for (const block of opening) split.columns[inside(block)]?.push(block);
      }
      if (pending.length) parts.push({ blocks: pending, column: parts.at(-1)?.column === true });
      pending = split.after;
      if (split.before.length) parts.push({ blocks: split.before, column: false });
      for (const column of split.columns) parts.push({ blocks: column, column: true, ...(split.prose ? { prose: true } : {}) });
    } else {
      pending.push(...band);
    }
    band = [];
  };
  // A block beside a crossing block (a running header's cells) stays in its row, out of the bands.
  const besides = (a: Block, b: Block | undefined) => b !== undefined && (within(centre(a), b) || within(centre(b), a));
  let crossing: Block | undefined;
  for (const block of ordered) {
    if (!filled.has(block) || !crosses(block)) {
      if (band.length === 0 && besides(block, crossing)) pending.push(block);
      else band.push(block);
      continue;
    }
    const beside = band.filter((other) => besides(other, block));
    band = band.filter((other) => !beside.includes(other));
    closeBand();
    pending.push(...beside, block);
    crossing = block;
  }
  closeBand();
  if (pending.length) parts.push({ blocks: pending, column: parts.at(-1)?.column === true });
  return parts.some((part) => part.column) ? parts : [{ blocks, column: false }];
}

/**
 * Blocks set across two columns (a running header's title over the sidebar and an example, a "Coverage for" line over
 * two examples): each of the widest blocks that overlaps two or more columns of three blocks or more, the columns the
 * others make, is left out, so it does not join their columns into one.
 */
function withoutBridges(blocks: Block[]): Block[] {
  // A page of more columns than any split allows is left as it is (and the work stays bounded on hostile input).
  if (columnExtents(blocks).length > MAX_COLUMNS) return blocks;
  const widest = [...blocks].sort((a, b) => b.right - b.left - (a.right - a.left)).slice(0, MAX_BRIDGES);
  let kept = blocks;
  for (const block of widest) {
    const others = kept.filter((other) => other !== block);
    const extents = columnExtents(others);
    if (extents.length > 2 * MAX_COLUMNS) continue;
    const columns = extents.filter((column) => others.filter((other) => overlap(other, column) > 0).length >= 3);
    if (columns.filter((column) => overlap(block, column) > 0).length >= 2) kept = others;
  }
  return kept;
}

/** Horizontal extents of the columns the blocks fall into: blocks overlapping one another share a column. */
function columnExtents(blocks: Block[]): { left: number; right: number }[] {
  const sorted = [...blocks].sort((a, b) => a.left - b.left);
  const columns: { left: number; right: number }[] = [];
  for (const block of sorted) {
    const last = columns.at(-1);
    if (last && block.left < last.right) last.right = Math.max(last.right, block.right);
    else columns.push({ left: block.left, right: block.right });
  }
  return columns;
}

/**
 * A band's columns when two or more are tables of their own and the rest are sidebars, with the blocks that sit above
 * or below the tables (a sidebar's title set higher, a page number) kept out of the columns; otherwise null.
 * Neighbouring columns whose lines start on the same baselines and of which one is no table on its own (an example's
 * labels and its amounts) are one table.
 */
function splitBand(band: Block[]): { before: Block[]; columns: Block[][]; after: Block[]; prose?: boolean } | null {
  const filled = band.filter((block) => block.lines.some((line) => line.text.trim() !== ""));
  const columns = columnExtents(filled);
  if (columns.length < 2 || columns.length > MAX_COLUMNS) return null;
  let members = columns.map((column) => band.filter((block) => columnOf(block, columns) === column));
  let ownRows = members.map(tableRows);
  for (let i = 0; i + 1 < members.length; ) {
    const [a, b] = [members[i] ?? [], members[i + 1] ?? []];
    const short = (blocks: Block[], rows: number) => rows >= MIN_OWN_ROWS || medianChars(blocks) <= MAX_LABEL_CHARS;
    const oneTable = (ownRows[i] ?? 0) < MIN_OWN_ROWS || (ownRows[i + 1] ?? 0) < MIN_OWN_ROWS;
    const alike = Math.min(a.length, b.length) >= Math.max(a.length, b.length) / 2;
    if (oneTable && alike && short(a, ownRows[i] ?? 0) && short(b, ownRows[i + 1] ?? 0) && sharedBaselines(a, b) >= SAME_ROWS) {
      members = [...members.slice(0, i), [...a, ...b], ...members.slice(i + 2)];
      ownRows = members.map(tableRows);
      i = Math.max(0, i - 1);
    } else {
      i++;
    }
  }
  members = members.filter((blocks) => blocks.some((block) => block.lines.some((line) => line.text.trim() !== "")));
  ownRows = members.map(tableRows);
  if (proseColumns(filled, members)) return { before: [], columns: members, after: [], prose: true };
  const tables = members.filter((_, i) => (ownRows[i] ?? 0) >= MIN_OWN_ROWS);
  if (tables.length < 2) return null;
  // Tables whose rows line up with the same labels are one table across (plans side by side, the same rows for each):
  // ./structure.ts reads it with each plan's name.
  if (tables.every((table, i) => i === 0 || sameRowLabels(tables[i - 1] ?? [], table) >= SAME_ROWS)) return null;
  const fewest = Math.min(...ownRows.filter((n) => n >= MIN_OWN_ROWS));
  // Every other column is a sidebar: a few blocks, or prose. A benefit table's label column is neither.
  const sidebar = (blocks: Block[]) => blocks.length < fewest / 2 || medianChars(blocks) > MAX_LABEL_CHARS;
  if (members.some((blocks, i) => (ownRows[i] ?? 0) < MIN_OWN_ROWS && !sidebar(blocks))) return null;
  // A table column's blocks set apart from the rest of it at its top or bottom (a running header's cell over one
  // column, a page number under it) are read before or after the columns; a sidebar is read whole.
  const before: Block[] = [];
  const after: Block[] = [];
  const inside = members.map((blocks) => {
    if (!tables.includes(blocks)) return blocks;
    const others = tables.filter((table) => table !== blocks).flat();
    let kept = [...blocks].sort((a, b) => b.top - a.top);
    for (;;) {
      const edge = edgeRow(kept, "top", others);
      if (!edge) break;
      before.push(...edge);
      kept = kept.filter((block) => !edge.includes(block));
    }
    for (;;) {
      const edge = edgeRow(kept, "bottom", others);
      if (!edge) break;
      after.push(...edge);
      kept = kept.filter((block) => !edge.includes(block));
    }
    return kept;
  });
  return { before, columns: inside.filter((blocks) => blocks.length > 0), after };
}

/**
 * Columns of prose set side by side, read one after the other (a 2014 summary's "Questions and answers about the
 * Coverage Examples": its assumptions, then each question with its answer): no row anywhere reads "label … value",
 * every column holds two blocks or more, their blocks rarely start on one baseline (a table's cells of one row do: a
 * benefits chart's in-network and out-of-network columns of prose), and a paragraph of one column spans rows of the
 * others. Grouped into rows across the page, that paragraph would be repeated as the label of each; a table's cell
 * that spans rows is a short label ("If you visit a health care provider's office or clinic").
 */
function proseColumns(filled: Block[], members: Block[][]): boolean {
  if (members.length < 2 || members.length > MAX_PROSE_COLUMNS || members.some((blocks) => blocks.length < 2)) return false;
  if (members.some((blocks, i) => i > 0 && sharedStarts(members[i - 1] ?? [], blocks) >= SAME_ROWS)) return false;
  // (The rows across the band, grouped once for both tests.)
  const rows = groupRows(filled);
  return labelValueRows(rows) === 0 && rows.some((row) => row.spanning && row.blocks.some((block) => joinLines(block.lines, " ").length >= MIN_PROSE_CHARS));
}

/**
 * The blocks of a column's top (or bottom) row when a gap of more than SET_APART ems parts them from the rest of the
 * column and they sit above (below) every block of the other tables, or null. Blocks sorted top first.
 */
function edgeRow(blocks: Block[], edge: "top" | "bottom", others: Block[]): Block[] | null {
  const first = edge === "top" ? blocks[0] : blocks.at(-1);
  if (!first || blocks.length < 2) return null;
  const row = blocks.filter((block) => within(centre(block), first) || within(centre(first), block));
  const rest = blocks.filter((block) => !row.includes(block));
  const size = first.lines[0]?.fontSize ?? 1;
  const low = Math.min(...row.map((b) => b.bottom));
  const high = Math.max(...row.map((b) => b.top));
  const parted = rest.every((other) => (edge === "top" ? other.top < low - SET_APART * size : other.bottom > high + SET_APART * size));
  const outside = others.every((other) => (edge === "top" ? other.top < low : other.bottom > high));
  return rest.length > 0 && parted && outside ? row : null;
}

function medianChars(blocks: Block[]): number {
  const lengths = blocks.map((block) => joinLines(block.lines, " ").length).sort((x, y) => x - y);
  return lengths[Math.floor(lengths.length / 2)] ?? 0;
}

/**
 * The rows among the blocks that read as "label … value": two or more cells side by side, the first a label (no
 * amount) and the last a value. A column of another table's values ("Not covered" beside its limitation) has none.
 */
function tableRows(blocks: Block[]): number {
  return labelValueRows(groupRows(blocks));
}

/** Of rows grouped already, those that read "label … value" (see tableRows). */
function labelValueRows(rows: Row[]): number {
  const text = (block: Block | undefined) => (block ? joinLines(block.lines, " ") : "");
  return rows.filter(
    (row) => !row.spanning && row.blocks.length >= 2 && !VALUE.test(text(row.blocks[0])) && VALUE.test(text(row.blocks.at(-1))),
  ).length;
}

/** The share of `a`'s labelled rows with a row of `b` on the same baseline whose label reads the same. */
function sameRowLabels(a: Block[], b: Block[]): number {
  const labels = (blocks: Block[]) =>
    groupRows(blocks).flatMap((row) => {
      const first = row.blocks[0];
      const line = first?.lines[0];
      return row.blocks.length >= 2 && first && line ? [{ y: line.y, size: line.fontSize, text: joinLines(first.lines, " ").toLowerCase().replace(/\s+/g, " ") }] : [];
    });
  const theirs = labels(b);
  let paired = 0;
  let same = 0;
  for (const row of labels(a)) {
    const other = theirs.find((candidate) => Math.abs(candidate.y - row.y) <= BASELINE_TOLERANCE * row.size);
    if (!other) continue;
    paired++;
    if (other.text === row.text) same++;
  }
  return paired ? same / paired : 0;
}

/** The share of the fewer blocks of the two whose first line sits on a baseline of the other's lines. */
function sharedBaselines(a: Block[], b: Block[]): number {
  const filled = (blocks: Block[]) => blocks.filter((block) => block.lines[0]?.text.trim());
  const [fewer, more] = [filled(a), filled(b)].sort((x, y) => x.length - y.length);
  if (!fewer?.length || !more) return 0;
  const lines = more.flatMap((block) => block.lines);
  const matched = fewer.filter((block) => {
    const first = block.lines[0];
    return first !== undefined && lines.some((line) => Math.abs(line.y - first.y) <= BASELINE_TOLERANCE * first.fontSize);
  });
  return matched.length / fewer.length;
}

/** The share of the fewer blocks of the two whose first line starts on the baseline of a first line of the other's. */
function sharedStarts(a: Block[], b: Block[]): number {
  const firsts = (blocks: Block[]) => blocks.flatMap((block) => (block.lines[0]?.text.trim() ? [block.lines[0]] : []));
  const [fewer, more] = [firsts(a), firsts(b)].sort((x, y) => x.length - y.length);
  if (!fewer?.length || !more) return 0;
  const matched = fewer.filter((first) => more.some((line) => Math.abs(line.y - first.y) <= BASELINE_TOLERANCE * first.fontSize));
  return matched.length / fewer.length;
}

/** The column a block falls in: the one it overlaps most (a glyph-only block between columns goes by its centre). */
function columnOf(block: Block, columns: { left: number; right: number }[]): { left: number; right: number } | undefined {
  let best: { left: number; right: number } | undefined;
  let most = 0;
  for (const column of columns) {
    const shared = overlap(block, column);
    if (shared > most) [best, most] = [column, shared];
  }
  if (best) return best;
  const middle = (block.left + block.right) / 2;
  return columns.reduce((a, b) => (Math.abs((a.left + a.right) / 2 - middle) <= Math.abs((b.left + b.right) / 2 - middle) ? a : b));
}
