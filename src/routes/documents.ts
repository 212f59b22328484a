import { Hono } from "hono";
import { asUser } from "../db/client";
import { deleteDocument, documentQuery, documentsQuery, getDocument, latestJobsQuery } from "../db/documents";
import { requireAuth, requireAuthForRead } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { idParam } from "../lib/ids";
import { errorFields, log } from "../lib/log";
import { fileHeaders } from "./document-file";
import { documentBody } from "./serializers";

export const documentRoutes = new Hono<AppBindings>()
  // Reads are one request each (the session check, then the documents and their latest jobs, as the member): no
  // connection to open.
  .get("/", requireAuthForRead, async (c) => {
    const userId = c.var.userId;
    const [rows, jobs] = await c.var.services.oneShot().asUserQueries(userId, (db) => [documentsQuery(db, userId), latestJobsQuery(db, userId)] as const);
    const latest = new Map(jobs.map((job) => [job.documentId, job.id]));
    return c.json({ documents: rows.map((row) => documentBody(row, latest.get(row.id) ?? null)) });
  })
  .get("/:id", requireAuthForRead, idParam("id", "document"), async (c) => {
    const id = c.req.valid("param").id;
    const userId = c.var.userId;
    const [[row], jobs] = await c.var.services
      .oneShot()
      .asUserQueries(userId, (db) => [documentQuery(db, userId, id), latestJobsQuery(db, userId, id)] as const);
    if (!row) throw new ApiError("not_found", `No document with id ${id}.`);
    return c.json(documentBody(row, jobs[0]?.id ?? null));
  })
  .get("/:id/file", requireAuth, idParam("id", "document"), async (c) => {
    const id = c.req.valid("param").id;
    const userId = c.var.userId;
    const row = await asUser(c.var.database(), userId, (tx) => getDocument(tx, userId, id));
    if (!row) throw new ApiError("not_found", `No document with id ${id}.`);
    const object = await c.env.DOCUMENTS.get(row.r2Key);
    if (!object) {
      log("error", "documents: R2 object missing for a document row", { request_id: c.var.requestId, r2_key: row.r2Key });
      throw new ApiError("not_found", "The original file of this document is no longer stored. Upload it again.");
    }
    // Streamed from R2 as it arrives: a 25 MB PDF never sits in the Worker's memory.
    return new Response(object.body, { headers: fileHeaders(row, { size: object.size, etag: object.httpEtag }) });
  })
  .delete("/:id", requireAuth, idParam("id", "document"), async (c) => {
    const id = c.req.valid("param").id;
    const userId = c.var.userId;
    const row = await asUser(c.var.database(), userId, (tx) => deleteDocument(tx, userId, id));
    if (!row) throw new ApiError("not_found", `No document with id ${id}.`);
    // The rows are gone first, so the document can no longer be retrieved even if the object delete fails.
    try {
      await c.env.DOCUMENTS.delete(row.r2Key);
    } catch (error) {
      log("error", "documents: R2 delete failed; object left behind", { request_id: c.var.requestId, r2_key: row.r2Key, ...errorFields(error) });
    }
    return c.body(null, 204);
  });
