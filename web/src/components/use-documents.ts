import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { deleteDocument, getJob, listDocuments, uploadFile, watchJob } from "../api/endpoints";
import type { DocumentInfo, Job } from "../api/types";

export interface UploadItem {
  key: string;
  filename: string;
  /** 0 to 1 while uploading. */
  fraction: number;
  state: "waiting" | "uploading" | "failed";
  /** Kept as the error itself, so its words follow a later change of language. */
  error?: unknown;
}

export interface DocumentsState {
  documents: DocumentInfo[];
  /** The latest known job of each document, by document id: live progress, or why it failed. */
  jobs: Record<string, Job>;
  uploads: UploadItem[];
  /** Documents that an upload turned out to duplicate. */
  duplicates: Set<string>;
  loadError: unknown;
  loaded: boolean;
  upload(files: File[]): void;
  dismissUpload(key: string): void;
  remove(document: DocumentInfo): Promise<void>;
}

/**
 * Streams watched at once. Over HTTP/1.1 (wrangler dev) a browser opens at most six connections to a host; three
 * job streams leave room for a chat answer and the other requests. Further documents wait their turn.
 */
const MAX_WATCHED = 3;

const inProgress = (document: DocumentInfo) => document.status === "queued" || document.status === "processing";

/** The member's documents, their uploads (one at a time, with progress) and live ingestion progress. */
export function useDocuments(): DocumentsState {
  const [documents, setDocuments] = useState<DocumentInfo[]>([]);
  const [jobs, setJobs] = useState<Record<string, Job>>({});
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const [duplicates, setDuplicates] = useState<Set<string>>(new Set());
  const [loadError, setLoadError] = useState<unknown>(null);
  const [loaded, setLoaded] = useState(false);
  const watchers = useRef(new Map<string, AbortController>());
  const failureAsked = useRef(new Set<string>());
  const queue = useRef(Promise.resolve());

  const refresh = useCallback(async () => {
    try {
      setDocuments(await listDocuments());
      setLoadError(null);
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoaded(true);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const running = watchers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
      running.clear();
    };
  }, [refresh]);

  // Follow documents still being processed; fetch the reason of those that failed.
  useEffect(() => {
    const running = watchers.current;
    const current = new Set(documents.map((d) => d.id));
    for (const [id, controller] of running) {
      if (!current.has(id)) {
        controller.abort();
        running.delete(id);
      }
    }
    for (const document of documents) {
      const jobId = document.job_id;
      if (!jobId) continue;
      if (document.status === "failed" && !jobs[document.id] && !failureAsked.current.has(jobId)) {
        failureAsked.current.add(jobId);
        getJob(jobId).then((job) => setJobs((all) => ({ ...all, [document.id]: job })), () => undefined);
      }
      if (!inProgress(document) || running.has(document.id) || running.size >= MAX_WATCHED) continue;
      const controller = new AbortController();
      running.set(document.id, controller);
      void watchJob(jobId, (job) => setJobs((all) => ({ ...all, [document.id]: job })), controller.signal).then(() => {
        if (running.get(document.id) !== controller) return;
        running.delete(document.id);
        if (!controller.signal.aborted) void refresh();
      });
    }
  }, [documents, jobs, refresh]);

  const upload = useCallback(
    (files: File[]) => {
      const items = files.map((file) => ({ file, key: `${Date.now()}-${Math.random()}` }));
      setUploads((all) => [...all, ...items.map(({ file, key }) => ({ key, filename: file.name, fraction: 0, state: "waiting" as const }))]);
      const update = (key: string, patch: Partial<UploadItem>) =>
        setUploads((all) => all.map((item) => (item.key === key ? { ...item, ...patch } : item)));
      for (const { file, key } of items) {
        // One upload at a time: the member sees each finish, and the connection is not split between them.
        queue.current = queue.current.then(async () => {
          update(key, { state: "uploading" });
          try {
            const accepted = await uploadFile(file, (fraction) => update(key, { fraction }));
            setUploads((all) => all.filter((item) => item.key !== key));
            if (accepted.duplicate) setDuplicates((all) => new Set(all).add(accepted.document_id));
            await refresh();
          } catch (error) {
            update(key, { state: "failed", error });
          }
        });
      }
    },
    [refresh],
  );

  const dismissUpload = useCallback((key: string) => setUploads((all) => all.filter((item) => item.key !== key)), []);

  const remove = useCallback(
    async (document: DocumentInfo) => {
      await deleteDocument(document.id);
      setDocuments((all) => all.filter((d) => d.id !== document.id));
      void refresh();
    },
    [refresh],
  );

  return { documents, jobs, uploads, duplicates, loadError, loaded, upload, dismissUpload, remove };
}
