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

/**
 * What carries over from page to page: the open sections, the last table header (long tables span pages), and the
 * group the last table's rows ended in, under that header.
 */
export interface StructureState {
  sections: string[];
  header: string[] | null;
  group: { header: string; cell: string } | null;
  /**
   * The last header of three columns or more, with the section it was read in: a chart that runs across pages keeps
   * its column names past a narrower table set between its rows (a benefit's two-column note), in the same section.
   */
  chart?: { sections: string; header: string[] } | null;
}

export function initialState(): StructureState {
  return { sections: [], header: null, group: null, chart: null };
}

const HEADING = /^(#{1,6})\s+(.+)$/;
/** A chart remembered past a narrower table has this many columns or more (a label and two networks). */
const MIN_CHART_COLUMNS = 3;
/**
 * "######" is the title of a list set in columns (./pdf-layout.ts): it is the context of the list's chunks and of
 * nothing after them.
 */
export const LIST_LEVEL = 6;
const LIST_LINE = /^(?:[•·▪◦‣●○■□]|\()/u;
const TABLE_LINE = /^\|.*\|$/;
/** A short aside in parentheses on a line of its own, not a sentence ("(This isn't a complete list.)"). */
const TITLE_ASIDE = /^\([^().!?]{1,60}\)$/;
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
  let firstTable = true;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? "").trim();
    // A list's title governs the list only: the first line after it that is neither an item nor a note ends it.
    if (state.sections.length === LIST_LEVEL && line !== "" && !LIST_LINE.test(line)) {
      if (prose.length) yield { kind: "text", text: prose.join("\n") };
      prose = [];
      // The heading item comes before the change, so the chunk it closes keeps the context it was written under.
      yield { kind: "heading", level: LIST_LEVEL, text: "" };
      state.sections = state.sections.slice(0, LIST_LEVEL - 1);
    }
    const heading = HEADING.exec(line);
    if (heading) {
      if (prose.length) yield { kind: "text", text: prose.join("\n") };
      prose = [];
      const level = (heading[1] ?? "#").length;
      let title = cut(cleanCell(heading[2] ?? ""), MAX_NAME_CHARS);
      // A title's aside set on the line under it ("Having a baby" over "(normal delivery)") is part of the title: left
      // as text, it would be a passage of its own that says nothing.
      let next = i + 1;
      while (next < lines.length && (lines[next] ?? "").trim() === "") next++;
      const aside = (lines[next] ?? "").trim();
      if (level < LIST_LEVEL && TITLE_ASIDE.test(aside)) {
        title = cut(`${title} ${aside}`, MAX_NAME_CHARS);
        i = next;
      }
      yield { kind: "heading", level, text: title };
      // Each level keeps its place ("" where a level was skipped), so two "###" in a row are siblings, not nested; a
      // numbered section the new heading's number does not continue is closed.
      const open = state.sections.slice(0, level - 1).map((section) => (outnumbered(section, title) ? "" : section));
      while (open.length < level - 1) open.push("");
      state.sections = [...open, title];
      // A table under a new section heading is a table of its own: it does not take the column names of one before
      // it. (A page's running header, level 1, and a list title, level 6, leave a chart running across pages alone.)
      if (level > 1 && level < LIST_LEVEL) state.header = null;
      continue;
    }
    // A row the layout left alone on its line ("·X-rays | $15 copayment… | $40 copayment…": a chart's only row between
    // two pages of description) is a row of the chart running across pages when it has the chart's width and a value.
    const lone = TABLE_LINE.test(line) ? null : loneRow(line, state.header);
    if (lone) {
      if (prose.length) yield { kind: "text", text: prose.join("\n") };
      prose = [];
      yield* renderRows([lone], state.header);
      continue;
    }
    if (!TABLE_LINE.test(line)) {
      prose.push(lines[i] ?? "");
      continue;
    }
    // Column names the layout set on a line of their own above a table it found no header for ("Common Medical Event |
    // Services You May Need | Network Provider | Your cost if you use a | Non-Network Provider | Limitations &
    // Exceptions", a merged event label between them and the rows) name its columns.
    // A row the layout marked a header though it gives a phone number or a web address ("Call | 1-877-424-4640" under
    // "Method | State Health Insurance Assistance Program (SHIP) – Contact Information …") is a row: the names are the
    // line above, long as a contact table's are.
    const marked = SEPARATOR.test((lines[i + 1] ?? "").trim());
    const contactRow = marked && splitCells(line).slice(1).some((cell) => CONTACT_VALUE.test(cell));
    const named = !marked ? namesAbove(prose, splitCells(line).length) : contactRow ? namesAbove(prose, splitCells(line).length, MAX_LONG_HEADER_CELL_CHARS) : null;
    if (named) prose.splice(named.index, 1);
    // A lead-in on the line over a table ("Patient pays:" over "Deductibles | $5,170", "Copays | $20", …) is the title
    // of the group its rows belong to: each row is read under it, as a group title in the label column is.
    while (prose.length && (prose.at(-1) ?? "").trim() === "") prose.pop();
    // (Not the last words of a sentence wrapped onto that line: "…a covered Part D prescription" / "drug:".)
    const wrapped = /[\p{L},]$/u.test((prose.at(-2) ?? "").trim());
    const lead = wrapped ? null : GROUP_LEAD.exec((prose.at(-1) ?? "").trim());
    if (lead) prose.pop();
    if (prose.length) yield { kind: "text", text: prose.join("\n") };
    prose = [];
    const table: string[][] = [];
    let header: string[] | null = null;
    for (; i < lines.length && TABLE_LINE.test((lines[i] ?? "").trim()); i++) {
      const current = (lines[i] ?? "").trim();
      if (SEPARATOR.test(current)) {
        if (table.length === 1 && !header && !contactRow) header = table.pop() ?? null;
        continue;
      }
      table.push(splitCells(current));
    }
    i -= 1;
    if (header === null && named) header = named.names;
    // A grid of text the layout marked a header on (three columns of excluded services: "Cosmetic surgery Dental care
    // (Adult) Hearing aids …" | "Long-term care … Private-duty nursing" | …): cells too long to be column names, over
    // rows without a single figure, are text like the rows under them. Read as column names, they were lost.
    // (Two columns without a figure are a contact table: "Method | Appeals for Part D … – Contact Information".)
    // So is a checklist (a column of check marks or bullets beside the services: "x | Acupuncture | x | Infertility treatment"
    // over "x | Bariatric surgery | x | Long-term care", …): read as column names, each row was the header of the next
    // and every service was lost. Its marks are dropped.
    const grid = header !== null && ((header.filter((cell) => cell !== "").length >= 3 && !namesRow(header)) || checklist([header, ...table]));
    if (grid && ![header ?? [], ...table].some((row) => row.some((cell) => VALUE.test(cell)))) {
      for (const row of [header ?? [], ...table]) {
        // One line a row: a cell alone on its line would read as the title of the line after it.
        const text = textLine(row);
        if (text) yield { kind: "text", text };
      }
      continue;
    }
    // A header set in several tiers whose top tier the layout marked as the header ("Tier drug coverage | Retail | |
    // Mail Order" over "Standard | | Preferred | Standard" over "30-day supply | …"): two or more rows of names under
    // it are its lower tiers, read as one stacked header below.
    let tiers = 0;
    while (header && tiers < table.length && namesRow(table[tiers] ?? [])) tiers++;
    if (header && tiers >= 2 && tiers < table.length) {
      table.unshift(header);
      header = null;
    }
    // A page's running header can be drawn into the top of a table and marked as its header; the row of column names
    // under it, before any value, is the table's header, and the rows above it are rows of their own.
    const relabelled = header ? laterHeader(header, table) : -1;
    if (relabelled >= 0) {
      yield* renderRows([header ?? [], ...table.slice(0, relabelled)], null);
      header = table[relabelled] ?? null;
      table.splice(0, relabelled + 1);
    }
    // Examples set side by side with a title over each label and amount pair ("Peg is Having a Baby" | | "Managing
    // Joe's Type 2 Diabetes" | | …, then "Coinsurance | $1,800 | Coinsurance | $100 | …"): each read on its own, under
    // its title, as a section nested in the current one.
    const titles = header ? null : pairedTitles(table);
    if (titles) {
      const saved = state.sections;
      const level = Math.min(LIST_LEVEL - 1, saved.length + 1);
      for (const [pair, title] of titles.entries()) {
        const { name, aside } = titleName(title);
        yield { kind: "heading", level, text: cut(name, MAX_NAME_CHARS) };
        state.sections = [...saved.slice(0, level - 1), cut(name, MAX_NAME_CHARS)];
        if (aside) yield { kind: "text", text: aside };
        yield* renderRows(table.slice(1).map((row) => [row[2 * pair] ?? "", row[2 * pair + 1] ?? ""]), null);
      }
      yield { kind: "heading", level, text: "" };
      state.sections = saved;
      continue;
    }
    // Rows of column names set over the values in several tiers ("Retail | | Mail Order" over "Standard | | Preferred"
    // over "30-day supply | 100-day supply"), unmarked: the rows above them keep the header they had, the rows below get
    // one name per column made of every tier ("Retail · Standard · 30-day supply").
    const stacked = header ? null : stackedHeader(table);
    if (stacked) {
      if (state.header && table[0] && state.header.length !== table[0].length) state.header = null;
      yield* renderRows(table.slice(0, stacked.start), state.header);
      state.header = stacked.header.map((name) => cut(name, MAX_NAME_CHARS));
      yield* renderRows(table.slice(stacked.end), state.header);
      continue;
    }
    // A first row of long column names the layout did not mark ("Tier | Standard retail and mail-order^ cost-sharing
    // (in-network) (up to a 30-day supply) | Long-term care (LTC) cost-sharing … | Out-of-network cost-sharing …") over
    // rows that each give a value is the table's header.
    // (Not when the table continues the chart running across pages: its rows keep that chart's names.)
    const width = table[0]?.length ?? 0;
    const sectionsKey = state.sections.join(" › ");
    const chart = !header && state.chart?.sections === sectionsKey && state.chart.header.length === width ? state.chart.header : null;
    const continues = (state.header !== null && state.header.length === width) || chart !== null;
    if (!header && !continues && headsColumns(table)) header = table.shift() ?? null;
    // A table without a header of its own continues the last one when the columns match (a chart across pages), or
    // the section's last chart of its width (the chart goes on after a narrower table between its rows).
    if (header) state.header = header.map((name) => cut(name, MAX_NAME_CHARS));
    else if (table[0] && state.header?.length !== width) state.header = chart;
    if (header && state.header && state.header.length >= MIN_CHART_COLUMNS) state.chart = { sections: sectionsKey, header: state.header };
    // A row that opens like the header ("Method | State Health Insurance Assistance Program – Contact Information"
    // under "Method | Medicare – Contact Information") heads the rows after it, even where the layout did not mark it
    // (its title cell too long to look like a header): a page of contact tables is one table to the layout.
    // A group of rows split by the page break ("If your child needs dental or eye care" beside "Eye exam", and beside
    // "Glasses", at the foot of a page and, under the same header on the next, "Dental check-up" with its group cell
    // empty): the rows opening the page's first table go on in the group the last page's table ended in.
    const key = state.header?.join("|") ?? null;
    if (firstTable && key !== null && state.group?.header === key) {
      for (const row of table) {
        if ((row[0] ?? "") !== "" || (row[1] ?? "") === "" || VALUE.test(row[1] ?? "")) break;
        row[0] = state.group.cell;
      }
    }
    firstTable = false;
    let start = 0;
    // A row taken for the header of the rows after it, with no row after it before the next such row or the table's
    // end, heads nothing: it is read as a row of text, never lost.
    let taken: string[] | null = null;
    for (let row = 0; row <= table.length; row++) {
      const cells = table[row];
      const heads = cells !== undefined && state.header !== null && repeatsHeader(cells, state.header);
      if (cells !== undefined && !heads) continue;
      const text = taken !== null && start === row ? textLine(taken) : "";
      if (text) yield { kind: "text", text };
      yield* renderRows(table.slice(start, row), state.header, start === 0 ? (lead?.[1] ?? null) : null);
      if (cells) state.header = cells.map((name) => cut(name, MAX_NAME_CHARS));
      taken = cells ?? null;
      start = row + 1;
    }
    // (Only where the layout wrote the group on each of its rows: a group named once, midway down its rows, may as well
    // start on the next page.)
    const last = table.at(-1);
    const grouped =
      last !== undefined && (last[0] ?? "") !== "" && table.at(-2)?.[0] === last[0] && (last[1] ?? "") !== "" && !VALUE.test(last[0] ?? "") && !VALUE.test(last[1] ?? "");
    state.group = state.header !== null && grouped ? { header: state.header.join("|"), cell: last[0] ?? "" } : null;
  }
  if (prose.length) yield { kind: "text", text: prose.join("\n") };
}

/**
 * The titles of examples set side by side, each over a label column and a value column: a first row of two or more
 * titles, each followed by an empty cell, over three or more rows of that width with amounts in the value columns;
 * otherwise null.
 */
function pairedTitles(table: string[][]): string[] | null {
  const first = table[0];
  if (!first || first.length < 4 || first.length % 2 !== 0) return null;
  const titles = first.filter((_, k) => k % 2 === 0);
  if (!titles.every((title) => title !== "" && !VALUE.test(title)) || first.some((cell, k) => k % 2 === 1 && cell !== "")) return null;
  const valued = table.slice(1).filter((row) => row.length === first.length && row.some((cell, k) => k % 2 === 1 && VALUE.test(cell)));
  return valued.length >= 3 ? titles : null;
}

/**
 * A title's name and its parenthetical aside ("Mia's Simple Fracture" and "(in-network emergency room visit and follow
 * up care)"): the name heads the rows under it, the aside is text of its own, so what it describes does not read as the
 * subject of every row.
 */
export function titleName(title: string): { name: string; aside: string } {
  const name = title.replace(/\s*\([^()]*\)\s*$/, "").trim();
  return name.split(/\s+/).length >= 2 ? { name, aside: title.slice(name.length).trim() } : { name: title, aside: "" };
}

/** Cells longer than this are content, never a column's name. */
const MAX_HEADER_CELL_CHARS = 60;

/**
 * Two or more consecutive rows of names (no value in any cell, at least two cells named after the first column) right
 * above a row with values: where they start and end in `rows`, and one name per column joining every tier. A name
 * left empty in an upper tier is the one to its left (it spans those columns); the last tier names each column.
 */
export function stackedHeader(rows: string[][]): { start: number; end: number; header: string[] } | null {
  const names = (row: string[]) =>
    row.slice(1).filter((cell) => cell !== "").length >= 1 &&
    row.filter((cell) => cell !== "").length >= 2 &&
    row.every((cell) => cell.length <= MAX_HEADER_CELL_CHARS && !VALUE.test(cell));
  for (let start = 0; start < rows.length; start++) {
    let end = start;
    while (end < rows.length && names(rows[end] ?? [])) end++;
    // (Right above a row with a value: names over rows without one — "TTY | 711 …", "Write | P.O. Box …", "Website |
    // https://…" over a line of prose — are rows, not a header that nothing is read under.)
    if (end - start < 2 || end === rows.length || names(rows[end] ?? []) || !(rows[end] ?? []).slice(1).some((cell) => VALUE.test(cell))) {
      start = Math.max(start, end - 1);
      continue;
    }
    const tiers = rows.slice(start, end);
    const width = Math.max(...tiers.map((row) => row.length));
    const header: string[] = [];
    const inherited = tiers.map((row) => {
      let left = "";
      return Array.from({ length: width }, (_, column) => {
        const cell = row[column] ?? "";
        if (cell !== "") left = cell;
        return column === 0 ? cell : cell || (row === tiers.at(-1) ? "" : left);
      });
    });
    for (let column = 0; column < width; column++) {
      const parts = inherited.map((row) => row[column] ?? "").filter((part) => part !== "");
      header.push(parts.filter((part, i) => parts.indexOf(part) === i).join(" · "));
    }
    return { start, end, header };
  }
  return null;
}

/**
 * Header names with an empty one after a named value column taken from its left neighbour where a row of names under
 * the header names both columns (the name spans them: "Plan 004" over "Tier | 30 day supply"). Without such a row an
 * empty name stays empty (an SBC's unnamed limitations column is not the out-of-network column).
 */
function inheritNames(header: string[], labelColumns: number, subHeaders: string[][]): string[] {
  const names = [...header];
  for (let column = labelColumns + 1; column < names.length; column++) {
    const spanned = subHeaders.some((row) => (row[column] ?? "") !== "" && (row[column - 1] ?? "") !== "");
    if (names[column] === "" && spanned) names[column] = names[column - 1] ?? "";
  }
  return names;
}

/** Whether a row of names sits under a spanning name: two of its cells share one of the header's (inherited) names. */
function spansNamed(row: string[], names: string[], labelColumns: number): boolean {
  return row.some((cell, column) => column > labelColumns && cell !== "" && names[column] !== "" && names[column] === names[column - 1] && (row[column - 1] ?? "") !== "");
}

/**
 * A prose line of column names among the last few lines over a table `width` columns wide: its cells, less a caption
 * set over two of them that ends mid-phrase ("Your cost if you use a"), one name a column. Null when there is none.
 */
function namesAbove(prose: string[], width: number, maxChars = MAX_HEADER_CELL_CHARS): { index: number; names: string[] } | null {
  let seen = 0;
  for (let index = prose.length - 1; index >= 0 && seen < NAMES_LOOKBACK; index--) {
    const text = (prose[index] ?? "").trim();
    if (text === "") continue;
    seen++;
    if (!text.includes(" | ")) continue;
    const names = text.split(" | ").map(cleanCell).filter((cell) => !CAPTION.test(cell));
    return names.length === width && namesRow(names, maxChars) && names.every((name) => name !== "") ? { index, names } : null;
  }
  return null;
}
/** How many lines over a table its column names may be (a merged label of two or three lines between them and it). */
const NAMES_LOOKBACK = 4;
/** A caption cut off before the names it runs into: it ends with an article, a preposition or "use". */
const CAPTION = /\b(?:a|an|the|of|for|to|use|your)$/i;

/** A prose line "label | value | …" as wide as the running chart's header, with a value after its label, or null. */
function loneRow(line: string, header: string[] | null): string[] | null {
  if (header === null || header.length < 3 || !line.includes(" | ")) return null;
  const cells = line.split(" | ").map(cleanCell);
  return cells.length === header.length && cells.slice(1).some((cell) => VALUE.test(cell)) ? cells : null;
}

/**
 * Whether a table's first row names its columns though its names are too long for namesRow: a short first cell
 * ("Tier"), three or more names without a value, over two or more rows that each give a value after their label.
 */
function headsColumns(table: string[][]): boolean {
  const [first, ...rows] = table;
  if (!first || rows.length < 2 || (first[0] ?? "").length > MAX_LABEL_HEADER_CHARS) return false;
  if (first.filter((cell) => cell !== "").length < 3 || first.some((cell) => cell.length > MAX_LONG_HEADER_CELL_CHARS || VALUE.test(cell) || /[.!?]\s+\p{Lu}/u.test(cell))) return false;
  return rows.every((row) => row.length === first.length && row.slice(1).some((cell) => VALUE.test(cell)));
}
const MAX_LABEL_HEADER_CHARS = 40;
const MAX_LONG_HEADER_CELL_CHARS = 160;

/** A phone number, a web address or an e-mail address: what a contact table's rows give, never a column's name. */
const CONTACT_VALUE = /\b\d{3}[-.]\d{3}[-.]\d{4}\b|\bhttps?:\/\/|\bwww\.|@[\w-]+\.\w/i;

/** A cell holding only a check mark ("x", "✓", "☒"): the mark of a checklist, not a name. */
const CHECK_MARK = /^[xX✓✔✗✘☐☑☒•▪§]$/u;

/** A row read as a line of text: its cells but the empty ones and the check marks, joined with "; ". */
function textLine(row: string[]): string {
  return row.filter((cell) => cell !== "" && !CHECK_MARK.test(cell)).join("; ");
}

/** A checklist: some column holds only check marks (or nothing) in every row, and a mark in most of them. */
function checklist(rows: string[][]): boolean {
  // One pass over the cells (a column at a time over every row would cost width × rows).
  const marks: number[] = [];
  const other: boolean[] = [];
  for (const row of rows) {
    row.forEach((cell, column) => {
      if (cell === "") return;
      if (CHECK_MARK.test(cell)) marks[column] = (marks[column] ?? 0) + 1;
      else other[column] = true;
    });
  }
  return marks.some((count, column) => count * 2 > rows.length && other[column] !== true);
}

/** A row of column names: no value in any cell, every cell short, two or more of them. */
function namesRow(row: string[], maxChars = MAX_HEADER_CELL_CHARS): boolean {
  return row.filter((cell) => cell !== "").length >= 2 && row.every((cell) => cell.length <= maxChars && !VALUE.test(cell) && !CONTACT_VALUE.test(cell));
}

/**
 * The index in `rows` of a row of column names that fills at least as many columns as `header` and comes before the
 * first row with a value, or -1.
 */
function laterHeader(header: string[], rows: string[][]): number {
  const filled = (row: string[]) => row.filter((cell) => cell !== "").length;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.some((cell) => VALUE.test(cell))) return -1;
    if (namesRow(row) && filled(row) >= filled(header) && filled(row) >= 3) return i;
  }
  return -1;
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
  // (A row of values that only opens with the header's first name — the layout merged "Common Medical Event" into the
  // first row under the header — is a row.)
  return cells.length === header.length && first !== "" && first === header[0] && cells.some((cell, i) => cell !== header[i]) && !cells.slice(1).some((cell) => VALUE.test(cell));
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
  // A name's own "; " ("Coverage is limited to certain situations; see Chapter 5") would read as the end of its cell.
  return header.replace(HEADER_NOISE, "").replace(HEADER_ASIDE, " ").replace(/:$/, "").replace(/;\s+/g, ", ").trim();
}

/** A short lead-in line ending in a colon: "Patient pays:", "Sample care costs:". */
const GROUP_LEAD = /^(\p{L}[\p{L} ]{2,30}):$/u;
/** "Patient pays: Total Deductibles": a short title of letters (no figure) ending in a colon, then the row's own label. */
const GROUP_TITLE = /^(\p{L}[\p{L} ]{2,30}):\s+(\p{L}.{0,80})$/u;

/** A cell opening with its network tier: "In-Network:", "Out-of-Network:". */
const TIER_OPENING = /^(?:In|Out[- ]of)[- ]Network:/i;

/**
 * Rows as sentences. The leading columns whose cells hold no values are the row's label ("If you have a test ›
 * Diagnostic test"); every other non-empty cell is written as "Header: value". Without any header the cells are
 * joined with "; ".
 */
function* renderRows(rows: string[][], header: string[] | null, lead: string | null = null): Generator<PageItem> {
  // The label columns end at the first column where any row holds a value: one pass over the cells (a column at a
  // time over every row would cost width × rows, a million for a 1,000-cell row above 1,000 one-cell rows).
  let width = 0;
  let firstValue = Number.POSITIVE_INFINITY;
  // A row of one cell (a note, "Amount owed to providers: $7,540 Plan pays: …" across a column) has no label to tell
  // from its value: rows of several cells say where the labels end, unless there are none.
  const celled = rows.filter((row) => row.filter((cell) => /[\p{L}\p{N}]/u.test(cell)).length >= 2);
  for (const row of celled.length ? celled : rows) {
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
  // A column name that spans the value columns to its right ("Clover Health Choice (PPO) (Plan 004)" over a tier
  // column and an amount column) names them too: their cells are written together, under that name.
  const subHeaders = header ? rows.filter((row) => row.slice(0, labelColumns).every((cell) => cell === "") && namesRow(row)) : [];
  const namesOnly = new Set(subHeaders);
  const names = header ? inheritNames(header.map(shortHeader), labelColumns, subHeaders) : null;
  // Under such a header, a row of names in the value columns only ("Tier | 30 day supply | Tier | 30 day supply") is a
  // sub-header: the rows after it are read under the name it gives each column that holds a value.
  let sub: string[] | null = null;
  let group: string | null = lead;
  // The last labelled row, the network tier each of its cells opened with ("In-Network:"), and the columns whose cell
  // ended announcing a list ("…and includes:").
  let above: { label: string; tiers: Map<string, string>; announcing: Set<string> } | null = null;
  for (const row of rows) {
    if (names && namesOnly.has(row) && spansNamed(row, names, labelColumns)) {
      sub = row;
      continue;
    }
    const labels: string[] = [];
    for (const cell of row.slice(0, labelColumns)) if (cell && labels.at(-1) !== cell) labels.push(cell);
    const parts: { name: string; cells: string[] }[] = [];
    row.slice(labelColumns).forEach((cell, offset) => {
      if (!cell) return;
      const column = labelColumns + offset;
      const name = names ? (names[column] ?? "") : "";
      const part = parts.at(-1);
      // The next cell under the same spanning name joins the part before it, named by the sub-header over its value.
      if (part && name && part.name.startsWith(name) && (names?.[column - 1] ?? "") === name) {
        const aside = sub && VALUE.test(cell) ? (sub[column] ?? "") : "";
        if (aside && part.name === name) part.name = `${name} · ${aside}`;
        part.cells.push(cell);
        return;
      }
      parts.push({ name, cells: [cell] });
    });
    // Every spanning part opening with the same name ("Tier 4 (Non-Preferred Drug)" under each plan) names the row.
    const opening = parts[0]?.cells[0] ?? "";
    if (labels.length === 0 && parts.length >= 2 && !VALUE.test(opening) && parts.every((part) => part.cells.length >= 2 && part.cells[0] === opening)) {
      labels.push(opening);
      for (const part of parts) part.cells.shift();
    }
    // A row whose label cells are empty under a labelled one, with values in two or more columns, goes on with that
    // row: its label cell spans both ("Diagnostic Services / Labs/Imaging" over "In-Network: Diagnostic tests…" and,
    // a line below, "X-rays: $30 copay"). Each cell goes on with the tier its column's cell above opened with. So does
    // one cell under a cell that announced it ("Fitness program — In-network: $0 copay … and includes:" over
    // "In-network: · Free gym membership · …").
    const announced = parts.length === 1 && above !== null && above.announcing.has(parts[0]?.name ?? "");
    const continued = header !== null && labels.length === 0 && (parts.length >= 2 || announced) ? above : null;
    if (continued !== null) {
      labels.push(continued.label);
      for (const part of parts) {
        const tier = continued.tiers.get(part.name);
        if (tier && !TIER_OPENING.test(part.cells[0] ?? "")) part.cells[0] = `${tier} ${part.cells[0] ?? ""}`;
      }
    }
    const values = parts.map((part) => (part.name ? `${part.name}: ${part.cells.join(" ")}` : part.cells.join(" ")));
    // A label opening with a group's title ("Patient pays: Total Deductibles" over "Co-pays", "Total") heads the rows
    // of the group: each is read under it, so the group's "Total" is not the sample costs' "Total".
    const opened = labels.length === 1 && values.length > 0 ? GROUP_TITLE.exec(labels[0] ?? "") : null;
    if (opened) {
      group = opened[1] ?? null;
      labels[0] = `${opened[1]} › ${opened[2]}`;
    } else if (group && labels.length === 1 && values.length > 0) {
      labels[0] = `${group} › ${labels[0]}`;
    }
    const label = labels.join(" › ");
    if (continued === null) {
      above =
        label && values.length > 0
          ? {
              label,
              tiers: new Map(parts.map((part) => [part.name, TIER_OPENING.exec(part.cells[0] ?? "")?.[0] ?? ""])),
              announcing: new Set(parts.filter((part) => /:\s*$/.test(part.cells.at(-1) ?? "")).map((part) => part.name)),
            }
          : null;
    }
    if (!label && values.length === 0) continue;
    const text = label && values.length ? `${label} — ${values.join("; ")}` : label || values.join("; ");
    // The label is repeated on every piece of a row too long for one chunk, so only its start is.
    yield { kind: "row", text, label: cut(label, MAX_NAME_CHARS) };
  }
}
