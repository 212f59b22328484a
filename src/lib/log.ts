/**
 * One JSON object per line, so Workers Logs (and `wrangler tail`) can filter by field.
 *
 * Logs carry ids, codes, sizes and timings, never health data: no document or chunk text, SQL or its parameters,
 * emails or file names. Fields are flat scalars (an object cannot be logged whole by accident), errors go through
 * `errorFields`, and every line is capped in size.
 */
export type LogLevel = "debug" | "info" | "warn" | "error";

export type LogValue = string | number | boolean | null | undefined;
export type LogFields = Record<string, LogValue>;

/** Longest string value: room for an id list or a stack's first frames, not for a page of text. */
export const MAX_FIELD_CHARS = 512;
/** Longest line. Workers Logs would keep up to 256 KB; a line past a few KB means something is being dumped. */
export const MAX_LINE_CHARS = 4096;

export function log(level: LogLevel, message: string, fields: LogFields = {}): void {
  const line = formatLogLine(level, message, fields);
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

/** The line `log` writes: string values cut to MAX_FIELD_CHARS, the line to MAX_LINE_CHARS (then the fields go). */
export function formatLogLine(level: LogLevel, message: string, fields: LogFields, now = new Date()): string {
  const entry: Record<string, LogValue> = { level, message: cut(message, MAX_FIELD_CHARS), time: now.toISOString() };
  for (const [name, value] of Object.entries(fields)) entry[name] = typeof value === "string" ? cut(value, MAX_FIELD_CHARS) : value;
  const line = JSON.stringify(entry);
  if (line.length <= MAX_LINE_CHARS) return line;
  // Too many fields: keep the ones that identify the event, say how much was dropped.
  const { request_id, job_id, document_id, code } = fields;
  return JSON.stringify({ level, message: entry.message, time: entry.time, request_id, job_id, document_id, code, truncated_chars: line.length });
}

function cut(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

/** Errors whose messages we compose ourselves from codes, statuses and ids (see ./service-errors.ts). */
const SAFE_MESSAGE_NAMES = new Set([
  "ApiError",
  "DatabaseUnavailableError",
  "UpstreamError",
  "ProviderUnavailableError",
  "ProviderStreamError",
  "InvalidTokenError",
  "SessionEndedError",
]);
/** Built-in errors whose messages name code, not data ("Cannot read properties of undefined (reading 'x')"). */
const CODE_MESSAGE_NAMES = new Set(["TypeError", "RangeError", "ReferenceError"]);
/** Frames of a stack kept: where it happened, not the whole path to it. */
const STACK_FRAMES = 6;

/**
 * What may be logged about an error: its class, codes (ours, a SQLSTATE, an HTTP status), the classes down its cause
 * chain and its stack frames. The message only for errors whose messages we compose, or built-in ones that describe
 * code; never for the rest — a query error's message holds the SQL and its parameters, a parse error the input.
 *
 * @example log("warn", "ingest: permanent failure", { job_id, ...errorFields(error) })
 */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error_name: describeThrown(error) };
  const fields: LogFields = { error_name: error.name };
  const code = ownCode(error);
  if (code !== undefined) fields.error_code = code;
  if (SAFE_MESSAGE_NAMES.has(error.name) || CODE_MESSAGE_NAMES.has(error.name)) fields.error = cut(error.message, 300);
  const causes: string[] = [];
  let current: unknown = error.cause;
  // A few levels is all any wrapper adds; the bound keeps a cyclic `cause` chain from looping forever.
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    causes.push(current instanceof Error ? current.name : describeThrown(current));
    const causeCode = ownCode(current);
    if (causeCode !== undefined && fields.error_code === undefined) fields.error_code = causeCode;
    current = current instanceof Error ? current.cause : undefined;
  }
  if (causes.length > 0) fields.cause = causes.join(" < ");
  const frames = stackFrames(error.stack);
  if (frames) fields.stack = frames;
  return fields;
}

/** A code the error itself carries: IngestionError's and ApiError's code, a driver's SQLSTATE, an HTTP status. */
function ownCode(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if ("code" in value && (typeof value.code === "string" || typeof value.code === "number")) return String(value.code).slice(0, 40);
  if ("sqlState" in value && typeof value.sqlState === "string") return value.sqlState;
  if ("status" in value && typeof value.status === "number") return `http_${value.status}`;
  return undefined;
}

/** The "at ..." lines of a stack; the first line repeats the message, which may not be loggable. */
function stackFrames(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  const frames = stack
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("at "))
    .slice(0, STACK_FRAMES);
  return frames.length > 0 ? frames.join(" | ") : undefined;
}

/** A class name for a thrown non-Error ("ErrorEvent"), never its contents. */
export function describeThrown(value: unknown): string {
  if (typeof value === "object" && value !== null) return value.constructor?.name ?? "object";
  return typeof value;
}
