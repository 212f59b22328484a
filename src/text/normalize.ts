/**
 * Lowercase, accents dropped (NFKD, then combining marks removed), typographic apostrophes made plain: "Médico",
 * "médico" and "medico" become one word, and so do "PCP’s" and "pcp's". NFKD also splits PDF ligatures ("ﬁ" → "fi").
 * Linear in the length of the text.
 */
export function normalize(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'");
}

/**
 * Lowercase with accents kept (NFC): the form a PostgreSQL 'simple' full-text index stores, so a query can name the
 * document's own spelling ("médico") next to the folded one.
 */
export function lowercase(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'");
}

/**
 * A member's contractions typed without their apostrophe ("isnt in network", "doesnt cover", "Ive already paid")
 * written with it, so the rules that read "isn't", "doesn't" and "I've" read them too. Only forms that are no other
 * English word are written again: "cant", "wont", "id" and "ill" are left as they are.
 */
export function withApostrophes(text: string): string {
  return text.replace(CONTRACTION_NO_APOSTROPHE, (word: string) => {
    const ending = /(?:ve|re)$/i.test(word) ? 2 : 1;
    return `${word.slice(0, -ending)}'${word.slice(-ending)}`;
  });
}
const CONTRACTION_NO_APOSTROPHE = /\b(?:(?:is|are|was|were|do|does|did|has|have|had|should|would|could|must|need)nt|I(?:ve|m)|(?:you|they)(?:re|ve)|weve|(?:that|there|what)s)\b/gi;
