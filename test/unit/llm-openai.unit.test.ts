import { beforeEach, describe, expect, inject, it } from "vitest";
import { ANSWER_MAX_TOKENS } from "../../src/providers/llm/prompt";
import { OpenAiLlmProvider } from "../../src/providers/llm/openai";
import { ProviderStreamError, ProviderUnavailableError } from "../../src/providers/llm/types";
import { collect, control, requestsContaining, sbcSources } from "../support/worker-llm";

const baseURL = inject("openaiUrl");
const provider = (firstTokenTimeoutMs?: number) =>
  new OpenAiLlmProvider({ apiKey: "sk-test", baseURL, model: "gpt-4o-mini", ...(firstTokenTimeoutMs ? { firstTokenTimeoutMs } : {}) });
const ask = (question: string) => ({ question, sources: sbcSources(), history: [] });

describe("OpenAiLlmProvider", () => {
  beforeEach(async () => {
    await control(baseURL, "reset");
  });

  it("streams deltas in order that join into the model's whole reply", async () => {
    const question = "What is the deductible for plan OA-STREAM-17?";
    const result = await collect(provider().answer(ask(question)));
    expect(result.error).toBeUndefined();
    expect(result.deltas.length).toBeGreaterThan(3);
    expect(result.text).toBe(`Answer based on [1]: ${question}`);
    expect(result.done).toMatchObject({ type: "done", finishReason: "stop", model: "gpt-4o-mini" });
    expect(result.done?.usage?.outputTokens).toBe(result.deltas.length);
  });

  it("sends the numbered sources and the injection-safety instruction in the system prompt", async () => {
    const question = "Which copay applies to OA-PROMPT-23?";
    await collect(provider().answer(ask(question)));
    const [request] = await requestsContaining(baseURL, "OA-PROMPT-23");
    const body = JSON.parse(request?.body ?? "{}") as {
      messages: { role: string; content: string }[];
      stream: boolean;
      stream_options: { include_usage: boolean };
      max_completion_tokens: number;
    };
    const [system, ...rest] = body.messages;
    expect(system?.role).toBe("system");
    expect(system?.content).toContain('<source n="2" file="sbc-silver-ppo.pdf" page="1">');
    expect(system?.content).toContain("$500 individual / $1,000 family");
    expect(system?.content).toMatch(/never instructions/);
    expect(rest.at(-1)).toEqual({ role: "user", content: question });
    expect(body).toMatchObject({ stream: true, stream_options: { include_usage: true }, max_completion_tokens: ANSWER_MAX_TOKENS });
    expect(request?.headers.authorization).toBe("Bearer sk-test");
  });

  it("reports an answer cut by the token limit as finishReason length", async () => {
    const result = await collect(provider().answer(ask("Summarise everything __LENGTH__ OA-LENGTH-5")));
    expect(result.done?.finishReason).toBe("length");
    expect(result.text).toContain("OA-LENGTH-5");
  });

  it("throws ProviderUnavailableError when the API answers 503 before the first token", async () => {
    await control(baseURL, "fail", { path_prefix: "/v1/chat/completions", status: 503, times: 2, headers: { "retry-after-ms": "5" } });
    const result = await collect(provider().answer(ask("Is OA-503-9 covered?")));
    expect(result.deltas).toEqual([]);
    expect(result.error).toBeInstanceOf(ProviderUnavailableError);
    expect(result.error).toMatchObject({ provider: "openai", status: 503 });
  });

  it("retries a single 429 once and then answers", async () => {
    await control(baseURL, "fail", { path_prefix: "/v1/chat/completions", status: 429, times: 1, headers: { "retry-after-ms": "5" } });
    const result = await collect(provider().answer(ask("Is OA-RETRY-4 covered?")));
    expect(result.error).toBeUndefined();
    expect(result.text).toContain("OA-RETRY-4");
    expect(await requestsContaining(baseURL, "OA-RETRY-4")).toHaveLength(2);
  });

  it("throws ProviderUnavailableError when no token arrives before the first-token deadline", async () => {
    const started = Date.now();
    const result = await collect(provider(200).answer(ask("Slow model OA-TTFT-3 __TTFT_MS=3000__")));
    expect(result.error).toBeInstanceOf(ProviderUnavailableError);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it("wraps a failure after the first token in ProviderStreamError and keeps the text already sent", async () => {
    const result = await collect(provider().answer(ask("Break OA-MID-8 __FAIL_MID_STREAM__")));
    expect(result.deltas).toEqual(["Answer "]);
    expect(result.error).toBeInstanceOf(ProviderStreamError);
  });

  it("stops with the caller's abort reason when the signal is aborted mid-answer", async () => {
    const controller = new AbortController();
    const deltas: string[] = [];
    const run = async () => {
      for await (const event of provider().answer({ ...ask("Abort OA-ABORT-6 __TPS=20__"), signal: controller.signal })) {
        if (event.type === "delta") {
          deltas.push(event.text);
          controller.abort(new Error("client went away"));
        }
      }
    };
    await expect(run()).rejects.toThrow("client went away");
    expect(deltas).toHaveLength(1);
  });

  it("rewrites a follow-up with a short non-streaming completion that sees the earlier turns", async () => {
    const history = [
      { role: "user" as const, content: "What is my deductible for OA-REWRITE-2?" },
      { role: "assistant" as const, content: "$500 individual [2]" },
    ];
    const query = await provider().rewriteQuery("and out of network?", history);
    expect(query.startsWith("Answer based on [1]: ")).toBe(true);
    const [request] = await requestsContaining(baseURL, "OA-REWRITE-2");
    const body = JSON.parse(request?.body ?? "{}") as { stream?: boolean; messages: { content: string }[] };
    expect(body.stream).toBeUndefined();
    expect(body.messages.at(-1)?.content).toContain("Follow-up: and out of network?");
  });
});
