/**
 * The harness's client of the service's HTTP API: one member (a fresh account) per document, so each document is
 * measured alone, the way a member who uploaded only that document would see it.
 */
import { randomBytes } from "node:crypto";
import type { ChatAnswer, ChatBody, Job, SearchBody, SearchResponse, TokenResponse, UploadAccepted } from "../src/api/index.ts";

/** Ingesting a 14-page summary takes seconds offline; a 250-page booklet or a paid parser and embedder take longer. */
const INGEST_TIMEOUT_MS = 10 * 60_000;
const REQUEST_TIMEOUT_MS = 120_000;
/** Polling a job: short against seconds-long ingestion, long enough not to load the stack being measured. */
const JOB_POLL_MS = 250;

/** Thrown for anything that makes the run's numbers meaningless. */
export class EvalError extends Error {}

/**
 * An answer as the harness records it: the service's JSON answer to a chat message (src/api/chat.ts), or the empty
 * stand-in for a question on a document that failed to ingest ("document_failed", no timings).
 */
export type ChatResponse = Pick<ChatAnswer, "answer" | "citations"> & {
  finish_reason: ChatAnswer["finish_reason"] | "document_failed";
  timings?: ChatAnswer["timings"];
};

export type IngestedJob = Pick<Job, "status" | "progress" | "timings_ms">;

/** A small client of the service's API, with the member's token once registered. */
export class Api {
  token = "";
  /** Requests answered 5xx and tried again; reported, so a flaky stack does not pass unnoticed. */
  retried5xx = 0;
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request<T>(method: string, path: string, body?: unknown, init: { form?: FormData; allow?: number[] } = {}): Promise<{ status: number; body: T }> {
    for (let attempt = 1; ; attempt += 1) {
      const headers: Record<string, string> = { accept: "application/json" };
      if (this.token) headers.authorization = `Bearer ${this.token}`;
      if (body !== undefined) headers["content-type"] = "application/json";
      const response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body: init.form ?? (body === undefined ? undefined : JSON.stringify(body)),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await response.text();
      // A rate limit (the per-user chat limit of an EVAL_URL stack, 30/min by default): wait as told, at most 3 times.
      if (response.status === 429 && attempt <= 3) {
        const wait = Number(response.headers.get("retry-after") ?? "10");
        await sleep(Math.min(Math.max(wait, 1), 65) * 1000);
        continue;
      }
      // The embedded database has one backend: a search while a 250-page document is being stored can wait past the
      // Worker's gate and fail with a 5xx. That says nothing about answer quality, so it is retried (and counted).
      if (response.status >= 500 && attempt <= 3 && init.form === undefined) {
        this.retried5xx += 1;
        await sleep(2000 * attempt);
        continue;
      }
      if (!response.ok && !(init.allow ?? []).includes(response.status)) {
        throw new EvalError(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
      }
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      return { status: response.status, body: parsed as T };
    }
  }

  /** Registers a fresh member and keeps its token. */
  async register(): Promise<void> {
    const registered = await this.request<TokenResponse>("POST", "/api/v2/auth/register", {
      email: `eval-${randomBytes(6).toString("hex")}@example.com`,
      password: randomBytes(18).toString("base64url"),
    });
    this.token = registered.body.access_token;
  }

  /** Uploads a PDF and waits until its ingestion job is complete. */
  async ingest(pdf: Uint8Array<ArrayBuffer>, filename: string): Promise<IngestedJob> {
    const form = new FormData();
    form.append("file", new Blob([pdf], { type: "application/pdf" }), filename);
    const upload = await this.request<UploadAccepted>("POST", "/api/v2/upload", undefined, { form });
    const deadline = Date.now() + INGEST_TIMEOUT_MS;
    for (;;) {
      const { body } = await this.request<Job>("GET", `/api/v2/jobs/${upload.body.job_id}`);
      if (body.status === "complete") return { status: body.status, progress: body.progress, timings_ms: body.timings_ms };
      if (body.status === "failed") throw new EvalError(`ingestion of ${filename} failed: ${JSON.stringify(body.error)}`);
      if (Date.now() > deadline) throw new EvalError(`ingestion of ${filename} still ${body.status} after ${INGEST_TIMEOUT_MS / 1000}s`);
      await sleep(JOB_POLL_MS);
    }
  }

  async search(query: string, k: number): Promise<SearchResponse["results"]> {
    // With the passages after the results, which chat reads too: the saved sources replay as chat answers.
    const body: SearchBody = { query, k, with_next: true };
    return (await this.request<SearchResponse>("POST", "/api/v2/search", body)).body.results;
  }

  /** A new chat session each time: no history, so no query rewrite. */
  async chat(message: string): Promise<ChatResponse> {
    const body: ChatBody = { message };
    return (await this.request<ChatAnswer>("POST", "/chat", body)).body;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
