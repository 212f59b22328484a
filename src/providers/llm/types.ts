/**
 * The answer-generation contract. A provider turns a question plus the retrieved sources into a stream of text
 * deltas that cite sources as `[n]`, ending with one `done` event. Three implementations sit behind it (OpenAI,
 * Anthropic, and an extractive offline one), tried in order by `answerWithFallback` in ./index.ts.
 */
import { UpstreamError } from "../../lib/service-errors";
import type { LlmProviderName } from "../selection";

/** One retrieved chunk, numbered as the model must cite it: `n` is the `[n]` marker in the answer. */
export interface Source {
  n: number;
  documentId: string;
  filename: string;
  page: number;
  chunkId: string;
  /** Retrieval's fused (RRF) score; providers do not re-rank by it, it only travels to the client with the citation. */
  score: number;
  text: string;
  /** The chunk's title and section path; table rows in `text` already carry their row label and column headers. */
  context?: string;
  /** The document's first passage, put first because the question asks about the document itself (its plan's name). */
  cover?: true;
}

export interface ChatTurn {
  role: "user" | "assistant";
  content: string;
}

export interface AnswerRequest {
  question: string;
  /** Already filtered by the similarity threshold and numbered from 1. May be empty. */
  sources: Source[];
  /** Earlier turns, oldest first; the prompt keeps only the most recent ones. */
  history: ChatTurn[];
  /** Aborting stops the upstream request; the stream then throws the signal's reason and nothing falls back. */
  signal?: AbortSignal;
}

/**
 * Why the answer ended.
 * - `stop`: the model finished on its own.
 * - `length`: the output-token limit cut it (the text is incomplete; show that, do not retry).
 * - `refused`: the provider's content filter or a refusal ended it.
 * - `no_sources`: the offline provider found nothing relevant and said so.
 * Failures are not a finish reason: they are thrown (see the error classes below).
 */
export type FinishReason = "stop" | "length" | "refused" | "no_sources";

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export type AnswerEvent =
  | { type: "delta"; text: string }
  /** `model` is what the provider reports it ran, which can differ from the configured alias. */
  | { type: "done"; finishReason: FinishReason; model: string; usage?: TokenUsage };

export interface LlmProvider {
  readonly name: LlmProviderName;
  readonly model: string;
  /**
   * Streams the answer. Throws `ProviderUnavailableError` only before the first delta (rate limit, 5xx, timeout,
   * no connection), so a caller can still try another provider; once text has been yielded a failure is a
   * `ProviderStreamError`, because mixing two providers' text in one answer would be worse than an incomplete one.
   */
  answer(request: AnswerRequest): AsyncIterable<AnswerEvent>;
  /** Turns a follow-up ("and out of network?") into a standalone search query; returns the question when unsure. */
  rewriteQuery?(question: string, history: ChatTurn[], signal?: AbortSignal): Promise<string>;
}

/** The provider could not start an answer for a reason that another provider would not share. */
export class ProviderUnavailableError extends UpstreamError {
  declare readonly provider: LlmProviderName;

  constructor(provider: LlmProviderName, message: string, options: { status?: number; cause?: unknown } = {}) {
    super("llm", provider, message, { retryable: true, ...options });
    this.name = "ProviderUnavailableError";
  }
}

/** The provider failed after part of the answer was already streamed; the text so far is incomplete. */
export class ProviderStreamError extends UpstreamError {
  declare readonly provider: LlmProviderName;

  constructor(provider: LlmProviderName, message: string, options: { cause?: unknown } = {}) {
    super("llm", provider, message, { retryable: true, ...options });
    this.name = "ProviderStreamError";
  }
}
