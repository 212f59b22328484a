/**
 * What the chat-model stand-ins (node-openai-chat.ts, node-anthropic.ts) answer, and how fast. Both speak their
 * own wire format around the same deterministic script, so a test can assert on the text whichever SDK is used.
 *
 * The reply is `Answer based on [1]: <first 60 characters of the last user message>`, so tests can see their
 * question arrived. Magic words in the last user message change the behaviour:
 * - `__LENGTH__`: the answer stops as if the output-token limit was hit ("length" / "max_tokens").
 * - `__FAIL_MID_STREAM__`: a streamed answer sends its first token, then an in-stream error event.
 * - `__TTFT_MS=<n>__`, `__TPS=<n>__`: time to first token and tokens per second for this request.
 *
 * Latency otherwise comes from the request headers `x-mock-ttft-ms` / `x-mock-tokens-per-second` (a benchmark sets
 * them through the SDK's `defaultHeaders`), else from the environment `MOCK_LLM_TTFT_MS` /
 * `MOCK_LLM_TOKENS_PER_SECOND`, else none: tokens go out as fast as the socket takes them.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export const MOCK_REPLY_PREFIX = "Answer based on [1]: ";
/** Enough of the question to recognise it in an assertion, short enough to keep replies one line. */
const ECHO_CHARS = 60;
/** The usual rule of thumb for English text with OpenAI and Anthropic tokenizers. */
const CHARS_PER_TOKEN = 4;

export interface ScriptedReply {
  /** The reply split into word tokens, each with its trailing whitespace, so they join back exactly. */
  tokens: string[];
  finish: "stop" | "length";
  failMidStream: boolean;
  ttftMs: number;
  tokensPerSecond: number;
  promptTokens: number;
}

export function scriptReply(lastUserMessage: string, promptChars: number, headers: IncomingMessage["headers"], maxTokens?: number): ScriptedReply {
  const echo = lastUserMessage.replace(/\s+/g, " ").trim().slice(0, ECHO_CHARS);
  let tokens: string[] = `${MOCK_REPLY_PREFIX}${echo}`.match(/\S+\s*/g) ?? [];
  let finish: ScriptedReply["finish"] = lastUserMessage.includes("__LENGTH__") ? "length" : "stop";
  if (maxTokens !== undefined && tokens.length > maxTokens) {
    tokens = tokens.slice(0, maxTokens);
    finish = "length";
  }
  return {
    tokens,
    finish,
    failMidStream: lastUserMessage.includes("__FAIL_MID_STREAM__"),
    ttftMs: setting(lastUserMessage, /__TTFT_MS=(\d+)__/, headers["x-mock-ttft-ms"], process.env.MOCK_LLM_TTFT_MS),
    tokensPerSecond: setting(lastUserMessage, /__TPS=(\d+)__/, headers["x-mock-tokens-per-second"], process.env.MOCK_LLM_TOKENS_PER_SECOND),
    promptTokens: Math.ceil(promptChars / CHARS_PER_TOKEN),
  };
}

function setting(message: string, magic: RegExp, header: string | string[] | undefined, env: string | undefined): number {
  const raw = message.match(magic)?.[1] ?? (Array.isArray(header) ? header[0] : header) ?? env;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Writes one SSE response: headers at once (as the real APIs do), the first token after `ttftMs`, then one token
 * per 1/`tokensPerSecond` seconds. Stops quietly if the client goes away.
 */
export async function streamTokens(
  res: ServerResponse,
  reply: ScriptedReply,
  frames: { head(): string[]; token(text: string, index: number): string[]; fail(): string[]; tail(): string[] },
): Promise<void> {
  let closed = false;
  res.on("close", () => {
    closed = true;
  });
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const write = (lines: string[]) => {
    if (!closed) for (const line of lines) res.write(line);
  };
  write(frames.head());
  if (reply.ttftMs) await sleep(reply.ttftMs);
  for (const [index, token] of reply.tokens.entries()) {
    if (closed) return;
    if (index > 0 && reply.tokensPerSecond) await sleep(1000 / reply.tokensPerSecond);
    write(frames.token(token, index));
    if (reply.failMidStream) {
      write(frames.fail());
      res.end();
      return;
    }
  }
  write(frames.tail());
  res.end();
}

export function sseData(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

export function sseEvent(event: string, value: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(value)}\n\n`;
}

/** The text of a message's content, whether a string or an array of `{type: "text", text}` parts. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part: unknown) => (part && typeof part === "object" && "text" in part && typeof part.text === "string" ? part.text : ""))
    .join("");
}
