/**
 * The Worker's source imports without file extensions (bundler resolution), which Node cannot load as it is: the eval
 * tools that run a piece of it in Node (the parser for `eval:layout`, the offline answerer for `eval:replay`) bundle it
 * with esbuild on every run (about a second) and load the bundle.
 */
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const CACHE = join(root, "node_modules", ".cache", "eval-bundles");

/** Bundles `src/<entry>` for Node and returns its exports; `name` names the bundle file. */
export async function loadSource(entry: string, name: string): Promise<Record<string, unknown>> {
  return bundle({ entryPoints: [join(root, "src", entry)] }, name);
}

/** Bundles several `src/<entry>` modules as one (one copy of the modules they share) and returns all their exports. */
export async function loadSources(entries: string[], name: string): Promise<Record<string, unknown>> {
  const contents = entries.map((entry) => `export * from ${JSON.stringify(`./src/${entry}`)};`).join("\n");
  return bundle({ stdin: { contents, resolveDir: root, loader: "ts" } }, name);
}

async function bundle(input: Pick<Parameters<typeof build>[0], "entryPoints" | "stdin">, name: string): Promise<Record<string, unknown>> {
  mkdirSync(CACHE, { recursive: true });
  const outfile = join(CACHE, `${name}.mjs`);
  await build({
    ...input,
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    packages: "external",
    logLevel: "error",
  });
  // The query defeats Node's module cache, which would otherwise keep an earlier bundle within one process.
  return (await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`)) as Record<string, unknown>;
}
