import { lowercase, normalize } from "./normalize.ts";

/**
 * A number (digits with "," or "." groups, maybe "%"), or a word (a letter, then letters, marks and digits, with
 * apostrophes inside). No nested quantifiers over the same characters, so matching is linear in the text's length.
 */
const TOKEN = /\d+(?:[.,]\d+)*%?|\p{L}[\p{L}\p{M}\p{N}]*(?:'[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Words and numbers in order, after `normalize`:
 * - apostrophes inside a word are dropped with a possessive "'s" ("provider's" → "provider", "o'clock" →
 *   "oclock"); negative contractions become "not" ("isn't", "doesn't", "can't"), so "isn't covered" and
 *   "not covered" read the same; a pronoun's contraction is the pronoun ("I'd" → "i", not "id");
 * - a word's trailing footnote digits are dropped ("Specialists2" → "specialists2" → "specialists");
 * - a number loses its thousands separators and keeps its "%" ("$1,000" → "1000", "20%" → "20%"), so "$500" meets
 *   "500" and "20%" stays apart from "$20".
 */
export function tokenize(text: string): string[] {
  return (normalize(text).match(TOKEN) ?? []).map(foldToken);
}

export interface SurfaceToken {
  /** As `tokenize` gives it: lowercase, no accents. */
  word: string;
  /** Lowercase with its accents: how a PostgreSQL 'simple' text index stores the word ("médico"). */
  surface: string;
}

/** The tokens of `tokenize`, each with its accented spelling. */
export function tokenizeWithSurface(text: string): SurfaceToken[] {
  const tokens: SurfaceToken[] = [];
  for (const match of lowercase(text).match(TOKEN) ?? []) {
    const word = foldToken(normalize(match));
    tokens.push({ word, surface: /^\d/.test(match) || word === "not" ? word : foldToken(match) });
  }
  return tokens;
}

/** Three or more letters, then one or two digits: "specialists2". "b12", "h1n1", "tier1a" are left alone. */
const FOOTNOTE = /^(\p{L}{3,})\d{1,2}$/u;

function foldToken(token: string): string {
  // "1,000" and "1,000,000" lose the separators; "48.30" keeps its decimal point.
  if (/^\d/.test(token)) return token.replace(/,(?=\d{3}(?:\D|$))/g, "");
  // Most words have no apostrophe and do not end in a digit: every rule below leaves them as they are. Tested first
  // because the offline answerer folds every word of every passage it reads (BENCHMARKS.md, "Issue 10, session 11").
  if (!token.includes("'")) return isDigit(token.charCodeAt(token.length - 1)) ? token.replace(FOOTNOTE, "$1") : token;
  if (token.endsWith("n't")) return "not";
  // "I'd", "I'll", "you'd": the pronoun, a stop word ("I'd" is not an "ID").
  if (/^(?:i|you|we|they|he|she|it)'(?:d|ll|ve|m|re)$/.test(token)) return token.slice(0, token.indexOf("'"));
  // A footnote mark set as a digit after a word ("Specialists2", "surgery2" in a Medicare summary) is not part of it.
  return token.replace(/'s$/, "").replace(/'/g, "").replace(FOOTNOTE, "$1");
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
