/**
 * Polls a local stack's `/health` from a thread of its own, so what the test's own thread does (it runs the embedded
 * PGlite that serves the Worker's queries, builds files of 20 MB and sends them) never delays a measurement. Beside
 * every poll it records two controls: a 404 from the Worker sent at the same moment (the same isolate, no database,
 * no storage), and how late this thread's own 10 ms timer fired during the poll — the time the machine kept the
 * measurement itself waiting, which no code of ours can cause or shorten.
 *
 * @example const poller = startHealthPoller(stack.url); poller.label("ten-thousand-pages.pdf"); … const polls = await poller.stop();
 */
import { Worker } from "node:worker_threads";

export interface HealthPoll {
  status: number;
  /** Request to response, as measured by the polling thread. */
  ms: number;
  /** The 404 sent with it. */
  controlMs: number;
  /** The most the polling thread's 10 ms timer fired late while the poll was in flight. */
  timerLateMs: number;
  database?: { ok?: boolean; reason?: string };
  /** What the test was doing (the file being uploaded or processed). */
  during: string;
}

/** Plain JavaScript, evaluated as the thread's script (no TypeScript, no imports of ours). */
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const { url, everyMs, giveUpMs } = workerData;
let during = "";
let polling = true;
parentPort.on("message", (message) => {
  if (message.type === "label") during = message.during;
  if (message.type === "stop") polling = false;
});
const samples = [];
let expected = performance.now() + 10;
const timer = setInterval(() => {
  const now = performance.now();
  samples.push({ at: now, late: Math.max(0, now - expected) });
  expected = now + 10;
  if (samples.length > 20000) samples.splice(0, 10000);
}, 10);
const lateBetween = (from, to) => samples.reduce((worst, s) => (s.at >= from && s.at <= to + 10 ? Math.max(worst, s.late) : worst), 0);
(async () => {
  while (polling) {
    const label = during;
    const started = performance.now();
    const [health, controlMs] = await Promise.all([
      (async () => {
        const response = await fetch(url + "/health", { signal: AbortSignal.timeout(giveUpMs) }).catch(() => null);
        const ms = performance.now() - started;
        const body = response ? await response.json().catch(() => null) : null;
        return { status: response ? response.status : 0, ms, database: body && body.checks ? body.checks.database : undefined };
      })(),
      (async () => {
        const response = await fetch(url + "/api/no-such-route", { signal: AbortSignal.timeout(giveUpMs) }).catch(() => null);
        await (response && response.body ? response.body.cancel() : undefined);
        return performance.now() - started;
      })(),
    ]);
    const ended = performance.now();
    parentPort.postMessage({
      status: health.status,
      ms: Math.round(health.ms),
      controlMs: Math.round(controlMs),
      timerLateMs: Math.round(lateBetween(started, ended)),
      database: health.database,
      during: label,
    });
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  clearInterval(timer);
  parentPort.postMessage({ type: "done" });
})();
`;

export function startHealthPoller(url: string, options: { everyMs?: number; giveUpMs?: number } = {}) {
  const polls: HealthPoll[] = [];
  let stopped: Promise<HealthPoll[]> | null = null;
  const thread = new Worker(THREAD, { eval: true, workerData: { url, everyMs: options.everyMs ?? 250, giveUpMs: options.giveUpMs ?? 10_000 } });
  const done = new Promise<void>((resolve, reject) => {
    thread.on("message", (message: HealthPoll | { type: "done" }) => {
      if ("type" in message) resolve();
      else polls.push(message);
    });
    thread.once("error", reject);
    thread.once("exit", () => resolve());
  });
  return {
    polls,
    label(during: string): void {
      thread.postMessage({ type: "label", during });
    },
    /** Ends polling after the poll in flight and returns every poll. */
    stop(): Promise<HealthPoll[]> {
      stopped ??= (async () => {
        thread.postMessage({ type: "stop" });
        await done;
        await thread.terminate();
        return polls;
      })();
      return stopped;
    },
  };
}
