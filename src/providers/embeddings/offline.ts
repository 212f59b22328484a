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
// FeatureTable hashes each feature for exactly these two copies as it counts it.

/** FNV-1a's starting state for bucket copy `seed`. */
function fnvStart(seed: number): number {
  return (0x811c9dc5 ^ Math.imul(seed + 1, 0x9e3779b1)) >>> 0;
}

/** One UTF-16 code unit into an FNV-1a state. */
function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/** The murmur3 finaliser that mixes the bucket and sign bits of an FNV-1a state. */
function fnvFinish(state: number): number {
  let h = state;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Plain constants, not an enum: Node runs this file with its types stripped (the OpenAI stand-in imports it).
const Kind = { Word: 0, Bigram: 1, CharGram: 2, Empty: 3 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

const CODE = { w: 0x77, b: 0x62, c: 0x63, e: 0x65, colon: 0x3a, space: 0x20, lt: 0x3c, gt: 0x3e } as const;

/**
 * The features of one text, counted without building them as strings. A feature is what the key strings `w:<word>`,
 * `b:<word> <next>`, `c:<piece of "<word>">` and `e:empty` spell, and is hashed over exactly those characters, so the
 * vectors are the ones the strings gave; it is stored as where its characters are (token index, piece start and
 * size). Features are kept in order of first appearance and summed in that order, so every float matches too.
 *
 * Building a string and a counter object per feature made about 0.5 MB of garbage a chunk (1,004 chunks of the
 * 250-page Evidence of Coverage: 500 MB), which the Worker isolate collects late; these arrays are reused from text
 * to text instead.
 */
class FeatureTable {
  private tokens: string[] = [];
  /** Features so far; per feature, in order of first appearance, the arrays below. */
  length = 0;
  private kind = new Uint8Array(0);
  private token = new Int32Array(0);
  private start = new Int32Array(0);
  private size = new Int32Array(0);
  private count = new Int32Array(0);
  private weight = new Float64Array(0);
  private hash0 = new Uint32Array(0);
  private hash1 = new Uint32Array(0);
  /** Open addressing over the unmixed FNV state: feature index + 1 in each used slot; `stamps` says which text used it. */
  private slots = new Int32Array(0);
  private stamps = new Uint32Array(0);
  private generation = 0;

  /** Starts a text of these tokens with room for `expected` features (an upper bound). */
  reset(tokens: string[], expected: number): void {
    this.tokens = tokens;
    this.length = 0;
    if (this.kind.length < expected) {
      const capacity = Math.max(expected, this.kind.length * 2, 1024);
      this.kind = new Uint8Array(capacity);
      this.token = new Int32Array(capacity);
      this.start = new Int32Array(capacity);
      this.size = new Int32Array(capacity);
      this.count = new Int32Array(capacity);
      this.weight = new Float64Array(capacity);
      this.hash0 = new Uint32Array(capacity);
      this.hash1 = new Uint32Array(capacity);
    }
    if (this.slots.length < expected * 2) {
      let slots = Math.max(this.slots.length, 2048);
      while (slots < expected * 2) slots *= 2;
      this.slots = new Int32Array(slots);
      this.stamps = new Uint32Array(slots);
      this.generation = 0;
    }
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  /** Counts one occurrence of a feature; `weight` is kept from its first occurrence. */
  add(kind: Kind, token: number, start: number, size: number, weight: number): void {
    let h0 = fnvStart(0);
    let h1 = fnvStart(1);
    const prefix = kind === Kind.Word ? CODE.w : kind === Kind.Bigram ? CODE.b : kind === Kind.CharGram ? CODE.c : CODE.e;
    h0 = fnvStep(fnvStep(h0, prefix), CODE.colon);
    h1 = fnvStep(fnvStep(h1, prefix), CODE.colon);
    const length = this.spelledLength(kind, token, size);
    // The characters after "x:", one loop per kind (a dispatch per character cost 40% in time).
    const word = this.tokens[token] ?? "";
    if (kind === Kind.CharGram) {
      for (let p = start; p < start + size; p++) {
        const code = p === 0 ? CODE.lt : p === word.length + 1 ? CODE.gt : word.charCodeAt(p - 1);
        h0 = fnvStep(h0, code);
        h1 = fnvStep(h1, code);
      }
    } else {
      const first = kind === Kind.Empty ? "empty" : word;
      for (let i = 0; i < first.length; i++) {
        const code = first.charCodeAt(i);
        h0 = fnvStep(h0, code);
        h1 = fnvStep(h1, code);
      }
      if (kind === Kind.Bigram) {
        const next = this.tokens[token + 1] ?? "";
        h0 = fnvStep(h0, CODE.space);
        h1 = fnvStep(h1, CODE.space);
        for (let i = 0; i < next.length; i++) {
          const code = next.charCodeAt(i);
          h0 = fnvStep(h0, code);
          h1 = fnvStep(h1, code);
        }
      }
    }
    const mixed = fnvFinish(h0);
    const mask = this.slots.length - 1;
    for (let slot = (h0 >>> 0) & mask; ; slot = (slot + 1) & mask) {
      if (this.stamps[slot] !== this.generation) {
        const index = this.length++;
        this.stamps[slot] = this.generation;
        this.slots[slot] = index + 1;
        this.kind[index] = kind;
        this.token[index] = token;
        this.start[index] = start;
        this.size[index] = size;
        this.count[index] = 1;
        this.weight[index] = weight;
        this.hash0[index] = mixed;
        this.hash1[index] = fnvFinish(h1);
        return;
      }
      const other = (this.slots[slot] ?? 0) - 1;
      if (this.hash0[other] === mixed && this.same(other, kind, token, start, size, length)) {
        this.count[other] = (this.count[other] ?? 0) + 1;
        return;
      }
    }
  }

  /** weight × (1 + ln count) of feature `index`. */
  value(index: number): number {
    return (this.weight[index] ?? 0) * (1 + Math.log(this.count[index] ?? 1));
  }

  /** The hash of feature `index` for bucket copy 0 or 1. */
  hash(index: number, copy: number): number {
    return (copy === 0 ? this.hash0[index] : this.hash1[index]) ?? 0;
  }

  private same(other: number, kind: Kind, token: number, start: number, size: number, length: number): boolean {
    const otherKind = (this.kind[other] ?? Kind.Empty) as Kind;
    if (otherKind !== kind) return false;
    const otherToken = this.token[other] ?? 0;
    if (kind === Kind.Word) return this.tokens[otherToken] === this.tokens[token];
    if (kind === Kind.Bigram) return this.tokens[otherToken] === this.tokens[token] && this.tokens[otherToken + 1] === this.tokens[token + 1];
    if (kind === Kind.Empty) return true;
    if ((this.size[other] ?? 0) !== size) return false;
    const otherStart = this.start[other] ?? 0;
    for (let i = 0; i < length; i++) if (this.charAt(kind, otherToken, otherStart, i) !== this.charAt(kind, token, start, i)) return false;
    return true;
  }

  /** Characters after the "x:" prefix. */
  private spelledLength(kind: Kind, token: number, size: number): number {
    if (kind === Kind.Word) return this.tokens[token]?.length ?? 0;
    if (kind === Kind.Bigram) return (this.tokens[token]?.length ?? 0) + 1 + (this.tokens[token + 1]?.length ?? 0);
    if (kind === Kind.CharGram) return size;
    return "empty".length;
  }

  /** The `i`th character after the "x:" prefix. */
  private charAt(kind: Kind, token: number, start: number, i: number): number {
    const word = this.tokens[token] ?? "";
    if (kind === Kind.Word) return word.charCodeAt(i);
    if (kind === Kind.Bigram) {
      if (i < word.length) return word.charCodeAt(i);
      if (i === word.length) return CODE.space;
      return (this.tokens[token + 1] ?? "").charCodeAt(i - word.length - 1);
    }
    if (kind === Kind.CharGram) {
      // A piece of "<word>".
      const p = start + i;
      return p === 0 ? CODE.lt : p === word.length + 1 ? CODE.gt : word.charCodeAt(p - 1);
    }
    return "empty".charCodeAt(i);
  }
}

const table = new FeatureTable();
let scratch = new Float64Array(0);

function countFeatures(tokens: string[]): void {
  // Every word, bigram and piece is one entry at most: a bound for the table's size.
  let expected = 1;
  for (const token of tokens) expected += 2 + (token.length >= MIN_CHAR_GRAM_WORD ? 3 * token.length : 0);
  table.reset(tokens, expected);
  if (tokens.length === 0) {
    table.add(Kind.Empty, 0, 0, 0, 1);
    return;
  }
  const specificity = (token: string) => (GENERIC_STEMS.has(token) ? GENERIC_WEIGHT : 1);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const own = specificity(token);
    table.add(Kind.Word, i, 0, 0, WORD_WEIGHT * own);
    const next = tokens[i + 1];
    if (next !== undefined) table.add(Kind.Bigram, i, 0, 0, BIGRAM_WEIGHT * Math.max(own, specificity(next)));
    if (token.length >= MIN_CHAR_GRAM_WORD && !/\d/.test(token)) {
      const padded = token.length + 2;
      for (const size of CHAR_GRAM_SIZES) {
        for (let start = 0; start + size <= padded; start++) table.add(Kind.CharGram, i, start, size, CHAR_GRAM_WEIGHT * own);
      }
    }
  }
}

/**
 * Hashes `text` into a unit vector of `dimensions` floats: words, neighbouring word pairs and character 3–5-grams, each
 * weighted by 1 + ln(count) (a word said five times is not five times the evidence), placed by signed feature hashing
 * (collisions cancel on average instead of piling up) and L2-normalised. Text with no content words maps to one fixed
 * "empty" feature, so the result is still unit length and unrelated to everything else.
 */
export function lexicalEmbedding(text: string, dimensions: number): number[] {
  if (scratch.length !== dimensions) scratch = new Float64Array(dimensions);
  const vector = scratch;
  vector.fill(0);
  countFeatures(lexicalTokens(text));
  const copyScale = 1 / Math.sqrt(BUCKETS_PER_FEATURE);
  for (let index = 0; index < table.length; index++) {
    const value = table.value(index) * copyScale;
    for (let copy = 0; copy < BUCKETS_PER_FEATURE; copy++) {
      const h = table.hash(index, copy);
      const bucket = h % dimensions;
      vector[bucket] = (vector[bucket] ?? 0) + (h & 0x80000000 ? -value : value);
    }
  }
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  const unit = new Array<number>(dimensions);
  for (let i = 0; i < dimensions; i++) unit[i] = (vector[i] ?? 0) / norm;
  return unit;
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
