/**
 * Answers with an OpenAI chat model through the official SDK: a streamed chat completion whose deltas are passed
 * on as they arrive. The prompt is ./prompt.ts; the fallback contract is ./stream-guard.ts.
 */
import OpenAI, { APIConnectionError, APIError, APIUserAbortError } from "openai";
import type { ChatCompletionChunk, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { ANSWER_MAX_TOKENS, REWRITE_MAX_TOKENS, buildAnswerPrompt, cleanRewrite, rewritePrompt, type Prompt } from "./prompt";
import { FIRST_TOKEN_TIMEOUT_MS, guardStream, isTransientStatus } from "./stream-guard";
import { ProviderUnavailableError, type AnswerEvent, type AnswerRequest, type ChatTurn, type FinishReason, type LlmProvider, type TokenUsage } from "./types";

/**
 * One retry absorbs a single 429/5xx blip at the SDK's ~0.5 s backoff. The default (two retries, backoff up to
 * 8 s) would keep the user waiting on a provider that is down when another one is ready to answer.
 */
const MAX_RETRIES = 1;
/** Per attempt, until the response headers; the first-token deadline bounds the whole start of the answer. */
const REQUEST_TIMEOUT_MS = 15_000;
/** The rewrite delays the search it feeds; past 5 s searching with the raw question is the better trade. */
const REWRITE_TIMEOUT_MS = 5_000;

export interface OpenAiProviderOptions {
  apiKey: string;
  /** OPENAI_BASE_URL; the SDK's default (api.openai.com) when unset. */
  baseURL?: string | undefined;
  model: string;
  firstTokenTimeoutMs?: number;
}

export class OpenAiLlmProvider implements LlmProvider {
  readonly name = "openai";
  readonly model: string;
  readonly #client: OpenAI;
  readonly #firstTokenTimeoutMs: number;

  constructor(options: OpenAiProviderOptions) {
    this.model = options.model;
    this.#firstTokenTimeoutMs = options.firstTokenTimeoutMs ?? FIRST_TOKEN_TIMEOUT_MS;
    this.#client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL || undefined,
      maxRetries: MAX_RETRIES,
      timeout: REQUEST_TIMEOUT_MS,
    });
  }

  answer(request: AnswerRequest): AsyncIterable<AnswerEvent> {
    return guardStream(
      { provider: this.name, signal: request.signal, firstTokenTimeoutMs: this.#firstTokenTimeoutMs, toUnavailable },
      (signal) => this.#stream(buildAnswerPrompt(request), signal),
    );
  }

  async rewriteQuery(question: string, history: ChatTurn[], signal?: AbortSignal): Promise<string> {
    try {
      const completion = await this.#client.chat.completions.create(
        { model: this.model, messages: toMessages(rewritePrompt(question, history)), max_completion_tokens: REWRITE_MAX_TOKENS },
        { timeout: REWRITE_TIMEOUT_MS, signal },
      );
      return cleanRewrite(completion.choices[0]?.message.content ?? "", question);
    } catch (error) {
      throw toUnavailable(error) ?? error;
    }
  }

  async *#stream(prompt: Prompt, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
    const stream = await this.#client.chat.completions.create(
      {
        model: this.model,
        messages: toMessages(prompt),
        stream: true,
        stream_options: { include_usage: true },
        max_completion_tokens: ANSWER_MAX_TOKENS,
      },
      { signal },
    );
    let model = this.model;
    let finishReason: FinishReason | undefined;
    let usage: TokenUsage | undefined;
    for await (const chunk of stream) {
      if (chunk.model) model = chunk.model;
      if (chunk.usage) usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens };
      const choice = chunk.choices[0];
      if (!choice) continue;
      if (choice.delta.content) yield { type: "delta", text: choice.delta.content };
      if (choice.finish_reason) finishReason = mapFinishReason(choice.finish_reason);
    }
    // A stream cut without a finish reason is a dropped connection, not a finished answer.
    if (!finishReason) throw new Error("the OpenAI stream ended without a finish_reason");
    yield usage ? { type: "done", finishReason, model, usage } : { type: "done", finishReason, model };
  }
}

function toMessages(prompt: Prompt): ChatCompletionMessageParam[] {
  return [{ role: "system", content: prompt.system }, ...prompt.messages];
}

type OpenAiFinishReason = NonNullable<ChatCompletionChunk.Choice["finish_reason"]>;

/** Tool and function calls cannot happen (no tools are offered), so they count as a normal stop. */
function mapFinishReason(reason: OpenAiFinishReason): FinishReason {
  if (reason === "length") return "length";
  if (reason === "content_filter") return "refused";
  return "stop";
}

function toUnavailable(error: unknown): ProviderUnavailableError | null {
  if (error instanceof APIUserAbortError) return null;
  if (error instanceof APIConnectionError) {
    return new ProviderUnavailableError("openai", `OpenAI unreachable: ${error.message}`, { cause: error });
  }
  if (error instanceof APIError) {
    // No status: an error event inside a 200 stream, which OpenAI sends for server-side failures.
    if (error.status === undefined) return new ProviderUnavailableError("openai", `OpenAI stream error: ${error.message}`, { cause: error });
    if (isTransientStatus(error.status)) {
      return new ProviderUnavailableError("openai", `OpenAI answered ${error.status}: ${error.message}`, { status: error.status, cause: error });
    }
  }
  return null;
}
