/**
 * Secrets are not in wrangler.toml, so `wrangler types` cannot see them; they are declared here once.
 * Set them with `wrangler secret put NAME` in production and in `.dev.vars` locally (`npm start` writes one).
 */
export interface Secrets {
  JWT_SECRET: string;
  DATABASE_URL: string;
  /** `host:port/path` of a WebSocket→TCP relay; set only for a PostgreSQL that is not Neon (local dev and tests). */
  DATABASE_WS_PROXY?: string;
  /**
   * URL of an endpoint speaking Neon's SQL-over-HTTP protocol (`http://127.0.0.1:<port>/sql`); set only for a
   * PostgreSQL that is not Neon (local dev and tests). Unset, one-shot queries go to Neon's own endpoint for the host.
   */
  DATABASE_HTTP_ENDPOINT?: string;
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  ANTHROPIC_API_KEY?: string;
  ANTHROPIC_BASE_URL?: string;
  LLAMA_CLOUD_API_KEY?: string;
  LLAMA_CLOUD_BASE_URL?: string;
  /** Optional overrides of wrangler.toml [vars] that are not declared there. */
  EMBEDDING_PROVIDER?: string;
  LLM_PROVIDER?: string;
  CHAT_MODEL?: string;
  ANTHROPIC_MODEL?: string;
  PARSER_PROVIDER?: string;
  /** Unset by default: each embedding provider has its own calibrated threshold (see src/providers/embeddings). */
  SIMILARITY_THRESHOLD?: string;
  /** Unset by default: each embedding provider has its own fusion weight for the vector leg (src/retrieval/fusion.ts). */
  VECTOR_WEIGHT?: string;
  /** Per-user quotas (src/db/quotas.ts); defaults in src/config.ts. */
  MAX_DOCUMENTS_PER_USER?: string;
  MAX_STORAGE_BYTES_PER_USER?: string;
  MAX_PAGES_PER_DAY?: string;
  /** "false" turns off the Rate Limiting bindings (load tests); see src/lib/rate-limit.ts. */
  RATE_LIMITS_ENABLED?: string;
  /** Login throttling (src/accounts/login-throttle.ts); defaults in src/config.ts. */
  LOGIN_FREE_ATTEMPTS_PER_ACCOUNT?: string;
  LOGIN_FREE_ATTEMPTS_PER_ADDRESS?: string;
  LOGIN_BACKOFF_BASE_SECONDS?: string;
  LOGIN_BACKOFF_MAX_SECONDS?: string;
  LOGIN_BACKOFF_RESET_SECONDS?: string;
  /** Comma-separated origins allowed by CORS; unset allows any origin (auth is by bearer token, never cookies). */
  CORS_ORIGINS?: string;
  /** Seconds an ingestion attempt holds its job (default 120); tests that kill the Worker shorten it. */
  JOB_LEASE_SECONDS?: string;
}

export type AppEnv = Env & Secrets;
