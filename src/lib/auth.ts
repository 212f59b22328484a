import { createMiddleware } from "hono/factory";
import type { Config } from "../config";
import type { AppEnv } from "../env";
import type { AppBindings } from "./context";
import { ApiError } from "./errors";
import { InvalidTokenError, verifyAccessToken, type AccessTokenClaims, type JwtSignOptions } from "./jwt";
import { log } from "./log";

/** RFC 6750 §3: a 401 says which scheme to use, and `error="invalid_token"` when one was sent but is not good. */
const CHALLENGE_MISSING = "Bearer";
const CHALLENGE_INVALID = 'Bearer error="invalid_token"';

/** `Bearer` in any case (RFC 9110 §11.1 makes the scheme case-insensitive), one run of spaces, then the token. */
const BEARER = /^bearer +(\S+)\s*$/i;

/**
 * The JWT options for this deployment, from the `JWT_SECRET` secret and the parsed config.
 *
 * @example const token = await signAccessToken(claims, accessTokenOptions(c.env, c.var.config));
 */
export function accessTokenOptions(
  env: Pick<AppEnv, "JWT_SECRET">,
  config: Pick<Config, "jwtIssuer" | "jwtAudience" | "jwtTtlSeconds">,
): JwtSignOptions {
  return {
    secret: env.JWT_SECRET,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    ttlSeconds: config.jwtTtlSeconds,
  };
}

/**
 * Who an `Authorization` header belongs to, for code outside a Hono route (a Durable Object, the OpenAI-compatible
 * endpoint whose API key is our access token). Throws `ApiError("unauthorized")` with a `WWW-Authenticate` challenge.
 *
 * @example const { userId } = await authenticate(request.headers.get("authorization"), env, readConfig(env));
 */
export async function authenticate(
  authorization: string | null | undefined,
  env: Pick<AppEnv, "JWT_SECRET">,
  config: Pick<Config, "jwtIssuer" | "jwtAudience" | "jwtTtlSeconds">,
): Promise<AccessTokenClaims> {
  if (!authorization) {
    throw new ApiError("unauthorized", "Send an access token as 'Authorization: Bearer <token>'.", {
      headers: { "www-authenticate": CHALLENGE_MISSING },
    });
  }
  const token = BEARER.exec(authorization)?.[1];
  if (!token) {
    throw new ApiError("unauthorized", "The Authorization header must be 'Bearer <token>'.", {
      headers: { "www-authenticate": CHALLENGE_INVALID },
    });
  }
  return authenticateToken(token, env, config);
}

/** As `authenticate`, for a bare token (one that arrived somewhere other than an `Authorization` header). */
export async function authenticateToken(
  token: string,
  env: Pick<AppEnv, "JWT_SECRET">,
  config: Pick<Config, "jwtIssuer" | "jwtAudience" | "jwtTtlSeconds">,
): Promise<AccessTokenClaims> {
  try {
    return await verifyAccessToken(token, accessTokenOptions(env, config));
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    // The client learns only that the token is not accepted; the reason (expired, bad signature...) is for operators.
    log("info", "rejected access token", { reason: error.message });
    throw new ApiError("unauthorized", "The access token is invalid or has expired. Log in again.", {
      headers: { "www-authenticate": CHALLENGE_INVALID },
    });
  }
}

/**
 * Lets a request through only with a valid access token, and puts its user on `c.var.userId` / `c.var.userEmail`.
 *
 * @example routes.get("/me", requireAuth, (c) => c.json({ id: c.var.userId }))
 */
export const requireAuth = createMiddleware<AppBindings>(async (c, next) => {
  const { userId, email } = await authenticate(c.req.header("authorization"), c.env, c.var.config);
  c.set("userId", userId);
  c.set("userEmail", email);
  await next();
});
