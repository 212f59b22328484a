import { sha256Hex } from "../../lib/hash";
import { errorFields, log } from "../../lib/log";
import type { EmbeddingProvider } from "./types";

/**
 * An hour: a member who asks again (a retry, the same question in a new conversation, a regenerated answer) asks
 * within minutes, and a vector derived from a member's question should not sit in a data centre's cache for longer
 * than that use needs.
 */
export const QUERY_EMBEDDING_TTL_SECONDS = 3600;

/** Never resolved by DNS: the Cache API only needs a URL as the key, and this one can never collide with a real one. */
const KEY_ORIGIN = "https://query-embeddings.cache.invalid";

export interface QueryCacheOptions {
  cache: Cache;
  /**
   * Whose questions these are (the user id), part of every key. A shared entry would let one member learn by timing
   * (and from `timings_ms.embed_ms` of /api/v2/search) that some other member asked the same question.
   */
  scope: string;
  ttlSeconds?: number;
  /** Keeps a cache write going after the caller has its vector (`ctx.waitUntil`); without it the write is awaited. */
  waitUntil?: (work: Promise<unknown>) => void;
}

/**
 * The text as it is embedded and keyed: Unicode NFC, case folded, runs of white space made one space. Two questions
 * that differ only in those ways share one cache entry, and because the normalised text is what the model sees, a
 * cached vector is exactly the one a miss would have computed.
 */
export function normalizeQueryText(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Wraps the embedder used for questions (never the one for documents) so a question already asked costs no model
 * call: each vector is kept in the Cache API under a hash of scope, model, dimensions and normalised text, as raw
 * float64 bytes (only the vector: never the text, which is hashed). A failing cache is logged and skipped.
 *
 * @example
 * const embedder = cachedQueryEmbedder(openai, { cache: caches.default, scope: userId, waitUntil: (p) => ctx.waitUntil(p) });
 * const [vector] = await embedder.embed(["What is my deductible?"]); // later calls: no OpenAI request
 */
export function cachedQueryEmbedder(embedder: EmbeddingProvider, options: QueryCacheOptions): EmbeddingProvider {
  const ttl = options.ttlSeconds ?? QUERY_EMBEDDING_TTL_SECONDS;
  const keyOf = async (text: string) =>
    new Request(`${KEY_ORIGIN}/${await sha256Hex(`${options.scope}\n${embedder.model}\n${embedder.dimensions}\n${text}`)}`);

  const read = async (key: Request): Promise<number[] | undefined> => {
    try {
      const hit = await options.cache.match(key);
      if (!hit) return undefined;
      const bytes = await hit.arrayBuffer();
      // A stored entry of another width (a model changed its output) is ignored, not trusted.
      return bytes.byteLength === embedder.dimensions * Float64Array.BYTES_PER_ELEMENT ? Array.from(new Float64Array(bytes)) : undefined;
    } catch (error) {
      log("warn", "query embedding cache: read failed", errorFields(error));
      return undefined;
    }
  };

  const write = (key: Request, vector: number[]) => {
    const response = new Response(new Float64Array(vector).buffer, {
      headers: { "content-type": "application/octet-stream", "cache-control": `max-age=${ttl}` },
    });
    return options.cache.put(key, response).catch((error: unknown) => log("warn", "query embedding cache: write failed", errorFields(error)));
  };

  return {
    name: embedder.name,
    model: embedder.model,
    dimensions: embedder.dimensions,
    defaultSimilarityThreshold: embedder.defaultSimilarityThreshold,
    vectorWeight: embedder.vectorWeight,
    async embed(texts) {
      const normalized = texts.map(normalizeQueryText);
      const keys = await Promise.all(normalized.map(keyOf));
      const vectors = await Promise.all(keys.map(read));
      const missing = vectors.flatMap((vector, i) => (vector ? [] : [i]));
      if (missing.length > 0) {
        const computed = await embedder.embed(missing.map((i) => normalized[i] ?? ""));
        const writes: Promise<unknown>[] = [];
        missing.forEach((index, j) => {
          const vector = computed[j];
          const key = keys[index];
          if (!vector || !key) return;
          vectors[index] = vector;
          writes.push(write(key, vector));
        });
        const written = Promise.all(writes);
        if (options.waitUntil) options.waitUntil(written);
        else await written;
      }
      return vectors.map((vector) => {
        if (!vector) throw new Error("the embedder returned fewer vectors than texts");
        return vector;
      });
    },
  };
}
