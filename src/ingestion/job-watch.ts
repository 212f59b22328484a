import { asUser, type Database } from "../db/client";
import { getJob } from "../db/documents";
import type { UploadJob } from "../db/schema";

export interface WatchOptions {
  userId: string;
  jobId: string;
  /** Time between reads of the job row. */
  pollMs: number;
  /** The watch ends after this long even if the job has not finished; the client reconnects. */
  maxMs: number;
  /** Checked before each read: the client has gone, stop reading. */
  stopped?: () => boolean;
  /** Awaited between reads; injectable so tests need not wait real time. */
  sleep?: (ms: number) => Promise<void>;
}

export type JobWatchEvent =
  | { type: "job"; job: UploadJob }
  /** Nothing changed since the last read; lets the caller send a keep-alive. */
  | { type: "idle" }
  | { type: "gone" };

const TERMINAL = new Set<UploadJob["status"]>(["complete", "failed"]);

export const isTerminal = (job: UploadJob) => TERMINAL.has(job.status);

/**
 * Reads an ingestion job until it completes or fails, yielding it whenever its status or progress changed (and
 * `idle` between changes). Polling the row is all it takes: the queue consumer already writes progress there after
 * each stage and embedding batch, and one short read per poll costs far less than a channel from the consumer to
 * every watcher. Yields `gone` if the job disappears (its document was deleted).
 */
export async function* watchJob(db: Database, options: WatchOptions): AsyncGenerator<JobWatchEvent> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + options.maxMs;
  let last = "";
  while (!options.stopped?.()) {
    const job = await asUser(db, options.userId, (tx) => getJob(tx, options.userId, options.jobId));
    if (!job) {
      yield { type: "gone" };
      return;
    }
    const fingerprint = `${job.status}|${job.updatedAt.getTime()}|${job.pagesParsed}|${job.chunksEmbedded}|${job.attempts}`;
    if (fingerprint !== last) {
      last = fingerprint;
      yield { type: "job", job };
    } else {
      yield { type: "idle" };
    }
    if (isTerminal(job) || Date.now() >= deadline) return;
    await sleep(options.pollMs);
  }
}
