/**
 * A Server-Sent Events response written from a loop that may outlive the client. Writes after the client has gone
 * are dropped (`gone` turns true), so the loop can check it and stop instead of failing.
 *
 * @example
 *   const sse = new SseWriter();
 *   const work = (async () => { await sse.event("progress", { n: 1 }); await sse.close(); })();
 *   return sse.response({ "x-request-id": requestId });
 */
export class SseWriter {
  private readonly writer: WritableStreamDefaultWriter<Uint8Array>;
  private readonly readable: ReadableStream<Uint8Array>;
  private readonly encoder = new TextEncoder();
  private closed = false;
  /** True once a write failed because the client disconnected. */
  gone = false;

  constructor() {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    this.readable = readable;
    this.writer = writable.getWriter();
  }

  response(headers: Record<string, string> = {}): Response {
    return new Response(this.readable, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        // Proxies such as nginx buffer responses unless told not to; an event must arrive when it is sent.
        "x-accel-buffering": "no",
        ...headers,
      },
    });
  }

  /** Sends `event: name` with `data` as one line of JSON. Returns false if the client has gone. */
  event(name: string, data: unknown): Promise<boolean> {
    return this.send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A comment line: ignored by clients, keeps proxies from closing an idle stream. */
  comment(text: string): Promise<boolean> {
    return this.send(`: ${text.replace(/[\r\n]+/g, " ")}\n\n`);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.gone) await this.writer.close().catch(() => undefined);
  }

  private async send(chunk: string): Promise<boolean> {
    if (this.gone || this.closed) return false;
    try {
      await this.writer.write(this.encoder.encode(chunk));
      return true;
    } catch {
      this.gone = true;
      return false;
    }
  }
}
