import { jobWatchdogs } from "../durable-objects/job-watchdog";
import type { AppEnv } from "../env";
import { classifyFailure } from "../ingestion/failures";
import { LeaseLostError } from "../ingestion/lease";
import { endFailedAttempt, runIngestion, type IngestionDeps } from "../ingestion/pipeline";
import { IngestMessageSchema } from "../ingestion/queue-message";
import { errorFields, log } from "../lib/log";
import { record } from "../observability/analytics";
import { createServices } from "../services";

/** Longest retry delay: past five minutes a person watching the job status would rather see it fail. */
const MAX_RETRY_DELAY_SECONDS = 300;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, MAX_RETRY_DELAY_SECONDS);
}

/**
 * Consumes the ingest queue: ack on success and on permanent failure (after recording it on the job), retry with
 * exponential backoff on a transient one. After `max_retries` the queue moves the message to the dead-letter queue.
 * Each delivery is one attempt with its own lease on the job (src/ingestion/lease.ts); a delivery that finds the job
 * held by a live attempt, or loses it to one, is acknowledged without writing.
 */
export async function handleIngestBatch(
  batch: MessageBatch<unknown>,
  env: AppEnv,
  ctx: ExecutionContext,
  /** Replaces parts of what the consumer builds from `env`; tests use it to fail a step on purpose. */
  overrides: Partial<Omit<IngestionDeps, "db">> = {},
): Promise<void> {
  const services = createServices(env);
  const config = services.config;
  const deps: IngestionDeps = {
    db: services.db(),
    bucket: env.DOCUMENTS,
    parser: overrides.parser ?? services.parser(),
    embedder: overrides.embedder ?? services.embedder(),
    sentencesPerChunk: config.sentencesPerChunk,
    maxPagesPerDay: config.maxPagesPerDay,
    leaseSeconds: config.jobLeaseSeconds,
    watchdog: jobWatchdogs(env.JOB_WATCHDOG),
    onComplete: (summary) =>
      record(env, {
        kind: "ingestion",
        documentType: summary.documentType,
        outcome: "complete",
        errorCode: "",
        pages: summary.pages,
        chunks: summary.chunks,
        bytes: summary.bytes,
        parseMs: summary.timings.parse_ms,
        chunkMs: summary.timings.chunk_ms,
        embedMs: summary.timings.embed_ms,
        storeMs: summary.timings.store_ms,
        totalMs: summary.timings.total_ms,
        attempts: summary.attempts,
      }),
    ...overrides,
  };
  try {
    for (const message of batch.messages) {
      const parsed = IngestMessageSchema.safeParse(message.body);
      if (!parsed.success) {
        log("error", "ingest: malformed message acknowledged", { message_id: message.id });
        message.ack();
        continue;
      }
      const body = parsed.data;
      const leaseId = crypto.randomUUID();
      const fields = { job_id: body.jobId, document_id: body.documentId, attempt: message.attempts };
      const started = Date.now();
      try {
        const outcome = await runIngestion(deps, body, leaseId);
        log("info", `ingest: ${outcome}`, { ...fields, duration_ms: Date.now() - started });
        message.ack();
      } catch (error) {
        if (error instanceof LeaseLostError) {
          log("warn", "ingest: the job was taken over or deleted; stopping", fields);
          message.ack();
          continue;
        }
        const failure = classifyFailure(error);
        const delaySeconds = retryDelaySeconds(message.attempts);
        record(env, failedIngestion(failure, message.attempts, Date.now() - started));
        log("warn", failure.retryable ? "ingest: transient failure, retrying" : "ingest: permanent failure", {
          ...fields,
          code: failure.code,
          duration_ms: Date.now() - started,
          ...(failure.retryable ? { delay_seconds: delaySeconds } : {}),
          ...errorFields(error),
        });
        try {
          // Recorded either way: a transient failure puts the job back to queued with the reason it waits (`error`
          // stays null until it has failed for good); a permanent one fails it.
          const held = await endFailedAttempt(deps.db, body, leaseId, failure);
          if (failure.retryable && held) message.retry({ delaySeconds });
          else message.ack();
        } catch (recordError) {
          // Could not even record the failure: let the queue try again rather than lose it.
          log("error", "ingest: could not record failure", { ...fields, ...errorFields(recordError) });
          message.retry({ delaySeconds });
        }
      }
    }
  } finally {
    ctx.waitUntil(services.close());
  }
}

/** A failed attempt as a data point: what failed and how, with no sizes (the attempt may not have read the file). */
function failedIngestion(failure: { code: string; retryable: boolean }, attempts: number, totalMs: number) {
  return {
    kind: "ingestion" as const,
    documentType: "",
    outcome: failure.retryable ? ("retry" as const) : ("failed" as const),
    errorCode: failure.code,
    pages: 0,
    chunks: 0,
    bytes: 0,
    parseMs: 0,
    chunkMs: 0,
    embedMs: 0,
    storeMs: 0,
    totalMs,
    attempts,
  };
}
