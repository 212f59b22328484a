import { FOREIGN_KEY_VIOLATION, sqlState, toDatabaseError } from "../db/errors";
import { DatabaseUnavailableError, findServiceError, UpstreamError } from "../lib/service-errors";
import { IngestionError } from "./errors";

export interface Failure {
  code: string;
  /** Shown to the person on the job: says what happened and what to do, never SQL, stack traces or the document. */
  message: string;
  retryable: boolean;
}

const UPSTREAM_CODES = { embeddings: "embedding_failed", parser: "parser_failed", llm: "upstream_failed" } as const;

/**
 * Sorts an ingestion error into retry-with-backoff or fail-now. Unknown errors count as transient: they are retried
 * and, if they persist, reach the dead-letter queue, which records them — nothing is dropped silently.
 */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof IngestionError) return { code: error.code, message: error.message, retryable: error.retryable };
  const upstream = findServiceError(error, UpstreamError);
  if (upstream) return { code: UPSTREAM_CODES[upstream.service], message: upstream.message, retryable: upstream.retryable };
  // Raised when the chunks' document was deleted mid-ingestion: nothing to retry.
  if (sqlState(error) === FOREIGN_KEY_VIOLATION) {
    return { code: "document_deleted", message: "The document was deleted while it was being processed.", retryable: false };
  }
  if (toDatabaseError(error) instanceof DatabaseUnavailableError) {
    return { code: "database_unavailable", message: "The database could not be reached; processing will be retried.", retryable: true };
  }
  const name = error instanceof Error ? error.name : typeof error;
  return { code: "internal_error", message: `Processing failed unexpectedly (${name}); it will be retried.`, retryable: true };
}
