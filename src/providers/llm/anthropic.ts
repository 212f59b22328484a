/**
 * Answers with a Claude model through the official SDK: a streamed Messages request whose text deltas are passed
 * on as they arrive. The prompt is ./prompt.ts (its system part goes in `system`); the fallback contract is
 * ./stream-guard.ts.
 */
import Anthropic, { APIConnectionError, APIError, APIUserAbortError } from "@anthropic-ai/sdk";
import type { StopReason } from "@anthropic-ai/sdk/resources/messages";
import { ANSWER_MAX_TOKENS, REWRITE_MAX_TOKENS, buildAnswerPrompt, cleanRewrite, rewritePrompt, type Prompt } from "./prompt";
import { FIRST_TOKEN_TIMEOUT_MS, guardStream, isTransientStatus } from "./stream-guard";
import { ProviderUnavailableError, type AnswerEvent, type AnswerRequest, type ChatTurn, type FinishReason, type LlmProvider } from "./types";

/** Same reasoning as the OpenAI provider: one retry for a blip, then let the next provider answer. */
const MAX_RETRIES = 1;
/** Per attempt, until the response headers; the first-token deadline bounds the whole start of the answer. */
const REQUEST_TIMEOUT_MS = 15_000;
/** The rewrite delays the search it feeds; past 5 s searching with the raw question is the better trade. */
const REWRITE_TIMEOUT_MS = 5_000;

export interface AnthropicProviderOptions {
  apiKey: string;
  /** ANTHROPIC_BASE_URL; the SDK's default (api.anthropic.com) when unset. */
  baseURL?: string | undefined;
  model: string;
  firstTokenTimeoutMs?: number;
}

export class AnthropicLlmProvider implements LlmProvider {
  readonly name = "anthropic";
  readonly model: string;
  readonly #client: Anthropic;
  readonly #firstTokenTimeoutMs: number;

  constructor(options: AnthropicProviderOptions) {
    this.model = options.model;
    this.#firstTokenTimeoutMs = options.firstTokenTimeoutMs ?? FIRST_TOKEN_TIMEOUT_MS;
    this.#client = new Anthropic({
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
    const prompt = rewritePrompt(question, history);
    try {
      const message = await this.#client.messages.create(
        { model: this.model, max_tokens: REWRITE_MAX_TOKENS, system: prompt.system, messages: prompt.messages },
        { timeout: REWRITE_TIMEOUT_MS, signal },
      );
      const text = message.content.map((block) => (block.type === "text" ? block.text : "")).join("");
      return cleanRewrite(text, question);
    } catch (error) {
      throw toUnavailable(error) ?? error;
    }
  }

  async *#stream(prompt: Prompt, signal: AbortSignal): AsyncGenerator<AnswerEvent> {
    const stream = await this.#client.messages.create(
      { model: this.model, max_tokens: ANSWER_MAX_TOKENS, system: prompt.system, messages: prompt.messages, stream: true },
      { signal },
    );
    let model = this.model;
    let inputTokens = 0;
    let outputTokens = 0;
    let finishReason: FinishReason | undefined;
    let stopped = false;
    for await (const event of stream) {
      switch (event.type) {
        case "message_start":
          model = event.message.model || model;
          inputTokens = event.message.usage.input_tokens;
          break;
        case "content_block_delta":
          if (event.delta.type === "text_delta" && event.delta.text) yield { type: "delta", text: event.delta.text };
          break;
        case "message_delta":
          if (event.delta.stop_reason) finishReason = mapStopReason(event.delta.stop_reason);
          outputTokens = event.usage.output_tokens;
          break;
        case "message_stop":
          stopped = true;
          break;
        default:
          break;
      }
    }
    // Without message_stop the connection dropped (or the caller aborted, which the guard reports).
    if (!stopped || !finishReason) throw new Error("the Anthropic stream ended before message_stop");
    yield { type: "done", finishReason, model, usage: { inputTokens, outputTokens } };
  }
}

/** Tool use and pauses cannot happen (no tools are offered), so they count as a normal stop. */
function mapStopReason(reason: StopReason): FinishReason {
  if (reason === "max_tokens" || reason === "model_context_window_exceeded") return "length";
  if (reason === "refusal") return "refused";
  return "stop";
}

function toUnavailable(error: unknown): ProviderUnavailableError | null {
  if (error instanceof APIUserAbortError) return null;
  if (error instanceof APIConnectionError) {
    return new ProviderUnavailableError("anthropic", `Anthropic unreachable: ${error.message}`, { cause: error });
  }
  if (error instanceof APIError) {
    // No status: an `event: error` inside a 200 stream, typically overloaded_error before any text.
    if (error.status === undefined) return new ProviderUnavailableError("anthropic", `Anthropic stream error: ${error.message}`, { cause: error });
    if (isTransientStatus(error.status)) {
      return new ProviderUnavailableError("anthropic", `Anthropic answered ${error.status}: ${error.message}`, { status: error.status, cause: error });
    }
  }
  return null;
}
