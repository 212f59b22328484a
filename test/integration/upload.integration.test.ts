import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { api, registerUser, sampleSbc, upload, uploadRequest, waitForJob, type TestUser } from "../support/worker-api";
import { asTestUser } from "../support/worker-db";

describe("upload → queue → searchable chunks (happy path)", () => {
  let user: TestUser;
  let uploaded: { job_id: string; document_id: string };

  beforeAll(async () => {
    user = await registerUser("sbc");
    const { response, body } = await upload(user, await sampleSbc(), "cms-sample-sbc.pdf");
    expect(response.status).toBe(202);
    uploaded = body;
  });

  it("answers 202 with the job and document ids, queued and not a duplicate", async () => {
    const { response, body } = await upload(await registerUser("shape"), await sampleSbc(), "sbc.pdf");
    expect(response.status).toBe(202);
    expect(body).toEqual({ job_id: expect.any(String), document_id: expect.any(String), status: "queued", duplicate: false });
  });

  it("completes the job with 5 pages parsed and every chunk embedded", async () => {
    const job = await waitForJob(user, uploaded.job_id);
    expect(job.status).toBe("complete");
    expect(job.error).toBeNull();
    expect(job.progress.pages_total).toBe(5);
    expect(job.progress.pages_parsed).toBe(5);
    expect(job.progress.chunks_total).toBeGreaterThan(5);
    expect(job.progress.chunks_embedded).toBe(job.progress.chunks_total);
    expect(job.timings_ms).toMatchObject({ parse_ms: expect.any(Number), embed_ms: expect.any(Number), store_ms: expect.any(Number) });
  });

  it("stores chunks on each of pages 1 to 5, with 1536-d embeddings, and the deductible on page 1", async () => {
    await waitForJob(user, uploaded.job_id);
    const rows = await asTestUser(user.id, (tx) =>
      tx.execute<{ page_start: number; content: string; dims: number }>(
        sql`select page_start, content, vector_dims(embedding) as dims from document_chunks where document_id = ${uploaded.document_id} order by chunk_index`,
      ),
    );
    const pages = new Set(rows.rows.map((r) => Number(r.page_start)));
    expect([...pages].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(rows.rows.every((r) => Number(r.dims) === 1536)).toBe(true);
    const withDeductible = rows.rows.filter((r) => r.content.includes("$500"));
    expect(withDeductible.map((r) => Number(r.page_start))).toContain(1);
  });

  it("lists the document as ready with its pages, chunks, size and sha256", async () => {
    await waitForJob(user, uploaded.job_id);
    const response = await api("/api/v2/documents", { headers: user.auth });
    expect(response.status).toBe(200);
    const { documents } = await response.json<{ documents: Array<Record<string, unknown>> }>();
    const bytes = await sampleSbc();
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      id: uploaded.document_id,
      filename: "cms-sample-sbc.pdf",
      content_type: "application/pdf",
      size_bytes: bytes.byteLength,
      sha256: "863bf56fdf99f7f9493d6c9a8a988685348f5f2200b8655bcc92484a111f079c",
      status: "ready",
      pages: 5,
    });
    const one = await api(`/api/v2/documents/${uploaded.document_id}`, { headers: user.auth });
    expect(await one.json()).toEqual(documents[0]);
  });

  it("answers the same bytes again with 200, the same ids and duplicate:true, without parsing again", async () => {
    const before = await waitForJob(user, uploaded.job_id);
    const { response, body } = await upload(user, await sampleSbc(), "renamed.pdf");
    expect(response.status).toBe(200);
    expect(body).toEqual({ job_id: uploaded.job_id, document_id: uploaded.document_id, status: "complete", duplicate: true });
    const after = await waitForJob(user, uploaded.job_id);
    expect(after.attempts).toBe(before.attempts);
    const list = await (await api("/api/v2/documents", { headers: user.auth })).json<{ documents: unknown[] }>();
    expect(list.documents).toHaveLength(1);
  });

  it("stores the object in R2 under a key scoped to the user", async () => {
    const listed = await env.DOCUMENTS.list({ prefix: `users/${user.id}/` });
    expect(listed.objects.map((o) => o.key)).toContain(`users/${user.id}/documents/${uploaded.document_id}`);
  });
});

describe("upload of text, Markdown and HTML", () => {
  it.each([
    ["notes.txt", "Your plan covers preventive care at no cost. The specialist copay is $40 per visit."],
    ["plan.md", "# Plan summary\n\n- Deductible: $750 per person\n- Specialist visit: $45 copay\n"],
    ["plan.html", "<!doctype html><html><body><h1>Benefits</h1><p>Emergency room care costs $250 per visit.</p></body></html>"],
  ])("ingests %s to completion", async (filename, text) => {
    const user = await registerUser("formats");
    const { response, body } = await upload(user, new TextEncoder().encode(text), filename);
    expect(response.status).toBe(202);
    const job = await waitForJob(user, body.job_id);
    expect(job.status).toBe("complete");
    expect(job.progress.pages_total).toBe(1);
  });

  it("recognises the type by content, not by the client's file name or content type", async () => {
    const user = await registerUser("sniff");
    const response = await api(
      "/api/v2/upload",
      uploadRequest(user, new TextEncoder().encode("<html><body><p>Copay $20.</p></body></html>"), "scan.pdf", "application/pdf"),
    );
    expect(response.status).toBe(202);
    const { document_id } = await response.json<{ document_id: string }>();
    const doc = await (await api(`/api/v2/documents/${document_id}`, { headers: user.auth })).json<{ content_type: string }>();
    expect(doc.content_type).toBe("text/html");
  });
});

describe("upload errors", () => {
  it("answers 415 for random bytes named .pdf", async () => {
    const user = await registerUser("random");
    const bytes = crypto.getRandomValues(new Uint8Array(4096));
    const response = await api("/api/v2/upload", uploadRequest(user, bytes, "policy.pdf", "application/pdf"));
    expect(response.status).toBe(415);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ code: "unsupported_media_type", status: 415 });
  });

  it("answers 422 for an empty file", async () => {
    const user = await registerUser("empty");
    const response = await api("/api/v2/upload", uploadRequest(user, new Uint8Array(0), "empty.pdf"));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "empty_file" });
  });

  it("answers 413 for a file over the 25 MB default limit", async () => {
    const user = await registerUser("big");
    const bytes = new Uint8Array(25 * 1024 * 1024 + 1).fill(0x61);
    const response = await api("/api/v2/upload", uploadRequest(user, bytes, "big.txt"));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large", max_bytes: 25 * 1024 * 1024 });
  });

  it("answers 422 when the multipart body has no 'file' field", async () => {
    const user = await registerUser("nofile");
    const form = new FormData();
    form.append("document", "not a file");
    const response = await api("/api/v2/upload", { method: "POST", headers: user.auth, body: form });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "validation_failed" });
  });

  it("answers 401 without a token", async () => {
    const response = await api("/api/v2/upload", { method: "POST", body: new FormData() });
    expect(response.status).toBe(401);
  });

  it("marks the job failed with pdf_corrupt for a truncated PDF, with a message a person can act on", async () => {
    const user = await registerUser("corrupt");
    const truncated = (await sampleSbc()).slice(0, 2048);
    const { response, body } = await upload(user, truncated, "truncated.pdf");
    expect(response.status).toBe(202);
    const job = await waitForJob(user, body.job_id);
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("pdf_corrupt");
    expect(job.error?.message).toMatch(/PDF/);
    const doc = await (await api(`/api/v2/documents/${body.document_id}`, { headers: user.auth })).json<{ status: string }>();
    expect(doc.status).toBe("failed");
  });
});

describe("DELETE /api/v2/documents/{id}", () => {
  it("removes the document, its chunks and its R2 object", async () => {
    const user = await registerUser("delete");
    const { body } = await upload(user, new TextEncoder().encode("The out-of-pocket limit is $2,500 per person."), "limit.txt");
    await waitForJob(user, body.job_id);
    const response = await api(`/api/v2/documents/${body.document_id}`, { method: "DELETE", headers: user.auth });
    expect(response.status).toBe(204);
    expect((await api(`/api/v2/documents/${body.document_id}`, { headers: user.auth })).status).toBe(404);
    expect((await api(`/api/v2/jobs/${body.job_id}`, { headers: user.auth })).status).toBe(404);
    expect(await env.DOCUMENTS.head(`users/${user.id}/documents/${body.document_id}`)).toBeNull();
    const chunks = await asTestUser(user.id, (tx) =>
      tx.execute<{ n: string }>(sql`select count(*)::text as n from document_chunks where document_id = ${body.document_id}`),
    );
    expect(chunks.rows[0]?.n).toBe("0");
  });

  it("lets the same bytes be uploaded again afterwards as a new document", async () => {
    const user = await registerUser("reupload");
    const bytes = new TextEncoder().encode("Coinsurance is 20% after the deductible.");
    const first = await upload(user, bytes, "a.txt");
    await waitForJob(user, first.body.job_id);
    await api(`/api/v2/documents/${first.body.document_id}`, { method: "DELETE", headers: user.auth });
    const second = await upload(user, bytes, "a.txt");
    expect(second.response.status).toBe(202);
    expect(second.body.document_id).not.toBe(first.body.document_id);
  });
});
