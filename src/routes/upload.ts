import { Hono } from "hono";
import { jobWatchdogs } from "../durable-objects/job-watchdog";
import { acceptUpload } from "../ingestion/upload";
import { readUploadedFile } from "../ingestion/upload-body";
import { requireAuth } from "../lib/auth";
import type { AppBindings } from "../lib/context";

export const uploadRoutes = new Hono<AppBindings>().post("/", requireAuth, async (c) => {
  const { filename, bytes } = await readUploadedFile(c.req.raw, c.var.config.maxUploadBytes);
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
    { userId: c.var.userId, filename, bytes },
  );
  return c.json(result.body, result.status);
});
