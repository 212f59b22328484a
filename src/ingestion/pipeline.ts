import { asUser, type Database, type Transaction } from "../db/client";
import { deleteChunks, getDocument, insertChunks, setDocumentStatus } from "../db/documents";
import type { Document } from "../db/schema";
import { claimJob, failUnheldJob, updateLeasedJob } from "../db/job-lease";
import { chargePages, QuotaExceededError } from "../db/quotas";
import type { EmbeddingProvider } from "../providers/embeddings/types";
import type { DocumentParser } from "../providers/parsers/types";
import { chunkPages } from "./chunker";
import { detectKind } from "./detect";
import { IngestionError } from "./errors";
import { JobLease, LeaseLostError } from "./lease";
import { PDF_BUDGET } from "./parse-pdf";
import { TEXT_BUDGET, tooMuchText } from "./parse-text";
import type { IngestMessage } from "./queue-message";
import { CONTENT_TYPES, type Chunk, type ParsedDocument } from "./types";
import type { JobWatchdog } from "./watchdog";

export interface IngestionDeps {
  db: Database;
  bucket: R2Bucket;
  parser: DocumentParser;
  embedder: EmbeddingProvider;
  sentencesPerChunk: number;
  /** The per-user daily page quota, charged once the page count is known; absent: no quota. */
  maxPagesPerDay?: number;
  /** JOB_LEASE_SECONDS: how long an attempt holds its job between renewals (see ./lease.ts). */
  leaseSeconds: number;
  watchdog: JobWatchdog;
  /** Told what a completed attempt did (sizes and stage timings, nothing from the document), for metrics. */
  onComplete?: (summary: IngestionSummary) => void;
}

export interface IngestionSummary {
  documentType: string;
  pages: number;
  chunks: number;
  bytes: number;
  attempts: number;
  timings: { parse_ms: number; chunk_ms: number; embed_ms: number; store_ms: number; total_ms: number };
}

/** Chunks per embedding call: OpenAI accepts far more; 32 keeps one batch's vectors (32 × 1536 numbers) near 400 KB. */
const EMBED_BATCH = 32;
/**
 * Chunks per store transaction (and per progress update). Each row costs about 6 ms in embedded PGlite's HNSW index
 * alone (BENCHMARKS.md: 3,202 rows in 17.9 s), and PGlite serves nobody else until the transaction commits; 8 rows
 * keep a transaction well under /health's 500 ms database deadline (the 250-page EOC's 126 transactions took 20–22 s
 * on a loaded machine, about 170 ms each with the waits for other requests included).
 */
const STORE_BATCH = 8;

export type IngestionOutcome = "complete" | "skipped";

/**
 * Parses, chunks, embeds and stores one document, moving its job through
 * queued → parsing → chunking → embedding → complete. The attempt first takes a lease on the job (./lease.ts) and
 * writes the job only while it holds it, so a job whose worker died can be taken over by another attempt without the
 * two writing over each other. Safe to run twice for the same message: a completed job, or one another attempt is
 * working on, is skipped, and chunks are replaced, not appended. Throws `IngestionError` (or a driver error) on
 * failure, or `LeaseLostError` when another attempt took the job over; the queue consumer decides what follows.
 */
export async function runIngestion(deps: IngestionDeps, message: IngestMessage, leaseId: string): Promise<IngestionOutcome> {
  const { db } = deps;
  const { userId, jobId, documentId } = message;
  const started = Date.now();

  const claimed = await asUser(db, userId, async (tx) => {
    const job = await claimJob(tx, jobId, leaseId, deps.leaseSeconds);
    const document = job ? await getDocument(tx, userId, documentId) : undefined;
    if (document) await setDocumentStatus(tx, documentId, "processing");
    return job && document ? { job, document } : undefined;
  });
  // Deleted, finished, or held by another attempt that is still alive: nothing to do.
  if (!claimed) return "skipped";
  const { document } = claimed;
  // Best effort: the upload armed the watchdog already; this covers a job whose watchdog was lost.
  await deps.watchdog.watch(message).catch(() => undefined);

  const lease = new JobLease(db, message, leaseId, deps.leaseSeconds);
  lease.start();
  /**
   * Runs `also` and updates the job in one transaction, which commits only while this attempt holds the lease: the
   * fenced update comes last, so the write of an attempt that lost the job (another took it over) rolls back whole.
   * `also` goes first so that its own failure says what it is (chunks of a document deleted meanwhile: a foreign key).
   */
  const write = async (patch: Parameters<typeof updateLeasedJob>[3], also?: (tx: Transaction) => Promise<void>) => {
    lease.assertHeld();
    await asUser(db, userId, async (tx) => {
      await also?.(tx);
      if (!(await updateLeasedJob(tx, jobId, leaseId, patch))) throw new LeaseLostError(jobId);
    });
  };
  try {
    const parseStarted = Date.now();
    const parsed = await fetchAndParse(deps, document);
    const parseMs = Date.now() - parseStarted;
    if (deps.maxPagesPerDay !== undefined) await chargeDailyPages(db, message, parsed.pageCount, deps.maxPagesPerDay);
    await write({ status: "chunking", pagesTotal: parsed.pageCount, pagesParsed: parsed.pages.length });

    const chunkStarted = Date.now();
    const chunks = chunkPages(parsed.pages, { sentencesPerChunk: deps.sentencesPerChunk });
    const chunkMs = Date.now() - chunkStarted;
    if (chunks.length === 0) {
      throw new IngestionError(
        "no_extractable_text",
        "No text could be extracted from this document. If it is a scan, configure LlamaParse (LLAMA_CLOUD_API_KEY) to read it.",
      );
    }
    // Chunks a dead attempt stored are removed before this one stores its own (the document is not `ready` meanwhile).
    await write({ status: "embedding", chunksTotal: chunks.length, chunksEmbedded: 0 }, (tx) => deleteChunks(tx, documentId));

    // Embedded and stored one batch at a time: only one batch's vectors are ever held, and each batch is its own short
    // transaction, so other requests' queries interleave with a long document's store (embedded PGlite has a single
    // backend: one transaction for the whole document held every other query for seconds). The document becomes
    // `ready`, and the job `complete`, only in the last transaction, after every batch is in.
    let embedMs = 0;
    let storeMs = 0;
    for (let start = 0; start < chunks.length; start += EMBED_BATCH) {
      const batch = chunks.slice(start, start + EMBED_BATCH);
      const embedStarted = Date.now();
      const embeddings = await deps.embedder.embed(batch.map(embeddingInput));
      embedMs += Date.now() - embedStarted;
      const storeStarted = Date.now();
      for (let offset = 0; offset < batch.length; offset += STORE_BATCH) {
        const rows = { documentId, userId, chunks: batch.slice(offset, offset + STORE_BATCH), embeddings: embeddings.slice(offset, offset + STORE_BATCH) };
        await write({ chunksEmbedded: start + offset + rows.chunks.length }, (tx) => insertChunks(tx, rows));
      }
      storeMs += Date.now() - storeStarted;
    }

    const finishStarted = Date.now();
    lease.assertHeld();
    const timings = await asUser(db, userId, async (tx) => {
      await setDocumentStatus(tx, documentId, "ready", { pages: parsed.pageCount, chunks: chunks.length });
      const timings = {
        parse_ms: parseMs,
        chunk_ms: chunkMs,
        embed_ms: embedMs,
        store_ms: storeMs + (Date.now() - finishStarted),
        total_ms: Date.now() - started,
      };
      const patch = { status: "complete" as const, chunksEmbedded: chunks.length, errorCode: null, errorMessage: null, timings };
      // Fenced: if another attempt took the job over meanwhile, this transaction rolls back and the document stays
      // with the attempt that holds it.
      if (!(await updateLeasedJob(tx, jobId, leaseId, patch, { release: true }))) throw new LeaseLostError(jobId);
      return timings;
    });
    deps.onComplete?.({
      documentType: Object.entries(CONTENT_TYPES).find(([, type]) => type === document.contentType)?.[0] ?? "other",
      pages: parsed.pageCount,
      chunks: chunks.length,
      bytes: document.sizeBytes,
      attempts: claimed.job.attempts,
      timings,
    });
    return "complete";
  } finally {
    lease.stop();
  }
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

/**
 * The document's text, from its stored bytes; the bytes are not kept past parsing (in a 128 MB isolate, a 25 MB file
 * and pdf.js's copy of it are worth letting go). Whatever parser ran, the result must fit the document budgets.
 */
async function fetchAndParse(deps: IngestionDeps, document: Document): Promise<ParsedDocument> {
  // The upload recorded the type it detected: a text file over its budget is refused without reading it into memory.
  if (deps.parser.name === "builtin" && document.contentType !== CONTENT_TYPES.pdf && document.sizeBytes > TEXT_BUDGET.maxInputBytes) {
    throw tooMuchText(TEXT_BUDGET);
  }
  const object = await deps.bucket.get(document.r2Key);
  if (!object) {
    throw new IngestionError("file_missing", "The uploaded file is no longer in storage. Upload it again.");
  }
  const bytes = new Uint8Array(await object.arrayBuffer());
  const kind = detectKind(bytes);
  if (!kind) throw new IngestionError("unsupported_type", "The stored file is not a PDF, text, Markdown or HTML document.");
  const parsed = await deps.parser.parse(bytes, kind, document.filename);
  // The built-in parsers check these as they go; a remote parser (LlamaParse) is checked here.
  if (parsed.pageCount > PDF_BUDGET.maxPages) {
    throw new IngestionError("too_many_pages", `This document has ${parsed.pageCount} pages; at most ${PDF_BUDGET.maxPages} are read. Split it into smaller files.`);
  }
  const chars = parsed.pages.reduce((sum, page) => sum + page.text.length, 0);
  if (chars > TEXT_BUDGET.maxTextChars) {
    throw new IngestionError("too_much_text", `This document has more than ${TEXT_BUDGET.maxTextChars} characters of text. Split it into smaller files.`);
  }
  return parsed;
}

/**
 * Ends an attempt that failed: the job `failed` with a reason a person can act on (and its document too), or back to
 * `queued` with the reason it is waiting, releasing the lease either way. Returns false when the attempt no longer
 * held the job, and wrote nothing.
 */
export async function endFailedAttempt(
  db: Database,
  message: IngestMessage,
  leaseId: string,
  failure: { code: string; message: string; retryable: boolean },
): Promise<boolean> {
  return asUser(db, message.userId, async (tx) => {
    const status = failure.retryable ? "queued" : "failed";
    const held = await updateLeasedJob(tx, message.jobId, leaseId, { status, errorCode: failure.code, errorMessage: failure.message }, { release: true });
    if (held && !failure.retryable) await failDocument(tx, message.documentId);
    return held;
  });
}

/**
 * Marks a job and its document failed with a reason a person can act on, unless it completed or an attempt is
 * working on it: for the dead-letter consumer and the watchdog, which hold no lease.
 */
export async function markFailed(
  db: Database,
  message: IngestMessage,
  failure: { code: string; message: string },
): Promise<boolean> {
  return asUser(db, message.userId, async (tx) => {
    const applied = await failUnheldJob(tx, message.jobId, failure);
    if (applied) await failDocument(tx, message.documentId);
    return applied;
  });
}

/** A failed document keeps no chunks: an attempt that died mid-store may have left some. */
async function failDocument(tx: Transaction, documentId: string): Promise<void> {
  await deleteChunks(tx, documentId);
  await setDocumentStatus(tx, documentId, "failed");
}
