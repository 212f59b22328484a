import type { Config } from "../../config";
import type { AppEnv } from "../../env";
import { parserProviderName } from "../selection";
import { builtinParser } from "./builtin";
import { createLlamaParseParser } from "./llamaparse";
import type { DocumentParser } from "./types";

/** LlamaParse when a key is configured (it reads scans); otherwise the built-in parsers that run inside the Worker. */
export function createParser(env: Partial<AppEnv>, config: Config): DocumentParser {
  if (parserProviderName(env, config) === "llamaparse" && env.LLAMA_CLOUD_API_KEY) {
    return createLlamaParseParser({ apiKey: env.LLAMA_CLOUD_API_KEY, baseUrl: env.LLAMA_CLOUD_BASE_URL });
  }
  return builtinParser;
}
