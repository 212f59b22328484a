import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppBindings } from "../lib/context";
import { errorFields, log } from "../lib/log";
import { embeddingProviderName, llmProviderOrder } from "../providers/selection";
import packageJson from "../../package.json";

/** Bounded so a hung database makes /health answer "degraded" instead of hanging the probe. */
const DATABASE_CHECK_TIMEOUT_MS = 3_000;

export const healthRoutes = new Hono<AppBindings>().get("/health", async (c) => {
  const started = Date.now();
  let databaseOk = false;
  try {
    const query = c.var.database().execute(sql`select 1`);
    await Promise.race([
      query,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database check timed out")), DATABASE_CHECK_TIMEOUT_MS)),
    ]);
    databaseOk = true;
  } catch (error) {
    log("warn", "health: database unreachable", { request_id: c.var.requestId, ...errorFields(error) });
  }
  const latency = Date.now() - started;

  let storageOk = false;
  try {
    await c.env.DOCUMENTS.head("health-check");
    storageOk = true;
  } catch (error) {
    log("warn", "health: storage unreachable", { request_id: c.var.requestId, ...errorFields(error) });
  }

  const body = {
    status: databaseOk && storageOk ? "ok" : "degraded",
    checks: {
      database: { ok: databaseOk, latency_ms: latency },
      storage: { ok: storageOk },
      // A producer binding cannot be probed without sending a message; its presence is what we can check.
      queue: { ok: typeof c.env.INGEST_QUEUE?.send === "function" },
      embeddings: { provider: embeddingProviderName(c.env, c.var.config) },
      llm: { provider: llmProviderOrder(c.env, c.var.config)[0] },
    },
    version: packageJson.version,
  };
  return c.json(body, databaseOk && storageOk ? 200 : 503);
});
