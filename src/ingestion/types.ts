/** What a parser hands to the chunker: text per 1-based page. Formats without pages (text, Markdown, HTML) are page 1. */
export interface ParsedPage {
  page: number;
  text: string;
}

export interface ParsedDocument {
  pages: ParsedPage[];
  /** Pages in the file, including pages with no text. */
  pageCount: number;
}

export type DocumentKind = "pdf" | "text" | "markdown" | "html";

export const CONTENT_TYPES: Record<DocumentKind, string> = {
  pdf: "application/pdf",
  text: "text/plain",
  markdown: "text/markdown",
  html: "text/html",
};

export interface Chunk {
  /** 0-based position in the document; with the document id it identifies the chunk across retries. */
  index: number;
  text: string;
  pageStart: number;
  pageEnd: number;
  /** Where the chunk sits: title and section path ("Plan › Chapter 4 › Section 2.1"); "" when the document has none. */
  context: string;
}
