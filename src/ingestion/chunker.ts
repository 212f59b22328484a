import { IngestionError } from "./errors";
import { initialState, LIST_LEVEL, readPage } from "./structure";
import type { Chunk, ParsedPage } from "./types";
import { LIST_MARK } from "../text/sentences";

export interface ChunkOptions {
  /** Sentences per chunk (the `sentence_5` strategy uses 5). */
  sentencesPerChunk: number;
  /** Upper bound on a chunk's length in characters; defaults to DEFAULT_MAX_CHUNK_CHARS. */
  maxChunkChars?: number;
  /** Most chunks a document may make; defaults to DEFAULT_MAX_CHUNKS. */
  maxChunks?: number;
}

// About 500 tokens: keeps each embedding input and the five chunks put into a chat prompt bounded.
export const DEFAULT_MAX_CHUNK_CHARS = 2000;
/**
 * Every chunk's embedding is held until the document is stored in one transaction: 6 KB each as 32-bit floats, so
 * 6,000 chunks are 36 MB of a 128 MB isolate. Ordinary text makes a chunk per 400–500 characters, so the text budget
 * (3 million characters, src/ingestion/parse-pdf.ts) makes about this many; "1. 1. 1. …" would make 200,000.
 */
export const DEFAULT_MAX_CHUNKS = 6_000;

/** A sentence or table row, and whether it began a line of its own in the source. */
interface Sentence {
  text: string;
  startsLine: boolean;
  /** A table row's label, on the row's first piece. */
  label?: string;
}

/** Characters of a row's label carried onto its cell's words on the next page: the label's first words name the row. */
const MAX_CARRIED_LABEL_CHARS = 80;

/** Characters of section path kept with a chunk: a running header plus two levels of headings fit. */
const MAX_CONTEXT_CHARS = 300;

/**
 * The `sentence_5` strategy, aware of structure: each page's sentences are grouped N at a time, where a table row
 * (rendered with its label and column headers by ./structure.ts) counts as one sentence and is never cut from its
 * label. A chunk never spans two pages (its citation is exact) — but for the end of a sentence a page break cut, read
 * into the chunk it started in (`pageEnd` the next page) — a heading, or the edge of a table; it carries
 * `context`, the document's section path at that point ("Plan title › Chapter 4 › Section 2.1"), which is embedded
 * and searched with it. Indices are 0-based across the document; the same pages always give the same chunks, which
 * makes re-delivering an ingestion job idempotent. A chunk also stops before it would pass `maxChunkChars`, and a
 * single sentence longer than that is cut at word boundaries (a long row's pieces each keep its label).
 *
 * @example chunkPages([{ page: 1, text: "One. Two. Three." }], { sentencesPerChunk: 2 }) // texts "One. Two." and "Three."
 */
export function chunkPages(pages: readonly ParsedPage[], options: ChunkOptions): Chunk[] {
  const { sentencesPerChunk } = options;
  const maxChars = options.maxChunkChars ?? DEFAULT_MAX_CHUNK_CHARS;
  const maxChunks = options.maxChunks ?? DEFAULT_MAX_CHUNKS;
  if (!Number.isInteger(sentencesPerChunk) || sentencesPerChunk < 1) {
    throw new RangeError(`sentencesPerChunk must be a positive integer, got ${sentencesPerChunk}`);
  }
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`maxChunkChars must be a positive integer, got ${maxChars}`);

  const chunks: Chunk[] = [];
  const state = initialState();
  // The benefit an Evidence of Coverage's chart rows belong to ("Physician/practitioner services, including doctor's
  // office visits / Covered services include:" over "·Consultation, diagnosis, and treatment by a specialist. —
  // In-Network: $40 copayment…"), named on each row as a summary's group is: "… › ·Consultation…".
  let benefit: string | undefined;
  // A page's last chunk whose last sentence runs on to the next page ("…you can be reimbursed for eligible costs up to"
  // / "$125 per day total."): held until that page's first words, which end the sentence, are read into it.
  let held: { sentences: Sentence[]; length: number; page: number; context: string } | null = null;
  // The label of the row a page ended on: a chart row whose cell runs on to the next page ("Annual wellness visit" …
  // "/ had a Welcome to Medicare visit to be covered…") keeps its label on the words that run on.
  let rowLabel: string | undefined;
  let endingRow: string | undefined;
  const push = (sentences: Sentence[], pageStart: number, pageEnd: number, context: string) => {
    const joined = sentences.map((s, i) => (i === 0 ? s.text : (s.startsLine ? "\n" : " ") + s.text)).join("");
    if (joined.trim() === "") return;
    if (chunks.length === maxChunks) throw tooManyChunks(maxChunks);
    chunks.push({ index: chunks.length, text: joined, pageStart, pageEnd, context });
  };
  const release = (pageEnd?: number) => {
    if (held) push(held.sentences, held.page, pageEnd ?? held.page, held.context);
    held = null;
  };
  const ordered = [...pages].sort((a, b) => a.page - b.page);
  for (const { page, text } of ordered) {
    let current: Sentence[] = [];
    let length = 0;
    let currentKind: "row" | "text" | undefined;
    // Whether the sentences last chunked are a list's lead-in or its items (see LIST_LEAD).
    let listOpen = false;
    // Whether the page's first sentence is still to be read.
    let opening = true;
    const flush = () => {
      push(current, page, page, contextOf(state.sections));
      current = [];
      length = 0;
    };
    for (let item of readPage(text, state)) {
      // The sentence a page ends in the middle of goes on in its next page's first words.
      if (held && (item.kind !== "text" || !opening)) release();
      if (item.kind !== "text") endingRow = undefined;
      if (item.kind === "heading") {
        benefit = undefined;
        listOpen = false;
        flush();
        continue;
      }
      if (item.kind === "row") rowLabel = item.label;
      if (item.kind === "text") benefit = benefitTitle(item.text);
      else if (benefit !== undefined && BULLETED_LABEL.test(item.label)) item = { ...item, text: `${benefit} › ${item.text}`, label: `${benefit} › ${item.label}` };
      else benefit = undefined;
      if (currentKind !== item.kind) {
        listOpen = false;
        // A chart row followed by its own description (an Evidence of Coverage's "Chiropractic services — In-Network:
        // $20 copayment…" and then "Chiropractic services / Covered services include: …") opens the description's
        // chunk rather than ending the rows before it: the cost and what it covers are found together.
        const last = current.at(-1);
        const carried = item.kind === "text" && last?.label !== undefined && describes(item.text, last.label) ? current.pop() : undefined;
        flush();
        if (carried) {
          current.push(carried);
          length = carried.text.length;
        }
      }
      currentKind = item.kind;
      // Sentences are made as they are chunked, so a page of a million of them never exists at once.
      const units =
        item.kind === "row"
          ? cutLong({ text: item.text, startsLine: true }, maxChars).map((unit, i) =>
              i > 0 ? (item.label ? { ...unit, text: `${item.label} — … ${unit.text}` } : unit) : { ...unit, label: item.label },
            )
          : flatMap(sentenceUnits(item.text), (s) => cutLong(s, maxChars));
      // A titled list (an SBC's excluded services) stays whole while it fits: its items answer one question together.
      const perChunk = state.sections.length === LIST_LEVEL ? Number.POSITIVE_INFINITY : sentencesPerChunk;
      for (let sentence of units) {
        if (endingRow !== undefined && opening && item.kind === "text" && /^\p{Ll}/u.test(sentence.text.trim())) {
          sentence = { ...sentence, text: `${cutAtWord(endingRow, MAX_CARRIED_LABEL_CHARS)} — … ${sentence.text.trim()}` };
        }
        endingRow = undefined;
        if (held && opening) {
          opening = false;
          const last = held.sentences.at(-1);
          if (last && runsOnto(last.text, sentence.text) && held.length + 1 + sentence.text.length <= maxChars) {
            held.sentences[held.sentences.length - 1] = { ...last, text: `${last.text} ${sentence.text.trim()}` };
            release(page);
            continue;
          }
          release();
        }
        opening = false;
        // So does a list a sentence announces ("…if any of the following situations apply to you:" over "· Usually,
        // when you have moved." "· If you have Medicaid…"): its items are the answer the sentence promises.
        const listed: boolean = listOpen && sentence.startsLine && LIST_ITEM.test(sentence.text);
        if ((current.length >= perChunk && !listed) || (current.length > 0 && length + 1 + sentence.text.length > maxChars)) {
          // A question on a line of its own ("Does this plan provide Minimum Essential Coverage?") opens the chunk
          // with its answer rather than ending the one before it.
          const last = current.at(-1);
          const carry = current.length > 1 && last?.startsLine && QUESTION_LINE.test(last.text) && last.text.length + 1 + sentence.text.length <= maxChars;
          const question = carry ? current.pop() : undefined;
          flush();
          if (question) {
            current.push(question);
            length = question.text.length;
          }
        }
        length += (current.length > 0 ? 1 : 0) + sentence.text.length;
        current.push(sentence);
        listOpen = LIST_LEAD.test(sentence.text) || (listOpen && listed);
      }
    }
    release();
    endingRow = currentKind === "row" ? rowLabel : undefined;
    const last = current.at(-1);
    if (currentKind === "text" && last !== undefined && !TERMINAL.test(last.text)) {
      held = { sentences: current, length, page, context: contextOf(state.sections) };
      current = [];
      length = 0;
    }
    flush();
  }
  release();
  return chunks;
}

/**
 * Whether a page's first sentence goes on with the one the page before ended on: it carries on the line (see
 * `continues`) and opens in lower case or with a figure, or follows a word no sentence ends with. (A title the page
 * ended on, "Option 4: Having your plan premium taken out of your monthly Social Security check", is followed by one:
 * "Changing the way you pay your premium".)
 */
function runsOnto(previous: string, next: string): boolean {
  const opening = next.trim();
  return continues(previous, opening) && (/^[\p{Ll}\d$(]/u.test(opening) || JOINING_END.test(previous));
}

/** A row label that is an item of a list: "·X-rays", "• Kidney disease education services…". */
const BULLETED_LABEL = /^\s*[·•]/;
/** "Covered services include:", "Covered services include, but are not limited to:" closing the text before a chart's rows. */
const COVERED_INCLUDE = /covered\s+services\s+include(?:,?\s+but\s+(?:are|is)\s+not\s+limited\s+to)?:?\s*$/i;
/** A benefit's name is a title of a few words on at most three lines, not a sentence. */
const MAX_BENEFIT_LINES = 3;
const MAX_BENEFIT_CHARS = 120;

/**
 * The benefit named at the end of a text before a chart's rows ("…\n\nVision services\nCovered services include:"
 * → "Vision services"), or undefined: the lines after the text's last blank line or sentence end, joined.
 */
function benefitTitle(text: string): string | undefined {
  const match = COVERED_INCLUDE.exec(text);
  if (!match) return undefined;
  const before = text.slice(0, match.index).replace(/\s+$/, "");
  const lines = (before.split(/\n[^\S\n]*\n/).at(-1) ?? "").split("\n").map((line) => line.trim()).filter((line) => line !== "");
  const title: string[] = [];
  for (const line of lines.reverse()) {
    if (/[.!?:;]$/.test(line) || title.length === MAX_BENEFIT_LINES) break;
    title.unshift(line);
  }
  const name = title.join(" ");
  return name !== "" && name.length <= MAX_BENEFIT_CHARS && /^\p{Lu}/u.test(name) ? name : undefined;
}

/** Whether a passage of text opens with a row's label: the row's description under its own name. */
function describes(text: string, label: string): boolean {
  const plain = (value: string) => value.replace(/^[\s·•\-–]+/, "").toLowerCase();
  const name = plain(label);
  return name.length >= 4 && plain(text).startsWith(name);
}

/** A sentence that is a question, on a line of its own. */
const QUESTION_LINE = /\?\s*$/;
/** A sentence that announces a list: it ends with a colon. */
const LIST_LEAD = /:\s*$/;
/** A list's item on a line of its own: "· If you have Medicaid.", "• Hearing aids", "- Switch to another plan". */
const LIST_ITEM = new RegExp(String.raw`${LIST_MARK.source}\S`, "u");

/**
 * "Title › Chapter › Section", repeated steps dropped, at most MAX_CONTEXT_CHARS. Too long, each step is cut at a word
 * to one length, the longest that fits, so the short steps stay whole: a long running title (a summary's plan name,
 * coverage period and plan type) no longer pushes out the nearest heading, which says most about the passage ("What are
 * some of the assumptions behind the Coverage Examples?", "Step 2: Ask our plan for an appeal").
 */
function contextOf(sections: string[]): string {
  const steps = sections.filter((step, i) => step !== "" && step !== sections[i - 1]);
  const context = steps.join(" › ");
  if (context.length <= MAX_CONTEXT_CHARS) return context;
  const budget = MAX_CONTEXT_CHARS - SEPARATOR.length * (steps.length - 1);
  // The longest length every step can be cut to: the short steps take what they need, the rest share what is left.
  const lengths = steps.map((step) => step.length).sort((a, b) => a - b);
  let left = budget;
  let cap = 0;
  for (const [i, length] of lengths.entries()) {
    const share = Math.floor(left / (lengths.length - i));
    if (length > share) {
      cap = share;
      break;
    }
    left -= length;
  }
  return steps.map((step) => cutAtWord(step, Math.max(cap, MIN_STEP_CHARS))).join(SEPARATOR);
}

const SEPARATOR = " › ";
/** A step is never cut shorter than this, however many there are (a context may then run a little long). */
const MIN_STEP_CHARS = 24;

/** The text cut to at most `max` characters at a word, with "…" when cut (never shorter than half of `max`). */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), Math.floor(max / 2)))}…`;
}

/**
 * Splits text into sentences for insurance documents. Blank lines always end a sentence; a line break does too unless
 * the line looks wrapped mid-sentence, so table rows, headings and list items are sentences of their own. Within a
 * line, ". ! ?" end a sentence when followed by a capital, digit, quote, bracket, "$" or "¿¡" — except after
 * abbreviations ("e.g.", "U.S.", "Dr.", "No. 5"), initials, ellipses and section numbers ("Section 2. Benefits").
 *
 * @example splitSentences("Your deductible is $1,000.00 per year, e.g. for labs. Then you pay 20.5%.") // two sentences
 */
export function splitSentences(text: string): string[] {
  return Array.from(sentenceUnits(text), (s) => s.text);
}

function* sentenceUnits(text: string): Generator<Sentence> {
  for (const paragraph of text.replace(/\r\n?/g, "\n").split(/\n[^\S\n]*\n/)) {
    for (const line of logicalLines(paragraph)) {
      let first = true;
      for (const sentence of splitLine(line)) {
        yield { text: sentence, startsLine: first };
        first = false;
      }
    }
  }
}

function* flatMap<T, U>(items: Iterable<T>, map: (item: T) => U[]): Generator<U> {
  for (const item of items) yield* map(item);
}

function tooManyChunks(maxChunks: number): IngestionError {
  return new IngestionError(
    "too_many_chunks",
    `This document splits into more than ${maxChunks.toLocaleString("en-US")} passages, more than one document may have. ` +
      "Split it into smaller files and upload them separately.",
  );
}

function logicalLines(paragraph: string): string[] {
  const lines: string[] = [];
  let previous: string | undefined;
  for (const raw of paragraph.split("\n")) {
    const line = collapseWhitespace(raw);
    if (line === "") continue;
    if (previous !== undefined && continues(previous, line)) lines[lines.length - 1] += ` ${line}`;
    else lines.push(line);
    previous = line;
  }
  return lines;
}

/**
 * `raw.replace(/\s+/g, " ").trim()`, without its cost on a line of a million short words: the regex replacement keeps
 * a part per match until it is done ("1. " × 800,000 took 70 MB of heap). Lines that need nothing (the usual case) are
 * returned trimmed; the others are copied once into a buffer of char codes.
 */
function collapseWhitespace(raw: string): string {
  if (!/[^\S ]| {2}/.test(raw)) return raw.trim();
  const codes = new Uint16Array(raw.length);
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (isWhitespace(code)) {
      pendingSpace = length > 0;
      continue;
    }
    if (pendingSpace) codes[length++] = 0x20;
    pendingSpace = false;
    codes[length++] = code;
  }
  const parts: string[] = [];
  // In slices, because String.fromCharCode takes its codes as arguments.
  for (let start = 0; start < length; start += 8192) {
    parts.push(String.fromCharCode(...codes.subarray(start, Math.min(length, start + 8192))));
  }
  return parts.join("");
}

/** What `\s` matches in a JavaScript regular expression. */
function isWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// A line at least this long that stops without punctuation was wrapped by the layout, not ended by the author.
const WRAPPED_LINE_CHARS = 50;
const ITEM_MARKER = /^(?:[-*+•◦▪‣·–]|\(?(?:\d{1,3}|[a-zA-Z]|[ivxlc]{1,5})[.)])\s/;
const TABLE_ROW = / \| |\t|^\|.*\|$/;
const HEADING = /^#{1,6}\s|^(?:[-*_=] ?){3,}$/;
const TERMINAL = /[.!?:;…]["'”’)\]]*$/;
const JOINING_END = /(?:[,(/&–-]|\b(?:a|an|and|any|are|as|at|be|by|for|from|in|is|of|on|or|than|that|the|their|to|with|your))$/i;

/** Whether the line `next` carries on the sentence of the line `previous` rather than starting a unit of its own. */
function continues(previous: string, next: string): boolean {
  if (TABLE_ROW.test(previous) || TABLE_ROW.test(next) || HEADING.test(previous) || HEADING.test(next)) return false;
  if (ITEM_MARKER.test(next)) return false;
  if (/^\p{Ll}/u.test(next)) return true;
  if (TERMINAL.test(previous)) return false;
  return JOINING_END.test(previous) || previous.length >= WRAPPED_LINE_CHARS;
}

// Lower-cased, without their final dot; dotted forms ("e.g.", "i.e.", "U.S.", "a.m.") are caught by their shape.
// "no" only counts before a number ("No. 5"), see isAbbreviation.
const ABBREVIATIONS = new Set([
  "etc", "vs", "cf", "al", "approx", "min", "max", "avg", "est", "incl", "excl", "misc", "dept", "div",
  "dr", "mr", "mrs", "ms", "prof", "jr", "sr", "st", "inc", "ltd", "co", "corp", "llc", "assn", "bros",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
  "fig", "p", "pp", "vol", "ch", "sec", "art", "ref", "ext", "tel", "ave", "blvd", "rd", "ste", "apt", "dist",
  "sra", "dra", "srta", "ud", "uds", "pág", "págs", "núm", "aprox", "av", "dpto",
]);
// A number after one of these words names a part of the document ("Section 2. Benefits"), not the end of a sentence.
const NUMBERED_LABELS = /^(?:section|sec|§|article|art|chapter|ch|appendix|schedule|exhibit|clause)$/i;

/**
 * A run of sentence punctuation, closing quotes or brackets, then space before what can start a sentence. Matches
 * only where a run starts (the lookbehind): tried inside a run of 60,000 dots, `[.!?…]+` would take each shorter
 * suffix of the run in turn and the line would cost its length squared (6.1 s for "a" and 60,000 dots).
 */
const BOUNDARY = /(?<![.!?…])([.!?…]+)(["'”’)\]]*)\s+(?=[\p{Lu}\p{N}"'“‘([¿¡$])/gu;

function* splitLine(line: string): Generator<string> {
  let start = 0;
  for (const match of line.matchAll(BOUNDARY)) {
    const punctuation = match[1] ?? "";
    const end = match.index + punctuation.length + (match[2] ?? "").length;
    const next = (match[2] ?? "").charAt(0) || line.charAt(match.index + match[0].length);
    if (isBoundary(line, start, match.index, punctuation, next)) {
      const sentence = line.slice(start, end).trim();
      if (sentence !== "") yield sentence;
      start = match.index + match[0].length;
    }
  }
  const last = line.slice(start).trim();
  if (last !== "") yield last;
}

/**
 * Whether the punctuation at `at` ends the sentence begun at `start`; `next` is the first character after it that is
 * not a space.
 * Looks back two words at most, never at the whole sentence so far: "A. A. A. …" or "Section 2. B Section 2. B …"
 * are one sentence, and reading it from its start at every dot would cost its length squared.
 */
function isBoundary(line: string, start: number, at: number, punctuation: string, next: string): boolean {
  // An ellipsis trails off mid-thought ("deductible… Then") more often than it ends a sentence.
  if (/\.{2,}|…/.test(punctuation) && !/[!?]/.test(punctuation)) return false;
  if (punctuation !== ".") return true;
  const space = line.lastIndexOf(" ", at - 1);
  const onlyWord = space < start;
  const token = line.slice(onlyWord ? start : space + 1, at).replace(/^["'“‘(\[]+/, "");
  if (isAbbreviation(token, next)) return false;
  if (/^\d+$/.test(token)) {
    // "1. Covered services" is a list marker; "Section 2. Benefits" names a section.
    if (onlyWord) return false;
    const previousSpace = line.lastIndexOf(" ", space - 1);
    if (NUMBERED_LABELS.test(line.slice(Math.max(start, previousSpace + 1), space))) return false;
  }
  return true;
}

function isAbbreviation(token: string, next: string): boolean {
  const lower = token.toLowerCase();
  if (lower === "no") return /[\d#]/.test(next);
  if (ABBREVIATIONS.has(lower)) return true;
  // Initials and dotted abbreviations: "J. Smith", "U.S.", "e.g.".
  return /^\p{Lu}$/u.test(token) || /^(?:\p{L}\.)+\p{L}$/u.test(token);
}

/** Cuts a sentence longer than `maxChars` at the last space that fits, or mid-word when a single word is longer. */
function cutLong(sentence: Sentence, maxChars: number): Sentence[] {
  const pieces: Sentence[] = [];
  let rest = sentence.text;
  let startsLine = sentence.startsLine;
  while (rest.length > maxChars) {
    let cut = rest.lastIndexOf(" ", maxChars);
    if (cut <= 0) cut = /[\uD800-\uDBFF]/.test(rest.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    pieces.push({ text: rest.slice(0, cut).trim(), startsLine });
    rest = rest.slice(cut).trim();
    startsLine = false;
  }
  if (rest !== "") pieces.push({ text: rest, startsLine });
  return pieces;
}
