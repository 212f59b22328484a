/**
 * The offline answer provider: no model, no network. It is EXTRACTIVE: it scores every sentence of the retrieved
 * sources against the question (shared content words after normalisation, see ./offline-text.ts), and answers
 * with the best few sentences quoted verbatim, each followed by the `[n]` of the source it came from.
 *
 * What it cannot do, plainly: it does not reason, combine facts, compute, summarise or translate. A Spanish
 * question gets a Spanish lead-in over quotes in the documents' own language. It matches words, not meaning, so
 * a question phrased with words the document does not use ("shots" for "immunizations") finds nothing and gets
 * the honest "I couldn't find that in your documents." rather than a guess. It knows English and Spanish only.
 */
import { NOT_FOUND_EN, NOT_FOUND_ES } from "./prompt";
import { contentTokens, hasAmount, isCostQuestion, looksLikeFollowUp } from "../../text/content-tokens";
import { detectLanguage, type Language } from "../../text/language";
import { normalize } from "../../text/normalize";
import { splitSentences } from "../../text/sentences";
import { specificTerms, wantsNumber } from "../../text/specific-terms";
import { asksNetwork, presentQuote, ROW } from "./offline-present";
import type { AnswerEvent, AnswerRequest, ChatTurn, LlmProvider, Source } from "./types";

export const OFFLINE_MODEL = "offline-extractive";

/**
 * Share of the question's (weighted) content words a sentence must contain to be quoted. Generic plan words weigh
 * less, so a two-word question ("acupuncture covered?") still needs its specific word. Measured with eval/ on the
 * sample SBC: 0.5 → quality 0.76 (fact recall 0.76, refusals 0.78); 0.4 → 0.78; 0.34 → 0.82 (fact recall 0.85,
 * refusals 0.67: one more unanswerable question gets related quotes, with their sources, instead of a refusal).
 */
const MIN_OVERLAP = 0.34;
/** A word of the question found only in a source's section path counts this much: "Appeals" over the rows it heads. */
const SECTION_WEIGHT = 0.5;
/** Added to the score of a sentence with an amount when the question is about money, to rank "$500" first. */
const AMOUNT_BOOST = 0.25;
/**
 * Concepts that are a figure of the plan as a whole, never of a service: a sentence that does not name it does not
 * state it, however many amounts it has (an SBC's coverage examples are not its premium).
 */
const PLAN_LEVEL = ["#premium"];
/** An identifier is a run of digits: a phone number, an ID, a claim number ("711" for TTY is too short to be one). */
const IDENTIFIER_DIGITS = /\d[\d\s()-]{3,}\d/;
/** Sentences scoring under this share of the best one are left out, so a strong answer is not diluted. */
const RELATIVE_CUTOFF = 0.6;
/**
 * When the best match is a table row, its neighbours share most of its words ("Primary care visit" under
 * "Specialist visit"): only rows nearly as good are added. Chosen from the dev split's failures, where most wrong
 * amounts came from the second-best row; not measured on its own (it landed with the network-column filter).
 */
const ROW_RELATIVE_CUTOFF = 0.85;
/** Three quotes answer most questions about a plan; more reads as a search result list, not an answer. */
const MAX_SENTENCES = 3;
/** Words per streamed delta: small enough to exercise the client's streaming path the way a model does. */
const WORDS_PER_DELTA = 4;

const LEAD_IN: Record<Language, string> = { en: "From your documents:", es: "Según sus documentos:" };
const NOT_FOUND: Record<Language, string> = { en: NOT_FOUND_EN, es: NOT_FOUND_ES };

export interface Quote {
  sentence: string;
  source: Source;
  score: number;
}

export class OfflineLlmProvider implements LlmProvider {
  readonly name = "offline";
  readonly model = OFFLINE_MODEL;

  async *answer(request: AnswerRequest): AsyncGenerator<AnswerEvent> {
    request.signal?.throwIfAborted();
    const language = detectLanguage(request.question);
    const quotes = selectQuotes(request.question, request.sources);
    // With passages from several documents, each quote says which document it comes from.
    const documents = new Set(quotes.map((quote) => quote.source.documentId));
    const origin = (quote: Quote) => (documents.size > 1 ? `${quote.source.filename}: ` : "");
    const text = quotes.length
      ? `${LEAD_IN[language]}\n\n${quotes.map((quote) => `- ${origin(quote)}${presentQuote(quote.sentence, language, { network: asksNetwork(request.question), question: request.question })} [${quote.source.n}]`).join("\n")}`
      : NOT_FOUND[language];
    for (const delta of wordGroups(text, WORDS_PER_DELTA)) {
      request.signal?.throwIfAborted();
      yield { type: "delta", text: delta };
    }
    yield { type: "done", finishReason: quotes.length ? "stop" : "no_sources", model: this.model };
  }

  async rewriteQuery(question: string, history: ChatTurn[]): Promise<string> {
    return combineWithPreviousTurn(question, history);
  }
}

/** The best sentences for the question, best first, at most MAX_SENTENCES, none below MIN_OVERLAP. */
export function selectQuotes(question: string, sources: Source[]): Quote[] {
  const wanted = contentTokens(question);
  const total = [...wanted.values()].reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return [];
  // A specific word of the question found in no source ("Ozempic", "implants") means the documents do not say it:
  // quoting the rows that share only the question's other words would answer a different question.
  const available = new Set<string>();
  for (const source of sources) for (const token of contentTokens(`${source.context ?? ""}\n${source.text}`).keys()) available.add(token);
  // Concepts have many wordings and a question often names two ("PCP visit"): one of them found is enough. A plain
  // word outside the vocabulary ("Ozempic") has no other wording, so it must be found itself.
  const specific = specificTerms(question);
  const concepts = specific.filter((term) => term.startsWith("#"));
  if (specific.some((term) => !term.startsWith("#") && !available.has(term))) return [];
  if (concepts.length > 0 && !concepts.some((term) => available.has(term))) return [];

  const aboutCost = isCostQuestion(question);
  const candidates: Quote[] = [];
  for (const source of sources) {
    const section = contentTokens(source.context ?? "");
    // A quote is about the question's subject: its passage (a list under its heading, a row in its table) or its
    // section names one of the specific terms, and a premium question is answered only by a sentence about the
    // premium. Sharing the other words ("how much", "visit") makes a passage related, not an answer: "How much is a
    // telehealth visit?" must not quote the office-visit rows.
    const passage = contentTokens(source.text);
    if (specific.length > 0 && !specific.some((term) => passage.has(term) || section.has(term))) continue;
    for (const sentence of quoteUnits(source.text)) {
      const found = contentTokens(sentence);
      if (PLAN_LEVEL.some((term) => wanted.has(term) && !found.has(term))) continue;
      let matched = 0;
      for (const [token, weight] of wanted) {
        if (found.has(token)) matched += weight;
        else if (section.has(token)) matched += weight * SECTION_WEIGHT;
      }
      const overlap = matched / total;
      if (overlap < MIN_OVERLAP) continue;
      candidates.push({ sentence, source, score: overlap + (aboutCost && hasAmount(sentence) ? AMOUNT_BOOST : 0) });
    }
  }
  // Stable sort: equal scores keep retrieval order, so the closer source is quoted first.
  candidates.sort((a, b) => b.score - a.score);
  // "How much…?" is answered by an amount and "How many…?" by a number: passages that mention the premium without
  // stating it do not answer "How much is my premium?".
  const needs = wantsNumber(question);
  if (needs) {
    const answering = candidates.filter((c) =>
      needs === "amount" ? hasAmount(c.sentence) : needs === "identifier" ? IDENTIFIER_DIGITS.test(c.sentence) : /\d/.test(c.sentence),
    );
    if (answering.length === 0) return [];
    candidates.splice(0, candidates.length, ...answering);
  }
  const best = candidates[0]?.score ?? 0;
  const quotes: Quote[] = [];
  for (const candidate of candidates) {
    const cutoff = ROW.test(candidates[0]?.sentence ?? "") ? ROW_RELATIVE_CUTOFF : RELATIVE_CUTOFF;
    if (quotes.length === MAX_SENTENCES || candidate.score < best * cutoff) break;
    const key = normalize(candidate.sentence);
    // The same row twice (a table repeated on two pages), or one quote inside another, reads as padding.
    if (quotes.some((quote) => normalize(quote.sentence).includes(key) || key.includes(normalize(quote.sentence)))) continue;
    quotes.push(candidate);
  }
  return quotes;
}

/**
 * Units a quote can be: a table row ("label — Column: value; …", written by the chunker) whole, however many
 * sentences its cells hold; other lines split into sentences.
 */
function quoteUnits(text: string): string[] {
  const units: string[] = [];
  for (const line of text.split("\n")) {
    if (ROW.test(line)) units.push(clipRow(line.replace(/\s+/g, " ").trim()));
    else units.push(...splitSentences(line));
  }
  return units.filter((unit) => unit !== "");
}

/** A row's cells can run for a page (an EOC benefit); the quote keeps the label and the first values. */
const MAX_ROW_CHARS = 600;

function clipRow(row: string): string {
  if (row.length <= MAX_ROW_CHARS) return row;
  const cut = row.slice(0, MAX_ROW_CHARS);
  return `${cut.slice(0, cut.lastIndexOf(" "))}…`;
}

/**
 * The offline stand-in for a model's query rewrite: a follow-up ("and for out-of-network?") is searched together
 * with the previous user question; a standalone question is searched as it is.
 */
export function combineWithPreviousTurn(question: string, history: ChatTurn[]): string {
  const previous = history.findLast((turn) => turn.role === "user" && turn.content.trim());
  if (!previous || !looksLikeFollowUp(question)) return question;
  return `${previous.content.trim()} ${question.trim()}`;
}

/** Splits text into deltas of `size` words, each keeping the whitespace that follows it, so they join back exactly. */
export function wordGroups(text: string, size: number): string[] {
  const pieces = text.match(/\S+\s*/g) ?? [];
  const groups: string[] = [];
  for (let i = 0; i < pieces.length; i += size) groups.push(pieces.slice(i, i + size).join(""));
  return groups;
}
