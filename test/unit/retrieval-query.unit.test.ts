import { describe, expect, it } from "vitest";
import { buildRetrievalQuery, type KeywordTerm } from "../../src/retrieval/query";

const groupOf = (terms: KeywordTerm[], tsquery: string) => terms.find((term) => term.tsquery === tsquery)?.group;

describe("buildRetrievalQuery", () => {
  it("searches the member's abbreviation at full weight and its concept's document terms at less, as one group", () => {
    const { terms } = buildRetrievalQuery("How much is the ER?");
    const own = terms.find((term) => term.tsquery === "(er | ers)");
    const documentTerm = terms.find((term) => term.tsquery === "emergenc:* <-> room:*");
    expect(own?.weight).toBe(1);
    expect(documentTerm?.weight).toBeGreaterThan(0);
    expect(documentTerm?.weight).toBeLessThan(1);
    expect(documentTerm?.group).toBe(own?.group);
  });

  it("weighs an everyday word as a generic one, so a rare 'help' does not outrank the hearing aids", () => {
    const { terms } = buildRetrievalQuery("My hearing is going. Will this plan help pay for hearing aids?");
    const help = terms.find((term) => term.tsquery === "help:*");
    const hearing = terms.find((term) => term.tsquery === "hear:*");
    expect(help?.topic).toBe(false);
    expect(help?.groupWeight).toBeLessThan(hearing?.groupWeight ?? 0);
  });

  it("finds the out-of-pocket limit's phrases for 'OOP max'", () => {
    const { terms } = buildRetrievalQuery("What's my OOP max?");
    expect(terms.map((term) => term.tsquery)).toContain("(out | outs) <-> of <-> pocket:* <-> limit:*");
  });

  it("searches a Spanish question with the English document terms of the concepts it names", () => {
    const { terms } = buildRetrievalQuery("¿Cuánto pago en la sala de emergencias?");
    const spanish = groupOf(terms, "sala:* <-> de <-> emergencia:*");
    expect(spanish).toBeDefined();
    expect(groupOf(terms, "emergenc:* <-> room:*")).toBe(spanish);
  });

  it("turns the dependent-age question into age, child and dependent terms", () => {
    const searched = buildRetrievalQuery("¿Hasta qué edad puede mi hijo seguir cubierto por el plan?").terms.map((term) => term.tsquery);
    expect(searched).toEqual(expect.arrayContaining(["(age | ages)", "child:*", "children:*", "dependent:*"]));
  });

  it("weighs the situation told before the question at a quarter of the question's words, its concepts at half", () => {
    const { terms } = buildRetrievalQuery("My claim for surgery was denied. How long do I have to appeal?");
    const weightOf = (tsquery: string) => terms.find((term) => term.tsquery === tsquery)?.groupWeight;
    expect(weightOf("surger:*")).toBe(0.5);
    expect(weightOf("appeal:*")).toBe(1);
    // The situation's topics still select the keyword leg's candidates; generic words do not.
    expect(terms.find((term) => term.tsquery === "surger:*")?.topic).toBe(true);
    expect(buildRetrievalQuery("Is it covered by the plan?").terms.every((term) => !term.topic)).toBe(true);
  });

  it("weighs a concept told in the situation and named again in the question as the question's", () => {
    const { terms } = buildRetrievalQuery("I'm having a baby. What do I pay for the doctor who delivers it?");
    const pregnancy = terms.filter((term) => term.tsquery === "childbirth:*" || term.tsquery === "deliver:*");
    expect(pregnancy.length).toBe(2);
    expect(new Set(pregnancy.map((term) => term.group)).size).toBe(1);
    expect(pregnancy.every((term) => term.groupWeight === 1)).toBe(true);
  });

  it("weighs every word of a question alike when it tells no situation first", () => {
    const { terms } = buildRetrievalQuery("Was my surgery denied? How long do I have to appeal?");
    expect(terms.find((term) => term.tsquery === "surger:*")?.groupWeight).toBe(1);
  });

  it("searches a quoted term as a phrase as well as word by word", () => {
    const searched = buildRetrievalQuery("What does 'benefit period' mean?").terms.map((term) => term.tsquery);
    expect(searched).toContain("benefit:* <-> period:*");
    expect(searched).toContain("period:*");
  });

  it("does not take a contraction's apostrophe for a quote", () => {
    const searched = buildRetrievalQuery("What's the plan's deductible if it isn't met?").terms.map((term) => term.tsquery);
    expect(searched.some((tsquery) => tsquery.includes("<->") && tsquery.includes("deductib"))).toBe(false);
  });

  it("adds the usual document term of each named concept to the text the query embedding is made from", () => {
    expect(buildRetrievalQuery("What's my OOP max?").embeddingText).toBe("What's my OOP max? out-of-pocket limit");
    expect(buildRetrievalQuery("¿Necesito una remisión para ver a un especialista?").embeddingText).toBe(
      "¿Necesito una remisión para ver a un especialista? referral specialist",
    );
  });

  it("does not repeat what the question already says in the embedding text", () => {
    expect(buildRetrievalQuery("What is the deductible?").embeddingText).toBe("What is the deductible?");
  });

  it("leaves out stop words and repeated words", () => {
    const { terms } = buildRetrievalQuery("What is the acupuncture, the acupuncture?");
    expect(terms.filter((term) => term.weight === 1).map((term) => term.tsquery)).toEqual(["acupunctur:*"]);
  });

  it("searches the accented spelling next to the folded one, because the index keeps accents", () => {
    const { terms } = buildRetrievalQuery("médico");
    // Folded, the word matches only itself: "medic:*" would find "Medicare" and "nego:*" (negó) "negotiated".
    expect(terms[0]?.tsquery).toBe("(medico | médico:*)");
    expect(buildRetrievalQuery("El plan me negó la cirugía").terms.map((term) => term.tsquery)).toContain("(nego | negó:*)");
    // Typed without its accent, the word is still a prefix.
    expect(buildRetrievalQuery("medico").terms[0]?.tsquery).toBe("medico:*");
  });

  it("puts nothing but letters, digits and tsquery operators into a tsquery, whatever the input", () => {
    const hostile = "foo' | bar:* & !baz (qux) <-> 'x' \\ ; drop table users; -- $1,000 20% ¿qué?";
    for (const term of buildRetrievalQuery(hostile).terms) {
      expect(term.tsquery).toMatch(/^[\p{L}\p{M}\p{N}:*|()<\-> ]+$/u);
    }
  });

  it("searches the tier's number a question names ('Tier 5', 'nivel 5') beside the tier's words", () => {
    for (const question of ["My MS drug is Tier 5. What do I pay at a retail pharmacy?", "Mi medicamento está en el nivel 5 (especialidad). ¿Cuánto pago?", "What's the copay for a tier five drug?"]) {
      const tier = buildRetrievalQuery(question).terms.find((term) => term.tsquery === "tier <-> 5");
      expect(tier?.groupWeight).toBe(1);
    }
    expect(buildRetrievalQuery("What tier is my drug on?").terms.some((term) => term.tsquery.startsWith("tier <-> "))).toBe(false);
  });

  it("finds Medicare Part D as one concept, and weighs a concept of the situation told more than its plain words", () => {
    const { terms } = buildRetrievalQuery("Me negaron un medicamento recetado (Parte D). ¿Cuántos días tengo para apelar?");
    const partD = terms.find((term) => term.tsquery === "part:* <-> d");
    expect(partD?.groupWeight).toBe(0.5);
    const told = buildRetrievalQuery("My chiropractor says my neck is stiff. How much is an X-ray?").terms;
    expect(told.find((term) => term.tsquery === "chiropractor:*")?.groupWeight).toBe(0.5);
    expect(told.find((term) => term.tsquery === "stiff:*")?.groupWeight).toBe(0.25);
  });

  it("hints at the medical care sections for an appeal about care that is no drug, not for a drug's", () => {
    const medical = (question: string) => buildRetrievalQuery(question).terms.filter((term) => term.tsquery === "medical <-> care");
    const [hint] = medical("The plan said no to covering my knee surgery. How many days do I have to file an appeal?");
    expect(hint?.groupWeight).toBe(0.5);
    expect(hint?.topic).toBe(false);
    expect(medical("Me negaron un medicamento recetado (Parte D). ¿Cuántos días tengo para apelar?")).toEqual([]);
    expect(medical("How many days do I have to appeal?")).toEqual([]);
    expect(medical("What is my copay for knee surgery?")).toEqual([]);
  });

  it("has no terms for a question of stop words and punctuation", () => {
    expect(buildRetrievalQuery("¿Qué es eso? ... [[[").terms).toEqual([]);
  });

  // Quadratic work on a megabyte would take hours; linear work takes well under a second per input.
  it("stays linear and bounded on a megabyte of brackets, dots or words", () => {
    for (const junk of ["[".repeat(1 << 20), ".".repeat(1 << 20), "word ".repeat(200_000), Array.from({ length: 150_000 }, (_, i) => `w${i}`).join(" ")]) {
      const started = performance.now();
      const { terms, embeddingText } = buildRetrievalQuery(junk);
      expect(performance.now() - started).toBeLessThan(5000);
      expect(new Set(terms.map((term) => term.group)).size).toBeLessThanOrEqual(16);
      expect(embeddingText.length).toBeLessThanOrEqual(8000 + 1000);
    }
  });

  it("keeps the question's own topic when a long story would fill the groups, leaving out the story's lightest words", () => {
    const { terms } = buildRetrievalQuery(
      "The plan just turned down the back surgery my doctor scheduled for next week and he says waiting could make things worse. What number do I call to start a fast appeal?",
    );
    expect(new Set(terms.map((term) => term.group)).size).toBe(16);
    expect(terms.map((term) => term.tsquery)).toContain("fast:* <-> appeal:*");
    // Groups are numbered from 0 without gaps, as the keyword leg reads them.
    expect([...new Set(terms.map((term) => term.group))]).toEqual([...Array(16).keys()]);
  });

  it("orders an office's contact rows up when the question asks which number to call or where to write", () => {
    const contact = (question: string) => buildRetrievalQuery(question).terms.find((term) => term.tsquery === "contact <-> information");
    expect(contact("What number do I call to start a fast appeal?")).toMatchObject({ groupWeight: 0.5, topic: false });
    expect(contact("¿A qué dirección mando mi apelación de la Parte D?")).toBeDefined();
    expect(contact("How long do I have to file an appeal?")).toBeUndefined();
  });

  it("asked how long the member has to act, also searches the member's deadlines ('You must … within')", () => {
    const must = (question: string) => buildRetrievalQuery(question).terms.some((term) => term.tsquery === "you <-> must" && !term.topic);
    expect(must("The plan denied a surgery my doctor wants me to have. How long do I have to appeal?")).toBe(true);
    expect(must("Me negaron un medicamento recetado (Parte D). ¿Cuántos días tengo para apelar?")).toBe(true);
    expect(must("How long does the plan have to answer my appeal?")).toBe(false);
  });
  it("searches the member's plan named by its number as no topic, and embeds the question without it", () => {
    const query = buildRetrievalQuery("Mi esposo tiene Clover Health Choice (004) y yo tengo Choice Value (007). ¿Cuánto le da el plan a cada uno para anteojos?");
    const term = (tsquery: string) => query.terms.find((candidate) => candidate.tsquery === tsquery);
    expect(term("004")).toMatchObject({ topic: false });
    expect(term("valu:*")).toMatchObject({ topic: false });
    expect(term("anteojo:*")).toMatchObject({ topic: true });
    expect(query.embeddingText).not.toContain("Choice Value (007)");
    expect(query.embeddingText).toContain("anteojos");
  });
});
