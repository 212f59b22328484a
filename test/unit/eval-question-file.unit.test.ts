import { describe, expect, it } from "vitest";
import { checkQuestionFile } from "../../eval/question-file";

const file = (questions: unknown[], overrides: Record<string, unknown> = {}) => ({
  fixture: "dev-corpus/sbc-example.pdf",
  fixture_sha256: "a".repeat(64),
  document_kind: "sbc",
  notes: "",
  questions,
  ...overrides,
});

const answerable = (overrides: Record<string, unknown> = {}) => ({
  id: "ex-en-01",
  question: "What is the deductible?",
  language: "en",
  answerable: true,
  kind: "amount",
  expected_facts: ["$500"],
  wrong_facts: ["$50"],
  expected_pages: [1],
  split: "dev",
  ...overrides,
});

describe("checkQuestionFile", () => {
  it("accepts a well-formed file", () => {
    expect(checkQuestionFile("sbc-example", file([answerable(), answerable({ id: "ex-en-02", smoke: true, split: "heldout" })]))).toEqual([]);
  });

  it("names the question by id when a field is wrong", () => {
    expect(checkQuestionFile("sbc-example", file([answerable({ kind: "price" })]))).toEqual([expect.stringMatching(/^ex-en-01 kind: /)]);
  });

  it("rejects a misspelt field rather than ignoring it", () => {
    expect(checkQuestionFile("sbc-example", file([answerable({ expected_page: [1] })]))).not.toEqual([]);
  });

  it("rejects a fixture path that climbs out of the fixtures folder", () => {
    expect(checkQuestionFile("sbc-example", file([answerable()], { fixture: "../sbc-example.pdf" }))).not.toEqual([]);
  });

  it("requires the file to be named after its PDF", () => {
    expect(checkQuestionFile("other", file([answerable()]))).toEqual([expect.stringContaining("does not match the file name")]);
  });

  it("rejects duplicate ids", () => {
    expect(checkQuestionFile("sbc-example", file([answerable(), answerable()]))).toEqual(["ex-en-01: duplicate id"]);
  });

  it("requires kind unanswerable exactly for unanswerable questions", () => {
    expect(checkQuestionFile("sbc-example", file([answerable({ kind: "unanswerable" })]))).toEqual([expect.stringContaining("kind")]);
  });

  it("rejects an unanswerable question with expected facts", () => {
    const problems = checkQuestionFile("sbc-example", file([answerable({ answerable: false, kind: "unanswerable", wrong_facts: [] })]));
    expect(problems).toEqual(["ex-en-01: unanswerable with facts or pages"]);
  });

  it("rejects a fact that is both expected and wrong", () => {
    expect(checkQuestionFile("sbc-example", file([answerable({ wrong_facts: ["$500"] })]))).toEqual(['ex-en-01: "$500" is both expected and wrong']);
  });
});
