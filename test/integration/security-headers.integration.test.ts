/** Security headers on public, authenticated and error responses; HSTS only in production. */
import { env } from "cloudflare:workers";
import { createExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { api, registerUser, type TestUser } from "../support/worker-api";

let user: TestUser;

beforeAll(async () => {
  user = await registerUser("headers");
});

describe("security headers (security)", () => {
  it("a public response carries nosniff and no referrer, and no HSTS outside production", async () => {
    const response = await api("/health");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  it("an authenticated response is no-store", async () => {
    const response = await api("/api/v2/documents", { headers: user.auth });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("an error response is no-store and nosniff", async () => {
    const response = await api("/api/v2/documents");
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("an authenticated streamed chat answer is no-store", async () => {
    const response = await api("/chat", {
      method: "POST",
      headers: { ...user.auth, "content-type": "application/json" },
      body: JSON.stringify({ message: "What is my deductible?" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    // Read to the end, so the turn is over (and has logged) while this test runs, not behind the file's back.
    await response.text();
  });

  it("token responses are no-store", async () => {
    const response = await api("/api/v2/auth/refresh", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refresh_token: user.refreshToken }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("production responses carry HSTS", async () => {
    const app = createApp();
    const response = await app.fetch(new Request("https://navigator.example/no-such-route"), { ...env, ENVIRONMENT: "production" }, createExecutionContext());
    expect(response.status).toBe(404);
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });
});
