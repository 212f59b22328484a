-- search_chunks (drizzle/0010_search_function.sql) reads the text of its k results by primary key, after they are
-- chosen (BENCHMARKS.md, "Issue 10, session 15"). It joined document_chunks by id before the sort and limit, for every
-- fused candidate (up to twice p_candidates), and the generic plan made that join a scan of all the member's passages:
-- on the eval's 991-passage member, a bitmap scan of the member's passages for each candidate (20 scans of 991 rows)
-- where the table had no statistics (PGlite has no autovacuum), or a hash join over all of them where it had. The
-- candidates' documents, positions and ranks come from the two legs, so the k are chosen without a passage row, and
-- then each one's text is one lookup by key. Every candidate is a passage of the caller's that the same statement
-- has just read, so the inner join dropped none: the same k rows, in the same order, with the same values.
--
-- The same signature, return columns and settings, so CREATE OR REPLACE keeps the function's grants and the Worker
-- is unchanged; applied before a Worker is deployed, like 0010 (docs/decisions.md).
CREATE OR REPLACE FUNCTION search_chunks(
  p_user_id uuid, p_embedding vector, p_document_ids uuid[], p_candidates integer, p_min_similarity float8,
  p_terms jsonb, p_any_term text, p_vector_weight float8, p_keyword_weight float8, p_rrf_k float8,
  p_bm25_k1 float8, p_bm25_b float8, p_k integer, p_with_next boolean)
RETURNS TABLE (id uuid, document_id uuid, chunk_index integer, filename text, page integer, content text, context text,
  similarity float8, vector_rank bigint, keyword_rank bigint,
  next_id uuid, next_page integer, next_content text, next_context text)
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_generic_plan
AS $$
#variable_conflict use_column
DECLARE
  any_term tsquery := to_tsquery('simple', p_any_term);
BEGIN
  RETURN QUERY
  with vector_leg as (
    select n.id, n.document_id, n.chunk_index, 1 - n.distance as similarity, row_number() over (order by n.distance) as rank
    from (
      select c.id, c.document_id, c.chunk_index, c.embedding <=> p_embedding as distance
      from document_chunks c
      where c.user_id = p_user_id and (p_document_ids is null or c.document_id = any(p_document_ids))
      order by distance
      limit p_candidates
    ) n
    where 1 - n.distance >= p_min_similarity
  ),
  -- `materialized`: each term's tsquery is parsed once. Inlined (a CTE used once is, since PostgreSQL 12), the join
  -- below parsed it again for every passage it tested, twice (the match and the rank).
  terms as materialized (
    select t.grp, t.weight, t.group_weight, to_tsquery('simple', t.q) as q
    from jsonb_to_recordset(p_terms) as t(grp int, weight float8, group_weight float8, q text)
  ),
  corpus as (
    select count(*)::float8 as n, coalesce(avg(octet_length(c.context) + octet_length(c.content)), 1)::float8 as avg_len
    from document_chunks c
    where c.user_id = p_user_id and (p_document_ids is null or c.document_id = any(p_document_ids))
  ),
  matched as (
    select c.id, c.document_id, c.chunk_index, c.content_tsv, (octet_length(c.context) + octet_length(c.content))::float8 as len
    from document_chunks c
    where c.user_id = p_user_id and (p_document_ids is null or c.document_id = any(p_document_ids))
      and c.content_tsv @@ any_term
  ),
  group_hits as (
    select m.id, m.document_id, m.chunk_index, m.len, t.grp, max(t.group_weight) as group_weight,
           sum(t.weight * greatest(ts_rank_cd('{1,1,1,1}', m.content_tsv, t.q), 1))::float8 as tf
    from matched m join terms t on m.content_tsv @@ t.q
    group by m.id, m.document_id, m.chunk_index, m.len, t.grp
  ),
  keyword_leg as (
    select g.id, g.document_id, g.chunk_index, row_number() over (order by sum(
             g.group_weight * g.idf * g.tf * (p_bm25_k1 + 1)
             / (g.tf + p_bm25_k1 * (1 - p_bm25_b + p_bm25_b * g.len / corpus.avg_len))
           ) desc, g.document_id, g.chunk_index) as rank
    -- idf as a window over the group hits rather than a CTE of its own joined back: one join and one aggregate
    -- fewer for the same values (BENCHMARKS.md, "Issue 10, session 10").
    from (
      select g.*, ln(1 + (corpus.n - count(*) over (partition by g.grp) + 0.5) / (count(*) over (partition by g.grp) + 0.5)) as idf
      from group_hits g cross join corpus
    ) g cross join corpus
    group by g.id, g.document_id, g.chunk_index
    order by rank
    limit p_candidates
  ),
  fused as (
    select coalesce(v.id, k.id) as id, coalesce(v.document_id, k.document_id) as document_id,
           coalesce(v.chunk_index, k.chunk_index) as chunk_index, v.similarity, v.rank as vector_rank, k.rank as keyword_rank
    from vector_leg v full outer join keyword_leg k on k.id = v.id
  ),
  -- Both legs carry each candidate's document and position, so the document's status and the order need no passage
  -- row: the k are chosen first, and only their text is read.
  top as (
    select f.id, f.document_id, f.chunk_index, d.filename, f.similarity, f.vector_rank, f.keyword_rank
    from fused f
    join documents d on d.id = f.document_id
    -- A document being stored batch by batch is searched once it is whole.
    where d.status = 'ready'
    -- The k best by fusedScore's arithmetic in float8 (the same IEEE doubles as JavaScript's) and the same tie
    -- breaks.
    order by coalesce(p_vector_weight / (p_rrf_k + f.vector_rank), 0) + coalesce(p_keyword_weight / (p_rrf_k + f.keyword_rank), 0) desc,
             coalesce(f.similarity, -1) desc, f.chunk_index
    limit p_k
  )
  -- Each of the k results' text by its primary key, and with p_with_next the passage after it by the (document, index)
  -- unique index. Both are lateral subqueries kept apart from the join (`offset 0`), so each is an index lookup per
  -- result: joined as a relation, the generic plan read every passage of the member (the top of this file).
  select top.id, top.document_id, top.chunk_index, top.filename, c.page_start, c.content, c.context,
         top.similarity, top.vector_rank, top.keyword_rank, n.id, n.page_start, n.content, n.context
  from top
  join lateral (
    select c.page_start, c.content, c.context
    from document_chunks c
    where c.id = top.id
    offset 0
  ) c on true
  left join lateral (
    select n.id, n.page_start, n.content, n.context
    from document_chunks n
    -- p_with_next is a one-time filter on the lookup: it never runs for a plain search.
    where p_with_next and n.document_id = top.document_id and n.chunk_index = top.chunk_index + 1
    offset 0
  ) n on true;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION search_chunks(uuid, vector, uuid[], integer, float8, jsonb, text, float8, float8, float8, float8, float8, integer, boolean) TO insurance_app;
