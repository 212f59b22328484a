import { env } from "cloudflare:workers";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { api, registerUser, type TestUser } from "../support/worker-api";
import { deliver, stageUpload } from "../support/worker-ingest";

/** What the Worker hands the Analytics Engine binding, caught at the binding (which keeps nothing locally). */
let points: AnalyticsEngineDataPoint[] = [];

beforeEach(() => {
  points = [];
  vi.spyOn(env.ANALYTICS, "writeDataPoint").mockImplementation((point) => void points.push(point ?? {}));
});
afterEach(() => vi.restoreAllMocks());

const ofKind = (kind: string) => points.filter((p) => p.indexes?.[0] === kind);
const json = { "content-type": "application/json" };

let user: TestUser;
beforeAll(async () => {
  user = await registerUser("analytics");
}, 120_000);

/** No point may carry anything that identifies a person or holds their text. */
function expectNothingPersonal(secrets: string[]): void {
  const written = JSON.stringify(points);
  for (const secret of secrets) expect(written).not.toContain(secret);
  expect(written).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  expect(written).not.toMatch(/@example\.com/);
}

describe("one data point per request", () => {
  it("records the route template, method, status, error code and duration, never the path's ids", async () => {
    const jobId = crypto.randomUUID();
    const response = await api(`/api/v2/jobs/${jobId}`, { headers: user.auth });
    expect(response.status).toBe(404);
    const [point] = ofKind("request");
    expect(point?.blobs).toEqual(["request", "/api/v2/jobs/:job_id", "GET", "4xx", "", "not_found"]);
    expect(point?.doubles?.[0]).toBe(404);
    expect(point?.doubles?.[1]).toBeGreaterThanOrEqual(0);
    expectNothingPersonal([jobId, user.id, user.email]);
  });

  it("gives every unmatched path one label, so probing cannot grow the metric", async () => {
    await api("/wp-admin/secret-1234", { headers: user.auth });
    expect(ofKind("request")[0]?.blobs?.[1]).toBe("unmatched");
  });

  it("records a success with an empty error code", async () => {
    expect((await api("/api/v2/documents", { headers: user.auth })).status).toBe(200);
    expect(ofKind("request")[0]?.blobs?.slice(1)).toEqual(["/api/v2/documents", "GET", "2xx", "", ""]);
  });
});

describe("one data point per rate-limit rejection", () => {
  it("names the limit and the route of a throttled login", async () => {
    const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const email = `throttled-${crypto.randomUUID()}@example.com`;
    let limited: Response | undefined;
    for (let i = 0; i < 12 && !limited; i++) {
      const response = await api("/api/v2/auth/login", {
        method: "POST",
        headers: { ...json, "cf-connecting-ip": address },
        body: JSON.stringify({ email, password: "wrong password 12345" }),
      });
      if (response.status === 429) limited = response;
    }
    expect(limited?.status).toBe(429);
    expect(ofKind("rate_limit").map((p) => p.blobs)).toContainEqual(["rate_limit", "login", "/api/v2/auth/login"]);
    expectNothingPersonal([email, address]);
  });
});

describe("one data point per chat turn", () => {
  const question = "Is acupuncture covered by my plan?";

  it("records provider, model, refusal, timings and citations, never the question or the answer", async () => {
    const response = await api("/chat", { method: "POST", headers: { ...user.auth, ...json, accept: "application/json" }, body: JSON.stringify({ message: question }) });
    expect(response.status).toBe(200);
    const { answer } = await response.json<{ answer: string }>();
    const [point] = ofKind("chat");
    // A member with no documents gets the honest refusal from the offline answerer.
    expect(point?.blobs).toEqual(["chat", "json", "offline", expect.any(String), "yes", "no"]);
    const [retrieval, firstToken, total, tokensIn, tokensOut, citations] = point?.doubles ?? [];
    expect(retrieval).toBeGreaterThanOrEqual(0);
    expect(firstToken).toBeGreaterThanOrEqual(-1);
    expect(total).toBeGreaterThanOrEqual(retrieval ?? 0);
    // The offline answerer reports no tokens.
    expect([tokensIn, tokensOut, citations]).toEqual([-1, -1, 0]);
    expectNothingPersonal([question, answer, user.id]);
  });
});

describe("one data point per ingestion", () => {
  it("records type, outcome, sizes, stage timings and attempts of a completed document", async () => {
    const text = "Your plan covers acupuncture. The deductible is $500 per year. Specialist visits need a referral.";
    const filename = `secret-plan-${crypto.randomUUID()}.txt`;
    const message = await stageUpload(user, new TextEncoder().encode(text), filename);
    const caught: AnalyticsEngineDataPoint[] = [];
    await deliver(message, { env: { ANALYTICS: { writeDataPoint: (p) => void caught.push(p ?? {}) } as AnalyticsEngineDataset } });
    const point = caught.find((p) => p.indexes?.[0] === "ingestion");
    expect(point?.blobs).toEqual(["ingestion", "text", "complete", ""]);
    const [pages, chunks, bytes, , , , , total, attempts] = point?.doubles ?? [];
    expect(pages).toBe(1);
    expect(chunks).toBeGreaterThanOrEqual(1);
    expect(bytes).toBe(new TextEncoder().encode(text).length);
    expect(total).toBeGreaterThanOrEqual(0);
    expect(attempts).toBe(1);
    points = caught;
    expectNothingPersonal([filename, "acupuncture", message.documentId, message.jobId]);
  });

  it("records a failed document with its error code", async () => {
    const message = await stageUpload(user, new TextEncoder().encode("%PDF-1.7\nnot really a pdf"), "broken.pdf");
    const caught: AnalyticsEngineDataPoint[] = [];
    await deliver(message, { env: { ANALYTICS: { writeDataPoint: (p) => void caught.push(p ?? {}) } as AnalyticsEngineDataset } });
    const point = caught.find((p) => p.indexes?.[0] === "ingestion");
    expect(point?.blobs?.slice(0, 3)).toEqual(["ingestion", "", "failed"]);
    expect(point?.blobs?.[3]).toMatch(/^[a-z_]+$/);
  });
});

describe("one data point per rating", () => {
  it("records the rating and whether there was a comment, never the comment", async () => {
    const chat = await api("/chat", { method: "POST", headers: { ...user.auth, ...json, accept: "application/json" }, body: JSON.stringify({ message: "What is my deductible?" }) });
    const { session_id, message_id } = await chat.json<{ session_id: string; message_id: string }>();
    points = [];
    const comment = "It did not mention my family deductible";
    const response = await api(`/chat/sessions/${session_id}/messages/${message_id}/feedback`, {
      method: "POST",
      headers: { ...user.auth, ...json },
      body: JSON.stringify({ rating: 2, comment }),
    });
    expect(response.status).toBe(200);
    expect(ofKind("feedback").map((p) => [p.blobs, p.doubles])).toEqual([[["feedback", "yes"], [2]]]);
    expectNothingPersonal([comment, session_id, message_id]);
  });
});
