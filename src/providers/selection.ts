import type { Config } from "../config";
import type { AppEnv } from "../env";

export type EmbeddingProviderName = "openai" | "offline";
export type LlmProviderName = "openai" | "anthropic" | "offline";
export type ParserProviderName = "llamaparse" | "builtin";

/** An explicit setting wins; otherwise the presence of a key selects the paid provider, and nothing selects offline. */
export function embeddingProviderName(env: Partial<AppEnv>, config: Config): EmbeddingProviderName {
  return config.embeddingProvider ?? (env.OPENAI_API_KEY ? "openai" : "offline");
}

/** The LLM providers to try in order: the chosen one first, then every other one with a key, offline last. */
export function llmProviderOrder(env: Partial<AppEnv>, config: Config): LlmProviderName[] {
  const available: LlmProviderName[] = [];
  if (env.OPENAI_API_KEY) available.push("openai");
  if (env.ANTHROPIC_API_KEY) available.push("anthropic");
  available.push("offline");
  const first = config.llmProvider ?? available[0] ?? "offline";
  return [first, ...available.filter((name) => name !== first)];
}

export function parserProviderName(env: Partial<AppEnv>, config: Config): ParserProviderName {
  return config.parserProvider ?? (env.LLAMA_CLOUD_API_KEY ? "llamaparse" : "builtin");
}
