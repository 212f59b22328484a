/**
 * How the offline answerer writes a quote for a member (./offline.ts chooses the quotes): a table row as one sentence
 * with only the columns that answer the question — the plan the member asked about when a row compares plans side by
 * side, the network tier asked about — and column names in the question's language.
 */
import { contentTokens, GENERIC_WEIGHT, tierTokens } from "../../text/content-tokens";
import type { Language } from "../../text/language";
import { normalize } from "../../text/normalize";
import { askedParts, asks, NETWORK_TIERS, questionSentences, SET_ASIDE, specificTerms } from "../../text/specific-terms";

/** A table row as the chunker writes it: "label — Column: value; Column: value". */
export const ROW = / — /;

/** What the question narrows a row to. */
export interface Focus {
  network?: Network | null;
  question?: string;
}

/**
 * Writes a quote for a member: a row's empty cells ("Limitations: None") dropped; asked about one plan of several
 * side by side, or one network tier, the other plans' and the other tier's figures dropped (they are not the answer,
 * and stated next to it they read as one); for a Spanish question, column names in Spanish (the values stay as the
 * document prints them). Prose is quoted as it is, except that a passage listing both tiers keeps the one asked about,
 * and a coverage example's line of who pays what keeps the party asked about (keepRole).
 *
 * @example presentQuote("Specialist — Gold (Plan 004): $10; Silver (Plan 007): $2", "en", { question: "plan 004?" })
 *   // "Specialist — Gold (Plan 004): $10"
 */
export function presentQuote(quoted: string, language: Language, focus: Focus = {}): string {
  const network = focus.network ?? null;
  const combined = asksCombined(focus.question ?? "");
  const sentence = keepLevel(keepRole(quoted, asksRole(focus.question ?? "")), asksLevel(focus.question ?? ""));
  if (!ROW.test(sentence)) {
    // A row's cells whose label the page lost ("Plan 004: Labs: $0 copay…; Plan 007: Labs: …") still compare plans.
    const prose = onePlan(sentence.split("; "), focus.question ?? "").join("; ");
    return combined ? keepCombined(prose) : network ? keepTier(prose, network) : prose;
  }
  const at = sentence.indexOf(" — ");
  // A footnote mark set as a digit after the label's last word ("Specialists2") is not for the member.
  const label = sentence.slice(0, at).replace(/^[•·\-–]\s*/, "").replace(/(\p{Ll}{3,})\d{1,2}$/u, "$1");
  const seen = new Set([bare(label)]);
  const question = focus.question ?? "";
  const channel = asksChannel(question);
  const cells = sentence
    .slice(at + 3)
    .split("; ")
    // An empty cell ("Limitations: None") says nothing, but a plan's own "Not applicable" answers a question about it.
    .filter((part) => !/^[^:]{1,80}:\s*(?:none|n\/a|not applicable)\.?$/i.test(part.trim()) || PLAN_COLUMN.test(part.slice(0, part.indexOf(":"))))
    // A table whose columns repeat the label and the figure (an SBC's coverage examples: "• The plan's overall
    // deductible | $500" three times) says it once.
    .filter((part) => !seen.has(bare(part)) && Boolean(seen.add(bare(part))));
  // Of columns named by the way a drug is filled ("Retail · Standard · 100-day supply: $105 copay", "Mail Order · …"),
  // the one asked about ("en la farmacia normal, no por correo").
  const byChannel =
    channel !== null && cells.some((part) => filledBy(part) === channel) && cells.some((part) => filledBy(part) !== null && filledBy(part) !== channel)
      ? cells.filter((part) => filledBy(part) === null || filledBy(part) === channel)
      : cells;
  // Asked about the out-of-network tier of a row that prices it as the network's ("When these services are
  // pre-authorized, you pay the preferred provider copayment."), the network's column is what it costs.
  const pricedAsNetwork = network === "out" && cells.some((part) => columnNetwork(part) !== "in" && PRICED_AS_NETWORK.test(part));
  // Of plans side by side the one asked about, and of columns named in tiers the ones the question names.
  const tiered = askedCellItems(askedColumns(onePlan(byChannel, question), question), question)
    // Asked about one network tier, the other tier's column is left out: it is not the answer to the question.
    .filter((part) => network === null || pricedAsNetwork || columnNetwork(part) !== (network === "in" ? "out" : "in") || namesTier(part, network))
    .map((part) => (combined ? keepCombined(part) : network ? keepTier(part, network) : part));
  const parts = (network && !combined ? keepTierItems(tiered, network) : tiered)
    .flatMap((part) => (network === "in" && !combined ? outOfNetworkNotes(part) : [part]))
    .map((part) => askedOptions(part, question))
    .map((part) => askedOtherwise(part, question))
    .map((part) => askedItems(part, question))
    .map((part) => askedFigures(part, question))
    .map((part) => askedTier(part, question))
    .map((part) => askedPlaces(part, question))
    .map((part) => keepChannel(part, channel))
    .map((part) => (language === "es" ? translateColumn(part) : part));
  // An SBC's "Why This Matters" explains the row in general; once the answer states a figure it is only padding —
  // unless it says what the question asks and the figure does not ("Does each of us have to meet our own
  // deductible…?": "…each family member must meet their own individual deductible…").
  if (parts.some((part) => /^(?:answers?|respuesta):/i.test(part) && /[$%]\s?\d|\d\s?%/.test(part))) {
    const why = parts.findIndex((part) => /^(?:why this matters|por qué es importante):/i.test(part));
    const asking = questionSentences(question).filter(asks).join(" ");
    const asked = contentTokens(asking);
    const said = contentTokens([label, ...parts.filter((_, i) => i !== why)].join(" "));
    // (Asked whether each member has their own limit, "…each family member must meet their own individual deductible…"
    // says so: "own" is no word contentTokens keeps.)
    const ownAsked = OWN_ASKED.test(normalize(asking)) && /\bown\b/i.test(parts[why] ?? "");
    const adds = why >= 0 && (ownAsked || [...contentTokens(parts[why] ?? "").keys()].some((token) => !token.startsWith("#") && asked.has(token) && !said.has(token)));
    if (why >= 0 && !adds) parts.splice(why, 1);
  }
  const shownLabel = network ? keepTier(label, network) : label;
  return parts.length ? `${shownLabel} — ${parts.join("; ")}` : shownLabel;
}

/** A cell pricing out-of-network care as the network's: "…you pay the preferred provider copayment", "in-network cost-sharing". */
const PRICED_AS_NETWORK = /\byou pay the (?:preferred|in-network|network|participating) (?:provider )?(?:copay(?:ment)?|coinsurance|cost[- ]shar(?:e|ing))s?\b|\bat (?:the )?in-network cost[- ]sharing\b|:\s*same as (?:in-)?network\b/i;

/** Asked whether each member has their own: "…our own out-of-pocket limit", "each of us", "¿…cada uno su propio deducible?". */
const OWN_ASKED = /\b(?:our|my|their|his|her) own\b|\beach of us\b|\bpropi[oa]s?\b/;

/** A part of a row as compared for repeats: no bullet, case, accents or spacing. */
function bare(text: string): string {
  return normalize(text.replace(/^[•·\-–]\s*/, "")).replace(/\s+/g, " ").trim();
}

/** A column named after a plan: "Clover Health Choice (PPO) (Plan 004)", "Gold PPO Plan". */
export const PLAN_COLUMN = /\bplan\b|\b(?:ppo|hmo|epo|pos|pffs|hdhp)\b|\bplan \d+/i;

/**
 * When columns are of two or more plans and the question names exactly one of them by a word the others lack ("004",
 * "Value"), only that plan's columns (a drug row has several: "… (Plan 004) · Mail Order · Tier", "… (Plan 004) · Mail
 * Order · 100 day supply") and the columns that are not plans are kept; otherwise every column stays, each under its
 * plan's name.
 */
export function onePlan(parts: string[], question: string): string[] {
  // The plan a column is of: its name, or the name's first part when it goes on to say which column of the plan's
  // ("Clover Health Choice (PPO) (Plan 004) · Mail Order · Tier").
  const planOf = (part: string) => (part.includes(": ") ? part.slice(0, part.indexOf(": ")) : "").split(" · ")[0] ?? "";
  const plans = parts.filter((part) => PLAN_COLUMN.test(planOf(part)));
  const names = [...new Set(plans.map(planOf))];
  if (names.length < 2 || question === "") return parts;
  const words = (text: string) => new Set(normalize(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1 || /\d/.test(word)));
  const asked = words(question);
  const shared = names.map(words).reduce((common, set) => new Set([...common].filter((word) => set.has(word))));
  // (A plan whose name the other's goes on from, "Clover Health Choice" of "Clover Health Choice Value", is named by its
  // last word said without the other's next: "¿…con Clover Health Choice y cuánto con Choice Value?" names both.)
  const spoken = normalize(question).split(/[^\p{L}\p{N}]+/u);
  const core = (name: string) => normalize(name.replace(/\(.*$/, "")).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const cores = names.map(core);
  const saidBare = (mine: string[]) => {
    const last = mine.at(-1);
    const longer = cores.filter((other) => other.length > mine.length && mine.every((word, i) => other[i] === word)).map((other) => other[mine.length]);
    return last !== undefined && longer.length > 0 && spoken.some((word, i) => word === last && !longer.includes(spoken[i + 1]));
  };
  const named = names.filter((name, i) => [...words(name)].some((word) => !shared.has(word) && asked.has(word)) || saidBare(cores[i] ?? []));
  if (named.length !== 1) return parts;
  return parts.filter((part) => !plans.includes(part) || planOf(part) === named[0]);
}

/**
 * Columns named by a header set in tiers ("Retail · Standard · 30-day supply", "Mail Order · Preferred · 100-day
 * supply"): when the question names what sets some of them apart ("a one-month supply at a retail pharmacy"), only
 * those that name the most of it are kept; otherwise every column stays.
 */
export function askedColumns(parts: string[], question: string): string[] {
  // Two ways compared ("…through preferred mail order, compared with a 100-day fill at a regular retail pharmacy?"):
  // the columns each side names.
  const sides = question.split(COMPARED_WITH);
  if (sides.length > 1) {
    const named = sides.map((side) => askedColumns(parts, side)).filter((kept) => kept.length < parts.length);
    if (named.length > 1) return parts.filter((part) => named.some((kept) => kept.includes(part)));
  }
  const name = (part: string) => (part.includes(": ") ? part.slice(0, part.indexOf(": ")) : "");
  // (So are columns named in words that set them apart: "Standard retail cost-sharing (in-network) (100-day supply)",
  // "Preferred Mail-order cost-sharing (100-day supply)".)
  // (A plan's column, "Clover Health Choice Value (PPO) (Plan 007)", is chosen by onePlan.)
  const described = (part: string) => name(part).split(/\s+/).length >= 3 && !PLAN_COLUMN.test(name(part)) && FIGURE.test(part.slice(name(part).length));
  const tiered = parts.filter((part) => name(part).includes(" · ") || described(part));
  if (tiered.length < 2 || question === "") return parts;
  // (A long-term care pharmacy's 31-day fill, "…fills her Tier 2 generic 31 days at a time", is priced as a 30-day
  // supply: "Members living in long-term care facilities pay the same for a 31-day supply as a 30-day supply".)
  const asked = contentTokens(question.replace(LONG_TERM_CARE_FILL, "30-day supply"));
  // (A plan's name before its tiers, "Clover Health Choice (PPO) (Plan 004) · 30 day supply", is onePlan's to choose by:
  // the tiers are told apart by the rest.)
  const tiers = (part: string) => {
    const [plan, ...rest] = name(part).split(" · ");
    return rest.length > 0 && PLAN_COLUMN.test(plan ?? "") ? rest.join(" · ") : name(part);
  };
  const names = tiered.map((part) => new Set(contentTokens(tiers(part)).keys()));
  const shared = new Set([...(names[0] ?? [])].filter((token) => names.every((set) => set.has(token))));
  // A word the question says only inside a concept's phrase ("preferred" in "preferred brand") does not pick a column.
  const scores = names.map((set) => [...set].filter((token) => !shared.has(token) && (asked.get(token) ?? 0) >= GENERIC_WEIGHT).length);
  const best = Math.max(...scores);
  if (best === 0) return parts;
  // Columns named in words, each named by the question by a word only its name has ("between Choice (004) and Choice
  // Value (007)"), all stay.
  const own = names.map((set, i) => [...set].filter((token) => names.every((other, j) => j === i || !other.has(token))));
  const eachNamed = own.every((tokens) => tokens.some((token) => (asked.get(token) ?? 0) >= GENERIC_WEIGHT));
  if (tiered.every((part) => !name(part).includes(" · ")) && eachNamed) return parts;
  return parts.filter((part) => {
    const at = tiered.indexOf(part);
    return at < 0 || scores[at] === best;
  });
}

/** A 31-day fill, as a long-term care pharmacy makes: "31 days", "31-day supply", "31 días". */
const LONG_TERM_CARE_FILL = /\b31[- ]?(?:days?|d[ií]as)(?:[- ]supply)?\b/gi;

/** What sets one side of a comparison apart from the other: "compared with", "versus", "comparado con". */
const COMPARED_WITH = /\bcompared (?:with|to)\b|\bversus\b|\bvs\.?(?=\s)|\bcomparad[oa] con\b|\bfrente a\b/i;

/** Care had at home: "at home", "in her home", "en casa", "a domicilio". */
const AT_HOME = /\bat home\b|\bin (?:his|her|my|their|our|your) (?:own )?home\b|\ben (?:la |su |mi |nuestra )?casa\b|\ba domicilio\b/;

/** A cell's first item under its column ("Network Provider: Lab: $20 copay per visit"), and an item after it ("X-ray: $40 copay"). */
const FIRST_ITEM = /^([^:]{1,80}): ([^:]{1,40}): (.*)$/;
const NEXT_ITEM = /^([^:]{1,40}): (.*)$/;

/**
 * A cell that prices several services, each after its name and a colon ("Network Provider: Lab: $20 copay per visit;
 * X-ray: $40 copay per visit"), reads as one column per service once the row is split at its semicolons; asked about
 * one of them ("…an x-ray of my wrist…"), only its figure is kept, under the cell's column. Unchanged when the
 * question names none of the items, or all.
 *
 * @example askedCellItems(["Network Provider: Lab: $20", "X-ray: $40", "Non-Network Provider: Not covered"], "x-ray?")
 *   // ["Network Provider: X-ray: $40", "Non-Network Provider: Not covered"]
 */
export function askedCellItems(parts: string[], question: string): string[] {
  if (question === "") return parts;
  const asked = new Map(contentTokens(question.replace(SET_ASIDE, " ")));
  // (Care at home is the outpatient item: "…and what if he gets hospice care at home?")
  if (AT_HOME.test(normalize(question))) asked.set("#outpatient", 1);
  const result: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const first = FIRST_ITEM.exec(parts[i] ?? "");
    if (!first || !FIGURE.test(first[3] ?? "")) {
      result.push(parts[i] ?? "");
      continue;
    }
    const column = first[1] ?? "";
    const items = [{ name: first[2] ?? "", text: `${first[2]}: ${first[3]}` }];
    let j = i + 1;
    for (; j < parts.length; j++) {
      const next = NEXT_ITEM.exec(parts[j] ?? "");
      if (!next || !FIGURE.test(next[2] ?? "") || columnNetwork(parts[j] ?? "") !== null || PLAN_COLUMN.test(next[1] ?? "") || /limitation|exception|note/i.test(next[1] ?? "")) break;
      items.push({ name: next[1] ?? "", text: parts[j] ?? "" });
    }
    const names = items.map((item) => new Set(contentTokens(item.name).keys()));
    const apart = namedApart(names, asked);
    const named = items.filter((_, k) => apart[k]);
    const kept = items.length < 2 || named.length === 0 || named.length === items.length || (named.length === 1 && asksEach(question)) ? items : named;
    result.push(`${column}: ${kept[0]?.text ?? ""}`, ...kept.slice(1).map((item) => item.text));
    i = j - 1;
  }
  return result;
}

/**
 * Which items of a cell the question names apart from the others: by a word of the item's name that the question has
 * and not every item's name shares ("group therapy" among "outpatient" and "group therapy" visits).
 */
function namedApart(names: ReadonlySet<string>[], asked: ReadonlyMap<string, number>): boolean[] {
  return names.map((set) => [...set].some((token) => asked.has(token) && !names.every((other) => other.has(token))));
}

/**
 * Asked of each case the story tells ("Lo atienden en la casa, pero a lo mejor lo tienen que internar. ¿Qué porcentaje
 * nos toca pagar en cada caso?"), a cell of which one item is named apart keeps them all: the other case was told in
 * words no item's name has ("en la casa" for "Outpatient"). (Asked of each thing it names, "an x-ray and then an MRI…
 * the copay for each one?", the things are named.)
 */
function asksEach(question: string): boolean {
  return EACH_CASE.test(normalize(questionSentences(question).filter(asks).join(" ")));
}

/** "…in each case?", "…either way?", "¿…en cada caso?", "¿…en los dos casos?". */
const EACH_CASE = /\b(?:each|either|both|every)\s+(?:case|situation|scenario|way)s?\b|\ben\s+(?:cada|ambos|los\s+dos)\s+(?:casos?|situacion(?:es)?)\b/;

/** One figure of a cell that lists several, each after its own option: "$75 copay/retail", "$150 copay/mail order". */
const OPTION_ITEM = /^[^,]*(?:[$%]\s?\d|\d\s?%)[^,]*\/\s*(\p{L}[^,]*)$/u;

/**
 * A cell that gives a figure per option ("$75 copay/retail, $150 copay/mail order"), asked about one of them
 * ("…at a retail pharmacy?"), keeps that option's figure; asked about none, or about all, it stays whole.
 *
 * @example askedOptions("Network Provider: $75 copay/retail, $150 copay/mail order", "Copay for brand drugs at retail?")
 *   // "Network Provider: $75 copay/retail"
 */
export function askedOptions(part: string, question: string): string {
  if (question === "") return part;
  const colon = part.indexOf(": ");
  const column = colon > 0 && colon < 80 ? part.slice(0, colon + 2) : "";
  const value = part.slice(column.length);
  const items = value.split(/,\s+/);
  if (items.length < 2) return part;
  const options = items.map((item) => OPTION_ITEM.exec(item.trim())?.[1] ?? null);
  if (options.some((option) => option === null)) return part;
  // Options that are ways of filling a prescription ("$75 copay/retail, $150 copay/mail order") are chosen by
  // keepChannel, which knows a pharmacy from mail order and a question that asks about both.
  if (options.every((option) => /^(?:retail|mail)\b/i.test(option ?? ""))) return part;
  const asked = contentTokens(withoutSetAsideChannel(question));
  const names = options.map((option) => new Set(contentTokens(option ?? "").keys()));
  const named = namedApart(names, asked);
  const kept = items.filter((_, i) => named[i]);
  if (kept.length === 0 || kept.length === items.length || (kept.length === 1 && asksEach(question))) return part;
  return `${column}${kept.join(", ")}`;
}

/** A cell's figure for one service and its figure otherwise: "$0 copay for each diagnostic mammogram … $100 copay otherwise". */
const FOR_OTHERWISE = /^(.*?(?:[$%]\s?\d|\d\s?%).*?\bfor (?:a |an |each |the |your )?(.+?))\s+((?:\$\s?\d[\d,.]*|\d+(?:\.\d+)?\s?%)[^;]*?\botherwise\b.*)$/u;

/**
 * A cell that prices one service apart and the rest "otherwise" ("$0 copay for each diagnostic mammogram or vascular
 * screening $100 copay otherwise"), asked about that service, keeps its figure: the other reads as a second answer.
 * Asked about anything else, it stays whole (the row's own name says what "otherwise" covers).
 *
 * @example askedOtherwise("In-network: $0 copay for a colonoscopy $395 copay otherwise", "Cost of a colonoscopy?")
 *   // "In-network: $0 copay for a colonoscopy"
 */
export function askedOtherwise(part: string, question: string): string {
  if (question === "") return part;
  const colon = part.indexOf(": ");
  const column = colon > 0 && colon < 80 ? part.slice(0, colon + 2) : "";
  const m = FOR_OTHERWISE.exec(part.slice(column.length));
  if (!m) return part;
  const asked = contentTokens(question.replace(SET_ASIDE, " "));
  const special = [...contentTokens(m[2] ?? "").entries()].filter(([token, weight]) => weight >= GENERIC_WEIGHT && !/^#(?:cost|pay|copay|service|care|medical)$/.test(token));
  if (!special.some(([token]) => asked.has(token))) return part;
  // (Asked the price of something else too, "¿Y cuánto sería el copago si me hacen otro procedimiento en ese mismo
  // centro?", the figure otherwise is asked.)
  if (OTHER_ASKED.test(normalize(question))) return part;
  return `${column}${(m[1] ?? "").trim()}`;
}

/**
 * Something else asked about beside the one named: "another procedure", "anything else", "otro procedimiento", "¿Y si
 * en vez de eso me hacen una tomografía?".
 */
const OTHER_ASKED = /\b(?:another|any other|other|something else|anything else)\s+(?:procedure|service|surgery|test|thing)s?\b|\b(?:something|anything) else\b|\b(?:otro|otra|otros|otras)\s+(?:procedimiento|servicio|cirugia|prueba|cosa|estudio)s?\b|\balguna otra cosa\b|\binstead\b|\ben (?:vez|lugar) de (?:eso|esa|ese|esto|esta|este)\b/;

export type Channel = "retail" | "mail";

/** "(no por correo)", "not by mail": the member sets mail order aside and asks about the pharmacy counter. */
const SET_ASIDE_CHANNEL = /\b(?:not|no|instead of|rather than|en vez de|en lugar de)\s+(?:by |through |via |por |de |a )?(?:the )?(?:mail(?:[- ]order)?|correo)\b/gi;

function withoutSetAsideChannel(question: string): string {
  return question.replace(SET_ASIDE_CHANNEL, " ");
}

/** A mail-order pharmacy is mail order, not the pharmacy counter. */
const MAIL_PHARMACY = /\bmail[- ]?order (?:(?:from|through|via|at|with) (?:a |an |the |my |our )?(?:[\p{L}-]+ )?)?pharmac(?:y|ies)\b|\bfarmacias? (?:de|por) (?:(?:pedidos?|envios?) (?:por )?)?correo\b/gu;
/** "…por correo en vez de la farmacia", "rather than the drugstore": the pharmacy counter set aside. */
const SET_ASIDE_RETAIL = /\b(?:instead of|rather than|not at|en vez de|en lugar de|no en)\s+(?:at |in |en )?(?:the |a |my |la |una |mi )?(?:retail |local |regular )?(?:pharmac(?:y|ies)|drug ?stores?|farmacias?)\b/g;

/**
 * The way of filling a prescription a question asks about, when it names one: mail order, or a (retail) pharmacy.
 * Null when it names neither, or both ("Is it cheaper at a retail pharmacy or through mail order? What's the most I'd
 * pay each way?"): then both figures answer.
 */
export function asksChannel(question: string): Channel | null {
  const text = withoutSetAsideChannel(normalize(question)).replace(MAIL_PHARMACY, " mail ").replace(SET_ASIDE_RETAIL, " ");
  const mail = /\bmail\b|\bmail[- ]order\b|\bpor correo\b|\bcorreo\b/.test(text);
  const retail = /\bretail\b|\bpharmac(?:y|ies)\b|\bdrug ?stores?\b|\bfarmacias?\b|\bminorista\b/.test(text);
  if (mail && retail) return null;
  return mail ? "mail" : retail ? "retail" : null;
}

/** The way of filling a column is named for: "Retail · Standard · 100-day supply: …", "Mail Order · Preferred · …". */
function filledBy(part: string): Channel | null {
  const name = /^\s*(retail|mail[- ]order)\b[^:]*:/i.exec(part);
  return name ? (/mail/i.test(name[1] ?? "") ? "mail" : "retail") : null;
}

// How a cell names the way a figure applies: "Retail: $10 …", "$30 copay (retail only)", "$75 copay/mail order".
const CHANNEL_MARKER = /\b(retail|mail[- ]order|mail)\s*:|\((retail|mail[- ]order|mail)(?: only)?\)|\/\s*(retail|mail[- ]order|mail)\b/gi;

function channelOf(marker: RegExpMatchArray): Channel {
  return /mail/i.test(marker[1] ?? marker[2] ?? marker[3] ?? "") ? "mail" : "retail";
}

/** An item of a cell that prices several services: "X-ray - $40", "Lab - $20", "ASC - $200". */
const PRICED_ITEM = /(\p{L}[\p{L}/().' -]{0,40}?)\s+-\s+(?:[$]\s?[\d,]+(?:\.\d{2})?|\d+\s?%)/gu;
/** The same with the figure first: "$40- outpatient consultation", "$20- group therapy session" (the name is group 1). */
const FIGURE_FIRST_ITEM = /(?:[$]\s?[\d,]+(?:\.\d{2})?|\d+\s?%)\s*-\s*(\p{L}[\p{L}/().' -]{0,40}?)(?=\s+[$\d]|\s*$)/gu;

/**
 * A capitalised name and its figure, up to the next such name: "Chiropractor 40% coinsurance", "Acupuncturist 40%
 * coinsurance with $30 max per visit". (Not whom or which tier a figure is for: "Individual $4,000 / Family $8,000".)
 */
const NAMED_ITEM = /(?!(?:Individual|Family|Person|Single|Member|Employee|Self|Child|Adult|Network|Preferred|Participating)\b)(\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){0,2})\s+(?:[$]\s?[\d,]+(?:\.\d{2})?|\d+\s?%)[^]*?(?=\s+\p{Lu}\p{Ll}+(?:\s+\p{Ll}+){0,2}\s+(?:[$]|\d+\s?%)|\s*$)/gu;

/**
 * A cell that prices several services in a row ("X-ray - $40 Lab - $20") reduced to the ones the question names
 * ("…blood work at a lab?"): the others' figures read as other answers. Unchanged when the question names none of
 * them, or all.
 *
 * @example askedItems("Preferred Provider: X-ray - $40 Lab - $20", "What do I pay at a lab?") // "Preferred Provider: Lab - $20"
 */
export function askedItems(part: string, question: string): string {
  if (question === "") return part;
  const colon = part.indexOf(": ");
  const column = colon > 0 && colon < 80 ? part.slice(0, colon + 2) : "";
  const value = part.slice(column.length);
  const grouped = askedGroup(value, question);
  if (grouped !== null) return `${column}${grouped}`;
  // "X-ray - $40 Lab - $20", or the figure first: "$40- outpatient consultation $20- group therapy session".
  // (Or a capitalised name and its figure, without a dash: "Chiropractor 40% coinsurance Acupuncturist 40% coinsurance
  // with $30 max per visit".)
  const nameFirst = [...value.matchAll(PRICED_ITEM)];
  const figureFirst = nameFirst.length >= 2 ? [] : [...value.matchAll(FIGURE_FIRST_ITEM)];
  // (Those names must make up the cell end to end: "Mental/Behavioral Health Office Visit 50% …" is one name, not "Visit".)
  const byName = [...value.matchAll(NAMED_ITEM)];
  const contiguous = byName.every((item, i) => value.slice(i === 0 ? 0 : (byName[i - 1]!.index ?? 0) + byName[i - 1]![0].length, item.index).trim() === "");
  const items = nameFirst.length >= 2 ? nameFirst : figureFirst.length >= 2 ? figureFirst : contiguous ? byName : [];
  if (items.length < 2) return `${column}${askedLabelledItems(value, question)}`;
  // The items must make up the cell, so nothing said around them is lost.
  const covered = items.reduce((sum, item) => sum + item[0].length, 0);
  if (covered < value.replace(/\s+/g, " ").trim().length * 0.8) return part;
  const named = askedApart(items.map((item) => item[1] ?? ""), question);
  return named === null ? part : `${column}${items.filter((_, i) => named[i]).map((item) => item[0].trim()).join(" ")}`;
}

/**
 * Items each named before a colon and priced in a sentence of their own, under each tier ("In-Network: Outpatient group
 * therapy visit: $30 Copay. Individual therapy visit: $40 Copay. Out-of-Network: …"), asked about some of them ("…terapia
 * individual…"): the others' sentences are left out, under every tier. Unchanged when the question names none apart.
 */
function askedLabelledItems(value: string, question: string): string {
  // (A tier's marker, "In-Network and Out-of-Network: $110 Copay per visit.", is no item.)
  const items = [...value.matchAll(LABELLED_ITEM)].filter((item) => !ASKS_IN.test(item[1] ?? "") && !ASKS_OUT.test(item[1] ?? ""));
  const named = items.length < 2 ? null : askedApart(items.map((item) => item[1] ?? ""), question);
  if (named === null) return value;
  return items.reduce((kept, item, i) => (named[i] ? kept : kept.replace(item[0], " ")), value).replace(/\s+/g, " ").trim();
}

/**
 * Which of a cell's items, by their names, the question asks about apart from the others: the asking sentence names
 * them ("¿Cuánto pago por cada sesión de grupo?"), or failing that the whole question with its story; what the question
 * sets aside ("…a surgery center, not a hospital") is not what it names. Null when it names none of them apart, or all.
 */
function askedApart(itemNames: string[], question: string): boolean[] | null {
  const names = itemNames.map((name) => new Set(contentTokens(name).keys()));
  for (const text of [questionSentences(question).filter(asks).join(" "), question]) {
    const named = namedApart(names, contentTokens(text.replace(SET_ASIDE, " ")));
    if (named.some(Boolean) && !named.every(Boolean)) return named;
  }
  return null;
}

/** An item named before a colon and priced in its own sentence: "Individual therapy visit: $40 Copay." (the name is group 1). */
const LABELLED_ITEM = /(?<=^|[.:]\s)(\p{L}[\p{L}\p{N}\/()'’ -]{0,60}?):\s+([^.:]*?[$%]\s?[^.:]*?\.)(?=\s|$)/gu;

/** A group's label opening a cell, before its first figure: "severe services - $25 - outpatient…" (group 1). */
const GROUP_START = /^(\p{L}[\p{L}-]*(?:\s+\p{L}[\p{L}-]*){0,3}?)\s+-\s+(?=[$]\s?\d)/u;

/**
 * A cell that prices the same items for two groups told apart by "non-" ("severe services - $25 - outpatient $12.50 -
 * grp therapy non-severe services - $40 - outpatient $20 - grp therapy"), reduced to the group the question says
 * ("…my anxiety counts as non-severe", "no es una condición severa", "nada severo": the "non-" group; "severe" said
 * plainly: the other), then to the items of it the question names ("…the group session"). Null when the cell is no
 * such pair or the question says neither.
 */
function askedGroup(value: string, question: string): string | null {
  const first = GROUP_START.exec(value);
  if (first === null) return null;
  const label = first[1] ?? "";
  const negated = /^non-?\s?/i.test(label);
  const plain = label.replace(/^non-?\s?/i, "");
  const otherLabel = negated ? plain : `non-${plain}`;
  const at = value.toLowerCase().indexOf(`${otherLabel.toLowerCase()} - `, first[0].length);
  if (at < 0) return null;
  const groups = [value.slice(0, at).trim(), value.slice(at).trim()];
  const nonGroup = negated ? 0 : 1;
  const word = normalize(plain).split(/\s+/)[0]?.slice(0, 5) ?? "";
  if (word.length < 4) return null;
  const said = normalize(question);
  const non = new RegExp(String.raw`\bnon[- ]?${word}|\bnot (?:considered |counted as |as )?(?:a |an )?${word}|\b(?:isn'?t|aren'?t|is not|are not) (?:considered |counted as )?(?:a |an )?${word}|\bno (?:es|son|sea|fuera|fuese|fueran|se considera|esta|cuenta como) (?:una |un )?(?:condicion |caso |enfermedad |trastorno |problema |cuadro )?${word}|\bno ${word}|\b(?:nada|no tan|no muy|not that|not very|nothing) ${word}`, "g");
  const saysNon = non.test(said);
  const saysPlain = new RegExp(String.raw`\b${word}`).test(said.replace(non, " "));
  // (Said both ways, "…'severe' and 'non-severe' mental health", both groups are asked about.)
  if (saysNon === saysPlain) return null;
  const group = groups[saysNon ? nonGroup : 1 - nonGroup] ?? "";
  // (Then the items of the group the question names: "$20 - grp therapy" for "…the group session".)
  const head = GROUP_START.exec(group);
  const rest = head ? group.slice(head[0].length) : group;
  const items = [...rest.matchAll(FIGURE_FIRST_ITEM)];
  if (head === null || items.length < 2) return group;
  // (Asked about group and individual sessions both, every item is.)
  const asked = contentTokens(questionSentences(question).filter(asks).join(" ").replace(SET_ASIDE, " "));
  if (asked.has("#group-therapy") && ["#individual-therapy", "#individual", "#office-visit"].some((term) => asked.has(term))) return group;
  const names = items.map((item) => new Set(contentTokens(item[1] ?? "").keys()));
  const named = namedApart(names, asked);
  const kept = items.filter((_, i) => named[i]).map((item) => item[0].trim());
  return kept.length > 0 && kept.length < items.length ? `${head[1]} - ${kept.join(" ")}` : group;
}

/**
 * A figure given for one thing, the figure first and the thing after "for": "$40 copayment for Tier 2 progressive
 * lenses*", "$199 - $1,249 copay for each prescription hearing aid." (the thing is group 1). It ends with its marks
 * ("*", "Ω", a full stop) or where the next figure starts.
 */
const FIGURE_FOR_ITEM =
  /(?:[$]\s?[\d,]+(?:\.\d{2})?(?:\s*-\s*[$]\s?[\d,]+(?:\.\d{2})?)?|\d+\s?%)\s+(?:copay(?:ment)?|coinsurance)\s+for\s+(?:each\s+|an?\s+)?(\p{L}[\p{L}\p{N}\/()' -]{0,60}?)(?:[.*†Ω]+(?=\s|$)|(?=\s+[$]\s?\d)|$)/gu;

/**
 * A cell that prices several things one after another, each figure "for" its thing ("$99 - $829 copay for each OTC
 * hearing aid. $199 - $1,249 copay for each prescription hearing aid. You can purchase up to 2…", "$71 copayment for
 * Tier 3 progressive lenses* $130 copayment for Tier 4 progressive lenses* …"), asked about some of them, keeps those
 * and drops the others' figures; what the cell says besides stays. The things are told apart by the question's most
 * telling words: of the words that name some items and not all, those naming the fewest ("tier 4" over "lenses").
 * Unchanged when the question names none of them apart.
 *
 * @example askedFigures("In-network: $99 copay for each OTC hearing aid. $199 copay for each prescription hearing aid.", "a prescription hearing aid?")
 *   // "In-network: $199 copay for each prescription hearing aid."
 */
export function askedFigures(part: string, question: string): string {
  if (question === "") return part;
  const items = [...part.matchAll(FIGURE_FOR_ITEM)];
  if (items.length < 2) return part;
  const names = items.map((item) => new Set(contentTokens(item[1] ?? "").keys()));
  // The items a text names by its most telling words: of the words that name some items and not all, those naming
  // the fewest. Read in the whole question first (its story often names the thing, "…necesito lentes progresivos… de
  // nivel 4 y de nivel 5. ¿Cuánto es el copago…?"), then, when that names them all alike, in the asking sentences
  // ("…cambiar las sesiones individuales por terapia de grupo. ¿Cuánto pago por cada sesión de grupo?").
  const namedIn = (text: string): boolean[] | null => {
    const naming = new Map<string, number>();
    for (const token of contentTokens(text.replace(SET_ASIDE, " ")).keys()) {
      const count = names.filter((set) => set.has(token)).length;
      if (count > 0 && count < items.length) naming.set(token, count);
    }
    if (naming.size === 0) return null;
    const fewest = Math.min(...naming.values());
    return names.map((set) => [...set].some((token) => naming.get(token) === fewest));
  };
  const whole = namedIn(question);
  if (whole === null) return part;
  const kept = whole.every(Boolean) ? (namedIn(questionSentences(question).filter(asks).join(" ")) ?? whole) : whole;
  let left = "";
  let from = 0;
  items.forEach((item, i) => {
    if (kept[i]) return;
    left += part.slice(from, item.index);
    from = (item.index ?? 0) + item[0].length;
  });
  return `${left}${part.slice(from)}`.replace(/\s+/g, " ").trim();
}

/**
 * A cell that prices each tier in a sentence of its own ("$99 copay for each Tier 1 hearing aid.* $199 copay for each
 * Tier 2 hearing aid.* …"), asked about one tier by its number ("uno de Tier 3", "nivel 3"), keeps that tier's
 * sentence and the sentences that name no tier; the others' figures beside it would read as other answers.
 *
 * @example askedTier("In-network: $99 copay for each Tier 1 hearing aid.* $429 copay for each Tier 3 hearing aid.*", "a Tier 3 aid?")
 *   // "In-network: $429 copay for each Tier 3 hearing aid.*"
 */
export function askedTier(part: string, question: string): string {
  const asked = new Set(tierTokens(contentTokens(question)));
  if (asked.size === 0) return part;
  const colon = part.indexOf(": ");
  const column = colon > 0 && colon < 80 ? part.slice(0, colon + 2) : "";
  const sentences = part.slice(column.length).split(/(?<=[.!?][*†]*)\s+(?=[$\p{Lu}])/u);
  const tiers = sentences.map((sentence) => new Set(tierTokens(contentTokens(sentence))));
  const priced = sentences.filter((sentence, i) => (tiers[i]?.size ?? 0) === 1 && FIGURE.test(sentence));
  if (priced.length < 2 || !tiers.some((set) => [...set].some((tier) => asked.has(tier)))) return part;
  const kept = sentences.filter((sentence, i) => !priced.includes(sentence) || [...(tiers[i] ?? [])].some((tier) => asked.has(tier)));
  return `${column}${kept.join(" ")}`;
}

/**
 * A cell that prices one service by where it is given, each place after its own label and colon ("At an Office: $50
 * copay At a freestanding facility: $150 copay At a non-freestanding facility: $200 copay"), asked about one place,
 * keeps that place's figure. A place the question names by a word only another place qualifies with "non-" ("a
 * freestanding imaging center") is the one without it. Anything before the first place stays.
 *
 * @example askedPlaces("In-Network: At an Office: $50 copay At a freestanding facility: $150 copay", "at a freestanding center?")
 *   // "In-Network: At a freestanding facility: $150 copay"
 */
export function askedPlaces(part: string, question: string): string {
  if (question === "") return part;
  const starts = [...part.matchAll(PLACE_LABEL)].map((m) => ({ at: (m.index ?? 0) + m[0].length - m[0].trimStart().length, name: m[1] ?? "" }));
  if (starts.length < 2) return part;
  const items = starts.map((start, i) => ({ name: start.name, text: part.slice(start.at, starts[i + 1]?.at ?? part.length).trim() }));
  const asked = contentTokens(question.replace(SET_ASIDE, " "));
  // A figure the cell gives for the very thing asked, after its places ("… At a non-freestanding facility: $200 copay
  // $0 copay for COVID tests"), answers wherever it is done.
  const forThing = [...part.matchAll(FIGURE_FOR)].filter((m) => [...contentTokens(m[1] ?? "").keys()].some((token) => token.startsWith("#") && asked.has(token) && !PLACE_CONCEPTS.has(token)));
  if (forThing.length > 0) return `${part.slice(0, starts[0]?.at ?? 0)}${forThing.map((m) => m[0].trim()).join(" ")}`.replace(/\s+/g, " ").trim();
  const names = items.map((item) => new Set(contentTokens(item.name).keys()));
  const apart = namedApart(names, asked);
  let named = items.filter((_, k) => apart[k]);
  const negated = (name: string) => /\bnon[- ]?\p{L}/iu.test(name) && !/\bnon[- ]?\p{L}|\bnot\b/iu.test(question);
  if (named.some((item) => !negated(item.name))) named = named.filter((item) => !negated(item.name));
  if (named.length === 0 || named.length === items.length) return part;
  return `${part.slice(0, starts[0]?.at ?? 0)}${named.map((item) => item.text).join(" ")}`.replace(/\s+/g, " ").trim();
}

/** A figure given for one thing inside a cell: "$0 copay for COVID tests", "$0 copay for diagnostic colonoscopy". */
const FIGURE_FOR = /\$[\d,]+(?:\.\d{2})?(?: copay| coinsurance)? for ([\p{L}][\p{L} -]*?)(?=\s+\$|\s+At\b|[;.]|$)/gu;
/** Concepts that name where care is given, not what it is. */
const PLACE_CONCEPTS = new Set(["#office-visit", "#doctor", "#provider", "#hospital", "#in-network", "#out-of-network"]);
/** A place's label before its figure inside one cell: "At an Office: $50", "At a freestanding facility: $150". */
const PLACE_LABEL = /(?:^|\s)((?:At|In|From) (?:an? |the )?[\p{L}-]+(?: [\p{L}-]+){0,3}):\s+(?=[$]\s?\d|\d+\s?%)/gu;

/**
 * A cell that gives a figure for retail and one for mail order ("$30/prescription (retail) $60/prescription (mail)",
 * "Retail: $10 copay, after ded. Mail-Order: $25 copay, after ded."), asked about one, keeps that one's figure; a cell
 * without figures for both stays whole.
 *
 * @example keepChannel("Preferred Provider: $30/prescription (retail) $60/prescription (mail)", "retail")
 *   // "Preferred Provider: $30/prescription (retail)"
 */
export function keepChannel(part: string, channel: Channel | null): string {
  if (channel === null || !/\d/.test(part)) return part;
  const colon = part.indexOf(": ");
  // A column's name is short and names no channel ("Provider means pharmacy… Retail: …" is a note, not a column).
  const head = part.slice(0, colon + 2);
  const column = colon > 0 && colon < 80 && !/\b(?:retail|mail)/i.test(head) && !/[.!?]\s/.test(head) ? head : "";
  const value = part.slice(column.length);
  const markers = [...value.matchAll(CHANNEL_MARKER)].map((m) => ({ index: m.index, channel: channelOf(m) }));
  if (markers.length < 2 || new Set(markers.map((m) => m.channel)).size < 2) return part;
  const first = markers[0];
  let tidy: string;
  if (first !== undefined && FIGURE.test(value.slice(0, first.index))) {
    // Markers after their figures ("$30 copay (retail only) with $150 max and $60 copay (mail order only)"): each item
    // of the list belongs to the marker in it, or to the item before it ("with $150 max").
    let current: Channel | null = null;
    const kept: string[] = [];
    for (const item of value.split(/\s*(?:,(?!\d)|;|\band\b)\s*|\s+(?=\$\d)/)) {
      const marker = [...item.matchAll(CHANNEL_MARKER)][0];
      if (marker) current = channelOf(marker);
      if (current === null || current === channel) kept.push(item);
    }
    tidy = kept.join(" ");
  } else {
    // Markers before their figures ("Retail: $10 copay, after ded. Mail-Order: $25 copay"): each opens a stretch.
    let kept = value.slice(0, first?.index ?? 0);
    markers.forEach((marker, i) => {
      if (marker.channel === channel) kept += ` ${value.slice(marker.index, markers[i + 1]?.index ?? value.length)}`;
    });
    tidy = kept;
  }
  tidy = tidy.replace(/\s+/g, " ").trim();
  return tidy && (/\d/.test(tidy) || /\bnot covered\b|\bno charge\b/i.test(tidy)) ? `${column}${tidy}` : part;
}

// The tiers' names in plan documents: "In-Network", "Non-Network", "preferred"/"non-preferred", "participating".
const TIER = String.raw`in[- ]network|out[- ]of[- ]network|non[- ]network|non[- ]preferred|non[- ]participating|preferred|participating|network`;
/**
 * A tier's marker inside one cell: "Network:", "In-Network Provider per member:" (a label before a colon), or "For
 * preferred providers" (before the figures, or after them: "$2,500 person / $5,000 family for In-Network Provider.").
 */
const TIER_MARKER = new RegExp(
  String.raw`\b(?:(${TIER})\b(?: providers?| services?| pharmac(?:y|ies))?(?: per (?:member|person|individual))?:|for (${TIER}) (?:providers?|pharmac(?:y|ies))\b)`,
  "gi",
);
/** A figure: a marker that follows one in its sentence names the tier of what came before it. */
const FIGURE = /[$%]\s?\d|\d\s?%/;

/**
 * A cell (or a passage) that lists both tiers under their own markers ("In-Network: Days 1-6: $399 … Out-of-Network:
 * Days 1-6: $549 …", "For preferred providers $250 person / $500 family For non-preferred providers $500 …"), after
 * their figures ("$2,500 person for In-Network Provider. $5,000 person for Non-Network Provider."), or as bullets
 * ("• $9,350 for In-network providers • $14,000 for In and out-of-network providers combined"), keeps what is not a
 * tier's and the tier asked about.
 */
export function keepTier(text: string, network: Network): string {
  const markers = [...text.matchAll(TIER_MARKER)].map((m) => ({ index: m.index, end: m.index + m[0].length, tier: tierOf(m[1] ?? m[2] ?? "") }));
  if (markers.length >= 2 && new Set(markers.map((m) => m.tier)).size === 2) {
    const first = markers[0];
    // Markers after their figures: each closes the stretch since the previous one (or since the sentence began).
    const trailing = first !== undefined && FIGURE.test(text.slice(Math.max(0, text.lastIndexOf(". ", first.index) + 1), first.index));
    if (trailing) {
      let kept = "";
      let from = 0;
      for (const marker of markers) {
        const stop = text.indexOf(".", marker.end);
        const end = stop < 0 ? text.length : stop + 1;
        if (marker.tier === network) kept += text.slice(from, end);
        from = end;
      }
      return `${kept}${text.slice(from)}`.replace(/\s+/g, " ").trim();
    }
    let kept = text.slice(0, first?.index ?? 0);
    markers.forEach((marker, i) => {
      const end = markers[i + 1]?.index ?? text.length;
      if (marker.tier === network) kept += text.slice(marker.index, end);
      // The cell's last tier goes on with what is said of both ("Out-of-Network: 40% Coinsurance … No prior
      // hospitalization stay is required."): its sentences after the first that give no figure and name no tier stay.
      else if (i === markers.length - 1) {
        // (A footnote set after the figures, "…$24,000 Family *Doesn't apply if policy covers 2+ people.", is a note of
        // its own.)
        const notes = text.slice(marker.index, end).split(/(?<=[.!?])\s+|\s+(?=\*\p{Lu})/u).slice(1).filter((sentence) => !FIGURE.test(sentence) && !ASKS_OUT.test(sentence) && !ASKS_IN.test(sentence) && !bare(kept).includes(bare(sentence)));
        if (notes.length > 0) kept += ` ${notes.join(" ")}`;
      }
    });
    return kept.replace(/\s+/g, " ").trim();
  }
  const items = text.split(/\s*•\s*/);
  if (items.length < 3) return text;
  const otherTier = (item: string) => (network === "in" ? ASKS_OUT.test(item) : !ASKS_OUT.test(item) && ASKS_IN.test(item));
  const kept = items.filter((item, i) => i === 0 || !otherTier(item));
  if (kept.length === items.length || kept.length < 2) return text;
  return kept.join(" • ");
}

/**
 * A cell that gives each tier its figure in turn, split at its semicolons ("Answers: For network providers $5,000
 * family", "for out-of-network providers $8,000 family"): asked about one tier, the other's items are left out when an
 * item of the tier asked about is there, and the cell's name goes with the item kept after the one left out.
 */
function keepTierItems(parts: string[], network: Network): string[] {
  const items = parts.map((part) => TIER_ITEM.exec(part));
  const tiers = items.map((item) => (item ? tierOf(item[2] ?? "") : null));
  if (!tiers.includes(network)) return parts;
  return parts.flatMap((part, i) => {
    const tier = tiers[i];
    if (tier !== null && tier !== network) return [];
    const left = i > 0 && tiers[i - 1] !== null && tiers[i - 1] !== network ? (items[i - 1]?.[1] ?? "") : "";
    return [tier !== null && left !== "" && !items[i]?.[1] ? `${left}${part.charAt(0).toUpperCase()}${part.slice(1)}` : part];
  });
}

/** A cell item that opens with its tier: "Answers: For network providers $5,000", "for out-of-network providers $8,000". */
const TIER_ITEM = new RegExp(String.raw`^((?:[^:;]{1,40}:\s+)?)for (${TIER}) (?:providers?|pharmac(?:y|ies))\b`, "i");

export type Network = "in" | "out";

/** A question about both tiers together ("if I see both in-network and out-of-network doctors", "combined"). */
export function asksCombined(question: string): boolean {
  const { out, inside } = namedTiers(question);
  if (!(out && inside) && !COMBINED.test(question)) return false;
  // (Asked one tier apart as well, "…for in-network care, and what's the cap if you add in-network and out-of-network
  // together?", the tier's own figure answers a part too.)
  const parts = askedParts(question);
  return !(parts.length >= 2 && parts.some((part) => namedTier(part) !== null && !COMBINED.test(part)));
}

const COMBINED = /\bcombined\b|\bcombinad[oa]s?\b/i;

/**
 * Of a list that gives a limit per tier and one for both tiers combined ("• $9,350 for In-network providers •
 * $14,000 for In and out-of-network providers combined"), the combined one; any other text stays as it is.
 */
export function keepCombined(text: string): string {
  const items = text.split(/\s*•\s*/);
  if (items.length < 3) return text;
  const together = items.slice(1).filter((item) => COMBINED.test(item));
  if (together.length === 0 || together.length === items.length - 1) return text;
  return [items[0], ...together].join(" • ");
}

function tierOf(marker: string): Network {
  return /out|non/i.test(marker) ? "out" : "in";
}

const ASKS_OUT =
  /\bout[- ]of[- ]network\b|\bout of network\b|\bnon[- ](?:network|participating)\b|\bnon[- ]preferred\b(?! (?:brand|generic|drugs?|medications?|tier|specialty|formulary))|\bfuera de (?:la )?red\b|\boutside (?:of )?(?:the |my |your |this |that |(?:\p{L}+ )?\p{L}+['’]s )?(?:plan['’]s )?network\b|\b(?:isn't|is not|aren't|are not|wasn't|was not|weren't|were not|not)(?: to be| be)? (?:in|part of)[- ](?:the |my |your |our |its |their |this |that |(?:\p{L}+ )?\p{L}+['’]s )?(?:plan's |plan['’]s |plan )?network\b|\b(?:isn't|is not|aren't|are not|wasn't|was not|weren't|were not|not|stopped being|stops being|quit being|no longer)(?: to be| be)? (?:a |an )?(?:[\p{L}'’-]+ ){0,2}?(?:preferred|participating|network|in-network) (?:provider|pharmac|doctor|hospital|facilit|dentist|agenc)|\b(?:left|leaves|leaving|quit|dropped out of|dropped from|went out of|no longer (?:in|part of)) (?:the |my |your |our |its |their |this |that |(?:\p{L}+ )?\p{L}+['’]s )?(?:plan['’]s )?(?:preferred |participating |provider )?network\b|\b(?:sali[oó]|sale|salir|salirse|se fue) de (?:la )?red\b|\b(?:and|but) (?:one|the other(?: one)?) (?:not|isn'?t|is not)\b|\by (?:otr[oa]|el otro|la otra) no\b|\bya no (?:est[aá]n?|es|son) (?:en|de) (?:la )?red\b|\bno (?:pertenecen?|pertenec[ií]an?|forma parte|formaba parte) (?:a|de) (?:la |su |mi )?red\b|\b(?:no|tampoco) (?:est[aá]n?|es|son|sea|sean|era|eran|fuera|fueran|estuviera|estuvieran|estaba|estaban|estuvo|ser|fue|fueron) (?:en|de) (?:la )?red\b|\b(?:no|tampoco) (?:es|son|est[aá]n?) (?:un |una )?(?:proveedor|proveedora|proveedores|proveedoras|m[eé]dico|m[eé]dica|doctor|doctora|farmacia)? ?(?:preferid[oa]s?|participantes?)\b|\bningun[oa]? (?:de (?:los|las) dos )?(?:es|son|est[aá]n?) (?:de (?:la )?red|en (?:la )?red|(?:un |una )?(?:proveedor(?:es)?|m[eé]dic[oa]s?|doctor(?:a|es)?)? ?(?:preferid[oa]s?|participantes?))\b|\bneither(?: one| of them| of (?:the two|those|these)(?: places)?| place| (?:hospital|clinic|cent(?:er|re)|doctor|provider|facility|lab|pharmacy|agency|surgeon|therapist))? (?:is|are) (?:an? )?(?:in[- ]network|in (?:the |our |my |your |their )?(?:plan['’]s )?network|(?:[\p{L}-]+ ){0,2}(?:preferred|participating)\b)|\bnone of them (?:is|are) (?:in[- ]network|in (?:the )?network|preferred|participating)\b|\b(?:doesn'?t|does not|don'?t|do not) (?:work|contract) with\b|\b(?:isn'?t|is not|aren'?t|are not) contracted with\b|\bno (?:trabaja|trabajan|tiene contrato|tienen contrato) con\b|\b(?:isn'?t|is not|aren'?t|are not|wasn'?t|was not)\s+(?:a\s+)?(?:preferred|participating)(?=\s*(?:[,.;:!?)]|$)|\s(?:and|but|so|either|anymore|any more|with|for|at|in)\b)/iu;
const ASKS_IN =
  /\bin[- ]network\b|\bin network\b|\bin (?:the |my |your |our |its |their |this |that |(?:\p{L}+ )?\p{L}+['’]s )(?:plan['’]s )?network\b|\bnetwork (?:mail[- ]order )?(?:provider|care|doctor|hospital|pharmac|facilit|benefit|service|surgeon|specialist|lab|dentist|therapist)|\bnetwork mail[- ]order\b|\b(?:preferred|participating)[- ](?:[\p{L}-]+\s+)?(?:provider|pharmac|doctor|surgeon|physician|specialist|hospital|facilit|dentist|therapist|pt\b|lab|ob\b|ob-gyn|obgyn|obstetrician|gynecologist|midwife|pediatrician|psychiatrist|psychologist|counselor|chiropractor|podiatrist|optometrist|ophthalmologist|audiologist|dermatologist|cardiologist|orthopedist|neurologist|oncologist|urologist|allergist|endocrinologist|radiologist|anesthesiologist|ambulance|agenc|imaging|hospice|supplier|vendor)|\b(?:preferred|participating|in-network)\s+[\p{L}-]+(?:\s+[\p{L}-]+){0,2}\s+(?:cent(?:er|re)|clinic|facilit|lab|hospital|pharmac)|\b(?:preferred|participating)\s+(?:urgent care|emergency room|er|clinic|imaging cent(?:er|re)|surgery cent(?:er|re))\b|\b(?:dentro de|en) (?:la )?red\b|\bde la red\b|\b(?:proveedor|proveedora|proveedores|proveedoras|farmacia|farmacias|m[eé]dico|m[eé]dica|doctor|doctora|hospital|hospitales|centro|cl[ií]nica|laboratorio|dentista|terapeuta|agencia|agencias|cirujan[oa]s?|enfermer[oa]s?|especialista|especialistas) (?:preferid[oa]s?|participantes?)\b|\b\p{L}+(?:istas?|[oó]log[oa]s?|eutas?|iatras?) (?:preferid[oa]s?|participantes?)\b|\b(?:sea|es|son|sean|fuera|era) preferid[oa]s?\b|\b(?:uno|una) (?:preferid[oa]|participante)\b|\b(?:a|one) (?:preferred|participating) one\b|\b(?<!\bnot\s)(?:is|are|was|'s|’s)\s+(?:also\s+|both\s+|still\s+)?(?:preferred|participating)(?=\s*(?:[,.;:!?)]|$)|\s(?:and|but|so|too|with|for|at|in)\b)/iu;

/** The one network tier a text names, or null when it names none or both. */
export function namedTier(text: string): Network | null {
  const { out, inside } = namedTiers(text);
  return out === inside ? null : out ? "out" : "in";
}

/** Whether a text names both network tiers: "…the $2,500 in-network OOP max… the $4,000 out-of-network limit". */
export function namesBothTiers(text: string): boolean {
  const { out, inside } = namedTiers(text);
  return out && inside;
}

/** The network tiers a question names: outside the network, and (apart from that wording) inside it. */
function namedTiers(text: string): { out: boolean; inside: boolean } {
  // (A drug's "non-preferred", "one is a preferred brand and the other is non-preferred", is its tier, not a network's;
  // so is a pair of glasses' "…frames from the preferred selection… what if she wants non-preferred ones?".)
  const question = TIERED_GOODS.test(text) ? text.replace(NON_PREFERRED_BARE, " ") : text;
  // (Every out-of-network phrase is set aside first: "…fuera de la red" ends in what would read "de la red".)
  return { out: ASKS_OUT.test(question) || OTHER_NOT_IN.test(question), inside: ASKS_IN.test(question.replace(EVERY_OUT, " ")) };
}

/** Words of drugs and their tiers, and of glasses and their frames, which come preferred or not too. */
const TIERED_GOODS =
  /\bbrand|\bgeneric|\bdrugs?\b|\bmedications?\b|\bformulary\b|\binhalers?\b|\bmarca\b|\bgen[eé]ric|\bmedicamentos?\b|\bmedicinas?\b|\bglasses\b|\beyeglasses\b|\bframes?\b|\blentes\b|\banteojos\b|\bgafas\b|\barmaz[oó]n(?:es)?\b|\bmonturas?\b/i;
/** "non-preferred", "no preferida", said of no provider, pharmacy or place. */
const NON_PREFERRED_BARE =
  /\bnon[- ]preferred\b(?!\s+(?:providers?|pharmac|network|doctors?|hospitals?|facilit|dentists?|specialists?|labs?|clinics?|agenc))|(?<!\b(?:proveedor|proveedora|proveedores|farmacias?|m[eé]dic[oa]s?|doctor|doctora|hospital|hospitales|centro|cl[ií]nica|dentista|especialista|agencia|terapeuta)(?:\s+(?:es|sea|son|sean))?\s+)\bno preferid[oa]s?\b/giu;

const EVERY_OUT = new RegExp(ASKS_OUT.source, "giu");
const EVERY_IN = new RegExp(ASKS_IN.source, "giu");

/** A text with the network tiers it names taken out: "¿Cuánto pago… si es de la red?" → "¿Cuánto pago… si es ?". */
export function withoutTiers(text: string): string {
  return text.replace(EVERY_OUT, " ").replace(EVERY_IN, " ");
}

/**
 * The network tier a part names when it names nothing else: "¿…y cuánto si no es de la red?", "¿y con uno preferido?",
 * "…what would it have been at a network hospital?" (a place named with its tier says which tier, not what).
 */
export function tierOnly(part: string): Network | null {
  const tier = asksNetwork(part);
  return tier !== null && specificTerms(withoutTiers(part)).every((term) => NETWORK_TIERS.includes(term)) ? tier : null;
}

/** One in the network and another not, the second said short: "One place is in Anthem's network, the one closer to us isn't." */
const OTHER_NOT_IN =
  /(?:\bin[- ]network|\bin (?:[\p{L}'’]+ ){0,2}network|\bde la red|\bpreferred|\bparticipating)\b[^.?!;]*?,\s*(?:but\s+|pero\s+)?[^,.?!;]{0,40}?(?:\bisn't|\bis not|\baren't|\bare not|\bno)\s*(?:[.?!;]|$)/iu;

/**
 * The network tier a question asks about, when it names exactly one — or, naming both, when what it asks about is
 * told in a clause of one tier only ("My surgery is at an in-network hospital, but the surgeon isn't in UHC's
 * network. What share of the surgeon's fee do I pay?": the surgeon's tier).
 */
export function asksNetwork(question: string): Network | null {
  const { out, inside } = namedTiers(question);
  // (One tier named, then asked "…and what if it isn't?", "¿…y cuánto si no lo es?": both.)
  // (So with one tier named and a price compared with elsewhere: "…out of network. How much more would I pay there than
  // at a preferred center…?")
  if (out !== inside && (IF_NOT.test(normalize(question)) || MORE_THAN.test(normalize(question)))) return null;
  if (out !== inside) return out ? "out" : "in";
  if (!out) return null;
  // One in the network and the other not, said short, tells both the member will use.
  if (!ASKS_OUT.test(question)) return null;
  // Naming both, asking sentences that name a tier compare or ask both ("Do I pay more than at an in-network ER?",
  // "…in-network, and what if I go out of network?"); asking sentences that name none ask about the thing told in
  // the clause of one.
  const askingText = questionSentences(question).filter(asks).join(" ");
  const named = namedTiers(askingText);
  if (named.out || named.inside) return null;
  // Asked of each, or of both ("What would the visit cost us at each one?"), it asks of both tiers told.
  if (OF_EACH.test(normalize(askingText))) return null;
  const asking = new Set(contentTokens(askingText).keys());
  const tiers = new Set<Network>();
  // (A clause that tells only a tier, "…sessions with a counselor we like, but she's out of network", tells the tier of
  // the clause before it.)
  const clauses: { clause: string; tier: { out: boolean; inside: boolean } }[] = [];
  for (const clause of question.split(/[.;:!?]\s+|,\s*(?:(?:but|and|pero|y)\s+)?|\s+(?:but|pero|while|mientras)\s+/iu)) {
    const tier = namedTiers(clause);
    const last = clauses.at(-1);
    const onlyTier = tier.out !== tier.inside && specificTerms(withoutTiers(clause)).every((term) => NETWORK_TIERS.includes(term));
    if (last !== undefined && onlyTier) clauses[clauses.length - 1] = { clause: `${last.clause}, ${clause.trim()}`, tier: { out: last.tier.out || tier.out, inside: last.tier.inside || tier.inside } };
    else clauses.push({ clause, tier });
  }
  for (const { clause, tier } of clauses) {
    if (tier.out === tier.inside) continue;
    const network: Network = tier.out ? "out" : "in";
    // (The clause's words apart from the tier's own: "network", "provider".)
    const words = [...contentTokens(withoutTiers(clause)).keys()];
    if (words.some((word) => asking.has(word) && !word.startsWith("#") && !TIER_WORDS.has(word))) tiers.add(network);
    // (Asked of "his fee", the clause that tells of a person's tier is the one: "…the surgeon is out of
    // network. What share of his fee will I pay?")
    else if (POSSESSIVE.test(askingText) && PERSON.test(clause)) tiers.add(network);
  }
  return tiers.size === 1 ? [...tiers][0]! : null;
}

/**
 * The other tier asked after one is named: "…and what if it isn't?", "…or if not?", "¿…y cuánto si no lo es?"; or told
 * beside it: "…isn't in our network, but the plan has one that is.", "…pero hay otra que sí es de la red".
 */
const IF_NOT = /\b(?:and|or)\s+(?:what\s+)?if\s+(?:it|she|he|they|the\s+[a-z]+)\s+(?:isn'?t|aren'?t|is not|are not|doesn'?t|does not|don'?t)\b(?!\s+(?:covered|cover|need|required|approved|an? emergency))|\b(?:and|or) if not\b|\b(?:y|o)\s+(?:cuanto\s+|que\s+)?si\s+no\s+(?:lo|la|los|las)\s+(?:es|son)\b|\b(?:one|ones|some)\s+(?:that|which|who)\s+(?:is|are)(?=\s*[.,;!?])|\b(?:uno|una|unos|unas|otro|otra)\s+que\s+si\s+(?:lo\s+|la\s+)?(?:es|son|esta|estan)\b/;

/** A price compared with another place's: "How much more would I pay there than at…", "…versus a preferred hospice?" (a tier named), "¿cuánto más pagaría que en…?", "Do we pay a bigger share because…?", "¿Me cobran más por no ser de la red?". */
const MORE_THAN = /\bhow much (?:more|less|extra)\b[^?]{0,60}\bthan\b|\b(?:pay|paying|owe|charge|charged)\s+(?:us\s+|me\s+)?(?:a\s+)?(?:more|extra|bigger|larger|higher)\b|\b(?:pago|pagamos|pagar|pagaria|pagariamos|cobran|cobraran|cobrar)\s+mas\b|\bcuanto mas\b[^?]{0,60}\bque (?:en|con)\b|\b(?:versus|vs\.?|compared (?:to|with))\s+(?:an?|the|one)\s+(?:preferred|participating|in-network|network|non-preferred|non-participating|out-of-network)\b/;

/** A person's thing asked about: "his fee", "her bill", "sus honorarios". */
const POSSESSIVE = /\b(?:his|her)\s+(?:fee|fees|bill|bills|charge|charges|services?|visits?|care)\b|\bsus?\s+(?:honorarios|cobros?|cargos?|tarifas?|servicios)\b/i;
/** A person who gives care, told: "the surgeon", "the anesthesiologist", "el cirujano". */
const PERSON = /\b(?:surgeon|anesthesiologist|doctor|physician|specialist|therapist|dentist|radiologist|cirujan[oa]|anestesi[oó]log[oa]|m[eé]dic[oa]|doctora?)\b/i;

/** Asking of each thing told, or of both: "…at each one?", "¿…en cada uno?", "…for both?". */
const OF_EACH = /\beach\b|\bboth\b|\bcada\b|\bambos\b|\bambas\b|\b(?:los|las) dos\b/;

/** Words a tier's clause shares with any question about care. */
const TIER_WORDS = new Set(["network", "red", "provider", "plan", "pay"]);

/**
 * A note column's sentences about out-of-network care ("Limitations & Exceptions: Pre-Authorization is required
 * non-network or benefit reduces to 50%."), asked about the network's, left out: their figure would read as the
 * answer's. (Asked about out-of-network care, a note that compares it with the network's stays: "OON cost-share same
 * as in-network.") Returns the part without them, or nothing when nothing else is left.
 */
function outOfNetworkNotes(part: string): string[] {
  const named = part.indexOf(": ");
  // A note column by its name, or a cell without one after the tier's ("…: 20% co-ins, after ded.; Pre-Authorization is
  // required non-network…").
  const at = named >= 0 && NOTE_COLUMN.test(part.slice(0, named)) ? named : -1;
  if (at < 0 && named >= 0 && !/[.!?]\s/.test(part.slice(0, named))) return [part];
  // (An aside in parentheses after a sentence is that sentence's: "Limited to 60 days per Calendar year. (combined with
  // Inpatient Rehabilitation) Pre-Authorization is required non-network…".)
  const sentences = (at >= 0 ? part.slice(at + 2) : part).split(/(?<=[.;])\s+(?!\()|(?<=\))\s+(?=\p{Lu})/u);
  // (A sentence naming both tiers, "…limited to a total of 20 visits, In-Network Provider and Non-Network Provider
  // combined per year", is about the network's care too.)
  const kept = sentences.filter((sentence) => !ASKS_OUT.test(sentence) || ASKS_IN.test(sentence.replace(EVERY_OUT, " ")));
  if (kept.length === sentences.length) return [part];
  return kept.length > 0 ? [at >= 0 ? `${part.slice(0, at)}: ${kept.join(" ")}` : kept.join(" ")] : [];
}

const NOTE_COLUMN = /limitations?|exceptions?|notes?|comments?|what you need to know|limitaciones|excepciones/i;

/** Whether a cell goes on, after its own column name, to give a figure for the tier asked about ("… Non-Network Provider per Member: $10000"). */
function namesTier(part: string, network: Network): boolean {
  const value = part.slice(part.indexOf(": ") + 2);
  return [...value.matchAll(TIER_MARKER)].some((m) => tierOf(m[1] ?? m[2] ?? "") === network);
}

/** The tier a row part's column is about ("Network Provider: $40" → "in"), or null for any other column. */
export function columnNetwork(part: string): Network | null {
  const at = part.indexOf(": ");
  if (at < 0) return null;
  const name = part.slice(0, at);
  // (A bare "Non-preferred:" inside a network column's cell, "Network Provider: Preferred: No charge; Non-preferred: 50%
  // coinsurance", names a kind of frames or drugs, not a network.)
  if (/out[- ]of[- ]network|non[- ]?(?:network|participating|plan)|non[- ]?preferred\s+(?:provider|pharmac)|fuera de la red/i.test(name)) return "out";
  if (/in[- ]network|network provider|preferred provider|participating provider|plan provider|de la red/i.test(name)) return "in";
  return null;
}

/** Column names of plan tables, as a Spanish-speaking member reads them; values stay as the document prints them. */
const COLUMN_ES: [RegExp, string][] = [
  [/^in-network provider(?:s)?|^network provider(?:s)?|^in-network|^participating provider(?:s)?|^preferred provider(?:s)?|^plan provider(?:s)?/i, "Proveedor de la red"],
  [/^out-of-network provider(?:s)?|^non-network provider(?:s)?|^out-of-network|^non-participating provider(?:s)?|^non-preferred provider(?:s)?|^non-plan provider(?:s)?/i, "Proveedor fuera de la red"],
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

/** Who pays, in a coverage example: the whole cost, the plan's share or the patient's. */
export type Role = "total" | "plan" | "patient";

/** A coverage example's figure for a party: "Amount owed to providers: $7,540", "Plan pays $3,570", "Patient pays: $3,970". */
const ROLE_FIGURE = /(amount owed to providers|total example cost|plan pays|patient pays)\s*:?\s*\$\s?[\d,]+(?:\.\d{2})?/gi;
/** A line that is nothing but one party's figure. */
const ROLE_LINE = new RegExp(`^\\s*${ROLE_FIGURE.source}\\s*$`, "i");
const ROLE_OF: Record<string, Role> = { "amount owed to providers": "total", "total example cost": "total", "plan pays": "plan", "patient pays": "patient" };
/** The whole cost, whoever else the question names. */
const BEFORE_ANYONE_PAYS =
  /\bbefore (?:anyone|the plan|insurance) pays\b|\bamount owed\b|\bowed to (?:the )?providers\b|\bmonto adeudado\b|\bse (?:les? )?debe (?:en total )?a los proveedores\b|\b(?:se )?(?:les? )?deben? (?:en total )?a los proveedores\b|\bantes de que pague (?:el plan|nadie|el seguro)\b/;
/** The whole cost, unless a party is named ("the patient's total cost"). */
const ASKS_TOTAL = /\btotal cost\b|\bcost in total\b|\b(?:cuesta|costo|cuestan) en total\b|\bcosto total\b/;
const ASKS_PLAN =
  /\b(?:does|would|will|did) (?!(?:i|you|she|he|they|we|my|(?:the|each|that|this) (?:patient|person|member|mom|mother|dad|father|woman|man)|peg|joe|mia)\b)(?:the )?[a-z]+(?: [a-z]+)? (?:itself )?(?:end up )?(?:pay|paying|cover|covering|pick up)\b|\bplan pays\b|\bplan's share\b|\b(?:paga|pone|cubre|pagaria|aporta) el plan\b|\bel plan (?:paga|pone|cubre|aporta)\b|\bpagar al plan\b|\ble toca al plan\b/;
const ASKS_PATIENT = /\bpatient\b|\bpaciente\b|\b(?:does|would|will|did) the (?:mom|mother|dad|father)\b[^?]{0,12}\bpay|\b(?:mom|mother|woman|man|person|guy|lady)\s+in (?:the|that|this) example\b|\b(?:mama|madre|persona|senora|senor)\s+del ejemplo\b|\bwould (?:she|he|i|they) pay\b|\bends? up pay|\btermina(?:ria)? pagando\b|\bpagaria (?:yo|el|ella)\b|\bde su (?:propio )?bolsillo\b|\bout of (?:her|his|their) (?:own )?pocket\b|\ble sale a (?:peg|joe|mia|ella|el)\b|\b(?:does|would|will|did) (?:peg|joe|mia) (?:end up )?pay|\bpaga(?:ria)? (?:peg|joe|mia)\b/;
/** The patient named as such ("…and what's left for the patient?"), not only told of ("how much does the plan end up paying"). */
const PATIENT_NAMED = /\bpatient\b|\bpaciente\b/;

/** The party a question about a coverage example asks the figure of, or null. */
export function asksRole(question: string): Role | null {
  const normalized = normalize(question);
  // "Before anyone pays" asks the whole cost whoever is named; otherwise a party named ("the patient's total cost")
  // is the one asked about.
  if (BEFORE_ANYONE_PAYS.test(normalized)) return "total";
  // (Asked what the plan pays and what the patient is left with, both figures answer.)
  if (ASKS_PLAN.test(normalized)) return PATIENT_NAMED.test(normalized) ? null : "plan";
  if (ASKS_PATIENT.test(normalized)) return "patient";
  if (ASKS_TOTAL.test(normalized)) return "total";
  return null;
}

/**
 * A coverage example's line of who pays what ("Managing type 2 diabetes: Amount owed to providers: $5,400; Plan pays
 * $4,090; Patient pays $1,310") reduced to the party asked about: the other figures read as other answers.
 *
 * @example keepRole("Amount owed to providers: $5,400; Plan pays $4,090; Patient pays $1,310", "patient") // "Patient pays $1,310"
 */
export function keepRole(text: string, role: Role | null): string {
  if (role === null) return text;
  const figures = [...text.matchAll(ROLE_FIGURE)];
  if (figures.length < 2) return text;
  // Two examples' figures run together (a page the layout could not split) name a party twice: which is meant is
  // not known, and the line is left whole.
  const asked = figures.filter((figure) => ROLE_OF[(figure[1] ?? "").toLowerCase()] === role);
  const kept = asked.length === 1 ? asked[0] : undefined;
  if (!kept) return text;
  return `${text.slice(0, figures[0]?.index ?? 0)}${kept[0]}`;
}

type Level = "individual" | "family";

/** "$3,000 person / $6,000 family": a limit for one member and for the family, side by side. */
const LEVEL_PAIR = /(\$[\d,]+(?:\.\d{2})?)\s*(person|individual|single|member|self-only|employee)\s*\/\s*(\$[\d,]+(?:\.\d{2})?)\s*(family)\b/gi;
const ASKS_INDIVIDUAL =
  /\b(?:the only one|only one of us|just me|only me|for myself|by myself|my own care|for me alone|just for me|self-only|employee[- ]only|single person|individual (?:deductible|limit|out-of-pocket|maximum|oop)|per (?:person|member|child|kid)|for each (?:person|member|child|kid)|for (?:one|a single) (?:person|member|child|kid)|para (?:un|una) (?:sol[oa] )?(?:persona|ni[nñ]o|ni[nñ]a|hijo|hija|miembro)|por persona|por cada (?:persona|miembro|ni[nñ]o|hijo)|por miembro|por (?:ni[nñ]o|hijo)|s[oó]lo yo|solamente yo|yo sol[oa]|para m[ií] sol[oa]|me alone|myself alone|el (?:deducible|l[ií]mite) individual)\b/i;
const ASKS_FAMILY = /\b(?:whole family|for the family|for our family|family (?:deductible|limit|out-of-pocket|maximum|oop)|toda la familia|para la familia|(?:deducible|l[ií]mite) familiar)\b/i;

/** The coverage level a question asks about, when it names one ("If I'm the only one in the family who gets sick…"). */
export function asksLevel(question: string): Level | null {
  const individual = ASKS_INDIVIDUAL.test(question);
  // "…for just me and for the family?", "…por persona y por familia?" asks both.
  const family = ASKS_FAMILY.test(question) || /\b(?:and|or|y|o) (?:for |per |para |por )?(?:the |my |our |mi |la |nuestra )?famil/i.test(question);
  return individual === family ? null : individual ? "individual" : "family";
}

/**
 * Of a limit given for one member and for the family ("$3,000 person / $6,000 family"), the one asked about: the
 * other figure, stated beside it, would read as a second answer.
 *
 * @example keepLevel("Yes. $3,000 person / $6,000 family per calendar year.", "individual") // "Yes. $3,000 person per calendar year."
 */
export function keepLevel(text: string, level: Level | null): string {
  if (level === null) return text;
  return text.replace(LEVEL_PAIR, (_, one: string, who: string, all: string, family: string) => (level === "individual" ? `${one} ${who}` : `${all} ${family}`));
}

const LABEL_ROLES: [RegExp, Role][] = [
  [/\btotal example cost\b|\bamount owed\b|\bsample care costs\b/i, "total"],
  [/\bwould pay\b|\bpatient pays\b/i, "patient"],
  [/\bplan (?:would )?pays?\b/i, "plan"],
];

/**
 * The party a coverage example's row is the figure of, by its label ("The total Peg would pay is — $2,560") or as a line
 * of its own ("Patient pays: $5,340"), or null.
 */
export function labelRole(sentence: string): Role | null {
  // A line that is one party's figure ("Patient pays: $5,340") is labelled by it too.
  const figure = ROLE_LINE.exec(sentence);
  if (figure) return ROLE_OF[(figure[1] ?? "").toLowerCase()] ?? null;
  if (!ROW.test(sentence)) return null;
  const label = sentence.slice(0, sentence.indexOf(" — "));
  return LABEL_ROLES.find(([pattern]) => pattern.test(label))?.[1] ?? null;
}
