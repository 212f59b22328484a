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
