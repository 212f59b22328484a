/**
 * The fallback contract of `LlmProvider.answer`, written once for the model providers: failures before the first
 * delta become `ProviderUnavailableError` when they are transient, failures after it become `ProviderStreamError`,
 * and a caller's abort is passed through untouched so nothing falls back on behalf of a client that left.
 *
 * It also enforces a first-token deadline. The SDKs' own timeouts stop at the response headers, and a provider
 * that sends headers and then nothing would otherwise hold the chat open until the Worker is killed.
 */
import type { LlmProviderName } from "../selection";
import { ProviderStreamError, ProviderUnavailableError, type AnswerEvent } from "./types";

/**
 * Time allowed until the first delta, including connecting and the SDK's one retry. Chat models usually start in
 * 0.5–3 s even with a few thousand prompt tokens; 20 s means the provider is stuck, and the next provider (or the
 * offline one) serves the user better than a spinner.
 */
export const FIRST_TOKEN_TIMEOUT_MS = 20_000;

export interface GuardOptions {
  provider: LlmProviderName;
  signal?: AbortSignal | undefined;
  firstTokenTimeoutMs: number;
  /** The provider's classification of an SDK error: a `ProviderUnavailableError` when transient, else null. */
  toUnavailable(error: unknown): ProviderUnavailableError | null;
}

/** HTTP statuses another provider would not share: timeouts, lock conflicts, rate limits and server errors. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Runs `start` with a signal that follows the caller's and is also aborted on the deadline or an early exit. */
export async function* guardStream(
  options: GuardOptions,
  start: (signal: AbortSignal) => AsyncIterable<AnswerEvent>,
): AsyncGenerator<AnswerEvent> {
  const { provider, signal } = options;
  signal?.throwIfAborted();
  const upstream = new AbortController();
  const followCaller = () => upstream.abort(signal?.reason);
  signal?.addEventListener("abort", followCaller, { once: true });
  const iterator = start(upstream.signal)[Symbol.asyncIterator]();
  let started = false;
  let finished = false;
  try {
    for (;;) {
      let result: IteratorResult<AnswerEvent>;
      try {
        result = started
          ? await iterator.next()
          : await withDeadline(iterator.next(), options.firstTokenTimeoutMs, () => {
              upstream.abort();
              return new ProviderUnavailableError(provider, `${provider} sent no text within ${options.firstTokenTimeoutMs} ms`);
            });
      } catch (error) {
        signal?.throwIfAborted();
        if (started) throw new ProviderStreamError(provider, `${provider} failed mid-answer: ${messageOf(error)}`, { cause: error });
        if (error instanceof ProviderUnavailableError) throw error;
        throw options.toUnavailable(error) ?? error;
      }
      if (result.done) break;
      if (result.value.type === "delta") started = true;
      yield result.value;
    }
    finished = true;
    // The Anthropic SDK ends its stream quietly when aborted; an aborted answer must not look complete.
    signal?.throwIfAborted();
  } finally {
    signal?.removeEventListener("abort", followCaller);
    if (!finished) {
      upstream.abort();
      iterator.return?.().catch(() => undefined);
    }
  }
}

async function withDeadline<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
