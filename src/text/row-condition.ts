import { asksForList } from "./specific-terms.ts";
import { normalize } from "./normalize.ts";

/**
 * What a question asks the rows of a benefits chart to say, when it asks for every row that says it: "Which kinds of
 * care will this PPO not pay anything for if I go out of network?" (a cell "Not covered"), "Which services are
 * totally free as long as I stay in network?" (nothing to pay), "…which benefits have a cap on the number of visits
 * or days?" (a limit of visits or days), "Which services in the chart carry that 'failure to obtain
 * preauthorization' warning?" (an approval required first). Such a question is answered by rows found by what their
 * cells say, not by the words the question shares with them. "Is there anything in the cost chart where I'd pay the
 * exact same share whether the provider is in network or not?" asks for the rows whose network columns say the same.
 */
export type RowCondition = "not-covered" | "free" | "limited" | "approval" | "same";

/** Asks for the chart's rows: "which services/benefits/kinds of care…", "is there anything in the chart…". */
const ROWS_ASKED =
  /\b(?:is|are) there (?:anything|any (?:services?|benefits?|care|kinds? of care|types? of care|treatments?))\b|\banything (?:in|on) (?:the|this|my) (?:chart|summary|table|list)\b|\bwhich (?:ones|benefits|services|kinds|types)\b|\bwhich of (?:those|these|them|the two)\b|\bhay (?:algo|algun(?:os|as)? (?:servicios?|beneficios?|tipos?))\b|\b(?:cuales|que) (?:servicios|beneficios)\b/;

/** The plan pays nothing for the care: "not pay anything", "pays nothing", "won't cover", "no cubre". */
const NOT_COVERED_ASKED =
  /(?:\bnot|n't|\bnever) (?:pay|cover)(?: (?:anything|a dime|a cent|at all))?\b|\bpays? (?:nothing|zero|\$0)\b|\bnot covered\b|\bno coverage\b|\bnot (?:be )?covered\b|\bno (?:paga|pagan|pagaria|cubre|cubren|cubriria)\b|\bno (?:esta|estan) cubiert[oa]s?\b|\bsin cobertura\b|\bno tiene(?:n)? cobertura\b/;

/** Nothing for the member to pay: "totally free", "cost me nothing", "$0", "no charge", "gratis". */
const FREE_ASKED =
  /\b(?:totally |completely |100% )?free\b|\bno (?:charge|cost)\b|\b(?:cost|costs|charge|charges) (?:me |us |you )?(?:nothing|zero|\$0)\b|\b(?:i|we|you) (?:pay|owe) (?:nothing|zero|\$0)\b|\b(?:don't|do not|won't|will not) (?:have to )?pay (?:anything|a (?:dime|cent|thing))\b|\b(?:won't|will not|doesn't|does not|don't|do not) cost (?:me |us |you )?(?:anything|a (?:thing|dime|cent)|nothing)\b|\$0\b|\bgratis\b|\bsin (?:costo|cargo)\b|\bno (?:pago|pagamos|pagaria|pagariamos) nada\b|\bno (?:me|nos|le) cuesta(?:n)? nada\b/;

/** A cap on how many visits or days: "a cap on the number of visits or days", "visit limits", "límite de visitas". */
const LIMIT_ASKED =
  /\b(?:cap|caps|capped|limit|limits|limited|maximum|max)\b[^.?!]{0,40}\b(?:visits?|days?|sessions?|number|times)\b|\b(?:top|tops|topping|max|maxes|maxing) out\b|\b(?:visit|day|session)s? (?:limit|cap|maximum)s?\b|\b(?:limite|limites|tope|topes|maximo)\b[^.?!]{0,30}\b(?:visitas|dias|sesiones|veces)\b/;

/** An approval needed first: prior authorization, preauthorization, precertification, "autorización previa". */
const APPROVAL_ASKED =
  /\bprior (?:auth|authori[sz]ation|approval)\b|\bpre-?(?:auth|authori[sz]ation|approval|certification|cert)\b|\bpreauthori[sz]|\bprecert|\b(?:need|needs|require|requires|required) (?:[\w'-]+'s |(?:the )?plan'?s |prior |an? )?approval\b|\bautorizacion (?:previa|anticipada)\b|\baprobacion previa\b|\bpreautorizacion\b/;

/** The same in network and out: "the exact same share whether … in network or not", "costs exactly the same as staying in network", "lo mismo dentro y fuera de la red". */
const SAME_ASKED =
  /\bsame\b[^.?!]{0,60}\b(?:in[- ]?network|out[- ]?of[- ]?network|network)\b|\b(?:in[- ]?network|out[- ]?of[- ]?network)\b[^.?!]{0,60}\bsame\b|\b(?:lo mismo|igual|misma cantidad|mismo porcentaje)\b[^.?!]{0,60}\bred\b|\bred\b[^.?!]{0,60}\b(?:lo mismo|igual)\b/;

/** Cells that state each condition (tested on a row's cells, not its label). */
const FREE_CELL = /^(?:no charge|no cost|free|nothing|you pay nothing|\$0(?:\.00)?(?:\s+(?:copay(?:ment)?|coinsurance))?|0%(?:\s+coinsurance)?)(?:\s*(?:$|[.;,(*†]|per\b|for\b))/i;
/** "Not covered", "Not covered under any condition": not "Not covered in the same year as a full mouth set of X-rays". */
const NOT_COVERED_CELL = /^(?:not covered|no cubiert[oa]s?)(?:\s+under any condition)?\s*(?:$|[.;(*†])/i;
/** A row's note that leaves a service out: "Chiropractic care is not covered.", "Non-severe services are not covered." */
const EXCLUDED_SENTENCE = /\b(?:is|are) not covered\b|\bno (?:est[aá]n?) cubiert[oa]s?\b/i;
const LIMIT_CELL =
  /\b(?:limited to|up to|maximum of|max(?:imum)?|limit(?:ed)? of)\s+(?:a\s+)?\d+\s+(?:visits?|days?|sessions?|exams?|treatments?|admissions?)\b(?!\s*(?:\(|supply))|\b\d+\s+(?:visits?|days?|sessions?)\s+(?:per|a|each|every|max(?:imum)?)\b|\b\d+\s+(?:visits?|days?|sessions?)\s+max\b|\b\d+\s+(?:visits?|days?|sessions?)\s*\/\s*(?:calendar |plan |benefit )?(?:year|yr|period)\b/i;
const APPROVAL_CELL =
  /\bpre-?authori[sz]ation\b|\bprior auth(?:ori[sz]ation)?\b|\bpre-?certification\b|\bprecert\b|\b(?:requires?|required|need(?:s|ed)?)\s+(?:prior\s+|pre-?)?(?:authori[sz]ation|approval)\b|\bauthori[sz]ation (?:is |may be )?required\b/i;

/**
 * The condition a question asks the chart's rows to meet, or null: it must ask for rows ("which services…", "is there
 * anything in the chart…") and name what their cells say. Approval comes first ("Which services need prior
 * authorization, or they won't pay?" asks for the rows that need it), then a limit, then nothing to pay, then nothing
 * paid.
 *
 * @example askedRowCondition("Which kinds of care will this PPO not pay anything for if I go out of network?") // "not-covered"
 */
export function askedRowCondition(question: string): RowCondition | null {
  const text = normalize(question);
  if (!asksForList(question) && !ROWS_ASKED.test(text)) return null;
  if (APPROVAL_ASKED.test(text)) return "approval";
  if (SAME_ASKED.test(text)) return "same";
  if (LIMIT_ASKED.test(text)) return "limited";
  // ("…won't pay anything for" is the plan paying nothing; "…I won't have to pay anything" the member.)
  if (FREE_ASKED.test(text)) return "free";
  if (NOT_COVERED_ASKED.test(text)) return "not-covered";
  return null;
}

/**
 * A PostgreSQL regular expression (case-insensitive) that every passage holding a row meeting the condition matches:
 * the database selects the candidates, `meetingCells` decides.
 */
export const CONDITION_PATTERN: Record<RowCondition, string> = {
  "not-covered": "not covered|no cubiert",
  free: "no charge|no cost|free|nothing|\\$0|(^|[^0-9])0%",
  limited: "[0-9]+ ?-? ?(visit|day|session|exam|treatment|admission)",
  approval: "authori[sz]|pre-?cert|approval",
  // (Any row of two cells or more: whether two say the same is decided in code.)
  same: "; ",
};

/** A chart row split into its label and cells: "Eye exam — Preferred Provider: No charge; Out-of-network Provider: Not covered". */
export interface ChartRow {
  label: string;
  cells: string[];
}

/** A table of contents' dot leaders: "What services are not covered by the plan?..........3". */
export const DOT_LEADERS = /\.{8,}/;

/**
 * A passage line that is a chart row of a service, as the chunker writes one ("label — Column: value; Column:
 * value"), or null. A summary's questions ("What is not included in the out-of-pocket limit? — Answers: …") are
 * rows of no service.
 */
export function chartRow(line: string): ChartRow | null {
  const at = line.indexOf(" — ");
  // (A table of contents' line, "Section 3 — …: What services are not covered by the plan?..........3", is no row.)
  if (at <= 0 || DOT_LEADERS.test(line)) return null;
  const label = line.slice(0, at).trim();
  if (label.endsWith("?")) return null;
  const cells = line
    .slice(at + 3)
    .split("; ")
    .map((cell) => cell.trim())
    .filter((cell) => cell !== "");
  return cells.length > 0 ? { label, cells } : null;
}

/**
 * The cells of a row that meet the condition ([] when none does), of the tier asked about when `inTier` says which
 * cells are that tier's (see `cellMeets`).
 */
export function meetingCells(row: ChartRow, condition: RowCondition, inTier: (cell: string) => boolean = () => true): string[] {
  if (condition === "same") return sameCells(row);
  return row.cells.filter((cell) => inTier(cell) && cellMeets(cell, condition));
}

/** A cell's column name is short ("Out-of-network Provider: …"): a longer run up to a colon is the cell's text. */
export const MAX_COLUMN_NAME_CHARS = 60;
/** A cell's column name (up to its colon) names a note, not what a network column charges. */
const NOTE_COLUMN = /limitation|exception|important information|limitaciones|excepciones/i;
/** A cell that says it is the same as another column: "Same as Network", "Same as In-Network". */
const SAME_AS_CELL = /^same as\b/i;

/**
 * The columns of a row that say the same ("Emergency medical transportation — Network Provider: 20% coinsurance;
 * Out-of-Network Provider: 20% coinsurance"; "…Non-Network: Same as Network"), or [] when they differ: the row's cells
 * with a column name that is no note, two or more, all with one value.
 */
function sameCells(row: ChartRow): string[] {
  const columns = row.cells.filter((cell) => {
    const at = cell.indexOf(": ");
    return at > 0 && at < MAX_COLUMN_NAME_CHARS && !NOTE_COLUMN.test(cell.slice(0, at));
  });
  const value = (cell: string) => cell.slice(cell.indexOf(": ") + 2).trim().toLowerCase().replace(/[\s.;,*†]+$/u, "");
  if (columns.some((cell) => SAME_AS_CELL.test(value(cell)))) return columns;
  if (columns.length < 2) return [];
  const first = value(columns[0]!);
  return first !== "" && columns.every((cell) => value(cell) === first) ? columns : [];
}

/**
 * Whether a cell (or a sentence of one) says what the condition asks: for "not-covered" and "free", a value that is
 * "Not covered" or nothing to pay ("No charge", "$0 copay") — a cell without a column name ("Personal items in your
 * room… — Not covered under any condition") is its value — or a note that leaves a service out ("Limitations &
 * Exceptions: Chiropractic care is not covered."); for a limit or an approval, a cell that states one (a drug's "up to
 * 30 day (retail)" supply is no limit on visits).
 */
export function cellMeets(cell: string, condition: RowCondition): boolean {
  // (The same is said of a row's columns together: `sameCells`.)
  if (condition === "same") return false;
  if (condition === "not-covered" || condition === "free") {
    const at = cell.indexOf(": ");
    const value = cell.slice(at < 0 ? 0 : at + 2).trim();
    return (condition === "free" ? FREE_CELL : NOT_COVERED_CELL).test(value) || (condition === "not-covered" && EXCLUDED_SENTENCE.test(cell));
  }
  return (condition === "limited" ? LIMIT_CELL : APPROVAL_CELL).test(cell);
}

/** Whether a passage has a chart row that meets the condition (any tier). */
export function hasMeetingRow(text: string, condition: RowCondition): boolean {
  return text.split("\n").some((line) => {
    const row = chartRow(line);
    return row !== null && meetingCells(row, condition).length > 0;
  });
}
