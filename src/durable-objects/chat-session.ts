import { DurableObject } from "cloudflare:workers";
import type { ChatAnswer, ChatEvents } from "../api/chat";
import { chatEvent, finishTurn, startTurn, type StartedTurn, type TurnEvent } from "../chat/turn";
import { readConfig, type Config } from "../config";
import type { AppEnv } from "../env";
import { toApiError } from "../lib/errors";
import { SseWriter } from "../lib/sse";
import { errorFields, log } from "../lib/log";
import { record } from "../observability/analytics";
import type { ChatTurn } from "../providers/llm/types";
import { createServices, type Services } from "../services";
import { ChatStore, IN_PROGRESS, type MessageRow, type SessionRow } from "./chat-store";

export interface ChatRequest {
  userId: string;
  message: string;
  sessionId?: string;
  documentIds?: string[];
  requestId: string;
  /**
   * The access token's login session, not yet checked: the turn's retrieval request checks it (one database round
   * trip, not two). Absent for an API key, whose owner was looked up already.
   */
  loginSessionId?: string;
}

/**
 * Why a turn was not answered, as data: a Durable Object's RPC does not carry error classes across, so the route
 * turns these into its problem+json errors (src/routes/chat.ts).
 */
export type ChatRefusal = {
  ok: false;
  code: "session_ended" | "not_found" | "rate_limited" | "database_unavailable" | "upstream_unavailable";
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
    const admitted = await this.admit(request);
    if (!admitted.ok) return admitted;
    const { session, assistantMessageId, turn, close } = admitted;

    // A client that disconnects stops the writes, not the turn: the answer is still generated and stored.
    const sse = new SseWriter().keepAlive(KEEP_ALIVE_MS);
    // Not waited for: the events sent while the client reads an earlier write go out together with the next one, in
    // order (SseWriter); the stream closes once all are written.
    const event = (name: keyof typeof ChatEvents, data: unknown) => void sse.event(name, data);

    const work = (async () => {
      let partial = "";
      let savedAt = Date.now();
      try {
        event("start", { session_id: session.id, message_id: assistantMessageId });
        for await (const turnEvent of turn.events) {
          if (turnEvent.type === "delta") {
            partial += turnEvent.text;
            if (Date.now() - savedAt >= PARTIAL_SAVE_MS) {
              this.store.savePartialAnswer(assistantMessageId, partial);
              savedAt = Date.now();
            }
          }
          this.forward(turnEvent, assistantMessageId, event);
        }
      } catch (error) {
        log("error", "chat: turn failed", { request_id: request.requestId, session_id: session.id, ...errorFields(error) });
        // Keep what was said, marked as an error, so the session reads as it streamed and turns still alternate.
        this.store.finishTurn(assistantMessageId, { content: partial, citations: null, timings: null, finish_reason: "error" });
        const refusal = dependencyRefusal(error);
        event("error", {
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
    const admitted = await this.admit(request);
    if (!admitted.ok) return admitted;
    const { session, assistantMessageId: messageId, turn, close } = admitted;
    try {
      const done = await finishTurn(turn.events);
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
   * Rate limit and chat session, then retrieval started, and the turn admitted only once its login session is known
   * open: the check rides in retrieval's database request (`ChatRequest.loginSessionId`), so an ended session is
   * refused before anything is stored or streamed. Then the question is stored together with the (empty, in
   * progress) assistant message that will hold its answer.
   */
  private async admit(request: ChatRequest): Promise<
    ChatRefusal | { ok: true; session: SessionRow; assistantMessageId: string; turn: StartedTurn; close: () => Promise<void> }
  > {
    const services = createServices(this.env, { config: this.config, waitUntil: (work) => this.ctx.waitUntil(work) });
    if (request.loginSessionId) services.deferSessionCheck(request.userId, request.loginSessionId);
    const refused = async (refusal: ChatRefusal) => {
      await services.close();
      return refusal;
    };
    const checked = this.check(request);
    if (!checked.ok) {
      // Nothing to retrieve, so the session is checked on its own: an ended session hears 401, not what it asked about.
      return refused((await sessionRefusal(services)) ?? checked);
    }
    // Read before the wait below: a turn of the same chat session that is still in progress is not history either way.
    const history = checked.session ? answeredTurns(this.store.messages(checked.session.id)).slice(-HISTORY_TURNS) : [];
    const turn = startTurn(services.turnDeps(request.userId), {
      userId: request.userId,
      question: request.message,
      history,
      documentIds: request.documentIds,
    });
    await turn.retrieved;
    const ended = await sessionRefusal(services);
    if (ended) return refused(ended);
    // Other requests ran while retrieval did: the chat session may have been deleted meanwhile.
    const session = request.sessionId ? this.store.getSession(request.sessionId) : this.store.createSession(request.message);
    if (!session) return refused(notFound(request.sessionId));
    const ids = { user: crypto.randomUUID(), assistant: crypto.randomUUID() };
    this.store.beginTurn(session.id, request.message, ids);
    return { ok: true, session, assistantMessageId: ids.assistant, turn, close: services.close };
  }

  /** The refusals that need no database: the rate limit, and a chat session that is not this member's. */
  private check(request: ChatRequest): ChatRefusal | { ok: true; session: SessionRow | undefined } {
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
    const session = request.sessionId ? this.store.getSession(request.sessionId) : undefined;
    if (request.sessionId && !session) return notFound(request.sessionId);
    // Counted before the session is confirmed: an ended session's turns (each an embedding) are bounded by it too.
    this.recentTurns.push(now);
    return { ok: true, session };
  }

  private forward(turnEvent: TurnEvent, messageId: string, event: (name: keyof typeof ChatEvents, data: unknown) => void): void {
    if (turnEvent.type === "sources") {
      event("sources", { citations: turnEvent.citations });
    } else if (turnEvent.type === "delta") {
      event("delta", { text: turnEvent.text });
    } else {
      this.store.finishTurn(messageId, {
        content: turnEvent.answer,
        citations: turnEvent.citations,
        timings: turnEvent.timings,
        finish_reason: turnEvent.finishReason,
      });
      record(this.env, chatEvent(turnEvent, "stream"));
      event("done", {
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

const notFound = (sessionId: string | undefined): ChatRefusal => ({ ok: false, code: "not_found", message: `No chat session with id ${sessionId}.` });

/**
 * Whether the turn's login session has ended, as a refusal: what retrieval's request found, or one query when
 * retrieval never reached the database (a refusal before it, a failed embedding). A database outage here is a 503.
 */
async function sessionRefusal(services: Services): Promise<ChatRefusal | undefined> {
  let active: boolean;
  try {
    active = await services.sessionConfirmed();
  } catch (error) {
    const refusal = dependencyRefusal(error);
    if (refusal) return refusal;
    throw error;
  }
  return active ? undefined : { ok: false, code: "session_ended", message: "This session has ended." };
}
