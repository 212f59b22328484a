import { getResolvedPDFJS } from "unpdf";
import { yieldToEventLoop } from "../lib/yield";
import { IngestionError } from "./errors";
import { joinLines, type Line } from "./pdf-blocks";
import { analysePage, headsTable, renderPage, rowKey, type PageLayout, type Row, type TextRun } from "./pdf-layout";
import { inspectStreamsInSteps, pageCensus, type StreamLimits, type StreamVerdict } from "./pdf-streams";
import type { ParsedDocument, ParsedPage } from "./types";

type PdfJs = Awaited<ReturnType<typeof getResolvedPDFJS>>;
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;
type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;
type TextContent = Awaited<ReturnType<PdfPage["getTextContent"]>>;

const ENCRYPTED_MESSAGE = "This PDF is password-protected. Remove the password (print to PDF) and upload it again.";
const SCANNED_MESSAGE =
  "No page of this PDF has extractable text; it is probably a scanned image. " +
  "Configuring LlamaParse (set LLAMA_CLOUD_API_KEY) enables OCR for scanned documents.";
const RESAVE_HINT = "It may be damaged or built to overload readers; print it to a new PDF (or export it again) and upload that.";

/**
 * What one PDF may cost to read, chosen so a 128 MB Worker isolate reading the worst file within them stays well
 * inside its memory (measured: see BENCHMARKS.md, "Hostile files"). Over any of them the job fails for good with a
 * code and a message that says what to do.
 */
export interface PdfBudget {
  /**
   * Pages in the file: a 400-page plan booklet is large, and an account may have 1,000 pages processed a day
   * (MAX_PAGES_PER_DAY), so a longer file could never be processed anyway.
   */
  maxPages: number;
  /** Characters of text in all pages together, about 1,000 dense pages; what ingestion then chunks and embeds. */
  maxTextChars: number;
  /**
   * Text items pdf.js produces for one page (a dense table page has a few thousand), and for the whole file: forms
   * drawing forms multiply them, and pdf.js holds a page's items until the page is done.
   */
  maxItemsPerPage: number;
  maxItems: number;
  /** Bytes one stream may decode to: pdf.js holds a stream's decoded bytes twice while it reads them. */
  maxStreamBytes: number;
  /** Bytes all streams may decode to together; also bounds the time spent checking. */
  maxDecodedBytes: number;
  /** Indirect objects in the file (pdf.js keeps a table entry for each). */
  maxObjects: number;
  /** Wall-clock time for reading the pages, checked between pages and between chunks of a page's text. */
  timeMs: number;
}

export const PDF_BUDGET: PdfBudget = {
  maxPages: 1_000,
  maxTextChars: 3_000_000,
  maxItemsPerPage: 20_000,
  maxItems: 2_000_000,
  // Real plan documents decode to at most 2.6 MiB in all and 2.1 MiB in one stream (all 14 of the dev corpus; the
  // 250-page Evidence of Coverage, 1.6 MiB). What pdf.js decodes stays in memory until collected, about twice over
  // (buffers grow by doubling): 56 MiB of streams cost the local runtime 107 MiB, 210 MiB cost 172 MiB. See BENCHMARKS.md.
  maxStreamBytes: 4 * 1024 * 1024,
  maxDecodedBytes: 16 * 1024 * 1024,
  maxObjects: 500_000,
  timeMs: 120_000,
};

function tooManyPages(pages: number, budget: PdfBudget): IngestionError {
  return new IngestionError(
    "too_many_pages",
    `This PDF has ${pages.toLocaleString("en-US")} pages; at most ${budget.maxPages.toLocaleString("en-US")} are read. ` +
      "Split it into smaller files and upload them separately.",
  );
}

/**
 * Extracts the text of every page with the bundled serverless pdf.js, rebuilding table rows so a row such as
 * "Specialist visit | $50 copay/visit | 40% coinsurance" stays on one line for retrieval.
 *
 * Every page is returned, with 1-based numbers, even when it has no text, so citations match the viewer's numbering.
 * Before pdf.js sees the file, its streams are checked against the decompression budget (./pdf-streams.ts); while
 * pages are read, pages, text items, characters and time are counted against the rest of `budget`. Throws
 * `IngestionError` `pdf_encrypted`, `pdf_corrupt`, `no_extractable_text`, `pdf_too_complex`, `too_many_pages`,
 * `too_much_text` or `parse_timeout`; none of them is retryable.
 *
 * @example const { pages, pageCount } = await parsePdf(bytes);
 */
export async function parsePdf(bytes: Uint8Array, budget: PdfBudget = PDF_BUDGET): Promise<ParsedDocument> {
  const verdict = await inspectStreamsTakingTurns(bytes, { maxStreamBytes: budget.maxStreamBytes, maxTotalBytes: budget.maxDecodedBytes, maxObjects: budget.maxObjects });
  if (!verdict.ok) throw streamsOverBudget(verdict, budget);
  // Opening a document pdf.js cannot refuse before it has built its page tree: a 10,000-page file held the isolate
  // for about 1.1 s (measured in Node, load 6.6), long enough to stall /health. Page objects in plain sight refuse it
  // at once; a count pdf.js makes after opening still catches the rest (pages inside compressed object streams).
  const census = pageCensus(bytes);
  if (census.pageObjects > budget.maxPages && census.largestCount > budget.maxPages) throw tooManyPages(census.pageObjects, budget);
  // An encrypted PDF that opens without a password (insurers publish SBCs that way, e.g. the Kaiser sample in the dev
  // corpus) is read: refusing members' real documents is worse than the gap it leaves. Its streams are ciphertext, so
  // the decompression check above could not measure them; pdf.js decodes them page by page under the page, text-item
  // and time budgets, and a bomb hidden there costs at most its own attempt (the job then fails with `gave_up`). One
  // that needs a password fails with `pdf_encrypted` when pdf.js asks for it (openError).

  const pdfjs = await getResolvedPDFJS();
  // pdf.js may detach the buffer it is given; a copy leaves the caller's bytes usable (for a retry or another parser).
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    // Font warnings ("TT: undefined function") are noise in Worker logs; real failures still reject.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    // Text extraction needs none of these; each is memory or code an attacker's file could otherwise reach.
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWasm: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    // Images are never decoded for text, but if pdf.js ever did, a 16-megapixel cap bounds one.
    maxImageSize: 16 * 1024 * 1024,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw openError(error);
    });
    if (pdf.numPages > budget.maxPages) throw tooManyPages(pdf.numPages, budget);
    const pages = await readPages(pdf, budget);
    if (!pages.some((page) => /[\p{L}\p{N}]/u.test(page.text))) {
      throw new IngestionError("no_extractable_text", SCANNED_MESSAGE);
    }
    return { pages, pageCount: pdf.numPages };
  } finally {
    await task.destroy();
  }
}

/**
 * Decoded bytes counted between turns of the event loop while the streams are checked: counting a MiB of the slowest
 * data (one-bit literals) takes about 15–30 ms in Node, so other requests wait at most one stream (up to the 4 MiB
 * per-stream budget) or about a MiB of small ones.
 */
const COUNTED_BYTES_PER_TURN = 1024 * 1024;

async function inspectStreamsTakingTurns(bytes: Uint8Array, limits: StreamLimits): Promise<StreamVerdict> {
  const steps = inspectStreamsInSteps(bytes, limits);
  let sinceTurn = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    sinceTurn += step.value;
    if (sinceTurn >= COUNTED_BYTES_PER_TURN) {
      sinceTurn = 0;
      await yieldToEventLoop();
    }
  }
}

function streamsOverBudget(verdict: Extract<StreamVerdict, { ok: false }>, budget: PdfBudget): IngestionError {
  const mib = (n: number) => `${Math.round(n / (1024 * 1024))} MiB`;
  const messages: Record<typeof verdict.reason, string> = {
    stream_too_large: `Part of this PDF expands to more than ${mib(budget.maxStreamBytes)} when decompressed, more than any document page needs.`,
    total_too_large: `This PDF expands to more than ${mib(budget.maxDecodedBytes)} when decompressed.`,
    too_many_objects: `This PDF is made of more than ${budget.maxObjects.toLocaleString("en-US")} objects.`,
    unsupported_filters: "This PDF compresses its contents in a way that cannot be checked before reading (nested or indirect filters).",
  };
  return new IngestionError("pdf_too_complex", `${messages[verdict.reason]} ${RESAVE_HINT}`);
}

interface Counters {
  items: number;
  chars: number;
  deadline: number;
}

async function readPages(pdf: PdfDocument, budget: PdfBudget): Promise<ParsedPage[]> {
  const layouts: PageLayout[] = [];
  const counters: Counters = { items: 0, chars: 0, deadline: Date.now() + budget.timeMs };
  // One page at a time keeps a single page's operator list and fonts in memory, not the whole document's; only the
  // positioned text of each page is kept, for the document-wide pass over running headers and footers.
  for (let page = 1; page <= pdf.numPages; page++) {
    // A real turn of the event loop between pages: other requests to this isolate (/health) get their turn, and the
    // clock moves (a Worker's clock stands still while code runs without I/O).
    await yieldToEventLoop();
    if (Date.now() > counters.deadline) throw timedOut(budget, page);
    let runs: TextRun[];
    try {
      const proxy = await pdf.getPage(page);
      const items = await pageItems(proxy, budget, counters, page);
      proxy.cleanup();
      runs = toRuns(items);
    } catch (error) {
      if (error instanceof IngestionError) throw error;
      throw readError(error, `page ${page}`);
    }
    // The rendered page is at most the runs' text plus separators, so the runs are what is counted and kept.
    for (const run of runs) counters.chars += run.text.length;
    if (counters.chars > budget.maxTextChars) {
      throw new IngestionError(
        "too_much_text",
        `This PDF has more than ${budget.maxTextChars.toLocaleString("en-US")} characters of text (passed on page ${page}). ` +
          "Split it into smaller files and upload them separately.",
      );
    }
    layouts.push(analysePage(runs));
  }
  const running = runningRows(layouts);
  let previousSection = "";
  const pages: ParsedPage[] = [];
  for (const [i, layout] of layouts.entries()) {
    // Rendering and tidying every page is one pass of about 0.7 ms a page (the 250-page Evidence of Coverage: 180 ms
    // in one stretch in Node, more under load), so other requests get a turn every few pages.
    if (i > 0 && i % RENDER_PAGES_PER_TURN === 0) await yieldToEventLoop();
    const { skip, header, section, title } = running[i] ?? { skip: new Set<Row>(), header: "", section: "", title: "" };
    let text = renderPage(layout, skip);
    // A running header whose first cell changes ("Chapter 4: Medical Benefits Chart") opens a section; repeated, or
    // grown by a table header repeated under it on some pages, it says nothing new.
    if (section && section !== previousSection) text = `# ${header}\n\n${text}`;
    if (title) text = `${title}\n\n${text}`;
    if (section) previousSection = section;
    pages.push({ page: i + 1, text: normalisePageText(text) });
  }
  return pages;
}

/** Pages rendered between turns of the event loop: about 7 ms of work at 0.7 ms a page (BENCHMARKS.md, session 7). */
const RENDER_PAGES_PER_TURN = 10;

/** Rows looked at for running headers and footers at each edge of a page. */
const EDGE_ROWS = 2;
/** A row repeated at the edge of this many pages is a running header or footer (all pages of a shorter document). */
const RUNNING_MIN_PAGES = 3;
const PAGE_NUMBER = /^(?:page )?#(?: of #)?$|^#$/;

/**
 * Finds running headers, footers and page numbers: rows at the top or bottom of a page that repeat, digits aside, on
 * several pages. They are dropped from the text so they are not chunked into every page, and the header text is kept
 * so a change of running header can be written as a section heading. A table's header row repeated at the top of
 * every page is not a running header (headsTable). A title that opens every header (sharedTitle) is returned once, as
 * `title` of the first page that prints it ("" elsewhere).
 */
export function runningRows(layouts: PageLayout[]): { skip: Set<Row>; header: string; section: string; title: string }[] {
  const edges = layouts.map(({ rows }) => {
    // Running headers sit above everything else: the scan stops at a table's header row, which repeats too.
    const top: Row[] = [];
    for (const [i, row] of rows.slice(0, EDGE_ROWS).entries()) {
      if (headsTable(row, rows[i + 1])) break;
      top.push(row);
    }
    const bottom = rows.slice(Math.max(EDGE_ROWS, rows.length - EDGE_ROWS));
    return { top, bottom };
  });
  const pagesWith = new Map<string, number>();
  for (const { top, bottom } of edges) {
    for (const key of new Set([...top, ...bottom].map(rowKey))) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  }
  const threshold = Math.min(RUNNING_MIN_PAGES, layouts.length);
  const running = (row: Row) => {
    const key = rowKey(row);
    return PAGE_NUMBER.test(key) || (threshold >= 2 && (pagesWith.get(key) ?? 0) >= threshold);
  };
  const headerCells = edges.map(({ top }) => top.filter(running).flatMap((row) => row.blocks.map((block) => block.lines)));
  const title = sharedTitle(headerCells);
  // That title is still the document's name ("Health Net Life Ins. Co.: PPO Platinum 9LR $20/$0", printed nowhere
  // else): it is said once, as the first line of the first page that prints it.
  // (A title of punctuation alone, the ":" of a label cell whose value sits apart, names nothing.)
  const titled = title === null || !/[\p{L}\p{N}]/u.test(title) ? -1 : headerCells.findIndex((cells) => cells[0]?.[0]?.text.trim() === title);
  // A running footer that says something ("Questions: Call 1-800-522-0088 or visit us at www.healthnet.com.") is kept
  // once, on the first page that prints it: repeated into every chunk it would drown the pages' own text, dropped
  // everywhere the document would never say it.
  const footerFirst = new Map<string, number>();
  edges.forEach(({ bottom }, i) => {
    for (const row of bottom) if (running(row) && says(row) && !footerFirst.has(rowKey(row))) footerFirst.set(rowKey(row), i);
  });
  return edges.map(({ top, bottom }, i) => {
    const skip = new Set([...top.filter(running), ...bottom.filter((row) => running(row) && footerFirst.get(rowKey(row)) !== i)]);
    const cells = headerCellTexts(headerCells[i] ?? [], title);
    return { skip, header: cells.join(" · "), section: cells[0] ?? "", title: i === titled ? (title ?? "") : "" };
  });
}

/** A footer row that says something: a sentence of several words, not a page number, a form number or a date. */
function says(row: Row): boolean {
  const text = row.blocks.map((block) => block.lines.map((line) => line.text).join(" ")).join(" ");
  return (text.match(/\p{L}{2,}/gu) ?? []).length >= MIN_FOOTER_WORDS;
}
const MIN_FOOTER_WORDS = 6;

/**
 * A running header's cells ("Plan", "Coverage Period: 11/01/2013"), without page numbers and without `title`. A cell
 * of digits and punctuation is a page number ("2", "- 3 -") unless it is a date: Health Net's summaries print their
 * coverage period's date as a cell of its own beside "Coverage Period:", and dropping it lost the date from the
 * document. A label's cell (ending in ":") is joined to the value after it.
 */
function headerCellTexts(cells: Line[][], title: string | null): string[] {
  const texts = cells
    .map((lines, i) => joinLines(i === 0 && title !== null && lines[0]?.text.trim() === title ? lines.slice(1) : lines, " "))
    .map((cell) => cell.replace(/\bpage \d+( of \d+)?\b/gi, "").trim())
    .map((cell) => (/^[\s\p{P}\d]+$/u.test(cell) && !DATE.test(cell) ? "" : cell))
    .filter((cell) => cell !== "");
  const joined: string[] = [];
  for (const cell of texts) {
    const last = joined.length - 1;
    // (A value printed again over itself, as some summaries set their dates, is said once.)
    if (joined.some((earlier) => earlier === cell || earlier.endsWith(` ${cell}`))) continue;
    if (last >= 0 && joined[last]!.endsWith(":")) joined[last] = `${joined[last]} ${cell}`;
    else joined.push(cell);
  }
  return joined;
}
/** A date as plans print them: 11/01/2013, 1/1/25, 2025-01-01. */
const DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/;

/**
 * The line that opens the running headers when what follows it changes through the document: an Evidence of
 * Coverage heads every page with its title over the chapter's name ("2025 Evidence of Coverage for … (PPO)" /
 * "Chapter 9: What to do if you have a problem or complaint"). Such a title would open every passage's section path
 * and say nothing about which passage answers; the chapter's name is the section. Null when no opening line is followed
 * by two different names (a summary's header that is the same on every page stays whole).
 */
function sharedTitle(headerCells: Line[][][]): string | null {
  const followers = new Map<string, Set<string>>();
  for (const cells of headerCells) {
    const first = cells[0]?.[0]?.text.trim();
    if (!first) continue;
    const rest = headerCellTexts(cells, first).join(" · ");
    if (rest === "") continue;
    const seen = followers.get(first) ?? new Set<string>();
    followers.set(first, seen.add(rest));
  }
  let best: { line: string; names: number } | null = null;
  for (const [line, names] of followers) if (names.size >= 2 && (!best || names.size > best.names)) best = { line, names: names.size };
  return best?.line ?? null;
}

/**
 * A page's text items, read chunk by chunk from pdf.js's stream so the count can stop it: pdf.js hands over a chunk
 * each time it yields (after a form, a font, or 20 ms of work), and cancelling the stream ends its work on the page.
 */
async function pageItems(page: PdfPage, budget: PdfBudget, counters: Counters, pageNumber: number): Promise<TextContent["items"]> {
  const reader = (page.streamTextContent() as ReadableStream<Pick<TextContent, "items">>).getReader();
  const items: TextContent["items"] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return items;
      for (const item of value.items) items.push(item);
      counters.items += value.items.length;
      // pdf.js's stream hands chunks over through promises alone, so a page of forms drawing forms would keep the
      // isolate from every other request (/health) until the item budget stops it. A real turn of the event loop after
      // every chunk lets them in: a chunk is at most pdf.js's 20 ms time slot of work. (A turn every 2,000 items
      // left the form fan-out's stretches at 130–200 ms in Node at load 5–7; after every chunk, 50–105 ms.)
      await yieldToEventLoop();
      if (items.length > budget.maxItemsPerPage || counters.items > budget.maxItems) {
        throw new IngestionError(
          "pdf_too_complex",
          `Page ${pageNumber} of this PDF produces more than ${Math.min(budget.maxItemsPerPage, budget.maxItems).toLocaleString("en-US")} pieces of text. ${RESAVE_HINT}`,
        );
      }
      if (Date.now() > counters.deadline) throw timedOut(budget, pageNumber);
    }
  } catch (error) {
    await reader.cancel(error).catch(() => undefined);
    throw error;
  }
}

function timedOut(budget: PdfBudget, page: number): IngestionError {
  return new IngestionError(
    "parse_timeout",
    `Reading this PDF took longer than ${Math.round(budget.timeMs / 1000)} seconds (stopped at page ${page}). ` +
      "Split it into smaller files, or print it to a new PDF, and upload that.",
  );
}

type TextContentItem = TextContent["items"][number];

function toRuns(items: TextContentItem[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!("str" in item)) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform as number[];
    let x = e;
    let y = f;
    // A landscape table printed on a portrait page turned a quarter (Health Net's SBC) runs up or down the page in user
    // space; turning the coordinates back lets rows and columns be found as on any other page.
    if (Math.abs(b) > Math.abs(a)) [x, y] = b > 0 ? [f, -e] : [-f, e];
    runs.push({ text: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d), font: item.fontName });
  }
  return runs;
}

/** Tidies characters that hurt matching: ligatures, soft hyphens, control characters, odd spaces, and runs of blank lines. */
export function normalisePageText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize("NFKC"))
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "")
    // Control characters a font maps some of its glyphs to read as spaces.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, " ")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function openError(error: unknown): IngestionError {
  // pdf.js rebuilds its exceptions across the worker boundary, so the name is reliable and `instanceof` is not.
  if (error instanceof Error && error.name === "PasswordException") {
    return new IngestionError("pdf_encrypted", ENCRYPTED_MESSAGE, { cause: error });
  }
  return readError(error);
}

/** A failure inside pdf.js: a structure nested so deep it exhausted the stack is "too complex", anything else corrupt. */
function readError(error: unknown, where?: string): IngestionError {
  const at = where ? `${where}: ` : "";
  if (error instanceof RangeError || (error instanceof Error && /call stack|too much recursion/i.test(error.message))) {
    return new IngestionError("pdf_too_complex", `This PDF nests its structure too deeply to be read (${at}${describe(error)}). ${RESAVE_HINT}`, { cause: error });
  }
  return new IngestionError("pdf_corrupt", `The file starts like a PDF but could not be read: ${at}${describe(error)}`, { cause: error });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
