/** `GET /health`. */
import { z } from "zod";

/** Why a dependency check failed: it did not answer within /health's deadline, or it answered with an error. */
export const CheckFailure = z.enum(["timeout", "unreachable"]);
export type CheckFailure = z.infer<typeof CheckFailure>;

export const Health = z.object({
  /** "degraded" (with a 503) when the database or storage did not answer within the deadline, or failed. */
  status: z.enum(["ok", "degraded"]),
  checks: z.object({
    database: z.object({ ok: z.boolean(), latency_ms: z.number(), reason: CheckFailure.optional() }),
    storage: z.object({ ok: z.boolean(), reason: CheckFailure.optional() }),
    queue: z.object({ ok: z.boolean() }),
    embeddings: z.object({ provider: z.string() }),
    llm: z.object({ provider: z.string().optional() }),
  }),
  version: z.string(),
});
export type Health = z.infer<typeof Health>;
