/**
 * OpenAI Chat Completions in its wire format, for the `openai` SDK: `POST /v1/chat/completions` streamed
 * (`data: {chat.completion.chunk}` lines, a final chunk with `finish_reason`, a usage chunk when
 * `stream_options.include_usage`, then `data: [DONE]`) or not, and `GET /v1/models`. Replies and magic words are
 * in node-llm-script.ts. Shares its server with the embeddings stand-in.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { contentText, scriptReply, sleep, sseData, streamTokens } from "./node-llm-script.ts";
import { sendJson, type WireHandler, type WireRequest } from "./node-wire-server.ts";

const MODELS = ["gpt-4o-mini", "gpt-4o", "text-embedding-3-small"];

interface ChatRequest {
  model?: unknown;
  messages?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown } | null;
  max_tokens?: unknown;
  max_completion_tokens?: unknown;
}

export const openaiChatHandler: WireHandler = async (request, res) => {
  const { pathname } = request.url;
  if (request.method === "GET" && pathname === "/v1/models") {
    if (!authorized(request)) return unauthorized(res);
    return sendJson(res, 200, { object: "list", data: MODELS.map((id) => ({ id, object: "model", created: 1_700_000_000, owned_by: "mock" })) });
  }
  if (request.method !== "POST" || pathname !== "/v1/chat/completions") return false;
  if (!authorized(request)) return unauthorized(res);

  let body: ChatRequest;
  try {
    body = JSON.parse(request.body.toString("utf8")) as ChatRequest;
  } catch {
    return invalid(res, "We could not parse the JSON body of your request.");
  }
  if (typeof body.model !== "string" || !body.model) return invalid(res, "you must provide a model parameter", "model");
  if (!Array.isArray(body.messages) || body.messages.length === 0) return invalid(res, "'messages' must be a non-empty array", "messages");

  const messages = body.messages as { role?: unknown; content?: unknown }[];
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const promptChars = messages.reduce((sum, m) => sum + contentText(m.content).length, 0);
  const limit = body.max_completion_tokens ?? body.max_tokens;
  const reply = scriptReply(contentText(lastUser?.content), promptChars, request.headers, typeof limit === "number" ? limit : undefined);
  const model = body.model;
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const usage = {
    prompt_tokens: reply.promptTokens,
    completion_tokens: reply.tokens.length,
    total_tokens: reply.promptTokens + reply.tokens.length,
  };

  if (body.stream !== true) {
    // A whole completion arrives when its last token does; the first token's delay stands for that wait.
    if (reply.ttftMs) await sleep(reply.ttftMs);
    return sendJson(res, 200, {
      id,
      object: "chat.completion",
      created,
      model,
      choices: [{ index: 0, message: { role: "assistant", content: reply.tokens.join(""), refusal: null }, logprobs: null, finish_reason: reply.finish }],
      usage,
      system_fingerprint: null,
    });
  }

  const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
    sseData({ id, object: "chat.completion.chunk", created, model, system_fingerprint: null, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] });
  await streamTokens(res, reply, {
    head: () => [chunk({ role: "assistant", content: "", refusal: null }, null)],
    token: (text) => [chunk({ content: text }, null)],
    fail: () => [sseData({ error: { message: "The server had an error while processing your request.", type: "server_error", param: null, code: null } })],
    tail: () => [
      chunk({}, reply.finish),
      ...(body.stream_options?.include_usage === true ? [sseData({ id, object: "chat.completion.chunk", created, model, choices: [], usage })] : []),
      "data: [DONE]\n\n",
    ],
  });
  return true;
};

function authorized(request: WireRequest): boolean {
  return /^Bearer \S+/.test(String(request.headers.authorization ?? ""));
}

function unauthorized(res: ServerResponse): true {
  return sendJson(res, 401, {
    error: { message: "You didn't provide an API key.", type: "invalid_request_error", param: null, code: "invalid_api_key" },
  });
}

function invalid(res: ServerResponse, message: string, param: string | null = null): true {
  return sendJson(res, 400, { error: { message, type: "invalid_request_error", param, code: null } });
}
