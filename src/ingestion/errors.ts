/**
 * Why an ingestion stopped. `retryable` failures (rate limits, 5xx, timeouts, a dropped connection) go back on the
 * queue with backoff; the others mark the job failed at once with a message a person can act on.
 */
export type IngestionErrorCode =
  | "pdf_encrypted"
  | "pdf_corrupt"
  /** Over a decompression, object or text-item budget, or nested too deep: a bomb, or a file made to look like one. */
  | "pdf_too_complex"
  | "too_many_pages"
  | "too_much_text"
  /** More chunks than the embeddings held for one document's store may take (src/ingestion/chunker.ts). */
  | "too_many_chunks"
  | "parse_timeout"
  | "no_extractable_text"
  | "unsupported_type"
  | "file_missing"
  | "parser_failed"
  | "embedding_failed"
  | "database_unavailable"
  | "gave_up"
  | "page_quota_exceeded"
  | "internal_error";

export class IngestionError extends Error {
  readonly code: IngestionErrorCode;
  readonly retryable: boolean;

  constructor(code: IngestionErrorCode, message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "IngestionError";
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}
