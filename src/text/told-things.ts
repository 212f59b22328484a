import { contentTokens } from "./content-tokens.ts";
import { askedParts, asks, NETWORK_TIERS, questionSentences, specificTerms } from "./specific-terms.ts";
import { normalize } from "./normalize.ts";

/**
 * What a question tells besides what it asks: the things of care its story names, and which of them each part of
 * the question is about. Read by the offline answerer (src/providers/llm/offline.ts) and by the search's query
 * decomposition (src/retrieval/search.ts).
 */

/** Units of time: "every couple of months", "for a day or two". */
export const TIME_UNITS = ["#day", "#month", "#year"];
export { NETWORK_TIERS };
/** Whom the care is for: the subject of "Can I add my wife to the plan?", the story of "My husband needs dialysis". */
export const PEOPLE = ["#spouse", "#child", "#dependent", "#mother", "#relative"];
/** What kind of figure is asked for, not what about: "What's my copay for an ER visit?" is about the ER. */
export const COST_SHARING = ["#copay", "#coinsurance", "#deductible", "#cost", "#charge", "#pay", "#out-of-pocket-limit"];
/** Concepts a question names that are not a service: whom it is for, a network tier, where or how it is had, who pays. */
export const NOT_SERVICES = [...PEOPLE, ...NETWORK_TIERS, "#adult", "#pharmacy", "#mail-order", "#prior-authorization", "#referral", "#customer-service", "#state", "#plan", "#reimbursement", ...COST_SHARING];
/** A concept naming a service: not whom, where, when or how it is paid. */
export const isService = (term: string) => term.startsWith("#") && !NOT_SERVICES.includes(term) && !TIME_UNITS.includes(term);
/** Where a question's told things part: clause and sentence ends, "or", "and", "either", "but", "o", "y", "pero". */
export const TOLD_SEPARATOR = /[,;.!?¿¡]+|\s(?:or|and|either|but|o|u|y|e|pero)\s/iu;

/**
 * The hospital a member is leaving, told before the care after it: "Mom is leaving the hospital and needs…", "cuando le
 * den de alta del hospital" (in a normalized text).
 */
export const HOSPITAL_LEFT =
  /\b(?:leaving|left|leaves|leave|discharged from|released from|coming home from|came home from|getting out of|gets out of|got out of|sale del|salio del|saliendo del|salga del|de alta del|de alta en el)\s+(?:the\s+|el\s+)?hospital\b/;

/**
 * The thing of the story each part of a question that names nothing of its own is about ("My daughter rolled her
 * ankle… We took her to an in-network urgent care and they sent her home with crutches… What do we owe for the visit,
 * and what share of the crutches?": the visit is the urgent care's, as the crutches are the other part's). The things
 * told are the story's stretches that name a service (as `eachToldAsk` reads them); those a part names are its own;
 * the rest go to the parts that name nothing, in the order both are told, when there are as many of each.
 */
export function partStories(told: string, parts: readonly string[]): Map<string, string> {
  const stories = new Map<string, string>();
  const named = parts.map((part) => specificTerms(part).filter(isService));
  const bare = parts.filter((_, i) => named[i]!.length === 0);
  if (bare.length === 0) return stories;
  const seen = new Set<string>();
  const things: string[] = [];
  // (A thing told again by a broader name is the same thing: "…un medicamento de marca preferida y es mi primera receta
  // del año" tells one drug.)
  const toldBroader = new Set<string>();
  for (const stretch of told.split(TOLD_SEPARATOR)) {
    const terms = specificTerms(stretch).filter(isService);
    const key = [...terms].sort().join(" ");
    // (A part's own thing may be told by a narrower name: "un genérico de nivel 1" for "la receta".)
    const broader = [...contentTokens(stretch, { broader: true }).keys()];
    // (The hospital left, "Mom is leaving the hospital and needs…", is where the story starts, not a thing told.)
    if (terms.length === 0 || HOSPITAL_LEFT.test(normalize(stretch)) || seen.has(key) || named.some((own) => own.some((term) => broader.includes(term))) || terms.every((term) => toldBroader.has(term))) continue;
    seen.add(key);
    for (const term of broader) if (term.startsWith("#")) toldBroader.add(term);
    things.push(stretch.trim());
  }
  if (things.length === bare.length) {
    for (const [i, part] of bare.entries()) stories.set(part, `${things[i]}. ${part}`);
    return stories;
  }
  // More things told than parts to give them to ("…tiene una adicción a los opioides. Primero la van a internar… y
  // después va a ir a consultas con un consejero… ¿…y cuánto por cada consulta?"): a part gets the one thing that says
  // what it asks for ("consultas"), when only one does.
  // (Each thing's concepts are read once, for every part.)
  const thingTokens = things.map((thing) => contentTokens(thing));
  for (const part of bare) {
    const asked = [...contentTokens(part).keys()].filter((token) => token.startsWith("#") && !NOT_SERVICES.includes(token));
    const saying = things.filter((_, i) => asked.some((token) => thingTokens[i]!.has(token)));
    if (asked.length > 0 && saying.length === 1) stories.set(part, `${saying[0]}. ${part}`);
  }
  return stories;
}

/**
 * The parts of a question with the thing of the story each is about (`partStories`), when one part names nothing of its
 * own and the story tells what: "We took her to an in-network urgent care. What do we owe for the visit?", "what share
 * of the crutches?". [] otherwise. `parts`: the question's asked parts, when the caller has them.
 */
export function storiedParts(question: string, parts: readonly string[] = askedParts(question)): string[] {
  if (parts.length < 2) return [];
  const stories = partStories(questionSentences(question).filter((sentence) => !asks(sentence)).join(" "), parts);
  return stories.size === 0 ? [] : parts.map((part) => stories.get(part) ?? part);
}
