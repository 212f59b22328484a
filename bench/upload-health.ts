/**
 * `/health` while a 20 MB upload is in flight, measured closely (the hostile benchmark's slowest poll, BENCHMARKS.md):
 * one stack, several uploads of the 20 MB text file one after another (each a little different, so none is a
 * duplicate), `/health` polled every 50 ms from this process while `curl`, a separate process, sends the upload (so
 * building and sending 20 MB never delays a poll here). Each run prints the polls that overlapped the upload: count,
 * slowest, p95, and the slowest answer of a route that touches neither database nor storage (a 404), polled beside it:
 * both slow, the isolate (or the workerd process) was held; /health alone slow, one of its checks waited. (A V8 CPU
 * profile through wrangler's inspector was tried and dropped: its samples have gaps of 100 ms while the process runs
 * another isolate, such as the local R2 simulator, and it charges them to whatever ran next.)
 *
 * @example
 *   node bench/upload-health.ts --runs 6
 *   node bench/upload-health.ts --runs 6 --commit df370e8     # a "before"
 *   node bench/upload-health.ts --runs 6 --client node        # the upload from this process, as bench:hostile sends it
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { register } from "./lib/api.ts";
import { hostileFiles } from "./lib/hostile-files.ts";
import { launchStack } from "./lib/stack-child.ts";
import { percentile } from "./lib/stats.ts";

const HEALTH_EVERY_MS = 50;
/** Between runs: the previous job (refused from its recorded size) has ended and the stack is idle again. */
const SETTLE_MS = 3_000;

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const runs = Number(argument("--runs") ?? 5);
const commit = argument("--commit");
const client = argument("--client") ?? "curl";
const fileName = argument("--file") ?? "too-much-text.txt";

interface Poll {
  start: number;
  end: number;
  status: number;
}

const file = hostileFiles().find((f) => f.name === fileName);
if (!file) throw new Error(`no hostile file named ${fileName}`);
const original = file.bytes();
const dir = mkdtempSync(join(tmpdir(), "upload-health-"));

async function main(): Promise<void> {
  const stack = await launchStack({
    freeze: commit ? { commit } : "worktree",
    logFile: process.env.BENCH_STACK_LOG,
    vars: { EMBEDDING_PROVIDER: "offline", LLM_PROVIDER: "offline", MAX_PAGES_PER_DAY: "1000000", RATE_LIMITS_ENABLED: "false" },
  });
  const summary: Array<Record<string, unknown>> = [];
  const pooled: number[] = [];
  try {
    const token = await register(stack.url, `upload-health-${Date.now()}@example.com`, "correct horse battery staple");
    for (let run = 0; run < runs; run++) {
      // A different first byte each run: the same bytes twice would be a duplicate, answered without storing.
      const bytes = original.slice();
      bytes[0] = 0x41 + (run % 26);
      const path = join(dir, `upload-${run}.txt`);
      writeFileSync(path, bytes);

      const polls: Poll[] = [];
      const plain: Poll[] = [];
      let polling = true;
      const poll = async (route: string, into: Poll[]) => {
        while (polling) {
          const start = performance.now();
          const response = await fetch(`${stack.url}${route}`, { signal: AbortSignal.timeout(30_000) }).catch(() => null);
          await response?.body?.cancel();
          into.push({ start, end: performance.now(), status: response?.status ?? 0 });
          await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
        }
      };
      // Beside /health, a route that touches neither the database nor storage (a 404): both slow, the isolate or the
      // process is held; /health alone slow, one of its checks waits.
      const poller = Promise.all([poll("/health", polls), poll("/no-such-route", plain)]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const uploadStart = performance.now();
      const { status, body } = client === "node" ? await uploadFromHere(stack.url, token, bytes, fileName) : await uploadWithCurl(stack.url, token, path, fileName);
      const uploadEnd = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 500));
      polling = false;
      await poller;

      const during = polls.filter((p) => p.end >= uploadStart && p.start <= uploadEnd).map((p) => p.end - p.start);
      const sorted = [...during].sort((a, b) => a - b);
      pooled.push(...during);
      const line = {
        run,
        upload_status: status,
        upload_ms: Math.round(uploadEnd - uploadStart),
        polls: during.length,
        slowest_ms: Math.round(sorted.at(-1) ?? 0),
        p95_ms: Math.round(percentile(sorted, 95)),
        median_ms: Math.round(percentile(sorted, 50)),
        non_200: polls.filter((p) => p.status !== 200).length,
        plain_slowest_ms: Math.round(Math.max(0, ...plain.filter((p) => p.end >= uploadStart && p.start <= uploadEnd).map((p) => p.end - p.start))),
        load: loadavg()[0]?.toFixed(1),
      };
      summary.push(line);
      console.log(JSON.stringify(line));
      const jobId = (JSON.parse(body || "{}") as { job_id?: string }).job_id;
      if (jobId) await waitForJob(stack.url, token, jobId);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    }
  } finally {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const all = summary.map((s) => s.slowest_ms as number);
  const p95s = summary.map((s) => s.p95_ms as number);
  console.log(`slowest per run: ${all.join(", ")} ms; p95 per run: ${p95s.join(", ")} ms; load average now ${loadavg().map((n) => n.toFixed(1)).join(" ")}`);
  const everyPoll = [...pooled].sort((a, b) => a - b);
  // A run has 15-25 polls, so its own p95 is its slowest or next; over all runs p95 means something.
  console.log(`all runs: ${everyPoll.length} polls during uploads, median ${Math.round(percentile(everyPoll, 50))} ms, p95 ${Math.round(percentile(everyPoll, 95))} ms, slowest ${Math.round(everyPoll.at(-1) ?? 0)} ms`);
}

function uploadWithCurl(url: string, token: string, path: string, name: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const args = ["-s", "-w", "\n%{http_code}", "-H", `authorization: Bearer ${token}`, "-F", `file=@${path};filename=${name}`, `${url}/api/v2/upload`];
    const child = spawn("curl", args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.once("error", reject);
    child.once("exit", () => {
      const at = out.lastIndexOf("\n");
      resolve({ status: Number(out.slice(at + 1)), body: out.slice(0, at) });
    });
  });
}

async function uploadFromHere(url: string, token: string, bytes: Uint8Array, name: string): Promise<{ status: number; body: string }> {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)]), name);
  const response = await fetch(`${url}/api/v2/upload`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: await response.text() };
}

async function waitForJob(url: string, token: string, jobId: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const response = await fetch(`${url}/api/v2/jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } });
    const job = (await response.json()) as { status?: string };
    if (job.status === "complete" || job.status === "failed") return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

await main();
