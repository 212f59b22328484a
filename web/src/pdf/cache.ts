/**
 * Parsed PDFs by document id, kept while the member is signed in so reopening a citation is instant. Separate from
 * render.ts so the workspace can empty it on log out without loading pdf.js.
 */
import type { PDFDocumentProxy } from "pdfjs-dist";

const loaded = new Map<string, Promise<PDFDocumentProxy>>();

export function cachedPdf(documentId: string, open: () => Promise<PDFDocumentProxy>): Promise<PDFDocumentProxy> {
  let pdf = loaded.get(documentId);
  if (!pdf) {
    pdf = open();
    // A failed load is not kept: the next open tries again.
    pdf.catch(() => loaded.delete(documentId));
    loaded.set(documentId, pdf);
  }
  return pdf;
}

/** Frees every parsed document (its worker-side data too). */
export function closeAllPdfs(): void {
  for (const pdf of loaded.values()) void pdf.then((doc) => doc.loadingTask.destroy()).catch(() => undefined);
  loaded.clear();
}
