import { parsePdf } from "../../ingestion/parse-pdf";
import { parseText } from "../../ingestion/parse-text";
import type { DocumentKind, ParsedDocument } from "../../ingestion/types";
import type { DocumentParser } from "./types";

/**
 * The parser that needs no account: pdf.js for PDFs with a text layer, and plain decoding for text, Markdown and HTML.
 * It cannot read scanned pages (no OCR); those fail with `no_extractable_text`, whose message points to LlamaParse.
 */
export const builtinParser: DocumentParser = {
  name: "builtin",
  async parse(bytes: Uint8Array, kind: DocumentKind): Promise<ParsedDocument> {
    return kind === "pdf" ? parsePdf(bytes) : parseText(bytes, kind);
  },
};
