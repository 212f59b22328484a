/** API keys: `/api/v2/api-keys` (src/accounts/api-keys.ts). */
import { z } from "zod";
import { Id, Timestamp } from "./common.ts";

/** A name is a label for the member ("laptop script", "chat client"): one line in a list. */
export const API_KEY_NAME_CHARS = 80;

export const CreateApiKeyBody = z.object({ name: z.string().trim().min(1).max(API_KEY_NAME_CHARS) });
export type CreateApiKeyBody = z.input<typeof CreateApiKeyBody>;

export const ApiKey = z
  .object({ id: Id, name: z.string(), prefix: z.string(), created_at: Timestamp, last_used_at: Timestamp.nullable() })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof ApiKey>;

/** The answer to creating a key: the only time the key itself is shown. */
export const CreatedApiKey = z.object({ id: Id, name: z.string(), prefix: z.string(), created_at: Timestamp, key: z.string() });
export type CreatedApiKey = z.infer<typeof CreatedApiKey>;

export const ApiKeyList = z.object({ api_keys: z.array(ApiKey) });
export type ApiKeyList = z.infer<typeof ApiKeyList>;
