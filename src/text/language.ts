import { tokenize } from "./tokenize.ts";

export type Language = "en" | "es";

const SPANISH_HINTS = new Set(["el", "la", "los", "las", "mi", "mis", "es", "que", "cuanto", "cuanta", "como", "cual", "de", "del", "para", "por", "con", "una", "y", "esta", "son", "cubre", "tengo", "puedo", "se", "hay", "su", "sus", "necesito"]);
const ENGLISH_HINTS = new Set(["the", "is", "are", "my", "what", "how", "does", "do", "of", "for", "and", "a", "an", "in", "to", "it", "i", "can", "which", "who"]);

/**
 * English or Spanish, from the question alone: Spanish when it has ¿, ¡, ñ or an accented vowel, or more Spanish
 * than English function words ("de la" in a name does not outvote "is ... in").
 */
export function detectLanguage(text: string): Language {
  if (/[¿¡ñáéíóúü]/i.test(text)) return "es";
  let spanish = 0;
  let english = 0;
  for (const word of tokenize(text)) {
    if (SPANISH_HINTS.has(word)) spanish += 1;
    if (ENGLISH_HINTS.has(word)) english += 1;
  }
  return spanish > english ? "es" : "en";
}
