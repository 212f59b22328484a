/** The benchmark's results: their shape, the machine they were measured on, the JSON files and the printed table. */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, release, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { JobResult } from "./api.ts";
import type { LoadResult } from "./load.ts";
import type { PhaseUsage } from "./proc.ts";
import type { ChatLoadResult } from "./sse.ts";
import type { Summary } from "./stats.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RESULTS_DIR = join(ROOT, "bench", "results");

type Ingested = JobResult & { file: string; bytes: number; pagesPerSecond: number | null; waitMs: number };
type ChatRun = { provider: string; levels: Array<ChatLoadResult & { usage: PhaseUsage[] }>; throughput: LoadResult };

export interface Results {
  /** "pglite" (the default stack), "postgresql" (DATABASE_URL) or "external" (BENCH_URL): part of the file name. */
  variant: "pglite" | "postgresql" | "external";
  date: string;
  commit: string;
  smoke: boolean;
  seconds: number;
  /** 1, 5 and 15-minute load averages when the run started and ended (2 cores: above 2 means waiting for CPU). */
  loadAverage: { start: number[]; end: number[] };
  machine: ReturnType<typeof machine>;
  configuration: Record<string, unknown>;
  ingestion: { sbc: Ingested[]; large: Ingested & { usage: PhaseUsage[] } };
  corpus: { users: number; documents: number; chunks: number; setupSeconds: number; documentUploadToCompleteMs: Summary };
  retrieval: {
    idle: { clientMs: Summary; embedMs: Summary; queryMs: Summary; searchesWithResults: number; searches: number };
    levels: Array<LoadResult & { usage: PhaseUsage[] }>;
  };
  chatOffline: ChatRun;
  chatModel?: ChatRun;
  sustained: LoadResult & { mix: string; usage: PhaseUsage[] };
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    workerd: packageVersion("workerd"),
    wrangler: packageVersion("wrangler"),
    pglite: packageVersion("@electric-sql/pglite"),
  };
}

function commit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/**
 * Writes latest.json and a copy named by the UTC minute (2026-11-22T03-40.json); returns the paths, relative. Runs
 * against PostgreSQL or BENCH_URL add their variant (latest-postgresql.json), runs on Miniflare `-miniflare`. A smoke run writes smoke-latest.json
 * only (git-ignored): its toy numbers must never replace real ones.
 */
export function writeResults(results: Results): string[] {
  results.commit = commit();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = results.date.slice(0, 16).replace(":", "-");
  const text = `${JSON.stringify(results, null, 2)}\n`;
  const runtime = results.configuration.runtime === "miniflare" ? "-miniflare" : "";
  const suffix = `${results.variant === "pglite" ? "" : `-${results.variant}`}${runtime}`;
  const names = results.smoke ? [`smoke-latest${suffix}.json`] : [`latest${suffix}.json`, `${stamp}${suffix}.json`];
  for (const name of names) writeFileSync(join(RESULTS_DIR, name), text);
  return names.map((name) => join("bench", "results", name));
}

const ms = (value: number) => (Number.isNaN(value) ? "-" : value >= 10_000 ? `${round1(value / 1000)} s` : `${Math.round(value)} ms`);
const round1 = (value: number) => Math.round(value * 10) / 10;
const triple = (s: Summary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}`;

function usageLine(used: PhaseUsage[]): string {
  return used.map((u) => `${u.name} ${u.cores} cores${u.maxMemoryMb !== null ? ` ${Math.round(u.maxMemoryMb)} MiB` : ""}`).join("; ");
}

export function printReport(r: Results): void {
  const rows: string[][] = [["measure", "result", "target"]];
  const sbc = r.ingestion.sbc;
  const sbcBest = [...sbc].sort((a, b) => a.uploadToCompleteMs - b.uploadToCompleteMs)[Math.floor(sbc.length / 2)];
  if (sbcBest) {
    rows.push([`SBC PDF (${sbcBest.pagesTotal} pages) upload request`, ms(sbcBest.uploadMs), "< 30 s"]);
    rows.push([
      "SBC upload-to-complete (median)",
      `${ms(sbcBest.uploadToCompleteMs)} (${sbcBest.pagesPerSecond} pages/s; parse ${sbcBest.timings?.parse_ms} / embed ${sbcBest.timings?.embed_ms} / store ${sbcBest.timings?.store_ms} ms)`,
      "< 60 s",
    ]);
  }
  const large = r.ingestion.large;
  rows.push([`${large.pagesTotal}-page PDF (${round1(large.bytes / 1e6)} MB) upload request`, ms(large.uploadMs), "< 30 s"]);
  rows.push([
    `${large.pagesTotal}-page PDF upload-to-complete`,
    `${ms(large.uploadToCompleteMs)} (${large.pagesPerSecond} pages/s; queue ${ms(large.waitMs)} / parse ${ms(large.timings?.parse_ms ?? NaN)} / chunk ${ms(large.timings?.chunk_ms ?? NaN)} / embed ${ms(large.timings?.embed_ms ?? NaN)} / store ${ms(large.timings?.store_ms ?? NaN)})`,
    "< 60 s",
  ]);
  if (large.failedPolls) rows.push(["  job status polls answered 5xx meanwhile", String(large.failedPolls), "0"]);
  for (const level of r.retrieval.levels) {
    rows.push([`search ×${level.connections} p50/p95/p99`, `${triple(level.latencyMs)}, ${level.requestsPerSecond} req/s, ${level.errors} errors`, "< 3 s"]);
  }
  for (const run of [r.chatOffline, r.chatModel]) {
    if (!run) continue;
    for (const level of run.levels) {
      rows.push([
        `chat (${run.provider}) ×${level.concurrency} first delta p50/p95/p99`,
        `${triple(level.firstDeltaMs)} (first byte p50 ${ms(level.firstByteMs.p50)})`,
        "",
      ]);
      rows.push([
        `chat (${run.provider}) ×${level.concurrency} total mean, p50/p95/p99`,
        `${ms(level.totalMs.mean)}, ${triple(level.totalMs)}; ${level.turnsPerSecond} turns/s, ${level.errors} errors`,
        "mean < 3 s, p95 < 5 s",
      ]);
    }
    rows.push([`chat (${run.provider}) ×${run.throughput.connections} autocannon`, `${run.throughput.requestsPerSecond} turns/s, ${run.throughput.errors} errors`, ""]);
  }
  const s = r.sustained;
  rows.push([
    `sustained ${s.seconds} s ×${s.connections} (search)`,
    `${s.requestsPerSecond} req/s, error rate ${s.errorRate} ${JSON.stringify(s.statusCodes)}, p50/p99 ${ms(s.latencyMs.p50)} / ${ms(s.latencyMs.p99)}`,
    "50 req/s, 200 peak",
  ]);
  for (const u of s.usage) {
    rows.push([`  ${u.name}`, `${u.cores} cores; max ${u.maxMemoryMb ?? "-"} MiB during; VmHWM ${u.lifetimePeakRssMb ?? "-"} MiB`, ""]);
  }

  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length))) ?? [];
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log("");
  console.log(`Insurance Navigator benchmark${r.smoke ? " (SMOKE: toy sizes, numbers mean nothing)" : ""} — ${r.date}`);
  console.log(`${r.machine.cores} × ${r.machine.cpu}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, workerd ${r.machine.workerd}`);
  console.log(`database: ${String(r.configuration.database)}`);
  console.log(`load average at start ${r.loadAverage.start.join(" ")}, at end ${r.loadAverage.end.join(" ")}`);
  console.log(
    `corpus: ${r.corpus.users} users, ${r.corpus.documents} documents, ${r.corpus.chunks} chunks (+ the ingestion documents), set up in ${r.corpus.setupSeconds} s`,
  );
  console.log("");
  for (const row of rows) console.log(line(row));
  console.log("");
  console.log(`CPU during search ×${r.retrieval.levels.at(-1)?.connections}: ${usageLine(r.retrieval.levels.at(-1)?.usage ?? [])}`);
  console.log(`CPU during the large PDF: ${usageLine(large.usage)}`);
}
