/**
 * search_chunks (drizzle/0010_search_function.sql), the function that holds search's statement: row-level security still
 * binds it, and the database plans it once per connection, not once per search.
 */
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { openOneShot, type OneShotDatabase } from "../../src/db/one-shot";
import { EMBEDDING_DIMENSIONS } from "../../src/db/schema";
import type { AppEnv } from "../../src/env";
import { createOfflineEmbedder } from "../../src/providers/embeddings/offline";
import { searchChunks, type SearchOptions } from "../../src/retrieval/search";
import { registerUser, type TestUser } from "../support/worker-api";
import { seedDocument } from "../support/worker-seed";

const embedder = createOfflineEmbedder(EMBEDDING_DIMENSIONS);
const oneShot = () => openOneShot(env as AppEnv);

/** The one-shot database, with the member's setting for `memberId` whatever user the statement names. */
const settingFor = (memberId: string, more: Record<string, string> = {}): OneShotDatabase => {
  const db = oneShot();
  return { ...db, asUser: (_userId, statement, settings) => db.asUser(memberId, statement, { ...settings, ...more }) };
};

const search = (db: OneShotDatabase, options: Omit<SearchOptions, "k">) => searchChunks(db, embedder, { k: 5, ...options });

const PASSAGES = [
  "The overall deductible is $1,500 per person and $3,000 per family each plan year.",
  "A specialist visit costs a $50 copay after the deductible.",
  "Emergency room care costs 20% coinsurance; the copay is waived if you are admitted.",
  "Physical therapy is covered up to 20 visits a year with a $30 copay.",
  "Prior authorization is required for an MRI or a CT scan.",
  "Generic drugs cost $10 at a network pharmacy; brand drugs cost $40.",
];
const QUESTIONS = [
  "What is my deductible?",
  "How much is a specialist visit copay?",
  "What do I pay at the emergency room?",
  "Is prior authorization required for an MRI?",
  "How much do generic drugs cost?",
  "zzqx",
];

let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
beforeAll(async () => {
  alice = await registerUser("fn-alice");
  bob = await registerUser("fn-bob");
  carol = await registerUser("fn-carol");
  await seedDocument(alice.id, PASSAGES);
  // Each passage on its own page, so a result's page says which passage's row it was read from.
  await seedDocument(carol.id, PASSAGES, PASSAGES.map((_text, index) => index + 1));
  await seedDocument(bob.id, PASSAGES.map((text) => text.replace(/\$(\d)/g, "$$9$1")));
});

describe("search_chunks (security)", () => {
  it("runs as its caller (SECURITY INVOKER), so row-level security binds its statement", async () => {
    const rows = await oneShot().query<{ definer: boolean }>(sql`select prosecdef as definer from pg_proc where proname = 'search_chunks'`);
    expect(rows).toEqual([{ definer: false }]);
  });

  it("finds a member's own passages", async () => {
    const { results } = await search(settingFor(bob.id), { userId: bob.id, query: "specialist visit copay" });
    expect(results.length).toBeGreaterThan(0);
  });

  it("shows a member nothing of another member's passages, even asked with the other member's id", async () => {
    const { results } = await search(settingFor(alice.id), { userId: bob.id, query: "specialist visit copay" });
    expect(results).toEqual([]);
  });
});

describe("search_chunks' plan", () => {
  it("is planned once per connection: the generic plan is forced, so who asked first cannot make it plan every call", async () => {
    const rows = await oneShot().query<{ config: string[] | string | null }>(sql`select proconfig as config from pg_proc where proname = 'search_chunks'`);
    const config = rows[0]?.config;
    expect(Array.isArray(config) ? config : String(config)).toContain("plan_cache_mode=force_generic_plan");
  });

  it("gives the same passages in the same order on a connection's first call and on its later ones", async () => {
    for (const withNext of [false, true]) {
      const first = await Promise.all(QUESTIONS.map((query) => search(settingFor(alice.id), { userId: alice.id, query, withNext })));
      for (let round = 0; round < 2; round++) {
        for (const [i, query] of QUESTIONS.entries()) {
          expect((await search(settingFor(alice.id), { userId: alice.id, query, withNext })).results).toEqual(first[i]?.results);
        }
      }
    }
  });
});

describe("search_chunks' results", () => {
  it("reads each result's text and page from its own passage, and the next passage from the one after it", async () => {
    let checked = 0;
    for (const query of QUESTIONS) {
      const { results } = await search(settingFor(carol.id), { userId: carol.id, query, withNext: true });
      for (const result of results) {
        const index = PASSAGES.indexOf(result.text);
        expect(index).toBeGreaterThanOrEqual(0);
        expect(result.page).toBe(index + 1);
        const after = PASSAGES[index + 1];
        expect(result.next).toEqual(after === undefined ? null : expect.objectContaining({ text: after, page: index + 2 }));
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(QUESTIONS.length);
  });
});
