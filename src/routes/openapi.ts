import { z } from "zod";
import packageJson from "../../package.json";
import { ERROR_CODES } from "../lib/errors";
import { AgentQueryBody } from "./agents";
import { CreateApiKeyBody } from "./api-keys";
import { ChatBody, FeedbackBody, RenameBody } from "./chat";
import { ChatCompletionBody } from "./openai-compat";
import { SearchBody } from "./search";

/**
 * The API as an OpenAPI 3.1 document, served at /openapi.json and rendered for people at /docs. Request bodies come
 * from the routes' own zod schemas, so what is documented is what is validated; responses are described in words and
 * with the few shared shapes below. The account bodies are written out here: their schemas belong to the auth routes.
 */

type Json = Record<string, unknown>;

const bodyOf = (schema: z.ZodType): Json => ({
  required: true,
  content: { "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) } },
});

const accountBody: Json = {
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["email", "password"],
        properties: { email: { type: "string", format: "email" }, password: { type: "string", minLength: 10, maxLength: 1024 } },
      },
    },
  },
};

const json = (description: string, ref?: string): Json => ({
  description,
  content: { "application/json": ref ? { schema: { $ref: `#/components/schemas/${ref}` } } : {} },
});
const sse = (description: string): Json => ({ description, content: { "text/event-stream": {} } });
const problem = (description: string): Json => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

const id = (name: string, what: string): Json => ({ name, in: "path", required: true, description: `The ${what}'s id (a UUID).`, schema: { type: "string", format: "uuid" } });

interface Operation {
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
  security?: Json[];
}

const open = { security: [] as Json[] };
const notFound = { "404": problem("Not found, or another user's (ids of others are never confirmed).") };

const paths: Record<string, Record<string, Operation>> = {
  "/api/v2/auth/register": {
    post: { ...open, tags: ["Accounts"], summary: "Create an account", requestBody: accountBody, responses: { "201": json("The account and an access token.", "Tokens"), "409": problem("The email is taken."), "422": problem("Not a valid email or password.") } },
  },
  "/api/v2/auth/login": {
    post: { ...open, tags: ["Accounts"], summary: "Log in", requestBody: accountBody, responses: { "200": json("An access token.", "Tokens"), "401": problem("Unknown email or wrong password (one message for both).") } },
  },
  "/api/v2/auth/me": { get: { tags: ["Accounts"], summary: "Who the token belongs to", responses: { "200": json("`{user:{id,email,created_at}}`") } } },
  "/api/v2/api-keys": {
    post: {
      tags: ["Accounts"],
      summary: "Create an API key",
      description: "A long-lived Bearer credential for scripts and OpenAI-compatible clients. The key is in this response only; it is stored hashed.",
      requestBody: bodyOf(CreateApiKeyBody),
      responses: { "201": json("`{id, name, prefix, created_at, key}`"), "403": problem("The account has 20 keys already."), "422": problem("Empty or longer than 80 characters.") },
    },
    get: { tags: ["Accounts"], summary: "The user's API keys (never the keys themselves)", responses: { "200": json("`{api_keys:[{id, name, prefix, created_at, last_used_at}]}`") } },
  },
  "/api/v2/api-keys/{id}": {
    delete: { tags: ["Accounts"], summary: "Revoke an API key (refused from the next request on)", parameters: [id("id", "API key")], responses: { "204": { description: "Revoked." }, ...notFound } },
  },
  "/api/v2/upload": {
    post: {
      tags: ["Documents"],
      summary: "Upload a document",
      description: "A PDF, plain text, Markdown or HTML file (recognised by its bytes) as the multipart field `file`. Processing happens in the background: follow the job.",
      requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } } } } },
      responses: { "202": json("Accepted: `{job_id, document_id, status, duplicate:false}`."), "200": json("The same bytes were already uploaded: the existing ids, `duplicate:true`."), "413": problem("Too large."), "415": problem("Not a PDF, text, Markdown or HTML file."), "422": problem("Empty.") },
    },
  },
  "/api/v2/jobs/{job_id}": { get: { tags: ["Documents"], summary: "An ingestion job's status and progress", parameters: [id("job_id", "job")], responses: { "200": json("The job.", "Job"), ...notFound } } },
  "/api/v2/jobs/{job_id}/events": {
    get: {
      tags: ["Documents"],
      summary: "Follow a job's progress as Server-Sent Events",
      description: "`progress` whenever status or counts change, then one `complete` or `failed`, each with the body of GET /api/v2/jobs/{job_id}; the stream then ends. `gone` if the document is deleted meanwhile. A stream lasts at most 10 minutes: reconnect if it ends without a final event.",
      parameters: [id("job_id", "job")],
      responses: { "200": sse("The events."), ...notFound },
    },
  },
  "/api/v2/documents": { get: { tags: ["Documents"], summary: "The user's documents, newest first", responses: { "200": json("`{documents: Document[]}`") } } },
  "/api/v2/documents/{id}": {
    get: { tags: ["Documents"], summary: "One document", parameters: [id("id", "document")], responses: { "200": json("The document.", "Document"), ...notFound } },
    delete: { tags: ["Documents"], summary: "Delete a document, its passages, jobs and file", parameters: [id("id", "document")], responses: { "204": { description: "Deleted." }, ...notFound } },
  },
  "/api/v2/documents/{id}/file": {
    get: {
      tags: ["Documents"],
      summary: "The original file",
      description: "Streamed from storage. A PDF is sent inline as application/pdf; any other file (HTML included) as an application/octet-stream attachment. Never cached by shared caches.",
      parameters: [id("id", "document")],
      responses: { "200": { description: "The bytes.", content: { "application/pdf": {}, "application/octet-stream": {} } }, ...notFound },
    },
  },
  "/api/v2/search": { post: { tags: ["Questions"], summary: "Hybrid search over the user's passages", requestBody: bodyOf(SearchBody), responses: { "200": json("`{results:[{chunk_id, document_id, filename, page, score, similarity, text}], timings_ms}`") } } },
  "/chat": {
    post: {
      tags: ["Questions"],
      summary: "Ask a question",
      description: "Server-Sent Events by default: `start` {session_id, message_id}, `sources` {citations}, `delta` {text}…, `done` {answer, citations, finish_reason, timings} (or `error`). JSON instead with `Accept: application/json`. Pass `session_id` to continue a conversation and `document_ids` to answer from those documents only.",
      requestBody: bodyOf(ChatBody),
      responses: { "200": sse("The answer as it is written (or JSON, see above)."), "404": problem("Unknown session_id."), "429": problem("Too many questions this minute; `Retry-After` and `retry_after_seconds` say how long to wait.") },
    },
  },
  "/chat/sessions": { get: { tags: ["Questions"], summary: "The user's conversations, most recent first", responses: { "200": json("`{sessions:[{id, title, created_at, updated_at}]}`") } } },
  "/chat/sessions/{id}": {
    get: { tags: ["Questions"], summary: "A conversation and its messages", parameters: [id("id", "conversation")], responses: { "200": json("The conversation with `messages` (citations, timings)."), ...notFound } },
    patch: { tags: ["Questions"], summary: "Rename a conversation", parameters: [id("id", "conversation")], requestBody: bodyOf(RenameBody), responses: { "200": json("The renamed conversation."), "422": problem("Empty or longer than 80 characters."), ...notFound } },
    delete: { tags: ["Questions"], summary: "Delete a conversation", parameters: [id("id", "conversation")], responses: { "204": { description: "Deleted." }, ...notFound } },
  },
  "/chat/sessions/{id}/messages/{message_id}/feedback": {
    post: {
      tags: ["Questions"],
      summary: "Rate an answer",
      description: "A rating from 1 to 5 and an optional comment, kept with the answer (a new rating replaces the old) and counted in the service's metrics (the comment is not).",
      parameters: [id("id", "conversation"), id("message_id", "answer")],
      requestBody: bodyOf(FeedbackBody),
      responses: { "200": json("The answer with `feedback:{rating, comment, created_at}`."), "422": problem("Not a rating from 1 to 5, a comment over 2000 characters, or the message is a question."), ...notFound },
    },
  },
  "/agents/query": { post: { tags: ["Questions"], summary: "A stateless JSON answer", requestBody: bodyOf(AgentQueryBody), responses: { "200": json("`{answer, citations, …}`") } } },
  "/agents/status": { get: { tags: ["Service"], summary: "Providers, models, thresholds and health (never a secret)", responses: { "200": json("The status.") } } },
  "/v1/chat/completions": {
    post: {
      tags: ["OpenAI-compatible"],
      summary: "OpenAI-compatible chat completions",
      description: "Point any OpenAI client at …/v1 with an API key (or an access token) as its API key. Errors use OpenAI's shape.",
      requestBody: bodyOf(ChatCompletionBody),
      responses: { "200": json("An OpenAI chat completion (or chunks with `stream: true`).") },
    },
  },
  "/v1/models": { get: { tags: ["OpenAI-compatible"], summary: "The one model", responses: { "200": json("An OpenAI model list.") } } },
  "/health": { get: { ...open, tags: ["Service"], summary: "Health of the service and its dependencies", responses: { "200": json("`{status:\"ok\", checks, version}`"), "503": json("`degraded`: the database is unreachable.") } } },
};

export function openApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: { title: "Insurance Navigator API", version: packageJson.version, description: packageJson.description },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "The access_token from register or login, or an API key (POST /api/v2/api-keys)." } },
      schemas: {
        Problem: {
          type: "object",
          description: "RFC 9457 problem details; `code` is one of the listed values.",
          required: ["type", "title", "status", "detail", "code", "request_id"],
          properties: {
            type: { type: "string" },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            code: { type: "string", enum: Object.keys(ERROR_CODES) },
            request_id: { type: "string" },
          },
        },
        Tokens: {
          type: "object",
          properties: { user: { type: "object", properties: { id: { type: "string" }, email: { type: "string" } } }, access_token: { type: "string" }, token_type: { const: "Bearer" }, expires_in: { type: "integer" } },
        },
        Job: {
          type: "object",
          properties: {
            job_id: { type: "string" },
            document_id: { type: "string" },
            status: { enum: ["queued", "parsing", "chunking", "embedding", "complete", "failed"] },
            progress: { type: "object", properties: { pages_total: { type: ["integer", "null"] }, pages_parsed: { type: "integer" }, chunks_total: { type: ["integer", "null"] }, chunks_embedded: { type: "integer" } } },
            error: { type: ["object", "null"], properties: { code: { type: "string" }, message: { type: "string" } } },
            attempts: { type: "integer" },
          },
        },
        Document: {
          type: "object",
          properties: {
            id: { type: "string" },
            job_id: { type: ["string", "null"] },
            filename: { type: "string" },
            content_type: { type: "string" },
            size_bytes: { type: "integer" },
            status: { enum: ["queued", "processing", "ready", "failed"] },
            pages: { type: ["integer", "null"] },
            chunks: { type: "integer" },
            created_at: { type: "string", format: "date-time" },
          },
        },
      },
    },
  };
}

export const documentedPaths = paths;
