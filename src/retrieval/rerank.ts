import { ADDRESS, contentTokens, EMAIL_ADDRESS, isCostQuestion, PHONE, statesCost, WEB_ADDRESS } from "../text/content-tokens";
import { wantsNumber } from "../text/specific-terms";
import { normalize } from "../text/normalize";
import { splitSentences } from "../text/sentences";

/**
 * Fusion ranks a passage by all its words; a question is answered by one sentence or row of it. In a long booklet
 * whose sections repeat one another (an Evidence of Coverage's appeal steps: "standard" and "fast", "medical care" and
 * "Part D drugs", Level 1 and Level 2), the passage that merely talks most about the question's words outranks the one
 * whose sentence says the answer ("…we will give you an answer within 14 calendar days after we receive your
 * request"). Re-ranking the fused candidates by their best sentence — how much of the question it covers, and whether
 * it states what kind of thing is asked (an amount, a period of time, a phone number, a postal or web address) — lifts
 * that passage. A sentence is read with the one before it, which often names what it is about ("To make your appeal,
 * you must contact the organization before you leave the hospital." "The deadline is midnight…"; dev, session 30:
 * the Evidence of Coverage's hit@5 191 → 193 of 223, all dev questions' 1,841 → 1,845 of 1,902 answerable).
 */

/**
 * A passage's best sentence covering all of the question's weight lifts its fused score by this share. Measured on the
 * dev questions (session 24, against fusion alone: hit@5 1,526 of 1,985, answers 1,838): 0.15 → 1,540 / 1,842;
 * 0.25 → 1,543 / 1,842; 0.5 → 1,542 / 1,837; 1.0 → 1,537 / 1,834. The Evidence of Coverage's MRR 0.59 → 0.68.
 */
export const RERANK_WEIGHT = 0.25;
/**
 * Stating the kind of answer asked for (an amount, a period, a number to call) counts as this much coverage. Measured
 * on the dev questions at RERANK_WEIGHT 0.25: 0 → Evidence of Coverage MRR 0.62; 0.25 → 0.68; 0.5 → 0.68 with five
 * answers fewer.
 */
const ANSWER_KIND_SHARE = 0.25;

/** A question asking how long or by when, and a sentence stating a period: "within 14 calendar days", "72 hours". */
const ASKS_PERIOD = /\bhow (?:long|soon|quickly|fast|many days)\b|\bdeadline\b|\bby when\b|\bcuanto tiempo\b|\bcuantos dias\b|\bplazo\b|\bfecha limite\b|\bque tan rapido\b/;
const STATES_PERIOD = /\b\d+\s+(?:calendar |business |working )?(?:days?|hours?|weeks?|months?)\b|\bmidnight\b|\bnoon\b/i;
/** A question asking for a number to call ("the number of visits" is no phone number); a sentence gives one (PHONE). */
const ASKS_PHONE = /\bphone\b|\b(?:what|whats|which|whose)(?:'s| is)?(?: the)? (?:phone |toll[- ]free |fax )?number\b|\bnumber (?:to|do i|should i|can i|would i) call\b|\bcall\b|\bllam\w*|\btelefono\b|\bque numero\b|\bnumero de (?:telefono|fax)\b|\bnumero (?:para|al que|a donde)\b/;

/** What states the contact a question asks for (src/text/specific-terms.ts `wantsNumber`): "¿Cuál es la página web…?". */
const CONTACT_GIVEN: Record<string, { test(text: string): boolean } | undefined> = { phone: PHONE, address: ADDRESS, website: WEB_ADDRESS, email: EMAIL_ADDRESS };

export interface Reranked {
  text: string;
  context: string;
  score: number;
}

/**
 * The candidates in a new order: each fused score times (1 + RERANK_WEIGHT × the best sentence's coverage of the
 * question). Stable for equal scores.
 */
export function rerank<T extends Reranked>(question: string, candidates: readonly T[], weight = RERANK_WEIGHT): T[] {
  if (weight === 0 || candidates.length < 2) return [...candidates];
  const asked = contentTokens(question);
  const total = [...asked.values()].reduce((sum, value) => sum + value, 0);
  if (total === 0) return [...candidates];
  const plain = normalize(question);
  const contact = CONTACT_GIVEN[wantsNumber(question) ?? ""];
  const kind = ASKS_PERIOD.test(plain) ? STATES_PERIOD : contact ?? (ASKS_PHONE.test(plain) ? PHONE : isCostQuestion(question) ? null : undefined);
  const scored = candidates.map((candidate, index) => {
    const heading = contentTokens((candidate.context.split(" › ").at(-1) ?? "").trim(), { broader: true });
    let best = 0;
    const sentences = splitSentences(candidate.text);
    // (Each sentence's words are read once, for it and for the sentence after it.)
    const words = sentences.map((sentence) => contentTokens(sentence, { broader: true }));
    for (const [i, sentence] of sentences.entries()) {
      const said = words[i]!;
      const before = words[i - 1];
      let covered = 0;
      for (const [token, value] of asked) if (said.has(token) || heading.has(token) || before?.has(token)) covered += value;
      let share = covered / total;
      const answers = kind === null ? statesCost(sentence) : kind === undefined ? false : kind.test(sentence);
      if (answers) share += ANSWER_KIND_SHARE;
      best = Math.max(best, share);
    }
    return { candidate, index, score: candidate.score * (1 + weight * best) };
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index).map((entry) => ({ ...entry.candidate, score: entry.score }));
}
