/**
 * `npm run bench:hostile`: each generated hostile file (bench/lib/hostile-files.ts), and the largest real documents
 * of the dev corpus, uploaded to a local stack, with the Worker's peak memory while it is uploaded and while its job
 * runs, how the job ended, and how /health answered meanwhile. Peak memory is the runtime workerd process's VmHWM,
 * reset (`/proc/PID/clear_refs`) before the upload and again when the upload has answered, so a spike between
 * samples counts and the upload's cost is not taken for the consumer's (the queue delivers a second later); where
 * the reset is not allowed, RSS sampled every 50 ms. By default every file gets a fresh stack, so the heap one file
 * grew cannot hide what the next one costs (--shared: one stack for all, faster). Writes bench/results/
 * hostile-latest.json and a dated copy, and prints a table.
 *
 * The numbers are of the whole local runtime (the Worker, the Durable Objects and the local R2 and queue simulators
 * in one workerd process), so "job's own" (the job's peak above where it started) is what a file costs, and the idle
 * figure is what the local runtime costs doing nothing; a production isolate holds the Worker alone.
 *
 * @example
 *   npm run bench:hostile                                  # the working tree's Worker
 *   npm run bench:hostile -- --only flate-bomb-64mib.pdf   # one file
 *   npm run bench:hostile -- --commit 5277384 --only flate-bomb-64mib.pdf,flate-bomb-256mib.pdf   # a "before"
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "./lib/api.ts";
import { hostileFiles, type HostileFile } from "./lib/hostile-files.ts";
import { IsolateHeap } from "./lib/isolate-heap.ts";
import { launchStack } from "./lib/stack-child.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS_DIR = join(ROOT, "bench", "results");
/** Longest a hostile job may run before it counts as stuck for this benchmark (the parse budget is 120 s). */
const JOB_TIMEOUT_MS = 240_000;
/** /health is polled this often while a job runs; one slower than HEALTH_SLOW_MS counts as a stall. */
const HEALTH_EVERY_MS = 200;
const HEALTH_SLOW_MS = 1_000;
const SAMPLE_MS = 50;

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const only = argument("--only")?.split(",");
const commit = argument("--commit");
const shared = process.argv.includes("--shared");

/** The largest real documents of the dev corpus (when it is there): legitimate files must stay inside 128 MB too. */
const CORPUS = join(ROOT, "..", "shared", "fixtures");
const REAL_DOCUMENTS = [
  ["cms-sample-sbc.pdf", "the 5-page CMS sample SBC: what an ordinary document costs"],
  ["dev-corpus/medicare-eoc-aarp-uhc-ut0008-ppo-2025.pdf", "the 250-page Evidence of Coverage, the largest real document"],
  ["dev-corpus/sbc-anthem-ppo-1500-35.pdf", "a 1 MB Summary of Benefits and Coverage"],
  ["dev-corpus/medicare-sob-regence-rx-classic-ppo-2025.pdf", "a Medicare Summary of Benefits"],
] as const;

function realDocuments(): HostileFile[] {
  return REAL_DOCUMENTS.flatMap(([file, description]) => {
    const path = join(CORPUS, file);
    const name = file.replace(/^.*\//, "");
    if (!existsSync(path)) return [];
    return [{ name, kind: "pdf" as const, description, bytes: () => new Uint8Array(readFileSync(path)), expect: { status: "complete" as const } }];
  });
}

interface FileResult {
  name: string;
  description: string;
  bytes: number;
  expected: string;
  outcome: string;
  asExpected: boolean;
  seconds: number;
  baselineMb: number | null;
  /** Peak while the upload request ran (the request handler, and the local R2 simulator storing the file). */
  uploadPeakMb: number | null;
  /** Resident memory when the upload answered, where the job starts from. */
  jobStartMb: number | null;
  /** Peak from the upload's answer to the job's end: the queue consumer parsing, chunking, embedding, storing. */
  peakMb: number | null;
  /** peakMb above jobStartMb: what the job itself added. */
  deltaMb: number | null;
  /** The Worker isolate's own heap (bench/lib/isolate-heap.ts) when the job started, and its sampled peak during it. */
  isolateHeapStartMb: number | null;
  isolateHeapPeakMb: number | null;
  /** failures: no answer or an error other than 503; degraded: 503, a check of /health's missed its 500 ms deadline or failed. */
  health: {
    polls: number;
    failures: number;
    degraded: number;
    slowest_ms: number;
    stalls: number;
    /** The slowest poll with its controls: the 404 sent with it, this process's timer lateness, the load average. */
    slowest: { ms: number; status: number; control_404_ms: number; timer_late_ms: number; load: number } | null;
  };
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return Math.round(performance.now() - t0);
}

/**
 * How late this process's own 10 ms timer fired, sampled continuously: over a poll's span, the time the machine (or
 * this process) kept the measurement itself waiting.
 */
function timerLateness(): { worstBetween(from: number, to: number): number; stop(): void } {
  const samples: Array<{ at: number; late: number }> = [];
  let expected = performance.now() + 10;
  const timer = setInterval(() => {
    const now = performance.now();
    samples.push({ at: now, late: Math.max(0, now - expected) });
    expected = now + 10;
    if (samples.length > 10_000) samples.splice(0, 5_000);
  }, 10);
  return {
    worstBetween: (from, to) => Math.round(Math.max(0, ...samples.filter((s) => s.at >= from && s.at <= to + 10).map((s) => s.late))),
    stop: () => clearInterval(timer),
  };
}

const kb = (pid: number, field: string): number | null => {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
};
const mib = (bytes: number) => Math.round(bytes / 104857.6) / 10;
const mb = (value: number | null) => (value === null ? null : Math.round(value / 102.4) / 10);

function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

async function run(): Promise<void> {
  const files = [...hostileFiles(), ...realDocuments()].filter((file) => !only || only.includes(file.name));
  const started = Date.now();
  const results: FileResult[] = [];
  const start = () =>
    launchStack({
      freeze: commit ? { commit } : "worktree",
      // The page quota would refuse the 10,000-page file before its parse budget is reached; rate limits, the 20 uploads.
      vars: { EMBEDDING_PROVIDER: "offline", LLM_PROVIDER: "offline", MAX_PAGES_PER_DAY: "1000000", RATE_LIMITS_ENABLED: "false" },
    });
  const groups = shared ? [files] : files.map((file) => [file]);
  for (const group of groups) {
    const stack = await start();
    try {
      const token = await register(stack.url, `hostile-${Date.now()}@example.com`, "correct horse battery staple");
      const workerd = stack.watched.find((w) => w.name === "workerd");
      for (const file of group) {
        results.push(await measure(stack.url, token, file, () => workerd?.pids() ?? [], stack.inspectorPort));
        const last = results.at(-1);
        if (last) {
          console.log(
            `${last.name}: ${last.outcome} in ${last.seconds} s, upload peak ${last.uploadPeakMb} MiB, job peak ${last.peakMb} MiB ` +
              `(+${last.deltaMb} over ${last.jobStartMb}), isolate heap ${last.isolateHeapStartMb} → peak ${last.isolateHeapPeakMb} MiB, ` +
              `/health slowest ${last.health.slowest_ms} ms (${JSON.stringify(last.health.slowest)})`,
          );
        }
      }
    } finally {
      await stack.stop();
    }
  }
  const output = {
    date: new Date().toISOString(),
    commit: commit ?? `${execFileSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"]).toString().trim()}+worktree`,
    seconds: Math.round((Date.now() - started) / 1000),
    stacks: shared ? "one for all files" : "a fresh stack per file",
    loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
    files: results,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = output.date.slice(0, 16).replace(":", "-");
  const suffix = only ? "-partial" : "";
  writeFileSync(join(RESULTS_DIR, `hostile${suffix}-${stamp}.json`), `${JSON.stringify(output, null, 2)}\n`);
  if (!only && !commit) writeFileSync(join(RESULTS_DIR, "hostile-latest.json"), `${JSON.stringify(output, null, 2)}\n`);
  console.log(
    "\n| file | bytes | outcome | time | idle workerd | upload peak | job peak | job's own | isolate heap peak | /health slowest |\n" +
      "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.bytes.toLocaleString("en-US")} | ${r.outcome}${r.asExpected ? "" : " (unexpected)"} | ${r.seconds} s | ` +
        `${r.baselineMb} MiB | ${r.uploadPeakMb} MiB | ${r.peakMb} MiB | ${r.deltaMb} MiB | ${r.isolateHeapPeakMb} MiB | ${r.health.slowest_ms} ms |`,
    );
  }
}

async function measure(url: string, token: string, file: HostileFile, pids: () => number[], inspectorPort: number | null): Promise<FileResult> {
  const heap = await IsolateHeap.connect(inspectorPort);
  let heapStart: number | null = null;
  let heapPeak: number | null = null;
  let jobPhase = false;
  let heapSampling = heap !== null;
  const heapSampler = (async () => {
    while (heapSampling && heap) {
      const reading = await heap.read();
      if (reading && jobPhase) heapPeak = Math.max(heapPeak ?? 0, reading.used);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  const bytes = file.bytes();
  const processes = pids();
  // The runtime is the larger of wrangler's two workerd processes (the other is a small proxy).
  const runtime = processes.reduce<number | null>((best, pid) => ((kb(pid, "VmRSS") ?? 0) > (best === null ? -1 : (kb(best, "VmRSS") ?? 0)) ? pid : best), null);
  const peakReset = runtime !== null && resetPeak(runtime);
  const baseline = runtime === null ? null : kb(runtime, "VmRSS");
  let sampledPeak = baseline ?? 0;
  const sampler = setInterval(() => {
    if (runtime !== null) sampledPeak = Math.max(sampledPeak, kb(runtime, "VmRSS") ?? 0);
  }, SAMPLE_MS);
  const health: FileResult["health"] = { polls: 0, failures: 0, degraded: 0, slowest_ms: 0, stalls: 0, slowest: null };
  let polling = true;
  const lateness = timerLateness();
  const poller = (async () => {
    while (polling) {
      const t0 = performance.now();
      // Beside each /health poll, at the same moment, two controls: a 404 from the Worker (the same isolate, no database, no storage)
      // and this process's own timer. A slow /health with a fast 404 is one of its checks waiting; both slow, the
      // isolate (or the workerd process) was held; a late timer here, the machine stalled this process too.
      const [[status, ms], controlMs] = await Promise.all([
        fetch(`${url}/health`, { signal: AbortSignal.timeout(30_000) }).then(
          async (response) => (await response.body?.cancel(), [response.status, Math.round(performance.now() - t0)] as const),
          () => [0, Math.round(performance.now() - t0)] as const,
        ),
        timed(() => fetch(`${url}/api/no-such-route`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.body?.cancel(), () => undefined)),
      ]);
      const timerLateMs = lateness.worstBetween(t0, performance.now());
      if (status === 503) health.degraded++;
      else if (status !== 200) health.failures++;
      health.polls++;
      if (ms > health.slowest_ms) health.slowest = { ms, status, control_404_ms: controlMs, timer_late_ms: timerLateMs, load: Math.round((loadavg()[0] ?? 0) * 10) / 10 };
      health.slowest_ms = Math.max(health.slowest_ms, ms);
      if (ms > HEALTH_SLOW_MS) health.stalls++;
      await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
    }
  })();

  const t0 = performance.now();
  let outcome = "";
  let uploadPeak: number | null = null;
  let jobStart: number | null = null;
  try {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)]), file.name);
    const response = await fetch(`${url}/api/v2/upload`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
    const body = (await response.json()) as { job_id?: string; code?: string };
    if (runtime !== null) {
      uploadPeak = peakReset ? kb(runtime, "VmHWM") : sampledPeak;
      // From here on the peak is the consumer's: the queue hands the job over a second after the upload answers.
      if (peakReset) resetPeak(runtime);
      jobStart = kb(runtime, "VmRSS");
      sampledPeak = jobStart ?? 0;
    }
    heapStart = (await heap?.read())?.used ?? null;
    jobPhase = true;
    if (!body.job_id) outcome = `upload ${response.status} ${body.code ?? ""}`.trim();
    else outcome = await waitForOutcome(url, token, body.job_id);
  } catch (error) {
    outcome = `error: ${(error as Error).message}`;
  } finally {
    polling = false;
    clearInterval(sampler);
    await poller;
    lateness.stop();
    heapSampling = false;
    await heapSampler;
    heap?.close();
  }
  const peak = runtime === null ? null : peakReset ? (kb(runtime, "VmHWM") ?? sampledPeak) : sampledPeak;
  const expected = file.expect.code ? `failed ${file.expect.code}` : file.expect.status;
  return {
    name: file.name,
    description: file.description,
    bytes: bytes.length,
    expected,
    outcome,
    asExpected: outcome === expected,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    baselineMb: mb(baseline),
    uploadPeakMb: mb(uploadPeak),
    jobStartMb: mb(jobStart),
    peakMb: mb(peak),
    deltaMb: peak === null || jobStart === null ? null : mb(peak - jobStart),
    isolateHeapStartMb: heapStart === null ? null : mib(heapStart),
    isolateHeapPeakMb: heapPeak === null ? null : mib(heapPeak),
    health,
  };
}

async function waitForOutcome(url: string, token: string, jobId: string): Promise<string> {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/v2/jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } });
      if (response.ok) {
        const job = (await response.json()) as { status: string; error: { code: string } | null };
        if (job.status === "complete") return "complete";
        if (job.status === "failed") return `failed ${job.error?.code ?? "?"}`;
      } else {
        await response.body?.cancel();
      }
    } catch {
      // The Worker may be busy or restarting; the deadline decides.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return `still running after ${JOB_TIMEOUT_MS / 1000} s`;
}

await run();
