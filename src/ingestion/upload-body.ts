import { ApiError } from "../lib/errors";
import { tooLarge } from "./upload";

/** Room for multipart boundaries and part headers on top of the file itself. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const NO_FILE = "Send the document as a multipart/form-data field named 'file'.";

/**
 * Reads the `file` field of a multipart upload without ever holding more than the cap. A declared Content-Length
 * over the cap is refused before the body is read; a body without one (chunked) is counted as it streams and cut as
 * soon as it passes the cap, so a 200 MB body costs the cap, not 200 MB. Throws `ApiError` 413 `payload_too_large`,
 * or 422 `validation_failed` when there is no file.
 *
 * @example const { filename, bytes } = await readUploadedFile(c.req.raw, config.maxUploadBytes);
 */
export async function readUploadedFile(request: Request, maxUploadBytes: number): Promise<{ filename: string; bytes: Uint8Array }> {
  const limit = maxUploadBytes + MULTIPART_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(maxUploadBytes);
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) {
    throw new ApiError("validation_failed", NO_FILE, { extra: { errors: [{ path: "file", message: NO_FILE }] } });
  }

  let received = 0;
  let exceeded = false;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) {
          exceeded = true;
          // Erroring the stream cancels the request body: nothing more is read from the client.
          controller.error(tooLarge(maxUploadBytes));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Response(counted, { headers: { "content-type": contentType } }).formData();
  } catch {
    if (exceeded) throw tooLarge(maxUploadBytes);
    throw new ApiError("bad_request", "The multipart body could not be read; check its boundary and parts.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw new ApiError("validation_failed", NO_FILE, { extra: { errors: [{ path: "file", message: NO_FILE }] } });
  if (file.size > maxUploadBytes) throw tooLarge(maxUploadBytes);
  return { filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
