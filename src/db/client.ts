import { Pool, neonConfig } from "@neondatabase/serverless";
import { sql } from "drizzle-orm";
import { drizzle, type NeonDatabase } from "drizzle-orm/neon-serverless";
import type { AppEnv } from "../env";
import { errorFields, log } from "../lib/log";
import * as schema from "./schema";

export type Database = NeonDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Either the database or an open transaction: functions that only query accept both. */
export type Queryable = Database | Transaction;

export interface DbHandle {
  db: Database;
  /** Closes the pool; call it through `ctx.waitUntil` once the response no longer needs the database. */
  close(): Promise<void>;
}

/**
 * A pool for one request or one queue batch. Workers cannot share I/O objects between requests, so a pool never
 * outlives the invocation that made it.
 */
export function openDatabase(env: Pick<AppEnv, "DATABASE_URL" | "DATABASE_WS_PROXY">): DbHandle {
  if (env.DATABASE_WS_PROXY) {
    // A PostgreSQL without Neon's proxy in front (local dev, tests): plain ws:// to our relay, no TLS inside it.
    const proxy = env.DATABASE_WS_PROXY;
    neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  // An idle client whose socket drops emits 'error' on the pool; unhandled, that would crash the invocation.
  // The next query opens a fresh connection, so logging is all there is to do.
  pool.on("error", (error: Error) => log("warn", "database: idle connection dropped", errorFields(error)));
  return { db: drizzle({ client: pool, schema }), close: () => pool.end() };
}

/**
 * Runs `fn` in a transaction in which row-level security sees `userId` as the current user. Every read or write of
 * documents, jobs and chunks goes through here; without it the policies hide every row.
 */
export function asUser<T>(
  db: Database,
  userId: string,
  fn: (tx: Transaction) => Promise<T>,
  /** More transaction-local settings (e.g. pgvector's), set in the same round trip as the user. */
  settings: Record<string, string> = {},
): Promise<T> {
  return db.transaction(async (tx) => {
    const more = Object.entries(settings).map(([name, value]) => sql`, set_config(${name}, ${value}, true)`);
    await tx.execute(sql`select set_config('app.user_id', ${userId}, true)${sql.join(more)}`);
    return fn(tx);
  });
}
