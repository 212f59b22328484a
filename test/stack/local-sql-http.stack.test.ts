/**
 * The local stack's SQL-over-HTTP endpoint (scripts/lib/local-sql-http.ts), driven by the real `neon()` client of
 * `@neondatabase/serverless` from Node, as the Worker drives it: wire format, batches as transactions, errors, and a
 * burst of requests sharing a bounded pool.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { neon, neonConfig, type NeonQueryFunction } from "@neondatabase/serverless";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase, type LocalDatabase } from "../../scripts/lib/local-db.ts";
import { createServer } from "node:http";
import { once } from "node:events";
import { createSqlHttpEndpoint, poolBackend, POOL_SIZE } from "../../scripts/lib/local-sql-http.ts";

let dataDir: string;
let database: LocalDatabase;
let sql: NeonQueryFunction<false, false>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "insurance-navigator-sql-http-"));
  database = await startEmbeddedDatabase({ dataDir });
  neonConfig.fetchEndpoint = database.httpEndpoint;
  sql = neon(database.databaseUrl);
});

afterAll(async () => {
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the local SQL-over-HTTP endpoint", () => {
  it("answers in Neon's wire format, which the driver parses into typed values", async () => {
    const [row] = await sql.query("select 1::int as n, $1::text as t, '2026-01-02T03:04:05Z'::timestamptz as at, null::int as z, true as b", ["x"]);
    expect(row).toEqual({ n: 1, t: "x", at: new Date("2026-01-02T03:04:05Z"), z: null, b: true });
  });

  it("runs a batch as one transaction, so a transaction-local setting is seen by the next statement and by no later request", async () => {
    const id = crypto.randomUUID();
    const [, seenRows] = await sql.transaction([
      sql.query("select set_config('app.user_id', $1, true)", [id]),
      sql.query("select current_setting('app.user_id') as user_id"),
    ]);
    expect(seenRows?.[0]).toEqual({ user_id: id });
    const [after] = await sql.query("select coalesce(current_setting('app.user_id', true), '') as user_id");
    expect(after).toEqual({ user_id: "" });
  });

  it("answers a failed statement with the server's error and SQLSTATE, and leaves nothing of its batch behind", async () => {
    const failed = await sql
      .transaction([sql.query("select set_config('app.user_id', 'batch-left-over', false)"), sql.query("select * from no_such_table")])
      .catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: "42P01", severity: "ERROR" });
    const [after] = await sql.query("select coalesce(current_setting('app.user_id', true), '') as user_id");
    expect(after).toEqual({ user_id: "" });
  });

  it("answers 100 concurrent requests on a bounded pool of connections", async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => sql.transaction([sql.query("select set_config('app.user_id', $1, true)", [String(i)]), sql.query("select $1::int as i", [i])])),
    );
    expect(answers.map(([, rows]) => (rows?.[0] as { i: number } | undefined)?.i)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(database.httpConnections()).toBeGreaterThan(0);
    expect(database.httpConnections()).toBeLessThanOrEqual(POOL_SIZE);
  });

  it("counts each HTTP request as one round trip of the Worker's, not the pool's own traffic behind it (bench's latency model)", async () => {
    const roundTrips = async () => ((await (await fetch(`${database.controlUrl}/__stats`)).json()) as { round_trips: number }).round_trips;
    const before = await roundTrips();
    await sql.transaction([sql.query("select set_config('app.user_id', 'counted', true)"), sql.query("select 1 as one")]);
    expect((await roundTrips()) - before).toBe(1);
  });

  it("takes an emulated distance and gives it back", async () => {
    expect((await fetch(`${database.controlUrl}/__latency?ms=5`, { method: "POST" })).status).toBe(204);
    const [row] = await sql.query("select 2 as two");
    expect(row).toEqual({ two: 2 });
    expect((await fetch(`${database.controlUrl}/__latency?ms=0`, { method: "POST" })).status).toBe(204);
  });
});

/**
 * The backend the relay mode uses, its connections plain TCP, here to a PGlite that speaks PostgreSQL's protocol on a
 * port (pglite-socket keeps each connection's transaction together on the one backend), behind an endpoint the Neon
 * driver's HTTP queries reach.
 */
async function withPooledEndpoint(run: (parts: { postgres: PGLiteSocketServer; endpoint: ReturnType<typeof createSqlHttpEndpoint> }) => Promise<void>): Promise<void> {
  const db = await PGlite.create();
  const postgres = new PGLiteSocketServer({ db, port: 0, host: "127.0.0.1", maxConnections: POOL_SIZE });
  await postgres.start();
  const endpoint = createSqlHttpEndpoint({ backend: poolBackend() });
  const server = createServer((request, response) => void endpoint.handle(request, response));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const previous = neonConfig.fetchEndpoint;
  neonConfig.fetchEndpoint = `http://127.0.0.1:${(server.address() as { port: number }).port}/sql`;
  try {
    await run({ postgres, endpoint });
  } finally {
    neonConfig.fetchEndpoint = previous;
    await endpoint.close();
    server.closeAllConnections();
    server.close();
    await postgres.stop();
    await db.close();
  }
}

describe("the endpoint's pool of driver connections (what serves a PostgreSQL server)", () => {
  it("answers 100 concurrent batches through at most POOL_SIZE pooled TCP connections", async () => {
    await withPooledEndpoint(async ({ postgres, endpoint }) => {
      const pooled = neon(`postgres://postgres:local@${postgres.getServerConn()}/postgres`);
      const [row] = await pooled.query("select $1::int + 1 as n, null::text as t", [41]);
      expect(row).toEqual({ n: 42, t: null });
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) => pooled.transaction([pooled.query("select set_config('app.user_id', $1, true)", [String(i)]), pooled.query("select current_setting('app.user_id') as u")])),
      );
      expect(answers.map(([, rows]) => (rows?.[0] as { u: string } | undefined)?.u)).toEqual(Array.from({ length: 100 }, (_, i) => String(i)));
      expect(endpoint.connections()).toBeGreaterThan(1);
      expect(endpoint.connections()).toBeLessThanOrEqual(POOL_SIZE);

      // A batch's statements are sent to the database in one pipeline: the same answers, and a failed statement
      // still leaves nothing of its batch behind on the pooled connection that ran it.
      const [counted, typed] = await pooled.transaction([
        pooled.query("select count(*)::int as n from (values (1), (2)) v"),
        pooled.query("select $1::int + 1 as n, $2::text[] as a, null::text as t", [1, ["x", 'y"z']]),
      ]);
      expect(counted).toEqual([{ n: 2 }]);
      expect(typed).toEqual([{ n: 2, a: ["x", 'y"z'], t: null }]);
      for (let i = 0; i < POOL_SIZE; i++) {
        const failed = await pooled
          .transaction([pooled.query("select set_config('app.user_id', 'batch-left-over', false)"), pooled.query("select * from no_such_table"), pooled.query("select 1")])
          .catch((error: unknown) => error);
        expect(failed).toMatchObject({ code: "42P01", severity: "ERROR" });
      }
      const after = await Promise.all(Array.from({ length: POOL_SIZE }, () => pooled.query("select coalesce(current_setting('app.user_id', true), '') as user_id")));
      expect(after.flat()).toEqual(Array.from({ length: POOL_SIZE }, () => ({ user_id: "" })));
    });
  });

  it("opens its whole pool when asked, before any request, and serves from it (the benchmark's stacks)", async () => {
    await withPooledEndpoint(async ({ postgres, endpoint }) => {
      // As the Worker's DATABASE_URL is configured; the driver sends it as postgresql://…?application_name=…
      const url = `postgres://postgres:local@${postgres.getServerConn()}/postgres`;
      expect(endpoint.connections()).toBe(0);
      await endpoint.open(url);
      expect(endpoint.connections()).toBe(POOL_SIZE);
      const [row] = await neon(url).query("select 1::int as n");
      expect(row).toEqual({ n: 1 });
      expect(endpoint.connections()).toBe(POOL_SIZE);
    });
  });
});
