import { Hono } from "hono";
import { z } from "zod";
import { checkPassword, InvalidCredentialsError, registerAccount } from "../accounts/accounts";
import { admitLoginAttempt, forgiveLoginAttempt, loginThrottleKeys } from "../accounts/login-throttle";
import {
  endSessionById,
  endSessionOfRefreshToken,
  InvalidRefreshTokenError,
  refreshSession,
  startSession,
} from "../accounts/sessions";
import { EmailTakenError, findUserById } from "../db/users";
import { authenticate, requireAuth, sessionOptions } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { clientAddress, limitPerAddress } from "../lib/rate-limit";
import { parseInput, validate } from "../lib/validation";

/** RFC 5321 §4.5.3.1.3: a forward path is at most 256 octets including the angle brackets, so an address fits in 254. */
const MAX_EMAIL_LENGTH = 254;

/** NIST SP 800-63B §3.1.1.2 asks for at least 8; we ask a little more since the documents are medical. */
const MIN_PASSWORD_LENGTH = 10;

/**
 * Room for any passphrase or password-manager output, while bounding the bytes each request makes us hash. NIST
 * asks verifiers to allow at least 64 characters.
 */
const MAX_PASSWORD_LENGTH = 1024;

/** Ours are 43 characters (32 random bytes, base64url); the bound only keeps garbage from being hashed at length. */
const MAX_REFRESH_TOKEN_LENGTH = 128;

/** Trimmed and lowercased, so "  Alice@Example.COM " and "alice@example.com" are one account. */
const email = z.string().trim().toLowerCase().max(MAX_EMAIL_LENGTH).pipe(z.email());

const RegisterBody = z.object({
  email,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
});

/**
 * Login checks only presence and bounds: a password too short to have been registered is simply wrong (401), which
 * says nothing more than a wrong password does.
 */
const LoginBody = z.object({
  email: z.string().trim().toLowerCase().min(1).max(MAX_EMAIL_LENGTH),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

const RefreshBody = z.object({ refresh_token: z.string().min(1).max(MAX_REFRESH_TOKEN_LENGTH) });

const LogoutBody = z.object({
  refresh_token: z.string().min(1).max(MAX_REFRESH_TOKEN_LENGTH).optional(),
  /** End every session of the user, not only this one ("log out everywhere"). */
  all: z.boolean().optional(),
});

/** RFC 6749 §5.1: responses carrying a token must not be stored by any cache. */
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

const REFRESH_REJECTED = "The refresh token is invalid, expired or already used. Log in again.";

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
    return c.json(body, 201, NO_STORE);
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
        extra: { retry_after_seconds: admission.retryAfterSeconds },
      });
    }
    const userId = await mapped(checkPassword(db, input));
    await forgiveLoginAttempt(db, keys);
    const body = await startSession(db, sessionOptions(c.env, c.var.config), { id: userId, email: input.email });
    return c.json(body, 200, NO_STORE);
  })
  .post("/refresh", validate("json", RefreshBody), async (c) => {
    const { refresh_token } = c.req.valid("json");
    const body = await mapped(refreshSession(c.var.database(), sessionOptions(c.env, c.var.config), refresh_token));
    return c.json(body, 200, NO_STORE);
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
    if (body.refresh_token) {
      await endSessionOfRefreshToken(db, body.refresh_token, body.all ?? false);
      // An access token that came along is ended too, if it is still good; if not, the refresh token was enough.
      if (authorization) {
        const claims = await authenticate(authorization, { env: c.env, config: c.var.config, db: c.var.services.oneShot }).catch(() => undefined);
        if (claims) await endSessionById(db, claims.userId, claims.sessionId, body.all ?? false);
      }
      return c.body(null, 204, NO_STORE);
    }
    const claims = await authenticate(authorization, { env: c.env, config: c.var.config, db: c.var.services.oneShot });
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
