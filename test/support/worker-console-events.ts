/**
 * Setup file of the workerd projects: console lines reach vitest as fire-and-forget events instead of calls it waits
 * for. Without this, a test file can pass and never finish, and `vitest run` never exits.
 *
 * Why: vitest waits for every RPC call a test file made (`rpcDone()`) before it reports the file finished, and its
 * console sends each line as such a call (`onUserConsoleLog`). A line logged from another I/O context (the chat
 * Durable Object finishing a turn, a queue consumer, a `waitUntil`) cannot be sent from there, so
 * @cloudflare/vitest-pool-workers parks it until the runner's next message. When it is logged after the file's last
 * message, nothing follows: vitest waits for the line's reply, the line waits for vitest's next message. Seen as the
 * PostgreSQL pass hanging after `security-headers` (a chat turn logging as that file ended); diagnosed in
 * docs/local-development.md ("The PostgreSQL pass hung"), upstream as cloudflare/workers-sdk#15719 (fix proposed in
 * #15565, not released for 0.23.0).
 *
 * As an event the line still goes out with the runner's next message and shows as before, but nothing waits for it;
 * a line logged after a file's last message is dropped instead of hanging the run. Remove this file once the pool
 * sends parked lines on its own.
 */
type Rpc = Record<string | symbol, unknown>;
interface WorkerState {
  rpc: Rpc;
}

const state = (globalThis as { __vitest_worker__?: WorkerState }).__vitest_worker__;
const rpc = state?.rpc;
const send = rpc?.onUserConsoleLog as { asEvent?: (...args: unknown[]) => unknown } | undefined;
if (!state || !rpc || typeof send?.asEvent !== "function") {
  // Vitest's internals moved (an upgrade): fail loudly rather than bring the hang back silently.
  throw new Error("test/support/worker-console-events.ts: vitest's worker state has no rpc.onUserConsoleLog.asEvent; re-check the hang this works around");
}
const asEvent = send.asEvent;
state.rpc = new Proxy(rpc, {
  get(target, property, receiver) {
    if (property === "onUserConsoleLog") return (...args: unknown[]) => Promise.resolve(asEvent(...args)).catch(() => undefined);
    return Reflect.get(target, property, receiver);
  },
});
