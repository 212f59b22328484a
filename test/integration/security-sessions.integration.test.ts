/**
 * Refresh tokens and logout: rotation, reuse detection that ends the whole family, and logout that ends access
 * tokens at once (not when they expire).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { api, registerUser, type TestUser } from "../support/worker-api";
import { expectProblem } from "../support/worker-security";

interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  refresh_expires_in: number;
  user: { id: string; email: string };
}

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

const refresh = (refreshToken: string) => api("/api/v2/auth/refresh", json({ refresh_token: refreshToken }));
const me = (accessToken: string) => api("/api/v2/auth/me", { headers: { authorization: `Bearer ${accessToken}` } });

async function refreshed(refreshToken: string): Promise<Tokens> {
  const response = await refresh(refreshToken);
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return response.json<Tokens>();
}

async function logIn(user: TestUser): Promise<Tokens> {
  const response = await api("/api/v2/auth/login", json({ email: user.email, password: "correct horse battery staple" }));
  expect(response.status).toBe(200);
  return response.json<Tokens>();
}

// The first request of a file starts the Worker and its database pool, which on a loaded machine can take longer
// than one test may; the hook (60 s) absorbs it.
beforeAll(async () => {
  await registerUser("warm-up");
});

describe("refresh tokens (security)", () => {
  it("trade a refresh token for a new access token and a new refresh token", async () => {
    const user = await registerUser("refresh");
    const next = await refreshed(user.refreshToken);
    expect(next.user).toEqual({ id: user.id, email: user.email });
    expect(next.refresh_token).not.toBe(user.refreshToken);
    expect(next.access_token).not.toBe(user.token);
    expect((await me(next.access_token)).status).toBe(200);
  });

  it("are single-use: the new one works, and presenting the old one again is refused", async () => {
    const user = await registerUser("rotate");
    const next = await refreshed(user.refreshToken);
    await expectProblem(await refresh(user.refreshToken), 401, "unauthorized");
    // Reuse ended the family, so even the newest refresh token and every access token of the session stop working.
    await expectProblem(await refresh(next.refresh_token), 401, "unauthorized");
    await expectProblem(await me(next.access_token), 401, "unauthorized");
    await expectProblem(await me(user.token), 401, "unauthorized");
  });

  it("reuse ends only the family it belongs to: another login of the same user keeps working", async () => {
    const user = await registerUser("family");
    const other = await logIn(user);
    await refreshed(user.refreshToken);
    await expectProblem(await refresh(user.refreshToken), 401, "unauthorized");
    expect((await me(other.access_token)).status).toBe(200);
    expect((await refresh(other.refresh_token)).status).toBe(200);
  });

  it("refuse an unknown refresh token with 401", async () => {
    await expectProblem(await refresh("x".repeat(43)), 401, "unauthorized");
  });

  it("refuse an access token sent as a refresh token", async () => {
    const user = await registerUser("confused");
    await expectProblem(await refresh(user.token), 422, "validation_failed");
  });

  it("refuse a body without a refresh token (and no refresh cookie) with 401", async () => {
    await expectProblem(await api("/api/v2/auth/refresh", json({})), 401, "unauthorized");
  });

  it("refuse a refresh token that is not a string with 422", async () => {
    await expectProblem(await api("/api/v2/auth/refresh", json({ refresh_token: 42 })), 422, "validation_failed");
  });
});

describe("logout (security)", () => {
  it("with an access token ends its session: that access token and its refresh token stop working at once", async () => {
    const user = await registerUser("logout");
    const response = await api("/api/v2/auth/logout", { method: "POST", headers: user.auth });
    expect(response.status).toBe(204);
    await expectProblem(await me(user.token), 401, "unauthorized");
    await expectProblem(await refresh(user.refreshToken), 401, "unauthorized");
  });

  it("ends the session for the reads that check it in their own database request (search, documents, a job)", async () => {
    const user = await registerUser("logout-reads");
    expect((await api("/api/v2/documents", { headers: user.auth })).status).toBe(200);
    expect((await api("/api/v2/auth/logout", { method: "POST", headers: user.auth })).status).toBe(204);
    await expectProblem(await api("/api/v2/documents", { headers: user.auth }), 401, "unauthorized");
    await expectProblem(await api(`/api/v2/documents/${crypto.randomUUID()}`, { headers: user.auth }), 401, "unauthorized");
    await expectProblem(await api(`/api/v2/jobs/${crypto.randomUUID()}`, { headers: user.auth }), 401, "unauthorized");
    await expectProblem(await api("/api/v2/search", json({ query: "deductible" }, user.auth)), 401, "unauthorized");
    // Refused before the body is looked at, as with every other route: an invalid body still answers 401.
    await expectProblem(await api("/api/v2/search", json({ query: "" }, user.auth)), 401, "unauthorized");
  });

  it("ends the session for a chat turn, which checks it in its retrieval request: 401 before anything streams or is stored", async () => {
    const user = await registerUser("logout-chat");
    const chat = (body: unknown, accept: string) => api("/chat", { method: "POST", headers: { ...user.auth, "content-type": "application/json", accept }, body: JSON.stringify(body) });
    const first = await chat({ message: "What is my deductible?" }, "application/json");
    expect(first.status).toBe(200);
    const chatSession = (await first.json<{ session_id: string }>()).session_id;
    const other = await logIn(user);
    expect((await api("/api/v2/auth/logout", { method: "POST", headers: user.auth })).status).toBe(204);

    for (const accept of ["text/event-stream", "application/json"]) {
      const refused = await chat({ message: "What is my out-of-pocket limit?" }, accept);
      expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
      await expectProblem(refused, 401, "unauthorized");
      await expectProblem(await chat({ message: "And the copay?", session_id: chatSession }, accept), 401, "unauthorized");
    }
    // 401 too where the turn would have been refused before retrieval: a chat session that does not exist, a bad body.
    await expectProblem(await chat({ message: "And the copay?", session_id: crypto.randomUUID() }, "application/json"), 401, "unauthorized");
    await expectProblem(await chat({ message: "" }, "application/json"), 401, "unauthorized");

    // Nothing of the refused turns was stored: the user's other login sees the one conversation with its one turn.
    const otherAuth = { authorization: `Bearer ${other.access_token}` };
    const { sessions } = await (await api("/chat/sessions", { headers: otherAuth })).json<{ sessions: Array<{ id: string }> }>();
    expect(sessions.map((session) => session.id)).toEqual([chatSession]);
    const { messages } = await (await api(`/chat/sessions/${chatSession}`, { headers: otherAuth })).json<{ messages: unknown[] }>();
    expect(messages).toHaveLength(2);
  });

  it("ends the session for /agents/query, which checks it in its retrieval request: 401 problem+json", async () => {
    const user = await registerUser("logout-agents");
    const query = (body: unknown) => api("/agents/query", json(body, user.auth));
    const first = await query({ query: "What is my deductible?" });
    await first.text();
    expect(first.status).toBe(200);
    expect((await api("/api/v2/auth/logout", { method: "POST", headers: user.auth })).status).toBe(204);

    const refused = await query({ query: "What is my out-of-pocket limit?" });
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
    await expectProblem(refused, 401, "unauthorized");
    // Refused before the body is looked at, as with every other route: an invalid body still answers 401.
    await expectProblem(await query({ query: "" }), 401, "unauthorized");
    // The rest of /agents checks the session up front, as before.
    await expectProblem(await api("/agents/status", { headers: user.auth }), 401, "unauthorized");
  });

  it("ends the session for /v1/chat/completions, which checks it in its retrieval request: 401 in OpenAI's shape, streaming or not", async () => {
    const user = await registerUser("logout-v1");
    const completion = (body: Record<string, unknown>) => api("/v1/chat/completions", json({ model: "insurance-navigator", ...body }, user.auth));
    const ask = (content: string, stream: boolean) => completion({ messages: [{ role: "user", content }], stream });
    const first = await ask("What is my deductible?", true);
    await first.text();
    expect(first.status).toBe(200);
    expect((await api("/api/v2/auth/logout", { method: "POST", headers: user.auth })).status).toBe(204);

    const authenticationError = { error: { message: expect.any(String), type: "invalid_request_error", param: null, code: "invalid_api_key" } };
    for (const stream of [false, true]) {
      const refused = await ask("What is my out-of-pocket limit?", stream);
      expect(refused.status).toBe(401);
      expect(refused.headers.get("content-type")).toMatch(/^application\/json/);
      expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer error="invalid_token"/);
      expect(await refused.json()).toEqual(authenticationError);
    }
    // An invalid body, and the routes that check the session up front, answer the same 401.
    const invalid = await completion({});
    expect(invalid.status).toBe(401);
    expect(await invalid.json()).toEqual(authenticationError);
    const models = await api("/v1/models", { headers: user.auth });
    expect(models.status).toBe(401);
    expect(await models.json()).toEqual(authenticationError);
  });

  it("with only a refresh token in the body ends that session", async () => {
    const user = await registerUser("logout-refresh");
    const response = await api("/api/v2/auth/logout", json({ refresh_token: user.refreshToken }));
    expect(response.status).toBe(204);
    await expectProblem(await me(user.token), 401, "unauthorized");
    await expectProblem(await refresh(user.refreshToken), 401, "unauthorized");
  });

  it("ends only the session it names; the user's other sessions stay logged in", async () => {
    const user = await registerUser("logout-one");
    const other = await logIn(user);
    expect((await api("/api/v2/auth/logout", { method: "POST", headers: user.auth })).status).toBe(204);
    expect((await me(other.access_token)).status).toBe(200);
  });

  it('with "all": true ends every session of the user', async () => {
    const user = await registerUser("logout-all");
    const other = await logIn(user);
    expect((await api("/api/v2/auth/logout", json({ all: true }, user.auth))).status).toBe(204);
    await expectProblem(await me(other.access_token), 401, "unauthorized");
    await expectProblem(await refresh(other.refresh_token), 401, "unauthorized");
  });

  it("is idempotent for a refresh token that is unknown or already logged out", async () => {
    const user = await registerUser("logout-twice");
    expect((await api("/api/v2/auth/logout", json({ refresh_token: user.refreshToken }))).status).toBe(204);
    expect((await api("/api/v2/auth/logout", json({ refresh_token: user.refreshToken }))).status).toBe(204);
  });

  it("without any token answers 401", async () => {
    await expectProblem(await api("/api/v2/auth/logout", { method: "POST" }), 401, "unauthorized");
  });

  it("with a body that is not JSON answers 400", async () => {
    const user = await registerUser("logout-bad");
    const response = await api("/api/v2/auth/logout", { method: "POST", headers: { ...user.auth, "content-type": "application/json" }, body: "{" });
    await expectProblem(response, 400, "bad_request");
  });
});
