import { readConfig } from "../config";
import { openDatabase } from "../db/client";
import type { AppEnv } from "../env";
import { classifyFailure } from "../ingestion/failures";
import { markFailed, runIngestion, type IngestionDeps } from "../ingestion/pipeline";
import { IngestMessageSchema } from "../ingestion/queue-message";
import { updateJob } from "../db/documents";
import { asUser } from "../db/client";
import { errorFields, log } from "../lib/log";
import { createEmbeddingProvider } from "../providers/embeddings";
import { createParser } from "../providers/parsers";

/** Longest retry delay: past five minutes a person watching the job status would rather see it fail. */
const MAX_RETRY_DELAY_SECONDS = 300;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(2 ** attempts, MAX_RETRY_DELAY_SECONDS);
}

/**
 * Consumes the ingest queue: ack on success and on permanent failure (after recording it on the job), retry with
 * exponential backoff on a transient one. After `max_retries` the queue moves the message to the dead-letter queue.
 */
export async function handleIngestBatch(
  batch: MessageBatch<unknown>,
  env: AppEnv,
  ctx: ExecutionContext,
  /** Replaces parts of what the consumer builds from `env`; tests use it to fail a step on purpose. */
  overrides: Partial<Omit<IngestionDeps, "db">> = {},
): Promise<void> {
  const config = readConfig(env);
  const handle = openDatabase(env);
  const deps: IngestionDeps = {
    db: handle.db,
    bucket: env.DOCUMENTS,
    parser: createParser(env, config),
    embedder: createEmbeddingProvider(env, config),
    sentencesPerChunk: config.sentencesPerChunk,
    maxPagesPerDay: config.maxPagesPerDay,
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
      const fields = { job_id: body.jobId, document_id: body.documentId, attempt: message.attempts };
      try {
        const outcome = await runIngestion(deps, body);
        log("info", `ingest: ${outcome}`, fields);
        message.ack();
      } catch (error) {
        const failure = classifyFailure(error);
        if (failure.retryable) {
          const delaySeconds = retryDelaySeconds(message.attempts);
          log("warn", "ingest: transient failure, retrying", { ...fields, code: failure.code, delay_seconds: delaySeconds, ...errorFields(error) });
          // Recorded (status back to queued) so the job shows why it is waiting; `error` stays null until it fails.
          await asUser(deps.db, body.userId, (tx) =>
            updateJob(tx, body.jobId, { status: "queued", errorCode: failure.code, errorMessage: failure.message }),
          ).catch(() => undefined);
          message.retry({ delaySeconds });
        } else {
          log("warn", "ingest: permanent failure", { ...fields, code: failure.code, ...errorFields(error) });
          try {
            await markFailed(deps.db, body, failure);
            message.ack();
          } catch (markError) {
            // Could not even record the failure: let the queue try again rather than lose it.
            log("error", "ingest: could not record failure", { ...fields, ...errorFields(markError) });
            message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
          }
        }
      }
    }
  } finally {
    ctx.waitUntil(handle.close().catch(() => undefined));
  }
}
