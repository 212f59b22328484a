import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { api, registerUser, type TestUser } from "../support/worker-api";
import { asTestUser } from "../support/worker-db";

interface CreatedKey {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  key: string;
}

interface ListedKey {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

const json = { "content-type": "application/json" };

async function createKey(user: TestUser, name: string): Promise<CreatedKey> {
  const response = await api("/api/v2/api-keys", { method: "POST", headers: { ...user.auth, ...json }, body: JSON.stringify({ name }) });
  expect(response.status).toBe(201);
  return response.json<CreatedKey>();
}

const withKey = (key: string) => ({ authorization: `Bearer ${key}` });

async function listKeys(user: TestUser): Promise<ListedKey[]> {
  const response = await api("/api/v2/api-keys", { headers: user.auth });
  expect(response.status).toBe(200);
  return (await response.json<{ api_keys: ListedKey[] }>()).api_keys;
}

describe("POST /api/v2/api-keys creates a key shown once", () => {
  let user: TestUser;
  let created: CreatedKey;
  let response: Response;

  beforeAll(async () => {
    user = await registerUser("keys-create");
    response = await api("/api/v2/api-keys", { method: "POST", headers: { ...user.auth, ...json }, body: JSON.stringify({ name: " laptop script " }) });
    created = await response.clone().json<CreatedKey>();
  });

  it("answers 201 with id, name, prefix, created_at and the key", () => {
    expect(response.status).toBe(201);
    expect(created).toEqual({ id: expect.any(String), name: "laptop script", prefix: expect.any(String), created_at: expect.any(String), key: expect.any(String) });
  });

  it("makes a key of 256 random bits that starts with its prefix", () => {
    expect(created.key).toMatch(/^inav_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.key.length / 2);
  });

  it("is never cached", () => {
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("stores only a hash of the key", async () => {
    const rows = await asTestUser(user.id, async (tx) => {
      const result = await tx.execute<{ key_hash: string; prefix: string }>(sql`select key_hash, prefix from api_keys where id = ${created.id}`);
      return result.rows;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(created.key);
  });

  it("never shows the key again in the list", async () => {
    const listed = await listKeys(user);
    expect(listed).toEqual([{ id: created.id, name: "laptop script", prefix: created.prefix, created_at: created.created_at, last_used_at: null }]);
    expect(JSON.stringify(listed)).not.toContain(created.key);
  });

  it("refuses an empty name with 422 problem+json", async () => {
    const bad = await api("/api/v2/api-keys", { method: "POST", headers: { ...user.auth, ...json }, body: JSON.stringify({ name: "  " }) });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
  });

  it("refuses a name longer than 80 characters with 422", async () => {
    const bad = await api("/api/v2/api-keys", { method: "POST", headers: { ...user.auth, ...json }, body: JSON.stringify({ name: "k".repeat(81) }) });
    expect(bad.status).toBe(422);
  });

  it("answers 401 without credentials", async () => {
    expect((await api("/api/v2/api-keys")).status).toBe(401);
  });
});

describe("an API key is a Bearer credential on every API route", () => {
  let user: TestUser;
  let key: string;

  beforeAll(async () => {
    user = await registerUser("keys-use");
    key = (await createKey(user, "client")).key;
  });

  it("reads the member's documents", async () => {
    const response = await api("/api/v2/documents", { headers: withKey(key) });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ documents: [] });
  });

  it("answers /api/v2/auth/me as the key's owner", async () => {
    const response = await api("/api/v2/auth/me", { headers: withKey(key) });
    expect(response.status).toBe(200);
    expect((await response.json<{ user: { id: string; email: string } }>()).user).toMatchObject({ id: user.id, email: user.email });
  });

  it("works on /v1 (OpenAI-compatible clients)", async () => {
    const response = await api("/v1/models", { headers: withKey(key) });
    expect(response.status).toBe(200);
  });

  it("searches and chats", async () => {
    const search = await api("/api/v2/search", { method: "POST", headers: { ...withKey(key), ...json }, body: JSON.stringify({ query: "deductible" }) });
    expect(search.status).toBe(200);
    const chat = await api("/chat", {
      method: "POST",
      headers: { ...withKey(key), ...json, accept: "application/json" },
      body: JSON.stringify({ message: "What is my deductible?" }),
    });
    expect(chat.status).toBe(200);
  });

  it("records when the key was last used", async () => {
    const [listed] = await listKeys(user);
    expect(listed?.last_used_at).not.toBeNull();
  });

  it("is not a login session: logout with it answers 400 and the key keeps working", async () => {
    const response = await api("/api/v2/auth/logout", { method: "POST", headers: withKey(key) });
    expect(response.status).toBe(400);
    expect((await api("/api/v2/documents", { headers: withKey(key) })).status).toBe(200);
  });

  it("refuses a key that does not exist with 401 invalid_token", async () => {
    const response = await api("/api/v2/documents", { headers: withKey(`inav_${"A".repeat(43)}`) });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toContain("invalid_token");
  });
});

describe("DELETE /api/v2/api-keys/{id} revokes a key at once", () => {
  let user: TestUser;
  let created: CreatedKey;

  beforeAll(async () => {
    user = await registerUser("keys-revoke");
    created = await createKey(user, "to revoke");
    expect((await api("/api/v2/documents", { headers: withKey(created.key) })).status).toBe(200);
  });

  it("answers 204, and the very next request with the key is a 401", async () => {
    const response = await api(`/api/v2/api-keys/${created.id}`, { method: "DELETE", headers: user.auth });
    expect(response.status).toBe(204);
    expect((await api("/api/v2/documents", { headers: withKey(created.key) })).status).toBe(401);
  });

  it("no longer lists it", async () => {
    expect(await listKeys(user)).toEqual([]);
  });

  it("answers 404 the second time", async () => {
    expect((await api(`/api/v2/api-keys/${created.id}`, { method: "DELETE", headers: user.auth })).status).toBe(404);
  });

  it("answers 404 for an id that is not a UUID", async () => {
    expect((await api("/api/v2/api-keys/not-a-key", { method: "DELETE", headers: user.auth })).status).toBe(404);
  });
});

describe("an API key is its member's alone (security)", () => {
  let owner: TestUser;
  let other: TestUser;
  let ownersKey: CreatedKey;

  beforeAll(async () => {
    owner = await registerUser("keys-owner");
    other = await registerUser("keys-other");
    ownersKey = await createKey(owner, "owner's");
  });

  it("does not list another member's keys", async () => {
    expect(await listKeys(other)).toEqual([]);
  });

  it("answers 404 when another member deletes it, and the key keeps working", async () => {
    expect((await api(`/api/v2/api-keys/${ownersKey.id}`, { method: "DELETE", headers: other.auth })).status).toBe(404);
    expect((await api("/api/v2/documents", { headers: withKey(ownersKey.key) })).status).toBe(200);
  });

  it("acts as its owner, never as anyone else", async () => {
    const response = await api("/api/v2/auth/me", { headers: withKey(ownersKey.key) });
    expect((await response.json<{ user: { id: string } }>()).user.id).toBe(owner.id);
  });

  it("dies with its owner's account row (cascade)", async () => {
    const rows = await asTestUser(owner.id, async (tx) => (await tx.execute(sql`select 1 from api_keys where user_id = ${owner.id}`)).rows);
    expect(rows).toHaveLength(1);
  });
});
