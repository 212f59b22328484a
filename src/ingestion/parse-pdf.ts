import { getResolvedPDFJS } from "unpdf";
import { IngestionError } from "./errors";
import { analysePage, headsTable, renderPage, rowKey, rowPlainText, type PageLayout, type Row, type TextRun } from "./pdf-layout";
import type { ParsedDocument, ParsedPage } from "./types";

type PdfJs = Awaited<ReturnType<typeof getResolvedPDFJS>>;
type PdfDocument = Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>;

const ENCRYPTED_MESSAGE = "This PDF is password-protected. Remove the password (print to PDF) and upload it again.";
const SCANNED_MESSAGE =
  "No page of this PDF has extractable text; it is probably a scanned image. " +
  "Configuring LlamaParse (set LLAMA_CLOUD_API_KEY) enables OCR for scanned documents.";

/**
 * Extracts the text of every page with the bundled serverless pdf.js, rebuilding table rows so a row such as
 * "Specialist visit | $50 copay/visit | 40% coinsurance" stays on one line for retrieval.
 *
 * Every page is returned, with 1-based numbers, even when it has no text, so citations match the viewer's numbering.
 * Throws `IngestionError` `pdf_encrypted`, `pdf_corrupt` or `no_extractable_text`; none of them is retryable.
 *
 * @example const { pages, pageCount } = await parsePdf(bytes);
 */
export async function parsePdf(bytes: Uint8Array): Promise<ParsedDocument> {
  const pdfjs = await getResolvedPDFJS();
  // pdf.js may detach the buffer it is given; a copy leaves the caller's bytes usable (for a retry or another parser).
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    // Font warnings ("TT: undefined function") are noise in Worker logs; real failures still reject.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw openError(error);
    });
    const pages = await readPages(pdf);
    if (!pages.some((page) => /[\p{L}\p{N}]/u.test(page.text))) {
      throw new IngestionError("no_extractable_text", SCANNED_MESSAGE);
    }
    return { pages, pageCount: pdf.numPages };
  } finally {
    await task.destroy();
  }
}

async function readPages(pdf: PdfDocument): Promise<ParsedPage[]> {
  const layouts: PageLayout[] = [];
  // One page at a time keeps a single page's operator list and fonts in memory, not the whole document's; only the
  // positioned text of each page is kept, for the document-wide pass over running headers and footers.
  for (let page = 1; page <= pdf.numPages; page++) {
    try {
      const proxy = await pdf.getPage(page);
      const content = await proxy.getTextContent();
      proxy.cleanup();
      layouts.push(analysePage(toRuns(content.items)));
    } catch (error) {
      throw new IngestionError("pdf_corrupt", `The file starts like a PDF but could not be read: page ${page}: ${describe(error)}`, {
        cause: error,
      });
    }
  }
  const running = runningRows(layouts);
  let previousHeader = "";
  return layouts.map((layout, i) => {
    const { skip, header } = running[i] ?? { skip: new Set<Row>(), header: "" };
    let text = renderPage(layout, skip);
    // A running header that changes ("Chapter 4: Medical Benefits Chart") opens a section; repeated, it says nothing.
    if (header && header !== previousHeader) text = `# ${header}\n\n${text}`;
    if (header) previousHeader = header;
    return { page: i + 1, text: normalisePageText(text) };
  });
}

/** Rows looked at for running headers and footers at each edge of a page. */
const EDGE_ROWS = 2;
/** A row repeated at the edge of this many pages is a running header or footer (all pages of a shorter document). */
const RUNNING_MIN_PAGES = 3;
const PAGE_NUMBER = /^(?:page )?#(?: of #)?$|^#$/;

/**
 * Finds running headers, footers and page numbers: rows at the top or bottom of a page that repeat, digits aside, on
 * several pages. They are dropped from the text so they are not chunked into every page, and the header text is kept
 * so a change of running header can be written as a section heading. A table's header row repeated at the top of
 * every page is not a running header (headsTable).
 */
export function runningRows(layouts: PageLayout[]): { skip: Set<Row>; header: string }[] {
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
  return edges.map(({ top, bottom }) => {
    const headerRows = top.filter(running);
    const skip = new Set([...headerRows, ...bottom.filter(running)]);
    const header = headerRows
      .flatMap((row) => rowPlainText(row).split(" | "))
      .map((cell) => cell.replace(/\bpage \d+( of \d+)?\b/gi, "").replace(/^[\s\p{P}\d]+$/u, "").trim())
      .filter((cell) => cell !== "")
      .join(" · ");
    return { skip, header };
  });
}

type TextContentItem = Awaited<ReturnType<Awaited<ReturnType<PdfDocument["getPage"]>>["getTextContent"]>>["items"][number];

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

/** Tidies characters that hurt matching: ligatures, soft hyphens, odd spaces, and runs of blank lines. */
export function normalisePageText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\uFB00-\uFB06]/g, (ligature) => ligature.normalize("NFKC"))
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, "")
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
  return new IngestionError("pdf_corrupt", `The file starts like a PDF but could not be read: ${describe(error)}`, { cause: error });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
