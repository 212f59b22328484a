/**
 * The whole local stack from a script: a database (embedded PGlite, or the PostgreSQL named by DATABASE_URL through a
 * relay) and `wrangler dev` running the Worker, answered on a loopback port once /health says the database is up.
 * `npm start`, `npm run bench` and `npm run eval` all start it here, so they run the same service.
 *
 * By default the stack is throwaway and isolated: state in a fresh temp folder deleted by stop(), a random JWT secret,
 * and the developer's .dev.vars ignored (so a paid key in it is never used by a benchmark). `npm start` asks for the
 * persistent, .dev.vars-reading variant with `stateDir` and `devVars`.
 *
 * @example
 *   const stack = await startStack({ vars: { LLM_PROVIDER: "offline" }, quiet: true });
 *   await fetch(`${stack.url}/health`);
 *   await stack.stop();
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { cpSync, createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedDatabase, startRelay, type LocalDatabase } from "./local-db.ts";
import type { MiniflareWorkerArgs } from "./miniflare-worker.ts";
import { describeUrl, isLoopbackUrl, migrateDatabase } from "./neon-node.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const HOST = "127.0.0.1";
/** Wrangler stops workerd and exits within a second or two; one that hangs is not allowed to keep the database open. */
const WRANGLER_STOP_TIMEOUT_MS = 10_000;
/** First start bundles the Worker and boots workerd: ~5 s here; a cold machine or CI runner can take several times that. */
const READY_TIMEOUT_MS = 120_000;
/** How often readiness is polled: short against a ~5 s start, long enough not to flood wrangler's log. */
const READY_POLL_MS = 250;
/** Lines of wrangler's output kept in quiet mode, shown if it fails to start: enough for a stack trace. */
const KEPT_OUTPUT_LINES = 60;

export interface StackOptions {
  /** Port for the Worker; default a free one. */
  port?: number;
  /** Port for wrangler's DevTools inspector (not `devVars`); default a free one. 9229, node's default, is often taken. */
  inspectorPort?: number;
  /** Port of the local database's endpoint (WebSocket, SQL over HTTP and control API); default a free one. */
  databasePort?: number;
  /** Extra Worker bindings, passed as `--var NAME:VALUE` (they win over wrangler.toml and .dev.vars). */
  vars?: Record<string, string>;
  /** Keep wrangler's output to ourselves (shown only if it fails to start); default: print it. */
  quiet?: boolean;
  /** With quiet: also append all of wrangler's output (the Worker's logs) to this file, for a post-mortem. */
  logFile?: string;
  /** Folder for PGlite (`pglite/`) and wrangler's R2/queue/DO state (`wrangler/`); default a temp folder stop() deletes. */
  stateDir?: string;
  /** Read the repo's .dev.vars like plain `wrangler dev` (npm start); default ignore it and use a random JWT secret. */
  devVars?: boolean;
  /** PostgreSQL instead of embedded PGlite; default process.env.DATABASE_URL. See docs/local-development.md. */
  databaseUrl?: string;
  /** The URL the Worker uses (the app role) when databaseUrl is the owner's; default process.env.APP_DATABASE_URL. */
  appDatabaseUrl?: string;
  /**
   * With a PostgreSQL on this machine: open the local SQL endpoint's pool (its ten connections, each a login) before the
   * Worker starts, as a pooler's connections are open before traffic comes, rather than inside the first burst of
   * concurrent requests (the benchmark's first 100-connection phase). Default: opened as requests need them.
   */
  openPool?: boolean;
  /**
   * Run a frozen copy of the Worker's source instead of the live tree: wrangler dev reloads the Worker whenever a file
   * under src/ changes, which in a shared checkout restarts it mid-measurement. "head" copies the committed version
   * (results then belong to a commit), "worktree" the files as they are now, `{ commit }` an older version (a
   * before/after measurement). Default: the live tree (npm start).
   */
  freeze?: "head" | "worktree" | { commit: string };
  /** With freeze "head": another commit instead (the benchmark's "before" column). */
  freezeRef?: string;
  /** Aborting it while the stack starts stops what has started and rejects (npm start's Ctrl-C during start-up). */
  signal?: AbortSignal;
  /**
   * What serves the Worker. "wrangler" (default): `wrangler dev`, two workerd processes (its proxy and the runtime),
   * reloading on edits. "miniflare": the Worker bundled as `wrangler deploy` bundles it and served by Miniflare
   * directly, one workerd process, no proxy, no inspector, no reload (./miniflare-worker.ts); for measuring what
   * wrangler dev's own layers cost.
   */
  runtime?: StackRuntime;
}

export type StackRuntime = "wrangler" | "miniflare";
const MINIFLARE_WORKER = fileURLToPath(new URL("./miniflare-worker.ts", import.meta.url));

export interface Stack {
  url: string;
  /** Stops wrangler, then the database, then deletes a temp state folder. Safe to call more than once. */
  stop(): Promise<void>;
  /** One line saying which database the Worker uses, for banners and reports. */
  database: string;
  /** The local database's control API (latency model, round-trip counts; scripts/lib/local-db.ts); null for Neon. */
  databaseControl: string | null;
  /** Whether the database runs inside this process (embedded PGlite) or elsewhere (a PostgreSQL server). */
  databaseInProcess: boolean;
  /** wrangler's DevTools port (the Worker's V8 inspector), when this stack chose it; null with `devVars` (npm start) or Miniflare. */
  inspectorPort: number | null;
  /** Resolves with wrangler's exit code if it exits on its own (not through stop()). */
  exited: Promise<number>;
  /** Process ids of wrangler's Node process (or Miniflare's) and the workerd processes under it, for memory and CPU readings. */
  pids(): { wrangler: number | null; workerd: number[] };
  /** Kills wrangler and workerd with SIGKILL, as a crash or an out-of-memory kill would: nothing shuts down cleanly. */
  crashWorker(): Promise<void>;
  /** Starts wrangler again on the same port, state and database (after crashWorker), and waits for /health. */
  restartWorker(): Promise<void>;
  /** Takes the database away under the running Worker (its endpoint closes; connections are refused). */
  stopDatabase(): Promise<void>;
  /** Brings the database back on the same endpoint, with the data it had. */
  startDatabase(): Promise<void>;
}

/** Starts the database and wrangler dev and waits until GET /health answers 200. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const port = options.port ?? (await freePort());
  const temporary = options.stateDir === undefined;
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), "insurance-navigator-stack-"));
  mkdirSync(stateDir, { recursive: true });

  let database: StackDatabase;
  try {
    database = await startDatabase(options, stateDir);
  } catch (error) {
    if (temporary) rmSync(stateDir, { recursive: true, force: true });
    throw error;
  }
  if (options.signal?.aborted) {
    await database.close();
    if (temporary) rmSync(stateDir, { recursive: true, force: true });
    throw new Error("stack: start-up aborted");
  }

  let workerDir = ROOT;
  if (options.freeze) {
    try {
      workerDir = freezeWorker(options.freeze, join(stateDir, "worker"), options.freezeRef);
    } catch (error) {
      await database.close();
      if (temporary) rmSync(stateDir, { recursive: true, force: true });
      throw error;
    }
  }

  const vars: Record<string, string> = {};
  const args = [
    join(ROOT, "node_modules", "wrangler", "bin", "wrangler.js"),
    "dev",
    "--ip",
    HOST,
    "--port",
    String(port),
    "--persist-to",
    join(stateDir, "wrangler"),
  ];
  let inspectorPort: number | null = null;
  if (!options.devVars) {
    // An --env-file makes wrangler skip .dev.vars; an empty one adds nothing. The inspector gets a free port so
    // several stacks (bench, eval, npm start) can run side by side.
    const envFile = join(stateDir, "empty.env");
    writeFileSync(envFile, "");
    inspectorPort = options.inspectorPort ?? (await freePort());
    args.push("--env-file", envFile, "--inspector-port", String(inspectorPort));
    vars.JWT_SECRET = randomBytes(48).toString("base64url");
  }
  if (options.quiet) args.push("--show-interactive-dev-session=false");
  Object.assign(vars, options.vars, { DATABASE_URL: database.workerUrl });
  if (database.wsProxy) vars.DATABASE_WS_PROXY = database.wsProxy;
  if (database.httpEndpoint) vars.DATABASE_HTTP_ENDPOINT = database.httpEndpoint;
  // `--var NAME:VALUE` splits on the first colon only, so URLs pass intact.
  for (const [name, value] of Object.entries(vars)) args.push("--var", `${name}:${value}`);
  if (options.runtime === "miniflare") {
    // The same Worker, state folder, vars and secrets, served without wrangler dev's proxy and inspector.
    inspectorPort = null;
    args.splice(0, args.length, ...miniflareArgs({ workerDir, port, persistTo: join(stateDir, "wrangler"), vars, envFile: options.devVars ? undefined : join(stateDir, "empty.env") }));
  }

  const output: string[] = [];
  const logStream = options.quiet && options.logFile ? createWriteStream(options.logFile, { flags: "a" }) : null;
  const keep = (chunk: Buffer) => {
    logStream?.write(chunk);
    output.push(...chunk.toString().split("\n"));
    output.splice(0, Math.max(0, output.length - KEPT_OUTPUT_LINES));
  };

  let stopping: Promise<void> | null = null;
  let resolveExited: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExited = resolve));
  let wrangler: ChildProcess;
  /** Set while crashWorker kills wrangler on purpose: that exit is not wrangler exiting "on its own". */
  let crashing = false;

  const spawnWrangler = () => {
    // Wrangler's script run by this very Node (22, from the repo), not by whatever `node` the .bin shim finds on PATH.
    const child = spawn(process.execPath, args, {
      cwd: workerDir,
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
      // Its own process group, so stop() can reach workerd too if wrangler dev dies without taking it down.
      detached: true,
      // Stacks on one machine share wrangler's dev registry by default and reload each other when one starts or
      // stops; a private registry per stack keeps parallel eval, bench and test runs apart.
      env: { ...process.env, WRANGLER_REGISTRY_PATH: join(stateDir, "registry") },
    });
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    child.once("exit", (code, signal) => {
      if (!stopping && !crashing) resolveExited(code ?? (signal ? 128 : 1));
    });
    child.once("error", () => {
      if (!stopping && !crashing) resolveExited(1);
    });
    return child;
  };
  wrangler = spawnWrangler();

  const stop = () =>
    (stopping ??= (async () => {
      await stopWrangler(wrangler);
      logStream?.end();
      await database.close();
      if (temporary) rmSync(stateDir, { recursive: true, force: true });
      else if (workerDir !== ROOT) rmSync(workerDir, { recursive: true, force: true });
    })());

  const url = `http://${HOST}:${port}`;
  const ready = async () => {
    try {
      await waitForHealth(url, exited, options.signal);
    } catch (error) {
      await stop();
      const tail = options.quiet && output.length ? `\n--- wrangler output (last lines) ---\n${output.join("\n")}` : "";
      throw new Error(`${(error as Error).message}${tail}`);
    }
  };
  await ready();
  return {
    url,
    stop,
    database: database.description,
    databaseControl: database.controlUrl,
    databaseInProcess: database.inProcess,
    inspectorPort,
    exited,
    pids: () => ({ wrangler: wrangler.pid ?? null, workerd: wrangler.pid ? descendantsNamed(wrangler.pid, "workerd") : [] }),
    async crashWorker() {
      const pid = wrangler.pid;
      if (pid === undefined || wrangler.exitCode !== null || wrangler.signalCode !== null) return;
      crashing = true;
      const gone = once(wrangler, "exit");
      signalGroup(pid, "SIGKILL");
      await gone;
      crashing = false;
    },
    async restartWorker() {
      wrangler = spawnWrangler();
      await ready();
    },
    stopDatabase: () => database.stop(),
    startDatabase: () => database.start(),
  };
}

/** The command line of scripts/lib/miniflare-worker.ts for one stack (a function of its own, for its test). */
export function miniflareArgs(args: Omit<MiniflareWorkerArgs, "host">): string[] {
  const full: MiniflareWorkerArgs = { ...args, host: HOST };
  return [MINIFLARE_WORKER, JSON.stringify(full)];
}

/**
 * What wrangler needs to build the Worker: its source, its config, package.json (read by /health), and the web app
 * with its build script (wrangler.toml's [build] builds it into the copy's dist/web).
 */
const WORKER_FILES = ["src", "wrangler.toml", "package.json", "tsconfig.json", "web", "scripts/build-web.ts"];

/** Copies the Worker's files to `dir` (from a commit, HEAD or `ref`, or the working tree) with node_modules linked; returns `dir`. */
function freezeWorker(from: NonNullable<StackOptions["freeze"]>, dir: string, ref = "HEAD"): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (from !== "worktree") {
    const archive = join(dir, "head.tar");
    const commit = from === "head" ? ref : from.commit;
    execFileSync("git", ["-C", ROOT, "archive", "--format=tar", "-o", archive, commit, ...WORKER_FILES]);
    execFileSync("tar", ["-xf", archive, "-C", dir]);
    rmSync(archive);
  } else {
    for (const file of WORKER_FILES) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}

/** A port nobody listens on right now: the OS picks it, we release it, wrangler takes it a moment later. */
/**
 * A port nothing listens on: any the system gives, or the first free one in STACK_PORTS ("8900-8929"), for a shared
 * machine where each user of it keeps to a range.
 */
export async function freePort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.STACK_PORTS ?? "");
  if (!range) return listenOnce(0);
  for (let port = Number(range[1]); port <= Number(range[2]); port++) {
    if (takenPorts.has(port)) continue;
    try {
      takenPorts.add(await listenOnce(port));
      return port;
    } catch {
      // In use; try the next one.
    }
  }
  throw new Error(`no free port in STACK_PORTS ${process.env.STACK_PORTS}`);
}

/** Ports this process has handed out: free when checked, but maybe about to be taken by the program given them. */
const takenPorts = new Set<number>();

async function listenOnce(port: number): Promise<number> {
  const server = createServer();
  server.listen(port, HOST);
  await Promise.race([once(server, "listening"), once(server, "error").then(([error]) => Promise.reject(error))]);
  const { port: bound } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return bound;
}

interface StackDatabase {
  workerUrl: string;
  wsProxy: string | null;
  /** Neon's SQL-over-HTTP protocol in front of a local database; null for Neon, which serves its own. */
  httpEndpoint: string | null;
  controlUrl: string | null;
  description: string;
  inProcess: boolean;
  close(): Promise<void>;
  /** Closes the endpoint the Worker connects to (the data stays); `start` opens it again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function startDatabase(options: StackOptions, stateDir: string): Promise<StackDatabase> {
  const configured = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!configured) {
    const dataDir = join(stateDir, "pglite");
    // The port asked for, else any (port 0) unless STACK_PORTS asks for a range.
    const embedded = await startEmbeddedDatabase({ dataDir, port: options.databasePort ?? (process.env.STACK_PORTS ? await freePort() : undefined) });
    // Relative inside the repository; a throwaway folder is not worth naming (and its path is this machine's).
    const shown = dataDir.startsWith(ROOT) ? relative(ROOT, dataDir) : "a temporary folder";
    const restart = (port: number) => startEmbeddedDatabase({ dataDir, port });
    return fromLocal(embedded, restart, embedded.databaseUrl, `embedded PGlite in ${shown} (ws ${embedded.wsProxy})`, true);
  }
  const workerUrl = options.appDatabaseUrl ?? (process.env.APP_DATABASE_URL || configured);
  const role = decodeURIComponent(new URL(workerUrl).username);
  if (!isLoopbackUrl(configured)) {
    return {
      workerUrl,
      wsProxy: null,
      httpEndpoint: null,
      controlUrl: null,
      description: `${describeUrl(workerUrl)} as ${role} (direct; migrate it with npm run db:migrate)`,
      inProcess: false,
      close: async () => undefined,
      stop: () => Promise.reject(new Error("stack: a remote database cannot be stopped from here")),
      start: () => Promise.reject(new Error("stack: a remote database cannot be started from here")),
    };
  }
  const applied = await migrateDatabase(configured);
  console.log(`stack: migrations ${applied.length ? `applied: ${applied.join(", ")}` : "up to date"}`);
  const openPool = options.openPool ? workerUrl : undefined;
  const relay = await startRelay({ databaseUrl: configured, port: options.databasePort ?? (process.env.STACK_PORTS ? await freePort() : undefined), openPool });
  const restart = (port: number) => startRelay({ databaseUrl: configured, port, openPool });
  return fromLocal(relay, restart, workerUrl, `PostgreSQL at ${describeUrl(workerUrl)} as ${role} (relay ws ${relay.wsProxy})`, false);
}

function fromLocal(
  first: LocalDatabase,
  restart: (port: number) => Promise<LocalDatabase>,
  workerUrl: string,
  description: string,
  inProcess: boolean,
): StackDatabase {
  let local: LocalDatabase | null = first;
  let closed: Promise<void> | null = null;
  return {
    workerUrl,
    wsProxy: first.wsProxy,
    httpEndpoint: first.httpEndpoint,
    controlUrl: first.controlUrl,
    description,
    inProcess,
    // PGlite must be closed exactly once to leave its folder consistent.
    close: () => (closed ??= local ? local.close() : Promise.resolve()),
    async stop() {
      const running = local;
      local = null;
      await running?.close();
    },
    async start() {
      local ??= await restart(first.port);
    },
  };
}

async function stopWrangler(wrangler: ChildProcess): Promise<void> {
  const pid = wrangler.pid;
  if (pid !== undefined && wrangler.exitCode === null && wrangler.signalCode === null) {
    const exited = once(wrangler, "exit");
    wrangler.kill("SIGTERM");
    const force = setTimeout(() => signalGroup(pid, "SIGKILL"), WRANGLER_STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(force);
  }
  // workerd normally goes with wrangler; a leftover in wrangler's group is ended so it frees its port.
  if (pid !== undefined) signalGroup(pid, "SIGTERM");
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function waitForHealth(url: string, exited: Promise<number>, signal: AbortSignal | undefined): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let exitCode: number | null = null;
  void exited.then((code) => (exitCode = code));
  let last = "no answer";
  while (Date.now() < deadline) {
    if (exitCode !== null) throw new Error(`stack: wrangler exited (${exitCode}) before ${url} was ready`);
    if (signal?.aborted) throw new Error("stack: start-up aborted");
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  throw new Error(`stack: ${url}/health not ready after ${READY_TIMEOUT_MS / 1000} s (last: ${last})`);
}

/** Processes under `root` (any depth) whose command name is `name`, from /proc; empty where there is no /proc. */
function descendantsNamed(root: number, name: string): number[] {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name is in parentheses and may contain spaces; the parent pid is the second field after it.
      const close = stat.lastIndexOf(")");
      names.set(Number(entry), stat.slice(stat.indexOf("(") + 1, close));
      parents.set(Number(entry), Number(stat.slice(close + 2).split(" ")[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  for (const [pid, comm] of names) {
    if (comm !== name) continue;
    for (let up = parents.get(pid); up !== undefined && up > 1; up = parents.get(up)) {
      if (up === root) {
        found.push(pid);
        break;
      }
    }
  }
  return found;
}
