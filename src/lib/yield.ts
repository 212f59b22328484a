/**
 * Lets the isolate serve other requests before the caller goes on. Awaiting a promise that is already settled (a
 * body chunk that has already arrived, a stream write with room in its queue) continues in a microtask, before any
 * other request gets a turn, so a loop of such awaits holds the isolate like one synchronous stretch; a zero-delay
 * timer is a task of the event loop, and requests waiting (/health) run first.
 *
 * @example for (const slice of slices) { work(slice); await yieldToEventLoop(); }
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
