/**
 * A whole local stack (PGlite + wrangler dev), killed and restarted mid-ingestion, and with its database stopped under
 * it: jobs still finish, every route answers a problem+json 503 with a request id while the database is away, and the
 * Worker's log never holds a document's text, file name or owner's email.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paginate, planParagraphs, makePlan } from "../../bench/lib/corpus.ts";
import { CHARS_PER_LINE, LINES_PER_PAGE, writeTextPdf } from "../../bench/lib/pdf-writer.ts";
import { startStack, type Stack } from "../../scripts/lib/stack.ts";
import { pollJob, registerStackUser, stackJob, uploadToStack, type StackJob } from "../support/node-stack-api.ts";

/** Short, so a killed worker's job is noticed within seconds rather than the production two minutes. */
const LEASE_SECONDS = 6;
const CANARY = `Canary${Date.now().toString(36)}Zq`;
const IN_PROGRESS = ["parsing", "chunking", "embedding"];

describe("a local stack that crashes and loses its database", () => {
  let stack: Stack;
  let dir: string;
  let logFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "navigator-stack-test-"));
    logFile = join(dir, "worker.log");
    // A copy of the working tree: an edit under src/ while the test runs must not reload the Worker under it.
    stack = await startStack({ quiet: true, logFile, freeze: "worktree", vars: { JOB_LEASE_SECONDS: String(LEASE_SECONDS) } });
  });

  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("finishes a 150-page document whose Worker was killed while it was being processed", async () => {
    const user = await registerStackUser(stack.url, `crash-${crypto.randomUUID()}@example.com`);
    const plan = makePlan(7);
    const pdf = writeTextPdf(paginate(plan.name, planParagraphs(plan, 900, 7), 150, CHARS_PER_LINE, LINES_PER_PAGE));
    const uploaded = await uploadToStack(stack.url, user, pdf, "booklet.pdf");
    expect(uploaded.status).toBe(202);
    const { job_id: jobId } = (await uploaded.json()) as { job_id: string };

    const busy = await pollJob(stack.url, user, jobId, (job) => job.status === "embedding" || job.status === "complete", 120_000, 50);
    expect(busy.status).toBe("embedding");
    await stack.crashWorker();
    await stack.restartWorker();

    const afterRestart = await stackJob(stack.url, user, jobId);
    // The store transaction died with the Worker: nothing was written. The job is as the crash left it, or already
    // back in the queue if its watchdog's alarm fired while wrangler was starting again.
    expect([...IN_PROGRESS, "queued"]).toContain(afterRestart.status);
    const done = await pollJob(stack.url, user, jobId, (job) => job.status === "complete" || job.status === "failed", 180_000, 500);
    expect(done).toMatchObject({ status: "complete", error: null });
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(done.progress.pages_total).toBe(150);
  });

  it("answers every route with a problem+json 503 and a request id while the database is stopped, then recovers", async () => {
    const user = await registerStackUser(stack.url, `outage-${crypto.randomUUID()}@example.com`);
    const json = { ...user.auth, "content-type": "application/json" };
    const id = crypto.randomUUID();
    await stack.stopDatabase();
    try {
      const form = new FormData();
      form.append("file", new Blob([`The ${CANARY} plan's deductible is $500.`]), `${CANARY}.txt`);
      const requests: Array<[string, RequestInit]> = [
        [`/api/v2/jobs/${id}`, { headers: user.auth }],
        ["/api/v2/documents", { headers: user.auth }],
        [`/api/v2/documents/${id}`, { method: "DELETE", headers: user.auth }],
        ["/api/v2/upload", { method: "POST", headers: user.auth, body: form }],
        ["/api/v2/search", { method: "POST", headers: json, body: JSON.stringify({ query: `deductible ${CANARY}` }) }],
        ["/chat", { method: "POST", headers: { ...json, accept: "application/json" }, body: JSON.stringify({ message: `What is the deductible of ${CANARY}?` }) }],
        ["/agents/query", { method: "POST", headers: json, body: JSON.stringify({ query: "What is the deductible?" }) }],
        ["/api/v2/auth/me", { headers: user.auth }],
        [
          "/api/v2/auth/register",
          { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: `${CANARY}@example.com`, password: "correct horse battery staple" }) },
        ],
      ];
      for (const [path, init] of requests) {
        const response = await fetch(`${stack.url}${path}`, init);
        const body = await response.text();
        expect({ path, status: response.status, type: response.headers.get("content-type") }).toEqual({ path, status: 503, type: "application/problem+json" });
        expect(JSON.parse(body)).toMatchObject({ code: "database_unavailable", request_id: response.headers.get("x-request-id") });
      }
      const health = await fetch(`${stack.url}/health`);
      expect(health.status).toBe(503);
      await health.body?.cancel();
    } finally {
      await stack.startDatabase();
    }
    const back = await fetch(`${stack.url}/api/v2/documents`, { headers: user.auth });
    expect(back.status).toBe(200);
    await back.body?.cancel();
  });

  it("keeps a failed document's text, its file name and its owner's email out of the Worker's log", async () => {
    const user = await registerStackUser(stack.url, `${CANARY.toLowerCase()}-owner@example.com`);
    // Starts like a PDF, so it is accepted, then cannot be read: the job fails with pdf_corrupt.
    const broken = new TextEncoder().encode(`%PDF-1.7\n1 0 obj << /Member (${CANARY} member 123-45-6789) >>\n%%EOF\n`);
    const uploaded = await uploadToStack(stack.url, user, broken, `${CANARY}-claim.pdf`);
    expect(uploaded.status).toBe(202);
    const { job_id: jobId } = (await uploaded.json()) as { job_id: string };
    const failed: StackJob = await pollJob(stack.url, user, jobId, (job) => job.status === "failed", 60_000);
    expect(failed.error?.code).toBe("pdf_corrupt");
    // Give wrangler a moment to flush the consumer's lines.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const log = readFileSync(logFile, "utf8");
    expect(log).toContain(jobId);
    const leaks = log.split("\n").filter((line) => line.toLowerCase().includes(CANARY.toLowerCase()));
    expect(leaks).toEqual([]);
  });
});
