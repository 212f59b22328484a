import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { api, registerUser, upload, waitForJob, type TestUser } from "../support/worker-api";
import { withDatabase } from "../support/worker-db";

describe("another user's ids answer 404 (security)", () => {
  let alice: TestUser;
  let bob: TestUser;
  let alicesUpload: { job_id: string; document_id: string };

  beforeAll(async () => {
    alice = await registerUser("alice");
    bob = await registerUser("bob");
    const { body } = await upload(alice, new TextEncoder().encode("Alice's plan: deductible $1,234 per year."), "alice.txt");
    alicesUpload = body;
    await waitForJob(alice, body.job_id);
  });

  it("GET /api/v2/jobs/{id}", async () => {
    const response = await api(`/api/v2/jobs/${alicesUpload.job_id}`, { headers: bob.auth });
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("1,234");
  });

  it("GET /api/v2/documents/{id}", async () => {
    expect((await api(`/api/v2/documents/${alicesUpload.document_id}`, { headers: bob.auth })).status).toBe(404);
  });

  it("DELETE /api/v2/documents/{id} leaves the document in place", async () => {
    expect((await api(`/api/v2/documents/${alicesUpload.document_id}`, { method: "DELETE", headers: bob.auth })).status).toBe(404);
    expect((await api(`/api/v2/documents/${alicesUpload.document_id}`, { headers: alice.auth })).status).toBe(200);
  });

  it("GET /api/v2/documents lists only the caller's documents", async () => {
    const { documents } = await (await api("/api/v2/documents", { headers: bob.auth })).json<{ documents: unknown[] }>();
    expect(documents).toEqual([]);
  });

  it("uploading the same bytes as another user is not a duplicate", async () => {
    const { response, body } = await upload(bob, new TextEncoder().encode("Alice's plan: deductible $1,234 per year."), "copy.txt");
    expect(response.status).toBe(202);
    expect(body.duplicate).toBe(false);
    expect(body.document_id).not.toBe(alicesUpload.document_id);
  });

  it("a malformed id answers 404 like an unknown one", async () => {
    expect((await api("/api/v2/jobs/not-a-uuid", { headers: bob.auth })).status).toBe(404);
  });
});

describe("row-level security in the database", () => {
  it("hides every document, job and chunk from a query without app.user_id", async () => {
    const user = await registerUser("rls");
    const { body } = await upload(user, new TextEncoder().encode("Preventive care is covered at 100%."), "rls.txt");
    await waitForJob(user, body.job_id);
    const counts = await withDatabase(async (db) => {
      const result = await db.execute<{ documents: string; jobs: string; chunks: string; role: string }>(sql`
        select (select count(*) from documents)::text as documents,
               (select count(*) from upload_jobs)::text as jobs,
               (select count(*) from document_chunks)::text as chunks,
               current_user as role`);
      return result.rows[0];
    });
    expect(counts).toEqual({ documents: "0", jobs: "0", chunks: "0", role: "insurance_app" });
  });

  it("refuses to write a row for another user even inside that user's transaction", async () => {
    const user = await registerUser("rls-write");
    const other = await registerUser("rls-other");
    const attempt = withDatabase((db) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.user_id', ${user.id}, true)`);
        await tx.execute(sql`insert into documents (user_id, filename, content_type, size_bytes, sha256, r2_key)
                              values (${other.id}, 'x', 'text/plain', 1, 'abc', 'k')`);
      }),
    );
    const error = await attempt.then(() => undefined, (e: unknown) => e);
    // drizzle wraps the driver's error; the database's own words are on `cause`.
    expect(String((error as Error | undefined)?.cause)).toMatch(/row-level security/);
  });
});
