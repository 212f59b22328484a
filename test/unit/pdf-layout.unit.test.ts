import { describe, expect, it } from "vitest";
import { joinWrapped, layoutPage, type TextRun } from "../../src/ingestion/pdf-layout";

// A 12-point font: runs are roughly 6 points wide per character, lines 14 points apart.
const run = (text: string, x: number, y: number): TextRun => ({ text, x, y, width: text.length * 6, fontSize: 12 });

describe("layoutPage", () => {
  it("joins the words of one line with spaces where the gap is a word space", () => {
    expect(layoutPage([run("Specialist", 100, 500), run("visit", 163, 500)])).toBe("Specialist visit");
  });

  it("keeps wrapped table cells whole and writes their row on one line", () => {
    // Content-stream order, cell by cell, as office software writes tables.
    const runs = [
      run("What is the overall", 40, 500),
      run("deductible?", 40, 486),
      run("$500 / individual or", 180, 500),
      run("$1,000 / family", 180, 486),
      run("Generally, you must pay all", 340, 507),
      run("costs up to the deductible", 340, 493),
      run("before this plan pays.", 340, 479),
    ];
    expect(layoutPage(runs)).toBe(
      "What is the overall deductible? | $500 / individual or $1,000 / family | Generally, you must pay all costs up to the deductible before this plan pays.",
    );
  });

  it("puts each table row on its own line, top to bottom", () => {
    const runs = [run("Primary care", 40, 500), run("$35 copay", 200, 500), run("Specialist visit", 40, 470), run("$50 copay", 200, 470)];
    expect(layoutPage(runs)).toBe("Primary care | $35 copay\n\nSpecialist visit | $50 copay");
  });

  it("gives a merged cell beside two rows a line of its own", () => {
    const runs = [
      run("If you have a test", 40, 486),
      run("Diagnostic test", 160, 500),
      run("$10 copay", 300, 500),
      run("Imaging", 160, 472),
      run("$50 copay", 300, 472),
    ];
    expect(layoutPage(runs).split("\n")).toEqual(["Diagnostic test | $10 copay", "If you have a test", "Imaging | $50 copay"]);
  });

  it("keeps the lines of a lone paragraph as lines", () => {
    expect(layoutPage([run("Deductibles", 40, 500), run("You pay the first $500.", 40, 486)])).toBe("Deductibles\nYou pay the first $500.");
  });

  it("writes a heading that spans the columns above the row it introduces", () => {
    const runs = [
      run("Services your plan does not cover (check your policy)", 40, 514),
      run("Cosmetic surgery", 40, 500),
      run("Long-term care", 250, 500),
    ];
    expect(layoutPage(runs)).toBe("Services your plan does not cover (check your policy)\nCosmetic surgery | Long-term care");
  });

  it("turns an unmapped symbol-font bullet into a bullet character", () => {
    expect(layoutPage([run("\uf06e", 40, 500), run("Other coinsurance", 55, 500)])).toBe("• Other coinsurance");
  });
});

describe("joinWrapped", () => {
  it("removes a typesetter's hyphen between lowercase fragments", () => {
    expect(joinWrapped("your deduct-", "ible applies", " ")).toBe("your deductible applies");
  });

  it("keeps the hyphen of a compound prefix", () => {
    expect(joinWrapped("a non-", "preferred drug", " ")).toBe("a non-preferred drug");
  });

  it("keeps the hyphen before a capitalised or numeric continuation", () => {
    expect(joinWrapped("Out-of-", "Network", " ")).toBe("Out-of-Network");
  });
});
