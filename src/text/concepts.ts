import { INSURANCE_VOCABULARY, type ConceptId } from "./insurance-vocabulary.ts";
import { SPANISH_GLOSSARY } from "./spanish-glossary.ts";
import { stem } from "./stem.ts";
import { FILLER_WORDS } from "./stop-words.ts";
import { tokenize } from "./tokenize.ts";

/** One concept of the vocabulary with its Spanish forms. */
export interface Concept {
  id: ConceptId;
  /** English document terms, usual wording first. */
  terms: readonly string[];
  /** Spanish document terms, usual wording first. */
  spanishTerms: readonly string[];
  generic: boolean;
  /** A thing asked about even when named in everyday words only (the vocabulary's `named`). */
  named: boolean;
  /** 1 for a topic; less for a question word ("how much") whose expansions narrow a question only a little. */
  weight: number;
  /** Broader concepts a passage naming this one offers too (the vocabulary's `implies`). */
  implies: readonly ConceptId[];
}

/** A concept named in a text, over tokens `start` (inclusive) to `end` (exclusive) of `tokenize(text)`. */
export interface ConceptMatch {
  concept: Concept;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  concept?: Concept;
}

/**
 * Phrases are matched on these keys: tokens without articles and prepositions, stemmed. A phrase that is nothing but
 * fillers has no key and is never matched.
 */
function phraseKey(tokens: readonly string[]): string[] {
  return tokens.filter((token) => !FILLER_WORDS.has(token)).map(stem);
}

function buildIndex(): { root: TrieNode; concepts: Map<ConceptId, Concept>; longest: number } {
  const root: TrieNode = { next: new Map() };
  const concepts = new Map<ConceptId, Concept>();
  let longest = 0;
  for (const entry of INSURANCE_VOCABULARY) {
    const spanish = SPANISH_GLOSSARY[entry.id] ?? [];
    const concept: Concept = {
      id: entry.id,
      terms: entry.terms,
      spanishTerms: spanish,
      generic: "generic" in entry && entry.generic === true,
      named: "named" in entry && entry.named === true,
      weight: "weight" in entry ? entry.weight : 1,
      implies: ("implies" in entry ? entry.implies : []) as readonly ConceptId[],
    };
    concepts.set(entry.id, concept);
    const aliases: readonly string[] = "aliases" in entry ? entry.aliases : [];
    for (const phrase of [...entry.terms, ...aliases, ...spanish, ...spanish.flatMap(feminine)]) {
      const key = phraseKey(tokenize(phrase));
      if (key.length === 0) continue;
      let node = root;
      for (const word of key) {
        let child = node.next.get(word);
        if (!child) {
          child = { next: new Map() };
          node.next.set(word, child);
        }
        node = child;
      }
      // The first concept to claim a phrase keeps it: a document word may serve two concepts' searches
      // ("dependent" for a dependent and for a child), but a question's phrase means one thing.
      node.concept ??= concept;
      longest = Math.max(longest, key.length);
    }
  }
  return { root, concepts, longest };
}

/**
 * The feminine of a Spanish profession the glossary lists in the masculine ("psicólogo" → "psicóloga", "cardiólogo"
 * → "cardióloga"), or nothing. Only the "-ólogo" nouns: other "-o"/"-a" pairs change meaning ("médico"/"médica" is
 * also "medical", "caso"/"casa").
 */
function feminine(phrase: string): string[] {
  return /[oó]logos?\b/.test(phrase) ? [phrase.replace(/([oó]log)o(s?)\b/g, "$1a$2")] : [];
}

const INDEX = buildIndex();
/** Words that deny what follows them within a few words ("not in the UHC network"; tokenize makes "isn't" "not"). */
const NEGATIONS = new Set(["not", "no", "never", "nunca"]);
const THERAPIST = new Set(["therapist", "therapists", "terapeuta", "terapeutas"]);
const HEAR = new Set(["hear", "hears"]);
const TOLD_AFTER_HEAR = new Set(["about", "from", "back", "of", "whether", "if"]);

export function conceptById(id: ConceptId): Concept {
  const concept = INDEX.concepts.get(id);
  if (!concept) throw new Error(`unknown concept ${id}`);
  return concept;
}

/**
 * The concepts named in a token sequence (from `tokenize`), leftmost and longest first, not overlapping: "sala de
 * emergencias" is one match (emergency room), "out-of-network urgent care" two. Articles and prepositions are skipped
 * inside and between a phrase's words. Linear: each start position walks at most the longest phrase's length.
 */
export function findConcepts(tokens: readonly string[]): ConceptMatch[] {
  return findStemmedConcepts(tokens, matchingStems(tokens));
}

/** Each token's stem, or null for a filler word, which takes no part in matching: what `findStemmedConcepts` takes. */
export function matchingStems(tokens: readonly string[]): (string | null)[] {
  return tokens.map((token) => (FILLER_WORDS.has(token) ? null : stem(token)));
}

/**
 * `findConcepts` for a caller that has the tokens' stems already (`matchingStems`), so each word is stemmed once
 * (`contentTokens`, which the offline answerer runs over every passage it reads).
 */
export function findStemmedConcepts(tokens: readonly string[], tokenStems: readonly (string | null)[]): ConceptMatch[] {
  // Positions of the words that take part in matching, and their stems.
  const positions: number[] = [];
  const stems: string[] = [];
  for (let position = 0; position < tokens.length; position++) {
    const stemmed = tokenStems[position];
    if (stemmed === null || stemmed === undefined) continue;
    positions.push(position);
    stems.push(stemmed);
  }
  const matches: ConceptMatch[] = [];
  let i = 0;
  while (i < stems.length) {
    let node: TrieNode | undefined = INDEX.root;
    let best: { concept: Concept; last: number } | null = null;
    for (let j = i; j < stems.length && j - i < INDEX.longest; j += 1) {
      node = node.next.get(stems[j] ?? "");
      if (!node) break;
      if (node.concept) best = { concept: node.concept, last: j };
    }
    // "to hear about my options", "hear back from the plan": being told something, not hearing.
    if (best && best.last === i && best.concept.id === "hearing" && HEAR.has(tokens[positions[i] ?? -1] ?? "") && TOLD_AFTER_HEAR.has(tokens[(positions[i] ?? -1) + 1] ?? "")) best = null;
    // "…a deductible that we'd have to pay first?", "Do I pay first and get paid back?": the member paying before the
    // plan, not which coverage pays first ("Which one pays first?", "Does Medicare pay first?").
    if (best && best.concept.id === "pays-first" && tokens[positions[i] ?? -1] === "pay" && [1, 2, 3].some((back) => PAYING_PERSON.has(tokens[(positions[i] ?? 0) - back] ?? ""))) best = null;
    // "…una dermatóloga que me recomendó mi prima", "Mi prima me dijo…": a cousin, not the premium ("¿Cuánto es mi prima?").
    if (best && best.concept.id === "premium" && best.last === i && tokens[positions[i] ?? -1] === "prima" && cousin(tokens, positions[i] ?? 0)) best = null;
    if (best) {
      // "My cardiologist isn't in the network", "Mi oftalmólogo no es de la red": the network denied is the other one.
      const negated = best.concept.id === "in-network" && [1, 2, 3].some((back) => NEGATIONS.has(tokens[positions[i - back] ?? -1] ?? ""));
      const concept = negated ? (INDEX.concepts.get("out-of-network") ?? best.concept) : best.concept;
      matches.push({ concept, start: positions[i] ?? 0, end: (positions[best.last] ?? 0) + 1 });
      i = best.last + 1;
    } else {
      i += 1;
    }
  }
  // (Most texts name none of the concepts read by their neighbours below: every passage the answerer reads goes through
  // here.)
  if (!matches.some((match) => NEIGHBOUR_READ.has(match.concept.id))) return matches;
  // Mail is mail-order only where drugs are named ("a 3-month supply by mail", "order it by mail" of a preferred brand):
  // "a paper copy mailed to me", "mail my appeal", "Mail your request to the address below" send letters.
  const drugs = matches.some((match) => DRUG_CONCEPTS.has(match.concept.id) || match.concept.implies.includes("prescription-drugs"));
  // A therapist named beside a kind of therapy is that therapy's ("terapia física con un terapeuta de la red"), not a
  // mental-health one.
  const rehabilitation = matches.some((match) => match.concept.id === "rehabilitation");
  // A prescription beside glasses or an eye exam is the lenses' ("actualizar la receta de mis lentes"), not a drug's.
  const eyes = matches.some((match) => EYE_CONCEPTS.has(match.concept.id));
  // "Rehab" beside an addiction named ("an inpatient rehab for alcohol") is the addiction's treatment; alone, or after a
  // stay or an operation ("a skilled nursing facility for rehab"), it is rehabilitation.
  const addiction = matches.some((match) => match.concept.id === "substance-use");
  const substanceUse = INDEX.concepts.get("substance-use");
  // (The one word a concept was read from, or "" for a phrase.)
  const wordOf = (match: ConceptMatch) => (match.end - match.start === 1 ? (tokens[match.start] ?? "") : "");
  const insuranceCounseling = matches.some((match) => match.concept.id === "counseling" && !COUNSELOR.test(wordOf(match)));
  const mentalHealthNamed = matches.some((match) => match.concept.id === "mental-health" && !COUNSELOR.test(wordOf(match)));
  const mentalHealth = INDEX.concepts.get("mental-health");
  const counseling = INDEX.concepts.get("counseling");
  return matches
    .filter((match) => {
      const single = match.end - match.start === 1 ? (tokens[match.start] ?? "") : null;
      if (match.concept.id === "mail-order" && single !== null && MAIL.test(single) && !drugs) return false;
      if (match.concept.id === "prescription-drugs" && single !== null && PRESCRIPTION.test(single) && eyes) return false;
      return !(rehabilitation && match.concept.id === "mental-health" && single !== null && THERAPIST.has(single));
    })
    .map((match) => {
      const word = wordOf(match);
      const counselor = (match.concept.id === "mental-health" || match.concept.id === "counseling") && COUNSELOR.test(word);
      // (So is a counselor beside one: "My brother's addiction counselor…", "…le quiere dar consejería para reducir el
      // alcohol".)
      if (addiction && substanceUse && ((match.concept.id === "rehabilitation" && word === "rehab") || counselor)) return { ...match, concept: substanceUse };
      if (!counselor) return match;
      // (A counselor beside mental health named gives that care, "consejero para la depresión"; beside free insurance
      // counseling named, "free help from a counselor", that counseling.)
      if (mentalHealthNamed && mentalHealth && match.concept.id === "counseling") return { ...match, concept: mentalHealth };
      return insuranceCounseling && counseling && match.concept.id === "mental-health" ? { ...match, concept: counseling } : match;
    });
}

/** Who pays before the plan does when the member asks "…do I have to pay first?": a person, not a coverage. */
const PAYING_PERSON = new Set(["i", "we", "you", "he", "she", "they"]);
/** Words around "mi prima" that make her a cousin: a verb of telling before it, or a person's doing after it. */
const COUSIN_BEFORE = new Set(["recomendo", "dijo", "conto", "explico", "comento", "sugirio", "con"]);
const COUSIN_AFTER = new Set(["me", "te", "le", "nos", "dice", "dijo", "tiene", "tuvo", "vive", "trabaja", "fue", "estaba"]);
/** "prima" at `at`, after a possessive, read as a cousin (COUSIN_BEFORE, COUSIN_AFTER). */
function cousin(tokens: readonly string[], at: number): boolean {
  if (!["mi", "su", "tu", "nuestra"].includes(tokens[at - 1] ?? "")) return false;
  return COUSIN_BEFORE.has(tokens[at - 2] ?? "") || COUSIN_AFTER.has(tokens[at + 1] ?? "");
}

/** The concepts whose single-word matches depend on the concepts beside them (below). */
const NEIGHBOUR_READ = new Set<string>(["mail-order", "prescription-drugs", "mental-health", "rehabilitation", "counseling"]);
/** A counselor or counseling, in either language: "counselor", "consejero", "consejería". */
const COUNSELOR = /^(?:counsel(?:l)?ors?|consejer[oa]s?|consejeria)$/;
/** "Prescription", "receta": a drug's unless glasses or an eye exam are named. */
const PRESCRIPTION = /^(?:prescriptions?|recetas?)$/;
const EYE_CONCEPTS = new Set<string>(["eyewear", "contact-lenses", "eye-exam"]);
/** The single words that name mail-order only beside drugs: "mail", "mailed", "correo". */
const MAIL = /^(?:mail(?:s|ed|ing)?|correos?)$/;
/** Concepts that name drugs or where they are filled: mail beside them is mail-order. */
const DRUG_CONCEPTS = new Set<string>(["prescription-drugs", "pharmacy", "refill", "month-supply", "long-supply", "drug-tier", "formulary", "insulin"]);
