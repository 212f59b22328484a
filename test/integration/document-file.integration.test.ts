import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, registerUser, sampleSbc, upload, waitForJob, type TestUser } from "../support/worker-api";

const sha256 = async (bytes: ArrayBuffer | Uint8Array) =>
  [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");

describe("GET /api/v2/documents/{id}/file", () => {
  let user: TestUser;
  let pdfId: string;
  /** Jobs to see finished before the file ends: a queue consumer still running at teardown fails the run. */
  const jobs: string[] = [];
  const uploadFile = async (bytes: Uint8Array, filename: string) => {
    const { body } = await upload(user, bytes, filename);
    jobs.push(body.job_id);
    return body;
  };

  beforeAll(async () => {
    user = await registerUser("file");
    pdfId = (await uploadFile(await sampleSbc(), "cms-sample-sbc.pdf")).document_id;
  });

  afterAll(async () => {
    for (const job of jobs) await waitForJob(user, job).catch(() => undefined);
  });

  it("streams a PDF's original bytes inline as application/pdf", async () => {
    const response = await api(`/api/v2/documents/${pdfId}/file`, { headers: user.auth });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="cms-sample-sbc.pdf"; filename*=UTF-8''cms-sample-sbc.pdf`);
    const bytes = await response.arrayBuffer();
    expect(await sha256(bytes)).toBe(await sha256(await sampleSbc()));
    expect(response.headers.get("content-length")).toBe(String(bytes.byteLength));
  });

  it("keeps the file out of shared caches and forbids sniffing another type", async () => {
    const response = await api(`/api/v2/documents/${pdfId}/file`, { headers: user.auth });
    await response.arrayBuffer();
    // The security middleware sets no-store on every authenticated response; that already keeps shared caches out.
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
  });

  it("serves an uploaded HTML page as an application/octet-stream attachment, never as text/html", async () => {
    const html = new TextEncoder().encode("<!doctype html><html><body><script>alert('x')</script><p>Deductible $750.</p></body></html>");
    const body = await uploadFile(html, "plan.html");
    const response = await api(`/api/v2/documents/${body.document_id}/file`, { headers: user.auth });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="plan\.html"/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(html);
  });

  it("names a file with accents and parentheses in both Content-Disposition forms", async () => {
    const body = await uploadFile(new TextEncoder().encode("Copago de especialista: $50."), "mi póliza (2024).txt");
    const response = await api(`/api/v2/documents/${body.document_id}/file`, { headers: user.auth });
    await response.arrayBuffer();
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="mi p_liza (2024).txt"; filename*=UTF-8''mi%20p%C3%B3liza%20%282024%29.txt`,
    );
  });

  it("answers 401 without an access token", async () => {
    const response = await api(`/api/v2/documents/${pdfId}/file`);
    expect(response.status).toBe(401);
  });

  it("answers another user's document with 404 and none of its bytes (security)", async () => {
    const other = await registerUser("file-other");
    const response = await api(`/api/v2/documents/${pdfId}/file`, { headers: other.auth });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers 404 once the document is deleted", async () => {
    const { body } = await upload(user, new TextEncoder().encode("Out-of-pocket limit: $2,500."), "limit.txt");
    await waitForJob(user, body.job_id);
    expect((await api(`/api/v2/documents/${body.document_id}`, { method: "DELETE", headers: user.auth })).status).toBe(204);
    expect((await api(`/api/v2/documents/${body.document_id}/file`, { headers: user.auth })).status).toBe(404);
  });
});
