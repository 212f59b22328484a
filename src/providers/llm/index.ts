/**
 * Builds the answer providers in the configured order and answers with the first one that can start. Falling back
 * is only safe before any text has been streamed: after that, the answer stays with its provider (or fails).
 */
import type { Config } from "../../config";
import type { AppEnv } from "../../env";
import { log } from "../../lib/log";
import { llmProviderOrder, type LlmProviderName } from "../selection";
import { AnthropicLlmProvider } from "./anthropic";
import { OfflineLlmProvider } from "./offline";
import { OpenAiLlmProvider } from "./openai";
import { ProviderUnavailableError, type AnswerEvent, type AnswerRequest, type LlmProvider } from "./types";

export interface LlmProviderOptions {
  /** Overrides the first-token deadline of the model providers (see stream-guard.ts); tests use a short one. */
  firstTokenTimeoutMs?: number;
}

/**
 * The providers in `llmProviderOrder`, e.g. `[openai, anthropic, offline]` when both keys are set. A provider
 * named explicitly by LLM_PROVIDER but missing its key is skipped with a warning, so the offline one still answers.
 */
export function createLlmProviders(env: Partial<AppEnv>, config: Config, options: LlmProviderOptions = {}): LlmProvider[] {
  const providers: LlmProvider[] = [];
  for (const name of llmProviderOrder(env, config)) {
    const provider = createProvider(name, env, config, options);
    if (provider) providers.push(provider);
    else log("warn", "llm provider skipped: no API key", { provider: name });
  }
  return providers;
}

function createProvider(name: LlmProviderName, env: Partial<AppEnv>, config: Config, options: LlmProviderOptions): LlmProvider | undefined {
  switch (name) {
    case "openai":
      return env.OPENAI_API_KEY
        ? new OpenAiLlmProvider({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, model: config.chatModel, ...options })
        : undefined;
    case "anthropic":
      return env.ANTHROPIC_API_KEY
        ? new AnthropicLlmProvider({ apiKey: env.ANTHROPIC_API_KEY, baseURL: env.ANTHROPIC_BASE_URL, model: config.anthropicModel, ...options })
        : undefined;
    case "offline":
      return new OfflineLlmProvider();
  }
}

/**
 * Streams the answer of the first provider that starts one. A `ProviderUnavailableError` (thrown before any delta)
 * moves on to the next provider; any other error, an abort, or a failure after the first event propagates.
 * `onProviderChosen` fires once, with the provider whose events follow, before the first of them.
 *
 * @example
 * for await (const event of answerWithFallback(createLlmProviders(env, config), request, (p) => meta(p.name))) send(event);
 */
export async function* answerWithFallback(
  providers: LlmProvider[],
  request: AnswerRequest,
  onProviderChosen?: (provider: LlmProvider) => void,
): AsyncGenerator<AnswerEvent> {
  let lastError: unknown = new Error("no answer provider is configured");
  for (const provider of providers) {
    let started = false;
    try {
      for await (const event of provider.answer(request)) {
        if (!started) {
          started = true;
          onProviderChosen?.(provider);
        }
        yield event;
      }
      return;
    } catch (error) {
      if (started || !(error instanceof ProviderUnavailableError) || request.signal?.aborted) throw error;
      log("warn", "llm provider unavailable, trying the next one", { provider: provider.name, status: error.status, error: error.message });
      lastError = error;
    }
  }
  throw lastError;
}

export { ProviderStreamError, ProviderUnavailableError } from "./types";
export type { AnswerEvent, AnswerRequest, ChatTurn, FinishReason, LlmProvider, Source } from "./types";
