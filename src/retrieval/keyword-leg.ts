import type { KeywordTerm } from "./query";

/**
 * BM25's term-frequency saturation: a term said twice in a passage counts more than once, not twice. 1.2 is the usual
 * value (Robertson & Zaragoza, 2009); on the dev questions 0.8–2 moved MRR by at most 0.02 (docs/evaluation.md).
 */
export const BM25_K1 = 1.2;
/**
 * BM25's length normalisation: how far a long passage's matches are discounted. 0.75 is the usual value; on the dev
 * questions 0.3–0.9 moved MRR by at most 0.02 and hit@5 not at all.
 */
export const BM25_B = 0.75;

/** The keyword leg's inputs as `search_chunks` takes them (drizzle/0010_search_function.sql). */
export interface KeywordLegArguments {
  /** Every term as `{grp, weight, group_weight, q}`: one JSON parameter rather than four per term. */
  termsJson: string;
  /** The tsquery that selects the candidate passages; null when the question has no terms (the leg finds nothing). */
  anyTerm: string | null;
  /**
   * Every term's tsquery: what selects when the topics select nothing (src/retrieval/search.ts), or null when
   * `anyTerm` already is every term.
   */
  everyTerm: string | null;
}

/**
 * The keyword leg of search_chunks (drizzle/0010_search_function.sql). BM25 over the question's groups
 * (src/retrieval/query.ts), each group one term however many synonyms and translations it has:
 * - candidates: the user's passages with any term of a topic's group, in the question or in the situation told before
 *   it (through the GIN index on content_tsv), or of any group when the question has only generic words; a passage
 *   with nothing but generic words would not rank;
 * - df: the candidates with one of the group's terms, which for a specific group are all of the searched passages
 *   that have it; idf = ln(1 + (N − df + 0.5) / (df + 0.5)), N the searched passages. A generic group's df only
 *   counts the candidates, which overrates it a little; it weighs little anyway (query.ts);
 * - tf: the occurrences of the group's terms (ts_rank_cd with unit weights counts a word's or a phrase's), each times
 *   its term weight, saturated by k1 and discounted by length (the bytes of what is indexed, section path and text,
 *   which needs no decompression, against the searched passages' average) with b: a passage of a few words under a
 *   section path that names the topic must not outrank the passages under the same path that say more about it;
 * - a passage scores Σ group weight × idf × tf part, and the best `candidates` are ranked.
 */
export function keywordLegArguments(terms: KeywordTerm[]): KeywordLegArguments {
  const termsJson = JSON.stringify(terms.map((t) => ({ grp: t.group, weight: t.weight, group_weight: t.groupWeight, q: t.tsquery })));
  if (terms.length === 0) return { termsJson, anyTerm: null, everyTerm: null };
  // On a long document generic words alone would select most of its passages. A topic told in the situation selects
  // too: a Spanish question's own words may be in no English passage ("¿A qué departamento del estado puedo llamar?"),
  // and then the complaint told before it is what finds the passages.
  const specific = terms.filter((t) => t.topic);
  const every = terms.map((t) => `(${t.tsquery})`).join(" | ");
  if (specific.length === 0 || specific.length === terms.length) return { termsJson, anyTerm: every, everyTerm: null };
  return { termsJson, anyTerm: specific.map((t) => `(${t.tsquery})`).join(" | "), everyTerm: every };
}
