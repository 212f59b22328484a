import { describe, expect, it } from "vitest";
import { EMBEDDING_DIMENSIONS } from "../../src/db/schema";
import { createOfflineEmbedder, lexicalEmbedding, lexicalTokens } from "../../src/providers/embeddings/offline";

const embedder = createOfflineEmbedder(EMBEDDING_DIMENSIONS);

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
const length = (v: number[]) => Math.sqrt(cosine(v, v));

async function similarity(a: string, b: string): Promise<number> {
  const [va = [], vb = []] = await embedder.embed([a, b]);
  return cosine(va, vb);
}

const DEDUCTIBLE_CHUNK =
  "What is the overall deductible? $500 / individual or $1,000 / family. Generally, you must pay all of the costs " +
  "from providers up to the deductible amount before this plan begins to pay.";
const REFERRAL_CHUNK = "Do you need a referral to see a specialist? Yes. This plan will pay some or all of the costs to see a specialist.";
const IMAGING_CHUNK = "Imaging (CT/PET scans, MRIs): $50 copay/test in network, 40% coinsurance out-of-network. Preauthorization is required.";
const DRUG_CHUNK = "Generic drugs (Tier 1): $10 copay/prescription for retail and mail order; covers up to a 30-day supply.";

describe("offline lexical embedder", () => {
  it("describes itself as the offline lexical model with the column's width", () => {
    expect({ name: embedder.name, model: embedder.model, dimensions: embedder.dimensions }).toEqual({
      name: "offline",
      model: "offline-lexical-v2",
      dimensions: 1536,
    });
  });

  it("returns one 1536-dimensional vector per text, in order", async () => {
    const vectors = await embedder.embed([DEDUCTIBLE_CHUNK, REFERRAL_CHUNK, IMAGING_CHUNK]);
    expect(vectors.map((v) => v.length)).toEqual([1536, 1536, 1536]);
    expect(vectors[1]).toEqual(lexicalEmbedding(REFERRAL_CHUNK, 1536));
  });

  it("returns unit-length vectors", async () => {
    const vectors = await embedder.embed([DEDUCTIBLE_CHUNK, "Deductible", "$500"]);
    for (const vector of vectors) expect(length(vector)).toBeCloseTo(1, 10);
  });

  it("gives the same text the same vector every time", async () => {
    const [first] = await embedder.embed([DRUG_CHUNK]);
    const [second] = await createOfflineEmbedder(EMBEDDING_DIMENSIONS).embed([DRUG_CHUNK]);
    expect(first).toEqual(second);
  });

  it("scores a question above 0.4 against the passage that answers it and below 0.15 against unrelated passages", async () => {
    const question = "What is the overall deductible?";
    const relevant = await similarity(question, DEDUCTIBLE_CHUNK);
    const unrelated = await Promise.all([REFERRAL_CHUNK, IMAGING_CHUNK, DRUG_CHUNK].map((chunk) => similarity(question, chunk)));
    expect(relevant).toBeGreaterThan(0.4);
    expect(Math.max(...unrelated)).toBeLessThan(0.15);
  });

  it("ranks the answering passage first for a question phrased differently from the passage", async () => {
    const question = "Are referrals needed for specialists?";
    const chunks = [DEDUCTIBLE_CHUNK, IMAGING_CHUNK, REFERRAL_CHUNK, DRUG_CHUNK];
    const scores = await Promise.all(chunks.map((chunk) => similarity(question, chunk)));
    expect(scores.indexOf(Math.max(...scores))).toBe(2);
  });

  it("ignores case and accents", async () => {
    const [plain, marked] = await embedder.embed(["deducible anual del plan", "DEDÚCIBLE Anual del Plan"]);
    expect(marked).toEqual(plain);
  });

  it("stems plurals and possessives so 'referrals' meets 'referral' and 'policies' meets 'policy'", () => {
    expect(lexicalTokens("Referrals, policies and the provider's copays")).toEqual(lexicalTokens("referral policy provider copay"));
    expect(lexicalTokens("Referrals, policies and the provider's copays")).toEqual(["referral", "polic", "provider", "copay"]);
  });

  it("keeps amounts comparable whether or not they carry a currency sign or separators", () => {
    expect(lexicalTokens("$1,000 family, 1000 family, 20% coinsurance")).toEqual(["1000", "famil", "1000", "famil", "20%", "coinsuranc"]);
  });

  it("maps text without content words to a unit vector unrelated to real text", async () => {
    const [empty, stopwords, chunk] = await embedder.embed(["", "what is the", DEDUCTIBLE_CHUNK]);
    expect(length(empty ?? [])).toBeCloseTo(1, 10);
    expect(stopwords).toEqual(empty);
    expect(Math.abs(cosine(empty ?? [], chunk ?? []))).toBeLessThan(0.05);
  });

  it("returns no vectors for no texts", async () => {
    await expect(embedder.embed([])).resolves.toEqual([]);
  });

  it("gives offline-lexical-v2's vectors bit for bit (stored documents stay comparable with new questions)", async () => {
    // The digest of these texts' vectors from the string-keyed implementation this one replaced (which allocated a
    // string per feature); a change to any float changes it.
    const texts = [
      "What is the overall deductible? $500 / individual or $1,000 / family.",
      "Do you need a referral to see a specialist? Yes. Copay copayment preauthorization authorization.",
      "¿Cuánto es mi deducible? El médico especialista cobra 20% de coaseguro.",
      "",
      "the of and",
    ];
    const bytes = new Float64Array(texts.flatMap((text) => lexicalEmbedding(text, 1536)));
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
    expect([...digest].map((b) => b.toString(16).padStart(2, "0")).join("")).toBe("66030c52b4682e1f00dbc9abb6a92dfdb0ae5d0e069311ee86b40b29794c6bf5");
  });

  it("gives the same vector for a text however many texts came before it (its reused tables start clean)", () => {
    const first = lexicalEmbedding(REFERRAL_CHUNK, 1536);
    for (let i = 0; i < 300; i++) lexicalEmbedding(`${DRUG_CHUNK} ${"word".repeat(i % 7)} ${i}`, 1536);
    lexicalEmbedding("a".repeat(20_000), 1536);
    expect(lexicalEmbedding(REFERRAL_CHUNK, 1536)).toEqual(first);
  });
});
