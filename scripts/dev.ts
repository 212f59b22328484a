/**
 * `npm start`: the whole service on this machine with no accounts or keys. `wrangler dev` runs the Worker (R2, queues
 * and Durable Objects simulated, persisted in .data/wrangler); the database is an embedded PGlite in .data/pglite, or
 * the PostgreSQL named by DATABASE_URL. See docs/local-development.md.
 *
 * @example
 *   npm start                                                  # embedded database
 *   DATABASE_URL=postgres://owner:pw@127.0.0.1:5432/db \
 *   APP_DATABASE_URL=postgres://insurance_app:pw@127.0.0.1:5432/db npm start
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedDatabase, startRelay, type LocalDatabase } from "./lib/local-db.ts";
import { describeUrl, isLoopbackUrl, migrateDatabase } from "./lib/neon-node.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const devVarsPath = join(root, ".dev.vars");
const host = "127.0.0.1";
const port = Number(process.env.PORT ?? 8787);
const WRANGLER_STOP_TIMEOUT_MS = 10_000;

if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  console.error(`npm start: PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

let wrangler: ChildProcess | null = null;
let database: DevDatabase | null = null;
let stopping = false;

/** Ctrl-C or a kill: wrangler first (it holds connections), then the database, then exit 0. */
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.log(`\nnpm start: ${signal}, stopping wrangler and the database`);
  if (wrangler && wrangler.exitCode === null && wrangler.signalCode === null) {
    const exited = new Promise((resolve) => wrangler?.once("exit", resolve));
    wrangler.kill("SIGTERM");
    // Wrangler stops workerd and exits within a second or two; one that hangs is not allowed to keep the database open.
    const force = setTimeout(() => wrangler?.kill("SIGKILL"), WRANGLER_STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(force);
  }
  await database?.close();
  process.exit(0);
};
process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));

const devVars = ensureDevVars();
database = await startDatabase();
if (stopping) {
  // A signal arrived while the database was starting; stop() found nothing to close yet.
  await database.close();
  process.exit(0);
}
printBanner(database.description, devVars);

// Wrangler's script run by this very Node (22, from the repo), not by whatever `node` the .bin shim finds on PATH.
wrangler = spawn(
  process.execPath,
  [
    join(root, "node_modules", "wrangler", "bin", "wrangler.js"),
    "dev",
    "--ip",
    host,
    "--port",
    String(port),
    "--persist-to",
    join(".data", "wrangler"),
    // `--var NAME:VALUE` splits on the first colon only, so URLs pass intact; --var wins over .dev.vars.
    "--var",
    `DATABASE_URL:${database.workerUrl}`,
    ...(database.wsProxy ? ["--var", `DATABASE_WS_PROXY:${database.wsProxy}`] : []),
  ],
  { cwd: root, stdio: "inherit" },
);
wrangler.on("error", async (error) => {
  if (stopping) return;
  stopping = true;
  console.error(`npm start: could not run wrangler: ${error.message}`);
  await database?.close();
  process.exit(1);
});
wrangler.on("exit", async (code, signal) => {
  if (stopping) return;
  stopping = true;
  console.log(`npm start: wrangler exited (${signal ?? code}); stopping the database`);
  await database?.close();
  process.exit(code ?? 1);
});

/** Writes .dev.vars with a fresh JWT secret on first start; an existing file is the developer's and is never touched. */
function ensureDevVars(): Map<string, string> {
  if (!existsSync(devVarsPath)) {
    const secret = randomBytes(48).toString("base64url");
    writeFileSync(
      devVarsPath,
      [
        "# Local secrets for `npm start` (git-ignored). Written once by scripts/dev.ts; edit freely.",
        "# Add OPENAI_API_KEY / ANTHROPIC_API_KEY / LLAMA_CLOUD_API_KEY here to use the paid providers.",
        `JWT_SECRET=${secret}`,
        "",
      ].join("\n"),
      { mode: 0o600 },
    );
    console.log("npm start: wrote .dev.vars with a new random JWT_SECRET");
  }
  const vars = new Map<string, string>();
  for (const line of readFileSync(devVarsPath, "utf8").split("\n")) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match?.[1] && match[2]) vars.set(match[1], match[2].replace(/^(["'])(.*)\1$/, "$2"));
  }
  return vars;
}

interface DevDatabase {
  /** DATABASE_URL as the Worker sees it. */
  workerUrl: string;
  /** DATABASE_WS_PROXY, or null when the Worker talks to Neon directly. */
  wsProxy: string | null;
  description: string;
  close(): Promise<void>;
}

async function startDatabase(): Promise<DevDatabase> {
  const configured = process.env.DATABASE_URL;
  if (!configured) {
    const dataDir = join(root, ".data", "pglite");
    const embedded = await startEmbeddedDatabase({ dataDir });
    return fromLocal(embedded, embedded.databaseUrl, `embedded PGlite in ${relative(root, dataDir)} (ws ${embedded.wsProxy})`);
  }
  const workerUrl = process.env.APP_DATABASE_URL || configured;
  const role = decodeURIComponent(new URL(workerUrl).username);
  if (!isLoopbackUrl(configured)) {
    return {
      workerUrl,
      wsProxy: null,
      description: `${describeUrl(workerUrl)} as ${role} (direct; migrate it with npm run db:migrate)`,
      close: async () => undefined,
    };
  }
  const applied = await migrateDatabase(configured);
  console.log(`npm start: migrations ${applied.length ? `applied: ${applied.join(", ")}` : "up to date"}`);
  const relay = await startRelay({ databaseUrl: configured });
  return fromLocal(relay, workerUrl, `PostgreSQL at ${describeUrl(workerUrl)} as ${role} (relay ws ${relay.wsProxy})`);
}

function fromLocal(local: LocalDatabase, workerUrl: string, description: string): DevDatabase {
  let closed: Promise<void> | null = null;
  return {
    workerUrl,
    wsProxy: local.wsProxy,
    description,
    // Called from both the signal and the exit path; PGlite must be closed exactly once to leave its folder consistent.
    close: () => (closed ??= local.close()),
  };
}

/** Which provider each service will use, by the same rule as src/providers/selection.ts: a key selects the paid one. */
function printBanner(databaseDescription: string, vars: Map<string, string>): void {
  const embeddings = vars.get("EMBEDDING_PROVIDER") ?? (vars.has("OPENAI_API_KEY") ? "openai" : "offline");
  const llm =
    vars.get("LLM_PROVIDER") ?? (vars.has("OPENAI_API_KEY") ? "openai" : vars.has("ANTHROPIC_API_KEY") ? "anthropic" : "offline");
  const parser = vars.get("PARSER_PROVIDER") ?? (vars.has("LLAMA_CLOUD_API_KEY") ? "llamaparse" : "builtin");
  console.log(
    [
      "",
      `  Insurance Navigator  http://${host}:${port}   (health: http://${host}:${port}/health)`,
      `  database   ${databaseDescription}`,
      `  providers  embeddings=${embeddings}  chat=${llm}  parser=${parser}   (keys from .dev.vars)`,
      `  state      .data/ (R2, queues, Durable Objects in .data/wrangler)   Ctrl-C stops everything`,
      "",
    ].join("\n"),
  );
}
