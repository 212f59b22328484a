/**
 * The stack's `runtime: "miniflare"` (scripts/lib/miniflare-worker.ts, `npm run bench -- --runtime miniflare`): the
 * deploy bundle served by Miniflare directly must be the same service as under wrangler dev, with every binding the
 * benchmark exercises (assets, R2, the ingest queue and its consumer, the chat Durable Object, the database) and one
 * workerd process instead of wrangler dev's two.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planText } from "../../bench/lib/corpus.ts";
import { benchRuntime } from "../../bench/lib/stack-child.ts";
import { startStack, type Stack } from "../../scripts/lib/stack.ts";
import { pollJob, registerStackUser, uploadToStack } from "../support/node-stack-api.ts";

describe("the benchmark's --runtime option", () => {
  it("is wrangler unless miniflare is asked for, and refuses anything else", () => {
    expect(benchRuntime(["node", "bench/run.ts"], {})).toBe("wrangler");
    expect(benchRuntime(["node", "bench/run.ts", "--reads", "--runtime", "miniflare"], {})).toBe("miniflare");
    expect(benchRuntime(["node", "bench/run.ts", "--runtime=miniflare"], {})).toBe("miniflare");
    expect(benchRuntime(["node", "bench/run.ts"], { BENCH_RUNTIME: "miniflare" })).toBe("miniflare");
    expect(() => benchRuntime(["node", "bench/run.ts", "--runtime", "workerd"], {})).toThrow(/unknown runtime/);
  });
});

describe("a local stack served by Miniflare without wrangler dev", () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ quiet: true, freeze: "worktree", runtime: "miniflare", vars: { LLM_PROVIDER: "offline", EMBEDDING_PROVIDER: "offline" } });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it("runs one workerd process and no inspector", () => {
    expect(stack.pids().workerd).toHaveLength(1);
    expect(stack.inspectorPort).toBeNull();
  });

  it("serves the web app, the API's 404 and a healthy /health", async () => {
    const page = await fetch(`${stack.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const missing = await fetch(`${stack.url}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe("not_found");
    const health = (await (await fetch(`${stack.url}/health`)).json()) as { status: string };
    expect(health.status).toBe("ok");
  });

  it("ingests an upload through R2 and the queue, then finds it and answers about it in a chat turn", async () => {
    const user = await registerStackUser(stack.url, `miniflare-${crypto.randomUUID()}@example.com`);
    const uploaded = await uploadToStack(stack.url, user, new TextEncoder().encode(planText(11, 6)), "plan.txt");
    expect(uploaded.status).toBe(202);
    const { job_id: jobId } = (await uploaded.json()) as { job_id: string };
    const done = await pollJob(stack.url, user, jobId, (job) => job.status === "complete" || job.status === "failed", 120_000);
    expect(done).toMatchObject({ status: "complete", error: null });

    const search = await fetch(`${stack.url}/api/v2/search`, {
      method: "POST",
      headers: { ...user.auth, "content-type": "application/json" },
      body: JSON.stringify({ query: "What is the deductible?" }),
    });
    expect(search.status).toBe(200);
    expect(((await search.json()) as { results: unknown[] }).results.length).toBeGreaterThan(0);

    const chat = await fetch(`${stack.url}/chat`, {
      method: "POST",
      headers: { ...user.auth, "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ message: "What is the deductible?" }),
    });
    expect(chat.status).toBe(200);
    const stream = await chat.text();
    expect(stream).toContain("event: delta");
    expect(stream).toContain("event: done");
  });
});
