/**
 * What a run prints and records: the per-question detail kept in eval/results/*.json, the compact table, the one
 * summary line, and the `--verbose` description of a failing question. Pure (no I/O).
 */
import type { ChatResponse } from "./api.ts";
import { containsFact, hitText, K, type GroupedMetrics, type Metrics, type QuestionOutcome, type SearchHit } from "./metrics.ts";
import type { Question } from "./question-file.ts";

export interface QuestionDetail {
  document: string;
  id: string;
  language: Question["language"];
  kind: Question["kind"];
  split: Question["split"];
  answerable: boolean;
  question: string;
  expected_facts: string[];
  wrong_facts: string[];
  expected_pages: number[];
  retrieval: QuestionOutcome["retrieval"] & {
    top: { rank: number; page: number; score: number; similarity: number | null; relevant: boolean; facts: string[]; text: string }[];
  };
  answer: QuestionOutcome["answer"] & { text: string; finish_reason: string; total_ms: number | null };
}

export function questionDetail(outcome: QuestionOutcome, hits: SearchHit[], chat: ChatResponse): QuestionDetail {
  const { question, retrieval, answer } = outcome;
  return {
    document: outcome.document,
    id: question.id,
    language: question.language,
    kind: question.kind,
    split: question.split,
    answerable: question.answerable,
    question: question.question,
    expected_facts: question.expected_facts,
    wrong_facts: question.wrong_facts ?? [],
    expected_pages: question.expected_pages,
    retrieval: {
      ...retrieval,
      top: hits.slice(0, K).map((hit, i) => {
        const facts = question.expected_facts.filter((fact) => containsFact(hitText(hit), fact));
        return {
          rank: i + 1,
          page: hit.page,
          score: round4(hit.score),
          similarity: hit.similarity === null ? null : round4(hit.similarity),
          relevant: question.expected_pages.includes(hit.page) && facts.length > 0,
          facts,
          text: clip(hitText(hit), 160),
        };
      }),
    },
    answer: { ...answer, text: chat.answer, finish_reason: chat.finish_reason, total_ms: chat.timings?.total_ms ?? null },
  };
}

const COLUMNS: [string, (m: Metrics) => number | null][] = [
  ["hit@5", (m) => m.hit_at_5],
  ["mrr", (m) => m.mrr],
  ["fact_recall", (m) => m.fact_recall],
  ["answer_correct", (m) => m.answer_correct],
  ["refusals", (m) => m.refusal_accuracy],
  ["quality", (m) => m.answer_quality],
];

/**
 * Rows: each document (marked "(heldout)" when every question of it that ran is held out, "FAILED" when the service
 * could not ingest or answer it), then en/es, then dev/heldout, then all. Columns: n and the headline metrics; "-" where a metric has no question to be computed over.
 */
export function formatTable(metrics: GroupedMetrics, heldoutDocuments: ReadonlySet<string> = new Set(), failed: ReadonlySet<string> = new Set()): string {
  const label = (name: string) => `${name}${heldoutDocuments.has(name) ? " (heldout)" : ""}${failed.has(name) ? " FAILED" : ""}`;
  const rows: [string, Metrics][] = [
    ...Object.entries(metrics.by_document).map(([name, m]): [string, Metrics] => [label(name), m]),
    ["en", metrics.by_language.en],
    ["es", metrics.by_language.es],
    ["dev", metrics.by_split.dev],
    ["heldout", metrics.by_split.heldout],
    ["all", metrics.all],
  ];
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const line = (label: string, cells: string[]) =>
    `${label.padEnd(labelWidth)}  ${cells.map((cell, i) => cell.padStart(i === 0 ? 4 : Math.max(COLUMNS[i - 1]?.[0].length ?? 0, 5))).join("  ")}`;
  const header = line("", ["n", ...COLUMNS.map(([name]) => name)]);
  const body = rows.map(([label, m]) => line(label, [String(m.questions), ...COLUMNS.map(([, pick]) => fixed(pick(m)))]));
  const rule = "-".repeat(header.length);
  const documents = Object.keys(metrics.by_document).length;
  return [header, ...body.slice(0, documents), rule, ...body.slice(documents, documents + 2), rule, ...body.slice(documents + 2, documents + 4), rule, ...body.slice(documents + 4)].join("\n");
}

/** The one line a run ends with (and the `summary` of the results file). */
export function summaryLine(metrics: Metrics, documents: number, providers: string, label = ""): string {
  return (
    `eval${label ? ` [${label}]` : ""}: hit@5 ${fixed(metrics.hit_at_5)} mrr ${fixed(metrics.mrr)} fact_recall ${fixed(metrics.fact_recall)} ` +
    `answer_correct ${fixed(metrics.answer_correct)} citation_pages ${fixed(metrics.citation_page_accuracy)} ` +
    `refusals ${fixed(metrics.refusal_accuracy)} answered ${fixed(metrics.answered_rate)} quality ${fixed(metrics.answer_quality)} ` +
    `(${metrics.questions} questions, ${documents} document${documents === 1 ? "" : "s"}, ${providers})`
  );
}

/** For `--verbose`: what went wrong with one question, what was retrieved and what was answered; null if nothing did. */
export function describeFailure(d: QuestionDetail): string | null {
  const issues: string[] = [];
  if (d.answerable && !d.retrieval.hit_at_5) issues.push("retrieval miss");
  if (d.answerable && d.answer.refused) issues.push("refused");
  else if (d.answerable && d.answer.facts_missing.length) issues.push(`missing ${d.answer.facts_missing.map(quote).join(", ")}`);
  if (d.answer.wrong_facts_found.length) issues.push(`states wrong ${d.answer.wrong_facts_found.map(quote).join(", ")}`);
  if (d.answer.citation_page_ok === false) issues.push(`cited pages ${d.answer.cited_pages.join(",")} not ${d.expected_pages.join("/")}`);
  if (d.answer.refusal_ok === false) issues.push("answered an unanswerable question");
  if (!issues.length) return null;
  const expected = d.answerable ? ` expected ${d.expected_facts.map(quote).join(", ")} on p${d.expected_pages.join("/")}` : "";
  const retrieved = d.retrieval.top.map((t) => `      ${t.relevant ? "+" : " "} #${t.rank} p${t.page} ${t.text}`);
  return [
    `  ${d.document} ${d.id} [${d.kind}, ${d.split}] ${d.question}`,
    `      ${issues.join("; ")}.${expected}`,
    ...(retrieved.length ? retrieved : ["      (no search results)"]),
    `      answer: ${clip(d.answer.text, 300)}`,
  ].join("\n");
}

const fixed = (value: number | null): string => (value === null ? "-" : value.toFixed(2));
const quote = (fact: string) => `"${fact}"`;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};
