/**
 * The latency model (`npm run bench -- --latency`): production has distance, this machine has none, so the distance
 * is emulated where it would be. Each database round trip is held at the local database endpoint (0, 5 and 20 ms:
 * same region, and a Worker a country away from its database), each embedding call at the OpenAI stand-in (150 ms),
 * and the model's first token at the chat stand-in (400 ms). The database endpoint also counts round trips (a
 * WebSocket flight, or an HTTP request). Two Workers are measured on the same data and stack: the commit before
 * issue 10 ("before") and this one ("after").
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { register, search, uploadAndWait } from "./api.ts";
import { runLoad, type LoadResult } from "./load.ts";
import { QUESTIONS } from "./corpus.ts";
import { chatTurn } from "./sse.ts";
import { watch } from "./proc.ts";
import { launchStack, type RunningStack } from "./stack-child.ts";
import { round, summarize } from "./stats.ts";

/** BENCH_LATENCY_MS (e.g. "20") measures fewer round-trip times, to spend a run's minutes on more samples of one. */
export const ROUND_TRIP_MS = process.env.BENCH_LATENCY_MS ? process.env.BENCH_LATENCY_MS.split(",").map(Number) : [0, 5, 20];
/** text-embedding-3-small from a Worker: ~150 ms per call (the figure). */
export const EMBEDDING_MS = 150;
/** Searches and chat turns per configuration: enough for a stable median on a loaded machine, few enough to finish. */
const SEARCHES = 20;
/** BENCH_LATENCY_TURNS: more chat turns per row, where a median of 10 cannot show a 20 ms step on a loaded machine. */
const TURNS = Number(process.env.BENCH_LATENCY_TURNS) || 10;
/** The concurrency: 100 connections searching at once for 10 s, at no emulated distance. */
const BURST = { connections: 100, seconds: 10 };

const SBC_PATH = fileURLToPath(new URL("../../../shared/fixtures/cms-sample-sbc.pdf", import.meta.url));

export interface BurstRow {
  worker: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  statusCodes: Record<string, number>;
  /** Embedding calls in flight at the stand-in at once, at most; and the SQL endpoint's requests, at most. */
  maxEmbeddingsInFlight: number | null;
  maxSqlInFlight: number | null;
  /** The SQL endpoint's time waiting for a pooled connection (PGlite: its one backend), per request, ms. */
  sqlAcquireMsPerRequest: number | null;
  /** CPU per answered search, by process (workerd, the database, the load generator with the stand-in), ms. */
  cpuMsPerSearch: Record<string, number>;
}

export interface LatencyRow {
  worker: string;
  roundTripMs: number;
  searchP50Ms: number;
  searchRoundTrips: number;
  chatFirstTokenP50Ms: number;
  chatRoundTrips: number;
  /**
   * The first token of a question asked before by the same member, in a new conversation: its query embedding comes
   * from the cache, so the first token waits for retrieval and the model only. Absent in results written before it.
   */
  chatRepeatedFirstTokenP50Ms?: number;
  /** The same question again (the query embedding cache's case). */
  repeatedSearchP50Ms: number;
}

interface Stats {
  round_trips: number;
  sql?: { max_in_flight: number; served: number; acquire_ms: number };
}

async function roundTrips(control: string): Promise<number> {
  return ((await (await fetch(`${control}/__stats`)).json()) as Stats).round_trips;
}

async function setDistance(control: string, ms: number): Promise<void> {
  const response = await fetch(`${control}/__latency?ms=${ms}`, { method: "POST" });
  if (!response.ok) throw new Error(`latency model: the database endpoint answered ${response.status}`);
}

/** Measures one Worker (`ref`: a commit, or undefined for HEAD) at each round-trip time. */
export async function measureWorker(
  label: string,
  ref: string | undefined,
  openaiUrl: string,
  vars: Record<string, string>,
  log: (message: string) => void,
): Promise<{ rows: LatencyRow[]; burst: BurstRow }> {
  const stack: RunningStack = await launchStack({
    freeze: "head",
    freezeRef: ref,
    vars: { ...vars, LLM_PROVIDER: "openai", EMBEDDING_PROVIDER: "openai", OPENAI_API_KEY: "sk-bench-local", OPENAI_BASE_URL: openaiUrl },
    openPool: true,
  });
  try {
    const control = stack.databaseControl;
    if (!control) throw new Error("latency model: needs a local database (not Neon)");
    const token = await register(stack.url, `latency-${label}-${Date.now()}@example.com`, "correct horse battery staple");
    const bytes = new Uint8Array(readFileSync(SBC_PATH));
    const job = await uploadAndWait(stack.url, token, "cms-sample-sbc.pdf", bytes, "application/pdf");
    if (job.status !== "complete") throw new Error(`latency model: the sample SBC ended ${job.status}`);
    const rows: LatencyRow[] = [];
    let sample = 0;
    // A question no earlier sample asked: the embedding is computed (and paid for) every time.
    const fresh = () => `${QUESTIONS[sample % QUESTIONS.length]} (${label} ${sample++})`;
    for (const ms of ROUND_TRIP_MS) {
      await setDistance(control, ms);
      await search(stack.url, token, fresh());
      const searchMs: number[] = [];
      let before = await roundTrips(control);
      for (let i = 0; i < SEARCHES; i++) {
        const started = performance.now();
        await search(stack.url, token, fresh());
        searchMs.push(performance.now() - started);
      }
      const searchTrips = (await roundTrips(control)) - before;

      const repeated = `${QUESTIONS[0]} (${label} repeated ${ms})`;
      await search(stack.url, token, repeated);
      const repeatedMs: number[] = [];
      for (let i = 0; i < SEARCHES; i++) {
        const started = performance.now();
        await search(stack.url, token, repeated);
        repeatedMs.push(performance.now() - started);
      }

      const firstToken: number[] = [];
      before = await roundTrips(control);
      for (let i = 0; i < TURNS; i++) {
        const turn = await chatTurn(stack.url, token, fresh());
        if (turn.firstDeltaMs !== null) firstToken.push(turn.firstDeltaMs);
      }
      const chatTrips = (await roundTrips(control)) - before;

      // The same question in a new conversation each time (no history, so no rewrite): the embedding cache's case.
      const askedAgain = `${QUESTIONS[1]} (${label} asked again ${ms})`;
      await chatTurn(stack.url, token, askedAgain);
      const repeatedFirstToken: number[] = [];
      for (let i = 0; i < TURNS; i++) {
        const turn = await chatTurn(stack.url, token, askedAgain);
        if (turn.firstDeltaMs !== null) repeatedFirstToken.push(turn.firstDeltaMs);
      }
      const row: LatencyRow = {
        worker: label,
        roundTripMs: ms,
        searchP50Ms: round(summarize(searchMs).p50),
        searchRoundTrips: round(searchTrips / SEARCHES, 1),
        chatFirstTokenP50Ms: round(summarize(firstToken).p50),
        chatRoundTrips: round(chatTrips / TURNS, 1),
        chatRepeatedFirstTokenP50Ms: round(summarize(repeatedFirstToken).p50),
        repeatedSearchP50Ms: round(summarize(repeatedMs).p50),
      };
      log(`${label} at ${ms} ms per round trip: ${JSON.stringify(row)}`);
      rows.push(row);
    }
    await setDistance(control, 0);
    const embeddingStats = `${new URL(openaiUrl).origin}/__control/stats`;
    await fetch(`${control}/__stats?reset=1`);
    await fetch(`${embeddingStats}?reset=1`);
    const usage = watch(stack.watched, { memory: false });
    // Every request a new question, so both Workers pay for the embedding and only the database path differs.
    const load: LoadResult = await runLoad({
      url: stack.url,
      ...BURST,
      next: (index) => ({
        method: "POST",
        path: "/api/v2/search",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ query: `${QUESTIONS[index % QUESTIONS.length]} (${label} burst ${index})` }),
      }),
    });
    const cpu = usage.stop();
    const sqlStats = ((await (await fetch(`${control}/__stats`)).json()) as Stats).sql;
    const embeddings = (await (await fetch(embeddingStats)).json()) as { max_in_flight: number };
    const answered = Math.max(1, load.requests - load.errors);
    const burst: BurstRow = {
      worker: label,
      requestsPerSecond: load.requestsPerSecond,
      p50Ms: round(load.latencyMs.p50),
      p99Ms: round(load.latencyMs.p99),
      errors: load.errors,
      statusCodes: load.statusCodes,
      maxEmbeddingsInFlight: embeddings.max_in_flight,
      maxSqlInFlight: sqlStats?.max_in_flight ?? null,
      sqlAcquireMsPerRequest: sqlStats ? round(sqlStats.acquire_ms / Math.max(1, sqlStats.served), 1) : null,
      cpuMsPerSearch: Object.fromEntries(cpu.map((u) => [u.name, round((u.cpuSeconds * 1000) / answered, 1)])),
    };
    log(`${label}, search ×${BURST.connections}: ${JSON.stringify(burst)}`);
    return { rows, burst };
  } finally {
    await stack.stop();
  }
}

export function burstTable(rows: BurstRow[]): string {
  const lines = [
    `| worker | search ×${BURST.connections} for ${BURST.seconds} s | p50 | p99 | errors | statuses | embedding calls in flight, max | SQL requests in flight, max | SQL wait for a connection per request | CPU ms per search |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const cpu = Object.entries(r.cpuMsPerSearch).map(([name, ms]) => `${name} ${ms}`).join(", ");
    lines.push(`| ${r.worker} | ${r.requestsPerSecond} req/s | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.errors} | ${JSON.stringify(r.statusCodes)} | ${r.maxEmbeddingsInFlight ?? "–"} | ${r.maxSqlInFlight ?? "–"} | ${r.sqlAcquireMsPerRequest ?? "–"} ms | ${cpu} |`);
  }
  return lines.join("\n");
}

export function latencyTable(rows: LatencyRow[]): string {
  const lines = [
    "| worker | DB round trip | search p50 (new question) | search p50 (repeated) | DB round trips per search | chat first token p50 (new question) | chat first token p50 (repeated) | DB round trips per chat turn |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    lines.push(`| ${r.worker} | ${r.roundTripMs} ms | ${r.searchP50Ms} ms | ${r.repeatedSearchP50Ms} ms | ${r.searchRoundTrips} | ${r.chatFirstTokenP50Ms} ms | ${r.chatRepeatedFirstTokenP50Ms ?? "–"} ms | ${r.chatRoundTrips} |`);
  }
  return lines.join("\n");
}
