import { beforeAll, describe, expect, it } from "vitest";
import type { Citation } from "../../src/api";
import { api, registerUser, sampleSbc, upload, waitForJob, type TestUser } from "../support/worker-api";
import { databaseRoundTrips } from "../support/worker-db";
import { collectSse, readSse } from "../support/worker-sse";

interface DoneData {
  message_id: string;
  answer: string;
  citations: Citation[];
  finish_reason: string;
  timings: { retrieval_ms: number; first_token_ms: number | null; total_ms: number };
}

const chat = (user: TestUser, body: Record<string, unknown>, accept = "text/event-stream") =>
  api("/chat", {
    method: "POST",
    headers: { ...user.auth, "content-type": "application/json", accept },
    body: JSON.stringify(body),
  });

describe("POST /chat over the sample SBC (offline providers)", () => {
  let user: TestUser;
  let documentId: string;

  beforeAll(async () => {
    user = await registerUser("chat");
    const { body } = await upload(user, await sampleSbc(), "cms-sample-sbc.pdf");
    documentId = body.document_id;
    const job = await waitForJob(user, body.job_id);
    expect(job.status).toBe("complete");
  });

  it("streams start, sources, deltas and done, in that order", async () => {
    const response = await chat(user, { message: "What is the overall deductible?" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    // An answer from the member's documents: never stored by any cache (src/lib/middleware.ts securityHeaders).
    expect(response.headers.get("cache-control")).toBe("no-store");
    const events = await collectSse(response);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe("start");
    expect(names[1]).toBe("sources");
    expect(names.at(-1)).toBe("done");
    expect(names.slice(2, -1).every((n) => n === "delta")).toBe(true);
    expect(names.filter((n) => n === "delta").length).toBeGreaterThan(1);
  });

  it("answers the overall deductible with $500 and cites page 1 of the document", async () => {
    const events = await collectSse(await chat(user, { message: "What is the overall deductible?" }));
    const done = events.at(-1)?.data as DoneData;
    expect(done.answer).toContain("$500");
    expect(done.citations.some((c) => c.page === 1 && c.document_id === documentId && c.filename === "cms-sample-sbc.pdf")).toBe(true);
    const deltas = events.filter((e) => e.event === "delta").map((e) => (e.data as { text: string }).text).join("");
    expect(deltas).toBe(done.answer);
    expect(done.timings.total_ms).toBeGreaterThanOrEqual(done.timings.retrieval_ms);
  });

  it("sends citations with document, page, chunk, score, snippet and section context in the sources event", async () => {
    const events = await collectSse(await chat(user, { message: "Do I need a referral to see a specialist?" }));
    const sources = events.find((e) => e.event === "sources")?.data as { citations: Citation[] };
    expect(sources.citations.length).toBeGreaterThan(0);
    // Five found passages at most, then the passages after the best three of them (src/chat/turn.ts NEXT_PASSAGES),
    // which were not ranked themselves (score 0).
    const ranked = sources.citations.filter((citation) => citation.score > 0);
    expect(ranked.length).toBeLessThanOrEqual(5);
    expect(sources.citations.length).toBeLessThanOrEqual(ranked.length + 3);
    expect(sources.citations.slice(0, ranked.length)).toEqual(ranked);
    expect(new Set(sources.citations.map((citation) => citation.chunk_id)).size).toBe(sources.citations.length);
    expect(sources.citations[0]).toEqual({
      n: 1,
      document_id: documentId,
      filename: "cms-sample-sbc.pdf",
      page: expect.any(Number),
      chunk_id: expect.any(String),
      score: expect.any(Number),
      snippet: expect.any(String),
      context: expect.any(String),
    });
  });

  it("answers JSON when the client accepts application/json", async () => {
    const response = await chat(user, { message: "What is the overall deductible?" }, "application/json");
    expect(response.status).toBe(200);
    const body = await response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ session_id: expect.any(String), message_id: expect.any(String), answer: expect.stringContaining("$500") });
    expect(body.citations).toEqual(expect.arrayContaining([expect.objectContaining({ page: 1 })]));
    expect(body.timings).toMatchObject({ retrieval_ms: expect.any(Number), total_ms: expect.any(Number) });
  });

  it("answers in Spanish for a Spanish question", async () => {
    const response = await chat(user, { message: "¿Cuánto es mi deducible general?" }, "application/json");
    const body = await response.json<{ answer: string }>();
    expect(body.answer).toMatch(/Según|No encontré/);
  });

  it("answers what the plan is called from the document's cover, cited on page 1", async () => {
    // The cover's words ("Insurance Company 1: Plan Option 1") share nothing with the question's: search puts it first.
    const response = await chat(user, { message: "My employer's form asks for my health plan's full name. What's this plan called?" }, "application/json");
    const body = await response.json<{ answer: string; citations: Citation[] }>();
    expect(body.answer).toContain("Insurance Company 1: Plan Option 1");
    expect(body.citations[0]).toMatchObject({ page: 1, document_id: documentId });
  });

  it("says plainly when the documents do not answer the question", async () => {
    const response = await chat(user, { message: "What is the weather on Mars tomorrow?" }, "application/json");
    const body = await response.json<{ answer: string; citations: unknown[]; finish_reason: string }>();
    expect(body.answer).toContain("I couldn't find that in your documents.");
    expect(body.citations).toEqual([]);
  });

  it("keeps the conversation: a follow-up in the same session sees the earlier turn", async () => {
    const first = await (await chat(user, { message: "What is the specialist visit copay?" }, "application/json")).json<{ session_id: string }>();
    const second = await chat(user, { message: "and do I need a referral?", session_id: first.session_id }, "application/json");
    expect(second.status).toBe(200);
    const session = await (await api(`/chat/sessions/${first.session_id}`, { headers: user.auth })).json<{ messages: Array<{ role: string }> }>();
    expect(session.messages.map((m) => m.role)).toEqual(["user", "assistant", "user", "assistant"]);
  });

  it("answers a turn with one database round trip: its login session is checked in the retrieval request", async () => {
    // The fewest of three, for each of JSON and SSE: background work (a job watchdog's alarm) can only add to a count.
    const counts = { json: [] as number[], sse: [] as number[] };
    for (let i = 0; i < 3; i++) {
      let before = await databaseRoundTrips();
      expect((await chat(user, { message: `What is the overall deductible? (${i})` }, "application/json")).status).toBe(200);
      counts.json.push((await databaseRoundTrips()) - before);
      before = await databaseRoundTrips();
      const events = await collectSse(await chat(user, { message: `What is the specialist copay? (${i})` }));
      expect(events.map((e) => e.event)).toContain("done");
      counts.sse.push((await databaseRoundTrips()) - before);
    }
    expect({ json: Math.min(...counts.json), sse: Math.min(...counts.sse) }).toEqual({ json: 1, sse: 1 });
  });

  it("stores the answer even when the client disconnects mid-stream", async () => {
    const response = await chat(user, { message: "What is the out-of-pocket limit?" });
    let sessionId = "";
    for await (const event of readSse(response)) {
      if (event.event === "start") {
        sessionId = (event.data as { session_id: string }).session_id;
        break; // leaving the loop cancels the reader: the client is gone
      }
    }
    expect(sessionId).not.toBe("");
    const deadline = Date.now() + 15_000;
    let messages: Array<{ role: string; content: string; finish_reason: string | null }> = [];
    while (Date.now() < deadline) {
      const session = await (await api(`/chat/sessions/${sessionId}`, { headers: user.auth })).json<{ messages: typeof messages }>();
      messages = session.messages;
      // The answer's message exists from the start of the turn, "in_progress" until it is done.
      if (messages.some((m) => m.role === "assistant" && m.finish_reason !== "in_progress")) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(messages.find((m) => m.role === "assistant")?.content).toMatch(/\$2,500/);
  });
});

describe("chat sessions", () => {
  it("lists, shows and deletes a session", async () => {
    const user = await registerUser("sessions");
    const created = await (await chat(user, { message: "Hello there" }, "application/json")).json<{ session_id: string }>();
    const list = await (await api("/chat/sessions", { headers: user.auth })).json<{ sessions: Array<{ id: string; title: string }> }>();
    expect(list.sessions).toEqual([expect.objectContaining({ id: created.session_id, title: "Hello there" })]);
    expect((await api(`/chat/sessions/${created.session_id}`, { method: "DELETE", headers: user.auth })).status).toBe(204);
    expect((await api(`/chat/sessions/${created.session_id}`, { headers: user.auth })).status).toBe(404);
  });

  it("answers 404 for another user's session id, on read, delete and chat", async () => {
    const alice = await registerUser("alice-chat");
    const bob = await registerUser("bob-chat");
    const { session_id } = await (await chat(alice, { message: "Alice's private question" }, "application/json")).json<{ session_id: string }>();
    expect((await api(`/chat/sessions/${session_id}`, { headers: bob.auth })).status).toBe(404);
    expect((await api(`/chat/sessions/${session_id}`, { method: "DELETE", headers: bob.auth })).status).toBe(404);
    expect((await chat(bob, { message: "continue", session_id }, "application/json")).status).toBe(404);
    expect((await api(`/chat/sessions/${session_id}`, { headers: alice.auth })).status).toBe(200);
  });
});

describe("chat input and limits", () => {
  it("answers 422 for a message over 4,000 characters", async () => {
    const user = await registerUser("long");
    const response = await chat(user, { message: "a".repeat(4001) });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers 422 for an empty message", async () => {
    const user = await registerUser("emptymsg");
    expect((await chat(user, { message: "   " })).status).toBe(422);
  });

  it("answers 401 without a token", async () => {
    const response = await api("/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ message: "hi" }) });
    expect(response.status).toBe(401);
  });

  it("limits a user to 30 chat messages a minute with 429 and Retry-After", async () => {
    const user = await registerUser("ratelimit");
    for (let i = 0; i < 30; i++) {
      const response = await chat(user, { message: `question ${i}` }, "application/json");
      expect(response.status).toBe(200);
    }
    const limited = await chat(user, { message: "one too many" }, "application/json");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: "rate_limited" });
    const other = await registerUser("ratelimit-other");
    expect((await chat(other, { message: "unaffected" }, "application/json")).status).toBe(200);
  });
});

describe("isolation in search and chat (security)", () => {
  it("never gives user B a chunk of user A's documents", async () => {
    const alice = await registerUser("alice-iso");
    const bob = await registerUser("bob-iso");
    const { body } = await upload(alice, new TextEncoder().encode("Zanzibar plan: the xylophone rider costs $9,876 per year."), "alice.txt");
    await waitForJob(alice, body.job_id);
    const search = await api("/api/v2/search", {
      method: "POST",
      headers: { ...bob.auth, "content-type": "application/json" },
      body: JSON.stringify({ query: "Zanzibar xylophone rider cost" }),
    });
    expect((await search.json<{ results: unknown[] }>()).results).toEqual([]);
    const answer = await (await chat(bob, { message: "How much is the Zanzibar xylophone rider?" }, "application/json")).text();
    expect(answer).not.toContain("9,876");
    const aliceSearch = await api("/api/v2/search", {
      method: "POST",
      headers: { ...alice.auth, "content-type": "application/json" },
      body: JSON.stringify({ query: "Zanzibar xylophone rider cost" }),
    });
    expect((await aliceSearch.json<{ results: Array<{ text: string }> }>()).results[0]?.text).toContain("9,876");
  });
});
