import { describe, expect, it } from "vitest";
import { contentTokens, forgetContentTokens } from "../../src/text/content-tokens";
import { normalize, withApostrophes } from "../../src/text/normalize";
import { stem } from "../../src/text/stem";
import { STOP_WORDS } from "../../src/text/stop-words";
import { tokenize, tokenizeWithSurface } from "../../src/text/tokenize";

const MEGABYTE = 1024 * 1024;

describe("normalize and tokenize", () => {
  it("folds case, accents and typographic apostrophes so 'Médico’s' and \"medico's\" are one word", () => {
    expect(normalize("Médico’s")).toBe("medico's");
    expect(tokenize("MÉDICO’s")).toEqual(tokenize("medico's"));
    expect(tokenize("médico's")).toEqual(["medico"]);
  });

  it("splits ligatures from PDFs into plain letters", () => {
    expect(tokenize("ﬁle a claim")).toEqual(["file", "a", "claim"]);
  });

  it("turns negative contractions into 'not', so \"isn't covered\" reads as 'not covered'", () => {
    expect(tokenize("What isn't covered? It doesn’t cover that.")).toEqual(["what", "not", "covered", "it", "not", "cover", "that"]);
  });

  it("drops a footnote digit set after a word, and leaves words that end in digits of their own", () => {
    expect(tokenize("Specialists2 — In-network: $40 copay; surgery2")).toEqual(["specialists", "in", "network", "40", "copay", "surgery"]);
    expect(tokenize("vitamin B12, H1N1")).toEqual(["vitamin", "b12", "h1n1"]);
  });

  it("keeps an amount's value without thousands separators and a percentage's sign", () => {
    expect(tokenize("$1,000 deductible, 20% coinsurance, $48.30 premium, 1,000,000")).toEqual([
      "1000", "deductible", "20%", "coinsurance", "48.30", "premium", "1000000",
    ]);
  });

  it("keeps the accented spelling of each word next to its folded form", () => {
    expect(tokenizeWithSurface("¿Cuánto cuesta el Médico?")).toEqual([
      { word: "cuanto", surface: "cuánto" },
      { word: "cuesta", surface: "cuesta" },
      { word: "el", surface: "el" },
      { word: "medico", surface: "médico" },
    ]);
  });

  // Quadratic work on a megabyte would take hours; linear work takes well under a second per input.
  it("stays linear on a megabyte of brackets, dots or apostrophes", () => {
    for (const junk of ["[".repeat(MEGABYTE), ".".repeat(MEGABYTE), "a'".repeat(MEGABYTE / 2), "1,".repeat(MEGABYTE / 2)]) {
      const started = performance.now();
      tokenize(junk);
      tokenizeWithSurface(junk);
      expect(performance.now() - started).toBeLessThan(5000);
    }
  });
});

describe("stem", () => {
  it("gives singular and plural one stem in English and Spanish", () => {
    const pairs = [
      ["service", "services"], ["policy", "policies"], ["pharmacy", "pharmacies"], ["referral", "referrals"],
      ["deducible", "deducibles"], ["hospital", "hospitales"], ["medicamento", "medicamentos"], ["box", "boxes"],
      ["glass", "glasses"], ["visit", "visits"],
    ];
    for (const [singular = "", plural = ""] of pairs) expect(stem(plural)).toBe(stem(singular));
  });

  it("folds '-ed' and '-ing' only when four letters remain, so 'caring' does not become 'car'", () => {
    expect(stem("covered")).toBe("cover");
    expect(stem("nursing")).toBe(stem("nurse"));
    expect(stem("caring")).toBe("caring");
    expect(stem("needed")).toBe("need");
  });

  it("returns a prefix of every form it stands for, so a full-text prefix query finds them all", () => {
    for (const word of ["policies", "emergency", "emergencies", "deductibles", "hospitalization", "copays", "services", "therapies", "lenses"]) {
      expect(word.startsWith(stem(word))).toBe(true);
    }
  });

  it("leaves words ending in -ss, -us and -is alone", () => {
    expect(["glass", "status", "analysis", "bus"].map(stem)).toEqual(["glass", "status", "analysis", "bus"]);
  });
});

describe("stop words", () => {
  it("include English and Spanish function and question words, without accents", () => {
    for (const word of ["the", "what", "and", "el", "cuanto", "que", "hasta"]) expect(STOP_WORDS.has(word)).toBe(true);
  });

  it("leave out 'out', which carries 'out of network' and 'out-of-pocket'", () => {
    expect(STOP_WORDS.has("out")).toBe(false);
  });
});

describe("contentTokens (offline answerer)", () => {
  it("gives an abbreviation, the document's phrase and its Spanish form one concept token", () => {
    const concept = "#emergency-room";
    expect(contentTokens("How much is the ER?").get(concept)).toBe(1);
    expect(contentTokens("Emergency room care | $250 copay").has(concept)).toBe(true);
    expect(contentTokens("¿Cuánto pago en la sala de emergencias?").get(concept)).toBe(1);
  });

  it("keeps a concept's own words at a tenth of a word, so a question's partial phrase still meets the sentence", () => {
    const sentence = contentTokens("Emergency room care | $250 copay");
    expect(sentence.get("emergenc")).toBe(0.1);
    expect(contentTokens("emergency").get("emergenc")).toBe(1);
  });

  it("weighs generic plan words and concepts a quarter of a specific word", () => {
    const tokens = contentTokens("Does my plan cover acupuncture?");
    expect(tokens.get("#acupuncture")).toBe(1);
    expect(tokens.get("#plan")).toBe(0.25);
    expect(tokens.get("#cover")).toBe(0.25);
  });

  it("gives a drug tier's number a token of its own, in words or digits, in English or Spanish", () => {
    expect(contentTokens("¿Cuánto pago por un medicamento de nivel 4?").get("#tier-4")).toBe(1);
    expect(contentTokens("Tier 4 (Non-Preferred Drug); $100 copay").has("#tier-4")).toBe(true);
    expect(contentTokens("What is the copay for tier four drugs?").has("#tier-4")).toBe(true);
    expect(contentTokens("Tier 2 – Your Midrange-Cost Option").has("#tier-4")).toBe(false);
  });
  it("keeps a text's tokens for the next call, the same whether kept or computed again, and for passages apart", () => {
    const text = "Supervised exercise therapy (SET) — In-Network: $0 copayment for each visit";
    const first = contentTokens(text, { broader: true });
    expect(contentTokens(text, { broader: true })).toBe(first);
    forgetContentTokens();
    const again = contentTokens(text, { broader: true });
    expect(again).not.toBe(first);
    expect([...again]).toEqual([...first]);
    // A question's tokens and a passage's ("broader": the concepts a concept implies) are kept apart.
    expect(contentTokens("Specialty drugs", { broader: true }).has("#prescription-drugs")).toBe(true);
    expect(contentTokens("Specialty drugs").has("#prescription-drugs")).toBe(false);
  });
});

describe("withApostrophes", () => {
  it("writes a contraction typed without its apostrophe with it, and leaves words that are words alone", () => {
    expect(withApostrophes("the optometrist by our house isnt in network")).toBe("the optometrist by our house isn't in network");
    expect(withApostrophes("Ive paid, Im sick, theyre out, doesnt cover, thats it")).toBe("I've paid, I'm sick, they're out, doesn't cover, that's it");
    expect(withApostrophes("I wont go, I cant go, my id card, I'll be ill")).toBe("I wont go, I cant go, my id card, I'll be ill");
    expect(withApostrophes("This isn't in network")).toBe("This isn't in network");
    expect(withApostrophes("THEYRE OUT AND IT ISNT COVERED")).toBe("THEY'RE OUT AND IT ISN'T COVERED");
  });
});
