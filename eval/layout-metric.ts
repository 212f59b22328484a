/**
 * Layout agreement between the service's PDF parser and poppler's `pdftotext -layout` (eval/layout.ts), as numbers.
 * Pure (no I/O).
 *
 * pdftotext -layout keeps each text block at its place on the page, so a run of 2+ spaces inside one of its lines
 * separates two cells of a table row or two columns of the page. Two words next to each other inside such a segment
 * belong together ("Specialist visit", "$50 copay/visit"); a parser that reads across the page and interleaves
 * neighbouring columns ("Specialist $50 visit copay") separates them. Bigram recall counts how many of those
 * within-segment word pairs are still adjacent, in order, in the parser's text of the same page.
 *
 * Within-segment pairs survive almost any extraction, because a PDF draws a cell's line as one text run: plain unpdf
 * text with no layout at all scores 0.996-0.9996 on the four documents tried. What a bad layout loses is which cells share a row,
 * so a second number, row recall, checks the neighbouring cells of each pdftotext line: the last word of one segment
 * and the first word of the next must be at most ROW_WINDOW words apart, in order, in the parser's page. (Its ceiling
 * is below 1: pdftotext centres a short cell vertically beside a wrapped one, putting it on a line with half a
 * sentence, which no parser should reproduce. Compare parser versions, not documents.)
 *
 * @example
 *   pageAgreement("Specialist visit     $50 copay/visit", "Specialist visit | $50 copay/visit").bigram_recall // 1
 */

/**
 * The words of a text, for comparing two extractions: compatibility-normalised (ligatures "ﬁ" → "fi"), accents and
 * case dropped, apostrophes and digit group separators removed ("don't" → "dont", "$1,000" → "1000"), every other
 * punctuation mark a separator.
 */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .replace(/(\d)[,.](?=\d)/g, "$1")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "");
}

/** The segments of one pdftotext -layout line: cut at runs of two or more spaces (tabs count as spaces). */
export function segments(line: string): string[] {
  return line
    .replace(/\t/g, "  ")
    .split(/ {2,}/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== "");
}

/** Adjacent word pairs, "a b", of a word sequence. */
export function bigrams(sequence: string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < sequence.length; i++) pairs.push(`${sequence[i - 1]} ${sequence[i]}`);
  return pairs;
}

/** Every within-segment word pair of a pdftotext -layout page, in reading order of the reference. */
export function referenceBigrams(layoutPage: string): string[] {
  return layoutPage.split("\n").flatMap((line) => segments(line).flatMap((segment) => bigrams(words(segment))));
}

/**
 * How far apart, in words, two neighbouring cells of a row may be in the parser's text and still count as one row:
 * a parser that joins wrapped cell lines puts up to a few words of the first cell's continuation between them
 * ("What is the overall [deductible?] | $0"). With 6, the service's row rebuilding scores 0.76 and 0.71 on the CMS
 * sample and the Kaiser SBC, plain text extraction about 0.65, and a document whose columns came out one after the
 * other 0.17.
 */
export const ROW_WINDOW = 6;

/** The neighbouring-cell pairs of a pdftotext -layout page: [last word of a segment, first word of the next]. */
export function rowPairs(layoutPage: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const line of layoutPage.split("\n")) {
    const cells = segments(line)
      .map(words)
      .filter((cell) => cell.length > 0);
    for (let k = 1; k < cells.length; k++) {
      const left = cells[k - 1]?.at(-1);
      const right = cells[k]?.[0];
      if (left && right) pairs.push([left, right]);
    }
  }
  return pairs;
}

/** Whether `right` follows `left` within ROW_WINDOW words somewhere in the sequence. */
function near(sequence: string[], positions: Map<string, number[]>, left: string, right: string): boolean {
  for (const at of positions.get(left) ?? []) {
    for (let next = at + 1; next <= at + ROW_WINDOW && next < sequence.length; next++) if (sequence[next] === right) return true;
  }
  return false;
}

/** Lines this close to the top or bottom of a page may be a running header or footer. */
const EDGE_LINES = 4;
/** Share of pages a top/bottom line must recur on (at least 3 pages) to be called running. */
const RUNNING_SHARE = 0.5;

/**
 * The pages with their running headers and footers removed: lines among the first or last EDGE_LINES non-blank lines
 * of a page whose words (digits as "#", so "Page 2 of 8" matches "Page 3 of 8") recur there on at least half the pages.
 * The service's parser drops them on purpose (they would repeat in every chunk); scoring them would count that as lost
 * text.
 */
export function dropRunningLines(pages: string[]): string[] {
  const key = (line: string) => words(line).join(" ").replace(/\d+/g, "#");
  const edges = pages.map((page) => {
    const lines = page.split("\n").filter((line) => line.trim() !== "");
    return new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)].map(key).filter((k) => k !== ""));
  });
  const seen = new Map<string, number>();
  for (const keys of edges) for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
  const threshold = Math.max(3, pages.length * RUNNING_SHARE);
  const running = new Set([...seen].filter(([, count]) => count >= threshold).map(([k]) => k));
  if (!running.size) return pages;
  return pages.map((page, i) =>
    page
      .split("\n")
      .filter((line) => !(edges[i]?.has(key(line)) && running.has(key(line))))
      .join("\n"),
  );
}

export interface PageAgreement {
  /** Within-segment word pairs of the reference page. */
  pairs: number;
  /** Of those, how many are adjacent in the parser's page (each parser pair matches at most one reference pair). */
  pairs_found: number;
  /** pairs_found / pairs; null for a page without pairs (blank, or single words only). */
  bigram_recall: number | null;
  /** Neighbouring-cell pairs of the reference page's lines. */
  row_pairs: number;
  /** Of those, how many are at most ROW_WINDOW words apart, in order, in the parser's page. */
  row_pairs_found: number;
  /** row_pairs_found / row_pairs; null for a page without multi-segment lines. */
  row_recall: number | null;
  /** Neighbouring cells not found together, as "left | right", in the reference's order. */
  row_missing: string[];
  /** Words of the reference page. */
  words: number;
  /** Of those, how many the parser's page has (each parser word matches at most one reference word). */
  words_found: number;
  /** Share of the reference's words present in the parser's page (as many times): text dropped, not interleaved. */
  word_recall: number | null;
  /** Reference pairs not adjacent in the parser's page, in the reference's order: where to look. */
  missing: string[];
}

/** How well the parser's text of one page keeps the reference's within-segment word pairs (and words). */
export function pageAgreement(layoutPage: string, parsedPage: string): PageAgreement {
  const reference = referenceBigrams(layoutPage);
  const available = counts(bigrams(words(parsedPage)));
  const missing: string[] = [];
  for (const pair of reference) {
    const left = available.get(pair) ?? 0;
    if (left > 0) available.set(pair, left - 1);
    else missing.push(pair);
  }
  const sequence = words(parsedPage);
  const positions = new Map<string, number[]>();
  for (const [i, word] of sequence.entries()) positions.set(word, [...(positions.get(word) ?? []), i]);
  const rows = rowPairs(layoutPage);
  const rowMissing = rows.filter(([left, right]) => !near(sequence, positions, left, right)).map(([left, right]) => `${left} | ${right}`);
  const rowsFound = rows.length - rowMissing.length;
  const referenceWords = layoutPage.split("\n").flatMap((line) => segments(line).flatMap(words));
  const parsedWords = counts(words(parsedPage));
  let wordsFound = 0;
  for (const word of referenceWords) {
    const left = parsedWords.get(word) ?? 0;
    if (left > 0) {
      parsedWords.set(word, left - 1);
      wordsFound += 1;
    }
  }
  return {
    pairs: reference.length,
    pairs_found: reference.length - missing.length,
    bigram_recall: ratio(reference.length - missing.length, reference.length),
    row_pairs: rows.length,
    row_pairs_found: rowsFound,
    row_recall: ratio(rowsFound, rows.length),
    row_missing: rowMissing,
    words: referenceWords.length,
    words_found: wordsFound,
    word_recall: ratio(wordsFound, referenceWords.length),
    missing,
  };
}

export interface DocumentAgreement {
  pages: number;
  pairs: number;
  pairs_found: number;
  /** Over all the document's pairs (a page counts by its number of pairs, so a near-empty page cannot swing it). */
  bigram_recall: number | null;
  row_pairs: number;
  row_pairs_found: number;
  row_recall: number | null;
  word_recall: number | null;
  /** The page with the lowest bigram recall among pages with at least MIN_PAIRS_FOR_WORST pairs. */
  worst_page: { page: number; bigram_recall: number } | null;
  /** The page with the lowest row recall among pages with at least MIN_PAIRS_FOR_WORST row pairs. */
  worst_row_page: { page: number; row_recall: number } | null;
}

/** A page needs this many pairs to be named the worst: a cover page of six words at 0.5 says little about layout. */
export const MIN_PAIRS_FOR_WORST = 20;

export function documentAgreement(pages: PageAgreement[]): DocumentAgreement {
  const pairs = sum(pages.map((p) => p.pairs));
  const pairsFound = sum(pages.map((p) => p.pairs_found));
  const wordCount = sum(pages.map((p) => p.words));
  const wordsFound = sum(pages.map((p) => p.words_found));
  const rowPairCount = sum(pages.map((p) => p.row_pairs));
  const rowPairsFound = sum(pages.map((p) => p.row_pairs_found));
  let worst: DocumentAgreement["worst_page"] = null;
  let worstRow: DocumentAgreement["worst_row_page"] = null;
  for (const [i, page] of pages.entries()) {
    if (page.pairs >= MIN_PAIRS_FOR_WORST && page.bigram_recall !== null && (!worst || page.bigram_recall < worst.bigram_recall)) {
      worst = { page: i + 1, bigram_recall: page.bigram_recall };
    }
    if (page.row_pairs >= MIN_PAIRS_FOR_WORST && page.row_recall !== null && (!worstRow || page.row_recall < worstRow.row_recall)) {
      worstRow = { page: i + 1, row_recall: page.row_recall };
    }
  }
  return {
    pages: pages.length,
    pairs,
    pairs_found: pairsFound,
    bigram_recall: ratio(pairsFound, pairs),
    row_pairs: rowPairCount,
    row_pairs_found: rowPairsFound,
    row_recall: ratio(rowPairsFound, rowPairCount),
    word_recall: ratio(wordsFound, wordCount),
    worst_page: worst,
    worst_row_page: worstRow,
  };
}

function counts(items: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const item of items) map.set(item, (map.get(item) ?? 0) + 1);
  return map;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** Letters and digits only, lower case: how a piece of text is looked for in the chunks, whatever their punctuation. */
function squashed(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}$%]+/gu, "");
}

/** How many words a piece of a cell is looked for by. */
const KEPT_WINDOW = 4;

export interface KeptCells {
  /** Cells (a table row's cells, a prose line) of the parser's text with six or more letters and digits. */
  cells: number;
  /** Of those, the ones at least half of whose four-word pieces are in some chunk's text or context. */
  kept: number;
  /** Up to `limit` cells not kept, with their page. */
  lost: { page: number; text: string }[];
}

/**
 * Whether the chunker kept what the parser read: each table cell and prose line of the parsed pages is looked for in the
 * chunks (text and context, squashed to letters and digits), by its four-word pieces. A column header shortened into
 * each row's names ("Your Cost If You Use a Network Provider" → "Network Provider") counts as lost, so an SBC stays
 * just under 1; a row taken for a header that heads nothing ("Write | P.O. Box …" over a line of prose) was lost too.
 */
export function keptCells(pages: { page: number; text: string }[], chunkTexts: string[], limit = 20): KeptCells {
  const all = squashed(chunkTexts.join("\n"));
  let cells = 0;
  let kept = 0;
  const lost: { page: number; text: string }[] = [];
  for (const page of pages) {
    for (const line of page.text.split("\n")) {
      const trimmed = line.trim();
      const parts = trimmed.startsWith("|") ? trimmed.split("|").slice(1, -1) : [trimmed];
      for (const cell of parts) {
        if (squashed(cell).length < 6 || /^[\s|:-]+$/.test(cell)) continue;
        cells++;
        const pieces = cell.split(/\s+/).filter((word) => squashed(word) !== "");
        const windows: string[] = [];
        for (let i = 0; i + KEPT_WINDOW <= Math.max(KEPT_WINDOW, pieces.length); i++) windows.push(squashed(pieces.slice(i, i + KEPT_WINDOW).join(" ")));
        const found = windows.filter((window) => all.includes(window)).length;
        if (found * 2 >= windows.length) kept++;
        else if (lost.length < limit) lost.push({ page: page.page, text: cell.trim().slice(0, 160) });
      }
    }
  }
  return { cells, kept, lost };
}

export interface NumberedHeadings {
  /** Numbered headings ("Section 2.3   How to get care from out-of-network providers") in pdftotext's layout. */
  headings: number;
  /** Of those, the ones the parser wrote as a heading line ("### Section 2.3 …") on the same page. */
  found: number;
  /** Up to `limit` headings not found, with their page. */
  missed: { page: number; text: string }[];
}

/**
 * Whether the parser found a long document's numbered headings, which make every chunk's section path: each line of
 * the reference layout that is a numbered label and a title set apart by a gap ("Section 4.1           Plan premium",
 * "Chapter 9   What to do if you have a problem…") is looked for as a heading line of the parsed page naming the same
 * label. A table of contents (three or more dot leaders on the page) heads nothing and is left out. Documents without
 * such headings (the SBCs) count none.
 */
export function numberedHeadings(reference: string[], parsed: Map<number, string>, limit = 20): NumberedHeadings {
  let headings = 0;
  let found = 0;
  const missed: { page: number; text: string }[] = [];
  reference.forEach((layoutPage, i) => {
    if ((layoutPage.match(/\.{4,}/g) ?? []).length >= 3) return;
    const headingLines = (parsed.get(i + 1) ?? "").split("\n").filter((line) => line.startsWith("#"));
    for (const line of layoutPage.split("\n")) {
      const label = NUMBERED_LINE.exec(line)?.[1];
      if (label === undefined) continue;
      headings++;
      const named = new RegExp(`(?:^|\\s)${label.replace(/\./g, "\\.").replace(/\s+/g, "\\s+")}(?![.\\d])`, "i");
      if (headingLines.some((heading) => named.test(heading))) found++;
      else if (missed.length < limit) missed.push({ page: i + 1, text: line.trim().replace(/\s{2,}/g, " ").slice(0, 160) });
    }
  });
  return { headings, found, missed };
}

/** A numbered label set apart from its title by a gap of two or more spaces, at the start of a layout line. */
const NUMBERED_LINE = /^\s*((?:chapter|section|part|article|appendix)\s+\d+(?:\.\d+)*)\s{2,}\S/i;
