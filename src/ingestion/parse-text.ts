import { decodeText } from "./detect";
import { IngestionError } from "./errors";
import type { DocumentKind, ParsedDocument } from "./types";

export type TextKind = Exclude<DocumentKind, "pdf">;

/**
 * What a text, Markdown or HTML upload may cost, sized like the PDF budget (src/ingestion/parse-pdf.ts): as much text
 * as a 1,000-page booklet, and markup around it.
 */
export interface TextBudget {
  /** Bytes of the file itself; HTML may be mostly markup, so this is larger than the text allowed. */
  maxInputBytes: number;
  /** Characters of text after conversion. */
  maxTextChars: number;
}

export const TEXT_BUDGET: TextBudget = { maxInputBytes: 8 * 1024 * 1024, maxTextChars: 3_000_000 };

export function tooMuchText(budget: TextBudget): IngestionError {
  return new IngestionError(
    "too_much_text",
    `This file has more text than one document may (${(budget.maxInputBytes / (1024 * 1024)).toFixed(0)} MB, or ` +
      `${budget.maxTextChars.toLocaleString("en-US")} characters once its markup is removed). Split it into smaller files and upload them separately.`,
  );
}

/**
 * Turns a text, Markdown or HTML upload into one page of readable text (these formats have no pages, so citations say
 * page 1). HTML loses its markup but keeps its structure as lines; Markdown keeps its text, including heading lines.
 * Throws `IngestionError` `unsupported_type` when the bytes are not text, `no_extractable_text` when nothing is left.
 *
 * @example parseText(new TextEncoder().encode("<p>Deductible: $500</p>"), "html") // { pages: [{ page: 1, text: "Deductible: $500" }], pageCount: 1 }
 */
export function parseText(bytes: Uint8Array, kind: TextKind, budget: TextBudget = TEXT_BUDGET): ParsedDocument {
  // Refused before decoding: the conversions below copy the text a few times, and a 25 MB file is 50 MB as a string.
  if (bytes.length > budget.maxInputBytes) throw tooMuchText(budget);
  const decoded = decodeText(bytes);
  if (decoded === null) {
    throw new IngestionError("unsupported_type", "The file is not readable text: it is not valid UTF-8 (or UTF-16 with a byte order mark).");
  }
  const text = kind === "html" ? htmlToText(decoded) : kind === "markdown" ? markdownToText(decoded) : plainText(decoded);
  if (text.length > budget.maxTextChars) throw tooMuchText(budget);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    const what = kind === "html" ? "once scripts, styles and markup are removed" : "";
    throw new IngestionError(
      "no_extractable_text",
      `The file has no readable text ${what}`.trim() + ". Check that you uploaded the document itself rather than an empty page or template.",
    );
  }
  return { pages: [{ page: 1, text }], pageCount: 1 };
}

/** Tidies plain text: one kind of line ending, form feeds as paragraph breaks, no control characters or trailing spaces. */
export function plainText(text: string): string {
  return tidy(text.replace(/\r\n?/g, "\n").replace(/\f/g, "\n\n"));
}

// Every pattern in this file runs in linear time on any input (tested on 1 MB pathological ones): a quantified run
// never contains the character that starts the next attempt ("<" for tags, "[" and "(" for links), and an unclosed
// comment, script or <pre> runs to the end of the text (as in a browser) instead of being looked for again from
// every later "<".

/** Keeps Markdown as written apart from noise: images become their alt text, comments and link definitions go. */
export function markdownToText(markdown: string): string {
  return plainText(markdown)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/!\[([^[\]\n]*)\]\([^()\n]*\)/g, (_, alt: string) => alt.trim())
    .replace(/^ {0,3}\[[^\]\n]+\]:[ \t]+\S.*$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

// Private-use characters mark structure while whitespace is collapsed; HTML text never legitimately contains them.
const NEWLINE = "\uE000";
const PARAGRAPH = "\uE001";
const CELL = "\uE002";
const BREAK = "\uE003";

const BLOCK_TAGS =
  "address|article|aside|blockquote|caption|dd|div|dl|dt|fieldset|figcaption|figure|footer|form|header|hr|main|nav|ol|section|table|tbody|tfoot|thead|tr|ul";

/** Renders HTML as text a reader would see: no head, scripts or styles; blocks and <br> as lines; cells joined by " | ". */
export function htmlToText(html: string): string {
  let text = withoutUnclosedTag(html)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/<(script|style|head|noscript|template|svg|iframe|object)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, "")
    .replace(/<pre\b[^<>]*>([\s\S]*?)(?:<\/pre\s*>|$)/gi, (_, body: string) => PARAGRAPH + body.replace(/\r?\n/g, NEWLINE) + PARAGRAPH)
    .replace(/\s+/g, " ")
    .replace(/<br\s*\/?>/gi, BREAK)
    .replace(/<\/t[dh]\s*>/gi, CELL)
    .replace(/<li\b[^<>]*>/gi, `${NEWLINE}- `)
    .replace(/<\/?(?:p|h[1-6])\b[^<>]*>/gi, PARAGRAPH)
    .replace(new RegExp(`</?(?:${BLOCK_TAGS}|li)\\b[^<>]*>`, "gi"), NEWLINE)
    .replace(/<\/?[a-z][^<>]*>|<![^<>]*>|<\?[^<>]*>/gi, "");
  text = decodeEntities(text).replace(/\u00a0/g, " ");
  // Adjacent block boundaries ("</li><li>", "</tr><tr>") make one line break; a paragraph or "<br><br>" makes a blank line.
  text = text.replace(/[\uE000\uE001\uE003][\uE000\uE001\uE003 ]*/g, (run) => {
    const breaks = run.split(BREAK).length - 1;
    return run.includes(PARAGRAPH) || breaks > 1 ? "\n\n" : "\n";
  });
  const lines = text.split("\n").map((line) =>
    line
      .split(CELL)
      .map((cell) => cell.replace(/\s+/g, " ").trim())
      .filter((cell) => cell !== "")
      .join(" | "),
  );
  return tidy(lines.join("\n"));
}

/**
 * The text without a tag that is never closed: as in a browser, "<script <script …" with no ">" after it is one tag
 * running to the end, which shows nothing. Found in one pass from the last ">", not by a pattern tried at every "<".
 */
function withoutUnclosedTag(html: string): string {
  const lastClose = html.lastIndexOf(">");
  const open = html.slice(lastClose + 1).search(/<[a-zA-Z!/?]/);
  return open < 0 ? html : html.slice(0, lastClose + 1 + open);
}

// The named references that occur in ordinary documents; anything rarer is left as written.
const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad",
  copy: "©", reg: "®", trade: "™", sect: "§", para: "¶", deg: "°", plusmn: "±", times: "×", divide: "÷", micro: "µ",
  cent: "¢", pound: "£", euro: "€", yen: "¥", frac12: "½", frac14: "¼", frac34: "¾", sup2: "²", sup3: "³",
  ndash: "–", mdash: "—", hellip: "…", bull: "•", middot: "·", prime: "′", dagger: "†", Dagger: "‡", permil: "‰",
  lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„", laquo: "«", raquo: "»", lsaquo: "‹", rsaquo: "›",
  iexcl: "¡", iquest: "¿", ordf: "ª", ordm: "º", ensp: " ", emsp: " ", thinsp: " ", zwnj: "\u200c", zwj: "\u200d",
  aacute: "á", eacute: "é", iacute: "í", oacute: "ó", uacute: "ú", ntilde: "ñ", uuml: "ü", ccedil: "ç",
  Aacute: "Á", Eacute: "É", Iacute: "Í", Oacute: "Ó", Uacute: "Ú", Ntilde: "Ñ", Uuml: "Ü", Ccedil: "Ç",
  agrave: "à", egrave: "è", ograve: "ò", acirc: "â", ecirc: "ê", ocirc: "ô", auml: "ä", ouml: "ö", szlig: "ß",
};

// HTML maps numeric references 128–159 through Windows-1252, as browsers do ("&#150;" is an en dash).
const WINDOWS_1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** Decodes named (common ones) and numeric character references; invalid code points become U+FFFD as in browsers. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g, (match, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? match;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? "", 16);
    if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252.charAt(code - 0x80);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : "\ufffd";
  });
}

function tidy(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\u00ad\u200b\ufeff]/g, "")
    .split("\n")
    // trimEnd, not /\s+$/: that regex rescans a long run of spaces from each of its positions.
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
