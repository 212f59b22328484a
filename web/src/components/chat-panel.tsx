import { useEffect, useRef, useState } from "preact/hooks";
import { ApiProblem } from "../api/client";
import type { Citation, DocumentInfo } from "../api/types";
import { useI18n } from "../i18n";
import { describeProblem } from "../messages";
import type { ChatMessage, ChatState } from "./use-chat";

interface Props {
  chat: ChatState;
  documents: DocumentInfo[];
  selected: Set<string>;
  onClearSelection(): void;
  onOpenCitation(citation: Citation): void;
  active: boolean;
}

export function ChatPanel({ chat, documents, selected, onClearSelection, onOpenCitation, active }: Props) {
  const { t } = useI18n();
  const [question, setQuestion] = useState("");
  const log = useRef<HTMLDivElement>(null);
  const last = chat.messages.at(-1);

  // Keep the newest words in view while an answer streams.
  useEffect(() => {
    const element = log.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [chat.messages.length, last?.text, last?.state]);

  const submit = () => {
    const text = question.trim();
    if (!text || chat.busy) return;
    setQuestion("");
    void chat.ask(text, [...selected]);
  };

  const names = documents.filter((d) => selected.has(d.id)).map((d) => d.filename);
  return (
    <section class="panel chat" data-active={active} aria-labelledby="chat-heading">
      <h2 id="chat-heading" class="visually-hidden">
        {t("chat.heading")}
      </h2>
      <div class="chat-log" role="log" aria-label={t("chat.logLabel")} ref={log}>
        {chat.messages.length === 0 && <p class="hint">{documents.length === 0 ? t("chat.noDocuments") : t("chat.empty")}</p>}
        {chat.messages.map((message) => (
          <Message key={message.id} message={message} onOpenCitation={onOpenCitation} onRate={(rating) => void chat.rate(message.id, rating)} />
        ))}
      </div>
      {chat.loadError ? <p role="alert" class="error">{describeProblem(chat.loadError, t)}</p> : null}
      <form
        class="ask"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p class="scope">
          {names.length === 0 ? t("chat.scopeAll") : t("chat.scopeSome", { names: names.join(", ") })}{" "}
          {names.length > 0 && (
            <button type="button" class="link" onClick={onClearSelection}>
              {t("chat.scopeClear")}
            </button>
          )}
        </p>
        <label for="question">{t("chat.ask")}</label>
        <div class="ask-row">
          <textarea
            id="question"
            rows={2}
            maxLength={4000}
            placeholder={t("chat.placeholder")}
            value={question}
            onInput={(event) => setQuestion(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter asks; Shift+Enter starts a new line, as in most chat apps.
              if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                submit();
              }
            }}
          />
          {chat.busy ? (
            <button type="button" class="stop" onClick={chat.stop}>
              {t("chat.stop")}
            </button>
          ) : (
            <button type="submit" disabled={question.trim() === ""}>
              {t("chat.send")}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/** Ratings an answer can get: 1 (useless) to 5 (exactly what I needed). */
const RATINGS = [1, 2, 3, 4, 5] as const;

function Message({ message, onOpenCitation, onRate }: { message: ChatMessage; onOpenCitation(citation: Citation): void; onRate(rating: number): void }) {
  const { t } = useI18n();
  const streaming = message.state === "streaming";
  const failure =
    message.state === "error"
      ? message.error instanceof ApiProblem
        ? describeProblem(message.error, t)
        : t("error.answerFailed")
      : null;
  return (
    <article class={`message ${message.role}`} aria-busy={streaming}>
      <h3 class="visually-hidden">{message.role === "user" ? t("chat.you") : t("chat.assistant")}</h3>
      {/* Text only, never HTML: answers quote the member's documents, and no document is ever rendered as markup. */}
      {message.text && <p class="text">{message.text}</p>}
      {streaming && !message.text && <p class="hint">{t("chat.thinking")}</p>}
      {message.state === "stopped" && <p class="note">{t("chat.stopped")}</p>}
      {message.finishReason === "length" && <p class="note">{t("chat.cutShort")}</p>}
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      {message.citations.length > 0 && (
        <ul class="citations" aria-label={t("chat.sources")}>
          {message.citations.map((citation) => (
            <li key={`${citation.n}-${citation.chunk_id}`}>
              <button
                type="button"
                class="chip"
                title={[citation.filename, citation.context].filter(Boolean).join(" · ")}
                onClick={() => onOpenCitation(citation)}
              >
                {t("chat.citation", { n: citation.n, page: citation.page })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message.role === "assistant" && message.state === "done" && message.serverId && (
        <div class="rating" role="group" aria-label={t("chat.rate")}>
          <span aria-hidden="true">{t("chat.rate")}</span>
          {RATINGS.map((n) => (
            <button
              key={n}
              type="button"
              class="star"
              aria-label={t("chat.rateN", { n })}
              aria-pressed={message.rating !== undefined && n <= message.rating}
              onClick={() => onRate(n)}
            >
              {message.rating !== undefined && n <= message.rating ? "★" : "☆"}
            </button>
          ))}
          {message.rating !== undefined && !message.ratingError && (
            <span class="note" role="status">
              {t("chat.rated")}
            </span>
          )}
          {message.ratingError ? (
            <span class="error" role="alert">
              {message.ratingError instanceof ApiProblem ? describeProblem(message.ratingError, t) : t("chat.rateFailed")}
            </span>
          ) : null}
        </div>
      )}
    </article>
  );
}
