/**
 * Per-user quotas: documents kept, bytes stored, and pages processed per UTC day. Exact under concurrency: each check
 * runs in the transaction that then writes, after taking a per-user advisory lock, so two uploads racing for the last
 * slot cannot both get it. Callers run these inside `asUser(...)`.
 */
import { and, count, eq, gte, sql, sum } from "drizzle-orm";
import type { Transaction } from "./client";
import { documents, pageCharges } from "./schema";

export interface Quotas {
  maxDocuments: number;
  maxStorageBytes: number;
  maxPagesPerDay: number;
}

export type QuotaName = "documents" | "storage_bytes" | "pages_per_day";

/** A quota would be exceeded. Neutral: the HTTP edge and the ingestion pipeline each say it their own way. */
export class QuotaExceededError extends Error {
  override readonly name = "QuotaExceededError";
  constructor(
    readonly quota: QuotaName,
    readonly limit: number,
    readonly used: number,
    readonly requested: number,
    /** For the daily quota: seconds until it resets (00:00 UTC). */
    readonly retryAfterSeconds?: number,
  ) {
    super(`quota ${quota} exceeded: ${used} used + ${requested} requested > ${limit}`);
  }
}

/** Serialises quota checks of one user (transaction-scoped, released at commit or rollback). */
async function lockUser(tx: Transaction, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`quota:${userId}`}, 0))`);
}

/** Start of the current UTC day, and seconds until the next one. */
export function utcDay(now: number = Date.now()): { start: Date; secondsLeft: number } {
  const start = new Date(now);
  start.setUTCHours(0, 0, 0, 0);
  const next = start.getTime() + 86_400_000;
  return { start, secondsLeft: Math.max(1, Math.ceil((next - now) / 1000)) };
}

async function pagesToday(tx: Transaction, userId: string, start: Date): Promise<number> {
  const [row] = await tx
    .select({ pages: sum(pageCharges.pages) })
    .from(pageCharges)
    .where(and(eq(pageCharges.userId, userId), gte(pageCharges.chargedAt, start)));
  return Number(row?.pages ?? 0);
}

/**
 * Throws `QuotaExceededError` if one more document of `sizeBytes` would pass the document or storage quota, or if
 * today's pages are already used up (the document could not be processed today). Call it in the transaction that
 * inserts the document.
 */
export async function assertUploadWithinQuota(tx: Transaction, userId: string, sizeBytes: number, quotas: Quotas): Promise<void> {
  await lockUser(tx, userId);
  const [usage] = await tx
    .select({ documents: count(), bytes: sum(documents.sizeBytes) })
    .from(documents)
    .where(eq(documents.userId, userId));
  const documentsKept = Number(usage?.documents ?? 0);
  const bytesStored = Number(usage?.bytes ?? 0);
  if (documentsKept + 1 > quotas.maxDocuments) {
    throw new QuotaExceededError("documents", quotas.maxDocuments, documentsKept, 1);
  }
  if (bytesStored + sizeBytes > quotas.maxStorageBytes) {
    throw new QuotaExceededError("storage_bytes", quotas.maxStorageBytes, bytesStored, sizeBytes);
  }
  const day = utcDay();
  const pages = await pagesToday(tx, userId, day.start);
  if (pages >= quotas.maxPagesPerDay) {
    throw new QuotaExceededError("pages_per_day", quotas.maxPagesPerDay, pages, 0, day.secondsLeft);
  }
}

/**
 * Charges a job's pages to today's quota, once per job (a re-delivered job is not charged again), or throws
 * `QuotaExceededError` when they do not fit.
 */
export async function chargePages(tx: Transaction, input: { userId: string; jobId: string; pages: number; maxPagesPerDay: number }): Promise<void> {
  await lockUser(tx, input.userId);
  const [charged] = await tx.select({ pages: pageCharges.pages }).from(pageCharges).where(eq(pageCharges.jobId, input.jobId));
  if (charged) return;
  const day = utcDay();
  const used = await pagesToday(tx, input.userId, day.start);
  if (used + input.pages > input.maxPagesPerDay) {
    throw new QuotaExceededError("pages_per_day", input.maxPagesPerDay, used, input.pages, day.secondsLeft);
  }
  await tx.insert(pageCharges).values({ jobId: input.jobId, userId: input.userId, pages: input.pages });
}
