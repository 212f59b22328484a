import { useState } from "preact/hooks";
import { deleteSession, renameSession } from "../api/endpoints";
import type { SessionSummary } from "../api/types";
import { useI18n } from "../i18n";
import { describeProblem } from "../messages";

interface Props {
  sessions: SessionSummary[];
  error: unknown;
  activeId: string | null;
  onOpen(id: string): void;
  onNew(): void;
  onChanged(): void;
  onDeleted(id: string): void;
  active: boolean;
}

/** Same limit as the server's (chat-store.ts TITLE_CHARS). */
const TITLE_CHARS = 80;

export function ConversationsPanel({ sessions, error, activeId, onOpen, onNew, onChanged, onDeleted, active }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  const act = async (work: () => Promise<unknown>) => {
    try {
      setActionError(null);
      await work();
    } catch (problem) {
      setActionError(problem);
    } finally {
      onChanged();
    }
  };

  return (
    <section class="panel conversations" data-active={active} aria-labelledby="conv-heading">
      <div class="panel-head">
        <h2 id="conv-heading">{t("conv.heading")}</h2>
        <button type="button" class="secondary small" onClick={onNew}>
          {t("conv.new")}
        </button>
      </div>
      {error || actionError ? (
        <p role="alert" class="error">
          {describeProblem(actionError ?? error, t)}
        </p>
      ) : null}
      {sessions.length === 0 && <p class="hint">{t("conv.empty")}</p>}
      <ul class="sessions">
        {sessions.map((session) =>
          editing === session.id ? (
            <li key={session.id}>
              <RenameForm
                session={session}
                onCancel={() => setEditing(null)}
                onSave={(title) => {
                  setEditing(null);
                  void act(() => renameSession(session.id, title));
                }}
              />
            </li>
          ) : (
            <li key={session.id} class="session">
              <button type="button" class="link title" aria-current={session.id === activeId ? "true" : undefined} onClick={() => onOpen(session.id)}>
                {session.title}
              </button>
              <button type="button" class="secondary small" aria-label={t("conv.renameNamed", { title: session.title })} onClick={() => setEditing(session.id)}>
                {t("conv.rename")}
              </button>
              <button
                type="button"
                class="secondary small"
                aria-label={t("conv.deleteNamed", { title: session.title })}
                onClick={() => {
                  if (!window.confirm(t("conv.confirmDelete", { title: session.title }))) return;
                  void act(async () => {
                    await deleteSession(session.id);
                    onDeleted(session.id);
                  });
                }}
              >
                {t("conv.delete")}
              </button>
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

function RenameForm({ session, onSave, onCancel }: { session: SessionSummary; onSave(title: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(session.title);
  return (
    <form
      class="rename"
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim()) onSave(title.trim());
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <input
        type="text"
        value={title}
        maxLength={TITLE_CHARS}
        required
        // The member asked to rename: focus goes to the field (nothing else moves focus unasked).
        autoFocus
        aria-label={t("conv.newName", { title: session.title })}
        onInput={(event) => setTitle(event.currentTarget.value)}
      />
      <button type="submit" class="small">
        {t("conv.save")}
      </button>
      <button type="button" class="secondary small" onClick={onCancel}>
        {t("conv.cancel")}
      </button>
    </form>
  );
}
