import { asUser } from "../db/client";
import { getJob } from "../db/documents";
import type { AppEnv } from "../env";
import { markFailed } from "../ingestion/pipeline";
import { IngestMessageSchema } from "../ingestion/queue-message";
import { errorFields, log } from "../lib/log";
import { createServices } from "../services";

/**
 * Messages land here after the ingest queue's `max_retries`. The job is marked failed with how many attempts were
 * made and the last error seen, so the person who uploaded the file learns what happened.
 */
export async function handleDeadLetterBatch(batch: MessageBatch<unknown>, env: AppEnv, ctx: ExecutionContext): Promise<void> {
  const services = createServices(env);
  const db = services.db();
  try {
    for (const message of batch.messages) {
      const parsed = IngestMessageSchema.safeParse(message.body);
      if (!parsed.success) {
        log("error", "dead-letter: malformed message acknowledged", { message_id: message.id });
        message.ack();
        continue;
      }
      const body = parsed.data;
      try {
        const job = await asUser(db, body.userId, (tx) => getJob(tx, body.userId, body.jobId));
        if (job && job.status !== "complete") {
          const last = job.errorMessage ? ` Last error: ${job.errorMessage}` : "";
          // Not while an attempt holds the job (the watchdog may have sent it again meanwhile).
          await markFailed(db, body, {
            code: "gave_up",
            message: `Gave up after ${job.attempts} attempts.${last}`,
          });
        }
        message.ack();
      } catch (error) {
        log("error", "dead-letter: could not record failure", { job_id: body.jobId, ...errorFields(error) });
        message.retry({ delaySeconds: 30 });
      }
    }
  } finally {
    ctx.waitUntil(services.close());
  }
}
