/**
 * OpenAI's `POST /v1/embeddings` in its wire format, for the official SDK pointed here by base URL. Vectors come from
 * the offline lexical embedder, so texts that share words get similar vectors and retrieval through the "openai"
 * provider behaves sensibly in tests. Answers `data` in reverse order: each item carries its `index`, and a client that
 * relied on response order instead would put vectors on the wrong chunks.
 */
import { lexicalEmbedding } from "../../src/providers/embeddings/offline.ts";
import { sendJson, type WireHandler } from "./node-wire-server.ts";

/** text-embedding-3-small's native width, used when a request does not ask for `dimensions`. */
const DEFAULT_DIMENSIONS = 1536;
/** OpenAI's limit on inputs in one request. */
const MAX_INPUTS = 2048;
/** Roughly OpenAI's tokeniser on English, enough for a plausible `usage`. */
const CHARS_PER_TOKEN = 4;

function openaiError(status: number, message: string, type: string, code: string | null = null) {
  return [status, { error: { message, type, param: null, code } }] as const;
}

function encodeBase64(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}

export const openaiEmbeddingsHandler: WireHandler = (request, res) => {
  if (request.method !== "POST" || request.url.pathname !== "/v1/embeddings") return false;

  const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ""))?.[1]?.trim();
  if (!token) {
    return sendJson(res, ...openaiError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).", "invalid_request_error"));
  }
  // A key containing "invalid" stands for a revoked or mistyped key.
  if (token.includes("invalid")) {
    return sendJson(res, ...openaiError(401, "Incorrect API key provided: sk-****. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key"));
  }

  let body: { input?: unknown; model?: unknown; dimensions?: unknown; encoding_format?: unknown };
  try {
    body = JSON.parse(request.body.toString("utf8")) as typeof body;
  } catch {
    return sendJson(res, ...openaiError(400, "We could not parse the JSON body of your request.", "invalid_request_error"));
  }
  if (typeof body.model !== "string" || body.model.length === 0) {
    return sendJson(res, ...openaiError(400, "you must provide a model parameter", "invalid_request_error"));
  }
  const inputs = typeof body.input === "string" ? [body.input] : body.input;
  if (!Array.isArray(inputs) || inputs.length === 0 || inputs.length > MAX_INPUTS || !inputs.every((i) => typeof i === "string" && i.length > 0)) {
    return sendJson(res, ...openaiError(400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", "invalid_request_error"));
  }
  const dimensions = body.dimensions === undefined ? DEFAULT_DIMENSIONS : Number(body.dimensions);
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > DEFAULT_DIMENSIONS) {
    return sendJson(res, ...openaiError(400, `Invalid value for 'dimensions': ${String(body.dimensions)}.`, "invalid_request_error"));
  }
  const format = body.encoding_format ?? "float";
  if (format !== "float" && format !== "base64") {
    return sendJson(res, ...openaiError(400, `Invalid value for 'encoding_format': ${String(format)}.`, "invalid_request_error"));
  }

  const texts = inputs as string[];
  const data = texts
    .map((text, index) => {
      const vector = lexicalEmbedding(text, dimensions);
      return { object: "embedding", index, embedding: format === "base64" ? encodeBase64(vector) : vector };
    })
    .reverse();
  const tokens = texts.reduce((sum, text) => sum + Math.ceil(text.length / CHARS_PER_TOKEN), 0);
  return sendJson(res, 200, { object: "list", data, model: body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
};
