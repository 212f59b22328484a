import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { createApp } from "../../src/app";
import { RERANK_WEIGHT } from "../../src/retrieval/rerank";
import { beforeAll, describe, expect, it } from "vitest";
import { api, BASE, registerUser, sampleSbc, upload, waitForJob, type TestUser } from "../support/worker-api";
import { seedDocument } from "../support/worker-seed";
import { withDatabase } from "../support/worker-db";
import { asUser } from "../../src/db/client";
import { setDocumentStatus } from "../../src/db/documents";

interface Result {
  chunk_id: string;
  document_id: string;
  filename: string;
  page: number;
  score: number;
  similarity: number | null;
  text: string;
  next?: { chunk_id: string; page: number; text: string; context: string } | null;
  cover?: true;
}

const search = async (user: TestUser, body: Record<string, unknown>) => {
  const response = await api("/api/v2/search", {
    method: "POST",
    headers: { ...user.auth, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json<{ results: Result[] }>() };
};

describe("POST /api/v2/search over the sample SBC", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await registerUser("search");
    const { body } = await upload(user, await sampleSbc(), "cms-sample-sbc.pdf");
    await waitForJob(user, body.job_id);
  });

  it("finds the exact term '$50 copay' for a specialist visit", async () => {
    const { status, body } = await search(user, { query: "specialist visit $50 copay" });
    expect(status).toBe(200);
    expect(body.results.some((r) => r.text.includes("$50") && /specialist/i.test(r.text))).toBe(true);
  });

  it("returns at most MAX_CHUNKS (5) results by default, best first", async () => {
    const { body } = await search(user, { query: "deductible" });
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.length).toBeLessThanOrEqual(5);
    const scores = body.results.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("returns the passage after each result only when asked (with_next), as chat reads it", async () => {
    const { body } = await search(user, { query: "deductible", k: 3, with_next: true });
    expect(body.results.length).toBeGreaterThan(0);
    for (const r of body.results) {
      expect(r).toHaveProperty("next");
      if (r.next) expect(r.next).toEqual({ chunk_id: expect.any(String), page: expect.any(Number), text: expect.any(String), context: expect.any(String) });
    }
    expect(body.results.some((r) => r.next && r.next.chunk_id !== r.chunk_id)).toBe(true);
    const plain = await search(user, { query: "deductible", k: 3 });
    expect(plain.body.results.every((r) => !("next" in r))).toBe(true);
  });

  it("puts the document's cover first when the question asks about the document itself, and only then", async () => {
    // The cover names the plan and the insurer ("Insurance Company 1: Plan Option 1"); the question's words do not.
    const { status, body } = await search(user, { query: "My employer's form wants the exact name of my plan. What's this plan called?", with_next: true });
    expect(status).toBe(200);
    const [first, ...rest] = body.results;
    expect(first).toMatchObject({ cover: true, page: 1 });
    expect(first?.text).toContain("Insurance Company 1: Plan Option 1");
    expect(first?.next).toEqual({ chunk_id: expect.any(String), page: expect.any(Number), text: expect.any(String), context: expect.any(String) });
    // The rest are the search's own results, the cover not repeated among them.
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((r) => !("cover" in r) && r.chunk_id !== first?.chunk_id)).toBe(true);
    const plain = await search(user, { query: "What is the overall deductible?" });
    expect(plain.body.results.every((r) => !("cover" in r))).toBe(true);
  });

  it("reads the passages whose rows say what a question asks of every row of the chart, first", async () => {
    // "pays nothing … out of network" shares no word with the cells that say it ("Out-of-Network Provider: Not covered").
    const { status, body } = await search(user, { query: "Is there anything in the chart where the plan pays nothing at all if we go out of network?", k: 5 });
    expect(status).toBe(200);
    expect(body.results.length).toBe(5);
    // Two thirds of the results at most (4 of 5) are those passages; the search's own best keeps the rest.
    const rows = body.results.filter((r) => /— [^\n]*Not covered/.test(r.text));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.length).toBeLessThanOrEqual(4);
    expect(body.results[0]?.text).toMatch(/Not covered/);
    expect(body.results.some((r) => r.text.includes("Children’s glasses"))).toBe(true);
  });

  it("reads the rows whose network columns say the same, asked which services cost the same in network and out", async () => {
    const { status, body } = await search(user, { query: "Which services cost me the same in network and out of network?", k: 5 });
    expect(status).toBe(200);
    const texts = body.results.map((r) => r.text).join("\n");
    expect(texts).toMatch(/Emergency room care — Network Provider: 20% coinsurance; Out-of-Network Provider: 20% coinsurance/);
    expect(texts).toMatch(/Emergency medical transportation — Network Provider: 20% coinsurance; Out-of-Network Provider: 20% coinsurance/);
  });

  it("honours k", async () => {
    const { body } = await search(user, { query: "deductible copay coinsurance", k: 2 });
    expect(body.results).toHaveLength(2);
  });

  it("keeps vector matches only at or above the offline embedder's threshold of 0.25", async () => {
    const { body } = await search(user, { query: "overall deductible", k: 20 });
    expect(body.results.some((r) => r.similarity !== null)).toBe(true);
    for (const r of body.results) {
      if (r.similarity !== null) expect(r.similarity).toBeGreaterThanOrEqual(0.25);
    }
  });

  it("uses SIMILARITY_THRESHOLD when it is set, leaving only keyword matches above an impossible bar", async () => {
    const ctx = createExecutionContext();
    const response = await createApp().fetch(
      new Request(`${BASE}/api/v2/search`, {
        method: "POST",
        headers: { ...user.auth, "content-type": "application/json" },
        body: JSON.stringify({ query: "overall deductible", k: 20 }),
      }),
      { ...env, SIMILARITY_THRESHOLD: "0.999" },
      ctx,
    );
    const body = await response.json<{ results: Result[] }>();
    await waitOnExecutionContext(ctx);
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r) => r.similarity === null)).toBe(true);
  });

  it("uses VECTOR_WEIGHT when it is set: at 0 the order is the keyword leg's alone", async () => {
    const ctx = createExecutionContext();
    const response = await createApp().fetch(
      new Request(`${BASE}/api/v2/search`, {
        method: "POST",
        headers: { ...user.auth, "content-type": "application/json" },
        body: JSON.stringify({ query: "overall deductible", k: 5 }),
      }),
      { ...env, VECTOR_WEIGHT: "0" },
      ctx,
    );
    const body = await response.json<{ results: Result[] }>();
    await waitOnExecutionContext(ctx);
    // Keyword ranks 1..10 (the re-ranking's pool for k = 5) score 1/(60 + rank), lifted by the re-ranking by best
    // sentence by at most RERANK_WEIGHT × 1.25; a passage only the vector leg found would score 0.
    const scores = body.results.map((r) => r.score);
    expect(scores).toHaveLength(5);
    for (const score of scores) {
      expect(score).toBeGreaterThanOrEqual(1 / (60 + 10));
      expect(score).toBeLessThanOrEqual((1 + RERANK_WEIGHT * 1.25) / 61);
    }
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("finds the English deductible rows for a Spanish question", async () => {
    const { body } = await search(user, { query: "¿Cuánto es mi deducible?" });
    expect(body.results.some((r) => r.page === 1 && r.text.includes("$500"))).toBe(true);
  });

  it("returns nothing for a query with no related words", async () => {
    const { body } = await search(user, { query: "zebra quantum saxophone" });
    expect(body.results).toEqual([]);
  });

  it("answers 422 for an empty query or a k out of range", async () => {
    expect((await search(user, { query: "" })).status).toBe(422);
    expect((await search(user, { query: "deductible", k: 0 })).status).toBe(422);
    expect((await search(user, { query: "deductible", k: 500 })).status).toBe(422);
  });
});

describe("search scoping", () => {
  it("limits results to the given document_ids", async () => {
    const user = await registerUser("docfilter");
    const first = await seedDocument(user.id, ["The dental plan deductible is $75 per member."]);
    const second = await seedDocument(user.id, ["The vision plan deductible is $25 per member."]);
    const { body } = await search(user, { query: "plan deductible per member", document_ids: [second] });
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.every((r) => r.document_id === second)).toBe(true);
    expect(body.results.some((r) => r.document_id === first)).toBe(false);
  });

  it("does not search a document still being stored (ingestion stores its chunks batch by batch)", async () => {
    const user = await registerUser("processing");
    const stored = await seedDocument(user.id, ["The hearing aid benefit is $1,500 every three years."]);
    const storing = await seedDocument(user.id, ["The hearing aid benefit is $2,000 every two years."]);
    await withDatabase((db) => asUser(db, user.id, (tx) => setDocumentStatus(tx, storing, "processing")));
    const { body } = await search(user, { query: "hearing aid benefit" });
    expect(body.results.map((r) => r.document_id)).toEqual([stored]);
  });

  it("gives a user all 5 of their matching chunks however many similar chunks other users store", async () => {
    const others = await Promise.all(Array.from({ length: 12 }, () => registerUser("crowd")));
    const crowdText = Array.from({ length: 25 }, (_, i) => `The overall annual deductible for network providers is $${500 + i} per person.`);
    for (const other of others) await seedDocument(other.id, crowdText);
    const user = await registerUser("needle");
    await seedDocument(user.id, [
      "Your overall annual deductible for network providers is $640 per person.",
      "The overall deductible for network providers is $1,280 for a family.",
      "After the overall deductible, network providers cost 20% coinsurance.",
      "The overall deductible does not apply to preventive care from network providers.",
      "Out-of-network providers have a separate overall deductible of $2,000 per person.",
      "Dental x-rays are limited to one set per year.",
    ]);
    const { body } = await search(user, { query: "overall annual deductible for network providers per person", k: 5 });
    expect(body.results).toHaveLength(5);
    expect(body.results.every((r) => /deductible/.test(r.text))).toBe(true);
  });
});
