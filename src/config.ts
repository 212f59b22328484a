import { z } from "zod";
import type { AppEnv } from "./env";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every tunable the Worker reads, parsed once per request from bindings. Unset or empty values take the default,
 * so a deployment only sets what it changes.
 */
const ConfigSchema = z.object({
  environment: z.string().default("development"),
  maxUploadBytes: positiveInt(25 * 1024 * 1024),
  sentencesPerChunk: positiveInt(5),
  /** Unset: each embedding provider's own calibrated default (0.4 for OpenAI, 0.25 for the offline lexical model). */
  similarityThreshold: z.coerce.number().min(-1).max(1).optional(),
  maxChunks: positiveInt(5),
  embeddingProvider: z.enum(["openai", "offline"]).optional(),
  embeddingModel: z.string().default("text-embedding-3-small"),
  llmProvider: z.enum(["openai", "anthropic", "offline"]).optional(),
  chatModel: z.string().default("gpt-4o-mini"),
  anthropicModel: z.string().default("claude-sonnet-4-6"),
  parserProvider: z.enum(["llamaparse", "builtin"]).optional(),
  jwtIssuer: z.string().min(1).default("insurance-navigator"),
  jwtAudience: z.string().min(1).default("insurance-navigator-api"),
  jwtTtlSeconds: positiveInt(3600),
  chatRateLimitPerMinute: positiveInt(30),
  /**
   * How long an ingestion attempt holds its job between renewals: long enough to outlast a long synchronous parse,
   * short enough that a dead worker's job is sent again within minutes (see src/ingestion/lease.ts).
   */
  jobLeaseSeconds: positiveInt(120),
});

export type Config = z.infer<typeof ConfigSchema>;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export function readConfig(env: Partial<AppEnv>): Config {
  const raw = {
    environment: env.ENVIRONMENT,
    maxUploadBytes: env.MAX_UPLOAD_BYTES,
    sentencesPerChunk: env.SENTENCES_PER_CHUNK,
    similarityThreshold: env.SIMILARITY_THRESHOLD,
    maxChunks: env.MAX_CHUNKS,
    embeddingProvider: env.EMBEDDING_PROVIDER,
    embeddingModel: env.EMBEDDING_MODEL,
    llmProvider: env.LLM_PROVIDER,
    chatModel: env.CHAT_MODEL,
    anthropicModel: env.ANTHROPIC_MODEL,
    parserProvider: env.PARSER_PROVIDER,
    jwtIssuer: env.JWT_ISSUER,
    jwtAudience: env.JWT_AUDIENCE,
    jwtTtlSeconds: env.JWT_TTL_SECONDS,
    chatRateLimitPerMinute: env.CHAT_RATE_LIMIT_PER_MINUTE,
    jobLeaseSeconds: env.JOB_LEASE_SECONDS,
  };
  const cleaned = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, blankToUndefined(v)]));
  return ConfigSchema.parse(cleaned);
}
