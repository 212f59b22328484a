/**
 * Metrics through Workers Analytics Engine: one data point per request, ingestion, chat turn, rate-limit rejection
 * and answer rating, queried with the SQL API (docs/observability.md). `writeDataPoint` queues the point and returns
 * at once, so recording never delays a response.
 *
 * No point identifies a person: no user, document, session or message id, no email, file name or text — only route
 * templates, codes, providers, counts and timings. Each kind has a fixed column layout (below), because Analytics
 * Engine columns are positional (blob1…blob20, double1…double20); `index1` is the kind, so sampling keeps kinds apart.
 *
 * Locally (`wrangler dev`, tests) the binding accepts points and keeps nothing, so outside production every point is
 * also written as a log line (`"message":"analytics"`), which `npm run stats` aggregates.
 */
import { log, type LogFields } from "../lib/log";

export type AnalyticsEvent =
  | {
      kind: "request";
      /** The matched route template ("/api/v2/jobs/:job_id"), never the path with its ids. */
      route: string;
      method: string;
      status: number;
      durationMs: number;
      colo: string;
      /** The problem+json `code` of an error response, "" otherwise. */
      errorCode: string;
    }
  | {
      kind: "ingestion";
      documentType: string;
      outcome: "complete" | "failed" | "retry";
      errorCode: string;
      pages: number;
      chunks: number;
      bytes: number;
      parseMs: number;
      chunkMs: number;
      embedMs: number;
      storeMs: number;
      totalMs: number;
      attempts: number;
    }
  | {
      kind: "chat";
      /** "stream", "json" (POST /chat), "agents" or "v1". */
      surface: string;
      provider: string;
      model: string;
      refused: boolean;
      fallback: boolean;
      retrievalMs: number;
      /** -1 when no token came (the turn failed first). */
      firstTokenMs: number;
      totalMs: number;
      /** -1 where the provider does not report tokens (the offline answerer). */
      tokensIn: number;
      tokensOut: number;
      citations: number;
    }
  | { kind: "rate_limit"; limit: string; route: string }
  | { kind: "feedback"; rating: number; hasComment: boolean };

export type AnalyticsKind = AnalyticsEvent["kind"];

/** The part of a dataset binding we use; the runtime's `AnalyticsEngineDataset` satisfies it. */
export interface AnalyticsSink {
  writeDataPoint(point: AnalyticsEngineDataPoint): void;
}

export interface AnalyticsEnv {
  ANALYTICS?: AnalyticsSink;
  ENVIRONMENT?: string;
  /** "true"/"false": mirror points into the logs; default: everywhere but production. */
  ANALYTICS_LOG?: string;
}

/** Blob columns are strings of at most this many bytes in total per point; ours are short labels. */
const MAX_BLOB_CHARS = 96;

/**
 * The data point of an event, in its kind's column layout.
 *
 * | kind | blobs (blob1…) | doubles (double1…) |
 * | --- | --- | --- |
 * | request | kind, route, method, status class, colo, error code | status, duration ms |
 * | ingestion | kind, document type, outcome, error code | pages, chunks, bytes, parse, chunk, embed, store, total ms, attempts |
 * | chat | kind, surface, provider, model, refused, fallback | retrieval, first token, total ms, tokens in, out, citations |
 * | rate_limit | kind, limit, route | 1 |
 * | feedback | kind, has comment | rating |
 */
export function dataPoint(event: AnalyticsEvent): AnalyticsEngineDataPoint {
  const point = (blobs: string[], doubles: number[]): AnalyticsEngineDataPoint => ({
    indexes: [event.kind],
    blobs: [event.kind, ...blobs].map((blob) => blob.slice(0, MAX_BLOB_CHARS)),
    doubles: doubles.map((value) => (Number.isFinite(value) ? value : -1)),
  });
  switch (event.kind) {
    case "request":
      return point([event.route, event.method, `${Math.floor(event.status / 100)}xx`, event.colo, event.errorCode], [event.status, event.durationMs]);
    case "ingestion":
      return point(
        [event.documentType, event.outcome, event.errorCode],
        [event.pages, event.chunks, event.bytes, event.parseMs, event.chunkMs, event.embedMs, event.storeMs, event.totalMs, event.attempts],
      );
    case "chat":
      return point(
        [event.surface, event.provider, event.model, yesNo(event.refused), yesNo(event.fallback)],
        [event.retrievalMs, event.firstTokenMs, event.totalMs, event.tokensIn, event.tokensOut, event.citations],
      );
    case "rate_limit":
      return point([event.limit, event.route], [1]);
    case "feedback":
      return point([yesNo(event.hasComment)], [event.rating]);
  }
}

/**
 * Records an event; never throws and never waits (a metrics outage must not become an API outage).
 *
 * @example record(c.env, { kind: "rate_limit", limit: "search", route: "/api/v2/search" })
 */
export function record(env: AnalyticsEnv, event: AnalyticsEvent): void {
  let point: AnalyticsEngineDataPoint;
  try {
    point = dataPoint(event);
    env.ANALYTICS?.writeDataPoint(point);
  } catch (error) {
    log("warn", "analytics: data point not written", { kind: event.kind, error: error instanceof Error ? error.name : typeof error });
    return;
  }
  if (mirrorToLogs(env)) log("info", "analytics", logFields(point));
}

function mirrorToLogs(env: AnalyticsEnv): boolean {
  if (env.ANALYTICS_LOG === "true") return true;
  if (env.ANALYTICS_LOG === "false") return false;
  return env.ENVIRONMENT !== "production";
}

/** The point as flat log fields (`blob1`…, `double1`…), the names the SQL API uses. */
export function logFields(point: AnalyticsEngineDataPoint): LogFields {
  const fields: LogFields = {};
  (point.blobs ?? []).forEach((blob, i) => (fields[`blob${i + 1}`] = blob === null ? null : String(blob)));
  (point.doubles ?? []).forEach((value, i) => (fields[`double${i + 1}`] = value));
  return fields;
}

const yesNo = (value: boolean) => (value ? "yes" : "no");
