import type { Citation, TurnTimings } from "../api/chat";
import type { Config } from "../config";
import type { OneShotDatabase } from "../db/one-shot";
import type { EmbeddingProvider } from "../providers/embeddings/types";
import { answerWithFallback } from "../providers/llm";
import { combineWithPreviousTurn } from "../providers/llm/offline";
import { NOT_FOUND_EN, NOT_FOUND_ES } from "../providers/llm/prompt";
import type { ChatTurn, FinishReason, LlmProvider, Source, TokenUsage } from "../providers/llm/types";
import { searchChunks, type SearchResult } from "../retrieval/search";
import { nextSources } from "./next-passages";
import { asksForList } from "../text/specific-terms";
import { errorFields, log } from "../lib/log";

/** A cited passage and an answer's timings, as the API sends them (src/api/chat.ts). */
export type { Citation, TurnTimings };

export type TurnEvent =
  | { type: "sources"; citations: Citation[]; query: string }
  | { type: "delta"; text: string }
  | {
      type: "done";
      answer: string;
      citations: Citation[];
      finishReason: FinishReason;
      provider: string;
      model: string;
      timings: TurnTimings;
      /** Tokens in and out, where the provider reports them (not the offline answerer). */
      usage?: TokenUsage;
      /** The first provider failed before its first word and a later one answered. */
      fallback: boolean;
    };

export interface TurnDeps {
  db: OneShotDatabase;
  embedder: EmbeddingProvider;
  providers: LlmProvider[];
  config: Pick<Config, "maxChunks" | "similarityThreshold" | "vectorWeight">;
}

export interface TurnInput {
  userId: string;
  question: string;
  history: ChatTurn[];
  documentIds?: string[];
  signal?: AbortSignal;
}

/** Passages read for a question asking for a list of services: a summary's chart is ten to fifteen passages of rows. */
export const LIST_CHUNKS = 12;

/** Characters of chunk text shown with a citation: enough to recognise the passage, short enough for a list. */
const SNIPPET_CHARS = 240;
/**
 * How long a follow-up waits for the model to make it standalone before the offline combination is used instead. A
 * 64-token completion usually takes well under a second (about 400 ms to its first token); past 1.2 s a slow rewrite
 * would cost the member more than the slightly worse query the instant combination gives.
 */
export const REWRITE_BUDGET_MS = 1_200;

/**
 * One question answered from the user's own documents: the follow-up is made standalone, the user's chunks are
 * retrieved (hybrid, scoped by RLS), numbered as sources, and the answer streams from the first provider that starts.
 * Yields `sources`, many `delta`s, then `done`; a provider failure after the first delta is thrown.
 *
 * Retrieval starts when this is called, not when the first event is read: a caller that first writes an event of its
 * own (the SSE `start`, which waits until the client reads it) does so while the question is already being searched.
 */
export function runTurn(deps: TurnDeps, input: TurnInput): AsyncGenerator<TurnEvent> {
  return startTurn(deps, input).events;
}

/** A turn under way: its events, and when its retrieval (the turn's one database request) has settled. */
export interface StartedTurn {
  events: AsyncGenerator<TurnEvent>;
  /**
   * Resolves when retrieval has succeeded or failed, never rejects (a failure is thrown by `events`). The chat object
   * waits for it before it answers: a login session checked inside retrieval's request is known by then.
   */
  retrieved: Promise<void>;
}

/** As `runTurn`, for a caller that must know when retrieval is done before it streams anything (the chat object). */
export function startTurn(deps: TurnDeps, input: TurnInput): StartedTurn {
  const started = Date.now();
  const retrieval = retrieve(deps, input);
  // Awaited by the generator; a turn dropped before it is read must not report the failure as unhandled.
  const retrieved = retrieval.then(
    () => undefined,
    () => undefined,
  );
  return { events: answerTurn(deps, input, started, retrieval), retrieved };
}

async function retrieve(deps: TurnDeps, input: TurnInput): Promise<{ query: string; results: SearchResult[] }> {
  const query = await standaloneQuery(deps.providers, input.question, input.history);
  const { results } = await searchChunks(deps.db, deps.embedder, {
    userId: input.userId,
    query,
    // A list asked for ("Which services need prior authorization?") is answered by every row that says so: more
    // passages are read than the few the best answer needs.
    k: asksForList(query) ? Math.max(deps.config.maxChunks, LIST_CHUNKS) : deps.config.maxChunks,
    similarityThreshold: deps.config.similarityThreshold,
    vectorWeight: deps.config.vectorWeight,
    documentIds: input.documentIds,
    withNext: true,
  });
  return { query, results };
}

async function* answerTurn(
  deps: TurnDeps,
  input: TurnInput,
  started: number,
  retrieval: Promise<{ query: string; results: SearchResult[] }>,
): AsyncGenerator<TurnEvent> {
  const { query, results } = await retrieval;
  const retrievalMs = Date.now() - started;

  const sources: Source[] = results.map((r, i) => ({
    n: i + 1,
    documentId: r.documentId,
    filename: r.filename,
    page: r.page,
    chunkId: r.chunkId,
    // The fused rank score (re-ranked by best sentence), as /api/v2/search reports it: one scale for chunks found by either leg.
    score: r.score,
    text: r.text,
    context: r.context,
    ...(r.cover ? { cover: true as const } : {}),
  }));
  sources.push(...nextSources(results, sources.length));
  const citations = sources.map(toCitation);
  yield { type: "sources", citations, query };

  let answer = "";
  let firstTokenMs: number | null = null;
  let finishReason: FinishReason = "stop";
  let provider = "";
  let model = "";
  let usage: TokenUsage | undefined;
  for await (const event of answerWithFallback(
    deps.providers,
    { question: input.question, sources, history: input.history, signal: input.signal },
    (chosen) => {
      provider = chosen.name;
      model = chosen.model;
    },
  )) {
    if (event.type === "delta") {
      firstTokenMs ??= Date.now() - started;
      answer += event.text;
      yield event;
    } else {
      finishReason = event.finishReason;
      model = event.model || model;
      usage = event.usage ?? usage;
    }
  }
  yield {
    type: "done",
    answer,
    citations: finishReason === "no_sources" ? [] : citedOnly(answer, citations),
    finishReason,
    provider,
    model,
    timings: { retrieval_ms: retrievalMs, first_token_ms: firstTokenMs, total_ms: Date.now() - started },
    ...(usage ? { usage } : {}),
    fallback: provider !== "" && provider !== deps.providers[0]?.name,
  };
}

/** Runs a turn to the end and returns the final event; for JSON answers. */
export async function completeTurn(deps: TurnDeps, input: TurnInput): Promise<Extract<TurnEvent, { type: "done" }> & { sources: Citation[] }> {
  return finishTurn(runTurn(deps, input));
}

/** Reads a started turn's events to the end and returns the final event with the sources. */
export async function finishTurn(events: AsyncGenerator<TurnEvent>): Promise<Extract<TurnEvent, { type: "done" }> & { sources: Citation[] }> {
  let sources: Citation[] = [];
  for await (const event of events) {
    if (event.type === "sources") sources = event.citations;
    if (event.type === "done") return { ...event, sources };
  }
  throw new Error("the turn ended without a done event");
}

/**
 * The question as a search query: itself when there is no earlier turn (no model call at all); otherwise rewritten by
 * the first model within `budgetMs`, or else combined with the previous turn offline.
 */
export async function standaloneQuery(providers: LlmProvider[], question: string, history: ChatTurn[], budgetMs = REWRITE_BUDGET_MS): Promise<string> {
  if (!history.some((turn) => turn.role === "user")) return question;
  const first = providers[0];
  if (first?.rewriteQuery && first.name !== "offline") {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error(`the rewrite took longer than ${budgetMs} ms`));
      }, budgetMs);
    });
    try {
      return await Promise.race([first.rewriteQuery(question, history, controller.signal), deadline]);
    } catch (error) {
      log("warn", "chat: query rewrite failed or was too slow; using the offline combination", errorFields(error));
    } finally {
      clearTimeout(timer);
    }
  }
  return combineWithPreviousTurn(question, history);
}

function toCitation(source: Source): Citation {
  const text = source.text.replace(/\s+/g, " ").trim();
  return {
    n: source.n,
    document_id: source.documentId,
    filename: source.filename,
    page: source.page,
    chunk_id: source.chunkId,
    score: Math.round(source.score * 10_000) / 10_000,
    snippet: text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS - 1)}…` : text,
    context: source.context ?? "",
  };
}

/** The sources the answer actually cites with [n]; all of them when it cites none (so nothing is hidden). */
export function citedOnly(answer: string, citations: Citation[]): Citation[] {
  const cited = new Set([...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
  const kept = citations.filter((c) => cited.has(c.n));
  return kept.length > 0 ? kept : citations;
}

/** A finished turn as a metrics event (no text, no ids); `surface` says which API it came through. */
export function chatEvent(done: Extract<TurnEvent, { type: "done" }>, surface: "stream" | "json" | "agents" | "v1") {
  return {
    kind: "chat" as const,
    surface,
    provider: done.provider,
    model: done.model,
    refused: done.finishReason === "refused" || done.finishReason === "no_sources" || isNotFoundAnswer(done.answer),
    fallback: done.fallback,
    retrievalMs: done.timings.retrieval_ms,
    firstTokenMs: done.timings.first_token_ms ?? -1,
    totalMs: done.timings.total_ms,
    tokensIn: done.usage?.inputTokens ?? -1,
    tokensOut: done.usage?.outputTokens ?? -1,
    citations: done.citations.length,
  };
}

/** An answer that is the prompt's "not in your documents" sentence (a model says it with finish reason "stop"). */
function isNotFoundAnswer(answer: string): boolean {
  const start = answer.trim();
  return start.startsWith(NOT_FOUND_EN) || start.startsWith(NOT_FOUND_ES);
}
