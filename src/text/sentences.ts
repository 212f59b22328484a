/**
 * A flattened table row or a paragraph without punctuation can run for a page; past 400 characters a quote is cut at
 * a word boundary and marked with an ellipsis.
 */
const MAX_SENTENCE_CHARS = 400;

/**
 * A line break, or ., ! or ? and a space before a capital, digit, currency sign or opening mark, or before a list item's
 * mark and its capital ("…the member's home. - Telehealth services…", "…first telehealth visit. ·You have…") — not
 * after an abbreviation's full stop ("P.O. Box 10348", "U.S. Department", "Dr. Smith", "St. Louis").
 */
const SENTENCE_BREAK = /\n+|(?<=[.!?])(?<!\b\p{Lu}\.\p{Lu}\.)(?<!\b(?:Dr|St|No|Mr|Mrs|Ms|Jr|Sr|Inc|Corp|Co|vs|etc|Ste|Ave|Blvd)\.)\s+(?=[A-ZÁÉÍÓÚÑ¿¡$€£"“(\d]|[-–•·▪]\s*[A-ZÁÉÍÓÚÑ¿¡])/u;

/** A list item's mark at a line's start: a bullet ("•", "·", "▪"…) or a dash, as sub-items are marked ("- Switch…"). */
export const LIST_MARK = /^\s*[•·▪◦‣●○■□\-–]\s*/u;

/** A piece ending in a clock time ("5 p.m."), and one going on with its time zone or days ("MT, Monday - Friday"). */
const CLOCK_END = /\b\d{1,2}(?::\d{2})?\s*[ap]\.\s?m\.$/i;
const CLOCK_NEXT = /^(?:[ECMP][SD]?T|HST|AK[SD]?T|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun|M-F)\b/;

/**
 * Sentences of a passage, whitespace collapsed. Splits on line breaks and on ., ! or ? before a capital, digit,
 * currency sign or opening mark. A question is kept with the sentence after it, because plan summaries (SBCs) are
 * laid out as "What is the overall deductible? $500 individual", and the answer carries no keyword of its own.
 */
export function splitSentences(text: string): string[] {
  const pieces = text
    .split(SENTENCE_BREAK)
    .map((piece) => piece.replace(/\s+/g, " ").trim())
    .filter((piece) => /[\p{L}\d]/u.test(piece))
    .reduce<string[]>((joined, piece) => {
      // "8 a.m. - 5 p.m. MT, Monday - Friday": a clock time's full stop before its time zone or day ends no sentence.
      const last = joined.at(-1);
      if (last !== undefined && CLOCK_END.test(last) && CLOCK_NEXT.test(piece)) joined[joined.length - 1] = `${last} ${piece}`;
      else joined.push(piece);
      return joined;
    }, []);
  const sentences: string[] = [];
  for (let i = 0; i < pieces.length; i += 1) {
    const piece = pieces[i] ?? "";
    const next = pieces[i + 1];
    if (piece.endsWith("?") && next !== undefined && !next.endsWith("?")) {
      sentences.push(`${piece} ${next}`);
      i += 1;
    } else {
      sentences.push(piece);
    }
  }
  return sentences.flatMap(atBullets).map(clip);
}

/**
 * A cell of bullets or labelled items without full stops ("…services with a 30% coinsurance: • Fillings • Crowns … Our
 * plan pays up to $2,000 every year…", "Labs: $15 copay Advanced Radiology services: At an Office: $60 … X-rays: $30
 * copay") reads as one sentence; past the limit it is cut before its bullets and item labels instead, into runs of
 * whole items, so what sits at its end is not lost to the ellipsis.
 */
function atBullets(sentence: string): string[] {
  if (sentence.length <= MAX_SENTENCE_CHARS) return [sentence];
  const split = sentence.split(ITEM_START);
  // A label that names the items after it ("Out-of-Network:" before "Medicare-covered diagnostic hearing exam: $25
  // copay") starts the run of its first item, not the end of the run before.
  const items: string[] = [];
  for (let i = 0; i < split.length; i++) {
    const item = split[i] ?? "";
    if (/^[^:]+:$/.test(item.trim()) && i + 1 < split.length) split[i + 1] = `${item} ${split[i + 1] ?? ""}`;
    else items.push(item);
  }
  if (items.length < 2) return [sentence];
  const runs: string[] = [];
  let run = "";
  for (const item of items) {
    if (run !== "" && run.length + item.length + 1 > MAX_SENTENCE_CHARS) {
      runs.push(run);
      run = item;
    } else {
      run = run === "" ? item : `${run} ${item}`;
    }
  }
  if (run !== "") runs.push(run);
  return runs;
}

/** Where an item starts inside a run-on cell: a bullet, or a capitalised label of up to six words and a colon. */
const ITEM_START = / (?=• )| (?=\p{Lu}[\p{L}/()-]*(?: [\p{L}/()&-]+){0,5}: )/u;

function clip(sentence: string): string {
  if (sentence.length <= MAX_SENTENCE_CHARS) return sentence;
  const cut = sentence.slice(0, MAX_SENTENCE_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_SENTENCE_CHARS / 2))}…`;
}
