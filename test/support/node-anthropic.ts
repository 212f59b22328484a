/**
 * Anthropic Messages in its wire format, for `@anthropic-ai/sdk`: `POST /v1/messages` streamed as SSE
 * (message_start, content_block_start, ping, content_block_delta/text_delta…, content_block_stop, message_delta
 * with stop_reason, message_stop) or not. Requires an API key (`x-api-key`, or `Authorization: Bearer`, which is
 * what SDK 1.x sends) and an `anthropic-version` header, as the real API does. Replies and magic words are in
 * node-llm-script.ts.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { contentText, scriptReply, sseEvent, streamTokens } from "./node-llm-script.ts";
import { sendJson, type WireHandler } from "./node-wire-server.ts";

interface MessagesRequest {
  model?: unknown;
  max_tokens?: unknown;
  system?: unknown;
  messages?: unknown;
  stream?: unknown;
}

export const anthropicHandler: WireHandler = async (request, res) => {
  if (request.method !== "POST" || request.url.pathname !== "/v1/messages") return false;
  const apiKey = request.headers["x-api-key"] ?? String(request.headers.authorization ?? "").replace(/^Bearer\s+/, "");
  if (!apiKey) return error(res, 401, "authentication_error", "x-api-key header is required");
  if (!request.headers["anthropic-version"]) return error(res, 400, "invalid_request_error", "anthropic-version: header is required");

  let body: MessagesRequest;
  try {
    body = JSON.parse(request.body.toString("utf8")) as MessagesRequest;
  } catch {
    return error(res, 400, "invalid_request_error", "The request body is not valid JSON.");
  }
  if (typeof body.model !== "string" || !body.model) return error(res, 400, "invalid_request_error", "model: Field required");
  if (typeof body.max_tokens !== "number" || body.max_tokens < 1) return error(res, 400, "invalid_request_error", "max_tokens: Field required");
  if (!Array.isArray(body.messages) || body.messages.length === 0) return error(res, 400, "invalid_request_error", "messages: at least one message is required");

  const messages = body.messages as { role?: unknown; content?: unknown }[];
  if (messages.some((m) => m.role !== "user" && m.role !== "assistant")) {
    return error(res, 400, "invalid_request_error", "messages: roles must be 'user' or 'assistant'; put the system prompt in `system`");
  }
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const promptChars = contentText(body.system).length + messages.reduce((sum, m) => sum + contentText(m.content).length, 0);
  const reply = scriptReply(contentText(lastUser?.content), promptChars, request.headers, body.max_tokens);
  const model = body.model;
  const id = `msg_${randomUUID().replace(/-/g, "")}`;
  const stopReason = reply.finish === "length" ? "max_tokens" : "end_turn";
  const usage = { input_tokens: reply.promptTokens, output_tokens: reply.tokens.length, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };

  if (body.stream !== true) {
    return sendJson(res, 200, {
      id,
      type: "message",
      role: "assistant",
      model,
      content: [{ type: "text", text: reply.tokens.join(""), citations: null }],
      stop_reason: stopReason,
      stop_sequence: null,
      usage,
    });
  }

  await streamTokens(res, reply, {
    head: () => [
      sseEvent("message_start", {
        type: "message_start",
        message: { id, type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } },
      }),
      sseEvent("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "", citations: null } }),
      sseEvent("ping", { type: "ping" }),
    ],
    token: (text) => [sseEvent("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } })],
    fail: () => [sseEvent("error", { type: "error", error: { type: "overloaded_error", message: "Overloaded" } })],
    tail: () => [
      sseEvent("content_block_stop", { type: "content_block_stop", index: 0 }),
      sseEvent("message_delta", {
        type: "message_delta",
        delta: { stop_reason: stopReason, stop_sequence: null, stop_details: null, container: null },
        usage: { output_tokens: reply.tokens.length },
      }),
      sseEvent("message_stop", { type: "message_stop" }),
    ],
  });
  return true;
};

function error(res: ServerResponse, status: number, type: string, message: string): true {
  return sendJson(res, status, { type: "error", error: { type, message } });
}
