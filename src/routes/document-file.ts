import { CONTENT_TYPES } from "../ingestion/types";

/**
 * Response headers for a document's original bytes (`GET /api/v2/documents/{id}/file`). Only a PDF is offered inline
 * (the app's viewer and the browser's own render it without running the document's content); every other upload —
 * HTML above all — is an attachment of type application/octet-stream, so a browser never renders an uploaded page in
 * our origin. `nosniff` and a sandboxing CSP back that up if a browser second-guesses the type.
 *
 * @example fileHeaders({ filename: "sbc.pdf", contentType: "application/pdf" }, { size: 1024, etag: '"abc"' })
 */
export function fileHeaders(
  document: { filename: string; contentType: string },
  object: { size: number; etag: string },
): Record<string, string> {
  const pdf = document.contentType === CONTENT_TYPES.pdf;
  return {
    "content-type": pdf ? CONTENT_TYPES.pdf : "application/octet-stream",
    "content-disposition": contentDisposition(pdf ? "inline" : "attachment", document.filename),
    "content-length": String(object.size),
    etag: object.etag,
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cross-origin-resource-policy": "same-origin",
    // Someone's health-insurance papers: not for a shared cache, nor for the disk of a shared computer.
    "cache-control": "no-store",
  };
}

/**
 * RFC 6266 with an ASCII `filename` for old clients and the exact name in RFC 8187 `filename*`. Quotes, backslashes
 * and control characters cannot break out of the header value.
 */
export function contentDisposition(kind: "inline" | "attachment", filename: string): string {
  // eslint-disable-next-line no-control-regex
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
