import { beforeAll, describe, expect, it } from "vitest";
import { api, registerUser, type TestUser } from "../support/worker-api";

interface Session {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

async function newSession(user: TestUser, message: string): Promise<string> {
  const response = await api("/chat", {
    method: "POST",
    headers: { ...user.auth, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ message }),
  });
  expect(response.status).toBe(200);
  return (await response.json<{ session_id: string }>()).session_id;
}

const rename = (user: TestUser, id: string, title: unknown) =>
  api(`/chat/sessions/${id}`, {
    method: "PATCH",
    headers: { ...user.auth, "content-type": "application/json" },
    body: JSON.stringify({ title }),
  });

describe("PATCH /chat/sessions/{id} renames a conversation", () => {
  let user: TestUser;
  let sessionId: string;

  beforeAll(async () => {
    user = await registerUser("rename");
    sessionId = await newSession(user, "What is the overall deductible?");
  });

  it("answers the session with its new title, trimmed", async () => {
    const response = await rename(user, sessionId, "  My deductible  ");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: sessionId, title: "My deductible" });
  });

  it("shows the new title in the conversation list", async () => {
    await rename(user, sessionId, "Deductible questions");
    const { sessions } = await (await api("/chat/sessions", { headers: user.auth })).json<{ sessions: Session[] }>();
    expect(sessions.find((s) => s.id === sessionId)?.title).toBe("Deductible questions");
  });

  it("refuses an empty title with 422", async () => {
    expect((await rename(user, sessionId, "   ")).status).toBe(422);
  });

  it("refuses a title longer than 80 characters with 422", async () => {
    expect((await rename(user, sessionId, "x".repeat(81))).status).toBe(422);
  });

  it("answers an unknown session with 404", async () => {
    expect((await rename(user, crypto.randomUUID(), "Nothing")).status).toBe(404);
  });

  it("answers another user's session with 404 and leaves its title alone (security)", async () => {
    const other = await registerUser("rename-other");
    expect((await rename(other, sessionId, "Mine now")).status).toBe(404);
    const { title } = await (await api(`/chat/sessions/${sessionId}`, { headers: user.auth })).json<Session>();
    expect(title).not.toBe("Mine now");
  });
});
