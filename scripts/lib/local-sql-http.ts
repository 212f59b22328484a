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
 * a hundred connections. The pool's connections are plain TCP to PostgreSQL (`TcpAsWebSocket`), not WebSockets
 * through the stack's own relay. Embedded PGlite is served in process instead (`SqlBackend` from
 * scripts/lib/local-db.ts): its one backend is reached without a WebSocket hop, holding it only while a request's
 * statements run.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { connect, isIP, type Socket } from "node:net";
import { Client, Pool, type Connection, type PoolClient, type Submittable } from "@neondatabase/serverless";

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
  /**
   * The statements sent together and answered together, in order (one round trip to the database instead of one
   * each); on the first error the database skips the rest and the promise rejects with that error. Without it, a
   * batch runs statement by statement through `query`.
   */
  pipeline?(statements: Statement[]): Promise<StatementResult[]>;
  release(broken: boolean): Promise<void> | void;
}

/** Where statements run: a pool of driver connections (PostgreSQL), or PGlite in process. */
export interface SqlBackend {
  connect(connectionString: string): Promise<SqlSession>;
  /**
   * Opens all the connections a pool may hold for this connection string now, each a login, instead of on the requests
   * that first need them (a pooler's server connections are open before its clients come). Nothing for a backend
   * without a pool.
   */
  open?(connectionString: string): Promise<void>;
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
  /** Opens the pool for this connection string to its full size now (`SqlBackend.open`). */
  open(connectionString: string): Promise<void>;
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
 * Pools of driver connections, each a TCP connection to the database on this machine. The driver (the one the
 * Worker uses, so both speak the same protocol version) only knows WebSockets; `DirectClient` gives each of its
 * connections a TCP socket behind that interface. Measured against PostgreSQL 15 on the loaded 2-core machine, the
 * WebSocket hop through the relay in this same process cost more CPU per search than the endpoint's own work
 * (BENCHMARKS.md, "The local SQL endpoint's CPU").
 */
export function poolBackend(): SqlBackend {
  const pools = new Map<string, Pool>();
  const poolFor = (connectionString: string) => {
    const key = poolKey(connectionString);
    let pool = pools.get(key);
    if (!pool) {
      // Idle connections stay open (the driver's default closes them after 10 s), as a pooler's server connections do:
      // otherwise the first query after a pause pays a login, and /health's first check in a test file (after ~20 s
      // of starting workerd) missed its 500 ms deadline against PostgreSQL on the loaded CI machine.
      pool = new DirectPool({ connectionString, max: POOL_SIZE, connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS, idleTimeoutMillis: 0 });
      // A pooled connection that drops (the database restarted) is replaced on next use; nothing to crash for.
      pool.on("error", () => undefined);
      pools.set(key, pool);
    }
    return pool;
  };
  return {
    async connect(connectionString) {
      const client: PoolClient = await poolFor(connectionString).connect();
      return {
        query: (text, params) => run(client, { query: text, params }),
        async pipeline(statements) {
          const pipeline = new Pipeline(statements);
          void client.query(pipeline);
          return pipeline.done;
        },
        release: (broken) => client.release(broken),
      };
    },
    async open(connectionString) {
      // POOL_SIZE clients held at once, so the pool makes every one of them, then all given back.
      const pool = poolFor(connectionString);
      const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
      for (const client of clients) client.release();
    },
    connections: () => [...pools.values()].reduce((sum, pool) => sum + pool.totalCount, 0),
    async close() {
      await Promise.all([...pools.values()].map((pool) => pool.end().catch(() => undefined)));
      pools.clear();
    },
  };
}

/**
 * Which pool serves a connection string: the driver sends the Worker's `postgres://…` as `postgresql://…` with its own
 * `application_name` added, and `open` is given the Worker's string as configured; both name the same database, role
 * and options, so they share a pool.
 */
function poolKey(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    url.protocol = "postgres:";
    url.searchParams.delete("application_name");
    return url.toString();
  } catch {
    return connectionString;
  }
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/**
 * The part of the WebSocket interface the driver's socket uses (`binaryType`, `addEventListener`, `send`, `close`),
 * over a TCP connection: what would arrive as a WebSocket message arrives as the bytes PostgreSQL sent, with no
 * framing, masking or second hop. Only loopback targets, like the relay (scripts/lib/local-db.ts).
 */
class TcpAsWebSocket {
  binaryType = "arraybuffer";
  private readonly tcp: Socket;
  private corked = false;
  private readonly listeners = new Map<string, Array<(event: unknown) => void>>();

  constructor(url: string) {
    // The driver asks for `ws://<wsProxy(host, port)>`; `DirectClient` makes that the database's own host:port.
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, "");
    if (!LOOPBACK.has(target.hostname) && !(isIP(host) && host.startsWith("127."))) {
      throw new Error("the local SQL endpoint only connects to a database on this machine");
    }
    this.tcp = connect({ host: host === "localhost" ? "127.0.0.1" : host, port: Number(target.port || 5432) });
    this.tcp.setNoDelay(true);
    this.tcp.on("connect", () => this.emit("open", {}));
    this.tcp.on("data", (data: Buffer) => this.emit("message", { data }));
    this.tcp.on("error", (error) => this.emit("error", error));
    this.tcp.on("close", () => this.emit("close", {}));
  }

  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(data: Uint8Array): void {
    // The driver writes each protocol message on its own; what it writes in one turn goes out in one segment.
    if (!this.corked) {
      this.corked = true;
      this.tcp.cork();
      process.nextTick(() => {
        this.corked = false;
        this.tcp.uncork();
      });
    }
    this.tcp.write(data);
  }

  close(): void {
    this.tcp.end();
  }

  private emit(type: string, event: unknown): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** The driver's client with its socket on TCP; set per client, so the process-wide `neonConfig` is left alone. */
class DirectClient extends Client {
  constructor(config?: ConstructorParameters<typeof Client>[0]) {
    super(config);
    const socket = this.neonConfig;
    socket.webSocketConstructor = TcpAsWebSocket as unknown as typeof socket.webSocketConstructor;
    socket.wsProxy = (host, port) => `${host}:${port}`;
    socket.useSecureWebSocket = false;
    socket.pipelineTLS = false;
    socket.pipelineConnect = false;
  }
}

/** The driver's pool, making `DirectClient`s (it sets its own `Client` when constructed, so this comes after). */
class DirectPool extends Pool {
  constructor(config: ConstructorParameters<typeof Pool>[0]) {
    super(config);
    this.Client = DirectClient;
  }
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
    open: async (connectionString) => {
      await backend.open?.(connectionString);
    },
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
  const begin = `begin${isolation ? ` isolation level ${isolation}` : ""}${readOnly ? " read only" : ""}${deferrable ? " deferrable" : ""}`;
  if (session.pipeline) {
    try {
      const results = await session.pipeline([{ query: begin }, ...statements, { query: "commit" }]);
      return results.slice(1, -1).map((result) => ({ ...result, rowAsArray: true }));
    } catch (error) {
      // The failed statement left the transaction aborted (or never began it); either way nothing of it stays.
      await session.query("rollback", []).catch(() => undefined);
      throw error;
    }
  }
  await session.query(begin, []);
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

/**
 * A batch's statements as one pipeline on a driver connection: each statement's Parse, Bind, Describe and Execute,
 * then a single Sync, written together, so BEGIN, the statements and COMMIT cost the database one round trip instead
 * of one each. Measured on the loaded 2-core machine, each round trip between this process and PostgreSQL cost
 * ~1.5–2 ms of waiting (both processes scheduled in turn), three of them per one-shot request (BENCHMARKS.md,
 * "Issue 10, session 12"). The protocol's own rule gives the batch's semantics: after an error the server skips
 * everything up to the Sync, so the statements after the failed one never run, and the caller rolls back. Every
 * statement goes through the extended protocol, as Neon's proxy sends them (the driver's `query` sends one without
 * parameters as a simple query instead). Values come back as the server's text, as `RAW_TEXT` gives them.
 *
 * This is the driver's `Submittable` (the interface pg-cursor and pg-query-stream use): the client hands it the
 * connection to write to and the messages that answer it.
 */
class Pipeline implements Submittable {
  private readonly results: StatementResult[] = [];
  private fields: StatementResult["fields"] = [];
  private rows: unknown[][] = [];
  private settle: { resolve: (results: StatementResult[]) => void; reject: (error: Error) => void } | null = null;
  /** Each statement's answer, once the server has answered the Sync; the first error otherwise. */
  readonly done: Promise<StatementResult[]>;
  private readonly statements: Statement[];

  constructor(statements: Statement[]) {
    this.statements = statements;
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }

  submit(driverConnection: Connection): void {
    // The driver's declared `Connection` is an older pg's (a `more` argument on each method); these are the methods it has.
    const connection = driverConnection as unknown as PipelineConnection;
    for (const statement of this.statements) {
      connection.parse({ text: statement.query, name: "", types: [] });
      connection.bind({ portal: "", statement: "", values: statement.params ?? [], binary: false, valueMapper: toParameter });
      connection.describe({ type: "P", name: "" });
      connection.execute({ portal: "", rows: 0 });
    }
    connection.sync();
  }

  handleRowDescription(message: { fields: StatementResult["fields"] }): void {
    this.fields = message.fields;
  }

  handleDataRow(message: { fields: unknown[] }): void {
    this.rows.push(message.fields);
  }

  handleCommandComplete(message: { text: string }): void {
    // As the driver's `Result` reads the command tag: "SELECT 5", "INSERT 0 1", "BEGIN".
    const tag = /^([A-Za-z]+)(?: (\d+))?(?: (\d+))?/.exec(message.text);
    this.finish(tag?.[1] ?? null, tag?.[3] ? Number.parseInt(tag[3], 10) : tag?.[2] ? Number.parseInt(tag[2], 10) : null);
  }

  handleEmptyQuery(): void {
    this.finish(null, null);
  }

  handleError(error: Error): void {
    this.settle?.reject(error);
  }

  handleReadyForQuery(): void {
    this.settle?.resolve(this.results);
  }

  handlePortalSuspended(): void {
    // Never asked for: every Execute asks for all rows.
  }

  handleCopyInResponse(connection: PipelineConnection): void {
    connection.sendCopyFail("COPY FROM STDIN is not served over HTTP");
  }

  handleCopyData(): void {
    // A COPY TO STDOUT's data is not part of the answer, as with the driver's own queries.
  }

  private finish(command: string | null, rowCount: number | null): void {
    this.results.push({ command: command as string, rowCount, rows: this.rows, fields: this.fields });
    this.fields = [];
    this.rows = [];
  }
}

/** The driver's connection methods a `Pipeline` writes with (pg's `Connection`). */
interface PipelineConnection {
  parse(query: { text: string; name: string; types: number[] }): void;
  bind(config: { portal: string; statement: string; values: unknown[]; binary: boolean; valueMapper: (value: unknown) => string | null }): void;
  describe(message: { type: "P"; name: string }): void;
  execute(config: { portal: string; rows: number }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

/**
 * A parameter as the driver's `prepareValue` turns a JSON value into PostgreSQL's text (what `query` did with it
 * before): null stays null, an array becomes an array literal, an object its JSON, anything else its string.
 */
export function toParameter(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function arrayLiteral(values: unknown[]): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return "NULL";
    if (Array.isArray(item)) return arrayLiteral(item);
    return `"${String(toParameter(item)).replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(",")}}`;
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
