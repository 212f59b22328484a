import { Hono } from "hono";
import { asUser } from "../db/client";
import { deleteDocument, getDocument, listDocuments } from "../db/documents";
import { requireAuth } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { errorFields, log } from "../lib/log";
import { parseId } from "./jobs";
import { documentBody } from "./serializers";

export const documentRoutes = new Hono<AppBindings>()
  .use(requireAuth)
  .get("/", async (c) => {
    const userId = c.var.userId;
    const rows = await asUser(c.var.database(), userId, (tx) => listDocuments(tx, userId));
    return c.json({ documents: rows.map(documentBody) });
  })
  .get("/:id", async (c) => {
    const id = parseId(c.req.param("id"), "document");
    const userId = c.var.userId;
    const row = await asUser(c.var.database(), userId, (tx) => getDocument(tx, userId, id));
    if (!row) throw new ApiError("not_found", `No document with id ${id}.`);
    return c.json(documentBody(row));
  })
  .delete("/:id", async (c) => {
    const id = parseId(c.req.param("id"), "document");
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
