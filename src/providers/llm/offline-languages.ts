import { PHONE } from "../../text/content-tokens";
import { normalize } from "../../text/normalize";
import { wantsNumber } from "../../text/specific-terms";
import type { Quote } from "./offline";
import type { Source } from "./types";

/**
 * Languages by the names a member types (English and Spanish, accents dropped) and the English name a plan document
 * gives each in its language-help lines ("Tagalog (Tagalog): Kung kailangan ninyo ang tulong sa Tagalog tumawag sa
 * 1-800-522-0088.", "Navajo (Dine): …", a Medicare document's "Vietnamese: Chúng tôi có dịch vụ…"). Every SBC prints
 * such lines (the 2012 template in four languages, the 2017 one in the languages of its area) and every Medicare
 * document a page of them.
 */
const LANGUAGES: readonly { name: string; asked: RegExp }[] = [
  { name: "Spanish", asked: /\b(?:spanish|espanol)\b/ },
  { name: "Tagalog", asked: /\b(?:tagalog|tagalo|filipino)\b/ },
  { name: "Chinese", asked: /\b(?:chinese|chino|mandarin|cantonese|cantones)\b/ },
  { name: "Navajo", asked: /\b(?:navajo|dine)\b/ },
  { name: "Vietnamese", asked: /\b(?:vietnamese|vietnamita)\b/ },
  { name: "Korean", asked: /\b(?:korean|coreano)\b/ },
  { name: "Russian", asked: /\b(?:russian|ruso)\b/ },
  { name: "Arabic", asked: /\b(?:arabic|arabe)\b/ },
  { name: "French", asked: /\b(?:french|frances)\b/ },
  { name: "French Creole", asked: /\b(?:creole|criollo|kreyol)\b/ },
  { name: "Portuguese", asked: /\b(?:portuguese|portugues)\b/ },
  { name: "Polish", asked: /\b(?:polish|polaco)\b/ },
  { name: "Italian", asked: /\b(?:italian|italiano)\b/ },
  { name: "German", asked: /\b(?:german|aleman)\b/ },
  { name: "Japanese", asked: /\b(?:japanese|japones)\b/ },
  { name: "Hindi", asked: /\bhindi\b/ },
  { name: "Armenian", asked: /\b(?:armenian|armenio)\b/ },
  { name: "Persian", asked: /\b(?:persian|farsi|persa)\b/ },
  { name: "Samoan", asked: /\b(?:samoan|samoano)\b/ },
  { name: "Chamorro", asked: /\b(?:chamorro|chamoru)\b/ },
  { name: "Carolinian", asked: /\b(?:carolinian|carolino)\b/ },
  { name: "Hmong", asked: /\bhmong\b/ },
  { name: "Khmer", asked: /\b(?:khmer|cambodian|camboyano|jemer)\b/ },
  { name: "Thai", asked: /\b(?:thai|tailandes)\b/ },
  { name: "Lao", asked: /\b(?:lao|laotian|laosiano)\b/ },
  { name: "Punjabi", asked: /\b(?:punjabi|panyabi)\b/ },
  { name: "Urdu", asked: /\burdu\b/ },
  { name: "Ukrainian", asked: /\b(?:ukrainian|ucraniano)\b/ },
  { name: "Greek", asked: /\b(?:greek|griego)\b/ },
  { name: "Tongan", asked: /\b(?:tongan|tongano)\b/ },
  { name: "Ilocano", asked: /\bilocano\b/ },
];

/** Each language's English name as a help line may say it in its own words ("…ang tulong sa Tagalog…"). */
const NAMED_IN_LINE = LANGUAGES.map((language) => ({ language, said: new RegExp(`\\b${language.name}\\b`) }));
/** A question about help in a language: "which languages…", "en su idioma", "speaks only Tagalog". */
const ASKS_LANGUAGE = /\blanguages?\b|\bidiomas?\b|\blenguas?\b|\bspeaks?\b|\bspeaking\b|\bhabla(?:n|r)?\b/;
/** …and not the care called after speech: "speech therapy", "terapia del lenguaje", "sign language interpreter". */
const NOT_LANGUAGE_HELP = /\bspeech\b|\bterapia del? (?:habla|lenguaje)\b|\bsign language\b|\blenguaje de senas\b|\bsenas\b/;
/** The languages a question sets aside: "Besides Spanish, …", "Además del español…", "other than English". */
// (And the languages said not spoken: "Mi suegra no habla inglés ni español…", "…doesn't speak English or Spanish".)
const SET_ASIDE = /\b(?:besides|apart from|aside from|other than|except|not counting|ademas del?|aparte del?|fuera del?|excepto|no habla(?:n|mos)?|no hablo|ni|(?:doesn'?t|does not|don'?t|do not|can'?t|cannot) speak|nor)\s+(?:el\s+|the\s+)?([a-z]+)/g;
/** When a line is open: "What hours…?", "¿En qué horario…?", "¿Abren los sábados?". */
const HOURS = /\bhorarios?\b|\babren\b|\b(?:a|hasta) que hora\b|\bwhat (?:hours|time)\b|\bopen (?:on|at|until|late)\b|\bhow late\b/;
/** A language-help line: "[Tagalog (Tagalog): Kung…", "Navajo (Dine): …", "Vietnamese: Chúng tôi…". */
const HELP_LINE = /^\s*\[?\s*(\p{Lu}[\p{L}]+(?: \p{Lu}[\p{L}]+)?)(?:\s*\([^()]{1,40}\))?\s*:\s*\S/u;

/**
 * Quotes for a question about help in a language: the document's help lines for the languages it names (a told one
 * counts: "Mi abuelito casi solo habla chamorro. ¿Hay algún número donde lo puedan atender en su idioma?"), or, asked
 * which languages, every help line but those set aside ("Besides Spanish, which languages…?"). [] when the question
 * is about something else or no retrieved passage has such lines, so the general answerer takes it.
 */
export function languageQuotes(question: string, sources: readonly Source[]): Quote[] {
  const asked = normalize(question);
  // (A language named is one asked about: "…more comfortable in Tagalog. Is there a number she can call?")
  const namesLanguage = LANGUAGES.some((language) => language.asked.test(asked));
  // (Asked when a help line is open, "¿En qué horario atienden en el número de ayuda en español?", its hours answer.)
  if ((!ASKS_LANGUAGE.test(asked) && !namesLanguage) || NOT_LANGUAGE_HELP.test(asked) || HOURS.test(asked)) return [];
  // "I speak Spanish. What's my deductible?" asks the deductible: help in the language must be what is asked.
  if (!ASKS_HELP.test(asked) && !WHICH_LANGUAGES.test(asked)) return [];
  const { named, setAside } = askedLanguages(asked);
  const lines = sources.flatMap((source) =>
    source.text.split("\n").flatMap((line) => {
      const name = HELP_LINE.exec(line)?.[1];
      // (A line printed without its English title says the language's name in its own words and gives a number: "Kung
      // kailangan ninyo ang tulong sa Tagalog tumawag sa 1-866-314-0335.")
      const language = LANGUAGES.find((known) => known.name === name) ?? (PHONE.test(line) ? NAMED_IN_LINE.find((entry) => entry.said.test(line))?.language : undefined);
      return language ? [{ language: language.name, sentence: line.trim().replace(/^\[\s*/, "").replace(/\s*\]$/, ""), source }] : [];
    }),
  );
  const seen = new Set<string>();
  const unique = lines.filter((line) => !seen.has(line.language) && seen.add(line.language));
  const chosen = named.length > 0 ? unique.filter((line) => named.includes(line.language)) : WHICH_LANGUAGES.test(asked) ? unique.filter((line) => !setAside.has(line.language)) : [];
  // (Asked the number to call, a line whose number is the template's blank, "llame al [insert telephone number]", gives none.)
  const numbered = wantsNumber(question) === "phone" ? chosen.filter((line) => PHONE.test(line.sentence)) : chosen;
  return numbered.map((line) => ({ sentence: line.sentence, source: line.source, score: 1 }));
}

/** The languages a (normalized) question names, by name, less those it sets aside ("Besides Spanish…", "no habla inglés ni español"), and those. */
function askedLanguages(asked: string): { named: string[]; setAside: Set<string> } {
  const setAside = new Set([...asked.matchAll(SET_ASIDE)].flatMap((match) => LANGUAGES.filter((language) => language.asked.test(match[1] ?? "")).map((language) => language.name)));
  return { named: LANGUAGES.filter((language) => language.asked.test(asked) && !setAside.has(language.name)).map((language) => language.name), setAside };
}

/** Help in any language offered in general: "free language interpreter services", "interpretation services". */
const ANY_LANGUAGE_HELP = /\binterpret(?:er|ers|ation|ing)\b|\bint[eé]rpretes?\b|\bany language\b|\bother languages\b/i;

/**
 * Whether a question asks for help in a language the document's help lines leave out: the passages print such lines
 * ("Spanish (Español): …", "Tagalog (Tagalog): …") and offer no interpreter for any language, and none is in the
 * language named ("…speaks Vietnamese… Does Blue Shield have a language line where she can get help in Vietnamese?").
 */
export function unlistedLanguage(question: string, sources: readonly Source[]): boolean {
  const asked = normalize(question);
  if (NOT_LANGUAGE_HELP.test(asked) || HOURS.test(asked) || (!ASKS_HELP.test(asked) && !WHICH_LANGUAGES.test(asked))) return false;
  const { named } = askedLanguages(asked);
  if (named.length === 0 || sources.some((source) => ANY_LANGUAGE_HELP.test(source.text))) return false;
  const printed = sources.flatMap((source) => source.text.split("\n").flatMap((line) => HELP_LINE.exec(line)?.[1] ?? []));
  const lines = printed.filter((name) => LANGUAGES.some((language) => language.name === name));
  const said = NAMED_IN_LINE.filter((entry) => named.includes(entry.language.name) && sources.some((source) => entry.said.test(source.text)));
  return lines.length > 0 && said.length === 0;
}

/** Help asked for: someone to talk to, a number to call, an interpreter, a translation. */
const ASKS_HELP = /\bhelp\b|\bassist\w*|\bcall\b|\bnumber\b|\bphone\b|\binterpret\w*|\btranslat\w*|\bsomeone\b|\btalk\b|\bayuda\w*|\basistencia\b|\bllam\w*|\bnumero\b|\btelefono\b|\binterprete\b|\btradu\w*|\batiend\w*|\bhablar con\b|\balguien\b/;
/** Asked which languages: "Which languages…?", "What other languages…?", "¿En qué idiomas…?". */
const WHICH_LANGUAGES = /\b(?:which|what)(?: other)? languages?\b|\blanguages? (?:does|do|is|are|can)\b|\bque (?:otros )?idiomas?\b|\bcuales idiomas\b|\bidiomas? (?:hay|ofrecen|tienen)\b/;
