import OpenAI, { APIConnectionError, APIError } from "openai";
import { UpstreamError } from "../../lib/service-errors";
import type { EmbeddingProvider } from "./types";

/**
 * Inputs per request. OpenAI accepts 2,048, but a smaller request finishes well inside the timeout and a retry after a
 * 429 or 5xx repeats little work; 96 is the batch size OpenAI's own cookbook uses for bulk embedding.
 */
const MAX_INPUTS_PER_REQUEST = 96;
/**
 * Characters per request. OpenAI caps a request at 300,000 tokens summed over inputs; English runs about 4 characters
 * a token, so 200,000 characters (~50,000 tokens) stays far below it even for number-dense tables that tokenise worse.
 */
const MAX_CHARS_PER_REQUEST = 200_000;
/**
 * The SDK's own retries cover a blip (it waits 0.5 s then 1 s, or what `retry-after` says up to 60 s). Long outages are
 * the queue's job: it retries the whole message with exponential backoff, so retrying longer here would only hold a
 * consumer invocation open.
 */
const SDK_MAX_RETRIES = 2;
/** One embeddings request of 96 chunks answers in 1–3 s; 30 s means the API is stuck, and the queue should retry later. */
const REQUEST_TIMEOUT_MS = 30_000;

export interface OpenAIEmbedderOptions {
  apiKey: string;
  /** `OPENAI_BASE_URL`, e.g. an Azure-compatible gateway or the test stand-in; unset means the SDK's default. */
  baseURL?: string | undefined;
  model: string;
  dimensions: number;
  maxRetries?: number;
  timeoutMs?: number;
}

/** Splits texts into consecutive batches that respect both the input count and the character budget. */
export function batchTexts(
  texts: string[],
  maxInputs = MAX_INPUTS_PER_REQUEST,
  maxChars = MAX_CHARS_PER_REQUEST,
): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const text of texts) {
    if (current.length > 0 && (current.length >= maxInputs || chars + text.length > maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(text);
    chars += text.length;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Maps what the SDK throws onto a neutral `UpstreamError`: retryable when waiting may help, with a message that says
 * what to fix when it will not. Ingestion retries or fails the job on it; a search answers 502.
 */
function toUpstreamError(error: unknown, model: string): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const fail = (message: string, retryable = false, status?: number) =>
    new UpstreamError("embeddings", "openai", message, { retryable, status, cause: error });
  if (error instanceof APIConnectionError) return fail(`OpenAI embeddings could not be reached: ${error.message}`, true);
  if (!(error instanceof APIError)) {
    return fail(`OpenAI embeddings failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { status, message } = error;
  if (status === 401) return fail(`OpenAI rejected the API key (401); check OPENAI_API_KEY. ${message}`, false, status);
  if (status === 403) return fail(`OpenAI refused access (403); the key's project may not use ${model}. ${message}`, false, status);
  if (status === 404) return fail(`OpenAI does not know the model "${model}" (404); check EMBEDDING_MODEL. ${message}`, false, status);
  // A spent quota answers 429 too, but waiting minutes does not refill it.
  if (status === 429 && error.code === "insufficient_quota") {
    return fail(`OpenAI quota exhausted (429); check the account's billing. ${message}`, false, status);
  }
  if (status === undefined || status === 408 || status === 409 || status === 429 || status >= 500) {
    return fail(`OpenAI embeddings failed for now (${status ?? "no status"}): ${message}`, true, status);
  }
  return fail(`OpenAI rejected the embeddings request (${status}): ${message}`, false, status);
}

/** Scales to unit length: text-embedding-3 vectors already are, but cosine search must not depend on a provider's habit. */
function normalise(vector: number[]): number[] {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (!Number.isFinite(norm) || norm === 0) {
    throw new UpstreamError("embeddings", "openai", "OpenAI returned an empty (all-zero) embedding");
  }
  return vector.map((value) => value / norm);
}

/**
 * Embeds through OpenAI's embeddings API with the official SDK, so authentication, `retry-after` and error types are
 * the SDK's. Requests `dimensions` explicitly so the vectors fit the `vector(1536)` column whichever text-embedding-3
 * model is configured. Sends batches one after another (parallel requests would only meet the rate limit sooner) and
 * returns vectors in input order, using each item's `index` rather than the order of the response.
 *
 * @example
 * const embedder = createOpenAIEmbedder({ apiKey, model: "text-embedding-3-small", dimensions: EMBEDDING_DIMENSIONS });
 * const vectors = await embedder.embed(["What is the overall deductible?"]);
 */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions): EmbeddingProvider {
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL || undefined,
    maxRetries: options.maxRetries ?? SDK_MAX_RETRIES,
    timeout: options.timeoutMs ?? REQUEST_TIMEOUT_MS,
  });
  const { model, dimensions } = options;

  async function embedBatch(batch: string[]): Promise<number[][]> {
    const response = await client.embeddings.create({ model, input: batch, dimensions }).catch((error: unknown) => {
      throw toUpstreamError(error, model);
    });
    const vectors = new Array<number[] | undefined>(batch.length);
    for (const { index, embedding } of response.data) {
      if (index < 0 || index >= batch.length || embedding.length !== dimensions) {
        const shape = `index ${index} with ${embedding.length} dimensions`;
        throw new UpstreamError("embeddings", "openai", `OpenAI answered ${shape} for ${batch.length} inputs of ${dimensions}`);
      }
      vectors[index] = normalise(Array.from(embedding));
    }
    return vectors.map((vector, index) => {
      if (vector) return vector;
      throw new UpstreamError("embeddings", "openai", `OpenAI answered no embedding for input ${index}`, { retryable: true });
    });
  }

  return {
    name: "openai",
    model,
    dimensions,
    // The product's documented default for text-embedding-3-small.
    defaultSimilarityThreshold: 0.4,
    // Not measured here (no network): a semantic model gets the keyword leg's weight, plain reciprocal rank fusion.
    vectorWeight: 1,
    async embed(texts) {
      const vectors: number[][] = [];
      for (const batch of batchTexts(texts)) vectors.push(...(await embedBatch(batch)));
      return vectors;
    },
  };
}
