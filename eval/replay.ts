/**
 * `npm run eval:replay -- SOURCES`: the offline answerer's part of the evaluation, in seconds and without a stack.
 * `npm run eval -- --sources SOURCES` saves what search returned for every question (search and chat retrieve the
 * same k passages, and the passages after them that chat reads too; a question asking for a list of services reads
 * LIST_CHUNKS in chat, src/chat/turn.ts, and its replayed answer may be shorter); this replays those passages through the offline
 * answer provider of the working tree (src/providers/llm/offline.ts, the code the Worker runs) and scores the answers
 * as the eval does. For tuning how answers are composed; retrieval changes need a new `npm run eval`. The numbers are
 * the eval's answer metrics (fact recall, answer correct, refusals); a full `npm run eval` remains the reported figure.
 *
 * @example
 *   npm run eval -- --split dev --sources dev-sources.json
 *   npm run eval:replay -- dev-sources.json --verbose     # every question answered wrongly, with its answer
 *   npm run eval:replay -- dev-sources.json --out outcomes.json   # and each question's outcome, to compare runs
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadSource } from "./bundle.ts";
import type { SearchResponse } from "../src/api/search.ts";
import type { Citation } from "../src/api/chat.ts";
import { groupMetrics, scoreAnswer, scoreRetrieval, type QuestionOutcome } from "./metrics.ts";
import type { Question } from "./question-file.ts";
import { formatTable } from "./report.ts";
import { turnSources, type NextSources } from "./turn-sources.ts";

/** The offline provider as this tool calls it (src/providers/llm/types.ts has the whole interface). */
interface AnswerProvider {
  answer(request: { question: string; sources: object[]; history: [] }): AsyncGenerator<{ type: string; text?: string }>;
}

/** What `npm run eval -- --sources PATH` writes: each question with the search results it got. */
export type SavedSources = { document: string; question: Question; hits: SearchResponse["results"] }[];

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { verbose: { type: "boolean", default: false }, out: { type: "string" } } });
  const path = positionals[0];
  if (!path) {
    console.error("usage: npm run eval:replay -- SOURCES.json [--verbose] [--out OUTCOMES.json]   (SOURCES from npm run eval -- --sources SOURCES.json)");
    return 2;
  }
  const saved = JSON.parse(readFileSync(path, "utf8")) as SavedSources;
  const provider = await loadOfflineProvider();
  const { nextSources } = (await loadSource(join("chat", "next-passages.ts"), "next-passages")) as { nextSources: NextSources };
  const outcomes: QuestionOutcome[] = [];
  const texts = new Map<QuestionOutcome, string>();
  for (const item of saved) {
    const sources = turnSources(item.hits, nextSources);
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
    texts.set(outcome, answer);
    const a = outcome.answer;
    const bad = item.question.answerable ? !a.answer_correct : !a.refusal_ok;
    if (values.verbose && bad) {
      console.log(`\n## ${item.question.id} [${item.question.split}] ${item.question.question}`);
      console.log(`   expected ${JSON.stringify(item.question.expected_facts)} wrong ${JSON.stringify(item.question.wrong_facts ?? [])} found ${JSON.stringify(a.facts_found)} wrong-found ${JSON.stringify(a.wrong_facts_found)} hit@5 ${outcome.retrieval.hit_at_5}`);
      console.log(answer.replace(/^/gm, "   > "));
    }
  }
  console.log(formatTable(groupMetrics(outcomes)));
  // Per-question outcomes with their answers, for comparing two versions of the answerer question by question.
  if (values.out) {
    const questions = outcomes.map((o) => ({ id: o.question.id, split: o.question.split, language: o.question.language, answerable: o.question.answerable, question: o.question.question, retrieval: o.retrieval, answer: { ...o.answer, text: texts.get(o) ?? "" } }));
    writeFileSync(values.out, `${JSON.stringify({ questions }, null, 1)}\n`);
  }
  return 0;
}

/** src/providers/llm/offline.ts's provider, bundled for Node as the Worker runs it. */
async function loadOfflineProvider(): Promise<AnswerProvider> {
  const { OfflineLlmProvider } = await loadSource(join("providers", "llm", "offline.ts"), "offline-llm");
  if (typeof OfflineLlmProvider !== "function") throw new Error("src/providers/llm/offline.ts no longer exports OfflineLlmProvider");
  return new (OfflineLlmProvider as new () => AnswerProvider)();
}

process.exitCode = await main();
