import { describe, expect, it } from "vitest";
import { findPassage, words } from "../../web/src/pdf/passage";

describe("words", () => {
  it("folds case, accents and ligatures and keeps amounts whole", () => {
    expect(words("Deducible GENERAL: $1,500 por año ﬁnal, 20%.")).toEqual(["deducible", "general", "$1,500", "por", "ano", "final", "20%"]);
  });

  it("splits table cells and slashes", () => {
    expect(words("Specialist visit | $50 copay/visit")).toEqual(["specialist", "visit", "$50", "copay", "visit"]);
  });
});

describe("findPassage", () => {
  const page = [
    "Important Questions",
    "What is the overall",
    "deductible?",
    "$500/individual or",
    "$1,000/family",
    "Generally, you must pay all of the costs from providers up to the deductible amount before this plan begins to pay.",
    "Are there services covered before you meet your deductible?",
    "Yes. Preventive care and primary care services are covered before you meet your deductible.",
  ];

  it("highlights the items of a passage split across several text runs", () => {
    const match = findPassage(page, "What is the overall deductible? | $500/individual or $1,000/family | Generally, you must pay all of the costs…");
    expect(match.items).toEqual([1, 2, 3, 4, 5]);
    expect(match.coverage).toBeGreaterThan(0.9);
  });

  it("does not highlight runs that only share a common word with the passage", () => {
    const match = findPassage(page, "What is the overall deductible? $500/individual or $1,000/family");
    expect(match.items).not.toContain(6);
    expect(match.items).not.toContain(7);
  });

  it("finds nothing when the page does not hold the passage", () => {
    const match = findPassage(page, "Emergency room care: $250 copay per visit, coinsurance does not apply.");
    expect(match.items).toEqual([]);
    expect(match.coverage).toBeLessThan(0.5);
  });

  it("finds a rebuilt table row whose cell repeats once per column of the page", () => {
    const columns = ["Peg's example", "Joe's example", "Mia's example", "Hospital (facility)", "coinsurance", "20%", "Hospital (facility)", "coinsurance", "20%", "Hospital (facility)", "coinsurance", "20%"];
    const match = findPassage(columns, "• Hospital (facility) coinsurance | 20% | • Hospital (facility) coinsurance | 20% | • Hospital (facility) coinsurance | 20%");
    expect(match.coverage).toBe(1);
    expect(match.items).toContain(3);
  });

  it("leaves out a stray matching word that other words separate from the passage", () => {
    const runs = ["and", "Exhibit", "Use this information to compare the portion of costs you", "might pay under different health", "plans."];
    const match = findPassage(runs, "Use this information to compare the portion of costs you might pay under different health plans.");
    expect(match.items).toEqual([2, 3, 4]);
  });

  it("finds nothing for an empty passage", () => {
    expect(findPassage(page, "  …")).toEqual({ items: [], coverage: 0 });
  });
});
