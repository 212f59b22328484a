import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase, startRelay, type LocalDatabase } from "../scripts/lib/local-db.ts";
import { startTestServers } from "./support/node-servers.ts";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseWsProxy: string;
    fixturesUrl: string;
    openaiUrl: string;
    anthropicUrl: string;
    llamaParseUrl: string;
  }
}

/**
 * Starts the database the Worker under test talks to: the PostgreSQL named by TEST_DATABASE_URL (through a relay), or
 * else an embedded PGlite with pgvector in a throwaway folder.
 */
export default async function setup(project: TestProject) {
  let database: LocalDatabase;
  let dataDir: string | undefined;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    database = await startRelay({ databaseUrl: external });
  } else {
    dataDir = mkdtempSync(join(tmpdir(), "insurance-navigator-test-"));
    database = await startEmbeddedDatabase({ dataDir });
  }
  project.provide("databaseUrl", database.databaseUrl);
  project.provide("databaseWsProxy", database.wsProxy);
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
