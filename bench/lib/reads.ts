/**
 * `npm run bench -- --reads`: the one-request reads and search, short enough to run for several commits back to back
 * (about two minutes each here). A few users with one plan document each, then `GET /api/v2/documents`,
 * `GET /api/v2/jobs/{id}` and `POST /api/v2/search` (offline embedder and answerer) at 1 and 100 connections, with
 * the database round trips, the SQL endpoint's connection wait and the CPU of each process per request. Beside them,
 * `GET /nope` (a 404 that touches no database: the runtime's own floor) and `POST /chat` (a turn with the offline
 * answerer, read to the end of its stream).
 * `BENCH_REF=<commit>` measures that commit's Worker on today's stack (a before/after); default HEAD.
 */
import type { Request } from "autocannon";
import { register, upload, waitForJob } from "./api.ts";
import { planText, QUESTIONS } from "./corpus.ts";
import { runLoad } from "./load.ts";
import { watch } from "./proc.ts";
import { launchStack } from "./stack-child.ts";
import { round } from "./stats.ts";

/** Users (each a document): enough that requests rotate over several members' rows, few enough to set up in seconds. */
const USERS = 20;
/** Sections per plan document (~25 passages): a short Summary of Benefits and Coverage. */
const SECTIONS = 12;
const LEVELS = [1, 100];
const SECONDS = 10;
/** The control API answers in a millisecond; an overloaded stack is given a few seconds before its row goes without. */
const STATS_TIMEOUT_MS = 5_000;

export interface ReadsRow {
  request: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** Database round trips per request (WebSocket flights and HTTP requests the Worker made). */
  roundTrips: number | null;
  /** The SQL endpoint's wait for a connection, per request, ms. */
  sqlAcquireMs: number | null;
  cpuMsPerRequest: Record<string, number>;
  loadAverage: number;
}

interface DbStats {
  round_trips: number;
  sql?: { served: number; acquire_ms: number };
}

export async function measureReads(ref: string | undefined, vars: Record<string, string>, log: (message: string) => void, loadAverage: () => number): Promise<ReadsRow[]> {
  // The SQL endpoint's pool open from the start (PostgreSQL): the first 100-connection phase measures reads, not the
  // nine logins it used to open (BENCHMARKS.md, "Issue 10, session 17").
  const stack = await launchStack({ freeze: "head", freezeRef: ref, vars, openPool: true });
  try {
    const users: Array<{ token: string; jobId: string }> = [];
    for (let u = 0; u < USERS; u++) {
      const token = await register(stack.url, `reads-${Date.now()}-${u}@example.com`, "bench-password-123");
      const sent = await upload(stack.url, token, `plan-${u}.txt`, new TextEncoder().encode(planText(2000 + u, SECTIONS)), "text/plain");
      const job = await waitForJob(stack.url, token, sent.jobId, sent.started, sent.uploadMs);
      if (job.status !== "complete") throw new Error(`bench: a reads document ended ${job.status}: ${job.error}`);
      users.push({ token, jobId: sent.jobId });
    }
    const user = (index: number) => users[index % users.length] ?? { token: "", jobId: "" };
    const requests: Array<[string, (index: number) => Request]> = [
      ["GET /api/v2/documents", (i) => ({ method: "GET", path: "/api/v2/documents", headers: { authorization: `Bearer ${user(i).token}` } })],
      ["GET /api/v2/jobs/{id}", (i) => ({ method: "GET", path: `/api/v2/jobs/${user(i).jobId}`, headers: { authorization: `Bearer ${user(i).token}` } })],
      [
        "POST /api/v2/search",
        (i) => ({
          method: "POST",
          path: "/api/v2/search",
          headers: { authorization: `Bearer ${user(i).token}`, "content-type": "application/json" },
          body: JSON.stringify({ query: QUESTIONS[Math.floor(i / users.length) % QUESTIONS.length] }),
        }),
      ],
      [
        "POST /chat (offline)",
        (i) => ({
          method: "POST",
          path: "/chat",
          headers: { authorization: `Bearer ${user(i).token}`, "content-type": "application/json", accept: "text/event-stream" },
          body: JSON.stringify({ message: QUESTIONS[Math.floor(i / users.length) % QUESTIONS.length] }),
        }),
      ],
      // Last: 100 connections of 404s brought wrangler dev down in two of three runs here, and the rows after it with it.
      ["GET /nope (404)", () => ({ method: "GET", path: "/nope" })],
    ];
    // Null when the control API does not answer in time (an overloaded stack): the row then has no round trips.
    const stats = async (): Promise<DbStats | null> => {
      if (!stack.databaseControl) return null;
      try {
        return (await (await fetch(`${stack.databaseControl}/__stats?reset=1`, { signal: AbortSignal.timeout(STATS_TIMEOUT_MS) })).json()) as DbStats;
      } catch {
        return null;
      }
    };
    const rows: ReadsRow[] = [];
    for (const [name, next] of requests) {
      // A few sequential requests first: the first call of a route compiles its code.
      await runLoad({ url: stack.url, connections: 1, seconds: 1, next });
      for (const connections of LEVELS) {
        const before = await stats();
        const usage = watch(stack.watched, { memory: false });
        const result = await runLoad({ url: stack.url, connections, seconds: SECONDS, next });
        const cpu = usage.stop();
        const after = await stats();
        const answered = Math.max(1, result.requests);
        const row: ReadsRow = {
          request: name,
          connections,
          requestsPerSecond: result.requestsPerSecond,
          p50Ms: round(result.latencyMs.p50, 1),
          p99Ms: round(result.latencyMs.p99, 1),
          errors: result.errors,
          roundTrips: before && after ? round((after.round_trips - before.round_trips) / answered, 2) : null,
          sqlAcquireMs: after?.sql ? round(after.sql.acquire_ms / Math.max(1, after.sql.served), 1) : null,
          cpuMsPerRequest: Object.fromEntries(cpu.filter((u) => u.cpuSeconds > 0).map((u) => [u.name, round((u.cpuSeconds * 1000) / answered, 1)])),
          loadAverage: loadAverage(),
        };
        log(`${ref ?? "HEAD"} ${name} ×${connections}: ${JSON.stringify(row)}`);
        rows.push(row);
      }
    }
    return rows;
  } finally {
    await stack.stop();
  }
}

export function readsTable(label: string, rows: ReadsRow[]): string {
  const lines = [
    `| worker | request | connections | req/s | p50 | p99 | errors | DB round trips per request | CPU ms per request | load average |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const cpu = Object.entries(r.cpuMsPerRequest).map(([name, ms]) => `${name} ${ms}`).join(", ");
    lines.push(`| ${label} | ${r.request} | ${r.connections} | ${r.requestsPerSecond} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.errors} | ${r.roundTrips ?? "–"} | ${cpu} | ${r.loadAverage} |`);
  }
  return lines.join("\n");
}
