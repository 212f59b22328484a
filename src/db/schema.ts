import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  vector,
} from "drizzle-orm/pg-core";
import { DOCUMENT_STATUSES, JOB_STATUSES, type DocumentStatus, type IngestionTimings, type JobStatus } from "../api/documents";

/** Embedding width of OpenAI `text-embedding-3-small`; the offline embedder produces the same width. */
export const EMBEDDING_DIMENSIONS = 1536;

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  passwordSalt: text("password_salt").notNull(),
  passwordIterations: integer("password_iterations").notNull(),
  createdAt: timestamps.createdAt,
});

export const SESSION_END_REASONS = ["logout", "logout_all", "reuse"] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * A login: the family of refresh tokens that descend from one register or login. Access tokens carry its id (`sid`),
 * so ending the session (logout, or a refresh token used twice) ends every token of the family at once.
 */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamps.createdAt,
    /** Moves forward with every refresh: a session lives as long as its newest refresh token. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason", { enum: SESSION_END_REASONS }),
  },
  (t) => [index("auth_sessions_user_id_idx").on(t.userId)],
);

/**
 * Every refresh token ever issued, by SHA-256 of its value (the value itself is never stored). A used token is kept
 * until it expires so that presenting it again is recognised as theft and ends its session.
 */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => authSessions.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamps.createdAt,
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("refresh_tokens_session_id_idx").on(t.sessionId), index("refresh_tokens_user_id_idx").on(t.userId)],
);

/**
 * Long-lived credentials a member creates for scripts and `/v1` clients (src/accounts/api-keys.ts). Only the SHA-256
 * of the key is stored; `prefix` (its first characters) is what lists show so a member can tell keys apart. Deleting
 * the row revokes the key at once: every request looks its key up.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    createdAt: timestamps.createdAt,
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [index("api_keys_user_id_idx").on(t.userId)],
);

/**
 * Login attempts per throttled key (an account's email, a client address), keyed by SHA-256 so the table holds no
 * address or email in the clear. Not per user, so not behind row-level security; see src/accounts/login-throttle.ts.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  /** Attempts counted as failures since the key last started over (an admitted attempt counts until it succeeds). */
  failures: integer("failures").notNull().default(0),
  lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }).notNull(),
});

// The statuses and timings are part of the API (src/api/documents.ts); the columns store exactly those.
export { DOCUMENT_STATUSES, JOB_STATUSES };
export type { DocumentStatus, IngestionTimings, JobStatus };

export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    r2Key: text("r2_key").notNull(),
    status: text("status", { enum: DOCUMENT_STATUSES }).notNull().default("queued"),
    pages: integer("pages"),
    chunks: integer("chunks").notNull().default(0),
    ...timestamps,
  },
  (t) => [
    // One copy of the same bytes per user: the upload route answers duplicates from this index.
    uniqueIndex("documents_user_sha256_idx").on(t.userId, t.sha256),
    index("documents_user_id_idx").on(t.userId),
  ],
);


export const uploadJobs = pgTable(
  "upload_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("queued"),
    pagesTotal: integer("pages_total"),
    pagesParsed: integer("pages_parsed").notNull().default(0),
    chunksTotal: integer("chunks_total"),
    chunksEmbedded: integer("chunks_embedded").notNull().default(0),
    attempts: integer("attempts").notNull().default(0),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    /** Milliseconds spent per stage of the last successful run: parse, chunk, embed, store. */
    timings: jsonb("timings").$type<IngestionTimings>(),
    /**
     * The attempt that holds the job while it is parsing, chunking or embedding, and until when: the worker renews it
     * while it runs; once it has expired, the worker is presumed dead and the job may be taken over (see
     * src/ingestion/lease.ts). Null while no attempt holds the job.
     */
    leaseId: uuid("lease_id"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("upload_jobs_user_id_idx").on(t.userId), index("upload_jobs_document_id_idx").on(t.documentId)],
);

export const documentChunks = pgTable(
  "document_chunks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => documents.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    chunkIndex: integer("chunk_index").notNull(),
    pageStart: integer("page_start").notNull(),
    pageEnd: integer("page_end").notNull(),
    content: text("content").notNull(),
    /** Title and section path of the chunk ("Plan › Chapter 4 › Section 2.1"); embedded and searched with it. */
    context: text("context").notNull().default(""),
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSIONS }).notNull(),
    // 'simple' keeps every token (no stemming, no stop words), so "$50", "copay" and Spanish words all index the same way.
    // The section path is searchable with the text it governs ("Appeals" finds the paragraphs under that heading).
    // A footnote mark set as digits after a word ("Outpatient X-rays2", "Specialists2" in a Medicare summary) is left
    // out of the index, so the word is found as itself (src/text/tokenize.ts does the same for the offline providers).
    contentTsv: tsvector("content_tsv")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple', regexp_replace(context || ' ' || content, '([[:lower:]]{3})[0-9]{1,2}\M', '\1', 'g'))`),
    createdAt: timestamps.createdAt,
  },
  (t) => [
    // Re-delivery of a job rewrites the same (document, index) pairs instead of adding rows.
    uniqueIndex("document_chunks_document_chunk_idx").on(t.documentId, t.chunkIndex),
    index("document_chunks_user_id_idx").on(t.userId),
    index("document_chunks_embedding_hnsw_idx").using("hnsw", t.embedding.op("vector_cosine_ops")),
    index("document_chunks_content_tsv_idx").using("gin", t.contentTsv),
  ],
);

/**
 * Pages charged against a user's daily processing quota, one row per ingestion job (so a re-delivered job is not
 * charged twice). No foreign key to the job: deleting a document must not give back pages already processed.
 */
export const pageCharges = pgTable(
  "page_charges",
  {
    jobId: uuid("job_id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    pages: integer("pages").notNull(),
    chargedAt: timestamp("charged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("page_charges_user_charged_idx").on(t.userId, t.chargedAt)],
);

export type User = typeof users.$inferSelect;
export type AuthSession = typeof authSessions.$inferSelect;
export type RefreshToken = typeof refreshTokens.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type UploadJob = typeof uploadJobs.$inferSelect;
export type DocumentChunk = typeof documentChunks.$inferSelect;
