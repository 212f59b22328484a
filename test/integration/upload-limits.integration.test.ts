/**
 * Uploads are never buffered past the cap: a declared Content-Length over it is refused before the body is read, and a
 * body without one (chunked) is counted as it streams and cut at the cap.
 */
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app";
import { MULTIPART_OVERHEAD_BYTES } from "../../src/ingestion/upload-body";
import { registerUser, type TestUser } from "../support/worker-api";

const BOUNDARY = "----navigator-test-boundary";
const CAP = 1024 * 1024;
const CHUNK = 64 * 1024;

/** A multipart body whose file part is `fileBytes` long (endless when undefined), recording how much was pulled. */
function multipartStream(fileBytes?: number) {
  const encoder = new TextEncoder();
  const head = encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="plan.txt"\r\nContent-Type: text/plain\r\n\r\n`);
  const tail = encoder.encode(`\r\n--${BOUNDARY}--\r\n`);
  const line = encoder.encode("The deductible is $500 per person per year. ".repeat(Math.ceil(CHUNK / 44))).slice(0, CHUNK);
  const state = { pulled: 0, cancelled: false };
  let sentHead = false;
  let sentFile = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      let chunk: Uint8Array;
      if (!sentHead) {
        sentHead = true;
        chunk = head;
      } else if (fileBytes === undefined || sentFile < fileBytes) {
        chunk = fileBytes === undefined ? line : line.slice(0, Math.min(CHUNK, fileBytes - sentFile));
        sentFile += chunk.byteLength;
      } else {
        controller.enqueue(tail);
        state.pulled += tail.byteLength;
        controller.close();
        return;
      }
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
    // Nothing is pulled ahead of a read: `pulled` counts what the server asked for.
  }, { highWaterMark: 0 });
  return { stream, state };
}

async function send(user: TestUser, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request("http://navigator.test/api/v2/upload", {
    method: "POST",
    headers: { ...user.auth, "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    body,
  });
  const response = await createApp().fetch(request, { ...env, MAX_UPLOAD_BYTES: String(CAP) }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("upload size limits while the body streams", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await registerUser("limits");
  });

  it("answers 413 to a declared Content-Length over the cap without reading the body", async () => {
    const { stream, state } = multipartStream();
    const response = await send(user, stream, { "content-length": String(CAP + MULTIPART_OVERHEAD_BYTES + 1) });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large", max_bytes: CAP });
    expect(state.pulled).toBe(0);
  });

  it("cuts a body without Content-Length as soon as it passes the cap, and stops reading it", async () => {
    const { stream, state } = multipartStream();
    const response = await send(user, stream);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large" });
    // The cap, the multipart allowance, and what was in flight when it was crossed; never the endless rest.
    expect(state.pulled).toBeLessThan(CAP + MULTIPART_OVERHEAD_BYTES + 4 * CHUNK);
    expect(state.cancelled).toBe(true);
  });

  it("accepts a body without Content-Length that stays within the cap", async () => {
    const { stream } = multipartStream(CAP / 2);
    const response = await send(user, stream);
    expect(response.status).toBe(202);
    await response.body?.cancel();
  });
});
