import { normalize } from "./normalize.ts";

/**
 * A question about the document itself rather than its benefits: the plan's name, the insurer's, the plan's number.
 * A document prints those once, on its cover ("Health Net Life Ins. Co.: PPO Platinum 9LR $20/$0", "AARP Medicare
 * Advantage from UHC UT-0008 (PPO) / H2001-128-000"), in words a member does not use ("What's my plan called?"), so
 * neither retrieval leg finds the cover by the question's words: retrieval adds each document's first passage for such
 * a question (src/retrieval/search.ts), and the offline answer quotes it (src/providers/llm/offline.ts).
 *
 * Linear in the question's length: fixed alternations, no nested repetition.
 *
 * @example asksAboutDocument("My accountant wants the exact name of my health plan. What's it called?") // true
 * @example asksAboutDocument("¿Cómo se llama mi plan?") // true
 * @example asksAboutDocument("What's the name of the drug list?") // false
 */
export function asksAboutDocument(question: string): boolean {
  const text = normalize(question);
  return DOCUMENT_QUESTION.some((pattern) => pattern.test(text));
}

const OWNER = String.raw`(?:my|this|the|our|your|his|her|their|mi|este|esta|el|la|nuestro|nuestra|su)`;
const PLAN = String.raw`(?:(?:health |medical |insurance |medicare |medicare advantage )?(?:plan|policy|coverage)|insurer|insurance(?: company| carrier)?|carrier|seguro(?: medico)?|aseguradora|compania(?: de seguros)?|poliza)`;
/** Told, not asked: "My plan's name is Gold PPO. What is my deductible?" */
const NOT_TOLD = String.raw`(?! is\b| es\b)`;

const DOCUMENT_QUESTION: readonly RegExp[] = [
  // "the name of my plan", "name of this insurance company", "el nombre de mi plan", "nombre completo del seguro"
  new RegExp(String.raw`\bnames? of ${OWNER} ${PLAN}\b${NOT_TOLD}|\bnombre (?:completo |exacto |oficial )?(?:de|del) (?:${OWNER} )?${PLAN}\b${NOT_TOLD}`),
  // "my plan's name", "the plan's full name", "this insurer's exact name", "plan name", "insurance company name"
  new RegExp(String.raw`\b${PLAN}(?:'s)? (?:full |exact |official |legal |complete |correct )?name\b${NOT_TOLD}`),
  // "What's this plan called?", "what is my health plan called", "¿Cómo se llama mi plan?"
  new RegExp(String.raw`\bwhat(?:'s| is) ${OWNER} ${PLAN} (?:actually )?called\b|\bcomo se llama ${OWNER} ${PLAN}\b`),
  // "What plan is this?", "Which plan is this summary for?", "what plan do I have", "¿Qué plan tengo?"
  /\b(?:what|which) (?:health |insurance )?plan (?:is this|is it|do i have|am i (?:on|in))\b|\bque plan (?:es este|tengo)\b/,
  // "Who is my insurer?", "which insurance company is this from", "¿Cuál es mi aseguradora?"
  new RegExp(String.raw`\bwho(?:'s| is| issues| offers| runs| provides) ${OWNER} ${PLAN}\b|\b(?:what|which) (?:insurance )?company (?:is\b(?! (?:the |a |an )?\w+(?:ing|ed)\b)|(?:issues|offers|runs|provides|underwrites) (?:${OWNER} ${PLAN}\b|(?:it|this|that)\b|(?:the |this |my )?(?:coverage|insurance|policy)\b|\W*$))|\b(?:cual|que) es ${OWNER} (?:aseguradora|compania de seguros)\b|\bque (?:aseguradora|compania de seguros)\b`),
  // "the plan's ID number", "plan number", "contract number", "el número del plan"
  new RegExp(String.raw`\b(?:plan|contract)(?:'s)? (?:id |identification |contract )?(?:number|id)\b|\bnumero (?:de identificacion |de contrato )?(?:de|del) (?:${OWNER} )?(?:plan|contrato)\b`),
];
