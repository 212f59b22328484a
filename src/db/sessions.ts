import { and, eq, isNull, lt, sql } from "drizzle-orm";
import type { Database, Transaction } from "./client";
import type { OneShotDatabase } from "./one-shot";
import { authSessions, refreshTokens, users, type SessionEndReason } from "./schema";

/**
 * Data functions for login sessions and their refresh tokens. Everything except the two lookups below runs inside
 * `asUser(...)`: the tables are behind row-level security like documents. Tokens are stored as SHA-256 hashes only.
 */

/** Whether the user still has this session open; one HTTP request, asked on every authenticated request. */
export async function sessionActive(db: OneShotDatabase, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db.query<{ active: boolean }>(sql`select auth_session_active(${userId}, ${sessionId}) as active`);
  return rows[0]?.active === true;
}

/** Who a refresh token (by hash) belongs to, so the rest of a refresh can run under that user's policies. */
export async function refreshTokenOwner(db: Database, tokenHash: string): Promise<string | undefined> {
  const result = await db.execute<{ owner: string | null }>(sql`select auth_refresh_token_owner(${tokenHash}) as owner`);
  return result.rows[0]?.owner ?? undefined;
}

export async function insertSession(tx: Transaction, userId: string, expiresAt: Date): Promise<string> {
  const [row] = await tx.insert(authSessions).values({ userId, expiresAt }).returning({ id: authSessions.id });
  if (!row) throw new Error("insert into auth_sessions returned no row");
  return row.id;
}

export async function insertRefreshToken(
  tx: Transaction,
  token: { sessionId: string; userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await tx.insert(refreshTokens).values(token);
}

export interface LockedRefreshToken {
  id: string;
  sessionId: string;
  userId: string;
  email: string;
  expiresAt: Date;
  usedAt: Date | null;
  sessionExpiresAt: Date;
  sessionRevokedAt: Date | null;
}

/**
 * A refresh token with its session, both rows locked until the transaction ends, so two refreshes of one family
 * take turns: the second sees the token already used.
 */
export async function lockRefreshToken(tx: Transaction, tokenHash: string): Promise<LockedRefreshToken | undefined> {
  const [row] = await tx
    .select({
      id: refreshTokens.id,
      sessionId: refreshTokens.sessionId,
      userId: refreshTokens.userId,
      email: users.email,
      expiresAt: refreshTokens.expiresAt,
      usedAt: refreshTokens.usedAt,
      sessionExpiresAt: authSessions.expiresAt,
      sessionRevokedAt: authSessions.revokedAt,
    })
    .from(refreshTokens)
    .innerJoin(authSessions, eq(authSessions.id, refreshTokens.sessionId))
    .innerJoin(users, eq(users.id, refreshTokens.userId))
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1)
    .for("update", { of: [refreshTokens, authSessions] });
  return row;
}

/** Marks a token used, moves its session's expiry, and forgets the session's tokens that have expired anyway. */
export async function rotateRefreshToken(
  tx: Transaction,
  used: { id: string; sessionId: string },
  next: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  const now = new Date();
  await tx.update(refreshTokens).set({ usedAt: now }).where(eq(refreshTokens.id, used.id));
  await tx.delete(refreshTokens).where(and(eq(refreshTokens.sessionId, used.sessionId), lt(refreshTokens.expiresAt, now)));
  await tx.insert(refreshTokens).values({ sessionId: used.sessionId, ...next });
  await tx.update(authSessions).set({ expiresAt: next.expiresAt }).where(eq(authSessions.id, used.sessionId));
}

/** Ends one session (if still open); its refresh tokens stop working and so do access tokens carrying its id. */
export async function endSession(tx: Transaction, sessionId: string, reason: SessionEndReason): Promise<void> {
  await tx
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Ends every open session of the user (row-level security limits it to the current user's anyway). */
export async function endAllSessions(tx: Transaction, userId: string): Promise<void> {
  await tx
    .update(authSessions)
    .set({ revokedAt: new Date(), revokedReason: "logout_all" })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
}
