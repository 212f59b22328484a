import { inject } from "vitest";
import { beforeEach, describe, expect, it } from "vitest";
import { cachedQueryEmbedder, normalizeQueryText } from "../../src/providers/embeddings/query-cache";
import { createOpenAIEmbedder } from "../../src/providers/embeddings/openai";
import { createOfflineEmbedder } from "../../src/providers/embeddings/offline";
import { queryEmbedderFor } from "../../src/services";

const baseURL = inject("openaiUrl");
const controlUrl = new URL("/__control/", baseURL).toString();

/** The OpenAI embedder through the official SDK against the local stand-in, which records every request it answers. */
const openai = () => createOpenAIEmbedder({ apiKey: "sk-test-query-cache", baseURL, model: "text-embedding-3-small", dimensions: 1536 });

async function embeddingRequests(): Promise<string[]> {
  const all = (await (await fetch(`${controlUrl}requests`)).json()) as Array<{ path: string; body: string }>;
  return all.filter((r) => r.path === "/v1/embeddings").map((r) => r.body);
}

/** A cache of its own per test, so no test sees another's entries. */
const freshCache = () => caches.open(`query-cache-test-${crypto.randomUUID()}`);

beforeEach(async () => {
  await fetch(`${controlUrl}reset`, { method: "POST" });
});

describe("query embedding cache", () => {
  it("asks the model once for a question asked twice, and answers the second time with the same vector", async () => {
    const embedder = cachedQueryEmbedder(openai(), { cache: await freshCache(), scope: "user-a" });
    const [first] = await embedder.embed(["What is the overall deductible?"]);
    const [second] = await embedder.embed(["What is the overall deductible?"]);
    expect(second).toEqual(first);
    expect(await embeddingRequests()).toHaveLength(1);
  });

  it("treats questions that differ only in case and spacing as one", async () => {
    const embedder = cachedQueryEmbedder(openai(), { cache: await freshCache(), scope: "user-a" });
    await embedder.embed(["What is the  overall deductible?"]);
    await embedder.embed(["  what is the overall DEDUCTIBLE?\n"]);
    expect(await embeddingRequests()).toHaveLength(1);
  });

  it("gives a cached vector equal to what the model returns for the normalised text", async () => {
    const embedder = cachedQueryEmbedder(openai(), { cache: await freshCache(), scope: "user-a" });
    await embedder.embed(["Do I need a Referral?"]);
    const [cached] = await embedder.embed(["Do I need a Referral?"]);
    const [direct] = await openai().embed([normalizeQueryText("Do I need a Referral?")]);
    expect(cached).toEqual(direct);
  });

  it("keeps one member's entries from another member, so timing cannot tell who asked what", async () => {
    const cache = await freshCache();
    await cachedQueryEmbedder(openai(), { cache, scope: "user-a" }).embed(["Is therapy covered?"]);
    await cachedQueryEmbedder(openai(), { cache, scope: "user-b" }).embed(["Is therapy covered?"]);
    expect(await embeddingRequests()).toHaveLength(2);
  });

  it("keys by model, so a changed model never answers with the old model's vector", async () => {
    const cache = await freshCache();
    await cachedQueryEmbedder(openai(), { cache, scope: "user-a" }).embed(["Is therapy covered?"]);
    const other = createOpenAIEmbedder({ apiKey: "sk-test-query-cache", baseURL, model: "text-embedding-3-large", dimensions: 1536 });
    await cachedQueryEmbedder(other, { cache, scope: "user-a" }).embed(["Is therapy covered?"]);
    expect(await embeddingRequests()).toHaveLength(2);
  });

  it("asks the model again after the entry's time to live has passed", async () => {
    const embedder = cachedQueryEmbedder(openai(), { cache: await freshCache(), scope: "user-a", ttlSeconds: 1 });
    await embedder.embed(["What is the out-of-pocket limit?"]);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await embedder.embed(["What is the out-of-pocket limit?"]);
    expect(await embeddingRequests()).toHaveLength(2);
  });

  it("leaves the offline embedder uncached: it computes a question's vector faster than a cache lookup", () => {
    const offline = createOfflineEmbedder(1536);
    expect(queryEmbedderFor(offline, "user-a")).toBe(offline);
    expect(queryEmbedderFor(openai(), "user-a")).not.toBe(offline);
  });
});
