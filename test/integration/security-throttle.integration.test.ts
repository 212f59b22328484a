/**
 * Throttling and rate limits: login per account and per address with growing delays (exact, in PostgreSQL, defaults
 * 5 and 20 free attempts, then 1 s, 2 s, 4 s…), registration per address and the per-user route limits (the Rate
 * Limiting binding, numbers from wrangler.toml).
 */
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { sql } from "drizzle-orm";
import { sha256Hex } from "../../src/lib/hash";
import { api, registerUser, testAddress, type TestUser } from "../support/worker-api";
import { withDatabase } from "../support/worker-db";
import { expectProblem } from "../support/worker-security";

const PASSWORD = "correct horse battery staple";

/**
 * Logins go through an app whose first delay is a minute (not the default second), so no delay can run out while a
 * loaded machine is still answering; tests that need time to pass move the throttle's clock back instead of waiting.
 */
const app = createApp();
const BACKOFF_BASE = 60;
const throttled = { ...env, LOGIN_BACKOFF_BASE_SECONDS: String(BACKOFF_BASE) };

async function login(email: string, password: string, address: string = testAddress()): Promise<Response> {
  const request = new Request("http://insurance-navigator.test/api/v2/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": address },
    body: JSON.stringify({ email, password }),
  });
  return app.fetch(request, throttled, createExecutionContext());
}

/** Pretends the last attempt on a throttle key was `seconds` earlier than it was. */
async function rewind(name: string, seconds: number): Promise<void> {
  const key = await sha256Hex(name);
  await withDatabase((db) =>
    db.execute(sql`update login_throttle set last_attempt_at = last_attempt_at - make_interval(secs => ${seconds}) where key = ${key}`),
  );
}

async function expectThrottled(response: Response): Promise<number> {
  const body = await expectProblem(response, 429, "rate_limited");
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(body.retry_after_seconds).toBe(retryAfter);
  return retryAfter;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails `count` logins of `email`, each from the given address (a fresh one per attempt by default). */
async function fail(email: string, count: number, address?: () => string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await login(email, "not the password", address?.());
    expect(response.status).toBe(401);
    await response.body?.cancel();
  }
}

/** Retry-After is rounded up from the time left, which a slow machine may have eaten a few seconds into. */
const about = (seconds: number) => expect.toSatisfy((value: number) => value <= seconds && value > seconds - 10);

// The first request of a file starts the Worker and its database pool, which on a loaded machine can take longer
// than one test may; the hook (60 s) absorbs it.
beforeAll(async () => {
  await registerUser("warm-up");
});

describe("login throttling per account (security)", () => {
  it("refuses the 6th attempt with 429 and Retry-After, even with the right password", async () => {
    const user = await registerUser("throttle");
    await fail(user.email, 5);
    expect(await expectThrottled(await login(user.email, PASSWORD))).toEqual(about(BACKOFF_BASE));
  });

  it("doubles the delay after each further failure", async () => {
    const user = await registerUser("backoff");
    await fail(user.email, 5);
    expect(await expectThrottled(await login(user.email, "wrong again"))).toEqual(about(BACKOFF_BASE));
    await rewind(`account:${user.email}`, BACKOFF_BASE + 1);
    await fail(user.email, 1);
    expect(await expectThrottled(await login(user.email, "wrong again"))).toEqual(about(2 * BACKOFF_BASE));
    await rewind(`account:${user.email}`, 2 * BACKOFF_BASE + 1);
    await fail(user.email, 1);
    expect(await expectThrottled(await login(user.email, "wrong again"))).toEqual(about(4 * BACKOFF_BASE));
  });

  it("lets the right password in once the delay has passed, and that starts the account over", async () => {
    const user = await registerUser("recover");
    await fail(user.email, 5);
    await rewind(`account:${user.email}`, BACKOFF_BASE + 1);
    expect((await login(user.email, PASSWORD)).status).toBe(200);
    await fail(user.email, 5);
  });

  it("gives a burst of parallel wrong passwords exactly the free attempts, then refuses the right one", async () => {
    const user = await registerUser("burst");
    const responses = await Promise.all(Array.from({ length: 30 }, () => login(user.email, "guess")));
    const statuses = responses.map((r) => r.status).sort();
    await Promise.all(responses.map((r) => r.body?.cancel()));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    await expectThrottled(await login(user.email, PASSWORD));
  });

  it("throttles an unknown email exactly like a known one, so a 429 reveals nothing", async () => {
    const unknown = `nobody-${crypto.randomUUID()}@example.com`;
    await fail(unknown, 5);
    const body = await expectProblem(await login(unknown, "guess"), 429, "rate_limited");
    const user = await registerUser("known");
    await fail(user.email, 5);
    const known = await expectProblem(await login(user.email, "guess"), 429, "rate_limited");
    const comparable = (problem: Record<string, unknown>) => ({ ...problem, request_id: "", detail: "", retry_after_seconds: 0 });
    expect(comparable(known)).toEqual(comparable(body));
  });
});

describe("login throttling per client address (security)", () => {
  it("refuses any account from an address after 20 failures there, while other addresses go on", async () => {
    const address = testAddress();
    for (let i = 0; i < 20; i++) await fail(`spray-${i}-${crypto.randomUUID()}@example.com`, 1, () => address);
    const user = await registerUser("sprayed");
    await expectThrottled(await login(user.email, PASSWORD, address));
    expect((await login(user.email, PASSWORD)).status).toBe(200);
  });

  it("does not let a successful login of one's own account clear the address's failures", async () => {
    const address = testAddress();
    const own = await registerUser("own");
    for (let i = 0; i < 19; i++) await fail(`guess-${i}-${crypto.randomUUID()}@example.com`, 1, () => address);
    expect((await login(own.email, PASSWORD, address)).status).toBe(200);
    await fail(`one-more-${crypto.randomUUID()}@example.com`, 1, () => address);
    await expectThrottled(await login(`next-${crypto.randomUUID()}@example.com`, "guess", address));
  });
});

/**
 * The binding counts in windows aligned to the wall-clock minute: start a burst early in a minute, so a window
 * boundary in the middle of it cannot reset the count.
 */
async function startOfAWindow(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 40_000) await sleep(60_500 - intoMinute);
}

describe("registration per address (security)", () => {
  it("allows 5 registrations a minute from one address, then answers 429 with Retry-After", async () => {
    await startOfAWindow();
    const address = testAddress();
    const register = () =>
      api("/api/v2/auth/register", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": address },
        body: JSON.stringify({ email: `reg-${crypto.randomUUID()}@example.com`, password: PASSWORD }),
      });
    for (let i = 0; i < 5; i++) expect((await register()).status).toBe(201);
    expect(await expectThrottled(await register())).toBe(60);
  });
});

describe("per-user route limits (security)", () => {
  const cases: Array<{ name: string; limit: number; send: (user: TestUser) => Promise<Response>; openAi?: boolean }> = [
    // Malformed requests count too, and cost nothing to send.
    { name: "POST /api/v2/upload", limit: 20, send: (u) => api("/api/v2/upload", { method: "POST", headers: u.auth }) },
    { name: "POST /api/v2/search", limit: 120, send: (u) => api("/api/v2/search", { method: "POST", headers: { ...u.auth, "content-type": "application/json" }, body: "{}" }) },
    { name: "POST /agents/query", limit: 30, send: (u) => api("/agents/query", { method: "POST", headers: { ...u.auth, "content-type": "application/json" }, body: "{}" }) },
    {
      name: "POST /v1/chat/completions",
      limit: 30,
      send: (u) => api("/v1/chat/completions", { method: "POST", headers: { ...u.auth, "content-type": "application/json" }, body: "{}" }),
      openAi: true,
    },
  ];

  for (const { name, limit, send, openAi } of cases) {
    it(`${name} answers 429 with Retry-After after ${limit} requests in a minute, for that user only`, async () => {
      const user = await registerUser("limited");
      const other = await registerUser("unlimited");
      await startOfAWindow();
      for (let i = 0; i < limit; i++) {
        const response = await send(user);
        expect(response.status).not.toBe(429);
        await response.body?.cancel();
      }
      const limited = await send(user);
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBe("60");
      if (openAi) expect(await limited.json()).toMatchObject({ error: { code: "rate_limited" } });
      else await expectProblem(limited, 429, "rate_limited");
      const fine = await send(other);
      expect(fine.status).not.toBe(429);
      await fine.body?.cancel();
      // Up to 122 requests, each authenticated against the database: minutes on a loaded machine, not seconds.
    }, 180_000);
  }

});
