import { describe, expect, it } from "vitest";
import { runningRows } from "../../src/ingestion/parse-pdf";
import { analysePage, joinWrapped, layoutPage, renderPage, trailingLists, type TextRun } from "../../src/ingestion/pdf-layout";

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

  it("reads side-by-side examples whose rows do not line up column by column, each under its title, after the sidebar", () => {
    // An SBC's coverage examples (2014 template): prose on the left, two columns of "label  $amount" beside it.
    const example = (x: number, title: string, top: number, rows: [string, string][]) => [
      run(title, x, top),
      ...rows.flatMap(([label, amount], i) => [run(label, x, top - 30 - i * 16), run(amount, x + 180, top - 30 - i * 16)]),
    ];
    const runs = [
      run("These examples show how this plan", 40, 500),
      run("might cover medical care in given", 40, 486),
      run("situations.", 40, 472),
      run("This is not a cost", 40, 400),
      run("estimator.", 40, 386),
      ...example(280, "Having a baby", 510, [["Hospital charges", "$2,700"], ["Anesthesia", "$900"], ["Copays", "$20"], ["Total", "$3,970"]]),
      ...example(530, "Managing diabetes", 502, [["Prescriptions", "$2,900"], ["Education", "$300"], ["Total", "$2,590"]]),
    ];
    expect(layoutPage(runs).split("\n").filter(Boolean)).toEqual([
      "These examples show how this plan",
      "might cover medical care in given",
      "situations.",
      "This is not a cost",
      "estimator.",
      "### Having a baby",
      "| Hospital charges | $2,700 |",
      "| Anesthesia | $900 |",
      "| Copays | $20 |",
      "| Total | $3,970 |",
      "### Managing diabetes",
      "| Prescriptions | $2,900 |",
      "| Education | $300 |",
      "| Total | $2,590 |",
    ]);
  });

  it("reads labels the PDF wrote as one paragraph beside their amounts line by line", () => {
    // A 2014-template SBC: each example's labels come one under the other as one block of lines, then its amounts, and
    // a running title spans the sidebar and the first example.
    const example = (x: number, title: string, top: number, rows: [string, string][]) => [
      run(title, x, top),
      ...rows.map(([label], i) => run(label, x, top - 30 - i * 14)),
      ...rows.map(([, amount], i) => run(amount, x + 180, top - 30 - i * 14)),
    ];
    const runs = [
      run("CA Bronze HMO Deductible 5500 Plan Summary", 120, 600),
      run("These examples show how this plan", 40, 470),
      run("might cover medical care in given", 40, 456),
      run("situations.", 40, 442),
      run("This is not a cost estimator. Don't use", 40, 400),
      run("these examples to estimate your costs.", 40, 386),
      run("See the next page for important", 40, 340),
      run("information about these examples.", 40, 326),
      ...example(280, "Having a baby", 510, [["Hospital charges", "$2,700"], ["Anesthesia", "$900"], ["Copays", "$20"], ["Total", "$3,970"]]),
      ...example(530, "Managing diabetes", 510, [["Prescriptions", "$2,900"], ["Education", "$300"], ["Office visits", "$700"], ["Vaccines", "$100"], ["Total", "$2,590"]]),
    ];
    const lines = layoutPage(runs).split("\n").filter(Boolean);
    // Each label on the row of its own amount, not all of them one cell repeated into every row.
    const row = (label: string) => lines.find((line) => line.includes(`| ${label} |`)) ?? "";
    expect(row("Hospital charges")).toMatch(/\| Hospital charges \| \$2,700 \|/);
    expect(row("Anesthesia")).toMatch(/\| Anesthesia \| \$900 \|/);
    expect(row("Office visits")).toMatch(/\| Office visits \| \$700 \|/);
    expect(lines.filter((line) => line.includes("Hospital charges") && line.includes("Anesthesia"))).toEqual([]);
  });

  it("reads columns of prose one after the other, each question as the heading of its answer, never a paragraph repeated into rows", () => {
    // A summary's "Questions and answers about the Coverage Examples": three columns of prose whose paragraphs start
    // on no shared line; grouped into rows across the page, the tall list on the left was repeated beside each answer.
    const lines = (x: number, top: number, texts: string[]) => texts.map((text, i) => run(text, x, top - i * 14));
    const runs = [
      ...lines(40, 600, ["What are some of the assumptions", "behind the Coverage Examples?"]),
      ...lines(40, 540, ["Costs don't include premiums."]),
      ...lines(40, 500, [
        "Sample care costs are based on national",
        "averages and aren't specific to a",
        "particular geographic area or health plan.",
        "The patient's condition was not an",
        "excluded or preexisting condition.",
        "The patient received all care from",
        "in-network providers.",
      ]),
      ...lines(40, 380, ["All services started and ended in", "the same coverage period."]),
      ...lines(320, 600, ["What does a Coverage Example show?"]),
      ...lines(320, 572, ["For each treatment situation, it helps", "you see how deductibles add up."]),
      ...lines(320, 512, ["Does the Coverage Example predict", "my own care needs?"]),
      ...lines(320, 470, ["No. Treatments shown are just examples."]),
      ...lines(320, 430, ["The care you would receive for this", "condition could be different."]),
      ...lines(600, 600, ["Can I use Coverage Examples to", "compare plans?"]),
      ...lines(600, 560, ["Yes. When you look at the Summary", "of other plans, you'll find the same", "Coverage Examples."]),
      ...lines(600, 480, ["Are there other costs I should", "consider when comparing plans?"]),
      ...lines(600, 440, ["Yes. An important cost is the", "premium you pay."]),
    ];
    const text = layoutPage(runs);
    expect(text.match(/Sample care costs/g)).toHaveLength(1);
    expect(text).not.toContain("|");
    const order = [
      "### What are some of the assumptions behind the Coverage Examples?",
      "Costs don't include premiums.",
      "in-network providers.",
      "### What does a Coverage Example show?",
      "### Does the Coverage Example predict my own care needs?",
      "No. Treatments shown are just examples.",
      "### Can I use Coverage Examples to compare plans?",
      "### Are there other costs I should consider when comparing plans?",
      "premium you pay.",
    ].map((piece) => text.indexOf(piece));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("keeps a chart whose columns of prose start their cells on the same lines as rows", () => {
    // A Medicare benefits chart on a page without amounts: each service, then what it costs in and out of network, every
    // cell a paragraph and each service's description spanning two rows of the others.
    const lines = (x: number, top: number, texts: string[]) => texts.map((text, i) => run(text, x, top - i * 14));
    const service = (top: number, name: string) => [
      ...lines(40, top, [name, "is given to you at home. It", "includes the drug, equipment,", "supplies, professional services", "and training for you, and the", "nursing visits your doctor orders", "while you are treated at home."]),
      ...lines(320, top, ["You pay the cost-sharing", "of primary care."]),
      ...lines(600, top, ["You pay the cost-sharing", "of primary care."]),
      ...lines(320, top - 44, ["See Durable medical", "equipment for supplies."]),
      ...lines(600, top - 44, ["See Durable medical", "equipment for supplies."]),
    ];
    const text = layoutPage([...service(700, "Home infusion therapy"), ...service(600, "Home dialysis care"), ...service(500, "Home oxygen service")]);
    expect(text).toContain("| You pay the cost-sharing of primary care. | You pay the cost-sharing of primary care. |");
    expect(text.match(/You pay the cost-sharing/g)).toHaveLength(6);
  });

  it("does not try to split a page of hundreds of narrow columns (hostile input stays one table)", () => {
    const runs = Array.from({ length: 300 }, (_, i) => run(i % 2 ? "$1" : "a", 10 + i * 20, 500 - (i % 5) * 16));
    expect(() => layoutPage(runs)).not.toThrow();
    expect(layoutPage(runs)).not.toContain("###");
  });

  it("keeps plans side by side with the same rows as one table across the page", () => {
    const runs = ["Tier 1", "Tier 2", "Tier 3"].flatMap((tier, i) => [
      run(tier, 280, 480 - i * 16),
      run(`$${i * 10} copay`, 400, 480 - i * 16),
      run(tier, 530, 480 - i * 16),
      run(`$${i * 20} copay`, 650, 480 - i * 16),
    ]);
    expect(layoutPage([run("Drug costs", 40, 480), ...runs]).split("\n")).toHaveLength(3);
  });

  it("writes rows of several cells as a Markdown table, one row per line, top to bottom", () => {
    const runs = [run("Primary care", 40, 500), run("$35 copay", 200, 500), run("Specialist visit", 40, 470), run("$50 copay", 200, 470)];
    expect(layoutPage(runs)).toBe("| Primary care | $35 copay |\n| Specialist visit | $50 copay |");
  });

  it("marks a first row of labels as the table's header", () => {
    const runs = [
      run("Services You May Need", 40, 530),
      run("In-Network Provider", 200, 530),
      run("Out-of-Network Provider", 360, 530),
      run("Specialist visit", 40, 500),
      run("$50 copay", 200, 500),
      run("40% coinsurance", 360, 500),
      run("Primary care", 40, 470),
      run("$35 copay", 200, 470),
      run("40% coinsurance", 360, 470),
    ];
    expect(layoutPage(runs).split("\n")).toEqual([
      "| Services You May Need | In-Network Provider | Out-of-Network Provider |",
      "| --- | --- | --- |",
      "| Specialist visit | $50 copay | 40% coinsurance |",
      "| Primary care | $35 copay | 40% coinsurance |",
    ]);
  });

  it("keeps the top of a tall cell with the row whose label is centred beside it (the first lines form no row of their own)", () => {
    // Blue Shield's SBC: the answer cell starts two lines above its question, with a gap inside it.
    const runs = [
      run("Important Questions", 40, 580), run("Answers", 200, 580), run("Why this Matters:", 380, 580),
      run("For preferred providers", 200, 564), run("$250 person / $500 family", 200, 550), run("For non-preferred providers", 200, 536),
      run("$500 person / $1,000", 200, 508), run("family", 200, 494), run("Does not apply to preventive care.", 200, 480),
      run("What is the overall", 40, 515), run("deductible?", 40, 501),
      run("You must pay all the costs", 380, 536), run("up to the deductible amount", 380, 522), run("before this plan pays.", 380, 508),
      run("Are there other", 40, 450), run("deductibles?", 40, 436), run("No.", 200, 443), run("You don't have to meet deductibles.", 380, 443),
    ];
    expect(layoutPage(runs).split("\n")).toEqual([
      "| Important Questions | Answers | Why this Matters: |",
      "| --- | --- | --- |",
      "| What is the overall deductible? | For preferred providers $250 person / $500 family For non-preferred providers $500 person / $1,000 family Does not apply to preventive care. | You must pay all the costs up to the deductible amount before this plan pays. |",
      "| Are there other deductibles? | No. | You don't have to meet deductibles. |",
    ]);
  });

  it("repeats a merged label into every row of the table it spans", () => {
    const runs = [
      run("If you", 40, 500),
      run("have a", 40, 486),
      run("test", 40, 472),
      run("Diagnostic test", 160, 500),
      run("$10 copay", 300, 500),
      run("Not covered", 400, 500),
      run("Imaging", 160, 472),
      run("$50 copay", 300, 472),
      run("Not covered", 400, 472),
    ];
    expect(layoutPage(runs).split("\n")).toEqual([
      "| If you have a test | Diagnostic test | $10 copay | Not covered |",
      "| If you have a test | Imaging | $50 copay | Not covered |",
    ]);
  });

  it("keeps one limitation beside three drug tiers with each tier's own row", () => {
    const runs = [
      run("Generic drugs", 40, 500),
      run("$10 copay", 200, 500),
      run("Brand drugs", 40, 480),
      run("$30 copay", 200, 480),
      run("Specialty drugs", 40, 460),
      run("$60 copay", 200, 460),
      run("Covers up to a", 360, 494),
      run("30-day supply at", 360, 480),
      run("retail pharmacies.", 360, 466),
    ];
    expect(layoutPage(runs).split("\n")).toEqual([
      "| Generic drugs | $10 copay | Covers up to a 30-day supply at retail pharmacies. |",
      "| Brand drugs | $30 copay | Covers up to a 30-day supply at retail pharmacies. |",
      "| Specialty drugs | $60 copay | Covers up to a 30-day supply at retail pharmacies. |",
    ]);
  });

  it("marks a line in larger type as a heading and a numbered chapter as the top level", () => {
    const big = (text: string, y: number): TextRun => ({ text, x: 40, y, width: text.length * 8, fontSize: 16 });
    expect(layoutPage([big("Prescription drug benefits", 560), run("You pay the first $500 for drugs.", 40, 530)])).toBe(
      "## Prescription drug benefits\n\nYou pay the first $500 for drugs.",
    );
    expect(layoutPage([run("Chapter 4: Medical Benefits Chart", 40, 560)])).toBe("# Chapter 4: Medical Benefits Chart");
  });

  it("gives a merged cell beside two rows of one column a line of its own when they are not a table", () => {
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
      run("Services your plan limits (check your policy)", 40, 514),
      run("Cosmetic surgery", 40, 500),
      run("Long-term care", 250, 500),
    ];
    expect(layoutPage(runs)).toBe("Services your plan limits (check your policy)\nCosmetic surgery | Long-term care");
  });

  it("writes a list set in columns as one item per line, under its title as a heading", () => {
    const runs = [
      run("Services Your Plan Does NOT Cover (This isn't a complete list.)", 40, 560),
      run("•", 40, 530), run("Cosmetic surgery", 55, 530),
      run("•", 240, 530), run("Hearing aids", 255, 530),
      run("•", 40, 510), run("Long-term care", 55, 510),
      run("•", 240, 510), run("Weight loss programs", 255, 510),
    ];
    expect(layoutPage(runs).split("\n")).toEqual([
      "###### Services Your Plan Does NOT Cover",
      "(This isn't a complete list.)",
      "",
      "• Cosmetic surgery",
      "• Hearing aids",
      "• Long-term care",
      "• Weight loss programs",
    ]);
  });

  it("session 40: reads an SBC's lists set in columns without bullets item by item, a wrapped item joined", () => {
    const runs = [
      run("Services Your Plan Does NOT Cover", 40, 600), run("(This isn't a complete list.)", 320, 600),
      run("Chiropractic care", 40, 580), run("Non-emergency care when traveling outside the", 320, 580), run("Weight loss programs", 660, 580),
      run("Cosmetic surgery", 40, 566), run("U.S.", 320, 566),
      run("Other Covered Services", 40, 540), run("(This isn't a complete list.)", 320, 540),
      run("Acupuncture - limited to 12 visits", 40, 520), run("Routine eye care (Adult) - limited to 1 exam", 320, 520),
      run("per 12 months", 320, 506),
    ];
    expect(layoutPage(runs).split("\n")).toEqual([
      "###### Services Your Plan Does NOT Cover",
      "(This isn't a complete list.)",
      "• Chiropractic care",
      "• Cosmetic surgery",
      "• Non-emergency care when traveling outside the U.S.",
      "• Weight loss programs",
      "",
      "###### Other Covered Services",
      "(This isn't a complete list.)",
      "• Acupuncture - limited to 12 visits",
      "• Routine eye care (Adult) - limited to 1 exam per 12 months",
    ]);
  });

  it("session 41: cuts a label that ran into its first cell a word space away at what the other cells open with", () => {
    const runs = [
      run("Plan A (Plan 004)", 150, 720), run("Plan B (Plan 007)", 450, 720),
      run("Inpatient Hospital", 40, 700), run("In-Network:", 152, 700), run("Days 1-6: $399 Copay per day.", 152, 686),
      run("In-Network:", 450, 700), run("Days 1-6: $399 Copay per day.", 450, 686),
      run("Outpatient", 40, 660), run("In-Network:", 152, 660), run("Surgery: $375 copay.", 152, 646),
      run("In-Network:", 450, 660), run("Surgery: $250 copay.", 450, 646),
    ];
    expect(layoutPage(runs).split("\n")[2]).toBe("| Inpatient Hospital | In-Network: Days 1-6: $399 Copay per day. | In-Network: Days 1-6: $399 Copay per day. |");
  });

  it("takes a list read into the last rows of the table above it back out, as a titled list", () => {
    const table = [
      "| Services You May Need | Network Provider | Non-Network Provider |",
      "| --- | --- | --- |",
      "| Glasses | Not Covered | Not Covered |",
      "| Services Your Plan Does NOT Cover (This isn't a complete list.) • Acupuncture • Cosmetic surgery | • Glasses • Long-term care | |",
    ].join("\n");
    const { rest, lists } = trailingLists(table);
    expect(rest.split("\n")).toHaveLength(3);
    expect(lists).toEqual([
      "###### Services Your Plan Does NOT Cover\n(This isn't a complete list.)\n\n• Acupuncture\n• Cosmetic surgery\n• Glasses\n• Long-term care",
    ]);
    expect(trailingLists("| Specialist | $40 • $60 |\n| --- | --- |\n| Lab | $0 |").lists).toEqual([]);
  });

  it("writes a numbered label beside its title as a heading at the number's level", () => {
    const runs = [
      run("Section 5.3", 64, 560),
      run("Step-by-step: How to make a Level 1 appeal", 172, 560),
      run("Legal Terms", 83, 530),
      run("An appeal to the plan is called a reconsideration.", 208, 530),
      run("Section 6", 64, 480),
      run("Your Part D prescription drugs", 172, 480),
    ];
    const lines = layoutPage(runs).split("\n").filter((line) => line !== "");
    expect(lines[0]).toBe("### Section 5.3 Step-by-step: How to make a Level 1 appeal");
    expect(lines[1]).toBe("Legal Terms | An appeal to the plan is called a reconsideration.");
    expect(lines[2]).toBe("## Section 6 Your Part D prescription drugs");
  });

  it("keeps a numbered heading apart from a paragraph read into its title or its label", () => {
    // An Evidence of Coverage's "Section 4.1 | Plan premium" with its paragraph starting under the label, one line down.
    const under = [
      run("Section 4.1", 64, 143),
      run("Plan premium", 172, 143),
      run("You do not pay a separate monthly plan premium for our plan.", 63, 124),
      run("Section 4.2", 64, 88),
      run("Monthly Medicare Part B Premium", 172, 88),
    ];
    expect(layoutPage(under).split("\n").filter((line) => line !== "")).toEqual([
      "### Section 4.1 Plan premium",
      "You do not pay a separate monthly plan premium for our plan.",
      "### Section 4.2 Monthly Medicare Part B Premium",
    ]);
    // A two-line title, and "Section 4.3" read as the last line of the paragraph above it.
    const over = [
      run("who aren't eligible for premium-free Part A.", 63, 616),
      run("Section 4.3", 64, 598),
      run("Optional Supplemental Benefit Premium", 172, 598),
      run("If you signed up for extra benefits, you pay", 63, 576),
      run("an additional premium each month.", 63, 563),
      run("Section 7", 64, 135),
      run("How to ask us to cover a longer inpatient hospital stay if you", 170, 135),
      run("think you are being discharged too soon", 170, 118),
      run("When you are admitted to a hospital, you have the right", 63, 95),
    ];
    expect(layoutPage(over).split("\n").filter((line) => line !== "")).toEqual([
      "who aren't eligible for premium-free Part A.",
      "### Section 4.3 Optional Supplemental Benefit Premium",
      "If you signed up for extra benefits, you pay",
      "an additional premium each month.",
      "## Section 7 How to ask us to cover a longer inpatient hospital stay if you think you are being discharged too soon",
      "When you are admitted to a hospital, you have the right",
    ]);
  });

  it("heads a section whose title is a long sentence by its first words and keeps the sentence as its text", () => {
    const runs = [
      run("Section 1.5", 64, 500),
      run("You have a right to participate with practitioners in making decisions", 172, 500),
      run("about your health care. We must support your right to make decisions", 172, 486),
      run("about your care and a candid discussion of appropriate treatment options.", 172, 472),
      run("Section 5.5", 64, 400),
      run("You stay in the Initial Coverage Stage until your out-of-pocket costs for", 172, 400),
      run("the year reach $2,000", 172, 386),
    ];
    const lines = layoutPage(runs).split("\n").filter((line) => line !== "");
    expect(lines[0]).toBe("### Section 1.5 You have a right to participate with practitioners in making decisions about your health care. We must support your…");
    expect(lines.slice(1, 4).join(" ")).toBe(
      "You have a right to participate with practitioners in making decisions about your health care. We must support your right to make decisions about your care and a candid discussion of appropriate treatment options.",
    );
    // A title that is a sentence may state an amount; a row labelled "Part 2" beside a cost stays a row (below).
    expect(lines[4]).toBe("### Section 5.5 You stay in the Initial Coverage Stage until your out-of-pocket costs for the year reach $2,000");
  });

  it("takes a section title that says what is not covered for a heading", () => {
    expect(layoutPage([run("Section 3", 40, 500), run("What services are not covered by the plan?", 172, 500)])).toBe(
      "## Section 3 What services are not covered by the plan?",
    );
  });

  it("keeps a labelled row that states an amount or lists a page in a table of contents as a row", () => {
    expect(layoutPage([run("Part 2", 40, 500), run("$20 copay", 200, 500)])).toBe("Part 2 | $20 copay");
    expect(layoutPage([run("Section 4", 40, 500), run("Your monthly costs..........5", 200, 500)])).not.toMatch(/^#/);
  });

  it("marks the steps of a procedure as headings below the subsection", () => {
    expect(layoutPage([run("Step 2: Ask our plan for an appeal or a fast appeal", 110, 500)])).toBe(
      "#### Step 2: Ask our plan for an appeal or a fast appeal",
    );
    expect(layoutPage([run("Step 3: We consider your appeal and give you our answer.", 110, 500)])).toMatch(/^#### /);
  });

  it("turns an unmapped symbol-font bullet into a bullet character", () => {
    expect(layoutPage([run("\uf06e", 40, 500), run("Other coinsurance", 55, 500)])).toBe("• Other coinsurance");
  });
});

describe("layoutPage on a benefit chart whose service cells run tall (an Evidence of Coverage)", () => {
  // The service's name in bold ("B"), its description in the regular font ("R"), its costs beside the name.
  const bold = (text: string, x: number, y: number): TextRun => ({ ...run(text, x, y), font: "B" });
  const regular = (text: string, x: number, y: number): TextRun => ({ ...run(text, x, y), font: "R" });
  const description = [
    regular("(For a definition of skilled", 40, 486),
    regular("nursing facility care, see", 40, 472),
    regular("Chapter 12 of this document.)", 40, 458),
    regular("Covered services include:", 40, 444),
    regular("· Meals, including special diets", 40, 430),
    regular("· Skilled nursing services", 40, 416),
  ];
  const inNetwork = [regular("$0 copayment each day for", 260, 500), regular("days 1 - 20. $203 copayment", 260, 486), regular("for days 21 - 100.", 260, 472)];
  const outOfNetwork = [regular("$225 copayment each", 420, 500), regular("day, up to 100 days.", 420, 486)];

  it("writes the service's title beside its costs as one table row and its description after the row", () => {
    const text = layoutPage([bold("Skilled nursing facility care", 40, 500), ...description, ...inNetwork, ...outOfNetwork]);
    expect(text.split("\n\n")).toEqual([
      "| Skilled nursing facility care | $0 copayment each day for days 1 - 20. $203 copayment for days 21 - 100. | $225 copayment each day, up to 100 days. |",
      [
        "Skilled nursing facility care",
        "(For a definition of skilled",
        "nursing facility care, see",
        "Chapter 12 of this document.)",
        "Covered services include:",
        "· Meals, including special diets",
        "· Skilled nursing services",
      ].join("\n"),
    ]);
  });

  it("labels every cost row beside a tall merged cell with the title and writes the description once", () => {
    const runs = [
      header("Services", 40),
      header("In-Network", 260),
      header("Out-of-Network", 460),
      bold("Home infusion therapy", 40, 500),
      ...description,
      regular("Primary care cost-sharing", 260, 500),
      regular("Primary care cost-sharing", 460, 500),
      regular("See Durable medical equipment", 260, 444),
      regular("See Durable medical equipment", 460, 444),
    ];
    const rows = layoutPage(runs).split("\n").filter((line) => line.startsWith("|"));
    expect(rows).toEqual([
      "| Services | In-Network | Out-of-Network |",
      "| --- | --- | --- |",
      "| Home infusion therapy | Primary care cost-sharing | Primary care cost-sharing |",
      "| Home infusion therapy | See Durable medical equipment | See Durable medical equipment |",
    ]);
    expect(layoutPage(runs).match(/Covered services include:/g)).toHaveLength(1);
  });

  it("keeps a tall first cell whole when all of it is set in one font", () => {
    const text = layoutPage([regular("Skilled nursing facility care", 40, 500), ...description, ...inNetwork, ...outOfNetwork]);
    expect(text.split("\n")).toHaveLength(1);
    expect(text).toMatch(/^Skilled nursing facility care \(For a definition.* \| \$0 copayment/);
  });

  it("keeps a tall titled cell whole beside a cell that states no cost", () => {
    const list = [regular("Other covered services:", 260, 500), regular("Chiropractic care", 260, 486), regular("Hearing aids", 260, 472)];
    const text = layoutPage([bold("Services your plan does not cover", 40, 500), ...description, ...list]);
    expect(text).toMatch(/^Services your plan does not cover \(For a definition/);
  });

  it("keeps a cell whole when its bold line is a lead-in ending in a colon", () => {
    const text = layoutPage([bold("This event includes services like:", 40, 500), ...description, ...inNetwork, ...outOfNetwork]);
    expect(text.split("\n")).toHaveLength(1);
  });

  function header(text: string, x: number): TextRun {
    return { ...run(text, x, 530), font: "B" };
  }
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

describe("runningRows", () => {
  const page = (n: number, body: string) =>
    analysePage([
      run("Gold PPO Plan", 40, 760),
      run("Coverage Period: 01/01/2025", 300, 760),
      run(body, 40, 500),
      run(`Page ${n} of 4`, 40, 40),
    ]);

  it("drops a header and a page number repeated on every page and keeps the header's words", () => {
    const layouts = ["One", "Two", "Three", "Four"].map((word, i) => page(i + 1, `${word} is the body of this page.`));
    const running = runningRows(layouts);
    expect(renderPage(layouts[1] ?? analysePage([]), running[1]?.skip)).toBe("Two is the body of this page.");
    expect(running[0]?.header).toBe("Gold PPO Plan · Coverage Period: 01/01/2025");
  });

  it("keeps a date the running header prints as a cell of its own beside its label", () => {
    const dated = (n: number) =>
      analysePage([
        run("Health Net of CA: Cal Choice HMO 25", 40, 760),
        run("Coverage Period:", 300, 760),
        run("11/01/2013", 400, 760),
        run(`Paragraph ${"abcd".charAt(n)} of the body.`, 40, 500),
        run(`${n + 1}`, 300, 40),
      ]);
    const running = runningRows([0, 1, 2, 3].map(dated));
    expect(running[0]?.header).toBe("Health Net of CA: Cal Choice HMO 25 · Coverage Period: 11/01/2013");
  });

  it("leaves out a title that opens every running header when the chapter under it changes", () => {
    const chapterPage = (chapter: string, n: number) =>
      analysePage([
        run("2025 Evidence of Coverage for Gold PPO", 40, 774),
        run(chapter, 40, 760),
        run(`Paragraph ${"abcdef".charAt(n)} of the body.`, 40, 500),
      ]);
    const chapters = ["Chapter 1: Getting started", "Chapter 1: Getting started", "Chapter 1: Getting started", "Chapter 9: Appeals", "Chapter 9: Appeals", "Chapter 9: Appeals"];
    const layouts = chapters.map(chapterPage);
    const running = runningRows(layouts);
    expect(running.map((page) => page.section)).toEqual(chapters);
    // The title is still the document's name: said once, on the first page that prints it.
    expect(running.map((page) => page.title)).toEqual(["2025 Evidence of Coverage for Gold PPO", "", "", "", "", ""]);
  });

  it("keeps a running header that is the same on every page whole, and its first cell as the section", () => {
    const layouts = ["One", "Two", "Three"].map((word, i) => page(i + 1, `${word} is the body of this page.`));
    expect(runningRows(layouts)[0]?.section).toBe("Gold PPO Plan");
  });

  it("keeps a running footer that says something once, on the first page that prints it", () => {
    const footed = (n: number) =>
      analysePage([
        run("Gold PPO Plan", 40, 760),
        run(`Paragraph ${"abcd".charAt(n)} of the body.`, 40, 600),
        run(`Another paragraph ${"abcd".charAt(n)} of the body.`, 40, 500),
        run("Questions: Call 1-800-522-0088 or visit us at www.healthnet.com.", 40, 60),
        run(`${n + 1} of 4`, 500, 40),
      ]);
    const layouts = [0, 1, 2, 3].map(footed);
    const running = runningRows(layouts);
    const rendered = layouts.map((layout, i) => renderPage(layout, running[i]?.skip));
    expect(rendered[0]).toContain("Questions: Call 1-800-522-0088");
    for (const text of rendered.slice(1)) expect(text).not.toContain("Questions");
    // The page numbers beside it are not kept anywhere.
    for (const text of rendered) expect(text).not.toMatch(/\d of 4/);
  });

  it("keeps a table header that repeats at the top of every page", () => {
    const tablePage = () =>
      analysePage([
        run("Services", 40, 760),
        run("In-Network", 200, 760),
        run("Specialist", 40, 740),
        run("$50 copay", 200, 740),
        run("Primary care", 40, 720),
        run("$20 copay", 200, 720),
      ]);
    const layouts = [tablePage(), tablePage(), tablePage()];
    const running = runningRows(layouts);
    expect(renderPage(layouts[2] ?? analysePage([]), running[2]?.skip)).toContain("| Services | In-Network |\n| --- | --- |");
  });
});
