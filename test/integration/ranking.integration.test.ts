import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../src/config";
import { createEmbeddingProvider } from "../../src/providers/embeddings";
import { searchChunks } from "../../src/retrieval/search";
import { api, registerUser, type TestUser } from "../support/worker-api";
import { openOneShot, type OneShotDatabase } from "../../src/db/one-shot";
import { seedDocument } from "../support/worker-seed";

/** Search runs over the one-shot (HTTP) database, as the search route does. */
const withDatabase = <T>(fn: (db: OneShotDatabase) => Promise<T>): Promise<T> => fn(openOneShot(env));

interface Result {
  chunk_id: string;
  text: string;
}

const search = async (user: TestUser, query: string, documentIds?: string[]) => {
  const response = await api("/api/v2/search", {
    method: "POST",
    headers: { ...user.auth, "content-type": "application/json" },
    body: JSON.stringify({ query, k: 5, document_ids: documentIds }),
  });
  expect(response.status).toBe(200);
  return (await response.json<{ results: Result[] }>()).results;
};

/** A plan document's boilerplate: many of a question's common words, none of its topic. */
const BOILERPLATE =
  "Disclosure of Summary Health Information to the Plan Sponsor. The plan may disclose summary health information " +
  "to the plan sponsor. The plan sponsor may use summary health information to obtain premium bids for health " +
  "coverage under the plan, or to modify, amend or end the plan. Health plan coverage information is available from the plan.";

const PLAN = [
  BOILERPLATE,
  "Acupuncture | $20 copay per visit | Limited to 12 visits per year.",
  "What is the out-of-pocket limit for this plan? $2,500 individual / $5,000 family for network providers.",
  "What is the overall deductible? $500 individual / $1,000 family.",
  "Specialist visit | $50 copay per visit | 40% coinsurance out-of-network.",
  "Emergency room care | $250 copay per visit | $250 copay per visit.",
  "Dependent children are covered until age 26, whether or not they live with you or are a student.",
  "Generic drugs (Tier 1) | $10 copay per prescription (retail).",
  "Your plan covers preventive health services at no cost when you use network providers.",
  "Call the plan for information about your health coverage and your plan ID card.",
];

describe("ranking: rare terms, the insurance vocabulary and Spanish questions", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await registerUser("ranking");
    await seedDocument(user.id, PLAN);
  });

  it("ranks the passage with a question's rare term above a boilerplate passage full of its common words", async () => {
    const results = await search(user, "Does my health plan cover acupuncture for back pain?");
    expect(results[0]?.text).toMatch(/^Acupuncture/);
    const boilerplate = results.findIndex((result) => result.text === BOILERPLATE);
    expect(boilerplate === -1 || boilerplate > 0).toBe(true);
  });

  it("finds the out-of-pocket limit for 'OOP max', which the passage never says", async () => {
    const results = await search(user, "What's my OOP max?");
    expect(results[0]?.text).toMatch(/out-of-pocket limit/);
  });

  it("finds the emergency room row for 'ER'", async () => {
    const results = await search(user, "How much is the ER?");
    expect(results[0]?.text).toMatch(/^Emergency room care/);
  });

  it("finds the English dependent-age passage for the Spanish question about a child's age", async () => {
    const results = await search(user, "¿Hasta qué edad puede mi hijo seguir cubierto por el plan?");
    expect(results[0]?.text).toMatch(/^Dependent children are covered until age 26/);
  });

  it("finds the English emergency room row for 'sala de emergencias'", async () => {
    const results = await search(user, "¿Cuánto pago en la sala de emergencias?");
    expect(results[0]?.text).toMatch(/^Emergency room care/);
  });

  it("ranks a passage with more of the question's terms above passages with one of them", async () => {
    const other = await registerUser("ranking-coverage");
    await seedDocument(other.id, [
      "Acupuncture | $20 copay per visit.",
      "A referral is required before you see a specialist.",
      "Acupuncture needs a referral from your primary care provider.",
      "Chiropractic care | $30 copay per visit.",
    ]);
    const embedder = createEmbeddingProvider(env, readConfig(env));
    const { results } = await withDatabase((db) =>
      searchChunks(db, embedder, { userId: other.id, query: "acupuncture referral", k: 5, similarityThreshold: 1.01 }),
    );
    expect(results[0]?.text).toBe("Acupuncture needs a referral from your primary care provider.");
  });

  it("weighs the keyword leg's terms by their frequency within the searched documents only", async () => {
    const other = await registerUser("ranking-scope");
    // In the searched document "acupuncture" is common and "massage" rare; across both documents, the opposite.
    const searched = await seedDocument(other.id, [
      "Acupuncture is covered. Acupuncture visits need no referral. Acupuncture providers must be licensed.",
      "Acupuncture | $30 copay per visit.",
      "Acupuncture for chronic pain is covered.",
      "Massage therapy | not covered.",
    ]);
    await seedDocument(other.id, [
      "Massage therapy is excluded.",
      "Massage providers are not in the network.",
      "Massage therapy visits are limited.",
      "Massage is not a covered benefit.",
      "Massage | not covered.",
      "Dental x-rays are limited to one set per year.",
    ]);
    const embedder = createEmbeddingProvider(env, readConfig(env));
    // An unreachable similarity threshold leaves the keyword leg alone.
    const { results } = await withDatabase((db) =>
      searchChunks(db, embedder, { userId: other.id, query: "acupuncture massage", k: 5, documentIds: [searched], similarityThreshold: 1.01 }),
    );
    expect(results[0]?.text).toBe("Massage therapy | not covered.");
  });

  it("finds a word with a footnote mark set after it ('Outpatient X-rays2') by the keyword leg alone", async () => {
    const other = await registerUser("ranking-footnote");
    await seedDocument(other.id, [
      "Outpatient X-rays2 | $15 copay | $40 copay",
      "Emergency care | $100 copay per visit.",
      "Specialists2 | $40 copay per visit.",
      "Tier 1 drugs | $0 copay.",
    ]);
    const embedder = createEmbeddingProvider(env, readConfig(env));
    const keywords = (query: string) =>
      withDatabase((db) => searchChunks(db, embedder, { userId: other.id, query, k: 5, similarityThreshold: 1.01 }));
    expect((await keywords("¿Cuánto pago por una radiografía?")).results[0]?.text).toMatch(/^Outpatient X-rays2/);
    expect((await keywords("specialists")).results[0]?.text).toMatch(/^Specialists2/);
  });

  it("finds passages by the topic of the situation told when the question's own words are in none of them", async () => {
    const other = await registerUser("ranking-situation");
    await seedDocument(other.id, [
      "If you have a grievance against the plan, you can also contact the Department of Managed Health Care at 1-800-HMO-2219.",
      "Emergency care | $100 copay per visit.",
    ]);
    const embedder = createEmbeddingProvider(env, readConfig(env));
    const { results } = await withDatabase((db) =>
      searchChunks(db, embedder, { userId: other.id, query: "Tengo una queja contra el plan. ¿A qué departamento del estado puedo llamar?", k: 5, similarityThreshold: 1.01 }),
    );
    expect(results[0]?.text).toContain("1-800-HMO-2219");
  });

  it("returns the passage after each result with withNext, in the same request, and null at the document's end", async () => {
    const other = await registerUser("ranking-next");
    await seedDocument(
      other.id,
      [
        "Step 1: Decide if you need a standard appeal or a fast appeal of the coverage decision.",
        "Step 2: Ask our plan for an appeal. You must make your appeal request within 65 calendar days.",
        "Emergency care | $100 copay per visit.",
      ],
      [197, 198, 3],
    );
    const embedder = createEmbeddingProvider(env, readConfig(env));
    const run = (withNext: boolean) =>
      withDatabase((db) => searchChunks(db, embedder, { userId: other.id, query: "Do I need a fast appeal?", k: 1, similarityThreshold: 1.01, withNext }));
    const [first] = (await run(true)).results;
    expect(first?.text).toMatch(/^Step 1/);
    expect(first?.next).toMatchObject({ page: 198, text: expect.stringContaining("65 calendar days") });
    expect((await run(false)).results[0]).not.toHaveProperty("next");
    const { results } = await withDatabase((db) =>
      searchChunks(db, embedder, { userId: other.id, query: "emergency care copay", k: 1, similarityThreshold: 1.01, withNext: true }),
    );
    expect(results[0]?.next).toBeNull();
  });
});

describe("pathological queries", () => {
  it("answers 422 for a one-megabyte query before doing any work", async () => {
    const user = await registerUser("ranking-huge");
    const response = await api("/api/v2/search", {
      method: "POST",
      headers: { ...user.auth, "content-type": "application/json" },
      body: JSON.stringify({ query: "[".repeat(1 << 20) }),
    });
    expect(response.status).toBe(422);
  });

  it("searches a megabyte of brackets, dots or repeated words quickly when called directly", async () => {
    const user = await registerUser("ranking-junk");
    await seedDocument(user.id, PLAN);
    const embedder = createEmbeddingProvider(env, readConfig(env));
    for (const query of ["[".repeat(1 << 20), ".".repeat(1 << 20), "plan acupuncture ".repeat(60_000)]) {
      const started = performance.now();
      const { results } = await withDatabase((db) => searchChunks(db, embedder, { userId: user.id, query, k: 5 }));
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(results.length).toBeLessThanOrEqual(5);
    }
  });
});

describe("ranking: a question whose topic words no passage has", () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await registerUser("ranking-fallback");
    await seedDocument(user.id, [
      "Your Rights to Continue Coverage: if you lose this coverage, you may have other options. Contact the Department of Labor's Employee Benefits Security Administration at 1-866-444-3272.",
      "Specialist visit | $50 copay per visit | 40% coinsurance out-of-network.",
      "Emergency room care | $250 copay per visit | $250 copay per visit.",
    ]);
  });

  it("finds a passage for each part of a question that asks about two subjects", async () => {
    const other = await registerUser("ranking-parts");
    await seedDocument(other.id, [
      "X-rays | $40 copay per set of x-rays at a network facility. You pay for x-rays after the deductible.",
      "Diagnostic x-rays and outpatient x-rays: you pay the x-ray copay for each set of x-rays you get.",
      "X-rays at a hospital: you pay a $60 copay for x-rays taken at a hospital.",
      "Copies of your x-rays and x-ray reports are kept by the facility that took the x-rays.",
      "If you need immediate medical attention, go to the nearest facility. Ambulance services are covered when medically necessary. Emergency room care | $250 copay per visit. Follow-up visits with your primary care provider are covered as office visits. Keep your plan ID card with you when you travel.",
      "Urgent care | $50 copay per visit.",
    ]);
    const embedder = createEmbeddingProvider(env, readConfig(env));
    const question = "My son broke his arm. How much do we pay for the x-rays, and how much for the emergency room?";
    const { results } = await withDatabase((db) => searchChunks(db, embedder, { userId: other.id, query: question, k: 2 }));
    expect(results.some((result) => result.text.includes("Emergency room care"))).toBe(true);
    expect(results.some((result) => /x-rays/i.test(result.text))).toBe(true);
  });

  it("is searched by its other words instead of finding nothing", async () => {
    const results = await search(user, "Which government agencies can I call about my rights to keep this coverage?");
    expect(results[0]?.text).toMatch(/^Your Rights to Continue Coverage/);
  });
});
