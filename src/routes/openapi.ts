import { z } from "zod";
import packageJson from "../../package.json";
import { AgentAnswer, AgentQueryBody, AgentStatus } from "../api/agents";
import { ApiKeyList, CreateApiKeyBody, CreatedApiKey } from "../api/api-keys";
import { LoginBody, LogoutBody, MeResponse, RefreshBody, RegisterBody, TokenResponse } from "../api/auth";
import { ChatAnswer, ChatBody, ChatEvents, FeedbackBody, RenameBody, SessionDetail, SessionList, SessionSummary, StoredMessage } from "../api/chat";
import { Problem } from "../api/common";
import { Document, DocumentList, Job, JobEvents, UploadAccepted } from "../api/documents";
import { Health } from "../api/health";
import { ChatCompletion, ChatCompletionBody, ChatCompletionChunk, ModelList, OpenAiErrorBody } from "../api/openai";
import { SearchBody, SearchResponse } from "../api/search";

/**
 * The API as an OpenAPI 3.1 document, served at /openapi.json and rendered for people at /docs. Every request body and
 * every response body is generated from the schemas of src/api, the same ones the routes validate with and the
 * clients are typed by, so what is documented is what is validated and sent (test/integration/api-conformance checks
 * the second half against real responses).
 */

type Json = Record<string, unknown>;

/** Named schemas (those with a `meta({ id })`), collected as the paths below are generated. */
const components: Record<string, Json> = {};

/** A zod schema as JSON Schema, its named parts moved to `components.schemas` and referred to there. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json & { $defs?: Record<string, Json> };
  const toComponents = (value: Json): Json => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  for (const [name, definition] of Object.entries($defs ?? {})) components[name] = toComponents(definition);
  return toComponents(rest);
}

const body = (schema: z.ZodType): Json => ({ required: true, content: { "application/json": { schema: jsonSchema(schema, "input") } } });
const json = (description: string, schema: z.ZodType): Json => ({ description, content: { "application/json": { schema: jsonSchema(schema, "output") } } });
/** OpenAPI 3.1 has no words for an event stream's events; `x-events` gives each event's `data` schema by its name. */
const sse = (description: string, events: Record<string, z.ZodType>): Json => ({
  description,
  content: {
    "text/event-stream": {
      schema: { type: "string" },
      "x-events": Object.fromEntries(Object.entries(events).map(([name, schema]) => [name, jsonSchema(schema, "output")])),
    },
  },
});
/** A 200 that is an event stream or JSON, as the client asks (`Accept`, or `stream` for /v1). */
const streamOrJson = (description: string, events: Record<string, z.ZodType>, schema: z.ZodType): Json => ({
  description,
  content: { ...(sse(description, events).content as Json), ...(json(description, schema).content as Json) },
});
const problem = (description: string): Json => ({ description, content: { "application/problem+json": { schema: jsonSchema(Problem, "output") } } });
const openAiError = (description: string): Json => ({ description, content: { "application/json": { schema: jsonSchema(OpenAiErrorBody, "output") } } });
const noContent = { description: "Done; no body." };

const id = (name: string, what: string): Json => ({ name, in: "path", required: true, description: `The ${what}'s id (a UUID).`, schema: { type: "string", format: "uuid" } });

export interface Operation {
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
const rateLimited = { "429": problem("Over the rate limit; `Retry-After` and `retry_after_seconds` say how long to wait.") };

const paths: Record<string, Record<string, Operation>> = {
  "/api/v2/auth/register": {
    post: { ...open, tags: ["Accounts"], summary: "Create an account", requestBody: body(RegisterBody), responses: { "201": json("The account and its first tokens.", TokenResponse), "409": problem("The email is taken."), ...rateLimited } },
  },
  "/api/v2/auth/login": {
    post: { ...open, tags: ["Accounts"], summary: "Log in", requestBody: body(LoginBody), responses: { "200": json("New tokens.", TokenResponse), "401": problem("Unknown email or wrong password (one message for both)."), "429": problem("Too many attempts; `Retry-After` says when to try again.") } },
  },
  "/api/v2/auth/refresh": {
    post: { ...open, tags: ["Accounts"], summary: "Trade a refresh token for new tokens", description: "The refresh token is spent; presenting it again ends its whole session.", requestBody: body(RefreshBody), responses: { "200": json("New tokens.", TokenResponse), "401": problem("Invalid, expired or already used: log in again.") } },
  },
  "/api/v2/auth/logout": {
    post: { ...open, tags: ["Accounts"], summary: "End a session", description: "The session of the refresh token in the body, or else of the access token; `all: true` ends every session of the user.", requestBody: { ...body(LogoutBody), required: false }, responses: { "204": noContent, "401": problem("Neither a refresh token nor a valid access token.") } },
  },
  "/api/v2/auth/me": { get: { tags: ["Accounts"], summary: "Who the token belongs to", responses: { "200": json("The account.", MeResponse) } } },
  "/api/v2/api-keys": {
    post: {
      tags: ["Accounts"],
      summary: "Create an API key",
      description: "A long-lived Bearer credential for scripts and OpenAI-compatible clients. The key is in this response only; it is stored hashed.",
      requestBody: body(CreateApiKeyBody),
      responses: { "201": json("The key, shown this once.", CreatedApiKey), "403": problem("The account has 20 keys already.") },
    },
    get: { tags: ["Accounts"], summary: "The user's API keys (never the keys themselves)", responses: { "200": json("The keys.", ApiKeyList) } },
  },
  "/api/v2/api-keys/{id}": {
    delete: { tags: ["Accounts"], summary: "Revoke an API key (refused from the next request on)", parameters: [id("id", "API key")], responses: { "204": noContent, ...notFound } },
  },
  "/api/v2/upload": {
    post: {
      tags: ["Documents"],
      summary: "Upload a document",
      description: "A PDF, plain text, Markdown or HTML file (recognised by its bytes) as the multipart field `file`. Processing happens in the background: follow the job.",
      requestBody: { required: true, content: { "multipart/form-data": { schema: { type: "object", required: ["file"], properties: { file: { type: "string", format: "binary" } } } } } },
      responses: {
        "202": json("Accepted (new bytes, or the same bytes whose job had failed or got stuck: it starts again).", UploadAccepted),
        "200": json("The same bytes were already uploaded: the existing ids, `duplicate: true`.", UploadAccepted),
        "403": problem("`quota_exceeded`: documents or storage of the account used up."),
        "413": problem("Too large."),
        "415": problem("Not a PDF, text, Markdown or HTML file."),
        "422": problem("Empty, or no `file` field."),
        "429": problem("`rate_limited`, or `daily_quota_exceeded` (pages processed today), with `Retry-After`."),
      },
    },
  },
  "/api/v2/jobs/{job_id}": { get: { tags: ["Documents"], summary: "An ingestion job's status and progress", parameters: [id("job_id", "job")], responses: { "200": json("The job.", Job), ...notFound } } },
  "/api/v2/jobs/{job_id}/retry": {
    post: { tags: ["Documents"], summary: "Start a failed or stuck job again", parameters: [id("job_id", "job")], responses: { "202": json("The job, queued again.", Job), "409": problem("The job is complete or still being worked on (`job_status`)."), ...notFound } },
  },
  "/api/v2/jobs/{job_id}/events": {
    get: {
      tags: ["Documents"],
      summary: "Follow a job's progress as Server-Sent Events",
      description: "`progress` whenever status or counts change, then one `complete` or `failed`, each with the body of GET /api/v2/jobs/{job_id}; the stream then ends. `gone` if the document is deleted meanwhile. A stream lasts at most 10 minutes: reconnect if it ends without a final event.",
      parameters: [id("job_id", "job")],
      responses: { "200": sse("The events.", JobEvents), ...notFound },
    },
  },
  "/api/v2/documents": { get: { tags: ["Documents"], summary: "The user's documents, newest first", responses: { "200": json("The documents.", DocumentList) } } },
  "/api/v2/documents/{id}": {
    get: { tags: ["Documents"], summary: "One document", parameters: [id("id", "document")], responses: { "200": json("The document.", Document), ...notFound } },
    delete: { tags: ["Documents"], summary: "Delete a document, its passages, jobs and file", parameters: [id("id", "document")], responses: { "204": noContent, ...notFound } },
  },
  "/api/v2/documents/{id}/file": {
    get: {
      tags: ["Documents"],
      summary: "The original file",
      description: "Streamed from storage. A PDF is sent inline as application/pdf; any other file (HTML included) as an application/octet-stream attachment. Never cached by shared caches.",
      parameters: [id("id", "document")],
      responses: { "200": { description: "The bytes.", content: { "application/pdf": { schema: { type: "string", format: "binary" } }, "application/octet-stream": { schema: { type: "string", format: "binary" } } } }, ...notFound },
    },
  },
  "/api/v2/search": { post: { tags: ["Questions"], summary: "Hybrid search over the user's passages", requestBody: body(SearchBody), responses: { "200": json("The passages found, best first.", SearchResponse), ...rateLimited } } },
  "/chat": {
    post: {
      tags: ["Questions"],
      summary: "Ask a question",
      description: "Server-Sent Events by default: `start`, `sources`, `delta`…, then `done` (or `error`). JSON instead with `Accept: application/json`. Pass `session_id` to continue a conversation and `document_ids` to answer from those documents only.",
      requestBody: body(ChatBody),
      responses: {
        "200": streamOrJson("The answer as it is written (events), or whole (JSON).", ChatEvents, ChatAnswer),
        "404": problem("Unknown session_id."),
        ...rateLimited,
      },
    },
  },
  "/chat/sessions": { get: { tags: ["Questions"], summary: "The user's conversations, most recent first", responses: { "200": json("The conversations.", SessionList) } } },
  "/chat/sessions/{id}": {
    get: { tags: ["Questions"], summary: "A conversation and its messages", parameters: [id("id", "conversation")], responses: { "200": json("The conversation with its messages.", SessionDetail), ...notFound } },
    patch: { tags: ["Questions"], summary: "Rename a conversation", parameters: [id("id", "conversation")], requestBody: body(RenameBody), responses: { "200": json("The renamed conversation.", SessionSummary), ...notFound } },
    delete: { tags: ["Questions"], summary: "Delete a conversation", parameters: [id("id", "conversation")], responses: { "204": noContent, ...notFound } },
  },
  "/chat/sessions/{id}/messages/{message_id}/feedback": {
    post: {
      tags: ["Questions"],
      summary: "Rate an answer",
      description: "A rating from 1 to 5 and an optional comment, kept with the answer (a new rating replaces the old) and counted in the service's metrics (the comment is not).",
      parameters: [id("id", "conversation"), id("message_id", "answer")],
      requestBody: body(FeedbackBody),
      responses: { "200": json("The answer with its feedback.", StoredMessage), ...notFound },
    },
  },
  "/agents/query": { post: { tags: ["Questions"], summary: "A stateless JSON answer", requestBody: body(AgentQueryBody), responses: { "200": json("The answer and its citations.", AgentAnswer), ...rateLimited } } },
  "/agents/status": { get: { tags: ["Service"], summary: "Providers, models, thresholds and health (never a secret)", responses: { "200": json("The status.", AgentStatus) } } },
  "/v1/chat/completions": {
    post: {
      tags: ["OpenAI-compatible"],
      summary: "OpenAI-compatible chat completions",
      description: "Point any OpenAI client at …/v1 with an API key (or an access token) as its API key. With `stream: true`, `data:` lines of chunks and then `[DONE]`. Errors use OpenAI's shape.",
      requestBody: body(ChatCompletionBody),
      responses: {
        "200": streamOrJson("A chat completion, or its chunks with `stream: true`.", { message: ChatCompletionChunk }, ChatCompletion),
        "400": openAiError("Not a valid request."),
        "401": openAiError("No valid access token."),
        "429": openAiError("Over the rate limit; `Retry-After` says how long to wait."),
      },
    },
  },
  "/v1/models": { get: { tags: ["OpenAI-compatible"], summary: "The one model", responses: { "200": json("An OpenAI model list.", ModelList), "401": openAiError("No valid access token.") } } },
  "/v1/models/{id}": { get: { tags: ["OpenAI-compatible"], summary: "The model, by id", parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }], responses: { "200": json("The model.", ModelList.shape.data.element), "404": openAiError("No such model.") } } },
  "/health": { get: { ...open, tags: ["Service"], summary: "Health of the service and its dependencies", responses: { "200": json("Everything answers.", Health), "503": json("`degraded`: the database or storage did not answer within 500 ms (`reason: timeout`) or failed (`unreachable`).", Health) } } },
};

// What every operation can answer besides its own: 422 for an invalid body, 401 without a token (/v1 has its own
// shape, listed above), and 503 when the database is unavailable.
for (const [path, operations] of Object.entries(paths)) {
  for (const operation of Object.values(operations)) {
    const common: Record<string, Json> = {};
    if (operation.requestBody?.content && "application/json" in (operation.requestBody.content as Json) && !path.startsWith("/v1/")) {
      common["422"] = problem("The body is not valid: `errors` lists each issue as `{path, message}`.");
    }
    if (!operation.security && !path.startsWith("/v1/")) common["401"] = problem("No valid access token.");
    if (path !== "/health" && !path.startsWith("/v1/")) common["503"] = problem("`database_unavailable`, with `Retry-After`.");
    operation.responses = { ...common, ...operation.responses };
  }
}

export function openApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: { title: "Insurance Navigator API", version: packageJson.version, description: packageJson.description },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "The access_token from register or login, or an API key (POST /api/v2/api-keys)." } },
      schemas: components,
    },
  };
}

export const documentedPaths = paths;
