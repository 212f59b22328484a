/**
 * Reciprocal rank fusion's constant: a passage at rank r of a leg scores weight / (RRF_K + r). 60 is the usual value
 * (Cormack et al., 2009); smaller values let the first ranks dominate. On the dev questions 10, 30, 60 and 100 gave
 * the same hit@5 and MRR (docs/evaluation.md).
 */
export const RRF_K = 60;

/** The keyword leg's weight; the vector leg's comes from the embedder (`EmbeddingProvider.vectorWeight`). */
export const KEYWORD_WEIGHT = 1;

/**
 * Weighted reciprocal rank fusion of the two legs' ranks (1-based; null when the leg did not find the passage). Ranks,
 * not scores, so the cosine of any embedding model and the keyword leg's BM25 score need no common scale.
 */
export function fusedScore(vectorRank: number | null, keywordRank: number | null, vectorWeight: number): number {
  const part = (rank: number | null, weight: number) => (rank === null ? 0 : weight / (RRF_K + rank));
  return part(vectorRank, vectorWeight) + part(keywordRank, KEYWORD_WEIGHT);
}
