import { Hono } from "hono";
import { z } from "zod";
import { jobWatchdogs } from "../durable-objects/job-watchdog";
import { acceptUpload, tooLarge } from "../ingestion/upload";
import { requireAuth } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { validate } from "../lib/validation";

/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const UploadForm = z.object({
  file: z.instanceof(File, { message: "Send the document as a multipart/form-data field named 'file'." }),
});

export const uploadRoutes = new Hono<AppBindings>().post(
  "/",
  requireAuth,
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
    const result = await acceptUpload(
      {
        db: c.var.database(),
        bucket: c.env.DOCUMENTS,
        queue: c.env.INGEST_QUEUE,
        watchdog: jobWatchdogs(c.env.JOB_WATCHDOG),
        maxUploadBytes: c.var.config.maxUploadBytes,
        leaseSeconds: c.var.config.jobLeaseSeconds,
        requestId: c.var.requestId,
      },
      { userId: c.var.userId, filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    );
    return c.json(result.body, result.status);
  },
);
