/** Helpers for integration tests that talk to the Worker through real requests. Runs inside workerd. */
import { exports } from "cloudflare:workers";
import { inject } from "vitest";
import type { Job, TokenResponse, UploadAccepted } from "../../src/api";

export const BASE = "http://insurance-navigator.test";

export interface TestUser {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
  auth: { authorization: string };
}

export async function api(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${BASE}${path}`, init));
}

/** A random address in the documentation ranges (RFC 5737), so tests do not share per-address limits. */
export function testAddress(): string {
  const byte = () => Math.floor(Math.random() * 256);
  return `198.${18 + Math.floor(Math.random() * 2)}.${byte()}.${byte()}`;
}

export async function registerUser(prefix = "user"): Promise<TestUser> {
  const email = `${prefix}-${crypto.randomUUID()}@example.com`;
  const response = await api("/api/v2/auth/register", {
    method: "POST",
    // Registration is limited per client address; each test user comes from an address of its own.
    headers: { "content-type": "application/json", "cf-connecting-ip": testAddress() },
    body: JSON.stringify({ email, password: "correct horse battery staple" }),
  });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${await response.text()}`);
  const body = await response.json<TokenResponse>();
  return {
    id: body.user.id,
    email,
    token: body.access_token,
    refreshToken: body.refresh_token ?? "",
    auth: { authorization: `Bearer ${body.access_token}` },
  };
}

let fixtureCache: Uint8Array | undefined;

/** The CMS sample Summary of Benefits and Coverage from ../shared/fixtures, served by the test global setup. */
export async function sampleSbc(): Promise<Uint8Array> {
  if (!fixtureCache) {
    const response = await fetch(`${inject("fixturesUrl")}/fixtures/cms-sample-sbc.pdf`);
    if (!response.ok) throw new Error(`fixture server answered ${response.status}`);
    fixtureCache = new Uint8Array(await response.arrayBuffer());
  }
  return fixtureCache;
}

export function uploadRequest(user: TestUser, bytes: Uint8Array, filename: string, type = "application/octet-stream"): RequestInit {
  const form = new FormData();
  form.append("file", new File([bytes], filename, { type }));
  return { method: "POST", headers: user.auth, body: form };
}

export async function upload(user: TestUser, bytes: Uint8Array, filename: string) {
  const response = await api("/api/v2/upload", uploadRequest(user, bytes, filename));
  return { response, body: await response.json<UploadBody & Record<string, unknown>>() };
}

/** The API's own shapes (src/api), under the names these tests use. */
export type UploadBody = UploadAccepted;
export type JobBody = Job;

/** Polls the job until it leaves the in-progress states; the queue consumer runs on its own in miniflare. */
export async function waitForJob(user: TestUser, jobId: string, timeoutMs = 60_000): Promise<JobBody> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    const response = await api(`/api/v2/jobs/${jobId}`, { headers: user.auth });
    const job = await response.json<JobBody>();
    if (job.status === "complete" || job.status === "failed") return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function controlServer(baseUrl: string, action: "reset" | "fail" | "delay", body: Record<string, unknown> = {}) {
  const root = baseUrl.replace(/\/v1$/, "");
  const response = await fetch(`${root}/__control/${action}`, { method: "POST", body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`control ${action} failed: ${response.status}`);
}

export async function recordedRequests(baseUrl: string): Promise<Array<{ method: string; path: string; headers: Record<string, string>; body: string }>> {
  const root = baseUrl.replace(/\/v1$/, "");
  return (await fetch(`${root}/__control/requests`)).json();
}
