/**
 * Per-user quotas: documents kept and bytes stored (403, freed by deleting), pages processed per UTC day (429 with
 * Retry-After at upload, a failed job with an explanation when a document does not fit). Small limits come from an
 * app built with overridden settings, the way a deployment sets them.
 */
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { asUser } from "../../src/db/client";
import { chargePages, QuotaExceededError, utcDay } from "../../src/db/quotas";
import { api, registerUser, sampleSbc, upload, uploadRequest, waitForJob, type TestUser } from "../support/worker-api";
import { withDatabase } from "../support/worker-db";
import { expectProblem } from "../support/worker-security";

const app = createApp();

function uploadWith(settings: Record<string, string>, user: TestUser, text: string): Promise<Response> {
  const request = new Request("http://insurance-navigator.test/api/v2/upload", uploadRequest(user, new TextEncoder().encode(text), "plan.txt"));
  return Promise.resolve(app.fetch(request, { ...env, ...settings }, createExecutionContext()));
}

const charge = (user: TestUser, pages: number, maxPagesPerDay: number, jobId: string = crypto.randomUUID()) =>
  withDatabase((db) => asUser(db, user.id, (tx) => chargePages(tx, { userId: user.id, jobId, pages, maxPagesPerDay })));

beforeAll(async () => {
  // Starts the Worker and its database pool inside the hook's longer timeout.
  await registerUser("warm-up");
});

describe("document and storage quotas (security)", () => {
  it("refuses a third document when an account may keep two, with 403 quota_exceeded, until one is deleted", async () => {
    const user = await registerUser("quota-docs");
    const settings = { MAX_DOCUMENTS_PER_USER: "2" };
    const first = await uploadWith(settings, user, "Plan one: deductible $100.");
    expect(first.status).toBe(202);
    expect((await uploadWith(settings, user, "Plan two: deductible $200.")).status).toBe(202);
    const body = await expectProblem(await uploadWith(settings, user, "Plan three: deductible $300."), 403, "quota_exceeded");
    expect(body).toMatchObject({ quota: "documents", limit: 2, used: 2, requested: 1 });
    const { document_id, job_id } = await first.json<{ document_id: string; job_id: string }>();
    await waitForJob(user, job_id);
    expect((await api(`/api/v2/documents/${document_id}`, { method: "DELETE", headers: user.auth })).status).toBe(204);
    expect((await uploadWith(settings, user, "Plan three: deductible $300.")).status).toBe(202);
  });

  it("refuses a file that would pass the storage quota, and stores nothing of it", async () => {
    const user = await registerUser("quota-bytes");
    const settings = { MAX_STORAGE_BYTES_PER_USER: "60" };
    expect((await uploadWith(settings, user, "x".repeat(40))).status).toBe(202);
    const body = await expectProblem(await uploadWith(settings, user, "y".repeat(40)), 403, "quota_exceeded");
    expect(body).toMatchObject({ quota: "storage_bytes", limit: 60, used: 40, requested: 40 });
    const { documents } = await (await api("/api/v2/documents", { headers: user.auth })).json<{ documents: unknown[] }>();
    expect(documents).toHaveLength(1);
  });

  it("gives two parallel uploads racing for the last place exactly one of them", async () => {
    const user = await registerUser("quota-race");
    const settings = { MAX_DOCUMENTS_PER_USER: "1" };
    const [a, b] = await Promise.all([uploadWith(settings, user, "Racer A."), uploadWith(settings, user, "Racer B.")]);
    expect([a.status, b.status].sort()).toEqual([202, 403]);
  });
});

describe("the daily page quota (security)", () => {
  it("charges pages once per job and refuses pages beyond the day's allowance", async () => {
    const user = await registerUser("quota-pages");
    const job = crypto.randomUUID();
    await charge(user, 3, 5, job);
    await charge(user, 3, 5, job); // a re-delivered job is not charged again
    const error = await charge(user, 3, 5).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(QuotaExceededError);
    expect(error).toMatchObject({ quota: "pages_per_day", limit: 5, used: 3, requested: 3 });
    await charge(user, 2, 5);
  });

  it("refuses an upload once the day's pages are used up, with 429 and Retry-After until 00:00 UTC", async () => {
    const user = await registerUser("quota-day");
    await charge(user, 5, 5);
    const response = await uploadWith({ MAX_PAGES_PER_DAY: "5" }, user, "One more plan.");
    const body = await expectProblem(response, 429, "daily_quota_exceeded");
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(utcDay().secondsLeft + 1);
    expect(body).toMatchObject({ quota: "pages_per_day", limit: 5, used: 5 });
  });

  it("fails the job of a document that does not fit what is left of the day, saying why", async () => {
    const user = await registerUser("quota-job");
    // 999 of the deployment's default 1,000 pages are used: the upload is accepted, and the consumer finds that the
    // sample SBC's pages do not fit.
    await charge(user, 999, 1_000);
    const { body } = await upload(user, await sampleSbc(), "cms-sample-sbc.pdf");
    const job = await waitForJob(user, body.job_id);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("page_quota_exceeded");
    expect(job.error?.message).toMatch(/only 1 of today's 1000 are left.*00:00 UTC/);
  });
});
