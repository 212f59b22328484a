/**
 * The database half of the local stack: the Worker always talks through `@neondatabase/serverless`, which speaks the
 * PostgreSQL protocol inside WebSocket frames. This module provides the other end of that WebSocket on one laptop:
 *
 * - `embedded`: PGlite (real Postgres with pgvector, compiled to WASM) in this process, persisted in a folder.
 * - `relay`: a plain WebSocket→TCP relay to a PostgreSQL server (a local one with pgvector, say).
 *
 * Next to the WebSocket, on the same port, `POST /sql` serves Neon's SQL-over-HTTP protocol (./local-sql-http.ts) with a
 * small pool of connections behind it, for the Worker's one-shot queries.
 *
 * PGlite has a single backend, so connections take turns: a connection holds the backend from its first message until
 * the backend is idle again (ReadyForQuery 'I'), which keeps transactions and extended-protocol exchanges whole.
 */
import { once } from "node:events";
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { connect, isIP } from "node:net";
import { fileURLToPath } from "node:url";
import { PGlite, protocol } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { WebSocketServer, type WebSocket } from "ws";
import { createSqlHttpEndpoint, poolBackend, toParameter, type SqlBackend, type SqlHttpEndpoint, type StatementResult } from "./local-sql-http.ts";

export const APP_ROLE = "insurance_app";
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

/** A waiting connection gives up after this long; only a transaction left open by a crashed client holds the backend that long. */
const GATE_TIMEOUT_MS = 30_000;

export interface LocalDatabase {
  /** `postgres://` URL the Worker uses; the host:port is what the relay forwards to. */
  databaseUrl: string;
  /** Value for the Worker's DATABASE_WS_PROXY. */
  wsProxy: string;
  /** Value for the Worker's DATABASE_HTTP_ENDPOINT: Neon's SQL-over-HTTP protocol, pooled. */
  httpEndpoint: string;
  /**
   * Base URL of the control API on the database's port, for the benchmark's latency model: `POST /__latency?ms=20`
   * emulates that round-trip time to a remote database (each WebSocket flight from the Worker and each HTTP request is
   * held that long), `GET /__stats` answers `{round_trips, ws_connections, http_requests}` counted since start, and `sql`: the HTTP
   * endpoint's requests in flight now and at most, and their time waiting for a connection and running statements
   * (`?reset=1` starts those again).
   */
  controlUrl: string;
  /** Connections the HTTP endpoint holds open to the database now (at most its pool size). */
  httpConnections(): number;
  port: number;
  /** Runs SQL as the database owner (embedded only): for tests that must look behind row-level security. */
  close(): Promise<void>;
}

/** Opens (creating and migrating if needed) an embedded PGlite database as the owner role. */
export async function openEmbeddedAsOwner(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: { vector } });
  await migrate(drizzle({ client: db }), { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/**
 * Starts PGlite with migrations applied, reopened as the application role so row-level security binds every query
 * the Worker makes, and a WebSocket endpoint for the Neon driver.
 */
export async function startEmbeddedDatabase(options: { dataDir: string; port?: number }): Promise<LocalDatabase> {
  const owner = await openEmbeddedAsOwner(options.dataDir);
  await owner.close();
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { vector }, username: APP_ROLE });
  const gate = new BackendGate();
  const server = await listen(options.port ?? 0, (socket) => servePglite(db, gate, socket), await pgliteBackend(db, gate));
  return {
    ...endpoints(server),
    databaseUrl: `postgres://${APP_ROLE}:local@localhost:5432/postgres`,
    async close() {
      await closeServer(server);
      await db.close();
    },
  };
}

/**
 * Starts a WebSocket→TCP relay for a PostgreSQL server on this machine (the Neon driver cannot speak raw TCP). With
 * `openPool`, the SQL-over-HTTP endpoint's pool for that connection string (the Worker's) is opened before this
 * resolves: its logins are then not in the first requests that need more than one connection.
 */
export async function startRelay(options: { databaseUrl: string; port?: number; openPool?: string }): Promise<LocalDatabase> {
  const target = new URL(options.databaseUrl);
  const server = await listen(options.port ?? 0, (socket, requested) => relayTcp(socket, requested ?? target));
  if (options.openPool) {
    try {
      await server.sql.open(options.openPool);
    } catch (error) {
      await closeServer(server);
      throw error;
    }
  }
  return { ...endpoints(server), databaseUrl: options.databaseUrl, close: () => closeServer(server) };
}

interface Listening {
  http: Server;
  sockets: WebSocketServer;
  sql: SqlHttpEndpoint;
}

/** How long an idle HTTP connection from the Worker stays open: longer than any pause between its requests. */
const KEEP_ALIVE_MS = 10 * 60_000;

/**
 * Round trips the Worker makes and the emulated distance of each (bench only; zero and uncounted cost otherwise). A
 * round trip is a flight: the first message a connection sends after the database last answered it. Messages of one
 * flight (a pipelined Parse/Bind/Execute/Sync) share one delay.
 */
class Distance {
  ms = 0;
  roundTrips = 0;
  wsConnections = 0;
  httpRequests = 0;

  /** Counts and delays the Worker's flights on `socket`; messages keep their order. */
  attach(socket: WebSocket): void {
    this.wsConnections++;
    const emit = socket.emit.bind(socket);
    const send = socket.send.bind(socket);
    let answered = true;
    let due = 0;
    socket.send = ((...args: Parameters<WebSocket["send"]>) => {
      answered = true;
      return send(...args);
    }) as WebSocket["send"];
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event !== "message") return emit(event, ...args);
      if (answered) {
        this.roundTrips++;
        answered = false;
        due = Math.max(due, Date.now() + this.ms);
      }
      const wait = due - Date.now();
      if (wait <= 0) return emit(event, ...args);
      setTimeout(() => emit(event, ...args), wait);
      return true;
    }) as WebSocket["emit"];
  }
}

function endpoints(server: Listening) {
  const port = (server.http.address() as { port: number }).port;
  return {
    wsProxy: `127.0.0.1:${port}/v1`,
    httpEndpoint: `http://127.0.0.1:${port}/sql`,
    controlUrl: `http://127.0.0.1:${port}`,
    port,
    httpConnections: () => server.sql.connections(),
  };
}

/** One port: WebSocket upgrades for the Neon driver's Pool, `POST /sql` for its `neon()` queries, the bench's control. */
async function listen(port: number, onSocket: (socket: WebSocket, target: URL | null) => void, backend?: SqlBackend): Promise<Listening> {
  let sql: SqlHttpEndpoint | undefined;
  const distance = new Distance();
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://local");
    if (url.pathname === "/__stats") {
      const stats = {
        round_trips: distance.roundTrips,
        ws_connections: distance.wsConnections,
        http_requests: distance.httpRequests,
        sql: sql?.stats(url.searchParams.has("reset")),
      };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(stats));
      return;
    }
    if (url.pathname === "/__latency" && request.method === "POST") {
      distance.ms = Math.max(0, Number(url.searchParams.get("ms") ?? 0) || 0);
      sql?.setDelayMs(distance.ms);
      response.writeHead(204).end();
      return;
    }
    if (sql?.handle(request, response)) {
      distance.httpRequests++;
      distance.roundTrips++;
      return;
    }
    response.writeHead(404).end();
  });
  // workerd keeps its connections to this port open between requests and reuses them. Node closes an idle one after
  // 5 s by default, and a request workerd writes on it at that moment fails ("Broken pipe"; the Worker answers 503
  // database_unavailable): seen in bursts at 100 concurrent searches. Idle connections stay open far longer instead.
  http.keepAliveTimeout = KEEP_ALIVE_MS;
  http.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const sockets = new WebSocketServer({ server: http });
  sockets.on("connection", (socket, request) => {
    const url = new URL(request.url ?? "/", "http://relay");
    distance.attach(socket);
    const address = url.searchParams.get("address");
    onSocket(socket, address ? new URL(`postgres://${address}`) : null);
  });
  http.listen(port, "127.0.0.1");
  await once(http, "listening");
  sql = createSqlHttpEndpoint({ backend: backend ?? poolBackend() });
  return { http, sockets, sql };
}

async function closeServer(server: Listening): Promise<void> {
  await server.sql.close();
  for (const client of server.sockets.clients) client.terminate();
  await new Promise<void>((resolve) => server.sockets.close(() => resolve()));
  server.http.closeAllConnections();
  await new Promise<void>((resolve) => server.http.close(() => resolve()));
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function relayTcp(socket: WebSocket, target: URL): void {
  // Only loopback targets: this relay exists for a database on this machine and must not become an open proxy.
  const host = target.hostname;
  if (!LOOPBACK.has(host) && !(isIP(host) && host.startsWith("127."))) {
    socket.close(1008, "relay only forwards to loopback");
    return;
  }
  const tcp = connect({ host: host === "localhost" ? "127.0.0.1" : host.replace(/^\[|\]$/g, ""), port: Number(target.port || 5432) });
  tcp.on("data", (data) => socket.readyState === socket.OPEN && socket.send(data));
  tcp.on("close", () => socket.close());
  tcp.on("error", () => socket.terminate());
  socket.on("message", (data: Buffer) => void tcp.write(new Uint8Array(data)));
  socket.on("close", () => tcp.destroy());
  socket.on("error", () => tcp.destroy());
}

/**
 * The SQL-over-HTTP endpoint's statements run on PGlite directly, in this process: a request takes the backend (in
 * turn with the WebSocket connections), runs its statements and gives it back, with no connection or WebSocket hop
 * between them. Measured on the loaded 2-core machine, going through a pooled WebSocket connection instead cost ~44 ms
 * per request and let 100 concurrent searches hold the backend across event-loop turns (0.6 searches/s).
 * Values come back as PostgreSQL's text and parameters go in as the driver's text: every type's parser and serializer
 * is the identity (the types are read once; the schema's are all there after migrations). They are set on this
 * instance, which serves nothing else that parses values, rather than passed with each query: PGlite copies a query's
 * `parsers` over its own (one entry per type, ~600) on every call, and that copy was a quarter of this process's CPU
 * per search (BENCHMARKS.md, "Issue 10, session 10").
 */
async function pgliteBackend(db: PGlite, gate: BackendGate): Promise<SqlBackend> {
  const types = await db.query<{ oid: number }>("select oid::int as oid from pg_type");
  const asText = Object.fromEntries(types.rows.map(({ oid }) => [oid, (value: string) => value]));
  Object.assign(db.parsers, asText);
  Object.assign(db.serializers, asText);
  return {
    async connect() {
      const me = { id: nextConnection++ };
      await gate.acquire(me);
      return {
        async query(text, params) {
          const result = await db.query<unknown[]>(text, params, { rowMode: "array" });
          return {
            command: commandOf(text),
            rowCount: result.affectedRows ?? result.rows.length,
            rows: result.rows,
            fields: result.fields,
          };
        },
        /**
         * A batch in one call into PGlite: every statement's Parse, Bind, Describe and Execute, then one Sync, where
         * `query` makes six calls a statement (and a file-system sync after each outside a transaction). Same answers
         * as `query` gives: text values, `{name, dataTypeID}` fields, PGlite's row count (rows changed, 0 for a read).
         */
        async pipeline(statements) {
          const sent = statements.flatMap((statement) => [
            protocol.serialize.parse({ text: statement.query }),
            protocol.serialize.bind({ values: (statement.params ?? []).map(toParameter) }),
            protocol.serialize.describe({ type: "P" }),
            protocol.serialize.execute({}),
          ]);
          sent.push(protocol.serialize.sync());
          const message = new Uint8Array(sent.reduce((size, part) => size + part.length, 0));
          sent.reduce((at, part) => (message.set(part, at), at + part.length), 0);
          // The raw answer, parsed here: `execProtocol`'s own parsing came back empty once the WebSocket connections
          // (`execProtocolRawStream`, below) had used the instance.
          const received: Uint8Array[] = [];
          // onRawData lends a view into PGlite's WASM memory that the next chunk overwrites: copied before keeping it.
          await db.runExclusive(() => db.execProtocolRawStream(message, { onRawData: (data) => received.push(data.slice()) }));
          const answers: BackendMessage[] = [];
          const parser = new protocol.Parser();
          for (const part of received) parser.parse(part, (answer) => answers.push(answer));
          const results: StatementResult[] = [];
          let fields: StatementResult["fields"] = [];
          let rows: unknown[][] = [];
          for (const answer of answers) {
            // The first error: the server skipped the rest up to the Sync; the caller rolls back.
            if (answer instanceof protocol.messages.DatabaseError) throw answer;
            if (answer instanceof protocol.messages.RowDescriptionMessage) fields = answer.fields.map(({ name, dataTypeID }) => ({ name, dataTypeID }));
            else if (answer instanceof protocol.messages.DataRowMessage) rows.push(answer.fields);
            else if (answer instanceof protocol.messages.CommandCompleteMessage || answer.name === "emptyQuery") {
              const statement = statements[results.length];
              results.push({ command: commandOf(statement?.query ?? ""), rowCount: changedRows(answer), rows, fields });
              fields = [];
              rows = [];
            }
          }
          return results;
        },
        async release() {
          if (db.isInTransaction()) await db.exec("ROLLBACK").catch(() => undefined);
          gate.release(me);
        },
      };
    },
    // PGlite is one backend, whatever the load.
    connections: () => 1,
    close: async () => undefined,
  };
}

/** A message PGlite's protocol parser hands back. */
type BackendMessage = Parameters<Parameters<InstanceType<typeof protocol.Parser>["parse"]>[1]>[0];

/** What the endpoint has always called a PGlite statement's command: its first word. */
function commandOf(text: string): string {
  return text.trim().split(/\s+/, 1)[0]?.toUpperCase() ?? "";
}

/** Rows a command tag says were changed, as PGlite counts them for `affectedRows` (0 for a read). */
function changedRows(answer: object): number {
  if (!(answer instanceof protocol.messages.CommandCompleteMessage)) return 0;
  const [command, first, second] = answer.text.split(" ");
  if (command === "INSERT") return Number.parseInt(second ?? "0", 10);
  return ["UPDATE", "DELETE", "COPY", "MERGE"].includes(command ?? "") ? Number.parseInt(first ?? "0", 10) : 0;
}

/** Mutual exclusion over PGlite's one backend, handed from connection to connection in arrival order. */
class BackendGate {
  private owner: object | null = null;
  private readonly waiting: Array<{ who: object; grant: () => void }> = [];

  holds(who: object): boolean {
    return this.owner === who;
  }

  acquire(who: object): Promise<void> {
    if (this.owner === who) return Promise.resolve();
    if (this.owner === null) {
      this.owner = who;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const entry = { who, grant: () => (clearTimeout(timer), resolve()) };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(entry);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new Error(`waited ${GATE_TIMEOUT_MS} ms for the embedded database`));
      }, GATE_TIMEOUT_MS);
      this.waiting.push(entry);
    });
  }

  release(who: object): void {
    if (this.owner !== who) return;
    const next = this.waiting.shift();
    this.owner = next ? next.who : null;
    next?.grant();
  }

  forget(who: object): void {
    const i = this.waiting.findIndex((w) => w.who === who);
    if (i >= 0) this.waiting.splice(i, 1);
    this.release(who);
  }
}

/** Splits a buffer into whole protocol messages; the first message of a connection has no type byte. */
function takeMessages(buffer: Buffer, started: boolean): { messages: Buffer[]; rest: Buffer; started: boolean } {
  const messages: Buffer[] = [];
  let offset = 0;
  while (true) {
    if (!started) {
      if (buffer.length - offset < 4) break;
      const length = buffer.readInt32BE(offset);
      if (buffer.length - offset < length) break;
      const message = buffer.subarray(offset, offset + length);
      offset += length;
      // SSLRequest (80877103) is answered 'N' by the caller and is followed by the real startup message.
      if (length === 8 && message.readInt32BE(4) === 80877103) {
        messages.push(message);
        continue;
      }
      messages.push(message);
      started = true;
      continue;
    }
    if (buffer.length - offset < 5) break;
    const length = 1 + buffer.readInt32BE(offset + 1);
    if (buffer.length - offset < length) break;
    messages.push(buffer.subarray(offset, offset + length));
    offset += length;
  }
  return { messages, rest: Buffer.from(buffer.subarray(offset)) as Buffer, started };
}

/** The transaction status of the last ReadyForQuery in a backend reply, or null when the reply has none. */
function lastReadyStatus(reply: Buffer): string | null {
  let status: string | null = null;
  let offset = 0;
  while (reply.length - offset >= 5) {
    const type = reply[offset];
    const length = reply.readInt32BE(offset + 1);
    if (type === 0x5a && length === 5 && offset + 5 < reply.length) status = String.fromCharCode(reply[offset + 5] ?? 0);
    offset += 1 + length;
  }
  return status;
}

const DEBUG = process.env.LOCAL_DB_DEBUG === "1";
let nextConnection = 1;

function servePglite(db: PGlite, gate: BackendGate, socket: WebSocket): void {
  const me = { id: nextConnection++ };
  const trace = (...args: unknown[]) => DEBUG && console.error(`[local-db #${me.id}]`, ...args);
  let buffer: Buffer = Buffer.alloc(0);
  let started = false;
  let queue: Promise<void> = Promise.resolve();
  let closed = false;

  const finish = async () => {
    if (closed) return;
    closed = true;
    // A client that vanished inside a transaction must not leave the shared backend in it.
    if (gate.holds(me) && db.isInTransaction()) await db.exec("ROLLBACK").catch(() => undefined);
    gate.forget(me);
  };

  const handle = async (message: Buffer, isStartup: boolean) => {
    if (closed) return;
    if (isStartup && message.length === 8 && message.readInt32BE(4) === 80877103) {
      socket.send(Buffer.from("N"));
      return;
    }
    if (!isStartup && message[0] === 0x58) {
      // Terminate ('X') ends this client's session; the shared backend stays up.
      socket.close();
      return;
    }
    const waitStarted = Date.now();
    await gate.acquire(me);
    if (Date.now() - waitStarted > 1000) trace(`waited ${Date.now() - waitStarted} ms`);
    const parts: Uint8Array[] = [];
    // onRawData lends a view into PGlite's WASM memory that the next chunk overwrites: copy before keeping it.
    await db.execProtocolRawStream(new Uint8Array(message), { onRawData: (data) => parts.push(data.slice()) });
    const reply = Buffer.concat(parts);
    if (reply.length > 0 && socket.readyState === socket.OPEN) socket.send(reply);
    const status = lastReadyStatus(reply);
    trace(isStartup ? "startup" : String.fromCharCode(message[0] ?? 0), "->", status ?? "-", reply.length);
    if (status === "I") gate.release(me);
  };

  socket.on("message", (data: Buffer) => {
    const wasStarted = started;
    const taken = takeMessages(Buffer.concat([buffer, data]), started);
    buffer = taken.rest;
    started = taken.started;
    let startupPending = !wasStarted;
    for (const message of taken.messages) {
      const isStartup = startupPending;
      // Everything before the real startup message (an SSLRequest) is a startup-phase message too.
      if (isStartup && !(message.length === 8 && message.readInt32BE(4) === 80877103)) startupPending = false;
      queue = queue.then(() => handle(message, isStartup)).catch(() => socket.terminate());
    }
  });
  socket.on("close", () => {
    trace("closed");
    void queue.then(finish, finish);
  });
  socket.on("error", () => socket.terminate());
}
