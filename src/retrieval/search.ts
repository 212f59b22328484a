import { sql } from "drizzle-orm";
import type { OneShotDatabase } from "../db/one-shot";
import type { EmbeddingProvider } from "../providers/embeddings/types";
import { findConcepts } from "../text/concepts";
import { tokenize } from "../text/tokenize";
import { toTsQuery } from "./keywords";

export interface SearchOptions {
  userId: string;
  query: string;
  k: number;
  /** Minimum cosine similarity of the vector leg; undefined means the embedder's calibrated default. */
  similarityThreshold?: number;
  documentIds?: string[];
}

export interface SearchResult {
  chunkId: string;
  documentId: string;
  filename: string;
  page: number;
  /** Reciprocal-rank-fusion score of the two legs; higher is better. */
  score: number;
  /** Cosine similarity to the query, or null when only the keyword leg found the chunk. */
  similarity: number | null;
  text: string;
  /** The chunk's title and section path ("" when the document has none). */
  context: string;
}

export interface SearchTimings {
  embed_ms: number;
  query_ms: number;
}

/** RRF's usual constant: damps the weight of top ranks so neither leg dominates (Cormack et al., 2009). */
const RRF_K = 60;
/** Each leg proposes this many candidates per result wanted, so fusion has something to choose from. */
const CANDIDATES_PER_RESULT = 4;
/**
 * HNSW candidate list size: above pgvector's default of 40 so the per-user filter still leaves enough rows; with
 * iterative scans on, the index keeps scanning until LIMIT rows pass the filter anyway.
 */
const HNSW_EF_SEARCH = 100;

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
};

/**
 * Hybrid retrieval scoped to one user: a vector leg (cosine similarity ≥ threshold over the HNSW index, with
 * pgvector's iterative scan so filtering by user cannot starve the result) and a keyword leg (Postgres full text over
 * the 'simple' configuration, so exact terms like "$50" or "copay" are found), fused with reciprocal rank fusion.
 * Runs in one statement inside the user's RLS transaction.
 */
export async function searchChunks(
  db: OneShotDatabase,
  embedder: EmbeddingProvider,
  options: SearchOptions,
): Promise<{ results: SearchResult[]; timings: SearchTimings }> {
  // The usual English document term of each concept the question names (src/text vocabulary and Spanish glossary);
  // both legs search with them.
  const expansions = findConcepts(tokenize(options.query)).flatMap((match) => match.concept.terms.slice(0, 1));
  const retrievalText = expansions.length > 0 ? `${options.query} ${expansions.join(" ")}` : options.query;

  const embedStarted = Date.now();
  const [queryVector] = await embedder.embed([retrievalText]);
  if (!queryVector) throw new Error("the embedder returned no vector for the query");
  const embedMs = Date.now() - embedStarted;

  const candidates = options.k * CANDIDATES_PER_RESULT;
  const vectorLiteral = `[${queryVector.join(",")}]`;
  const tsQuery = toTsQuery(retrievalText);
  const documentFilter =
    options.documentIds && options.documentIds.length > 0
      ? sql`and c.document_id = any(${`{${options.documentIds.join(",")}}`}::uuid[])`
      : sql``;

  const keywordLeg =
    tsQuery === null
      ? sql`select null::uuid as id, null::bigint as rank where false`
      : sql`
        select c.id, row_number() over (order by ts_rank_cd(c.content_tsv, q) desc, c.document_id, c.chunk_index) as rank
        from document_chunks c, to_tsquery('simple', ${tsQuery}) q
        where c.user_id = ${options.userId} ${documentFilter} and c.content_tsv @@ q
        order by ts_rank_cd(c.content_tsv, q) desc, c.document_id, c.chunk_index
        limit ${candidates}`;

  const queryStarted = Date.now();
  // strict_order keeps exact distance order while the index scan continues past filtered-out rows.
  const hnswSettings = { "hnsw.iterative_scan": "strict_order", "hnsw.ef_search": String(HNSW_EF_SEARCH) };
  const minSimilarity = options.similarityThreshold ?? embedder.defaultSimilarityThreshold;
  // One request: the user's setting, pgvector's and the statement as one transaction (src/db/one-shot.ts).
  // The 1536-float query vector is bound once (about 20 KB of text): the distance is computed once and the
  // similarity derived from it. Measured in BENCHMARKS.md.
  const rows = await db.asUser<Row>(
    options.userId,
    sql`
      with vector_leg as (
        select id, 1 - distance as similarity, row_number() over (order by distance) as rank
        from (
          select c.id, c.embedding <=> ${vectorLiteral}::vector as distance
          from document_chunks c
          where c.user_id = ${options.userId} ${documentFilter}
          order by distance
          limit ${candidates}
        ) nearest
        where 1 - distance >= ${minSimilarity}
      ),
      keyword_leg as (${keywordLeg}),
      fused as (
        select coalesce(v.id, k.id) as id, v.similarity, v.rank as vector_rank, k.rank as keyword_rank
        from vector_leg v full outer join keyword_leg k on k.id = v.id
      )
      select f.id, c.document_id, c.chunk_index, d.filename, c.page_start as page, c.content, c.context,
             f.similarity, f.vector_rank, f.keyword_rank
      from fused f
      join document_chunks c on c.id = f.id
      join documents d on d.id = c.document_id
    `,
    hnswSettings,
  );
  const queryMs = Date.now() - queryStarted;

  const results = rows
    .map((row) => ({
      chunkId: row.id,
      documentId: row.document_id,
      filename: row.filename,
      page: Number(row.page),
      score: rrf(row.vector_rank) + rrf(row.keyword_rank),
      similarity: row.similarity === null ? null : Number(row.similarity),
      text: row.content,
      context: row.context,
      position: Number(row.chunk_index),
    }))
    // Ties broken by position in the document, so the same question always gets the same order.
    .sort((a, b) => b.score - a.score || (b.similarity ?? -1) - (a.similarity ?? -1) || a.position - b.position)
    .slice(0, options.k)
    .map(({ position: _position, ...result }) => result);
  return { results, timings: { embed_ms: embedMs, query_ms: queryMs } };
}

function rrf(rank: number | string | null): number {
  return rank === null ? 0 : 1 / (RRF_K + Number(rank));
}
