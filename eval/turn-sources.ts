/**
 * A saved question's passages as a chat turn reads them: the search results numbered from 1, then the passages after
 * the best of them (src/chat/next-passages.ts `nextSources`). Shared by the replay (eval/replay.ts) and the answerer
 * benchmark (bench/answerer.ts), which load `nextSources` from a bundle of the Worker's source.
 */
import type { SearchResponse } from "../src/api/search.ts";

/** A search result as the answerer's source (src/providers/llm/types.ts `Source`: the same fields). */
function asSource(hit: SearchResponse["results"][number], i: number) {
  return { n: i + 1, documentId: hit.document_id, filename: hit.filename, page: hit.page, chunkId: hit.chunk_id, score: hit.score, text: hit.text, context: hit.context, ...(hit.cover ? { cover: true as const } : {}) };
}

export type TurnSource = ReturnType<typeof asSource>;

/** src/chat/next-passages.ts `nextSources`, as the tools load it. */
export type NextSources = (
  results: { chunkId: string; documentId: string; filename: string; next?: { chunkId: string; page: number; text: string; context: string } | null }[],
  numbered: number,
) => object[];

export function turnSources(hits: SearchResponse["results"], nextSources: NextSources): TurnSource[] {
  const sources: TurnSource[] = hits.map(asSource);
  // The passages after the best results, as a chat turn adds them (saved by `npm run eval` since session 10).
  const next = hits.map((hit) => ({
    chunkId: hit.chunk_id,
    documentId: hit.document_id,
    filename: hit.filename,
    next: hit.next && { chunkId: hit.next.chunk_id, page: hit.next.page, text: hit.next.text, context: hit.next.context },
  }));
  // The same fields as the sources above (src/providers/llm/types.ts `Source`).
  sources.push(...(nextSources(next, sources.length) as TurnSource[]));
  return sources;
}
