/**
 * The figures of docs/observability.md, computed from data points as `src/observability/analytics.ts` writes them
 * (the log form: `blob1`…, `double1`…), so a local run can be read without a Cloudflare account. The SQL API queries
 * in the docs compute the same figures from the dataset. Pure: no I/O, so it is unit tested in workerd.
 */

export interface LoggedPoint {
  time?: string;
  [column: string]: string | number | null | undefined;
}

export interface RouteFigures {
  route: string;
  requests: number;
  p50_ms: number;
  p95_ms: number;
  errors_5xx: number;
  errors_4xx: number;
}

export interface Figures {
  span_seconds: number;
  requests: number;
  requests_per_second: number;
  error_rate_5xx: number;
  routes: RouteFigures[];
  ingestion: { attempts: number; complete: number; failed: number; retried: number; success_rate: number | null; pages_per_second: number | null };
  chat: { turns: number; first_token_p95_ms: number | null; total_p95_ms: number | null; refusal_rate: number | null; fallback_rate: number | null };
  feedback: { ratings: number; average: number | null; with_comment: number };
  rate_limited: Record<string, number>;
  top_error_codes: Array<{ code: string; count: number }>;
}

const text = (point: LoggedPoint, n: number) => String(point[`blob${n}`] ?? "");
const num = (point: LoggedPoint, n: number) => Number(point[`double${n}`] ?? Number.NaN);

/** The q-quantile by the nearest-rank method (what a dashboard's p95 means for a few hundred samples). */
export function quantile(values: number[], q: number): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] ?? null;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function computeFigures(points: LoggedPoint[]): Figures {
  const byKind = (kind: string) => points.filter((p) => text(p, 1) === kind);
  const requests = byKind("request");
  const times = points.map((p) => (p.time ? Date.parse(p.time) : Number.NaN)).filter(Number.isFinite);
  const spanSeconds = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;

  const routes = new Map<string, LoggedPoint[]>();
  for (const point of requests) routes.set(`${text(point, 3)} ${text(point, 2)}`, [...(routes.get(`${text(point, 3)} ${text(point, 2)}`) ?? []), point]);
  const routeFigures = [...routes.entries()]
    .map(([route, list]) => ({
      route,
      requests: list.length,
      p50_ms: quantile(list.map((p) => num(p, 2)), 0.5) ?? 0,
      p95_ms: quantile(list.map((p) => num(p, 2)), 0.95) ?? 0,
      errors_5xx: list.filter((p) => num(p, 1) >= 500).length,
      errors_4xx: list.filter((p) => num(p, 1) >= 400 && num(p, 1) < 500).length,
    }))
    .sort((a, b) => b.requests - a.requests);

  const ingestion = byKind("ingestion");
  const complete = ingestion.filter((p) => text(p, 3) === "complete");
  const failed = ingestion.filter((p) => text(p, 3) === "failed");
  const pages = complete.reduce((sum, p) => sum + num(p, 1), 0);
  const ingestSeconds = complete.reduce((sum, p) => sum + num(p, 8), 0) / 1000;

  const chat = byKind("chat");
  const ratings = byKind("feedback");
  const rateLimited: Record<string, number> = {};
  for (const point of byKind("rate_limit")) rateLimited[text(point, 2)] = (rateLimited[text(point, 2)] ?? 0) + 1;
  const codes = new Map<string, number>();
  for (const point of requests) if (text(point, 6)) codes.set(text(point, 6), (codes.get(text(point, 6)) ?? 0) + 1);
  for (const point of ingestion) if (text(point, 4)) codes.set(`ingestion:${text(point, 4)}`, (codes.get(`ingestion:${text(point, 4)}`) ?? 0) + 1);

  return {
    span_seconds: spanSeconds,
    requests: requests.length,
    requests_per_second: spanSeconds > 0 ? requests.length / spanSeconds : 0,
    error_rate_5xx: ratio(requests.filter((p) => num(p, 1) >= 500).length, requests.length) ?? 0,
    routes: routeFigures,
    ingestion: {
      attempts: ingestion.length,
      complete: complete.length,
      failed: failed.length,
      retried: ingestion.filter((p) => text(p, 3) === "retry").length,
      success_rate: ratio(complete.length, complete.length + failed.length),
      pages_per_second: ingestSeconds > 0 ? pages / ingestSeconds : null,
    },
    chat: {
      turns: chat.length,
      first_token_p95_ms: quantile(chat.map((p) => num(p, 2)).filter((v) => v >= 0), 0.95),
      total_p95_ms: quantile(chat.map((p) => num(p, 3)), 0.95),
      refusal_rate: ratio(chat.filter((p) => text(p, 5) === "yes").length, chat.length),
      fallback_rate: ratio(chat.filter((p) => text(p, 6) === "yes").length, chat.length),
    },
    feedback: {
      ratings: ratings.length,
      average: ratings.length ? ratings.reduce((sum, p) => sum + num(p, 1), 0) / ratings.length : null,
      with_comment: ratings.filter((p) => text(p, 2) === "yes").length,
    },
    rate_limited: rateLimited,
    top_error_codes: [...codes.entries()].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count).slice(0, 10),
  };
}

/** The data points among log lines: JSON objects with `"message":"analytics"`; anything else is skipped. */
export function pointsFromLog(lines: Iterable<string>): LoggedPoint[] {
  const points: LoggedPoint[] = [];
  for (const line of lines) {
    const start = line.indexOf("{");
    if (start < 0 || !line.includes('"analytics"')) continue;
    try {
      const entry = JSON.parse(line.slice(start)) as LoggedPoint & { message?: string };
      if (entry.message === "analytics") points.push(entry);
    } catch {
      // Not a log line of ours (wrangler's own output, a cut line).
    }
  }
  return points;
}
