/**
 * What the Worker's own database role (insurance_app) can reach of accounts and sessions: no password hash except
 * through the login function, only its own user's row, and refresh tokens only as hashes.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { registerUser, type TestUser } from "../support/worker-api";
import { asTestUser, withDatabase } from "../support/worker-db";

let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  alice = await registerUser("db-alice");
  bob = await registerUser("db-bob");
});

async function failure(work: Promise<unknown>): Promise<string> {
  const error = await work.then(() => undefined, (e: unknown) => e);
  expect(error).toBeDefined();
  // drizzle wraps the driver's error; the database's own words are on `cause`.
  return String((error as Error).cause ?? error);
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("the users table (security)", () => {
  it("refuses the app role any read of the password columns, even of its own row", async () => {
    const message = await failure(asTestUser(alice.id, (tx) => tx.execute(sql`select password_hash from users where id = ${alice.id}`)));
    expect(message).toMatch(/permission denied/);
  });

  it("shows no user at all to a query without app.user_id", async () => {
    const rows = await withDatabase(async (db) => (await db.execute<{ n: string }>(sql`select count(*)::text as n from users`)).rows);
    expect(rows).toEqual([{ n: "0" }]);
  });

  it("shows a user only its own row", async () => {
    const rows = await asTestUser(alice.id, async (tx) => (await tx.execute<{ id: string }>(sql`select id from users`)).rows);
    expect(rows).toEqual([{ id: alice.id }]);
  });

  it("refuses to insert a user row other than the current user's", async () => {
    const message = await failure(
      asTestUser(alice.id, (tx) =>
        tx.execute(sql`insert into users (id, email, password_hash, password_salt, password_iterations)
                       values (${crypto.randomUUID()}, ${`${crypto.randomUUID()}@example.com`}, 'x', 'y', 1)`),
      ),
    );
    expect(message).toMatch(/row-level security/);
  });

  it("refuses the app role any update or delete of users", async () => {
    expect(await failure(asTestUser(alice.id, (tx) => tx.execute(sql`update users set email = 'x@example.com' where id = ${alice.id}`)))).toMatch(
      /permission denied/,
    );
    expect(await failure(asTestUser(bob.id, (tx) => tx.execute(sql`delete from users where id = ${bob.id}`)))).toMatch(/permission denied/);
  });

  it("gives the login function exactly one account's credentials, by exact email", async () => {
    const found = await withDatabase(async (db) => (await db.execute(sql`select * from auth_login_lookup(${alice.email})`)).rows);
    expect(found).toEqual([
      { user_id: alice.id, password_hash: expect.any(String), password_salt: expect.any(String), password_iterations: 100_000 },
    ]);
    const none = await withDatabase(async (db) => (await db.execute(sql`select * from auth_login_lookup(${"%"})`)).rows);
    expect(none).toEqual([]);
  });
});

describe("sessions and refresh tokens (security)", () => {
  it("are hidden from a query without app.user_id", async () => {
    const rows = await withDatabase(
      async (db) =>
        (
          await db.execute<{ sessions: string; tokens: string }>(
            sql`select (select count(*) from auth_sessions)::text as sessions, (select count(*) from refresh_tokens)::text as tokens`,
          )
        ).rows,
    );
    expect(rows).toEqual([{ sessions: "0", tokens: "0" }]);
  });

  it("store a refresh token only as its SHA-256", async () => {
    const hashes = await asTestUser(alice.id, async (tx) =>
      (await tx.execute<{ token_hash: string }>(sql`select token_hash from refresh_tokens`)).rows.map((r) => r.token_hash),
    );
    expect(hashes).toContain(await sha256Hex(alice.refreshToken));
    expect(hashes).not.toContain(alice.refreshToken);
  });

  it("show a user none of another user's sessions", async () => {
    const rows = await asTestUser(bob.id, async (tx) => (await tx.execute<{ user_id: string }>(sql`select user_id from auth_sessions`)).rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.user_id === bob.id)).toBe(true);
  });
});
