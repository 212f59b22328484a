import { and, desc, eq, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Chunk } from "../ingestion/types";
import type { Queryable, Transaction } from "./client";
import {
  documentChunks,
  documents,
  uploadJobs,
  type Document,
  type UploadJob,
} from "./schema";

/**
 * Data functions for documents, their ingestion jobs and chunks. Callers run them inside `asUser(...)`, so
 * row-level security already limits every statement to the current user; the explicit user filters below are the
 * second lock on the same door (and let the planner use the user_id indexes).
 */

export async function findDocumentBySha(tx: Queryable, userId: string, sha256: string): Promise<Document | undefined> {
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.userId, userId), eq(documents.sha256, sha256)))
    .limit(1);
  return row;
}

export async function latestJobForDocument(tx: Queryable, documentId: string): Promise<UploadJob | undefined> {
  const [row] = await tx
    .select()
    .from(uploadJobs)
    .where(eq(uploadJobs.documentId, documentId))
    .orderBy(desc(uploadJobs.createdAt))
    .limit(1);
  return row;
}

export interface NewDocument {
  id: string;
  userId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  r2Key: string;
}

export async function createDocumentWithJob(
  tx: Transaction,
  input: NewDocument,
): Promise<{ document: Document; job: UploadJob }> {
  const [document] = await tx.insert(documents).values({ ...input, status: "queued" }).returning();
  if (!document) throw new Error("insert into documents returned no row");
  const [job] = await tx
    .insert(uploadJobs)
    .values({ documentId: document.id, userId: input.userId, status: "queued" })
    .returning();
  if (!job) throw new Error("insert into upload_jobs returned no row");
  return { document, job };
}

/** Any drizzle PostgreSQL database or transaction: the pool's (./client.ts) or the one-shot HTTP one (./one-shot.ts). */
// `any`: the schema parameter, which these builders do not use (the pool's database carries the schema, the HTTP one none).
type AnyDatabase = PgDatabase<PgQueryResultHKT, any>;

/** The job, as a query to run (the pool's `asUser`, or one-shot `asUserQueries`): zero or one row. */
export function jobQuery(db: AnyDatabase, userId: string, jobId: string) {
  return db
    .select()
    .from(uploadJobs)
    .where(and(eq(uploadJobs.id, jobId), eq(uploadJobs.userId, userId)))
    .limit(1);
}

export async function getJob(tx: Queryable, userId: string, jobId: string): Promise<UploadJob | undefined> {
  const [row] = await jobQuery(tx, userId, jobId);
  return row;
}

/** The member's documents, newest first, as a query to run. */
export function documentsQuery(db: AnyDatabase, userId: string) {
  return db.select().from(documents).where(eq(documents.userId, userId)).orderBy(desc(documents.createdAt));
}

/** One document, as a query to run: zero or one row. */
export function documentQuery(db: AnyDatabase, userId: string, documentId: string) {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.id, documentId), eq(documents.userId, userId)))
    .limit(1);
}

/**
 * The latest job of each of the member's documents (of one, with `documentId`), as a query to run: it needs no list
 * of ids, so it goes in the same request as the documents.
 */
export function latestJobsQuery(db: AnyDatabase, userId: string, documentId?: string) {
  const mine = eq(uploadJobs.userId, userId);
  return db
    .selectDistinctOn([uploadJobs.documentId], { documentId: uploadJobs.documentId, id: uploadJobs.id })
    .from(uploadJobs)
    .where(documentId === undefined ? mine : and(mine, eq(uploadJobs.documentId, documentId)))
    .orderBy(uploadJobs.documentId, desc(uploadJobs.createdAt));
}

export async function getDocument(tx: Queryable, userId: string, documentId: string): Promise<Document | undefined> {
  const [row] = await documentQuery(tx, userId, documentId);
  return row;
}

/** Deletes the document; its jobs and chunks go with it (ON DELETE CASCADE). Returns the row that was deleted. */
export async function deleteDocument(tx: Queryable, userId: string, documentId: string): Promise<Document | undefined> {
  const [row] = await tx
    .delete(documents)
    .where(and(eq(documents.id, documentId), eq(documents.userId, userId)))
    .returning();
  return row;
}

export async function setDocumentStatus(
  tx: Queryable,
  documentId: string,
  status: Document["status"],
  counts: { pages?: number; chunks?: number } = {},
): Promise<void> {
  await tx
    .update(documents)
    .set({ status, ...counts, updatedAt: sql`now()` })
    .where(eq(documents.id, documentId));
}

/** Rows per INSERT: 100 × 1536 floats keeps one statement near 1.5 MB of SQL text, well inside driver limits. */
const CHUNK_INSERT_BATCH = 100;

/**
 * Replaces all chunks of a document in the caller's transaction (seeding, and any caller that stores a document at
 * once). Ingestion stores in batches instead: `deleteChunks`, then `insertChunks` per batch.
 */
export async function replaceChunks(
  tx: Transaction,
  input: { documentId: string; userId: string; chunks: Chunk[]; embeddings: ArrayLike<number>[] },
): Promise<void> {
  await deleteChunks(tx, input.documentId);
  await insertChunks(tx, input);
}

/**
 * Deletes every chunk of a document: what an ingestion attempt does before it stores, so chunks a dead attempt left
 * behind are not kept beside the new ones, and what a permanent failure does, so a failed document leaves nothing
 * searchable.
 */
export async function deleteChunks(tx: Queryable, documentId: string): Promise<void> {
  await tx.delete(documentChunks).where(eq(documentChunks.documentId, documentId));
}

/**
 * Inserts chunks with their embeddings (`embeddings[i]` belongs to `chunks[i]`). The unique (document_id, chunk_index)
 * index refuses a chunk stored twice.
 */
export async function insertChunks(
  tx: Queryable,
  input: { documentId: string; userId: string; chunks: Chunk[]; embeddings: ArrayLike<number>[] },
): Promise<void> {
  for (let start = 0; start < input.chunks.length; start += CHUNK_INSERT_BATCH) {
    const rows = input.chunks.slice(start, start + CHUNK_INSERT_BATCH).map((chunk, offset) => {
      const embedding = input.embeddings[start + offset];
      if (!embedding) throw new Error(`no embedding for chunk ${chunk.index}`);
      return {
        documentId: input.documentId,
        userId: input.userId,
        chunkIndex: chunk.index,
        pageStart: chunk.pageStart,
        pageEnd: chunk.pageEnd,
        content: chunk.text,
        context: chunk.context,
        embedding: sql`${vectorBinary(embedding)}::vector`,
      };
    });
    await tx.insert(documentChunks).values(rows);
  }
}

/**
 * An embedding in pgvector's binary input format (vector_recv: the dimension and a reserved zero as 16-bit integers,
 * then each value as a big-endian 32-bit float), sent as a binary parameter. The text form was 32 KB of digits a row,
 * and the driver's Buffer (a JavaScript polyfill in a Worker) turns every string it sends into an array of its bytes,
 * twice: about 0.5 MB of short-lived heap a chunk, which took the 250-page Evidence of Coverage's store to 97 MiB of
 * isolate heap. Binary is 6 KB a row, exact, and makes no string at all.
 */
export function vectorBinary(values: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * values.length);
  const view = new DataView(bytes.buffer);
  view.setInt16(0, values.length);
  view.setInt16(2, 0);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 + 4 * i, values[i] ?? 0);
  return bytes;
}
