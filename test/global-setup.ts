import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { APP_ROLE, startEmbeddedDatabase, startRelay, type LocalDatabase } from "../scripts/lib/local-db.ts";
import { connectNeon, describeUrl, migrateDatabase, withCredentials } from "../scripts/lib/neon-node.ts";
import { startTestServers } from "./support/node-servers.ts";

/**
 * Starts the database the Worker under test talks to: the PostgreSQL named by TEST_DATABASE_URL (the owner's URL:
 * migrated, then reached by the Worker as insurance_app through a relay), or else an embedded PGlite with pgvector in a
 * throwaway folder.
 */
export default async function setup(project: TestProject) {
  let database: LocalDatabase;
  let dataDir: string | undefined;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const appUrl = await prepareExternalDatabase(external);
    database = await startRelay({ databaseUrl: appUrl });
    await warmSqlEndpoint(database.httpEndpoint, appUrl);
  } else {
    dataDir = mkdtempSync(join(tmpdir(), "insurance-navigator-test-"));
    database = await startEmbeddedDatabase({ dataDir });
  }
  project.provide("databaseUrl", database.databaseUrl);
  project.provide("databaseWsProxy", database.wsProxy);
  project.provide("databaseHttpEndpoint", database.httpEndpoint);
  const servers = await startTestServers();
  project.provide("fixturesUrl", servers.fixturesUrl);
  project.provide("openaiUrl", servers.openaiUrl);
  project.provide("anthropicUrl", servers.anthropicUrl);
  project.provide("llamaParseUrl", servers.llamaParseUrl);
  return async () => {
    await servers.close();
    await database.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * Migrates a real PostgreSQL as its owner and returns a URL for the application role, so the Worker under test is
 * bound by row-level security exactly as in production. The password is new on every run: the role is cluster-wide.
 */
async function prepareExternalDatabase(ownerUrl: string): Promise<string> {
  const applied = await migrateDatabase(ownerUrl);
  console.log(`TEST_DATABASE_URL ${describeUrl(ownerUrl)}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  const password = randomBytes(24).toString("hex");
  const owner = await connectNeon(ownerUrl);
  try {
    // Utility statements take no parameters; the password is hex, so it needs no quoting beyond the literal.
    await owner.pool.query(`ALTER ROLE ${APP_ROLE} LOGIN PASSWORD '${password}'`);
  } finally {
    await owner.close();
  }
  const appUrl = withCredentials(ownerUrl, APP_ROLE, password);
  const app = await connectNeon(appUrl);
  try {
    const { rows } = await app.pool.query<{ role: string; bypass: boolean }>(
      "select current_user as role, rolsuper or rolbypassrls as bypass from pg_roles where rolname = current_user",
    );
    if (rows[0]?.role !== APP_ROLE || rows[0].bypass !== false) {
      throw new Error(`the Worker's role must be ${APP_ROLE} without BYPASSRLS, got ${JSON.stringify(rows[0])}`);
    }
  } finally {
    await app.close();
  }
  return appUrl;
}

/**
 * One query through the relay's SQL-over-HTTP endpoint, so its pool has logged in before the first test: otherwise the
 * first file's first query pays the login, and /health's 500 ms database check missed it on the loaded CI machine.
 * (Idle connections then stay open; see scripts/lib/local-sql-http.ts.)
 */
async function warmSqlEndpoint(endpoint: string, connectionString: string): Promise<void> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/json", "neon-connection-string": connectionString },
    body: JSON.stringify({ query: "select 1", params: [] }),
  });
  if (!response.ok) throw new Error(`the SQL endpoint answered ${response.status}: ${await response.text()}`);
}
