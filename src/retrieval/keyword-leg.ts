import { sql, type SQL } from "drizzle-orm";
import type { KeywordTerm } from "./query";

/**
 * BM25's term-frequency saturation: a term said twice in a passage counts more than once, not twice. 1.2 is the usual
 * value (Robertson & Zaragoza, 2009); on the dev questions 0.8–2 moved MRR by at most 0.02 (docs/evaluation.md).
 */
const BM25_K1 = 1.2;
/**
 * BM25's length normalisation: how far a long passage's matches are discounted. 0.75 is the usual value; on the dev
 * questions 0.3–0.9 moved MRR by at most 0.02 and hit@5 not at all.
 */
const BM25_B = 0.75;

export interface KeywordScope {
  userId: string;
  /** `and c.document_id = any(...)`, or nothing: the passages whose frequencies count are the ones searched. */
  documentFilter: SQL;
  /** Passages the leg proposes to fusion. */
  candidates: number;
}

/**
 * The keyword leg as SQL CTEs ending in `keyword_leg (id, document_id, chunk_index, rank)`, for the statement of
 * `searchChunks`. BM25 over the question's groups (src/retrieval/query.ts), each group one term however many synonyms
 * and translations it has:
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
export function keywordLegSql(terms: KeywordTerm[], scope: KeywordScope): SQL {
  if (terms.length === 0) return sql`keyword_leg as (select null::uuid as id, null::uuid as document_id, null::int as chunk_index, null::bigint as rank where false)`;
  // One JSON parameter rather than four per term: the statement's parameter count stays fixed.
  const termsJson = JSON.stringify(terms.map((t) => ({ grp: t.group, weight: t.weight, group_weight: t.groupWeight, q: t.tsquery })));
  // On a long document generic words alone would select most of its passages. A topic told in the situation selects
  // too: a Spanish question's own words may be in no English passage ("¿A qué departamento del estado puedo llamar?"),
  // and then the complaint told before it is what finds the passages.
  const specific = terms.filter((t) => t.topic);
  const anyTerm = (specific.length > 0 ? specific : terms).map((t) => `(${t.tsquery})`).join(" | ");
  const mine = sql`c.user_id = ${scope.userId} ${scope.documentFilter}`;
  // `materialized`: each term's tsquery is parsed once. Inlined (a CTE used once is, since PostgreSQL 12), the join
  // below parsed it again for every passage it tested, twice (the match and the rank). Measured in BENCHMARKS.md.
  return sql`
    terms as materialized (
      select t.grp, t.weight, t.group_weight, to_tsquery('simple', t.q) as q
      from jsonb_to_recordset(${termsJson}::jsonb) as t(grp int, weight float8, group_weight float8, q text)
    ),
    corpus as (
      select count(*)::float8 as n, coalesce(avg(octet_length(c.context) + octet_length(c.content)), 1)::float8 as avg_len
      from document_chunks c where ${mine}
    ),
    matched as (
      select c.id, c.document_id, c.chunk_index, c.content_tsv, (octet_length(c.context) + octet_length(c.content))::float8 as len
      from document_chunks c
      where ${mine} and c.content_tsv @@ to_tsquery('simple', ${anyTerm})
    ),
    group_hits as (
      select m.id, m.document_id, m.chunk_index, m.len, t.grp, max(t.group_weight) as group_weight,
             sum(t.weight * greatest(ts_rank_cd('{1,1,1,1}', m.content_tsv, t.q), 1))::float8 as tf
      from matched m join terms t on m.content_tsv @@ t.q
      group by m.id, m.document_id, m.chunk_index, m.len, t.grp
    ),
    keyword_leg as (
      select g.id, g.document_id, g.chunk_index, row_number() over (order by sum(
               g.group_weight * g.idf * g.tf * (${BM25_K1}::float8 + 1)
               / (g.tf + ${BM25_K1}::float8 * (1 - ${BM25_B}::float8 + ${BM25_B}::float8 * g.len / corpus.avg_len))
             ) desc, g.document_id, g.chunk_index) as rank
      -- idf as a window over the group hits rather than a CTE of its own joined back: one join and one aggregate
      -- fewer for the same values (BENCHMARKS.md, "Issue 10, session 10").
      from (
        select g.*, ln(1 + (corpus.n - count(*) over (partition by g.grp) + 0.5) / (count(*) over (partition by g.grp) + 0.5)) as idf
        from group_hits g cross join corpus
      ) g cross join corpus
      group by g.id, g.document_id, g.chunk_index
      order by rank
      limit ${scope.candidates}
    )`;
}
