import type { MiddlewareHandler } from "hono";
import { cors as honoCors } from "hono/cors";
import { createMiddleware } from "hono/factory";
import type { AppBindings } from "./context";
import { setResponseHeaders } from "./response-headers";

export interface CorsOptions {
  /** The `Access-Control-Allow-Origin` for a request's `Origin` ("" when it sent none), or null to allow none. */
  origin: (origin: string, c: Parameters<MiddlewareHandler<AppBindings>>[0]) => string | null;
  allowHeaders: string[];
  exposeHeaders: string[];
  maxAge: number;
}

/**
 * Hono's CORS, with the headers of a non-preflight request set on the route's answer after it is made rather than on a
 * placeholder before it (which made Hono copy every response twice; src/lib/response-headers.ts). The same headers:
 * a preflight (OPTIONS) is Hono's own answer; any other request gets `Access-Control-Allow-Origin` when the origin is
 * allowed, `Access-Control-Expose-Headers`, and `Vary: Origin` appended.
 *
 * @example app.use("*", cors({ origin: () => "*", allowHeaders: ["authorization"], exposeHeaders: ["x-request-id"], maxAge: 600 }))
 */
export function cors(options: CorsOptions): MiddlewareHandler<AppBindings> {
  const preflight = honoCors(options);
  const exposeHeaders = options.exposeHeaders.join(",");
  return createMiddleware<AppBindings>(async (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    try {
      await next();
    } finally {
      // Also when something other than an Error escapes the route (requestContext turns it into one): the headers
      // then go on the placeholder Hono merges into the error handler's answer, as Hono's CORS would have put them.
      const allowOrigin = options.origin(c.req.header("origin") || "", c);
      const set: Record<string, string> = {};
      if (allowOrigin) set["access-control-allow-origin"] = allowOrigin;
      if (exposeHeaders) set["access-control-expose-headers"] = exposeHeaders;
      setResponseHeaders(c, set, { vary: "Origin" });
    }
  });
}
