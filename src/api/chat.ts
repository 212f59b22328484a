/** Questions and conversations: `POST /chat` (SSE or JSON) and `/chat/sessions`. */
import { z } from "zod";
import { DocumentIds, Id, MAX_QUESTION_CHARS, Timestamp } from "./common.ts";

/** Longest conversation title, taken from the first question or set by a rename: one line in a conversation list. */
export const TITLE_CHARS = 80;

export const ChatBody = z.object({
  message: z.string().trim().min(1).max(MAX_QUESTION_CHARS),
  /** Continue this conversation; a new one is started without it. */
  session_id: Id.optional(),
  /** Answer from these documents only. */
  document_ids: DocumentIds.optional(),
});
export type ChatBody = z.input<typeof ChatBody>;

export const RenameBody = z.object({ title: z.string().trim().min(1).max(TITLE_CHARS) });
export type RenameBody = z.input<typeof RenameBody>;

export const Citation = z
  .object({
    /** The `[n]` marker in the answer. */
    n: z.number().int().positive(),
    document_id: Id,
    filename: z.string(),
    page: z.number().int(),
    chunk_id: Id,
    /** The passage's fused rank score; 0 for a passage read after a found one, which was not ranked itself. */
    score: z.number(),
    /** The passage's first characters, to show and to find it on the page. */
    snippet: z.string(),
    /** Where the passage sits in its document: title and section path ("" when the document has none). */
    context: z.string(),
  })
  .meta({ id: "Citation" });
export type Citation = z.infer<typeof Citation>;

/** How an answer ended: "no_sources" when nothing relevant was found, "refused" when the model declined. */
export const FINISH_REASONS = ["stop", "length", "refused", "no_sources"] as const;
export const FinishReason = z.enum(FINISH_REASONS);

export const TurnTimings = z.object({
  retrieval_ms: z.number(),
  /** Null when the answer had no text (nothing found, or it failed before the first word). */
  first_token_ms: z.number().nullable(),
  total_ms: z.number(),
});
export type TurnTimings = z.infer<typeof TurnTimings>;

/** `POST /chat` with `Accept: application/json`. */
export const ChatAnswer = z.object({
  session_id: Id,
  message_id: Id,
  answer: z.string(),
  citations: z.array(Citation),
  finish_reason: FinishReason,
  timings: TurnTimings,
});
export type ChatAnswer = z.infer<typeof ChatAnswer>;

/** The data of each event of `POST /chat`'s stream, by event name, in the order they come. */
export const ChatEvents = {
  start: z.object({ session_id: Id, message_id: Id }),
  sources: z.object({ citations: z.array(Citation) }),
  delta: z.object({ text: z.string() }),
  done: z.object({
    message_id: Id,
    answer: z.string(),
    citations: z.array(Citation),
    finish_reason: FinishReason,
    provider: z.string(),
    model: z.string(),
    timings: TurnTimings,
  }),
  error: z.object({ code: z.string(), message: z.string() }),
} as const;
export type ChatEvent = { [Name in keyof typeof ChatEvents]: { event: Name; data: z.infer<(typeof ChatEvents)[Name]> } }[keyof typeof ChatEvents];

export const SessionSummary = z
  .object({ id: Id, title: z.string(), created_at: Timestamp, updated_at: Timestamp })
  .meta({ id: "ChatSession" });
export type SessionSummary = z.infer<typeof SessionSummary>;

export const SessionList = z.object({ sessions: z.array(SessionSummary) });
export type SessionList = z.infer<typeof SessionList>;

/** Longest feedback comment kept: a few sentences about an answer. */
export const FEEDBACK_COMMENT_CHARS = 2000;

/** A rating of one answer: 1 (useless) to 5 (exactly what I needed), and optionally why. */
export const FeedbackBody = z.object({
  rating: z.int().min(1).max(5),
  comment: z.string().trim().max(FEEDBACK_COMMENT_CHARS).optional(),
});
export type FeedbackBody = z.input<typeof FeedbackBody>;

export const Feedback = z.object({ rating: z.number().int().min(1).max(5), comment: z.string().nullable(), created_at: Timestamp });
export type Feedback = z.infer<typeof Feedback>;

export const StoredMessage = z.object({
  id: Id,
  session_id: Id,
  role: z.enum(["user", "assistant"]),
  content: z.string(),
  citations: z.array(Citation).nullable(),
  timings: TurnTimings.nullable(),
  /**
   * An answer's finish reason, or "in_progress" while it streams, "error" when it failed, "incomplete" when a restart
   * cut it off; null for a question.
   */
  finish_reason: z.string().nullable(),
  created_at: Timestamp,
  /** The member's rating of an answer (POST …/feedback); null until they give one, and always for a question. */
  feedback: Feedback.nullable(),
});
export type StoredMessage = z.infer<typeof StoredMessage>;

export const SessionDetail = SessionSummary.extend({ messages: z.array(StoredMessage) });
export type SessionDetail = z.infer<typeof SessionDetail>;
