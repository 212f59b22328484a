/**
 * pdf.js, loaded only when a member opens a citation (this module is imported dynamically, so the library is its
 * own chunk and not part of the app's first load). Renders one page to a canvas with pdf.js's text layer over it;
 * the text layer's runs are what the viewer highlights.
 */
import { GlobalWorkerOptions, TextLayer, getDocument, type PDFDocumentProxy } from "pdfjs-dist";
import { cachedPdf } from "./cache";

// Copied next to the app by scripts/build-web.ts; same origin, so the CSP's worker-src 'self' covers it.
GlobalWorkerOptions.workerSrc = "/pdfjs/pdf.worker.min.mjs";

/** The parsed document, once per document id while the member is signed in. `load` fetches its bytes. */
export function openPdf(documentId: string, load: () => Promise<ArrayBuffer>): Promise<PDFDocumentProxy> {
  return cachedPdf(documentId, async () =>
    getDocument({
      data: new Uint8Array(await load()),
      wasmUrl: "/pdfjs/wasm/",
      standardFontDataUrl: "/pdfjs/standard_fonts/",
      cMapUrl: "/pdfjs/cmaps/",
      iccUrl: "/pdfjs/iccs/",
      // No PDF forms or scripts: the viewer only shows pages.
      enableXfa: false,
      disableWorkerRendering: true,
    }).promise,
  );
}

export interface RenderedPage {
  /** The text of each run of the text layer, and its element, index for index. */
  items: string[];
  elements: HTMLElement[];
}

/** Draws `pageNumber` into `host`, `cssWidth` pixels wide, with its text layer; replaces what `host` held. */
export async function renderPage(pdf: PDFDocumentProxy, pageNumber: number, host: HTMLElement, cssWidth: number): Promise<RenderedPage> {
  const page = await pdf.getPage(pageNumber);
  const scale = cssWidth / page.getViewport({ scale: 1 }).width;
  const viewport = page.getViewport({ scale });
  const ratio = window.devicePixelRatio || 1;

  const canvas = document.createElement("canvas");
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  // The text layer carries the same words for screen readers; the picture of them would only repeat it.
  canvas.setAttribute("aria-hidden", "true");
  const textLayerHost = document.createElement("div");
  textLayerHost.className = "textLayer";

  host.replaceChildren(canvas, textLayerHost);
  host.style.width = `${Math.floor(viewport.width)}px`;
  host.style.height = `${Math.floor(viewport.height)}px`;
  // pdf.js's text layer sizes its runs from these (pdf_viewer.css sets them on its page elements).
  host.style.setProperty("--scale-factor", String(scale));
  host.style.setProperty("--user-unit", "1");
  host.style.setProperty("--total-scale-factor", String(scale));
  host.style.setProperty("--scale-round-x", "1px");
  host.style.setProperty("--scale-round-y", "1px");

  await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  const textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container: textLayerHost, viewport });
  await textLayer.render();
  return { items: textLayer.textContentItemsStr, elements: textLayer.textDivs };
}
