/** storeInSlices: how an upload's bytes reach R2 without holding the isolate (BENCHMARKS.md, "Hostile files"). */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex, storeInSlices } from "../../src/ingestion/upload";
import { timerTurnsDuring } from "../support/event-loop";

const MIB = 1024 * 1024;

function bytesOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31) % 251;
  return bytes;
}

/** A bucket that reads what it is given the way R2 would, recording its form; only `put` is used. */
function recordingBucket() {
  const received: { streamed: boolean; bytes: Uint8Array | null } = { streamed: false, bytes: null };
  const bucket = {
    async put(_key: string, value: ReadableStream<Uint8Array> | Uint8Array) {
      if (value instanceof Uint8Array) {
        received.bytes = value;
        return null;
      }
      received.streamed = true;
      received.bytes = new Uint8Array(await new Response(value).arrayBuffer());
      return null;
    },
  };
  return { bucket: bucket as unknown as R2Bucket, received };
}

describe("storeInSlices", () => {
  it("hands a large upload to the bucket as a stream, letting other requests run between its slices", async () => {
    const bytes = bytesOf(5 * MIB + 123);
    const { bucket, received } = recordingBucket();
    const turns = await timerTurnsDuring(() => storeInSlices(bucket, "k", bytes, {}));
    expect(received.streamed).toBe(true);
    // Digests, not the arrays: vitest compares 5 MiB element by element for seconds.
    expect(await sha256Hex(received.bytes ?? new Uint8Array(0))).toBe(await sha256Hex(bytes));
    expect(turns).toBeGreaterThanOrEqual(4);
  });

  it("hands a small upload over in one piece", async () => {
    const bytes = bytesOf(1000);
    const { bucket, received } = recordingBucket();
    await storeInSlices(bucket, "k", bytes, {});
    expect(received.streamed).toBe(false);
    expect(received.bytes).toBe(bytes);
  });

  it("stores in R2 the same bytes, which pass R2's SHA-256 check", async () => {
    const bytes = bytesOf(3 * MIB + 7);
    const key = `test/${crypto.randomUUID()}`;
    await storeInSlices(env.DOCUMENTS, key, bytes, { sha256: await sha256Hex(bytes) });
    const stored = await env.DOCUMENTS.get(key);
    expect(await sha256Hex(new Uint8Array(await (stored as R2ObjectBody).arrayBuffer()))).toBe(await sha256Hex(bytes));
    await env.DOCUMENTS.delete(key);
  });

  it("fails, and does not hang, when the bucket refuses the upload", async () => {
    const bucket = {
      put: async (_key: string, value: ReadableStream<Uint8Array>) => {
        await value.cancel();
        throw new Error("bucket unavailable");
      },
    } as unknown as R2Bucket;
    await expect(storeInSlices(bucket, "k", bytesOf(3 * MIB), {})).rejects.toThrow("bucket unavailable");
  });

  it("is refused by R2 when the bytes do not match the SHA-256 it is given", async () => {
    const bytes = bytesOf(2 * MIB);
    const wrong = await sha256Hex(bytesOf(10));
    await expect(storeInSlices(env.DOCUMENTS, `test/${crypto.randomUUID()}`, bytes, { sha256: wrong })).rejects.toThrow();
  });
});
