/**
 * Where the time of an eval-style ingestion goes: the dev corpus's PDFs, each uploaded by a fresh member, two at a
 * time (as eval/runner.ts runs them) or all at once (--lanes 13), against a stack started like the eval's. For each
 * document it records, from this side: registration (with every 429 and the wait it asked for), the upload request,
 * and the job read every 250 ms (each status change with its time and `attempts`); from the job itself: its attempt's
 * `timings_ms.total_ms`. So a document's time splits into registering, uploading, waiting in the queue (answered →
 * first seen `parsing`), and working. Prints a line per document and writes nothing; the stack's log (ids, codes and timings
 * only) goes to BENCH_STACK_LOG when set.
 *
 * @example
 *   node bench/ingest-timeline.ts                  # the 13 PDFs, two at a time, registration limit on (as npm run eval had it)
 *   node bench/ingest-timeline.ts --lanes 13 --var RATE_LIMITS_ENABLED=false   # all at once
 *   node bench/ingest-timeline.ts --var RATE_LIMITS_ENABLED=false
 */
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startStack } from "../scripts/lib/stack.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CORPUS = join(ROOT, "..", "shared", "fixtures", "dev-corpus");
const POLL_MS = 250;
const PASSWORD = "correct horse battery staple";

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const lanes = Number(argument("--lanes") ?? 2);
const vars: Record<string, string> = { CHAT_RATE_LIMIT_PER_MINUTE: "10000" };
for (let at = process.argv.indexOf("--var"); at >= 0; at = process.argv.indexOf("--var", at + 1)) {
  const [name, value] = (process.argv[at + 1] ?? "").split("=");
  if (name && value !== undefined) vars[name] = value;
}

interface Timeline {
  name: string;
  registerMs: number;
  registerRefusals: number;
  uploadMs: number;
  /** Client times (ms since the document started) at which each status was first seen, with the job's attempts. */
  seen: Array<{ at: number; status: string; attempts: number }>;
  attemptMs: number | null;
  totalMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runDocument(url: string, name: string, bytes: Uint8Array): Promise<Timeline> {
  const t0 = Date.now();
  let registerRefusals = 0;
  let token = "";
  for (;;) {
    const response = await fetch(`${url}/api/v2/auth/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: `timeline-${crypto.randomUUID()}@example.com`, password: PASSWORD }),
    });
    if (response.status === 429) {
      // What eval/api.ts does: wait as told (at most 65 s), then try again.
      registerRefusals++;
      const wait = Number(response.headers.get("retry-after") ?? "10");
      await response.body?.cancel();
      await sleep(Math.min(Math.max(wait, 1), 65) * 1000);
      continue;
    }
    if (response.status !== 201) throw new Error(`register answered ${response.status}`);
    token = ((await response.json()) as { access_token: string }).access_token;
    break;
  }
  const registerMs = Date.now() - t0;
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), `${name}.pdf`);
  const uploadStarted = Date.now();
  const upload = await fetch(`${url}/api/v2/upload`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: form });
  const { job_id: jobId } = (await upload.json()) as { job_id: string };
  const uploadMs = Date.now() - uploadStarted;
  const seen: Timeline["seen"] = [];
  for (;;) {
    const response = await fetch(`${url}/api/v2/jobs/${jobId}`, { headers: { authorization: `Bearer ${token}` } });
    const job = (await response.json()) as { status: string; attempts: number; timings_ms: { total_ms?: number } | null };
    const last = seen.at(-1);
    if (!last || last.status !== job.status || last.attempts !== job.attempts) seen.push({ at: Date.now() - t0, status: job.status, attempts: job.attempts });
    if (job.status === "complete" || job.status === "failed") {
      return { name, registerMs, registerRefusals, uploadMs, seen, attemptMs: job.timings_ms?.total_ms ?? null, totalMs: Date.now() - t0 };
    }
    await sleep(POLL_MS);
  }
}

const files = readdirSync(CORPUS).filter((file) => file.endsWith(".pdf")).sort();
const stack = await startStack({ vars, quiet: true, freeze: "worktree", ...(process.env.BENCH_STACK_LOG ? { logFile: process.env.BENCH_STACK_LOG } : {}) });
const timelines: Timeline[] = [];
const started = Date.now();
try {
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const file = files[next++];
      if (!file) continue;
      const offset = Date.now() - started;
      const timeline = await runDocument(stack.url, file.replace(/\.pdf$/, ""), new Uint8Array(readFileSync(join(CORPUS, file))));
      timelines.push(timeline);
      const parsing = timeline.seen.find((s) => s.status !== "queued");
      console.log(
        `+${(offset / 1000).toFixed(1)} s ${timeline.name}: ${(timeline.totalMs / 1000).toFixed(1)} s = register ${timeline.registerMs} ms` +
          `${timeline.registerRefusals ? ` (${timeline.registerRefusals} × 429)` : ""} + upload ${timeline.uploadMs} ms + queued until ~${parsing ? parsing.at - timeline.registerMs - timeline.uploadMs : "?"} ms` +
          ` + attempt ${timeline.attemptMs} ms; attempts ${timeline.seen.at(-1)?.attempts}; seen ${timeline.seen.map((s) => `${s.status}@${(s.at / 1000).toFixed(1)}`).join(" ")}`,
      );
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
} finally {
  await stack.stop();
}
console.log(`load average ${loadavg().map((n) => n.toFixed(1)).join(" ")}; ${lanes} at a time; vars ${JSON.stringify(vars)}`);
