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
  const items: PageItem[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let prose: string[] = [];
  const flushProse = () => {
    if (prose.length) items.push({ kind: "text", text: prose.join("\n") });
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    const heading = HEADING.exec(line);
    if (heading) {
      flushProse();
      const level = (heading[1] ?? "#").length;
      const title = cleanCell(heading[2] ?? "");
      state.sections = [...state.sections.slice(0, level - 1), title];
      items.push({ kind: "heading", level, text: title });
      continue;
    }
    if (!TABLE_LINE.test(line)) {
      prose.push(lines[i] ?? "");
      continue;
    }
    flushProse();
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
    if (header) state.header = header;
    else if (state.header && table[0] && state.header.length !== table[0].length) state.header = null;
    items.push(...renderRows(table, header ?? state.header));
  }
  flushProse();
  return items;
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
function renderRows(rows: string[][], header: string[] | null): PageItem[] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  let labelColumns = 0;
  while (labelColumns < width - 1 && !rows.some((row) => VALUE.test(row[labelColumns] ?? ""))) labelColumns += 1;
  labelColumns = Math.max(1, labelColumns);
  const items: PageItem[] = [];
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
    items.push({ kind: "row", text, label });
  }
  return items;
}
