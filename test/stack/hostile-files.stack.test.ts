/**
 * Every generated hostile file (bench/lib/hostile-files.ts) uploaded to a whole local stack while /health is polled:
 * each job ends as its entry says (failed with the right code, or complete), and /health answers every poll
 * throughout. Peak memory per file is what `npm run bench:hostile` measures; BENCHMARKS.md has the numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileFiles } from "../../bench/lib/hostile-files.ts";
import { startStack, type Stack } from "../../scripts/lib/stack.ts";
import { pollJob, registerStackUser, uploadToStack, type StackUser } from "../support/node-stack-api.ts";

/** A /health slower than this counts as the Worker not answering (measured: about 1 s at worst, waiting on PGlite). */
const HEALTH_BOUND_MS = 10_000;

describe("hostile files against a running stack", () => {
  let stack: Stack;
  let user: StackUser;
  const health: Array<{ status: number; ms: number }> = [];
  let polling = true;
  let poller: Promise<void>;

  beforeAll(async () => {
    stack = await startStack({ quiet: true, freeze: "worktree" });
    user = await registerStackUser(stack.url, `hostile-${crypto.randomUUID()}@example.com`);
    poller = (async () => {
      while (polling) {
        const started = performance.now();
        const response = await fetch(`${stack.url}/health`, { signal: AbortSignal.timeout(HEALTH_BOUND_MS) }).catch(() => null);
        await response?.body?.cancel();
        health.push({ status: response?.status ?? 0, ms: Math.round(performance.now() - started) });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
  });

  afterAll(async () => {
    polling = false;
    await poller;
    await stack?.stop();
  });

  it.each(hostileFiles().map((file) => [file.name, file] as const))("ends %s as expected", async (_name, file) => {
    const response = await uploadToStack(stack.url, user, file.bytes(), file.name);
    expect(response.status).toBe(202);
    const { job_id: jobId } = (await response.json()) as { job_id: string };
    const job = await pollJob(stack.url, user, jobId, (j) => j.status === "complete" || j.status === "failed", 180_000, 250);
    expect({ status: job.status, code: job.error?.code }).toEqual({ status: file.expect.status, code: file.expect.code });
  });

  it("kept /health answering 200 the whole time", () => {
    expect(health.length).toBeGreaterThan(10);
    expect(health.filter((poll) => poll.status !== 200)).toEqual([]);
  });
});
