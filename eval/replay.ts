/**
 * `npm run eval:replay -- SOURCES`: the offline answerer's part of the evaluation, in seconds and without a stack.
 * `npm run eval -- --sources SOURCES` saves what search returned for every question (search and chat retrieve the
 * same k passages); this replays those passages through the offline answer provider of the working tree
 * (src/providers/llm/offline.ts, the code the Worker runs) and scores the answers as the eval does. For tuning how
 * answers are composed; retrieval changes need a new `npm run eval`. The numbers are the eval's answer metrics
 * (fact recall, answer correct, refusals); a full `npm run eval` remains the reported figure.
 *
 * @example
 *   npm run eval -- --split dev --sources /tmp/dev-sources.json
 *   npm run eval:replay -- /tmp/dev-sources.json --verbose     # every question answered wrongly, with its answer
 */
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { SearchResponse } from "../src/api/search.ts";
import type { Citation } from "../src/api/chat.ts";
import { groupMetrics, scoreAnswer, scoreRetrieval, type QuestionOutcome } from "./metrics.ts";
import type { Question } from "./question-file.ts";
import { formatTable } from "./report.ts";

/** What the offline provider is given and gives back, as src/providers/llm/types.ts declares it (bundled below). */
interface Source {
  n: number;
  documentId: string;
  filename: string;
  page: number;
  chunkId: string;
  score: number;
  text: string;
  context?: string;
}
interface AnswerProvider {
  answer(request: { question: string; sources: Source[]; history: [] }): AsyncGenerator<{ type: string; text?: string }>;
}

/** What `npm run eval -- --sources PATH` writes: each question with the search results it got. */
export type SavedSources = { document: string; question: Question; hits: SearchResponse["results"] }[];

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { verbose: { type: "boolean", default: false } } });
  const path = positionals[0];
  if (!path) {
    console.error("usage: npm run eval:replay -- SOURCES.json [--verbose]   (SOURCES from npm run eval -- --sources SOURCES.json)");
    return 2;
  }
  const saved = JSON.parse(readFileSync(path, "utf8")) as SavedSources;
  const provider = await loadOfflineProvider();
  const outcomes: QuestionOutcome[] = [];
  for (const item of saved) {
    const sources: Source[] = item.hits.map((hit, i) => ({
      n: i + 1,
      documentId: hit.document_id,
      filename: hit.filename,
      page: hit.page,
      chunkId: hit.chunk_id,
      score: hit.score,
      text: hit.text,
      context: hit.context,
    }));
    let answer = "";
    for await (const event of provider.answer({ question: item.question.question, sources, history: [] })) {
      if (event.type === "delta") answer += event.text ?? "";
    }
    const cited = new Set([...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    const citations = sources
      .filter((source) => cited.has(source.n))
      .map((source) => ({ n: source.n, page: source.page }) as Pick<Citation, "n" | "page"> as Citation);
    const outcome: QuestionOutcome = {
      document: item.document,
      question: item.question,
      retrieval: scoreRetrieval(item.question, item.hits),
      answer: scoreAnswer(item.question, answer, citations),
    };
    outcomes.push(outcome);
    const a = outcome.answer;
    const bad = item.question.answerable ? !a.answer_correct : !a.refusal_ok;
    if (values.verbose && bad) {
      console.log(`\n## ${item.question.id} [${item.question.split}] ${item.question.question}`);
      console.log(`   expected ${JSON.stringify(item.question.expected_facts)} wrong ${JSON.stringify(item.question.wrong_facts ?? [])} found ${JSON.stringify(a.facts_found)} wrong-found ${JSON.stringify(a.wrong_facts_found)} hit@5 ${outcome.retrieval.hit_at_5}`);
      console.log(answer.replace(/^/gm, "   > "));
    }
  }
  console.log(formatTable(groupMetrics(outcomes)));
  return 0;
}

/**
 * The Worker's source imports without file extensions (bundler resolution), which Node cannot load as it is: it is
 * bundled for Node with esbuild on every run (well under a second), as eval/layout.ts does with the parser.
 */
async function loadOfflineProvider(): Promise<AnswerProvider> {
  const dir = mkdtempSync(join(tmpdir(), "eval-replay-"));
  const outfile = join(dir, "offline.mjs");
  try {
    const root = fileURLToPath(new URL("..", import.meta.url));
    await build({
      entryPoints: [join(root, "src", "providers", "llm", "offline.ts")],
      outfile,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node22",
      packages: "external",
      logLevel: "error",
    });
    const loaded = (await import(pathToFileURL(outfile).href)) as { OfflineLlmProvider?: new () => AnswerProvider };
    if (typeof loaded.OfflineLlmProvider !== "function") throw new Error("src/providers/llm/offline.ts no longer exports OfflineLlmProvider");
    return new loaded.OfflineLlmProvider();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
