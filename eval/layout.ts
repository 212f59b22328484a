/**
 * `npm run eval:layout`: how closely the service's own PDF parser (src/ingestion/parse-pdf.ts `parsePdf`) keeps the
 * layout of every PDF of the fixtures (../shared/fixtures/*.pdf and dev-corpus/*.pdf), measured against poppler's
 * `pdftotext -layout`. The metric (eval/layout-metric.ts): bigram recall, the share of word pairs adjacent inside one
 * cell or column of pdftotext's layout that are still adjacent, in order, in the parser's text of the page; it drops
 * when neighbouring columns are interleaved. Word recall says whether text was dropped instead. Definitions and how to
 * read them: docs/evaluation.md.
 *
 * Running headers and footers (top or bottom lines recurring on half the pages) are left out of pdftotext's side: the
 * service drops them on purpose.
 *
 * The parser is bundled for Node from the current source with esbuild's JS API on every run (about a second), so a
 * change to src/ingestion/ is measured without a build step.
 *
 * @example
 *   npm run eval:layout                                   # every PDF → table + eval/results/layout-latest.json
 *   npm run eval:layout -- --doc sbc-kaiser-30-1000       # one document (repeatable), with its per-page numbers
 *   npm run eval:layout -- --doc cms-sample-sbc --page 2 --show   # both texts of one page and its missing pairs
 *
 * Exit codes: 0 done; 1 a PDF could not be read by either side; 2 bad arguments or pdftotext missing.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { loadSource } from "./bundle.ts";
import { FIXTURES_DIR } from "./fixtures.ts";
import { documentAgreement, dropRunningLines, keptCells, numberedHeadings, pageAgreement, ROW_WINDOW, type DocumentAgreement, type KeptCells, type NumberedHeadings, type PageAgreement } from "./layout-metric.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const DEFAULT_OUT = join(root, "eval", "results", "layout-latest.json");
/** The bundle imports unpdf by name, so it must sit where Node resolves the repository's node_modules. */
/** pdftotext's text of the 250-page Evidence of Coverage is about 0.7 MB; leave ample room. */
const PDFTOTEXT_MAX_BUFFER = 64 * 1024 * 1024;
/** How many missing pairs `--page` prints: enough to see the pattern, short enough to read. */
const MISSING_SHOWN = 40;
const USAGE = "usage: npm run eval:layout -- [--doc BASENAME]... [--page N [--show]] [--out PATH | --no-write]";

interface ParsedDocument {
  pages: { page: number; text: string }[];
  pageCount: number;
}
type ParsePdf = (bytes: Uint8Array) => Promise<ParsedDocument>;
type ChunkPages = (pages: { page: number; text: string }[], options: { sentencesPerChunk: number }) => { text: string; context: string }[];

interface DocumentResult extends DocumentAgreement {
  name: string;
  fixture: string;
  parse_ms: number;
  /** What of the parser's text the chunker kept (eval/layout-metric.ts `keptCells`). */
  kept: Omit<KeptCells, "lost"> & { kept_recall: number; lost: KeptCells["lost"] };
  /** Numbered headings the parser found (eval/layout-metric.ts `numberedHeadings`); recall null without any. */
  headings: NumberedHeadings & { heading_recall: number | null };
  page_scores: (Omit<PageAgreement, "missing" | "row_missing"> & { page: number })[];
}

function parseOptions() {
  let values;
  try {
    values = parseArgs({
      options: {
        doc: { type: "string", multiple: true, default: [] },
        page: { type: "string" },
        show: { type: "boolean", default: false },
        out: { type: "string" },
        "no-write": { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
  const docs = (values.doc ?? []).map((doc) => basename(doc).replace(/\.pdf$/, ""));
  const page = values.page === undefined ? null : Number(values.page);
  if (page !== null && !(Number.isInteger(page) && page >= 1)) usage("--page takes a page number (1-based)");
  if (page !== null && docs.length !== 1) usage("--page needs exactly one --doc");
  if (values.show && page === null) usage("--show needs --page");
  const partial = docs.length > 0;
  const out = values["no-write"] ? null : values.out ? (isAbsolute(values.out) ? values.out : join(process.cwd(), values.out)) : partial ? null : DEFAULT_OUT;
  return { docs, page, show: values.show ?? false, out };
}

function usage(message: string): never {
  console.error(`eval:layout: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Every PDF of the fixtures: the top folder's first (the CMS sample), then the dev corpus, each by name. */
function corpus(): { name: string; path: string }[] {
  const list = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter((file) => file.endsWith(".pdf"))
          .sort()
          .map((file) => ({ name: basename(file, ".pdf"), path: join(dir, file) }))
      : [];
  return [...list(FIXTURES_DIR), ...list(join(FIXTURES_DIR, "dev-corpus"))];
}

function checkPdftotext(): string {
  // pdftotext -v prints its version on stderr (and exits 99 on some older builds): being found is what counts.
  const probe = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  if ((probe.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    console.error("eval:layout: pdftotext not found. Install poppler's utilities: `sudo apt-get install poppler-utils` (Debian/Ubuntu), `brew install poppler` (macOS).");
    process.exit(2);
  }
  return `${probe.stderr}${probe.stdout}`.split("\n")[0]?.trim() || "pdftotext";
}

/** Bundles the current src/ingestion/parse-pdf.ts for Node and loads it. */
async function loadChunker(): Promise<ChunkPages> {
  const { chunkPages } = await loadSource(join("ingestion", "chunker.ts"), "chunker");
  if (typeof chunkPages !== "function") throw new Error("src/ingestion/chunker.ts no longer exports chunkPages");
  return chunkPages as ChunkPages;
}

async function loadParser(): Promise<ParsePdf> {
  const { parsePdf } = await loadSource(join("ingestion", "parse-pdf.ts"), "parse-pdf");
  if (typeof parsePdf !== "function") throw new Error("src/ingestion/parse-pdf.ts no longer exports parsePdf");
  return parsePdf as ParsePdf;
}

const execFileAsync = promisify(execFile);

/** pdftotext -layout's text of every page (it ends each page with a form feed). */
async function layoutPages(path: string): Promise<string[]> {
  const { stdout } = await execFileAsync("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], { maxBuffer: PDFTOTEXT_MAX_BUFFER });
  const pages = stdout.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

async function main(): Promise<number> {
  const options = parseOptions();
  const version = checkPdftotext();
  const all = corpus();
  if (!all.length) usage(`no PDFs under ../shared/fixtures/`);
  const unknown = options.docs.filter((name) => !all.some((d) => d.name === name));
  if (unknown.length) usage(`no PDF named ${unknown.join(", ")} (have: ${all.map((d) => d.name).join(", ")})`);
  const documents = options.docs.length ? all.filter((d) => options.docs.includes(d.name)) : all;

  const started = Date.now();
  const parsePdf = await loadParser();
  const chunkPages = await loadChunker();
  const results: DocumentResult[] = [];
  const failures: string[] = [];
  for (const document of documents) {
    // pdftotext runs in its own process while this one parses.
    const layoutRun = layoutPages(document.path);
    const parseStarted = Date.now();
    let parsed: ParsedDocument;
    let layout: string[];
    try {
      parsed = await parsePdf(new Uint8Array(readFileSync(document.path)));
      layout = await layoutRun;
    } catch (error) {
      layoutRun.catch(() => undefined);
      failures.push(`${document.name}: ${(error as Error).message}`);
      continue;
    }
    const parseMs = Date.now() - parseStarted;
    const texts = new Map(parsed.pages.map((p) => [p.page, p.text]));
    const pageCount = Math.max(parsed.pageCount, layout.length);
    const reference = dropRunningLines(layout);
    const pages = Array.from({ length: pageCount }, (_, i) => pageAgreement(reference[i] ?? "", texts.get(i + 1) ?? ""));

    if (options.page !== null) return showPage(document.name, options.page, reference, texts, pages, options.show);

    // The default chunking (SENTENCES_PER_CHUNK 5).
    const chunks = chunkPages(parsed.pages, { sentencesPerChunk: 5 });
    const kept = keptCells(parsed.pages, chunks.map((chunk) => `${chunk.context}\n${chunk.text}`));
    const headings = numberedHeadings(reference, texts);
    results.push({
      name: document.name,
      fixture: relative(FIXTURES_DIR, document.path),
      ...documentAgreement(pages),
      parse_ms: parseMs,
      kept: { ...kept, kept_recall: kept.cells ? kept.kept / kept.cells : 1 },
      headings: { ...headings, heading_recall: headings.headings ? headings.found / headings.headings : null },
      page_scores: pages.map(({ missing: _missing, row_missing: _rowMissing, ...score }, i) => ({ page: i + 1, ...score })),
    });
  }

  printTable(results, options.docs.length === 1);
  const corpusScore = documentAgreement(results.flatMap((r) => r.page_scores.map((p) => ({ ...p, missing: [], row_missing: [] }))));
  const meanOfDocuments = mean(results.map((r) => r.bigram_recall));
  const rowMeanOfDocuments = mean(results.map((r) => r.row_recall));
  const cells = results.reduce((sum, r) => sum + r.kept.cells, 0);
  const keptRecall = cells ? results.reduce((sum, r) => sum + r.kept.kept, 0) / cells : 1;
  const numbered = results.reduce((sum, r) => sum + r.headings.headings, 0);
  const headingRecall = numbered ? results.reduce((sum, r) => sum + r.headings.found, 0) / numbered : null;
  console.log(
    `eval:layout: bigram_recall ${fixed(corpusScore.bigram_recall)} (all pairs; mean of documents ${fixed(meanOfDocuments)}), ` +
      `row_recall ${fixed(corpusScore.row_recall)} (mean of documents ${fixed(rowMeanOfDocuments)}), word_recall ${fixed(corpusScore.word_recall)}, ` +
      `kept_recall ${fixed(keptRecall)} (${cells} cells), heading_recall ${headingRecall === null ? "-" : fixed(headingRecall)} (${numbered} numbered headings); ` +
      `${results.length} documents in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (options.out) {
    mkdirSync(dirname(options.out), { recursive: true });
    const output = {
      summary: {
        bigram_recall: corpusScore.bigram_recall,
        bigram_recall_mean_of_documents: meanOfDocuments,
        row_recall: corpusScore.row_recall,
        row_recall_mean_of_documents: rowMeanOfDocuments,
        word_recall: corpusScore.word_recall,
        kept_recall: keptRecall,
        heading_recall: headingRecall,
      },
      run: { date: new Date().toISOString(), git_commit: gitCommit(), reference: `${version} -layout`, definitions: "docs/evaluation.md" },
      documents: results,
    };
    writeFileSync(options.out, `${JSON.stringify(output, null, 2)}\n`);
  }
  if (failures.length) {
    console.error(`eval:layout: could not read:\n  ${failures.join("\n  ")}`);
    return 1;
  }
  return 0;
}

function printTable(results: DocumentResult[], withPages: boolean): void {
  const width = Math.max(8, ...results.map((r) => r.name.length));
  const row = (label: string, cells: string[]) => `${label.padEnd(width)}  ${cells.map((cell, i) => cell.padStart(HEADERS[i]?.length ?? 0)).join("  ")}`;
  console.log(row("document", HEADERS));
  for (const r of results) {
    const worst = r.worst_page ? `p${r.worst_page.page} ${fixed(r.worst_page.bigram_recall)}` : "-";
    const worstRow = r.worst_row_page ? `p${r.worst_row_page.page} ${fixed(r.worst_row_page.row_recall)}` : "-";
    console.log(row(r.name, [String(r.pages), fixed(r.bigram_recall), fixed(r.row_recall), fixed(r.word_recall), fixed(r.kept.kept_recall), r.headings.heading_recall === null ? "-" : fixed(r.headings.heading_recall), worst, worstRow, `${(r.parse_ms / 1000).toFixed(1)} s`]));
    if (withPages) {
      for (const lost of r.kept.lost) console.log(`  not kept p${lost.page}: ${lost.text}`);
      for (const missed of r.headings.missed) console.log(`  heading not found p${missed.page}: ${missed.text}`);
      for (const p of r.page_scores) console.log(row(`  page ${p.page}`, ["", fixed(p.bigram_recall), fixed(p.row_recall), fixed(p.word_recall), "", "", "", "", ""]));
    }
  }
}

const HEADERS = ["pages", "bigram_recall", "row_recall", "word_recall", "kept_recall", "heading_recall", "worst bigram", " worst row", "parse"];

function showPage(name: string, page: number, layout: string[], texts: Map<number, string>, pages: PageAgreement[], show: boolean): number {
  const score = pages[page - 1];
  if (!score) {
    console.error(`eval:layout: ${name} has ${pages.length} pages, not ${page}`);
    return 2;
  }
  if (show) {
    console.log(`===== pdftotext -layout (running headers and footers removed), ${name} page ${page} =====\n${layout[page - 1] ?? ""}`);
    console.log(`===== parsePdf, ${name} page ${page} =====\n${texts.get(page) ?? ""}`);
    console.log("=====");
  }
  console.log(
    `${name} page ${page}: bigram_recall ${fixed(score.bigram_recall)} (${score.pairs_found}/${score.pairs} pairs), ` +
      `row_recall ${fixed(score.row_recall)} (${score.row_pairs_found}/${score.row_pairs}), word_recall ${fixed(score.word_recall)} (${score.words_found}/${score.words} words)`,
  );
  const list = (title: string, items: string[]) => {
    if (!items.length) return;
    const more = items.length > MISSING_SHOWN ? ` (first ${MISSING_SHOWN} of ${items.length})` : "";
    console.log(`${title}${more}: ${items.slice(0, MISSING_SHOWN).map((item) => `"${item}"`).join(", ")}`);
  };
  list("word pairs not adjacent in the parser's text", score.missing);
  list(`neighbouring cells more than ${ROW_WINDOW} words apart in the parser's text`, score.row_missing);
  return 0;
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

const mean = (values: (number | null)[]): number | null => {
  const known = values.filter((value) => value !== null);
  return known.length ? Math.round((known.reduce((a, b) => a + b, 0) / known.length) * 10_000) / 10_000 : null;
};
const fixed = (value: number | null) => (value === null ? "-" : value.toFixed(3));

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`eval:layout: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
}
