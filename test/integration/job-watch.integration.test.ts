import { describe, expect, it } from "vitest";
import { watchJob, type JobWatchEvent } from "../../src/ingestion/job-watch";
import { registerUser, upload, waitForJob } from "../support/worker-api";
import { withDatabase } from "../support/worker-db";

const collect = async (events: AsyncGenerator<JobWatchEvent>) => {
  const seen: JobWatchEvent[] = [];
  for await (const event of events) seen.push(event);
  return seen;
};

const noWait = () => Promise.resolve();

describe("watchJob", () => {
  it("yields gone for a job that does not exist (or was deleted with its document)", async () => {
    const user = await registerUser("watch-gone");
    const seen = await withDatabase((db) => collect(watchJob(db, { userId: user.id, jobId: crypto.randomUUID(), pollMs: 0, maxMs: 1_000, sleep: noWait })));
    expect(seen).toEqual([{ type: "gone" }]);
  });

  it("yields a finished job once and stops", async () => {
    const user = await registerUser("watch-done");
    const { body } = await upload(user, new TextEncoder().encode("Generic drugs: $10 copay."), "drugs.txt");
    await waitForJob(user, body.job_id);
    const seen = await withDatabase((db) => collect(watchJob(db, { userId: user.id, jobId: body.job_id, pollMs: 0, maxMs: 1_000, sleep: noWait })));
    expect(seen.map((e) => e.type)).toEqual(["job"]);
  });

  it("stops at once when the caller says the client has gone", async () => {
    const user = await registerUser("watch-stopped");
    const seen = await withDatabase((db) =>
      collect(watchJob(db, { userId: user.id, jobId: crypto.randomUUID(), pollMs: 0, maxMs: 1_000, stopped: () => true, sleep: noWait })),
    );
    expect(seen).toEqual([]);
  });

  it("reads another user's job as gone: row-level security hides it (security)", async () => {
    const owner = await registerUser("watch-owner");
    const other = await registerUser("watch-other");
    const { body } = await upload(owner, new TextEncoder().encode("Hospice care: no charge."), "hospice.txt");
    await waitForJob(owner, body.job_id);
    const seen = await withDatabase((db) => collect(watchJob(db, { userId: other.id, jobId: body.job_id, pollMs: 0, maxMs: 1_000, sleep: noWait })));
    expect(seen).toEqual([{ type: "gone" }]);
  });
});
