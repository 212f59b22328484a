import type { Context } from "hono";
import { isTerminal, watchJob } from "../ingestion/job-watch";
import type { AppBindings } from "../lib/context";
import { errorFields, log } from "../lib/log";
import { SseWriter } from "../lib/sse";
import { createServices } from "../services";
import { jobBody } from "./serializers";

/** Progress is written after each stage and embedding batch; half a second shows it without a visible lag. */
const POLL_MS = 500;
/** A stream ends after this long (the client reconnects), so an abandoned tab cannot keep a poll loop forever. */
const MAX_STREAM_MS = 10 * 60_000;
/** Same as chat: a comment this often keeps proxies and browsers from closing a quiet stream. */
const KEEP_ALIVE_MS = 15_000;

/**
 * `GET /api/v2/jobs/{id}/events`: the job as Server-Sent Events. `progress` whenever status or counts change, then
 * one `complete` or `failed` and the stream ends; each carries the same body as `GET /api/v2/jobs/{id}`. `gone` if
 * the document is deleted meanwhile, `error` if the database stops answering. The caller has already checked that
 * the job exists and belongs to the user.
 */
export function jobEventsResponse(c: Context<AppBindings>, jobId: string): Response {
  const sse = new SseWriter().keepAlive(KEEP_ALIVE_MS);
  const userId = c.var.userId;
  const requestId = c.var.requestId;
  // The request's own pool is closed once the handler returns; the stream needs one for as long as it runs.
  const services = createServices(c.env, { config: c.var.config });
  const work = (async () => {
    try {
      for await (const event of watchJob(services.db(), { userId, jobId, pollMs: POLL_MS, maxMs: MAX_STREAM_MS, stopped: () => sse.gone })) {
        if (event.type === "gone") {
          await sse.event("gone", { job_id: jobId, message: "This document was deleted." });
        } else if (event.type === "job") {
          const name = isTerminal(event.job) ? event.job.status : "progress";
          await sse.event(name, jobBody(event.job));
        }
      }
    } catch (error) {
      log("error", "job events: watch failed", { request_id: requestId, job_id: jobId, ...errorFields(error) });
      await sse.event("error", { code: "service_unavailable", message: "Progress updates stopped. Reload to see the latest status." });
    } finally {
      await services.close();
      await sse.close();
    }
  })();
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    // No execution context (a direct app.request in a unit test): the stream's reader keeps the work going.
  }
  return sse.response({ "x-request-id": requestId });
}
