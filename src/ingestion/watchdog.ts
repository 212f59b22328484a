import { asUser, type Database } from "../db/client";
import { getJob } from "../db/documents";
import { recoverStaleJob } from "../db/job-lease";
import { MAX_JOB_ATTEMPTS, queuedStaleSeconds } from "./lease";
import { markFailed } from "./pipeline";
import type { IngestMessage, IngestQueue } from "./queue-message";

/** Keeps an eye on one job until it is finished; the Worker's is a Durable Object alarm per job (job-watchdog.ts). */
export interface JobWatchdog {
  watch(message: IngestMessage): Promise<void>;
}

/** What a check found: the job is finished (stop watching), still alive, sent again, or failed for good. */
export type Supervision = "finished" | "alive" | "requeued" | "gave_up";

export interface SupervisionDeps {
  db: Database;
  queue: IngestQueue;
  leaseSeconds: number;
}

/**
 * One check of a job: a job nobody is working on although it is not finished (its worker's lease expired, or it sat
 * queued longer than a message can take) is sent to the queue again, or failed once it has been tried
 * MAX_JOB_ATTEMPTS times, so a document that crashes its worker every time ends as failed instead of looping.
 */
export async function superviseJob(deps: SupervisionDeps, message: IngestMessage): Promise<Supervision> {
  const { db } = deps;
  const job = await asUser(db, message.userId, (tx) => getJob(tx, message.userId, message.jobId));
  if (!job || job.status === "complete" || job.status === "failed") return "finished";
  const recovered = await asUser(db, message.userId, (tx) => recoverStaleJob(tx, message.jobId, queuedStaleSeconds(deps.leaseSeconds)));
  if (!recovered) return "alive";
  if (recovered.attempts >= MAX_JOB_ATTEMPTS) {
    await markFailed(db, message, {
      code: "gave_up",
      message:
        `Processing stopped unexpectedly ${recovered.attempts} times (the worker was restarted, or ran out of memory or time), ` +
        "so it was given up. A smaller or simpler file may work; retry to try again.",
    });
    return "gave_up";
  }
  await deps.queue.send(message);
  return "requeued";
}
