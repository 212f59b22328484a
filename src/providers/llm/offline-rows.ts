import { splitSentences } from "../../text/sentences";
import { cellMeets, chartRow, MAX_COLUMN_NAME_CHARS, meetingCells, type ChartRow, type RowCondition } from "../../text/row-condition";
import type { Quote } from "./offline";
import { columnNetwork, type Network } from "./offline-present";
import type { Source } from "./types";

/** Lines quoted for a question asking for every row that says something: a summary's chart has at most a dozen or so. */
export const MAX_CONDITION_ROWS = 16;

/**
 * For a question asking for every chart row that says something ("Which kinds of care will this PPO not pay anything
 * for if I go out of network?"), each row of the passages that says it, in the document's order, written as its
 * service and the cells that say it: "Preventive care/screening/immunization — Out-of-network Provider: Not covered",
 * "Skilled nursing care — Limitations & Exceptions: Coverage is limited to 100 days." Nothing paid is read in the
 * tier asked about; asked about no tier ("…won't pay for at all?"), a row says it when every tier's cell does.
 * Nothing to pay is read in the tier asked about, or the network's. [] when no passage has such a row.
 */
export function conditionRowQuotes(condition: RowCondition, network: Network | null, sources: readonly Source[]): Quote[] {
  const seen = new Set<string>();
  // Rows of one passage that say the same ("Pre-Authorization is required non-network or benefit reduces to 50%.")
  // are one line naming each service.
  const lines = new Map<string, { services: string[]; cells: string; source: Source; order: number }>();
  for (const source of sources) {
    source.text.split("\n").forEach((text, at) => {
      const row = chartRow(text.trim());
      if (row === null) return;
      const cells = rowCells(row, condition, network).join("; ");
      if (cells === "") return;
      // The row's own service: a chart's group ("If you visit a health care provider's office or clinic ›") is the
      // page's, not each row's.
      const service = row.label.split(" › ").at(-1)?.trim() ?? row.label;
      if (seen.has(`${service}\u0000${cells}`)) return;
      seen.add(`${service}\u0000${cells}`);
      const key = `${source.n}\u0000${cells}`;
      const line = lines.get(key);
      if (line) line.services.push(service);
      else lines.set(key, { services: [service], cells, source, order: at });
    });
  }
  // In the document's order: by document, page, then as the passages print them.
  return [...lines.values()]
    .sort((a, b) => a.source.documentId.localeCompare(b.source.documentId) || a.source.page - b.source.page || a.source.n - b.source.n || a.order - b.order)
    .slice(0, MAX_CONDITION_ROWS)
    .map((line) => ({ sentence: `${line.services.join(" · ")} — ${line.cells}`, source: line.source, score: 1 }));
}

/** The cells of a row that say what is asked, a note's cut to its sentences that say it (a limit, an approval). */
function rowCells(row: ChartRow, condition: RowCondition, network: Network | null): string[] {
  // Nothing to pay asked about no tier ("Which services are free?") is asked of the network's cells.
  if (condition === "free") return meetingCells(row, condition, (cell) => (network === null ? columnNetwork(cell) !== "out" : columnNetwork(cell) === network));
  if (condition === "not-covered") {
    const tiers = row.cells.filter((cell) => columnNetwork(cell) !== null);
    const tierCells = meetingCells(row, condition, (cell) => columnNetwork(cell) !== null && (network === null || columnNetwork(cell) === network));
    // Asked about no tier, a row the plan pays nothing for in one tier only is not one it "won't pay for at all"; a
    // note that leaves a service out ("Chiropractic care is not covered.") holds in every tier.
    const notes = meetingCells(row, condition, (cell) => columnNetwork(cell) === null).map((cell) => saying(cell, condition));
    return [...(network === null && tierCells.length < tiers.length ? [] : tierCells), ...notes];
  }
  return meetingCells(row, condition).map((cell) => saying(cell, condition));
}

/** A cell cut to its sentences that say what is asked (a limit, an approval, a service left out), after its column name. */
function saying(cell: string, condition: RowCondition): string {
  const at = cell.indexOf(": ");
  const column = at > 0 && at < MAX_COLUMN_NAME_CHARS ? cell.slice(0, at + 2) : "";
  const sentences = splitSentences(cell.slice(column.length)).filter((sentence) => cellMeets(sentence, condition));
  return sentences.length > 0 ? `${column}${sentences.join(" ")}` : cell;
}
