import { beforeAll, describe, expect, it } from "vitest";
import { api, registerUser, sampleSbc, upload, waitForJob, type JobBody, type TestUser } from "../support/worker-api";
import { collectSse } from "../support/worker-sse";
import { blankPdf } from "../unit/pdf-samples";

const events = (user: TestUser, jobId: string) => api(`/api/v2/jobs/${jobId}/events`, { headers: user.auth });

describe("GET /api/v2/jobs/{id}/events", () => {
  let user: TestUser;

  beforeAll(async () => {
    user = await registerUser("events");
  });

  it("streams progress events for the sample SBC and ends with one complete event", async () => {
    const { body } = await upload(user, await sampleSbc(), "cms-sample-sbc.pdf");
    const response = await events(user, body.job_id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const received = await collectSse(response);
    const names = received.map((e) => e.event);
    expect(names.at(-1)).toBe("complete");
    expect(names.slice(0, -1).every((name) => name === "progress")).toBe(true);
    const last = received.at(-1)?.data as JobBody;
    expect(last).toMatchObject({ job_id: body.job_id, document_id: body.document_id, status: "complete", error: null });
    expect(last.progress.pages_parsed).toBe(5);
    expect(last.progress.chunks_embedded).toBe(last.progress.chunks_total);
  });

  it("sends the same body as GET /api/v2/jobs/{id}", async () => {
    const { body } = await upload(user, new TextEncoder().encode("In-network specialist visit: $40 copay."), "same-body.txt");
    const received = await collectSse(await events(user, body.job_id));
    const polled = await (await api(`/api/v2/jobs/${body.job_id}`, { headers: user.auth })).json();
    expect(received.at(-1)?.data).toEqual(polled);
  });

  it("answers a finished job with its final event at once", async () => {
    const { body } = await upload(user, new TextEncoder().encode("Emergency room care: $250 copay."), "done.txt");
    await waitForJob(user, body.job_id);
    const received = await collectSse(await events(user, body.job_id));
    expect(received.map((e) => e.event)).toEqual(["complete"]);
  });

  it("ends with failed and the plain-words reason when a PDF has no text layer (a scan)", async () => {
    const { body } = await upload(user, blankPdf(), "scan.pdf");
    const received = await collectSse(await events(user, body.job_id));
    expect(received.at(-1)?.event).toBe("failed");
    const job = received.at(-1)?.data as JobBody;
    expect(job.error?.code).toBe("no_extractable_text");
    expect(job.error?.message).toMatch(/scan/i);
  });

  it("answers 401 without an access token", async () => {
    const { body } = await upload(user, new TextEncoder().encode("Urgent care: $75 copay."), "anon.txt");
    await waitForJob(user, body.job_id);
    expect((await api(`/api/v2/jobs/${body.job_id}/events`)).status).toBe(401);
  });

  it("answers another user's job with 404, not a stream (security)", async () => {
    const { body } = await upload(user, new TextEncoder().encode("Hospital stay: 20% coinsurance."), "private.txt");
    await waitForJob(user, body.job_id);
    const other = await registerUser("events-other");
    const response = await events(other, body.job_id);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers a malformed job id with 404", async () => {
    expect((await api("/api/v2/jobs/not-a-uuid/events", { headers: user.auth })).status).toBe(404);
  });
});

describe("documents carry the id of their latest job", () => {
  it("lists each document with the job_id its upload returned", async () => {
    const user = await registerUser("job-id");
    const { body } = await upload(user, new TextEncoder().encode("Preventive care: no charge."), "preventive.txt");
    await waitForJob(user, body.job_id);
    const { documents } = await (await api("/api/v2/documents", { headers: user.auth })).json<{ documents: Array<{ id: string; job_id: string }> }>();
    expect(documents).toEqual([expect.objectContaining({ id: body.document_id, job_id: body.job_id })]);
    const one = await (await api(`/api/v2/documents/${body.document_id}`, { headers: user.auth })).json<{ job_id: string }>();
    expect(one.job_id).toBe(body.job_id);
  });
});
