import { and, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "./client";
import { uploadJobs, type JobStatus, type UploadJob } from "./schema";

/**
 * Leases on ingestion jobs: which attempt may write a job, and until when. Every statement here is one conditional
 * UPDATE, so two attempts (a redelivered message and a recovery, say) can never both believe they hold a job.
 * Callers run them inside `asUser(...)`.
 */

const IN_PROGRESS: JobStatus[] = ["parsing", "chunking", "embedding"];

const seconds = (n: number) => sql`now() + make_interval(secs => ${n})`;

/** No attempt holds the job: never leased, released, or its holder stopped renewing. */
const leaseFree = or(isNull(uploadJobs.leaseExpiresAt), lt(uploadJobs.leaseExpiresAt, sql`now()`));

/**
 * A job nobody is working on although it is not finished: in progress with an expired lease (its worker died), or
 * queued for longer than a queue message can take to arrive (its message was lost).
 */
function stale(queuedStaleSeconds: number): SQL | undefined {
  return or(
    and(inArray(uploadJobs.status, IN_PROGRESS), leaseFree),
    and(eq(uploadJobs.status, "queued"), lt(uploadJobs.updatedAt, sql`now() - make_interval(secs => ${queuedStaleSeconds})`)),
  );
}

/**
 * Takes the job for one attempt: counts the attempt, moves it to `parsing` and leases it for `leaseSeconds`. Returns
 * undefined when the job is finished, deleted, or held by another attempt whose lease has not expired.
 */
export async function claimJob(tx: Queryable, jobId: string, leaseId: string, leaseSeconds: number): Promise<UploadJob | undefined> {
  const [row] = await tx
    .update(uploadJobs)
    .set({
      attempts: sql`${uploadJobs.attempts} + 1`,
      status: "parsing",
      errorCode: null,
      errorMessage: null,
      leaseId,
      leaseExpiresAt: seconds(leaseSeconds),
      updatedAt: sql`now()`,
    })
    .where(and(eq(uploadJobs.id, jobId), inArray(uploadJobs.status, ["queued", ...IN_PROGRESS]), leaseFree))
    .returning();
  return row;
}

/** Extends the lease; false when the lease is no longer this attempt's (it expired and another attempt took the job). */
export async function renewLease(tx: Queryable, jobId: string, leaseId: string, leaseSeconds: number): Promise<boolean> {
  const rows = await tx
    .update(uploadJobs)
    .set({ leaseExpiresAt: seconds(leaseSeconds) })
    .where(and(eq(uploadJobs.id, jobId), eq(uploadJobs.leaseId, leaseId)))
    .returning({ id: uploadJobs.id });
  return rows.length > 0;
}

export interface LeasedJobPatch {
  status?: JobStatus;
  pagesTotal?: number;
  pagesParsed?: number;
  chunksTotal?: number;
  chunksEmbedded?: number;
  errorCode?: string | null;
  errorMessage?: string | null;
  timings?: UploadJob["timings"];
}

/**
 * Updates the job only while this attempt holds it; `release` also ends the lease (for the last write of an attempt:
 * complete, failed, or back to queued for a retry). Returns whether the update applied.
 */
export async function updateLeasedJob(
  tx: Queryable,
  jobId: string,
  leaseId: string,
  patch: LeasedJobPatch,
  options: { release?: boolean } = {},
): Promise<boolean> {
  const release = options.release ? { leaseId: null, leaseExpiresAt: null } : {};
  const rows = await tx
    .update(uploadJobs)
    .set({ ...patch, ...release, updatedAt: sql`now()` })
    .where(and(eq(uploadJobs.id, jobId), eq(uploadJobs.leaseId, leaseId)))
    .returning({ id: uploadJobs.id });
  return rows.length > 0;
}

/**
 * Puts a stale job (see `stale`) back to `queued` with no lease, for the watchdog to send it again. Returns the row as
 * it was recovered (its `attempts` says how often it has been tried), or undefined when the job is not stale.
 */
export async function recoverStaleJob(tx: Queryable, jobId: string, queuedStaleSeconds: number): Promise<UploadJob | undefined> {
  const [row] = await tx
    .update(uploadJobs)
    .set({ status: "queued", leaseId: null, leaseExpiresAt: null, updatedAt: sql`now()` })
    .where(and(eq(uploadJobs.id, jobId), stale(queuedStaleSeconds)))
    .returning();
  return row;
}

/**
 * Starts a failed or stale job again from scratch, for a person asking (a retry, or uploading the same bytes again):
 * queued, no error, attempts from zero. Returns undefined when the job is complete or still being worked on.
 */
export async function restartJob(tx: Queryable, jobId: string, queuedStaleSeconds: number): Promise<UploadJob | undefined> {
  const [row] = await tx
    .update(uploadJobs)
    .set({ status: "queued", attempts: 0, errorCode: null, errorMessage: null, leaseId: null, leaseExpiresAt: null, updatedAt: sql`now()` })
    .where(and(eq(uploadJobs.id, jobId), or(eq(uploadJobs.status, "failed"), stale(queuedStaleSeconds))))
    .returning();
  return row;
}

/**
 * Marks the job failed unless it completed or an attempt holds a live lease on it: for the dead-letter consumer and
 * the watchdog, which act on a job without holding it. Returns whether it applied.
 */
export async function failUnheldJob(tx: Queryable, jobId: string, failure: { code: string; message: string }): Promise<boolean> {
  const rows = await tx
    .update(uploadJobs)
    .set({ status: "failed", errorCode: failure.code, errorMessage: failure.message, leaseId: null, leaseExpiresAt: null, updatedAt: sql`now()` })
    .where(and(eq(uploadJobs.id, jobId), inArray(uploadJobs.status, ["queued", ...IN_PROGRESS]), leaseFree))
    .returning({ id: uploadJobs.id });
  return rows.length > 0;
}
