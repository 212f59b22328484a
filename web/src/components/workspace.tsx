import { useCallback, useEffect, useState } from "preact/hooks";
import { listSessions } from "../api/endpoints";
import type { Citation, SessionSummary } from "../api/types";
import { useI18n, type MessageKey } from "../i18n";
import { closeAllPdfs } from "../pdf/cache";
import { ChatPanel } from "./chat-panel";
import { ConversationsPanel } from "./conversations-panel";
import { DocumentsPanel } from "./documents-panel";
import { PdfViewer } from "./pdf-viewer";
import { useChat } from "./use-chat";
import { useDocuments } from "./use-documents";

type View = "documents" | "chat" | "conversations";
const VIEWS: Array<[View, MessageKey]> = [
  ["documents", "nav.documents"],
  ["chat", "nav.chat"],
  ["conversations", "nav.conversations"],
];

/**
 * The signed-in app: documents, chat and conversations side by side on a wide screen; on a phone one at a time,
 * chosen with the tabs (the CSS hides the others).
 */
export function Workspace() {
  const { t } = useI18n();
  const [view, setView] = useState<View>("documents");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [citation, setCitation] = useState<Citation | null>(null);
  const [sessions, setSessions] = useState<SessionSummary[]>([]);
  const [sessionsError, setSessionsError] = useState<unknown>(null);
  const docs = useDocuments();

  const refreshSessions = useCallback(() => {
    listSessions().then(
      (list) => {
        setSessions(list);
        setSessionsError(null);
      },
      (error: unknown) => setSessionsError(error),
    );
  }, []);
  useEffect(refreshSessions, [refreshSessions]);
  // Leaving the workspace means logging out: no parsed document of this member stays in memory.
  useEffect(() => closeAllPdfs, []);
  const chat = useChat(refreshSessions);

  // A deleted document cannot stay selected.
  useEffect(() => {
    const ids = new Set(docs.documents.map((d) => d.id));
    setSelected((current) => ([...current].every((id) => ids.has(id)) ? current : new Set([...current].filter((id) => ids.has(id)))));
  }, [docs.documents]);

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <div class="workspace" data-view={view}>
      <nav class="tabs" aria-label={t("nav.label")}>
        {VIEWS.map(([name, label]) => (
          <button key={name} type="button" aria-current={view === name ? "page" : undefined} onClick={() => setView(name)}>
            {t(label)}
          </button>
        ))}
      </nav>
      <main id="main" class="panels">
        <DocumentsPanel docs={docs} selected={selected} onToggle={toggle} active={view === "documents"} />
        <ChatPanel
          chat={chat}
          documents={docs.documents}
          selected={selected}
          onClearSelection={() => setSelected(new Set())}
          onOpenCitation={setCitation}
          active={view === "chat"}
        />
        <ConversationsPanel
          sessions={sessions}
          error={sessionsError}
          activeId={chat.sessionId}
          onOpen={(id) => {
            void chat.open(id);
            setView("chat");
          }}
          onNew={() => {
            chat.startNew();
            setView("chat");
          }}
          onChanged={refreshSessions}
          onDeleted={(id) => {
            if (chat.sessionId === id) chat.startNew();
          }}
          active={view === "conversations"}
        />
      </main>
      <PdfViewer citation={citation} documents={docs.documents} onClose={() => setCitation(null)} />
    </div>
  );
}
