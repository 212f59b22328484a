/**
 * An OpenAI-compatible face on the same answers, so the official SDKs and chat front-ends that speak OpenAI's API work
 * unchanged: point their base URL at `/v1` and use one of our access tokens as the API key. `GET /v1/models` lists
 * one model; `POST /v1/chat/completions` answers as JSON or, with `stream: true`, as `chat.completion.chunk` events.
 * Answers come only from the token's user's documents (the user id and row-level security, as everywhere else).
 *
 * Errors here are deliberately NOT problem+json: OpenAI clients read `{error: {message, type, param, code}}` to raise
 * their typed errors (the SDK's AuthenticationError on 401, BadRequestError on 400), so this sub-app renders every
 * error in that shape.
 *
 * Rate-limited per user by the OPENAI_RATE_LIMITER binding (src/lib/rate-limit.ts); a 429 comes in OpenAI's error
 * shape with Retry-After, which the official SDKs honour when they retry.
 *
 * @example new OpenAI({ apiKey: accessToken, baseURL: "https://navigator.example/v1" }).chat.completions.create({ model: "insurance-navigator", messages })
 */
import { zValidator } from "@hono/zod-validator";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { MAX_QUESTION_CHARS } from "../api/common";
import { ChatCompletionBody, MODEL_ID, type ChatCompletion, type ChatCompletionChunk, type ChatCompletionMessage, type OpenAiErrorBody } from "../api/openai";
import { chatEvent, completeTurn, startTurn, type Citation, type TurnInput } from "../chat/turn";
import { record } from "../observability/analytics";
import type { Config } from "../config";
import type { AppEnv } from "../env";
import { requireAuth, requireAuthForRead } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError, sessionEnded, toApiError } from "../lib/errors";
import { errorFields, log } from "../lib/log";
import { limitPerUser } from "../lib/rate-limit";
import { SseWriter } from "../lib/sse";
import type { ChatTurn, FinishReason } from "../providers/llm/types";
import { createServices, type Services } from "../services";
import { isProviderFailure } from "./agents";

/** 2026-01-01: the model has no release date of its own; clients only display this. */
const MODEL_CREATED = 1_767_225_600;
/** Earlier turns sent with a question, as in /chat: enough for follow-ups, bounded for prompt size. */
const HISTORY_TURNS = 6;
/** A comment line this often keeps proxies from closing a stream that waits on a slow model (the SDK skips it). */
const KEEP_ALIVE_MS = 15_000;
/** OpenAI's rule of thumb for English text; the providers' own counts do not reach this layer, so usage is estimated. */
const CHARS_PER_TOKEN = 4;

type OpenAiErrorType = "invalid_request_error" | "server_error";

/** An error in OpenAI's wire shape; `onError` below renders it. */
class OpenAiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    readonly type: OpenAiErrorType,
    readonly code: string | null,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = "OpenAiError";
  }
}

type ChatMessage = ChatCompletionMessage;

const validateOpenAi = zValidator("json", ChatCompletionBody, (result) => {
  if (!result.success) {
    const issue = result.error.issues[0];
    const param = issue?.path.join(".") || null;
    const summary = result.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
    throw new OpenAiError(400, summary, "invalid_request_error", null, param);
  }
});

/**
 * A completion's login session is checked inside its retrieval request (`requireAuthForRead`: one database round trip,
 * not two), and a streamed one answers only once retrieval has found the session open, so an ended session still gets
 * its 401 before anything streams. The route is registered before `requireAuth`, which checks every other path here up
 * front, and answers without calling on, so the up-front check never runs for it.
 */
export const openAiRoutes = new Hono<AppBindings>()
  .post("/chat/completions", requireAuthForRead, limitPerUser("openai"), validateOpenAi, async (c) => {
    const body = c.req.valid("json");
    const input: TurnInput = { userId: c.var.userId, ...conversation(body.messages) };
    const meta = { id: `chatcmpl-${crypto.randomUUID().replaceAll("-", "")}`, created: Math.floor(Date.now() / 1000) };
    if (body.stream) {
      return streamCompletion(c.env, c.var.config, input, meta, c.var.requestId, (work) => c.executionCtx.waitUntil(work), {
        requestServices: c.var.services,
        loginSessionId: c.var.sessionId,
      });
    }
    const done = await completeTurn(c.var.services.turnDeps(input.userId), { ...input, signal: c.req.raw.signal });
    record(c.env, chatEvent(done, "v1"));
    const content = done.answer + sourcesText(done.citations);
    const completion: ChatCompletion = {
      ...meta,
      object: "chat.completion",
      model: MODEL_ID,
      system_fingerprint: null,
      choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: finishReason(done.finishReason) }],
      usage: usage(input, content),
      citations: done.citations,
    };
    return c.json(completion);
  })
  .use(requireAuth)
  .get("/models", (c) => c.json({ object: "list", data: [modelObject()] }))
  .get("/models/:id", (c) => {
    if (c.req.param("id") !== MODEL_ID) {
      throw new OpenAiError(404, `The model '${c.req.param("id")}' does not exist.`, "invalid_request_error", "model_not_found", "model");
    }
    return c.json(modelObject());
  })
  .onError((err, c) => {
    const requestId = c.var.requestId;
    let error: OpenAiError;
    let headers: Record<string, string> = {};
    const known = toApiError(err);
    const unavailable = err instanceof ApiError ? undefined : known;
    if (err instanceof OpenAiError) {
      error = err;
    } else if (known?.code === "unauthorized") {
      // A bad credential, or a session the retrieval request found ended (`SessionEndedError`): the SDK's AuthenticationError.
      error = new OpenAiError(401, known.message, "invalid_request_error", "invalid_api_key");
      headers = known.headers;
    } else if (err instanceof ApiError && err.status < 500) {
      error = new OpenAiError(err.status, err.message, "invalid_request_error", err.code);
      headers = err.headers;
    } else if (err instanceof HTTPException && err.status < 500) {
      // A malformed JSON body, say: Hono's message is safe to show.
      error = new OpenAiError(400, err.message, "invalid_request_error", null);
    } else if (isProviderFailure(err)) {
      log("error", "openai-compat: turn failed", { request_id: requestId, ...errorFields(err) });
      error = new OpenAiError(502, "The answer could not be completed. Please try again.", "server_error", "upstream_unavailable");
    } else if (unavailable) {
      // The database or a provider is unavailable: the same 503/502 as everywhere else, in OpenAI's shape.
      const mapped = unavailable;
      log("warn", "openai-compat: dependency unavailable", { request_id: requestId, code: mapped.code, ...errorFields(err) });
      error = new OpenAiError(mapped.status, mapped.message, "server_error", mapped.code);
      headers = mapped.headers;
    } else {
      log("error", "unhandled error", { request_id: requestId, path: c.req.path, ...errorFields(err) });
      error = new OpenAiError(500, "Something went wrong on our side. Quote the request id if you report it.", "server_error", null);
    }
    return c.json(openAiErrorBody(error), error.status, { ...headers, "x-request-id": requestId });
  });

function modelObject() {
  return { id: MODEL_ID, object: "model", created: MODEL_CREATED, owned_by: MODEL_ID };
}

function openAiErrorBody(error: OpenAiError): OpenAiErrorBody {
  return { error: { message: error.message, type: error.type, param: error.param, code: error.code } };
}

/**
 * The last user message is the question and the user and assistant messages before it are the history. System and
 * developer messages are dropped on purpose: our grounding prompt (answer only from the sources, cite them) must not
 * be overridden by a client. Non-text content parts (images, audio) are ignored: answers come from the documents.
 */
function conversation(messages: ChatMessage[]): { question: string; history: ChatTurn[] } {
  const last = messages.findLastIndex((m) => m.role === "user");
  const question = last >= 0 ? textOf(messages[last]?.content).trim() : "";
  if (!question) throw new OpenAiError(400, "The messages must end with a user message that has text.", "invalid_request_error", null, "messages");
  if (question.length > MAX_QUESTION_CHARS) {
    throw new OpenAiError(400, `The last user message must be at most ${MAX_QUESTION_CHARS} characters.`, "invalid_request_error", null, "messages");
  }
  const history: ChatTurn[] = [];
  for (const message of messages.slice(0, last)) {
    if (message.role !== "user" && message.role !== "assistant") continue;
    const content = textOf(message.content).trim();
    if (content) history.push({ role: message.role, content });
  }
  return { question, history: history.slice(-HISTORY_TURNS) };
}

function textOf(content: ChatMessage["content"]): string {
  if (typeof content === "string") return content;
  return (content ?? [])
    .filter((part) => part.type === "text")
    .map((part) => part.text ?? "")
    .join("\n");
}

/** The cited sources as plain text after the answer, for clients that show only `content`. */
export function sourcesText(citations: Citation[]): string {
  if (citations.length === 0) return "";
  return `\n\nSources:\n${citations.map((c) => `[${c.n}] ${c.filename}, page ${c.page}`).join("\n")}`;
}

/** OpenAI's finish reasons: "no_sources" is a complete answer (it says nothing was found), a refusal is a filter. */
function finishReason(reason: FinishReason): "stop" | "length" | "content_filter" {
  if (reason === "length") return "length";
  if (reason === "refused") return "content_filter";
  return "stop";
}

function usage(input: TurnInput, completion: string) {
  const promptChars = input.question.length + input.history.reduce((sum, turn) => sum + turn.content.length, 0);
  const prompt_tokens = Math.ceil(promptChars / CHARS_PER_TOKEN);
  const completion_tokens = Math.ceil(completion.length / CHARS_PER_TOKEN);
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens };
}

/** The request's login session, for a stream whose retrieval request checks it (`requireAuthForRead`). */
interface StreamSession {
  /** The request's services, told what the stream's retrieval found (`settleSession`), so they ask nothing more. */
  requestServices: Services;
  /** The access token's login session; null for an API key, whose owner was looked up already. */
  loginSessionId: string | null;
}

/**
 * Streams the turn as OpenAI chunks: the role, each answer delta as it arrives, the Sources text, a last chunk with
 * the finish reason and our `citations`, then `[DONE]`. Nothing is stored, so a client that leaves aborts the turn.
 * The stream has its own services: the request's pool is closed as soon as the handler returns the response.
 *
 * The response is returned once retrieval has run: its database request carries the login session's check, so an
 * ended session is thrown as the 401 (`sessionEnded`) before anything streams. The first chunk leaves then, not while
 * retrieval runs; the first answer token waited for retrieval either way.
 */
async function streamCompletion(
  env: AppEnv,
  config: Config,
  input: TurnInput,
  meta: { id: string; created: number },
  requestId: string,
  waitUntil: (work: Promise<unknown>) => void,
  session: StreamSession,
): Promise<Response> {
  // Nothing is stored, so a client that leaves aborts the turn (`sse.signal`).
  const sse = new SseWriter().keepAlive(KEEP_ALIVE_MS);
  const data = (payload: ChatCompletionChunk | OpenAiErrorBody | "[DONE]") => sse.data(typeof payload === "string" ? payload : JSON.stringify(payload));
  const chunk = (
    delta: ChatCompletionChunk["choices"][number]["delta"],
    finish: ChatCompletionChunk["choices"][number]["finish_reason"] = null,
    extra: Pick<ChatCompletionChunk, "citations"> = {},
  ): ChatCompletionChunk => ({
    ...meta,
    object: "chat.completion.chunk",
    model: MODEL_ID,
    system_fingerprint: null,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...extra,
  });

  const services = createServices(env, { config, waitUntil });
  if (session.loginSessionId !== null) services.deferSessionCheck(input.userId, session.loginSessionId);
  const turn = startTurn(services.turnDeps(input.userId), { ...input, signal: sse.signal });
  await turn.retrieved;
  let active: boolean;
  try {
    // What retrieval's request found; one query of its own only when retrieval failed before the database.
    active = await services.sessionConfirmed();
  } catch (error) {
    await Promise.all([services.close(), sse.close()]);
    throw error;
  }
  session.requestServices.settleSession(active);
  if (!active) {
    await Promise.all([services.close(), sse.close()]);
    throw sessionEnded();
  }

  const work = (async () => {
    try {
      await data(chunk({ role: "assistant", content: "" }));
      for await (const event of turn.events) {
        if (event.type === "delta") {
          await data(chunk({ content: event.text }));
        } else if (event.type === "done") {
          record(env, chatEvent(event, "v1"));
          const sources = sourcesText(event.citations);
          if (sources) await data(chunk({ content: sources }));
          await data(chunk({}, finishReason(event.finishReason), { citations: event.citations }));
          await data("[DONE]");
        }
      }
    } catch (error) {
      if (!sse.gone) {
        log("error", "openai-compat: stream failed", { request_id: requestId, ...errorFields(error) });
        // The SDK raises an APIError for a chunk carrying `error`, which is how OpenAI reports a failure mid-stream.
        const message = "The answer could not be completed. Please try again.";
        await data(openAiErrorBody(new OpenAiError(502, message, "server_error", "upstream_unavailable")));
      }
    } finally {
      await services.close();
      await sse.close();
    }
  })();
  waitUntil(work);
  return sse.response({ "x-request-id": requestId });
}
