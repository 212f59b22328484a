/**
 * Every route with the database unreachable: a problem+json 503 `database_unavailable` with a request id and
 * Retry-After (OpenAI's error shape under /v1), never the runtime's HTML error page or a 500.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { registerUser, type TestUser } from "../support/worker-api";

// Port 9 (discard) on loopback has no listener: every connection is refused at once, as when the database is down.
const brokenEnv = { ...env, DATABASE_WS_PROXY: "127.0.0.1:9/v1", DATABASE_HTTP_ENDPOINT: "http://127.0.0.1:9/sql" };

async function fetchWithoutDatabase(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await createApp().fetch(new Request(`http://navigator.test${path}`, init), brokenEnv, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const SOME_ID = "0b9c6a1e-5d0c-4d8e-9a57-2f4c1b7e9d10";

describe("with the database unreachable", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await registerUser("outage");
  });

  const json = (body: unknown) => ({ "content-type": "application/json", ...user.auth, body: JSON.stringify(body) });
  const routes: Array<[string, () => [string, RequestInit]]> = [
    ["GET /api/v2/jobs/{id}", () => [`/api/v2/jobs/${SOME_ID}`, { headers: user.auth }]],
    ["GET /api/v2/documents", () => ["/api/v2/documents", { headers: user.auth }]],
    ["GET /api/v2/documents/{id}", () => [`/api/v2/documents/${SOME_ID}`, { headers: user.auth }]],
    ["DELETE /api/v2/documents/{id}", () => [`/api/v2/documents/${SOME_ID}`, { method: "DELETE", headers: user.auth }]],
    [
      "POST /api/v2/upload",
      () => {
        const form = new FormData();
        form.append("file", new File(["The deductible is $500."], "plan.txt"));
        return ["/api/v2/upload", { method: "POST", headers: user.auth, body: form }];
      },
    ],
    ["POST /api/v2/search", () => { const { body, ...headers } = json({ query: "deductible" }); return ["/api/v2/search", { method: "POST", headers, body }]; }],
    ["POST /agents/query", () => { const { body, ...headers } = json({ query: "deductible" }); return ["/agents/query", { method: "POST", headers, body }]; }],
    ["GET /api/v2/auth/me", () => ["/api/v2/auth/me", { headers: user.auth }]],
    [
      "POST /api/v2/auth/login",
      () => ["/api/v2/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: user.email, password: "correct horse battery staple" }) }],
    ],
    [
      "POST /api/v2/auth/register",
      () => ["/api/v2/auth/register", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: `new-${crypto.randomUUID()}@example.com`, password: "correct horse battery staple" }) }],
    ],
  ];

  it.each(routes)("%s answers a problem+json 503 with a request id and Retry-After", async (_name, request) => {
    const [path, init] = request();
    const response = await fetchWithoutDatabase(path, init);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("retry-after")).toBe("5");
    const body = await response.json<{ code: string; request_id: string; detail: string }>();
    expect(body.code).toBe("database_unavailable");
    expect(body.request_id).toBe(response.headers.get("x-request-id"));
    expect(body.detail).not.toMatch(/select|insert|params/i);
  });

  it("POST /v1/chat/completions answers 503 in OpenAI's error shape with a request id", async () => {
    const response = await fetchWithoutDatabase("/v1/chat/completions", {
      method: "POST",
      headers: { "content-type": "application/json", ...user.auth },
      body: JSON.stringify({ model: "insurance-navigator", messages: [{ role: "user", content: "What is the deductible?" }] }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("x-request-id")).toMatch(/.+/);
    expect(await response.json()).toMatchObject({ error: { type: "server_error", code: "database_unavailable" } });
  });
});
