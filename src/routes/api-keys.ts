import { Hono } from "hono";
import { CreateApiKeyBody, type ApiKeyList } from "../api/api-keys";
import { createApiKey, listKeys, MAX_API_KEYS_PER_USER, revokeApiKey, TooManyApiKeysError } from "../accounts/api-keys";
import { requireAuth } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { validate } from "../lib/validation";
import { idParam } from "../lib/ids";

/** Responses that hold a key's secret must never be cached anywhere. */
const NO_STORE = { "cache-control": "no-store" };

export const apiKeyRoutes = new Hono<AppBindings>()
  .use(requireAuth)
  .post("/", validate("json", CreateApiKeyBody), async (c) => {
    try {
      const created = await createApiKey(c.var.database(), c.var.userId, c.req.valid("json").name);
      return c.json(created, 201, NO_STORE);
    } catch (error) {
      if (!(error instanceof TooManyApiKeysError)) throw error;
      throw new ApiError("quota_exceeded", `An account may have at most ${MAX_API_KEYS_PER_USER} API keys. Delete one you no longer use.`, {
        extra: { quota: "api_keys", limit: MAX_API_KEYS_PER_USER },
      });
    }
  })
  .get("/", async (c) => c.json({ api_keys: await listKeys(c.var.database(), c.var.userId) } satisfies ApiKeyList))
  .delete("/:id", idParam("id", "API key"), async (c) => {
    const id = c.req.valid("param").id;
    if (!(await revokeApiKey(c.var.database(), c.var.userId, id))) throw new ApiError("not_found", `No API key with id ${id}.`);
    return c.body(null, 204);
  });
