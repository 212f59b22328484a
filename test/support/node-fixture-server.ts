import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join, normalize } from "node:path";
import type { WireHandler } from "./node-wire-server.ts";

/** ../shared/fixtures beside the checkout: read from there, never copied into the repository. */
export const FIXTURES_DIR = fileURLToPath(new URL("../../../shared/fixtures/", import.meta.url));

/**
 * `GET /fixtures/<name>` (or `/fixtures/dev-corpus/<name>`) answers the bytes of a shared fixture, so tests inside
 * workerd can read them. Nothing outside those two folders is served.
 */
export const fixtureHandler: WireHandler = async (request, res) => {
  if (request.method !== "GET" || !request.url.pathname.startsWith("/fixtures/")) return false;
  const name = normalize(decodeURIComponent(request.url.pathname.slice("/fixtures/".length)));
  if (name.startsWith("..") || (name.includes("/") && !/^dev-corpus\/[^/]+$/.test(name))) return false;
  try {
    const bytes = await readFile(join(FIXTURES_DIR, name));
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(bytes.length) });
    res.end(bytes);
    return true;
  } catch {
    return false;
  }
};
