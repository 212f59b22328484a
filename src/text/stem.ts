/**
 * A light stemmer for English and Spanish that only strips endings, so the stem is a PREFIX of the forms it stands for
 * and a full-text prefix query (`stem:*`) finds them all:
 * - plurals: "services" → "servic", "hospitales" → "hospital", "policies" → "polic", "boxes" → "box";
 * - "-ing" and "-ed" when four letters remain: "covered" → "cover", "nursing" → "nurs", but "caring" stays;
 * - a final "-e" and a final "-y" after a consonant on longer words, so "service"/"services" and
 *   "pharmacy"/"pharmacies" meet ("copay" keeps its "y").
 * No dictionary: "chiropractor" and "chiropractic" stay apart (the vocabulary joins them), and a Spanish verb's
 * forms are not conjugated together. Takes a word from `normalize` (lowercase, no accents) or, for a document's
 * accented spelling, from `lowercase`.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && /(?:ss|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith("ed") && !w.endsWith("eed")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  else if (w.length > 4 && /[^aeiou]y$/.test(w)) w = w.slice(0, -1);
  return w;
}
