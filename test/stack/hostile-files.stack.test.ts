/**
 * Every generated hostile file (bench/lib/hostile-files.ts) uploaded to a whole local stack while /health is polled:
 * each job ends as its entry says (failed with the right code, or complete), and every /health poll is answered within
 * a second throughout (issue 8). Peak memory per file is what `npm run bench:hostile` measures; BENCHMARKS.md has the
 * numbers.
 *
 * "Answered" is 200, or 503 "degraded" because the database check missed its 500 ms deadline (`reason: "timeout"`):
 * embedded PGlite has one backend, and /health's query may wait behind a job's store transaction (8 chunks, about
 * 50–150 ms) and a status poll or two. A 503 for any other reason (the database unreachable, storage failing) fails
 * the test.
 *
 * "Within a second" is every poll, measured from a thread of its own (test/support/node-health-poller.ts: this thread runs the
 * embedded database and builds the files), less only the time that thread's own timer was kept waiting during the
 * poll: a machine that stalls the measurement itself is not the Worker's doing (docs/decisions.md, "/health within a
 * second"). The machine's load slowing the Worker still counts. Each poll over half a second is printed with its
 * controls (a 404 from the same isolate sent with it, and the timer's lateness).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostileFiles } from "../../bench/lib/hostile-files.ts";
import { startStack, type Stack } from "../../scripts/lib/stack.ts";
import { startHealthPoller, type HealthPoll } from "../support/node-health-poller.ts";
import { pollJob, registerStackUser, uploadToStack, type StackUser } from "../support/node-stack-api.ts";

/** The bound: /health answers within a second throughout every hostile-file test. */
const HEALTH_BOUND_MS = 1_000;
/** Polls slower than this are printed with their controls, to tell the isolate held from the machine stalled. */
const REPORT_OVER_MS = 500;

describe("hostile files against a running stack", () => {
  let stack: Stack;
  let user: StackUser;
  let poller: ReturnType<typeof startHealthPoller>;
  let health: HealthPoll[] = [];

  beforeAll(async () => {
    // More uploads than the per-user upload limit allows in a minute; that limit is tested elsewhere.
    stack = await startStack({ quiet: true, freeze: "worktree", vars: { RATE_LIMITS_ENABLED: "false" } });
    user = await registerStackUser(stack.url, `hostile-${crypto.randomUUID()}@example.com`);
    poller = startHealthPoller(stack.url);
  });

  afterAll(async () => {
    await poller?.stop();
    await stack?.stop();
  });

  it.each(hostileFiles().map((file) => [file.name, file] as const))("ends %s as expected", async (_name, file) => {
    poller.label(file.name);
    const bytes = file.bytes();
    const response = await uploadToStack(stack.url, user, bytes, file.name);
    expect(response.status).toBe(202);
    const { job_id: jobId } = (await response.json()) as { job_id: string };
    const job = await pollJob(stack.url, user, jobId, (j) => j.status === "complete" || j.status === "failed", 180_000, 250);
    expect({ status: job.status, code: job.error?.code }).toEqual({ status: file.expect.status, code: file.expect.code });
  });

  it("kept /health answering within a second the whole time: 200, or 503 only because the database check timed out", async () => {
    health = await poller.stop();
    expect(health.length).toBeGreaterThan(10);
    const sorted = health.map((poll) => poll.ms).sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
    const busy = health.filter((poll) => poll.status === 503);
    console.log(
      `/health: ${health.length} polls, max ${sorted.at(-1)} ms, p95 ${p95} ms; ${busy.length} answered 503 database timeout` +
        (busy.length > 0 ? ` (during ${[...new Set(busy.map((poll) => poll.during))].join(", ")})` : ""),
    );
    for (const poll of health.filter((p) => p.ms > REPORT_OVER_MS)) {
      console.log(`/health ${poll.ms} ms (404 beside it ${poll.controlMs} ms, poller's timer late ${poll.timerLateMs} ms) during ${poll.during}`);
    }
    expect(health.filter((poll) => poll.ms - poll.timerLateMs > HEALTH_BOUND_MS)).toEqual([]);
    expect(health.filter((poll) => poll.status !== 200 && !(poll.status === 503 && poll.database?.ok === false && poll.database.reason === "timeout"))).toEqual([]);
  });
});
