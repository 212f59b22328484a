export interface EmbeddingProvider {
  /** "openai" or "offline": shown in /health and stored nowhere else. */
  readonly name: string;
  readonly model: string;
  readonly dimensions: number;
  /**
   * The cosine similarity below which a chunk is not relevant for this model; used when SIMILARITY_THRESHOLD is not
   * set. Scores are not comparable across models: a lexical model scores relevant text lower than a semantic one.
   */
  readonly defaultSimilarityThreshold: number;
  /**
   * The vector leg's weight in rank fusion, against 1 for the keyword leg (src/retrieval/fusion.ts): how far this
   * model's nearest passages can be trusted over exact terms. Like the threshold, it belongs to the model.
   */
  readonly vectorWeight: number;
  /**
   * Embeds texts in order; returns one unit-length vector per text. Throws `UpstreamError` (src/lib/service-errors.ts),
   * `retryable` for transient failures (429, 5xx, timeouts): ingestion retries with backoff, a search answers 502.
   */
  embed(texts: string[]): Promise<number[][]>;
}
