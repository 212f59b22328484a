import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createApp } from "../../src/app";
import { api, BASE, recordedRequests, registerUser, sampleSbc, upload, waitForJob, controlServer, type TestUser } from "../support/worker-api";
import { databaseRoundTrips } from "../support/worker-db";

interface Citation {
  n: number;
  document_id: string;
  filename: string;
  page: number;
}
interface QueryAnswer {
  answer: string;
  citations: Citation[];
  finish_reason: string;
  provider: string;
  model: string;
  timings: { retrieval_ms: number; first_token_ms: number | null; total_ms: number };
}
interface LlmStatus {
  name: string;
  model: string;
  configured: boolean;
  health: { ok: boolean; latency_ms?: number; error?: string };
}
interface Status {
  embeddings: { provider: string; model: string; dimensions: number };
  llm: { providers: LlmStatus[]; order: string[] };
  retrieval: Record<string, unknown>;
  chunking: Record<string, unknown>;
  parser: { provider: string };
}

const query = (user: TestUser, body: Record<string, unknown>) =>
  api("/agents/query", { method: "POST", headers: { ...user.auth, "content-type": "application/json" }, body: JSON.stringify(body) });

/** Calls the app directly with extra bindings (keys the test Worker does not have), as a deployment with them would. */
async function statusWith(user: TestUser, extra: Record<string, string>): Promise<{ status: number; text: string }> {
  const ctx = createExecutionContext();
  const response = await createApp().fetch(new Request(`${BASE}/agents/status`, { headers: user.auth }), { ...env, ...extra }, ctx);
  const text = await response.text();
  await waitOnExecutionContext(ctx);
  return { status: response.status, text };
}

const secrets = {
  OPENAI_API_KEY: "sk-secret-xyz-openai-0123456789",
  ANTHROPIC_API_KEY: "sk-ant-secret-abc-0123456789",
};

describe("POST /agents/query over the sample SBC", () => {
  let user: TestUser;
  let documentId: string;

  beforeAll(async () => {
    user = await registerUser("agents");
    const { body } = await upload(user, await sampleSbc(), "cms-sample-sbc.pdf");
    documentId = body.document_id;
    expect((await waitForJob(user, body.job_id)).status).toBe("complete");
  });

  it("answers the overall deductible with $500 and a citation on page 1", async () => {
    const response = await query(user, { query: "What is the overall deductible?" });
    expect(response.status).toBe(200);
    const body = await response.json<QueryAnswer>();
    expect(body.answer).toContain("$500");
    expect(body.citations.some((c) => c.page === 1 && c.document_id === documentId && c.filename === "cms-sample-sbc.pdf")).toBe(true);
    expect(body).toMatchObject({ finish_reason: "stop", provider: "offline", model: expect.any(String) });
    expect(body.timings.total_ms).toBeGreaterThanOrEqual(body.timings.retrieval_ms);
  });

  it("answers a query with one database round trip: its login session is checked in the retrieval request", async () => {
    // The fewest of three: background work (a job watchdog's alarm) can only add to a count.
    const counts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = await databaseRoundTrips();
      const response = await query(user, { query: `What is the specialist copay? (${i})` });
      expect(response.status).toBe(200);
      await response.text();
      counts.push((await databaseRoundTrips()) - before);
    }
    expect(Math.min(...counts)).toBe(1);
  });

  it("stores no chat session for an agent query", async () => {
    const response = await query(user, { query: "Do I need a referral to see a specialist?" });
    await response.text();
    const sessions = await (await api("/chat/sessions", { headers: user.auth })).json<{ sessions: unknown[] }>();
    expect(sessions.sessions).toEqual([]);
  });

  it("answers only from the listed documents when document_ids is given", async () => {
    const response = await query(user, { query: "What is the overall deductible?", document_ids: [crypto.randomUUID()] });
    const body = await response.json<QueryAnswer>();
    expect(body.citations).toEqual([]);
    expect(body.answer).not.toContain("$500");
  });
});

describe("agents input and auth errors", () => {
  it("answers 422 problem+json for an empty query", async () => {
    const user = await registerUser("agents-empty");
    const response = await query(user, { query: "   " });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "validation_failed" });
  });

  it("answers 422 for a query over 4,000 characters", async () => {
    const user = await registerUser("agents-long");
    const response = await query(user, { query: "a".repeat(4001) });
    await response.text();
    expect(response.status).toBe(422);
  });

  it("answers 401 to a query without a token", async () => {
    const response = await api("/agents/query", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "hi" }) });
    await response.text();
    expect(response.status).toBe(401);
  });

  it("answers 401 to status without a token", async () => {
    const response = await api("/agents/status");
    await response.text();
    expect(response.status).toBe(401);
  });
});

describe("GET /agents/status", () => {
  it("describes the offline deployment: providers, retrieval, chunking and parser", async () => {
    const user = await registerUser("status");
    const response = await api("/agents/status", { headers: user.auth });
    expect(response.status).toBe(200);
    expect(await response.json<Status>()).toEqual({
      embeddings: { provider: "offline", model: "offline-lexical-v2", dimensions: 1536 },
      llm: { providers: [{ name: "offline", model: expect.any(String), configured: true, health: { ok: true } }], order: ["offline"] },
      retrieval: { similarity_threshold: 0.25, max_chunks: 5, hybrid: true, fusion: "rrf", vector_weight: 1 },
      chunking: { strategy: "sentence_5", sentences_per_chunk: 5 },
      parser: { provider: "builtin" },
    });
  });

  it("lists every configured provider in order with its health", async () => {
    const user = await registerUser("status-keys");
    const { status, text } = await statusWith(user, {
      ...secrets,
      OPENAI_BASE_URL: inject("openaiUrl"),
      ANTHROPIC_BASE_URL: inject("anthropicUrl"),
    });
    expect(status).toBe(200);
    const body = JSON.parse(text) as Status;
    expect(body.llm.order).toEqual(["openai", "anthropic", "offline"]);
    expect(body.llm.providers.map((p) => [p.name, p.configured])).toEqual([
      ["openai", true],
      ["anthropic", true],
      ["offline", true],
    ]);
    expect(body.llm.providers[0]?.health).toEqual({ ok: true, latency_ms: expect.any(Number) });
    expect(body.embeddings.provider).toBe("openai");
  });

  it("never shows the OpenAI key, the Anthropic key, the JWT secret or the database URL (security)", async () => {
    const user = await registerUser("status-secrets");
    const { status, text } = await statusWith(user, {
      ...secrets,
      OPENAI_BASE_URL: inject("openaiUrl"),
      ANTHROPIC_BASE_URL: inject("anthropicUrl"),
    });
    expect(status).toBe(200);
    expect(text).toContain("anthropic");
    for (const secret of [secrets.OPENAI_API_KEY, secrets.ANTHROPIC_API_KEY, env.JWT_SECRET, env.DATABASE_URL]) {
      expect(text).not.toContain(secret);
    }
  });

  it("reports a failing provider as unhealthy with a status code and no upstream message", async () => {
    const user = await registerUser("status-fail");
    // The path makes the base URL, and so the health cache entry, new to this test.
    const baseURL = `${new URL(inject("openaiUrl")).origin}/failing-${crypto.randomUUID()}/v1`;
    const { text } = await statusWith(user, { OPENAI_API_KEY: secrets.OPENAI_API_KEY, OPENAI_BASE_URL: baseURL });
    const openai = (JSON.parse(text) as Status).llm.providers.find((p) => p.name === "openai");
    expect(openai?.health).toEqual({ ok: false, latency_ms: expect.any(Number), error: "HTTP 404" });
    expect(text).not.toContain("no route");
  });

  it("checks a provider at most once in 30 seconds however often status is asked", async () => {
    const user = await registerUser("status-cache");
    const openaiUrl = inject("openaiUrl");
    const baseURL = `${new URL(openaiUrl).origin}/cached-${crypto.randomUUID()}/v1`;
    await controlServer(openaiUrl, "reset");
    for (let i = 0; i < 3; i++) await statusWith(user, { OPENAI_API_KEY: secrets.OPENAI_API_KEY, OPENAI_BASE_URL: baseURL });
    const probes = (await recordedRequests(openaiUrl)).filter((r) => r.path.startsWith(new URL(baseURL).pathname));
    expect(probes.length).toBe(1);
  });
});

describe("isolation in agent queries (security)", () => {
  it("never gives user B text from user A's documents", async () => {
    const alice = await registerUser("alice-agents");
    const bob = await registerUser("bob-agents");
    const { body } = await upload(alice, new TextEncoder().encode("Quokka plan: the marimba rider costs $7,654 per year."), "alice-agents.txt");
    expect((await waitForJob(alice, body.job_id)).status).toBe("complete");

    const bobs = await (await query(bob, { query: "How much is the Quokka marimba rider?" })).text();
    expect(bobs).not.toContain("7,654");
    expect(bobs).not.toContain(body.document_id);

    const alices = await (await query(alice, { query: "How much is the Quokka marimba rider?" })).json<QueryAnswer>();
    expect(alices.answer).toContain("7,654");
  });
});
