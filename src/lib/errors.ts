import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * The whole error contract: every code the API can answer with and its HTTP status. Bodies are RFC 9457
 * `application/problem+json`; `type` is a stable URI per code so clients can switch on it.
 */
export const ERROR_CODES = {
  validation_failed: { status: 422, title: "The request is not valid" },
  bad_request: { status: 400, title: "Bad request" },
  unauthorized: { status: 401, title: "Authentication required" },
  invalid_credentials: { status: 401, title: "Invalid email or password" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  email_taken: { status: 409, title: "Email already registered" },
  quota_exceeded: { status: 403, title: "Quota exceeded" },
  payload_too_large: { status: 413, title: "File too large" },
  unsupported_media_type: { status: 415, title: "Unsupported file type" },
  empty_file: { status: 422, title: "The file is empty" },
  rate_limited: { status: 429, title: "Too many requests" },
  daily_quota_exceeded: { status: 429, title: "Daily quota exceeded" },
  header_too_large: { status: 431, title: "Request header too large" },
  internal_error: { status: 500, title: "Internal server error" },
  upstream_unavailable: { status: 502, title: "An upstream service failed" },
  service_unavailable: { status: 503, title: "Service unavailable" },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;

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

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  request_id: string;
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
