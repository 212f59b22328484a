import type { Config } from "../../config";
import { EMBEDDING_DIMENSIONS } from "../../db/schema";
import type { AppEnv } from "../../env";
import { embeddingProviderName } from "../selection";
import { createOfflineEmbedder } from "./offline";
import { createOpenAIEmbedder } from "./openai";
import type { EmbeddingProvider } from "./types";

/**
 * OpenAI when it is selected and a key is configured; otherwise the offline lexical embedder. Ingestion and questions
 * both come through here, so a document and the questions about it are embedded by the same model.
 *
 * @example
 * const embedder = createEmbeddingProvider(env, readConfig(env));
 */
export function createEmbeddingProvider(env: Partial<AppEnv>, config: Config): EmbeddingProvider {
  if (embeddingProviderName(env, config) === "openai" && env.OPENAI_API_KEY) {
    return createOpenAIEmbedder({
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL,
      model: config.embeddingModel,
      dimensions: EMBEDDING_DIMENSIONS,
    });
  }
  return createOfflineEmbedder(EMBEDDING_DIMENSIONS);
}
