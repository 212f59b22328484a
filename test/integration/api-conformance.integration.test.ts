/**
 * Every route's real responses, sent through the Worker, checked against the schemas of src/api — the ones the
 * OpenAPI document is generated from and the clients are typed by. A response conforms when its status is one the
 * document lists for the operation, its content type is the documented one, and its body parses without the schema
 * dropping anything (a field the schema does not declare fails too).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  AgentAnswer,
  ApiKeyList,
  CreatedApiKey,
  StoredMessage,
  AgentStatus,
  ChatAnswer,
  ChatCompletion,
  ChatCompletionChunk,
  ChatEvents,
  Document,
  DocumentList,
  Health,
  Job,
  JobEvents,
  MeResponse,
  ModelList,
  OpenAiErrorBody,
  Problem,
  SearchResponse,
  SessionDetail,
  SessionList,
  SessionSummary,
  TokenResponse,
  UploadAccepted,
} from "../../src/api";
import { createApp } from "../../src/app";
import { documentedPaths } from "../../src/routes/openapi";
import { api, registerUser, sampleSbc, testAddress, uploadRequest, type TestUser } from "../support/worker-api";
import { collectSse } from "../support/worker-sse";

type Method = "get" | "post" | "patch" | "delete";

function documentedStatus(method: Method, path: string, status: number) {
  const operation = documentedPaths[path]?.[method];
  expect(operation, `${method.toUpperCase()} ${path} is documented`).toBeDefined();
  expect(Object.keys(operation?.responses ?? {}), `${method.toUpperCase()} ${path} documents ${status}`).toContain(String(status));
}

/** The body parsed by `schema`, which must keep all of it. */
function expectConforms<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  expect(parsed.data).toEqual(body);
  return parsed.data as T;
}

/** A JSON success response of `method path` (the documented path, `{id}` style). */
async function conforms<T>(response: Response, method: Method, path: string, status: number, schema: z.ZodType<T>): Promise<T> {
  expect(response.status).toBe(status);
  documentedStatus(method, path, status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return expectConforms(schema, await response.json());
}

/** A problem+json error response whose `status` and `request_id` match the response's own. */
async function isProblem(response: Response, method: Method, path: string, status: number, code: Problem["code"]): Promise<void> {
  expect(response.status).toBe(status);
  documentedStatus(method, path, status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = expectConforms(Problem, await response.json());
  expect(problem.code).toBe(code);
  expect(problem.status).toBe(status);
  expect(problem.request_id).toBe(response.headers.get("x-request-id"));
}

/** Each event's data must conform to the schema of its name, and each name must be one the stream declares. */
function eventsConform(events: { event: string; data: unknown }[], schemas: Record<string, z.ZodType>): void {
  for (const { event, data } of events) {
    const schema = schemas[event];
    expect(schema, `event "${event}" is declared`).toBeDefined();
    if (schema) expectConforms(schema, data);
  }
}

const json = (user: TestUser | undefined, method: string, body?: unknown, extra: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { ...(user?.auth ?? {}), "content-type": "application/json", accept: "application/json", ...extra },
  body: body === undefined ? undefined : JSON.stringify(body),
});

describe("every route is described", () => {
  it("lists each route of the app in the OpenAPI document, and nothing the app does not serve", () => {
    const served = new Set(
      createApp()
        .routes.filter((route) => route.method !== "ALL")
        .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/\/$/, "").replace(/:(\w+)/g, "{$1}") || "/"}`),
    );
    // The description itself: /openapi.json and /docs are what these documents are served at.
    served.delete("get /openapi.json");
    served.delete("get /docs");
    const documented = new Set(Object.entries(documentedPaths).flatMap(([path, operations]) => Object.keys(operations).map((m) => `${m} ${path}`)));
    expect([...served].sort()).toEqual([...documented].sort());
  });
});

describe("responses conform to the API's schemas", () => {
  let user: TestUser;
  let jobId: string;
  let documentId: string;

  beforeAll(async () => {
    user = await registerUser("conformance");
    const response = await api("/api/v2/upload", uploadRequest(user, await sampleSbc(), "cms-sample-sbc.pdf"));
    const accepted = await conforms(response, "post", "/api/v2/upload", 202, UploadAccepted);
    ({ job_id: jobId, document_id: documentId } = accepted);
    // Followed to the end over the job's event stream, each event checked on the way.
    const events = await collectSse(await api(`/api/v2/jobs/${jobId}/events`, { headers: user.auth }));
    eventsConform(events, JobEvents);
    expect(events.at(-1)?.event).toBe("complete");
  });

  describe("accounts", () => {
    const password = "correct horse battery staple";
    const email = `conformance-${crypto.randomUUID()}@example.com`;
    const address = testAddress();
    let refreshToken = "";

    it("register: 201 tokens; 409 email_taken; 422 validation_failed", async () => {
      const created = await conforms(
        await api("/api/v2/auth/register", json(undefined, "POST", { email, password }, { "cf-connecting-ip": address })),
        "post",
        "/api/v2/auth/register",
        201,
        TokenResponse,
      );
      refreshToken = created.refresh_token ?? "";
      await isProblem(await api("/api/v2/auth/register", json(undefined, "POST", { email, password }, { "cf-connecting-ip": address })), "post", "/api/v2/auth/register", 409, "email_taken");
      await isProblem(await api("/api/v2/auth/register", json(undefined, "POST", { email: "nope", password: "short" }, { "cf-connecting-ip": address })), "post", "/api/v2/auth/register", 422, "validation_failed");
    });

    it("login: 200 tokens; 401 invalid_credentials", async () => {
      await conforms(await api("/api/v2/auth/login", json(undefined, "POST", { email, password })), "post", "/api/v2/auth/login", 200, TokenResponse);
      await isProblem(await api("/api/v2/auth/login", json(undefined, "POST", { email, password: "wrong password!" })), "post", "/api/v2/auth/login", 401, "invalid_credentials");
    });

    it("refresh: 200 tokens; 401 for a spent token; logout: 204", async () => {
      const renewed = await conforms(await api("/api/v2/auth/refresh", json(undefined, "POST", { refresh_token: refreshToken })), "post", "/api/v2/auth/refresh", 200, TokenResponse);
      await isProblem(await api("/api/v2/auth/refresh", json(undefined, "POST", { refresh_token: "x".repeat(43) })), "post", "/api/v2/auth/refresh", 401, "unauthorized");
      const out = await api("/api/v2/auth/logout", json(undefined, "POST", { refresh_token: renewed.refresh_token }));
      expect(out.status).toBe(204);
      documentedStatus("post", "/api/v2/auth/logout", 204);
    });

    it("me: 200 the account; 401 without a token", async () => {
      await conforms(await api("/api/v2/auth/me", { headers: user.auth }), "get", "/api/v2/auth/me", 200, MeResponse);
      await isProblem(await api("/api/v2/auth/me"), "get", "/api/v2/auth/me", 401, "unauthorized");
    });
  });

  describe("documents and jobs", () => {
    it("job: 200; 404 for a malformed and for an unknown id", async () => {
      await conforms(await api(`/api/v2/jobs/${jobId}`, { headers: user.auth }), "get", "/api/v2/jobs/{job_id}", 200, Job);
      await isProblem(await api("/api/v2/jobs/not-a-uuid", { headers: user.auth }), "get", "/api/v2/jobs/{job_id}", 404, "not_found");
      await isProblem(await api(`/api/v2/jobs/${crypto.randomUUID()}/events`, { headers: user.auth }), "get", "/api/v2/jobs/{job_id}/events", 404, "not_found");
    });

    it("retry: 409 conflict for a complete job", async () => {
      await isProblem(await api(`/api/v2/jobs/${jobId}/retry`, { method: "POST", headers: user.auth }), "post", "/api/v2/jobs/{job_id}/retry", 409, "conflict");
    });

    it("upload: 200 duplicate; 415 unsupported; 422 empty", async () => {
      const duplicate = await conforms(await api("/api/v2/upload", uploadRequest(user, await sampleSbc(), "again.pdf")), "post", "/api/v2/upload", 200, UploadAccepted);
      expect(duplicate.duplicate).toBe(true);
      const noise = crypto.getRandomValues(new Uint8Array(512));
      await isProblem(await api("/api/v2/upload", uploadRequest(user, noise, "noise.bin")), "post", "/api/v2/upload", 415, "unsupported_media_type");
      await isProblem(await api("/api/v2/upload", uploadRequest(user, new Uint8Array(0), "empty.pdf")), "post", "/api/v2/upload", 422, "empty_file");
    });

    it("documents: the list and one; 404 for another id", async () => {
      const list = await conforms(await api("/api/v2/documents", { headers: user.auth }), "get", "/api/v2/documents", 200, DocumentList);
      expect(list.documents.map((d) => d.id)).toContain(documentId);
      await conforms(await api(`/api/v2/documents/${documentId}`, { headers: user.auth }), "get", "/api/v2/documents/{id}", 200, Document);
      await isProblem(await api(`/api/v2/documents/${crypto.randomUUID()}`, { headers: user.auth }), "get", "/api/v2/documents/{id}", 404, "not_found");
      await isProblem(await api(`/api/v2/documents/${crypto.randomUUID()}`, { method: "DELETE", headers: user.auth }), "delete", "/api/v2/documents/{id}", 404, "not_found");
    });

    it("file: the PDF's bytes as application/pdf", async () => {
      const response = await api(`/api/v2/documents/${documentId}/file`, { headers: user.auth });
      expect(response.status).toBe(200);
      documentedStatus("get", "/api/v2/documents/{id}/file", 200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect((await response.arrayBuffer()).byteLength).toBe((await sampleSbc()).byteLength);
    });
  });

  describe("questions", () => {
    it("search: 200 results; 422 for an empty query", async () => {
      const found = await conforms(await api("/api/v2/search", json(user, "POST", { query: "overall deductible" })), "post", "/api/v2/search", 200, SearchResponse);
      expect(found.results.length).toBeGreaterThan(0);
      await isProblem(await api("/api/v2/search", json(user, "POST", { query: "" })), "post", "/api/v2/search", 422, "validation_failed");
    });

    it("chat as JSON, chat as events, and the conversation it leaves", async () => {
      const answer = await conforms(await api("/chat", json(user, "POST", { message: "What is the overall deductible?" })), "post", "/chat", 200, ChatAnswer);
      const streamed = await api("/chat", json(user, "POST", { message: "Do I need a referral?", session_id: answer.session_id }, { accept: "text/event-stream" }));
      expect(streamed.status).toBe(200);
      expect(streamed.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const events = await collectSse(streamed);
      eventsConform(events, ChatEvents);
      expect(events.map((e) => e.event)).toContain("done");

      const sessions = await conforms(await api("/chat/sessions", { headers: user.auth }), "get", "/chat/sessions", 200, SessionList);
      expect(sessions.sessions.map((s) => s.id)).toContain(answer.session_id);
      const detail = await conforms(await api(`/chat/sessions/${answer.session_id}`, { headers: user.auth }), "get", "/chat/sessions/{id}", 200, SessionDetail);
      expect(detail.messages).toHaveLength(4);
      await conforms(await api(`/chat/sessions/${answer.session_id}`, json(user, "PATCH", { title: "Deductible" })), "patch", "/chat/sessions/{id}", 200, SessionSummary);
      await isProblem(await api(`/chat/sessions/${answer.session_id}`, json(user, "PATCH", { title: "" })), "patch", "/chat/sessions/{id}", 422, "validation_failed");
      const deleted = await api(`/chat/sessions/${answer.session_id}`, { method: "DELETE", headers: user.auth });
      expect(deleted.status).toBe(204);
      await isProblem(await api(`/chat/sessions/${answer.session_id}`, { headers: user.auth }), "get", "/chat/sessions/{id}", 404, "not_found");
    });

    it("feedback: 200 the rated answer; 422 for a rating out of range; 404 for an unknown message", async () => {
      const answer = await conforms(await api("/chat", json(user, "POST", { message: "What is the overall deductible?" })), "post", "/chat", 200, ChatAnswer);
      const path = "/chat/sessions/{id}/messages/{message_id}/feedback";
      const url = (messageId: string) => `/chat/sessions/${answer.session_id}/messages/${messageId}/feedback`;
      const rated = await conforms(await api(url(answer.message_id), json(user, "POST", { rating: 5, comment: "Clear" })), "post", path, 200, StoredMessage);
      expect(rated.feedback?.rating).toBe(5);
      await isProblem(await api(url(answer.message_id), json(user, "POST", { rating: 9 })), "post", path, 422, "validation_failed");
      await isProblem(await api(url(crypto.randomUUID()), json(user, "POST", { rating: 3 })), "post", path, 404, "not_found");
    });

    it("chat: 404 for an unknown session, 422 for an empty message", async () => {
      await isProblem(await api("/chat", json(user, "POST", { message: "Hi", session_id: crypto.randomUUID() })), "post", "/chat", 404, "not_found");
      await isProblem(await api("/chat", json(user, "POST", { message: " " })), "post", "/chat", 422, "validation_failed");
    });

    it("agents: a JSON answer and the status", async () => {
      await conforms(await api("/agents/query", json(user, "POST", { query: "What is the overall deductible?" })), "post", "/agents/query", 200, AgentAnswer);
      await conforms(await api("/agents/status", { headers: user.auth }), "get", "/agents/status", 200, AgentStatus);
    });
  });

  describe("API keys", () => {
    it("create: 201 the key once; list: 200 without it; delete: 204, then 404; 422 for an empty name", async () => {
      const created = await conforms(await api("/api/v2/api-keys", json(user, "POST", { name: "script" })), "post", "/api/v2/api-keys", 201, CreatedApiKey);
      const listed = await conforms(await api("/api/v2/api-keys", { headers: user.auth }), "get", "/api/v2/api-keys", 200, ApiKeyList);
      expect(listed.api_keys.map((k) => k.id)).toContain(created.id);
      await isProblem(await api("/api/v2/api-keys", json(user, "POST", { name: "" })), "post", "/api/v2/api-keys", 422, "validation_failed");
      expect((await api(`/api/v2/api-keys/${created.id}`, { method: "DELETE", headers: user.auth })).status).toBe(204);
      await isProblem(await api(`/api/v2/api-keys/${created.id}`, { method: "DELETE", headers: user.auth }), "delete", "/api/v2/api-keys/{id}", 404, "not_found");
    });
  });

  describe("OpenAI-compatible", () => {
    const completion = { model: "insurance-navigator", messages: [{ role: "user", content: "What is the overall deductible?" }] };

    it("models, one model, and OpenAI's error shape for another", async () => {
      const list = await conforms(await api("/v1/models", { headers: user.auth }), "get", "/v1/models", 200, ModelList);
      await conforms(await api(`/v1/models/${list.data[0]?.id}`, { headers: user.auth }), "get", "/v1/models/{id}", 200, ModelList.shape.data.element);
      await conforms(await api("/v1/models/gpt-4", { headers: user.auth }), "get", "/v1/models/{id}", 404, OpenAiErrorBody);
      await conforms(await api("/v1/models"), "get", "/v1/models", 401, OpenAiErrorBody);
    });

    it("a completion, its streamed chunks, and a 400 in OpenAI's shape", async () => {
      await conforms(await api("/v1/chat/completions", json(user, "POST", completion)), "post", "/v1/chat/completions", 200, ChatCompletion);
      const streamed = await api("/v1/chat/completions", json(user, "POST", { ...completion, stream: true }));
      expect(streamed.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const lines = (await streamed.text()).split("\n\n").filter((block) => block.startsWith("data: ")).map((block) => block.slice(6));
      expect(lines.at(-1)).toBe("[DONE]");
      for (const line of lines.slice(0, -1)) expectConforms(ChatCompletionChunk, JSON.parse(line));
      await conforms(await api("/v1/chat/completions", json(user, "POST", { model: "insurance-navigator", messages: [] })), "post", "/v1/chat/completions", 400, OpenAiErrorBody);
    });
  });

  it("health: 200", async () => {
    await conforms(await api("/health"), "get", "/health", 200, Health);
  });

  it("deleting a document: 204, then 404", async () => {
    const deleted = await api(`/api/v2/documents/${documentId}`, { method: "DELETE", headers: user.auth });
    expect(deleted.status).toBe(204);
    documentedStatus("delete", "/api/v2/documents/{id}", 204);
    await isProblem(await api(`/api/v2/documents/${documentId}/file`, { headers: user.auth }), "get", "/api/v2/documents/{id}/file", 404, "not_found");
  });
});
