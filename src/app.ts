import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { AppBindings } from "./lib/context";
import { cors } from "./lib/cors";
import { ApiError, problemBody, PROBLEM_CONTENT_TYPE, toApiError } from "./lib/errors";
import { errorFields, log } from "./lib/log";
import { requestContext, securityHeaders } from "./lib/middleware";
import { agentRoutes } from "./routes/agents";
import { apiKeyRoutes } from "./routes/api-keys";
import { authRoutes } from "./routes/auth";
import { chatRoutes } from "./routes/chat";
import { docsRoutes } from "./routes/docs";
import { documentRoutes } from "./routes/documents";
import { healthRoutes } from "./routes/health";
import { jobRoutes } from "./routes/jobs";
import { openAiRoutes } from "./routes/openai-compat";
import { searchRoutes } from "./routes/search";
import { uploadRoutes } from "./routes/upload";

export function createApp() {
  const app = new Hono<AppBindings>();
  app.use("*", requestContext);
  app.use("*", securityHeaders);
  // Bearer tokens, never cookies: any origin may call the API, which is what browser chat front-ends need.
  // CORS_ORIGINS narrows it to a comma-separated list.
  app.use(
    "*",
    cors({
      origin: (origin, c) => {
        const allowed = c.env.CORS_ORIGINS?.split(",").map((o) => o.trim()).filter(Boolean) ?? [];
        return allowed.length === 0 || allowed.includes(origin) ? origin || "*" : null;
      },
      // Not x-token-transport: the refresh cookie is for our own pages, so a preflight from another origin asking to
      // send that header is refused (and no credentials are ever allowed cross-origin).
      allowHeaders: ["authorization", "content-type", "accept", "x-request-id"],
      exposeHeaders: ["x-request-id", "retry-after"],
      maxAge: 86_400,
    }),
  );

  app.route("/", healthRoutes);
  app.route("/", docsRoutes);
  app.route("/api/v2/upload", uploadRoutes);
  app.route("/api/v2/jobs", jobRoutes);
  app.route("/api/v2/documents", documentRoutes);
  app.route("/api/v2/search", searchRoutes);
  app.route("/chat", chatRoutes);
  app.route("/api/v2/auth", authRoutes);
  app.route("/api/v2/api-keys", apiKeyRoutes);
  app.route("/agents", agentRoutes);
  app.route("/v1", openAiRoutes);

  app.notFound((c) => {
    c.set("errorCode", "not_found");
    return problemResponse(new ApiError("not_found", `No route for ${c.req.method} ${c.req.path}`), c.get("requestId"));
  });

  app.onError((err, c) => {
    const requestId = c.get("requestId") ?? crypto.randomUUID();
    let error = toApiError(err);
    if (error) {
      if (error.status >= 500) log("warn", "request failed: dependency unavailable", { request_id: requestId, path: c.req.path, code: error.code, ...errorFields(err) });
    } else if (err instanceof HTTPException && err.status < 500) {
      // Hono's own 4xx (a malformed body, say) keep their status; their message is safe to show.
      error = err.status === 413 ? new ApiError("payload_too_large", err.message) : new ApiError("bad_request", err.message);
    } else {
      log("error", "unhandled error", { request_id: requestId, path: c.req.path, ...errorFields(err) });
      error = new ApiError("internal_error", "Something went wrong on our side. Quote the request id if you report it.");
    }
    c.set("errorCode", error.code);
    if (error.status === 429) c.set("rateLimit", typeof error.extra.limit === "string" ? error.extra.limit : error.code);
    return problemResponse(error, requestId);
  });
  return app;
}

function problemResponse(error: ApiError, requestId: string): Response {
  return new Response(JSON.stringify(problemBody(error, requestId)), {
    status: error.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, "x-request-id": requestId, ...error.headers },
  });
}
