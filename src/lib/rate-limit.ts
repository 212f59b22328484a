/**
 * Approximate request-rate limits through Cloudflare's Workers Rate Limiting binding: cheap enough to ask on every
 * request, counted per Cloudflare location (so a client spread over locations gets somewhat more), and run by
 * `wrangler dev` and the tests too. Where a limit must be exact (login throttling, quotas, chat) it lives in the
 * database or the user's Durable Object instead.
 *
 * The binding reads its numbers from wrangler.toml `[[ratelimits]]`, not from [vars]: Cloudflare applies them outside
 * the Worker. `RATE_LIMITS_ENABLED=false` switches these limits off (load tests), nothing else.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import type { AppBindings } from "./context";
import { ApiError } from "./errors";
import { errorFields, log } from "./log";

export type RateLimitName = "register" | "upload" | "search" | "agents" | "openai";

interface Rule {
  binding: "REGISTER_RATE_LIMITER" | "UPLOAD_RATE_LIMITER" | "SEARCH_RATE_LIMITER" | "AGENTS_RATE_LIMITER" | "OPENAI_RATE_LIMITER";
  /** The binding's period in wrangler.toml (10 or 60 s); the binding cannot tell us, and Retry-After needs it. */
  periodSeconds: 10 | 60;
  what: string;
}

/** Keep `periodSeconds` in step with wrangler.toml; the limits themselves are only there. */
const RULES: Record<RateLimitName, Rule> = {
  register: { binding: "REGISTER_RATE_LIMITER", periodSeconds: 60, what: "registrations from this address" },
  upload: { binding: "UPLOAD_RATE_LIMITER", periodSeconds: 60, what: "uploads" },
  search: { binding: "SEARCH_RATE_LIMITER", periodSeconds: 60, what: "searches" },
  agents: { binding: "AGENTS_RATE_LIMITER", periodSeconds: 60, what: "agent queries" },
  openai: { binding: "OPENAI_RATE_LIMITER", periodSeconds: 60, what: "chat completions" },
};

/**
 * The client's address as Cloudflare saw it. Cloudflare sets `CF-Connecting-IP` on every request and overwrites a
 * client's own; only a request that did not come through the edge (a test, a service binding) lacks it, and those
 * share one bucket rather than escaping the per-address limits.
 */
export function clientAddress(headers: { header(name: string): string | undefined }): string {
  return headers.header("cf-connecting-ip")?.trim() || "unknown";
}

/**
 * Counts one request of `key` against a limit, and throws `ApiError("rate_limited")` (429, Retry-After) when it is
 * over. A missing or failing binding lets the request through and logs: these limits protect capacity, and turning
 * a limiter outage into an API outage would be worse than a minute without them.
 *
 * @example await enforceRateLimit(c.env, c.var.config.rateLimitsEnabled, "search", `user:${c.var.userId}`);
 */
export async function enforceRateLimit(env: Partial<AppEnv>, enabled: boolean, name: RateLimitName, key: string): Promise<void> {
  if (!enabled) return;
  const rule = RULES[name];
  const binding = env[rule.binding];
  if (!binding) {
    log("warn", "rate limit binding missing; request not limited", { binding: rule.binding });
    return;
  }
  let success: boolean;
  try {
    // The name is part of the key so that bindings sharing a namespace never share counters.
    ({ success } = await binding.limit({ key: `${name}:${key}` }));
  } catch (error) {
    log("error", "rate limit binding failed; request not limited", { binding: rule.binding, ...errorFields(error) });
    return;
  }
  if (!success) {
    throw new ApiError("rate_limited", `Too many ${rule.what}. Try again in a minute.`, {
      headers: { "retry-after": String(rule.periodSeconds) },
      extra: { retry_after_seconds: rule.periodSeconds, limit: name },
    });
  }
}

/**
 * A per-user limit, after `requireAuth`.
 *
 * @example searchRoutes.post("/", requireAuth, limitPerUser("search"), validate(...), handler)
 */
export const limitPerUser = (name: RateLimitName) =>
  createMiddleware<AppBindings>(async (c, next) => {
    await enforceRateLimit(c.env, c.var.config.rateLimitsEnabled, name, `user:${c.var.userId}`);
    await next();
  });

/** A per-client-address limit, for routes without a user (registration). */
export const limitPerAddress = (name: RateLimitName) =>
  createMiddleware<AppBindings>(async (c, next) => {
    await enforceRateLimit(c.env, c.var.config.rateLimitsEnabled, name, `address:${clientAddress(c.req)}`);
    await next();
  });
