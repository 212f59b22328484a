import { ApiError } from "../lib/errors";
import { yieldToEventLoop } from "../lib/yield";
import { tooLarge } from "./upload";

/** Room for multipart boundaries and part headers on top of the file itself. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/**
 * The reader gives the event loop a turn after this much of the body. A body that arrives faster than it is parsed is
 * read from chunks already queued, all in microtasks: a 20 MB upload held the local isolate 160–310 ms in one
 * stretch (the same upload with a 404 route polled beside /health: both waited), 37–70 ms with a turn every MiB
 * (BENCHMARKS.md, "Hostile files"). The price: on a loaded machine the upload itself takes longer (20 MB at load 3–5:
 * 2.0–2.7 s instead of 1.5–2.3 s, the other requests' turns included).
 */
const YIELD_EVERY_BYTES = 1024 * 1024;
/** A part's headers are a few lines; more than this is not a form a browser or curl sends. */
const MAX_PART_HEADER_BYTES = 16 * 1024;

const NO_FILE = "Send the document as a multipart/form-data field named 'file'.";

/**
 * Reads the `file` field of a multipart upload as it streams, holding the file once and nothing else of the body.
 * A declared Content-Length over the cap is refused before the body is read; a body without one (chunked) is counted
 * as it streams and cut as soon as it passes the cap, so a 200 MB body costs the cap, not 200 MB. Other fields are
 * skipped without being kept. Throws `ApiError` 413 `payload_too_large`, 422 `validation_failed` when there is no
 * file, or 400 `bad_request` for a body that is not multipart.
 *
 * A hand-written parser rather than `Request.formData()`: that buffers the whole body, then the File, then its bytes
 * again. For a 20 MB upload the local Worker process peaked 124 MiB above its baseline with it and 103 MiB with this
 * parser, a figure that includes the local R2 simulator's copies (BENCHMARKS.md, "Hostile files").
 *
 * @example const { filename, bytes } = await readUploadedFile(c.req.raw, config.maxUploadBytes);
 */
export async function readUploadedFile(request: Request, maxUploadBytes: number): Promise<{ filename: string; bytes: Uint8Array; sha256: string }> {
  const limit = maxUploadBytes + MULTIPART_OVERHEAD_BYTES;
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(maxUploadBytes);
  const boundary = multipartBoundary(request.headers.get("content-type") ?? "");
  if (!boundary || !request.body) throw noFile();

  const parser = new MultipartFileParser(boundary, maxUploadBytes);
  const reader = request.body.getReader();
  let received = 0;
  let sinceYield = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += value.byteLength;
      // Cancelling the body stops reading it: the rest of an oversize upload is never taken in.
      if (received > limit) throw tooLarge(maxUploadBytes);
      parser.push(value);
      sinceYield += value.byteLength;
      if (sinceYield >= YIELD_EVERY_BYTES) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
      if (parser.finished) {
        // Whatever follows the closing boundary (an epilogue) is not needed.
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  }
  const file = parser.file();
  if (!file) throw noFile();
  return { ...file, sha256: await parser.sha256() };
}

function noFile(): ApiError {
  return new ApiError("validation_failed", NO_FILE, { extra: { errors: [{ path: "file", message: NO_FILE }] } });
}

/** The boundary parameter of a multipart/form-data content type, or null for any other content type. */
function multipartBoundary(contentType: string): string | null {
  if (!/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

type State = "preamble" | "headers" | "body" | "done";

/**
 * A streaming multipart/form-data reader that keeps only the part named `file`. Bytes arrive in any chunking; at most
 * one delimiter's length is held back between chunks, so the search for the next boundary never rescans a byte.
 */
class MultipartFileParser {
  private readonly delimiter: Uint8Array;
  private state: State = "preamble";
  private pending: Uint8Array = new Uint8Array(0);
  private keeping = false;
  private filename = "document";
  /**
   * The file as it arrived, joined once at the end. Not one buffer of the declared length allocated up front: a
   * client could declare 25 MB, send a few bytes, and make every such request cost 25 MB.
   */
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private found = false;
  /**
   * The file's SHA-256, computed a chunk at a time as it arrives (workerd's DigestStream): hashing 20 MB at the end
   * in one call held the isolate about 150–200 ms on the loaded machine, and /health with it.
   */
  private readonly digest = new crypto.DigestStream("SHA-256");
  private readonly hashing = this.digest.getWriter();
  private hashed: Promise<void> = Promise.resolve();

  constructor(
    boundary: string,
    private readonly maxFileBytes: number,
  ) {
    // The first boundary may start the body without a preceding line break; pretending one precedes it lets one
    // delimiter ("\r\n--boundary") find them all.
    this.delimiter = new TextEncoder().encode(`\r\n--${boundary}`);
    this.pending = new TextEncoder().encode("\r\n");
  }

  get finished(): boolean {
    return this.state === "done";
  }

  push(chunk: Uint8Array): void {
    this.pending = this.pending.length === 0 ? chunk : join(this.pending, chunk);
    for (let progressed = true; progressed && this.state !== "done"; ) progressed = this.step();
  }

  /** The hex SHA-256 of the file's bytes; call after `file()`. */
  async sha256(): Promise<string> {
    await this.hashed;
    await this.hashing.close();
    return [...new Uint8Array(await this.digest.digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  file(): { filename: string; bytes: Uint8Array } | null {
    if (!this.found || this.state !== "done") return null;
    const bytes = this.chunks.length === 1 && this.chunks[0] ? this.chunks[0] : join(...this.chunks);
    this.chunks.length = 0;
    return { filename: this.filename, bytes };
  }

  /** Does what the bytes in hand allow; false when it needs more. */
  private step(): boolean {
    if (this.state === "preamble" || this.state === "body") {
      const at = indexOf(this.pending, this.delimiter);
      if (at < 0) {
        // Everything but a possible start of the delimiter is content (of the file, or of a part not kept).
        const safe = Math.max(0, this.pending.length - this.delimiter.length + 1);
        if (this.state === "body") this.keep(this.pending.subarray(0, safe));
        this.pending = this.pending.slice(safe);
        return false;
      }
      if (this.state === "body") this.keep(this.pending.subarray(0, at));
      const after = at + this.delimiter.length;
      if (this.pending.length < after + 2) {
        this.pending = this.pending.slice(at);
        return false;
      }
      // "--" after a boundary closes the form; otherwise a line break and the next part's headers follow.
      if (this.pending[after] === 0x2d && this.pending[after + 1] === 0x2d) {
        this.state = "done";
        return false;
      }
      this.pending = this.pending.slice(after);
      this.state = "headers";
      this.keeping = false;
      return true;
    }
    const end = indexOf(this.pending, HEADER_END);
    if (end < 0) {
      if (this.pending.length > MAX_PART_HEADER_BYTES) throw new ApiError("bad_request", "A part of the multipart body has headers longer than 16 KB.");
      return false;
    }
    const headers = new TextDecoder().decode(this.pending.subarray(0, end));
    this.pending = this.pending.slice(end + HEADER_END.length);
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1] ?? /;\s*name=([^;\s]+)/i.exec(disposition)?.[1];
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1] ?? /;\s*filename=([^;\s]+)/i.exec(disposition)?.[1];
    this.keeping = name === "file" && filename !== undefined && !this.found;
    if (this.keeping) {
      this.found = true;
      this.filename = filename ?? "document";
    }
    this.state = "body";
    return true;
  }

  private keep(bytes: Uint8Array): void {
    if (!this.keeping || bytes.length === 0) return;
    if (this.size + bytes.length > this.maxFileBytes) throw tooLarge(this.maxFileBytes);
    // A copy: `bytes` is a view of a buffer the next chunk replaces.
    const copy = bytes.slice();
    this.chunks.push(copy);
    this.size += bytes.length;
    this.hashed = this.hashed.then(() => this.hashing.write(copy));
  }
}

const HEADER_END = new Uint8Array([0x0d, 0x0a, 0x0d, 0x0a]);

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0] ?? 0;
  for (let at = haystack.indexOf(first); at >= 0 && at + needle.length <= haystack.length; at = haystack.indexOf(first, at + 1)) {
    let match = true;
    for (let k = 1; k < needle.length; k++) {
      if (haystack[at + k] !== needle[k]) {
        match = false;
        break;
      }
    }
    if (match) return at;
  }
  return -1;
}

function join(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
