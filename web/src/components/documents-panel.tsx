import { useRef, useState } from "preact/hooks";
import type { DocumentInfo, Job } from "../api/types";
import { useI18n } from "../i18n";
import { describeJob, describeJobFailure, describeProblem, jobFraction } from "../messages";
import type { DocumentsState, UploadItem } from "./use-documents";

interface Props {
  docs: DocumentsState;
  selected: Set<string>;
  onToggle(id: string): void;
  active: boolean;
}

export function DocumentsPanel({ docs, selected, onToggle, active }: Props) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);

  const onFiles = (list: FileList | null) => {
    if (list && list.length > 0) docs.upload([...list]);
  };

  const remove = async (document: DocumentInfo) => {
    if (!window.confirm(t("docs.confirmDelete", { filename: document.filename }))) return;
    try {
      setDeleteError(null);
      await docs.remove(document);
    } catch (error) {
      setDeleteError(error);
    }
  };

  return (
    <section class="panel docs" data-active={active} aria-labelledby="docs-heading">
      <h2 id="docs-heading">{t("docs.heading")}</h2>
      <div
        class="dropzone"
        data-dragging={dragging}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          onFiles(event.dataTransfer?.files ?? null);
        }}
      >
        <p>{t("docs.drop")}</p>
        <button type="button" onClick={() => input.current?.click()} aria-describedby="upload-hint">
          {t("docs.upload")}
        </button>
        {/* The button above is the control people see; the input does the picking and is kept out of the tab order. */}
        <input
          ref={input}
          type="file"
          multiple
          accept=".pdf,.txt,.md,.markdown,.html,.htm,application/pdf,text/plain,text/markdown,text/html"
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(event) => {
            onFiles(event.currentTarget.files);
            event.currentTarget.value = "";
          }}
        />
        <p id="upload-hint" class="hint">
          {t("docs.uploadHint")}
        </p>
      </div>

      {docs.uploads.length > 0 && (
        <ul class="uploads" aria-label={t("docs.uploads")}>
          {docs.uploads.map((item) => (
            <UploadRow key={item.key} item={item} onDismiss={() => docs.dismissUpload(item.key)} />
          ))}
        </ul>
      )}

      {docs.loadError ? <p role="alert" class="error">{describeProblem(docs.loadError, t)}</p> : null}
      {deleteError ? <p role="alert" class="error">{describeProblem(deleteError, t)}</p> : null}
      {docs.loaded && docs.documents.length === 0 && docs.uploads.length === 0 && <p class="hint">{t("docs.empty")}</p>}

      {docs.documents.length > 0 && (
        <ul class="documents" aria-label={t("docs.listLabel")}>
          {docs.documents.map((document) => (
            <DocumentRow
              key={document.id}
              document={document}
              job={docs.jobs[document.id]}
              duplicate={docs.duplicates.has(document.id)}
              checked={selected.has(document.id)}
              onToggle={() => onToggle(document.id)}
              onDelete={() => void remove(document)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function UploadRow({ item, onDismiss }: { item: UploadItem; onDismiss(): void }) {
  const { t } = useI18n();
  const percent = Math.round(item.fraction * 100);
  return (
    <li class="document" data-state={item.state}>
      <span class="filename">{item.filename}</span>
      {item.state === "failed" ? (
        <>
          <p role="alert" class="error">
            {describeProblem(item.error, t, item.filename)}
          </p>
          <button type="button" class="secondary small" onClick={onDismiss}>
            {t("docs.dismiss")}
          </button>
        </>
      ) : (
        <>
          <progress max={100} value={percent} aria-label={t("docs.progress", { filename: item.filename })} />
          <span class="status" role="status">
            {item.state === "waiting" ? t("status.waitingUpload") : t("status.uploading", { percent })}
          </span>
        </>
      )}
    </li>
  );
}

interface RowProps {
  document: DocumentInfo;
  job: Job | undefined;
  duplicate: boolean;
  checked: boolean;
  onToggle(): void;
  onDelete(): void;
}

function DocumentRow({ document, job, duplicate, checked, onToggle, onDelete }: RowProps) {
  const { t } = useI18n();
  const id = `doc-${document.id}`;
  const busy = document.status === "queued" || document.status === "processing";
  const pages = document.pages === null ? "" : document.pages === 1 ? t("docs.page1") : t("docs.pages", { n: document.pages });
  return (
    <li class="document" data-status={document.status}>
      <div class="document-head">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={document.status !== "ready"}
          onChange={onToggle}
          aria-label={t("docs.askAbout", { filename: document.filename })}
        />
        <label for={id} class="filename">
          {document.filename}
        </label>
        <button type="button" class="secondary small" onClick={onDelete} aria-label={t("docs.deleteNamed", { filename: document.filename })}>
          {t("docs.delete")}
        </button>
      </div>
      {busy && (
        <>
          <progress max={100} value={job ? Math.round(jobFraction(job) * 100) : 0} aria-label={t("docs.progress", { filename: document.filename })} />
          <span class="status" role="status">
            {job ? describeJob(job, t) : t("status.queued")}
          </span>
        </>
      )}
      {document.status === "ready" && (
        <span class="status">
          {t("status.complete")}
          {pages && ` · ${pages}`}
        </span>
      )}
      {document.status === "failed" && (
        <p class="error" role="alert">
          <strong>{t("status.failed")}. </strong>
          {job && describeJobFailure(job, t)}
        </p>
      )}
      {duplicate && <p class="hint">{t("status.duplicate")}</p>}
    </li>
  );
}
