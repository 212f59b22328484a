export interface EmbeddingProvider {
  /** "openai" or "offline": shown in /health and stored nowhere else. */
  readonly name: string;
  readonly model: string;
  readonly dimensions: number;
  /**
   * Embeds texts in order; returns one unit-length vector per text. Throws `IngestionError` with `retryable: true`
   * for transient upstream failures (429, 5xx, timeouts) so the queue can retry with backoff.
   */
  embed(texts: string[]): Promise<number[][]>;
}
