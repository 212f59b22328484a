import { Pool, neonConfig, type PoolClient } from "@neondatabase/serverless";
import { sql } from "drizzle-orm";
import { drizzle, type NeonDatabase } from "drizzle-orm/neon-serverless";
import type { AppEnv } from "../env";
import { errorFields, log } from "../lib/log";
import { toDatabaseError } from "./errors";
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
  const pool = new Pool({ connectionString: env.DATABASE_URL, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle client whose socket drops emits 'error' on the pool; unhandled, that would crash the invocation.
  // The next query opens a fresh connection, so logging is all there is to do.
  pool.on("error", (error: Error) => log("warn", "database: idle connection dropped", errorFields(error)));
  return { db: drizzle({ client: guarded(pool), schema }), close: () => pool.end() };
}

/**
 * Neon answers a cold compute within a few seconds; a connection still not open after 10 s is not going to be, and
 * the caller is better served by a 503 it can retry than by a request that hangs.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The pool with every failure of `query` and `connect` passed through `toDatabaseError`: the WebSocket transport
 * rejects with an `ErrorEvent`, which is not an `Error` (Hono's error handler would not see it, and the runtime's
 * HTML error page would answer), and "too many connections" must read as unavailable, not as a bug. A client that
 * `connect` hands out (drizzle's transactions) is guarded the same way.
 */
function guarded(pool: Pool): Pool {
  return new Proxy(pool, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (property === "query" && typeof value === "function") return guardQuery(target, value);
      if (property === "connect" && typeof value === "function") {
        return async () => {
          const client: PoolClient = await Reflect.apply(value, target, []).catch((error: unknown) => {
            throw toDatabaseError(error);
          });
          client.query = guardQuery(client, client.query) as PoolClient["query"];
          return client;
        };
      }
      return value;
    },
  });
}

function guardQuery(owner: object, query: Function): (...args: unknown[]) => Promise<unknown> {
  return async (...args: unknown[]) => {
    try {
      return await Reflect.apply(query, owner, args);
    } catch (error) {
      throw toDatabaseError(error);
    }
  };
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
  return db
    .transaction(async (tx) => {
      const more = Object.entries(settings).map(([name, value]) => sql`, set_config(${name}, ${value}, true)`);
      await tx.execute(sql`select set_config('app.user_id', ${userId}, true)${sql.join(more)}`);
      return fn(tx);
    })
    .catch((error: unknown) => {
      // Unwrapped from drizzle's query error, so an outage does not carry the statement and its parameters along.
      throw toDatabaseError(error);
    });
}
