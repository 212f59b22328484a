import { asUser, type Database } from "../db/client";
import { renewLease } from "../db/job-lease";
import { errorFields, log } from "../lib/log";
import type { IngestMessage } from "./queue-message";

/**
 * How an attempt keeps hold of its job. The lease lasts `seconds` (JOB_LEASE_SECONDS, default 120) and is renewed four
 * times per period, so a worker stuck on the event loop for up to three quarters of it (a long synchronous parse)
 * still keeps its job, while a worker that died loses it within one period. The watchdog (job-watchdog.ts) then
 * sends the job again.
 */
export const HEARTBEATS_PER_LEASE = 4;

/**
 * Attempts after which a job that keeps dying is failed rather than sent again: the queue's own first delivery plus
 * its `max_retries = 5` (wrangler.toml), so a crash loop ends where a failing loop does.
 */
export const MAX_JOB_ATTEMPTS = 6;

/**
 * How long a job may sit `queued` before its message counts as lost: the longest retry delay (300 s, see
 * queue-consumers/ingest.ts) plus five lease periods of queue backlog.
 */
export function queuedStaleSeconds(leaseSeconds: number): number {
  return 300 + 5 * leaseSeconds;
}

/**
 * The job is no longer this attempt's: another attempt took it over (this one's lease expired), or it was deleted.
 * The attempt must stop without writing.
 */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} is no longer held by this attempt`);
    this.name = "LeaseLostError";
  }
}

/**
 * The lease of one attempt: renews itself in the background while the attempt runs and remembers when a renewal found
 * the lease taken. A renewal that fails to reach the database is only logged: the lease may still be valid, and if
 * it expires the fenced writes of this attempt will say so.
 *
 * @example
 * const lease = new JobLease(db, message, crypto.randomUUID(), 120);
 * lease.start();
 * try { ...; lease.assertHeld(); ... } finally { lease.stop(); }
 */
export class JobLease {
  private timer: ReturnType<typeof setInterval> | undefined;
  private lost = false;

  constructor(
    private readonly db: Database,
    private readonly message: IngestMessage,
    readonly id: string,
    readonly seconds: number,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.renew(), (this.seconds * 1000) / HEARTBEATS_PER_LEASE);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Throws `LeaseLostError` once a renewal has found the job held by another attempt. */
  assertHeld(): void {
    if (this.lost) throw new LeaseLostError(this.message.jobId);
  }

  private async renew(): Promise<void> {
    const { userId, jobId } = this.message;
    try {
      const held = await asUser(this.db, userId, (tx) => renewLease(tx, jobId, this.id, this.seconds));
      if (!held) {
        this.lost = true;
        this.stop();
      }
    } catch (error) {
      log("warn", "ingest: lease renewal failed", { job_id: jobId, ...errorFields(error) });
    }
  }
}
