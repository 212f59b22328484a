import { asUser, type Database } from "../db/client";
import { setDocumentStatus } from "../db/documents";
import { restartJob } from "../db/job-lease";
import type { UploadJob } from "../db/schema";
import { ApiError } from "../lib/errors";
import { errorFields, log } from "../lib/log";
import { queuedStaleSeconds } from "./lease";
import type { IngestMessage, IngestQueue } from "./queue-message";
import type { JobWatchdog } from "./watchdog";

export interface RestartDeps {
  db: Database;
  queue: IngestQueue;
  watchdog: JobWatchdog;
  leaseSeconds: number;
}

/**
 * Starts a failed or stuck job again from scratch, for a person asking: `POST /api/v2/jobs/{id}/retry`, or uploading
 * the same bytes again. Stuck means nobody is working on it although it is not finished (its worker's lease expired,
 * or it sat queued longer than a message can take). Returns the job as restarted (queued, attempts from zero), or
 * undefined when it is complete or still being worked on. Throws `ApiError("service_unavailable")` when the queue
 * refuses the message; the job is then queued and its watchdog sends it once the queue is back.
 */
export async function restartIngestion(deps: RestartDeps, userId: string, jobId: string): Promise<UploadJob | undefined> {
  const job = await asUser(deps.db, userId, async (tx) => {
    const row = await restartJob(tx, jobId, queuedStaleSeconds(deps.leaseSeconds));
    if (row) await setDocumentStatus(tx, row.documentId, "queued");
    return row;
  });
  if (!job) return undefined;
  const message: IngestMessage = { type: "ingest", jobId: job.id, documentId: job.documentId, userId };
  // Watched first, so that a message the queue refuses below is still sent later.
  await deps.watchdog.watch(message).catch((error: unknown) => log("warn", "restart: could not arm the watchdog", { job_id: job.id, ...errorFields(error) }));
  try {
    await deps.queue.send(message);
  } catch (error) {
    log("error", "restart: could not enqueue ingestion", { job_id: job.id, ...errorFields(error) });
    throw new ApiError("service_unavailable", "The processing queue is unavailable; the document will be processed once it is back.");
  }
  return job;
}
