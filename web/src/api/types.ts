/**
 * The API's request and response shapes as the browser sees them (README's API table). Declared here rather than
 * imported from src/: the Worker's modules bring Workers and database types that a browser build cannot check.
 */
export interface User {
  id: string;
  email: string;
}

export interface TokenResponse {
  user: User;
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
  /** Only once the server issues refresh tokens (see session.ts). */
  refresh_token?: string;
}

export type JobStatus = "queued" | "parsing" | "chunking" | "embedding" | "complete" | "failed";

export interface Job {
  job_id: string;
  document_id: string;
  status: JobStatus;
  progress: { pages_total: number | null; pages_parsed: number; chunks_total: number | null; chunks_embedded: number };
  error: { code: string; message: string } | null;
  attempts: number;
}

export interface DocumentInfo {
  id: string;
  job_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  status: "queued" | "processing" | "ready" | "failed";
  pages: number | null;
  chunks: number;
  created_at: string;
}

export interface UploadAccepted {
  job_id: string;
  document_id: string;
  status: JobStatus;
  duplicate: boolean;
}

export interface Citation {
  n: number;
  document_id: string;
  filename: string;
  page: number;
  chunk_id: string;
  score: number;
  snippet: string;
  /** Document title · section · table row label, where the server knows them. */
  context?: string;
}

export interface SessionSummary {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

export interface StoredMessage {
  id: string;
  role: "user" | "assistant";
  content: string;
  citations: Citation[] | null;
  finish_reason: string | null;
  created_at: string;
}

export interface SessionDetail extends SessionSummary {
  messages: StoredMessage[];
}

/** RFC 9457 problem+json, as every error of the API is sent. */
export interface Problem {
  title: string;
  status: number;
  detail: string;
  code: string;
  request_id?: string;
  retry_after_seconds?: number;
}

/** The events of POST /chat's stream. */
export type ChatEvent =
  | { event: "start"; data: { session_id: string; message_id: string } }
  | { event: "sources"; data: { citations: Citation[] } }
  | { event: "delta"; data: { text: string } }
  | { event: "done"; data: { message_id: string; answer: string; citations: Citation[]; finish_reason: string } }
  | { event: "error"; data: { code: string; message: string } };
