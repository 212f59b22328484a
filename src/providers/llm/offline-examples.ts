import { normalize } from "../../text/normalize";
import { LIST_MARK, splitSentences } from "../../text/sentences";
import type { Quote } from "./offline";
import type { Source } from "./types";

/**
 * What a Summary of Benefits and Coverage's coverage examples take as given. The federal SBC template prints the
 * same few statements in every summary: the 2012–2016 form lists "What are some of the assumptions behind the Coverage
 * Examples?" ("Costs don't include premiums.", "Sample care costs are based on national averages…", "The patient
 * received all care from in-network providers."…), the 2017 form says "This is not a cost estimator… these coverage
 * examples are based on self-only coverage." and names each example's care "(in-network emergency room visit and
 * follow up care)". A member asks about them in their own terms ("Are the dollar amounts based on Bay Area prices?",
 * "Does the diabetes example assume nobody else on the plan had medical bills?"), and the story's words (the city,
 * the wife and kids) are in no passage: the general answerer refuses them or quotes the plan's rows. Each entry pairs
 * how a member asks about one assumption with how the template states it.
 */
const ASSUMPTIONS: readonly { asked: RegExp; said: RegExp; first?: RegExp }[] = [
  // Premiums.
  { asked: /\bpremiums?\b|\bprimas?\b/, said: /\b(?:don'?t|do not|doesn'?t|does not) include (?:the |your )?premiums?\b/ },
  // Where the prices come from.
  {
    asked: /\b(?:local|area|region|regional|geographic\w*|city|state|california|prices?|where (?:do |did )?(?:those|these|the) (?:numbers|amounts|figures|costs) come from|costs? (?:more|less) here|zona|region|precios?|estado|ciudad)\b/,
    said: /\bnational averages?\b|\bgeographic area\b/,
  },
  // Whose coverage: one person or a family.
  { asked: /\b(?:family|one person|single person|just me|just one|self-only|individual coverage|familia|familiar|una persona|solo yo|individual)\b/, said: /\bself-only\b|\bsingle person\b|\bother than individual coverage\b/ },
  // Nobody else on the plan had costs.
  {
    asked: /\b(?:nobody|no one|anyone|anybody) else\b|\bother (?:family )?members?\b|\b(?:rest of|others? in) (?:the|my|our) family\b|\bother (?:medical )?(?:costs|expenses|bills)\b|\b(?:wife|husband|spouse|kids|children) (?:also|too)\b|\bnadie mas\b|\botros? (?:miembros|familiares|gastos)\b/,
    said: /\bno other medical expenses\b/,
  },
  // In-network care.
  { asked: /\bin-? ?network\b|\bout-of-network\b|\bnetwork\b|\bde la red\b|\bfuera de la red\b/, said: /\bin-network providers?\b|\bout-of-network providers?\b|\(in-network\b|\bin-network (?:care|emergency|pre-?natal)\b/ },
  // A condition that came before the plan.
  { asked: /\bpre-?\s?existing\b|\bpreexistente\b|\bsince before\b|\bantes de (?:tener|entrar)\b/, said: /\bpre-?existing\b/ },
  // One plan year.
  {
    asked: /\b(?:plan|policy|coverage|benefit) years?\b|\bcoverage period\b|\b(?:same|one|single) (?:plan )?year\b|\byear (?:flips|rolls|renews|changes|ends)\b|\b(?:ano|periodo) (?:del plan|de cobertura)\b|\bmismo ano\b/,
    said: /\bsame coverage period\b/,
  },
  // Whether the examples foretell a member's own costs.
  {
    asked: /\bestimat\w*|\bbudget (?:for|with|by)\b|\bpredict\w*|\bcount on\b|\brely on\b|\bwhat i'?(?:ll| will| would) (?:really |actually )?pay\b|\bactual costs?\b|\bpresupuest\w*|\bcalcular\b|\bestimar\b|\bprever\b/,
    said: /\bcomparative purposes\b|\bnot a cost estimator\b|\bestimate (?:your |the )?(?:actual )?costs\b|\bpredict\b/,
    // "They are for comparative purposes only." answers it outright: a passage saying so is read first (before "This is
    // not a cost estimator. Don't use these examples to estimate your actual costs…").
    first: /\bcomparative purposes\b/,
  },
  // What care an example is about: "Is the having-a-baby example based on a C-section or a regular delivery?", "What
  // kind of patient is the diabetes example based on?" — its heading says ("Having a baby (normal delivery)",
  // "Managing type 2 diabetes (routine maintenance of a well-controlled condition)").
  {
    asked:
      /\b(?:c-?sections?|cesareas?|ca?esarean|vaginal|(?:regular|normal|natural) (?:delivery|birth)|parto (?:normal|natural|regular)|what (?:kind|sort|type) of (?:patient|person|care|case|delivery|birth|condition|diabetes|diabetic)|well-?controlled|uncontrolled|out of control|all over the place|complicat\w*|(?:que|cual) (?:tipo|clase) de (?:paciente|persona|caso|parto|atencion|diabetes|diabetico)|controlad[ao]s?|descontrolad[ao]s?|complicad[ao]s?)\b/,
    said: /\((?:[^()]*\b(?:normal delivery|well-controlled|hospital delivery|routine maintenance|emergency room visit)\b[^()]*)\)/,
  },
];

/** The member asks what an example assumes, not what it costs: "Does that assume…?", "Are the amounts based on…?". */
const ASKS_ASSUMPTION =
  /\bassum\w*|\bbased on\b|\bfigured\b|\bcalculated\b|\binclud\w*|\baccount(?:s|ed)? for\b|\bcounts?\b|\bfactor(?:s|ed)? in\b|\btakes? into account\b|\bthe same for\b|\bcount on\b|\brely on\b|\bestimat\w*|\bpredict\w*|\bcome from\b|\bsuppos\w*|\bsupone\w*|\basume\w*|\bbasad[oa]s?\b|\bcalculad[oa]s?\b|\bincluye\w*|\bincluid[oa]s?\b|\btoman? en cuenta\b|\bconsidera\w*/;
/** An amount asked for: "How much…?", "¿Cuánto…?", "What's the total…?". */
const ASKS_AMOUNT = /\bhow much\b|\bwhat(?:'s| is| was| would be) the (?:total|amount|cost)\b|\bcuant[oa]s?\b/;
/** …asked about what an example assumes all the same: "How much would it cost if it assumed…". */
const SAYS_ASSUME = /\bassum\w*|\bbased on\b|\bsuppos\w*|\bsupone\w*|\basume\w*|\bbasad[oa]s?\b/;
/** The coverage examples named as such ("the coverage examples", "the diabetes example", "el ejemplo del bebé") or by their people. */
const NAMES_EXAMPLE = /(?<!\bfor )\bexamples?\b|(?<!\bpor )\bejemplos?\b|\b(?:peg|joe|mia)\b/;
/** A passage of the examples' own explanation: the 2012–2016 questions and answers, the 2017 introduction. */
const EXAMPLES_EXPLAINED = /\bassumptions behind\b|\babout these coverage examples\b|\bquestions and answers about (?:the )?coverage examples\b|\bthis is not a cost estimator\b|\bcoverage examples? (?:are|is) based on\b/i;
/** An example's heading saying what its care was: "Mia's Simple Fracture (in-network emergency room visit and follow up care)". */
const EXAMPLE_CARE = /\((?:\d+ months? of |a year of )?(?:routine )?in-network [^()]*\)/i;
/** An example's heading with its care set beside it: "Managing type 2 diabetes (routine maintenance of a well-controlled condition)". */
const EXAMPLE_HEADING = /\([^()]{6,}\)\s*$/;
const INLINE_BULLET = /\s+[•·▪◦‣●○■□]\s+/u;
/** Quotes at most this many statements: a question names one or two assumptions. */
const MAX_STATEMENTS = 3;
/** "The patient received all care from in-network providers. If the patient had received care from out-of-network providers, costs would have been higher.": two statements answer one assumption. */
const STATEMENTS_PER_TOPIC = 2;

/**
 * The statements of the coverage examples' own explanation that answer a question about what the examples assume,
 * or [] when the question is about something else (what an example costs, a benefit) or no retrieved passage
 * explains the examples.
 *
 * @example exampleAssumptionQuotes("Are the dollar amounts in the coverage examples based on Bay Area prices?", sources)
 *   // [{ sentence: "Sample care costs are based on national averages supplied by the U.S. Department of Health and Human Services, and aren't specific to a particular geographic area or health plan.", … }]
 */
export function exampleAssumptionQuotes(question: string, sources: readonly Source[]): Quote[] {
  const asked = normalize(question);
  if (!NAMES_EXAMPLE.test(asked) || !ASKS_ASSUMPTION.test(asked)) return [];
  // "How much is budgeted for anesthesia in that example?" asks what the example costs.
  if (ASKS_AMOUNT.test(asked) && !SAYS_ASSUME.test(asked)) return [];
  const topics = ASSUMPTIONS.filter((topic) => topic.asked.test(asked));
  if (topics.length === 0) return [];
  // The example the question names, when it names one: its own heading says what its care was.
  const story = EXAMPLE_STORIES.find((told) => told.asked.test(asked));
  const ordered = story ? [...sources].sort((a, b) => Number(story.passage.test(b.context ?? "")) - Number(story.passage.test(a.context ?? ""))) : sources;
  // Each passage's statements are read once for all the topics asked: those of the examples' explanation, or an
  // example's heading saying what its care was.
  const read = ordered.map((source) => {
    const explains = EXAMPLES_EXPLAINED.test(`${source.context ?? ""}\n${source.text}`);
    // (The 2012–2016 form sets the example's care in its heading only: "Having a baby (normal delivery)".)
    const heading = (source.context ?? "").split(" › ").at(-1)?.trim() ?? "";
    const titled = EXAMPLE_STORIES.some((told) => told.passage.test(heading)) && EXAMPLE_HEADING.test(heading) ? [heading] : [];
    const candidates = [...statements(source.text).filter((sentence) => explains || EXAMPLE_CARE.test(sentence)), ...titled];
    return { source, explains, heading, candidates: candidates.map((sentence) => ({ sentence, plain: normalize(sentence) })) };
  });
  const quotes: Quote[] = [];
  for (const topic of topics) {
    const first = topic.first;
    const inOrder = first ? [...read].sort((a, b) => Number(b.candidates.some((c) => first.test(c.plain))) - Number(a.candidates.some((c) => first.test(c.plain)))) : read;
    for (const { source, explains, heading, candidates } of inOrder) {
      const matching = candidates.filter((candidate) => topic.said.test(candidate.plain));
      const said = (first ? [...matching].sort((a, b) => Number(first.test(b.plain)) - Number(first.test(a.plain))) : matching).map((candidate) => candidate.sentence);
      if (said.length === 0) continue;
      for (const sentence of said.slice(0, STATEMENTS_PER_TOPIC)) {
        // (An example's heading is quoted with the example's name: "Mia's Simple Fracture (in-network emergency…)".)
        const statement = EXAMPLE_CARE.test(sentence) && !explains && heading && heading !== sentence ? `${heading} ${sentence}` : sentence;
        if (!quotes.some((quote) => quote.sentence === statement)) quotes.push({ sentence: statement, source, score: 1 });
      }
      break;
    }
  }
  return quotes.slice(0, MAX_STATEMENTS);
}

/** The stories an SBC's coverage examples tell, as a question names each and as their passages and headings do. */
export const EXAMPLE_STORIES: readonly { asked: RegExp; passage: RegExp }[] = [
  { asked: /\b(?:baby|babies|bebes?|pregnan\w*|embarazad\w*|deliver\w*|parto|peg)\b/, passage: /\bhaving a baby\b|\bnormal delivery\b|\bpeg\b/i },
  { asked: /\bdiabet\w*|\bjoe\b/, passage: /\bdiabetes\b|\bjoe\b/i },
  { asked: /\b(?:fractur\w*|broken|broke|bone|mia|quebr\w*|hueso)\b/, passage: /\bfracture\b|\bmia\b/i },
];

/**
 * A passage's statements, a bulleted item's wrapped lines joined first ("• Sample care costs are based on national
 * averages supplied by the U.S." / "Department of Health and Human" / "Services, and aren't specific…").
 */
function statements(text: string): string[] {
  const lines = text.split("\n");
  const bulleted = lines.some((line) => LIST_MARK.test(line));
  const items: string[] = [];
  for (const line of lines) {
    const last = items.length - 1;
    if (bulleted && last >= 0 && !LIST_MARK.test(line) && line.trim() !== "") items[last] = `${items[last]} ${line.trim()}`;
    else items.push(line.replace(LIST_MARK, ""));
  }
  // (Items a passage runs together on one line, "Costs don't include premiums. • Sample care costs…", part too.)
  return items.flatMap((item) => item.split(INLINE_BULLET)).flatMap((item) => splitSentences(item));
}
