/**
 * Text handling for the offline provider: normalisation, content tokens, sentence splitting and a language guess,
 * for English and Spanish only. Deliberately simple (no dictionary, no model): it has to be predictable enough
 * that a test can say which sentence will be quoted.
 */

export type Language = "en" | "es";

/** Lowercase without accents, so "Cuánto" and "cuanto" or "Médico" and "medico" compare equal. */
export function normalize(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

const STOP_WORDS = new Set(
  (
    // English function words, question words and filler verbs.
    "a an the is are was were be been being am do does did done have has had i me my mine we us our you your yours he him his " +
    "she her it its they them their this that these those what which who whom whose when where why how can could would should " +
    "will shall may might must of in on at to for from by with about as into onto than then so if or and but not no yes there " +
    "here any some all each much many more most very also just only please tell know want need get got im dont doesnt isnt " +
    "whats hows theres doesn isn don aren wasn s t " +
    // Spanish, already without accents.
    "el la los las lo un una unos unas de del al a en y e o u que es son esta estan estoy estar ser soy fue era mi mis tu tus " +
    "su sus me te se le les nos por para con sin sobre como cual cuales cuando donde quien quienes este esta estos estas ese " +
    "esa eso esos esas esto hay tengo tiene tienen tenemos puedo puede pueden necesito mas muy tambien pero si sino ya cuanto " +
    "cuanta cuantos cuantas hace hacer usted ustedes yo ella ellos ellas algo alguna alguno"
  ).split(" "),
);

/**
 * Spanish insurance terms (and English variants) folded onto one English stem, so a Spanish question can match
 * an English plan document, which is the common case for Spanish speakers in the US. Keys and values are stems.
 */
const CANONICAL: Record<string, string> = {
  deducibl: "deductibl",
  copago: "copay",
  copayment: "copay",
  coseguro: "coinsuranc",
  prima: "premium",
  especialista: "specialist",
  medico: "doctor",
  physician: "doctor",
  emergencia: "emergency",
  urgencia: "emergency",
  receta: "prescription",
  medicamento: "drug",
  medication: "drug",
  farmacia: "pharmacy",
  red: "network",
  fuera: "out",
  visita: "visit",
  consulta: "visit",
  cirugia: "surgery",
  embarazo: "pregnancy",
  maternidad: "maternity",
  maximo: "maximum",
  anual: "annual",
  ano: "year",
  familia: "family",
  familiar: "family",
  costo: "cost",
  precio: "pric",
  bolsillo: "pocket",
  laboratorio: "lab",
  terapia: "therapy",
  salud: "health",
  preventiva: "preventiv",
  preventivo: "preventiv",
  cubr: "cover",
  cobertura: "cover",
  coverag: "cover",
  servicio: "servic",
  beneficio: "benefit",
  poliza: "policy",
  atencion: "care",
  seguro: "insuranc",
  hospitalizacion: "hospital",
  pago: "pay",
  pagar: "pay",
  paid: "pay",
  // Specialists members name; plan documents say "specialist".
  dermatologist: "specialist",
  cardiologist: "specialist",
  neurologist: "specialist",
  orthopedist: "specialist",
  allergist: "specialist",
  psychiatrist: "specialist",
  dermatologo: "specialist",
  cardiologo: "specialist",
  chiropractor: "chiropractic",
  quiropractico: "chiropractic",
  // Abbreviations members use for the words plan documents print.
  pcp: "primary",
  oop: "pocket",
  rx: "prescription",
  er: "emergency",
  max: "maximum",
};

/**
 * Words every page of a plan document contains; a match on them alone says nothing about relevance, so they
 * count a quarter of a specific word ("plan" matches everything, "acupuncture" does not).
 */
const GENERIC_STEMS = new Set(["plan", "cover", "benefit", "insuranc", "health", "servic", "member", "policy", "care", "medical", "document"]);
const GENERIC_WEIGHT = 0.25;

/**
 * Stems that say what kind of answer is wanted, not what it is about: a question's other words must carry it. A
 * question word outside this list and outside every source ("Ozempic", "implants", "telehealth") means the documents
 * do not cover it.
 */
const NON_SPECIFIC = new Set([
  "copay", "coinsuranc", "deductibl", "cost", "pay", "premium", "price", "pric", "amount", "charg", "fee", "maximum", "minimum",
  "limit", "annual", "year", "month", "day", "week", "visit", "doctor", "provider", "network", "out", "pocket", "oop", "in",
  "allow", "requir", "ne", "mean", "includ", "apply", "count", "toward", "much", "many", "often", "long", "old", "happen",
  "do", "go", "see", "get", "use", "take", "mine", "person", "people", "individual", "family", "per", "first", "after", "before",
  "covered", "cubierto", "cubr", "cubre", "pago", "pagar", "cuesta", "costar", "tien", "debo", "hay", "cuant", "cual", "veces",
  "vez", "ir", "ver", "usar", "tipo", "kind", "type", "ok", "okay", "hi", "hello", "need", "ned", "thing", "stuff", "count",
]);

/**
 * Everyday English words of members' questions. A word outside them (and outside the plan words above) names the
 * subject itself — a drug, a service, a place — so its absence from every retrieved passage means the documents do not
 * answer the question. A fixed list stands in for word frequencies, which an offline provider does not have.
 */
const COMMON_EN = new Set(
  (
    "about above across actual actually add additional after again against ago all allow almost alone along already also " +
    "although always among another answer anyone anything anywhere apart area around ask away back bad base basic because " +
    "become before begin behind being below besid best better between big bit both bring build but buy call can care case " +
    "caus certain chang check choos claim clear clos com common complet concern consider contact continu could count cours " +
    "current cut date deal decid depend describ detail differ direct doe done down during each earli early easi effect eith " +
    "else end enough entir etc ever every exact exampl except expect explain extra far feel few fill final find fine follow " +
    "form free full further futur gener give given good great group half hand happen hard help her here high him his hold " +
    "home hour howev idea import includ inform instead involv issu item just keep kind know last late later least leav less " +
    "let level life like list littl live local long look lot low made main make mani matter may mean member might mind miss " +
    "more most mostli move must name near necessari never new next nice non none normal note noth now number offer offic " +
    "often old onc one onli open option order other otherwis our outsid over own part particular past period person phone " +
    "place plan plea point possibl pretti probabl problem process provid put question quick quit rather read readi real " +
    "realli reason receiv recent regular relat remain rememb request rest result return right same say second section seem " +
    "separat seri set sever shall short should show sign similar simpl sinc singl situat small some someon someth sometim " +
    "soon sort specif start state still stop such suppos sure system take talk tell than thank that them themselv then " +
    "therefor thes thi thing think third those though through thu time today togeth too total tri true turn two under " +
    "understand unless until upon usual valu variou veri via wait want way well went what whatev whenev wheth which while " +
    "whole whom whos why will wish within without wonder work worri would write wrong yet your yourself have having has"
  )
    .split(" ")
    .flatMap((word) => [word, baseStem(word)]),
);

/**
 * The stems of a question that name its subject: not stop words, not plan words, not everyday English. In a Spanish
 * question only words the glossary maps to English, or capitalised names ("Ozempic"), count: an unmapped Spanish word
 * cannot be looked for in an English document.
 */
export function specificTerms(question: string): string[] {
  const spanish = detectLanguage(question) === "es";
  const terms = new Set<string>();
  const raw = question.normalize("NFC").match(/[\p{L}\p{N}][\p{L}\p{N}'-]*/gu) ?? [];
  raw.forEach((original, i) => {
    for (const word of words(original)) {
      if (STOP_WORDS.has(word) || /^\d/.test(word) || word.length < 3) continue;
      const base = baseStem(word);
      const stemmed = CANONICAL[base] ?? base;
      const named = i > 0 && /^\p{Lu}/u.test(original) && !/^\p{Lu}+$/u.test(original);
      if (spanish && CANONICAL[base] === undefined && !named) continue;
      if (NON_SPECIFIC.has(stemmed) || GENERIC_STEMS.has(stemmed) || COMMON_EN.has(stemmed) || COMMON_EN.has(base)) continue;
      terms.add(stemmed);
    }
  });
  return [...terms];
}

/** Column names of plan tables, as a Spanish-speaking member reads them; values stay as the document prints them. */
const COLUMN_ES: [RegExp, string][] = [
  [/^in-network provider(?:s)?|^network provider(?:s)?|^in-network|^participating provider(?:s)?|^preferred provider(?:s)?/i, "Proveedor de la red"],
  [/^out-of-network provider(?:s)?|^non-network provider(?:s)?|^out-of-network|^non-participating provider(?:s)?|^non-preferred provider(?:s)?/i, "Proveedor fuera de la red"],
  [/^limitations?,? (?:&|and) exceptions?.*|^limitations?, exceptions?,? (?:&|and) other important information/i, "Limitaciones y excepciones"],
  [/^answers?$/i, "Respuesta"],
  [/^why this matters:?$/i, "Por qué es importante"],
];

/** "Network Provider: $40 copay" → "Proveedor de la red: $40 copay"; an unknown column name is kept. */
export function translateColumn(part: string): string {
  const at = part.indexOf(": ");
  if (at < 0) return part;
  const name = part.slice(0, at);
  for (const [pattern, spanish] of COLUMN_ES) if (pattern.test(name)) return `${spanish}: ${part.slice(at + 2)}`;
  return part;
}

/** Words that make a question about money, which favours sentences that carry an amount. */
const COST_WORDS = new Set([
  "deductible", "deductibles", "deducible", "deducibles", "copay", "copays", "copayment", "copago", "copagos", "coinsurance",
  "coseguro", "cost", "costs", "costo", "costos", "coste", "price", "precio", "pay", "pagar", "pago", "fee", "fees", "charge",
  "cargo", "premium", "prima", "amount", "monto", "cuanto", "cuanta", "maximum", "maximo", "expensive", "caro",
]);

const AMOUNT = /[$€£]\s?\d|\d[\d.,]*\s?(?:%|percent\b|por ciento\b|dollars?\b|d[oó]lares\b|usd\b|eur\b)/i;

/**
 * Light stemmer for both languages: plurals, then -ed/-ing, then a final -e on words over four letters, so
 * "services"/"service", "hospitales"/"hospital" and "deducibles"/"deducible" meet while "care" stays "care".
 * The result is then folded through CANONICAL.
 */
export function stem(word: string): string {
  const w = baseStem(word);
  return CANONICAL[w] ?? w;
}

/**
 * The canonical (English) stems of the words in `text` that CANONICAL maps: "¿Cuánto es mi deducible?" gives
 * ["deductibl"]. Retrieval adds them to the query, so a Spanish question can match an English document's words.
 */
export function mappedTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const word of words(text)) {
    const mapped = CANONICAL[baseStem(word)];
    if (mapped && !STOP_WORDS.has(word)) terms.add(mapped);
  }
  return [...terms];
}

function baseStem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith("ed")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return w;
}

function words(text: string): string[] {
  return normalize(text).split(/[^a-z0-9ñ]+/).filter(Boolean);
}

/** Distinct content stems with their weights: stop words removed, generic plan words down-weighted. */
export function contentTokens(text: string): Map<string, number> {
  const tokens = new Map<string, number>();
  for (const word of words(text)) {
    if (STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    const stemmed = stem(word);
    tokens.set(stemmed, GENERIC_STEMS.has(stemmed) ? GENERIC_WEIGHT : 1);
  }
  return tokens;
}

export function isCostQuestion(question: string): boolean {
  const normalized = normalize(question);
  return /\bhow much\b|\bout[- ]of[- ]pocket\b/.test(normalized) || words(question).some((word) => COST_WORDS.has(word));
}

/**
 * "amount" for a question asking how much something costs, "number" for one asking how many (visits, days), null
 * otherwise. Such a question is only answered by a passage with an amount or a number in it.
 */
export function wantsNumber(question: string): "amount" | "number" | null {
  const normalized = normalize(question);
  if (/\bhow many\b|\bcuant[oa]s\b/.test(normalized)) return "number";
  if (/\bhow much\b|\bcuanto\b|\bcuanta\b|\bwhat does .* cost\b|\bcuesta\b/.test(normalized)) return "amount";
  return null;
}

export function hasAmount(text: string): boolean {
  return AMOUNT.test(text);
}

const SPANISH_HINTS = new Set(["el", "la", "los", "las", "mi", "mis", "es", "que", "cuanto", "cuanta", "como", "cual", "de", "del", "para", "por", "con", "una", "y", "esta", "son", "cubre", "tengo", "puedo", "se", "hay", "su", "sus", "necesito"]);
const ENGLISH_HINTS = new Set(["the", "is", "are", "my", "what", "how", "does", "do", "of", "for", "and", "a", "an", "in", "to", "it", "i", "can", "which", "who"]);

/**
 * English or Spanish, from the question alone: Spanish when it has ¿, ¡, ñ or an accented vowel, or more Spanish
 * than English function words ("de la" in a name does not outvote "is ... in").
 */
export function detectLanguage(text: string): Language {
  if (/[¿¡ñáéíóúü]/i.test(text)) return "es";
  let spanish = 0;
  let english = 0;
  for (const word of words(text)) {
    if (SPANISH_HINTS.has(word)) spanish += 1;
    if (ENGLISH_HINTS.has(word)) english += 1;
  }
  return spanish > english ? "es" : "en";
}

/**
 * A flattened table row or a paragraph without punctuation can run for a page; past 400 characters the quote is
 * cut at a word boundary and marked with an ellipsis.
 */
const MAX_SENTENCE_CHARS = 400;

/**
 * Sentences of a chunk, whitespace collapsed. Splits on line breaks and on ., ! or ? before a capital, digit,
 * currency sign or opening mark. A question is kept with the sentence after it, because plan summaries (SBCs) are
 * laid out as "What is the overall deductible? $500 individual", and the answer carries no keyword of its own.
 */
export function splitSentences(text: string): string[] {
  const pieces = text
    .split(/\n+|(?<=[.!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡$€£"“(\d])/u)
    .map((piece) => piece.replace(/\s+/g, " ").trim())
    .filter((piece) => /[\p{L}\d]/u.test(piece));
  const sentences: string[] = [];
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i] ?? "";
    const next = pieces[i + 1];
    if (piece.endsWith("?") && next !== undefined && !next.endsWith("?")) {
      sentences.push(`${piece} ${next}`);
      i += 1;
    } else {
      sentences.push(piece);
    }
  }
  return sentences.map(clip);
}

function clip(sentence: string): string {
  if (sentence.length <= MAX_SENTENCE_CHARS) return sentence;
  const cut = sentence.slice(0, MAX_SENTENCE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_SENTENCE_CHARS / 2))}…`;
}

const FOLLOW_UP_CUES = /^(?:and|also|what about|how about|what if|same|y|tambien|que tal|que pasa con|y si|and if)\b/;
const REFERENCES = /\b(?:it|that|this|those|them|they|eso|esto|ese|esa|ello|esos|esas)\b/;

/**
 * Whether a question leans on the conversation: it opens with "and"/"what about"/"¿y…", points back with "it"
 * or "that", or is a fragment of at most three words ("Out-of-network?").
 */
export function looksLikeFollowUp(question: string): boolean {
  const normalized = normalize(question).replace(/^[^a-z0-9ñ]+/, "");
  if (FOLLOW_UP_CUES.test(normalized) || REFERENCES.test(normalized)) return true;
  return words(question).length <= 3 && contentTokens(question).size <= 2;
}
