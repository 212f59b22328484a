/**
 * The browser's token strategy: with `x-token-transport: cookie` the refresh token is an HttpOnly, Secure,
 * SameSite=Strict cookie scoped to /api/v2/auth and never in the body; refresh and logout read that cookie only
 * when the same header and a JSON body come with it (what a cross-site form cannot send). API clients that do not
 * send the header keep the JSON refresh_token.
 */
import { describe, expect, it } from "vitest";
import { TokenResponse } from "../../src/api";
import { api, testAddress } from "../support/worker-api";

const COOKIE = { "x-token-transport": "cookie" };
const password = "correct horse battery staple";

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  api(path, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

/** The refresh cookie's value from a response's Set-Cookie, and its attributes, lowercased. */
function refreshCookieOf(response: Response): { value: string; attributes: string[] } | undefined {
  const header = response.headers.get("set-cookie");
  const match = header?.match(/(?:^|,\s*)refresh_token=([^;]*)((?:;[^,]*)*)/);
  if (!match) return undefined;
  return { value: match[1] ?? "", attributes: (match[2] ?? "").split(";").map((a) => a.trim().toLowerCase()).filter(Boolean) };
}

async function registerWithCookie(): Promise<{ email: string; cookie: string; body: TokenResponse }> {
  const email = `cookie-${crypto.randomUUID()}@example.com`;
  const response = await post("/api/v2/auth/register", { email, password }, { ...COOKIE, "cf-connecting-ip": testAddress() });
  expect(response.status).toBe(201);
  const cookie = refreshCookieOf(response);
  if (!cookie) throw new Error("no refresh cookie");
  return { email, cookie: `refresh_token=${cookie.value}`, body: TokenResponse.parse(await response.json()) };
}

describe("the refresh token as a cookie, for browsers", () => {
  it("register sets an HttpOnly, Secure, SameSite=Strict cookie scoped to /api/v2/auth and leaves the token out of the body", async () => {
    const email = `cookie-${crypto.randomUUID()}@example.com`;
    const response = await post("/api/v2/auth/register", { email, password }, { ...COOKIE, "cf-connecting-ip": testAddress() });
    expect(response.status).toBe(201);
    const body = await response.json<Record<string, unknown>>();
    expect(body).not.toHaveProperty("refresh_token");
    expect(body.access_token).toEqual(expect.any(String));
    const cookie = refreshCookieOf(response);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.attributes).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=strict", "path=/api/v2/auth", "max-age=2592000"]));
  });

  it("login does the same", async () => {
    const { email } = await registerWithCookie();
    const response = await post("/api/v2/auth/login", { email, password }, COOKIE);
    expect(response.status).toBe(200);
    expect(await response.json()).not.toHaveProperty("refresh_token");
    expect(refreshCookieOf(response)?.attributes).toContain("httponly");
  });

  it("refresh trades the cookie for a new access token and a new cookie; the old cookie then ends the session", async () => {
    const { cookie } = await registerWithCookie();
    const renewed = await post("/api/v2/auth/refresh", {}, { ...COOKIE, cookie });
    expect(renewed.status).toBe(200);
    const body = TokenResponse.parse(await renewed.json());
    expect(body.refresh_token).toBeUndefined();
    const next = refreshCookieOf(renewed);
    expect(next?.value).toBeTruthy();
    expect(`refresh_token=${next?.value}`).not.toBe(cookie);
    expect((await api("/api/v2/auth/me", { headers: { authorization: `Bearer ${body.access_token}` } })).status).toBe(200);

    // Reuse of the spent cookie (a stolen copy) ends the session: the new cookie and access token stop working too.
    expect((await post("/api/v2/auth/refresh", {}, { ...COOKIE, cookie })).status).toBe(401);
    expect((await post("/api/v2/auth/refresh", {}, { ...COOKIE, cookie: `refresh_token=${next?.value}` })).status).toBe(401);
    expect((await api("/api/v2/auth/me", { headers: { authorization: `Bearer ${body.access_token}` } })).status).toBe(401);
  });

  it("ignores the cookie without the x-token-transport header (a cross-site form cannot send one)", async () => {
    const { cookie } = await registerWithCookie();
    const response = await post("/api/v2/auth/refresh", {}, { cookie });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    // The cookie was not spent: with the header it still works.
    expect((await post("/api/v2/auth/refresh", {}, { ...COOKIE, cookie })).status).toBe(200);
  });

  it("ignores the cookie without a JSON body (a form's content types)", async () => {
    const { cookie } = await registerWithCookie();
    for (const type of ["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"]) {
      const response = await api("/api/v2/auth/refresh", { method: "POST", headers: { ...COOKIE, cookie, "content-type": type }, body: "" });
      expect(response.status, type).toBeGreaterThanOrEqual(400);
      expect(response.status, type).toBeLessThan(500);
    }
    expect((await post("/api/v2/auth/refresh", {}, { ...COOKIE, cookie })).status).toBe(200);
  });

  it("logout by cookie ends the session and clears the cookie", async () => {
    const { cookie, body } = await registerWithCookie();
    const response = await post("/api/v2/auth/logout", {}, { ...COOKIE, cookie });
    expect(response.status).toBe(204);
    const cleared = refreshCookieOf(response);
    expect(cleared?.value).toBe("");
    expect(cleared?.attributes).toEqual(expect.arrayContaining(["path=/api/v2/auth", "max-age=0"]));
    expect((await post("/api/v2/auth/refresh", {}, { ...COOKIE, cookie })).status).toBe(401);
    expect((await api("/api/v2/auth/me", { headers: { authorization: `Bearer ${body.access_token}` } })).status).toBe(401);
  });

  it("API clients without the header keep the refresh token in the JSON body and get no cookie", async () => {
    const email = `json-${crypto.randomUUID()}@example.com`;
    const response = await post("/api/v2/auth/register", { email, password }, { "cf-connecting-ip": testAddress() });
    expect(response.status).toBe(201);
    expect(response.headers.get("set-cookie")).toBeNull();
    const body = TokenResponse.parse(await response.json());
    expect(body.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const renewed = await post("/api/v2/auth/refresh", { refresh_token: body.refresh_token });
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get("set-cookie")).toBeNull();
  });

  it("answers 401 to a refresh with neither a token in the body nor a cookie", async () => {
    expect((await post("/api/v2/auth/refresh", {}, COOKIE)).status).toBe(401);
    expect((await post("/api/v2/auth/refresh", {})).status).toBe(401);
  });

  it("does not let another origin's page send the header: the CORS preflight does not allow it", async () => {
    const response = await api("/api/v2/auth/refresh", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST", "access-control-request-headers": "content-type, x-token-transport" },
    });
    expect(response.headers.get("access-control-allow-headers") ?? "").not.toMatch(/x-token-transport/i);
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });
});
