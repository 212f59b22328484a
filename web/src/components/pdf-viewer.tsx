import { useEffect, useRef, useState } from "preact/hooks";
import { documentFile } from "../api/endpoints";
import type { Citation, DocumentInfo } from "../api/types";
import { useI18n } from "../i18n";
import { describeProblem } from "../messages";
import { findPassage } from "../pdf/passage";

interface Props {
  citation: Citation | null;
  documents: DocumentInfo[];
  onClose(): void;
}

type Status =
  | { kind: "loading" }
  | { kind: "shown"; highlighted: boolean }
  | { kind: "not-pdf" }
  | { kind: "failed"; error: unknown };

/** Room for the dialog's padding and the page's shadow inside the viewport's width. */
const PAGE_MARGIN_PX = 48;
/** A page wider than this is harder to read, not easier. */
const MAX_PAGE_WIDTH_PX = 900;

/**
 * The original document at the cited page, in a modal dialog: pdf.js draws the page and its text layer, and the
 * runs of text that hold the cited passage are highlighted. pdf.js is imported only here, on first use.
 */
export function PdfViewer({ citation, documents, onClose }: Props) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const pageHost = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState(1);
  const [pages, setPages] = useState(0);
  const [status, setStatus] = useState<Status>({ kind: "loading" });
  const document = citation ? documents.find((d) => d.id === citation.document_id) : undefined;
  // A document no longer listed is tried as a PDF anyway: the file route answers 404 with words to show.
  const isPdf = !document || document.content_type === "application/pdf";

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (citation && !element.open) element.showModal();
    if (!citation && element.open) element.close();
    if (citation) setPage(citation.page);
  }, [citation]);

  useEffect(() => {
    if (!citation) return;
    if (!isPdf) {
      setStatus({ kind: "not-pdf" });
      return;
    }
    let cancelled = false;
    setStatus({ kind: "loading" });
    (async () => {
      const { openPdf, renderPage } = await import("../pdf/render");
      const pdf = await openPdf(citation.document_id, () => documentFile(citation.document_id));
      if (cancelled || !pageHost.current) return;
      setPages(pdf.numPages);
      const width = Math.min(MAX_PAGE_WIDTH_PX, window.innerWidth - PAGE_MARGIN_PX);
      const rendered = await renderPage(pdf, Math.min(page, pdf.numPages), pageHost.current, width);
      if (cancelled) return;
      let highlighted = false;
      if (page === citation.page) {
        const match = findPassage(rendered.items, citation.snippet);
        for (const index of match.items) rendered.elements[index]?.classList.add("highlight");
        highlighted = match.items.length > 0;
        rendered.elements[match.items[0] ?? -1]?.scrollIntoView({ block: "center" });
      }
      setStatus({ kind: "shown", highlighted });
    })().catch((error: unknown) => {
      if (!cancelled) setStatus({ kind: "failed", error });
    });
    return () => {
      cancelled = true;
    };
  }, [citation, page, isPdf]);

  const title = citation ? t("viewer.title", { filename: citation.filename, page }) : "";
  const showSnippet = status.kind === "not-pdf" || (status.kind === "shown" && !status.highlighted && page === citation?.page);
  return (
    <dialog ref={dialog} class="viewer" aria-labelledby="viewer-title" onClose={onClose}>
      <div class="viewer-head">
        <h2 id="viewer-title">{title}</h2>
        <button type="button" class="secondary" onClick={() => dialog.current?.close()}>
          {t("viewer.close")}
        </button>
      </div>
      {citation?.context && <p class="hint">{citation.context}</p>}
      <p role="status" class="viewer-status">
        {status.kind === "loading" && t("viewer.loading")}
        {status.kind === "shown" && status.highlighted && t("viewer.highlighted")}
        {status.kind === "shown" && !status.highlighted && page === citation?.page && t("viewer.notFound")}
        {status.kind === "not-pdf" && t("viewer.notPdf")}
        {status.kind === "failed" && `${t("viewer.failed")} ${describeProblem(status.error, t)}`}
      </p>
      {showSnippet && citation && <blockquote class="snippet">{citation.snippet}</blockquote>}
      {isPdf && (
        <>
          <div class="page-scroll">
            <div class="pdf-page" ref={pageHost} />
          </div>
          {pages > 1 && (
            <div class="viewer-nav">
              <button type="button" class="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t("viewer.previous")}
              </button>
              <span>{t("viewer.pageOf", { page, pages })}</span>
              <button type="button" class="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t("viewer.next")}
              </button>
            </div>
          )}
        </>
      )}
    </dialog>
  );
}
