import type { Quote } from "./offline";
import type { Source } from "./types";

/**
 * A quote's footnotes. Medicare summaries and Evidence of Coverage booklets mark conditions with a sign after a word
 * and say what it means elsewhere on the page or in the chart's legend: "Tier 4: Non-Preferred Drug 5 — …: $100 copay"
 * is limited by "5 Limited to a 30-day supply", "30-day supply^" by "^Members living in long-term care facilities pay
 * the same for a 31-day supply…", "$0 copayment.††" by "†† Covered services where your provider may need to request
 * prior authorization." A quote without its footnote can mislead ("Can I get a 100-day supply?"), so each footnote a
 * retrieved passage of the same document defines is quoted after it, with its own citation.
 */

/** A sign after a word or a figure: "supply^", "$0 copayment.††", "1 per year*". */
const SIGN = /(?<=[\p{L}\p{N}.)%])(†{1,3}|‡{1,2}|\^|\*{1,2})(?=$|[\s;:,.)])/gu;
/** A footnote number set after a label's word: "Generic3", "Outpatient X-rays2", "Covered Insulin Drugs 4". */
const LABEL_NUMBER = /(?:(?<=\p{Ll}{2})|(?<=\p{L}{3} ))(\d)(?=$|\s)/gu;
/** …but not the number a name carries: "Tier 5", "Part 2", "Plan 004", "Level 1". */
const NAMED_NUMBER = /\b(?:tier|level|part|plan|stage|step|section|chapter|group|option|type|page|phase|year|years|day|days|month|months|visit|visits|of)\s+\d$/i;
/** A footnote's line: the sign or number, then what it says. */
const DEFINITION = /^\s*(†{1,3}|‡{1,2}|\^|\*{1,2}|\d{1,2})\s*(\S.{3,400})$/u;
/** A number's footnote starts with a capital ("5 Limited to…", "2 May require…"); "2 procedures per plan year" is no footnote. */
const NUMBER_DEFINITION = /^\s*(\d{1,2})\s+(\p{Lu}\p{Ll}.{2,400})$/u;
/** At most this many footnotes for a quote. */
const MAX_FOOTNOTES = 2;

/**
 * The footnotes (as quotes) the passages define for the signs in `presented`, the quote as the member reads it, or [].
 */
export function footnotes(presented: string, quote: Quote, sources: readonly Source[]): Quote[] {
  const marks = new Set<string>();
  for (const match of presented.matchAll(SIGN)) marks.add(match[1] ?? "");
  const label = presented.split(" — ")[0] ?? "";
  if (label !== presented) {
    for (const match of label.matchAll(LABEL_NUMBER)) {
      const before = label.slice(0, (match.index ?? 0) + 1);
      if (!NAMED_NUMBER.test(before)) marks.add(match[1] ?? "");
    }
  }
  if (marks.size === 0) return [];
  const found: Quote[] = [];
  for (const mark of marks) {
    const numbered = /^\d/.test(mark);
    // A number's footnote is on the quote's page; a sign's may be in the chart's legend pages away.
    const candidates = sources.filter((source) => source.documentId === quote.source.documentId && (!numbered || source.page === quote.source.page));
    const ordered = [...candidates].sort((a, b) => Number(b.page === quote.source.page) - Number(a.page === quote.source.page));
    for (const source of ordered) {
      const line = source.text.split("\n").find((text) => {
        const match = (numbered ? NUMBER_DEFINITION : DEFINITION).exec(text);
        return match !== null && match[1] === mark && !quote.sentence.includes(text.trim());
      });
      if (line !== undefined) {
        found.push({ sentence: line.trim(), source, score: quote.score });
        break;
      }
    }
    if (found.length === MAX_FOOTNOTES) break;
  }
  return found;
}
