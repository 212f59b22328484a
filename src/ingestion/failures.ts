import { FOREIGN_KEY_VIOLATION, sqlState } from "../db/errors";
import { IngestionError } from "./errors";

export interface Failure {
  code: string;
  message: string;
  retryable: boolean;
}

/** Postgres SQLSTATE classes that mean "try again": connection exceptions, insufficient resources, operator intervention. */
const TRANSIENT_SQLSTATE = /^(08|53|57)/;

/**
 * Sorts an ingestion error into retry-with-backoff or fail-now. Unknown errors count as transient: they are retried
 * and, if they persist, reach the dead-letter queue, which records them — nothing is dropped silently.
 */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof IngestionError) return { code: error.code, message: error.message, retryable: error.retryable };
  const sqlstate = sqlState(error);
  // Raised when the chunks' document was deleted mid-ingestion: nothing to retry.
  if (sqlstate === FOREIGN_KEY_VIOLATION) {
    return { code: "document_deleted", message: "The document was deleted while it was being processed.", retryable: false };
  }
  const text = error instanceof Error ? error.message : String(error);
  if ((sqlstate && TRANSIENT_SQLSTATE.test(sqlstate)) || /connect|socket|websocket|terminated|timeout|ECONN/i.test(text)) {
    return { code: "database_unavailable", message: `The database could not be reached (${text}); retrying.`, retryable: true };
  }
  return { code: "internal_error", message: `Processing failed unexpectedly: ${text}`, retryable: true };
}
