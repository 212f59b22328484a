import { beforeAll, describe, expect, it } from "vitest";
import { api, registerUser, type TestUser } from "../support/worker-api";

const json = { "content-type": "application/json" };

interface Turn {
  session_id: string;
  message_id: string;
}

async function ask(user: TestUser, message: string): Promise<Turn> {
  const response = await api("/chat", { method: "POST", headers: { ...user.auth, ...json, accept: "application/json" }, body: JSON.stringify({ message }) });
  expect(response.status).toBe(200);
  return response.json<Turn>();
}

const rate = (user: TestUser, sessionId: string, messageId: string, body: unknown) =>
  api(`/chat/sessions/${sessionId}/messages/${messageId}/feedback`, { method: "POST", headers: { ...user.auth, ...json }, body: JSON.stringify(body) });

interface Message {
  id: string;
  role: string;
  feedback: { rating: number; comment: string | null; created_at: string } | null;
}

async function messages(user: TestUser, sessionId: string): Promise<Message[]> {
  const response = await api(`/chat/sessions/${sessionId}`, { headers: user.auth });
  expect(response.status).toBe(200);
  return (await response.json<{ messages: Message[] }>()).messages;
}

describe("POST /chat/sessions/{id}/messages/{message_id}/feedback rates an answer", () => {
  let user: TestUser;
  let turn: Turn;

  beforeAll(async () => {
    user = await registerUser("feedback");
    turn = await ask(user, "Do I need a referral for a specialist?");
  }, 120_000);

  it("answers 200 with the message and its feedback", async () => {
    const response = await rate(user, turn.session_id, turn.message_id, { rating: 4, comment: "  Clear, but no page  " });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: turn.message_id, role: "assistant", feedback: { rating: 4, comment: "Clear, but no page" } });
  });

  it("returns the rating with the message from GET /chat/sessions/{id}", async () => {
    await rate(user, turn.session_id, turn.message_id, { rating: 5 });
    const all = await messages(user, turn.session_id);
    expect(all.find((m) => m.id === turn.message_id)?.feedback).toEqual({ rating: 5, comment: null, created_at: expect.any(String) });
    expect(all.find((m) => m.role === "user")?.feedback).toBeNull();
  });

  it.each([0, 6, 3.5, "5", null])("refuses the rating %j with 422 problem+json", async (rating) => {
    const response = await rate(user, turn.session_id, turn.message_id, { rating });
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("refuses a comment longer than 2000 characters with 422", async () => {
    expect((await rate(user, turn.session_id, turn.message_id, { rating: 3, comment: "x".repeat(2001) })).status).toBe(422);
  });

  it("refuses to rate the member's own question with 422", async () => {
    const question = (await messages(user, turn.session_id)).find((m) => m.role === "user");
    expect((await rate(user, turn.session_id, question?.id ?? "", { rating: 3 })).status).toBe(422);
  });

  it("answers 404 for a message that is not in that session", async () => {
    const other = await ask(user, "What is the out-of-pocket limit?");
    expect((await rate(user, turn.session_id, other.message_id, { rating: 3 })).status).toBe(404);
    expect((await rate(user, turn.session_id, crypto.randomUUID(), { rating: 3 })).status).toBe(404);
    expect((await rate(user, turn.session_id, "not-an-id", { rating: 3 })).status).toBe(404);
  });

  it("answers 401 without credentials", async () => {
    const response = await api(`/chat/sessions/${turn.session_id}/messages/${turn.message_id}/feedback`, { method: "POST", headers: json, body: JSON.stringify({ rating: 1 }) });
    expect(response.status).toBe(401);
  });
});

describe("feedback is the member's own (security)", () => {
  it("answers 404 when another member rates someone else's answer, and changes nothing", async () => {
    const owner = await registerUser("feedback-owner");
    const other = await registerUser("feedback-other");
    const turn = await ask(owner, "What is the overall deductible?");
    expect((await rate(other, turn.session_id, turn.message_id, { rating: 1 })).status).toBe(404);
    expect((await messages(owner, turn.session_id)).every((m) => m.feedback === null)).toBe(true);
  }, 120_000);
});
