import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("GET /health", () => {
  it("reports the database, storage, queue and providers as healthy", async () => {
    const response = await exports.default.fetch("http://example.com/health");
    expect(response.status).toBe(200);
    const body = await response.json<{ status: string; checks: Record<string, Record<string, unknown>> }>();
    expect(body.status).toBe("ok");
    expect(body.checks.database).toMatchObject({ ok: true });
    expect(body.checks.storage).toEqual({ ok: true });
    expect(body.checks.embeddings).toEqual({ provider: "offline" });
    expect(response.headers.get("x-request-id")).toMatch(/.+/);
  });

  it("answers unknown routes with a problem+json 404", async () => {
    const response = await exports.default.fetch("http://example.com/nope");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = await response.json<Record<string, unknown>>();
    expect(body).toMatchObject({ status: 404, code: "not_found" });
    expect(body.request_id).toBe(response.headers.get("x-request-id"));
  });
});
