import { createMiddleware } from "hono/factory";
import { isApiKey, userOfApiKey } from "../accounts/api-keys";
import type { SessionOptions } from "../accounts/sessions";
import type { Config } from "../config";
import type { OneShotDatabase } from "../db/one-shot";
import { sessionActive } from "../db/sessions";
import type { AppEnv } from "../env";
import type { AppBindings } from "./context";
import { ApiError, sessionEnded } from "./errors";
import { InvalidTokenError, verifyAccessToken, type AccessTokenClaims } from "./jwt";
import { log } from "./log";

/** RFC 6750 §3: a 401 says which scheme to use, and `error="invalid_token"` when one was sent but is not good. */
const CHALLENGE_MISSING = "Bearer";
const CHALLENGE_INVALID = 'Bearer error="invalid_token"';

/** `Bearer` in any case (RFC 9110 §11.1 makes the scheme case-insensitive), one run of spaces, then the token. */
const BEARER = /^bearer +(\S+)\s*$/i;

/**
 * Our access tokens are about 400 characters. Anything far beyond that is not one of ours, and refusing it before
 * parsing bounds the work a request can make us do (RFC 6585 §5: 431 for a header field that is too large).
 */
export const MAX_AUTHORIZATION_LENGTH = 4096;

type TokenConfig = Pick<Config, "jwtIssuer" | "jwtAudience" | "jwtTtlSeconds" | "refreshTokenTtlSeconds">;

/**
 * The token options for this deployment, from the `JWT_SECRET` secret and the parsed config.
 *
 * @example const body = await startSession(db, sessionOptions(c.env, c.var.config), user);
 */
export function sessionOptions(env: Pick<AppEnv, "JWT_SECRET">, config: TokenConfig): SessionOptions {
  return {
    secret: env.JWT_SECRET,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
    ttlSeconds: config.jwtTtlSeconds,
    refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
  };
}

export interface AuthDeps {
  env: Pick<AppEnv, "JWT_SECRET">;
  config: TokenConfig;
  /** Only to ask whether the session is still open: one request, no connection. */
  db: () => OneShotDatabase;
  /**
   * Leave the access token's session check to the caller (`requireAuthForRead`, which sends it with the route's one
   * database request); the signature, expiry and claims are checked as always. API keys are looked up either way.
   */
  deferSessionCheck?: boolean;
}

const invalidToken = (detail: string) =>
  new ApiError("unauthorized", detail, { headers: { "www-authenticate": CHALLENGE_INVALID } });

/**
 * Who an `Authorization` header belongs to: a token we signed, unexpired, for a user that exists and a session that
 * has not ended. Throws `ApiError("unauthorized")` with a `WWW-Authenticate` challenge (or 431 for a header too large
 * to be ours).
 *
 * @example const { userId } = await authenticate(c.req.header("authorization"), { env, config, db });
 */
export async function authenticate(authorization: string | null | undefined, deps: AuthDeps): Promise<Principal> {
  if (!authorization) {
    throw new ApiError("unauthorized", "Send an access token or API key as 'Authorization: Bearer <token>'.", {
      headers: { "www-authenticate": CHALLENGE_MISSING },
    });
  }
  if (authorization.length > MAX_AUTHORIZATION_LENGTH) {
    throw new ApiError("header_too_large", `The Authorization header is longer than ${MAX_AUTHORIZATION_LENGTH} characters; no token of ours is.`);
  }
  const token = BEARER.exec(authorization)?.[1];
  if (!token) throw invalidToken("The Authorization header must be 'Bearer <token>'.");
  return authenticateToken(token, deps);
}

/**
 * Who made a request: the user, and the login session when the credential was an access token (`null` for an API
 * key, which belongs to no session: deleting the key is what revokes it).
 */
export interface Principal {
  userId: string;
  email: string;
  sessionId: string | null;
  credential: "access_token" | "api_key";
}

/** As `authenticate`, for a bare token (one that arrived somewhere other than an `Authorization` header). */
export async function authenticateToken(token: string, deps: AuthDeps): Promise<Principal> {
  if (isApiKey(token)) {
    const owner = await userOfApiKey(deps.db(), token);
    if (!owner) {
      log("info", "rejected api key", { reason: "unknown or revoked" });
      throw invalidToken("This API key is not valid (it was revoked, or mistyped). Create a new one.");
    }
    return { userId: owner.userId, email: owner.email, sessionId: null, credential: "api_key" };
  }
  let claims: AccessTokenClaims;
  try {
    claims = await verifyAccessToken(token, { secret: deps.env.JWT_SECRET, issuer: deps.config.jwtIssuer, audience: deps.config.jwtAudience });
  } catch (error) {
    if (!(error instanceof InvalidTokenError)) throw error;
    // The client learns only that the token is not accepted; the reason (expired, bad signature...) is for operators.
    log("info", "rejected access token", { reason: error.message });
    throw invalidToken("The access token is invalid or has expired. Log in again.");
  }
  // A signature proves we issued the token, not that its user or session still exists: deleted accounts and
  // logged-out sessions end here, on the next request, not when the token expires.
  if (!deps.deferSessionCheck && !(await sessionActive(deps.db(), claims.userId, claims.sessionId))) {
    log("info", "rejected access token", { reason: "session ended or user unknown", user_id: claims.userId });
    throw sessionEnded();
  }
  return { ...claims, credential: "access_token" };
}

/**
 * Lets a request through only with a valid access token or API key, and puts its user on `c.var.userId` / `c.var.userEmail`
 * (and the login session on `c.var.sessionId`, null for an API key).
 *
 * @example routes.get("/me", requireAuth, (c) => c.json({ id: c.var.userId }))
 */
export const requireAuth = createMiddleware<AppBindings>(async (c, next) => {
  const claims = await authenticate(c.req.header("authorization"), { env: c.env, config: c.var.config, db: c.var.services.oneShot });
  c.set("userId", claims.userId);
  c.set("userEmail", claims.email);
  c.set("sessionId", claims.sessionId);
  await next();
});

/**
 * `requireAuth` for routes whose database work is one member transaction over HTTP and that change nothing before it
 * (search, document and job reads, and a chat turn, whose chat object checks the session in its retrieval request and
 * reports what it found with `Services.settleSession`): the session check is sent in that same request
 * (`Services.deferSessionCheck`), one round trip instead of two. An ended session's request sees no rows (row-level security gets no user) and
 * answers 401 as with `requireAuth`; a route that answered without asking the database (an invalid body) is checked
 * after it, and its answer replaced by the 401.
 *
 * @example routes.get("/", requireAuthForRead, async (c) => c.json(await c.var.services.oneShot().asUserQueries(...)))
 */
export const requireAuthForRead = createMiddleware<AppBindings>(async (c, next) => {
  const services = c.var.services;
  const claims = await authenticate(c.req.header("authorization"), { env: c.env, config: c.var.config, db: services.oneShot, deferSessionCheck: true });
  c.set("userId", claims.userId);
  c.set("userEmail", claims.email);
  c.set("sessionId", claims.sessionId);
  if (claims.sessionId !== null) services.deferSessionCheck(claims.userId, claims.sessionId);
  await next();
  if (!(await services.sessionConfirmed())) {
    log("info", "rejected access token", { reason: "session ended or user unknown", user_id: claims.userId });
    throw sessionEnded();
  }
});
