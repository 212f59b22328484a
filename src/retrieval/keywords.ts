/**
 * Turns a question into an OR-query for Postgres full-text search over the 'simple' configuration (which keeps every
 * token). Stop words of English and Spanish are dropped so "What is the overall deductible?" searches for
 * overall | deductible; each term is a prefix match, so "referral" also finds "referrals".
 */
const STOP_WORDS = new Set(
  (
    "a an and are as at be but by can could do does did for from had has have how i if in into is it its me my of on or " +
    "our so than that the their them then there these they this to was we were what when where which who why will with " +
    "would you your yours am been being about any all also should shall may might must not no yes up out just more most " +
    "el la los las un una unos unas y o de del al a en con por para que qué es son mi mis su sus se lo le les como cómo " +
    "cuál cual cuáles cuánto cuanto cuánta cuanta cuántos dónde donde cuándo cuando tengo tiene tienen hay ser está están " +
    "me te nos yo tu tú usted sí si no necesito puedo"
  ).split(/\s+/),
);

/** Terms shorter than this carry little signal for a prefix match ("a:*" matches everything). */
const MIN_TERM_LENGTH = 2;
/** A question rarely needs more; the cap bounds the query's cost on the GIN index. */
const MAX_TERMS = 16;

export function keywordTerms(question: string): string[] {
  const tokens = question.toLowerCase().normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  const terms: string[] = [];
  for (const token of tokens) {
    if (STOP_WORDS.has(token) || token.length < MIN_TERM_LENGTH) continue;
    // Plural "s" off, so the prefix match covers singular and plural.
    const stem = token.length > 4 && token.endsWith("s") && !token.endsWith("ss") ? token.slice(0, -1) : token;
    if (!terms.includes(stem)) terms.push(stem);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** A `to_tsquery('simple', …)` string, or null when the question has no searchable term. Only letters and digits pass. */
export function toTsQuery(question: string): string | null {
  const terms = keywordTerms(question);
  return terms.length ? terms.map((t) => `${t}:*`).join(" | ") : null;
}
