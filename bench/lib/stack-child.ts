/**
 * Starts bench/stack-process.ts as a child and waits for its ready line, or attaches to a stack that is already
 * running (BENCH_URL). Either way the benchmark gets a URL and, when it started the stack, the process ids to watch.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { StackOptions, StackRuntime } from "../../scripts/lib/stack.ts";
import type { StackReady } from "../stack-process.ts";
import { descendantsNamed, pidListeningOn, type Watched } from "./proc.ts";

/** A type import only above: the stack's module (PGlite and all) is loaded in the stack's process, not here. */
const RUNTIMES: readonly StackRuntime[] = ["wrangler", "miniflare"];
const STACK_PROCESS = fileURLToPath(new URL("../stack-process.ts", import.meta.url));
/**
 * startStack waits up to two minutes for wrangler itself; this covers the database, migrations and, on a machine
 * loaded by other work (load average 8–9 on 2 cores), a start that took 150 s and more.
 */
const START_TIMEOUT_MS = 300_000;
/** stack.stop() gives wrangler 10 s before killing it, then closes the database; 30 s covers both with room. */
const STOP_TIMEOUT_MS = 30_000;

export interface RunningStack {
  url: string;
  database: string;
  /** The local database's control API (latency model and round-trip counts); null when attached or on Neon. */
  databaseControl: string | null;
  /** What to watch for CPU and memory; empty when attached to someone else's stack. */
  watched: Watched[];
  /** The Worker's V8 inspector (wrangler's --inspector-port), when this benchmark started the stack. */
  inspectorPort: number | null;
  stop(): Promise<void>;
}

/**
 * Ports from BENCH_PORT (the Worker; the inspector and the database take the next two), for a machine where several
 * stacks run side by side and each keeps to its own range; default free ones.
 */
export function benchPorts(): Pick<StackOptions, "port" | "inspectorPort" | "databasePort"> {
  const base = Number(process.env.BENCH_PORT);
  if (!Number.isInteger(base) || base <= 0) return {};
  return { port: base, inspectorPort: base + 1, databasePort: base + 2 };
}

/**
 * What serves the Worker: `--runtime miniflare` (or `--runtime=miniflare`, or BENCH_RUNTIME=miniflare) serves the
 * deploy bundle with Miniflare directly, without wrangler dev's proxy process (scripts/lib/miniflare-worker.ts);
 * default wrangler dev, as before.
 */
export function benchRuntime(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): StackRuntime {
  const at = argv.indexOf("--runtime");
  const given = at >= 0 ? argv[at + 1] : (argv.find((arg) => arg.startsWith("--runtime="))?.slice("--runtime=".length) ?? env.BENCH_RUNTIME);
  if (given === undefined || given === "") return "wrangler";
  const runtime = RUNTIMES.find((name) => name === given);
  if (!runtime) throw new Error(`bench: unknown runtime ${JSON.stringify(given)} (${RUNTIMES.join(" or ")})`);
  return runtime;
}

export async function launchStack(
  options: Pick<StackOptions, "vars" | "stateDir" | "logFile" | "freeze" | "freezeRef" | "port" | "inspectorPort" | "databasePort" | "runtime" | "openPool">,
): Promise<RunningStack> {
  options = { ...benchPorts(), runtime: benchRuntime(), ...options };
  // Same Node (22, from the repo) and the same environment, so DATABASE_URL / APP_DATABASE_URL reach startStack.
  // BENCH_STACK_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=<folder>") profiles the process holding the database side.
  const nodeArgs = process.env.BENCH_STACK_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, STACK_PROCESS, JSON.stringify(options)], { stdio: ["pipe", "pipe", "pipe"] });
  const errors: string[] = [];
  child.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const ready = await new Promise<StackReady>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Stopped, not left behind: a stack still starting would keep this process (and its ports) alive.
      child.kill("SIGTERM");
      reject(new Error("bench: the stack did not start in time"));
    }, START_TIMEOUT_MS);
    lines.on("line", (line) => {
      if (!line.startsWith("{")) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as StackReady);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`bench: the stack process exited (${code}) before it was ready:\n${errors.join("")}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const wrangler = ready.wrangler;
  const watched: Watched[] = [
    // wrangler runs two workerd processes: the proxy in front of the dev port and the runtime with the Worker.
    // Miniflare alone runs one, the runtime.
    { name: "workerd", pids: () => (wrangler ? descendantsNamed(wrangler, "workerd") : []), children: false },
    { name: options.runtime === "miniflare" ? "miniflare (node)" : "wrangler (node)", pids: () => (wrangler ? [wrangler] : []), children: false },
  ];
  if (ready.databaseInProcess) {
    watched.push({ name: "database (PGlite, node)", pids: () => [ready.pid], children: false });
  } else {
    const port = Number(new URL(process.env.DATABASE_URL ?? "postgres://x:1/").port || 5432);
    const postmaster = pidListeningOn(port);
    watched.push({ name: "relay (node)", pids: () => [ready.pid], children: false });
    if (postmaster) watched.push({ name: "database (PostgreSQL)", pids: () => [postmaster], children: true });
  }
  watched.push({ name: "bench (autocannon, node)", pids: () => [process.pid], children: false });

  return {
    url: ready.url,
    database: ready.database,
    databaseControl: ready.databaseControl,
    watched,
    inspectorPort: ready.inspectorPort,
    async stop() {
      // Closing stdin asks it to stop cleanly (wrangler, then the database); the kill is the fallback.
      child.stdin.end();
      const force = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(force);
    },
  };
}

export function attachStack(url: string): RunningStack {
  return { url: url.replace(/\/$/, ""), database: "as configured by whoever started it (BENCH_URL)", databaseControl: null, watched: [], inspectorPort: null, stop: async () => undefined };
}
