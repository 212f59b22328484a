/**
 * Shapes every resource shares: ids, timestamps and the problem+json error body. This folder is the API's one
 * description — the routes validate with it, the OpenAPI document is generated from it, and the web app, the tests,
 * the bench and the eval take their request and response types from it. It imports nothing but zod, so a browser
 * build and Node scripts can use it as well as the Worker.
 */
import { z } from "zod";

/** Every id the API hands out is a random UUID. */
export const Id = z.uuid();

/** Timestamps are ISO 8601 in UTC, as `Date.toISOString()` writes them. */
export const Timestamp = z.iso.datetime();

/** Lists of document ids a question may be limited to; a hundred is more than any member keeps at once. */
export const DocumentIds = z.array(z.uuid()).max(100);

/** Longest question, in /chat, /agents/query and /v1: far beyond any real one, short enough to keep the prompt cheap. */
export const MAX_QUESTION_CHARS = 4000;

/** Every error code the API can answer with, and its HTTP status and title (the error contract, src/lib/errors.ts). */
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
  database_unavailable: { status: 503, title: "The database is unavailable" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/**
 * RFC 9457 problem details, the body of every error (but /v1's). Some codes add fields: `errors` (validation),
 * `retry_after_seconds` (429 and 503), `quota`/`limit`/`used`/`requested` (quotas), `job_status` (a retry refused).
 */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    code: z.enum(errorCodes),
    request_id: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    retry_after_seconds: z.number().int().positive().optional(),
    quota: z.enum(["documents", "storage_bytes", "pages_per_day"]).optional(),
    limit: z.number().optional(),
    used: z.number().optional(),
    requested: z.number().optional(),
    job_status: z.string().optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details; `code` says what went wrong, `request_id` names the request in our logs." });
export type Problem = z.infer<typeof Problem>;
