/**
 * A small concurrent chat client for POST /chat: `concurrency` users, each asking its next question when the last
 * answer has finished streaming, until `count` turns are done or `maxSeconds` pass. For every turn it records time to
 * the response headers, to the first byte of the body (the `start` event), to the first `delta`, and to the end of
 * the stream, plus the server's own `done.timings`. autocannon measures throughput but sees a stream only as one
 * response, so the per-event times come from here.
 */
import { round, summarize, type Summary } from "./stats.ts";

/** A turn that streams this long is abandoned and counted as an error. */
const TURN_TIMEOUT_MS = 60_000;

export interface ChatSample {
  headersMs: number;
  firstByteMs: number;
  firstDeltaMs: number | null;
  totalMs: number;
  server: { retrieval_ms: number; first_token_ms: number | null; total_ms: number } | null;
}

export interface ChatLoadResult {
  concurrency: number;
  turns: number;
  errors: number;
  seconds: number;
  turnsPerSecond: number;
  firstByteMs: Summary;
  firstDeltaMs: Summary;
  totalMs: Summary;
  server: { retrievalMs: Summary; firstTokenMs: Summary; totalMs: Summary };
  firstError: string | null;
}

export interface ChatLoadOptions {
  url: string;
  /** One token per simulated user; worker i uses tokens[i % tokens.length]. */
  tokens: string[];
  questions: string[];
  concurrency: number;
  count: number;
  maxSeconds: number;
}

export async function runChatLoad(options: ChatLoadOptions): Promise<ChatLoadResult> {
  const samples: ChatSample[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let issued = 0;
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;

  const worker = async (w: number) => {
    const token = options.tokens[w % options.tokens.length] ?? "";
    while (issued < options.count && performance.now() < deadline) {
      const question = options.questions[issued % options.questions.length] ?? "What is my deductible?";
      issued++;
      try {
        samples.push(await chatTurn(options.url, token, question));
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  const withServer = samples.flatMap((s) => (s.server ? [s.server] : []));
  return {
    concurrency: options.concurrency,
    turns: samples.length,
    errors,
    seconds: round(seconds, 2),
    turnsPerSecond: round(samples.length / seconds),
    firstByteMs: summarize(samples.map((s) => s.firstByteMs)),
    firstDeltaMs: summarize(samples.flatMap((s) => (s.firstDeltaMs === null ? [] : [s.firstDeltaMs]))),
    totalMs: summarize(samples.map((s) => s.totalMs)),
    server: {
      retrievalMs: summarize(withServer.map((s) => s.retrieval_ms)),
      firstTokenMs: summarize(withServer.flatMap((s) => (s.first_token_ms === null ? [] : [s.first_token_ms]))),
      totalMs: summarize(withServer.map((s) => s.total_ms)),
    },
    firstError,
  };
}

/** One streamed turn, timed from just before the request is sent. Throws on a non-200 or an `error` event. */
export async function chatTurn(url: string, token: string, message: string): Promise<ChatSample> {
  const started = performance.now();
  const response = await fetch(`${url}/chat`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ message }),
    signal: AbortSignal.timeout(TURN_TIMEOUT_MS),
  });
  const headersMs = performance.now() - started;
  if (response.status !== 200 || !response.body) {
    throw new Error(`chat: ${response.status} ${(await response.text()).slice(0, 200)}`);
  }
  let firstByteMs: number | null = null;
  let firstDeltaMs: number | null = null;
  let server: ChatSample["server"] = null;
  let buffer = "";
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    firstByteMs ??= performance.now() - started;
    buffer += decoder.decode(read.value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const name = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (name === "delta") firstDeltaMs ??= performance.now() - started;
      if (name === "error") throw new Error(`chat: error event ${data}`);
      if (name === "done" && data) server = (JSON.parse(data) as { timings: ChatSample["server"] }).timings;
    }
  }
  if (!server) throw new Error("chat: the stream ended without a done event");
  return { headersMs, firstByteMs: firstByteMs ?? headersMs, firstDeltaMs, totalMs: performance.now() - started, server };
}
