/**
 * Load through autocannon (a maintained HTTP benchmarking library): a fixed number of connections, each sending its
 * next request as soon as the last one is answered (closed loop, no pipelining), for a fixed time. Every response's
 * latency is kept (autocannon's own histogram has no p95), so percentiles are computed the same way as the SSE
 * reader's.
 */
import autocannon, { type Request } from "autocannon";
import { round, summarize, type Summary } from "./stats.ts";

/** A request that takes this long counts as a timeout error: well past any target, short enough to end a run. */
const REQUEST_TIMEOUT_S = 30;

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Non-2xx answers plus connection errors and timeouts. */
  errors: number;
  errorRate: number;
  statusCodes: Record<string, number>;
  latencyMs: Summary;
}

export interface LoadOptions {
  url: string;
  connections: number;
  seconds: number;
  /** Builds each request; called once per request, so it can rotate users and queries. */
  next: (index: number) => Request;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  let index = 0;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: REQUEST_TIMEOUT_S,
        pipelining: 1,
        requests: [{ setupRequest: (request) => ({ ...request, ...options.next(index++) }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const errors = result.non2xx + result.errors;
        const requests = latencies.length;
        resolve({
          connections: options.connections,
          seconds: round(result.duration, 2),
          requests,
          requestsPerSecond: round(requests / result.duration),
          errors,
          errorRate: round(requests + result.errors ? errors / (requests + result.errors) : 0, 4),
          statusCodes,
          latencyMs: summarize(latencies),
        });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}
