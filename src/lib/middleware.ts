import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { routePath } from "hono/route";
import { createServices } from "../services";
import type { AppBindings } from "./context";
import { log } from "./log";
import { record } from "../observability/analytics";
import { setResponseHeaders } from "./response-headers";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Request id (honouring a sane incoming `x-request-id`), the request's services (src/services.ts: config parsed once,
 * a lazy database and providers), and one access-log line.
 */
export const requestContext = createMiddleware<AppBindings>(async (c, next) => {
  const incoming = c.req.header("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
  c.set("requestId", requestId);
  const services = createServices(c.env, { waitUntil: (work) => keepGoing(c, work) });
  c.set("services", services);
  c.set("config", services.config);
  c.set("database", services.db);
  const started = Date.now();
  try {
    await next();
  } catch (thrown) {
    // Hono hands only Error instances to app.onError; anything else (a driver's ErrorEvent, a thrown string) would
    // escape to the runtime, which answers with its own HTML page and no request id.
    throw thrown instanceof Error ? thrown : new Error(`non-Error thrown: ${typeof thrown}`, { cause: thrown });
  } finally {
    setResponseHeaders(c, { "x-request-id": requestId });
    await keepGoing(c, services.close());
    const durationMs = Date.now() - started;
    log("info", "request", {
      request_id: requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: durationMs,
    });
    const route = routeTemplate(c);
    const colo = typeof c.req.raw.cf?.colo === "string" ? c.req.raw.cf.colo : "";
    record(c.env, { kind: "request", route, method: c.req.method, status: c.res.status, durationMs, colo, errorCode: c.var.errorCode ?? "" });
    if (c.res.status === 429) record(c.env, { kind: "rate_limit", limit: c.var.rateLimit ?? "unknown", route });
  }
});

/** Hands `work` to the invocation's `waitUntil`; where there is none (a test calling the app directly), awaits it. */
async function keepGoing(c: Context<AppBindings>, work: Promise<unknown>): Promise<void> {
  try {
    c.executionCtx.waitUntil(work);
  } catch {
    await work;
  }
}

/**
 * The route template that answered ("/api/v2/jobs/:job_id"), never the path itself: paths carry ids. Requests no
 * route matched share one label, so scanners probing random paths cannot grow the metric's cardinality.
 */
function routeTemplate(c: Context<AppBindings>): string {
  try {
    const path = routePath(c, -1);
    return path && path !== "*" && path !== "/*" ? path : "unmatched";
  } catch {
    return "unmatched";
  }
}

/**
 * Two years with subdomains, the value preload lists ask for. Sent only in production: there every request arrived
 * over TLS, while a browser told to insist on HTTPS for a development host (127.0.0.1) would lock itself out.
 */
const HSTS = "max-age=63072000; includeSubDomains";

/**
 * Headers every response gets: `nosniff` (a JSON body or an uploaded file is never run as script), no referrer (URLs
 * carry document and session ids), HSTS in production, and `no-store` on anything answered to a credential, so
 * a member's documents and answers never sit in a shared or browser cache.
 */
export const securityHeaders = createMiddleware<AppBindings>(async (c, next) => {
  await next();
  const set: Record<string, string> = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
  };
  if (c.var.config?.environment === "production") set["strict-transport-security"] = HSTS;
  if (c.req.header("authorization") !== undefined || c.res.status >= 400) set["cache-control"] = "no-store";
  setResponseHeaders(c, set);
});
