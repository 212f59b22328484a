/** Direct database access for tests that must look at rows the API does not show. Runs inside workerd. */
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { asUser, openDatabase, type Database } from "../../src/db/client";

export async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const handle = openDatabase(env);
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

export function asTestUser<T>(userId: string, fn: Parameters<typeof asUser<T>>[2]): Promise<T> {
  return withDatabase((db) => asUser(db, userId, fn));
}

/**
 * Database round trips counted so far at the local database's endpoint (scripts/lib/local-db.ts `/__stats`): each
 * `POST /sql` and each WebSocket flight the Worker made, from every test file so far. Compare two readings.
 */
export async function databaseRoundTrips(): Promise<number> {
  const response = await fetch(`${new URL(inject("databaseHttpEndpoint")).origin}/__stats`);
  if (!response.ok) throw new Error(`the database endpoint's stats answered ${response.status}`);
  return (await response.json<{ round_trips: number }>()).round_trips;
}
