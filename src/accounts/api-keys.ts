/**
 * API keys: long-lived bearer credentials for scripts and OpenAI-compatible clients of `/v1`, so they need not log
 * in again every 15 minutes. A key is `inav_` followed by 43 base64url characters (256 random bits); the database
 * keeps its SHA-256 (a fast hash is enough for 256 bits of randomness, as for refresh tokens) and its first
 * characters, the prefix lists show. The key itself is shown once, when it is created.
 */
import { sql } from "drizzle-orm";
import { asUser, type Database } from "../db/client";
import type { OneShotDatabase } from "../db/one-shot";
import { apiKeyUser, countApiKeys, deleteApiKey, insertApiKey, listApiKeys, type ApiKeyRow } from "../db/api-keys";
import { sha256Hex } from "../lib/hash";

/** Marks a bearer credential as an API key, not a JWT (a JWT always starts with "eyJ"). */
export const API_KEY_PREFIX = "inav_";
/** Characters of the key kept and shown in lists: the marker plus 8 random characters, enough to tell keys apart. */
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
const KEY_BYTES = 32;
/** A member needs a handful (a script, a chat client, a laptop); a cap keeps a runaway script from minting thousands. */
export const MAX_API_KEYS_PER_USER = 20;

export class TooManyApiKeysError extends Error {
  override readonly name = "TooManyApiKeysError";
  constructor(readonly limit: number) {
    super(`at most ${limit} API keys per user`);
  }
}

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

export const isApiKey = (token: string) => token.startsWith(API_KEY_PREFIX);

/**
 * Creates a key for the user and returns it with its secret, the only time the secret is available.
 *
 * @example const { key } = await createApiKey(db, userId, "laptop");
 */
export async function createApiKey(db: Database, userId: string, name: string): Promise<Omit<ApiKeyView, "last_used_at"> & { key: string }> {
  const key = newKey();
  const row = await asUser(db, userId, async (tx) => {
    // Serialises a user's concurrent creations, so the cap holds under a burst.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`api_keys:${userId}`}))`);
    if ((await countApiKeys(tx, userId)) >= MAX_API_KEYS_PER_USER) throw new TooManyApiKeysError(MAX_API_KEYS_PER_USER);
    return insertApiKey(tx, { userId, name, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: await sha256Hex(key) });
  });
  const { last_used_at: _unused, ...created } = view(row);
  return { ...created, key };
}

export async function listKeys(db: Database, userId: string): Promise<ApiKeyView[]> {
  return (await asUser(db, userId, (tx) => listApiKeys(tx, userId))).map(view);
}

/** Revokes a key at once (the next request with it is a 401); false when the user has no such key. */
export async function revokeApiKey(db: Database, userId: string, id: string): Promise<boolean> {
  return asUser(db, userId, (tx) => deleteApiKey(tx, userId, id));
}

/** Who a key belongs to, or undefined for a key that does not exist (never did, or revoked). */
export async function userOfApiKey(db: OneShotDatabase, key: string): Promise<{ userId: string; email: string } | undefined> {
  return apiKeyUser(db, await sha256Hex(key));
}

function view(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt ? row.lastUsedAt.toISOString() : null,
  };
}

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return API_KEY_PREFIX + btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}
