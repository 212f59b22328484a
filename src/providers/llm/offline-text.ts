/**
 * The offline answerer's text helpers now live in src/text/, shared with retrieval and the offline embedder. This
 * module re-exports them so code written against the old path (branches in flight) keeps compiling; new code imports
 * from src/text/ directly.
 */
export { contentTokens, hasAmount, isCostQuestion, looksLikeFollowUp } from "../../text/content-tokens";
export { detectLanguage, type Language } from "../../text/language";
export { normalize } from "../../text/normalize";
export { splitSentences } from "../../text/sentences";
