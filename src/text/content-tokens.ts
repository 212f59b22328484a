import { findStemmedConcepts, matchingStems } from "./concepts.ts";
import { normalize } from "./normalize.ts";
import { stem } from "./stem.ts";
import { GENERIC_STEMS, STOP_WORDS } from "./stop-words.ts";
import { tokenize } from "./tokenize.ts";

/**
 * Generic plan words ("plan", "covered", "benefit") count a quarter of a specific word in `contentTokens`: a match on
 * them alone says nothing about relevance ("plan" matches everything, "acupuncture" does not).
 */
export const GENERIC_WEIGHT = 0.25;
/**
 * A word inside a concept's phrase, as a question's word: the concept carries the meaning, but the member's own
 * wording breaks ties, so "X-ray" prefers the passage that says "X-rays" to one that says "Labs" (both diagnostic tests).
 */
const INSIDE_CONCEPT_WEIGHT = 0.1;

/**
 * Distinct content tokens of a text with their weights, for comparing a question with a sentence by shared tokens:
 * - each vocabulary concept named in the text is one token, "#" and its id, whatever the language or wording: "ER",
 *   "emergency room" and "sala de emergencias" all give "#emergency-room";
 * - every other content word is its stem ("referrals" → "referral"); stop words and numbers are left out;
 * - the words inside a concept's phrase are kept at INSIDE_CONCEPT_WEIGHT: as a question's words they add little to
 *   the concept, but a sentence still offers them, so "emergency" in a question meets "Emergency room care".
 * Generic words and concepts weigh GENERIC_WEIGHT; question-word concepts ("how long") their vocabulary weight.
 * `broader` is for passages a question is compared with, not for questions (it would add to what they ask).
 */
export function contentTokens(text: string, options: { broader?: boolean } = {}): ReadonlyMap<string, number> {
  // The offline answerer reads the same passages, headings and question again for each thing a question asks
  // (src/providers/llm/offline.ts `answerQuotes`): the tokens of a text are kept for the next call (read-only, so a
  // caller cannot change another's). Bounded: the oldest are forgotten first.
  const cache = options.broader ? BROADER_CACHE : CACHE;
  const known = cache.get(text);
  if (known !== undefined) {
    cache.delete(text);
    cache.set(text, known);
    return known;
  }
  const tokens = computeTokens(text, options.broader === true);
  cache.set(text, tokens);
  if (cache.size > CACHED_TEXTS) cache.delete(cache.keys().next().value as string);
  return tokens;
}

/**
 * Texts whose tokens are kept, per kind: a turn reads about ten passages and a few hundred of their sentences, rows and
 * headings, each several times. At most a few megabytes of a 128 MB isolate (texts of a few kilobytes at most).
 */
const CACHED_TEXTS = 500;
const CACHE = new Map<string, ReadonlyMap<string, number>>();
const BROADER_CACHE = new Map<string, ReadonlyMap<string, number>>();

/** Forgets every kept text's tokens: a measurement of one turn from nothing starts with it. */
export function forgetContentTokens(): void {
  CACHE.clear();
  BROADER_CACHE.clear();
}

function computeTokens(text: string, broader: boolean): ReadonlyMap<string, number> {
  const words = tokenize(text);
  // Each word stemmed once, for the vocabulary's phrases and for itself below (a filler word has no stem here, and is
  // a stop word, which is not stemmed below either).
  const stems = matchingStems(words);
  const tokens = new Map<string, number>();
  const put = (token: string, weight: number) => tokens.set(token, Math.max(weight, tokens.get(token) ?? 0));
  const inConcept = new Array<boolean>(words.length).fill(false);
  for (const match of findStemmedConcepts(words, stems)) {
    put(`#${match.concept.id}`, match.concept.generic ? GENERIC_WEIGHT : match.concept.weight);
    inConcept.fill(true, match.start, match.end);
    // A passage's "Specialty drugs" is about drugs too: with `broader`, the broader concepts a concept implies are
    // given as well (src/text/insurance-vocabulary.ts), so the passage offers what a question naming both asks for.
    if (broader) for (const implied of match.concept.implies) put(`#${implied}`, match.concept.weight);
  }
  // "What's the most we could owe this year?", "¿…lo máximo que pagaríamos en el año?": the plan's out-of-pocket limit,
  // however the member names who pays.
  if (!broader && MOST_PAID_IN_A_YEAR.test(normalize(text))) put("#out-of-pocket-limit", 1);
  words.forEach((word, i) => {
    // "Tier 4", "nivel 4", "tier four": which tier is what the question is about, so the number is a token of its own.
    if (TIER_WORDS.has(word)) {
      const n = tierNumber(words[i + 1] ?? "");
      if (n !== null) put(`#tier-${n}`, 1);
    }
    if (STOP_WORDS.has(word) || /^\d/.test(word)) return;
    const stemmed = stems[i] ?? stem(word);
    put(stemmed, inConcept[i] ? INSIDE_CONCEPT_WEIGHT : GENERIC_STEMS.has(stemmed) ? GENERIC_WEIGHT : 1);
  });
  return tokens;
}

/** The most someone could pay in a year, in English or Spanish (normalized text). */
const MOST_PAID_IN_A_YEAR =
  /\b(?:the )?most (?:that )?(?:i|we|you|he|she|they|one person|one of us|each of us|either of us|a person|anyone|(?:my|our|the) (?:family|household))(?:'d| would| could| will| might| can| may)?(?: (?:ever|possibly|really|actually|end up|have to|be))*(?: paying| pay| owe| spend| be out)\b[^.?!]{0,60}?\b(?:a|per|this|the|each|every|in a|in one|for the|for a|plan|calendar) (?:year|calendar year|plan year)\b|\blo (?:maximo|mas) que (?:\p{L}+ ){0,3}?(?:pagar\p{L}*|pago|pagamos|gastar\p{L}*|gasto|gastamos)\b[^.?!]{0,60}?\b(?:al|en el|por|cada|este|en todo el|del|en un) ano\b/u;

export const TIER_WORDS = new Set(["tier", "nivel", "level"]);
const NUMBER_WORDS = ["one", "two", "three", "four", "five", "six"];
const SPANISH_NUMBER_WORDS = ["uno", "dos", "tres", "cuatro", "cinco", "seis"];

/** The drug tiers among a text's tokens, as `contentTokens` names them ("tier 3", "nivel tres": "#tier-3"). */
export function tierTokens(tokens: ReadonlyMap<string, number>): string[] {
  return [...tokens.keys()].filter((token) => token.startsWith("#tier-"));
}

/** A drug tier's number after "tier"/"nivel": "4", "4a", "four", "cuatro". */
export function tierNumber(word: string): string | null {
  const digits = /^([1-9])[a-z]?$/.exec(word);
  if (digits) return digits[1] ?? null;
  const at = Math.max(NUMBER_WORDS.indexOf(word), SPANISH_NUMBER_WORDS.indexOf(word));
  return at >= 0 ? String(at + 1) : null;
}

/** Words that make a question about money, which favours sentences that carry an amount. */
const COST_WORDS = new Set([
  "deductible", "deductibles", "deducible", "deducibles", "copay", "copays", "copayment", "copago", "copagos", "coinsurance",
  "coseguro", "cost", "costs", "costo", "costos", "coste", "price", "precio", "pay", "pagar", "pago", "fee", "fees", "charge",
  "cargo", "premium", "prima", "amount", "monto", "cuanto", "cuanta", "maximum", "maximo", "expensive", "caro",
  "owe", "owes", "owed", "cobran", "cobrar", "cobra", "cuesta", "cuestan",
]);

const AMOUNT = /[$€£]\s?\d|\d[\d.,]*\s?(?:%|percent\b|por ciento\b|dollars?\b|d[oó]lares\b|usd\b|eur\b)/i;

export function isCostQuestion(question: string): boolean {
  return /\bhow much\b|\bout[- ]of[- ]pocket\b/.test(normalize(question)) || tokenize(withoutHardship(question)).some((word) => COST_WORDS.has(word));
}

/**
 * "Me cuesta leer de cerca", "me cuesta caminar": "costar" before an infinitive says something is hard to do, not what
 * it costs. The text without those verbs, for the tests that read "cuesta" as a question about money.
 */
export function withoutHardship(text: string): string {
  return text.replace(HARDSHIP, " ");
}
const HARDSHIP = /\bcuestan?(?=\s+\p{L}+(?:ar|er|ir)\b)/giu;

export function hasAmount(text: string): boolean {
  return AMOUNT.test(text);
}

/**
 * What a plan says instead of an amount: "No charge", "Not covered", "This plan does not have a medical deductible",
 * "no overall annual limit on the amount it will pay", "You pay nothing", "Sin cargo". It answers "How much…?" as surely as "$0" does.
 */
const COST_IN_WORDS =
  /\bno charge\b|\bno (?:overall )?(?:annual |yearly |lifetime )?(?:dollar )?limit on (?:the amount|what)\b|\bnot covered\b|\bfree of charge\b|\bpay nothing\b|\bno (?:copay(?:ment)?|coinsurance|deductible|cost)\b|\bdoes(?: not|n't) have an? (?:[\w-]+ )?deductible\b|\bsin (?:cargo|costo|copago|deducible)\b|\bno (?:est[aá]n? )?cubiert[oa]s?\b/i;

/** An amount, or a plan's words for one: whether a passage can answer "How much…?". */
export function statesCost(text: string): boolean {
  return AMOUNT.test(text) || COST_IN_WORDS.test(text);
}

/** A North American phone number: "1-877-424-4640", "(800) 555-0199", "800.555.0199", "1-800-HMO-2219". */
export const PHONE = /(?:\b1[\s.-])?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])[\dA-Z]{3}[\s.-][\dA-Z]{4}\b/;

// A postal address: a P.O. box, a number and a street, or a state's code and a ZIP code ("CA 91367").
const STREET = /\bP\.?\s?O\.?\s?Box\b|\bapartado postal\b|\b\d+ [\p{L} .]+ (?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Suite|Way)\b/iu;
const ZIP = /\b[A-Z]{2},? \d{5}(?:-\d{4})?\b/;
/** A postal address (a P.O. box, a street, a state's code and ZIP code); `test` as a RegExp's. */
export const ADDRESS = { test: (text: string) => STREET.test(text) || ZIP.test(text) };
/** A web address: "www.aetna.com", "https://…", "medicaid.utah.gov". */
export const WEB_ADDRESS = /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov|com|org|net|edu|us)\b/i;
/** An e-mail address: "helpline@dmhc.ca.gov". */
export const EMAIL_ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

const FOLLOW_UP_CUES = /^(?:and|also|what about|how about|what if|same|y|tambien|que tal|que pasa con|y si|and if)\b/;
const REFERENCES = /\b(?:it|that|this|those|them|they|eso|esto|ese|esa|ello|esos|esas)\b/;

/**
 * Whether a question leans on the conversation: it opens with "and"/"what about"/"¿y…", points back with "it"
 * or "that", or is a fragment of at most three words ("Out-of-network?").
 */
export function looksLikeFollowUp(question: string): boolean {
  const normalized = normalize(question).replace(/^[^\p{L}\p{N}]+/u, "");
  if (FOLLOW_UP_CUES.test(normalized) || REFERENCES.test(normalized)) return true;
  const topics = [...contentTokens(question).values()].filter((weight) => weight >= GENERIC_WEIGHT).length;
  return tokenize(question).length <= 3 && topics <= 2;
}
