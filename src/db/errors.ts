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
