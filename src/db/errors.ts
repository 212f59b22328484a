import { describeThrown } from "../lib/log";
import { DatabaseUnavailableError, findServiceError } from "../lib/service-errors";

/**
 * The PostgreSQL SQLSTATE of a failed query, if the error carries one. The driver's error has `.code`; drizzle wraps it
 * in a DrizzleQueryError with the original as `.cause`, so the chain is walked.
 */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  // A few levels is all any wrapper adds; the bound keeps a cyclic `cause` chain from looping forever.
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if ("code" in current && typeof current.code === "string" && /^[0-9A-Z]{5}$/.test(current.code)) return current.code;
    current = "cause" in current ? current.cause : undefined;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = "23505";
export const FOREIGN_KEY_VIOLATION = "23503";

export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === UNIQUE_VIOLATION;

/**
 * SQLSTATE classes that mean "the server cannot take this work now", not "the query is wrong": 08 connection
 * exception, 53 insufficient resources (53300 too many connections), 57 operator intervention (shutdown, cancelled by
 * a statement timeout).
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|57)/;

/**
 * What a network-level failure of the driver says. The WebSocket transport rejects with an `ErrorEvent` (not an
 * Error) when the endpoint refuses the connection; a dropped connection or a pool timeout is an Error with one of these.
 */
const NETWORK_FAILURE = /connect|socket|terminated|timeout|timed out|ECONN|EPIPE|closed|network/i;

/**
 * The database's failure as the rest of the Worker should see it: a `DatabaseUnavailableError` when trying again
 * later may work (found anywhere in the cause chain, or recognised by SQLSTATE or as a network failure), otherwise
 * the error itself, made an `Error` if the driver threw something else.
 *
 * @example throw toDatabaseError(caught) // DatabaseUnavailableError for "53300 too many connections"
 */
export function toDatabaseError(error: unknown): Error {
  const known = findServiceError(error, DatabaseUnavailableError);
  if (known) return known;
  const state = sqlState(error);
  if (state !== undefined) {
    return UNAVAILABLE_SQLSTATE.test(state) ? new DatabaseUnavailableError(`SQLSTATE ${state}`, { sqlState: state, cause: error }) : asError(error);
  }
  // Only the innermost cause says what happened: a wrapper's message (drizzle's holds the SQL and its parameters)
  // could contain any word.
  const root = rootCause(error);
  if (!(root instanceof Error)) return new DatabaseUnavailableError(`the connection failed (${describeThrown(root)})`, { cause: error });
  if (NETWORK_FAILURE.test(root.message)) return new DatabaseUnavailableError(`the connection failed (${root.name})`, { cause: error });
  return asError(error);
}

function rootCause(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause !== undefined; depth++) current = current.cause;
  return current;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(`the database driver threw ${describeThrown(error)}`, { cause: error });
}
