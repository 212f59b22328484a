import type { DocumentKind } from "./types";

// The PDF specification (ISO 32000, annex H) lets readers find the header anywhere in the first 1024 bytes.
const PDF_HEADER_WINDOW = 1024;
// The end-of-file marker sits in the last kilobyte of a well-formed PDF, after the startxref offset.
const PDF_TRAILER_WINDOW = 1024;
// Text may carry a stray form feed or escape; more than 1% control characters means a binary format.
const MAX_CONTROL_RATIO = 0.01;
// Sniffing structure needs only the start of a document; this bounds regex work on a 25 MB upload.
const SNIFF_CHARS = 64 * 1024;
// Whether a file is text at all is judged on its first megabyte, which decodes to a string of at most 2 MB.
const SNIFF_BYTES = 1024 * 1024;
// An HTML fragment without <html> still reads as HTML when tags make up this share of its visible characters...
const MIN_MARKUP_RATIO = 0.1;
// ...and there are at least this many of them: Markdown often carries a stray <br> or two.
const MIN_HTML_TAGS = 3;
// Markdown needs this many points: a strong construct (heading, table, fence, link) scores 2, a weak one (list, emphasis, quote) 1.
const MIN_MARKDOWN_SCORE = 2;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/**
 * Decides what an upload is from its bytes alone; the file name and the client's content type are never trusted.
 * Returns null for anything that is neither a PDF nor readable text (images, office files, random bytes, empty input).
 *
 * @example detectKind(new TextEncoder().encode("# Plan\n\nSee [benefits](b.md)")) // "markdown"
 */
export function detectKind(bytes: Uint8Array): DocumentKind | null {
  if (bytes.length === 0) return null;
  if (isPdf(bytes)) return "pdf";
  // Only the start is decoded: a 25 MB upload would otherwise become a 25–50 MB string just to be sniffed. The
  // parser decodes and checks the whole file, and fails it as unsupported_type if the rest is not text.
  const truncated = bytes.length > SNIFF_BYTES;
  const text = decodeText(truncated ? bytes.subarray(0, SNIFF_BYTES) : bytes, { truncated });
  if (text === null || text.trim() === "") return null;
  const head = text.slice(0, SNIFF_CHARS);
  if (looksLikeHtml(head)) return "html";
  if (looksLikeMarkdown(head)) return "markdown";
  return "text";
}

/**
 * Decodes bytes as text only if they are text: strict UTF-8 (or UTF-16 with a byte order mark), no NUL bytes and
 * almost no control characters. The byte order mark is dropped. Returns null otherwise. With `truncated`, the bytes
 * are the start of a longer file, and a character cut off at their end is allowed.
 */
export function decodeText(bytes: Uint8Array, options: { truncated?: boolean } = {}): string | null {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  let text: string;
  try {
    // `stream` for a truncated start: a character cut in half at the end is not an error.
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes, { stream: options.truncated === true });
  } catch {
    return null;
  }
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return null;
    const isControl = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || (code >= 0x7f && code <= 0x9f);
    if (isControl) controls++;
  }
  return controls > text.length * MAX_CONTROL_RATIO ? null : text;
}

function isPdf(bytes: Uint8Array): boolean {
  const offset = indexOf(bytes, PDF_MAGIC, PDF_HEADER_WINDOW);
  if (offset === 0) return true;
  if (offset < 0) return false;
  // A header after leading junk is accepted only when the file also ends like a PDF, so a text file that merely
  // mentions "%PDF-" near its start is still text.
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - PDF_TRAILER_WINDOW)));
  return tail.includes("%%EOF") || tail.includes("startxref");
}

function indexOf(bytes: Uint8Array, needle: number[], window: number): number {
  const last = Math.min(bytes.length, window) - needle.length;
  for (let i = 0; i <= last; i++) {
    if (needle.every((byte, j) => bytes[i + j] === byte)) return i;
  }
  return -1;
}

// Every pattern below runs in linear time on any input (tested on 1 MB pathological ones): no quantified run may
// contain the character that ends it or starts the next attempt, so a failed attempt never rescans what a later one
// scans again, and nothing is nested under `*`.
const HTML_OPENING = /^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const HTML_STRUCTURE = /<(?:html|head|body)[\s>]/i;
const HTML_TAG =
  /<\/?(?:p|div|span|br|hr|table|thead|tbody|tr|td|th|ul|ol|li|dl|dt|dd|h[1-6]|a|strong|em|b|i|u|section|article|header|footer|nav|main|img|meta|link|title|script|style|form|input|label|blockquote|pre|code)\b[^<>]*>/gi;

function looksLikeHtml(head: string): boolean {
  if (HTML_OPENING.test(head.slice(afterLeadingComments(head))) || HTML_STRUCTURE.test(head)) return true;
  const tags = head.match(HTML_TAG) ?? [];
  if (tags.length < MIN_HTML_TAGS) return false;
  const markup = tags.reduce((sum, tag) => sum + tag.length, 0);
  const visible = head.replace(/\s+/g, "").length;
  return markup >= visible * MIN_MARKUP_RATIO;
}

const STRONG_MARKDOWN = [
  /^#{1,6}[ \t]+\S/m, // ATX heading
  /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/m, // table delimiter row
  /^(?:```|~~~)/m, // fenced code block
  /\[[^[\]\n]+\]\([^()\s]+(?:[ \t]+"[^"\n]*")?\)/, // inline link or image
  /^[^\n]+\n(?:={3,}|-{3,})[ \t]*$/m, // setext heading
];
const WEAK_MARKDOWN = [
  /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S/m, // list item
  /(?:\*\*|__)[^\s*_][^*_\n]*[^\s*_](?:\*\*|__)/, // strong emphasis
  /^>[ \t]?\S/m, // block quote
  /`[^`\n]+`/, // inline code
];

function looksLikeMarkdown(head: string): boolean {
  const strong = STRONG_MARKDOWN.filter((pattern) => pattern.test(head)).length;
  const weak = WEAK_MARKDOWN.filter((pattern) => pattern.test(head)).length;
  return strong * 2 + weak >= MIN_MARKDOWN_SCORE;
}

/** Where the text starts once leading whitespace and complete HTML comments are skipped; one pass, no backtracking. */
function afterLeadingComments(text: string): number {
  let at = skipWhitespace(text, 0);
  while (text.startsWith("<!--", at)) {
    const end = text.indexOf("-->", at + 4);
    if (end < 0) break;
    at = skipWhitespace(text, end + 3);
  }
  return at;
}

function skipWhitespace(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text.charAt(at))) at++;
  return at;
}
