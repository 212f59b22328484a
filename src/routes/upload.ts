import { Hono } from "hono";
import { jobWatchdogs } from "../durable-objects/job-watchdog";
import { acceptUpload } from "../ingestion/upload";
import { readUploadedFile } from "../ingestion/upload-body";
import { requireAuth } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { limitPerUser } from "../lib/rate-limit";
import { QuotaExceededError } from "../db/quotas";

const QUOTA_ADVICE: Record<QuotaExceededError["quota"], string> = {
  documents: "You have as many documents as an account may keep. Delete one you no longer need, then upload again.",
  storage_bytes: "This file would take your documents past the storage an account may use. Delete some, then upload again.",
  pages_per_day: "Today's page-processing allowance is used up. It resets at 00:00 UTC.",
};

/** A quota as the API says it: 403 for what the user keeps (deleting frees it), 429 + Retry-After for the daily one. */
async function withQuotaErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!(error instanceof QuotaExceededError)) throw error;
    const extra = { quota: error.quota, limit: error.limit, used: error.used, requested: error.requested };
    if (error.retryAfterSeconds !== undefined) {
      throw new ApiError("daily_quota_exceeded", QUOTA_ADVICE[error.quota], {
        headers: { "retry-after": String(error.retryAfterSeconds) },
        extra: { ...extra, retry_after_seconds: error.retryAfterSeconds },
      });
    }
    throw new ApiError("quota_exceeded", QUOTA_ADVICE[error.quota], { extra });
  }
}

export const uploadRoutes = new Hono<AppBindings>().post("/", requireAuth, limitPerUser("upload"), async (c) => {
  // Streamed and counted: an oversize body is refused when it is declared, or cut as soon as it passes the cap.
  const { filename, bytes, sha256 } = await readUploadedFile(c.req.raw, c.var.config.maxUploadBytes);
  const result = await withQuotaErrors(
    acceptUpload(
      {
        db: c.var.database(),
        bucket: c.env.DOCUMENTS,
        queue: c.env.INGEST_QUEUE,
        watchdog: jobWatchdogs(c.env.JOB_WATCHDOG),
        maxUploadBytes: c.var.config.maxUploadBytes,
        leaseSeconds: c.var.config.jobLeaseSeconds,
        requestId: c.var.requestId,
        quotas: {
          maxDocuments: c.var.config.maxDocumentsPerUser,
          maxStorageBytes: c.var.config.maxStorageBytesPerUser,
          maxPagesPerDay: c.var.config.maxPagesPerDay,
        },
      },
      { userId: c.var.userId, filename, bytes, sha256 },
    ),
  );
  return c.json(result.body, result.status);
});
