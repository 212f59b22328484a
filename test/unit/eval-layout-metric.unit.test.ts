import { describe, expect, it } from "vitest";
import { documentAgreement, dropRunningLines, keptCells, MIN_PAIRS_FOR_WORST, numberedHeadings, pageAgreement, referenceBigrams, rowPairs, segments, words } from "../../eval/layout-metric";

describe("words", () => {
  it("drops case, punctuation, accents and apostrophes and keeps amounts whole", () => {
    expect(words("Don’t pay $1,000 — Atención!")).toEqual(["dont", "pay", "1000", "atencion"]);
  });

  it("undoes ligatures", () => {
    expect(words("ﬁrst ﬂoor")).toEqual(["first", "floor"]);
  });
});

describe("segments", () => {
  it("cuts a layout line at runs of two or more spaces, not at single spaces", () => {
    expect(segments("  Specialist visit     $50 copay/visit  40% coinsurance ")).toEqual(["Specialist visit", "$50 copay/visit", "40% coinsurance"]);
  });
});

describe("referenceBigrams", () => {
  it("pairs adjacent words inside a segment only, never across segments or lines", () => {
    expect(referenceBigrams("Specialist visit     $50 copay\nPrimary care")).toEqual(["specialist visit", "50 copay", "primary care"]);
  });
});

describe("pageAgreement: bigram recall", () => {
  const layout = "Specialist visit     $50 copay/visit\nPreventive care     No charge";

  it("is 1 when the parser keeps every cell's words together, whatever it puts between cells", () => {
    expect(pageAgreement(layout, "Specialist visit | $50 copay/visit\nPreventive care | No charge").bigram_recall).toBe(1);
  });

  it("drops when neighbouring columns are interleaved word by word", () => {
    const interleaved = pageAgreement(layout, "Specialist $50 visit copay/visit\nPreventive No care charge");
    // Of 5 pairs only "copay visit" (inside "copay/visit") survives.
    expect(interleaved.bigram_recall).toBe(0.2);
    expect(interleaved.missing).toEqual(["specialist visit", "50 copay", "preventive care", "no charge"]);
  });

  it("counts a repeated pair only as often as the parser's text has it", () => {
    expect(pageAgreement("No charge     No charge", "No charge | No").bigram_recall).toBe(0.5);
  });

  it("is null for a page with no pairs", () => {
    expect(pageAgreement("", "anything").bigram_recall).toBeNull();
  });

  it("reports dropped text as lower word recall", () => {
    expect(pageAgreement(layout, "Specialist visit | $50 copay/visit").word_recall).toBeCloseTo(5 / 9, 3);
  });
});

describe("pageAgreement: row recall", () => {
  const layout = "Specialist visit     $50 copay/visit     40% coinsurance";

  it("pairs the last word of each cell with the first word of the next cell on the line", () => {
    expect(rowPairs(layout)).toEqual([
      ["visit", "50"],
      ["visit", "40"],
    ]);
  });

  it("is 1 when a row's cells stay together", () => {
    expect(pageAgreement(layout, "Specialist visit | $50 copay/visit | 40% coinsurance").row_recall).toBe(1);
  });

  it("is 0 when the columns come out one after the other", () => {
    const columns = pageAgreement(layout, `Specialist visit\n${"filler ".repeat(10)}\n$50 copay/visit\n${"filler ".repeat(10)}\n40% coinsurance`);
    expect(columns.row_recall).toBe(0);
    expect(columns.bigram_recall).toBe(1);
  });
});

describe("documentAgreement", () => {
  const page = (text: string) => pageAgreement(text, text);
  const long = Array.from({ length: MIN_PAIRS_FOR_WORST + 1 }, (_, i) => `word${i}`).join(" ");

  it("weighs pages by their pairs and names the worst page with enough pairs", () => {
    const pages = [page(long), pageAgreement(long, long.split(" ").reverse().join(" ")), pageAgreement("a b", "b a")];
    const document = documentAgreement(pages);
    expect(document.pairs).toBe(2 * MIN_PAIRS_FOR_WORST + 1);
    expect(document.bigram_recall).toBeCloseTo(MIN_PAIRS_FOR_WORST / (2 * MIN_PAIRS_FOR_WORST + 1), 3);
    expect(document.worst_page).toEqual({ page: 2, bigram_recall: 0 });
  });
});

describe("dropRunningLines", () => {
  const page = (n: number, body: string) => `Acme Health PPO     Coverage Period: 01/01/2025\n${body}\n\nPage ${n} of 4`;

  it("removes a header and a numbered footer that recur at the edges of most pages", () => {
    const bodies = ["Deductible", "Specialist visit", "Hospital stay", "Exclusions"];
    const pages = bodies.map((body, i) => page(i + 1, body));
    expect(dropRunningLines(pages)).toEqual(bodies.map((body) => `${body}\n`));
  });

  it("keeps a line that recurs on fewer than half the pages", () => {
    const pages = ["Appeals\nbody", "Appeals\nbody", "other\nbody", "more\nbody", "last\nbody", "end\nbody", "x\nbody"];
    expect(dropRunningLines(pages)[0]).toContain("Appeals");
  });

  it("leaves a short document alone: fewer than three pages cannot show a line is running", () => {
    const pages = [page(1, "one"), page(2, "two")];
    expect(dropRunningLines(pages)).toEqual(pages);
  });
});

describe("keptCells", () => {
  it("counts a table cell or prose line lost when most of its four-word pieces are in no chunk", () => {
    const pages = [{ page: 3, text: "| Write | P.O. Box 143106, Salt Lake City, UT 84114 |\nSpecialist visits need no referral at all." }];
    const kept = keptCells(pages, ["Specialist visits need no referral at all.", "Write — P.O. Box 143106"]);
    expect(kept).toEqual({ cells: 2, kept: 1, lost: [{ page: 3, text: "P.O. Box 143106, Salt Lake City, UT 84114" }] });
  });
});

describe("numberedHeadings", () => {
  it("looks for each numbered label and title of the layout as a heading of the parsed page", () => {
    const reference = [
      "Section 4.1           Plan premium\nYou do not pay a separate monthly plan premium.\nSection 4.3            Optional Supplemental Benefit Premium",
      "Section 4   Your monthly costs........5\nSection 5   Keeping your record........7\nSection 6   Privacy........9",
    ];
    const parsed = new Map([
      [1, "### Section 4.1 Plan premium\nYou do not pay a separate monthly plan premium.\nSection 4.3 | Optional Supplemental Benefit Premium"],
      [2, ""],
    ]);
    // The table of contents (page 2) heads nothing; "Section 4.3" read as a row is not found.
    expect(numberedHeadings(reference, parsed)).toEqual({ headings: 2, found: 1, missed: [{ page: 1, text: "Section 4.3 Optional Supplemental Benefit Premium" }] });
  });

  it("does not take a heading of another number for the one looked for", () => {
    const parsed = new Map([[1, "### Section 1.1 Types of costs\n## Section 10 Definitions"]]);
    expect(numberedHeadings(["Section 1   Understanding your costs"], parsed).found).toBe(0);
  });
});
