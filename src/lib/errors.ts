import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ERROR_CODES as API_ERROR_CODES, type Problem } from "../api/common";
import { DatabaseUnavailableError, findServiceError, SessionEndedError, UpstreamError } from "./service-errors";

/**
 * The whole error contract: every code the API can answer with and its HTTP status (declared with the API's schemas,
 * src/api/common.ts). Bodies are RFC 9457 `application/problem+json`; `type` is a stable URI per code so clients can
 * switch on it.
 */
export const ERROR_CODES = API_ERROR_CODES satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: ContentfulStatusCode;
  readonly headers: Record<string, string>;
  readonly extra: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.name = "ApiError";
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
}

export interface ProblemBody extends Omit<Problem, "code"> {
  code: ErrorCode;
  [key: string]: unknown;
}

export function problemBody(error: ApiError, requestId: string): ProblemBody {
  return {
    type: `https://insurance-navigator.dev/problems/${error.code.replaceAll("_", "-")}`,
    title: ERROR_CODES[error.code].title,
    status: error.status,
    detail: error.message,
    code: error.code,
    request_id: requestId,
    ...error.extra,
  };
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** RFC 6750 §3: a token that was sent but is no good gets `error="invalid_token"`. */
const CHALLENGE_INVALID = 'Bearer error="invalid_token"';

/** The 401 for an access token whose login session has ended, however the Worker found out. */
export function sessionEnded(): ApiError {
  return new ApiError("unauthorized", "This session has ended (logged out, or the account no longer exists). Log in again.", {
    headers: { "www-authenticate": CHALLENGE_INVALID },
  });
}

/** Long enough for a dropped connection or a full pool to clear, short enough that a person retrying is not kept waiting. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The HTTP edge's reading of a failure: an `ApiError` as it is; the neutral failures of ./service-errors.ts (anywhere in
 * the cause chain) as 503 `database_unavailable` with `Retry-After`, or 502 `upstream_unavailable`. Returns undefined
 * for anything else, which the caller answers as a generic 500.
 *
 * @example const apiError = toApiError(err) ?? new ApiError("internal_error");
 */
export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (findServiceError(error, SessionEndedError)) return sessionEnded();
  if (findServiceError(error, DatabaseUnavailableError)) {
    return new ApiError("database_unavailable", "The database cannot be reached right now. Try again in a few seconds.", {
      headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) },
      extra: { retry_after_seconds: DATABASE_RETRY_AFTER_SECONDS },
    });
  }
  if (findServiceError(error, UpstreamError)) {
    return new ApiError("upstream_unavailable", "A service this request depends on failed. Please try again.");
  }
  return undefined;
}
