/**
 * Rebuilds reading order from positioned PDF text runs. Insurance documents are mostly tables whose cells wrap over
 * several lines; reading them line by line across the page interleaves the cells ("What is the overall | $500 /
 * individual or | Generally, you must pay..."). Instead, runs are first gathered into blocks (a cell or a paragraph),
 * then blocks that sit side by side become one row, written on one line with " | " between cells.
 *
 * Three files by responsibility: ./pdf-blocks.ts (runs → lines → blocks, and their geometry), ./pdf-table.ts (blocks →
 * rows → Markdown tables) and this one (a page's rows → text, headings, and what the document-wide pass needs).
 */
import { ASCENT, DESCENT, groupBlocks, SAME_LINE_TOLERANCE, joinLines, overlap, rowTop, splitAlignedBlocks, type Block, type Line, type TextRun } from "./pdf-blocks";
import { readingParts } from "./pdf-columns";
import { titleName } from "./structure";
import { buildTable, groupRows, labelCell, markdownRow, segmentRows, VALUE, type Row } from "./pdf-table";

export { joinWrapped, type TextRun } from "./pdf-blocks";
export type { Row } from "./pdf-table";

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
  /** Rows that begin a column of side-by-side tables read one after the other (./pdf-columns.ts). */
  columnStarts?: ReadonlySet<Row>;
  /** Those of them that title their column: written as a heading, so the column's rows carry it. */
  columnTitles?: ReadonlySet<Row>;
  /**
   * In columns of prose, the questions set as their paragraphs' titles ("Does the Coverage Example predict my own care
   * needs?" over "No. Treatments shown are just examples."): written as headings, so the answer's passages carry them.
   */
  questionTitles?: ReadonlySet<Row>;
}

export function analysePage(runs: readonly TextRun[]): PageLayout {
  const blocks = splitAlignedBlocks(groupBlocks(runs));
  const parts = readingParts(blocks);
  if (parts.length === 1) return { rows: groupRows(blocks), bodySize: bodyFontSize(blocks) };
  const rows: Row[] = [];
  const columnStarts = new Set<Row>();
  const columnTitles = new Set<Row>();
  const questionTitles = new Set<Row>();
  for (const part of parts) {
    const partRows = groupRows(part.blocks);
    const first = partRows[0];
    if (part.column && first) {
      columnStarts.add(first);
      if (columnTitle(first) && part.blocks.some((block) => VALUE.test(joinLines(block.lines, " ")))) columnTitles.add(first);
    }
    if (part.prose) for (const [i, row] of partRows.entries()) if (i + 1 < partRows.length && questionTitle(row)) questionTitles.add(row);
    rows.push(...partRows);
  }
  return { rows, bodySize: bodyFontSize(blocks), columnStarts, columnTitles, questionTitles };
}

/** A prose column's row that titles what follows it: one short block, a question ("What does a Coverage Example show?"). */
function questionTitle(row: Row): boolean {
  const block = row.blocks[0];
  if (row.blocks.length !== 1 || !block || block.lines.length > 3) return false;
  const text = blockText(block);
  return text.length <= MAX_HEADING_CHARS && /\?$/.test(text);
}

/** A column's first row titles it ("Having a baby (normal delivery)") when it is one short block that states no value. */
function columnTitle(row: Row): boolean {
  const block = row.blocks[0];
  if (row.blocks.length !== 1 || !block || block.lines.length > 3) return false;
  const text = joinLines(block.lines, " ");
  return text.length <= MAX_HEADING_CHARS && !VALUE.test(text) && !/[.;]$/.test(text);
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
  const pieces: { text: string; top: number; bottom: number; fontSize: number }[] = [];
  const extent = (row: Row) => ({
    top: Math.max(...row.blocks.map((b) => b.top)),
    bottom: Math.min(...row.blocks.map((b) => b.bottom)),
    fontSize: row.blocks[0]?.lines[0]?.fontSize ?? bodySize,
  });
  // A numbered section's heading set as a label beside its title ("Section 5.3 | Step-by-step: How to make a Level 1
  // appeal") is a heading, not a table row: the rows on either side of it are laid out apart, so it neither heads
  // nor joins a table.
  let run: Row[] = [];
  // Indexes of the pieces that begin a column of side-by-side tables: a paragraph break before each.
  const columnAt = new Set<number>();
  const flush = () => {
    for (const segment of segmentRows(run)) {
      const titled = titledColumnLists(segment.rows);
      if (titled !== null) {
        for (const { lead, title, items, top } of titled) {
          if (lead !== "") pieces.push({ text: lead, top, bottom: top, fontSize: bodySize });
          pieces.push({ text: listTitle(title), top, bottom: top, fontSize: bodySize });
          pieces.push({ text: items.map((item) => `• ${item}`).join("\n"), top, bottom: top, fontSize: bodySize });
        }
        continue;
      }
      const list = bulletColumns(segment.rows);
      if (list !== null) {
        const top = rowTop(segment.rows[0]?.blocks ?? []);
        const leadIn = pieces.at(-1);
        if (list.title !== null) pieces.push({ text: listTitle(list.title), top, bottom: top, fontSize: bodySize });
        else if (leadIn) leadIn.text = listTitle(leadIn.text);
        pieces.push({ text: list.list, top, bottom: Math.min(...segment.rows.flatMap((r) => r.blocks.map((b) => b.bottom))), fontSize: bodySize });
        continue;
      }
      if (segment.kind === "table") {
        const table = buildTable(segment.rows);
        if (table) {
          const { rest, lists } = trailingLists(table.text);
          pieces.push({ text: rest, top: table.top, bottom: table.bottom, fontSize: bodySize });
          for (const list of lists) pieces.push({ text: list, top: table.bottom, bottom: table.bottom, fontSize: bodySize });
          continue;
        }
      }
      for (const row of segment.rows) pieces.push({ text: rowText(row.blocks, bodySize), ...extent(row) });
    }
    run = [];
  };
  for (const row of layout.rows) {
    if (layout.columnStarts?.has(row)) {
      flush();
      columnAt.add(pieces.length);
    }
    if (skip.has(row)) continue;
    const title = layout.columnTitles?.has(row) && !headingLevel(row.blocks[0] as Block, bodySize) ? row.blocks[0] : undefined;
    const named = title ? titleName(joinLines(title.lines, " ")) : null;
    const amid = named || layout.questionTitles?.has(row) ? null : headingAmidParagraph(row);
    const heading = named ? `### ${named.name}` : layout.questionTitles?.has(row) ? `### ${joinLines(row.blocks[0]?.lines ?? [], " ").trim()}` : (amid?.heading ?? labelledHeading(row));
    if (heading === null) {
      run.push(row);
      continue;
    }
    // (The paragraph read into the heading's label or title is read around it, as any other row.)
    if (amid?.before) run.push(amid.before);
    flush();
    pieces.push({ text: heading, ...extent(row) });
    if (amid?.after) run.push(amid.after);
    if (named?.aside) pieces.push({ text: named.aside, ...extent(row) });
  }
  flush();
  let text = "";
  let previous: (typeof pieces)[number] | undefined;
  for (const [i, piece] of pieces.entries()) {
    if (previous !== undefined) {
      const table = piece.text.startsWith("|") || previous.text.startsWith("|");
      text += table || columnAt.has(i) || previous.bottom - piece.top > PARAGRAPH_GAP * piece.fontSize ? "\n\n" : "\n";
    }
    text += piece.text;
    previous = piece;
  }
  return text;
}

const BULLET = /^[•·▪◦‣●○■□]\s*/u;

/** A block's lines as one line of text. */
function blockText(block: Block): string {
  return joinLines(block.lines, " ").trim();
}

/**
 * A list set in columns ("• Cosmetic surgery   • Dental care (Adult)   • Hearing aids" — an SBC's excluded and other
 * covered services): rows of two or more cells, every cell a bulleted item, maybe under a title row. It is a list, not
 * a table — no header, no row labels — so each item is written on a line of its own, row by row (the order they are
 * read in), or null.
 */
function bulletColumns(rows: Row[]): { title: string | null; list: string } | null {
  // The list's title line can be drawn into its rows (a stray ".)" far right makes it a row of two cells).
  const first = rows[0];
  const titled = first !== undefined && rows.length > 1 && first.blocks.every((block) => !BULLET.test(blockText(block)));
  const items = titled ? rows.slice(1) : rows;
  if (!items.some((row) => row.blocks.length >= 2)) return null;
  if (items.some((row) => row.blocks.some((block) => !BULLET.test(blockText(block))))) return null;
  return {
    title: titled ? first.blocks.map(blockText).join(" ").replace(/\s+(?=[.)])/g, "") : null,
    list: items.map((row) => row.blocks.map(blockText).join("\n")).join("\n"),
  };
}

/**
 * The titles of a Summary of Benefits and Coverage's two lists (the federal template's "Excluded Services & Other
 * Covered Services" box).
 */
const SBC_LIST_TITLE = /^(?:services your plan (?:generally )?does not cover|other covered services)\b/i;
/** A line ending in one of these words goes on into the next: "Non-emergency care when traveling outside the" "U.S.". */
const RUNS_ON = /(?:\b(?:the|of|to|and|or|for|with|a|an|in|outside|than|by|at|on|from|per|unless|if)|[-–,&(])\s*$/i;
/** Longer than this, a line is a sentence of a paragraph, not an item of a list. */
const MAX_ITEM_LINE_CHARS = 70;
/** Blocks whose left edges lie within this many ems of each other are one column of a list. */
const COLUMN_REACH = 2;

/**
 * Those two lists set in columns: each column's lines are its items, read down the column, one column after the other.
 * A bullet starts an item; where the bullets are drawn as shapes and the text has none ("Chiropractic care" over
 * "Cosmetic surgery", "Infertility treatment" beside them), a line going on from the one above ("…when traveling
 * outside the" "U.S.", "…1 routine exam" "per 12 months") is joined to it. Read as a table, the lists became one row of
 * three cells, an item's end lost in each ("Chiropractic care Cosmetic surgery Dental care (Adult) Hearing aids"), or a
 * row whose first cell held the box's name, the title and the first column's items. The title may head its own row
 * (with its note beside it) or, over bulleted items, the first column, under the box's name ("Excluded Services & Other
 * Covered Services:").
 * The rows must be those lists only: short lines, no amount; otherwise null.
 */
function titledColumnLists(rows: Row[]): { lead: string; title: string; items: string[]; top: number }[] | null {
  // Each list's columns, left to right once read: a column's lines in order, whether its rows were read as one block
  // per column or as one row per line.
  const lists: { lead: string; title: string; top: number; columns: { left: number; lines: string[] }[] }[] = [];
  for (const row of rows) {
    const [first, ...others] = row.blocks;
    if (first === undefined) continue;
    const said = first.lines.map((line) => line.text.trim());
    const at = said.findIndex((line) => SBC_LIST_TITLE.test(line));
    const titleRow = at === 0 && others.every((note) => /^\(.*\)$/.test(blockText(note)));
    // A title heading the first column has the box's name at most above it and bulleted items under it.
    const titleAbove = at >= 0 && at <= 1 && said.slice(0, at).every((line) => /:$/.test(line)) && BULLET.test(said[at + 1] ?? "");
    if (titleRow || titleAbove) {
      const note = titleRow ? others.map(blockText).join(" ") : "";
      lists.push({ lead: said.slice(0, at).join(" "), title: `${titleRow ? blockText(first) : said[at]} ${note}`.trim(), top: rowTop(row.blocks), columns: [] });
      if (titleRow) continue;
    }
    const list = lists.at(-1);
    if (list === undefined) return null;
    for (const block of row.blocks) {
      const lines = block.lines.map((line) => line.text.trim()).filter((line) => line !== "").slice(block === first && titleAbove ? at + 1 : 0);
      if (lines.some((line) => line.length > MAX_ITEM_LINE_CHARS || VALUE.test(line))) return null;
      const reach = COLUMN_REACH * (block.lines[0]?.fontSize ?? 1);
      const column = list.columns.find((other) => Math.abs(other.left - block.left) <= reach);
      if (column) column.lines.push(...lines);
      else if (lines.length > 0) list.columns.push({ left: block.left, lines });
    }
  }
  if (lists.length === 0 || lists.some((list) => list.columns.length === 0)) return null;
  return lists.map(({ lead, title, top, columns }) => ({
    lead,
    title,
    top,
    items: [...columns]
      .sort((a, b) => a.left - b.left)
      .flatMap(({ lines }) => {
        const bulleted = lines.some((line) => BULLET.test(line));
        const items: string[] = [];
        for (const line of lines) {
          const last = items.at(-1);
          const goesOn = bulleted ? !BULLET.test(line) : RUNS_ON.test(last ?? "") || /^[^\p{Lu}]/u.test(line);
          if (last !== undefined && goesOn) items[items.length - 1] = `${last} ${line}`;
          else items.push(line.replace(BULLET, ""));
        }
        return items;
      }),
  }));
}

/**
 * Lists set in columns under a table whose columns they line up with are read into it as its last rows ("| Services
 * Your Plan Does NOT Cover (…) • Acupuncture • Bariatric surgery | | • Glasses • Habilitation services |"): rows
 * whose first cell is a title followed by items and whose other cells are items too are taken back out, each written
 * as a titled list.
 */
export function trailingLists(table: string): { rest: string; lists: string[] } {
  const lines = table.split("\n");
  const lists: string[] = [];
  for (let last = lines.at(-1); last !== undefined && lines.length > 2; last = lines.at(-1)) {
    const cells = last.replace(/^\|/, "").replace(/\|$/, "").split("|").map((cell) => cell.trim()).filter(Boolean);
    const title = cells[0]?.split("•")[0]?.trim() ?? "";
    if (title === "" || !cells.every((cell) => cell.includes("•")) || /[$%]\s?\d/.test(title)) break;
    const items = cells.flatMap((cell) => cell.split("•").slice(cell === cells[0] ? 1 : 0)).map((item) => item.trim()).filter(Boolean);
    if (items.length < 2) break;
    lists.unshift(`${listTitle(title)}\n\n${items.map((item) => `• ${item}`).join("\n")}`);
    lines.pop();
  }
  return { rest: lines.join("\n"), lists };
}

// The longest line above a list in columns that is taken for the list's title.
const MAX_LIST_TITLE_CHARS = 240;

/**
 * The line just above a list in columns names it ("Services Your Plan Does NOT Cover (This isn't a complete list…)"):
 * it becomes a heading of the list's own level ("######", which ./structure.ts ends with the list), so every chunk of
 * the list carries it in its section path — the items alone do not say whether they are covered. A parenthetical note after the title stays as a line under it. Anything else (a
 * heading already, a table, a sentence leading in with ":") is left as it is.
 */
function listTitle(text: string): string {
  if (text.length > MAX_LIST_TITLE_CHARS || /^[#|]/.test(text) || BULLET.test(text) || /:\s*$/.test(text) || text.includes("\n\n")) return text;
  const flat = text.replace(/\s+/g, " ").trim();
  const note = /^(.{3,120}?)\s*(\([^()]*\))\s*$/.exec(flat);
  return note ? `###### ${note[1]}\n${note[2]}` : flat.length <= MAX_HEADING_CHARS ? `###### ${flat}` : text;
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
  // A lone row whose first cell is a titled description: the title and the costs as a table row, the description after.
  const label = headings.length === 0 && only ? labelCell(only, row.slice(1)) : null;
  if (label?.description !== undefined) return `${markdownRow([label.text, ...cells.slice(1)])}\n\n${label.description}`;
  const joined = cells.join(" | ");
  return headings.length > 0 ? `${joinLines(headings, "\n")}\n${joined}` : joined;
}

// Headings are set at least ~2 points above 10–11 point body text; 1.18 keeps bold body text (same size) out.
const HEADING_SIZE_RATIO = 1.18;
// Past this a "heading" is a sentence in large type (a cover page's blurb), not a title of what follows.
const MAX_HEADING_CHARS = 120;
const STEP_HEADING = /^(?:step|paso)\s+\d+\s*[:.–-]\s*\p{L}/iu;
const NUMBERED_HEADING = /^(?:chapter|cap[ií]tulo|part|article|appendix|section|secci[oó]n)\s+(?:[0-9]+|[IVXL]+)\b/i;

/**
 * 1 for a chapter, 2 for a section, 3 for a subsection, 0 for body text. A heading is one or two short lines that do
 * not end a sentence and are set larger than the body, numbered like "Chapter 4" / "Section 2.1", or in capitals.
 */
function headingLevel(block: Block, bodySize: number): number {
  if (block.lines.length > 2) return 0;
  const text = joinLines(block.lines, " ");
  // The steps of a procedure ("Step 2: Ask our plan for an appeal") head the paragraphs that carry them out.
  if (STEP_HEADING.test(text) && text.length <= MAX_HEADING_CHARS) return 4;
  if (text.length > MAX_HEADING_CHARS || text.length < 3 || /[.,;]$/.test(text) || !/\p{L}{2}/u.test(text)) return 0;
  if (NUMBERED_HEADING.test(text)) return numberedLevel(text);
  const size = Math.max(...block.lines.map((l) => l.fontSize));
  if (size >= bodySize * 1.6) return 1;
  if (size >= bodySize * HEADING_SIZE_RATIO) return 2;
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length >= 8 && letters === letters.toUpperCase() && /\s/.test(text)) return 3;
  return 0;
}

// A numbered section's title wraps over at most this many lines ("AARP® Medicare Advantage from UHC UT-0008 (PPO) /
// Contacts (how to contact us, including how to reach / Customer Service)"), within MAX_HEADING_CHARS.
const MAX_TITLE_LINES = 3;

// A title of this many words or more is a sentence, not a table row's cell (and may state an amount).
const SENTENCE_TITLE_WORDS = 8;

// A table of contents sets a label and its title with dot leaders to a page number.
const DOT_LEADERS = /\.{4,}|…{2,}/;

// "Section 5.3", "Chapter 4", "Part II", "Sección 2.1" alone in a cell, the way an Evidence of Coverage sets them.
const SECTION_LABEL = /^(?:chapter|cap[ií]tulo|part|parte|article|art[ií]culo|appendix|section|secci[oó]n)\s+(?:\d+(?:\.\d+)*|[IVXL]+)[.:]?$/i;

// An amount or a share: a cell with one is a value. (A title may well say "not covered", which VALUE takes for a value.)
const AMOUNT = /[$€£]\s?\d|\d\s?%/;

/**
 * A row of a numbered label and a short title beside it ("Section 5.3" | "Step-by-step: How to make a Level 1
 * appeal"), written as a Markdown heading at its number's level, or null for any other row. The title is one to three
 * lines that state no amount and do not end a sentence: a table row labelled "Part 2" beside a cost or a paragraph
 * stays a row.
 *
 * @example labelledHeading(row) // "### Section 5.3 Step-by-step: How to make a Level 1 appeal"
 */
export function labelledHeading(row: Row): string | null {
  const [label, title, ...rest] = row.blocks;
  if (!label || !title || rest.length > 0 || row.spanning || label.lines.length !== 1 || title.lines.length > MAX_TITLE_LINES) return null;
  const number = joinLines(label.lines, " ");
  const text = joinLines(title.lines, " ");
  // (A title that is a sentence of its own may state an amount: "You stay in the Initial Coverage Stage until your
  // out-of-pocket costs for the year reach $2,000".)
  const amount = AMOUNT.test(text) && text.split(/\s+/).length < SENTENCE_TITLE_WORDS;
  if (!SECTION_LABEL.test(number) || text.length > MAX_HEADING_CHARS || !/\p{L}{2}/u.test(text) || /[.,;:]$/.test(text) || amount) {
    return null;
  }
  // A table of contents sets the same label and title with dot leaders to a page number; it heads nothing.
  if (DOT_LEADERS.test(text)) return null;
  return numberedHeading(number, text);
}

/** A numbered label and its title as a Markdown heading at the number's level: "### Section 5.3 Step-by-step: …". */
function numberedHeading(number: string, title: string): string {
  return `${"#".repeat(numberedLevel(number))} ${number.replace(/[.:]$/, "")} ${title}`;
}

/**
 * A numbered label and its title beside it where a paragraph was read into one of them, because it starts under the
 * label close enough to be read as the next line: the paragraph under "Section 4.1" | "Plan premium" read as the
 * title's next lines ("Plan premium / You do not pay a separate monthly plan premium…"), or "Section 4.3" read as the
 * last line of the paragraph above it. Returns the heading and the paragraph's lines before and after it as rows of
 * their own, or null for any other row. The title is the lines right of the label, from the label's own line on.
 *
 * @example headingAmidParagraph(row) // { before: null, heading: "### Section 4.1 Plan premium", after: row of "You do not pay…" }
 */
export function headingAmidParagraph(row: Row): { before: Row | null; heading: string; after: Row | null } | null {
  if (row.blocks.length !== 2 || row.spanning) return null;
  const isLabel = (line: Line | undefined) => line !== undefined && SECTION_LABEL.test(line.text.trim());
  const holder = row.blocks.find((block) => isLabel(block.lines.at(-1)));
  const other = row.blocks.find((block) => block !== holder);
  const labelLine = holder?.lines.at(-1);
  const first = other?.lines[0];
  if (!holder || !other || !labelLine || !first) return null;
  // The title starts on the label's line, right of it; the paragraph's lines start back under the label.
  if (Math.abs(first.y - labelLine.y) > SAME_LINE_TOLERANCE * labelLine.fontSize || first.left < labelLine.right) return null;
  const found = other.lines.findIndex((line) => line.left < labelLine.right);
  const titleLines = found === -1 ? other.lines.length : found;
  const rowOf = (lines: Line[]): Row | null => (lines.length > 0 ? { blocks: [blockOf(lines)], spanning: false } : null);
  const title = joinLines(other.lines.slice(0, titleLines), " ");
  // A title that is a long sentence ("Section 1.1 | You have a right to receive information about the organization,
  // its services, its practitioners and providers…", five lines) heads its section by its first words; the whole
  // sentence is read as the section's first text, as it says what the section is about.
  if ((titleLines > MAX_TITLE_LINES || title.length > MAX_HEADING_CHARS) && !DOT_LEADERS.test(title) && /^\p{Lu}/u.test(title)) {
    const short = `${title.slice(0, MAX_HEADING_CHARS).replace(/[\s,;:]+\S*$/, "")}…`;
    return { before: rowOf(holder.lines.slice(0, -1)), heading: numberedHeading(labelLine.text.trim(), short), after: rowOf(other.lines) };
  }
  if (found === -1 && holder.lines.length === 1) return null;
  const heading = labelledHeading({ blocks: [blockOf([labelLine]), blockOf(other.lines.slice(0, titleLines))], spanning: false });
  if (heading === null) return null;
  return { before: rowOf(holder.lines.slice(0, -1)), heading, after: rowOf(other.lines.slice(titleLines)) };
}

/** The block of some lines of one. */
function blockOf(lines: Line[]): Block {
  return {
    lines,
    left: Math.min(...lines.map((line) => line.left)),
    right: Math.max(...lines.map((line) => line.right)),
    top: Math.max(...lines.map((line) => line.y + ASCENT * line.fontSize)),
    bottom: Math.min(...lines.map((line) => line.y - DESCENT * line.fontSize)),
  };
}

/** 1 for a chapter or part, 2 for a section, 3 for a subsection ("Section 2.1"). */
function numberedLevel(label: string): number {
  if (/^(?:chapter|cap|part)/i.test(label)) return 1;
  return /^\S+\s+\d+\.\d+/.test(label) ? 3 : 2;
}

/** A line above a neighbouring cell and reaching across it is a heading stacked over the row, not part of the cell. */
function heads(line: Line | undefined, block: Block): boolean {
  if (line === undefined || line.y - DESCENT * line.fontSize < block.top) return false;
  return block.lines.some((other) => line.left < other.right && other.left < line.right);
}

