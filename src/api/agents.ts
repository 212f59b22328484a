/** `/agents/*`: a stateless JSON answer for programs, and how this deployment answers. */
import { z } from "zod";
import { DocumentIds, MAX_QUESTION_CHARS } from "./common.ts";
import { Citation, FinishReason, TurnTimings } from "./chat.ts";

export const AgentQueryBody = z.object({
  query: z.string().trim().min(1).max(MAX_QUESTION_CHARS),
  document_ids: DocumentIds.optional(),
});
export type AgentQueryBody = z.input<typeof AgentQueryBody>;

export const AgentAnswer = z.object({
  answer: z.string(),
  citations: z.array(Citation),
  finish_reason: FinishReason,
  provider: z.string(),
  model: z.string(),
  timings: TurnTimings,
});
export type AgentAnswer = z.infer<typeof AgentAnswer>;

export const ProviderHealth = z.object({ ok: z.boolean(), latency_ms: z.number().optional(), error: z.string().optional() });
export type ProviderHealth = z.infer<typeof ProviderHealth>;

/** Providers, models and settings: never a secret. */
export const AgentStatus = z.object({
  embeddings: z.object({ provider: z.string(), model: z.string(), dimensions: z.number().int() }),
  llm: z.object({
    providers: z.array(z.object({ name: z.string(), model: z.string(), configured: z.boolean(), health: ProviderHealth })),
    order: z.array(z.string()),
  }),
  retrieval: z.object({ similarity_threshold: z.number(), max_chunks: z.number().int(), hybrid: z.boolean(), fusion: z.string(), vector_weight: z.number() }),
  chunking: z.object({ strategy: z.string(), sentences_per_chunk: z.number().int() }),
  parser: z.object({ provider: z.string() }),
});
export type AgentStatus = z.infer<typeof AgentStatus>;
