/**
 * Finds a cited passage among a PDF page's text items (pdf.js's text layer: one item per run of text), so the viewer
 * can highlight it. Free of the DOM and of pdf.js, so it is tested alone.
 *
 * The passage is the citation's snippet: the chunk's text, whitespace collapsed, at most 240 characters and then "…",
 * with table cells joined by " | " (the ingestion rebuilds table rows). The page's items come in content-stream
 * order, which for tables need not be the row order. So matching is by words, not characters: the window of page
 * words, about as long as the passage, that shares the most words with it; then the items inside it that are mostly
 * the passage's words.
 */

/** The snippet is at most 240 characters, so about 40 words; more would only slow the window down. */
const MAX_PASSAGE_WORDS = 60;
/** A page's words may interleave other cells of the same table rows; the window may be this much longer. */
const WINDOW_SLACK = 1.5;
/** Below this share of the passage's words the best window is a coincidence, not the passage. */
const MIN_COVERAGE = 0.5;
/** An item is highlighted when at least this share of its words belong to the passage... */
const MIN_ITEM_SHARE = 0.5;
/** ...or when it holds this many of them: a long run where the snippet was cut off part-way. */
const MIN_ITEM_WORDS = 6;
/** Matching words in a row that mark where the passage itself begins and ends inside the window. */
const RUN = 3;

export interface PassageMatch {
  /** Indexes of the items to highlight, ascending. Empty when the passage was not found. */
  items: number[];
  /** Share of the passage's words found in the best window, 0 to 1. */
  coverage: number;
}

/** Lower case, accents and ligatures folded, split on anything but letters, digits and the signs of amounts. */
export function words(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9$%.,]+/)
    .map((word) => word.replace(/^[.,]+|[.,]+$/g, ""))
    .filter((word) => word.length > 0);
}

export function findPassage(itemTexts: string[], passage: string): PassageMatch {
  let target = words(passage);
  // A snippet cut at 240 characters ends in "…", possibly in the middle of a word that the page spells in full.
  if (/…\s*$/.test(passage)) target = target.slice(0, -1);
  target = target.slice(0, MAX_PASSAGE_WORDS);
  if (target.length === 0) return { items: [], coverage: 0 };

  // Distinct words: a snippet of a rebuilt table row can repeat a cell ("20% | 20% | 20%") that the page has once
  // per column, far apart.
  const wanted = new Set(target);
  const page = itemTexts.flatMap((text, item) => words(text).map((word) => ({ word, item })));
  const size = Math.max(1, Math.ceil(target.length * WINDOW_SLACK));

  // Slide a window over the page, counting the passage's distinct words inside it.
  const inWindow = new Map<string, number>();
  let score = 0;
  let best = { start: 0, score: 0 };
  const add = (word: string) => {
    const have = inWindow.get(word) ?? 0;
    if (have === 0 && wanted.has(word)) score += 1;
    inWindow.set(word, have + 1);
  };
  const remove = (word: string) => {
    const have = (inWindow.get(word) ?? 1) - 1;
    inWindow.set(word, have);
    if (have === 0 && wanted.has(word)) score -= 1;
  };
  for (const [end, entry] of page.entries()) {
    add(entry.word);
    const start = end - size + 1;
    const leaving = page[start - 1];
    if (leaving) remove(leaving.word);
    if (score > best.score) best = { start: Math.max(0, start), score };
  }

  const coverage = best.score / wanted.size;
  if (coverage < MIN_COVERAGE) return { items: [], coverage };

  const window = page.slice(best.start, best.start + size);
  const inPassage = (word: string) => wanted.has(word);
  const { first, last } = passageSpan(window.map((w) => inPassage(w.word)));
  const candidates = new Set(window.slice(first, last + 1).map((w) => w.item));
  const items = [...candidates].filter((item) => {
    const own = words(itemTexts[item] ?? "");
    const shared = own.filter(inPassage).length;
    return shared >= MIN_ITEM_WORDS || (own.length > 0 && shared / own.length >= MIN_ITEM_SHARE);
  });
  return { items: items.sort((a, b) => a - b), coverage };
}

/**
 * Where the passage runs inside the window: from the first run of RUN matching words to the end of the last one, so
 * a stray "and" or "the" at the window's edge is left out. Falls back to the first and last match.
 */
function passageSpan(matches: boolean[]): { first: number; last: number } {
  const runAt = (i: number) => matches.slice(i, i + RUN).length === RUN && matches.slice(i, i + RUN).every(Boolean);
  let first = matches.findIndex((_, i) => runAt(i));
  let last = -1;
  for (let i = matches.length - RUN; i >= 0; i -= 1) {
    if (runAt(i)) {
      last = i + RUN - 1;
      break;
    }
  }
  if (first < 0 || last < first) {
    first = matches.indexOf(true);
    last = matches.lastIndexOf(true);
  }
  return { first, last };
}
