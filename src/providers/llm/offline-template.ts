import { normalize } from "../../text/normalize";
import { splitSentences } from "../../text/sentences";
import { asks, questionSentences } from "../../text/specific-terms";
import type { Quote } from "./offline";
import type { Source } from "./types";

/**
 * Statements the federal SBC template prints in every summary's "Does this plan use a network of providers?" row,
 * which answer questions a member puts in a story and in words the row does not use: "I'm having surgery at a Blue
 * Shield preferred hospital with a preferred surgeon. Could someone who isn't a preferred provider still end up
 * working on my care there?" is answered by "Be aware, your in-network doctor or hospital may use an out-of-network
 * provider for some services."; "Is 'preferred provider' the same thing as an in-network doctor?" by "Plans use the
 * term in-network, preferred, or participating for providers in their network." The general answerer quotes the
 * rows for the care the story names instead. Each entry pairs the question (all of `asked` must match) with the
 * statement that answers it.
 */
const STATEMENTS: readonly { asked: readonly RegExp[]; said: RegExp }[] = [
  {
    // Someone out of network at an in-network place.
    asked: [
      /\b(?:someone|somebody|anyone|anybody|who(?:ever)?|other (?:doctors?|providers?|staff)|a provider|a doctor|alguien|algun (?:medico|doctor|proveedor)|otros? (?:medicos?|doctores|proveedores))\b/,
      /\bout[- ]of[- ]network\b|\bnon-?network\b|\bnon-?preferred\b|\bnon-?participating\b|\b(?:not|isn'?t|aren'?t|wasn'?t) (?:in[- ]network|in (?:the|their|your|my) network|(?:a )?(?:preferred|participating)(?: providers?)?)\b|\bfuera de la red\b|\bno (?:es|sea|son|sean|este|esten) (?:de|en) la red\b/,
      /\b(?:in-network|network|preferred|participating)\s+(?:hospital|surgeon|doctor|facility|surgery center|provider)s?\b|\b(?:hospital|surgeon|cirujano|medico|doctor)\s+(?:de la red|preferido|participante)\b|\bhospital de la red\b/,
    ],
    said: /\b(?:may|might|could) use an? (?:out-of-network|non-network|non-preferred|non-participating) provider\b/,
  },
  {
    // What the plan's words for its network mean.
    asked: [
      /\bsame (?:thing|as)\b|\bmeans?\b|\bdifference\b|\bdifferent\b|\bigual\b|\blo mismo\b|\bsignifica\b|\bdiferencia\b/,
      /\b(?:preferred|participating) (?:providers?|doctors?|hospitals?)\b|\bproveedor(?:es)? (?:preferidos?|participantes?)\b/,
      /\bin-? ?network\b|\bnetwork\b|\bde la red\b/,
    ],
    said: /\bplans use the terms? (?:in-)?network, preferred,? (?:or|and) participating\b/,
  },
];

/**
 * The template statement that answers the question, quoted from the first retrieved passage that prints it, or []
 * when the question is not one of the template's or no passage has the statement.
 */
export function templateQuotes(question: string, sources: readonly Source[]): Quote[] {
  const asked = normalize(question);
  // (Its first pattern, who or what is asked about, is asked: "…we mostly see doctors who aren't preferred providers.
  // What's the most one of us could pay out of pocket…?" asks no one's part in the care.)
  const asking = normalize(questionSentences(question).filter(asks).join(" "));
  for (const statement of STATEMENTS) {
    if (!statement.asked.every((pattern, i) => pattern.test(i === 0 ? asking : asked))) continue;
    for (const source of sources) {
      const sentence = splitSentences(source.text.replace(/\s*›\s*/g, "\n")).find((candidate) => statement.said.test(normalize(candidate)));
      if (sentence !== undefined) return [{ sentence, source, score: 1 }];
    }
  }
  return [];
}

/** The template's heading over what a plan covers beyond its chart, and the note printed with it. */
const OTHER_COVERED = /\bOther Covered Services\b/;
const TEMPLATE_NOTE = /\((?:[^()]*?\bcomplete list\b[^()]*)\)/gi;
/** How much of the list is quoted: its first items are the answer; a run-on cell past them is cut. */
const MAX_LIST_CHARS = 400;

/**
 * For a question asking what a plan covers beyond its chart ("are there any extra or alternative kinds of care this
 * plan covers?"): the template's "Other Covered Services" list, quoted as "Other Covered Services: Acupuncture - limited to 12 visits;
 * Bariatric surgery…", from the first retrieved passage that prints it (wherever the layout put the heading and its
 * note: "(This isn't a complete list…) Other Covered Services / Acupuncture…" or "Other Covered Services (This isn't a
 * complete list…) • Acupuncture • …"). [] when no passage has the list.
 */
export function otherCoveredQuotes(sources: readonly Source[]): Quote[] {
  for (const source of sources) {
    const at = source.text.search(OTHER_COVERED);
    // (The heading may be the passage's own title rather than its text: "(This isn't a complete list…) • Acupuncture
    // • Bariatric surgery…" under "Other Covered Services".)
    const titled = at < 0 && OTHER_COVERED.test(source.context?.split(" › ").at(-1) ?? "");
    if (at < 0 && !titled) continue;
    const after = source.text.slice(Math.max(at, 0)).replace(OTHER_COVERED, "").replace(TEMPLATE_NOTE, " ");
    const items = after
      .split(/\s*(?:[•·›]|\n)\s*/)
      .map((item) => item.replace(/\s+/g, " ").trim())
      .filter((item) => /\p{L}{3}/u.test(item));
    if (items.length === 0) continue;
    let list = items.join("; ");
    if (list.length > MAX_LIST_CHARS) list = `${list.slice(0, list.lastIndexOf(" ", MAX_LIST_CHARS))}…`;
    return [{ sentence: `Other Covered Services: ${list}`, source, score: 1 }];
  }
  return [];
}

/** The template's heading over what a plan does not cover (and the words some summaries use for it). */
const NOT_COVERED = /\bServices Your Plan (?:Generally )?Does NOT Cover\b|\bExcluded Services\b/i;
/** An item the template writes for adults: "Dental care (Adult)", "Routine eye care (Adult)", "Dental care (child & adult)". */
export const ADULT_ITEM = /\([^()]*\badults?\b[^()]*\)/i;
/**
 * The member's own care told beside a child's: "My 8-year-old and I are both overdue…", "…and is mine covered too?",
 * "…I'm overdue for a cleaning myself", "I'm 38", "A mis dos hijos … y a mí nos toca la limpieza".
 */
const SELF_TOLD =
  /\b(?:and i|i and (?:my|our) \w+)(?= (?:both|also|each|too|need|are|have|will|would)\b)|\bmine\b|\bmyself\b|\bme too\b|\bfor me\b|\bi'?m \d{2}\b|\bmy own\b|\bboth of us\b|\by a mi\b(?! (?:hij|espos|mam|pap|herman|niet|famil|bebe|nin)\w*)|\by yo\b|\byo tambien\b|\bpara mi\b|\b(?:los|las|el|la) mi[oa]s?\b|\btengo \d{2} anos\b/;

/**
 * For a question about a child's care and the member's own ("My 8-year-old and I are both overdue for eye exams…
 * What does her routine exam cost us, and is mine covered too?"): the child's row answers for the child, and the
 * template's list of what the plan does not cover answers for the adult ("Routine eye care (Adult)"), quoted as
 * "Services Your Plan Does NOT Cover: …; Routine eye care (Adult); …" from the first retrieved passage that prints an
 * adult's item of the care asked (`namesCare`: whether an item names the care the question asks); [] when it tells no
 * care of the member's own or no passage lists it.
 */
export function adultExclusionQuotes(question: string, sources: readonly Source[], namesCare: (item: string) => boolean): Quote[] {
  if (!SELF_TOLD.test(normalize(question))) return [];
  for (const source of sources) {
    const at = source.text.search(NOT_COVERED);
    const titled = at < 0 && NOT_COVERED.test(source.context?.split(" › ").at(-1) ?? "");
    if (at < 0 && !titled) continue;
    // (The list ends where the template's next list, of what else the plan covers, begins.)
    const after = source.text.slice(Math.max(at, 0)).replace(NOT_COVERED, "").split(OTHER_COVERED)[0] ?? "";
    const items = after
      .replace(TEMPLATE_NOTE, " ")
      .split(/\s*(?:[•·›;|]|\n)\s*/)
      .map((item) => item.replace(/\s+/g, " ").trim())
      .filter((item) => /\p{L}{3}/u.test(item));
    if (!items.some((item) => ADULT_ITEM.test(item) && namesCare(item))) continue;
    let list = items.join("; ");
    if (list.length > MAX_LIST_CHARS) list = `${list.slice(0, list.lastIndexOf(" ", MAX_LIST_CHARS))}…`;
    return [{ sentence: `Services Your Plan Does NOT Cover: ${list}`, source, score: 0 }];
  }
  return [];
}
