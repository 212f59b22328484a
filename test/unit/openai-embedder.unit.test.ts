import { inject } from "vitest";
import { beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config";
import { createEmbeddingProvider } from "../../src/providers/embeddings";
import { lexicalEmbedding } from "../../src/providers/embeddings/offline";
import { batchTexts, createOpenAIEmbedder } from "../../src/providers/embeddings/openai";
import { UpstreamError } from "../../src/lib/service-errors";
import { caughtError } from "../support/worker-errors";

const baseURL = inject("openaiUrl");
const controlUrl = new URL("/__control/", baseURL).toString();
const MODEL = "text-embedding-3-small";

interface Recorded {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

async function control(action: "reset" | "fail" | "delay", body?: unknown): Promise<void> {
  const response = await fetch(`${controlUrl}${action}`, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.ok).toBe(true);
}

async function embeddingRequests(): Promise<Recorded[]> {
  const all = (await (await fetch(`${controlUrl}requests`)).json()) as Recorded[];
  return all.filter((request) => request.path === "/v1/embeddings");
}

function embedder(apiKey = "sk-test-embeddings-unit", options: { maxRetries?: number; timeoutMs?: number } = {}) {
  return createOpenAIEmbedder({ apiKey, baseURL, model: MODEL, dimensions: 1536, ...options });
}

const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

/** The stand-in honours `retry-after-ms`, so the SDK's retries in these tests wait milliseconds, not seconds. */
const FAST_RETRY = { "retry-after-ms": "5" };

describe("OpenAI embedder through the official SDK", () => {
  beforeEach(async () => {
    await control("reset");
  });

  it("returns vectors in input order across more than 96 inputs, in batches of at most 96", async () => {
    const texts = Array.from({ length: 200 }, (_, i) => `Claim number ${i} for an outpatient visit with copay ${i * 5} dollars`);
    const vectors = await embedder().embed(texts);
    expect(vectors).toHaveLength(200);
    const misplaced = texts.filter((text, i) => Math.abs(dot(vectors[i] ?? [], lexicalEmbedding(text, 1536)) - 1) > 1e-5);
    expect(misplaced).toEqual([]);
    const sizes = (await embeddingRequests()).map((request) => (JSON.parse(request.body) as { input: string[] }).input.length);
    expect(sizes).toEqual([96, 96, 8]);
  });

  it("matches each input to its own vector even though the server answers in reverse order", async () => {
    const texts = ["Specialist visit $50 copay", "Emergency room care 20% coinsurance", "Generic drugs $10 copay"];
    const vectors = await embedder().embed(texts);
    const similarities = texts.map((text, i) => dot(vectors[i] ?? [], lexicalEmbedding(text, 1536)));
    for (const similarity of similarities) expect(similarity).toBeCloseTo(1, 5);
  });

  it("returns unit-length vectors of the requested width", async () => {
    const [vector = []] = await embedder().embed(["Out-of-pocket limit $2,500 individual"]);
    expect(vector).toHaveLength(1536);
    expect(Math.sqrt(dot(vector, vector))).toBeCloseTo(1, 5);
  });

  it("sends the key as a bearer token and the model and dimensions in the body", async () => {
    await embedder("sk-test-distinctive-key-7f3a").embed(["Preventive care is covered with no charge"]);
    const [request] = await embeddingRequests();
    expect(request?.headers.authorization).toBe("Bearer sk-test-distinctive-key-7f3a");
    const body = JSON.parse(request?.body ?? "{}") as Record<string, unknown>;
    expect(body).toMatchObject({ model: MODEL, dimensions: 1536, input: ["Preventive care is covered with no charge"] });
  });

  it("succeeds when one 429 is followed by a normal answer", async () => {
    await control("fail", { path_prefix: "/v1/embeddings", status: 429, times: 1, headers: FAST_RETRY, body: { error: { message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded" } } });
    const vectors = await embedder().embed(["Urgent care $30 copay per visit"]);
    expect(vectors).toHaveLength(1);
    expect(await embeddingRequests()).toHaveLength(2);
  });

  it("throws a retryable UpstreamError after the SDK's retries when the server keeps answering 503", async () => {
    await control("fail", { path_prefix: "/v1/embeddings", status: 503, times: 10, headers: FAST_RETRY });
    const error = await caughtError(embedder().embed(["Hospital stay facility fee 20% coinsurance"]), UpstreamError);
    expect({ service: error.service, retryable: error.retryable }).toEqual({ service: "embeddings", retryable: true });
    expect(await embeddingRequests()).toHaveLength(3);
  });

  it("throws a retryable UpstreamError when the answer does not come within the timeout", async () => {
    await control("delay", { path_prefix: "/v1/embeddings", ms: 1_000, times: 1 });
    const error = await caughtError(embedder("sk-test-timeout", { maxRetries: 0, timeoutMs: 100 }).embed(["Mental health outpatient services"]), UpstreamError);
    expect({ service: error.service, retryable: error.retryable }).toEqual({ service: "embeddings", retryable: true });
    expect(error.message).toContain("could not be reached");
  });

  it("throws a permanent UpstreamError naming OPENAI_API_KEY when the key is rejected", async () => {
    const error = await caughtError(embedder("sk-invalid-key-for-test").embed(["Diagnostic test x-ray $10 copay"]), UpstreamError);
    expect({ service: error.service, retryable: error.retryable }).toEqual({ service: "embeddings", retryable: false });
    expect(error.message).toContain("OPENAI_API_KEY");
    expect(await embeddingRequests()).toHaveLength(1);
  });

  it("treats an exhausted quota as permanent although it arrives as a 429", async () => {
    const quota = { error: { message: "You exceeded your current quota.", type: "insufficient_quota", code: "insufficient_quota" } };
    await control("fail", { path_prefix: "/v1/embeddings", status: 429, times: 3, headers: FAST_RETRY, body: quota });
    const error = await caughtError(embedder().embed(["Childbirth delivery professional services"]), UpstreamError);
    expect({ service: error.service, retryable: error.retryable }).toEqual({ service: "embeddings", retryable: false });
    expect(error.message).toContain("billing");
  });
});

describe("batchTexts", () => {
  it("starts a new batch when the next text would pass the character budget", () => {
    expect(batchTexts(["aaaa", "bbbb", "cc", "dddddddd", "e"], 96, 8)).toEqual([["aaaa", "bbbb"], ["cc"], ["dddddddd"], ["e"]]);
  });

  it("sends a text longer than the budget alone rather than dropping it", () => {
    expect(batchTexts(["x".repeat(20), "y"], 96, 8)).toEqual([["x".repeat(20)], ["y"]]);
  });
});

describe("createEmbeddingProvider", () => {
  it("chooses OpenAI when a key is configured", () => {
    const env = { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: baseURL };
    expect(createEmbeddingProvider(env, readConfig(env))).toMatchObject({ name: "openai", model: MODEL, dimensions: 1536 });
  });

  it("falls back to the offline embedder without a key, even when OpenAI is asked for", () => {
    const env = { EMBEDDING_PROVIDER: "openai" };
    expect(createEmbeddingProvider(env, readConfig(env))).toMatchObject({ name: "offline", model: "offline-lexical-v2" });
  });
});
