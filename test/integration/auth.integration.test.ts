import { env, exports } from "cloudflare:workers";
import { decodeJwt, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { testAddress } from "../support/worker-api";

const BASE = "http://example.com/api/v2/auth";
const PASSWORD = "a long enough password";

interface TokenBody {
  user: { id: string; email: string };
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token: string;
  refresh_expires_in: number;
}

type Problem = Record<string, unknown> & { status: number; code: string; detail: string; request_id: string };

const uniqueEmail = () => `${crypto.randomUUID()}@example.com`;

/** Each request from an address of its own: per-address limits are tested in security-throttle, not here. */
function post(path: string, body: unknown): Promise<Response> {
  return exports.default.fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "cf-connecting-ip": testAddress() },
    body: JSON.stringify(body),
  });
}

function me(authorization?: string): Promise<Response> {
  return exports.default.fetch(`${BASE}/me`, { headers: authorization ? { authorization } : {} });
}

async function register(email = uniqueEmail(), password = PASSWORD): Promise<TokenBody> {
  const response = await post("/register", { email, password });
  expect(response.status).toBe(201);
  return response.json<TokenBody>();
}

/** Every error the API gives is problem+json with the request id in both the body and the header. */
async function expectProblem(response: Response, status: number, code: string): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const requestId = response.headers.get("x-request-id");
  expect(requestId).toMatch(/.+/);
  const body = await response.json<Problem>();
  expect(body).toMatchObject({ status, code });
  expect(body.request_id).toBe(requestId);
  return body;
}

/** A token signed like ours, with the secret, audience, user and session chosen by the test. */
function token(options: { secret?: string; audience?: string; userId?: string; sessionId?: string } = {}): Promise<string> {
  return new SignJWT({ email: "someone@example.com", sid: options.sessionId ?? crypto.randomUUID() })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(options.userId ?? crypto.randomUUID())
    .setIssuer(env.JWT_ISSUER)
    .setAudience(options.audience ?? env.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(options.secret ?? env.JWT_SECRET));
}

describe("accounts: happy path", () => {
  it("registers a user and answers 201 with a Bearer token", async () => {
    const email = uniqueEmail();
    const response = await post("/register", { email, password: PASSWORD });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json<TokenBody>();
    expect(body).toEqual({
      user: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), email },
      access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      token_type: "Bearer",
      expires_in: Number(env.JWT_TTL_SECONDS),
      refresh_token: expect.stringMatching(/^[\w-]{43}$/),
      refresh_expires_in: Number(env.REFRESH_TOKEN_TTL_SECONDS),
    });
  });

  it("normalises the email so a padded, mixed-case address logs in lowercased", async () => {
    const local = crypto.randomUUID();
    const registered = await register(`  ${local.toUpperCase()}@Example.COM `);
    expect(registered.user.email).toBe(`${local}@example.com`);

    const response = await post("/login", { email: `${local}@example.com`, password: PASSWORD });
    expect(response.status).toBe(200);
    expect((await response.json<TokenBody>()).user).toEqual(registered.user);
  });

  it("logs in with the registered password and answers 200 with a token", async () => {
    const registered = await register();
    const response = await post("/login", { email: registered.user.email, password: PASSWORD });
    expect(response.status).toBe(200);
    const body = await response.json<TokenBody>();
    expect(body.user).toEqual(registered.user);
    expect(body.token_type).toBe("Bearer");
    expect(body.access_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("answers /me with the user behind the token", async () => {
    const registered = await register();
    const response = await me(`Bearer ${registered.access_token}`);
    expect(response.status).toBe(200);
    const body = await response.json<{ user: { id: string; email: string; created_at: string } }>();
    expect(body.user).toEqual({ ...registered.user, created_at: expect.any(String) });
    expect(Number.isNaN(Date.parse(body.user.created_at))).toBe(false);
  });

  it("accepts the Bearer scheme in any case", async () => {
    const registered = await register();
    const response = await me(`bEARER ${registered.access_token}`);
    expect(response.status).toBe(200);
    expect((await response.json<{ user: { id: string } }>()).user.id).toBe(registered.user.id);
  });
});

describe("accounts: error path", () => {
  it("refuses a second account for the same email with 409 email_taken", async () => {
    const email = uniqueEmail();
    await register(email);
    const body = await expectProblem(
      await post("/register", { email: `  ${email.toUpperCase()}`, password: PASSWORD }),
      409,
      "email_taken",
    );
    expect(body.detail).toBe("An account with this email already exists.");
  });

  it("refuses a password shorter than 10 characters with 422 and an errors array", async () => {
    const body = await expectProblem(
      await post("/register", { email: uniqueEmail(), password: "short" }),
      422,
      "validation_failed",
    );
    expect(body.errors).toEqual([{ path: "password", message: expect.any(String) }]);
  });

  it("refuses a password longer than 1024 characters with 422", async () => {
    const body = await expectProblem(
      await post("/register", { email: uniqueEmail(), password: "x".repeat(1025) }),
      422,
      "validation_failed",
    );
    expect(body.errors).toEqual([{ path: "password", message: expect.any(String) }]);
  });

  it("refuses an invalid email with 422", async () => {
    const body = await expectProblem(
      await post("/register", { email: "not an email", password: PASSWORD }),
      422,
      "validation_failed",
    );
    expect(body.errors).toEqual([{ path: "email", message: expect.any(String) }]);
  });

  it("refuses a malformed JSON body with a 4xx problem", async () => {
    const response = await exports.default.fetch(`${BASE}/register`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"email": "a@example.com", "password": ',
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await expectProblem(response, response.status, "bad_request");
  });

  it("answers /me without a token with 401 and a Bearer challenge", async () => {
    const response = await me();
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    await expectProblem(response, 401, "unauthorized");
  });

  it("answers /me with a non-Bearer Authorization header with 401", async () => {
    const response = await me("Basic dXNlcjpwYXNz");
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    await expectProblem(response, 401, "unauthorized");
  });
});

describe("accounts: security", () => {
  it("gives a wrong password and an unknown email the same 401 body apart from the request id", async () => {
    const registered = await register();
    const wrongPassword = await post("/login", { email: registered.user.email, password: "not the password" });
    const { request_id: first, ...wrong } = await expectProblem(wrongPassword, 401, "invalid_credentials");
    const unknownEmail = await post("/login", { email: uniqueEmail(), password: PASSWORD });
    const { request_id: second, ...unknown } = await expectProblem(unknownEmail, 401, "invalid_credentials");
    expect(wrong).toEqual(unknown);
    expect(first).not.toBe(second);
  });

  it("refuses a token signed with another secret", async () => {
    const forged = await token({ secret: "an-attackers-secret-that-is-long-enough-too" });
    const response = await me(`Bearer ${forged}`);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    await expectProblem(response, 401, "unauthorized");
  });

  it("refuses a token issued for another audience", async () => {
    const registered = await register();
    const other = await token({ audience: "some-other-api", userId: registered.user.id });
    await expectProblem(await me(`Bearer ${other}`), 401, "unauthorized");
  });

  it("accepts a hand-made token with the right secret and audience, so the two refusals above test one flaw each", async () => {
    const registered = await register();
    const sessionId = String(decodeJwt(registered.access_token).sid);
    const response = await me(`Bearer ${await token({ userId: registered.user.id, sessionId })}`);
    expect(response.status).toBe(200);
    expect((await response.json<{ user: { id: string } }>()).user.id).toBe(registered.user.id);
  });

  it("refuses a valid token whose account does not exist", async () => {
    await expectProblem(await me(`Bearer ${await token()}`), 401, "unauthorized");
  });
});
