import { stem } from "./stem.ts";

/**
 * Word lists shared by the keyword query, the offline answerer and the offline embedder. All entries are in the form
 * `tokenize` produces (lowercase, no accents), so "cuánto" is listed as "cuanto".
 */

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/**
 * Articles, prepositions and possessives: skipped when a question is matched against the vocabulary's phrases, so
 * "out of my pocket" meets "out of pocket" and "sala de emergencias" meets "sala emergencias". A subset of STOP_WORDS.
 */
export const FILLER_WORDS = words(`
  a an the of for to in on at by with from my your our his her their its this that these those
  el la los las lo un una unos unas de del al en con por para mi mis tu tus su sus nuestro nuestra
`);

/**
 * Function words, question words and filler verbs of English and Spanish: they carry no topic, and left in they make
 * every question look a little like every passage. Not here on purpose: "out" ("out of network", "out-of-pocket"),
 * amounts and insurance words, however common: the keyword leg weighs common words down by their frequency instead.
 */
export const STOP_WORDS = new Set([
  ...FILLER_WORDS,
  ...words(`
    and am are as be been being but can could did do does doing done had has have having he her here hers him how i if
    into is it itself just may me might mine must no nor not now off once only or other ours over own same shall she
    should so some such than then there they through too under until up upon very was we were what when where which
    while who whom whose why will would yes you yours also about above after again against all any because before
    below between both during each either few further get gets got more most much many per please tell know want wants wanted need think thinks thought
    im dont doesnt isnt whats hows theres aren wasn s t ve ll re d still even ever already go goes going like let kind kinds sort sorts
    e y o u que es son esta estan estoy estar ser soy fue era eres te se le les nos sobre como cual cuales cuando donde
    quien quienes este estos estas ese esa eso esos esas esto hay tengo tiene tienen tenemos puedo puede pueden
    necesito mas muy tambien pero si sino ya cuanto cuanta cuantos cuantas hace hacer usted ustedes yo ella ellos
    ellas algo alguna alguno sin ni hasta desde entre durante hacia segun
  `),
]);

/**
 * Stems every plan document repeats ("plan", "covered", "benefit"): a match on them alone says little about which
 * passage answers a question. The offline answerer and embedder weigh them down by a fixed factor, since neither
 * sees document frequencies (the keyword leg does, and needs no list).
 */
export const GENERIC_STEMS = new Set(
  [
    ...words(`
      plan plans cover covered coverage benefit insurance health service member policy care medical document
      information page amount include apply call see use
    `),
  ].map(stem),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
