/**
 * The queue consumer called directly (createMessageBatch + getQueueResult) against the real database and R2:
 * idempotency, retries, the dead-letter branch, and the paid-provider paths through their wire-format stand-ins.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import type { AppEnv } from "../../src/env";
import { readConfig } from "../../src/config";
import { createServices } from "../../src/services";
import { MAX_LINE_CHARS } from "../../src/lib/log";
import { UpstreamError } from "../../src/lib/service-errors";
import { createEmbeddingProvider } from "../../src/providers/embeddings";
import { handleIngestBatch, retryDelaySeconds } from "../../src/queue-consumers/ingest";
import type { IngestMessage } from "../../src/ingestion/queue-message";
import { api, controlServer, recordedRequests, registerUser, sampleSbc, waitForJob, type JobBody, type TestUser } from "../support/worker-api";
import { asTestUser } from "../support/worker-db";
import { deliver, stageUpload } from "../support/worker-ingest";

async function chunkCount(user: TestUser, documentId: string): Promise<number> {
  const result = await asTestUser(user.id, (tx) =>
    tx.execute<{ n: string }>(sql`select count(*)::text as n from document_chunks where document_id = ${documentId}`),
  );
  return Number(result.rows[0]?.n);
}

const TEXT = new TextEncoder().encode(
  "Specialist visits cost a $50 copay. You need a referral to see a specialist. The overall deductible is $500 for an individual. " +
    "The family deductible is $1,000. Emergency room care costs $250. Generic drugs cost $10. Preferred brand drugs cost $40.",
);

describe("ingest queue consumer", () => {
  let user: TestUser;
  beforeEach(async () => {
    user = await registerUser("consumer");
  });

  it("acknowledges a processed message and completes the job", async () => {
    const message = await stageUpload(user, TEXT, "plan.txt");
    const result = await deliver(message);
    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
    expect((await waitForJob(user, message.jobId)).status).toBe("complete");
  });

  it("works through a batch's messages one after another: the second document waits for the first (why a batch is one message)", async () => {
    const other = await registerUser("consumer-other");
    const first = await stageUpload(user, TEXT, "long.txt");
    const second = await stageUpload(other, TEXT, "short.txt");
    const builtin = createServices(env as AppEnv).parser();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first document's parse takes as long as the test says; the second's is instant.
    const parser = { name: builtin.name, parse: async (...args: Parameters<typeof builtin.parse>) => ((args[2] === "long.txt" ? await held : undefined), builtin.parse(...args)) };
    const batch = createMessageBatch<IngestMessage>("insurance-navigator-ingest", [
      { id: crypto.randomUUID(), timestamp: new Date(), attempts: 1, body: first },
      { id: crypto.randomUUID(), timestamp: new Date(), attempts: 1, body: second },
    ]);
    const handling = handleIngestBatch(batch, env as AppEnv, createExecutionContext(), { parser });
    const status = async (owner: TestUser, jobId: string) => (await (await api(`/api/v2/jobs/${jobId}`, { headers: owner.auth })).json<JobBody>()).status;
    for (let i = 0; i < 50 && (await status(user, first.jobId)) !== "parsing"; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await status(user, first.jobId)).toBe("parsing");
    expect(await status(other, second.jobId)).toBe("queued");
    release();
    await handling;
    expect(await status(other, second.jobId)).toBe("complete");
  });

  it("yields the same chunks, not twice as many, when one message is delivered twice", async () => {
    const message = await stageUpload(user, await sampleSbc(), "sbc.pdf");
    await deliver(message);
    const first = await chunkCount(user, message.documentId);
    // A redelivery after completion, and a redelivery of a job reset to queued (as after a crash mid-run).
    await deliver(message);
    await asTestUser(user.id, (tx) => tx.execute(sql`update upload_jobs set status = 'queued' where id = ${message.jobId}`));
    await deliver(message);
    expect(first).toBeGreaterThan(5);
    expect(await chunkCount(user, message.documentId)).toBe(first);
    expect((await waitForJob(user, message.jobId)).status).toBe("complete");
  });

  it("stores a long document batch by batch, keeping it out of ready until the last batch, and a failed one keeps no chunks", async () => {
    // About 80 chunks (5 sentences each): three store batches of 32.
    const text = Array.from({ length: 400 }, (_, i) => `Service number ${i} costs a $${i + 1} copay per visit.`).join(" ");
    const message = await stageUpload(user, new TextEncoder().encode(text), "long.txt");
    const embedder = createEmbeddingProvider(env, readConfig(env));
    const seen: Array<{ status: string; chunks: number }> = [];
    const failing = {
      ...embedder,
      async embed(texts: string[]) {
        const result = await asTestUser(user.id, (tx) =>
          tx.execute<{ status: string; n: string }>(
            sql`select d.status, (select count(*) from document_chunks c where c.document_id = d.id)::text as n from documents d where d.id = ${message.documentId}`,
          ),
        );
        const row = result.rows[0];
        seen.push({ status: String(row?.status), chunks: Number(row?.n) });
        // The third batch fails for good, as a provider refusing the text would.
        if (seen.length === 3) throw new UpstreamError("embeddings", "offline", "refused", { retryable: false });
        return embedder.embed(texts);
      },
    };
    const batch = createMessageBatch<IngestMessage>("insurance-navigator-ingest", [{ id: crypto.randomUUID(), timestamp: new Date(), attempts: 1, body: message }]);
    const ctx = createExecutionContext();
    await handleIngestBatch(batch, env as AppEnv, ctx, { embedder: failing });
    await getQueueResult(batch, ctx);
    // Two batches were stored, each in its own transaction, while the document stayed `processing`.
    expect(seen).toEqual([
      { status: "processing", chunks: 0 },
      { status: "processing", chunks: 32 },
      { status: "processing", chunks: 64 },
    ]);
    expect((await waitForJob(user, message.jobId)).status).toBe("failed");
    expect(await chunkCount(user, message.documentId)).toBe(0);
  });

  it("skips a message whose document was deleted while queued", async () => {
    const message = await stageUpload(user, TEXT, "gone.txt");
    await asTestUser(user.id, (tx) => tx.execute(sql`delete from documents where id = ${message.documentId}`));
    const result = await deliver(message);
    expect(result.explicitAcks).toHaveLength(1);
  });

  it("acknowledges and ignores a malformed message", async () => {
    const result = await deliver({ type: "ingest", jobId: "x" } as unknown as IngestMessage);
    expect(result.explicitAcks).toHaveLength(1);
  });

  it("marks a corrupt PDF failed and acknowledges it instead of retrying", async () => {
    const message = await stageUpload(user, new TextEncoder().encode("%PDF-1.7\nthis is not really a pdf\n%%EOF"), "bad.pdf");
    const result = await deliver(message);
    expect(result.explicitAcks).toHaveLength(1);
    expect(result.retryMessages).toEqual([]);
    const job = await waitForJob(user, message.jobId);
    expect(job.error?.code).toBe("pdf_corrupt");
  });

  it("the dead-letter consumer marks the job failed with the number of attempts", async () => {
    const message = await stageUpload(user, TEXT, "dlq.txt");
    await asTestUser(user.id, (tx) =>
      tx.execute(sql`update upload_jobs set attempts = 6, error_message = 'embeddings API answered 503' where id = ${message.jobId}`),
    );
    const result = await deliver(message, { queue: "insurance-navigator-ingest-dlq" });
    expect(result.explicitAcks).toHaveLength(1);
    const job = await waitForJob(user, message.jobId);
    expect(job.status).toBe("failed");
    expect(job.error).toEqual({ code: "gave_up", message: "Gave up after 6 attempts. Last error: embeddings API answered 503" });
  });
});

describe("ingest queue consumer with the OpenAI embeddings API (local wire-format server)", () => {
  const openai = () => ({ OPENAI_API_KEY: "sk-test-ingest", OPENAI_BASE_URL: inject("openaiUrl") });

  it("embeds through the official SDK, retrying a 429 then succeeding", async () => {
    const user = await registerUser("openai");
    const message = await stageUpload(user, TEXT, "openai.txt");
    await controlServer(inject("openaiUrl"), "reset");
    await controlServer(inject("openaiUrl"), "fail", { path_prefix: "/v1/embeddings", status: 429, times: 1, headers: { "retry-after-ms": "10" } });
    const result = await deliver(message, { env: openai() });
    expect(result.explicitAcks).toHaveLength(1);
    expect((await waitForJob(user, message.jobId)).status).toBe("complete");
    const calls = (await recordedRequests(inject("openaiUrl"))).filter((r) => r.path.startsWith("/v1/embeddings"));
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls[0]?.headers.authorization).toBe("Bearer sk-test-ingest");
    expect(JSON.parse(calls.at(-1)?.body ?? "{}")).toMatchObject({ model: "text-embedding-3-small", dimensions: 1536 });
  });

  it("retries the message with exponential backoff when the API keeps failing", async () => {
    const user = await registerUser("openai-down");
    const message = await stageUpload(user, TEXT, "down.txt");
    await controlServer(inject("openaiUrl"), "reset");
    await controlServer(inject("openaiUrl"), "fail", { path_prefix: "/v1/embeddings", status: 503, times: 50 });
    const result = await deliver(message, { attempts: 3, env: openai() });
    await controlServer(inject("openaiUrl"), "reset");
    expect(result.explicitAcks).toEqual([]);
    // The test double of Message drops retry()'s options, so the delay itself is checked on retryDelaySeconds below.
    expect(result.retryMessages).toHaveLength(1);
    const job = await (await api(`/api/v2/jobs/${message.jobId}`, { headers: user.auth })).json<JobBody>();
    // Waiting for the next delivery: not failed, no error shown yet, and the attempt was counted.
    expect(job).toMatchObject({ status: "queued", error: null, attempts: 1 });
  });
});

describe("retryDelaySeconds", () => {
  it("doubles with each attempt: 2, 4, 8, 16, 32 seconds", () => {
    expect([1, 2, 3, 4, 5].map(retryDelaySeconds)).toEqual([2, 4, 8, 16, 32]);
  });

  it("never waits more than five minutes", () => {
    expect(retryDelaySeconds(20)).toBe(300);
  });
});

describe("ingest queue consumer with LlamaParse (local wire-format server)", () => {
  it("parses through LlamaParse's upload → poll → result API when a key is set", async () => {
    const user = await registerUser("llamaparse");
    const message = await stageUpload(user, await sampleSbc(), "llama.pdf");
    await controlServer(inject("llamaParseUrl"), "reset");
    const result = await deliver(message, {
      env: { LLAMA_CLOUD_API_KEY: "llx-test", LLAMA_CLOUD_BASE_URL: inject("llamaParseUrl") },
    });
    expect(result.explicitAcks).toHaveLength(1);
    expect((await waitForJob(user, message.jobId)).status).toBe("complete");
    const paths = (await recordedRequests(inject("llamaParseUrl"))).map((r) => `${r.method} ${r.path.split("?")[0]}`);
    expect(paths[0]).toBe("POST /api/v1/parsing/upload");
    expect(paths.some((p) => p.startsWith("GET /api/v1/parsing/job/"))).toBe(true);
  });
});

describe("ingest queue consumer logs", () => {
  it("never logs a failed document's text, file name or owner's email", async () => {
    const canary = `CANARY${crypto.randomUUID().replaceAll("-", "")}`;
    const user = await registerUser(`log-${canary}`);
    const text = `Member ${canary} has a $500 deductible. Specialist visits for ${canary} cost $50. `.repeat(100);
    const message = await stageUpload(user, new TextEncoder().encode(text), `${canary}-plan.txt`);
    // The document is deleted while its chunks are embedded (one batch of them), so storing them fails with every
    // chunk's text as parameters of the failed INSERT: the error that once produced a 1 MB log line.
    const embedder = createEmbeddingProvider(env, readConfig(env));
    const deleting = {
      ...embedder,
      async embed(texts: string[]) {
        await asTestUser(user.id, (tx) => tx.execute(sql`delete from documents where id = ${message.documentId}`));
        return embedder.embed(texts);
      },
    };
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    const spies = [vi.spyOn(console, "log").mockImplementation(capture), vi.spyOn(console, "warn").mockImplementation(capture), vi.spyOn(console, "error").mockImplementation(capture)];
    try {
      const batch = createMessageBatch<IngestMessage>("insurance-navigator-ingest", [{ id: crypto.randomUUID(), timestamp: new Date(), attempts: 1, body: message }]);
      const ctx = createExecutionContext();
      await handleIngestBatch(batch, env as AppEnv, ctx, { embedder: deleting });
      await getQueueResult(batch, ctx);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const failure = lines.find((line) => line.includes("ingest: permanent failure"));
    expect(failure, lines.join("\n")).toBeDefined();
    expect(JSON.parse(failure ?? "{}")).toMatchObject({ code: "document_deleted", job_id: message.jobId, error_code: "23503" });
    for (const line of lines) {
      expect(line).not.toContain(canary);
      expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS);
    }
  });
});
