import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { CheckFailure } from "../api/health";
import type { AppBindings } from "../lib/context";
import { errorFields, log } from "../lib/log";
import { embeddingProviderName, llmProviderOrder } from "../providers/selection";
import packageJson from "../../package.json";

/**
 * How long /health waits for the database and for storage, each (they are checked at the same time). /health must
 * answer within a second whatever the database is doing (issue 8); a `select 1` that has not answered in half of that
 * is reported as `timeout` rather than waited for. Embedded PGlite (local development) has one backend, so a check
 * can wait behind another request's transaction; PostgreSQL answers it in a few milliseconds.
 */
const CHECK_DEADLINE_MS = 500;

type Check = { ok: true } | { ok: false; reason: CheckFailure };

/**
 * Runs one dependency check under the deadline. A check that times out is left running (a query cannot be taken
 * back); the database's is a single HTTP request, so nothing waits on it after the response.
 */
async function check(name: string, requestId: string, probe: () => Promise<unknown>): Promise<Check> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), CHECK_DEADLINE_MS);
  });
  try {
    const outcome = await Promise.race([probe().then(() => "ok" as const), deadline]);
    if (outcome === "ok") return { ok: true };
    log("warn", `health: ${name} check timed out`, { request_id: requestId, deadline_ms: CHECK_DEADLINE_MS });
    return { ok: false, reason: "timeout" };
  } catch (error) {
    log("warn", `health: ${name} unreachable`, { request_id: requestId, ...errorFields(error) });
    return { ok: false, reason: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /health`: answers within a second, always. 200 "ok" when the database and storage both answered within the
 * deadline; otherwise 503 "degraded", with the failing check's `reason`: `timeout` (it did not answer in time: busy,
 * or hung) or `unreachable` (it failed). The status is an honest readiness signal; that it answers at all is liveness.
 */
export const healthRoutes = new Hono<AppBindings>().get("/health", async (c) => {
  const requestId = c.var.requestId;
  const started = Date.now();
  const [database, storage] = await Promise.all([
    // One HTTP request (no pooled connection, no login in the Worker): a check left behind by its deadline holds
    // nothing that has to be closed after the response.
    check("database", requestId, () => c.var.services.oneShot().query(sql`select 1`)).then((result) => ({ ...result, latency_ms: Date.now() - started })),
    check("storage", requestId, () => c.env.DOCUMENTS.head("health-check")),
  ]);
  const ok = database.ok && storage.ok;
  const body = {
    status: ok ? "ok" : "degraded",
    checks: {
      database,
      storage,
      // A producer binding cannot be probed without sending a message; its presence is what we can check.
      queue: { ok: typeof c.env.INGEST_QUEUE?.send === "function" },
      embeddings: { provider: embeddingProviderName(c.env, c.var.config) },
      llm: { provider: llmProviderOrder(c.env, c.var.config)[0] },
    },
    version: packageJson.version,
  };
  return c.json(body, ok ? 200 : 503);
});
