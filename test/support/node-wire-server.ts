/**
 * A small HTTP server frame for the protocol-level stand-ins of paid APIs (OpenAI, Anthropic, LlamaParse) and for
 * serving fixtures to tests that run inside workerd. Runs in Node (vitest global setup), never in the Worker.
 *
 * Every server has a control API that tests call over HTTP:
 * - `POST /__control/fail {path_prefix, status, times, body?, headers?}`: the next `times` requests under the prefix
 *   answer `status` (e.g. 429 then the real answer on the next try).
 * - `POST /__control/delay {path_prefix, ms, times}`: hold the next `times` matching requests for `ms` first.
 * - `POST /__control/reset`: forget scripted failures and the request log.
 * - `GET /__control/requests`: what was received, `[{method, path, headers, body}]` (body as text, multipart omitted).
 * - `GET /__control/stats`: `{in_flight, max_in_flight, served}` over the protocol requests (not the control API);
 *   `?reset=1` starts the maximum and the count again. The benchmark reads it to see how many calls overlap.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { once } from "node:events";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface WireRequest {
  method: string;
  url: URL;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/** A protocol handler answers a request it knows and returns true, or returns false to let the frame answer 404. */
export type WireHandler = (request: WireRequest, response: ServerResponse) => Promise<boolean> | boolean;

interface ScriptedFailure {
  pathPrefix: string;
  status: number;
  times: number;
  body: string;
  headers: Record<string, string>;
}

interface ScriptedDelay {
  pathPrefix: string;
  ms: number;
  times: number;
}

export interface WireServer {
  url: string;
  close(): Promise<void>;
}

export async function startWireServer(name: string, handlers: WireHandler[]): Promise<WireServer> {
  let failures: ScriptedFailure[] = [];
  let delays: ScriptedDelay[] = [];
  let recorded: RecordedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let served = 0;

  const server: Server = createServer(async (req, res) => {
    if (!(req.url ?? "/").startsWith("/__control/")) {
      // From arrival to the response's end (or the client going away): the calls overlapping here.
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.once("close", () => {
        inFlight--;
        served++;
      });
    }
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", "http://127.0.0.1");

      if (url.pathname.startsWith("/__control/")) {
        const input = body.length ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : {};
        if (url.pathname === "/__control/fail") {
          failures.push({
            pathPrefix: String(input.path_prefix ?? "/"),
            status: Number(input.status ?? 500),
            times: Number(input.times ?? 1),
            body: typeof input.body === "string" ? input.body : JSON.stringify(input.body ?? { error: { message: "scripted failure", type: "server_error" } }),
            headers: (input.headers as Record<string, string> | undefined) ?? {},
          });
        } else if (url.pathname === "/__control/delay") {
          delays.push({ pathPrefix: String(input.path_prefix ?? "/"), ms: Number(input.ms ?? 0), times: Number(input.times ?? 1) });
        } else if (url.pathname === "/__control/reset") {
          failures = [];
          delays = [];
          recorded = [];
        } else if (url.pathname === "/__control/requests") {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(recorded));
          return;
        } else if (url.pathname === "/__control/stats") {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ in_flight: inFlight, max_in_flight: maxInFlight, served }));
          if (url.searchParams.has("reset")) {
            maxInFlight = inFlight;
            served = 0;
          }
          return;
        }
        res.writeHead(204).end();
        return;
      }

      const contentType = String(req.headers["content-type"] ?? "");
      recorded.push({
        method: req.method ?? "GET",
        path: url.pathname + url.search,
        headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])),
        body: contentType.startsWith("multipart/") ? "" : body.toString("utf8"),
      });

      const delay = delays.find((d) => url.pathname.startsWith(d.pathPrefix) && d.times > 0);
      if (delay) {
        delay.times -= 1;
        await new Promise((resolve) => setTimeout(resolve, delay.ms));
      }
      const failure = failures.find((f) => url.pathname.startsWith(f.pathPrefix) && f.times > 0);
      if (failure) {
        failure.times -= 1;
        res.writeHead(failure.status, { "content-type": "application/json", ...failure.headers });
        res.end(failure.body);
        return;
      }

      const request: WireRequest = { method: req.method ?? "GET", url, headers: req.headers, body };
      for (const handler of handlers) {
        if (await handler(request, res)) return;
      }
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: `${name}: no route for ${req.method} ${url.pathname}`, type: "not_found" } }));
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: String(error), type: "server_error" } }));
    }
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): true {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(value));
  return true;
}
