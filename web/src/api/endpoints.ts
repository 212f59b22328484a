/** One typed function per API call the app makes. */
import { ApiProblem, apiFetch, apiJson, authorization, networkProblem, problemFrom, publicJson } from "./client";
import { refreshAccessToken } from "./session";
import { readSse } from "./sse";
import type { ChatBody, ChatEvent, DocumentInfo, Job, JobEvent, SessionDetail, SessionSummary, TokenResponse, UploadAccepted } from "./types";

export const register = (email: string, password: string) => publicJson<TokenResponse>("/api/v2/auth/register", { email, password });
export const logIn = (email: string, password: string) => publicJson<TokenResponse>("/api/v2/auth/login", { email, password });

export const getJob = (id: string) => apiJson<Job>(`/api/v2/jobs/${id}`);
export const listDocuments = async () => (await apiJson<{ documents: DocumentInfo[] }>("/api/v2/documents")).documents;
export const deleteDocument = (id: string) => apiFetch(`/api/v2/documents/${id}`, { method: "DELETE" });
export const documentFile = async (id: string) => (await apiFetch(`/api/v2/documents/${id}/file`)).arrayBuffer();

export const listSessions = async () => (await apiJson<{ sessions: SessionSummary[] }>("/chat/sessions")).sessions;
export const getSession = (id: string) => apiJson<SessionDetail>(`/chat/sessions/${id}`);
export const deleteSession = (id: string) => apiFetch(`/chat/sessions/${id}`, { method: "DELETE" });
export const renameSession = (id: string, title: string) =>
  apiJson<SessionSummary>(`/chat/sessions/${id}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ title }),
  });

/** Rates one answer of a conversation, 1–5 (a new rating replaces the old). */
export const rateAnswer = (sessionId: string, messageId: string, rating: number) =>
  apiJson<unknown>(`/chat/sessions/${sessionId}/messages/${messageId}/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rating }),
  });

/**
 * Uploads one file with progress (XMLHttpRequest: `fetch` cannot report upload progress). A 401 is retried once
 * with a refreshed token, like every other call.
 */
export async function uploadFile(file: File, onProgress: (fraction: number) => void, retried = false): Promise<UploadAccepted> {
  const auth = await authorization();
  const result = await new Promise<Response>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/v2/upload");
    request.setRequestHeader("authorization", auth);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const headers = new Headers();
      for (const line of request.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(":");
        if (at > 0) headers.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
      }
      resolve(new Response(request.responseText, { status: request.status, headers }));
    };
    request.onerror = () => reject(networkProblem());
    const form = new FormData();
    form.append("file", file, file.name);
    request.send(form);
  });
  if (result.status === 401 && !retried && (await refreshAccessToken())) return uploadFile(file, onProgress, true);
  if (!result.ok) throw await problemFrom(result);
  return (await result.json()) as UploadAccepted;
}

/** Pause before reconnecting a job stream that ended without a final status (server limit, network blip). */
const RECONNECT_MS = 2_000;

/**
 * Follows a job's progress over `GET /api/v2/jobs/{id}/events` until it completes or fails, reconnecting if the
 * stream ends early. Resolves with the final job, or null if the document was deleted or `signal` aborted.
 */
export async function watchJob(jobId: string, onJob: (job: Job) => void, signal: AbortSignal): Promise<Job | null> {
  while (!signal.aborted) {
    try {
      const response = await apiFetch(`/api/v2/jobs/${jobId}/events`, { signal, headers: { accept: "text/event-stream" } });
      for await (const raw of readSse(response)) {
        const message = raw as JobEvent;
        if (message.event === "gone") return null;
        if (message.event === "progress" || message.event === "complete" || message.event === "failed") {
          onJob(message.data);
          if (message.event !== "progress") return message.data;
        }
      }
    } catch (error) {
      if (signal.aborted) return null;
      if (error instanceof ApiProblem && (error.status === 404 || error.status === 401)) return null;
    }
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
  }
  return null;
}

/** Asks a question and yields the answer's events as they stream. Aborting `signal` stops reading. */
export async function* askStream(
  body: ChatBody,
  signal: AbortSignal,
): AsyncGenerator<ChatEvent> {
  const response = await apiFetch("/chat", {
    method: "POST",
    signal,
    headers: { "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify(body),
  });
  for await (const message of readSse(response)) yield message as ChatEvent;
}
