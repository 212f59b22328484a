/**
 * Login throttling with growing delays, exact across Worker instances because it lives in PostgreSQL: each key (an
 * account's email, a client address) gets a few free attempts, then must wait base, 2×base, 4×base… seconds (capped)
 * between attempts. An attempt is counted as a failure the moment it is admitted and forgiven if it succeeds, so a
 * burst of parallel guesses cannot slip through before the first failure is recorded.
 */
import { inArray, sql } from "drizzle-orm";
import type { Config } from "../config";
import type { Database } from "../db/client";
import { sha256Hex } from "../lib/hash";
import { loginThrottle } from "../db/schema";

export interface ThrottlePolicy {
  /** Attempts allowed before any delay. */
  freeAttempts: number;
  /** Delay after the first attempt beyond the free ones; it doubles with each further attempt. */
  baseDelaySeconds: number;
  /** The longest delay; the count keeps growing but the wait stops there. */
  maxDelaySeconds: number;
  /** A key with no attempt for this long starts over with its free attempts. */
  resetSeconds: number;
}

export interface ThrottleKey {
  /** What is throttled, e.g. `account:alice@example.com` or `address:198.51.100.7`; stored only as a SHA-256. */
  name: string;
  policy: ThrottlePolicy;
  /**
   * What a successful login does to the count. `reset`: the password proves the owner, so the account starts over.
   * `forgive`: only this attempt is taken back, so a guesser cannot clear an address by logging into their own account.
   */
  onSuccess: "reset" | "forgive";
}

type ThrottleConfig = Pick<
  Config,
  "loginFreeAttemptsPerAccount" | "loginFreeAttemptsPerAddress" | "loginBackoffBaseSeconds" | "loginBackoffMaxSeconds" | "loginBackoffResetSeconds"
>;

/**
 * The two keys a login attempt counts against: the (normalised) email, whether or not it has an account, so a 429
 * reveals nothing; and the client address.
 *
 * @example const keys = loginThrottleKeys(config, "alice@example.com", "198.51.100.7");
 */
export function loginThrottleKeys(config: ThrottleConfig, email: string, address: string): ThrottleKey[] {
  const shared = {
    baseDelaySeconds: config.loginBackoffBaseSeconds,
    maxDelaySeconds: config.loginBackoffMaxSeconds,
    resetSeconds: config.loginBackoffResetSeconds,
  };
  return [
    { name: `account:${email}`, policy: { ...shared, freeAttempts: config.loginFreeAttemptsPerAccount }, onSuccess: "reset" },
    { name: `address:${address}`, policy: { ...shared, freeAttempts: config.loginFreeAttemptsPerAddress }, onSuccess: "forgive" },
  ];
}

export type Admission = { admitted: true; keys: ThrottleKey[] } | { admitted: false; retryAfterSeconds: number };

/**
 * Seconds a key must wait after its last attempt, given the attempts it has made (counted as failures).
 *
 * @example delaySeconds(6, { freeAttempts: 5, baseDelaySeconds: 1, maxDelaySeconds: 900, resetSeconds: 3600 }) // 2
 */
export function delaySeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeAttempts) return 0;
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** (failures - policy.freeAttempts));
}

/**
 * Admits a login attempt if no key is waiting out a delay, counting it against every key; otherwise says how long
 * to wait. A refused attempt changes nothing, so hammering a locked account does not lengthen its lock.
 */
export async function admitLoginAttempt(db: Database, keys: ThrottleKey[]): Promise<Admission> {
  const hashed = await Promise.all(keys.map(async (key) => ({ key, hash: await sha256Hex(key.name) })));
  return db.transaction(async (tx) => {
    await tx
      .insert(loginThrottle)
      .values(hashed.map(({ hash }) => ({ key: hash, failures: 0, lastAttemptAt: new Date(0) })))
      .onConflictDoNothing();
    // Locked in key order, so two logins sharing both keys cannot deadlock.
    const rows = await tx
      .select()
      .from(loginThrottle)
      .where(inArray(loginThrottle.key, hashed.map((h) => h.hash)))
      .orderBy(loginThrottle.key)
      .for("update");
    // The clock is read only now that the rows are locked: a time taken before waiting for the lock would be older
    // than the attempt that held it, and would look like a delay still running.
    const now = Date.now();
    const byHash = new Map(rows.map((row) => [row.key, row]));
    let wait = 0;
    const counts: Array<{ hash: string; failures: number }> = [];
    for (const { key, hash } of hashed) {
      const row = byHash.get(hash);
      const last = row?.lastAttemptAt.getTime() ?? 0;
      const failures = row && now - last < key.policy.resetSeconds * 1000 ? row.failures : 0;
      const delay = delaySeconds(failures, key.policy);
      const until = last + delay * 1000;
      if (delay > 0 && until > now) wait = Math.max(wait, Math.ceil((until - now) / 1000));
      counts.push({ hash, failures });
    }
    if (wait > 0) return { admitted: false as const, retryAfterSeconds: wait };
    for (const { hash, failures } of counts) {
      await tx
        .update(loginThrottle)
        .set({ failures: failures + 1, lastAttemptAt: new Date(now) })
        .where(sql`${loginThrottle.key} = ${hash}`);
    }
    return { admitted: true as const, keys };
  });
}

/** Takes back an admitted attempt that turned out to be the right password (see `ThrottleKey.onSuccess`). */
export async function forgiveLoginAttempt(db: Database, keys: ThrottleKey[]): Promise<void> {
  const hashed = await Promise.all(keys.map(async (key) => ({ key, hash: await sha256Hex(key.name) })));
  const reset = hashed.filter((h) => h.key.onSuccess === "reset").map((h) => h.hash);
  const forgive = hashed.filter((h) => h.key.onSuccess === "forgive").map((h) => h.hash);
  await db.transaction(async (tx) => {
    if (reset.length) await tx.update(loginThrottle).set({ failures: 0 }).where(inArray(loginThrottle.key, reset));
    if (forgive.length) {
      await tx
        .update(loginThrottle)
        .set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` })
        .where(inArray(loginThrottle.key, forgive));
    }
  });
}

