/**
 * POST /chat through the Worker when OpenAI fails: the chat Durable Object falls back to Anthropic, then to the
 * offline provider, but only before the first delta. The stand-ins' control API scripts the failures.
 */
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { api, recordedRequests, registerUser, upload, waitForJob, type TestUser } from "../support/worker-api";
import { collectSse, type SseEvent } from "../support/worker-sse";

const openaiUrl = inject("openaiUrl");
const anthropicUrl = inject("anthropicUrl");

const PLAN = [
  "Plan FBK-3 summary of benefits.",
  "The overall deductible is $900 per person each year.",
  "Emergency room care costs a $250 copay after the deductible.",
].join(" ");
const QUESTION = "What is the overall deductible?";

interface DoneData {
  answer: string;
  provider: string;
  model: string;
}

async function control(baseUrl: string, action: "reset" | "fail", body: Record<string, unknown> = {}) {
  const response = await fetch(`${new URL(baseUrl).origin}/__control/${action}`, { method: "POST", body: JSON.stringify(body) });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`control ${action} answered ${response.status}`);
}

/** Two 503s: the first attempt and the SDK's one retry. retry-after-ms keeps the retry instant. */
const failTwice = (baseUrl: string, pathPrefix: string) =>
  control(baseUrl, "fail", { path_prefix: pathPrefix, status: 503, times: 2, headers: { "retry-after-ms": "5" } });

async function requestsTo(baseUrl: string, path: string): Promise<Array<{ stream?: boolean; messages: unknown[] }>> {
  const all = await recordedRequests(baseUrl);
  return all.filter((r) => r.method === "POST" && r.path === path).map((r) => JSON.parse(r.body));
}

const chatSse = async (user: TestUser, message: string): Promise<SseEvent[]> => {
  const response = await api("/chat", {
    method: "POST",
    headers: { ...user.auth, "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ message }),
  });
  expect(response.status).toBe(200);
  return collectSse(response);
};
const done = (events: SseEvent[]) => events.find((e) => e.event === "done")?.data as DoneData | undefined;

let user: TestUser;

beforeAll(async () => {
  user = await registerUser("providers-fallback");
  const { response, body } = await upload(user, new TextEncoder().encode(PLAN), "plan-fbk3.txt");
  expect(response.status).toBe(202);
  expect((await waitForJob(user, body.job_id)).status).toBe("complete");
});

beforeEach(async () => {
  await control(openaiUrl, "reset");
  await control(anthropicUrl, "reset");
});

describe("POST /chat when OpenAI is unavailable", () => {
  it("answers from Anthropic after OpenAI answers 503 twice", async () => {
    await failTwice(openaiUrl, "/v1/chat/completions");
    const events = await chatSse(user, QUESTION);
    expect(done(events)).toMatchObject({ provider: "anthropic", model: "claude-sonnet-4-6", answer: `Answer based on [1]: ${QUESTION}` });
    expect(await requestsTo(openaiUrl, "/v1/chat/completions")).toHaveLength(2);
    const anthropic = await requestsTo(anthropicUrl, "/v1/messages");
    expect(anthropic.map((r) => r.stream)).toEqual([true]);
  });

  it("answers offline from the document when OpenAI and Anthropic both answer 503", async () => {
    await failTwice(openaiUrl, "/v1/chat/completions");
    await failTwice(anthropicUrl, "/v1/messages");
    const events = await chatSse(user, QUESTION);
    expect(done(events)?.provider).toBe("offline");
    expect(done(events)?.answer).toContain("$900");
    expect(await requestsTo(anthropicUrl, "/v1/messages")).toHaveLength(2);
  });
});

describe("POST /chat when OpenAI fails mid-answer", () => {
  const question = `${QUESTION} __FAIL_MID_STREAM__`;
  let events: SseEvent[];
  /** Read here: the file's beforeEach resets the stand-ins before every test. */
  let anthropicRequests: unknown[];

  beforeAll(async () => {
    await control(openaiUrl, "reset");
    await control(anthropicUrl, "reset");
    events = await chatSse(user, question);
    anthropicRequests = await requestsTo(anthropicUrl, "/v1/messages");
  });

  it("ends the stream with an error event after the deltas already sent, and no done event", async () => {
    const names = events.map((e) => e.event);
    expect(names.slice(0, 2)).toEqual(["start", "sources"]);
    expect(names.slice(2)).toEqual(["delta", "error"]);
    expect(events[2]?.data).toEqual({ text: "Answer " });
    expect(events[3]?.data).toMatchObject({ code: "upstream_unavailable" });
  });

  it("does not switch to Anthropic once OpenAI has streamed text", async () => {
    expect(anthropicRequests).toEqual([]);
  });

  it("keeps the user's message and the partial answer, marked as an error, in the session", async () => {
    const { session_id } = events[0]?.data as { session_id: string };
    const response = await api(`/chat/sessions/${session_id}`, { headers: user.auth });
    expect(response.status).toBe(200);
    const session = await response.json<{ messages: Array<{ role: string; content: string; finish_reason: string | null }> }>();
    expect(session.messages).toEqual([
      expect.objectContaining({ role: "user", content: question }),
      expect.objectContaining({ role: "assistant", content: "Answer ", finish_reason: "error" }),
    ]);
  });
});
