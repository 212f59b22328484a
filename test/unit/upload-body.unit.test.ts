/** The streaming multipart reader behind POST /api/v2/upload, fed bodies cut into chunks of every size. */
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/lib/errors";
import { readUploadedFile } from "../../src/ingestion/upload-body";
import { sha256Hex } from "../../src/ingestion/upload";
import { timerTurnsDuring } from "../support/event-loop";

const BOUNDARY = "----WebKitFormBoundaryX3c9";
const encoder = new TextEncoder();

function body(parts: Array<{ name: string; filename?: string; content: Uint8Array }>, close = true): Uint8Array {
  const pieces: Uint8Array[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? "" : `; filename="${part.filename}"`;
    pieces.push(encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${filename}\r\nContent-Type: application/octet-stream\r\n\r\n`));
    pieces.push(part.content, encoder.encode("\r\n"));
  }
  if (close) pieces.push(encoder.encode(`--${BOUNDARY}--\r\n`));
  const out = new Uint8Array(pieces.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

function request(bytes: Uint8Array, chunkSize: number): Request {
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunkSize));
      at += chunkSize;
    },
  });
  return new Request("http://navigator.test/api/v2/upload", { method: "POST", headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` }, body: stream });
}

// Bytes that look like pieces of the boundary, so a delimiter cut across chunks is tested at every offset.
const file = encoder.encode(`%PDF-1.7\r\n--${BOUNDARY.slice(0, 10)} not the end\r\n\r\n-- still the file ${"x".repeat(300)}\r\n`);

describe("readUploadedFile", () => {
  it.each([1, 2, 3, 7, 16, 64, 1024, 65_536])("reads the file and its name from a body arriving %i bytes at a time", async (chunkSize) => {
    const bytes = body([{ name: "note", content: encoder.encode("ignored field") }, { name: "file", filename: "plan 2026.pdf", content: file }]);
    const read = await readUploadedFile(request(bytes, chunkSize), 1024 * 1024);
    expect(read.filename).toBe("plan 2026.pdf");
    expect(new TextDecoder().decode(read.bytes)).toBe(new TextDecoder().decode(file));
    // Hashed chunk by chunk as the file arrived: the same digest as hashing the whole file.
    expect(read.sha256).toBe(await sha256Hex(file));
  });

  it("answers 422 when no part is a file named 'file', or the body ends before its closing boundary", async () => {
    const noFile = body([{ name: "file", content: encoder.encode("a text field, not a file") }]);
    const cut = body([{ name: "file", filename: "a.pdf", content: file }], false);
    for (const bytes of [noFile, cut]) {
      const error = await readUploadedFile(request(bytes, 100), 1024 * 1024).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("validation_failed");
    }
  });

  it("answers 413 for a file part over the cap even when the whole body fits the multipart allowance", async () => {
    const bytes = body([{ name: "file", filename: "a.pdf", content: new Uint8Array(2000) }]);
    const error = await readUploadedFile(request(bytes, 512), 1000).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe("payload_too_large");
  });

  it("lets other requests run while it reads a large body whose chunks have all arrived", async () => {
    // Chunks already queued are read in microtasks; without a turn of the event loop between them, a timer (another
    // request, /health) waits until the whole 4 MiB is read.
    const bytes = body([{ name: "file", filename: "big.txt", content: new Uint8Array(4 * 1024 * 1024).fill(0x61) }]);
    const ticks = await timerTurnsDuring(() => readUploadedFile(request(bytes, 64 * 1024), 8 * 1024 * 1024));
    expect(ticks).toBeGreaterThanOrEqual(3);
  });
});
