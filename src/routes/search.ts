import { Hono } from "hono";
import { z } from "zod";
import { requireAuth } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { limitPerUser } from "../lib/rate-limit";
import { validate } from "../lib/validation";
import { searchChunks } from "../retrieval/search";

/** Upper bound on k: more than this is a bulk export, not a search. */
const MAX_K = 50;

export const SearchBody = z.object({
  query: z.string().trim().min(1).max(4000),
  k: z.number().int().min(1).max(MAX_K).optional(),
  document_ids: z.array(z.uuid()).max(100).optional(),
});

export const searchRoutes = new Hono<AppBindings>().post("/", requireAuth, limitPerUser("search"), validate("json", SearchBody), async (c) => {
  const body = c.req.valid("json");
  const config = c.var.config;
  const { results, timings } = await searchChunks(c.var.services.oneShot(), c.var.services.queryEmbedder(c.var.userId), {
    userId: c.var.userId,
    query: body.query,
    k: body.k ?? config.maxChunks,
    similarityThreshold: config.similarityThreshold,
    documentIds: body.document_ids,
  });
  return c.json({
    results: results.map((r) => ({
      chunk_id: r.chunkId,
      document_id: r.documentId,
      filename: r.filename,
      page: r.page,
      score: r.score,
      similarity: r.similarity,
      text: r.text,
      context: r.context,
    })),
    timings_ms: timings,
  });
});
