import { Hono } from "hono";
import { ChatBody, FeedbackBody, RenameBody } from "../api/chat";
import type { ChatRefusal, ChatRequest } from "../durable-objects/chat-session";
import { requireAuth, requireAuthForRead } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError, sessionEnded } from "../lib/errors";
import { idParam, idParams } from "../lib/ids";
import { sseResponse } from "../lib/sse";
import { validate } from "../lib/validation";
import { record } from "../observability/analytics";

const chatObject = (env: AppBindings["Bindings"], userId: string) => env.CHAT_SESSIONS.get(env.CHAT_SESSIONS.idFromName(userId));

function refuse(refusal: ChatRefusal): never {
  // The 401 itself comes from `requireAuthForRead`, which sees the session settled as ended (below) after this.
  if (refusal.code === "session_ended") throw sessionEnded();
  if (refusal.retryAfterSeconds !== undefined || refusal.code === "rate_limited") {
    const seconds = refusal.retryAfterSeconds ?? 60;
    throw new ApiError(refusal.code, refusal.message, {
      headers: { "retry-after": String(seconds) },
      extra: { retry_after_seconds: seconds, ...(refusal.code === "rate_limited" ? { limit: "chat" } : {}) },
    });
  }
  throw new ApiError(refusal.code, refusal.message);
}

/** JSON only when the client asks for it and not for SSE; streaming is the default. */
export function wantsJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const lower = accept.toLowerCase();
  return lower.includes("application/json") && !lower.includes("text/event-stream");
}

/**
 * What the chat object's answer says about the login session it checked for this request: settled for
 * `requireAuthForRead`, so it asks no query of its own. A database outage leaves it unknown (the 503 stands either way).
 */
function settleSession(services: AppBindings["Variables"]["services"], outcome: { ok: true } | ChatRefusal): void {
  if (!outcome.ok && outcome.code === "database_unavailable") return;
  services.settleSession(outcome.ok || outcome.code !== "session_ended");
}

/**
 * A chat turn's login session is checked inside its retrieval request, in the chat object (`requireAuthForRead`, with
 * the session passed on as `loginSessionId`): one database round trip per turn instead of two. An ended session still
 * answers 401 problem+json before anything streams or is stored. The other chat routes never reach the database
 * and check the session up front.
 */
export const chatRoutes = new Hono<AppBindings>()
  .post("/", requireAuthForRead, validate("json", ChatBody), async (c) => {
    const body = c.req.valid("json");
    const request: ChatRequest = {
      userId: c.var.userId,
      message: body.message,
      sessionId: body.session_id,
      documentIds: body.document_ids,
      requestId: c.var.requestId,
      ...(c.var.sessionId !== null ? { loginSessionId: c.var.sessionId } : {}),
    };
    const stub = chatObject(c.env, c.var.userId);
    if (wantsJson(c.req.header("accept"))) {
      const outcome = await stub.chatJson(request);
      settleSession(c.var.services, outcome);
      if (!outcome.ok) refuse(outcome);
      return c.json(outcome.result);
    }
    const outcome = await stub.chatStream(request);
    settleSession(c.var.services, outcome);
    if (!outcome.ok) refuse(outcome);
    return sseResponse(outcome.stream, { "x-request-id": c.var.requestId });
  })
  .use("/sessions/*", requireAuth)
  .get("/sessions", async (c) => {
    const sessions = await chatObject(c.env, c.var.userId).listSessions();
    return c.json({ sessions });
  })
  .get("/sessions/:id", idParam("id", "chat session"), async (c) => {
    const id = c.req.valid("param").id;
    const found = await chatObject(c.env, c.var.userId).getSession(id);
    if (!found) throw new ApiError("not_found", `No chat session with id ${id}.`);
    return c.json({ ...found.session, messages: found.messages });
  })
  .patch("/sessions/:id", idParam("id", "chat session"), validate("json", RenameBody), async (c) => {
    const id = c.req.valid("param").id;
    const renamed = await chatObject(c.env, c.var.userId).renameSession(id, c.req.valid("json").title);
    if (!renamed) throw new ApiError("not_found", `No chat session with id ${id}.`);
    return c.json(renamed);
  })
  .post("/sessions/:id/messages/:message_id/feedback", idParams({ id: "chat session", message_id: "message" }), validate("json", FeedbackBody), async (c) => {
    const { id, message_id: messageId } = c.req.valid("param");
    const { rating, comment } = c.req.valid("json");
    const outcome = await chatObject(c.env, c.var.userId).rateAnswer(id, messageId, rating, comment ? comment : null);
    if (outcome === "not_found") throw new ApiError("not_found", `No message with id ${messageId} in chat session ${id}.`);
    if (outcome === "not_an_answer") throw new ApiError("validation_failed", "Only answers can be rated; this message is a question.");
    // The rating is counted; the comment stays with the message (it is the member's words).
    record(c.env, { kind: "feedback", rating, hasComment: Boolean(comment) });
    return c.json(outcome);
  })
  .delete("/sessions/:id", idParam("id", "chat session"), async (c) => {
    const id = c.req.valid("param").id;
    const deleted = await chatObject(c.env, c.var.userId).deleteSession(id);
    if (!deleted) throw new ApiError("not_found", `No chat session with id ${id}.`);
    return c.body(null, 204);
  });
