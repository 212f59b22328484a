import type { Source } from "../providers/llm/types";
import type { SearchResult } from "../retrieval/search";

/**
 * The best results whose next passage in the document is read too, after the results: the answer to "How long do I have
 * to appeal?" is in "Step 2: Ask our plan for an appeal" (within 65 calendar days), the passage after the "Step 1" one
 * the question's words find. Measured in docs/evaluation.md (session 10).
 */
const NEXT_PASSAGES = 3;

/**
 * The passages after the best NEXT_PASSAGES results, as sources numbered after the `numbered` ones: each once, none a
 * result itself, score 0 (they were not ranked). The eval's replay
 * (eval/replay.ts) builds a turn's sources with it too.
 */
export function nextSources(results: Pick<SearchResult, "chunkId" | "documentId" | "filename" | "next">[], numbered: number): Source[] {
  const seen = new Set(results.map((r) => r.chunkId));
  const sources: Source[] = [];
  for (const r of results.slice(0, NEXT_PASSAGES)) {
    const next = r.next;
    if (!next || seen.has(next.chunkId)) continue;
    seen.add(next.chunkId);
    sources.push({ n: numbered + sources.length + 1, documentId: r.documentId, filename: r.filename, page: next.page, chunkId: next.chunkId, score: 0, text: next.text, context: next.context });
  }
  return sources;
}
