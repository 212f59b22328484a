/**
 * `npm run bench:answerer -- SOURCES.json`: the CPU the offline answer provider spends on a chat turn, without a stack.
 * SOURCES is what `npm run eval -- --sources SOURCES.json` saved (every eval question with the passages search
 * returned); each question is answered as a chat turn answers it (the same passages and the passages after them,
 * src/chat/next-passages.ts, through src/providers/llm/offline.ts of the working tree), in three rounds:
 * - "from nothing": the tokens kept between calls (src/text/content-tokens.ts) forgotten before each turn, as for a
 *   member's first question in a fresh isolate;
 * - "from nothing, again": the same, with the JIT warm (the steady cost of a turn on passages not seen before);
 * - "kept": the tokens kept across turns, as an isolate that answers several questions about the same documents.
 * Prints a table and writes bench/results/answerer-latest.json and a dated copy. Node's V8, not workerd's: the same
 * engine, not the same process (BENCHMARKS.md has workerd's whole-turn numbers).
 *
 * @example
 *   npm run eval -- --sources sources.json && npm run bench:answerer -- sources.json
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSources } from "../eval/bundle.ts";
import type { SavedSources } from "../eval/replay.ts";
import { turnSources, type NextSources, type TurnSource } from "../eval/turn-sources.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS_DIR = join(ROOT, "bench", "results");

interface Loaded {
  OfflineLlmProvider: new () => { answer(request: { question: string; sources: TurnSource[]; history: [] }): AsyncGenerator<{ type: string }> };
  forgetContentTokens: () => void;
  nextSources: NextSources;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

async function main(): Promise<number> {
  const path = process.argv[2];
  if (!path) {
    console.error("usage: npm run bench:answerer -- SOURCES.json   (SOURCES from npm run eval -- --sources SOURCES.json)");
    return 2;
  }
  // One bundle, so the provider and `forgetContentTokens` share the one module that keeps the tokens.
  const loaded = (await loadSources(["providers/llm/offline.ts", "text/content-tokens.ts", "chat/next-passages.ts"], "answerer")) as unknown as Loaded;
  const provider = new loaded.OfflineLlmProvider();
  const saved = JSON.parse(readFileSync(path, "utf8")) as SavedSources;
  const all = saved.map((item) => ({ question: item.question.question, sources: turnSources(item.hits, loaded.nextSources) }));
  const rounds: { round: string; turns: number; mean_ms: number; p50_ms: number; p95_ms: number; max_ms: number }[] = [];
  for (const [round, forget] of [["from nothing", true], ["from nothing, again", true], ["kept", false]] as const) {
    const times: number[] = [];
    for (const turn of all) {
      if (forget) loaded.forgetContentTokens();
      const started = performance.now();
      for await (const _event of provider.answer({ question: turn.question, sources: turn.sources, history: [] })) {
        // consumed as the Durable Object consumes it
      }
      times.push(performance.now() - started);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const round2 = (x: number) => Math.round(x * 100) / 100;
    rounds.push({
      round,
      turns: times.length,
      mean_ms: round2(times.reduce((sum, t) => sum + t, 0) / times.length),
      p50_ms: round2(percentile(sorted, 0.5)),
      p95_ms: round2(percentile(sorted, 0.95)),
      max_ms: round2(sorted.at(-1) ?? 0),
    });
  }
  const load1 = loadavg()[0] ?? 0;
  console.log("| round | turns | mean ms | p50 ms | p95 ms | max ms |\n| --- | --- | --- | --- | --- | --- |");
  for (const r of rounds) console.log(`| ${r.round} | ${r.turns} | ${r.mean_ms} | ${r.p50_ms} | ${r.p95_ms} | ${r.max_ms} |`);
  console.log(`load average (1 min) at the end: ${load1.toFixed(2)}`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const output = `${JSON.stringify({ at: new Date().toISOString(), load_1min: load1, rounds }, null, 2)}\n`;
  const stamp = new Date().toISOString().slice(0, 16).replace(/:/g, "-");
  writeFileSync(join(RESULTS_DIR, `answerer-${stamp}.json`), output);
  writeFileSync(join(RESULTS_DIR, "answerer-latest.json"), output);
  return 0;
}

process.exitCode = await main();
