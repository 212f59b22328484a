/**
 * The local stack in a process of its own, for the benchmark: the embedded database (PGlite) then runs here and not
 * in the load generator's process, so its CPU and memory can be read apart from the load's, and the load generator's
 * event loop does not slow the database down. Prints one JSON line when ready; stops on SIGTERM or when its stdin closes
 * (the benchmark exited).
 *
 * @example node bench/stack-process.ts '{"stateDir":"<folder>","vars":{"LLM_PROVIDER":"offline"}}'
 */
import { startStack, type StackOptions } from "../scripts/lib/stack.ts";

export interface StackReady {
  url: string;
  database: string;
  databaseControl: string | null;
  databaseInProcess: boolean;
  pid: number;
  wrangler: number | null;
  inspectorPort: number | null;
}

const options = JSON.parse(process.argv[2] ?? "{}") as StackOptions;
const stack = await startStack({ ...options, quiet: true });
const ready: StackReady = {
  url: stack.url,
  database: stack.database,
  databaseControl: stack.databaseControl,
  databaseInProcess: stack.databaseInProcess,
  pid: process.pid,
  wrangler: stack.pids().wrangler,
  inspectorPort: stack.inspectorPort,
};
process.stdout.write(`${JSON.stringify(ready)}\n`);

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(code);
};
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));
process.stdin.on("close", () => void stop(0));
process.stdin.resume();
void stack.exited.then((code) => {
  console.error(`stack-process: wrangler exited (${code})`);
  void stop(1);
});
