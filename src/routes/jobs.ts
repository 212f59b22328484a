import { Hono } from "hono";
import { asUser } from "../db/client";
import { getJob, jobQuery } from "../db/documents";
import { jobWatchdogs } from "../durable-objects/job-watchdog";
import { restartIngestion } from "../ingestion/restart";
import { requireAuth, requireAuthForRead } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { idParam } from "../lib/ids";
import { jobEventsResponse } from "./job-events";
import { jobBody } from "./serializers";

export const jobRoutes = new Hono<AppBindings>()
  .get("/:job_id", requireAuthForRead, idParam("job_id", "job"), async (c) => {
    const jobId = c.req.valid("param").job_id;
    const userId = c.var.userId;
    // Polled while a document is ingested: one request (the session check and the job, as the member), no connection.
    const [[job]] = await c.var.services.oneShot().asUserQueries(userId, (db) => [jobQuery(db, userId, jobId)] as const);
    if (!job) throw new ApiError("not_found", `No job with id ${jobId}.`);
    return c.json(jobBody(job));
  })
  .get("/:job_id/events", requireAuth, idParam("job_id", "job"), async (c) => {
    const jobId = c.req.valid("param").job_id;
    const userId = c.var.userId;
    // An unknown (or another user's) job answers 404 like GET /jobs/{id}, not an empty stream.
    const [[job]] = await c.var.services.oneShot().asUserQueries(userId, (db) => [jobQuery(db, userId, jobId)] as const);
    if (!job) throw new ApiError("not_found", `No job with id ${jobId}.`);
    return jobEventsResponse(c, jobId);
  })
  /** Starts a failed or stuck job again: 202 with the job queued; 409 while it is complete or still being worked on. */
  .post("/:job_id/retry", requireAuth, idParam("job_id", "job"), async (c) => {
    const jobId = c.req.valid("param").job_id;
    const userId = c.var.userId;
    const deps = {
      db: c.var.database(),
      queue: c.env.INGEST_QUEUE,
      watchdog: jobWatchdogs(c.env.JOB_WATCHDOG),
      leaseSeconds: c.var.config.jobLeaseSeconds,
    };
    const restarted = await restartIngestion(deps, userId, jobId);
    if (restarted) return c.json(jobBody(restarted), 202);
    const job = await asUser(deps.db, userId, (tx) => getJob(tx, userId, jobId));
    if (!job) throw new ApiError("not_found", `No job with id ${jobId}.`);
    const detail =
      job.status === "complete"
        ? "The job is already complete."
        : `The job is ${job.status} and still being worked on; it can be retried once it has failed or stopped making progress.`;
    throw new ApiError("conflict", detail, { extra: { job_status: job.status } });
  });
