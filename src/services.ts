/**
 * The composition root: configuration parsed once per invocation, and the database, embedder, answer models and
 * document parser built from it in one place. Every entry point (the request middleware, the chat Durable Object, the
 * queue consumers, the job watchdog, a stream that outlives its request) makes one `Services` and reads from it, so a
 * provider is chosen the same way everywhere and a new dependency is added here once.
 *
 * Everything but the configuration is built on first use: a request that never touches the database opens no
 * connection, and one that never answers builds no model client.
 *
 * @example
 * const services = createServices(env);
 * try { await markFailed(services.db(), message, failure); } finally { ctx.waitUntil(services.close()); }
 * const { results } = await searchChunks(services.oneShot(), services.queryEmbedder(userId), options); // nothing to close
 */
import type { TurnDeps } from "./chat/turn";
import { readConfig, type Config } from "./config";
import { openDatabase, type Database, type DbHandle } from "./db/client";
import { openOneShot, type OneShotDatabase, type SessionGate } from "./db/one-shot";
import { sessionActive } from "./db/sessions";
import type { AppEnv } from "./env";
import { createEmbeddingProvider } from "./providers/embeddings";
import { cachedQueryEmbedder } from "./providers/embeddings/query-cache";
import type { EmbeddingProvider } from "./providers/embeddings/types";
import { createLlmProviders } from "./providers/llm";
import type { LlmProvider } from "./providers/llm/types";
import { createParser } from "./providers/parsers";
import type { DocumentParser } from "./providers/parsers/types";

export interface Services {
  readonly env: AppEnv;
  readonly config: Config;
  /** The invocation's database pool, opened on first use; `close` ends it. For interactive transactions. */
  db(): Database;
  /** One HTTP request per query or per transaction, no connection to open or close (src/db/one-shot.ts). */
  oneShot(): OneShotDatabase;
  /** The embedder for documents (ingestion). */
  embedder(): EmbeddingProvider;
  /** The embedder for one user's questions: the same model, with its vectors cached (see `queryEmbedderFor`). */
  queryEmbedder(userId: string): EmbeddingProvider;
  /** The answer providers in fallback order (src/providers/llm). */
  llmProviders(): LlmProvider[];
  parser(): DocumentParser;
  /** What one user's chat turn needs, from the parts above. */
  turnDeps(userId: string): TurnDeps;
  /**
   * Confirm this login session with the user's next `oneShot()` member transaction rather than in a request of its own
   * (`requireAuthForRead`): one round trip fewer for a read.
   */
  deferSessionCheck(userId: string, sessionId: string): void;
  /** Whether the deferred session is open: what its transaction found, or one query when none has run. True without one. */
  sessionConfirmed(): Promise<boolean>;
  /**
   * What another invocation's transaction found about the deferred session (the chat object's retrieval request), so
   * `sessionConfirmed` needs no query of its own. Ignored when there is none or it is already known.
   */
  settleSession(active: boolean): void;
  /** Closes the database pool if one was opened; never rejects. Call it once nothing needs the database. */
  close(): Promise<void>;
}

export interface ServicesOptions {
  /** What the invocation already parsed: for work that outlives its request (a stream) and needs its own pool. */
  config?: Config;
  /** The invocation's `waitUntil`, so cache writes do not hold up an answer. */
  waitUntil?: (work: Promise<unknown>) => void;
}

/** Builds the services of one invocation from its bindings. Cheap: nothing is built until it is asked for. */
export function createServices(env: AppEnv, options: ServicesOptions = {}): Services {
  const config = options.config ?? readConfig(env);
  let handle: DbHandle | undefined;
  const embedder = once(() => createEmbeddingProvider(env, config));
  const llmProviders = once(() => createLlmProviders(env, config));
  const db = () => (handle ??= openDatabase(env)).db;
  let session: SessionGate | undefined;
  const oneShot = once(() => openOneShot(env, { session: () => session }));
  const queryEmbedder = (userId: string) => queryEmbedderFor(embedder(), userId, options.waitUntil);
  return {
    env,
    config,
    db,
    oneShot,
    embedder,
    queryEmbedder,
    llmProviders,
    parser: once(() => createParser(env, config)),
    turnDeps: (userId) => ({ db: oneShot(), embedder: queryEmbedder(userId), providers: llmProviders(), config }),
    deferSessionCheck: (userId, sessionId) => {
      session = { userId, sessionId };
    },
    sessionConfirmed: async () => {
      if (!session) return true;
      session.active ??= await sessionActive(oneShot(), session.userId, session.sessionId);
      return session.active;
    },
    settleSession: (active) => {
      if (session) session.active ??= active;
    },
    close: async () => {
      const opened = handle;
      handle = undefined;
      await opened?.close().catch(() => undefined);
    },
  };
}

/**
 * A model behind a network call (OpenAI: ~150 ms) gets the Cache API in front of it. The offline embedder does not:
 * it computes a question's vector in under a millisecond (0.9 ms measured on the 2-core development machine), about
 * what a cache lookup costs.
 */
export function queryEmbedderFor(embedder: EmbeddingProvider, userId: string, waitUntil?: (work: Promise<unknown>) => void): EmbeddingProvider {
  if (embedder.name === "offline" || typeof caches === "undefined") return embedder;
  return cachedQueryEmbedder(embedder, { cache: caches.default, scope: userId, waitUntil });
}

function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
