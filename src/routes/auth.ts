import { Hono } from "hono";
import { z } from "zod";
import type { Database } from "../db/client";
import { createUser, findUserByEmail, findUserById, type PublicUser } from "../db/users";
import { accessTokenOptions, requireAuth } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { signAccessToken, type JwtSignOptions } from "../lib/jwt";
import { hashPassword, verifyDummyPassword, verifyPassword } from "../lib/password";
import { validate } from "../lib/validation";

/** RFC 5321 §4.5.3.1.3: a forward path is at most 256 octets including the angle brackets, so an address fits in 254. */
const MAX_EMAIL_LENGTH = 254;

/** NIST SP 800-63B §3.1.1.2 asks for at least 8; we ask a little more since the documents are medical. */
const MIN_PASSWORD_LENGTH = 10;

/**
 * Room for any passphrase or password-manager output, while bounding the bytes each request makes us hash. NIST
 * asks verifiers to allow at least 64 characters.
 */
const MAX_PASSWORD_LENGTH = 1024;

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

/** One message for an unknown email and a wrong password, so the answer does not reveal which accounts exist. */
const INVALID_CREDENTIALS = "The email or password is incorrect.";

export interface TokenResponse {
  user: { id: string; email: string };
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
}

/** Creates an account and logs it in. Throws `ApiError("email_taken")` when the email has an account. */
export async function registerAccount(
  db: Database,
  tokens: JwtSignOptions,
  input: { email: string; password: string },
): Promise<TokenResponse> {
  const password = await hashPassword(input.password);
  const user = await createUser(db, {
    email: input.email,
    passwordHash: password.hash,
    passwordSalt: password.salt,
    passwordIterations: password.iterations,
  });
  return tokenResponse(user, tokens);
}

/**
 * Checks an email and password. An unknown email still costs one PBKDF2 derivation, so timing does not tell it apart
 * from a wrong password. Throws `ApiError("invalid_credentials")`.
 */
export async function logIn(
  db: Database,
  tokens: JwtSignOptions,
  input: { email: string; password: string },
): Promise<TokenResponse> {
  const user = await findUserByEmail(db, input.email);
  if (!user) {
    await verifyDummyPassword(input.password);
    throw new ApiError("invalid_credentials", INVALID_CREDENTIALS);
  }
  const ok = await verifyPassword(input.password, {
    hash: user.passwordHash,
    salt: user.passwordSalt,
    iterations: user.passwordIterations,
  });
  if (!ok) throw new ApiError("invalid_credentials", INVALID_CREDENTIALS);
  return tokenResponse(user, tokens);
}

async function tokenResponse(user: Pick<PublicUser, "id" | "email">, tokens: JwtSignOptions): Promise<TokenResponse> {
  const accessToken = await signAccessToken({ userId: user.id, email: user.email }, tokens);
  return {
    user: { id: user.id, email: user.email },
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: tokens.ttlSeconds,
  };
}

/** RFC 6749 §5.1: responses carrying a token must not be stored by any cache. */
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

export const authRoutes = new Hono<AppBindings>()
  .post("/register", validate("json", RegisterBody), async (c) => {
    const body = await registerAccount(c.var.database(), accessTokenOptions(c.env, c.var.config), c.req.valid("json"));
    return c.json(body, 201, NO_STORE);
  })
  .post("/login", validate("json", LoginBody), async (c) => {
    const body = await logIn(c.var.database(), accessTokenOptions(c.env, c.var.config), c.req.valid("json"));
    return c.json(body, 200, NO_STORE);
  })
  .get("/me", requireAuth, async (c) => {
    const user = await findUserById(c.var.database(), c.var.userId);
    if (!user) {
      // A valid token whose account was deleted since: the token is no longer good for anything.
      throw new ApiError("unauthorized", "The account for this access token no longer exists.", {
        headers: { "www-authenticate": 'Bearer error="invalid_token"' },
      });
    }
    return c.json({ user: { id: user.id, email: user.email, created_at: user.createdAt.toISOString() } });
  });
