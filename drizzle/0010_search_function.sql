-- Search's statement as a function, so the database plans it once per connection instead of once per search
-- (BENCHMARKS.md, "Issue 10, session 13"; docs/decisions.md, "Search's statement is a PL/pgSQL function"). Neon's
-- SQL-over-HTTP has no prepared statements: a statement sent as text is parsed, analysed and planned on every request,
-- and planning was the largest single cost of a search in PostgreSQL. PL/pgSQL prepares the statement of RETURN QUERY
-- once per connection, and `plan_cache_mode = force_generic_plan` makes it plan it once too: left to choose, PostgreSQL
-- kept planning every call anew on a database with both short and long documents (the generic plan's estimate was
-- above the small members' custom plans), so the saving depended on who had asked on that connection before.
--
-- It is SECURITY INVOKER (the default): it runs as the caller, in the caller's transaction, so row-level security and
-- the caller's app.user_id and hnsw.* settings bind the statement as they bound it when it was sent as text.
-- The arguments come from src/retrieval/search.ts, which keeps the constants (fusion's weights, BM25's k1 and b) and
-- builds the keyword terms (src/retrieval/keyword-leg.ts describes the keyword leg's scoring).
--
-- Same statement as before, with parameters for what varied in its text:
-- - the document filter is `p_document_ids is null or ...`, the passage after each result is looked up only
--   `where p_with_next` (a one-time filter: the lookup never runs for a plain search);
-- - the candidates' tsquery is parsed once into a variable: a generic plan does not fold to_tsquery of a parameter
--   into a constant, and would parse it again for every passage it rechecks;
-- - with no keyword terms, p_terms is '[]' and p_any_term null: the keyword leg finds nothing, as before.
-- The generic plan takes the same per-member btree for the vector leg as the statement sent as text did, on the
-- benchmark's and the eval's data (checked with auto_explain): every distance of the member's passages, exact. The
-- HNSW index is approximate, so a plan that chose it would change results; the generic plan is made from estimates for
-- an average member, so check it again if members come to hold many thousands of passages.
CREATE FUNCTION search_chunks(
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
  -- Both legs carry each candidate's document and position, so the document's status and the tie break need no
  -- passage row: document_chunks is reached by primary key, for the text (BENCHMARKS.md, "Issue 10, session 10").
  top as (
    select f.id, f.document_id, f.chunk_index, d.filename, c.page_start as page, c.content, c.context,
           f.similarity, f.vector_rank, f.keyword_rank
    from fused f
    join documents d on d.id = f.document_id
    join document_chunks c on c.id = f.id
    -- A document being stored batch by batch is searched once it is whole.
    where d.status = 'ready'
    -- The k best by fusedScore's arithmetic in float8 (the same IEEE doubles as JavaScript's) and the same tie
    -- breaks: only those rows' text travels back, not every candidate's.
    order by coalesce(p_vector_weight / (p_rrf_k + f.vector_rank), 0) + coalesce(p_keyword_weight / (p_rrf_k + f.keyword_rank), 0) desc,
             coalesce(f.similarity, -1) desc, f.chunk_index
    limit p_k
  )
  -- With p_with_next, the passage after each of the k results by the (document, index) unique index: in the same
  -- statement (no round trip of its own), and only for the k rows once they are chosen.
  select top.*, n.id, n.page_start, n.content, n.context
  from top left join lateral (
    select n.id, n.page_start, n.content, n.context
    from document_chunks n
    where p_with_next and n.document_id = top.document_id and n.chunk_index = top.chunk_index + 1
    -- Kept a subquery (not pulled up into the join), so p_with_next is a one-time filter on the lookup.
    offset 0
  ) n on true;
END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION search_chunks(uuid, vector, uuid[], integer, float8, jsonb, text, float8, float8, float8, float8, float8, integer, boolean) TO insurance_app;
