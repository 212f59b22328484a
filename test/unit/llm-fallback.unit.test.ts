import { beforeEach, describe, expect, inject, it } from "vitest";
import { readConfig } from "../../src/config";
import type { AppEnv } from "../../src/env";
import { answerWithFallback, createLlmProviders } from "../../src/providers/llm";
import { ProviderStreamError, ProviderUnavailableError, type LlmProvider } from "../../src/providers/llm/types";
import { collect, control, requestsContaining, sbcSources } from "../support/worker-llm";

const openaiUrl = inject("openaiUrl");
const anthropicUrl = inject("anthropicUrl");
const openaiKeys: Partial<AppEnv> = { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: openaiUrl };
const anthropicKeys: Partial<AppEnv> = { ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: anthropicUrl };
/** The SDK warns on deprecated Claude ids; the stand-in accepts any. */
const config = readConfig({ ANTHROPIC_MODEL: "claude-test-model" });
const ask = (question: string) => ({ question, sources: sbcSources(), history: [] });
/** Scripted failures answer twice, because the SDKs retry once; retry-after-ms keeps that retry instant. */
const failChat = (status: number) =>
  control(openaiUrl, "fail", { path_prefix: "/v1/chat/completions", status, times: 2, headers: { "retry-after-ms": "5" } });

async function answer(providers: LlmProvider[], question: string) {
  const chosen: string[] = [];
  const result = await collect(answerWithFallback(providers, ask(question), (provider) => chosen.push(provider.name)));
  return { ...result, chosen };
}

describe("createLlmProviders", () => {
  it("orders the providers as llmProviderOrder does, offline last", () => {
    const providers = createLlmProviders({ ...openaiKeys, ...anthropicKeys }, readConfig({ LLM_PROVIDER: "anthropic" }));
    expect(providers.map((p) => p.name)).toEqual(["anthropic", "openai", "offline"]);
  });

  it("skips a provider chosen by LLM_PROVIDER whose API key is missing", () => {
    const providers = createLlmProviders({}, readConfig({ LLM_PROVIDER: "openai" }));
    expect(providers.map((p) => p.name)).toEqual(["offline"]);
  });

  it("uses the configured model names", () => {
    const providers = createLlmProviders({ ...openaiKeys, ...anthropicKeys }, readConfig({ CHAT_MODEL: "gpt-test", ANTHROPIC_MODEL: "claude-test" }));
    expect(providers.map((p) => p.model)).toEqual(["gpt-test", "claude-test", "offline-extractive"]);
  });
});

describe("answerWithFallback", () => {
  beforeEach(async () => {
    await control(openaiUrl, "reset");
    await control(anthropicUrl, "reset");
  });

  it("answers from Anthropic when OpenAI answers 503 before its first token", async () => {
    await failChat(503);
    const result = await answer(createLlmProviders({ ...openaiKeys, ...anthropicKeys }, config), "Deductible FB-503-41?");
    expect(result.error).toBeUndefined();
    expect(result.chosen).toEqual(["anthropic"]);
    expect(result.text).toBe("Answer based on [1]: Deductible FB-503-41?");
    expect(result.done?.model).toBe("claude-test-model");
    expect(await requestsContaining(anthropicUrl, "FB-503-41")).toHaveLength(1);
  });

  it("answers offline when OpenAI is rate limited and no Anthropic key is set", async () => {
    await failChat(429);
    const result = await answer(createLlmProviders(openaiKeys, config), "What is my deductible? FB-429-7");
    expect(result.chosen).toEqual(["offline"]);
    expect(result.text).toMatch(/^From your documents:/);
    expect(result.text).toContain("$500");
  });

  it("does not try another provider when the first fails after its first delta", async () => {
    const result = await answer(createLlmProviders({ ...openaiKeys, ...anthropicKeys }, config), "Break FB-MID-19 __FAIL_MID_STREAM__");
    expect(result.chosen).toEqual(["openai"]);
    expect(result.text).toBe("Answer ");
    expect(result.error).toBeInstanceOf(ProviderStreamError);
    expect(await requestsContaining(anthropicUrl, "FB-MID-19")).toEqual([]);
  });

  it("keeps the answer with a provider that has yielded a delta even if it then reports itself unavailable", async () => {
    const flaky: LlmProvider = {
      name: "openai",
      model: "flaky",
      async *answer() {
        yield { type: "delta", text: "Partial " };
        throw new ProviderUnavailableError("openai", "went away");
      },
    };
    const result = await answer([flaky, ...createLlmProviders({}, config)], "What is my deductible? FB-FLAKY-2");
    expect(result.chosen).toEqual(["openai"]);
    expect(result.text).toBe("Partial ");
    expect(result.error).toBeInstanceOf(ProviderUnavailableError);
  });

  it("does not hide a rejected API key behind a fallback", async () => {
    await control(openaiUrl, "fail", {
      path_prefix: "/v1/chat/completions",
      status: 401,
      body: { error: { message: "Incorrect API key provided", type: "invalid_request_error", code: "invalid_api_key" } },
    });
    const result = await answer(createLlmProviders(openaiKeys, config), "Key FB-401-3?");
    expect(result.chosen).toEqual([]);
    expect(result.error).toBeInstanceOf(Error);
    expect(result.error).not.toBeInstanceOf(ProviderUnavailableError);
    expect(String(result.error)).toContain("401");
  });

  it("throws the last ProviderUnavailableError when every provider is unavailable", async () => {
    await failChat(503);
    const providers = createLlmProviders(openaiKeys, config).filter((p) => p.name !== "offline");
    const result = await answer(providers, "Nobody FB-ALL-5?");
    expect(result.error).toBeInstanceOf(ProviderUnavailableError);
    expect(result.chosen).toEqual([]);
  });
});
