import { TITLE_CHARS, type Citation, type Feedback, type SessionSummary, type StoredMessage, type TurnTimings } from "../api/chat";


/**
 * The conversation store inside a user's ChatSession Durable Object: plain SQL over the object's SQLite storage.
 * One object per user, so every row here belongs to that user.
 */
export type SessionRow = SessionSummary;
export type MessageRow = StoredMessage;

export { TITLE_CHARS };
export type { Feedback };

/**
 * `finish_reason` of an assistant message whose turn is still running. An answer's text lands in it as it streams; a
 * turn that ends normally replaces it with the provider's reason, one that fails with "error".
 */
export const IN_PROGRESS = "in_progress";
/** `finish_reason` of an assistant message whose turn was cut off by a crash or a restart: what streamed, then nothing. */
export const INCOMPLETE = "incomplete";

export interface TurnRows {
  user: MessageRow;
  assistant: MessageRow;
}

export class ChatStore {
  constructor(
    private readonly sql: SqlStorage,
    /** The object's `storage.transactionSync`: both rows of a turn are written together or not at all. */
    private readonly transaction: <T>(fn: () => T) => T,
  ) {}

  migrate(): void {
    this.sql.exec(`
      create table if not exists sessions (
        id text primary key,
        title text not null,
        created_at text not null,
        updated_at text not null
      );
      create table if not exists messages (
        id text primary key,
        session_id text not null references sessions(id) on delete cascade,
        role text not null,
        content text not null,
        citations text,
        timings text,
        finish_reason text,
        created_at text not null,
        seq integer not null
      );
      create index if not exists messages_session_seq on messages(session_id, seq);
    `);
    // Columns added after the first release: objects created before them get them here, once.
    const columns = new Set(this.sql.exec<{ name: string }>("select name from pragma_table_info('messages')").toArray().map((c) => c.name));
    if (!columns.has("feedback_rating")) {
      this.sql.exec("alter table messages add column feedback_rating integer; alter table messages add column feedback_comment text; alter table messages add column feedback_at text;");
    }
  }

  /**
   * Stores the member's rating of one answer (replacing an earlier one). "not_found" when the session has no message
   * with that id, "not_an_answer" for the member's own question.
   */
  rateAnswer(sessionId: string, messageId: string, rating: number, comment: string | null): MessageRow | "not_found" | "not_an_answer" {
    const message = this.messages(sessionId).find((m) => m.id === messageId);
    if (!message) return "not_found";
    if (message.role !== "assistant") return "not_an_answer";
    const now = new Date().toISOString();
    this.sql.exec("update messages set feedback_rating = ?, feedback_comment = ?, feedback_at = ? where id = ?", rating, comment, now, messageId);
    return { ...message, feedback: { rating, comment, created_at: now } };
  }

  /**
   * Marks every turn still "in progress" as incomplete. Run when the object starts: a new instance has no turn
   * running, so any such row belongs to a turn its previous instance never finished (it crashed or was restarted).
   */
  closeInterruptedTurns(): number {
    return this.sql.exec("update messages set finish_reason = ? where finish_reason = ?", INCOMPLETE, IN_PROGRESS).rowsWritten;
  }

  /**
   * Stores a question and, in the same transaction, the assistant message that will hold its answer (empty, in
   * progress), so a session never has a question without an answer after it, whatever happens to the turn.
   */
  beginTurn(sessionId: string, question: string, ids: { user: string; assistant: string }): TurnRows {
    return this.transaction(() => ({
      user: this.addMessage({ id: ids.user, session_id: sessionId, role: "user", content: question, citations: null, timings: null, finish_reason: null }),
      assistant: this.addMessage({ id: ids.assistant, session_id: sessionId, role: "assistant", content: "", citations: null, timings: null, finish_reason: IN_PROGRESS }),
    }));
  }

  /** Saves the answer streamed so far, so a crash keeps what the person already saw. */
  savePartialAnswer(messageId: string, content: string): void {
    this.sql.exec("update messages set content = ? where id = ? and finish_reason = ?", content, messageId, IN_PROGRESS);
  }

  /** Writes the turn's outcome into its assistant message. */
  finishTurn(messageId: string, outcome: Pick<MessageRow, "content" | "citations" | "timings" | "finish_reason">): void {
    this.sql.exec(
      "update messages set content = ?, citations = ?, timings = ?, finish_reason = ? where id = ?",
      outcome.content,
      outcome.citations ? JSON.stringify(outcome.citations) : null,
      outcome.timings ? JSON.stringify(outcome.timings) : null,
      outcome.finish_reason,
      messageId,
    );
  }

  listSessions(): SessionRow[] {
    return this.sql.exec<Record<string, string>>("select id, title, created_at, updated_at from sessions order by updated_at desc").toArray() as unknown as SessionRow[];
  }

  getSession(id: string): SessionRow | undefined {
    const rows = this.sql.exec<Record<string, string>>("select id, title, created_at, updated_at from sessions where id = ?", id).toArray();
    return rows[0] as unknown as SessionRow | undefined;
  }

  createSession(firstQuestion: string): SessionRow {
    const now = new Date().toISOString();
    const title = firstQuestion.replace(/\s+/g, " ").trim().slice(0, TITLE_CHARS);
    const row: SessionRow = { id: crypto.randomUUID(), title, created_at: now, updated_at: now };
    this.sql.exec("insert into sessions (id, title, created_at, updated_at) values (?, ?, ?, ?)", row.id, row.title, now, now);
    return row;
  }

  /** Sets the title; `updated_at` stays the time of the last message, so a rename does not reorder the list. */
  renameSession(id: string, title: string): SessionRow | undefined {
    const cleaned = title.replace(/\s+/g, " ").trim().slice(0, TITLE_CHARS);
    const cursor = this.sql.exec("update sessions set title = ? where id = ?", cleaned, id);
    return cursor.rowsWritten > 0 ? this.getSession(id) : undefined;
  }

  deleteSession(id: string): boolean {
    this.sql.exec("delete from messages where session_id = ?", id);
    const cursor = this.sql.exec("delete from sessions where id = ?", id);
    return cursor.rowsWritten > 0;
  }

  messages(sessionId: string): MessageRow[] {
    return this.sql
      .exec<Record<string, string | number | null>>(
        "select id, session_id, role, content, citations, timings, finish_reason, created_at, feedback_rating, feedback_comment, feedback_at from messages where session_id = ? order by seq",
        sessionId,
      )
      .toArray()
      .map((row) => ({
        id: String(row.id),
        session_id: String(row.session_id),
        role: row.role === "assistant" ? "assistant" : "user",
        content: String(row.content),
        citations: row.citations ? (JSON.parse(String(row.citations)) as Citation[]) : null,
        timings: row.timings ? (JSON.parse(String(row.timings)) as TurnTimings) : null,
        finish_reason: row.finish_reason === null || row.finish_reason === undefined ? null : String(row.finish_reason),
        created_at: String(row.created_at),
        feedback:
          row.feedback_rating === null || row.feedback_rating === undefined
            ? null
            : { rating: Number(row.feedback_rating), comment: row.feedback_comment === null ? null : String(row.feedback_comment), created_at: String(row.feedback_at) },
      }));
  }

  addMessage(input: Omit<MessageRow, "created_at" | "feedback">): MessageRow {
    const now = new Date().toISOString();
    const seq = this.sql.exec<{ seq: number }>("select coalesce(max(seq), 0) + 1 as seq from messages where session_id = ?", input.session_id).one().seq;
    this.sql.exec(
      "insert into messages (id, session_id, role, content, citations, timings, finish_reason, created_at, seq) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      input.id,
      input.session_id,
      input.role,
      input.content,
      input.citations ? JSON.stringify(input.citations) : null,
      input.timings ? JSON.stringify(input.timings) : null,
      input.finish_reason,
      now,
      seq,
    );
    this.sql.exec("update sessions set updated_at = ? where id = ?", now, input.session_id);
    return { ...input, created_at: now, feedback: null };
  }
}
