/**
 * `npm run eval`: retrieval and answer-quality evaluation over the CMS sample Summary of Benefits and Coverage
 * (../shared/fixtures/cms-sample-sbc.pdf). Starts the local stack (or uses EVAL_URL), registers a fresh user, uploads
 * the PDF, waits for ingestion, then for every question in eval/questions.json asks POST /api/v2/search (k=5) and
 * POST /chat (JSON), scores both (eval/metrics.ts), writes eval/results/latest.json and prints one summary line.
 * Metric definitions: docs/evaluation.md.
 *
 * @example
 *   npm run eval                                   # all questions, offline providers unless keys are in the environment
 *   npm run eval -- --smoke                        # 7 questions for CI; writes nothing unless --out is given
 *   npm run eval -- --var SIMILARITY_THRESHOLD=0.2 --out eval/results/variants/threshold-0.2.json --label threshold-0.2
 *   EVAL_URL=http://127.0.0.1:8787 npm run eval    # against a running `npm start` (its vars, its rate limit)
 *   npm run eval -- --verbose                      # also list each failing question on stderr
 *
 * Options: --smoke, --out PATH, --no-write, --var NAME=VALUE (repeatable; ignored with EVAL_URL), --label TEXT,
 * --min-quality X (exit 1 when answer_quality < X), --verbose.
 * Exit codes: 0 done; 1 a request failed, ingestion failed, a question's facts are not in the PDF, or --min-quality
 * was missed; 2 bad arguments.
 */
import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { extractText, getDocumentProxy } from "unpdf";
import {
  aggregate,
  containsFact,
  K,
  scoreAnswer,
  scoreRetrieval,
  summaryLine,
  validateQuestions,
  type Citation,
  type Language,
  type Metrics,
  type Question,
  type QuestionOutcome,
  type SearchHit,
} from "./metrics.ts";
import { startStack } from "../scripts/lib/stack.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const FIXTURE = join(root, "..", "shared", "fixtures", "cms-sample-sbc.pdf");
const QUESTIONS = join(root, "eval", "questions.json");
const DEFAULT_OUT = join(root, "eval", "results", "latest.json");

/** Ingesting 5 pages takes about a second offline; a paid parser and embedder take longer. */
const INGEST_TIMEOUT_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 120_000;
/** A stack this harness starts answers every question without hitting the per-user chat limit. */
const STACK_DEFAULTS: Record<string, string> = { CHAT_RATE_LIMIT_PER_MINUTE: "10000" };
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

interface Options {
  smoke: boolean;
  out: string | null;
  vars: Record<string, string>;
  label: string;
  minQuality: number | null;
  verbose: boolean;
}

function parseOptions(): Options {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        smoke: { type: "boolean", default: false },
        out: { type: "string" },
        "no-write": { type: "boolean", default: false },
        var: { type: "string", multiple: true, default: [] },
        label: { type: "string", default: "" },
        "min-quality": { type: "string" },
        verbose: { type: "boolean", default: false },
      },
    }).values;
  } catch (error) {
    usage((error as Error).message);
  }
  const vars: Record<string, string> = {};
  for (const pair of parsed.var ?? []) {
    const at = pair.indexOf("=");
    if (at <= 0) usage(`--var takes NAME=VALUE, got ${pair}`);
    vars[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const minQuality = parsed["min-quality"] === undefined ? null : Number(parsed["min-quality"]);
  if (minQuality !== null && !Number.isFinite(minQuality)) usage("--min-quality takes a number");
  const out = parsed["no-write"] ? null : parsed.out ? (isAbsolute(parsed.out) ? parsed.out : join(process.cwd(), parsed.out)) : parsed.smoke ? null : DEFAULT_OUT;
  return { smoke: parsed.smoke ?? false, out, vars, label: parsed.label ?? "", minQuality, verbose: parsed.verbose ?? false };
}

function usage(message: string): never {
  console.error(`eval: ${message}\nusage: npm run eval -- [--smoke] [--out PATH | --no-write] [--var NAME=VALUE]... [--label TEXT] [--min-quality X] [--verbose]`);
  process.exit(2);
}

/** Thrown for anything that makes the run's numbers meaningless. */
class EvalError extends Error {}

/** A small client of the service's API, with the user's token once registered. */
class Api {
  token = "";
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T>(method: string, path: string, body?: unknown, init: { form?: FormData; allow?: number[] } = {}): Promise<{ status: number; body: T }> {
    for (let attempt = 1; ; attempt += 1) {
      const headers: Record<string, string> = { accept: "application/json" };
      if (this.token) headers.authorization = `Bearer ${this.token}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      const response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: init.form ?? (body === undefined ? undefined : JSON.stringify(body)),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      // The per-user chat limit (against an EVAL_URL stack with its default of 30/min): wait as told, at most 3 times.
      if (response.status === 429 && attempt <= 3) {
        const wait = Number(response.headers.get("retry-after") ?? "10");
        await sleep(Math.min(Math.max(wait, 1), 65) * 1000);
        continue;
      }
      if (!response.ok && !(init.allow ?? []).includes(response.status)) {
        throw new EvalError(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
      }
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      return { status: response.status, body: parsed as T };
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ChatResponse {
  answer: string;
  citations: (Citation & { snippet?: string; document_id: string })[];
  finish_reason: string;
  timings?: { retrieval_ms?: number; first_token_ms?: number | null; total_ms?: number };
}

interface QuestionDetail {
  id: string;
  language: Language;
  answerable: boolean;
  question: string;
  expected_facts: string[];
  expected_pages: number[];
  retrieval: QuestionOutcome["retrieval"] & {
    top: { rank: number; page: number; score: number; similarity: number | null; relevant: boolean; facts: string[]; text: string }[];
  };
  answer: QuestionOutcome["answer"] & { text: string; finish_reason: string; total_ms: number | null };
}

async function main(): Promise<number> {
  const options = parseOptions();
  const file = JSON.parse(readFileSync(QUESTIONS, "utf8")) as { questions: Question[] };
  const all = file.questions;
  const problems = validateQuestions(all);
  const pdf = new Uint8Array(readFileSync(FIXTURE));
  problems.push(...(await factsMissingFromPdf(all, pdf)));
  if (problems.length) {
    console.error(`eval: eval/questions.json does not match the fixture:\n  ${problems.join("\n  ")}`);
    return 1;
  }
  const questions = options.smoke ? all.filter((q) => q.smoke) : all;

  const started = Date.now();
  const externalUrl = process.env.EVAL_URL?.trim();
  const vars = { ...STACK_DEFAULTS, ...passthroughVars(), ...options.vars };
  if (externalUrl && Object.keys(options.vars).length) console.error("eval: --var is ignored with EVAL_URL (the running stack has its own vars)");
  const stack = externalUrl
    ? { url: externalUrl, databaseInProcess: false, stop: async () => undefined }
    : await startStack({ vars, quiet: true });
  const stopOnSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);

  try {
    const api = new Api(stack.url);
    const health = await api.request<{ checks?: Record<string, { provider?: string }> }>("GET", "/health");
    const agents = await api.request<unknown>("GET", "/agents/status", undefined, { allow: [401, 404, 405] });
    const providers = {
      embeddings: health.body.checks?.embeddings?.provider ?? "unknown",
      llm: health.body.checks?.llm?.provider ?? "unknown",
      // Not reported by the service; inferred by the rule of src/providers/selection.ts from the vars passed.
      parser: externalUrl ? "unknown" : (vars.PARSER_PROVIDER ?? (vars.LLAMA_CLOUD_API_KEY ? "llamaparse" : "builtin")),
    };

    const email = `eval-${randomBytes(6).toString("hex")}@example.com`;
    const registered = await api.request<{ access_token: string }>("POST", "/api/v2/auth/register", {
      email,
      password: randomBytes(18).toString("base64url"),
    });
    api.token = registered.body.access_token;

    const form = new FormData();
    form.append("file", new Blob([pdf], { type: "application/pdf" }), basename(FIXTURE));
    const upload = await api.request<{ job_id: string; document_id: string }>("POST", "/api/v2/upload", undefined, { form });
    const job = await waitForJob(api, upload.body.job_id);

    const outcomes: QuestionOutcome[] = [];
    const details: QuestionDetail[] = [];
    for (const question of questions) {
      const search = await api.request<{ results: SearchHit[] }>("POST", "/api/v2/search", { query: question.question, k: K });
      const hits = search.body.results;
      const chat = await api.request<ChatResponse>("POST", "/chat", { message: question.question });
      const retrieval = scoreRetrieval(question, hits);
      const answer = scoreAnswer(question, chat.body.answer, chat.body.citations);
      outcomes.push({ question, retrieval, answer });
      details.push(detail(question, hits, retrieval, answer, chat.body));
    }

    const metrics = aggregate(outcomes);
    const byLanguage = {
      en: aggregate(outcomes.filter((o) => o.question.language === "en")),
      es: aggregate(outcomes.filter((o) => o.question.language === "es")),
    };
    const providerLabel =
      providers.embeddings === "offline" && providers.llm === "offline" ? "offline providers" : `embeddings=${providers.embeddings} chat=${providers.llm}`;
    const line = summaryLine(metrics, providerLabel, options.label || (options.smoke ? "smoke" : ""));

    if (options.out) {
      mkdirSync(dirname(options.out), { recursive: true });
      const result = {
        summary: line,
        metrics: { ...metrics, by_language: byLanguage },
        run: {
          date: new Date().toISOString(),
          mode: options.smoke ? "smoke" : "full",
          label: options.label || null,
          question_count: questions.length,
          stack: externalUrl ? "EVAL_URL" : "started by eval/run.ts (startStack)",
          // Not stack.database: that names a temp folder and port of this machine.
          database: externalUrl ? "unknown" : stack.databaseInProcess ? "embedded PGlite" : "PostgreSQL (DATABASE_URL)",
          vars: externalUrl ? null : redact(vars),
          providers,
          agents_status: agents.status === 200 ? agents.body : null,
          git_commit: gitCommit(),
          fixture: { path: "../shared/fixtures/cms-sample-sbc.pdf", sha256: createHash("sha256").update(pdf).digest("hex") },
          ingestion: job,
          duration_ms: Date.now() - started,
          definitions: "docs/evaluation.md",
        },
        questions: details,
      };
      writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
    }

    if (options.verbose) printFailures(details);
    console.log(line);
    if (options.minQuality !== null && (metrics.answer_quality ?? 0) < options.minQuality) {
      console.error(`eval: answer_quality ${metrics.answer_quality} is below --min-quality ${options.minQuality}`);
      return 1;
    }
    return 0;
  } finally {
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
    await stack.stop();
  }
}

async function waitForJob(api: Api, jobId: string) {
  const deadline = Date.now() + INGEST_TIMEOUT_MS;
  for (;;) {
    const { body } = await api.request<{ status: string; progress?: unknown; timings_ms?: unknown; error?: unknown }>("GET", `/api/v2/jobs/${jobId}`);
    if (body.status === "complete") return { status: body.status, progress: body.progress ?? null, timings_ms: body.timings_ms ?? null };
    if (body.status === "failed") throw new EvalError(`ingestion failed: ${JSON.stringify(body.error)}`);
    if (Date.now() > deadline) throw new EvalError(`ingestion still ${body.status} after ${INGEST_TIMEOUT_MS / 1000}s`);
    await sleep(250);
  }
}

/**
 * Every expected fact of an answerable question must be on one of its expected pages, by this harness's own text
 * extraction (unpdf, independent of the service's parser). Catches typos and wrong pages in questions.json.
 */
async function factsMissingFromPdf(questions: Question[], pdf: Uint8Array): Promise<string[]> {
  // verbosity 0: pdf.js would otherwise print font warnings ("TT: undefined function") over the one summary line.
  const document = await getDocumentProxy(pdf.slice(), { verbosity: 0 });
  const { text } = await extractText(document, { mergePages: false });
  // Line breaks inside hyphenated numbers and words ("1-800-318-\n2596") are joined.
  const pages = (text as string[]).map((page) => page.replace(/-\s*\n\s*/g, "-"));
  const problems: string[] = [];
  for (const q of questions.filter((question) => question.answerable)) {
    for (const fact of q.expected_facts) {
      const onPages = pages.flatMap((page, i) => (containsFact(page, fact) ? [i + 1] : []));
      if (!onPages.some((page) => q.expected_pages.includes(page))) {
        problems.push(`${q.id}: "${fact}" is not on page ${q.expected_pages.join("/")} (found on: ${onPages.join(", ") || "none"})`);
      }
    }
    for (const page of q.expected_pages) if (page < 1 || page > pages.length) problems.push(`${q.id}: no page ${page}`);
  }
  return problems;
}

function detail(question: Question, hits: SearchHit[], retrieval: QuestionOutcome["retrieval"], answer: QuestionOutcome["answer"], chat: ChatResponse): QuestionDetail {
  return {
    id: question.id,
    language: question.language,
    answerable: question.answerable,
    question: question.question,
    expected_facts: question.expected_facts,
    expected_pages: question.expected_pages,
    retrieval: {
      ...retrieval,
      top: hits.slice(0, K).map((hit, i) => ({
        rank: i + 1,
        page: hit.page,
        score: round4(hit.score),
        similarity: hit.similarity === null ? null : round4(hit.similarity),
        relevant: question.expected_pages.includes(hit.page) && question.expected_facts.some((fact) => containsFact(hit.text, fact)),
        facts: question.expected_facts.filter((fact) => containsFact(hit.text, fact)),
        text: clip(hit.text, 160),
      })),
    },
    answer: { ...answer, text: chat.answer, finish_reason: chat.finish_reason, total_ms: chat.timings?.total_ms ?? null },
  };
}

function printFailures(details: QuestionDetail[]): void {
  for (const d of details) {
    const issues: string[] = [];
    if (d.answerable && !d.retrieval.hit_at_5) issues.push(`retrieval miss (top pages ${d.retrieval.top.map((t) => t.page).join(",") || "none"})`);
    if (d.answerable && d.answer.refused) issues.push("refused");
    else if (d.answerable && d.answer.facts_missing.length) issues.push(`missing ${d.answer.facts_missing.join(", ")}`);
    if (d.answer.citation_page_ok === false) issues.push(`cited pages ${d.answer.cited_pages.join(",")} not ${d.expected_pages.join("/")}`);
    if (d.answer.refusal_ok === false) issues.push("answered an unanswerable question");
    if (issues.length) console.error(`  ${d.id} ${d.question}\n      ${issues.join("; ")}`);
  }
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

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`eval: ${error instanceof EvalError ? error.message : (error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
}
