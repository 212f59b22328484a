import { contentTokens, isCostQuestion, statesCost } from "../text/content-tokens";
import { splitSentences } from "../text/sentences";
import { specificTerms } from "../text/specific-terms";

/**
 * Query decomposition: a question that asks two things about two subjects ("¿Cuánto nos toca pagar por la sala de
 * emergencias y cuánto por las radiografías?") is searched for each part as well, and each part's answering passage
 * is kept among the results (src/retrieval/search.ts). Searched whole, its ranking may give every place to one part.
 * The parts are src/text/specific-terms.ts `separateAsks`; the offline answerer asks them apart too.
 */

/**
 * Whether a passage has a sentence that can answer a part of a question on its own: it names all of the part's subject
 * (with the passage's section heading), and states an amount when the part asks what something costs. A part's
 * passage is put among the results only then: the caption "(in-network emergency room visit and follow up care)"
 * ranks first for "¿Cuánto nos toca pagar por la sala de emergencias?" and says no price.
 */
export function answersPart(part: string): (passage: { text: string; context: string }) => boolean {
  // (The part is read once, not once per candidate passage.)
  const subject = specificTerms(part);
  const cost = isCostQuestion(part);
  return (passage) => {
    const heading = contentTokens((passage.context.split(" › ").at(-1) ?? "").trim(), { broader: true });
    return splitSentences(passage.text).some((sentence) => {
      const said = contentTokens(sentence, { broader: true });
      return subject.every((term) => said.has(term) || heading.has(term)) && (!cost || statesCost(sentence));
    });
  };
}
