import { Hono } from "hono";
import { z } from "zod";
import { jobWatchdogs } from "../durable-objects/job-watchdog";
import { acceptUpload, tooLarge } from "../ingestion/upload";
import { requireAuth } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { limitPerUser } from "../lib/rate-limit";
import { QuotaExceededError } from "../db/quotas";
import { validate } from "../lib/validation";

/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

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

const UploadForm = z.object({
  file: z.instanceof(File, { message: "Send the document as a multipart/form-data field named 'file'." }),
});

export const uploadRoutes = new Hono<AppBindings>().post(
  "/",
  requireAuth,
  limitPerUser("upload"),
  async (c, next) => {
    // Refuse an oversize body before reading it, when the client declares its length.
    const declared = Number(c.req.header("content-length") ?? "NaN");
    if (Number.isFinite(declared) && declared > c.var.config.maxUploadBytes + MULTIPART_OVERHEAD_BYTES) {
      throw tooLarge(c.var.config.maxUploadBytes);
    }
    if (!c.req.header("content-type")?.toLowerCase().startsWith("multipart/form-data")) {
      throw new ApiError("validation_failed", "Send the document as multipart/form-data with a field named 'file'.");
    }
    await next();
  },
  validate("form", UploadForm),
  async (c) => {
    const { file } = c.req.valid("form");
    const result = await withQuotaErrors(acceptUpload(
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
      { userId: c.var.userId, filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    ));
    return c.json(result.body, result.status);
  },
);
