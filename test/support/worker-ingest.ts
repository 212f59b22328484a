/** Driving ingestion by hand inside workerd: stage an upload without queueing it, deliver its message to the consumer. */
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import type { AppEnv } from "../../src/env";
import type { IngestMessage, IngestQueue } from "../../src/ingestion/queue-message";
import { acceptUpload } from "../../src/ingestion/upload";
import type { JobWatchdog } from "../../src/ingestion/watchdog";
import worker from "../../src/index";
import type { TestUser } from "./worker-api";
import { withDatabase } from "./worker-db";

export interface QueueResult {
  outcome: string;
  ackAll: boolean;
  retryBatch: { retry: boolean };
  explicitAcks: string[];
  retryMessages: Array<{ msgId: string; delaySeconds?: number }>;
}

/** A watchdog that watches nothing: tests that use it deliver messages themselves. */
export const idleWatchdog: JobWatchdog = { watch: async () => undefined };

/** A queue that keeps what is sent to it instead of delivering it. */
export function capturingQueue(): { queue: IngestQueue; sent: IngestMessage[] } {
  const sent: IngestMessage[] = [];
  return { queue: { send: async (message: IngestMessage) => void sent.push(message) }, sent };
}

/** Stores a document and its job like the upload route does, but keeps the message instead of queueing it. */
export async function stageUpload(user: TestUser, bytes: Uint8Array, filename: string): Promise<IngestMessage> {
  const { queue, sent } = capturingQueue();
  await withDatabase((db) =>
    acceptUpload(
      { db, bucket: env.DOCUMENTS, queue, watchdog: idleWatchdog, maxUploadBytes: 25 * 1024 * 1024, leaseSeconds: 120, requestId: "test" },
      { userId: user.id, filename, bytes },
    ),
  );
  const message = sent[0];
  if (!message) throw new Error("nothing was queued");
  return message;
}

/** Delivers one message to the Worker's queue handler, as the ingest queue (or `queue`) would. */
export async function deliver(message: IngestMessage, options: { attempts?: number; queue?: string; env?: Partial<AppEnv> } = {}) {
  const batch = createMessageBatch<IngestMessage>(options.queue ?? "insurance-navigator-ingest", [
    { id: crypto.randomUUID(), timestamp: new Date(), attempts: options.attempts ?? 1, body: message },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, { ...env, ...options.env } as AppEnv, ctx);
  return (await getQueueResult(batch, ctx)) as unknown as QueueResult;
}
