import { getResolvedPDFJS } from "unpdf";
import { IngestionError } from "./errors";
import { layoutPage, type TextRun } from "./pdf-layout";
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
  const pages: ParsedPage[] = [];
  // One page at a time keeps a single page's operator list and fonts in memory, not the whole document's.
  for (let page = 1; page <= pdf.numPages; page++) {
    try {
      const proxy = await pdf.getPage(page);
      const content = await proxy.getTextContent();
      proxy.cleanup();
      pages.push({ page, text: normalisePageText(layoutPage(toRuns(content.items))) });
    } catch (error) {
      throw new IngestionError("pdf_corrupt", `The file starts like a PDF but could not be read: page ${page}: ${describe(error)}`, {
        cause: error,
      });
    }
  }
  return pages;
}

type TextContentItem = Awaited<ReturnType<Awaited<ReturnType<PdfDocument["getPage"]>>["getTextContent"]>>["items"][number];

function toRuns(items: TextContentItem[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items) {
    if (!("str" in item)) continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
    runs.push({ text: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d) });
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
