/** One-shot queries over Neon's SQL-over-HTTP protocol (src/db/one-shot.ts), against the stack's local endpoint. */
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDocumentWithJob } from "../../src/db/documents";
import { openOneShot } from "../../src/db/one-shot";
import type { AppEnv } from "../../src/env";
import { DatabaseUnavailableError } from "../../src/lib/service-errors";
import { registerUser } from "../support/worker-api";
import { asTestUser } from "../support/worker-db";

const oneShot = () => openOneShot(env as AppEnv);

async function seedDocument(userId: string): Promise<string> {
  const id = crypto.randomUUID();
  await asTestUser(userId, (tx) =>
    createDocumentWithJob(tx, { id, userId, filename: "one-shot.txt", contentType: "text/plain", sizeBytes: 1, sha256: crypto.randomUUID(), r2Key: `seeded/${id}` }),
  );
  return id;
}

describe("one-shot queries over HTTP", () => {
  it("see the member's own rows, with the row-level-security setting sent in the same request", async () => {
    const owner = await registerUser("one-shot-owner");
    const other = await registerUser("one-shot-other");
    const documentId = await seedDocument(owner.id);
    const mine = await oneShot().asUser<{ id: string }>(owner.id, sql`select id from documents where id = ${documentId}`);
    expect(mine).toEqual([{ id: documentId }]);
    const theirs = await oneShot().asUser<{ id: string }>(other.id, sql`select id from documents where id = ${documentId}`);
    expect(theirs).toEqual([]);
  });

  it("see nothing behind row-level security without the member's setting", async () => {
    const owner = await registerUser("one-shot-none");
    const documentId = await seedDocument(owner.id);
    expect(await oneShot().query(sql`select id from documents where id = ${documentId}`)).toEqual([]);
  });

  it("leave no setting behind for the next request", async () => {
    const owner = await registerUser("one-shot-after");
    await oneShot().asUser(owner.id, sql`select 1 as one`);
    const [row] = await oneShot().query<{ user_id: string }>(sql`select coalesce(current_setting('app.user_id', true), '') as user_id`);
    expect(row?.user_id).toBe("");
  });

  it("apply extra transaction-local settings with the user's", async () => {
    const owner = await registerUser("one-shot-settings");
    const [row] = await oneShot().asUser<{ ef: string }>(owner.id, sql`select current_setting('hnsw.ef_search') as ef`, { "hnsw.ef_search": "123" });
    expect(row?.ef).toBe("123");
  });

  it("report a wrong statement as the error it is, with its SQLSTATE, not as an outage", async () => {
    const error = await oneShot().query(sql`select * from no_such_table`).catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(DatabaseUnavailableError);
    expect(error).toMatchObject({ code: "42P01" });
  });

  it("report an endpoint that does not answer as the database being unavailable", async () => {
    // Port 9 (discard) on loopback has no listener. The endpoint is process-wide in the driver, so it is put back.
    const broken = openOneShot({ ...(env as AppEnv), DATABASE_HTTP_ENDPOINT: "http://127.0.0.1:9/sql" });
    try {
      await expect(broken.query(sql`select 1`)).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      openOneShot(env as AppEnv);
    }
  });
});
