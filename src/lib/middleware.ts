import { createMiddleware } from "hono/factory";
import { readConfig } from "../config";
import { openDatabase, type DbHandle } from "../db/client";
import type { AppBindings } from "./context";
import { log } from "./log";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** Request id (honouring a sane incoming `x-request-id`), parsed config, a lazy database, and one access-log line. */
export const requestContext = createMiddleware<AppBindings>(async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", requestId);
  c.set("config", readConfig(c.env));
  let handle: DbHandle | undefined;
  c.set("database", () => {
    handle ??= openDatabase(c.env);
    return handle.db;
  });
  const started = Date.now();
  try {
    await next();
  } catch (thrown) {
    // Hono hands only Error instances to app.onError; anything else (a driver's ErrorEvent, a thrown string) would
    // escape to the runtime, which answers with its own HTML page and no request id.
    throw thrown instanceof Error ? thrown : new Error(`non-Error thrown: ${typeof thrown}`, { cause: thrown });
  } finally {
    c.header("x-request-id", requestId);
    if (handle) {
      const closing = handle.close().catch(() => undefined);
      try {
        c.executionCtx.waitUntil(closing);
      } catch {
        await closing;
      }
    }
    log("info", "request", {
      request_id: requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Date.now() - started,
    });
  }
});
