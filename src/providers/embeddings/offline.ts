// With ".ts": the Node-side OpenAI stand-in (tsconfig.node.json, nodenext resolution) imports this file too.
import { stem } from "../../text/stem.ts";
import { GENERIC_STEMS, STOP_WORDS } from "../../text/stop-words.ts";
import { tokenize } from "../../text/tokenize.ts";
import type { EmbeddingProvider } from "./types.ts";

/**
 * Words every insurance document repeats say little about which passage answers a question. A stateless embedder
 * cannot compute inverse document frequency, so the shared list of generic stems (src/text) stands in for it: they
 * (and their character pieces) count at this weight, and a phrase keeps full weight when its other word is specific
 * ("primary care", "network provider"). Measured on the CMS sample SBC: 0.3 lifted the answering passage by
 * 0.03–0.07 for most questions.
 */
const GENERIC_WEIGHT = 0.3;

/** The unit the other feature weights are measured against. */
const WORD_WEIGHT = 1;
/** A shared phrase ("overall deductible") is stronger evidence than the two words apart, but not twice as strong. */
const BIGRAM_WEIGHT = 0.6;
/**
 * Enough for "copay"/"copayment" or "preauthorization"/"authorization" to meet, little enough that shared suffixes
 * ("-tion") stay noise.
 */
const CHAR_GRAM_WEIGHT = 0.12;
/** 3- to 5-character pieces: shorter ones match everything, longer ones add little beyond the whole word. */
const CHAR_GRAM_SIZES = [3, 4, 5] as const;
/** Words shorter than this have no useful pieces (and most of them are stopwords or numbers). */
const MIN_CHAR_GRAM_WORD = 5;

/**
 * Content words in order, stemmed (src/text: case, accents, plurals and "-ed"/"-ing" folded, English and Spanish stop
 * words dropped). Numbers keep their value without currency signs or thousands separators ("$1,000" → "1000"), so a
 * question about "$500" meets a chunk saying "500"; percentages keep their "%" because "20%" and "$20" differ.
 */
export function lexicalTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const token of tokenize(text)) {
    if (/^\d/.test(token)) tokens.push(token);
    else if (token.length > 1 && !STOP_WORDS.has(token)) tokens.push(stem(token));
  }
  return tokens;
}

/**
 * Every feature is written into this many buckets at 1/√n of its weight each: a chance collision between two different
 * words then adds 1/n of a full match instead of all of it. With one bucket, "weather" landed on "specialist" in a
 * measured case and scored 0.18 against an unrelated passage.
 */
const BUCKETS_PER_FEATURE = 2;

/** FNV-1a over UTF-16 code units, seeded per bucket copy; a murmur3 finaliser then mixes the bucket and sign bits. */
function hash(feature: string, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function countFeatures(tokens: string[]): Map<string, { count: number; weight: number }> {
  const features = new Map<string, { count: number; weight: number }>();
  const add = (key: string, weight: number) => {
    const entry = features.get(key);
    if (entry) entry.count += 1;
    else features.set(key, { count: 1, weight });
  };
  const specificity = (token: string) => (GENERIC_STEMS.has(token) ? GENERIC_WEIGHT : 1);
  tokens.forEach((token, i) => {
    const own = specificity(token);
    add(`w:${token}`, WORD_WEIGHT * own);
    const next = tokens[i + 1];
    if (next !== undefined) add(`b:${token} ${next}`, BIGRAM_WEIGHT * Math.max(own, specificity(next)));
    if (token.length >= MIN_CHAR_GRAM_WORD && !/\d/.test(token)) {
      const padded = `<${token}>`;
      for (const size of CHAR_GRAM_SIZES) {
        for (let start = 0; start + size <= padded.length; start++) {
          add(`c:${padded.slice(start, start + size)}`, CHAR_GRAM_WEIGHT * own);
        }
      }
    }
  });
  return features;
}

/**
 * Hashes `text` into a unit vector of `dimensions` floats: words, neighbouring word pairs and character 3–5-grams, each
 * weighted by 1 + ln(count) (a word said five times is not five times the evidence), placed by signed feature hashing
 * (collisions cancel on average instead of piling up) and L2-normalised. Text with no content words maps to one fixed
 * "empty" feature, so the result is still unit length and unrelated to everything else.
 */
export function lexicalEmbedding(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const tokens = lexicalTokens(text);
  const features = tokens.length > 0 ? countFeatures(tokens) : new Map([["e:empty", { count: 1, weight: 1 }]]);
  const copyScale = 1 / Math.sqrt(BUCKETS_PER_FEATURE);
  for (const [key, { count, weight }] of features) {
    const value = weight * (1 + Math.log(count)) * copyScale;
    for (let copy = 0; copy < BUCKETS_PER_FEATURE; copy++) {
      const h = hash(key, copy);
      const bucket = h % dimensions;
      vector[bucket] = (vector[bucket] ?? 0) + (h & 0x80000000 ? -value : value);
    }
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  return vector.map((value) => value / norm);
}

/**
 * The embedder used when no OpenAI key is configured. It is a LEXICAL model, not a semantic one: two texts are similar
 * when they share words (after case, accent and plural folding), phrases and word pieces. It does not know that
 * "physician" and "doctor" mean the same thing, and it cannot read across languages. It needs no network, costs
 * nothing and is deterministic, so the same text always gets the same vector and tests can assert on rankings.
 *
 * Measured cosine similarities (1536 dimensions):
 * - Short passages (test/unit/offline-embedder.unit.test.ts): "What is the overall deductible?" scores 0.54 against
 *   the passage stating the deductible and -0.01 to 0.00 against passages on referrals, imaging and drugs;
 *   "Are referrals needed for specialists?" scores 0.58 against the referral passage.
 * - The CMS sample SBC (../shared/fixtures/cms-sample-sbc.pdf) in 70-word passages: the answering passage scores 0.42
 *   (overall deductible), 0.62 (out-of-pocket limit), 0.58 (referral) and 0.40 (prescription deductible), but only
 *   0.27-0.29 for answers inside dense table rows (specialist visit, emergency room) and 0.12 for one word in a long
 *   list (acupuncture). Off-topic questions score at most 0.09 against any passage; the median passage scores 0.01.
 *   So the default threshold of 0.4 keeps prose answers and drops table answers: with this embedder a threshold
 *   near 0.2 keeps both while still excluding off-topic text.
 *
 * @example
 * const embedder = createOfflineEmbedder(EMBEDDING_DIMENSIONS);
 * const [question, chunk] = await embedder.embed(["What is the overall deductible?", "The overall deductible is $500."]);
 */
export function createOfflineEmbedder(dimensions: number): EmbeddingProvider {
  return {
    name: "offline",
    // v2: tokens from src/text (shared stop words, a stemmer that also folds "-ed"/"-ing"). Vectors differ from v1's, so
    // documents embedded by v1 must be uploaded again for their vector leg to match questions.
    model: "offline-lexical-v2",
    dimensions,
    // Measured on the sample SBC (eval/): relevant table rows score 0.20–0.60, off-topic text at most 0.09; 0.25 keeps
    // the rows that 0.4 dropped and changed no refusal (docs/evaluation.md).
    defaultSimilarityThreshold: 0.25,
    // Plain reciprocal rank fusion. On the dev questions of all 14 documents (docs/evaluation.md) weights from 0.5 to 2
    // kept hit@5 at 0.94 and MRR within 0.815–0.831: flat, so the usual value.
    vectorWeight: 1,
    embed: async (texts) => texts.map((text) => lexicalEmbedding(text, dimensions)),
  };
}
