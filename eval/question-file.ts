/**
 * The shape of a question file, `eval/questions/<pdf-basename>.json`: one document and the questions asked about it.
 * The zod schema is the one declaration of a question; `checkQuestionFile` adds the rules a schema cannot say. Pure (no
 * I/O): eval/fixtures.ts reads the files and checks them against their PDFs.
 *
 * @example
 *   const problems = checkQuestionFile("sbc-kaiser-30-1000", JSON.parse(text));
 *   if (problems.length === 0) { const file = QuestionFileSchema.parse(json); }
 */
import { z } from "zod";

export const QUESTION_KINDS = ["amount", "yes_no", "list", "deadline", "which_network", "which_plan", "rule", "unanswerable"] as const;

export const QuestionSchema = z.strictObject({
  /** Unique across every file: results and `--verbose` name questions by id alone. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes"),
  question: z.string().trim().min(1),
  language: z.enum(["en", "es"]),
  answerable: z.boolean(),
  /** What sort of answer it asks for; metrics are also reported per kind. */
  kind: z.enum(QUESTION_KINDS),
  /** Strings a correct answer must contain, compared with normaliseForMatch (eval/metrics.ts) at token boundaries. */
  expected_facts: z.array(z.string().trim().min(1)),
  /** Strings a correct answer must NOT contain: the neighbouring row's or column's value a confused answer quotes. */
  wrong_facts: z.array(z.string().trim().min(1)).optional(),
  /** Pages (1-based) that hold the answer. */
  expected_pages: z.array(z.number().int().min(1)),
  /** "dev" questions may be tuned against; "heldout" ones are run only to report (docs/evaluation.md). */
  split: z.enum(["dev", "heldout"]),
  /** Part of the `--smoke` subset (CI). */
  smoke: z.literal(true).optional(),
});

export const QuestionFileSchema = z.strictObject({
  /** The PDF, relative to the shared fixtures folder (`../shared/fixtures/` from the repository root). */
  fixture: z
    .string()
    .regex(/^[\w-]+(\/[\w-]+)*\.pdf$/, "a relative path such as dev-corpus/name.pdf, no '..'"),
  /** Checked against the PDF's bytes on every run, so questions never silently drift from their document. */
  fixture_sha256: z.string().regex(/^[0-9a-f]{64}$/, "64 lower-case hex digits"),
  document_kind: z.string().trim().min(1),
  notes: z.string(),
  questions: z.array(QuestionSchema).min(1),
});

export type Question = z.infer<typeof QuestionSchema>;
export type QuestionFile = z.infer<typeof QuestionFileSchema>;
export type Language = Question["language"];
export type Split = Question["split"];
export type QuestionKind = Question["kind"];

/**
 * Problems with one parsed JSON file named `<basename>.json`; empty when it is fine. Shape first (zod), then the rules
 * across fields: the file is named after its PDF, ids are unique, answerable questions have facts and pages and
 * unanswerable ones have none, and a wrong fact is never also an expected one.
 */
export function checkQuestionFile(basename: string, json: unknown): string[] {
  const parsed = QuestionFileSchema.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${describePath(json, issue.path)}: ${issue.message}`);
  }
  const file = parsed.data;
  const problems: string[] = [];
  const pdfName = file.fixture.split("/").pop() ?? "";
  if (pdfName !== `${basename}.pdf`) problems.push(`fixture ${file.fixture} does not match the file name ${basename}.json`);
  const ids = new Set<string>();
  for (const q of file.questions) {
    if (ids.has(q.id)) problems.push(`${q.id}: duplicate id`);
    ids.add(q.id);
    if (q.answerable !== (q.kind !== "unanswerable")) problems.push(`${q.id}: kind "unanswerable" if and only if answerable is false`);
    if (q.answerable && (!q.expected_facts.length || !q.expected_pages.length)) problems.push(`${q.id}: answerable without facts or pages`);
    if (!q.answerable && (q.expected_facts.length || q.expected_pages.length || q.wrong_facts?.length)) {
      problems.push(`${q.id}: unanswerable with facts or pages`);
    }
    const expected = new Set(q.expected_facts.map(plain));
    for (const wrong of q.wrong_facts ?? []) if (expected.has(plain(wrong))) problems.push(`${q.id}: "${wrong}" is both expected and wrong`);
  }
  return problems;
}

const plain = (fact: string) => fact.trim().toLowerCase();

/** "questions[3].kind" reads worse than "cms-en-04 kind" when the file has 50 questions. */
function describePath(json: unknown, path: PropertyKey[]): string {
  if (path[0] === "questions" && typeof path[1] === "number" && isRecord(json) && Array.isArray(json.questions)) {
    const question: unknown = json.questions[path[1]];
    const id = isRecord(question) && typeof question.id === "string" ? question.id : `questions[${path[1]}]`;
    return [id, ...path.slice(2).map(String)].join(" ");
  }
  return path.map(String).join(".") || "(file)";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
