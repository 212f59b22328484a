import { useCallback, useRef, useState } from "preact/hooks";
import { ApiProblem } from "../api/client";
import { askStream, getSession, rateAnswer } from "../api/endpoints";
import type { Citation } from "../api/types";

export interface ChatMessage {
  id: string;
  role: "user" | "assistant";
  text: string;
  /** The sources the answer cites (all retrieved ones until the answer is done). */
  citations: Citation[];
  state: "streaming" | "done" | "stopped" | "error";
  finishReason?: string;
  /** Why it failed: an ApiProblem, or the stream's own error event. Translated when shown. */
  error?: unknown;
  /** The server's id of an answer, once known (the stream's `start`, or a stored conversation): what a rating names. */
  serverId?: string;
  /** The member's rating of this answer, 1–5. */
  rating?: number;
  /** Why the last rating could not be saved. */
  ratingError?: unknown;
}

export interface ChatState {
  sessionId: string | null;
  messages: ChatMessage[];
  busy: boolean;
  loadError: unknown;
  ask(question: string, documentIds: string[]): Promise<void>;
  stop(): void;
  open(sessionId: string): Promise<void>;
  startNew(): void;
  /** Rates an answer (by its local id) 1–5; shown at once, taken back if the server refuses it. */
  rate(messageId: string, rating: number): Promise<void>;
}

/** The sources a partial answer cites with [n], for an answer that was stopped or failed half-way. */
function citedIn(text: string, sources: Citation[]): Citation[] {
  const cited = new Set([...text.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1])));
  return sources.filter((source) => cited.has(source.n));
}

let counter = 0;
const localId = () => `local-${++counter}`;

/** One conversation: asking (streamed), stopping, and opening a stored one. `onChange` runs when the list may have changed. */
export function useChat(onChange: () => void): ChatState {
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);
  const session = useRef<string | null>(null);
  // The latest messages for callbacks that must not be re-created on every streamed word.
  const messagesRef = useRef<ChatMessage[]>([]);
  messagesRef.current = messages;

  const ask = useCallback(
    async (question: string, documentIds: string[]) => {
      const answerId = localId();
      const update = (patch: Partial<ChatMessage> | ((message: ChatMessage) => Partial<ChatMessage>)) =>
        setMessages((all) => all.map((m) => (m.id === answerId ? { ...m, ...(typeof patch === "function" ? patch(m) : patch) } : m)));
      setMessages((all) => [
        ...all,
        { id: localId(), role: "user", text: question, citations: [], state: "done" },
        { id: answerId, role: "assistant", text: "", citations: [], state: "streaming" },
      ]);
      const abort = new AbortController();
      controller.current = abort;
      setBusy(true);
      let sources: Citation[] = [];
      try {
        const body = { message: question, ...(session.current ? { session_id: session.current } : {}), ...(documentIds.length ? { document_ids: documentIds } : {}) };
        for await (const event of askStream(body, abort.signal)) {
          if (event.event === "start") {
            update({ serverId: event.data.message_id });
            if (session.current !== event.data.session_id) {
              session.current = event.data.session_id;
              setSessionId(event.data.session_id);
              onChange();
            }
          } else if (event.event === "sources") {
            sources = event.data.citations;
          } else if (event.event === "delta") {
            update((m) => ({ text: m.text + event.data.text }));
          } else if (event.event === "done") {
            update({ text: event.data.answer, citations: event.data.citations, state: "done", finishReason: event.data.finish_reason });
          } else if (event.event === "error") {
            update((m) => ({ state: "error", error: event.data, citations: citedIn(m.text, sources) }));
          }
        }
      } catch (error) {
        const stopped = abort.signal.aborted;
        update((m) => ({ state: stopped ? "stopped" : "error", error: stopped ? undefined : error, citations: citedIn(m.text, sources) }));
      } finally {
        controller.current = null;
        setBusy(false);
        onChange();
      }
    },
    [onChange],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  const open = useCallback(async (id: string) => {
    controller.current?.abort();
    try {
      const detail = await getSession(id);
      session.current = id;
      setSessionId(id);
      setLoadError(null);
      setMessages(
        detail.messages.map((m) => ({
          id: m.id,
          role: m.role,
          text: m.content,
          citations: m.citations ?? [],
          state: m.finish_reason === "error" ? "error" : "done",
          finishReason: m.finish_reason ?? undefined,
          error: m.finish_reason === "error" ? new ApiProblem({ status: 502, code: "upstream_unavailable" }) : undefined,
          serverId: m.id,
          rating: m.feedback?.rating,
        })),
      );
    } catch (error) {
      setLoadError(error);
    }
  }, []);

  const startNew = useCallback(() => {
    controller.current?.abort();
    session.current = null;
    setSessionId(null);
    setMessages([]);
    setLoadError(null);
  }, []);

  const rate = useCallback(async (messageId: string, rating: number) => {
    const target = messagesRef.current.find((m) => m.id === messageId);
    const conversation = session.current;
    if (!target?.serverId || !conversation) return;
    const previous = target.rating;
    const set = (patch: Partial<ChatMessage>) => setMessages((all) => all.map((m) => (m.id === messageId ? { ...m, ...patch } : m)));
    set({ rating, ratingError: undefined });
    try {
      await rateAnswer(conversation, target.serverId, rating);
    } catch (error) {
      set({ rating: previous, ratingError: error });
    }
  }, []);

  return { sessionId, messages, busy, loadError, ask, stop, open, startNew, rate };
}
