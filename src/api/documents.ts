/** Documents and their ingestion jobs: upload, jobs (and their events), documents. */
import { z } from "zod";
import { Id, Timestamp } from "./common.ts";

export const JOB_STATUSES = ["queued", "parsing", "chunking", "embedding", "complete", "failed"] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const DOCUMENT_STATUSES = ["queued", "processing", "ready", "failed"] as const;
export const DocumentStatus = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** Where an ingestion's time went, in milliseconds; set when the job completes. */
export const IngestionTimings = z.object({
  parse_ms: z.number(),
  chunk_ms: z.number(),
  embed_ms: z.number(),
  store_ms: z.number(),
  total_ms: z.number(),
});
export type IngestionTimings = z.infer<typeof IngestionTimings>;

const Count = z.number().int().min(0);

export const Job = z
  .object({
    job_id: Id,
    document_id: Id,
    status: JobStatus,
    progress: z.object({
      pages_total: Count.nullable(),
      pages_parsed: Count,
      chunks_total: Count.nullable(),
      chunks_embedded: Count,
    }),
    /** Why the job failed, in words a person can act on; null unless `status` is "failed". */
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    attempts: Count,
    timings_ms: IngestionTimings.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  })
  .meta({ id: "Job", description: "An ingestion job: queued → parsing → chunking → embedding → complete | failed." });
export type Job = z.infer<typeof Job>;

/** The answer to an upload: 202 for new bytes, 200 `duplicate: true` for bytes this member already uploaded. */
export const UploadAccepted = z
  .object({ job_id: Id, document_id: Id, status: JobStatus, duplicate: z.boolean() })
  .meta({ id: "UploadAccepted" });
export type UploadAccepted = z.infer<typeof UploadAccepted>;

export const Document = z
  .object({
    id: Id,
    /** The latest ingestion job, to follow a document still in progress; null only if it has none. */
    job_id: Id.nullable(),
    filename: z.string(),
    /** What the bytes were recognised as, never what the client said. */
    content_type: z.string(),
    size_bytes: Count,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    status: DocumentStatus,
    pages: Count.nullable(),
    chunks: Count,
    created_at: Timestamp,
  })
  .meta({ id: "Document" });
export type DocumentInfo = z.infer<typeof Document>;

export const DocumentList = z.object({ documents: z.array(Document) });
export type DocumentList = z.infer<typeof DocumentList>;

/**
 * The events of `GET /api/v2/jobs/{id}/events`, each the `data` of the event with that name: `progress` whenever
 * status or counts change, then one `complete` or `failed`; `gone` if the document is deleted meanwhile; `error` if
 * the server stops watching.
 */
export const JobEvents = {
  progress: Job,
  complete: Job,
  failed: Job,
  gone: z.object({ job_id: Id, message: z.string() }),
  error: z.object({ code: z.string(), message: z.string() }),
} as const;
export type JobEvent = { [Name in keyof typeof JobEvents]: { event: Name; data: z.infer<(typeof JobEvents)[Name]> } }[keyof typeof JobEvents];
