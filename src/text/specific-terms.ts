import { findConcepts } from "./concepts.ts";
import { contentTokens, withoutHardship } from "./content-tokens.ts";
import { detectLanguage } from "./language.ts";
import { normalize } from "./normalize.ts";
import { stem } from "./stem.ts";
import { GENERIC_STEMS, isCommonStem, STOP_WORDS } from "./stop-words.ts";
import { tokenize } from "./tokenize.ts";


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
    // (Unless the vocabulary says the concept is a thing however everyday its words: "the list of network doctors".)
    const everyday = !match.concept.named && everydayWords(words.slice(match.start, match.end));
    // A concept named after an everyday word ("cost", "day") is no subject either, unless documents name it otherwise
    // ("hearing" is written "hearing aids").
    const everydayConcept = isCommonStem(stem(match.concept.id)) && everydayWords(tokenize(match.concept.terms[0] ?? ""));
    if (!match.concept.generic && match.concept.weight >= 1 && !everydayConcept && !everyday) terms.add(`#${match.concept.id}`);
  }
  const named = capitalisedNames(question);
  // A name said in Spanish ("el Departamento de Atención Médica Administrada de California", "el Centro de Contacto con
  // el Cliente") is the Spanish for an office an English document names in English: its words are no brand to find.
  if (spanish) for (const word of translatedNames(question)) named.delete(word);
  const actions = actionsNamed(words);
  const spelled = spelledOut(question);
  const paidFor = spanish ? thingsPaidFor(question) : new Set<string>();
  words.forEach((word, i) => {
    if (inConcept[i] || actions.has(i) || spelled.has(word) || STOP_WORDS.has(word) || /^\d/.test(word) || word.length < 3) return;
    // A word that ends another word of the question refers back to it ("a wheelchair … the chair").
    if (words.some((other) => other.length > word.length && other.endsWith(word))) return;
    const stemmed = stem(word);
    if (spanish && !named.has(word) && !(SPANISH_TERM.test(word) && !SPANISH_EVERYDAY_TERMS.has(word)) && !paidFor.has(word)) return;
    if (GENERIC_STEMS.has(stemmed) || isCommonStem(stemmed)) return;
    // An adverb says how, not what ("It's purely cosmetic", "a medically necessary…").
    if (!spanish && ADVERB.test(word) && !LY_NOUNS.has(word)) return;
    terms.add(stemmed);
  });
  return [...terms];
}

/** Spanish verbs of paying or covering something: "¿El plan me paga la lámpara?", "¿nos ayuda a pagar esa alarma?". */
const SPANISH_PAYING = new Set("paga pagan pagar pague paguen cubre cubren cubrir cubra cubran reembolsa reembolsan reembolsar cobra cobran cobrar".split(" "));
const SPANISH_ARTICLES = new Set("el la los las ese esa esos esas este esta estos estas un una unos unas".split(" "));
/** The words a Spanish question's asking sentences ask the plan to pay for, right after the verb and an article (a story's "me cobran una multa" tells), but for everyday nouns ("la diferencia", "el resto"). */
function thingsPaidFor(question: string): Set<string> {
  const paid = new Set<string>();
  for (const sentence of questionSentences(question).filter(asks)) {
    const words = tokenize(sentence);
    words.forEach((word, i) => {
      const thing = words[i + 2];
      if (SPANISH_PAYING.has(word) && SPANISH_ARTICLES.has(words[i + 1] ?? "") && thing !== undefined && thing.length >= 4 && !SPANISH_EVERYDAY_TERMS.has(thing)) paid.add(thing);
    });
  }
  return paid;
}

/**
 * Initials given beside the words they stand for ("an intensive outpatient program (IOP)", "SNF (skilled nursing
 * facility)"): the words name the thing, and a passage that says them answers without the initials.
 */
function spelledOut(question: string): Set<string> {
  const spelled = new Set<string>();
  const initialsOf = (words: string) => (words.match(/[\p{L}'’-]+/gu) ?? []).map((word) => word[0]!.toLowerCase()).join("");
  for (const match of question.matchAll(/((?:[\p{L}'’-]+\s+){2,6})\((\p{Lu}{2,6})s?\)/gu)) {
    const initials = match[2]!.toLowerCase();
    if (initialsOf(match[1]!).endsWith(initials)) spelled.add(initials);
  }
  for (const match of question.matchAll(/\b(\p{Lu}{2,6})s?\s+\(([\p{L}'’-]+(?:\s+[\p{L}'’-]+){1,5})\)/gu)) {
    const initials = match[1]!.toLowerCase();
    if (initialsOf(match[2]!).startsWith(initials)) spelled.add(initials);
  }
  return spelled;
}

/** An English adverb: "purely", "medically", "temporarily". */
const ADVERB = /^\p{L}{3,}ly$/u;
/** Nouns that end like one. */
const LY_NOUNS = new Set(["supply", "family", "assembly", "anomaly", "belly", "jelly", "monopoly", "rally", "lily", "butterfly", "dragonfly", "reply", "bully", "homily"]);

/**
 * The tokens of the words capitalised inside a text ("Ozempic", "la insulina Lantus", "(Accutane)"), not at its start, and of the
 * words written in capitals ("la farmacia CVS", "con láser (LASIK)"): names.
 */
export function capitalisedNames(text: string): Set<string> {
  // (Also in parentheses after the word it names: "isotretinoína (Accutane)"; a brand written with inner capitals,
  // "LabCorp", "SilverSneakers", is one name, not "Lab".)
  // (And after a title's period: "el Dr. Jensen".)
  const names = text.match(/(?<=[\p{L}\p{N},;:] +\(?|\b(?:Dr|Dra|Mr|Mrs|Ms|Sr|Sra|Srta)\. +)\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)*(?:-\p{L}+)*/gu) ?? [];
  // (Initials given beside the words they stand for are those words, no name: "an intensive outpatient program (IOP)".)
  const spelled = spelledOut(text);
  return new Set([...names.flatMap((name) => tokenize(name)), ...inCapitals(text)].filter((name) => !spelled.has(name)));
}

/**
 * The tokens of the names a Spanish question gives in Spanish: runs of capitalised words joined by "de", "del", "con
 * el", "para" that open with an office's word ("Departamento de Seguros", "Centro de Contacto con el Cliente"), as
 * Spanish writes an office's name. A brand ("Ozempic", "la farmacia CVS") or a place ("Medicaid de Utah") is no
 * translation.
 */
export function translatedNames(question: string): Set<string> {
  const runs = question.match(/\p{Lu}[\p{Ll}\p{M}]+(?:\s+(?:(?:de|del|con|para)\s+(?:(?:el|la|los|las)\s+)?)?\p{Lu}[\p{Ll}\p{M}]+)+/gu) ?? [];
  return new Set(runs.filter((run) => /\s(?:de|del|con|para)\s/u.test(run) && OFFICE.test(normalize(run))).flatMap((run) => tokenize(run)));
}

/** The Spanish word an office's name opens with: "Departamento de…", "Centro de…", "Oficina del…". */
const OFFICE = /^(?:departamento|centro|oficina|programa|servicios?|linea|administracion|agencia|division|secretaria|defensor|defensoria|comisionado|instituto|sistema|junta|consejo)\b/;

/**
 * The plain specific terms a question offers as alternatives ("Is this an HMO or a PPO?", "¿Es HMO o PPO?"): each
 * term mapped to the others it is set against, so one found answers the question.
 */
export function alternativeTerms(question: string): Map<string, string[]> {
  const specific = new Set(specificTerms(question));
  const alternatives = new Map<string, string[]>();
  for (const sentence of questionSentences(question).filter(asks)) {
    const words = tokenize(sentence).filter((word) => !ARTICLES.has(word));
    words.forEach((word, i) => {
      if (!OR.has(word)) return;
      const left = stem(words[i - 1] ?? "");
      const right = stem(words[i + 1] ?? "");
      if (!specific.has(left) || !specific.has(right) || left === right) return;
      alternatives.set(left, [...(alternatives.get(left) ?? []), right]);
      alternatives.set(right, [...(alternatives.get(right) ?? []), left]);
    });
  }
  return alternatives;
}

/** Equipment a member names after what it is for: "a blood pressure monitor", "a breast pump", "an oxygen machine". */
const DEVICE_WORDS = new Set("monitor monitors machine machines device devices pump pumps meter meters cuff cuffs kit kits sensor sensors tester testers".split(" "));

/**
 * Words that say how much or which of a thing, not what kind: "the biggest supply", "the longest stay"; or how truly
 * it is one: "a real emergency".
 */
const DEGREES = new Set(
  "biggest largest longest smallest shortest cheapest highest lowest greatest earliest latest newest oldest best worst most least max maximum minimum bigger larger longer smaller shorter cheaper higher lower full whole entire real actual true genuine".split(" "),
);

/**
 * The plain words a question's asked part names a thing by, with the word before each that says which kind ("trip
 * cancellation insurance": "trip" before "cancellation"), as [kind, word] stems. A passage that uses the word of
 * something else ("the cancellation policy of the gym") does not answer: the two must be found together. English
 * only: Spanish names the kind after the thing ("seguro de cancelación de viaje").
 */
export function compoundTerms(question: string, required: readonly string[]): [string, string][] {
  if (detectLanguage(question) === "es") return [];
  const plain = new Set(required.filter((term) => !term.startsWith("#")));
  const pairs: [string, string][] = [];
  // (A name is no kind of a thing: "join AARP".)
  const names = capitalisedNames(question);
  // (Within a phrase: "Peg, Joe and Mia" names three.)
  for (const phrase of askedPart(question).split(/[,;:()]/)) {
    const words = tokenize(phrase);
    const inConcept = new Array<boolean>(words.length).fill(false);
    // (Equipment named after a kind the vocabulary reads, "a home blood pressure monitor", is a kind too: its last word
    // and the thing's are found together, not "blood glucose monitors".)
    const conceptEnds = new Set<number>();
    for (const match of findConcepts(words)) {
      inConcept.fill(true, match.start, match.end);
      if (match.end - match.start >= 2 && !match.concept.generic) conceptEnds.add(match.end - 1);
    }
    words.forEach((word, i) => {
      const before = words[i - 1];
      if (before === undefined || inConcept[i] || !plain.has(stem(word)) || names.has(word) || names.has(before)) return;
      if (conceptEnds.has(i - 1) && DEVICE_WORDS.has(word)) {
        pairs.push([stem(before), stem(word)]);
        return;
      }
      if (inConcept[i - 1]) return;
      // (Nor is a verb: "to join", "I need".)
      if (VERB_BEFORE.has(words[i - 2] ?? "")) return;
      // The kind is an everyday noun ("trip") or a specific word asked about too ("a private room": "private-duty
      // nursing" and "emergency room" do not offer one), not a name of its own to find, a determiner ("another
      // Advantage plan"), a verb's form or a word of every plan.
      // (Nor is how much of it, "the biggest supply".)
      if (!(isCommonStem(stem(before)) || plain.has(stem(before))) || STOP_WORDS.has(before) || DETERMINERS.has(before) || PLACES.has(before) || PREPOSITIONS.has(before) || DEGREES.has(before) || /(?:ed|ing|ly)$/.test(before) || GENERIC_STEMS.has(stem(before))) return;
      pairs.push([stem(before), stem(word)]);
    });
  }
  return pairs;
}

/** Words before a verb: the word after them does something, it names no kind ("to join AARP", "I need"). */
const VERB_BEFORE = new Set("to i you we they he she can could will would do does did should must may might".split(" "));
/**
 * Words that say which one, how many or in what form, not what kind ("another Advantage plan", "extra coverage", "a
 * paper copy").
 */
const DETERMINERS = new Set("another other any each every some such same own new old next last first second extra additional different current previous paper printed written hard time".split(" "));
/** Words that relate a thing to another, no kind of it: "pays more toward comprehensive dental". */
const PREPOSITIONS = new Set("toward towards against across along around beyond within without upon onto into via".split(" "));
/** Where the thing is used, not what kind it is: "home oxygen" is the plan's oxygen equipment, used at home. */
const PLACES = new Set("home house apartment".split(" "));
const OR = new Set(["or", "o", "u"]);
const ARTICLES = new Set("a an the un una el la".split(" "));

/** The tokens of the words written in capitals ("CVS", "LASIK"), three letters or more. */
function inCapitals(text: string): Set<string> {
  // (And codes written with a lower-case letter inside: "RxBIN", "RxPCN".)
  return new Set(tokenize((text.match(/(?<![\p{L}\p{N}])(?:\p{Lu}{3,}|\p{Lu}\p{Ll}\p{Lu}{3,})(?![\p{L}\p{N}])/gu) ?? []).join(" ")));
}

/**
 * The specific words of a question said after the first service it names ("a routine eye exam for myself", "a hearing
 * exam with an in-network audiologist", "glasses … can I split it across two purchases?"): they qualify the service
 * or tell the story, and a passage about the service answers without them. A word before it, or right after a
 * concept, names the thing asked about ("Jardiance para la diabetes", "allergy shots", "hearing aid batteries"). `isService` tells which of the
 * question's concepts is a service (by id, without "#").
 *
 * @example termsAfterService("Is a hearing exam with an in-network audiologist in Provo covered?", (id) => id === "hearing") // ["provo"]
 */
export function termsAfterService(question: string, isService: (id: string) => boolean): string[] {
  const words = tokenize(question);
  const first = findConcepts(words).find((match) => isService(match.concept.id));
  if (first === undefined) return [];
  const specific = new Set(specificTerms(question));
  // A word right after a concept names a kind of it ("hearing aid batteries", "dental implants"): the thing asked.
  const ends = new Set(findConcepts(words).map((match) => match.end));
  // A word in capitals is a name too ("con láser (LASIK)"), wherever it stands, and so is a capitalised one ("…a qué
  // laboratorio de la red, Quest o LabCorp?"), unless it names where the care happens ("…an audiologist in Provo"); a
  // name after "at" is the business asked about ("…my eyewear allowance at Costco Optical?").
  const places = placesIn(question, { at: false });
  const capitals = new Set([...capitalisedNames(question)].filter((word) => !places.has(stem(word))));
  const named = new Set(words.flatMap((word, i) => (i < first.start || ends.has(i) || capitals.has(word) ? [stem(word)] : [])));
  // A second thing joined to the service with its own article ("…include X-rays and a fluoride treatment?", "…o el
  // seguro de compensación…") is asked about too, not a word that qualifies the first: its word is named. (Without an
  // article, "test strips and meter", the words name one thing.)
  for (let i = first.end; i + 2 < words.length; i++) {
    if (JOINS.has(words[i]!) && ARTICLES.has(words[i + 1]!) && specific.has(stem(words[i + 2]!))) named.add(stem(words[i + 2]!));
  }
  // What the service is asked to include ("Does the One Pass gym benefit include sessions with a personal trainer?",
  // "¿…incluye los lentes?") is the thing asked about, not a word that qualifies it.
  const including = words.findIndex((word, i) => i >= first.end && INCLUDES.has(word));
  if (including >= 0) for (const word of words.slice(including + 1)) named.add(stem(word));
  return [...new Set(words.slice(first.end).map(stem))].filter((term) => specific.has(term) && !named.has(term));
}

/** Verbs asking what a service includes. */
const INCLUDES = new Set(["include", "includes", "including", "incluye", "incluyen", "incluya"]);

/** Words that join a second thing to the first (ARTICLES open it). */
const JOINS = new Set([...OR, "and", "y", "e"]);

function everydayWords(words: string[]): boolean {
  return words.every((word) => STOP_WORDS.has(word) || isCommonStem(stem(word)));
}

/**
 * A Spanish word with a learned ending ("circuncisión", "vasectomía", "mamografía", "fisioterapia", "cardiólogo",
 * "estacionamiento", "generador", "vendaje", "autismo"): a noun naming a thing, as an English word outside the everyday
 * ones does. Outside the glossary, it is a subject the documents must be found to say (an English document cannot say
 * it in Spanish, so the answer is an honest "No encontré eso"), not a verb or a filler to look past.
 */
export const SPANISH_TERM = /(?:cion|sion|sis|itis|tomia|grafia|scopia|terapia|logia|logo|loga|patia|amiento|imiento|ador|adora|adores|adoras|aje|ajes|ismo)$/;
/** Everyday Spanish nouns, with those endings or asked to be paid for (thingsPaidFor: "la diferencia", "la consulta"), and illnesses the English list holds everyday ("infection", "bronchitis", "sinus"; "la presión", blood pressure). */
const SPANISH_EVERYDAY_TERMS = new Set(
  "anticipacion seleccion selecciones informacion atencion opcion opciones condicion situacion relacion razon direccion pregunta decision explicacion ocasion accion funcion manera crisis analisis terapia terapias revision revisiones tratamiento tratamientos procedimiento procedimientos seguimiento nacimiento alojamiento movimiento conocimiento comportamiento crecimiento sufrimiento pensamiento sentimiento infeccion infecciones bronquitis sinusitis presion porcentaje porcentajes mismo viaje viajes mensaje mensajes lenguaje trabajador trabajadora trabajadores cuidador cuidadora computadora empleador empleadora empleadores diferencia resto costo costos cuenta cuentas factura facturas parte mitad total cantidad precio precios cita citas visita visitas cargo cargos gasto gastos dinero copago copagos deducible monto saldo servicio servicios cosa cosas mes ano dia vez veces primera segunda otra otro misma examen examenes programa programas cuota cuotas hora horas consulta consultas medicina medicinas receta recetas primer ultimo nuevo nueva segundo tercer tercero tercera proximo proxima siguiente prueba pruebas tipo tipos".split(" "),
);

/**
 * The specific terms a passage must share for it to answer the question: those of what is asked, not of the situation
 * told around it. A member explains ("I'm traveling to Europe. Is there a limit on emergency care outside the
 * country?", "Will the plan pay for a podiatrist to trim my toenails every couple of months?"); the documents rarely
 * repeat "Europe" or "toenails", and their absence says nothing about whether emergency care abroad or foot care is
 * covered. So statements before a question, and a question's trailing clause (from "to trim…", "that…", "after…",
 * "from…", "every…"), are left out — unless what is left names nothing, when the whole question is its own subject.
 * The subject's own words stay: "Does the plan cover a breast pump after my baby is born?" still needs "breast pump".
 *
 * @example requiredTerms("I'm diabetic. Does the plan cover routine foot care?") // ["#podiatry"]
 */
export function requiredTerms(question: string): string[] {
  const asked = askedPart(question.replace(KNOWN_ASIDE, " ")).replace(SET_ASIDE, " ").replace(HOW_DEGREE, " ").replace(WHEN_IN_PERIOD, " ");
  return referredBack(question, asked, specificTerms(asked));
}

/**
 * A thing told in two words and asked about by its last ("…weekly allergy shots. …what's the copay per shot?") is the
 * thing told, not what the last word names alone (a vaccine): the asked part's concept is the told one's.
 */
function referredBack(question: string, asked: string, terms: string[]): string[] {
  const words = tokenize(question);
  const multiword = findConcepts(words).filter((match) => match.end - match.start >= 2);
  if (multiword.length === 0) return terms;
  const told = new Map(multiword.map((match) => [stem(words[match.end - 1] ?? ""), `#${match.concept.id}`]));
  // (In Spanish the thing is the first word, "aparatos para oír … ¿El plan cubre los aparatos?": a word of no concept
  // of its own that was the first of one told is that one.)
  const toldFirst = detectLanguage(question) === "es" ? new Map(multiword.map((match) => [stem(words[match.start] ?? ""), `#${match.concept.id}`])) : new Map<string, string>();
  const askedWords = tokenize(asked);
  const replaced = new Map<string, string>();
  for (const match of findConcepts(askedWords)) {
    const whole = told.get(stem(askedWords[match.start] ?? ""));
    if (match.end - match.start === 1 && whole !== undefined && whole !== `#${match.concept.id}`) replaced.set(`#${match.concept.id}`, whole);
  }
  return [...new Set(terms.map((term) => replaced.get(term) ?? (term.startsWith("#") ? term : (toldFirst.get(term) ?? term))))];
}

/**
 * What the member says they already know, as a clause or a sentence of its own before what they ask ("Cosmetic surgery
 * is excluded, so will UHC still pay for breast reconstruction?", "Ya vi que el chequeo dental no está cubierto.
 * ¿Venden un plan dental aparte?", "Clover covers dentures at 50%, but how often…?"): set aside before the asked part
 * is found (the clause would otherwise be taken for the main one), unless what follows asks whether it holds "too".
 */
const KNOWN_ASIDE =
  /(?<=^|[.!?]\s+)[^,.;?!]{3,60}?\b(?:is|are|isn't|aren't|is not|are not)\s+(?:excluded|covered|not covered)\b[^,.;?!]{0,30}?,\s*(?:but|so)\b(?![^?]*\b(?:too|also|as well)\b)|(?<=^|[.!?]\s+)[^,.;?!]{3,40}?\b(?:covers|pays for)\b[^,.;?!]{0,40}?,\s*but\b(?![^?]*\b(?:too|also|as well)\b)|\bya\s+(?:s[eé]|vi|veo)\s+que\s+[^.;?!]{3,80}[.;](?=\s+\S)(?![^?]*\btambi[eé]n\b)/giu;

/**
 * "…in the middle of the year", "at the end of the month", "a mitad de año": when, which the passage's own dates and
 * periods answer ("changes take effect January 1"), not a word it must say.
 */
const WHEN_IN_PERIOD =
  /\b(?:in|at|by|during|around|toward|towards)\s+the\s+(?:middle|end|start|beginning|rest)\s+of\s+(?:the|a|this|next|my)\s+(?:plan\s+|calendar\s+|benefit\s+)?(?:year|month|week|period)\b|\bmid-?(?:year|month)\b|\b(?:a|a la|en la|al)\s+(?:mitad|medio|mediados|final|fin|principios?|inicio)\s+(?:de|del)\s+(?:este\s+|el\s+)?(?:año|ano|mes)\b/giu;

/** Who acts in a question ("can I swap…", "he examines…"), and the auxiliaries and adverbs between them and the verb. */
const SUBJECT_PRONOUNS = new Set(["i", "we", "he", "she", "they", "you"]);
/** Whom something is done for, after "to": "mailed to me". */
const RECIPIENTS = new Set(["me", "us", "him", "her", "them", "my", "our"]);
/** The words before a participle that make it something done to someone: "being discharged", "got admitted". */
const PASSIVE_BEFORE = new Set(["being", "been", "getting", "got", "gets", "get"]);
/** The forms of "be" before a verb's "-ing": "we were hiking", "I'm moving". */
const BE_FORMS = new Set(["am", "are", "is", "was", "were", "m", "re", "s"]);
const BEFORE_VERB = new Set(["should", "could", "would", "can", "will", "might", "must", "may", "just", "also", "really", "only", "still", "even", "do", "does", "did", "not", "never", "always", "usually", "ever"]);

/**
 * What someone in the question does ("can I swap them for glasses", "I should budget for", "when he examines my
 * eyes", "a copy mailed to me"): the word after a subject pronoun (and its auxiliaries), or a participle before "to
 * me", is a verb, how the member tells it, not a thing the documents must name ("may not be exchanged", "eye exam").
 */
function actionsNamed(words: readonly string[]): Set<number> {
  const verbs = new Set<number>();
  words.forEach((word, i) => {
    // "…a paper copy mailed to me", "sent to us": what is done for the member, not a thing to find.
    if (/ed$/.test(word) && words[i + 1] === "to" && RECIPIENTS.has(words[i + 2] ?? "")) verbs.add(i);
    // "Mom's being discharged", "he got admitted": what is done to someone, told as it happens.
    if (/ed$/.test(word) && PASSIVE_BEFORE.has(words[i - 1] ?? "")) verbs.add(i);
    if (!SUBJECT_PRONOUNS.has(word)) return;
    let j = i + 1;
    while (j < words.length && BEFORE_VERB.has(words[j]!)) j += 1;
    // ("We were hiking near Sedona…": what they were doing.)
    if (BE_FORMS.has(words[j] ?? "") && /ing$/.test(words[j + 1] ?? "")) j += 1;
    if (j < words.length) verbs.add(j);
  });
  return verbs;
}

/** "How badly…?", "how quickly…?", "how likely…?": the adverb says how much is asked, it names nothing to find. */
const HOW_DEGREE = /\bhow\s+\p{L}+ly\b/giu;

/**
 * The names right after a concept in the statements told before the question ("Mi médico me recetó la insulina
 * Lantus. ¿En qué nivel está…?", "I take the inhaler Breo. What tier is it?"): a kind of the thing told, which
 * the question then asks about ("it"). Like a thing the question names itself, its absence from every passage means
 * the documents do not say it.
 */
export function toldKinds(question: string): string[] {
  const kinds = new Set<string>();
  for (const sentence of questionSentences(question).filter((sentence) => !asks(sentence))) {
    const words = tokenize(sentence);
    // A name: capitalised inside the sentence ("…la insulina Lantus"), not a common noun after the concept ("a CPAP
    // machine", "a psychiatric unit").
    const names = capitalisedNames(sentence);
    const concepts = findConcepts(words);
    // (Not a concept's own word: "my specialty Rx".)
    const starts = new Set(concepts.map((match) => match.start));
    // (Nor a place: "…while we were visiting Reno".)
    const places = placesIn(sentence);
    for (const match of concepts) {
      const next = words[match.end];
      // (Not an everyday word written with a capital after a comma: "…after his knee replacement, Dad needs…".)
      if (next !== undefined && names.has(next) && !STOP_WORDS.has(next) && !starts.has(match.end) && !isCommonStem(stem(next)) && !places.has(stem(next))) kinds.add(stem(next));
    }
    // A name right after a verb of prescribing or taking is a drug told ("My cardiologist prescribed Xarelto. What tier
    // is it on?", "Mi médico me recetó Eliquis"), unless the vocabulary names it ("I take a Tier 2 generic").
    const inConcept = new Set(concepts.flatMap((match) => words.slice(match.start, match.end).map((_, i) => match.start + i)));
    words.forEach((word, i) => {
      // (And a name right after a drug's form: "la inyección Wegovy", "the pill Eliquis".)
      const form = words[i + 1];
      if (DRUG_FORMS.has(word) && form !== undefined && names.has(form) && !STOP_WORDS.has(form) && form.length >= 3) kinds.add(stem(form));
      if (!TAKING_VERBS.has(word)) return;
      let next = i + 1;
      while (next < words.length && TAKEN_FILLERS.has(words[next]!)) next += 1;
      const name = words[next];
      // (Not an everyday word written with a capital: "Our coverage period started November 1.")
      if (name !== undefined && (names.has(name) || DRUG_STEM.test(name)) && !STOP_WORDS.has(name) && !isCommonStem(stem(name)) && !inConcept.has(next) && name.length >= 3) kinds.add(stem(name));
      // (So is the brand named after a drug in lower case: "recetar isotretinoína (Accutane)".)
      const brand = words[next + 1];
      if (name !== undefined && !names.has(name) && !STOP_WORDS.has(name) && name.length >= 4 && !inConcept.has(next) && brand !== undefined && names.has(brand) && !STOP_WORDS.has(brand) && !inConcept.has(next + 1) && brand.length >= 3) kinds.add(stem(brand));
    });
    // (So is the name a member is switched to, however far after the verb: "cambiarme del inhalador de rescate al Breo
    // Ellipta", "switch me from my rescue inhaler to Trelegy".)
    for (const match of sentence.matchAll(SWITCHED_TO)) {
      const name = normalize(match[1] ?? "");
      if (names.has(name) && !STOP_WORDS.has(name) && name.length >= 3 && !findConcepts([name]).length) kinds.add(stem(name));
    }
  }
  return [...kinds];
}

/** A verb of switching and the capitalised name switched to: "cambiarme del inhalador de rescate al Breo Ellipta". */
const SWITCHED_TO = /\b(?:switch(?:ed|ing|es)?|chang(?:e|ed|es|ing)|cambi\p{L}*)\b[^.?!]{0,60}?\b(?:to|al|a)\s+(?:the\s+|el\s+|la\s+)?(\p{Lu}[\p{L}-]+)/gu;

/** "which brands", "what brands", "cuáles marcas", "qué marcas": the question asks for the brands themselves. */
export const BRANDS_ASKED = /\b(?:which|what)\s+(?:other\s+)?brands\b|\b(?:cuales|que)\s+(?:otras\s+)?marcas\b/;

/** The forms a drug comes in, before its name: "la inyección Wegovy", "las pastillas Xarelto", "the injection Ozempic". */
const DRUG_FORMS = new Set("injection injections shot pill pills tablet tablets capsule capsules patch patches cream inyeccion inyecciones pastilla pastillas tableta tabletas capsula capsulas parche parches crema".split(" "));

/** Verbs after which a name is a drug ("prescribed Xarelto", "me recetó Eliquis", "takes Adderall", "wants me on Eliquis"), as tokenized. */
const TAKING_VERBS = new Set(
  "prescribed prescribes prescribe take takes taking took start starts starting started put puts putting switch switched switching uses using wants want wanted keep keeps kept give gives giving gave inject injects injecting add adding need needs needed try tries trying tried receto recetaron receta recetado recetar tomo toma tome tomando empece empezo empezar dar dan daran inyecta inyecto inyectan inyecte inyectar inyectarme anadir agregar necesita necesito necesitan probar pruebe probara".split(" "),
);
/**
 * The endings of generic drug names (the USAN stems: metformin, atorvastatin, lisinopril, losartan, omeprazole,
 * amoxicillin, apixaban, semaglutide, sertraline…), in English and Spanish: a member writes "tomo metformina" in
 * lower case, and after a verb of taking it is a drug told all the same.
 */
const DRUG_STEM =
  /^[a-z]{3,}(?:formin|formina|statin|statina|pril|sartan|olol|prazole|prazol|azole|azol|cillin|cilina|mycin|micina|xaban|gliptin|gliptina|glutide|glutida|gliflozin|gliflozina|tidine|tidina|oxetine|oxetina|pramine|pramina|dipine|dipino|mab|tinib|vir|afil|lukast|semide|thiazide|tiazida|zepam|zolam|codone|codona|profen|triptan|parin|parina|lamide|tadine|tadina|tretinoin|tretinoina|floxacin|floxacino|cycline|ciclina|dronate|dronato|nisone|nisona|setron|thyroxine|tiroxina|cortisone|cortisona|phylline|filina)$/;
/** Words between such a verb and the name: "prescribed me Xarelto", "me recetó el Eliquis", "started him on Jardiance", "switched me to Ozempic". */
const TAKEN_FILLERS = new Set("me him her us them on to a an the el la los las un una con".split(" "));

/**
 * The concepts told before a question that are a kind of what it then asks about ("I've wanted my ears pinned back
 * since I was a kid. It's purely for looks. Would the plan pay for the surgery?": the surgery asked about is the
 * cosmetic surgery told): by the vocabulary's `implies`, the told concept is the one asked, as "#id", when the
 * question names the broader one as the one told.
 */
export function toldKindsOfAsked(question: string): string[] {
  // (Named as the one told: "the surgery", "esa cirugía"; "a drug deductible" asks about drugs of any kind.)
  const asking = tokenize(questionSentences(question).filter(asks).join(" "));
  const asked = new Set(
    findConcepts(asking)
      .filter((match) => REFERRING.has(asking[match.start - 1] ?? ""))
      .map((match) => match.concept.id as string),
  );
  if (asked.size === 0) return [];
  const kinds = new Set<string>();
  for (const sentence of questionSentences(question).filter((sentence) => !asks(sentence))) {
    for (const match of findConcepts(tokenize(sentence))) {
      if (!asked.has(match.concept.id) && match.concept.implies.some((broader) => asked.has(broader))) kinds.add(`#${match.concept.id}`);
    }
  }
  return [...kinds];
}

/** Words naming a thing as the one already told. */
const REFERRING = new Set("the that this those these el la los las ese esa esos esas este esta estos estas dicho dicha".split(" "));

/**
 * The names told before a question that refers back to them ("My cardiologist works out of Intermountain Medical
 * Center in Murray. Is that hospital in this plan's network?"): the place asked about is the one named, so a document
 * that does not name it does not say whether it is in the network.
 */
export function toldNames(question: string): string[] {
  const askingSentences = questionSentences(question).filter(asks);
  const asking = askingSentences.join(" ");
  // (Or asks of the one told whether they are in the network, naming no one itself: "Tengo cita con la Dra. Ana
  // Martínez, ginecóloga en Ogden. ¿Está en la red de este plan?")
  // (The plan's own name in the asking sentence names no one else: "Is it in this Bronze HMO's network?", "¿…en la red de
  // este plan HMO de Aetna?", "…one of UnitedHealthcare's network hospitals…".)
  const refersToTold = REFERRED_PLACE.test(normalize(asking)) || (askingSentences.some((sentence) => TOLD_IN_NETWORK.test(normalize(sentence).replace(/^[¿\s]+/, ""))) && namesBesidesPlan(asking).size === 0);
  // (Or asks which tier the drug told is on, naming it only in the story: "…me quiere recetar pastillas contra la
  // malaria (Malarone). ¿En qué nivel de medicamentos está…?": its name is what a drug list must say.)
  const tierOfTold = contentTokens(asking).has("#drug-tier") && [...capitalisedNames(asking)].every((name) => PLAN_INITIALS.has(name.toUpperCase()));
  if (!refersToTold && !tierOfTold) return [];
  const places = tierOfTold ? new Set([...toldPlaces(question), ...toldConditions(question)]) : new Set<string>();
  const names = new Set<string>();
  for (const sentence of questionSentences(question).filter((sentence) => !asks(sentence))) {
    // (A word the vocabulary reads, "My PCP is in network…", is no name however it is written.)
    const words = tokenize(sentence);
    const inConcept = new Set(findConcepts(words).flatMap((match) => words.slice(match.start, match.end)));
    // (Nor is an everyday word written in capitals, "My COPD is acting up…": a name's words, "University of Utah
    // Hospital", still are.)
    const written = new Set(sentence.split(/[^\p{L}]+/u));
    const shouted = (word: string) => written.has(word.toUpperCase()) && isCommonStem(stem(word));
    for (const word of capitalisedNames(sentence)) if (!STOP_WORDS.has(word) && !TITLES.has(word) && !inConcept.has(word) && !shouted(word) && word.length >= 3 && !places.has(stem(word))) names.add(stem(word));
  }
  return [...names];
}

/**
 * The word the story puts before a thing the question then asks about by its bare name ("…I need a cochlear implant.
 * Will Clover cover the implant surgery?"): which one it is ("cochlear"), so a document that names only another kind
 * ("Implants Services (ex: implants & abutments)" of dental care) does not say it. Only a word that names something
 * itself: not an everyday word ("my left knee… the knee surgery"), not a word of the vocabulary's ("a dental implant").
 *
 * @example toldQualifiers("I need a cochlear implant. Will Clover cover the implant surgery?") // ["cochlear"]
 */
export function toldQualifiers(question: string): string[] {
  // (English only: a Spanish story's words are read by the glossary, and a short stretch of one may pass for English.)
  if (detectLanguage(question) === "es") return [];
  // (Named bare as the one told: "the implant", "that implant".)
  const askingWords = tokenize(questionSentences(question).filter(asks).join(" "));
  // (Or one of many told: "…allergy shots every week… What's our copay for each shot?".)
  const asking = new Set(askingWords.filter((word, i) => REFERRING.has(askingWords[i - 1] ?? "") || askingWords[i - 1] === "each"));
  const askingStems = new Set([...asking].map(stem));
  const askedConcepts = new Set(findConcepts(askingWords).map((match) => match.concept.id as string));
  const qualifiers = new Set<string>();
  for (const sentence of questionSentences(question).filter((sentence) => !asks(sentence))) {
    if (detectLanguage(sentence) === "es") continue;
    const words = tokenize(sentence);
    const inConcept = new Array<boolean>(words.length).fill(false);
    for (const match of findConcepts(words)) {
      inConcept.fill(true, match.start, match.end);
      // (Or a thing the vocabulary names in two words and the question by its last: "a clinical trial… while I'm in the
      // trial".)
      const last = words[match.end - 1] ?? "";
      if (match.end - match.start >= 2 && askingStems.has(stem(last)) && !askedConcepts.has(match.concept.id) && !match.concept.generic) qualifiers.add(`#${match.concept.id}`);
    }
    words.forEach((word, i) => {
      const before = words[i - 1];
      // (Told as a thing: "a cochlear implant", "my cochlear implant".)
      if (before === undefined || !TOLD_ARTICLES.has(words[i - 2] ?? "") || inConcept[i - 1] || !asking.has(word) || askingWords.includes(before)) return;
      if (STOP_WORDS.has(before) || before.length < 4 || /^\d/.test(before) || ADVERB.test(before) || BODY_PARTS.has(before)) return;
      const stemmed = stem(before);
      if (GENERIC_STEMS.has(stemmed) || isCommonStem(stemmed) || isCommonStem(stem(word)) || STOP_WORDS.has(word)) return;
      qualifiers.add(stemmed);
    });
  }
  return [...qualifiers];
}

/** Where on the body, which says where the care is, not another kind of it: "a brain MRI… the MRI". */
const BODY_PARTS = new Set("brain spine spinal lung lungs heart kidney kidneys liver eye eyes foot feet hand hands abdomen abdominal pelvis pelvic breast colon bladder bone bones joint joints jaw tooth teeth lower upper left right".split(" "));
/** The words that tell a thing: "a cochlear implant", "my hearing aid". */
const TOLD_ARTICLES = new Set(["a", "an", "the", "my", "his", "her", "our", "their", "your"]);

/** Asking whether the one told is in the network: "Is she in the network?", "¿Está en la red?", "¿Es de la red?". */
const TOLD_IN_NETWORK =
  /^(?:and |y )?(?:is|are) (?:she|he|it|they|this one|that one) (?:in|part of) (?:the |your |this |our |my )?(?:plan'?s |(?:[\p{L}\p{N}-]+ ){0,3}?[\p{L}\p{N}-]+'s )?network\b|^(?:and )?(?:is|are) (?:she|he|it|they|this one|that one) (?:an? )?(?:in-network|network|preferred|participating) (?:hospital|doctor|physician|provider|facility|pharmacy|clinic|lab|center|surgeon)s?\b|^(?:and )?(?:is|are) (?:she|he|it|they|this one|that one) one of (?:[\p{L}\p{N}-]+'s |the |your |this |our )?(?:plan'?s )?(?:in-network |network |preferred |participating )(?:hospital|doctor|physician|provider|facilit|pharmac|clinic|lab|center|surgeon)|^(?:y )?(?:es|son) (?:(?:un|una|unos|unas) )?(?:hospital|doctor|doctora|medico|medica|clinica|farmacia|proveedor|proveedora|centro|laboratorio)(?:es|s)? (?:de la red|preferid[oa]s?|participantes?)\b|^(?:y )?(?:(?:ella|el|ellos|ellas) )?(?:esta|estan|es|son) (?:en|de) (?:la )?red\b|^(?:does|do|will|would) (?:she|he|they) (?:take|accept) (?:this|my|our) (?:plan|insurance)\b|^(?:el |ella |ellos )?(?:acepta|aceptan|aceptara|toma|toman) (?:este|mi|nuestro) (?:plan|seguro)\b/u;
/** "this HSA plan", "my Gold PPO plan", "this Health Net HMO", "mi plan HSA": the words that name the member's plan. */
export const PLAN_NAME = /\b(?:this|my|our|the|your)\s+(?:[\p{L}\p{N}-]+\s+){1,3}plan\b|\b(?:this|my|our)\s+(?:[\p{L}\p{N}-]+\s+){0,3}(?:hmo|ppo|epo|pos)\b|\b(?:mi|este|nuestro|su|el)\s+plan\s+(?:[\p{L}\p{N}-]+\s*){1,2}/giu;

/** The capitalised names of a text besides its plan's own name and its insurer's ("Aetna", "UnitedHealthcare's"). */
function namesBesidesPlan(text: string): Set<string> {
  const rest = text.replace(PLAN_NAME, " ");
  const words = tokenize(rest);
  const insurer = new Set(findConcepts(words).filter((match) => match.concept.id === "plan").flatMap((match) => words.slice(match.start, match.end)));
  return new Set([...capitalisedNames(rest)].filter((name) => !insurer.has(name) && !PLAN_INITIALS.has(name.toUpperCase())));
}

/** Titles before a name: "Dr.", "Dra.", "Mrs.". */
const TITLES = new Set(["dr", "dra", "doctor", "doctora", "mr", "mrs", "ms", "sr", "sra", "srta"]);

/**
 * The stems of places the story tells where the member is or goes ("Skiing in Tahoe…", "…here in the Bay Area", "de
 * viaje en Mexico", "We're driving through Nevada next month."): a capitalised run after "in", "at", "near", "to",
 * "through", "en"… in a sentence that does not ask. They say where the care happens, not what it is. A county ("in
 * Riverside County") is kept out: which county the member lives in may be what decides the answer.
 */
export function toldPlaces(question: string): Set<string> {
  const places = new Set<string>();
  for (const sentence of questionSentences(question).filter((sentence) => !asks(sentence))) for (const place of placesIn(sentence)) places.add(place);
  return places;
}

/**
 * The stems of the illnesses a story names after a doctor's name, as English writes them ("…a specialty drug for my
 * Crohn's.", "…since his Parkinson's disease got worse."): a capitalised word with "'s", after "for", "with", "from" or
 * "since" and "my", "his", "her"…, that ends its clause or goes on to "disease" or "syndrome". They say why the care is
 * needed, not what it is. (So is one before the care it is for: "My Crohn's med is a Tier 4 specialty drug…", "My husband's Crohn's medicine…".)
 */
export function toldConditions(question: string): Set<string> {
  const conditions = new Set<string>();
  for (const sentence of questionSentences(question).filter((sentence) => !asks(sentence))) {
    for (const match of sentence.matchAll(EPONYMOUS_CONDITION)) conditions.add(stem((match[1] ?? match[2] ?? "").toLowerCase()));
    // (So is an illness told by its name or initials as a diagnosis: "A mi hijo le diagnosticaron la enfermedad de
    // Crohn", "le diagnosticaron TDAH", "My husband has ALS and…", "I was just diagnosed with MS".)
    for (const match of sentence.matchAll(DIAGNOSIS_TOLD)) {
      const name = match[1] ?? match[2] ?? match[3] ?? "";
      if (!PLAN_INITIALS.has(name)) conditions.add(stem(name.toLowerCase()));
    }
  }
  return conditions;
}

/** An illness told as a diagnosis (toldConditions): its name is group 1, 2 or 3. */
const DIAGNOSIS_TOLD =
  /\b(?:enfermedad|s[ií]ndrome) de (\p{Lu}\p{Ll}+)\b|\b(?:diagnosticaron|diagnostic[oó]|diagnosed with|diagnosed as having)(?: con)? (?:la |el |una |un )?(?:enfermedad de )?(\p{Lu}\p{Ll}+|\p{Lu}{2,5})(?:['’]s)?\b|\b(?:has|have|had|tiene|tengo|tenía|tenia) (\p{Lu}{2,5})\b/gu;
/** Initials a member may say they have that name a plan or an account, not an illness: "…she has UHC", "I have an HSA". */
const PLAN_INITIALS = new Set(["UHC", "HSA", "HRA", "FSA", "EAP", "HMO", "PPO", "EPO", "POS", "PCP", "SNF", "DME", "COBRA", "AARP", "SBC", "EOB", "EOC", "OTC", "ID"]);

/** An illness named after a doctor, told (toldConditions): its name is group 1 or 2. */
const EPONYMOUS_CONDITION =
  /\b(?:for|with|from|since) (?:my|his|her|our|their|your) (\p{Lu}\p{Ll}+)['’]s(?: disease| syndrome)?(?=\s*(?:[.,;:!?)]|$))|\b(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir|[Yy]our) (?:\p{Ll}+['’]s )?(\p{Lu}\p{Ll}+)['’]s (?:med|meds|medication|medications|medicine|drug|drugs|treatment|infusions?|doctor|specialist)\b/gu;

/** The stems of the businesses a question names after "at" ("…buy hearing aids at Costco?"). */
export function businessesNamed(question: string): Set<string> {
  const others = placesIn(question, { at: false });
  const named = new Set([...placesIn(question)].filter((place) => !others.has(place)));
  // (A business is often written in capitals: "…refilling it at the CVS down the street?".)
  for (const match of question.matchAll(AT_CAPITALS)) named.add(stem((match[1] ?? "").toLowerCase()));
  return named;
}

/** A name in capitals after "at": "at the CVS", "at CVS". */
const AT_CAPITALS = /\bat\s+(?:the\s+)?(\p{Lu}{2,})\b/gu;

/** The stems of the places a text names after a preposition of place (PLACE_TOLD), a county left out (and with `at: false`, those after "at"). */
function placesIn(text: string, options: { at?: boolean } = {}): Set<string> {
  const places = new Set<string>();
  for (const match of text.matchAll(PLACE_TOLD)) {
    const run = match[1] ?? "";
    if (options.at === false && /^at\b/i.test(match[0])) continue;
    if (/\b(?:county|condado|parish)\b/i.test(run)) continue;
    for (const word of tokenize(run)) places.add(stem(word));
  }
  return places;
}

/** A preposition of place and the capitalised run after it ("in the Bay Area", "en Mexico", "cerca de Provo"). */
const PLACE_TOLD = /\b(?:in|at|near|around|to|from|through|across|into|visiting|en|cerca de|hasta)\s+(?:the\s+)?(\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]+)*(?:\s+(?:County|Condado|Parish))?)/gu;

/** "that hospital", "this clinic", "esa clínica", "ese médico": a place or person told before. */
const REFERRED_PLACE =
  /\b(?:that|this|those|these|esa|ese|este|esta|esos|esas|dicho|dicha)\s+(?:hospital|hospitals|clinic|clinics|doctor|doctors|physician|surgeon|provider|facility|pharmacy|center|centre|lab|practice|group|office|place|clinica|medico|medica|doctora|farmacia|centro|laboratorio|consultorio|cirujano|proveedor)\b/;

/** What "not a …" denies when it denies a quality, not a thing: "not a real emergency", "(not an emergency)". */
const DENIED_QUALITY = "real|true|actual|genuine|serious|big|major|emergency|urgent";
/**
 * "(not a colonoscopy)", "(not routine nail trimming)", "(no es terapia de grupo)", "not the ER", "Besides the facility
 * copay", "after the deductible and copays, is there any coinsurance…", "I've already met my deductible", "Ya pagué el
 * deducible", "I know cosmetic surgery isn't covered, but…", "I see hearing aids are on the list, but…", "Ya vi que…,
 * pero…" (unless what follows asks whether it holds "too"): a thing the question sets aside, which a passage need not
 * name and a row named after it does not answer. "…not a real emergency" denies a quality, not a thing, and "(not an
 * emergency)" names the kind of care asked about.
 */
export const SET_ASIDE = new RegExp(
  String.raw`\(not\s+(?!(?:a|an|the|${DENIED_QUALITY})\b)[\p{L}-]+(?:\s+[\p{L}-]+){1,3}\)|\(no\s+(?:es|son|era)\s+(?!(?:una?|el|la)\s+(?:emergencia|urgencia)\b)[\p{L}-]+(?:\s+[\p{L}-]+){1,3}\)|\b(?:(?:not|except)\s+(?:a|an|the)(?!\s+(?:${DENIED_QUALITY})\b)|(?:besides|apart from|aside from|other than|on top of|in addition to)(?:\s+(?:a|an|the|my|what|for))*|(?:ademas|aparte)\s+del?(?:\s+(?:la|los|las|lo|el|mi|mis|de|del))*)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?|\bafter(?:\s+(?:paying|meeting|the|my))+\s+[\p{L}-]+\s+and\s+(?:(?:the|my)\s+)?[\p{L}-]+|\b(?:met|paid|hit|reached|satisfied|pagu[eé]|cubr[ií]|alcanc[eé]|complet[eé]|cumpl[ií])\s+(?:my|the|our|el|mi|nuestro)\s+(?:deductible|deducible)\b|\bI\s+(?:see|know|understand|noticed?|read|realize)(?:\s+that)?\s+[^,.;?!]{3,80}?,?\s+but\b(?![^?]*\b(?:too|also|as well)\b)|\b(?:ya\s+)?(?:s[eé]|vi|veo)\s+que\s+[^,.;?!]{3,80}?,?\s+pero\b(?![^?]*\btambi[eé]n\b)|\bnot (?:admitted|hospitali[sz]ed)\b|\bno (?:lo |la |me |le )?(?:internaron|admitieron|hospitalizaron)\b|\bsin (?:que (?:lo |la |me |le )?)?internar(?:lo|la|me|le)?\b`,
  "giu",
);

/**
 * The part of a question that says what is asked (see requiredTerms): its asking sentences up to their first trailing
 * clause and after a leading one ("After my surgery, how many therapy visits do I get?"), or all of its asking
 * sentences, or — when those name nothing ("What do we pay per day?") — the main clause of the last statement told
 * before them that names something, with the asking sentences ("My dad is going to a skilled nursing facility after
 * his hip surgery."), or the whole
 * question: the first of these that names a specific term. With `clauses: false`, whole asking sentences only (the
 * statements before them are still left out), or the statements' main clauses with them.
 *
 * @example askedPart("I'm diabetic. Does the plan cover routine foot care?") // "Does the plan cover routine foot care?"
 */
export function askedPart(question: string, options: { clauses?: boolean } = {}): string {
  return pickAskedPart(question, options).part;
}

/**
 * The statement told before the asking sentences when askedPart reads it as the subject ("My dad has COPD and his
 * doctor ordered pulmonary rehab"; of several, the last that names something), or "" when it does not: its concepts
 * are what is asked about, its other words still the story.
 */
export function toldSubject(question: string): string {
  const { part, told } = pickAskedPart(question);
  return told !== "" && part.startsWith(told) ? told : "";
}

/** The family's deductible asked, "…at what total does our family stop owing deductibles?", "¿…el deducible familiar?": the plan's figure, whatever care is told. */
const FAMILY_FIGURE = /\b(?:(?:our|the|my|whole) family|family deductible|familiar|(?:nuestra|la|mi|toda la) familia)\b/;

function pickAskedPart(question: string, options: { clauses?: boolean } = {}): { part: string; told: string } {
  const sentences = questionSentences(question);
  const asked = sentences.filter(asks).map(reportedQuestion).join(" ");
  const toldClauses = sentences
    .filter((sentence) => !asks(sentence))
    .map((sentence) => mainClause(withoutLeadingClause(withoutCondition(reportedQuestion(sentence)))));
  // Of several statements, the last that names something is what the question goes on about ("Me negaron una
  // cirugía y mi doctor dice que es urgente. Quiere mandar por fax una apelación rápida. ¿A qué número de fax la tiene
  // que mandar?" asks about the fast appeal, not the surgery).
  const told = toldClauses.join(" ");
  const lastNaming = toldClauses.findLast((clause) => specificTerms(clause).length > 0) ?? "";
  const subjectTold = lastNaming !== "" ? `${lastNaming} ${asked}`.trim() : "";
  const parts = options.clauses === false ? [asked, subjectTold] : [mainClause(withoutLeadingClause(asked)), asked, subjectTold];
  // Asking only whether a step applies ("My son needs physical therapy. What's the copay, and do we need approval
  // first?") asks it of the service told: the asking sentence names no subject of its own.
  // Nor does asking for a share of "the bill": it is the bill for the care told.
  // Asking the most one could pay out of pocket names the plan's limit, whatever care is told ("…my wife might need
  // surgery this year. What's the most one person could pay out of pocket in a year…?").
  const names = (part: string) =>
    specificTerms(part).some((term) => !ASPECTS.has(term) && !PAYERS.has(term) && !(term === "#bill" && BILL_SHARE.test(normalize(part)))) ||
    (part !== subjectTold && (contentTokens(part).has("#out-of-pocket-limit") || (contentTokens(part).has("#deductible") && FAMILY_FIGURE.test(normalize(part)))));
  const namesSubject = parts.find((part) => part.trim() !== "" && names(part));
  // (The statement read as the subject is what was told; otherwise every statement is.)
  const toldOf = (part: string) => (part === subjectTold ? lastNaming.trim() : told.trim());
  if (namesSubject !== undefined) return { part: namesSubject, told: toldOf(namesSubject) };
  for (const part of parts) if (part.trim() !== "" && specificTerms(part).length > 0) return { part, told: toldOf(part) };
  return { part: question, told: told.trim() };
}

/**
 * The question someone else asked, told as a statement ("My tax preparer asked whether my plan counts as minimum
 * essential coverage. Does it?", "Mi médico quiere saber si…"): who asked is the story, what they asked the subject.
 */
function reportedQuestion(sentence: string): string {
  const at = REPORTED.exec(normalize(sentence));
  if (at === null) return sentence;
  // normalize keeps the words in place, so the word count finds the same place in the sentence.
  const before = normalize(sentence).slice(0, at.index + at[0].length).trim().split(/\s+/).length;
  return sentence.trim().split(/\s+/).slice(before).join(" ");
}

const REPORTED =
  /\b(?:(?:asked|asks|ask|wants to know|wanted to know|want to know|wonders|wondered|wondering|needs to know|need to know|pregunto|pregunta|quiere saber|queria saber|quiero saber|necesita saber)\s+(?:me\s+|us\s+|nos\s+)?(?:whether|if|si)\s|(?:asked|asks|wants to know|wanted to know|needs to know|need to know|pregunto|pregunta|quiere saber|necesita saber)(?:\s+(?:me|us|nos))?:\s)/;

/**
 * A statement without the condition or mishap it tells before the care it needs ("My daughter has a speech delay and
 * needs habilitation therapy" → "My daughter has and needs habilitation therapy", "My son rolled his ankle at
 * basketball and we're taking him to urgent care" → "My son and we're taking him to urgent care"): it is why,
 * the care is what is asked about, and documents name the care, not the condition. Unchanged unless a service (a
 * concept that is not a generic word) follows, and none is in what is left out ("I have cataract surgery next week and
 * need glasses" tells a service).
 */
function withoutCondition(sentence: string): string {
  const at = CONDITION.exec(sentence);
  if (at === null || findConcepts(tokenize(at[0])).length > 0) return sentence;
  const rest = sentence.slice(at.index + at[0].length);
  if (!findConcepts(tokenize(rest)).some((match) => !match.concept.generic && match.concept.weight >= 1)) return sentence;
  return `${sentence.slice(0, at.index)}${rest}`;
}

/**
 * What follows "has / have / tiene…" or a verb of mishap, up to "and / y" and the next clause: the member's own doing,
 * or a doctor's ("…and my vascular doctor referred me to…").
 */
const CONDITION =
  /(?:(?<=\b(?:has|have|tiene|tengo|tienen|tenemos|padece|padezco)\s)|\b(?:rolled|broke|sprained|twisted|hurt|injured|tore|burned|fell|slipped|cut|se rompió|se torció|se cayó|se lastimó|me rompí|me torcí|me caí|me lastimé)\s+)(?:(?:a|an|un|una)\s+)?(?:[\p{L}'-]+\s+){0,5}?(?=(?:and|y)\s+(?:needs?|wants?|requires?|has to|have to|we're|we are|i'm|i am|we|i|necesita|necesito|requiere|tiene que|tengo que|vamos|lo llevamos|la llevamos|voy|(?:my|his|her|our|the|mi|su)\s+(?:[\p{L}-]+\s+)?(?:doctor|doc|physician|surgeon|specialist|provider|pcp|\p{L}+ologist|m[eé]dic[oa]|doctora|especialista|cirujan[oa])\b)\b)/iu;

/**
 * "what share of the bill", "how much of that bill", "qué parte de la factura", "do I have to pay the whole bill": the
 * member's part of a cost.
 */
export const BILL_SHARE =
  /\b(?:share|part|portion|percent|percentage|how much|what) of (?:the|that|this|my|our|his|her) (?:[a-z-]+(?:'s)? ){0,2}bill\b|\binclude (?:the|that|this|my|our|his|her) (?:[a-z-]+(?:'s)? ){0,2}bill\b|\bpay (?:the|that|this) (?:whole|entire|full) (?:hospital |facility |medical )?bill\b|\bpagar (?:toda )?(?:la|esa|esta) (?:cuenta|factura) (?:completa|entera)\b|\b(?:parte|porcentaje|cuanto) de (?:la|esa|esta|mi) (?:cuenta|factura)\b/;

/** Who pays, named in a question about a service told before it ("…pulmonary rehab. How many sessions does Medicare cover?"). */
export const PAYERS = new Set(["medicar"]);
/**
 * Concepts that are a step or rule applied to a service, or where it is had (a pharmacy, by mail), not a service: named
 * alone, they ask about the one told ("My Rx is a non-preferred brand drug. What's the copay at a retail pharmacy?").
 */
const ASPECTS = new Set(["#prior-authorization", "#referral", "#step-therapy", "#quantity-limit", "#pharmacy", "#mail-order"]);

/**
 * A sentence without its leading subordinate clause: "After my hip replacement, …", "Después de la operación me
 * mandan…", "If my claim is denied, …" — up to its comma, or (but for "when", which also asks) up to the subject that
 * starts the main clause, from the third word on. Unchanged when it does not open with such a clause.
 */
function withoutLeadingClause(sentence: string): string {
  const words = sentence.trim().split(/\s+/);
  const first = normalize(words[0] ?? "").replace(/[^\p{L}]/gu, "");
  if (!LEADING_CLAUSE_START.has(first) && !WHEN.has(first)) return sentence;
  // A preposition before a question word opens the question itself ("After how much in drug costs do I stop
  // paying…?", "Since when…?", "Antes de cuántos días…?").
  const second = normalize(words[1] ?? "").replace(/[^\p{L}]/gu, "");
  const third = normalize(words[2] ?? "").replace(/[^\p{L}]/gu, "");
  if (QUESTION_WORD.has(second) || (second === "de" && QUESTION_WORD.has(third))) return sentence;
  // The comma before a question word or a subject ends the clause ("If I need a regular, non-urgent visit there,
  // will the plan cover it?"); failing that, the first comma.
  const commas = words.flatMap((word, i) => (/,$/.test(word) && i < words.length - 1 ? [i] : []));
  const opensMain = (i: number) => MAIN_CLAUSE_OPENER.has(normalize(words[i + 1] ?? "").replace(/[^\p{L}]/gu, ""));
  const comma = commas.find(opensMain) ?? commas[0];
  // A subject before the comma opens the main clause there ("Después de mi operación necesito terapia, pero…").
  const subject = WHEN.has(first)
    ? -1
    : words.findIndex((word, i) => {
        const bare = normalize(word).replace(/[^\p{L}]/gu, "");
        // Without a comma, a possessive opens the main clause too ("After surgery my dad has to go…"), but not one a
        // preposition governs ("Después de mi cirugía de hombro voy a…", "After surgery on my knee I…").
        const governed = PREPOSITION.has(normalize(words[i - 1] ?? "").replace(/[^\p{L}]/gu, ""));
        return i >= 2 && (comma === undefined || i <= comma) && (MAIN_CLAUSE_SUBJECT.has(bare) || (comma === undefined && POSSESSIVE.has(bare) && !governed));
      });
  if (subject >= 0) return words.slice(subject).join(" ");
  if (comma !== undefined) return words.slice(comma + 1).join(" ");
  return sentence;
}

const QUESTION_WORD = new Set("how what which when where who whom whose que cual cuales cuanto cuanta cuantos cuantas cuando donde quien".split(" "));
const LEADING_CLAUSE_START = new Set("after before since following once if besides despues antes desde tras si ademas".split(" "));
const POSSESSIVE = new Set("my our mi mis nuestro nuestra".split(" "));
const PREPOSITION = new Set("of on in to for with from at by de del en a al para por con sobre".split(" "));
const WHEN = new Set(["when", "whenever", "cuando"]);
/** Words that open a main clause after a leading one: a subject pronoun, an object pronoun before a Spanish verb. */
const MAIN_CLAUSE_SUBJECT = new Set(
  // Spanish drops the subject: a first-person verb opens the main clause ("Después de la operación necesito…").
  "i im ive ill we he she they you me nos se le les necesito quiero tengo voy debo puedo estoy pago".split(" "),
);
/** Words that open a question's main clause after a comma: question words, auxiliaries, subjects. */
const MAIN_CLAUSE_OPENER = new Set([
  ...MAIN_CLAUSE_SUBJECT,
  ..."what whats which who how when where why will would can could do does did is are am was should shall may must the my".split(" "),
  ..."que cual cuanto cuanta cuantos cuantas como cuando donde quien puedo puede tengo tiene debo hay el la mi".split(" "),
]);

/** A question's sentences: a member may tell the situation first ("My claim was denied. How long do I have?"). */
export function questionSentences(text: string): string[] {
  // An abbreviation's full stop ends no sentence ("…de EE. UU. puedo llamar…?", "the U.S. or abroad", "Dr. Lee").
  return text.split(/(?<=[.!?])\s+/).reduce<string[]>((sentences, piece) => {
    const last = sentences.at(-1);
    if (last !== undefined && (TITLE.test(last) || (ABBREVIATION.test(last) && /^\p{Ll}/u.test(piece)))) sentences[sentences.length - 1] = `${last} ${piece}`;
    else sentences.push(piece);
    return sentences;
  }, []);
}

/** A piece that ends with a title's full stop ("Dr."): the name follows. */
const TITLE = /(?:^|[\s(])(?:Dr|Dra|Mr|Mrs|Ms|Sr|Sra|Srta|St)\.$/;
/** A piece that ends with an abbreviation's full stop, which ends a sentence only when a capital follows. */
const ABBREVIATION = /(?:^|[\s(])(?:EE|UU|EEUU|U\.S|U\.S\.A|D\.C|Jr|e\.g|i\.e|vs|etc|approx|aprox|No|Nro|núm|Inc|Co|Ltd)\.$/;

/** Whether a sentence asks: it ends with "?" or opens with "¿". */
export function asks(sentence: string): boolean {
  return /\?\s*$/.test(sentence) || /^\s*¿/.test(sentence);
}

/**
 * A question asking for a list of services ("Which services need prior authorization?", "What kinds of care won't
 * the plan pay for out of network?", "¿Qué servicios son gratis?"): its answer is every row that says so, not the
 * best one.
 */
export function asksForList(question: string): boolean {
  return LIST_ASKED.test(normalize(question));
}
const LIST_ASKED =
  /\b(?:which|what) (?:other )?(?:(?:kinds?|types?|sorts?) of (?:care|services|treatments|benefits)|services|benefits|treatments)\b|\b(?:list|name) (?:every|all|each|the) (?:services?|benefits?)\b|\bany (?:other )?services (?:in|on|that|this|the plan)\b|\bcuales (?:son (?:los|las) |otros )?(?:servicios|beneficios|tipos de (?:atencion|servicios|cuidado))\b|\bque (?:otros )?(?:servicios|beneficios|tipos de (?:atencion|servicios|cuidado))\b/;

/**
 * An asking sentence's second question after ", and" / ", y" ("…, and can I get more than a month at a time?"), also
 * after a word that orders it ("…, and after that what's my copay…?", "…y después cuánto pago?").
 */
const SECOND_ASK = /,?\s+(?:and|y)\s+(?=(?:(?:if|si|once|when|cuando)\s+[^,?]{3,50},\s*)?(?:(?:after that|then|also|if so|in that case|despu[eé]s(?: de eso)?|luego|tambi[eé]n|en ese caso)\s*,?\s+)?(?:(?:in|within|for|by|until|en|dentro de|por|para|a|hasta)\s+)?(?:what|what's|how|is|are|do|does|can|could|will|would|which|when|where|who|should|qu[eé]|cu[aá]nt[oa]s?|cu[aá]nd[oa]|c[oó]mo|(?:(?:lo|la|los|las)\s+)?(?:puedo|podemos)|hay|tengo|tenemos|tiene|es|son|necesito|necesitamos|(?:me|nos|le|les|te)\s+(?:cobran|cobrar[aá]n|cubren|cubre|cubrir[aá]|pagan|paga|toca)|(?:el|este|mi) (?:plan|seguro)\s+(?:(?:me|le|nos|les|te|lo|la|los|las)\s+)?(?:cubre|cubrir[aá]|paga|pagar[aá]))(?![\p{L}\p{N}]))/iu;

/** A comma before a second question word: "…for the bed, what's the copay…", "…for the ambulance, do we still pay the ER copay…", "…la ambulancia, nos cobran el copago…". */
const COMMA_ASK = /,\s+(?=(?:what|what's|how|which|qu[eé]|cu[aá]nt[oa]s?|cu[aá]l(?:es)?|(?:do|does|is|are|will|would|can)\s+(?:we|i|you|they|he|she|it|the|my|our|what|that)|(?:me|nos|le|les)\s+(?:cobran|cubren|cubre|pagan|paga|toca))(?![\p{L}\p{N}]))/iu;
/** "What's", "What is", "What are": an ask a list of costs can go on from. */
const ASK_HEAD = /^(?:what's|what is|what are|what would be|what will be)\s+/iu;
/** A comma (and "and") before a cost named by its owner: ", the most we pay…", ", and our share of…". */
const LISTED_COST = /,\s+(?:and\s+)?(?=(?:the|our|my|his|her|their|your)\s)/iu;
/** A word that names a cost: each listed piece must have its own. */
const COST_WORD = /\b(?:cost|costs|share|most|copay|copayment|coinsurance|pay|price|charge|limit|deductible)\b/iu;
/** A piece that is a question by its first word (a Spanish verb only after "¿": "¿Tenemos que pagar…, cuánto…?", not "…y tenemos que ir a la sala de emergencias, cuánto…?"). */
const QUESTION_START = /^(?:[¿]?\s*(?:what|what's|how|which|do|does|is|are|can|will|would|qu[eé]|cu[aá]nt[oa]s?|cu[aá]l(?:es)?|c[oó]mo|puedo|hay|tengo)|¿\s*(?:podemos|tenemos|tiene|necesito|necesitamos))(?![\p{L}\p{N}])/iu;

/** Two things asked after one preposition said twice: "…por la consulta y por la radiografía?", "…for the facility and for the surgeon?". */
const COORDINATED = /^(.*?\b(por|for|para)\s+)(.+?)\s*,?\s+(?:y|and)\s+\2\s+(.+?)\s*\??$/iu;

/** Two things after one preposition, each with its article: "What do we owe for the visit and the X-ray?". */
const COORDINATED_THINGS = /^(.*?\b(por|for|para)\s+)((?:the|el|la|los|las)\s+.+?)\s*,?\s+(?:y|and)\s+((?:the|el|la|los|las)\s+.+?)\s*\??$/iu;
/**
 * Two things said after one preposition when each names a concept the other's does not say, nor the other's broader:
 * "the visit and the X-ray" are two; "el parto y la estancia en el hospital" one stay for the delivery.
 */
function apartThings(match: RegExpExecArray | null): RegExpExecArray | null {
  if (match === null) return null;
  const [first, second] = [match[3] ?? "", match[4] ?? ""].map((thing) => contentTokens(thing, { broader: true }));
  const own = (thing: ReadonlyMap<string, number> | undefined, other: ReadonlyMap<string, number> | undefined) =>
    [...(thing?.keys() ?? [])].some((token) => token.startsWith("#") && !other?.has(token));
  // (A birth and its stay are one: summaries price "Delivery and all inpatient services" on one row.)
  const together = (token: string, other: ReadonlyMap<string, number> | undefined) => ONE_STAY.some(([a, b]) => (token === a && other?.has(b)) || (token === b && other?.has(a)));
  const related = (thing: ReadonlyMap<string, number> | undefined, other: ReadonlyMap<string, number> | undefined) =>
    [...(thing?.keys() ?? [])].some((token) => token.startsWith("#") && (other?.has(token) || together(token, other)));
  return own(first, second) && own(second, first) && !related(first, second) ? match : null;
}
/** Concepts said as two things that are one stay: a delivery and the hospital stay it takes. */
const ONE_STAY: readonly (readonly [string, string])[] = [["#pregnancy", "#hospital-stay"]];
/** Things listed with commas after one preposition said each time: "…for the surgery center, for the surgeon?". */
const LISTED_AFTER = /^(.*?\b(por|for|para)\s+)(.+?,\s*(?:(?:and|y)\s+)?\2\s+.+?)\s*\??$/iu;
/** The article or determiner a thing is named with: "the surgeon", "each PT visit", "la consulta". */
const THING_ARTICLE = String.raw`(?:the|a|an|my|our|his|her|each|every|el|la|los|las|un|una|mi|su|cada)\s+`;
/** Two or more things listed after one preposition said once, each with its article or determiner: "…for the urgent care visit, the x-ray, the orthopedist, and each therapy session?". */
const LISTED_THINGS = new RegExp(String.raw`^(.*?\b(?:por|for|para)\s+)(${THING_ARTICLE}[^,?]+?(?:\s*,\s*(?:(?:and|y)\s+)?${THING_ARTICLE}[^,?]+?)+)\s*\??$`, "iu");
/** Where such a list's things part: at its commas, and at "and" before the last thing's article. */
const LISTED_THINGS_SPLIT = new RegExp(String.raw`\s*,\s*(?:(?:and|y)\s+)?|\s+(?:and|y)\s+(?=${THING_ARTICLE})`, "iu");
/** How long a thing of such a list may be, in words: "the urgent care visit". */
const MAX_THING_WORDS = 5;
/** A thing named with its article or determiner. */
const THING_START = new RegExp(`^${THING_ARTICLE}`, "iu");

/** The things an asking sentence lists after one preposition ("…for the A, the B and the C?"), each asked alone: at least `least`, each short; else []. */
function listedThings(part: string, least: number): string[] {
  const things = LISTED_THINGS.exec(part.trim());
  const items = (things?.[2] ?? "").split(LISTED_THINGS_SPLIT);
  return things !== null && items.length >= least && items.every((item) => THING_START.test(item) && item.split(/\s+/).length <= MAX_THING_WORDS) ? items.map((item) => `${things[1]}${item}`) : [];
}

/**
 * The things a question asks, each as a question of its own: its asking sentences, split at a second question
 * (", and what…", ", y cuánto…") and at two things after one preposition said twice ("…por la sala de emergencias y
 * por las radiografías?"). The statements told before them are not among them.
 *
 * @example askedParts("My son broke his arm. What do I pay for the ER, and how much for the x-rays?")
 *   // ["What do I pay for the ER?", "how much for the x-rays?"]
 */
export function askedParts(question: string): string[] {
  const asking = questionSentences(question).filter(asks);
  const parts = asking
    .flatMap((sentence) => sentence.split(SECOND_ASK))
    // (Asks listed with commas, "What do we pay for the bed, what's the copay per nurse visit, and…?", each a
    // question of its own: not a clause before the ask, "If I go out of network, what's my copay?".)
    .flatMap((part) => {
      const pieces = part.split(COMMA_ASK);
      return pieces.length > 1 && pieces.slice(0, -1).every((piece) => QUESTION_START.test(piece.trim())) ? pieces : [part];
    })
    // (So are costs listed after one "What's", each named with its own word of cost: "What's our cost for each
    // psychiatrist visit, the most we pay per fill of his specialty drug, and our share of a preferred inpatient stay?".)
    .flatMap((part) => {
      const head = ASK_HEAD.exec(part.trim())?.[0];
      if (head === undefined) return [part];
      const pieces = part.trim().split(LISTED_COST);
      return pieces.length > 1 && pieces.slice(1).every((piece) => COST_WORD.test(piece) && piece.split(/\s+/).length >= 3) ? [pieces[0] ?? part, ...pieces.slice(1).map((piece) => `${head}${piece}`)] : [part];
    })
    .flatMap((part) => {
      // (Three or more things after one "for", "What do we pay for the urgent care visit, the drops, and the glasses?",
      // each short and named with its article, are each asked.)
      const things = listedThings(part, 3);
      if (things.length > 0) return things;
      // "¿Cuánto pago por la consulta y por la radiografía?" asks what each costs: the visit's row and the x-ray's.
      const both = COORDINATED.exec(part.trim()) ?? apartThings(COORDINATED_THINGS.exec(part.trim()));
      const pair = both ? [`${both[1]}${both[3]}`, `${both[1]}${both[4]}`] : [part];
      // (So does a list of them with commas: "What do I pay for the surgery center, for the surgeon, and…?".)
      return pair.flatMap((one) => {
        const listed = LISTED_AFTER.exec(one.trim());
        if (listed !== null) {
          const items = (listed[3] ?? "").split(new RegExp(String.raw`\s*,\s*(?:(?:and|y)\s+)?${listed[2]}\s+`, "iu"));
          return items.length >= 2 && items.every((item) => THING_START.test(item)) ? items.map((item) => `${listed[1]}${item}`) : [one];
        }
        // (…and the things before the last of two, "What do we pay for the ambulance, the ER visit, and the hospital's
        // facility fee for the surgery?".)
        const things = both ? listedThings(one, 2) : [];
        return things.length > 0 ? things : [one];
      });
    })
    .map((part) => part.trim())
    .filter((part) => part !== "")
    // (Asking the other tier of the part before, "…in network, and what if it isn't?", is no part of its own.)
    .filter((part, i) => i === 0 || !OTHER_TIER_ONLY.test(normalize(part)));
  // A part naming its subject by a bare noun the story named in full is asked with the full name.
  const told = questionSentences(question).filter((sentence) => !asks(sentence)).join(" ");
  return parts.map((part) => withToldName(/[?]\s*$/.test(part) ? part : `${part}?`, told));
}

/** A part that only asks the other tier: "what if it isn't?", "and if not?", "¿y cuánto si no lo es?". */
const OTHER_TIER_ONLY = /^[¿]?\s*(?:(?:and|or)\s+)?(?:what\s+)?if\s+(?:it|she|he|they)\s+(?:isn'?t|aren'?t|is not|are not)\s*[?.]?$|^[¿]?\s*(?:(?:and|or)\s+)?if not\s*[?.]?$|^[¿]?\s*(?:(?:y|o)\s+)?(?:cuanto\s+|que\s+)?si\s+no\s+(?:lo|la|los|las)\s+(?:es|son)\s*[?.]?$/;

/** "examen de la vista", "cuidado de hospicio": a Spanish noun and what it is of, in the story. */
const SPANISH_NAMED = /(?<![\p{L}])(\p{L}{4,}) (de|del) (?:(la|el|los|las) )?(\p{L}{4,})(?![\p{L}])/gu;
/** "eye exam", "knee surgery": an English noun and the word that says which, in the story. */
const ENGLISH_NAMED = /(?<![\p{L}'’-])(\p{L}{3,}) (\p{L}{3,})(?![\p{L}'’-])/gu;
/** "the exam", "el examen": a part's subject named by a bare noun ("…the bed do we pay?"). */
const BARE_NOUN = /\b(the|el|la|los|las)\s+(\p{L}{3,})(?=\s*[?,.!]|\s+(?:and|y|or|o|if|si|at|en|for|por|with|con|do|does|will|would|is|are|cost|costs)\b)/giu;

/**
 * A part that names its subject by a bare noun after "the"/"el" ("…¿cuánto pagamos por el examen…?", "what do I pay
 * for the exam?") when the story told it in full ("…su examen de la vista…", "…her eye exam…"): the part with the
 * story's name ("…por el examen de la vista…", "…for the eye exam?"). A word that only says how ("routine", "yearly")
 * names nothing, and a part whose noun the story names in two ways is left as it is.
 *
 * @example withToldName("¿cuánto pagamos por el examen?", "A mi hija le toca su examen de la vista.") // "¿cuánto pagamos por el examen de la vista?"
 */
export function withToldName(part: string, told: string): string {
  BARE_NOUN.lastIndex = 0;
  if (!BARE_NOUN.test(part)) return part;
  const names = new Map<string, string[]>();
  const add = (noun: string, name: string) => names.set(noun, [...(names.get(noun) ?? []), name]);
  const spanish = detectLanguage(told) === "es";
  for (const m of spanish ? told.matchAll(SPANISH_NAMED) : []) {
    const [, noun = "", of = "", article, what = ""] = m;
    if (!STOP_WORDS.has(normalize(noun)) && !STOP_WORDS.has(normalize(what)) && !isCommonStem(stem(normalize(what)))) add(normalize(noun), `${noun} ${of} ${article ? `${article} ` : ""}${what}`);
  }
  // (Pairs read from the first word and again from the second: "her eye exam next" gives "her eye", "exam next", then
  // "eye exam".)
  for (const source of spanish ? [] : [told, told.replace(/^\s*\S+\s*/, "")]) {
    for (const m of source.matchAll(ENGLISH_NAMED)) {
      const [, which = "", noun = ""] = m;
      const bare = normalize(which);
      if (!STOP_WORDS.has(bare) && !isCommonStem(stem(bare)) && !STOP_WORDS.has(normalize(noun)) && /^[a-z]+$/.test(bare)) add(normalize(noun), `${which} ${noun}`);
    }
  }
  return part.replace(BARE_NOUN, (whole: string, article: string, noun: string) => {
    const found = [...new Set(names.get(normalize(noun)) ?? [])];
    return found.length === 1 ? `${article} ${found[0]}` : whole;
  });
}

/**
 * The parts of a question that asks two or more things, each about a subject of its own ("¿Cuánto nos toca pagar por
 * la sala de emergencias y cuánto por las radiografías?"); none when it asks one thing, or when a part names nothing of
 * its own ("How many visits are covered, and what do I pay?": the second part is about the first's subject; "What do
 * we pay for that equipment, and do we need approval first?": both are about the equipment told before).
 */
export function separateAsks(question: string): string[] {
  return ownSubjectParts(askedParts(question));
}

/** Of a question's asked parts (`askedParts`), those `separateAsks` keeps: each names a subject of its own, two or more. */
export function ownSubjectParts(parts: readonly string[]): string[] {
  // (A part that points back to what was told, "that equipment", "esa cirugía", is about the story's subject; one that
  // names only a network tier, "¿…y cuánto si no es de la red?", asks of the other part's subject on that tier; one
  // that names only where or how the care is had, "…at a retail pharmacy, and … if I use mail order instead?", asks
  // of the drug told.)
  const own = parts.filter((part) => specificTerms(part).some((term) => !NETWORK_TIERS.includes(term) && !ASPECTS.has(term)) && !POINTS_BACK.test(part));
  return own.length >= 2 ? own : [];
}

/** The network tiers, which name where care is had, not what it is. */
export const NETWORK_TIERS = ["#in-network", "#out-of-network"];

/** "that equipment", "those visits", "esa cirugía": a thing named before. */
const POINTS_BACK = /\b(?:that|those|esa|ese|esas|esos|dicha|dicho)\s+\p{L}/iu;

/**
 * A question up to its first trailing clause: a word that starts one (a relative pronoun, a subordinating conjunction,
 * "from", "every"), or "to" before a verb (before anything but an article or a possessive), from the third word on.
 */
function mainClause(sentence: string): string {
  const words = sentence.split(/\s+/);
  for (let i = 2; i < words.length; i++) {
    const word = normalize(words[i] ?? "").replace(/[^\p{L}]/gu, "");
    // ("Every time I go…", "cada vez que…" start a clause; "cada mes", "every week" say how often.)
    const next = normalize(words[i + 1] ?? "").replace(/[^\p{L}]/gu, "");
    const often = (word === "every" || word === "cada") && !/^(?:time|times|vez|que)$/.test(next);
    // ("…and since then she goes to…", "y desde entonces va a…" say when the main clause goes on, not a clause of their own.)
    const sinceThen = (word === "since" || word === "desde") && /^(?:then|entonces)$/.test(next);
    if (CLAUSE_START.has(word) && !often && !sinceThen && !insidePhrase(words, i)) {
      // A clause joined to the main one by "and" and a verb of its own goes on with the main clause's subject ("My
      // husband is coming home after surgery and needs visits from a home health nurse.").
      const rest = words.slice(i + 1);
      const plain = (j: number) => normalize(rest[j] ?? "").replace(/[^\p{L}]/gu, "");
      // (So does one with a subject of its own: "Mom's being discharged after her stroke and a preferred home health
      // agency will send a nurse.")
      const ownSubject = (j: number) => CLAUSE_SUBJECT.has(plain(j + 1)) && [2, 3, 4, 5, 6, 7, 8].some((k) => AUXILIARIES.has(plain(j + k)));
      const joined = rest.findIndex((w, j) => /^(?:and|y)$/i.test(w) && (COORDINATED_VERBS.has(plain(j + 1)) || ownSubject(j)));
      const main = words.slice(0, i).join(" ");
      return joined < 0 ? main : `${main} ${rest.slice(joined + 1).join(" ")}`;
    }
    // "to" before a verb starts a trailing clause ("…a scan to check my knee"), but not after a verb of need, wish or
    // obligation, whose infinitive is the main clause's own ("My dad has to go to a skilled nursing facility", "my
    // cardiologist wants me to do cardiac rehab").
    const bare = (j: number) => normalize(words[j] ?? "").replace(/[^\p{L}]/gu, "");
    const ownInfinitive = MODAL_BEFORE_TO.has(bare(i - 1)) || (OBJECT_PRONOUN.has(bare(i - 1)) && MODAL_BEFORE_TO.has(bare(i - 2)));
    // After a verb of going, "to" names where ("Can I go to urgent care for…?", "I was sent to physical therapy").
    // (Also with whom between: "my doctor referred me to supervised exercise therapy", "they sent him to rehab".)
    const place = MOTION_BEFORE_TO.has(bare(i - 1)) || (OBJECT_PRONOUN.has(bare(i - 1)) && MOTION_BEFORE_TO.has(bare(i - 2)));
    // Before a name in capitals, "to" is a preposition, not an infinitive's ("group coverage subject to ERISA").
    const name = /^\(?\p{Lu}{2,}\b/u.test(words[i + 1] ?? "");
    if (word === "to" && !ownInfinitive && !place && !name && !/^(?:a|an|the|my|your|our|his|her|their|this|that|these|those|me|us|him|them|it)$/i.test(bare(i + 1))) {
      return words.slice(0, i).join(" ");
    }
  }
  return sentence;
}

/** Whether words[i] is inside a vocabulary phrase begun before it ("chequeos después del parto"): no clause starts there. */
function insidePhrase(words: readonly string[], i: number): boolean {
  const from = Math.max(0, i - 3);
  const before = tokenize(words.slice(from, i).join(" ")).length;
  return findConcepts(tokenize(words.slice(from, i + 5).join(" "))).some((match) => match.start < before && match.end > before);
}

const MODAL_BEFORE_TO = new Set("has have had need needs needed going got ought want wants wanted told asked".split(" "));
const OBJECT_PRONOUN = new Set("me him her us them".split(" "));
const MOTION_BEFORE_TO = new Set(
  "go goes going went gone come comes came coming get gets got travel travels traveling travelled traveled drive drove move moved sent send take took taken bring brought referred refer admitted transferred return returned walk walked head".split(" "),
);

/** Verbs that open a clause joined by "and" with the subject of the one before ("…and needs…", "…y necesita…"). */
const COORDINATED_VERBS = new Set(
  "needs need wants want has have requires require uses use takes take sees see gets get is was will must can necesita necesitan quiere quieren tiene tienen usa toma va".split(" "),
);
/** How a clause with a subject of its own opens after "and" ("…and a home health agency will…"), and the verbs that follow it. */
const CLAUSE_SUBJECT = new Set(["a", "an", "the", "my", "his", "her", "our", "their"]);
const AUXILIARIES = new Set("will would is are was were has have had can could must should wants needs says said".split(" "));
const CLAUSE_START = new Set(
  "that who which whom whose when whenever while after before because since until unless every from so cuando mientras despues antes porque desde hasta cada".split(" "),
);

/** "What number do I call…?", "What's the number…?", "¿A qué número llamo…?", "phone number for…": answered by a phone number. */
const PHONE_QUESTION =
  /\bwhat(?:'s| is) (?:the|its|their) (?:phone |telephone )?number\b(?! of)|\ba (?:que|cual) (?:oficina|agencia|departamento|linea)\b[^?]{0,45}\b(?:llamo|llamar|llamamos)\b|\ba quien (?:puedo|debo|tengo que|podemos) llamar\b|\b(?:what|which) (?:office|agency|department) (?:can|do|should|could) (?:i|we) call\b|\ba que numero\b|\b(?:what|which) (?:[a-z-]+ ){0,3}(?:line|hotline|helpline|number) (?:can|do|should|could) i call\b|\b(?:what|which) (?:phone |telephone )?number (?:do|should|can) i (?:call|dial)\b|\b(?:what|which) (?:phone |telephone )?number (?:does|do|did) (?:the|this|that|my|our|it|they)\b(?: [a-z-]+){0,2} (?:give|gives|list|lists|show|shows|have|has|say|says|print|prints)\b|\b(?:phone|telephone) number (?:for|of|to)\b|\bnumero (?:de telefono )?(?:llamo|llamar|debo llamar|puedo llamar|marco)\b|\bnumero de telefono\b(?! (?:de mi|mio|personal))|\bwho (?:do|should|can|could) (?:i|we) (?:call|phone)\b|\b(?:is there|are there) (?:a|an|any|some) (?:[a-z-]+ ){0,2}(?:phone |telephone )?numbers? (?:i|we|she|he|they|you) (?:can|could|should) (?:call|dial)\b|\bhay (?:algun|un) numero (?:de telefono )?(?:al que|adonde|a donde|donde) (?:pueda|puedo|podamos|pueden) llamar\b|\ba quien (?:llamo|le llamo|debo llamar|puedo llamar|hay que llamar)\b/;

/** "What is / what's / what are (my|the|our) <deductible, copay, coinsurance, out-of-pocket limit, premium>". */
const ASKS_WHAT_FIGURE =
  /^(?:\W*)(?:what(?:'s| is| are|s)|cual(?:es)? (?:es|son)) (?:my |the |our |your |mi |mis |el |la |los |las |su )?(?:(?:annual|yearly|overall|individual|family|medical|plan|monthly|anual|mensual|individual|familiar|general) )*(?:deductibles?|copay(?:ment)?s?|coinsurance|out[- ]of[- ]pocket (?:limit|max(?:imum)?)|oop(?: max)?|premiums?|deducibles?|copagos?|coseguros?|primas?|share)\b|^(?:\W*)(?:what|que) (?:share|porcentaje)\b/;

/** Identifiers a member may ask for (numbers, and the names of their own doctors): a plan document describes them but never holds the member's own. */
// "What address do I send my appeal to?", "¿A qué dirección mando la queja?": the answer is a postal address.
const ADDRESS_QUESTION = /\b(?:what|which)(?:'s| is)? (?:the |their |its |your )?(?:mailing |postal |street )?address\b|\b(?:street|mailing|postal) address\b|\bwhere (?:do|can|should) i (?:send|mail|write)\b|\bque direccion\b|\bcual es la direccion\b|\ba donde (?:mando|envio|escribo)\b/;
const IDENTIFIER =
  /\b(?:(?:id|identification|member|claim|policy|group|phone|telephone|account) number|member id|number (?:on|of) my|numero de (?:mi |su )?(?:identificacion|miembro|reclamo|reclamacion|poliza|grupo|telefono|tarjeta|cuenta)|numero de mi|name of my|my (?:doctor|pcp|physician|provider|dentist)'?s name|nombre de mi)\b/;

/** "What's the website…?", "¿Cuál es la página web…?": answered by a web address. */
/** "What's their email?", "¿Tienen un correo electrónico…?": an e-mail address is asked for. */
const EMAIL_QUESTION = /\be-?mail\b|\bcorreo electronico\b|\bcorreo-e\b/;
/**
 * "Where do I look up which doctors and hospitals are in network?", "How do I find out which doctors and labs are in
 * the network?", "¿Dónde puedo ver qué médicos están en la red?": where the provider directory is, which a plan
 * summary gives as a web address ("For a list of network providers, see www.myuhc.com").
 */
const DIRECTORY_LOOKUP =
  /\b(?:where|how) (?:can|do|could|should|would) (?:i|we|you) (?:find(?: out)?|look(?: up)?|check|see|search|get|view)\b[^?.]*\b(?:(?:which|what) (?:[a-z-]+ ){0,5}(?:are|is) (?:in|part of|on) (?:the |my |your |our |this plan's |their )?network|in-network (?:doctors|providers|hospitals|specialists)|(?:a |the )?list of (?:[a-z-]+ )?(?:doctors|providers|hospitals|specialists)|(?:provider|doctor) directory)\b|\b(?:donde|como) (?:puedo|podemos|se puede|busco|veo|consulto|reviso|saber|ver|encontrar)\b[^?.]*\b(?:(?:que|cuales) (?:[a-z]+ ){0,5}(?:esta|estan) en (?:la|mi|su) red|directorio|lista de (?:medicos|doctores|proveedores|hospitales))\b/;
const WEBSITE_QUESTION = /\b(?:web ?site|web address|web ?page|url|pagina web|sitio web|direccion web|pagina de internet)\b/;

/** "What day…?", "on what date…", "¿Qué día…?", "¿En qué fecha…?": a day or a date is asked for. */
// (Not the day of a stay a cost changes on, "a partir de qué día ya no pago nada", "from which day on": a day's number.)
// (Nor the day of a stay a cost is paid until, "¿hasta qué día se paga ese copago?": "days 1-20" answers.)
const DATE_QUESTION = /(?<!\b(?:from|after|starting(?: on)?|beginning(?: on)?|partir de|desde) )\b(?:what|which) (?:day|date|dates)\b(?! (?:of (?:the|my|his|her) stay|on)\b)|(?<!\b(?:partir de|desde) )\bque (?:dia|fecha|fechas)\b(?!(?: [a-z]+){0,2} (?:pag|cobr|copago|coseguro)[a-z]*\b)/;

/**
 * "amount" for a question asking how much something costs, "number" for one asking how many (visits, days),
 * "phone" for one asking which number to call, "address" for one asking where to mail something, "website" for one
 * asking for a web address, "identifier" for one asking for a number that names something (a
 * member ID, a claim number), "date" for one asking on what day or date ("¿Qué día me cargan el crédito?"), null
 * otherwise. Such a question is only answered by a passage with an amount, a number, or a run of digits.
 *
 * @example wantsNumber("¿Cuál es mi número de identificación de miembro?") // "identifier"
 */
export function wantsNumber(question: string): "amount" | "number" | "identifier" | "phone" | "address" | "website" | "email" | "date" | null {
  const text = withoutHardship(question);
  const normalized = normalize(text);
  if (DATE_QUESTION.test(normalized)) return "date";
  // The contact the question asks for, over one its story names ("I'd rather mail it than email it. What's their
  // street address?").
  const askingSentences = questionSentences(text).filter(asks).map(normalize);
  const asked = askingSentences.join(" ");
  const contact = (asked === "" ? null : contactAsked(asked)) ?? contactAsked(normalized);
  if (contact !== null) return contact;
  // "How long…?" / "¿Cuánto tiempo…?" ask for a duration, which a document may give in words ("until the end of the
  // month"): no figure is required (the answerer prefers one).
  // (So does "¿Cada cuánto…?", how often.)
  if (/\bcuanto tiempo\b|\bcada cuanto\b/.test(normalized)) return null;
  if (/\bhow many\b|\bcuant[oa]s\b/.test(normalized)) return "number";
  if (/\bhow much\b|\bcuanto\b|\bcuanta\b|\bwhat does .* cost\b|\bcuesta\b/.test(normalized)) return "amount";
  // "What's the minimum dollar amount…?", "¿Cuántos dólares…?": a figure in dollars.
  if (/\b(?:what(?:'s| is) the (?:[a-z]+ )?dollar (?:amount|figure|value)|how many dollars)\b/.test(normalized)) return "amount";
  // "What's my deductible…?", "¿Cuál es el copago…?", "What's my share of…?", "¿Qué porcentaje…?": asking what a
  // cost-sharing figure is asks for the figure, in whichever asking sentence after the story.
  if (ASKS_WHAT_FIGURE.test(normalized) || askingSentences.some((sentence) => ASKS_WHAT_FIGURE.test(sentence))) return "amount";
  if (IDENTIFIER.test(normalized)) return "identifier";
  return null;
}

/** The kind of contact a (normalized) text asks for, if any. */
function contactAsked(text: string): "phone" | "address" | "website" | "email" | null {
  if (EMAIL_QUESTION.test(text)) return "email";
  if (WEBSITE_QUESTION.test(text) || DIRECTORY_LOOKUP.test(text)) return "website";
  if (PHONE_QUESTION.test(text) || (/\b(?:phone|telephone) number\b/.test(text) && !/\bmy (?:phone|telephone) number\b/.test(text))) return "phone";
  if (ADDRESS_QUESTION.test(text)) return "address";
  return null;
}

/** Things a plan counts in a limit: visits, sessions, treatments, times, cleanings, exams ("How many acupuncture visits a year…?"). */
const COUNTED = String.raw`(?:visits?|sessions?|treatments?|times|appointments?|cleanings?|exams?|check-?ups?|pills?|tablets?|capsules?|doses?|refills?|visitas?|sesiones?|tratamientos?|veces|citas?|limpiezas?|examen(?:es)?|chequeos?|pastillas?|tabletas?|capsulas?|dosis|resurtidos?|ultrasounds?|sonograms?|ultrasonidos?|ecografias?|sonogramas?)`;
/** (Or the most of them: "Is there a maximum number of acupuncture visits…?", "¿Hay un límite de visitas…?".) */
const COUNT_QUESTION = new RegExp(
  String.raw`\bhow many (?:[a-z-]+ ){0,3}${COUNTED}\b|\bcuant[oa]s (?:[a-z]+ ){0,3}${COUNTED}\b|\b(?:maximum|max|limit|cap) (?:number )?(?:of|on) (?:[a-z-]+ ){0,3}${COUNTED}\b|\b(?:numero maximo|maximo|limite|tope) de (?:[a-z]+ ){0,2}${COUNTED}\b`,
);
/**
 * Asking a price too ("What's the copay, and how many visits…?"): a passage with the price answers part of it. The
 * plan's paying for something is its covering it ("How many visits a year will Health Net pay for?"), no price.
 */
const ALSO_PRICE = /\bhow much\b|\bcopay|\bcoinsurance\b|\bcost|\b(?:i|we|he|she|you|they|me|us|him|her|my \w+) (?:\w+ )?pay\b|\bpay\b(?! for\b)|\bprice\b|\bcuanto (?:pago|cuesta|cobran)\b|\bcopago|\bcoseguro\b|\bcuesta\b|\bpag(?:ar|a|o|an|amos|aria|ariamos|arian|are|aremos|aran)\b/;
/**
 * A question asking only how many visits (sessions, treatments, times) the plan allows: answered by a count or a limit
 * stated ("12 visits per year", "up to six sessions", "unlimited"), not by a row that prices the visit ("Acupuncture-
 * $20/visit" says what one costs, not how many are covered).
 *
 * @example asksCount("How many chiropractic visits a year does this plan cover?") // true
 */
export function asksCount(question: string): boolean {
  const normalized = normalize(withoutHardship(question));
  return COUNT_QUESTION.test(normalized) && !ALSO_PRICE.test(normalized.replace(KNOWN_ALREADY, " "));
}
/** A price the member says they know already: "Ya sé que el copago es de $20, pero…", "I know the copay is $20,". */
const KNOWN_ALREADY = /\b(?:ya se que|ya se|i (?:already )?know(?: that)?)\b[^,;?]*[,;]/g;
/** A count of visits (sessions, treatments, times) or a limit on them: "12 visits", "20-36 visits", "up to six sessions", "unlimited". */
export const STATES_COUNT = new RegExp(
  String.raw`(?<![$\d.,/])\b(?:\d+(?:\s*-\s*\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|doce|veinte|treinta)(?:\s+[\p{L}-]+){0,6}?\s+${COUNTED}\b|\bunlimited\b|\bno (?:visit )?limit\b|\bilimitad[oa]s?\b|\bsin limite\b|\b(?:up to|limited to|maximum of|max(?:imum)?|hasta|limite de)\s+\d+\b`,
  "u",
);
