/**
 * Neon's SQL-over-HTTP protocol on this machine, so the Worker's one-shot queries (`neon()` and `transaction([...])` of
 * `@neondatabase/serverless`) take the same code path locally, in tests and against Neon.
 *
 * The wire format is the one the driver (1.2) speaks: `POST /sql` with the connection string in
 * `Neon-Connection-String`, `Neon-Raw-Text-Output: true` and `Neon-Array-Mode: true`; the body is one
 * `{query, params}` or a batch `{queries: [{query, params}, ...]}` that runs as one transaction (isolation, read-only
 * and deferrable from the `Neon-Batch-*` headers). The answer is `{fields: [{name, dataTypeID}], rows: [[text...]],
 * command, rowCount}` per statement (a batch's under `results`), every value as PostgreSQL's text output; a failed
 * statement answers 400 with the server's error fields (`message`, `code`, `detail`...).
 *
 * Behind it is a small pool of connections to the same database the WebSocket endpoint serves, as Neon's own HTTP
 * endpoint sits on its connection pooler: a hundred concurrent requests share `POOL_SIZE` backends instead of opening
 * a hundred connections. Embedded PGlite is served in process instead (`SqlBackend` from scripts/lib/local-db.ts):
 * its one backend is reached without a WebSocket hop, holding it only while a request's statements run.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { neonConfig, Pool, type PoolClient } from "@neondatabase/serverless";
import { WebSocket } from "ws";

/**
 * Connections per database behind the endpoint. PostgreSQL's default max_connections is 100; ten leave room for the
 * Worker's WebSocket pools (ingestion, sign-up and login transactions), migrations and tests, and are more than two
 * cores can keep busy. PGlite has one backend, so more would only wait at its gate.
 */
export const POOL_SIZE = 10;
/** A request waits this long for a free connection before it is answered 503, as an overloaded pooler would. */
const ACQUIRE_TIMEOUT_MS = 30_000;
/** Far beyond the largest batch the Worker sends (a search's 20 KB query vector); bounds a runaway client. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** The fields of a PostgreSQL error the driver copies onto its `NeonDbError` (its `hi` list). */
const ERROR_FIELDS = [
  "severity", "code", "detail", "hint", "position", "internalPosition", "internalQuery", "where", "schema", "table",
  "column", "dataType", "constraint", "file", "line", "routine",
] as const;

const ISOLATION: Record<string, string> = {
  ReadUncommitted: "read uncommitted",
  ReadCommitted: "read committed",
  RepeatableRead: "repeatable read",
  Serializable: "serializable",
};

/** Every value as the text PostgreSQL sent: the driver in the Worker parses them by `dataTypeID`, as Neon expects. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value };

interface Statement {
  query: string;
  params?: unknown[];
}

/** One statement's answer in the wire format (less `rowAsArray`). */
export interface StatementResult {
  command: string;
  rowCount: number | null;
  rows: unknown[][];
  fields: Array<{ name: string; dataTypeID: number }>;
}

/** A connection for one request: statements run in order on it, then it is released (broken: not to be reused). */
export interface SqlSession {
  query(text: string, params: unknown[]): Promise<StatementResult>;
  release(broken: boolean): Promise<void> | void;
}

/** Where statements run: a pool of driver connections (PostgreSQL), or PGlite in process. */
export interface SqlBackend {
  connect(connectionString: string): Promise<SqlSession>;
  connections(): number;
  close(): Promise<void>;
}

export interface SqlHttpEndpoint {
  /** Handles `POST /sql`; answers false (and writes nothing) for any other request. */
  handle(request: IncomingMessage, response: ServerResponse): boolean;
  /** Emulated distance: added once per HTTP request, as one round trip to a remote database costs (bench only). */
  setDelayMs(ms: number): void;
  /** Connections open behind the endpoint now, over all its pools. */
  connections(): number;
  /** Requests being served now and at most so far, and where their time went (bench only). */
  stats(reset?: boolean): SqlEndpointStats;
  close(): Promise<void>;
}

export interface SqlEndpointStats {
  in_flight: number;
  max_in_flight: number;
  served: number;
  /** Summed over the requests served: waiting for a connection (PGlite: its one backend), and running statements. */
  acquire_ms: number;
  statements_ms: number;
}

/**
 * Pools of driver connections that reach the database through `wsProxy` (the WebSocket endpoint next to it). Sets the
 * driver's process-wide WebSocket options: a process serves one local database at a time.
 */
export function poolBackend(wsProxy: string): SqlBackend {
  neonConfig.webSocketConstructor = WebSocket;
  neonConfig.wsProxy = (host, port) => `${wsProxy}?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
  const pools = new Map<string, Pool>();
  const poolFor = (connectionString: string) => {
    let pool = pools.get(connectionString);
    if (!pool) {
      // Idle connections stay open (the driver's default closes them after 10 s), as a pooler's server connections do:
      // otherwise the first query after a pause pays a login, and /health's first check in a test file (after ~20 s
      // of starting workerd) missed its 500 ms deadline against PostgreSQL on the loaded CI machine.
      pool = new Pool({ connectionString, max: POOL_SIZE, connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS, idleTimeoutMillis: 0 });
      // A pooled connection that drops (the database restarted) is replaced on next use; nothing to crash for.
      pool.on("error", () => undefined);
      pools.set(connectionString, pool);
    }
    return pool;
  };
  return {
    async connect(connectionString) {
      const client: PoolClient = await poolFor(connectionString).connect();
      return {
        query: (text, params) => run(client, { query: text, params }),
        release: (broken) => client.release(broken),
      };
    },
    connections: () => [...pools.values()].reduce((sum, pool) => sum + pool.totalCount, 0),
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.end().catch(() => undefined)));
      pools.clear();
    },
  };
}

export function createSqlHttpEndpoint(options: { backend: SqlBackend; delayMs?: number }): SqlHttpEndpoint {
  const { backend } = options;
  let delayMs = options.delayMs ?? 0;
  const counters: SqlEndpointStats = { in_flight: 0, max_in_flight: 0, served: 0, acquire_ms: 0, statements_ms: 0 };

  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const connectionString = header(request, "neon-connection-string");
    if (!connectionString) return sendJson(response, 400, { message: "missing Neon-Connection-String" });
    let body: Statement | { queries: Statement[] };
    try {
      body = JSON.parse(await readBody(request)) as typeof body;
    } catch {
      return sendJson(response, 400, { message: "the body is not JSON" });
    }
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    let session: SqlSession;
    const acquireStarted = performance.now();
    try {
      session = await backend.connect(connectionString);
    } catch (error) {
      return sendText(response, 503, `could not connect to the database: ${(error as Error).message}`);
    }
    const statementsStarted = performance.now();
    counters.acquire_ms += statementsStarted - acquireStarted;
    let broken = false;
    try {
      if ("queries" in body) {
        const results = await runBatch(session, body.queries, request);
        sendJson(response, 200, { results });
      } else {
        sendJson(response, 200, { ...(await session.query(body.query, body.params ?? [])), rowAsArray: true });
      }
    } catch (error) {
      if (isServerError(error)) {
        sendJson(response, 400, errorBody(error));
      } else {
        broken = true;
        sendText(response, 503, `the database connection failed: ${(error as Error).message}`);
      }
    } finally {
      await session.release(broken);
      counters.statements_ms += performance.now() - statementsStarted;
    }
  };

  return {
    handle(request, response) {
      const path = new URL(request.url ?? "/", "http://local").pathname;
      if (request.method !== "POST" || path !== "/sql") return false;
      counters.in_flight++;
      counters.max_in_flight = Math.max(counters.max_in_flight, counters.in_flight);
      response.once("close", () => {
        counters.in_flight--;
        counters.served++;
      });
      serve(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendText(response, 500, `local SQL endpoint failed: ${String(error)}`);
      });
      return true;
    },
    setDelayMs(ms) {
      delayMs = ms;
    },
    connections: () => backend.connections(),
    stats(reset = false) {
      const now = { ...counters, acquire_ms: Math.round(counters.acquire_ms), statements_ms: Math.round(counters.statements_ms) };
      if (reset) Object.assign(counters, { max_in_flight: counters.in_flight, served: 0, acquire_ms: 0, statements_ms: 0 });
      return now;
    },
    close: () => backend.close(),
  };
}

async function run(client: PoolClient, statement: Statement): Promise<StatementResult> {
  const result = await client.query({ text: statement.query, values: statement.params ?? [], rowMode: "array", types: RAW_TEXT });
  return {
    command: result.command,
    rowCount: result.rowCount,
    rows: result.rows,
    fields: result.fields.map((field) => ({
      name: field.name,
      dataTypeID: field.dataTypeID,
      tableID: field.tableID,
      columnID: field.columnID,
      dataTypeSize: field.dataTypeSize,
      dataTypeModifier: field.dataTypeModifier,
      format: field.format,
    })),
  };
}

/** A batch is one transaction: all of it or, on the first error, none of it (the error answers the request). */
async function runBatch(session: SqlSession, statements: Statement[], request: IncomingMessage) {
  const isolation = ISOLATION[header(request, "neon-batch-isolation-level") ?? ""];
  const readOnly = header(request, "neon-batch-read-only") === "true";
  const deferrable = header(request, "neon-batch-deferrable") === "true";
  await session.query(`begin${isolation ? ` isolation level ${isolation}` : ""}${readOnly ? " read only" : ""}${deferrable ? " deferrable" : ""}`, []);
  try {
    const results = [];
    for (const statement of statements) results.push({ ...(await session.query(statement.query, statement.params ?? [])), rowAsArray: true });
    await session.query("commit", []);
    return results;
  } catch (error) {
    await session.query("rollback", []).catch(() => undefined);
    throw error;
  }
}

function isServerError(error: unknown): error is Error & Record<string, unknown> {
  return error instanceof Error && typeof (error as { code?: unknown }).code === "string" && typeof (error as { severity?: unknown }).severity === "string";
}

function errorBody(error: Error & Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { message: error.message };
  for (const field of ERROR_FIELDS) if (error[field] !== undefined) body[field] = error[field];
  return body;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error("body too large");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "content-type": "text/plain" }).end(text);
}
