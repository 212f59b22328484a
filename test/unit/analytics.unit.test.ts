import { describe, expect, it } from "vitest";
import { computeFigures, pointsFromLog, quantile, type LoggedPoint } from "../../scripts/lib/analytics-stats";
import { formatLogLine } from "../../src/lib/log";
import { dataPoint, logFields, record, type AnalyticsEvent } from "../../src/observability/analytics";

const request = (route: string, status: number, durationMs: number, errorCode = ""): AnalyticsEvent => ({
  kind: "request",
  route,
  method: "GET",
  status,
  durationMs,
  colo: "AMS",
  errorCode,
});

const chat = (refused: boolean, firstTokenMs: number): AnalyticsEvent => ({
  kind: "chat",
  surface: "stream",
  provider: "offline",
  model: "offline-extractive-v1",
  refused,
  fallback: false,
  retrievalMs: 12,
  firstTokenMs,
  totalMs: firstTokenMs + 5,
  tokensIn: -1,
  tokensOut: -1,
  citations: refused ? 0 : 2,
});

/** A data point as `npm run stats` reads it: the log line the Worker writes outside production. */
const logged = (event: AnalyticsEvent, time: string): LoggedPoint =>
  JSON.parse(formatLogLine("info", "analytics", logFields(dataPoint(event)), new Date(time))) as LoggedPoint;

describe("dataPoint", () => {
  it("indexes each point by its kind and puts the kind in blob1", () => {
    const point = dataPoint(request("/api/v2/documents", 200, 8));
    expect(point.indexes).toEqual(["request"]);
    expect(point.blobs?.[0]).toBe("request");
  });

  it("lays out a request as route, method, status class, colo, error code | status, duration", () => {
    expect(dataPoint(request("/chat", 503, 41, "database_unavailable"))).toEqual({
      indexes: ["request"],
      blobs: ["request", "/chat", "GET", "5xx", "AMS", "database_unavailable"],
      doubles: [503, 41],
    });
  });

  it("lays out a chat turn with refusals and fallbacks as yes/no", () => {
    expect(dataPoint(chat(true, 30)).blobs).toEqual(["chat", "stream", "offline", "offline-extractive-v1", "yes", "no"]);
    expect(dataPoint(chat(true, 30)).doubles).toEqual([12, 30, 35, -1, -1, 0]);
  });

  it("writes -1 for a value that is not a finite number", () => {
    expect(dataPoint({ kind: "feedback", rating: Number.NaN, hasComment: false }).doubles).toEqual([-1]);
  });

  it("cuts a label to 96 characters", () => {
    expect(dataPoint(request(`/${"x".repeat(200)}`, 404, 1)).blobs?.[1]).toHaveLength(96);
  });
});

describe("record", () => {
  it("hands the point to the binding and never throws when the binding does", () => {
    const written: AnalyticsEngineDataPoint[] = [];
    record({ ANALYTICS: { writeDataPoint: (p) => void written.push(p) }, ANALYTICS_LOG: "false" }, request("/health", 200, 1));
    expect(written).toHaveLength(1);
    const failing = { writeDataPoint: () => { throw new Error("dataset unavailable"); } };
    expect(() => record({ ANALYTICS: failing, ANALYTICS_LOG: "false" }, request("/health", 200, 1))).not.toThrow();
  });
});

describe("npm run stats figures", () => {
  const points = [
    logged(request("/api/v2/search", 200, 10), "2026-12-02T10:00:00Z"),
    logged(request("/api/v2/search", 200, 30), "2026-12-02T10:00:01Z"),
    logged(request("/api/v2/search", 503, 50, "database_unavailable"), "2026-12-02T10:00:02Z"),
    logged(request("/api/v2/documents", 404, 5, "not_found"), "2026-12-02T10:00:03Z"),
    logged(chat(false, 100), "2026-12-02T10:00:04Z"),
    logged(chat(true, 40), "2026-12-02T10:00:05Z"),
    logged({ kind: "feedback", rating: 5, hasComment: true }, "2026-12-02T10:00:06Z"),
    logged({ kind: "feedback", rating: 4, hasComment: false }, "2026-12-02T10:00:07Z"),
    logged({ kind: "rate_limit", limit: "search", route: "/api/v2/search" }, "2026-12-02T10:00:08Z"),
    logged(
      { kind: "ingestion", documentType: "pdf", outcome: "complete", errorCode: "", pages: 10, chunks: 40, bytes: 1e5, parseMs: 1, chunkMs: 1, embedMs: 1, storeMs: 1, totalMs: 2000, attempts: 1 },
      "2026-12-02T10:00:10Z",
    ),
    logged(
      { kind: "ingestion", documentType: "", outcome: "failed", errorCode: "no_extractable_text", pages: 0, chunks: 0, bytes: 0, parseMs: 0, chunkMs: 0, embedMs: 0, storeMs: 0, totalMs: 5, attempts: 1 },
      "2026-12-02T10:00:10Z",
    ),
  ];
  const figures = computeFigures(points);

  it("gives p50 and p95 per route and the 5xx rate", () => {
    expect(figures.routes[0]).toEqual({ route: "GET /api/v2/search", requests: 3, p50_ms: 30, p95_ms: 50, errors_5xx: 1, errors_4xx: 0 });
    expect(figures.error_rate_5xx).toBe(0.25);
    expect(figures.requests_per_second).toBeCloseTo(4 / 10);
  });

  it("gives ingestion success and pages per second", () => {
    expect(figures.ingestion).toMatchObject({ complete: 1, failed: 1, success_rate: 0.5, pages_per_second: 5 });
  });

  it("gives chat first-token p95 and the refusal rate", () => {
    expect(figures.chat).toMatchObject({ turns: 2, first_token_p95_ms: 100, refusal_rate: 0.5 });
  });

  it("gives the feedback average, rate-limit rejections and top error codes", () => {
    expect(figures.feedback).toEqual({ ratings: 2, average: 4.5, with_comment: 1 });
    expect(figures.rate_limited).toEqual({ search: 1 });
    expect(figures.top_error_codes).toContainEqual({ code: "ingestion:no_extractable_text", count: 1 });
  });

  it("reads only the analytics lines of a mixed log", () => {
    const lines = ["⎔ Starting local server...", '{"level":"info","message":"request","status":200}', JSON.stringify(points[0]), "[wrangler:info] GET /health 200 OK"];
    expect(pointsFromLog(lines)).toHaveLength(1);
  });

  it("computes nearest-rank quantiles", () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([], 0.95)).toBeNull();
  });
});
