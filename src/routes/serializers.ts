import type { DocumentInfo, Job } from "../api/documents";
import type { Document, UploadJob } from "../db/schema";

/** Public shapes of rows: snake_case, ISO timestamps, no storage keys or internal counters. */
export function jobBody(job: UploadJob): Job {
  return {
    job_id: job.id,
    document_id: job.documentId,
    status: job.status,
    progress: {
      pages_total: job.pagesTotal,
      pages_parsed: job.pagesParsed,
      chunks_total: job.chunksTotal,
      chunks_embedded: job.chunksEmbedded,
    },
    error: job.status === "failed" && job.errorCode ? { code: job.errorCode, message: job.errorMessage ?? "" } : null,
    attempts: job.attempts,
    timings_ms: job.timings ?? null,
    created_at: job.createdAt.toISOString(),
    updated_at: job.updatedAt.toISOString(),
  };
}

/** `job_id` is the document's latest ingestion job (null only if it has none), for watching its progress. */
export function documentBody(document: Document, jobId: string | null): DocumentInfo {
  return {
    id: document.id,
    job_id: jobId,
    filename: document.filename,
    content_type: document.contentType,
    size_bytes: document.sizeBytes,
    sha256: document.sha256,
    status: document.status,
    pages: document.pages,
    chunks: document.chunks,
    created_at: document.createdAt.toISOString(),
  };
}
