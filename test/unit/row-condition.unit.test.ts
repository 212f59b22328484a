import { describe, expect, it } from "vitest";
import { answerQuotes, OfflineLlmProvider } from "../../src/providers/llm/offline";
import { conditionRowQuotes, MAX_CONDITION_ROWS } from "../../src/providers/llm/offline-rows";
import { askedRowCondition, chartRow, CONDITION_PATTERN, hasMeetingRow, meetingCells } from "../../src/text/row-condition";
import { collect } from "../support/worker-llm";

const passage = (n: number, text: string, page = 2) => ({
  n,
  documentId: "doc",
  filename: "plan.pdf",
  page,
  chunkId: `c${n}`,
  score: 0.5,
  text,
  context: "Summary of Benefits and Coverage",
});

/** A PPO summary's chart, as the chunker writes its rows (Health Net's platinum PPO, shortened). */
const CHART = [
  passage(
    1,
    [
      "If you visit a health care provider’s office or clinic › Specialist visit — Preferred Provider: $40/visit; Out-of-network Provider: 50% co-ins; Limitations & Exceptions: none",
      "If you visit a health care provider’s office or clinic › Preventive care/screening/immunization — Preferred Provider: No charge; Out-of-network Provider: Not covered; Limitations & Exceptions: none",
    ].join("\n"),
  ),
  passage(
    2,
    [
      "If you need drugs to treat your illness or condition › Preferred generic drugs — Preferred Provider: $5/retail order; Out-of-network Provider: Not covered; Limitations & Exceptions: Supply/order: up to 30 day (retail); 35-90 day (mail). Prior auth is required for select drugs.",
      "If you need help recovering or have other special health needs › Rehabilitation services — Preferred Provider: $20/visit; Out-of-network Provider: Not covered; Limitations & Exceptions: If prior authorization is not obtained a $250 penalty will apply.",
      "If you need help recovering or have other special health needs › Skilled nursing care — Preferred Provider: 10% co-ins; Out-of-network Provider: 30% co-ins; Limitations & Exceptions: Coverage is limited to 100 days. Failure to obtain preauthorization may result in non-coverage.",
      "If your child needs dental or eye care › Dental check-up — Preferred Provider: Not covered; Out-of-network Provider: Not covered; Limitations & Exceptions: none",
      "If you need help recovering or have other special health needs › Home health care — Preferred Provider: $50 copay per visit; Out-of-network Provider: 30% co-ins; Limitations & Exceptions: Coverage is limited to 100 visits.",
    ].join("\n"),
    3,
  ),
];

describe("a question asking for every chart row that says something", () => {
  it("reads what the rows must say from the member's words, in English and Spanish", () => {
    expect(askedRowCondition("I have a couple of out-of-network providers I like. Which kinds of care will this PPO not pay anything for if I go out of network?")).toBe("not-covered");
    expect(askedRowCondition("Is there anything in the chart where the plan pays nothing at all if we go out of network?")).toBe("not-covered");
    expect(askedRowCondition("Even if I stick 100% with preferred providers, are there any services in the cost chart that this plan won't pay for at all?")).toBe("not-covered");
    expect(askedRowCondition("Before I start a bunch of therapy and stuff, which benefits on this bronze plan have a cap on the number of visits or days?")).toBe("limited");
    expect(askedRowCondition("I keep seeing 'failure to obtain preauthorization' all over this summary. Which services in the chart carry that warning?")).toBe("approval");
    expect(askedRowCondition("How can I tell which services need Clover's approval before I get them?")).toBe("approval");
    expect(askedRowCondition("¿Qué servicios no cubre el plan si voy fuera de la red?")).toBe("not-covered");
    expect(askedRowCondition("¿Cuáles beneficios tienen un límite de visitas al año?")).toBe("limited");
    expect(askedRowCondition("¿Hay algún servicio que necesite autorización previa?")).toBe("approval");
    expect(askedRowCondition("Money's tight this year. Which services on this plan are totally free as long as I stay in network?")).toBe("free");
    expect(askedRowCondition("¿Qué servicios no me cuestan nada si me quedo en la red?")).toBe("free");
    expect(askedRowCondition("If I stick with preferred providers, which services on this plan won't cost me anything at all?")).toBe("free");
    expect(askedRowCondition("Mom is going to need a lot of care this year. Which services on this chart top out at 100 a year?")).toBe("limited");
    expect(askedRowCondition("She'll need a nurse at home and maybe a rehab nursing facility. Which of those does the plan put a yearly visit cap on?")).toBe("limited");
    expect(askedRowCondition("Is there anything in the cost chart where I'd pay the exact same share whether the provider is in network or not?")).toBe("same");
    expect(askedRowCondition("Is there anything in the chart where going out of network costs exactly the same as staying in network?")).toBe("same");
    expect(askedRowCondition("¿Hay algún servicio que cueste lo mismo dentro y fuera de la red?")).toBe("same");
  });

  it("finds the rows whose network columns say the same", () => {
    const same = (line: string) => meetingCells(chartRow(line)!, "same");
    expect(same("Emergency medical transportation — Network Provider: 20% coinsurance; Out-of-Network Provider: 20% coinsurance; Limitations & Exceptions: None")).toHaveLength(2);
    expect(same("Emergency room services — Network: 20% co-ins, after ded.; Non-Network: Same as Network")).toHaveLength(2);
    expect(same("Specialist visit — Network Provider: $50 copay/visit; Out-of-Network Provider: 40% coinsurance; Limitations & Exceptions: None")).toEqual([]);
    // (A row of one column compares nothing.)
    expect(same("Fitness program — In-network: $0 copay")).toEqual([]);
    expect(conditionRowQuotes("same", null, [{ ...CHART[0]!, text: "If you need immediate medical attention › Emergency medical transportation — Network Provider: 20% coinsurance; Out-of-Network Provider: 20% coinsurance\nUrgent care — Network Provider: $30 copay; Out-of-Network Provider: 40% coinsurance" }]).map((quote) => quote.sentence)).toEqual([
      "Emergency medical transportation — Network Provider: 20% coinsurance; Out-of-Network Provider: 20% coinsurance",
    ]);
  });

  it("asks nothing of the rows when the question asks about one service or names no condition", () => {
    expect(askedRowCondition("Is physical therapy covered out of network?")).toBeNull();
    expect(askedRowCondition("Does my MRI need prior authorization?")).toBeNull();
    expect(askedRowCondition("Which services do you recommend?")).toBeNull();
    expect(askedRowCondition("How many visits do I get for chiropractic care?")).toBeNull();
  });

  it("finds a cell by what it says: nothing paid in the tier asked, a limit of visits or days, an approval", () => {
    const rows = CHART.flatMap((source) => source.text.split("\n")).map((line) => chartRow(line)!);
    const outOfNetwork = (cell: string) => /^Out-of-network/.test(cell);
    expect(rows.filter((row) => meetingCells(row, "not-covered", outOfNetwork).length > 0).map((row) => row.label.split(" › ")[1])).toEqual([
      "Preventive care/screening/immunization",
      "Preferred generic drugs",
      "Rehabilitation services",
      "Dental check-up",
    ]);
    // A drug's "up to 30 day (retail)" supply is no limit on visits or days.
    expect(rows.filter((row) => meetingCells(row, "limited").length > 0).map((row) => row.label.split(" › ")[1])).toEqual(["Skilled nursing care", "Home health care"]);
    expect(rows.filter((row) => meetingCells(row, "approval").length > 0)).toHaveLength(3);
    expect(chartRow("Prose without a row's dash.")).toBeNull();
    expect(meetingCells(chartRow("Home health care — Network Provider: 20% coinsurance; Limitations: 100 visits/calendar year")!, "limited")).toHaveLength(1);
    expect(hasMeetingRow(CHART[0]!.text, "limited")).toBe(false);
    expect(hasMeetingRow(CHART[1]!.text, "limited")).toBe(true);
  });

  it("gives the database a pattern every passage with such a row matches", () => {
    for (const source of CHART) {
      for (const condition of ["not-covered", "limited", "approval"] as const) {
        if (hasMeetingRow(source.text, condition)) expect(new RegExp(CONDITION_PATTERN[condition], "i").test(source.text)).toBe(true);
      }
    }
  });

  it("quotes each row that says it, as its service and the cells that say it, in the document's order", () => {
    // (Rows of one passage that say the same are one line naming each service.)
    expect(conditionRowQuotes("not-covered", "out", CHART).map((quote) => quote.sentence)).toEqual([
      "Preventive care/screening/immunization — Out-of-network Provider: Not covered",
      "Preferred generic drugs · Rehabilitation services · Dental check-up — Out-of-network Provider: Not covered",
    ]);
    // Asked about no tier, only a row no tier pays for is one the plan "won't pay for at all".
    expect(conditionRowQuotes("not-covered", null, CHART).map((quote) => quote.sentence)).toEqual([
      "Dental check-up — Preferred Provider: Not covered; Out-of-network Provider: Not covered",
    ]);
    // A limit's or an approval's cell is cut to the sentence that states it.
    expect(conditionRowQuotes("limited", null, CHART).map((quote) => quote.sentence)).toEqual([
      "Skilled nursing care — Limitations & Exceptions: Coverage is limited to 100 days.",
      "Home health care — Limitations & Exceptions: Coverage is limited to 100 visits.",
    ]);
    expect(conditionRowQuotes("approval", null, CHART).map((quote) => quote.sentence)[2]).toBe(
      "Skilled nursing care — Limitations & Exceptions: Failure to obtain preauthorization may result in non-coverage.",
    );
    // An exclusions chart's rows have no column names; a condition on the exclusion is no exclusion.
    const exclusions = passage(
      4,
      [
        "Personal items in your room at a hospital or a skilled nursing facility, such as a telephone or a television. — Not covered under any condition",
        "Private room in a hospital. — Covered only when medically necessary.",
        "1 procedure per plan year — Criteria and exclusions: Not covered in the same year as a full mouth set of X-rays (D0210)",
        "What is not included in the out-of-pocket limit? — Answers: Not covered",
      ].join("\n"),
    );
    expect(conditionRowQuotes("not-covered", null, [exclusions]).map((quote) => quote.sentence)).toEqual([
      "Personal items in your room at a hospital or a skilled nursing facility, such as a telephone or a television. — Not covered under any condition",
    ]);
    // Nothing to pay, asked about no tier, is read in the network's cells.
    expect(conditionRowQuotes("free", null, CHART).map((quote) => quote.sentence)).toEqual(["Preventive care/screening/immunization — Preferred Provider: No charge"]);
    // A note that leaves a service out holds in every tier.
    const chiropractic = passage(5, "If you visit a health care provider’s office or clinic › Other practitioner office visit — Preferred Provider: Acupuncture-$20/visit; Out-of-network Provider: Not covered; Limitations & Exceptions: Acupuncture needs a referral. Chiropractic care is not covered.");
    expect(conditionRowQuotes("not-covered", "in", [chiropractic]).map((quote) => quote.sentence)).toEqual(["Other practitioner office visit — Limitations & Exceptions: Chiropractic care is not covered."]);
    expect(conditionRowQuotes("not-covered", "out", [chiropractic]).map((quote) => quote.sentence)).toEqual([
      "Other practitioner office visit — Out-of-network Provider: Not covered; Limitations & Exceptions: Chiropractic care is not covered.",
    ]);
    const many = Array.from({ length: 30 }, (_, i) => passage(i + 1, `Service ${i + 1} — Preferred Provider: $5; Out-of-network Provider: Not covered`));
    expect(conditionRowQuotes("not-covered", "out", many)).toHaveLength(MAX_CONDITION_ROWS);
  });

  it("answers with those rows, then the best sentences that are no row", async () => {
    const excluded = passage(3, "Services Your Plan Does NOT Cover (This isn’t a complete list.) • Cosmetic surgery • Dental care (Adult) • Long-term care", 4);
    const sentences = answerQuotes("Which services does the plan not cover at all?", [...CHART, excluded]).map((quote) => quote.sentence);
    expect(sentences[0]).toBe("Dental check-up — Preferred Provider: Not covered; Out-of-network Provider: Not covered");
    expect(sentences.join(" ")).toContain("Cosmetic surgery");
    const answer = await collect(new OfflineLlmProvider().answer({ question: "Which kinds of care will this PPO not pay anything for if I go out of network?", sources: CHART, history: [] }));
    expect(answer.text).toContain("- Preventive care/screening/immunization — Out-of-network Provider: Not covered [1]");
    expect(answer.text).toContain("- Preferred generic drugs · Rehabilitation services · Dental check-up — Out-of-network Provider: Not covered [2]");
    expect(answer.text).not.toContain("Specialist visit");
  });
});
