/** Helpers shared by the security suite (test/integration/security-*.integration.test.ts). Runs inside workerd. */
import { env } from "cloudflare:workers";
import { SignJWT } from "jose";
import { expect } from "vitest";

export type Problem = Record<string, unknown> & { status: number; code: string; detail: string; request_id: string };

/** Every error is problem+json with the request id in both the body and the header. */
export async function expectProblem(response: Response, status: number, code?: string): Promise<Problem> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const requestId = response.headers.get("x-request-id");
  expect(requestId).toMatch(/.+/);
  const body = await response.json<Problem>();
  expect(body.status).toBe(status);
  if (code) expect(body.code).toBe(code);
  expect(body.request_id).toBe(requestId);
  return body;
}

export { testAddress as randomAddress } from "./worker-api";

export interface Claims {
  sub?: string;
  sid?: string;
  email?: string;
  iss?: string;
  aud?: string;
  /** Seconds from now; negative for the past. */
  exp?: number;
  nbf?: number;
}

/** A token signed with the deployment's own secret and algorithm, with the claims the test chooses. */
export function signedToken(claims: Claims = {}, secret: string = env.JWT_SECRET): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = { email: claims.email ?? "someone@example.com" };
  if (claims.sid !== undefined) payload.sid = claims.sid;
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(claims.iss ?? env.JWT_ISSUER)
    .setAudience(claims.aud ?? env.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(now + (claims.exp ?? 600));
  if (claims.sub !== undefined) jwt.setSubject(claims.sub);
  if (claims.nbf !== undefined) jwt.setNotBefore(now + claims.nbf);
  return jwt.sign(new TextEncoder().encode(secret));
}

export function base64url(text: string): string {
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function fromBase64url(text: string): string {
  return atob(text.replaceAll("-", "+").replaceAll("_", "/"));
}

export interface RouteCase {
  method: string;
  /** With `{id}` where the route takes an id. */
  path: string;
  /** A well-formed JSON body, when the route takes one. */
  body?: unknown;
  /** Multipart upload rather than JSON. */
  upload?: boolean;
  /** /v1 answers errors in OpenAI's shape, not problem+json (docs/decisions.md). */
  openAi?: boolean;
}

/** Every route that requires an access token. */
export const AUTHENTICATED_ROUTES: RouteCase[] = [
  { method: "GET", path: "/api/v2/auth/me" },
  { method: "POST", path: "/api/v2/upload", upload: true },
  { method: "GET", path: "/api/v2/jobs/{id}" },
  { method: "GET", path: "/api/v2/documents" },
  { method: "GET", path: "/api/v2/documents/{id}" },
  { method: "DELETE", path: "/api/v2/documents/{id}" },
  { method: "POST", path: "/api/v2/search", body: { query: "deductible" } },
  { method: "POST", path: "/chat", body: { message: "What is the deductible?" } },
  { method: "GET", path: "/chat/sessions" },
  { method: "GET", path: "/chat/sessions/{id}" },
  { method: "DELETE", path: "/chat/sessions/{id}" },
  { method: "POST", path: "/agents/query", body: { query: "What is the deductible?" } },
  { method: "GET", path: "/agents/status" },
  { method: "POST", path: "/v1/chat/completions", body: { model: "insurance-navigator", messages: [{ role: "user", content: "Hi" }] }, openAi: true },
  { method: "GET", path: "/v1/models", openAi: true },
  { method: "GET", path: "/v1/models/{id}", openAi: true },
];

/** The request for a route case, with `{id}` filled in and the headers given. */
export function routeRequest(route: RouteCase, headers: Record<string, string>, id: string = crypto.randomUUID()): RequestInit & { path: string } {
  const path = route.path.replace("{id}", id);
  if (route.upload) {
    const form = new FormData();
    form.append("file", new File([new TextEncoder().encode("Deductible: $500.")], "plan.txt"));
    return { path, method: route.method, headers, body: form };
  }
  if (route.body !== undefined) {
    return { path, method: route.method, headers: { ...headers, "content-type": "application/json", accept: "application/json" }, body: JSON.stringify(route.body) };
  }
  return { path, method: route.method, headers };
}
