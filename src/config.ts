import { z } from "zod";
import type { AppEnv } from "./env";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every tunable the Worker reads, from bindings: parsed once per isolate (parsed again only when a value changes).
 * Unset or empty values take the default, so a deployment only sets what it changes.
 */
const ConfigSchema = z.object({
  environment: z.string().default("development"),
  maxUploadBytes: positiveInt(25 * 1024 * 1024),
  sentencesPerChunk: positiveInt(5),
  /** Unset: each embedding provider's own calibrated default (0.4 for OpenAI, 0.25 for the offline lexical model). */
  similarityThreshold: z.coerce.number().min(-1).max(1).optional(),
  /**
   * The vector leg's weight in rank fusion against the keyword leg's 1. Unset: each embedding provider's own (1 for
   * both today; docs/decisions.md). 0 ranks by the keyword leg alone; above 1 trusts the embedder's nearest passages more.
   */
  vectorWeight: z.coerce.number().min(0).max(10).optional(),
  maxChunks: positiveInt(5),
  embeddingProvider: z.enum(["openai", "offline"]).optional(),
  embeddingModel: z.string().default("text-embedding-3-small"),
  llmProvider: z.enum(["openai", "anthropic", "offline"]).optional(),
  chatModel: z.string().default("gpt-4o-mini"),
  anthropicModel: z.string().default("claude-sonnet-4-6"),
  parserProvider: z.enum(["llamaparse", "builtin"]).optional(),
  jwtIssuer: z.string().min(1).default("insurance-navigator"),
  jwtAudience: z.string().min(1).default("insurance-navigator-api"),
  /** Access tokens are short-lived: a leaked one is good for minutes; the refresh token (rotated, revocable) renews it. */
  jwtTtlSeconds: positiveInt(900),
  /** How long a refresh token stays usable if unused; each use issues a new one with a fresh lifetime. */
  refreshTokenTtlSeconds: positiveInt(30 * 24 * 3600),
  chatRateLimitPerMinute: positiveInt(30),
  /** Documents a user may keep; deleting one frees its place. */
  maxDocumentsPerUser: positiveInt(100),
  /** Bytes of uploaded files a user may keep (500 MiB: twenty 25 MB uploads, far beyond a family's plan documents). */
  maxStorageBytesPerUser: positiveInt(500 * 1024 * 1024),
  /** Pages a user's documents may have processed per UTC day; bounds parsing and embedding cost per account. */
  maxPagesPerDay: positiveInt(1000),
  /** The Rate Limiting bindings (numbers in wrangler.toml); off only for load tests. Exact limits stay on regardless. */
  rateLimitsEnabled: z.stringbool().default(true),
  /** Login attempts per account before delays start; the account's owner is one person, so few are needed. */
  loginFreeAttemptsPerAccount: positiveInt(5),
  /** Login attempts per client address before delays start; higher, since a household or an office shares one. */
  loginFreeAttemptsPerAddress: positiveInt(20),
  /** First delay after the free attempts; it doubles with each further attempt. */
  loginBackoffBaseSeconds: positiveInt(1),
  /** The longest delay: 15 minutes still lets a locked-out owner in the same hour, and caps a guesser at 4 an hour. */
  loginBackoffMaxSeconds: positiveInt(900),
  /** A key with no attempt for this long starts over; longer than the longest delay, so waiting it out does not reset. */
  loginBackoffResetSeconds: positiveInt(3600),
  /**
   * How long an ingestion attempt holds its job between renewals: long enough to outlast a long synchronous parse,
   * short enough that a dead worker's job is sent again within minutes (see src/ingestion/lease.ts).
   */
  jobLeaseSeconds: positiveInt(120),
});

export type Config = z.infer<typeof ConfigSchema>;

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/** Each setting and the binding it is read from. */
const BINDINGS = {
  environment: "ENVIRONMENT",
  maxUploadBytes: "MAX_UPLOAD_BYTES",
  sentencesPerChunk: "SENTENCES_PER_CHUNK",
  similarityThreshold: "SIMILARITY_THRESHOLD",
  vectorWeight: "VECTOR_WEIGHT",
  maxChunks: "MAX_CHUNKS",
  embeddingProvider: "EMBEDDING_PROVIDER",
  embeddingModel: "EMBEDDING_MODEL",
  llmProvider: "LLM_PROVIDER",
  chatModel: "CHAT_MODEL",
  anthropicModel: "ANTHROPIC_MODEL",
  parserProvider: "PARSER_PROVIDER",
  jwtIssuer: "JWT_ISSUER",
  jwtAudience: "JWT_AUDIENCE",
  jwtTtlSeconds: "JWT_TTL_SECONDS",
  refreshTokenTtlSeconds: "REFRESH_TOKEN_TTL_SECONDS",
  chatRateLimitPerMinute: "CHAT_RATE_LIMIT_PER_MINUTE",
  maxDocumentsPerUser: "MAX_DOCUMENTS_PER_USER",
  maxStorageBytesPerUser: "MAX_STORAGE_BYTES_PER_USER",
  maxPagesPerDay: "MAX_PAGES_PER_DAY",
  rateLimitsEnabled: "RATE_LIMITS_ENABLED",
  loginFreeAttemptsPerAccount: "LOGIN_FREE_ATTEMPTS_PER_ACCOUNT",
  loginFreeAttemptsPerAddress: "LOGIN_FREE_ATTEMPTS_PER_ADDRESS",
  loginBackoffBaseSeconds: "LOGIN_BACKOFF_BASE_SECONDS",
  loginBackoffMaxSeconds: "LOGIN_BACKOFF_MAX_SECONDS",
  loginBackoffResetSeconds: "LOGIN_BACKOFF_RESET_SECONDS",
  jobLeaseSeconds: "JOB_LEASE_SECONDS",
} as const satisfies Record<keyof Config, keyof AppEnv>;
const SETTINGS = Object.entries(BINDINGS) as Array<[keyof Config, keyof AppEnv]>;

export function readConfig(env: Partial<AppEnv>): Readonly<Config> {
  // The runtime hands an isolate the same env object on every request: when none of its values changed since the
  // last read, that read's configuration is the answer, with no key to build.
  const last = lastRead.get(env);
  if (last && SETTINGS.every(([, binding], i) => env[binding] === last.values[i])) return last.config;
  const values = SETTINGS.map(([, binding]) => env[binding]);
  const cleaned = Object.fromEntries(SETTINGS.map(([setting], i) => [setting, blankToUndefined(values[i])]));
  const key = JSON.stringify(cleaned);
  let config = parsed.get(key);
  if (!config) {
    config = Object.freeze(ConfigSchema.parse(cleaned));
    if (parsed.size >= PARSED_KEPT) parsed.clear();
    parsed.set(key, config);
  }
  lastRead.set(env, { values, config });
  return config;
}

/** The configuration last read from an env object, with the raw values it was read from. */
const lastRead = new WeakMap<object, { values: unknown[]; config: Readonly<Config> }>();

/**
 * Parsed configurations by their raw values, for env objects not seen before (tests make many): the schema need not
 * run again for values it has seen. Keyed by the values, so a changed value is parsed again. (A sampling profile put
 * the parse at a tenth of a search's Worker CPU; measured without the profiler the difference was within noise:
 * BENCHMARKS.md, issue 10.)
 */
const parsed = new Map<string, Readonly<Config>>();
/** Far more than an isolate ever sees (one); bounds a test run that makes many. */
const PARSED_KEPT = 32;
