/** Accounts and sessions: `/api/v2/auth/*`. */
import { z } from "zod";
import { Id, Timestamp } from "./common.ts";

/** RFC 5321 §4.5.3.1.3: a forward path is at most 256 octets including the angle brackets, so an address fits in 254. */
const MAX_EMAIL_LENGTH = 254;
/** NIST SP 800-63B §3.1.1.2 asks for at least 8; we ask a little more since the documents are medical. */
export const MIN_PASSWORD_LENGTH = 10;
/**
 * Room for any passphrase or password-manager output, while bounding the bytes each request makes us hash. NIST
 * asks verifiers to allow at least 64 characters.
 */
const MAX_PASSWORD_LENGTH = 1024;
/** Ours are 43 characters (32 random bytes, base64url); the bound only keeps garbage from being hashed at length. */
export const MAX_REFRESH_TOKEN_LENGTH = 128;

/** Trimmed and lowercased, so "  Alice@Example.COM " and "alice@example.com" are one account. */
const Email = z.string().trim().toLowerCase().max(MAX_EMAIL_LENGTH).pipe(z.email());

export const RegisterBody = z.object({
  email: Email,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
});
export type RegisterBody = z.input<typeof RegisterBody>;

/**
 * Login checks only presence and bounds: a password too short to have been registered is simply wrong (401), which
 * says nothing more than a wrong password does.
 */
export const LoginBody = z.object({
  email: z.string().trim().toLowerCase().min(1).max(MAX_EMAIL_LENGTH),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export type LoginBody = z.input<typeof LoginBody>;

const RefreshToken = z.string().min(1).max(MAX_REFRESH_TOKEN_LENGTH);

/** `refresh_token` may be left out by a browser whose refresh token is in the refresh cookie (`TOKEN_TRANSPORT_HEADER`). */
export const RefreshBody = z.object({ refresh_token: RefreshToken.optional() });
export type RefreshBody = z.input<typeof RefreshBody>;

export const LogoutBody = z.object({
  refresh_token: RefreshToken.optional(),
  /** End every session of the user, not only this one ("log out everywhere"). */
  all: z.boolean().optional(),
});
export type LogoutBody = z.input<typeof LogoutBody>;

export { REFRESH_COOKIE, REFRESH_COOKIE_PATH, TOKEN_TRANSPORT_COOKIE, TOKEN_TRANSPORT_HEADER } from "./token-transport.ts";

export const User = z.object({ id: Id, email: z.string() });
export type User = z.infer<typeof User>;

export const TokenResponse = z
  .object({
    user: User,
    access_token: z.string(),
    token_type: z.literal("Bearer"),
    /** Seconds the access token is good for. */
    expires_in: z.number().int().positive(),
    /** Absent when the client asked for the refresh token as a cookie (`TOKEN_TRANSPORT_HEADER`). */
    refresh_token: z.string().optional(),
    /** Seconds the refresh token is good for from now. */
    refresh_expires_in: z.number().int().positive(),
  })
  .meta({ id: "Tokens", description: "A 15-minute access token and a single-use refresh token." });
export type TokenResponse = z.infer<typeof TokenResponse>;

export const MeResponse = z.object({ user: User.extend({ created_at: Timestamp }) });
export type MeResponse = z.infer<typeof MeResponse>;
