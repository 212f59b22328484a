/**
 * Jobs whose worker died: the watchdog sends them again (or fails them after too many tries), a second attempt cannot
 * write over a live one, and a person can start a failed or stuck job again by retrying or uploading the same bytes.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { MAX_JOB_ATTEMPTS } from "../../src/ingestion/lease";
import type { IngestMessage } from "../../src/ingestion/queue-message";
import { superviseJob } from "../../src/ingestion/watchdog";
import { api, registerUser, upload, waitForJob, type JobBody, type TestUser } from "../support/worker-api";
import { asTestUser, withDatabase } from "../support/worker-db";
import { capturingQueue, deliver, stageUpload } from "../support/worker-ingest";

const text = (marker: string) =>
  new TextEncoder().encode(`Plan ${marker}. The deductible is $500 per person. Specialist visits cost a $50 copay after the deductible.`);

/** The job as a worker that died mid-way leaves it: in progress, its lease expired a minute ago. */
async function killWorkerOf(user: TestUser, message: IngestMessage, attempts = 1): Promise<void> {
  await asTestUser(user.id, (tx) =>
    tx.execute(sql`update upload_jobs set status = 'embedding', attempts = ${attempts}, lease_id = gen_random_uuid(),
      lease_expires_at = now() - interval '1 minute' where id = ${message.jobId}`),
  );
  await asTestUser(user.id, (tx) => tx.execute(sql`update documents set status = 'processing' where id = ${message.documentId}`));
}

async function jobRow(user: TestUser, jobId: string) {
  const result = await asTestUser(user.id, (tx) =>
    tx.execute<{ status: string; attempts: number; lease_id: string | null; error_code: string | null }>(
      sql`select status, attempts, lease_id, error_code from upload_jobs where id = ${jobId}`,
    ),
  );
  return result.rows[0];
}

const supervise = (message: IngestMessage, queue = capturingQueue().queue) =>
  withDatabase((db) => superviseJob({ db, queue, leaseSeconds: 120 }, message));

describe("the job watchdog", () => {
  let user: TestUser;
  beforeEach(async () => {
    user = await registerUser("watchdog");
  });

  it("sends again a job whose worker's lease expired, and the next attempt completes it", async () => {
    const message = await stageUpload(user, text("lease"), "plan.txt");
    await killWorkerOf(user, message);
    const { queue, sent } = capturingQueue();
    expect(await supervise(message, queue)).toBe("requeued");
    expect(sent).toEqual([message]);
    expect(await jobRow(user, message.jobId)).toMatchObject({ status: "queued", lease_id: null });
    await deliver(message);
    expect(await waitForJob(user, message.jobId)).toMatchObject({ status: "complete", attempts: 2 });
  });

  it("leaves alone a job whose lease is still being renewed", async () => {
    const message = await stageUpload(user, text("alive"), "plan.txt");
    await asTestUser(user.id, (tx) =>
      tx.execute(sql`update upload_jobs set status = 'parsing', lease_id = gen_random_uuid(), lease_expires_at = now() + interval '1 minute' where id = ${message.jobId}`),
    );
    expect(await supervise(message)).toBe("alive");
    expect(await jobRow(user, message.jobId)).toMatchObject({ status: "parsing" });
  });

  it("fails with gave_up a job whose worker died on every one of its attempts", async () => {
    const message = await stageUpload(user, text("loop"), "plan.txt");
    await killWorkerOf(user, message, MAX_JOB_ATTEMPTS);
    const { queue, sent } = capturingQueue();
    expect(await supervise(message, queue)).toBe("gave_up");
    expect(sent).toEqual([]);
    const job = await (await api(`/api/v2/jobs/${message.jobId}`, { headers: user.auth })).json<JobBody>();
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("gave_up");
    expect(job.error?.message).toMatch(/stopped unexpectedly 6 times/);
  });

  it("sends again a job that sat queued far longer than a message takes", async () => {
    const message = await stageUpload(user, text("lost"), "plan.txt");
    await asTestUser(user.id, (tx) => tx.execute(sql`update upload_jobs set updated_at = now() - interval '1 hour' where id = ${message.jobId}`));
    expect(await supervise(message)).toBe("requeued");
  });

  it("lets a fresh queued job wait for its message", async () => {
    const message = await stageUpload(user, text("fresh"), "plan.txt");
    expect(await supervise(message)).toBe("alive");
  });

  it("stops watching a finished job", async () => {
    const message = await stageUpload(user, text("done"), "plan.txt");
    await deliver(message);
    expect(await supervise(message)).toBe("finished");
  });

  it("checks the job from a Durable Object alarm and forgets it once it is complete", async () => {
    const message = await stageUpload(user, text("alarm"), "plan.txt");
    const stub = env.JOB_WATCHDOG.get(env.JOB_WATCHDOG.idFromName(message.jobId));
    await stub.watch(message);
    expect(await runInDurableObject(stub, (_, state) => state.storage.getAlarm())).not.toBeNull();
    // Still queued and fresh: the alarm finds it alive and checks again later.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, (_, state) => state.storage.getAlarm())).not.toBeNull();
    await deliver(message);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, async (_, state) => ({ alarm: await state.storage.getAlarm(), job: await state.storage.get("job") }))).toEqual({
      alarm: null,
      job: undefined,
    });
  });
});

describe("leases", () => {
  it("skips a delivery while another attempt holds the job, without counting an attempt", async () => {
    const user = await registerUser("lease-held");
    const message = await stageUpload(user, text("held"), "plan.txt");
    await asTestUser(user.id, (tx) =>
      tx.execute(sql`update upload_jobs set status = 'chunking', attempts = 1, lease_id = gen_random_uuid(), lease_expires_at = now() + interval '1 minute' where id = ${message.jobId}`),
    );
    const result = await deliver(message);
    expect(result.explicitAcks).toHaveLength(1);
    expect(await jobRow(user, message.jobId)).toMatchObject({ status: "chunking", attempts: 1 });
  });
});

describe("POST /api/v2/jobs/{id}/retry", () => {
  it("starts a failed job again: 202 with the job queued and its attempts from zero", async () => {
    const user = await registerUser("retry");
    const { body } = await upload(user, new TextEncoder().encode("%PDF-1.7\nnot really a pdf\n%%EOF"), "broken.pdf");
    expect((await waitForJob(user, body.job_id)).status).toBe("failed");
    const response = await api(`/api/v2/jobs/${body.job_id}/retry`, { method: "POST", headers: user.auth });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ job_id: body.job_id, status: "queued", attempts: 0, error: null });
    // The same bytes fail the same way, but the job was processed again.
    expect(await waitForJob(user, body.job_id)).toMatchObject({ status: "failed", attempts: 1, error: { code: "pdf_corrupt" } });
  });

  it("starts a stuck job again", async () => {
    const user = await registerUser("retry-stuck");
    const message = await stageUpload(user, text("stuck retry"), "plan.txt");
    await killWorkerOf(user, message);
    const response = await api(`/api/v2/jobs/${message.jobId}/retry`, { method: "POST", headers: user.auth });
    expect(response.status).toBe(202);
    expect((await waitForJob(user, message.jobId)).status).toBe("complete");
  });

  it("answers 409 for a complete job and for one still being worked on", async () => {
    const user = await registerUser("retry-409");
    const { body } = await upload(user, text("complete"), "plan.txt");
    await waitForJob(user, body.job_id);
    const complete = await api(`/api/v2/jobs/${body.job_id}/retry`, { method: "POST", headers: user.auth });
    expect(complete.status).toBe(409);
    expect(await complete.json()).toMatchObject({ code: "conflict", job_status: "complete" });
    const message = await stageUpload(user, text("busy"), "busy.txt");
    await asTestUser(user.id, (tx) =>
      tx.execute(sql`update upload_jobs set status = 'parsing', lease_id = gen_random_uuid(), lease_expires_at = now() + interval '1 minute' where id = ${message.jobId}`),
    );
    expect((await api(`/api/v2/jobs/${message.jobId}/retry`, { method: "POST", headers: user.auth })).status).toBe(409);
  });

  it("answers 404 for another user's job", async () => {
    const owner = await registerUser("retry-owner");
    const other = await registerUser("retry-other");
    const { body } = await upload(owner, new TextEncoder().encode("%PDF-1.7\nnope\n%%EOF"), "broken.pdf");
    await waitForJob(owner, body.job_id);
    expect((await api(`/api/v2/jobs/${body.job_id}/retry`, { method: "POST", headers: other.auth })).status).toBe(404);
  });
});

describe("uploading the same bytes again", () => {
  it("starts a stuck document again: 202, duplicate, and the job completes", async () => {
    const user = await registerUser("reupload-stuck");
    const bytes = text("stuck upload");
    const message = await stageUpload(user, bytes, "plan.txt");
    await killWorkerOf(user, message);
    const { response, body } = await upload(user, bytes, "plan.txt");
    expect(response.status).toBe(202);
    expect(body).toEqual({ job_id: message.jobId, document_id: message.documentId, status: "queued", duplicate: true });
    expect((await waitForJob(user, message.jobId)).status).toBe("complete");
  });

  it("starts a failed document again and puts back its stored file when it had gone missing", async () => {
    const user = await registerUser("reupload-missing");
    const bytes = text("missing file");
    const message = await stageUpload(user, bytes, "plan.txt");
    await env.DOCUMENTS.delete(`users/${user.id}/documents/${message.documentId}`);
    await deliver(message);
    expect((await waitForJob(user, message.jobId)).error?.code).toBe("file_missing");
    const { response } = await upload(user, bytes, "plan.txt");
    expect(response.status).toBe(202);
    expect((await waitForJob(user, message.jobId)).status).toBe("complete");
  });

  it("answers 200 with the job as it is while an attempt is working on it", async () => {
    const user = await registerUser("reupload-busy");
    const bytes = text("busy upload");
    const message = await stageUpload(user, bytes, "plan.txt");
    await asTestUser(user.id, (tx) =>
      tx.execute(sql`update upload_jobs set status = 'embedding', lease_id = gen_random_uuid(), lease_expires_at = now() + interval '1 minute' where id = ${message.jobId}`),
    );
    const { response, body } = await upload(user, bytes, "plan.txt");
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ job_id: message.jobId, status: "embedding", duplicate: true });
  });
});
