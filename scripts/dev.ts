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
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startStack, type Stack } from "./lib/stack.ts";

const devVarsPath = join(ROOT, ".dev.vars");
const port = Number(process.env.PORT ?? 8787);

if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  console.error(`npm start: PORT must be a port number, got ${process.env.PORT}`);
  process.exit(2);
}

let stack: Stack | null = null;
let stopping = false;
const starting = new AbortController();

/** Ctrl-C or a kill: wrangler first (it holds connections), then the database, then exit 0. */
const stop = async (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  console.log(`\nnpm start: ${signal}, stopping wrangler and the database`);
  // During start-up startStack itself stops what it started and rejects; the catch below exits.
  starting.abort();
  await stack?.stop();
  process.exit(0);
};
process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));

const devVars = ensureDevVars();
try {
  // State in .data/ (PGlite in .data/pglite, wrangler in .data/wrangler) and secrets from .dev.vars, kept across runs.
  stack = await startStack({ port, stateDir: join(ROOT, ".data"), devVars: true, signal: starting.signal });
} catch (error) {
  if (stopping) process.exit(0);
  console.error(`npm start: ${(error as Error).message}`);
  process.exit(1);
}
printBanner(stack.url, stack.database, devVars);
const code = await stack.exited;
if (!stopping) {
  stopping = true;
  console.log(`npm start: wrangler exited (${code}); stopping the database`);
  await stack.stop();
  process.exit(code);
}

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

/** Which provider each service will use, by the same rule as src/providers/selection.ts: a key selects the paid one. */
function printBanner(url: string, databaseDescription: string, vars: Map<string, string>): void {
  const embeddings = vars.get("EMBEDDING_PROVIDER") ?? (vars.has("OPENAI_API_KEY") ? "openai" : "offline");
  const llm =
    vars.get("LLM_PROVIDER") ?? (vars.has("OPENAI_API_KEY") ? "openai" : vars.has("ANTHROPIC_API_KEY") ? "anthropic" : "offline");
  const parser = vars.get("PARSER_PROVIDER") ?? (vars.has("LLAMA_CLOUD_API_KEY") ? "llamaparse" : "builtin");
  console.log(
    [
      "",
      `  Insurance Navigator  ${url}   (health: ${url}/health)`,
      `  database   ${databaseDescription}`,
      `  providers  embeddings=${embeddings}  chat=${llm}  parser=${parser}   (keys from .dev.vars)`,
      `  state      .data/ (R2, queues, Durable Objects in .data/wrangler)   Ctrl-C stops everything`,
      "",
    ].join("\n"),
  );
}
