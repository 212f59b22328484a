/**
 * The Worker served by Miniflare directly, without `wrangler dev`: the stack's `runtime: "miniflare"`
 * (scripts/lib/stack.ts), for measuring what wrangler dev's own layers cost. `wrangler dev` runs two workerd processes,
 * a proxy in front of the dev port (it buffers requests while the Worker reloads) and the runtime with the Worker;
 * here there is one, with the Worker's port served by Miniflare's own entry worker inside it, as wrangler dev's second
 * process serves it.
 *
 * The Worker is bundled as it is deployed (`wrangler deploy --dry-run --outdir`, which also runs wrangler.toml's
 * [build] for the web app), and its bindings (R2, Queues and their consumers, Durable Objects, assets, rate limits,
 * Analytics Engine, vars) come from wrangler.toml through wrangler's own `unstable_getMiniflareWorkerOptions`, the
 * conversion `wrangler dev` and `getPlatformProxy` use. Vars given here win over wrangler.toml's, as `--var` does.
 * No inspector, no reload on edits, no dev registry.
 *
 * Run by startStack as a child process; prints `miniflare: ready <url>` when serving, disposes on SIGTERM/SIGINT.
 *
 * @example node scripts/lib/miniflare-worker.ts '{"workerDir":".","host":"127.0.0.1","port":8787,"persistTo":"<dir>","vars":{}}'
 */
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { convertV4MiniflareOptions, Miniflare, type Json } from "miniflare";
import { unstable_getMiniflareWorkerOptions } from "wrangler";

export interface MiniflareWorkerArgs {
  /** The folder with wrangler.toml, src/ and package.json (the repo, or a frozen copy of it). */
  workerDir: string;
  host: string;
  port: number;
  /** Like `wrangler dev --persist-to`: R2, queue and Durable Object state go under `<persistTo>/v3`. */
  persistTo: string;
  /** Text bindings that win over wrangler.toml's [vars] (JWT secret, DATABASE_URL, the benchmark's settings). */
  vars: Record<string, string>;
  /**
   * Like `wrangler dev --env-file`: secrets come from this file and .dev.vars is not read. startStack passes an empty
   * one unless it runs with `devVars`, so a developer's paid key never reaches a benchmark.
   */
  envFile?: string;
}

/** The line startStack waits for; the URL after it is where the Worker answers. */
export const READY_PREFIX = "miniflare: ready ";

/** Bundles the Worker as `wrangler deploy` would, into `outDir`; returns the entry module's path. */
export function bundleWorker(workerDir: string, outDir: string): string {
  const wrangler = join(workerDir, "node_modules", "wrangler", "bin", "wrangler.js");
  const built = spawnSync(process.execPath, [wrangler, "deploy", "--dry-run", "--outdir", outDir], {
    cwd: workerDir,
    encoding: "utf8",
    env: process.env,
  });
  if (built.status !== 0) throw new Error(`miniflare: wrangler deploy --dry-run failed (${built.status}):\n${built.stdout}\n${built.stderr}`);
  return join(outDir, "index.js");
}

/** The Miniflare options for the bundled Worker: wrangler.toml's bindings and compatibility, `vars` on top. */
export function miniflareOptions(args: MiniflareWorkerArgs, scriptPath: string): ConstructorParameters<typeof Miniflare>[0] {
  // `envFiles` is read by this wrangler (4.124.0, passed on to getVarsForDev) but missing from its declared options.
  const options = { envFiles: args.envFile ? [args.envFile] : undefined } as Parameters<typeof unstable_getMiniflareWorkerOptions>[2];
  const { workerOptions, externalWorkers } = unstable_getMiniflareWorkerOptions(join(args.workerDir, "wrangler.toml"), undefined, options);
  // The bundle is one ES module with everything in it, so wrangler.toml's module rules (which Miniflare 5 cannot take
  // from v4 options) have nothing to match.
  const { modulesRules: _rules, ...bindingsAndCompatibility } = workerOptions;
  // wrangler's SourcelessWorkerOptions is an Omit over an index signature, which loses the declared type of `bindings`
  // (wrangler.toml's [vars]: strings and JSON values).
  const configured = (workerOptions.bindings ?? {}) as Record<string, Json>;
  return convertV4MiniflareOptions({
    host: args.host,
    port: args.port,
    // The layout wrangler dev uses under --persist-to, so the two runtimes read and write the same way.
    resourcePersistencePath: join(args.persistTo, "v3"),
    resourceTmpPath: join(args.persistTo, "tmp"),
    // No unsafeTriggerHandlers (wrangler dev's /cdn-cgi/handler/scheduled and email routes): production has none.
    logRequests: false,
    workers: [
      {
        ...bindingsAndCompatibility,
        name: "insurance-navigator",
        modules: true,
        scriptPath,
        // Module names are relative to this; the bundle is outside the project folder.
        modulesRoot: dirname(scriptPath),
        bindings: { ...configured, ...args.vars },
      },
      ...externalWorkers,
    ],
  });
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2] ?? "{}") as MiniflareWorkerArgs;
  const outDir = join(args.persistTo, "bundle");
  mkdirSync(outDir, { recursive: true });
  const scriptPath = bundleWorker(args.workerDir, outDir);
  const mf = new Miniflare(miniflareOptions(args, scriptPath));
  const url = await mf.ready;
  console.log(`${READY_PREFIX}${url.origin}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void mf.dispose().finally(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(`miniflare: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
