/**
 * Pure scoring for the evaluation harness (eval/run.ts): fact matching, per-question scores, the aggregate metrics and
 * their groupings (per document, language, split, kind). No I/O here, so every definition in docs/evaluation.md can be
 * read off this file.
 */

import type { Language, Question, QuestionKind, Split } from "./question-file.ts";

export interface SearchHit {
  page: number;
  score: number;
  similarity: number | null;
  text: string;
  /** Where the chunk sits (document title, section path, table column headers), when the service provides it. */
  context?: string | null;
}

/** The text a search result's facts are looked for in: its context (when the service sends one) and its text. */
export function hitText(hit: SearchHit): string {
  return hit.context ? `${hit.context}\n${hit.text}` : hit.text;
}

export interface Citation {
  n: number;
  page: number;
}

/** The two sentences the service answers with when nothing relevant was found (src/providers/llm/prompt.ts). */
export const NOT_FOUND_SENTENCES = ["I couldn't find that in your documents.", "No encontré eso en sus documentos."];

/** How many search results count for hit@k and MRR. */
export const K = 5;

/**
 * Lower case, accents off, typographic quotes and dashes made plain, whitespace collapsed, thousands separators
 * dropped ("$1,000" and "$1.000" → "$1000"), and the space after a currency sign removed ("$ 500" → "$500").
 */
export function normaliseForMatch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, "-")
    .replace(/\s+/g, " ")
    .replace(/(\d)[,.](?=\d{3}(?!\d))/g, "$1")
    .replace(/([$€£]) (?=\d)/g, "$1")
    .trim();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Whether `text` contains `fact` after normalisation, at token boundaries: a fact that starts or ends with a letter or
 * digit must not continue into one, so "$50" is not found in "$500", "60" not in "160" and "yes" not in "eyes".
 */
export function containsFact(text: string, fact: string): boolean {
  const haystack = normaliseForMatch(text);
  const needle = normaliseForMatch(fact);
  if (needle === "") return false;
  const startsWord = WORD_CHAR.test(needle.charAt(0));
  const endsWord = WORD_CHAR.test(needle.charAt(needle.length - 1));
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.charAt(at - 1);
    const after = haystack.charAt(at + needle.length);
    if (startsWord && before !== "" && WORD_CHAR.test(before)) continue;
    if (endsWord && after !== "" && WORD_CHAR.test(after)) continue;
    return true;
  }
  return false;
}

export function isRefusal(answer: string): boolean {
  return NOT_FOUND_SENTENCES.some((sentence) => normaliseForMatch(answer).includes(normaliseForMatch(sentence)));
}

/**
 * A search result is RELEVANT when it is on one of the question's expected pages AND its text contains at least one
 * of the expected facts. (Page alone is too loose on a 5-page document; fact alone rewards "$50" found in the
 * coverage examples for an imaging question.)
 */
export function isRelevant(hit: SearchHit, question: Question): boolean {
  const text = hitText(hit);
  return question.expected_pages.includes(hit.page) && question.expected_facts.some((fact) => containsFact(text, fact));
}

export interface RetrievalScore {
  /** 1-based rank of the first relevant result within the top K, or null. */
  first_relevant_rank: number | null;
  hit_at_5: boolean;
  /** Looser diagnostic: an expected page among the top-K result pages, whatever the text. */
  page_hit_at_5: boolean;
  reciprocal_rank: number;
}

export function scoreRetrieval(question: Question, hits: SearchHit[]): RetrievalScore {
  const top = hits.slice(0, K);
  const index = top.findIndex((hit) => isRelevant(hit, question));
  const rank = index === -1 ? null : index + 1;
  return {
    first_relevant_rank: rank,
    hit_at_5: rank !== null,
    page_hit_at_5: top.some((hit) => question.expected_pages.includes(hit.page)),
    reciprocal_rank: rank === null ? 0 : 1 / rank,
  };
}

export interface AnswerScore {
  refused: boolean;
  facts_found: string[];
  facts_missing: string[];
  /** The question's wrong_facts that the answer states. */
  wrong_facts_found: string[];
  /** Answerable questions only: every expected fact in the answer and none of its wrong_facts. Null otherwise. */
  answer_correct: boolean | null;
  /** Share of expected facts in the answer; 0 when the answer is a refusal. Null for unanswerable questions. */
  fact_recall: number | null;
  cited_pages: number[];
  /** Answered answerable questions only: do the cited pages include an expected page? Null otherwise. */
  citation_page_ok: boolean | null;
  /** Answered answerable questions only: share of the distinct cited pages that are expected pages. Null otherwise. */
  citation_page_precision: number | null;
  /** Unanswerable questions only: did the service refuse? Null otherwise. */
  refusal_ok: boolean | null;
  /** The per-question answer-quality score: fact recall when answerable, 1/0 for a correct/incorrect refusal otherwise. */
  quality: number;
}

export function scoreAnswer(question: Question, answer: string, citations: Citation[]): AnswerScore {
  const refused = isRefusal(answer);
  const citedPages = [...new Set(citations.map((c) => c.page))].sort((a, b) => a - b);
  if (!question.answerable) {
    return {
      refused,
      facts_found: [],
      facts_missing: [],
      wrong_facts_found: [],
      answer_correct: null,
      fact_recall: null,
      cited_pages: citedPages,
      citation_page_ok: null,
      citation_page_precision: null,
      refusal_ok: refused,
      quality: refused ? 1 : 0,
    };
  }
  const found = refused ? [] : question.expected_facts.filter((fact) => containsFact(answer, fact));
  const recall = question.expected_facts.length ? found.length / question.expected_facts.length : refused ? 0 : 1;
  const wrong = refused ? [] : (question.wrong_facts ?? []).filter((fact) => containsFact(answer, fact));
  const missing = question.expected_facts.filter((fact) => !found.includes(fact));
  return {
    refused,
    facts_found: found,
    facts_missing: missing,
    wrong_facts_found: wrong,
    answer_correct: !refused && missing.length === 0 && wrong.length === 0,
    fact_recall: recall,
    cited_pages: citedPages,
    citation_page_ok: refused ? null : citedPages.some((page) => question.expected_pages.includes(page)),
    citation_page_precision:
      refused || citedPages.length === 0 ? null : citedPages.filter((page) => question.expected_pages.includes(page)).length / citedPages.length,
    refusal_ok: null,
    quality: recall,
  };
}

export interface QuestionOutcome {
  /** Basename of the question file (and PDF) the question belongs to. */
  document: string;
  question: Question;
  retrieval: RetrievalScore;
  answer: AnswerScore;
}

export interface Metrics {
  /** Answerable questions with a relevant result in the top 5 / answerable questions. */
  hit_at_5: number | null;
  /** Mean reciprocal rank of the first relevant result (0 beyond rank 5) over answerable questions. */
  mrr: number | null;
  /** Mean share of expected facts found in the answer, over answerable questions (a refusal scores 0). */
  fact_recall: number | null;
  /** Answerable questions whose answer states every expected fact and no wrong fact / answerable questions. */
  answer_correct: number | null;
  /** Answered answerable questions whose cited pages include an expected page / answered answerable questions. */
  citation_page_accuracy: number | null;
  /** Diagnostic: mean share of an answered answerable question's distinct cited pages that are expected pages. */
  citation_page_precision: number | null;
  /** Unanswerable questions answered with the not-found sentence / unanswerable questions. */
  refusal_accuracy: number | null;
  /** Answerable questions NOT answered with the not-found sentence / answerable questions. */
  answered_rate: number | null;
  /** Mean per-question quality over all questions (fact recall, or 1/0 for refusals); the bar is 0.71. */
  answer_quality: number | null;
  /** Diagnostic: an expected page among the top-5 result pages, whatever the text. */
  page_hit_at_5: number | null;
  questions: number;
  answerable: number;
  unanswerable: number;
}

const mean = (values: number[]): number | null => (values.length ? round(values.reduce((a, b) => a + b, 0) / values.length) : null);
const share = (flags: boolean[]): number | null => mean(flags.map((flag) => (flag ? 1 : 0)));
const round = (value: number): number => Math.round(value * 1000) / 1000;

export function aggregate(outcomes: QuestionOutcome[]): Metrics {
  const answerable = outcomes.filter((o) => o.question.answerable);
  const unanswerable = outcomes.filter((o) => !o.question.answerable);
  const answered = answerable.filter((o) => !o.answer.refused);
  return {
    hit_at_5: share(answerable.map((o) => o.retrieval.hit_at_5)),
    mrr: mean(answerable.map((o) => o.retrieval.reciprocal_rank)),
    fact_recall: mean(answerable.map((o) => o.answer.fact_recall ?? 0)),
    answer_correct: share(answerable.map((o) => o.answer.answer_correct === true)),
    citation_page_accuracy: share(answered.map((o) => o.answer.citation_page_ok === true)),
    citation_page_precision: mean(answered.map((o) => o.answer.citation_page_precision ?? 0)),
    refusal_accuracy: share(unanswerable.map((o) => o.answer.refusal_ok === true)),
    answered_rate: share(answerable.map((o) => !o.answer.refused)),
    answer_quality: mean(outcomes.map((o) => o.answer.quality)),
    page_hit_at_5: share(answerable.map((o) => o.retrieval.page_hit_at_5)),
    questions: outcomes.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
  };
}

export interface GroupedMetrics {
  all: Metrics;
  /** Per question file (document basename), in the order the documents were run. */
  by_document: Record<string, Metrics>;
  by_language: Record<Language, Metrics>;
  /** Both splits always, so a report shows dev and heldout side by side (a split not run has 0 questions). */
  by_split: Record<Split, Metrics>;
  /** Per kind that occurs, in alphabetical order. */
  by_kind: Partial<Record<QuestionKind, Metrics>>;
}

/** The metrics of every group the harness reports: overall, per document, per language, per split, per kind. */
export function groupMetrics(outcomes: QuestionOutcome[]): GroupedMetrics {
  const documents = [...new Set(outcomes.map((o) => o.document))];
  const of = (keep: (o: QuestionOutcome) => boolean) => aggregate(outcomes.filter(keep));
  const kinds = [...new Set(outcomes.map((o) => o.question.kind))].sort();
  return {
    all: aggregate(outcomes),
    by_document: Object.fromEntries(documents.map((document) => [document, of((o) => o.document === document)])),
    by_language: { en: of((o) => o.question.language === "en"), es: of((o) => o.question.language === "es") },
    by_split: { dev: of((o) => o.question.split === "dev"), heldout: of((o) => o.question.split === "heldout") },
    by_kind: Object.fromEntries(kinds.map((kind) => [kind, of((o) => o.question.kind === kind)])),
  };
}
