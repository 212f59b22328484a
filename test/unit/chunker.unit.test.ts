import { describe, expect, inject, it } from "vitest";
import { chunkPages, DEFAULT_MAX_CHUNK_CHARS, splitSentences } from "../../src/ingestion/chunker";
import { parsePdf } from "../../src/ingestion/parse-pdf";
import type { Chunk, ParsedPage } from "../../src/ingestion/types";

const numbered = (count: number, from = 1) => Array.from({ length: count }, (_, i) => `Sentence ${from + i} is here.`).join(" ");

describe("splitSentences", () => {
  it("splits on full stops, question marks and exclamation marks followed by a capital", () => {
    expect(splitSentences("Is a referral needed? Yes! You need one. See below.")).toEqual(["Is a referral needed?", "Yes!", "You need one.", "See below."]);
  });

  it("does not split after common abbreviations", () => {
    const text = "Some services, e.g. Labs and X-rays, are covered, i.e. Paid in full. Call Dr. Jones or Mrs. Smith at Acme Inc. Today.";
    expect(splitSentences(text)).toEqual([
      "Some services, e.g. Labs and X-rays, are covered, i.e. Paid in full.",
      "Call Dr. Jones or Mrs. Smith at Acme Inc. Today.",
    ]);
  });

  it("does not split after etc., vs., approx., min., max. or a month", () => {
    const text = "Drugs, supplies, etc. Are listed with In-network vs. Out-of-network costs of approx. $500 per Jan. Visit and max. Two visits.";
    expect(splitSentences(text)).toHaveLength(1);
  });

  it("does not split after U.S., a single initial, or No. before a number", () => {
    expect(splitSentences("Care outside the U.S. Is excluded for John Q. Public under Policy No. 12345 today.")).toHaveLength(1);
  });

  it("splits after No. when it answers a question", () => {
    expect(splitSentences("Do you need a referral? No. You can see any specialist.")).toEqual([
      "Do you need a referral?",
      "No.",
      "You can see any specialist.",
    ]);
  });

  it("keeps amounts and decimals inside their sentence", () => {
    expect(splitSentences("The deductible is $1,000.00 per year. Coinsurance is 20.5% after that.")).toEqual([
      "The deductible is $1,000.00 per year.",
      "Coinsurance is 20.5% after that.",
    ]);
  });

  it("splits before a sentence that starts with an amount", () => {
    expect(splitSentences("Yes. $300 for prescription drug coverage.")).toEqual(["Yes.", "$300 for prescription drug coverage."]);
  });

  it("does not split after an ellipsis or a section number", () => {
    expect(splitSentences("Benefits continue... As described in Section 2. Exclusions apply.")).toEqual([
      "Benefits continue... As described in Section 2. Exclusions apply.",
    ]);
  });

  it("does not split inside a section number like 2.1", () => {
    expect(splitSentences("See Section 2.1 for details. Then call us.")).toEqual(["See Section 2.1 for details.", "Then call us."]);
  });

  it("keeps closing quotes and brackets with the sentence they end", () => {
    expect(splitSentences('He said "call first." (Then visit.) Done.')).toEqual(['He said "call first."', "(Then visit.)", "Done."]);
  });

  it("splits Spanish sentences that open with inverted marks", () => {
    expect(splitSentences("Tiene un deducible de $500. ¿Necesita una referencia? Sí.")).toEqual([
      "Tiene un deducible de $500.",
      "¿Necesita una referencia?",
      "Sí.",
    ]);
  });

  it("treats each table row as a sentence of its own", () => {
    const table = "Specialist visit | $50 copay/visit | 40% coinsurance\nPrimary care | $35 copay | 40% coinsurance";
    expect(splitSentences(table)).toEqual(["Specialist visit | $50 copay/visit | 40% coinsurance", "Primary care | $35 copay | 40% coinsurance"]);
  });

  it("treats headings and list items as sentences of their own", () => {
    expect(splitSentences("Covered Services\n- Primary care\n- Specialist care\n## Exclusions\nCosmetic surgery")).toEqual([
      "Covered Services",
      "- Primary care",
      "- Specialist care",
      "## Exclusions",
      "Cosmetic surgery",
    ]);
  });

  it("joins a line wrapped in the middle of a sentence", () => {
    expect(splitSentences("This plan will pay some or all of the costs to see a\nspecialist for covered services.")).toEqual([
      "This plan will pay some or all of the costs to see a specialist for covered services.",
    ]);
  });

  it("always breaks at a blank line", () => {
    expect(splitSentences("Deductible of\n\nthe plan")).toEqual(["Deductible of", "the plan"]);
  });

  it("keeps a numbered list marker with its item", () => {
    expect(splitSentences("1. Primary care visits\n2. Specialist visits")).toEqual(["1. Primary care visits", "2. Specialist visits"]);
  });
});

describe("chunkPages", () => {
  it("puts five sentences in each chunk when asked for five", () => {
    const chunks = chunkPages([{ page: 1, text: numbered(12) }], { sentencesPerChunk: 5 });
    expect(chunks.map((c) => splitSentences(c.text).length)).toEqual([5, 5, 2]);
  });

  it("honours a different number of sentences per chunk", () => {
    const chunks = chunkPages([{ page: 1, text: numbered(7) }], { sentencesPerChunk: 3 });
    expect(chunks.map((c) => c.text)).toEqual([numbered(3), numbered(3, 4), numbered(1, 7)]);
  });

  it("numbers chunks from 0 across pages and cites each chunk's own page", () => {
    const pages: ParsedPage[] = [
      { page: 1, text: numbered(6) },
      { page: 2, text: numbered(2) },
    ];
    const chunks = chunkPages(pages, { sentencesPerChunk: 5 });
    expect(chunks.map(({ index, pageStart, pageEnd }) => ({ index, pageStart, pageEnd }))).toEqual([
      { index: 0, pageStart: 1, pageEnd: 1 },
      { index: 1, pageStart: 1, pageEnd: 1 },
      { index: 2, pageStart: 2, pageEnd: 2 },
    ]);
  });

  it("never lets a chunk cross a page boundary", () => {
    const chunks = chunkPages(
      [
        { page: 1, text: "Only one sentence." },
        { page: 2, text: "Another one." },
      ],
      { sentencesPerChunk: 5 },
    );
    expect(chunks.map((c) => c.text)).toEqual(["Only one sentence.", "Another one."]);
  });

  it("reads the end of a sentence a page break cut into the chunk it started in, cited on its first page", () => {
    const chunks = chunkPages(
      [
        { page: 75, text: "Transportation is covered. You can be reimbursed for eligible costs up to" },
        { page: 76, text: "$125 per day total. Transportation services are not subject to the deductible." },
        { page: 77, text: "The medical symptoms may be an" },
        { page: 78, text: "illness, injury, severe pain, or a medical condition." },
      ],
      { sentencesPerChunk: 5 },
    );
    expect(chunks.map(({ text, pageStart, pageEnd }) => ({ text, pageStart, pageEnd }))).toEqual([
      { text: "Transportation is covered. You can be reimbursed for eligible costs up to $125 per day total.", pageStart: 75, pageEnd: 76 },
      { text: "Transportation services are not subject to the deductible.", pageStart: 76, pageEnd: 76 },
      { text: "The medical symptoms may be an illness, injury, severe pain, or a medical condition.", pageStart: 77, pageEnd: 78 },
    ]);
  });

  it("gives the words a chart row's cell runs on to the next page the row's label", () => {
    const chunks = chunkPages(
      [
        { page: 54, text: "| Service | In-Network |\n| --- | --- |\n| Annual wellness visit If you've had Part B for longer than 12 months, you don't need to have | $0 copayment |" },
        { page: 55, text: "had a Welcome to Medicare visit to be covered. Bone mass is measured every 24 months." },
      ],
      { sentencesPerChunk: 5 },
    );
    expect(chunks.at(-1)?.text).toBe(
      "Annual wellness visit If you've had Part B for longer than 12 months, you… — … had a Welcome to Medicare visit to be covered. Bone mass is measured every 24 months.",
    );
    expect(chunks.at(-1)?.pageStart).toBe(55);
  });

  it("leaves a title a page ends on, and a page that opens with a heading or a table, on their own", () => {
    const texts = (pages: ParsedPage[]) => chunkPages(pages, { sentencesPerChunk: 5 }).map((c) => c.text);
    expect(texts([{ page: 1, text: "Option 4: Having your premium taken out of your Social Security check" }, { page: 2, text: "Changing the way you pay your premium." }])).toEqual([
      "Option 4: Having your premium taken out of your Social Security check",
      "Changing the way you pay your premium.",
    ]);
    expect(texts([{ page: 1, text: "Call us at the number of" }, { page: 2, text: "## Section 2\nthe plan office." }])).toEqual(["Call us at the number of", "the plan office."]);
    expect(texts([{ page: 1, text: "Costs are listed in" }, { page: 2, text: "| Service | Cost |\n| --- | --- |\n| Visit | $20 |" }])[0]).toBe("Costs are listed in");
  });

  it("skips empty and whitespace-only pages", () => {
    const chunks = chunkPages(
      [
        { page: 1, text: "" },
        { page: 2, text: " \n\n " },
        { page: 3, text: "Text." },
      ],
      { sentencesPerChunk: 5 },
    );
    expect(chunks).toEqual([{ index: 0, text: "Text.", pageStart: 3, pageEnd: 3, context: "" }]);
  });

  it("returns identical chunks for identical input", () => {
    const pages: ParsedPage[] = [{ page: 1, text: `${numbered(9)}\nRow | $50\nRow | $60` }];
    expect(chunkPages(pages, { sentencesPerChunk: 5 })).toEqual(chunkPages(pages, { sentencesPerChunk: 5 }));
  });

  it("keeps line breaks between rows and spaces between sentences of one line", () => {
    const chunks = chunkPages([{ page: 1, text: "Costs. Below.\nSpecialist | $50\nPrimary | $35" }], { sentencesPerChunk: 5 });
    expect(chunks[0]?.text).toBe("Costs. Below.\nSpecialist | $50\nPrimary | $35");
  });

  it("cuts a sentence longer than the limit at word boundaries", () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(" ");
    const chunks = chunkPages([{ page: 1, text: long }], { sentencesPerChunk: 5, maxChunkChars: 100 });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.text.length <= 100)).toBe(true);
    expect(chunks.map((c) => c.text).join(" ")).toBe(long);
  });

  it("cuts a single word longer than the limit", () => {
    const chunks = chunkPages([{ page: 1, text: "x".repeat(250) }], { sentencesPerChunk: 5, maxChunkChars: 100 });
    expect(chunks.map((c) => c.text.length)).toEqual([100, 100, 50]);
  });

  it("closes a chunk early rather than pass the character limit", () => {
    const chunks = chunkPages([{ page: 1, text: numbered(5) }], { sentencesPerChunk: 5, maxChunkChars: 40 });
    expect(chunks.map((c) => c.text)).toEqual([numbered(2), numbered(2, 3), numbered(1, 5)]);
  });

  it("limits chunks to 2000 characters by default", () => {
    const text = Array.from({ length: 1000 }, () => "coverage").join(" ");
    const chunks = chunkPages([{ page: 1, text }], { sentencesPerChunk: 5 });
    expect(DEFAULT_MAX_CHUNK_CHARS).toBe(2000);
    expect(Math.max(...chunks.map((c) => c.text.length))).toBeLessThanOrEqual(2000);
  });

  it("rejects a sentence count that is not a positive integer", () => {
    expect(() => chunkPages([{ page: 1, text: "A." }], { sentencesPerChunk: 0 })).toThrow(RangeError);
  });
});

describe("chunkPages over the CMS sample SBC", () => {
  let cached: Promise<Chunk[]> | undefined;
  function fixtureChunks(): Promise<Chunk[]> {
    cached ??= (async () => {
      const response = await fetch(`${inject("fixturesUrl")}/fixtures/cms-sample-sbc.pdf`);
      const parsed = await parsePdf(new Uint8Array(await response.arrayBuffer()));
      return chunkPages(parsed.pages, { sentencesPerChunk: 5 });
    })();
    return cached;
  }

  it("gives every page from 1 to 5 at least one chunk", async () => {
    const chunks = await fixtureChunks();
    expect(new Set(chunks.map((c) => c.pageStart))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it("has a chunk containing the $500 deductible", async () => {
    const chunks = await fixtureChunks();
    expect(chunks.some((c) => c.text.includes("$500"))).toBe(true);
  });

  it("puts the specialist referral rule in the same chunk as its question", async () => {
    const chunks = await fixtureChunks();
    const referral = chunks.find((c) => c.text.includes("Do you need a referral to see a specialist?"));
    expect(referral?.text).toContain("only if you have a referral");
  });
});

describe("chunkPages and questions on their own line", () => {
  it("starts the next chunk with a question that would end a chunk, so it stays with its answer", () => {
    const text = "First fact.\nSecond fact.\nDoes this plan provide Minimum Essential Coverage?\nYes. Coverage meets the standard.";
    const chunks = chunkPages([{ page: 1, text }], { sentencesPerChunk: 3 });
    expect(chunks.map((chunk) => chunk.text)).toEqual(["First fact.\nSecond fact.", "Does this plan provide Minimum Essential Coverage?\nYes. Coverage meets the standard."]);
  });
});

describe("chunkPages and a chart row followed by its own description", () => {
  const table = [
    "| Services that are covered for you | In-Network | Out-of-Network |",
    "| --- | --- | --- |",
    "| Cervical cancer screening | $0 copayment | 30% coinsurance |",
    "| Chiropractic services | $20 copayment | $65 copayment |",
  ].join("\n");
  const description = "Chiropractic services\nCovered services include manual manipulation of the spine. Maintenance therapy is not covered.";

  it("opens the description's chunk with the row, not the rows before it", () => {
    const chunks = chunkPages([{ page: 1, text: `${table}\n\n${description}` }], { sentencesPerChunk: 5 });
    expect(chunks).toHaveLength(2);
    expect(chunks[0]?.text).toContain("Cervical cancer screening");
    expect(chunks[0]?.text).not.toContain("Chiropractic");
    expect(chunks[1]?.text).toMatch(/^Chiropractic services — In-Network: \$20 copayment; Out-of-Network: \$65 copayment\nChiropractic services/);
  });

  it("keeps the row with its table when the text after it is about something else", () => {
    const chunks = chunkPages([{ page: 1, text: `${table}\n\nYou pay these amounts until you reach the out-of-pocket maximum.` }], { sentencesPerChunk: 5 });
    expect(chunks[0]?.text).toContain("Chiropractic services — In-Network");
    expect(chunks[1]?.text).toBe("You pay these amounts until you reach the out-of-pocket maximum.");
  });
});

describe("chunkPages and a chart's rows under the benefit they belong to", () => {
  const rows = (...labels: string[]) =>
    ["| Services that are covered for you | In-Network | Out-of-Network |", "| --- | --- | --- |", ...labels.map((label) => `| ${label} | $40 copayment | $65 copayment |`)].join("\n");

  it("names the benefit on each bulleted row after 'Covered services include:'", () => {
    const text = `Physician/practitioner services,\nincluding doctor’s office visits\nCovered services include:\n\n${rows("·Consultation, diagnosis, and treatment by a specialist.", "·Second opinion prior to surgery.")}`;
    const chunks = chunkPages([{ page: 1, text }], { sentencesPerChunk: 5 });
    const joined = chunks.map((chunk) => chunk.text).join("\n");
    expect(joined).toContain("Physician/practitioner services, including doctor’s office visits › ·Consultation, diagnosis, and treatment by a specialist. — In-Network: $40 copayment");
    expect(joined).toContain("Physician/practitioner services, including doctor’s office visits › ·Second opinion prior to surgery.");
  });

  it("takes only the title after the text's last sentence, and leaves rows without a bullet as they are", () => {
    const text = `Services provided by a dentist are not covered.\nVision services\nCovered services include, but are not\nlimited to:\n\n${rows("·Glaucoma screening")}\n\nIn this chart, amounts are per visit.\n\n${rows("Eyeglasses")}`;
    const joined = chunkPages([{ page: 1, text }], { sentencesPerChunk: 5 }).map((chunk) => chunk.text).join("\n");
    expect(joined).toContain("Vision services › ·Glaucoma screening — In-Network");
    expect(joined).toContain("\nEyeglasses — In-Network");
    expect(joined).not.toContain("dentist are not covered. ›");
  });
});

describe("chunkPages and a list a sentence announces", () => {
  it("keeps the list's items with the sentence that announces them past the sentences per chunk, within the size limit", () => {
    const text = [
      "In certain situations, members may end their membership at other times of the year. This is known as a Special Enrollment Period.",
      "You may be eligible if any of the following situations apply to you:",
      "· Usually, when you have moved.",
      "· If you have Medicaid.",
      "· If you are eligible for Extra Help.",
      "· If you live in a nursing home.",
      "The enrollment time periods vary. Call Medicare to find out. TTY users call 711.",
    ].join("\n");
    const chunks = chunkPages([{ page: 1, text }], { sentencesPerChunk: 5 });
    expect(chunks[0]?.text).toContain("any of the following situations apply to you:\n· Usually, when you have moved.");
    expect(chunks[0]?.text).toContain("· If you live in a nursing home.");
    expect(chunks[0]?.text).not.toContain("The enrollment time periods vary");
    // (Without an announcing sentence, five lines are five sentences, as before.)
    expect(chunkPages([{ page: 1, text: text.replace(" apply to you:", " apply to you.") }], { sentencesPerChunk: 5 })[0]?.text).not.toContain("nursing home");
  });
});
