/**
 * The one writer of Server-Sent Events, for chat (`POST /chat`), OpenAI-compatible streams (`/v1`) and job progress
 * (`GET /api/v2/jobs/{id}/events`). A `TransformStream` whose readable side is the response body: the producing loop
 * may outlive the client, so once the client has gone, writes are dropped, `gone` turns true and `signal` aborts,
 * and the loop can stop (or, like chat, finish its work and store it). The stream is closed when the loop calls
 * `close()`, and released at once when the client disconnects.
 *
 * @example
 *   const sse = new SseWriter().keepAlive(15_000);
 *   const work = (async () => { await sse.event("progress", { n: 1 }); await sse.close(); })();
 *   return sse.response({ "x-request-id": requestId });
 */
export class SseWriter {
  /** The body to respond with (or to hand over a Durable Object's RPC). */
  readonly readable: ReadableStream<Uint8Array>;
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly encoder = new TextEncoder();
  private readonly disconnected = new AbortController();
  private timer: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  /** What was sent while a write waited for the reader: written next, all of it as one chunk. */
  private queued = "";
  /** The writes under way; settles when everything sent before it settled is written (or the client has gone). */
  private writing: Promise<boolean> | null = null;

  constructor() {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    this.readable = readable;
    this.writer = writable.getWriter();
    // The reader cancelling (the client went away) errors the writable side: notice it without waiting for a write.
    this.writer.closed.catch(() => this.markGone());
  }

  /** True once the client has disconnected. */
  get gone(): boolean {
    return this.disconnected.signal.aborted;
  }

  /** Aborts when the client disconnects: pass it to work that should stop with the stream. */
  get signal(): AbortSignal {
    return this.disconnected.signal;
  }

  /** Sends a comment every `ms` until the stream closes, so proxies and browsers do not drop a quiet stream. */
  keepAlive(ms: number): this {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.comment("keep-alive"), ms);
    return this;
  }

  /** The response: `text/event-stream`, not cached, not buffered by proxies. */
  response(headers: Record<string, string> = {}): Response {
    return sseResponse(this.readable, headers);
  }

  /** Sends `event: name` with `data` as one line of JSON. Returns false if the client has gone. */
  event(name: string, data: unknown): Promise<boolean> {
    return this.send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** Sends an unnamed event with `data` as it is (one line), for protocols such as OpenAI's `data: [DONE]`. */
  data(line: string): Promise<boolean> {
    return this.send(`data: ${line.replace(/[\r\n]+/g, " ")}\n\n`);
  }

  /** A comment line: ignored by clients, keeps proxies from closing an idle stream. */
  comment(text: string): Promise<boolean> {
    return this.send(`: ${text.replace(/[\r\n]+/g, " ")}\n\n`);
  }

  /**
   * Ends the stream once what was sent is written (the client sees it end); safe to call more than once, and after the
   * client has gone.
   */
  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.closed) return;
    this.closed = true;
    await this.writing;
    if (!this.gone) await this.writer.close().catch(() => undefined);
  }

  private markGone(): void {
    clearInterval(this.timer);
    if (!this.gone) this.disconnected.abort(new Error("the client disconnected"));
  }

  /**
   * One write at a time: each waits until the reader takes it. Events sent meanwhile (a caller that does not wait, such
   * as chat's deltas) are joined and written together, so the stream's bytes are the same in fewer chunks, and each
   * chunk costs the runtime one pass through the stream and the response (BENCHMARKS.md, "Issue 10, session 11").
   */
  private send(chunk: string): Promise<boolean> {
    if (this.gone || this.closed) return Promise.resolve(false);
    this.queued += chunk;
    this.writing ??= this.drain();
    return this.writing;
  }

  private async drain(): Promise<boolean> {
    try {
      while (this.queued !== "" && !this.gone) {
        const chunk = this.queued;
        this.queued = "";
        await this.writer.write(this.encoder.encode(chunk));
      }
      return !this.gone;
    } catch {
      this.markGone();
      return false;
    } finally {
      this.queued = "";
      this.writing = null;
    }
  }
}

/**
 * A Server-Sent Events response around a body an `SseWriter` produces (for a body that came from a Durable Object).
 * `no-cache` here; the security middleware makes it `no-store` for every request that carried a token.
 */
export function sseResponse(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      // Proxies such as nginx buffer responses unless told not to; an event must arrive when it is sent.
      "x-accel-buffering": "no",
      ...headers,
    },
  });
}
