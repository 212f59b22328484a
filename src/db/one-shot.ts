import { neon, neonConfig } from "@neondatabase/serverless";
import { sql, type SQL } from "drizzle-orm";
import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import { drizzle, type NeonHttpDatabase } from "drizzle-orm/neon-http";
import { PgDialect } from "drizzle-orm/pg-core";
import type { AppEnv } from "../env";
import { SessionEndedError } from "../lib/service-errors";
import { toDatabaseError } from "./errors";

/** Renders drizzle's `sql` templates to text and parameters exactly as its own drivers do. */
const dialect = new PgDialect();

/**
 * Queries that need no conversation with the database: each call is one HTTPS request to Neon's SQL endpoint (locally,
 * the stack's endpoint that speaks the same protocol, scripts/lib/local-sql-http.ts). No connection is opened, no
 * login is computed in the Worker, and `asUser` sends the row-level-security setting and the statement as one
 * transaction in that one request, where the WebSocket pool spends a round trip on each of connect, BEGIN, set_config,
 * the statement and COMMIT.
 *
 * For work that reads and then decides what to write (storing a document's chunks, a login), use the pool
 * (`openDatabase` and `asUser` in ./client.ts): a batch cannot look at one result before sending the next statement.
 */
export interface OneShotDatabase {
  /** One statement outside any transaction: for what row-level security does not cover (SECURITY DEFINER lookups). */
  query<T extends Record<string, unknown>>(statement: SQL): Promise<T[]>;
  /**
   * The statement in a transaction where row-level security sees `userId` (plus more transaction-local `settings`,
   * e.g. pgvector's), all in one request.
   *
   * @example const rows = await oneShot.asUser<{ id: string }>(userId, sql`select id from documents`);
   */
  asUser<T extends Record<string, unknown>>(userId: string, statement: SQL, settings?: Record<string, string>): Promise<T[]>;
  /**
   * drizzle queries built on `db` (the data layer's query functions take it), run as the member in one request: the
   * row-level-security setting and the queries are one transaction, and each result comes back as drizzle maps it
   * (camelCase fields, dates), as the pool's `asUser` would give it.
   *
   * @example const [jobs] = await oneShot.asUserQueries(userId, (db) => [jobQuery(db, userId, jobId)] as const);
   */
  asUserQueries<T extends Readonly<[BatchItem<"pg">, ...BatchItem<"pg">[]]>>(userId: string, build: (db: NeonHttpDatabase) => T): Promise<BatchResponse<T>>;
}

/**
 * A login session to confirm in the next member transaction instead of in a request of its own (`requireAuthForRead`).
 * `active` is unknown until a transaction of that user has carried the check.
 */
export interface SessionGate {
  readonly userId: string;
  readonly sessionId: string;
  active?: boolean;
}

export interface OneShotOptions {
  /** The request's session still to confirm, if any: the first `asUser`/`asUserQueries` for its user carries it. */
  session?: () => SessionGate | undefined;
}

export function openOneShot(env: Pick<AppEnv, "DATABASE_URL" | "DATABASE_HTTP_ENDPOINT">, options: OneShotOptions = {}): OneShotDatabase {
  // Process-wide in the driver, like the WebSocket proxy in ./client.ts; set only for a local database.
  if (env.DATABASE_HTTP_ENDPOINT) neonConfig.fetchEndpoint = env.DATABASE_HTTP_ENDPOINT;
  const client = neon(env.DATABASE_URL);
  const prepare = (statement: SQL) => {
    const { sql: text, params } = dialect.sqlToQuery(statement);
    return client.query(text, params);
  };
  /** The gate this user's transaction should settle, if one is waiting. */
  const pending = (userId: string) => {
    const gate = options.session?.();
    return gate && gate.active === undefined && gate.userId === userId ? gate : undefined;
  };
  /**
   * The transaction's first statement: the member's setting (and `more`), and with a gate, the session check too. An
   * ended session's transaction runs with no user, so row-level security shows it nothing. `offset 0` keeps the
   * subquery apart: pulled up into the outer select, its call was copied into both places that read `s.active` and
   * the check ran twice.
   */
  const userSetting = (userId: string, gate: SessionGate | undefined, more: SQL = sql``) =>
    gate
      ? sql`select set_config('app.user_id', case when s.active then ${userId} else '' end, true)${more}, s.active
            from (select auth_session_active(${userId}, ${gate.sessionId}) as active offset 0) s`
      : sql`select set_config('app.user_id', ${userId}, true)${more}`;
  /** Records what the check found; an ended session ends the request here, whatever the statements returned. */
  const settle = (gate: SessionGate | undefined, rows: unknown) => {
    if (!gate) return;
    const first = Array.isArray(rows) ? (rows[0] as { active?: unknown } | undefined) : undefined;
    gate.active = first?.active === true || first?.active === "t";
    if (!gate.active) throw new SessionEndedError();
  };
  return {
    async query<T extends Record<string, unknown>>(statement: SQL) {
      try {
        return (await prepare(statement)) as T[];
      } catch (error) {
        throw toDatabaseError(error);
      }
    },
    async asUserQueries<T extends Readonly<[BatchItem<"pg">, ...BatchItem<"pg">[]]>>(userId: string, build: (db: NeonHttpDatabase) => T) {
      const db = drizzle({ client });
      const gate = pending(userId);
      let setting: unknown;
      let results: unknown[];
      try {
        [setting, ...results] = await db.batch([db.execute(userSetting(userId, gate)), ...build(db)]);
      } catch (error) {
        throw toDatabaseError(error);
      }
      settle(gate, (setting as { rows?: unknown } | undefined)?.rows);
      return results as BatchResponse<T>;
    },
    async asUser<T extends Record<string, unknown>>(userId: string, statement: SQL, settings: Record<string, string> = {}) {
      const more = Object.entries(settings).map(([name, value]) => sql`, set_config(${name}, ${value}, true)`);
      const gate = pending(userId);
      let setting: unknown;
      let rows: unknown;
      try {
        [setting, rows] = await client.transaction([prepare(userSetting(userId, gate, sql.join(more))), prepare(statement)]);
      } catch (error) {
        // Unwrapped from the driver's error, so an outage does not carry the statement and its parameters along.
        throw toDatabaseError(error);
      }
      settle(gate, setting);
      return (rows ?? []) as T[];
    },
  };
}
