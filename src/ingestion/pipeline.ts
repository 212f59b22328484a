import { asUser, type Database } from "../db/client";
import { getDocument, getJob, replaceChunks, setDocumentStatus, startAttempt, updateJob } from "../db/documents";
import { chargePages, QuotaExceededError } from "../db/quotas";
import type { EmbeddingProvider } from "../providers/embeddings/types";
import type { DocumentParser } from "../providers/parsers/types";
import { chunkPages } from "./chunker";
import { detectKind } from "./detect";
import { IngestionError } from "./errors";
import type { IngestMessage } from "./queue-message";
import type { Chunk } from "./types";

export interface IngestionDeps {
  db: Database;
  bucket: R2Bucket;
  parser: DocumentParser;
  embedder: EmbeddingProvider;
  sentencesPerChunk: number;
  /** The per-user daily page quota, charged once the page count is known; absent: no quota. */
  maxPagesPerDay?: number;
}

/** Chunks per embedding call and per progress update: OpenAI accepts far more, but progress stays visible. */
const EMBED_BATCH = 64;

export type IngestionOutcome = "complete" | "skipped";

/**
 * Parses, chunks, embeds and stores one document, moving its job through
 * queued → parsing → chunking → embedding → complete. Safe to run twice for the same message: a completed job is
 * skipped, and chunks are replaced, not appended. Throws `IngestionError` (or a driver error) on failure; the queue
 * consumer decides between retry and failed.
 */
export async function runIngestion(deps: IngestionDeps, message: IngestMessage): Promise<IngestionOutcome> {
  const { db } = deps;
  const { userId, jobId, documentId } = message;
  const started = Date.now();

  const state = await asUser(db, userId, async (tx) => ({
    job: await getJob(tx, userId, jobId),
    document: await getDocument(tx, userId, documentId),
  }));
  // Deleted while queued, or delivered again after it finished: nothing to do.
  if (!state.job || !state.document || state.job.status === "complete") return "skipped";
  const document = state.document;

  await asUser(db, userId, async (tx) => {
    await startAttempt(tx, jobId);
    await setDocumentStatus(tx, documentId, "processing");
  });

  const object = await deps.bucket.get(document.r2Key);
  if (!object) {
    throw new IngestionError("file_missing", "The uploaded file is no longer in storage. Upload it again.");
  }
  const bytes = new Uint8Array(await object.arrayBuffer());
  const kind = detectKind(bytes);
  if (!kind) throw new IngestionError("unsupported_type", "The stored file is not a PDF, text, Markdown or HTML document.");

  const parseStarted = Date.now();
  const parsed = await deps.parser.parse(bytes, kind, document.filename);
  const parseMs = Date.now() - parseStarted;
  if (deps.maxPagesPerDay !== undefined) await chargeDailyPages(db, message, parsed.pageCount, deps.maxPagesPerDay);
  await asUser(db, userId, (tx) =>
    updateJob(tx, jobId, { status: "chunking", pagesTotal: parsed.pageCount, pagesParsed: parsed.pages.length }),
  );

  const chunkStarted = Date.now();
  const chunks = chunkPages(parsed.pages, { sentencesPerChunk: deps.sentencesPerChunk });
  const chunkMs = Date.now() - chunkStarted;
  if (chunks.length === 0) {
    throw new IngestionError(
      "no_extractable_text",
      "No text could be extracted from this document. If it is a scan, configure LlamaParse (LLAMA_CLOUD_API_KEY) to read it.",
    );
  }
  await asUser(db, userId, (tx) => updateJob(tx, jobId, { status: "embedding", chunksTotal: chunks.length, chunksEmbedded: 0 }));

  const embedStarted = Date.now();
  const embeddings: number[][] = [];
  for (let start = 0; start < chunks.length; start += EMBED_BATCH) {
    const batch = chunks.slice(start, start + EMBED_BATCH);
    embeddings.push(...(await deps.embedder.embed(batch.map(embeddingInput))));
    if (start + EMBED_BATCH < chunks.length) {
      await asUser(db, userId, (tx) => updateJob(tx, jobId, { chunksEmbedded: embeddings.length }));
    }
  }
  const embedMs = Date.now() - embedStarted;

  const storeStarted = Date.now();
  await asUser(db, userId, async (tx) => {
    await replaceChunks(tx, { documentId, userId, chunks, embeddings });
    await setDocumentStatus(tx, documentId, "ready", { pages: parsed.pageCount, chunks: chunks.length });
    await updateJob(tx, jobId, {
      status: "complete",
      chunksEmbedded: chunks.length,
      errorCode: null,
      errorMessage: null,
      timings: {
        parse_ms: parseMs,
        chunk_ms: chunkMs,
        embed_ms: embedMs,
        store_ms: Date.now() - storeStarted,
        total_ms: Date.now() - started,
      },
    });
  });
  return "complete";
}

/** A chunk is embedded with its section path, so "Appeals" or the plan's name count for the text under them. */
export function embeddingInput(chunk: Chunk): string {
  return chunk.context ? `${chunk.context}\n${chunk.text}` : chunk.text;
}

/** Charges the document's pages to the user's day, or fails the job (permanently: waiting a retry will not help). */
async function chargeDailyPages(db: Database, message: IngestMessage, pages: number, maxPagesPerDay: number): Promise<void> {
  try {
    await asUser(db, message.userId, (tx) => chargePages(tx, { userId: message.userId, jobId: message.jobId, pages, maxPagesPerDay }));
  } catch (error) {
    if (!(error instanceof QuotaExceededError)) throw error;
    const text =
      pages > maxPagesPerDay
        ? `This document has ${pages} pages, more than the ${maxPagesPerDay} pages that can be processed per account per day.`
        : `This document has ${pages} pages and only ${Math.max(0, maxPagesPerDay - error.used)} of today's ${maxPagesPerDay} are left. ` +
          "The allowance resets at 00:00 UTC; delete this document and upload it again then.";
    throw new IngestionError("page_quota_exceeded", text);
  }
}

/** Marks a job and its document failed with a reason a person can act on. */
export async function markFailed(
  db: Database,
  message: IngestMessage,
  failure: { code: string; message: string },
): Promise<void> {
  await asUser(db, message.userId, async (tx) => {
    await updateJob(tx, message.jobId, { status: "failed", errorCode: failure.code, errorMessage: failure.message });
    await setDocumentStatus(tx, message.documentId, "failed");
  });
}
