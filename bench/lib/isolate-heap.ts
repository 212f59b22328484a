/**
 * The Worker isolate's own V8 heap, read through wrangler's DevTools endpoint (its --inspector-port) with
 * `Runtime.getHeapUsage`: the JavaScript heap plus ArrayBuffer backing stores where V8 reports them. Unlike the
 * workerd process's resident memory, this leaves out the local simulators and memory V8 has not handed back, so it is
 * the closest local reading of what the production isolate's 128 MB counts. Sampled: a stretch of synchronous work
 * answers only when it yields.
 *
 * @example const heap = await IsolateHeap.connect(stack.inspectorPort); const mib = (await heap?.read())?.used;
 */
export interface HeapReading {
  /** Bytes in use: the V8 heap's used size plus ArrayBuffer backing stores. */
  used: number;
  /** Bytes the V8 heap has reserved. */
  total: number;
}

interface HeapUsage {
  usedSize?: number;
  totalSize?: number;
  backingStorageSize?: number;
}

/** A reading that does not come back in this time counts as none (the isolate is busy in synchronous code). */
const READ_TIMEOUT_MS = 2_000;

export class IsolateHeap {
  private next = 0;
  private readonly waiting = new Map<number, (usage: HeapUsage) => void>();

  private readonly socket: WebSocket;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: HeapUsage };
      if (message.id === undefined) return;
      this.waiting.get(message.id)?.(message.result ?? {});
      this.waiting.delete(message.id);
    });
  }

  /** Connects to the first target wrangler lists (the Worker under development); null when there is none. */
  static async connect(port: number | null): Promise<IsolateHeap | null> {
    if (port === null) return null;
    try {
      const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as Array<{ webSocketDebuggerUrl?: string }>;
      const url = targets.find((target) => target.webSocketDebuggerUrl)?.webSocketDebuggerUrl;
      if (!url) return null;
      // The inspector proxy refuses an upgrade without an allowed Origin; Node's WebSocket (undici) takes headers.
      const init = { headers: { origin: "http://localhost" } } as unknown as string[];
      const socket = new WebSocket(url, init);
      await new Promise<void>((resolve, reject) => {
        socket.addEventListener("open", () => resolve());
        socket.addEventListener("error", () => reject(new Error("inspector connection failed")));
      });
      return new IsolateHeap(socket);
    } catch {
      return null;
    }
  }

  async read(): Promise<HeapReading | null> {
    const id = ++this.next;
    const answer = new Promise<HeapUsage>((resolve) => this.waiting.set(id, resolve));
    this.socket.send(JSON.stringify({ id, method: "Runtime.getHeapUsage" }));
    const usage = await Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), READ_TIMEOUT_MS))]);
    if (!usage || usage.usedSize === undefined) return null;
    return { used: usage.usedSize + (usage.backingStorageSize ?? 0), total: usage.totalSize ?? 0 };
  }

  close(): void {
    this.socket.close();
  }
}
