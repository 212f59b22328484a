import { conceptById, findConcepts, type Concept } from "../text/concepts";
import type { ConceptId } from "../text/insurance-vocabulary";
import { TIER_WORDS, tierNumber } from "../text/content-tokens";
import { normalize } from "../text/normalize";
import { stem } from "../text/stem";
import { GENERIC_STEMS, isCommonStem, STOP_WORDS } from "../text/stop-words";
import { tokenizeWithSurface, type SurfaceToken } from "../text/tokenize";
import { asks, questionSentences, specificTerms, wantsNumber } from "../text/specific-terms";

/** One full-text term of the keyword leg. */
export interface KeywordTerm {
  /** A `to_tsquery('simple', …)` expression built only from letters, digits and tsquery operators. */
  tsquery: string;
  /**
   * Terms of one group (a concept: the member's wording, its synonyms and translations) count as one term: one
   * document frequency, their occurrences added up.
   */
  group: number;
  /** What one occurrence counts: 1 for the member's own words, less for a synonym or translation the vocabulary added. */
  weight: number;
  /** What the whole group counts: 1 for a topic, less for generic plan words and question words ("how much"). */
  groupWeight: number;
  /**
   * Whether the group names a topic (not a generic word or a question word), in the question or in the situation
   * told before it: the passages with such a term are the keyword leg's candidates.
   */
  topic: boolean;
}

export interface RetrievalQuery {
  terms: KeywordTerm[];
  /** What the query embedding is made from: the question, then the usual document terms of the concepts it names. */
  embeddingText: string;
}

/**
 * The routes accept 4,000 characters; a follow-up joined with the previous question can be longer. Past this the
 * rest is ignored: it bounds the work on any input, and no real question is this long.
 */
const MAX_QUERY_CHARS = 8000;
/**
 * A question rarely names more topics; the cap bounds the statement (one index probe per term). Past it, the groups
 * that weigh least are left out, not the last ones: a long story told first must not crowd out the question's own topic
 * at its end ("…and he says waiting could make things worse. What number do I call to start a fast appeal?").
 */
const MAX_GROUPS = 16;
/** Synonyms and translations searched per concept, usual wording first; more adds index probes for rare wordings. */
const MAX_EXPANSIONS = 6;
/** The Spanish document terms searched per concept (for Spanish documents): the glossary lists the usual one first. */
const MAX_SPANISH_EXPANSIONS = 1;
/**
 * What a vocabulary expansion weighs against the member's own word: enough that a Spanish question's English terms
 * rank well (every term of such a question is an expansion, so only their ratio to each other matters), less than
 * 1 so that a passage with the member's exact word stays ahead of one with a synonym.
 */
const EXPANSION_WEIGHT = 0.6;
/**
 * What a generic plan word ("plan", "covered", "health"; src/text) weighs against a specific one. Inverse document
 * frequency alone underrates how common they are when the member has one short document (a 5-page summary is about 40
 * passages), and then a boilerplate paragraph that repeats them outranks the one passage with the question's topic.
 */
const GENERIC_WEIGHT = 0.3;
/** Concepts naming a kind of cost sharing, and what they weigh beside a question's other topic. */
const COST_SHARING = new Set(["copay", "coinsurance"]);
const COST_SHARING_WEIGHT = 0.5;
/** The network tiers, which qualify what is asked: weighed as a kind of cost sharing is beside another topic. */
const NETWORK_TIERS = new Set(["in-network", "out-of-network"]);
/** Requests a plan decides on, of medical care or of drugs. */
const DECISIONS = new Set(["appeal", "coverage-decision", "grievance"]);
/** Concepts that name no care: costs, people, tiers, times, the plan itself. */
const NOT_CARE = new Set([
  "deadline", "copay", "coinsurance", "deductible", "cost", "pay", "charge", "in-network", "out-of-network", "plan", "cover",
  "spouse", "child", "dependent", "doctor", "provider", "day", "month", "year", "medical", "customer-service",
]);
/** What "medical care" weighs, added for a decision about care: a hint of the section, not a topic. */
const MEDICAL_CARE_WEIGHT = 0.5;
/** What "contact information" weighs for a question asking for a phone number or an address. */
const CONTACT_WEIGHT = 0.5;
/** Asked how long the member has to act: the subject is the member, not the plan that answers. */
const OWN_DEADLINE =
  /\b(?:how (?:long|many (?:calendar )?days|much time) (?:do|does|did|will) (?:i|we|he|she|they|my [a-z]+) (?:have|get) to|how soon (?:do|must|should) (?:i|we)|by when (?:do|must|should) (?:i|we)|(?:cuanto tiempo|cuantos dias|que plazo) (?:tengo|tenemos|tiene|tienen) (?:para|de plazo)|(?:cuanto tiempo|cuantos dias) me dan para)\b/;
/** What "you must" weighs for such a question: it orders the passages the question's topic finds. */
const OWN_DEADLINE_WEIGHT = 0.5;
/** Document terms of each named concept added to the text the query embedding is made from. */
const EMBEDDING_TERMS_PER_CONCEPT = 1;
/**
 * What a word of a statement told before the question weighs (tokensBySentence): the situation still counts, at a
 * quarter. Half (session 5) let a 250-page document's passages that retell the situation ("denied", "doctor", "test")
 * outrank the one with the answer; a quarter changed one dev question's top five, for the better.
 */
const SITUATION_WEIGHT = 0.25;
/** What a concept named in the situation told before the question weighs (see tokensBySentence). */
const TOLD_CONCEPT_WEIGHT = 0.5;
/** Text in quotes, opened after a space or the start and closed before a space, punctuation or the end ("don't" is no quote). */
const QUOTED = /(?:^|[\s(¿¡])['"“‘«]([^'"“”‘’«»\n]{3,80}?)['"”’»](?=$|[\s.,;:!?)])/gu;
/**
 * A plan named by its number: "Clover Health Choice (004)", "Choice Value (PPO) (007)", "plan 004" — the capitalised
 * words right before the number, and the number.
 */
const PLAN_DESIGNATION = /(?:\b\p{Lu}[\p{L}-]*\s+){0,4}(?:\((?:PPO|HMO|EPO|POS)\)\s*)?\((?:[Pp]lan\s+)?\d{3}\)|\b[Pp]lan\s+\d{3}\b/gu;

/** A quoted term longer than this is a quoted sentence, not a term. */
const MAX_QUOTED_WORDS = 5;
/** A stem shorter than this as a prefix matches too much ("er:*" finds "error"); such words match exactly. */
const MIN_PREFIX_STEM = 4;

/**
 * What retrieval searches for, from a question: its content words and the concepts it names (src/text vocabulary
 * and glossary), each concept with its document wording in English and Spanish. "How much is the ER?" searches for
 * "er" and, weighing less, "emergency room", "emergency department", …; "¿Hasta qué edad puede mi hijo seguir
 * cubierto?" for "edad"/"age", "hijo"/"child"/"children"/"dependent", … Linear in the question's length.
 *
 * @example
 * buildRetrievalQuery("What's my OOP max?").embeddingText // "What's my OOP max? out-of-pocket limit"
 */
export function buildRetrievalQuery(question: string): RetrievalQuery {
  const text = question.slice(0, MAX_QUERY_CHARS);
  // The member's plan named by its number ("Mi esposo tiene Clover Health Choice (004) y yo tengo Choice Value (007)")
  // says which column, not what about: a summary prints that name in every cell of its tables, so searched as a topic
  // it finds the drug tables' rows, not the vision row asked about.
  const designation = new Set([...text.matchAll(PLAN_DESIGNATION)].flatMap((match) => tokenizeWithSurface(match[0]).map((token) => token.word)));
  const { tokens, weights: sentenceWeights } = tokensBySentence(text);
  const matches = findConcepts(tokens.map((token) => token.word));

  const terms: KeywordTerm[] = [];
  const embeddingTerms: string[] = [];
  /** Each concept's group, so a concept named twice is one group. */
  const seenConcepts = new Map<string, number>();
  const seenWords = new Set<string>();
  let group = 0;
  const addGroup = (groupWeight: number, candidates: Array<{ tsquery: string | null; weight: number }>, topic = groupWeight >= 1) => {
    const seen = new Set<string>();
    let added = false;
    for (const { tsquery, weight } of candidates) {
      if (tsquery === null || seen.has(tsquery)) continue;
      seen.add(tsquery);
      terms.push({ tsquery, group, weight, groupWeight, topic });
      added = true;
    }
    if (added) group += 1;
  };

  let position = 0;
  let next = 0;
  while (position < tokens.length) {
    const match = matches[next];
    if (match && match.start === position) {
      next += 1;
      position = match.end;
      const span = tokens.slice(match.start, match.end);
      const ownWords = span.every((token) => STOP_WORDS.has(token.word)) ? [] : [{ tsquery: phraseQuery(span), weight: 1 }];
      // A concept of the situation told ("I was denied a Part D drug.") says which of a long document's sibling sections
      // the question is about (the Part D appeal, not the medical one): it weighs more than the situation's plain words.
      const situation = (sentenceWeights[match.start] ?? 1) < 1 ? TOLD_CONCEPT_WEIGHT : 1;
      const groupWeight = (match.concept.generic ? GENERIC_WEIGHT : 1) * match.concept.weight * situation;
      const earlier = seenConcepts.get(match.concept.id);
      if (earlier !== undefined) {
        // Told in the situation and named again in the question ("I'm having a baby. … the doctor who delivers it?"):
        // the concept weighs as the question's, and the question's own wording is searched too.
        for (const term of terms) if (term.group === earlier) term.groupWeight = Math.max(term.groupWeight, groupWeight);
        const own = ownWords[0]?.tsquery;
        if (own && !terms.some((term) => term.group === earlier && term.tsquery === own)) {
          const others = terms.filter((term) => term.group === earlier);
          terms.push({ tsquery: own, group: earlier, weight: 1, groupWeight: Math.max(...others.map((term) => term.groupWeight)), topic: others.some((term) => term.topic) });
        }
        continue;
      }
      const first = group;
      addGroup(groupWeight, [...ownWords, ...expansions(match.concept)], !match.concept.generic && match.concept.weight >= 1);
      if (group > first) seenConcepts.set(match.concept.id, first);
      embeddingTerms.push(...embeddingTermsFor(match.concept, span));
      continue;
    }
    const token = tokens[position];
    const situation = sentenceWeights[position] ?? 1;
    position += 1;
    if (!token || STOP_WORDS.has(token.word) || token.word.length < 2 || seenWords.has(token.word)) continue;
    seenWords.add(token.word);
    // An everyday word ("help", "going") is searched, but weighs as the plan's generic words do: in one member's few
    // documents it can be as rare as a topic word, and BM25 alone would rank the passages that say it first.
    const generic = GENERIC_STEMS.has(stem(token.word)) || isCommonStem(stem(token.word)) || designation.has(token.word);
    addGroup((generic ? GENERIC_WEIGHT : 1) * situation, [{ tsquery: wordQuery(token), weight: 1 }], !generic);
  }

  // "What's my copay to see my PCP?": the cost-sharing word says what kind of figure is wanted, the service is what the
  // question is about. Beside another topic it weighs less, so a short passage that repeats "copayments" does not
  // outrank the primary care row, which says "$5/visit".
  // "¿Cuánto es mi deducible si uso proveedores de la red?": the network tier qualifies what is asked, and a summary
  // names its tiers on every row. Beside another topic (not a kind of cost) it weighs as a kind of cost does, so the rows
  // that say "network provider" and not "deductible" do not outrank the deductible's answer.
  const groupsOf = (ids: Set<string>) => new Set([...seenConcepts].filter(([id]) => ids.has(id)).map(([, of]) => of));
  const costGroups = groupsOf(COST_SHARING);
  const tierGroups = groupsOf(NETWORK_TIERS);
  for (const [qualifiers, besides] of [[costGroups, costGroups], [tierGroups, new Set([...tierGroups, ...costGroups])]] as const) {
    if (!terms.some((term) => term.topic && !besides.has(term.group))) continue;
    for (const term of terms) if (qualifiers.has(term.group)) term.groupWeight *= COST_SHARING_WEIGHT;
  }

  // An appeal or a coverage decision about care that is no drug ("The plan said no to covering my knee surgery. How
  // many days do I have to file an appeal?") is about medical care: Medicare's Evidence of Coverage titles those
  // sections "Your medical care: …" beside "Your Part D prescription drugs: …", and a member rarely says "medical care".
  const named = [...seenConcepts.keys()];
  const aboutDecision = named.some((id) => DECISIONS.has(id));
  const aboutDrug = named.some((id) => id === "prescription-drugs" || id === "insulin" || id === "drug-tier" || conceptImplies(id, "prescription-drugs"));
  const aboutCare = named.some((id) => !DECISIONS.has(id) && !NOT_CARE.has(id));
  if (aboutDecision && aboutCare && !aboutDrug) addGroup(MEDICAL_CARE_WEIGHT, [{ tsquery: "medical <-> care", weight: 1 }], false);

  // Asked which number to call or where to write, the rows that give an office's contact say so: a Medicare Evidence of
  // Coverage prints them as "Appeals for Medical Care – Contact Information" beside the chapters that only describe
  // the same appeal. (Not a topic: it only orders the passages the question's own topic finds.)
  const contact = wantsNumber(text);
  if (contact === "phone" || contact === "address" || contact === "email" || contact === "website") {
    addGroup(CONTACT_WEIGHT, [{ tsquery: "contact <-> information", weight: 1 }], false);
  }

  // How long the member has to do something ("How long do I have to appeal?", "¿Cuántos días tengo para apelar?"): an
  // Evidence of Coverage states the member's deadlines as "You must make your appeal request within 65 calendar days"
  // beside the plan's own ("We must give you our answer within 72 hours"), in the same sections with the same words.
  if (named.includes("deadline") && OWN_DEADLINE.test(normalize(text))) addGroup(OWN_DEADLINE_WEIGHT, [{ tsquery: "you <-> must", weight: 1 }], false);

  // Which tier ("Tier 5", "nivel 5", "tier five"): a drug list's rows differ by their tier's number, which the words
  // alone ("tier", "drug") do not tell apart. Searched as "tier 5" beside the tier concept's own group.
  const tiers = new Set<string>();
  tokens.forEach((token, i) => {
    const n = TIER_WORDS.has(token.word) ? tierNumber(tokens[i + 1]?.word ?? "") : null;
    if (n !== null) tiers.add(n);
  });
  for (const n of tiers) addGroup(1, [{ tsquery: `tier <-> ${n}`, weight: 1 }]);

  // A term the member quotes ("What does 'benefit period' mean?") is asked about as a whole: its words together weigh
  // more than each alone, so the definition outranks passages that only say "benefit" here and "period" there.
  for (const quoted of text.matchAll(QUOTED)) {
    const words = tokenizeWithSurface(quoted[1] ?? "");
    if (words.length < 2 || words.length > MAX_QUOTED_WORDS || words.every((token) => STOP_WORDS.has(token.word))) continue;
    addGroup(1, [{ tsquery: phraseQuery(words), weight: 1 }]);
  }

  const embedded = designation.size > 0 ? text.replace(PLAN_DESIGNATION, " ").replace(/\s+/g, " ").trim() : text;
  const embeddingText = embeddingTerms.length > 0 ? `${embedded} ${embeddingTerms.join(" ")}` : embedded;
  return { terms: heaviestGroups(terms, MAX_GROUPS), embeddingText };
}

/** The terms of the `max` groups that weigh most (the earlier first among equals), groups numbered again from 0. */
function heaviestGroups(terms: KeywordTerm[], max: number): KeywordTerm[] {
  const weights = new Map<number, number>();
  for (const term of terms) weights.set(term.group, Math.max(weights.get(term.group) ?? 0, term.groupWeight));
  if (weights.size <= max) return terms;
  const kept = [...weights].sort(([a, wa], [b, wb]) => wb - wa || a - b).slice(0, max).map(([group]) => group).sort((a, b) => a - b);
  const renumbered = new Map(kept.map((group, i) => [group, i]));
  return terms.filter((term) => renumbered.has(term.group)).map((term) => ({ ...term, group: renumbered.get(term.group)! }));
}

/**
 * The question's tokens, and for each what it weighs for the sentence it is in. A member who tells the situation before
 * asking ("The plan denied a surgery my doctor wants me to have. How long do I have to appeal?") asks about the last
 * part: the words of a statement before a question weigh SITUATION_WEIGHT, so the passage that answers the question
 * (the appeal deadline) is not outranked by ones that retell the situation (denials, doctors, surgery). A question
 * without a subject of its own ("My son needs glasses from a shop outside the network. Will the plan pay anything for
 * them?") leaves the situation its full weight.
 */
function tokensBySentence(text: string): { tokens: SurfaceToken[]; weights: number[] } {
  const sentences = questionSentences(text);
  // A question with no subject of its own ("Will the plan pay anything for them?") is about the situation told before it.
  const questionHasSubject = specificTerms(sentences.filter(asks).join(" ")).length > 0;
  const mixed = questionHasSubject && sentences.some((sentence) => !asks(sentence) && /\p{L}/u.test(sentence));
  const tokens: SurfaceToken[] = [];
  const weights: number[] = [];
  for (const sentence of sentences) {
    const weight = mixed && !asks(sentence) ? SITUATION_WEIGHT : 1;
    for (const token of tokenizeWithSurface(sentence)) {
      tokens.push(token);
      weights.push(weight);
    }
  }
  return { tokens, weights };
}

/** The searches a concept adds: its English document terms, then its usual Spanish ones, all weighing less. */
function expansions(concept: Concept): Array<{ tsquery: string | null; weight: number }> {
  const weight = EXPANSION_WEIGHT;
  return [...concept.terms.slice(0, MAX_EXPANSIONS), ...concept.spanishTerms.slice(0, MAX_SPANISH_EXPANSIONS)].map((term) => ({
    tsquery: phraseQuery(tokenizeWithSurface(term)),
    weight,
  }));
}

/** The concept's usual document term, unless the question already says it that way. */
function embeddingTermsFor(concept: Concept, span: SurfaceToken[]): string[] {
  if (concept.generic) return [];
  const said = span.map((token) => stem(token.word)).join(" ");
  return concept.terms
    .slice(0, EMBEDDING_TERMS_PER_CONCEPT)
    .filter((term) => tokenizeWithSurface(term).map((token) => stem(token.word)).join(" ") !== said);
}

/**
 * Consecutive words as a tsquery phrase (`out <-> of <-> pocket:*`), articles and prepositions included because the
 * index keeps them. Null when a word cannot be searched (a number with separators or a percentage).
 */
function phraseQuery(tokens: SurfaceToken[]): string | null {
  const words = tokens.map(wordQuery);
  if (words.length === 0 || words.some((word) => word === null)) return null;
  return words.join(" <-> ");
}

/**
 * One word as a tsquery operand: its stem as a prefix ("referral:*" finds "referrals"), exact with a plural for short
 * words, digits exactly; the accented spelling too when it differs ("médico"), because the index keeps accents.
 * Only letters and digits reach the query, so no input can inject tsquery syntax.
 */
function wordQuery(token: SurfaceToken): string | null {
  if (/^\d/.test(token.word)) return /^\d+$/.test(token.word) ? token.word : null;
  // Inside a phrase, "of", "de" and "not" are written as they are.
  const stop = STOP_WORDS.has(token.word);
  // A word typed with its accent ("negó", "médico") is a prefix only as typed: folded, its stem would be a prefix of
  // English words ("nego:*" finds "negotiated", "medic:*" finds "Medicare"), so the folded form matches exactly.
  const accented = token.surface !== token.word;
  const operands = [...new Set(stop ? [token.word, token.surface] : accented ? [token.word, ...operandsOf(token.surface)] : [...operandsOf(token.word), ...operandsOf(token.surface)])];
  if (operands.some((operand) => !/^[\p{L}\p{M}\p{N}]+(?::\*)?$/u.test(operand))) return null;
  return operands.length === 1 ? operands.join("") : `(${operands.join(" | ")})`;
}

function operandsOf(word: string): string[] {
  const stemmed = stem(word);
  if (stemmed.length >= MIN_PREFIX_STEM) return [`${stemmed}:*`];
  // A short English or Spanish word and its plural ("mri", "mris"); a stem can't be a prefix here.
  return word.endsWith("s") || !/^[a-zñ]+$/.test(word) ? [word] : [word, `${word}s`];
}

/** Whether a concept is a kind of another by the vocabulary's `implies`. */
function conceptImplies(id: string, broader: string): boolean {
  return (conceptById(id as ConceptId).implies as readonly string[]).includes(broader);
}
