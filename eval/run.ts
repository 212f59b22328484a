/**
 * `npm run eval`: retrieval and answer-quality evaluation over every document that has a question file
 * (eval/questions/<pdf-basename>.json; the PDFs are read from ../shared/fixtures/). Checks every question file against
 * its PDF, starts the local stack (or uses EVAL_URL), then runs the documents (eval/runner.ts: each as a fresh member,
 * two at a time; upload, wait for ingestion, then its questions in file order through POST /api/v2/search (k=5) and
 * POST /chat (JSON)). Scores both (eval/metrics.ts), prints a table per document, language and split, and writes
 * eval/results/latest.json. Metric definitions and the split policy: docs/evaluation.md.
 *
 * @example
 *   npm run eval                                   # every document, every question
 *   npm run eval -- --split dev                    # tune against dev questions only
 *   npm run eval -- --doc sbc-kaiser-30-1000 --doc cms-sample-sbc --verbose
 *   npm run eval -- --smoke --min-quality 0.85     # CI
 *   npm run eval -- --var SIMILARITY_THRESHOLD=0.2 --out eval/results/variants/threshold-0.2.json --label threshold-0.2
 *   EVAL_URL=http://127.0.0.1:8787 npm run eval    # against a running `npm start` (its vars, its rate limit)
 *
 * Exit codes: 0 done; 1 a document failed (reported, the others still run), a question file does not match its PDF,
 * or --min-quality was missed; 2 bad arguments.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { Api, EvalError } from "./api.ts";
import { factsMissingFromPdf, readFixture, readQuestionFiles, type EvalDocument } from "./fixtures.ts";
import { groupMetrics } from "./metrics.ts";
import type { Question } from "./question-file.ts";
import { describeFailure, formatTable, questionDetail, summaryLine, type QuestionDetail } from "./report.ts";
import { runDocuments, type Planned, type StackHandle } from "./runner.ts";
import type { SavedSources } from "./replay.ts";
import { startStack } from "../scripts/lib/stack.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const DEFAULT_OUT = join(root, "eval", "results", "latest.json");

/**
 * A stack this harness starts answers every question without hitting the per-user chat limit, and registers its 14
 * members without the per-address registration limit (5 a minute): with it, every sixth registration in a minute was
 * answered 429 and waited 60 s, four minutes of a run spent waiting (docs/local-development.md, "Queues").
 */
const STACK_DEFAULTS: Record<string, string> = { CHAT_RATE_LIMIT_PER_MINUTE: "10000", RATE_LIMITS_ENABLED: "false" };
/** Passed from the environment to a stack this harness starts, so keys select the paid providers. */
const PASSTHROUGH = [
  "OPENAI_API_KEY",
  "OPENAI_BASE_URL",
  "ANTHROPIC_API_KEY",
  "ANTHROPIC_BASE_URL",
  "LLAMA_CLOUD_API_KEY",
  "LLAMA_CLOUD_BASE_URL",
  "EMBEDDING_PROVIDER",
  "EMBEDDING_MODEL",
  "LLM_PROVIDER",
  "CHAT_MODEL",
  "ANTHROPIC_MODEL",
  "PARSER_PROVIDER",
];
const SECRET = /KEY|SECRET|TOKEN|PASSWORD/i;
const USAGE =
  "usage: npm run eval -- [--split dev|heldout|all] [--doc BASENAME]... [--smoke] [--verbose] [--out PATH | --no-write] " +
  "[--var NAME=VALUE]... [--label TEXT] [--min-quality X] [--log PATH] [--sources PATH]";

interface Options {
  split: "dev" | "heldout" | "all";
  docs: string[];
  smoke: boolean;
  /** Null: write nothing. */
  out: string | null;
  vars: Record<string, string>;
  label: string;
  minQuality: number | null;
  verbose: boolean;
  /** Append the started stack's output (wrangler and the Worker's logs) here, for a post-mortem. */
  log: string | null;
  /** Write every question's whole search results here, for `npm run eval:replay` (answers without a stack). */
  sources: string | null;
}

function parseOptions(): Options {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        split: { type: "string", default: "all" },
        doc: { type: "string", multiple: true, default: [] },
        smoke: { type: "boolean", default: false },
        out: { type: "string" },
        "no-write": { type: "boolean", default: false },
        var: { type: "string", multiple: true, default: [] },
        label: { type: "string", default: "" },
        "min-quality": { type: "string" },
        verbose: { type: "boolean", default: false },
        log: { type: "string" },
        sources: { type: "string" },
      },
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
  const split = parsed.split;
  if (split !== "dev" && split !== "heldout" && split !== "all") usage(`--split takes dev, heldout or all, got ${split}`);
  const vars: Record<string, string> = {};
  for (const pair of parsed.var ?? []) {
    const at = pair.indexOf("=");
    if (at <= 0) usage(`--var takes NAME=VALUE, got ${pair}`);
    vars[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const minQuality = parsed["min-quality"] === undefined ? null : Number(parsed["min-quality"]);
  if (minQuality !== null && !Number.isFinite(minQuality)) usage("--min-quality takes a number");
  const docs = (parsed.doc ?? []).map((doc) => doc.replace(/\.(json|pdf)$/, ""));
  const smoke = parsed.smoke ?? false;
  // Only a run of everything replaces the committed baseline; a partial run writes where --out says, or nowhere.
  const partial = smoke || docs.length > 0 || split !== "all";
  const out = parsed["no-write"] ? null : parsed.out ? (isAbsolute(parsed.out) ? parsed.out : join(process.cwd(), parsed.out)) : partial ? null : DEFAULT_OUT;
  const log = parsed.log ? (isAbsolute(parsed.log) ? parsed.log : join(process.cwd(), parsed.log)) : null;
  const sources = parsed.sources ? (isAbsolute(parsed.sources) ? parsed.sources : join(process.cwd(), parsed.sources)) : null;
  return { split, docs, smoke, out, vars, label: parsed.label ?? "", minQuality, verbose: parsed.verbose ?? false, log, sources };
}

function usage(message: string): never {
  console.error(`eval: ${message}\n${USAGE}`);
  process.exit(2);
}

/** Which documents and questions this run asks, or a usage error for an unknown --doc. */
function plan(documents: EvalDocument[], options: Options): { document: EvalDocument; questions: Question[] }[] {
  const unknown = options.docs.filter((name) => !documents.some((d) => d.name === name));
  if (unknown.length) usage(`no question file for --doc ${unknown.join(", ")} (have: ${documents.map((d) => d.name).join(", ")})`);
  return documents
    .filter((d) => !options.docs.length || options.docs.includes(d.name))
    .map((document) => ({
      document,
      questions: document.file.questions.filter((q) => (options.split === "all" || q.split === options.split) && (!options.smoke || q.smoke)),
    }))
    .filter((p) => p.questions.length > 0);
}

/** Reads each planned document's PDF and checks its sha256 and every expected fact; returns the problems found. */
async function checkFixtures(selected: { document: EvalDocument; questions: Question[] }[]): Promise<{ planned: Planned[]; problems: string[] }> {
  const planned: Planned[] = [];
  const problems: string[] = [];
  for (const { document, questions } of selected) {
    const fixture = readFixture(document);
    problems.push(...fixture.problems);
    if (!fixture.pdf || fixture.problems.length) continue;
    problems.push(...(await factsMissingFromPdf(document, fixture.pdf)));
    planned.push({ document, questions, pdf: fixture.pdf });
  }
  return { planned, problems };
}

async function main(): Promise<number> {
  const options = parseOptions();
  const files = readQuestionFiles();
  if (files.problems.length) {
    console.error(`eval: the question files are not valid:\n  ${files.problems.join("\n  ")}`);
    return 1;
  }
  const selected = plan(files.documents, options);
  if (!selected.length) usage("no question matches --split/--doc/--smoke");

  const started = Date.now();
  const externalUrl = process.env.EVAL_URL?.trim();
  const vars = { ...STACK_DEFAULTS, ...passthroughVars(), ...options.vars };
  if (externalUrl && Object.keys(options.vars).length) console.error("eval: --var is ignored with EVAL_URL (the running stack has its own vars)");
  // The PDFs are checked while wrangler starts: the check is CPU in this process, the start mostly waiting on wrangler.
  // A frozen copy of the Worker: editing src/ during a long run must not reload the Worker being measured.
  const start = () => startStack({ vars, quiet: true, freeze: "worktree", ...(options.log ? { logFile: options.log } : {}) });
  const [checked, first] = await Promise.all([
    checkFixtures(selected),
    externalUrl ? { url: externalUrl, databaseInProcess: false, stop: async () => undefined } : start(),
  ]);
  let stack = first;
  const stopOnSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);
  const handle: StackHandle = {
    url: () => stack.url,
    restart: externalUrl
      ? null
      : async () => {
          await stack.stop();
          stack = await start();
        },
  };

  try {
    if (checked.problems.length) {
      console.error(`eval: question files do not match their PDFs:\n  ${checked.problems.join("\n  ")}`);
      return 1;
    }
    const probe = new Api(stack.url);
    const health = await probe.request<{ checks?: Record<string, { provider?: string }> }>("GET", "/health");
    const agents = await probe.request<unknown>("GET", "/agents/status", undefined, { allow: [401, 404, 405] });
    const providers = {
      embeddings: health.body.checks?.embeddings?.provider ?? "unknown",
      llm: health.body.checks?.llm?.provider ?? "unknown",
      // Not reported by the service; inferred by the rule of src/providers/selection.ts from the vars passed.
      parser: externalUrl ? "unknown" : (vars.PARSER_PROVIDER ?? (vars.LLAMA_CLOUD_API_KEY ? "llamaparse" : "builtin")),
    };

    const runs = await runDocuments(checked.planned, handle);
    const outcomes = runs.flatMap((run) => run.asked.map((a) => a.outcome));
    const details = runs.flatMap((run) => run.asked.map((a) => questionDetail(a.outcome, a.hits, a.chat)));
    const failures = runs.filter((run) => run.failure !== null);

    const metrics = groupMetrics(outcomes);
    const providerLabel =
      providers.embeddings === "offline" && providers.llm === "offline" ? "offline providers" : `embeddings=${providers.embeddings} chat=${providers.llm}`;
    const label = options.label || (options.smoke ? "smoke" : "");
    const line = summaryLine(metrics.all, checked.planned.length, providerLabel, label);
    const heldoutDocuments = new Set(checked.planned.filter((p) => p.questions.every((q) => q.split === "heldout")).map((p) => p.document.name));

    if (options.out) {
      mkdirSync(dirname(options.out), { recursive: true });
      const result = {
        summary: line,
        metrics,
        run: {
          date: new Date().toISOString(),
          mode: options.smoke ? "smoke" : "full",
          split: options.split,
          documents_requested: options.docs.length ? options.docs : "all",
          label: options.label || null,
          question_count: outcomes.length,
          stack: externalUrl ? "EVAL_URL" : "started by eval/run.ts (startStack)",
          // Not stack.database: that names a temp folder and port of this machine.
          database: externalUrl ? "unknown" : stack.databaseInProcess ? "embedded PGlite" : "PostgreSQL (DATABASE_URL)",
          vars: externalUrl ? null : redact(vars),
          providers,
          agents_status: agents.status === 200 ? agents.body : null,
          git_commit: gitCommit(),
          documents: checked.planned.map((p) => ({
            name: p.document.name,
            fixture: `../shared/fixtures/${p.document.file.fixture}`,
            sha256: p.document.file.fixture_sha256,
            document_kind: p.document.file.document_kind,
            questions: p.questions.length,
            ingestion: runs.find((run) => run.name === p.document.name)?.ingestion ?? null,
            failure: runs.find((run) => run.name === p.document.name)?.failure ?? null,
          })),
          duration_ms: Date.now() - started,
          definitions: "docs/evaluation.md",
        },
        questions: details,
      };
      writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
    }

    if (options.sources) {
      mkdirSync(dirname(options.sources), { recursive: true });
      const saved: SavedSources = runs.flatMap((run) => run.asked.map((a) => ({ document: run.name, question: a.outcome.question, hits: a.hits })));
      writeFileSync(options.sources, `${JSON.stringify(saved)}\n`);
    }
    if (options.verbose) printFailures(details, options.split);
    console.log(formatTable(metrics, heldoutDocuments, new Set(failures.map((run) => run.name))));
    console.log(line);
    if (failures.length) {
      console.error(`eval: ${failures.length} document(s) FAILED, their questions scored as unanswered:\n  ${failures.map((run) => `${run.name}: ${run.failure}`).join("\n  ")}`);
      return 1;
    }
    if (options.minQuality !== null && (metrics.all.answer_quality ?? 0) < options.minQuality) {
      console.error(`eval: answer_quality ${metrics.all.answer_quality} is below --min-quality ${options.minQuality}`);
      return 1;
    }
    return 0;
  } finally {
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
    await stack.stop();
  }
}

/**
 * `--verbose`: the failing questions, what was retrieved and what was answered. Held-out questions are listed only
 * when asked for with `--split heldout`: reading their failures is how tuning leaks into the held-out numbers.
 */
function printFailures(details: QuestionDetail[], split: Options["split"]): void {
  const shown = split === "heldout" ? details : details.filter((d) => d.split === "dev");
  const failures = shown.map(describeFailure).filter((text) => text !== null);
  const hidden = details.length - shown.length;
  const note = hidden ? ` (${hidden} held-out questions not listed; --split heldout lists them)` : "";
  console.error(`eval: ${failures.length} of ${shown.length} questions with a problem${note}:\n${failures.join("\n")}`);
}

function passthroughVars(): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const name of PASSTHROUGH) {
    const value = process.env[name];
    if (value) vars[name] = value;
  }
  return vars;
}

function redact(vars: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, SECRET.test(name) ? "(set)" : value]));
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`eval: ${error instanceof EvalError ? error.message : ((error as Error).stack ?? String(error))}`);
  process.exitCode = 1;
}
