/**
 * Reads the structure the parsers write into page text — Markdown headings and tables — so the chunker can give every
 * chunk its place in the document (title and section path) and every table row its label and column headers.
 *
 * The PDF layout (./pdf-layout.ts, ./pdf-table.ts) writes tables as Markdown with a `| --- |` line under a header row; LlamaParse and
 * Markdown uploads already are Markdown. A row is rendered as one sentence a member can read on its own:
 * "Specialist visit — Network Provider: $40 copay per visit; Non-Participating Provider: Not covered".
 */

/** One piece of a page in reading order. */
export type PageItem =
  | { kind: "heading"; level: number; text: string }
  | { kind: "row"; text: string; label: string }
  | { kind: "text"; text: string };

/** What carries over from page to page: the open sections, and the last table header (long tables span pages). */
export interface StructureState {
  sections: string[];
  header: string[] | null;
}

export function initialState(): StructureState {
  return { sections: [], header: null };
}

const HEADING = /^(#{1,6})\s+(.+)$/;
const TABLE_LINE = /^\|.*\|$/;
const SEPARATOR = /^\|(?:\s*:?-{3,}:?\s*\|)+$/;
// An amount, a share or the stock answers of plan documents: a cell with one of these holds a value, not a label.
const VALUE = /[$%€£]\s?\d|\d\s?%|\bno charge\b|\bnot covered\b|\bcopay|\bcoinsurance\b|\bdeductible\b/i;

/**
 * Splits a page's text into headings, table rows (rendered with their labels and headers) and other text, updating
 * `state` as headings and table headers pass. Linear in the page's length.
 */
export function pageItems(text: string, state: StructureState): PageItem[] {
  return [...readPage(text, state)];
}

/**
 * A heading or a table header reaches every chunk or row under it (as context, as "Header: value"), so each is cut
 * to this many characters: a 1 MB header cell over a thousand rows would otherwise be a gigabyte of text.
 */
const MAX_NAME_CHARS = 200;

/**
 * pageItems one at a time, for the chunker: a table's rows are rendered as they are taken, so a table whose rows
 * repeat long headers is never all in memory, and the chunk budget stops it early.
 */
export function* readPage(text: string, state: StructureState): Generator<PageItem> {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let prose: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    const heading = HEADING.exec(line);
    if (heading) {
      if (prose.length) yield { kind: "text", text: prose.join("\n") };
      prose = [];
      const level = (heading[1] ?? "#").length;
      const title = cut(cleanCell(heading[2] ?? ""), MAX_NAME_CHARS);
      state.sections = [...state.sections.slice(0, level - 1).map((open) => (outnumbered(open, title) ? "" : open)), title];
      yield { kind: "heading", level, text: title };
      continue;
    }
    if (!TABLE_LINE.test(line)) {
      prose.push(lines[i] ?? "");
      continue;
    }
    if (prose.length) yield { kind: "text", text: prose.join("\n") };
    prose = [];
    const table: string[][] = [];
    let header: string[] | null = null;
    for (; i < lines.length && TABLE_LINE.test((lines[i] ?? "").trim()); i++) {
      const current = (lines[i] ?? "").trim();
      if (SEPARATOR.test(current)) {
        if (table.length === 1 && !header) header = table.pop() ?? null;
        continue;
      }
      table.push(splitCells(current));
    }
    i -= 1;
    // A table without a header of its own continues the last one when the columns match (a chart across pages).
    if (header) state.header = header.map((name) => cut(name, MAX_NAME_CHARS));
    else if (state.header && table[0] && state.header.length !== table[0].length) state.header = null;
    // A row that opens like the header ("Method | State Health Insurance Assistance Program – Contact Information"
    // under "Method | Medicare – Contact Information") heads the rows after it, even where the layout did not mark it
    // (its title cell too long to look like a header): a page of contact tables is one table to the layout.
    let start = 0;
    for (let row = 0; row <= table.length; row++) {
      const cells = table[row];
      const heads = cells !== undefined && state.header !== null && repeatsHeader(cells, state.header);
      if (cells !== undefined && !heads) continue;
      yield* renderRows(table.slice(start, row), state.header);
      if (cells) state.header = cells.map((name) => cut(name, MAX_NAME_CHARS));
      start = row + 1;
    }
  }
  if (prose.length) yield { kind: "text", text: prose.join("\n") };
}

const NUMBERED = /^(chapter|cap[ií]tulo|part|parte|article|art[ií]culo|appendix|section|secci[oó]n)\s+(\d+(?:\.\d+)*)\b/i;

/**
 * Whether the open heading `open` cannot contain `next`: both are numbered with the same label and `next`'s number does
 * not continue `open`'s ("Section 6 …" above "Section 7.1 …" when the "Section 7" heading itself went unseen).
 */
function outnumbered(open: string, next: string): boolean {
  const a = NUMBERED.exec(open);
  const b = NUMBERED.exec(next);
  if (!a || !b || (a[1] ?? "").toLowerCase() !== (b[1] ?? "").toLowerCase()) return false;
  return !(b[2] ?? "").startsWith(`${a[2] ?? ""}.`);
}

/** Whether a row opens with the header's first cell and differs from it elsewhere: the header of another table. */
function repeatsHeader(cells: string[], header: string[]): boolean {
  const first = cells[0] ?? "";
  return cells.length === header.length && first !== "" && first === header[0] && cells.some((cell, i) => cell !== header[i]);
}

/** `text` cut to `max` characters at a word, with an ellipsis. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  return `${head.slice(0, Math.max(head.lastIndexOf(" "), max / 2))}…`;
}

function splitCells(line: string): string[] {
  return line.replace(/^\|/, "").replace(/\|$/, "").split("|").map(cleanCell);
}

/** Rules drawn with dashes ("––––– None –––––") and stray spacing go; the words stay. */
function cleanCell(cell: string): string {
  return cell.replace(/[-–—_]{3,}/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Words that open every cost column's header and say nothing about which column it is: "Your Cost If You Use a Network
 * Provider" is shown as "Network Provider", "What you must pay when you get these services In-Network" as "In-Network".
 */
const HEADER_NOISE = /^(?:your cost if you use (?:an?|the)?|what you will pay:?|what you must pay(?: when you get these services)?|you pay:?)\s*/i;
const HEADER_ASIDE = /\s*\((?:you will pay the (?:least|most)|you pay the (?:least|most))\)\s*/gi;

export function shortHeader(header: string): string {
  return header.replace(HEADER_NOISE, "").replace(HEADER_ASIDE, " ").replace(/:$/, "").trim();
}

/**
 * Rows as sentences. The leading columns whose cells hold no values are the row's label ("If you have a test ›
 * Diagnostic test"); every other non-empty cell is written as "Header: value". Without any header the cells are
 * joined with "; ".
 */
function* renderRows(rows: string[][], header: string[] | null): Generator<PageItem> {
  // The label columns end at the first column where any row holds a value: one pass over the cells (a column at a
  // time over every row would cost width × rows, a million for a 1,000-cell row above 1,000 one-cell rows).
  let width = 0;
  let firstValue = Number.POSITIVE_INFINITY;
  for (const row of rows) {
    width = Math.max(width, row.length);
    const limit = Math.min(row.length, firstValue);
    for (let column = 0; column < limit; column++) {
      if (VALUE.test(row[column] ?? "")) {
        firstValue = column;
        break;
      }
    }
  }
  const labelColumns = Math.max(1, Math.min(width - 1, firstValue));
  for (const row of rows) {
    const labels: string[] = [];
    for (const cell of row.slice(0, labelColumns)) if (cell && labels.at(-1) !== cell) labels.push(cell);
    const values: string[] = [];
    row.slice(labelColumns).forEach((cell, offset) => {
      if (!cell) return;
      const name = header ? shortHeader(header[labelColumns + offset] ?? "") : "";
      values.push(name ? `${name}: ${cell}` : cell);
    });
    const label = labels.join(" › ");
    if (!label && values.length === 0) continue;
    const text = label && values.length ? `${label} — ${values.join("; ")}` : label || values.join("; ");
    // The label is repeated on every piece of a row too long for one chunk, so only its start is.
    yield { kind: "row", text, label: cut(label, MAX_NAME_CHARS) };
  }
}
