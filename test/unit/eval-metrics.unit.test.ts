import { describe, expect, it } from "vitest";
import { aggregate, containsFact, groupMetrics, isRelevant, scoreAnswer, scoreRetrieval, type QuestionOutcome, type SearchHit } from "../../eval/metrics";
import type { Question } from "../../eval/question-file";

const question = (overrides: Partial<Question> = {}): Question => ({
  id: "q-1",
  question: "What is the deductible?",
  language: "en",
  answerable: true,
  kind: "amount",
  expected_facts: ["$1,000", "$2,000"],
  wrong_facts: ["$3,500"],
  expected_pages: [1],
  split: "dev",
  ...overrides,
});

const unanswerable = (overrides: Partial<Question> = {}): Question =>
  question({ answerable: false, kind: "unanswerable", expected_facts: [], wrong_facts: [], expected_pages: [], ...overrides });

const hit = (page: number, text: string, context?: string): SearchHit => ({ page, score: 0.5, similarity: null, text, context });

function outcome(document: string, q: Question, answer: string): QuestionOutcome {
  return { document, question: q, retrieval: scoreRetrieval(q, [hit(1, answer)]), answer: scoreAnswer(q, answer, [{ n: 1, page: 1 }]) };
}

describe("containsFact", () => {
  it("matches amounts whatever their thousands separator", () => {
    expect(containsFact("Deductible: $1.000 individual", "$1,000")).toBe(true);
  });

  it("does not find a fact inside a longer number", () => {
    expect(containsFact("You pay $500 per stay", "$50")).toBe(false);
  });
});

describe("scoreAnswer: answer_correct", () => {
  it("is true when every expected fact is in the answer and no wrong fact is", () => {
    expect(scoreAnswer(question(), "Your deductible is $1,000 individual / $2,000 family [1].", []).answer_correct).toBe(true);
  });

  it("is false when one expected fact is missing, while fact recall gives partial credit", () => {
    const score = scoreAnswer(question(), "Your deductible is $1,000 [1].", []);
    expect(score.answer_correct).toBe(false);
    expect(score.fact_recall).toBe(0.5);
  });

  it("is false when the answer also states a wrong fact, and names it", () => {
    const score = scoreAnswer(question(), "Deductible $1,000 / $2,000; out-of-pocket limit $3,500 [1].", []);
    expect(score.answer_correct).toBe(false);
    expect(score.wrong_facts_found).toEqual(["$3,500"]);
    expect(score.fact_recall).toBe(1);
  });

  it("is false for a refusal", () => {
    expect(scoreAnswer(question(), "I couldn't find that in your documents.", []).answer_correct).toBe(false);
  });

  it("is null for an unanswerable question", () => {
    expect(scoreAnswer(unanswerable(), "No encontré eso en sus documentos.", []).answer_correct).toBeNull();
  });

  it("treats a question without wrong_facts as having none", () => {
    expect(scoreAnswer(question({ wrong_facts: undefined }), "$1,000 and $2,000, or $3,500", []).answer_correct).toBe(true);
  });
});

describe("isRelevant", () => {
  it("looks for the facts in the result's context as well as its text", () => {
    const q = question({ expected_facts: ["In-network"] });
    expect(isRelevant(hit(1, "Specialist visit | $40 copay", "Benefits table | In-network | Out-of-network"), q)).toBe(true);
    expect(isRelevant(hit(1, "Specialist visit | $40 copay"), q)).toBe(false);
  });

  it("needs an expected page as well as a fact", () => {
    expect(isRelevant(hit(2, "Deductible $1,000"), question())).toBe(false);
  });
});

describe("aggregate", () => {
  it("counts answer_correct over answerable questions only", () => {
    const metrics = aggregate([
      outcome("a", question({ id: "q-1" }), "$1,000 / $2,000"),
      outcome("a", question({ id: "q-2" }), "$1,000 only"),
      outcome("a", unanswerable({ id: "q-3" }), "I couldn't find that in your documents."),
    ]);
    expect(metrics.answer_correct).toBe(0.5);
    expect(metrics.refusal_accuracy).toBe(1);
    expect(metrics.questions).toBe(3);
  });

  it("reports null, not zero, for a metric with no question to compute it over", () => {
    expect(aggregate([outcome("a", question(), "$1,000 / $2,000")]).refusal_accuracy).toBeNull();
  });
});

describe("groupMetrics", () => {
  const outcomes = [
    outcome("doc-b", question({ id: "b-1", split: "heldout" }), "$1,000 / $2,000"),
    outcome("doc-a", question({ id: "a-1", language: "es", kind: "yes_no", expected_facts: ["yes"], wrong_facts: [] }), "Yes [1]"),
    outcome("doc-a", unanswerable({ id: "a-2" }), "It is sunny."),
  ];
  const grouped = groupMetrics(outcomes);

  it("groups per document in the order the documents were run", () => {
    expect(Object.keys(grouped.by_document)).toEqual(["doc-b", "doc-a"]);
    expect(grouped.by_document["doc-a"]?.questions).toBe(2);
  });

  it("groups per language and per split", () => {
    expect(grouped.by_language.es.questions).toBe(1);
    expect(grouped.by_language.en.questions).toBe(2);
    expect(grouped.by_split.heldout.questions).toBe(1);
    expect(grouped.by_split.dev.answer_quality).toBe(0.5);
  });

  it("always has both splits, a split not run with zero questions", () => {
    const devOnly = groupMetrics(outcomes.filter((o) => o.question.split === "dev"));
    expect(devOnly.by_split.heldout.questions).toBe(0);
    expect(devOnly.by_split.heldout.hit_at_5).toBeNull();
  });

  it("groups per kind that occurs, in alphabetical order", () => {
    expect(Object.keys(grouped.by_kind)).toEqual(["amount", "unanswerable", "yes_no"]);
  });

  it("computes the overall group from every question", () => {
    expect(grouped.all.questions).toBe(3);
    expect(grouped.all.answer_correct).toBe(1);
  });
});
