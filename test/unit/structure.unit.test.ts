import { describe, expect, it } from "vitest";
import { chunkPages } from "../../src/ingestion/chunker";
import { normalisePageText } from "../../src/ingestion/parse-pdf";
import { initialState, pageItems, shortHeader } from "../../src/ingestion/structure";

const sbcTable = [
  "| Common Medical Event | Services You May Need | Your Cost If You Use a Network Provider | Your Cost If You Use an Out-of-Network Provider | Limitations & Exceptions |",
  "| --- | --- | --- | --- | --- |",
  "| If you visit a health care provider's office | Specialist visit | $50 copay/visit | 40% coinsurance | ––––– None ––––– |",
  "| If you have a test | Imaging (CT/PET scans, MRIs) | 20% coinsurance | 40% coinsurance | Preauthorization is required. |",
].join("\n");

describe("pageItems", () => {
  it("writes a table row with its label and every value under its column header", () => {
    const rows = pageItems(sbcTable, initialState()).filter((item) => item.kind === "row");
    expect(rows.map((row) => row.text)).toEqual([
      "If you visit a health care provider's office › Specialist visit — Network Provider: $50 copay/visit; Out-of-Network Provider: 40% coinsurance; Limitations & Exceptions: None",
      "If you have a test › Imaging (CT/PET scans, MRIs) — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance; Limitations & Exceptions: Preauthorization is required.",
    ]);
  });

  it("reads a short aside on the line under a heading as part of it, and a control character as a space", () => {
    const text = normalisePageText("## Having a baby\n(normal delivery)\n\n| \u0084\u0084 | Amount owed to providers: $7,540 Plan pays: $3,570 | |\n| Sample care costs: Hospital charges (mother) | | $2,700 |");
    const items = pageItems(text, initialState());
    expect(items[0]).toEqual({ kind: "heading", level: 2, text: "Having a baby (normal delivery)" });
    expect(items.filter((item) => item.kind === "row").map((item) => item.text)).toEqual([
      "Amount owed to providers: $7,540 Plan pays: $3,570",
      "Sample care costs › Hospital charges (mother) — $2,700",
    ]);
    // A sentence in parentheses is not a title's aside.
    expect(pageItems("## Services Your Plan Does NOT Cover\n(This isn't a complete list.)", initialState())[0]).toEqual({ kind: "heading", level: 2, text: "Services Your Plan Does NOT Cover" });
  });

  it("names a table's columns from a line of names set above it, less a caption cut off over two of them", () => {
    // The 2013 SBC template as the layout reads it: the header's cells on a line of their own, "Your cost if you use a"
    // over the two network columns, and the first event label between the names and the rows.
    const text = [
      "Common Medical Event | Services You May Need | Network Provider | Your cost if you use a | Non-Network Provider | Limitations & Exceptions",
      "If you visit a health care",
      "provider's office or clinic",
      "",
      "| | Specialist visit | 20% co-ins, after ded. | 50% co-ins, after ded. | None |",
      "| If you have a test | Imaging (CT / PET scans, MRIs) | 20% co-ins, after ded. | 50% co-ins, after ded. | None |",
    ].join("\n");
    const items = pageItems(text, initialState());
    expect(items.filter((item) => item.kind === "row").map((item) => item.text)).toEqual([
      "Specialist visit — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: None",
      "If you have a test › Imaging (CT / PET scans, MRIs) — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: None",
    ]);
    // The names are not text of their own.
    expect(items.some((item) => item.kind === "text" && item.text.includes("Services You May Need"))).toBe(false);
    // A line of a different width is left as it is.
    const other = pageItems("Medical benefits | In-network | Out-of-network\n| Specialist visit | $35 |\n| Lab | $0 |", initialState());
    expect(other.filter((item) => item.kind === "row").map((item) => item.text)).toEqual(["Specialist visit — $35", "Lab — $0"]);
  });

  it("reads a row left alone on its line as a row of the chart running across the page", () => {
    const state = initialState();
    const header = "| Services that are covered for you | In-Network | Out-of-Network |\n| --- | --- | --- |\n| Opioid treatment program services | $0 copayment | $0 copayment |";
    pageItems(header, state);
    const items = pageItems("Covered services include:\n·X-rays | $15 copayment for each standard X-ray. | $40 copayment for each standard X-ray.", state);
    expect(items.filter((item) => item.kind === "row").map((item) => item.text)).toEqual([
      "·X-rays — In-Network: $15 copayment for each standard X-ray.; Out-of-Network: $40 copayment for each standard X-ray.",
    ]);
    // Without a running chart, or without a value, such a line stays text.
    expect(pageItems("·X-rays | $15 copayment | $40 copayment", initialState()).some((item) => item.kind === "row")).toBe(false);
    expect(pageItems("Method | Phone | Web site", state).some((item) => item.kind === "row")).toBe(false);
  });

  it("reads the rows of a table under the lead-in line over it ('Patient pays:')", () => {
    const items = pageItems("Patient pays:\n| Deductibles | $5,170 |\n| Copays | $20 |\n| Total | $5,340 |", initialState());
    expect(items.filter((item) => item.kind === "row").map((item) => item.text)).toEqual([
      "Patient pays › Deductibles — $5,170",
      "Patient pays › Copays — $20",
      "Patient pays › Total — $5,340",
    ]);
    expect(items.some((item) => item.kind === "text" && item.text.includes("Patient pays:"))).toBe(false);
  });

  it("keeps the last header for a table continued on the next page without one", () => {
    const state = initialState();
    pageItems(sbcTable, state);
    const [row] = pageItems("| If you need drugs | Generic drugs | $10 copay | Not covered | None |", state);
    expect(row?.kind === "row" && row.text).toBe(
      "If you need drugs › Generic drugs — Network Provider: $10 copay; Out-of-Network Provider: Not covered; Limitations & Exceptions: None",
    );
  });

  it("tracks the section path through headings of several levels", () => {
    const state = initialState();
    pageItems("# Evidence of Coverage\n## Chapter 9: Appeals\n### Section 5.2 Deadlines\nYou have 65 days.", state);
    expect(state.sections).toEqual(["Evidence of Coverage", "Chapter 9: Appeals", "Section 5.2 Deadlines"]);
    pageItems("## Chapter 10: Ending your membership", state);
    expect(state.sections).toEqual(["Evidence of Coverage", "Chapter 10: Ending your membership"]);
  });

  it("names each column by every tier of a header set in several rows, for the rows under it only", () => {
    const table = [
      "| Deductible | There is a $420 deductible for drugs in Tier 3, 4 and 5. |  |  |",
      "| Tier drug coverage | Retail | | Mail Order |",
      "| | Standard | Preferred | Standard |",
      "| | 30-day supply | 100-day supply | 100-day supply |",
      "| Tier 2: Generic | $10 copay | $0 copay | $30 copay |",
    ].join("\n");
    const rows = pageItems(table, initialState()).filter((item) => item.kind === "row");
    expect(rows.map((row) => row.text)).toEqual([
      "Deductible — There is a $420 deductible for drugs in Tier 3, 4 and 5.",
      "Tier 2: Generic — Retail · Standard · 30-day supply: $10 copay; Retail · Preferred · 100-day supply: $0 copay; Mail Order · Standard · 100-day supply: $30 copay",
    ]);
  });

  it("reads a header whose top tier the layout marked as the header, and two tiers under it, as one stacked header", () => {
    const table = [
      "| Tier drug coverage | Retail | | Mail Order | |",
      "| --- | --- | --- | --- | --- |",
      "| | Standard | | Preferred | Standard |",
      "| | 30-day supply | 100-day supply | 100-day supply | 100-day supply |",
      "| Tier 3: Preferred Brand | $47 copay | $141 copay | $131 copay | $141 copay |",
    ].join("\n");
    const rows = pageItems(table, initialState()).filter((item) => item.kind === "row");
    expect(rows.map((row) => row.text)).toEqual([
      "Tier 3: Preferred Brand — Retail · Standard · 30-day supply: $47 copay; Retail · Standard · 100-day supply: $141 copay; " +
        "Mail Order · Preferred · 100-day supply: $131 copay; Mail Order · Standard · 100-day supply: $141 copay",
    ]);
  });

  it("takes the row of column names under a running header drawn into the table for the table's header", () => {
    const table = [
      "| Blue Shield of CA: Premier PPO 5 | | | Coverage Period: 1/1/2013 | |",
      "| --- | --- | --- | --- | --- |",
      "| Common Medical Event | Services You May Need | Your Cost If You Use a Preferred Provider | Your Cost If You Use a Non-Preferred Provider | Limitations & Exceptions |",
      "| If you visit a provider's office | Specialist visit | $5/visit | 25% coinsurance | none |",
    ].join("\n");
    const rows = pageItems(table, initialState()).filter((item) => item.kind === "row");
    expect(rows.map((row) => row.text).at(-1)).toBe(
      "If you visit a provider's office › Specialist visit — Preferred Provider: $5/visit; Non-Preferred Provider: 25% coinsurance; Limitations & Exceptions: none",
    );
  });

  it("closes a numbered section whose subsection's number does not continue it", () => {
    const state = initialState();
    pageItems("# Chapter 9: Appeals\n## Section 6 Part D appeals\n### Section 6.5 Level 1 appeal\n### Section 7.1 Your hospital stay", state);
    expect(state.sections).toEqual(["Chapter 9: Appeals", "", "Section 7.1 Your hospital stay"]);
    pageItems("## Section 10 Making complaints\n### Section 10.1 What kinds of problems", state);
    expect(state.sections).toEqual(["Chapter 9: Appeals", "Section 10 Making complaints", "Section 10.1 What kinds of problems"]);
  });

  it("takes a row that opens like the header for the header of the rows after it", () => {
    const contacts = [
      "| Method | Medicare – Contact Information |",
      "| --- | --- |",
      "| Call | 1-800-633-4227 |",
      "| Method | State Health Insurance Assistance Program (SHIP) – Contact Information |",
      "| Call | 1-877-424-4640 |",
    ].join("\n");
    const rows = pageItems(contacts, initialState()).filter((item) => item.kind === "row");
    expect(rows.map((row) => row.text)).toEqual([
      "Call — Medicare – Contact Information: 1-800-633-4227",
      "Call — State Health Insurance Assistance Program (SHIP) – Contact Information: 1-877-424-4640",
    ]);
  });

  it("reads plans side by side, each over a name column and a value column, with the sub-header over each value", () => {
    const page = [
      "| | Gold Plan (Plan 004) | | Silver Plan (Plan 007) | |",
      "| --- | --- | --- | --- | --- |",
      "| Initial Coverage | You pay the following until costs reach $2,000. | | You pay the following until costs reach $2,000. | |",
      "| | Tier | 30 day supply | Tier | 30 day supply |",
      "| | Tier 4 (Non-Preferred Drug) | $100 copay | Tier 4 (Non-Preferred Drug) | 35% coinsurance |",
      "| | Tier | 100 day supply | Tier | 100 day supply |",
      "| | Tier 4 (Non-Preferred Drug) | $300 copay | Tier 4 (Non-Preferred Drug) | 35% coinsurance |",
    ].join("\n");
    const rows = pageItems(page, initialState()).filter((item) => item.kind === "row");
    expect(rows.map((row) => row.text)).toEqual([
      "Initial Coverage — Gold Plan (Plan 004): You pay the following until costs reach $2,000.; Silver Plan (Plan 007): You pay the following until costs reach $2,000.",
      "Tier 4 (Non-Preferred Drug) — Gold Plan (Plan 004) · 30 day supply: $100 copay; Silver Plan (Plan 007) · 30 day supply: 35% coinsurance",
      "Tier 4 (Non-Preferred Drug) — Gold Plan (Plan 004) · 100 day supply: $300 copay; Silver Plan (Plan 007) · 100 day supply: 35% coinsurance",
    ]);
    // An unnamed column without a row of names over it stays unnamed (an SBC's limitations column).
    const sbc = ["| Event | Service | Plan Provider | Non-Plan Provider | |", "| --- | --- | --- | --- | --- |", "| If you need drugs | Generic drugs | $10 copay | Not covered | Not subject to deductible |"].join("\n");
    const [row] = pageItems(sbc, initialState()).filter((item) => item.kind === "row");
    expect(row?.text).toBe("If you need drugs › Generic drugs — Plan Provider: $10 copay; Non-Plan Provider: Not covered; Not subject to deductible");
  });

  it("reads examples set side by side, each a label and an amount column under its title, one after the other under their names", () => {
    const page = [
      "| Peg is Having a Baby (9 months of in-network pre-natal care) | | Mia's Simple Fracture (in-network emergency room visit) | |",
      "| Total Example Cost | $12,700 | Total Example Cost | $2,800 |",
      "| Copayments | $200 | Copayments | $200 |",
      "| Coinsurance | $1,800 | Coinsurance | $400 |",
    ].join("\n");
    const state = initialState();
    const items = pageItems(page, state).map((item) => (item.kind === "heading" ? `# ${item.text}` : item.text));
    expect(items).toEqual([
      "# Peg is Having a Baby",
      "(9 months of in-network pre-natal care)",
      "Total Example Cost — $12,700",
      "Copayments — $200",
      "Coinsurance — $1,800",
      "# Mia's Simple Fracture",
      "(in-network emergency room visit)",
      "Total Example Cost — $2,800",
      "Copayments — $200",
      "Coinsurance — $400",
      "# ",
    ]);
    expect(state.sections).toEqual([]);
  });

  it("does not give a table under a new section heading the column names of the table before it", () => {
    const state = initialState();
    pageItems("| Services | In-Network | Out-of-Network |\n| --- | --- | --- |\n| Specialist | $50 copay | 40% coinsurance |", state);
    const rows = pageItems("## Having a baby\n| Copays | $20 |\n| Total | $3,970 |", state).filter((item) => item.kind === "row");
    expect(rows.map((row) => row.text)).toEqual(["Copays — $20", "Total — $3,970"]);
  });

  it("finds where a table's labels end from its rows of several cells, not from a note across it", () => {
    const rows = pageItems("| | Amount owed to providers: $7,540 Plan pays: $3,570 | |\n| Sample care costs | Anesthesia | $900 |\n| | Total | $7,540 |", initialState());
    expect(rows.filter((item) => item.kind === "row").map((row) => row.text)).toContain("Total — $7,540");
  });

  it("reads a grid of text marked with a header as text, not as column names", () => {
    const rows = pageItems(
      "| Cosmetic surgery Dental care (Adult) Hearing aids Infertility treatment | Long-term care Non-emergency care when traveling outside the U.S. Private-duty nursing | Routine foot care Weight loss programs |\n| --- | --- | --- |\n| Acupuncture Bariatric surgery | Chiropractic care | Routine eye care (Adult) |",
      initialState(),
    );
    expect(rows.some((item) => item.kind === "row")).toBe(false);
    expect(rows.map((item) => item.text).join("\n")).toContain("Private-duty nursing");
    expect(rows.map((item) => item.text).join("\n")).toContain("Routine eye care (Adult)");
  });

  it("reads a checklist (a column of check marks beside the services) as its services, losing none", () => {
    const items = pageItems(
      [
        "| x | Acupuncture | x | Infertility treatment |",
        "| --- | --- | --- | --- |",
        "| x | Bariatric surgery | x | Long-term care |",
        "| x | Cosmetic surgery | x | Routine foot care |",
        "| x | Hearing aids | | |",
        "",
        "| x | Chiropractic care |",
        "| --- | --- |",
        "| x | Private-duty nursing Coverage is limited to 16 hours per calendar year. |",
      ].join("\n"),
      initialState(),
    );
    expect(items.filter((item) => item.kind !== "heading").map((item) => item.text.trim())).toEqual([
      "Acupuncture; Infertility treatment",
      "Bariatric surgery; Long-term care",
      "Cosmetic surgery; Routine foot care",
      "Hearing aids",
      "Chiropractic care",
      "Private-duty nursing Coverage is limited to 16 hours per calendar year.",
    ]);
  });

  it("never takes rows with nothing under them for a header: a contact table's last rows over prose stay rows", () => {
    const text = [
      "| Method | State Medicaid Program – Contact Information |",
      "| | 8 a.m. - 5 p.m. MT, Monday - Friday |",
      "| TTY | 711 |",
      "| Write | P.O. Box 143106, Salt Lake City, UT 84114-3106 |",
      "| Website | https://medicaid.utah.gov/ |",
      "| Information about programs to help people pay for their prescription drugs. | |",
    ].join("\n");
    const rows = pageItems(text, initialState()).map((item) => item.text);
    expect(rows).toContain("Write — P.O. Box 143106, Salt Lake City, UT 84114-3106");
    expect(rows).toContain("Website — https://medicaid.utah.gov/");
    // A row that opens like the header heads the rows after it; one with no row after it is read as text.
    const repeated = pageItems(
      ["| 1. | Dental services that are not necessary. |", "| --- | --- |", "| 1. | Hospitalization or other facility charges. |", "| 1. | Any procedure not performed in a dental setting. |"].join("\n"),
      initialState(),
    ).map((item) => item.text);
    expect(repeated.join("\n")).toContain("Hospitalization or other facility charges.");
    expect(repeated.join("\n")).toContain("Any procedure not performed in a dental setting.");
  });

  it("reads a contact table's first row as a row when the layout marked its phone number a column name", () => {
    const text = [
      "Method | AIDS Drug Assistance Program (ADAP) – Contact Information Utah Department of Health Office of Communicable Diseases",
      "",
      "| Call | 1-801-538-6191 8 a.m.-5 p.m. local time, Monday-Friday |",
      "| --- | --- |",
      "| Website | http://health.utah.gov/epi/treatment/ |",
    ].join("\n");
    const items = pageItems(text, initialState());
    const program = "AIDS Drug Assistance Program (ADAP) – Contact Information Utah Department of Health Office of Communicable Diseases";
    expect(items.map((item) => item.text)).toEqual([
      `Call — ${program}: 1-801-538-6191 8 a.m.-5 p.m. local time, Monday-Friday`,
      `Website — ${program}: http://health.utah.gov/epi/treatment/`,
    ]);
    // Without a line of names above, the rows are rows of their own.
    const bare = pageItems(["| Call | 1-877-424-4640 |", "| --- | --- |", "| TTY | 711 |"].join("\n"), initialState()).map((item) => item.text);
    expect(bare.join("\n")).toContain("1-877-424-4640");
    expect(bare.join("\n")).not.toMatch(/TTY — 1-877-424-4640/);
  });

  it("reads the rows under a group's title in its label ('Patient pays: Total Deductibles') under that group", () => {
    const table = "| Sample care costs: Hospital charges | $2,700 |\n| Total | $7,540 |\n| Patient pays: Total Deductibles | $1,500 |\n| Co-pays | $20 |\n| Total | $3,970 |";
    const rows = pageItems(table, initialState()).filter((item) => item.kind === "row");
    expect(rows.map((row) => row.text)).toEqual([
      "Sample care costs › Hospital charges — $2,700",
      "Sample care costs › Total — $7,540",
      "Patient pays › Total Deductibles — $1,500",
      "Patient pays › Co-pays — $20",
      "Patient pays › Total — $3,970",
    ]);
  });

  it("shortens cost column headers to the words that tell them apart", () => {
    expect(shortHeader("What You Will Pay Network Provider (You will pay the least)")).toBe("Network Provider");
    expect(shortHeader("What you must pay when you get these services In-Network")).toBe("In-Network");
  });

  it("stays linear on a megabyte of pipes and dashes", () => {
    const started = Date.now();
    pageItems(`|${"-|".repeat(500_000)}\n${"| a ".repeat(200_000)}|`, initialState());
    // A generous bound that a quadratic pass over 1 MB (about 10^12 steps) could never meet.
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("a chart across pages", () => {
  it("keeps its column names past a narrower table set between its rows, in the same section", () => {
    const state = initialState();
    const page = (text: string) => [...pageItems(text, state)].filter((item) => item.kind === "row").map((item) => item.text);
    page("## Medical Benefits Chart\n\n| Services that are covered for you | In-Network | Out-of-Network |\n| --- | --- | --- |\n| Chiropractic services | $20 copayment | $65 copayment |");
    // A benefit's two-column note (no names of its own), then the chart's rows go on without a header.
    page("| Over-the-counter credit | Quarterly credit is $40 |");
    expect(page("| Partial hospitalization services | $55 copayment each day | $75 copayment each day |")).toEqual([
      "Partial hospitalization services — In-Network: $55 copayment each day; Out-of-Network: $75 copayment each day",
    ]);
    // Under another section, a table of the same width is a table of its own.
    page("## Chapter 5: Part D drugs");
    expect(page("| Tier 1 | $0 copayment | $10 copayment |")[0]).not.toContain("In-Network");
  });
});

describe("chunkPages with structure", () => {
  it("gives each chunk the section path it sits under and never mixes rows with the prose before them", () => {
    const chunks = chunkPages([{ page: 3, text: `# Gold PPO Plan\n\n## Your costs\n\nThe chart shows what you pay.\n\n${sbcTable}` }], {
      sentencesPerChunk: 5,
    });
    expect(chunks.map((chunk) => chunk.context)).toEqual(["Gold PPO Plan › Your costs", "Gold PPO Plan › Your costs"]);
    expect(chunks[0]?.text).toBe("The chart shows what you pay.");
    expect(chunks[1]?.text.split("\n")).toHaveLength(2);
  });

  it("gives the text before a heading the section it was written under, and sibling headings one level", () => {
    const text = "# Plan\n\n### Deductibles\n\nYou pay $500 first.\n\n### Appeals\n\nYou have 65 days to appeal.";
    const chunks = chunkPages([{ page: 1, text }], { sentencesPerChunk: 5 });
    expect(chunks.map((chunk) => [chunk.context, chunk.text])).toEqual([
      ["Plan › Deductibles", "You pay $500 first."],
      ["Plan › Appeals", "You have 65 days to appeal."],
    ]);
  });

  it("cuts a context too long for its place by shortening its longest steps, never the short nearest heading", () => {
    // A summary's running title (plan, coverage period, plan type) is long; the question the passage answers is not.
    const title = "HSA Choice Plus Plan BZY / 0H9 · Coverage Period: 11/01/2013 – 10/31/2014 · Summary of Benefits and Coverage: What This Plan Covers & What it Costs · Coverage for: Employee & Family · Plan Type: PS1";
    const text = `# ${title}\n\n## Questions and answers about Coverage Examples:\n\n### What are some of the assumptions behind the Coverage Examples?\n\nCosts don't include premiums.`;
    const [chunk] = chunkPages([{ page: 8, text }], { sentencesPerChunk: 5 });
    expect(chunk?.context.length).toBeLessThanOrEqual(300);
    expect(chunk?.context).toMatch(/^HSA Choice Plus Plan BZY .*… › Questions and answers about Coverage Examples: › What are some of the assumptions behind the Coverage Examples\?$/);
  });

  it("keeps a titled list whole in one chunk under its title, and the text after it out of the title", () => {
    const items = ["Cosmetic surgery", "Dental care (Adult)", "Hearing aids", "Infertility treatment", "Long-term care", "Routine foot care", "Weight loss programs"];
    const text = `###### Services Your Plan Does NOT Cover\n(This isn't a complete list.)\n\n${items.map((item) => `• ${item}`).join("\n")}\n\nYour Rights to Continue Coverage: call the plan.`;
    const chunks = chunkPages([{ page: 7, text }], { sentencesPerChunk: 5 });
    expect(chunks.map((chunk) => chunk.context)).toEqual(["Services Your Plan Does NOT Cover", ""]);
    expect(chunks[0]?.text.split("\n")).toHaveLength(items.length + 1);
    expect(chunks[1]?.text).toBe("Your Rights to Continue Coverage: call the plan.");
  });

  it("keeps a long row's label on every piece it is cut into", () => {
    const long = `| Skilled nursing | ${"Days 1-20: $0 copay per day. ".repeat(12)} |\n| Hospice | Covered by Original Medicare |`;
    const chunks = chunkPages([{ page: 1, text: long }], { sentencesPerChunk: 5, maxChunkChars: 200 });
    const pieces = chunks.flatMap((chunk) => chunk.text.split("\n")).filter((line) => line.includes("Days"));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.startsWith("Skilled nursing — ")).toBe(true);
  });

  it("takes a first row of long column names the layout did not mark for the table's header, and carries it to the next page", () => {
    const page1 = [
      "Your share of the cost when you get a one-month supply of a covered Part D prescription",
      "drug:",
      "",
      "| Tier | Standard retail and mail-order^ cost-sharing (in-network) (up to a 30-day supply) | Long-term care (LTC) cost-sharing (up to a 31-day supply) | Out-of-network cost-sharing (Coverage is limited to certain situations; see Chapter 5 for details.) (up to a 30-day supply) |",
      "| Cost-Sharing Tier 1 Preferred Generic | Standard retail: $0 copayment | $0 copayment | $0 copayment* |",
      "| Cost-Sharing Tier 2 Generic | Standard retail: $10 copayment | $10 copayment | $10 copayment* |",
    ].join("\n");
    const page2 = "| Cost-Sharing Tier 5 Specialty Tier | Standard retail: 28% coinsurance | 28% coinsurance | 28% coinsurance* |";
    const state = initialState();
    const rows = [...pageItems(page1, state), ...pageItems(page2, state)].filter((item) => item.kind === "row").map((row) => row.text);
    expect(rows[0]).toBe(
      "Cost-Sharing Tier 1 Preferred Generic — Standard retail and mail-order^ cost-sharing (in-network) (up to a 30-day supply): Standard retail: $0 copayment; Long-term care (LTC) cost-sharing (up to a 31-day supply): $0 copayment; Out-of-network cost-sharing (Coverage is limited to certain situations, see Chapter 5 for details.) (up to a 30-day supply): $0 copayment*",
    );
    // The wrapped end of the caption ("drug:") is no group title, and the page after keeps the column names.
    expect(rows.some((row) => row.startsWith("drug ›"))).toBe(false);
    expect(rows[2]).toContain("Long-term care (LTC) cost-sharing (up to a 31-day supply): 28% coinsurance");
  });

  it("keeps a row of values that the layout opened with the header's first name under the header it continues", () => {
    const page = [
      "| Common Medical Event | Services You May Need | Your Cost If You Use a Network Provider | Your Cost If You Use a Non-Participating Provider | Limitations & Exceptions |",
      "| --- | --- | --- | --- | --- |",
      "| Common Medical Event | Substance use disorder outpatient services | $50 copay per visit | Not covered | None |",
      "| If you need help recovering | Skilled nursing care | 50% coinsurance | Not covered | Coverage is limited to 100 days. |",
    ].join("\n");
    const rows = pageItems(page, initialState()).filter((item) => item.kind === "row").map((row) => row.text);
    expect(rows[1]).toBe("If you need help recovering › Skilled nursing care — Network Provider: 50% coinsurance; Non-Participating Provider: Not covered; Limitations & Exceptions: Coverage is limited to 100 days.");
  });

  it("reads a row with empty label cells under a labelled one as going on with it, in the tier its cells opened with", () => {
    const page = [
      "| Benefit | Plan A (Plan 004) | Plan B (Plan 007) |",
      "| --- | --- | --- |",
      "| Diagnostic Services / Labs/Imaging | In-Network: Diagnostic tests – At an Office: $50 copay | In-Network: Diagnostic tests – At an Office: $40 copay |",
      "| | X-rays: $30 copay | X-rays: $15 copay |",
      "| Diagnostic Services / Labs/Imaging | Out-of-Network: Diagnostic tests – At an Office: $75 | Out-of-Network: Diagnostic tests – At an Office: $60 |",
      "| | X-rays: $50 copay | X-rays: $30 copay |",
      "| | Note: see the Evidence of Coverage |",
    ].join("\n");
    const rows = pageItems(page, initialState()).filter((item) => item.kind === "row").map((row) => row.text);
    expect(rows[1]).toBe("Diagnostic Services / Labs/Imaging — Plan A (Plan 004): In-Network: X-rays: $30 copay; Plan B (Plan 007): In-Network: X-rays: $15 copay");
    expect(rows[3]).toBe("Diagnostic Services / Labs/Imaging — Plan A (Plan 004): Out-of-Network: X-rays: $50 copay; Plan B (Plan 007): Out-of-Network: X-rays: $30 copay");
    // A note in one column is no row of the table's own.
    expect(rows[4]).not.toContain("Diagnostic Services");
  });

  it("reads one cell under a cell that announced it ('…and includes:') as going on with that row", () => {
    const page = [
      "| Benefit | In-network | Out-of-network |",
      "| --- | --- | --- |",
      "| Fitness program | In-network: $0 copay Your fitness program is available at no additional cost and includes: | |",
      "| | In-network: · Free gym membership · Online memory fitness activities | |",
      "| Routine foot care | In-network: $40 copay | Out-of-network: $65 copay |",
      "| | Note: see the Evidence of Coverage | |",
    ].join("\n");
    const rows = pageItems(page, initialState()).filter((item) => item.kind === "row").map((row) => row.text);
    expect(rows[1]).toBe("Fitness program — In-network: In-network: · Free gym membership · Online memory fitness activities");
    // A cell under one that announced nothing is no part of its row.
    expect(rows[3]).not.toContain("Routine foot care");
  });

  it("carries a group of rows split by a page break to the rows opening the next page, where the layout wrote it on each row", () => {
    const header = "| Common Medical Event | Services You May Need | Your Cost If You Use a Network Provider | Limitations & Exceptions |\n| --- | --- | --- | --- |";
    const state = initialState();
    pageItems([header, "| If your child needs dental or eye care | Eye exam | No charge | 1 exam per year |", "| If your child needs dental or eye care | Glasses | No charge | 1 pair per year |"].join("\n"), state);
    const next = pageItems([header, "| | Dental check-up | No charge | 2 visits per year |", "| If you need help recovering | Skilled nursing care | 20% coinsurance | None |"].join("\n"), state);
    const rows = next.filter((item) => item.kind === "row").map((row) => row.text);
    expect(rows[0]).toBe("If your child needs dental or eye care › Dental check-up — Network Provider: No charge; Limitations & Exceptions: 2 visits per year");
    expect(rows[1]).toContain("If you need help recovering › Skilled nursing care");
    // A group named once, midway down its rows, may as well start on the next page: nothing is carried.
    const once = initialState();
    pageItems([header, "| | Eye exam | No charge | 1 exam per year |", "| If you are pregnant | Delivery | 20% coinsurance | None |"].join("\n"), once);
    const after = pageItems([header, "| | Home health care | 5% coinsurance | 100 visits |"].join("\n"), once).filter((item) => item.kind === "row");
    expect(after[0]?.text).toBe("Home health care — Network Provider: 5% coinsurance; Limitations & Exceptions: 100 visits");
  });
});
