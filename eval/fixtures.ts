/**
 * Reads the question files (`eval/questions/*.json`) and checks each against its PDF in the shared fixtures folder:
 * the schema and cross-field rules (eval/question-file.ts), the PDF's sha256, and that every expected fact of an
 * answerable question is on one of its expected pages by this harness's own text extraction (unpdf's plain text,
 * independent of the service's parser, so a parser bug cannot hide a wrong question).
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractText, getDocumentProxy } from "unpdf";
import { containsFact } from "./metrics.ts";
import { checkQuestionFile, QuestionFileSchema, type QuestionFile } from "./question-file.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
export const QUESTIONS_DIR = join(root, "eval", "questions");
/** Fixture paths in question files are relative to this folder; the documents are never copied into the repository. */
export const FIXTURES_DIR = join(root, "..", "shared", "fixtures");

export interface EvalDocument {
  /** The question file's basename, which is also the PDF's: "sbc-kaiser-30-1000". */
  name: string;
  file: QuestionFile;
}

/** Every question file, sorted by name, with the problems found in any of them (empty when all are fine). */
export function readQuestionFiles(dir = QUESTIONS_DIR): { documents: EvalDocument[]; problems: string[] } {
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".json")).sort() : [];
  const documents: EvalDocument[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const fileName of names) {
    const name = basename(fileName, ".json");
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(dir, fileName), "utf8"));
    } catch (error) {
      problems.push(`${fileName}: not JSON: ${(error as Error).message}`);
      continue;
    }
    const found = checkQuestionFile(name, json);
    problems.push(...found.map((problem) => `${fileName}: ${problem}`));
    if (found.length) continue;
    const file = QuestionFileSchema.parse(json);
    for (const q of file.questions) {
      const other = seen.get(q.id);
      if (other) problems.push(`${fileName}: ${q.id}: id also used in ${other}`);
      seen.set(q.id, fileName);
    }
    documents.push({ name, file });
  }
  if (!names.length) problems.push(`no question files in eval/questions/`);
  return { documents, problems };
}

export function fixturePath(document: EvalDocument): string {
  return join(FIXTURES_DIR, document.file.fixture);
}

/** The PDF's bytes, or a problem when it is missing or is not the version the questions were written from. */
export function readFixture(document: EvalDocument): { pdf: Uint8Array<ArrayBuffer> | null; problems: string[] } {
  const path = fixturePath(document);
  if (!existsSync(path)) return { pdf: null, problems: [`${document.name}: fixture ../shared/fixtures/${document.file.fixture} not found`] };
  const pdf = new Uint8Array(readFileSync(path));
  const sha256 = createHash("sha256").update(pdf).digest("hex");
  if (sha256 !== document.file.fixture_sha256) {
    return { pdf, problems: [`${document.name}: fixture sha256 is ${sha256}, the question file says ${document.file.fixture_sha256}`] };
  }
  return { pdf, problems: [] };
}

/**
 * Every expected fact of an answerable question must be on one of its expected pages. Catches typos and wrong pages
 * in a question file before they are scored as the service's failures.
 */
export async function factsMissingFromPdf(document: EvalDocument, pdf: Uint8Array): Promise<string[]> {
  // verbosity 0: pdf.js would otherwise print font warnings ("TT: undefined function") over the report.
  const proxy = await getDocumentProxy(pdf.slice(), { verbosity: 0 });
  const { text } = await extractText(proxy, { mergePages: false });
  // Line breaks inside hyphenated numbers and words ("1-800-318-\n2596") are joined.
  const joined = (text as string[]).map((page) => page.replace(/-\s*\n\s*/g, "-"));
  // pdf.js's text runs of neighbouring cells also meet without a space ("Not covered10% coinsurance"): each page is
  // read a second time with its runs apart, and a fact counts as on the page in either reading.
  const spaced: string[] = [];
  for (let number = 1; number <= proxy.numPages; number++) {
    const content = await (await proxy.getPage(number)).getTextContent();
    spaced.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" ").replace(/-\s+(?=\d)/g, "-"));
  }
  const pages = joined.map((page, i) => `${page}\n${spaced[i] ?? ""}`);
  const problems: string[] = [];
  for (const q of document.file.questions.filter((question) => question.answerable)) {
    for (const fact of q.expected_facts) {
      const onPages = pages.flatMap((page, i) => (containsFact(page, fact) ? [i + 1] : []));
      if (!onPages.some((page) => q.expected_pages.includes(page))) {
        problems.push(`${document.name}: ${q.id}: "${fact}" is not on page ${q.expected_pages.join("/")} (found on: ${onPages.join(", ") || "none"})`);
      }
    }
    for (const page of q.expected_pages) if (page > pages.length) problems.push(`${document.name}: ${q.id}: no page ${page}`);
  }
  return problems;
}
