import { IngestionError } from "./errors";

export interface Failure {
  code: string;
  message: string;
  retryable: boolean;
}

/** Postgres SQLSTATE classes that mean "try again": connection exceptions, insufficient resources, operator intervention. */
const TRANSIENT_SQLSTATE = /^(08|53|57)/;
/** Raised when the chunks' document was deleted mid-ingestion: nothing to retry. */
const FOREIGN_KEY_VIOLATION = "23503";

/**
 * Sorts an ingestion error into retry-with-backoff or fail-now. Unknown errors count as transient: they are retried
 * and, if they persist, reach the dead-letter queue, which records them — nothing is dropped silently.
 */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof IngestionError) return { code: error.code, message: error.message, retryable: error.retryable };
  const sqlstate = findSqlState(error);
  if (sqlstate === FOREIGN_KEY_VIOLATION) {
    return { code: "document_deleted", message: "The document was deleted while it was being processed.", retryable: false };
  }
  const text = error instanceof Error ? error.message : String(error);
  if ((sqlstate && TRANSIENT_SQLSTATE.test(sqlstate)) || /connect|socket|websocket|terminated|timeout|ECONN/i.test(text)) {
    return { code: "database_unavailable", message: `The database could not be reached (${text}); retrying.`, retryable: true };
  }
  return { code: "internal_error", message: `Processing failed unexpectedly: ${text}`, retryable: true };
}

function findSqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}
