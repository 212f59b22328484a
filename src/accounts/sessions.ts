import type { TokenResponse } from "../api/auth";
/**
 * Login sessions: a short-lived access token (JWT) plus a long-lived refresh token that is rotated on every use.
 * Presenting a refresh token that was already used means two parties hold it (the legitimate client and a thief), so
 * the whole session ends (RFC 9700 §4.14.2). These functions take the refresh token as a string and return data, so
 * the JSON body today and an HttpOnly cookie later share them.
 */
import { asUser, type Database } from "../db/client";
import {
  endAllSessions,
  endSession,
  insertRefreshToken,
  insertSession,
  lockRefreshToken,
  refreshTokenOwner,
  rotateRefreshToken,
} from "../db/sessions";
import { sha256Hex } from "../lib/hash";
import { signAccessToken, type JwtSignOptions } from "../lib/jwt";
import { log } from "../lib/log";

export interface SessionOptions extends JwtSignOptions {
  refreshTokenTtlSeconds: number;
}

/** What a session hands out: the API's token answer, with the refresh token always there (the route may move it to a cookie). */
export type IssuedTokens = TokenResponse & { refresh_token: string };

export type RefreshRejection = "unknown" | "expired" | "ended" | "reused";

/** The refresh token cannot be used. The reason is for logs; clients are told only to log in again. */
export class InvalidRefreshTokenError extends Error {
  override readonly name = "InvalidRefreshTokenError";
  constructor(readonly reason: RefreshRejection) {
    super(`refresh token rejected: ${reason}`);
  }
}

/** 256 bits from the CSPRNG: unguessable, so a plain SHA-256 of it is a safe thing to store and look up by. */
const REFRESH_TOKEN_BYTES = 32;

/**
 * Starts a session for a user who just proved who they are (register or login) and returns its first tokens.
 *
 * @example const body = await startSession(db, options, { id: user.id, email: user.email });
 */
export async function startSession(db: Database, options: SessionOptions, user: { id: string; email: string }): Promise<IssuedTokens> {
  const refreshToken = newRefreshToken();
  const tokenHash = await sha256Hex(refreshToken);
  const expiresAt = refreshExpiry(options);
  const sessionId = await asUser(db, user.id, async (tx) => {
    const id = await insertSession(tx, user.id, expiresAt);
    await insertRefreshToken(tx, { sessionId: id, userId: user.id, tokenHash, expiresAt });
    return id;
  });
  return tokens(options, user, sessionId, refreshToken);
}

/**
 * Trades a refresh token for a new access token and a new refresh token; the old one is spent. A spent token
 * presented again ends its session. Throws `InvalidRefreshTokenError`.
 *
 * @example const body = await refreshSession(db, options, request.refresh_token);
 */
export async function refreshSession(db: Database, options: SessionOptions, refreshToken: string): Promise<IssuedTokens> {
  const tokenHash = await sha256Hex(refreshToken);
  const owner = await refreshTokenOwner(db, tokenHash);
  if (!owner) throw new InvalidRefreshTokenError("unknown");
  const next = newRefreshToken();
  const nextHash = await sha256Hex(next);
  const expiresAt = refreshExpiry(options);
  // The transaction returns its verdict instead of throwing, so that ending a session on reuse is committed.
  const outcome = await asUser(db, owner, async (tx) => {
    const token = await lockRefreshToken(tx, tokenHash);
    if (!token) return { ok: false as const, reason: "unknown" as const };
    if (token.sessionRevokedAt) return { ok: false as const, reason: "ended" as const, sessionId: token.sessionId };
    if (token.usedAt) {
      await endSession(tx, token.sessionId, "reuse");
      return { ok: false as const, reason: "reused" as const, sessionId: token.sessionId };
    }
    const now = Date.now();
    if (token.expiresAt.getTime() <= now || token.sessionExpiresAt.getTime() <= now) {
      return { ok: false as const, reason: "expired" as const, sessionId: token.sessionId };
    }
    await rotateRefreshToken(tx, token, { userId: token.userId, tokenHash: nextHash, expiresAt });
    return { ok: true as const, user: { id: token.userId, email: token.email }, sessionId: token.sessionId };
  });
  if (!outcome.ok) {
    // A reused token is the one security event here worth an operator's attention: a copy of it is in other hands.
    const level = outcome.reason === "reused" ? "warn" : "info";
    log(level, "refresh token rejected", { reason: outcome.reason, user_id: owner, session_id: "sessionId" in outcome ? outcome.sessionId : undefined });
    throw new InvalidRefreshTokenError(outcome.reason);
  }
  return tokens(options, outcome.user, outcome.sessionId, next);
}

/**
 * Ends the session a refresh token belongs to (or, with `all`, every session of its user). Idempotent: an unknown
 * or already ended token changes nothing and is not an error, so logging out twice is harmless.
 */
export async function endSessionOfRefreshToken(db: Database, refreshToken: string, all = false): Promise<void> {
  const tokenHash = await sha256Hex(refreshToken);
  const owner = await refreshTokenOwner(db, tokenHash);
  if (!owner) return;
  await asUser(db, owner, async (tx) => {
    const token = await lockRefreshToken(tx, tokenHash);
    if (!token) return;
    if (all) await endAllSessions(tx, owner);
    else await endSession(tx, token.sessionId, "logout");
  });
}

/** Ends the session an access token belongs to (or, with `all`, every session of its user). */
export async function endSessionById(db: Database, userId: string, sessionId: string, all = false): Promise<void> {
  await asUser(db, userId, async (tx) => {
    if (all) await endAllSessions(tx, userId);
    else await endSession(tx, sessionId, "logout");
  });
}

async function tokens(options: SessionOptions, user: { id: string; email: string }, sessionId: string, refreshToken: string): Promise<IssuedTokens> {
  const accessToken = await signAccessToken({ userId: user.id, email: user.email, sessionId }, options);
  return {
    user: { id: user.id, email: user.email },
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: options.ttlSeconds,
    refresh_token: refreshToken,
    refresh_expires_in: options.refreshTokenTtlSeconds,
  };
}

function refreshExpiry(options: SessionOptions): Date {
  return new Date(Date.now() + options.refreshTokenTtlSeconds * 1000);
}

function newRefreshToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(REFRESH_TOKEN_BYTES));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
