import { DurableObject } from "cloudflare:workers";
import type { ChatAnswer, ChatEvents } from "../api/chat";
import { chatEvent, completeTurn, runTurn, type TurnDeps, type TurnEvent } from "../chat/turn";
import { readConfig, type Config } from "../config";
import type { AppEnv } from "../env";
import { toApiError } from "../lib/errors";
import { SseWriter } from "../lib/sse";
import { errorFields, log } from "../lib/log";
import { record } from "../observability/analytics";
import type { ChatTurn } from "../providers/llm/types";
import { createServices } from "../services";
import { ChatStore, IN_PROGRESS, type MessageRow, type SessionRow } from "./chat-store";

export interface ChatRequest {
  userId: string;
  message: string;
  sessionId?: string;
  documentIds?: string[];
  requestId: string;
}

/**
 * Why a turn was not answered, as data: a Durable Object's RPC does not carry error classes across, so the route
 * turns these into its problem+json errors (src/routes/chat.ts).
 */
export type ChatRefusal = {
  ok: false;
  code: "not_found" | "rate_limited" | "database_unavailable" | "upstream_unavailable";
  message: string;
  retryAfterSeconds?: number;
};

export type ChatJsonResult = ChatAnswer;

/** Turns of earlier conversation sent with a question: enough for follow-ups, bounded for prompt size. */
const HISTORY_TURNS = 6;
/** A comment line this often keeps proxies and browsers from closing an SSE stream that waits on a slow model. */
const KEEP_ALIVE_MS = 15_000;
/**
 * How often a streaming answer is saved as it grows: a crash then loses at most this much of what the person saw,
 * and a long answer costs a few writes rather than one per token.
 */
const PARTIAL_SAVE_MS = 1_000;
/** Sliding window of the per-user chat rate limit. */
const RATE_WINDOW_MS = 60_000;

/**
 * One per user (named by the user id): keeps that user's conversations in the object's SQLite storage and runs each
 * chat turn, streaming Server-Sent Events. Because only this user's requests reach this object, sessions need no
 * user column, and the rate limit is exact without any shared counter.
 */
export class ChatSession extends DurableObject<AppEnv> {
  private readonly store: ChatStore;
  /** An object's bindings never change while it lives, so its configuration is parsed once, here. */
  private readonly config: Config;
  /** Start times of recent turns; in memory because losing them on eviction only forgives a few requests. */
  private recentTurns: number[] = [];

  constructor(ctx: DurableObjectState, env: AppEnv) {
    super(ctx, env);
    this.config = readConfig(env);
    this.store = new ChatStore(ctx.storage.sql, (fn) => ctx.storage.transactionSync(fn));
    ctx.blockConcurrencyWhile(async () => {
      this.store.migrate();
      const closed = this.store.closeInterruptedTurns();
      if (closed > 0) log("warn", "chat: turns cut off by a restart marked incomplete", { turns: closed });
    });
  }

  listSessions(): SessionRow[] {
    return this.store.listSessions();
  }

  getSession(id: string): { session: SessionRow; messages: MessageRow[] } | null {
    const session = this.store.getSession(id);
    return session ? { session, messages: this.store.messages(id) } : null;
  }

  renameSession(id: string, title: string): SessionRow | null {
    return this.store.renameSession(id, title) ?? null;
  }

  deleteSession(id: string): boolean {
    return this.store.deleteSession(id);
  }

  /** Stores a rating of one of this member's answers; see ChatStore.rateAnswer. */
  rateAnswer(sessionId: string, messageId: string, rating: number, comment: string | null): MessageRow | "not_found" | "not_an_answer" {
    return this.store.rateAnswer(sessionId, messageId, rating, comment);
  }

  /** Streams one turn as SSE. The answer is stored when it completes, even if the client has gone by then. */
  async chatStream(request: ChatRequest): Promise<ChatRefusal | { ok: true; stream: ReadableStream<Uint8Array> }> {
    const admitted = this.admit(request);
    if (!admitted.ok) return admitted;
    const { session, history, assistantMessageId } = admitted;

    // A client that disconnects stops the writes, not the turn: the answer is still generated and stored.
    const sse = new SseWriter().keepAlive(KEEP_ALIVE_MS);
    const event = (name: keyof typeof ChatEvents, data: unknown) => sse.event(name, data);

    const work = (async () => {
      const { deps, close } = this.turnDeps(request.userId);
      // Retrieval starts here, while the start event below waits for the client to read it.
      const turn = runTurn(deps, {
        userId: request.userId,
        question: request.message,
        history,
        documentIds: request.documentIds,
      });
      await event("start", { session_id: session.id, message_id: assistantMessageId });
      let partial = "";
      let savedAt = Date.now();
      try {
        for await (const turnEvent of turn) {
          if (turnEvent.type === "delta") {
            partial += turnEvent.text;
            if (Date.now() - savedAt >= PARTIAL_SAVE_MS) {
              this.store.savePartialAnswer(assistantMessageId, partial);
              savedAt = Date.now();
            }
          }
          await this.forward(turnEvent, assistantMessageId, event);
        }
      } catch (error) {
        log("error", "chat: turn failed", { request_id: request.requestId, session_id: session.id, ...errorFields(error) });
        // Keep what was said, marked as an error, so the session reads as it streamed and turns still alternate.
        this.store.finishTurn(assistantMessageId, { content: partial, citations: null, timings: null, finish_reason: "error" });
        const refusal = dependencyRefusal(error);
        await event("error", {
          code: refusal?.code ?? "upstream_unavailable",
          message: refusal?.code === "database_unavailable" ? refusal.message : "The answer could not be completed. Please try again.",
        });
      } finally {
        await close();
        await sse.close();
      }
    })();
    this.ctx.waitUntil(work);
    return { ok: true, stream: sse.readable };
  }

  /** Runs one turn to the end and answers JSON. */
  async chatJson(request: ChatRequest): Promise<ChatRefusal | { ok: true; result: ChatJsonResult }> {
    const admitted = this.admit(request);
    if (!admitted.ok) return admitted;
    const { session, history, assistantMessageId: messageId } = admitted;
    const { deps, close } = this.turnDeps(request.userId);
    try {
      const done = await completeTurn(deps, { userId: request.userId, question: request.message, history, documentIds: request.documentIds });
      this.store.finishTurn(messageId, { content: done.answer, citations: done.citations, timings: done.timings, finish_reason: done.finishReason });
      record(this.env, chatEvent(done, "json"));
      return {
        ok: true,
        result: {
          session_id: session.id,
          message_id: messageId,
          answer: done.answer,
          citations: done.citations,
          finish_reason: done.finishReason,
          timings: done.timings,
        },
      };
    } catch (error) {
      this.store.finishTurn(messageId, { content: "", citations: null, timings: null, finish_reason: "error" });
      const refusal = dependencyRefusal(error);
      if (!refusal) throw error;
      log("warn", "chat: turn failed", { request_id: request.requestId, session_id: session.id, code: refusal.code, ...errorFields(error) });
      return refusal;
    } finally {
      await close();
    }
  }

  /**
   * Rate limit, session, history, then the question stored together with the (empty, in progress) assistant message
   * that will hold its answer.
   */
  private admit(request: ChatRequest):
    | ChatRefusal
    | { ok: true; session: SessionRow; assistantMessageId: string; history: ChatTurn[] } {
    const limit = this.config.chatRateLimitPerMinute;
    const now = Date.now();
    this.recentTurns = this.recentTurns.filter((t) => now - t < RATE_WINDOW_MS);
    if (this.recentTurns.length >= limit) {
      const oldest = this.recentTurns[0] ?? now;
      return {
        ok: false,
        code: "rate_limited",
        message: `At most ${limit} chat messages per minute. Try again shortly.`,
        retryAfterSeconds: Math.max(1, Math.ceil((oldest + RATE_WINDOW_MS - now) / 1000)),
      };
    }
    let session: SessionRow | undefined;
    if (request.sessionId) {
      session = this.store.getSession(request.sessionId);
      if (!session) return { ok: false, code: "not_found", message: `No chat session with id ${request.sessionId}.` };
    } else {
      session = this.store.createSession(request.message);
    }
    this.recentTurns.push(now);
    const history = answeredTurns(this.store.messages(session.id)).slice(-HISTORY_TURNS);
    const ids = { user: crypto.randomUUID(), assistant: crypto.randomUUID() };
    this.store.beginTurn(session.id, request.message, ids);
    return { ok: true, session, assistantMessageId: ids.assistant, history };
  }

  private turnDeps(userId: string): { deps: TurnDeps; close: () => Promise<void> } {
    const services = createServices(this.env, { config: this.config, waitUntil: (work) => this.ctx.waitUntil(work) });
    return { deps: services.turnDeps(userId), close: services.close };
  }

  private async forward(turnEvent: TurnEvent, messageId: string, event: (name: keyof typeof ChatEvents, data: unknown) => Promise<unknown>): Promise<void> {
    if (turnEvent.type === "sources") {
      await event("sources", { citations: turnEvent.citations });
    } else if (turnEvent.type === "delta") {
      await event("delta", { text: turnEvent.text });
    } else {
      this.store.finishTurn(messageId, {
        content: turnEvent.answer,
        citations: turnEvent.citations,
        timings: turnEvent.timings,
        finish_reason: turnEvent.finishReason,
      });
      record(this.env, chatEvent(turnEvent, "stream"));
      await event("done", {
        message_id: messageId,
        answer: turnEvent.answer,
        citations: turnEvent.citations,
        finish_reason: turnEvent.finishReason,
        provider: turnEvent.provider,
        model: turnEvent.model,
        timings: turnEvent.timings,
      });
    }
  }
}

/**
 * Earlier turns for the prompt, oldest first: each question with its answer, left out together when the answer has no
 * text (it failed before the first word, or was cut off), so the history still alternates question and answer.
 */
export function answeredTurns(messages: readonly MessageRow[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (let i = 0; i < messages.length; i++) {
    const question = messages[i];
    const answer = messages[i + 1];
    if (question?.role !== "user" || answer?.role !== "assistant") continue;
    i++;
    if (answer.content.trim() === "" || answer.finish_reason === IN_PROGRESS) continue;
    turns.push({ role: "user", content: question.content }, { role: "assistant", content: answer.content });
  }
  return turns;
}

/** A failure of the database or of every answer provider, as a refusal the route can answer with 503 or 502. */
function dependencyRefusal(error: unknown): ChatRefusal | undefined {
  const apiError = toApiError(error);
  if (apiError?.code !== "database_unavailable" && apiError?.code !== "upstream_unavailable") return undefined;
  const retryAfter = Number(apiError.headers["retry-after"]);
  return { ok: false, code: apiError.code, message: apiError.message, ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
}
