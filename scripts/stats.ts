/**
 * `npm run stats [LOG_FILE…]`: the dashboard's figures (docs/observability.md) for a local run, from the data points
 * the Worker logs outside production (`"message":"analytics"` lines). Reads the files named, or standard input.
 *
 * @example
 *   npm start 2>&1 | tee .data/worker.log        # in one terminal; use the app, the API, or npm run eval
 *   npm run stats -- .data/worker.log            # in another
 *   npm run eval -- --log eval.log && npm run stats -- eval.log
 *   npm run stats -- --json .data/worker.log     # the figures as JSON
 */
import { readFileSync } from "node:fs";
import { computeFigures, pointsFromLog } from "./lib/analytics-stats.ts";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const files = args.filter((arg) => arg !== "--json");
const input = files.length > 0 ? files.map((file) => readFileSync(file, "utf8")).join("\n") : readFileSync(0, "utf8");
const points = pointsFromLog(input.split("\n"));
if (points.length === 0) {
  console.error("stats: no data points found (the Worker writes them as log lines outside production; see docs/observability.md)");
  process.exit(1);
}
const figures = computeFigures(points);
if (asJson) {
  console.log(JSON.stringify(figures, null, 2));
  process.exit(0);
}

const fmt = (value: number | null, digits = 0) => (value === null ? "–" : value.toFixed(digits));
const pct = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)}%`);
const table = (head: string[], rows: string[][]) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
};

console.log(`\n${points.length} data points over ${fmt(figures.span_seconds, 1)} s: ${figures.requests} requests (${fmt(figures.requests_per_second, 1)}/s), 5xx rate ${pct(figures.error_rate_5xx)}\n`);
console.log(table(["route", "requests", "p50 ms", "p95 ms", "5xx", "4xx"], figures.routes.map((r) => [r.route, String(r.requests), fmt(r.p50_ms), fmt(r.p95_ms), String(r.errors_5xx), String(r.errors_4xx)])));
const i = figures.ingestion;
console.log(`\ningestion: ${i.complete} complete, ${i.failed} failed, ${i.retried} retried; success ${pct(i.success_rate)}; ${fmt(i.pages_per_second, 1)} pages/s`);
const c = figures.chat;
console.log(`chat: ${c.turns} turns; first token p95 ${fmt(c.first_token_p95_ms)} ms; total p95 ${fmt(c.total_p95_ms)} ms; refused ${pct(c.refusal_rate)}; fallback ${pct(c.fallback_rate)}`);
console.log(`feedback: ${figures.feedback.ratings} ratings, average ${fmt(figures.feedback.average, 2)} (target ≥ 4.5), ${figures.feedback.with_comment} with a comment`);
console.log(`rate limited: ${Object.entries(figures.rate_limited).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`);
console.log(`top error codes: ${figures.top_error_codes.map((e) => `${e.code} ${e.count}`).join(", ") || "none"}\n`);
