/** `POST /api/v2/search`. */
import { z } from "zod";
import { DocumentIds, Id, MAX_QUESTION_CHARS } from "./common.ts";

/** Upper bound on k: more than this is a bulk export, not a search. */
export const MAX_K = 50;

export const SearchBody = z.object({
  query: z.string().trim().min(1).max(MAX_QUESTION_CHARS),
  k: z.number().int().min(1).max(MAX_K).optional(),
  document_ids: DocumentIds.optional(),
  /** Also return the passage after each result in its document (`next`), which chat reads after its best three. */
  with_next: z.boolean().optional(),
});
export type SearchBody = z.input<typeof SearchBody>;

/** The passage after a result in its document. */
export const NextPassage = z.object({
  chunk_id: Id,
  page: z.number().int(),
  text: z.string(),
  context: z.string(),
});

export const SearchHit = z.object({
  chunk_id: Id,
  document_id: Id,
  filename: z.string(),
  page: z.number().int(),
  /**
   * Reciprocal-rank-fusion score of the two legs, lifted by the re-ranking by best sentence; higher is better. Results
   * are in rank order: a passage put among them for one part of a question that asks two things keeps the score it had
   * for that part, so scores after it need not decrease.
   */
  score: z.number(),
  /** Cosine similarity to the query, or null when only the keyword leg found the passage. */
  similarity: z.number().nullable(),
  text: z.string(),
  /** Document title and section path ("" when the document has none). */
  context: z.string(),
  /** With `with_next`: the passage after this one, or null at the document's end. */
  next: NextPassage.nullable().optional(),
  /**
   * True for a document's first passage (its cover: plan name, insurer, dates), put first because the query asks about
   * the document itself ("What's my plan called?"); absent otherwise.
   */
  cover: z.literal(true).optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z.object({
  results: z.array(SearchHit),
  timings_ms: z.object({ embed_ms: z.number(), query_ms: z.number() }),
});
export type SearchResponse = z.infer<typeof SearchResponse>;
