import { findConcepts } from "./concepts.ts";
import { detectLanguage } from "./language.ts";
import { normalize } from "./normalize.ts";
import { stem } from "./stem.ts";
import { GENERIC_STEMS, STOP_WORDS } from "./stop-words.ts";
import { tokenize } from "./tokenize.ts";

/**
 * Everyday English words of members' questions, and words that say what kind of answer is wanted rather than what it
 * is about. A word outside them, outside the stop words and the plan vocabulary's generic words, names the subject
 * itself — a drug, a service, a place — so its absence from every retrieved passage means the documents do not answer
 * the question. A fixed list stands in for word frequencies, which an offline provider does not have.
 */
const COMMON_WORDS = new Set(
  `about above across actual actually add additional after again against ago all allow almost alone along already also
  although always among another answer anyone anything anywhere apart area around ask away back bad base basic because
  become before begin behind being below beside besides best better between big bit both bring build but buy call can
  care case cause certain change check choose claim clear close come common complete concern consider contact continue
  could count course current cut date deal decide depend describe detail different direct does done down during each
  early easy effect either else end enough entire etc ever every exact example except expect explain extra far feel few
  fill final find fine follow form free full further future general give given good great group half hand happen hard
  have having help her here high him his hold home hour however idea important include information instead involve
  issue item just keep kind know last late later least leave less let level life like list little live local long look
  lot low made main make many matter may mean member might mind miss more most mostly move must name near necessary
  never new next nice none normal note nothing now number offer office often old once one only open option order other
  otherwise our outside over own part particular past period person phone place please point possible pretty probably
  problem process provide put question quick quite rather read ready real really reason receive recent regular related
  remain remember request rest result return right same say second section seem separate series set several shall
  short should show sign similar simple since single situation small some someone something sometimes soon sort
  specific start state still stop such suppose sure system take talk tell than thank that them themselves then
  therefore these thing think third those though through thus time today together too total try true turn two under
  understand unless until upon usual value various very via wait want way well went what whatever whenever whether
  which while whole whom whose why will wish within without wonder work worry would write wrong yet your yourself
  copay coinsurance deductible cost pay premium price amount charge fee maximum minimum limit annual year month day week
  visit doctor provider network out pocket allow require need mean include apply count toward much many often long old
  happen see get use take person people individual family per first after before covered go do ok okay hi hello`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);

/**
 * The terms of a question that name its subject: the vocabulary's specific concepts ("#acupuncture", whatever the
 * language or wording) and, outside them, English words that are not everyday words. In a Spanish question an unmapped
 * Spanish word cannot be looked for in an English document, so only concepts and capitalised names ("Ozempic") count.
 * Tokens are `contentTokens` tokens, so they can be looked up in a passage's tokens.
 *
 * @example specificTerms("What is my copay for Ozempic?") // ["ozempic"]
 */
export function specificTerms(question: string): string[] {
  const spanish = detectLanguage(question) === "es";
  const words = tokenize(question);
  const terms = new Set<string>();
  const inConcept = new Array<boolean>(words.length).fill(false);
  for (const match of findConcepts(words)) {
    inConcept.fill(true, match.start, match.end);
    // A concept named only by everyday words ("visit" for an office visit) does not name the subject of a question
    // that also says "telehealth": it would let any row with "visit" in it pass for the answer.
    const everyday = words.slice(match.start, match.end).every((word) => STOP_WORDS.has(word) || COMMON_WORDS.has(stem(word)));
    if (!match.concept.generic && match.concept.weight >= 1 && !COMMON_WORDS.has(stem(match.concept.id)) && !everyday) terms.add(`#${match.concept.id}`);
  }
  const named = new Set(
    (question.match(/(?<=[\p{L}\p{N},;:] +)\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}+)*/gu) ?? []).flatMap((name) => tokenize(name)),
  );
  words.forEach((word, i) => {
    if (inConcept[i] || STOP_WORDS.has(word) || /^\d/.test(word) || word.length < 3) return;
    const stemmed = stem(word);
    if (spanish && !named.has(word)) return;
    if (GENERIC_STEMS.has(stemmed) || COMMON_WORDS.has(stemmed)) return;
    terms.add(stemmed);
  });
  return [...terms];
}

/** Identifiers a member may ask for: a plan document describes them but never holds the member's own. */
const IDENTIFIER =
  /\b(?:(?:id|identification|member|claim|policy|group|phone|telephone|account) number|member id|number (?:on|of) my|numero de (?:mi |su )?(?:identificacion|miembro|reclamo|reclamacion|poliza|grupo|telefono|tarjeta|cuenta)|numero de mi)\b/;

/**
 * "amount" for a question asking how much something costs, "number" for one asking how many (visits, days),
 * "identifier" for one asking for a number that names something (a member ID, a claim or phone number), null
 * otherwise. Such a question is only answered by a passage with an amount, a number, or a run of digits.
 *
 * @example wantsNumber("¿Cuál es mi número de identificación de miembro?") // "identifier"
 */
export function wantsNumber(question: string): "amount" | "number" | "identifier" | null {
  const normalized = normalize(question);
  if (/\bhow many\b|\bcuant[oa]s\b/.test(normalized)) return "number";
  if (/\bhow much\b|\bcuanto\b|\bcuanta\b|\bwhat does .* cost\b|\bcuesta\b/.test(normalized)) return "amount";
  if (IDENTIFIER.test(normalized)) return "identifier";
  return null;
}
