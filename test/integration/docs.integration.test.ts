import { describe, expect, it } from "vitest";
import { api } from "../support/worker-api";

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>>;
}

describe("API documentation", () => {
  it("serves /openapi.json as an OpenAPI 3.1 document without a token", async () => {
    const response = await api("/openapi.json");
    expect(response.status).toBe(200);
    const document = await response.json<OpenApi>();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/chat", "/api/v2/upload", "/api/v2/jobs/{job_id}/events", "/api/v2/documents/{id}/file", "/chat/sessions/{id}"]),
    );
  });

  it("documents request bodies from the routes' own schemas", async () => {
    const document = await (await api("/openapi.json")).json<OpenApi>();
    const chat = document.paths["/chat"]?.post?.requestBody?.content["application/json"]?.schema;
    expect(Object.keys(chat?.properties ?? {})).toEqual(["message", "session_id", "document_ids"]);
    const rename = document.paths["/chat/sessions/{id}"]?.patch?.requestBody?.content["application/json"]?.schema;
    expect(rename?.properties).toHaveProperty("title");
  });

  it("serves /docs as HTML for people, under a policy that allows no script", async () => {
    const response = await api("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain("<code>/api/v2/jobs/{job_id}/events</code>");
    expect(page).not.toContain("<script");
  });
});
