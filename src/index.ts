import { createApp } from "./app";
import type { AppEnv } from "./env";
import { handleDeadLetterBatch } from "./queue-consumers/dead-letter";
import { handleIngestBatch } from "./queue-consumers/ingest";

export { ChatSession } from "./durable-objects/chat-session";
export { JobWatchdog } from "./durable-objects/job-watchdog";

const app = createApp();

/** Queue names end in "-dlq" for the dead-letter queue in every environment (see wrangler.toml). */
const isDeadLetterQueue = (name: string) => name.endsWith("-dlq");

export default {
  fetch: app.fetch,
  async queue(batch, env, ctx) {
    if (isDeadLetterQueue(batch.queue)) await handleDeadLetterBatch(batch, env, ctx);
    else await handleIngestBatch(batch, env, ctx);
  },
} satisfies ExportedHandler<AppEnv>;
