/**
 * Routes for programs rather than people: one stateless question answered as JSON (no chat session is stored, so an
 * agent can ask as often as it likes without filling the user's history), and a description of how this deployment
 * answers (providers, models, retrieval and chunking settings) that never includes a secret.
 */
import Anthropic from "@anthropic-ai/sdk";
import { Hono } from "hono";
import OpenAI from "openai";
import { AgentQueryBody, type AgentAnswer, type AgentStatus, type ProviderHealth } from "../api/agents";
import { chatEvent, completeTurn } from "../chat/turn";
import { record } from "../observability/analytics";
import type { AppEnv } from "../env";
import { requireAuth, requireAuthForRead } from "../lib/auth";
import type { AppBindings } from "../lib/context";
import { ApiError } from "../lib/errors";
import { errorFields, log } from "../lib/log";
import { limitPerUser } from "../lib/rate-limit";
import { validate } from "../lib/validation";
import { ProviderStreamError, ProviderUnavailableError } from "../providers/llm";
import { parserProviderName, type LlmProviderName } from "../providers/selection";


/** A provider failure as the client should see it: the upstream failed, not us, and no provider detail leaks. */
export function isProviderFailure(error: unknown): boolean {
  return error instanceof ProviderUnavailableError || error instanceof ProviderStreamError;
}

/**
 * A query's login session is checked inside its retrieval request (`requireAuthForRead`: one database round trip, not
 * two); an ended session answers 401 before the model is asked. It is registered before `requireAuth`, which checks
 * every other path here up front, and answers without calling on, so the up-front check never runs for it.
 */
export const agentRoutes = new Hono<AppBindings>()
  .post("/query", requireAuthForRead, limitPerUser("agents"), validate("json", AgentQueryBody), async (c) => {
    const body = c.req.valid("json");
    try {
      const done = await completeTurn(c.var.services.turnDeps(c.var.userId), {
        userId: c.var.userId,
        question: body.query,
        history: [],
        documentIds: body.document_ids,
        signal: c.req.raw.signal,
      });
      record(c.env, chatEvent(done, "agents"));
      const answer: AgentAnswer = {
        answer: done.answer,
        citations: done.citations,
        finish_reason: done.finishReason,
        provider: done.provider,
        model: done.model,
        timings: done.timings,
      };
      return c.json(answer);
    } catch (error) {
      if (!isProviderFailure(error)) throw error;
      log("error", "agents: turn failed", { request_id: c.var.requestId, ...errorFields(error) });
      throw new ApiError("upstream_unavailable", "The answer could not be completed. Please try again.");
    }
  })
  .use(requireAuth)
  .get("/status", async (c) => {
    const config = c.var.config;
    const embedder = c.var.services.embedder();
    const providers = c.var.services.llmProviders();
    const llm = await Promise.all(
      providers.map(async (p) => ({ name: p.name, model: p.model, configured: true, health: await providerHealth(p.name, c.env) })),
    );
    const status: AgentStatus = {
      embeddings: { provider: embedder.name, model: embedder.model, dimensions: embedder.dimensions },
      llm: { providers: llm, order: providers.map((p) => p.name) },
      retrieval: { similarity_threshold: config.similarityThreshold ?? embedder.defaultSimilarityThreshold, max_chunks: config.maxChunks, hybrid: true, fusion: "rrf", vector_weight: config.vectorWeight ?? embedder.vectorWeight },
      chunking: { strategy: `sentence_${config.sentencesPerChunk}`, sentences_per_chunk: config.sentencesPerChunk },
      parser: { provider: parserProviderName(c.env, config) },
    };
    return c.json(status);
  });

export type { ProviderHealth };

/** A status call must answer promptly; a provider that cannot list its models in 2 s is in no state to stream an answer. */
const HEALTH_TIMEOUT_MS = 2_000;
/** Dashboards poll status; 30 s of memory caps that at two upstream calls a minute per isolate and provider. */
const HEALTH_CACHE_MS = 30_000;
/**
 * Settled results only: a pending promise would be awaited by other requests, and Workers do not let one request
 * wait on I/O that another started.
 */
const healthCache = new Map<string, { at: number; health: ProviderHealth }>();

/**
 * Whether an answer provider can be reached with the configured key, from a cheap `GET /models` (no tokens are spent).
 * Cached per provider and base URL for 30 s. The offline provider runs in the Worker, so it is always healthy.
 *
 * @example const health = await providerHealth("openai", env); // { ok: true, latency_ms: 84 }
 */
export async function providerHealth(name: LlmProviderName, env: Partial<AppEnv>): Promise<ProviderHealth> {
  if (name === "offline") return { ok: true };
  const baseURL = (name === "openai" ? env.OPENAI_BASE_URL : env.ANTHROPIC_BASE_URL) || undefined;
  const key = `${name} ${baseURL ?? "default"}`;
  const cached = healthCache.get(key);
  if (cached && Date.now() - cached.at < HEALTH_CACHE_MS) return cached.health;
  const health = await probe(name, baseURL, env);
  healthCache.set(key, { at: Date.now(), health });
  return health;
}

async function probe(name: "openai" | "anthropic", baseURL: string | undefined, env: Partial<AppEnv>): Promise<ProviderHealth> {
  const apiKey = name === "openai" ? env.OPENAI_API_KEY : env.ANTHROPIC_API_KEY;
  if (!apiKey) return { ok: false, error: "no API key" };
  // No retries: a status check reports what it saw, and retrying would only make a slow provider slower to report.
  const options = { apiKey, baseURL, timeout: HEALTH_TIMEOUT_MS, maxRetries: 0 };
  const started = Date.now();
  try {
    if (name === "openai") await new OpenAI(options).models.list();
    else await new Anthropic(options).models.list();
    return { ok: true, latency_ms: Date.now() - started };
  } catch (error) {
    const latency = Date.now() - started;
    log("warn", "status: provider unreachable", { provider: name, latency_ms: latency, status: statusOf(error) });
    return { ok: false, latency_ms: latency, error: describeFailure(error) };
  }
}

/**
 * A fixed description, never the SDK's message: providers echo part of a rejected key in their 401 messages
 * ("Incorrect API key provided: sk-secr***xyz"), and this status is readable by every signed-in user.
 */
function describeFailure(error: unknown): string {
  const status = statusOf(error);
  if (status !== undefined) return `HTTP ${status}`;
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof Anthropic.APIConnectionTimeoutError) {
    return `timed out after ${HEALTH_TIMEOUT_MS} ms`;
  }
  return "unreachable";
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof OpenAI.APIError || error instanceof Anthropic.APIError) return typeof error.status === "number" ? error.status : undefined;
  return undefined;
}
