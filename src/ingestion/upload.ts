import type { UploadAccepted } from "../api/documents";
import type { Database } from "../db/client";
import { asUser } from "../db/client";
import { createDocumentWithJob, deleteDocument, findDocumentBySha, latestJobForDocument } from "../db/documents";
import { isUniqueViolation } from "../db/errors";
import { assertUploadWithinQuota, type Quotas } from "../db/quotas";
import { ApiError } from "../lib/errors";
import { errorFields, log } from "../lib/log";
import { yieldToEventLoop } from "../lib/yield";
import { detectKind } from "./detect";
import type { IngestMessage, IngestQueue } from "./queue-message";
import { restartIngestion } from "./restart";
import { CONTENT_TYPES, type DocumentKind } from "./types";
import type { JobWatchdog } from "./watchdog";

export interface UploadDeps {
  db: Database;
  bucket: R2Bucket;
  queue: IngestQueue;
  watchdog: JobWatchdog;
  maxUploadBytes: number;
  /** JOB_LEASE_SECONDS: decides when a job counts as stuck (see ./lease.ts). */
  leaseSeconds: number;
  requestId: string;
  /** Checked in the transaction that inserts the document (throws `QuotaExceededError`); absent: no quota. */
  quotas?: Quotas;
}

export interface UploadResult {
  /**
   * 202 for a new upload, and for the same bytes again when their earlier job failed or got stuck (it starts again);
   * 200 when the same user already uploaded the same bytes and they are processed or being processed.
   */
  status: 200 | 202;
  body: UploadAccepted;
}

/**
 * Stores an upload and queues its ingestion. The type comes from the bytes, never from the client's name or
 * Content-Type. Order of effects: R2 object, then rows, then queue message; if a later step fails the earlier ones
 * are undone, so a failed upload leaves nothing half-done.
 */
export async function acceptUpload(
  deps: UploadDeps,
  input: { userId: string; filename: string; bytes: Uint8Array; /** Hex SHA-256 of `bytes` when the caller hashed them as they arrived. */ sha256?: string },
): Promise<UploadResult> {
  const { bytes, userId } = input;
  if (bytes.byteLength === 0) throw new ApiError("empty_file", "The uploaded file is empty.");
  if (bytes.byteLength > deps.maxUploadBytes) throw tooLarge(deps.maxUploadBytes);

  const kind = detectKind(bytes);
  if (!kind) {
    throw new ApiError(
      "unsupported_media_type",
      "This file is not a PDF, plain text, Markdown or HTML document. Upload a PDF (for example your Summary of Benefits and Coverage) or a text export.",
    );
  }

  const sha256 = input.sha256 ?? (await sha256Hex(bytes));
  const existing = await findDuplicate(deps, userId, sha256, { bytes, kind });
  if (existing) return existing;

  const documentId = crypto.randomUUID();
  const filename = sanitizeFilename(input.filename);
  const r2Key = `users/${userId}/documents/${documentId}`;
  await storeInSlices(deps.bucket, r2Key, bytes, {
    httpMetadata: { contentType: CONTENT_TYPES[kind] },
    customMetadata: { userId, documentId, sha256, filename },
    sha256: sha256,
  });

  let created;
  try {
    created = await asUser(deps.db, userId, async (tx) => {
      if (deps.quotas) await assertUploadWithinQuota(tx, userId, bytes.byteLength, deps.quotas);
      return createDocumentWithJob(tx, {
        id: documentId,
        userId,
        filename,
        contentType: CONTENT_TYPES[kind],
        sizeBytes: bytes.byteLength,
        sha256,
        r2Key,
      });
    });
  } catch (error) {
    await deps.bucket.delete(r2Key);
    // Two uploads of the same bytes raced; the other one won and this one is its duplicate.
    if (isUniqueViolation(error)) {
      const duplicate = await findDuplicate(deps, userId, sha256, { bytes, kind });
      if (duplicate) return duplicate;
    }
    throw error;
  }

  const message: IngestMessage = { type: "ingest", jobId: created.job.id, documentId, userId };
  try {
    await deps.queue.send(message);
  } catch (error) {
    log("error", "upload: could not enqueue ingestion", { request_id: deps.requestId, document_id: documentId, ...errorFields(error) });
    await asUser(deps.db, userId, (tx) => deleteDocument(tx, userId, documentId));
    await deps.bucket.delete(r2Key);
    throw new ApiError("service_unavailable", "The processing queue is unavailable; nothing was stored. Try again shortly.");
  }
  // Not fatal: the consumer arms it again when it takes the job; only a message lost before that goes unwatched.
  await deps.watchdog.watch(message).catch((error: unknown) => log("warn", "upload: could not arm the watchdog", { request_id: deps.requestId, job_id: created.job.id, ...errorFields(error) }));

  return {
    status: 202,
    body: { job_id: created.job.id, document_id: documentId, status: created.job.status, duplicate: false },
  };
}

/**
 * The answer for bytes this user uploaded before: the existing ids, and the job started again when it failed or got
 * stuck (its stored object is put back first if it went missing, so a `file_missing` failure heals too).
 */
async function findDuplicate(
  deps: UploadDeps,
  userId: string,
  sha256: string,
  upload: { bytes: Uint8Array; kind: DocumentKind },
): Promise<UploadResult | undefined> {
  const found = await asUser(deps.db, userId, async (tx) => {
    const document = await findDocumentBySha(tx, userId, sha256);
    const job = document ? await latestJobForDocument(tx, document.id) : undefined;
    return document && job ? { document, job } : undefined;
  });
  if (!found) return undefined;
  const { document, job } = found;
  const answer = (status: 200 | 202, jobStatus: UploadAccepted["status"]): UploadResult => ({
    status,
    body: { job_id: job.id, document_id: document.id, status: jobStatus, duplicate: true },
  });
  if (job.status === "complete") return answer(200, job.status);
  if (!(await deps.bucket.head(document.r2Key))) {
    await storeInSlices(deps.bucket, document.r2Key, upload.bytes, { httpMetadata: { contentType: CONTENT_TYPES[upload.kind] }, sha256 });
  }
  const restarted = await restartIngestion(deps, userId, job.id);
  return restarted ? answer(202, restarted.status) : answer(200, job.status);
}

/**
 * Slice size for `storeInSlices`. Handed 20 MB in one piece, the local R2 simulator (in the same workerd process as
 * the Worker) held every request 300–590 ms; fed 1 MiB at a time with a turn of the event loop between, 95–220 ms.
 */
const STORE_SLICE_BYTES = 1024 * 1024;

/**
 * `bucket.put` of bytes already in memory, handed over a MiB at a time through a stream of declared length (R2 needs
 * the length of a streamed body), with a turn of the event loop between slices, so storing a large upload never holds
 * the isolate in one stretch. The slices are views of `bytes`: nothing is copied. Small files go in one piece.
 */
export async function storeInSlices(bucket: R2Bucket, key: string, bytes: Uint8Array, options: R2PutOptions): Promise<void> {
  if (bytes.byteLength <= STORE_SLICE_BYTES) {
    await bucket.put(key, bytes, options);
    return;
  }
  const stream = new FixedLengthStream(bytes.byteLength);
  const writer = stream.writable.getWriter();
  const feeding = (async () => {
    for (let at = 0; at < bytes.byteLength; at += STORE_SLICE_BYTES) {
      await writer.write(bytes.subarray(at, at + STORE_SLICE_BYTES));
      await yieldToEventLoop();
    }
    await writer.close();
  })();
  try {
    await Promise.all([bucket.put(key, stream.readable, options), feeding]);
  } catch (error) {
    // A put that failed stops reading; the writer would otherwise wait for room that never comes.
    await writer.abort(error).catch(() => undefined);
    throw error;
  }
}

export function tooLarge(maxUploadBytes: number): ApiError {
  const mb = (maxUploadBytes / (1024 * 1024)).toFixed(0);
  return new ApiError("payload_too_large", `The file is larger than the ${mb} MB limit.`, {
    extra: { max_bytes: maxUploadBytes },
  });
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Longest stored name; file systems and the UI both stop being useful beyond this. */
const MAX_FILENAME_LENGTH = 200;

/** Keeps the last path segment, drops control characters and caps the length; the name is shown, never used as a path. */
export function sanitizeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, MAX_FILENAME_LENGTH);
  return cleaned || "document";
}
