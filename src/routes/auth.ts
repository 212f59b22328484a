import { Hono } from "hono";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  LoginBody,
  LogoutBody,
  MAX_REFRESH_TOKEN_LENGTH,
  REFRESH_COOKIE,
  REFRESH_COOKIE_PATH,
  RefreshBody,
  RegisterBody,
  TOKEN_TRANSPORT_COOKIE,
  TOKEN_TRANSPORT_HEADER,
  type TokenResponse,
} from "../api/auth";
import { checkPassword, InvalidCredentialsError, registerAccount } from "../accounts/accounts";
import { admitLoginAttempt, forgiveLoginAttempt, loginThrottleKeys } from "../accounts/login-throttle";
import {
  endSessionById,
  endSessionOfRefreshToken,
  InvalidRefreshTokenError,
  refreshSession,
  type IssuedTokens,
  startSession,
} from "../accounts/sessions";
import { EmailTakenError, findUserById } from "../db/users";
import { authenticate, requireAuth, sessionOptions } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { clientAddress, limitPerAddress } from "../lib/rate-limit";
import { parseInput, validate } from "../lib/validation";

/** RFC 6749 §5.1: responses carrying a token must not be stored by any cache. */
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

const REFRESH_REJECTED = "The refresh token is invalid, expired or already used. Log in again.";

/** HttpOnly: no script reads it. Secure: never over plain HTTP (browsers allow it on http://localhost for development). */
const COOKIE_OPTIONS = { path: REFRESH_COOKIE_PATH, httpOnly: true, secure: true, sameSite: "Strict" } as const;

/** Whether the client keeps its refresh token in the cookie (a browser) rather than in the JSON body (API clients). */
const wantsCookie = (c: Context<AppBindings>) => c.req.header(TOKEN_TRANSPORT_HEADER)?.trim().toLowerCase() === TOKEN_TRANSPORT_COOKIE;

/**
 * The refresh token of the cookie, read only when the request also says it uses the cookie and sends JSON: a custom
 * header and a JSON content type are what a cross-site form cannot send, so a forged request never spends or ends a
 * session (SameSite=Strict aside, which already keeps the cookie off cross-site requests).
 */
function refreshCookie(c: Context<AppBindings>): string | undefined {
  if (!wantsCookie(c) || !/^application\/json\b/i.test(c.req.header("content-type") ?? "")) return undefined;
  const value = getCookie(c, REFRESH_COOKIE);
  return value && value.length <= MAX_REFRESH_TOKEN_LENGTH ? value : undefined;
}

/** The token answer: the refresh token in the JSON body, or, for a client that asked for it, in the cookie only. */
function issueTokens(c: Context<AppBindings>, tokens: IssuedTokens, status: 200 | 201): Response {
  if (!wantsCookie(c)) return c.json(tokens satisfies TokenResponse, status, NO_STORE);
  const { refresh_token, ...rest } = tokens;
  setCookie(c, REFRESH_COOKIE, refresh_token, { ...COOKIE_OPTIONS, maxAge: tokens.refresh_expires_in });
  return c.json(rest satisfies TokenResponse, status, NO_STORE);
}

/** The neutral errors of accounts and sessions, as the API says them. */
function asApiError(error: unknown): unknown {
  if (error instanceof EmailTakenError) return new ApiError("email_taken", error.message);
  if (error instanceof InvalidCredentialsError) return new ApiError("invalid_credentials", error.message);
  if (error instanceof InvalidRefreshTokenError) return new ApiError("unauthorized", REFRESH_REJECTED);
  return error;
}

async function mapped<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw asApiError(error);
  }
}

export const authRoutes = new Hono<AppBindings>()
  .post("/register", limitPerAddress("register"), validate("json", RegisterBody), async (c) => {
    const body = await mapped(registerAccount(c.var.database(), sessionOptions(c.env, c.var.config), c.req.valid("json")));
    return issueTokens(c, body, 201);
  })
  .post("/login", validate("json", LoginBody), async (c) => {
    const input = c.req.valid("json");
    const db = c.var.database();
    const keys = loginThrottleKeys(c.var.config, input.email, clientAddress(c.req));
    // Before the password is checked: a throttled attempt is refused even when it is right, or the limit would
    // still let a guesser learn which guess was right.
    const admission = await admitLoginAttempt(db, keys);
    if (!admission.admitted) {
      throw new ApiError("rate_limited", `Too many sign-in attempts. Try again in ${admission.retryAfterSeconds} seconds.`, {
        headers: { "retry-after": String(admission.retryAfterSeconds) },
        extra: { retry_after_seconds: admission.retryAfterSeconds, limit: "login" },
      });
    }
    const userId = await mapped(checkPassword(db, input));
    await forgiveLoginAttempt(db, keys);
    const body = await startSession(db, sessionOptions(c.env, c.var.config), { id: userId, email: input.email });
    return issueTokens(c, body, 200);
  })
  .post("/refresh", validate("json", RefreshBody), async (c) => {
    const refreshToken = c.req.valid("json").refresh_token ?? refreshCookie(c);
    if (!refreshToken) throw new ApiError("unauthorized", REFRESH_REJECTED);
    const body = await mapped(refreshSession(c.var.database(), sessionOptions(c.env, c.var.config), refreshToken));
    return issueTokens(c, body, 200);
  })
  .post("/logout", async (c) => {
    // The body is optional: an access token alone identifies the session to end.
    const text = await c.req.text();
    let raw: unknown = {};
    if (text.trim()) {
      try {
        raw = JSON.parse(text);
      } catch {
        throw new ApiError("bad_request", "The body must be JSON: {\"refresh_token\"?: string, \"all\"?: boolean}.");
      }
    }
    const body = parseInput(LogoutBody, raw);
    const db = c.var.database();
    const authorization = c.req.header("authorization");
    const refreshToken = body.refresh_token ?? refreshCookie(c);
    // The cookie goes whatever happens next: after a logout the browser has no use for it.
    if (wantsCookie(c)) deleteCookie(c, REFRESH_COOKIE, COOKIE_OPTIONS);
    if (refreshToken) {
      await endSessionOfRefreshToken(db, refreshToken, body.all ?? false);
      // An access token that came along is ended too, if it is still good; if not, the refresh token was enough.
      if (authorization) {
        const claims = await authenticate(authorization, { env: c.env, config: c.var.config, db: c.var.services.oneShot }).catch(() => undefined);
        if (claims?.sessionId) await endSessionById(db, claims.userId, claims.sessionId, body.all ?? false);
      }
      return c.body(null, 204, NO_STORE);
    }
    const claims = await authenticate(authorization, { env: c.env, config: c.var.config, db: c.var.services.oneShot });
    if (claims.sessionId === null) {
      throw new ApiError("bad_request", "An API key is not a login session: revoke it with DELETE /api/v2/api-keys/{id}.");
    }
    await endSessionById(db, claims.userId, claims.sessionId, body.all ?? false);
    return c.body(null, 204, NO_STORE);
  })
  .get("/me", requireAuth, async (c) => {
    const user = await findUserById(c.var.database(), c.var.userId);
    if (!user) {
      // requireAuth found the session, so the account was deleted a moment ago: the token is good for nothing now.
      throw new ApiError("unauthorized", "The account for this access token no longer exists.", {
        headers: { "www-authenticate": 'Bearer error="invalid_token"' },
      });
    }
    return c.json({ user: { id: user.id, email: user.email, created_at: user.createdAt.toISOString() } });
  });
