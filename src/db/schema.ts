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

export const DOCUMENT_STATUSES = ["queued", "processing", "ready", "failed"] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

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

export const JOB_STATUSES = ["queued", "parsing", "chunking", "embedding", "complete", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface IngestionTimings {
  parse_ms: number;
  chunk_ms: number;
  embed_ms: number;
  store_ms: number;
  total_ms: number;
}

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
    embedding: vector("embedding", { dimensions: EMBEDDING_DIMENSIONS }).notNull(),
    // 'simple' keeps every token (no stemming, no stop words), so "$50", "copay" and Spanish words all index the same way.
    contentTsv: tsvector("content_tsv")
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple', content)`),
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

export type User = typeof users.$inferSelect;
export type Document = typeof documents.$inferSelect;
export type UploadJob = typeof uploadJobs.$inferSelect;
export type DocumentChunk = typeof documentChunks.$inferSelect;
