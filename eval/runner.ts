/**
 * Runs the planned documents against the stack: each document as a fresh member (register, upload, wait for
 * ingestion, then its questions in file order), two documents at a time. A document the service cannot ingest or
 * answer is recorded as failed and the others go on. When the Worker itself dies (wrangler dev exits: seen when a
 * 250-page PDF is ingested), a stack this harness started is restarted, the documents that were in flight are retried
 * one at a time, and one that kills the Worker on its own is recorded as failed.
 */
import type { SearchResponse } from "../src/api/index.ts";
import { Api, EvalError, type ChatResponse, type IngestedJob } from "./api.ts";
import { K, scoreAnswer, scoreRetrieval, type QuestionOutcome } from "./metrics.ts";
import type { Question } from "./question-file.ts";
import type { EvalDocument } from "./fixtures.ts";

/** Documents run at once: parsing and embedding are CPU-bound, and 2 keep a 2-core machine busy. */
const CONCURRENCY = 2;
/** Health probes after a failure before the stack is declared dead: wrangler may be busy, not gone. */
const HEALTH_PROBES = 3;
const HEALTH_PROBE_GAP_MS = 2_000;

export interface Planned {
  document: EvalDocument;
  questions: Question[];
  pdf: Uint8Array<ArrayBuffer>;
}

export interface AskedQuestion {
  outcome: QuestionOutcome;
  /** As the service answered (src/api/search.ts): scored as metrics.ts SearchHits, saved whole by --sources. */
  hits: SearchResponse["results"];
  chat: ChatResponse;
}

export interface DocumentRun {
  name: string;
  /** Null when the document failed. */
  ingestion: (IngestedJob & { seconds: number }) | null;
  asked: AskedQuestion[];
  /** Why the document has no answers, or null. */
  failure: string | null;
}

/** A stack the runner can use, and (for a stack this harness started) restart after the Worker died. */
export interface StackHandle {
  url(): string;
  /** Null: the stack cannot be restarted (EVAL_URL), so a dead Worker ends the run. */
  restart: (() => Promise<void>) | null;
}

/** Runs every planned document; returns their runs in plan order, whatever order they finished in. */
export async function runDocuments(planned: Planned[], stack: StackHandle): Promise<DocumentRun[]> {
  const runs = new Map<string, DocumentRun>();
  let queue = [...planned];
  const alone = new Set<string>();
  while (queue.length) {
    const next = queue[0];
    if (!next) break;
    // A suspect runs alone, so that if the Worker dies again it is the one to blame.
    const batch = alone.has(next.document.name) ? [next] : takeWhile(queue, (p) => !alone.has(p.document.name));
    queue = queue.slice(batch.length);
    const result = await runBatch(batch, stack.url(), batch.length === 1 ? 1 : CONCURRENCY);
    for (const run of result.done) runs.set(run.name, run);
    if (!result.died) continue;
    if (!stack.restart) throw new EvalError(`the service stopped answering while running ${result.inFlight.map((p) => p.document.name).join(", ")}`);
    console.error(`eval: the Worker died (in flight: ${result.inFlight.map((p) => p.document.name).join(", ")}); restarting the stack`);
    for (const suspect of result.inFlight) {
      if (batch.length === 1) {
        runs.set(suspect.document.name, failed(suspect, "the Worker process died while this document was run alone (wrangler dev exited)"));
      } else alone.add(suspect.document.name);
    }
    const retry = batch.length === 1 ? [] : result.inFlight;
    await stack.restart();
    queue = [...retry, ...result.notStarted, ...queue];
  }
  return planned.map((p) => runs.get(p.document.name) ?? failed(p, "internal: never run"));
}

/** Runs a batch with a pool; stops taking documents once the Worker is found dead. */
async function runBatch(
  batch: Planned[],
  url: string,
  concurrency: number,
): Promise<{ done: DocumentRun[]; died: boolean; inFlight: Planned[]; notStarted: Planned[] }> {
  const done: DocumentRun[] = [];
  const inFlight: Planned[] = [];
  let died = false;
  let next = 0;
  const lane = async () => {
    while (!died && next < batch.length) {
      const item = batch[next++];
      if (!item) continue;
      try {
        done.push(await runDocument(url, item));
      } catch (error) {
        if (died || !(await alive(url))) {
          died = true;
          inFlight.push(item);
        } else {
          done.push(failed(item, error instanceof Error ? error.message : String(error)));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, lane));
  return { done, died, inFlight, notStarted: died ? batch.slice(next) : [] };
}

async function runDocument(url: string, item: Planned): Promise<DocumentRun> {
  const api = new Api(url);
  await api.register();
  // From the upload, as a member sees it: registering first can wait a minute on the per-address limit (a 429 with
  // Retry-After 60 s), which earlier runs counted as ingestion time (docs/local-development.md, "Queues").
  const started = Date.now();
  const job = await api.ingest(item.pdf, `${item.document.name}.pdf`);
  const seconds = (Date.now() - started) / 1000;
  console.error(`eval: ${item.document.name}: ingested in ${seconds.toFixed(1)} s; asking ${item.questions.length} questions`);
  const asked: AskedQuestion[] = [];
  for (const question of item.questions) {
    const hits = await api.search(question.question, K);
    const chat = await api.chat(question.question);
    const outcome: QuestionOutcome = {
      document: item.document.name,
      question,
      retrieval: scoreRetrieval(question, hits),
      answer: scoreAnswer(question, chat.answer, chat.citations),
    };
    asked.push({ outcome, hits, chat });
  }
  return { name: item.document.name, ingestion: { ...job, seconds }, asked, failure: null };
}

/**
 * A failed document's questions still count, with nothing retrieved and an empty answer: a member with that document
 * gets no answer at all, which the numbers must show rather than leave out.
 */
function failed(item: Planned, reason: string): DocumentRun {
  console.error(`eval: ${item.document.name}: FAILED: ${reason}`);
  const chat: ChatResponse = { answer: "", citations: [], finish_reason: "document_failed" };
  const asked = item.questions.map((question) => ({
    outcome: { document: item.document.name, question, retrieval: scoreRetrieval(question, []), answer: scoreAnswer(question, "", []) },
    hits: [],
    chat,
  }));
  return { name: item.document.name, ingestion: null, asked, failure: reason };
}

async function alive(url: string): Promise<boolean> {
  for (let probe = 1; probe <= HEALTH_PROBES; probe++) {
    try {
      const response = await fetch(new URL("/health", url), { signal: AbortSignal.timeout(HEALTH_PROBE_GAP_MS * 2) });
      await response.body?.cancel();
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, HEALTH_PROBE_GAP_MS));
    }
  }
  return false;
}

function takeWhile<T>(items: T[], keep: (item: T) => boolean): T[] {
  const taken: T[] = [];
  for (const item of items) {
    if (!keep(item)) break;
    taken.push(item);
  }
  return taken;
}
