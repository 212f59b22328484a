/**
 * Blocks side by side become rows, and runs of rows become tables: columns found from the cells' extents, merged cells
 * repeated into every row they span, a header row recognised and marked, all written as Markdown for the chunker.
 */
import { COLUMN_GAP, centre, joinLines, overlap, rowTop, titled, within, type Block } from "./pdf-blocks";

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
export function groupRows(blocks: Block[]): Row[] {
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
export function segmentRows(rows: Row[]): Segment[] {
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
export const VALUE = /[$%€£]|\bno charge\b|\bnot covered\b|\bcopay\b|\bdeductible does not apply\b/i;
// A merged cell labels the rows within this many ems of it (an SBC's event label spans up to four services).
const MERGED_REACH = 6;
// Header cells are labels; a long cell or one ending a sentence is content.
const MAX_HEADER_CELL_CHARS = 90;
/** The most text the top of a row's cells above its centred label holds (see buildTable). */
const MAX_ORPHAN_CHARS = 240;

/**
 * A Markdown table from a run of rows, or null when the run has fewer than two rows of several cells (a lone row stays
 * "cell | cell"). Columns are the groups of cells whose horizontal extents overlap, found narrowest cell first, so a
 * cell that reaches over several columns does not merge them; such a cell is repeated into each column it covers
 * (Kaiser's one emergency-room cost for plan and non-plan providers), or, reaching over all of them, becomes a note
 * line of its own.
 */
export function buildTable(rows: Row[]): { text: string; top: number; bottom: number } | null {
  const cellRows = rows.filter((row) => !row.spanning && row.blocks.length >= 2);
  if (cellRows.length < 2) return null;
  const all = rows.flatMap((row) => row.blocks);
  const columns = columnExtents(all);
  if (columns.length < 2) return null;
  const covered = (block: Block) => columns.map((column, i) => (overlap(block, column) > 0 ? i : -1)).filter((i) => i >= 0);

  // A row's description (see labelCell) goes after the row, as a paragraph of its own.
  type Line = { cells: string[][]; top: number; bottom: number; labelTop?: number; note?: string; description?: string };
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
      if (spans.length === columns.length && columns.length > 2 && row.blocks.length === 1) {
        line.note = joinLines(block.lines, " ");
        continue;
      }
      const column = spans[0] ?? 0;
      const beside = row.blocks.filter((other) => other !== block);
      const cell = column === 0 && beside.length > 0 ? labelCell(block, beside) : { text: joinLines(block.lines, " ") };
      line.cells[column]?.push(cell.text);
      if (column === 0) line.labelTop = Math.max(line.labelTop ?? -Infinity, block.top);
      if (cell.description) line.description = cell.description;
    }
    lines.push(line);
  }
  // A row's label set centred on a tall cell starts below the cell's first lines, which then form a line of their own
  // with no label ("| | For preferred providers $250 person… | |" over "| What is the overall deductible? | $500…").
  // A line without a label is the top of the next line's cells when that line's other cells start beside it, a line or
  // more above that line's own label (the label is centred on them). A row whose label starts level with its cells
  // is a row of its own (a service under a merged label such as "If you visit a health care provider's office").
  const absorbed = new Set<Line>();
  const lineHeight = firstFontSize(rows);
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i];
    const next = lines[i + 1];
    if (!line || !next || line.note !== undefined || line.description !== undefined || next.note !== undefined) continue;
    if (line.cells[0]?.length !== 0 || next.labelTop === undefined || next.top <= line.bottom || next.top - next.labelTop < lineHeight) continue;
    if (absorbed.has(next)) continue;
    absorbed.add(next);
    // Only a short label and a few lines over it: a page of prose set in columns (an SBC's coverage-example notes) is
    // not a row.
    if ((next.cells[0] ?? []).join(" ").length > MAX_HEADER_CELL_CHARS || line.cells.flat().join(" ").length > MAX_ORPHAN_CHARS) continue;
    next.cells = next.cells.map((cell, c) => [...(line.cells[c] ?? []), ...cell]);
    next.top = Math.max(next.top, line.top);
    lines.splice(i, 1);
  }
  const headerish = (line: Line | undefined) => {
    if (!line || line.note !== undefined || line.description !== undefined) return false;
    const cells = line.cells.map((cell) => cell.join(" "));
    return cells.filter((cell) => cell !== "").length >= 2 && cells.every((cell) => cell.length <= MAX_HEADER_CELL_CHARS && !VALUE.test(cell) && !/[.!?]$/.test(cell));
  };
  // A line of preamble set in the table's columns ("This is only a summary… | If you want more detail…") above the
  // header row is written before the table, so the header is still recognised.
  const preamble = !headerish(lines[0]) && lines.length > 2 && headerish(lines[1]) ? lines.shift() : undefined;
  const isHeader = headerish(lines[0]);
  // A merged cell fills its column in the rows beside it, where the row has nothing of its own there; rows left
  // empty in such a column take the nearest label of that column, since a label is set centred on the rows it groups.
  type Label = { top: number; bottom: number; text: string; description?: string };
  const distance = (line: Line, label: Label) => {
    const middle = (line.top + line.bottom) / 2;
    return middle > label.top ? middle - label.top : middle < label.bottom ? label.bottom - middle : 0;
  };
  for (const column of new Set(merged.map((m) => m.column))) {
    const labels: Label[] = merged
      .filter((m) => m.column === column)
      .map(({ block }) => ({ top: block.top, bottom: block.bottom, ...labelCell(block, all.filter((other) => other !== block && besideOf(block, other))) }));
    for (const line of isHeader ? lines.slice(1) : lines) {
      const own = line.cells[column];
      if (own?.length) labels.push({ top: line.top, bottom: line.bottom, text: own.join(" ") });
    }
    for (const line of isHeader ? lines.slice(1) : lines) {
      if (line.note !== undefined || line.cells[column]?.length !== 0) continue;
      const nearest = labels.reduce<Label | undefined>((best, label) => (!best || distance(line, label) < distance(line, best) ? label : best), undefined);
      // Farther than a few lines from any label of the column, the row simply has nothing there.
      if (!nearest || distance(line, nearest) > MERGED_REACH * firstFontSize(rows)) continue;
      line.cells[column]?.push(nearest.text);
      // A merged label's description is written once, after the first row it labels.
      if (nearest.description && line.description === undefined) line.description = nearest.description;
      nearest.description = undefined;
    }
  }
  const texts = lines.map((line) => {
    const row = line.note !== undefined ? line.note : markdownRow(unswallowed(line.cells.map((cell) => cell.join(" "))));
    return line.description === undefined ? row : `${row}\n\n${line.description}\n`;
  });
  if (isHeader) texts.splice(1, 0, markdownRow(columns.map(() => "---")));
  if (preamble) {
    const text = preamble.note ?? preamble.cells.map((cell) => cell.join(" ")).filter((cell) => cell !== "").join(" | ");
    texts.unshift(preamble.description === undefined ? text : `${text}\n\n${preamble.description}`, "");
  }
  return {
    text: texts.join("\n"),
    top: Math.max(...all.map((b) => b.top)),
    bottom: Math.min(...all.map((b) => b.bottom)),
  };
}

/** How much of a sibling cell's opening the label must hold for the label to have swallowed its own first cell. */
const SWALLOWED_OPENING = 12;

/**
 * A row whose label ran into its first cell because the two sat a word space apart ("Inpatient Hospital In-Network:"
 * on one line, the next plan's cell "In-Network: Days 1-6: $399…" in its own column) has an empty first cell and a
 * label holding what the other cells open with: the label is cut where that opening starts, and the rest is the cell.
 */
function unswallowed(cells: string[]): string[] {
  const [label, first, ...rest] = cells;
  if (label === undefined || first !== "" || label === "") return cells;
  const sibling = rest.find((cell) => cell.length >= SWALLOWED_OPENING);
  if (sibling === undefined) return cells;
  const at = label.indexOf(` ${sibling.slice(0, SWALLOWED_OPENING)}`);
  if (at <= 0) return cells;
  return [label.slice(0, at), label.slice(at + 1), ...rest];
}

// What a cost cell says: an amount, a share, or how cost-sharing applies ("You will pay the cost-sharing that applies
// to primary care services").
const COST = /[$%€£]|\bno charge\b|\bnot covered\b|\bcopay|\bcoinsurance\b|\bcost[- ]?sharing\b/i;

/**
 * The text a row's first cell contributes. A tall cell opening with a title (the Evidence of Coverage's benefit chart:
 * a service's bold name over a page of description) beside cells that say what it costs is labelled by its title
 * alone, so the row reads "Skilled nursing facility (SNF) care | $0 copayment… | $225 copayment…" and a chunk holds
 * the service with what it costs; the whole cell follows the row as a paragraph, its lines kept so list items stay
 * items. Beside anything else (a second list, another plan's service area) the cell stays whole.
 */
export function labelCell(block: Block, beside: readonly Block[]): { text: string; description?: string } {
  const parts = titled(block);
  if (!parts || !beside.some((other) => COST.test(joinLines(other.lines, " ")))) return { text: joinLines(block.lines, " ") };
  const title = joinLines(parts.title, " ");
  return { text: title, description: `${title}\n${joinLines(parts.body, "\n")}` };
}

/** Whether `other` sits beside `block`: level with it and in another column. */
function besideOf(block: Block, other: Block): boolean {
  return other.top > block.bottom && other.bottom < block.top && overlap(block, other) === 0;
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

/** The font size of the table's first cell, the unit of MERGED_REACH. */
function firstFontSize(rows: Row[]): number {
  return rows[0]?.blocks[0]?.lines[0]?.fontSize ?? 1;
}

export function markdownRow(cells: string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, "/").trim()).join(" | ")} |`;
}

