import { sql, type SQL } from "drizzle-orm";
import type { OneShotDatabase } from "../db/one-shot";
import type { EmbeddingProvider } from "../providers/embeddings/types";
import { fusedScore, KEYWORD_WEIGHT, RRF_K } from "./fusion";
import { BM25_B, BM25_K1, keywordLegArguments, type KeywordLegArguments } from "./keyword-leg";
import { buildRetrievalQuery } from "./query";
import { rerank } from "./rerank";
import { asksAboutDocument } from "../text/document-question";
import { answersPart } from "./asked-parts";
import { askedParts, ownSubjectParts } from "../text/specific-terms";
import { storiedParts } from "../text/told-things";
import { askedRowCondition, CONDITION_PATTERN, hasMeetingRow } from "../text/row-condition";

export interface SearchOptions {
  userId: string;
  query: string;
  k: number;
  /** Minimum cosine similarity of the vector leg; undefined means the embedder's calibrated default. */
  similarityThreshold?: number;
  /** The vector leg's weight in fusion (the keyword leg's is 1); undefined means the embedder's calibrated default. */
  vectorWeight?: number;
  documentIds?: string[];
  /**
   * Also return the passage after each result in its document (`next`): an answer often continues past the passage
   * that names the question's words ("Step 1: Decide…" is found; "Step 2: …within 65 calendar days" answers).
   */
  withNext?: boolean;
}

/** The passage after a result in its document. */
export interface NextPassage {
  chunkId: string;
  page: number;
  text: string;
  context: string;
}

export interface SearchResult {
  chunkId: string;
  documentId: string;
  filename: string;
  page: number;
  /**
   * Weighted reciprocal-rank-fusion score of the two legs (src/retrieval/fusion.ts), lifted by the re-ranking by best
   * sentence (src/retrieval/rerank.ts); higher is better. A part's passage (query decomposition) keeps its part's
   * score, so the results are in rank order but their scores need not decrease.
   */
  score: number;
  /** Cosine similarity to the query, or null when only the keyword leg found the chunk. */
  similarity: number | null;
  text: string;
  /** The chunk's title and section path ("" when the document has none). */
  context: string;
  /** With `withNext`, the passage after this one in its document, or null at its end; absent otherwise. */
  next?: NextPassage | null;
  /**
   * The document's first passage (its cover: the plan's name, insurer, number, dates), put first because the question
   * asks about the document itself (src/text/document-question.ts); absent otherwise.
   */
  cover?: true;
}

export interface SearchTimings {
  embed_ms: number;
  query_ms: number;
}

/**
 * Each leg proposes this many candidates per result wanted, so fusion has something to choose from. Measured on the dev
 * questions (session 31): 4 → 8 gave 2 answers more (both on the 250-page Evidence of Coverage, where a leg's 20 best
 * of 2,000 passages left out a passage the other leg ranked well) and the same hit@5.
 */
const CANDIDATES_PER_RESULT = 8;
/**
 * HNSW candidate list size: above pgvector's default of 40 so the per-user filter still leaves enough rows; with
 * iterative scans on, the index keeps scanning until LIMIT rows pass the filter anyway.
 */
const HNSW_EF_SEARCH = 100;
/**
 * Fusion returns this many candidates per result wanted for the re-ranking by sentence to choose from (4 ranked the
 * dev questions as 2 did).
 */
const RERANK_POOL = 2;
/** Covers put first for a question about the document itself: a member with many documents still gets passages. */
const MAX_COVERS = 3;
/**
 * Passages the database reads for a question asking for every chart row that says something ("Which kinds of care
 * will this PPO not pay anything for out of network?"): an SBC's chart is a few dozen rows in ten to fifteen passages.
 */
const MAX_CONDITION_CANDIDATES = 60;
/** Of the results, the share those rows' passages may take: the search's own best passages keep the rest. */
const CONDITION_SHARE = 2 / 3;

type Row = {
  id: string;
  document_id: string;
  chunk_index: number;
  filename: string;
  page: number;
  content: string;
  context: string;
  similarity: number | null;
  vector_rank: number | null;
  keyword_rank: number | null;
  next_id?: string | null;
  next_page?: number | null;
  next_content?: string | null;
  next_context?: string | null;
};

/**
 * Hybrid retrieval scoped to one user, in one statement inside the user's RLS transaction:
 * - a vector leg: cosine similarity ≥ threshold over the HNSW index, with pgvector's iterative scan so filtering by
 *   user cannot starve the result; the query embedding is made from the question and the document terms of the
 *   concepts it names (src/retrieval/query.ts);
 * - a keyword leg scored like BM25 (src/retrieval/keyword-leg.ts): a term weighs by its rarity among the user's own
 *   passages within the document filter, computed in the same statement; a concept (the member's word with its
 *   synonyms and translations) counts as one term, and the vocabulary's additions weigh less than the member's own
 *   words. The GIN index on content_tsv finds the candidates;
 * - weighted reciprocal rank fusion of the two (src/retrieval/fusion.ts), the vector leg weighted by the embedder;
 * - the fused candidates re-ranked by their best sentence (src/retrieval/rerank.ts);
 * - a question asking two things about two subjects searched for each part too, in the same round trip's time, and
 *   each part's answering passage kept among the first k (src/retrieval/asked-parts.ts);
 * - a question asking for every chart row that says something ("Which kinds of care will this PPO not pay anything
 *   for out of network?") also reads the passages with such rows (src/text/row-condition.ts), first after any covers.
 */
export async function searchChunks(
  db: OneShotDatabase,
  embedder: EmbeddingProvider,
  options: SearchOptions,
): Promise<{ results: SearchResult[]; timings: SearchTimings }> {
  const query = buildRetrievalQuery(options.query);
  // A question asking two things about two subjects is searched for each too (below).
  // (Its asked parts are read once: those with a subject of their own, or else each with the thing of the story it is about.)
  const asked = askedParts(options.query);
  const own = ownSubjectParts(asked);
  const parts = own.length > 0 ? own : storiedParts(options.query, asked);
  const partQueries = parts.map(buildRetrievalQuery);

  const embedStarted = Date.now();
  // One call for the question and its parts: one round trip to an embeddings API.
  const vectors = await embedder.embed([query.embeddingText, ...partQueries.map((part) => part.embeddingText)]);
  const queryVector = vectors[0];
  if (!queryVector || vectors.length !== 1 + parts.length) throw new Error("the embedder returned no vector for the query");
  const embedMs = Date.now() - embedStarted;

  const candidates = options.k * CANDIDATES_PER_RESULT;
  const vectorLiteral = `[${queryVector.join(",")}]`;
  const documentIds = options.documentIds && options.documentIds.length > 0 ? `{${options.documentIds.join(",")}}` : null;
  const keyword = keywordLegArguments(query.terms);
  const vectorWeight = options.vectorWeight ?? embedder.vectorWeight;
  const minSimilarity = options.similarityThreshold ?? embedder.defaultSimilarityThreshold;
  const queryStarted = Date.now();
  // strict_order keeps exact distance order while the index scan continues past filtered-out rows.
  const hnswSettings = { "hnsw.iterative_scan": "strict_order", "hnsw.ef_search": String(HNSW_EF_SEARCH) };
  // One request: the user's setting, pgvector's and the statement as one transaction (src/db/one-shot.ts). The
  // statement lives in a PL/pgSQL function (drizzle/0010_search_function.sql) so the database plans it once per
  // connection instead of once per search (BENCHMARKS.md, "Issue 10, session 13"); it runs as the caller, so
  // row-level security binds it as it binds this call. The 1536-float query vector is bound once (about 20 KB of
  // text): the distance is computed once and the similarity derived from it.
  const searchWith = (vector: string, terms: KeywordLegArguments, anyTerm: string | null) =>
    db.asUser<Row>(
      options.userId,
      sql`select * from search_chunks(${options.userId}::uuid, ${vector}::vector, ${documentIds}::uuid[],
        ${candidates}::int, ${minSimilarity}::float8, ${terms.termsJson}::jsonb, ${anyTerm}::text,
        ${vectorWeight}::float8, ${KEYWORD_WEIGHT}::float8, ${RRF_K}::float8, ${BM25_K1}::float8, ${BM25_B}::float8,
        ${options.k * RERANK_POOL}::int, ${options.withNext === true}::boolean)`,
      hnswSettings,
    );
  const search = (anyTerm: string | null) => searchWith(vectorLiteral, keyword, anyTerm);
  const partSearches = partQueries.map((part, i) => {
    const terms = keywordLegArguments(part.terms);
    return searchWith(`[${(vectors[i + 1] ?? []).join(",")}]`, terms, terms.anyTerm);
  });
  // Passages read by what they are rather than searched for, with the passage after each, newest document first.
  const passagesWhere = (filter: SQL, order: SQL, limit: number) =>
    db.asUser<Row>(
      options.userId,
      sql`select c.id, c.document_id, c.chunk_index, d.filename, c.page_start as page, c.content, c.context,
        null::float8 as similarity, null::bigint as vector_rank, null::bigint as keyword_rank,
        n.id as next_id, n.page_start as next_page, n.content as next_content, n.context as next_context
      from document_chunks c
      join documents d on d.id = c.document_id
      left join document_chunks n on ${options.withNext === true} and n.document_id = c.document_id and n.chunk_index = c.chunk_index + 1
      where c.user_id = ${options.userId}::uuid and (${documentIds}::uuid[] is null or c.document_id = any(${documentIds}::uuid[])) and ${filter}
      order by d.created_at desc, d.id, ${order}
      limit ${limit}`,
    );
  // Asked about the document itself ("What's my plan called?"), each document's cover is read beside the search, in
  // the same round trip's time: the words of such a question find the cover by neither leg.
  const coverQuery = asksAboutDocument(options.query) ? passagesWhere(sql`c.chunk_index = 0`, sql`c.chunk_index`, Math.min(MAX_COVERS, options.k)) : Promise.resolve([]);
  // Asked for every row of a chart that says something (a cell "Not covered", a limit of visits, an approval needed
  // first), the rows are found by what their cells say, in the same round trip's time: the question's words ("not pay
  // anything", "a cap") are not the cells' ("Not covered", "limited to 20 visits"), and one row is not the answer.
  const condition = askedRowCondition(options.query);
  const conditionQuery = condition
    ? passagesWhere(sql`c.content like ${"% — %"} and c.content ~* ${CONDITION_PATTERN[condition]}`, sql`c.chunk_index`, MAX_CONDITION_CANDIDATES)
    : Promise.resolve([]);
  // (Awaited together, so a failure of any is the search's failure, never an unhandled rejection.)
  const [firstRows, coverRows, conditionRows, ...partRows] = await Promise.all([search(keyword.anyTerm), coverQuery, conditionQuery, ...partSearches]);
  let rows = firstRows;
  // A question whose topic words no passage has ("Which government agencies can I call about my rights to keep this
  // coverage?" over an SBC that says "Department of Labor") found nothing, and was refused with the answer in the
  // document: then its other words select, as they do for a question without a topic. A second round trip, only when
  // the first found nothing.
  if (rows.length === 0 && keyword.everyTerm !== null) rows = await search(keyword.everyTerm);
  const queryMs = Date.now() - queryStarted;

  const rank = (value: number | string | null) => (value === null ? null : Number(value));
  const toResult = (row: Row) => ({
    chunkId: row.id,
    documentId: row.document_id,
    filename: row.filename,
    page: Number(row.page),
    score: fusedScore(rank(row.vector_rank), rank(row.keyword_rank), vectorWeight),
    similarity: row.similarity === null ? null : Number(row.similarity),
    text: row.content,
    context: row.context,
    ...(options.withNext
      ? {
          next:
            row.next_id == null
              ? null
              : { chunkId: row.next_id, page: Number(row.next_page), text: row.next_content ?? "", context: row.next_context ?? "" },
        }
      : {}),
    position: Number(row.chunk_index),
  });
  // Ties broken by position in the document, so the same question always gets the same order.
  const byScore = (a: ReturnType<typeof toResult>, b: ReturnType<typeof toResult>) =>
    b.score - a.score || (b.similarity ?? -1) - (a.similarity ?? -1) || a.position - b.position;
  const fused = rows.map(toResult).sort(byScore);
  // The fused candidates re-ranked by their best sentence (./rerank.ts).
  const ranked = rerank(options.query, fused);
  // Each part's best passage is among the first k: the question's own ranking may give them all to one part ("¿Cuánto
  // nos toca por la sala de emergencias y cuánto por las radiografías?" found the x-ray row and the coverage example
  // of a fracture, not the emergency room's row). It takes the place of the question's own last results, keeping
  // its own score, so past the parts' passages the scores are not in order.
  const partBest = partRows.flatMap((rowsOfPart, i) => {
    const part = parts[i] ?? "";
    const best = rerank(part, rowsOfPart.map(toResult).sort(byScore)).find(answersPart(part));
    return best === undefined ? [] : [best];
  });
  const shown = new Set(ranked.slice(0, options.k).map((result) => result.chunkId));
  const missing = partBest.filter((best, i) => !shown.has(best.chunkId) && partBest.findIndex((other) => other.chunkId === best.chunkId) === i);
  const kept = ranked.slice(0, Math.max(0, options.k - missing.length));
  const found = [...kept, ...missing, ...ranked.filter((result) => !kept.includes(result) && !missing.some((part) => part.chunkId === result.chunkId))];
  // A cover the search found too keeps its scores; one it did not has none (score 0).
  const coverResults = coverRows.map((row) => ({ ...(found.find((result) => result.chunkId === row.id) ?? toResult(row)), cover: true as const }));
  // The passages with rows that meet the condition come next: those the search ranked in its order, then the others
  // in the document's, up to their share of the results.
  const foundAt = new Map(found.map((result, at) => [result.chunkId, at]));
  const rowResults = conditionRows
    .filter((row) => condition !== null && hasMeetingRow(row.content, condition))
    .map((row, order) => ({ row, order, at: foundAt.get(row.id) ?? found.length }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ row, at }) => found[at] ?? toResult(row))
    .filter((result) => !coverResults.some((cover) => cover.chunkId === result.chunkId))
    .slice(0, Math.ceil(options.k * CONDITION_SHARE));
  const first = [...coverResults, ...rowResults];
  const results = [...first, ...found.filter((result) => !first.some((shown) => shown.chunkId === result.chunkId))]
    .slice(0, options.k)
    .map(({ position: _position, ...result }) => result);
  return { results, timings: { embed_ms: embedMs, query_ms: queryMs } };
}
