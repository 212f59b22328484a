import { Hono } from "hono";
import { SearchBody, type SearchResponse } from "../api/search";
import { requireAuthForRead } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { limitPerUser } from "../lib/rate-limit";
import { validate } from "../lib/validation";
import { searchChunks } from "../retrieval/search";

export const searchRoutes = new Hono<AppBindings>().post("/", requireAuthForRead, limitPerUser("search"), validate("json", SearchBody), async (c) => {
  const body = c.req.valid("json");
  const config = c.var.config;
  const { results, timings } = await searchChunks(c.var.services.oneShot(), c.var.services.queryEmbedder(c.var.userId), {
    userId: c.var.userId,
    query: body.query,
    k: body.k ?? config.maxChunks,
    similarityThreshold: config.similarityThreshold,
    vectorWeight: config.vectorWeight,
    documentIds: body.document_ids,
    withNext: body.with_next,
  });
  const response: SearchResponse = {
    results: results.map((r) => ({
      chunk_id: r.chunkId,
      document_id: r.documentId,
      filename: r.filename,
      page: r.page,
      score: r.score,
      similarity: r.similarity,
      text: r.text,
      context: r.context,
      ...(r.next === undefined ? {} : { next: r.next && { chunk_id: r.next.chunkId, page: r.next.page, text: r.next.text, context: r.next.context } }),
      ...(r.cover ? { cover: true as const } : {}),
    })),
    timings_ms: timings,
  };
  return c.json(response);
});
