import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "./client";
import type { OneShotDatabase } from "./one-shot";
import { apiKeys } from "./schema";

/**
 * Data functions for API keys. The lookup runs outside any user's transaction (the key is all a request carries);
 * everything else runs inside `asUser(...)`, behind the table's row-level security.
 */

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const columns = { id: apiKeys.id, name: apiKeys.name, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt, lastUsedAt: apiKeys.lastUsedAt };

/** The user (and email) a key belongs to, by the key's hash, noting its use; one round trip. */
export async function apiKeyUser(db: OneShotDatabase, keyHash: string): Promise<{ userId: string; email: string } | undefined> {
  const rows = await db.query<{ user_id: string; email: string }>(sql`select user_id, email from auth_api_key_user(${keyHash})`);
  const row = rows[0];
  return row ? { userId: row.user_id, email: row.email } : undefined;
}

export async function insertApiKey(tx: Queryable, key: { userId: string; name: string; prefix: string; keyHash: string }): Promise<ApiKeyRow> {
  const [row] = await tx.insert(apiKeys).values(key).returning(columns);
  if (!row) throw new Error("insert into api_keys returned no row");
  return row;
}

export async function listApiKeys(tx: Queryable, userId: string): Promise<ApiKeyRow[]> {
  return tx.select(columns).from(apiKeys).where(eq(apiKeys.userId, userId)).orderBy(asc(apiKeys.createdAt));
}

export async function countApiKeys(tx: Queryable, userId: string): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(apiKeys).where(eq(apiKeys.userId, userId));
  return row?.n ?? 0;
}

/** Deletes one of the user's keys; false when the user has no key with that id. */
export async function deleteApiKey(tx: Queryable, userId: string, id: string): Promise<boolean> {
  const rows = await tx.delete(apiKeys).where(and(eq(apiKeys.userId, userId), eq(apiKeys.id, id))).returning({ id: apiKeys.id });
  return rows.length > 0;
}
