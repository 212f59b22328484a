/**
 * The Neon driver from Node (scripts, test setup), pointed at whichever PostgreSQL a URL names: Neon directly over
 * secure WebSockets, or a server on this machine through an in-process `startRelay`. One implementation so `npm start`,
 * `npm run db:migrate` and the tests reach a database the same way the Worker does.
 *
 * @example
 *   const connection = await connectNeon(process.env.DATABASE_URL);
 *   await connection.pool.query("select 1");
 *   await connection.close();
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Pool, neonConfig } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import { migrate } from "drizzle-orm/neon-serverless/migrator";
import { WebSocket } from "ws";
import { MIGRATIONS_FOLDER, startRelay, type LocalDatabase } from "./local-db.ts";

/** True for a URL whose server is on this machine, which the Neon driver can reach only through our relay. */
export function isLoopbackUrl(databaseUrl: string): boolean {
  const host = new URL(databaseUrl).hostname.replace(/^\[|\]$/g, "");
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Host and port of a URL, without the credentials, for messages. */
export function describeUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

/** The same URL logged in as another role. */
export function withCredentials(databaseUrl: string, user: string, password: string): string {
  const url = new URL(databaseUrl);
  url.username = encodeURIComponent(user);
  url.password = encodeURIComponent(password);
  return url.toString();
}

/**
 * Sets the driver's process-wide configuration for `databaseUrl`. For a loopback server this starts a relay (close it
 * when done); for Neon it restores the driver's defaults. neonConfig is global, so a process talks to one kind at a time.
 */
export async function configureNeonFor(databaseUrl: string): Promise<{ relay: LocalDatabase | null }> {
  neonConfig.webSocketConstructor = WebSocket;
  if (!isLoopbackUrl(databaseUrl)) {
    neonConfig.wsProxy = (host) => `${host}/v2`;
    neonConfig.useSecureWebSocket = true;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = "password";
    return { relay: null };
  }
  const relay = await startRelay({ databaseUrl });
  const proxy = relay.wsProxy;
  neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`;
  // Plain ws:// to the relay and no TLS inside it; pipelined connect fails against SCRAM authentication.
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
  return { relay };
}

export interface NeonConnection {
  pool: Pool;
  close(): Promise<void>;
}

/** A pool for `databaseUrl`, with a relay of its own when the server is local. */
export async function connectNeon(databaseUrl: string): Promise<NeonConnection> {
  const { relay } = await configureNeonFor(databaseUrl);
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  // An idle client's connection dropping (the server restarting) must not crash a script.
  pool.on("error", () => undefined);
  return {
    pool,
    async close() {
      await pool.end();
      await relay?.close();
    },
  };
}

interface JournalEntry {
  tag: string;
  when: number;
}

/**
 * Applies drizzle/ migrations as the URL's role (the database owner) and returns the tags it applied, oldest first.
 * drizzle applies every migration newer than the last one recorded, so the difference in that record is what ran.
 */
export async function migrateDatabase(databaseUrl: string): Promise<string[]> {
  const connection = await connectNeon(databaseUrl);
  try {
    const db = drizzle({ client: connection.pool });
    const before = await lastMigrationMillis(connection.pool);
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const after = await lastMigrationMillis(connection.pool);
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
      entries: JournalEntry[];
    };
    return journal.entries.filter((entry) => entry.when > before && entry.when <= after).map((entry) => entry.tag);
  } finally {
    await connection.close();
  }
}

async function lastMigrationMillis(pool: Pool): Promise<number> {
  const exists = await pool.query<{ table: string | null }>(`select to_regclass('drizzle.__drizzle_migrations')::text as table`);
  if (!exists.rows[0]?.table) return 0;
  const result = await pool.query<{ last: string | null }>(`select max(created_at)::text as last from drizzle.__drizzle_migrations`);
  return Number(result.rows[0]?.last ?? 0);
}
