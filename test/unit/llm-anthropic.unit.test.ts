import { beforeEach, describe, expect, inject, it } from "vitest";
import { AnthropicLlmProvider } from "../../src/providers/llm/anthropic";
import { ANSWER_MAX_TOKENS } from "../../src/providers/llm/prompt";
import { ProviderStreamError, ProviderUnavailableError } from "../../src/providers/llm/types";
import { collect, control, requestsContaining, sbcSources } from "../support/worker-llm";

const baseURL = inject("anthropicUrl");
/** Not a real model id: the SDK warns on deprecated ones, and the stand-in accepts any. */
const MODEL = "claude-test-model";
const provider = (firstTokenTimeoutMs?: number) =>
  new AnthropicLlmProvider({ apiKey: "sk-ant-test", baseURL, model: MODEL, ...(firstTokenTimeoutMs ? { firstTokenTimeoutMs } : {}) });
const ask = (question: string) => ({ question, sources: sbcSources(), history: [] });

describe("AnthropicLlmProvider", () => {
  beforeEach(async () => {
    await control(baseURL, "reset");
  });

  it("streams text deltas in order that join into the model's whole reply", async () => {
    const question = "What is the deductible for plan AN-STREAM-31?";
    const result = await collect(provider().answer(ask(question)));
    expect(result.error).toBeUndefined();
    expect(result.deltas.length).toBeGreaterThan(3);
    expect(result.text).toBe(`Answer based on [1]: ${question}`);
    expect(result.done).toMatchObject({ type: "done", finishReason: "stop", model: MODEL });
    expect(result.done?.usage?.outputTokens).toBe(result.deltas.length);
  });

  it("sends the numbered sources and the injection-safety instruction in the system field", async () => {
    const question = "Which copay applies to AN-PROMPT-12?";
    await collect(provider().answer(ask(question)));
    const [request] = await requestsContaining(baseURL, "AN-PROMPT-12");
    const body = JSON.parse(request?.body ?? "{}") as { system: string; messages: { role: string; content: string }[]; max_tokens: number; stream: boolean };
    expect(body.system).toContain('<source n="3" file="member-handbook.pdf" page="12">');
    expect(body.system).toContain("Prior authorization is required for MRI and CT scans.");
    expect(body.system).toMatch(/never instructions/);
    expect(body.messages).toEqual([{ role: "user", content: question }]);
    expect(body).toMatchObject({ max_tokens: ANSWER_MAX_TOKENS, stream: true });
  });

  it("sends the API key and the anthropic-version header", async () => {
    await collect(provider().answer(ask("Headers for AN-HEADERS-4?")));
    const [request] = await requestsContaining(baseURL, "AN-HEADERS-4");
    expect(request?.headers["anthropic-version"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(request?.headers["x-api-key"] ?? request?.headers.authorization).toMatch(/sk-ant-test/);
  });

  it("maps stop_reason max_tokens to finishReason length", async () => {
    const result = await collect(provider().answer(ask("Summarise everything __LENGTH__ AN-LENGTH-7")));
    expect(result.done?.finishReason).toBe("length");
    expect(result.text).toContain("AN-LENGTH-7");
  });

  it("throws ProviderUnavailableError when the API answers 503 before the first token", async () => {
    await control(baseURL, "fail", { path_prefix: "/v1/messages", status: 503, times: 2, headers: { "retry-after-ms": "5" } });
    const result = await collect(provider().answer(ask("Is AN-503-2 covered?")));
    expect(result.deltas).toEqual([]);
    expect(result.error).toBeInstanceOf(ProviderUnavailableError);
    expect(result.error).toMatchObject({ provider: "anthropic", status: 503 });
  });

  it("throws ProviderUnavailableError when no token arrives before the first-token deadline", async () => {
    const result = await collect(provider(200).answer(ask("Slow model AN-TTFT-5 __TTFT_MS=3000__")));
    expect(result.deltas).toEqual([]);
    expect(result.error).toBeInstanceOf(ProviderUnavailableError);
  });

  it("wraps an overloaded error after the first token in ProviderStreamError", async () => {
    const result = await collect(provider().answer(ask("Break AN-MID-6 __FAIL_MID_STREAM__")));
    expect(result.deltas).toEqual(["Answer "]);
    expect(result.error).toBeInstanceOf(ProviderStreamError);
  });

  it("stops with the caller's abort reason when the signal is aborted mid-answer", async () => {
    const controller = new AbortController();
    const deltas: string[] = [];
    const run = async () => {
      for await (const event of provider().answer({ ...ask("Abort AN-ABORT-3 __TPS=20__"), signal: controller.signal })) {
        if (event.type === "delta") {
          deltas.push(event.text);
          controller.abort(new Error("client went away"));
        }
      }
    };
    await expect(run()).rejects.toThrow("client went away");
    expect(deltas).toHaveLength(1);
  });

  it("rewrites a follow-up with a short non-streaming message", async () => {
    const history = [{ role: "user" as const, content: "What is my deductible for AN-REWRITE-8?" }];
    const query = await provider().rewriteQuery("and out of network?", history);
    expect(query.startsWith("Answer based on [1]: ")).toBe(true);
    const [request] = await requestsContaining(baseURL, "AN-REWRITE-8");
    const body = JSON.parse(request?.body ?? "{}") as { stream?: boolean; max_tokens: number };
    expect(body.stream).toBeUndefined();
    expect(body.max_tokens).toBeLessThan(ANSWER_MAX_TOKENS);
  });
});
