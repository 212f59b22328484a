import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, inject, it, vi } from "vitest";
import { runTurn, standaloneQuery } from "../../src/chat/turn";
import type { AppEnv } from "../../src/env";
import { combineWithPreviousTurn } from "../../src/providers/llm/offline";
import { OpenAiLlmProvider } from "../../src/providers/llm/openai";
import type { ChatTurn } from "../../src/providers/llm/types";
import { createServices } from "../../src/services";
import wranglerToml from "../../wrangler.toml?raw";
import { registerUser } from "../support/worker-api";
import { control, requestsContaining } from "../support/worker-llm";

const baseURL = inject("openaiUrl");
const openai = () => new OpenAiLlmProvider({ apiKey: "sk-test", baseURL, model: "gpt-4o-mini" });
const history: ChatTurn[] = [
  { role: "user", content: "What is the in-network deductible?" },
  { role: "assistant", content: "$750 per person [1]." },
];

describe("a chat turn", () => {
  it("starts retrieval when it is created, before anyone reads its first event", async () => {
    const user = await registerUser("eager-turn");
    const services = createServices({ ...(env as AppEnv), LLM_PROVIDER: "offline", EMBEDDING_PROVIDER: "offline" });
    const deps = services.turnDeps(user.id);
    const embedded: string[][] = [];
    const embedder = { ...deps.embedder, embed: (texts: string[]) => (embedded.push(texts), deps.embedder.embed(texts)) };
    try {
      const turn = runTurn({ ...deps, embedder }, { userId: user.id, question: "What is the deductible?", history: [] });
      await vi.waitFor(() => expect(embedded).toHaveLength(1));
      const events = [];
      for await (const event of turn) events.push(event.type);
      expect(events[0]).toBe("sources");
      expect(events.at(-1)).toBe("done");
    } finally {
      await services.close();
    }
  });
});

describe("the follow-up rewrite", () => {
  beforeEach(async () => {
    await control(baseURL, "reset");
  });

  it("is not asked for when there is no earlier turn: the question is the query", async () => {
    expect(await standaloneQuery([openai()], "Is acupuncture covered? RW-FIRST-1", [])).toBe("Is acupuncture covered? RW-FIRST-1");
    expect(await requestsContaining(baseURL, "RW-FIRST-1")).toHaveLength(0);
  });

  it("uses the model's rewrite when it arrives within the budget", async () => {
    const question = "and out of network? RW-FAST-2";
    const query = await standaloneQuery([openai()], question, history);
    expect(await requestsContaining(baseURL, "RW-FAST-2")).toHaveLength(1);
    expect(query).not.toBe(combineWithPreviousTurn(question, history));
  });

  it("gives up on a rewrite slower than its budget and combines the follow-up with the previous turn instead", async () => {
    const question = "and out of network? RW-SLOW-3 __TTFT_MS=5000__";
    const query = await standaloneQuery([openai()], question, history, 200);
    expect(query).toBe(combineWithPreviousTurn(question, history));
  });
});

describe("the ingest queue", () => {
  it("delivers a batch as soon as a message arrives, so a single upload starts at once", () => {
    const consumers = wranglerToml.split("[[queues.consumers]]").slice(1);
    const ingest = consumers.find((section: string) => /^queue = "insurance-navigator-ingest"$/m.test(section));
    expect(ingest).toBeDefined();
    expect(ingest).toMatch(/^max_batch_timeout = 0$/m);
  });

  it("gives every message a batch of its own in every environment, so no document waits for another's ingestion", () => {
    for (const marker of ["[[queues.consumers]]", "[[env.production.queues.consumers]]"]) {
      const consumers = wranglerToml.split(marker).slice(1).map((section: string) => section.split("\n[")[0] ?? "");
      const ingest = consumers.find((section: string) => /^queue = "insurance-navigator-ingest"$/m.test(section));
      expect(ingest, marker).toMatch(/^max_batch_size = 1$/m);
    }
  });
});
