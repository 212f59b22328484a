/** Direct database access for tests that must look at rows the API does not show. Runs inside workerd. */
import { env } from "cloudflare:workers";
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
