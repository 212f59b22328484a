/**
 * `npm run build:web`: bundles the members' web app (web/) into dist/web, the folder wrangler.toml serves as Workers
 * Static Assets. wrangler runs it before `wrangler dev` and `wrangler deploy` ([build] in wrangler.toml), so
 * `npm start` serves the current app and a deploy ships it.
 *
 * - JavaScript and CSS are bundled by esbuild with content-hashed names under /assets/ (cached for a year);
 *   index.html is written with those names.
 * - pdf.js is loaded only when a citation is opened (a dynamic import, so its own chunk); its worker, wasm decoders,
 *   standard fonts and character maps are copied under /pdfjs/.
 * - Prints the gzipped size of the app's JavaScript and fails above the budget (PDF viewer not counted).
 * - Writes a file only when its bytes changed and removes stale hashed files: several stacks started at once
 *   (tests, bench, eval) build the same output without rewriting what another wrangler is serving.
 *
 * @example npm run build:web            # prints the sizes
 */
import { build, type Metafile } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const WEB = join(ROOT, "web");
export const OUT_DIR = join(ROOT, "dist", "web");
const ASSETS = join(OUT_DIR, "assets");
const PDFJS = join(ROOT, "node_modules", "pdfjs-dist");

/** Issue 9's budget for the app's JavaScript, gzipped, not counting the PDF viewer. */
export const JS_BUDGET_GZIP_BYTES = 200 * 1024;

/** What pdf.js fetches at run time, copied as published (already minified). quickjs is for PDF scripting: not used. */
const PDFJS_FILES: Array<[from: string, to: string]> = [
  ["build/pdf.worker.min.mjs", "pdf.worker.min.mjs"],
  ["wasm", "wasm"],
  ["standard_fonts", "standard_fonts"],
  ["cmaps", "cmaps"],
  ["iccs", "iccs"],
];

export interface WebBuild {
  /** Gzipped bytes of every JavaScript file of the app except the chunk that carries pdf.js. */
  appJsGzip: number;
  /** Gzipped bytes of the pdf.js chunk (main thread) and of its worker. */
  viewerJsGzip: number;
  workerJsGzip: number;
  files: string[];
}

export async function buildWeb(): Promise<WebBuild> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { app: join(WEB, "src", "main.tsx") },
    bundle: true,
    splitting: true,
    format: "esm",
    // Browsers of the last two years: pdf.js itself uses private methods, static blocks and top-level await.
    target: ["chrome120", "firefox121", "safari17"],
    minify: true,
    jsx: "automatic",
    jsxImportSource: "preact",
    outdir: ASSETS,
    entryNames: "[name]-[hash]",
    chunkNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    metafile: true,
    write: false,
    legalComments: "none",
    logLevel: "warning",
  });

  const wanted = new Map<string, Uint8Array>();
  for (const file of result.outputFiles) wanted.set(file.path, file.contents);

  const entry = entryOutputs(result.metafile);
  const html = readFileSync(join(WEB, "index.html"), "utf8")
    .replace("%APP_JS%", `/assets/${relative(ASSETS, entry.js)}`)
    .replace("%APP_CSS%", `/assets/${relative(ASSETS, entry.css)}`);
  wanted.set(join(OUT_DIR, "index.html"), new TextEncoder().encode(html));
  for (const name of ["_headers", "favicon.svg", "docs.css"]) wanted.set(join(OUT_DIR, name), readFileSync(join(WEB, "public", name)));

  const written = writeChanged(wanted);
  removeStale(ASSETS, wanted);
  copyPdfJs();

  let appJsGzip = 0;
  let viewerJsGzip = 0;
  for (const [path, output] of Object.entries(result.metafile.outputs)) {
    if (!path.endsWith(".js")) continue;
    const bytes = wanted.get(join(ROOT, path));
    if (!bytes) continue;
    const size = gzipSync(bytes, { level: 9 }).byteLength;
    if (Object.keys(output.inputs).some((input) => input.includes("node_modules/pdfjs-dist/"))) viewerJsGzip += size;
    else appJsGzip += size;
  }
  const workerJsGzip = gzipSync(readFileSync(join(OUT_DIR, "pdfjs", "pdf.worker.min.mjs")), { level: 9 }).byteLength;
  return { appJsGzip, viewerJsGzip, workerJsGzip, files: written };
}

function entryOutputs(metafile: Metafile): { js: string; css: string } {
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (output.entryPoint?.endsWith("web/src/main.tsx") && output.cssBundle) {
      return { js: join(ROOT, path), css: join(ROOT, output.cssBundle) };
    }
  }
  throw new Error("build-web: no JavaScript and CSS output for web/src/main.tsx");
}

/** Writes each file whose bytes differ from what is there, through a rename so a reader never sees half a file. */
function writeChanged(files: Map<string, Uint8Array>): string[] {
  const written: string[] = [];
  for (const [path, bytes] of files) {
    if (existsSync(path) && Buffer.compare(readFileSync(path), bytes) === 0) continue;
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
    written.push(relative(ROOT, path));
  }
  return written;
}

function removeStale(dir: string, keep: Map<string, Uint8Array>): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!keep.has(path) && !name.endsWith(".tmp")) rmSync(path, { force: true });
  }
}

function copyPdfJs(): void {
  const target = join(OUT_DIR, "pdfjs");
  const stamp = join(target, ".version");
  const version = (JSON.parse(readFileSync(join(PDFJS, "package.json"), "utf8")) as { version: string }).version;
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === version) return;
  mkdirSync(target, { recursive: true });
  for (const [from, to] of PDFJS_FILES) {
    cpSync(join(PDFJS, from), join(target, to), {
      recursive: true,
      filter: (source) => statSync(source).isDirectory() || !/quickjs|\.map$/.test(source),
    });
  }
  writeFileSync(stamp, version);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  const built = await buildWeb();
  console.log(
    `build-web: dist/web in ${Date.now() - started} ms; JavaScript gzipped: app ${kb(built.appJsGzip)} ` +
      `(budget ${kb(JS_BUDGET_GZIP_BYTES)}), PDF viewer ${kb(built.viewerJsGzip)} + worker ${kb(built.workerJsGzip)}` +
      (built.files.length ? `; wrote ${built.files.length} file(s)` : "; unchanged"),
  );
  if (built.appJsGzip > JS_BUDGET_GZIP_BYTES) {
    console.error(`build-web: the app's JavaScript is over budget (${kb(built.appJsGzip)} > ${kb(JS_BUDGET_GZIP_BYTES)})`);
    process.exit(1);
  }
}
