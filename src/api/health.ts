/** `GET /health`. */
import { z } from "zod";

export const Health = z.object({
  /** "degraded" (with a 503) when the database or storage does not answer. */
  status: z.enum(["ok", "degraded"]),
  checks: z.object({
    database: z.object({ ok: z.boolean(), latency_ms: z.number() }),
    storage: z.object({ ok: z.boolean() }),
    queue: z.object({ ok: z.boolean() }),
    embeddings: z.object({ provider: z.string() }),
    llm: z.object({ provider: z.string().optional() }),
  }),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;
