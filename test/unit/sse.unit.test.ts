import { describe, expect, it } from "vitest";
import { SseWriter } from "../../src/lib/sse";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("SseWriter", () => {
  it("answers text/event-stream, not cached, not buffered by proxies", () => {
    const response = new SseWriter().response({ "x-request-id": "r1" });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("x-request-id")).toBe("r1");
  });

  it("writes named events, bare data lines and comments, and ends the stream on close", async () => {
    const sse = new SseWriter();
    const body = readAll(sse.readable);
    await sse.event("progress", { n: 1 });
    await sse.data("[DONE]");
    await sse.comment("keep\nalive");
    await sse.close();
    expect(await body).toBe('event: progress\ndata: {"n":1}\n\ndata: [DONE]\n\n: keep alive\n\n');
    expect(await sse.event("late", {})).toBe(false);
  });

  it("writes the events sent while a write waits for the reader as one chunk, in order, before it closes", async () => {
    const sse = new SseWriter();
    const reader = sse.readable.getReader();
    const sent = [sse.event("delta", { text: "a" }), sse.event("delta", { text: "b" }), sse.event("delta", { text: "c" })];
    const closed = sse.close();
    const decoder = new TextDecoder();
    const chunks: string[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(decoder.decode(read.value));
    await closed;
    expect(chunks).toEqual(['event: delta\ndata: {"text":"a"}\n\n', 'event: delta\ndata: {"text":"b"}\n\nevent: delta\ndata: {"text":"c"}\n\n']);
    expect(await Promise.all(sent)).toEqual([true, true, true]);
  });

  it("notices a client that disconnects without waiting for a write: gone, signal aborted, writes dropped", async () => {
    const sse = new SseWriter().keepAlive(10);
    const reader = sse.readable.getReader();
    await reader.cancel();
    await expect.poll(() => sse.gone).toBe(true);
    expect(sse.signal.aborted).toBe(true);
    expect(await sse.event("progress", { n: 2 })).toBe(false);
    await sse.close();
  });

  it("sends a keep-alive comment on its interval until closed", async () => {
    const sse = new SseWriter().keepAlive(5);
    const body = readAll(sse.readable);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await sse.close();
    const text = await body;
    expect(text).toContain(": keep-alive\n\n");
    expect(text.replaceAll(": keep-alive\n\n", "")).toBe("");
  });
});
