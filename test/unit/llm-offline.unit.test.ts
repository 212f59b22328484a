import { contentTokens } from "../../src/text/content-tokens";
import { describe, expect, it } from "vitest";
import { answerQuotes, eachToldAsk, OfflineLlmProvider, combineWithPreviousTurn, otherTierCell, quoteUnits, selectQuotes } from "../../src/providers/llm/offline";
import { partStories, storiedParts } from "../../src/text/told-things";
import { stem } from "../../src/text/stem";
import { asksAboutDocument } from "../../src/text/document-question";
import { detectLanguage } from "../../src/text/language";
import { splitSentences } from "../../src/text/sentences";
import { NOT_FOUND_EN, NOT_FOUND_ES } from "../../src/providers/llm/prompt";
import { languageQuotes } from "../../src/providers/llm/offline-languages";
import { footnotes } from "../../src/providers/llm/offline-footnotes";
import { collect, sbcSources } from "../support/worker-llm";
import { askedColumns, askedFigures, askedItems, askedOptions, askedOtherwise, askedPlaces, asksChannel, asksLevel, asksNetwork, asksRole, keepLevel, keepTier, presentQuote, tierOnly } from "../../src/providers/llm/offline-present";
import { askedPart, askedParts, asksCount, asksForList, compoundTerms, requiredTerms, specificTerms, STATES_COUNT, termsAfterService, toldConditions, toldKinds, toldNames, toldPlaces, toldQualifiers, toldKindsOfAsked, businessesNamed, toldSubject, wantsNumber } from "../../src/text/specific-terms";

const offline = new OfflineLlmProvider();
const ask = (question: string, sources = sbcSources()) => collect(offline.answer({ question, sources, history: [] }));

describe("OfflineLlmProvider.answer", () => {
  it("answers an English deductible question with the amount and the marker of the source it quotes", async () => {
    const result = await ask("What is my deductible?");
    expect(result.text).toMatch(/^From your documents:/);
    expect(result.text).toContain("What is the overall deductible? $500 individual / $1,000 family for in-network providers. [2]");
    expect(result.text).not.toMatch(/\[1\]|\[3\]/);
    expect(result.done).toEqual({ type: "done", finishReason: "stop", model: "offline-extractive" });
  });

  it("answers a Spanish question with a Spanish lead-in and the amount from an English document", async () => {
    const result = await ask("¿Cuánto es mi deducible?");
    expect(result.text).toMatch(/^Según sus documentos:/);
    expect(result.text).toContain("$500 individual");
    expect(result.text).toContain("[2]");
  });

  it("ranks the sentence with the amount first for a question about cost", async () => {
    const [best] = selectQuotes("How much does a specialist visit cost?", sbcSources());
    expect(best?.sentence).toBe(
      "Specialist visit: $50 copay/visit for in-network providers; 40% coinsurance for out-of-network providers.",
    );
    expect(best?.source.n).toBe(1);
  });

  it("says it could not find an unrelated answer, with finishReason no_sources", async () => {
    const result = await ask("What is the capital of France?");
    expect(result.text).toBe(NOT_FOUND_EN);
    expect(result.done?.finishReason).toBe("no_sources");
  });

  it("says it could not find the answer when there are no sources", async () => {
    const result = await ask("What is my deductible?", []);
    expect(result.text).toBe(NOT_FOUND_EN);
    expect(result.done?.finishReason).toBe("no_sources");
  });

  it("says it could not find the answer in Spanish for a Spanish question", async () => {
    const result = await ask("¿Cubre mi plan la acupuntura?");
    expect(result.text).toBe(NOT_FOUND_ES);
    expect(result.done?.finishReason).toBe("no_sources");
  });

  it("does not quote a sentence that shares only generic plan words with the question", async () => {
    const result = await ask("Does my plan cover acupuncture?");
    expect(result.done?.finishReason).toBe("no_sources");
  });

  it("streams the answer in several word groups that join back exactly", async () => {
    const result = await ask("Is prior authorization required for an MRI?");
    expect(result.deltas.length).toBeGreaterThan(3);
    expect(result.text).toContain("Prior authorization is required for MRI and CT scans. [3]");
  });

  it("quotes at most three sentences", async () => {
    const result = await ask("deductible");
    expect(result.text.split("\n").filter((line) => line.startsWith("- "))).toHaveLength(3);
  });
});

describe("offline text handling", () => {
  it("keeps a plan summary's question together with the answer that follows it", () => {
    expect(splitSentences("Important Questions. What is the overall deductible? $500 individual. Next part.")).toEqual([
      "Important Questions.",
      "What is the overall deductible? $500 individual.",
      "Next part.",
    ]);
  });

  it("detects Spanish from marks, accents or function words and English otherwise", () => {
    expect(detectLanguage("¿Cuánto es mi deducible?")).toBe("es");
    expect(detectLanguage("cuanto es mi deducible")).toBe("es");
    expect(detectLanguage("What is my deductible?")).toBe("en");
    expect(detectLanguage("Is Dr de la Cruz in network")).toBe("en");
  });
});

describe("combineWithPreviousTurn", () => {
  const history = [
    { role: "user" as const, content: "What is my deductible?" },
    { role: "assistant" as const, content: "$500 individual [2]" },
  ];

  it("joins a follow-up with the previous user question", () => {
    expect(combineWithPreviousTurn("and for out-of-network?", history)).toBe("What is my deductible? and for out-of-network?");
  });

  it("joins a Spanish follow-up that opens with ¿y", () => {
    expect(combineWithPreviousTurn("¿Y fuera de la red?", history)).toBe("What is my deductible? ¿Y fuera de la red?");
  });

  it("leaves a standalone question as it is", () => {
    expect(combineWithPreviousTurn("Is prior authorization required for an MRI?", history)).toBe("Is prior authorization required for an MRI?");
  });

  it("leaves the question as it is when there is no earlier user turn", () => {
    expect(combineWithPreviousTurn("and for out-of-network?", [])).toBe("and for out-of-network?");
  });
});

describe("OfflineLlmProvider on table rows", () => {
  const row = (n: number, text: string, documentId = "doc-gold", filename = "gold-ppo.pdf") => ({
    n,
    documentId,
    filename,
    page: 2,
    chunkId: `chunk-${n}`,
    score: 0.5,
    context: "Gold PPO Plan › Your costs",
    text,
  });
  const rows = [
    row(
      1,
      "If you visit a health care provider's office › Primary care visit — Network Provider: $20 copay/visit; Out-of-Network Provider: 40% coinsurance; Limitations & Exceptions: None\n" +
        "If you visit a health care provider's office › Specialist visit — Network Provider: $50 copay/visit; Out-of-Network Provider: 40% coinsurance; Limitations & Exceptions: None",
    ),
    row(2, "If you have a test › Imaging (CT/PET scans, MRIs) — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance"),
  ];

  it("states a row as one sentence with its label and column names, without empty columns", async () => {
    const result = await ask("How much is a specialist visit?", rows);
    expect(result.text).toContain(
      "If you visit a health care provider's office › Specialist visit — Network Provider: $50 copay/visit; Out-of-Network Provider: 40% coinsurance [1]",
    );
    expect(result.text).not.toContain("Limitations & Exceptions: None");
  });

  it("names the columns in Spanish for a Spanish question and keeps the amounts as printed", async () => {
    const result = await ask("¿Cuánto pago por un especialista?", rows);
    expect(result.text).toMatch(/^Según sus documentos:/);
    expect(result.text).toContain("Specialist visit — Proveedor de la red: $50 copay/visit; Proveedor fuera de la red: 40% coinsurance [1]");
  });

  it("leaves out the other network tier's column when the question names one tier", async () => {
    const result = await ask("How much is a specialist visit in network?", rows);
    expect(result.text).toContain("Specialist visit — Network Provider: $50 copay/visit [1]");
    expect(result.text).not.toContain("40% coinsurance");
  });

  it("refuses when a specific word of the question is in no source", async () => {
    const result = await ask("What is my copay for Ozempic?", rows);
    expect(result.text).toBe(NOT_FOUND_EN);
    expect(result.done?.finishReason).toBe("no_sources");
  });

  it("says which document each quote comes from when the quotes come from several", async () => {
    const other = row(3, "Specialist visit — Network Provider: $35 copay/visit", "doc-silver", "silver-hmo.pdf");
    const result = await ask("How much is a specialist visit?", [...rows, other]);
    expect(result.text).toContain("- gold-ppo.pdf: ");
    expect(result.text).toContain("- silver-hmo.pdf: Specialist visit — Network Provider: $35 copay/visit [3]");
  });

  it("never quotes the same row twice", async () => {
    const first = rows[0];
    if (!first) throw new Error("fixture rows are missing");
    const twice = [first, { ...first, n: 3, chunkId: "chunk-3", page: 5 }];
    const result = await ask("How much is a specialist visit?", twice);
    expect(result.text.match(/Specialist visit/g)).toHaveLength(1);
  });
});

describe("OfflineLlmProvider on plans side by side", () => {
  const source = (n: number, text: string) => ({
    n,
    documentId: "doc-sob",
    filename: "summary-of-benefits.pdf",
    page: 3,
    chunkId: `chunk-${n}`,
    score: 0.5,
    context: "Summary of Benefits › Medical benefits",
    text,
  });
  const plans = [
    source(
      1,
      "Doctor's Office Visits — Choice (PPO) (Plan 004): In-Network: Specialist visit: $10 Copay. Out-of-Network: Specialist visit: $25 Copay.; " +
        "Choice Value (PPO) (Plan 007): In-Network: Specialist visit: $2 Copay. Out-of-Network: Specialist visit: $15 Copay.",
    ),
    source(2, "Maximum Out-of-Pocket Responsibility — Choice (PPO) (Plan 004): Your yearly maximums: • $9,350 for In-network providers • $14,000 for In and out-of-network providers combined"),
  ];

  it("keeps only the plan the question names, and within it the network tier asked about", async () => {
    const result = await ask("I'm on the Choice plan 004. How much is a specialist visit in network?", plans);
    expect(result.text).toContain("Doctor's Office Visits — Choice (PPO) (Plan 004): In-Network: Specialist visit: $10 Copay. [1]");
    for (const other of ["$2", "$25", "$15", "Plan 007"]) expect(result.text).not.toContain(other);
  });

  it("keeps the plan named by a word only its column has", async () => {
    const result = await ask("How much is a specialist visit on Choice Value?", plans);
    expect(result.text).toContain("Choice Value (PPO) (Plan 007)");
    expect(result.text).not.toContain("Plan 004");
  });

  it("names each plan when the question names none", async () => {
    const result = await ask("How much is a specialist visit?", plans);
    expect(result.text).toContain("Choice (PPO) (Plan 004): ");
    expect(result.text).toContain("Choice Value (PPO) (Plan 007): ");
  });

  it("keeps the asked tier of a cell that labels both inside it", async () => {
    const deductible = source(3, "What is the overall deductible? — Answers: Network: $2,000 Individual / $6,000 Family Non-Network: $4,000 Individual / $12,000 Family");
    const result = await ask("What is my deductible with network providers?", [deductible]);
    expect(result.text).toContain("Network: $2,000 Individual / $6,000 Family");
    expect(result.text).not.toContain("$4,000");
  });

  it("drops the bullet about the other tier when a cell lists both", async () => {
    const result = await ask("What's my out-of-pocket maximum with in-network providers?", plans);
    expect(result.text).toContain("$9,350 for In-network providers");
    expect(result.text).not.toContain("$14,000");
  });
});

describe("OfflineLlmProvider refusals for questions that reuse the document's words", () => {
  const source = (n: number, text: string) => ({
    n,
    documentId: "doc-sbc",
    filename: "sbc.pdf",
    page: 4,
    chunkId: `chunk-${n}`,
    score: 0.5,
    context: "Summary of Benefits and Coverage",
    text,
  });
  const sources = [
    source(1, "Include your member ID number on your check or money order."),
    source(2, "Having a baby — Total Example Cost: $12,700; In this example, Peg would pay: $1,200"),
    source(3, "The premium is the amount you pay for your coverage, usually each month."),
    source(4, "If you visit a health care provider's office › Primary care visit — Network Provider: $20 copay/visit"),
    source(5, "Call Member Services at 1-800-555-0199 (TTY 711)."),
  ];

  it("refuses a member's own ID number when the documents only say where to write it", async () => {
    expect((await ask("¿Cuál es mi número de identificación de miembro?", sources)).text).toBe(NOT_FOUND_ES);
    expect((await ask("What is my member ID number?", sources)).text).toBe(NOT_FOUND_EN);
  });

  it("still answers a question for a phone number the document prints", async () => {
    expect((await ask("What is the phone number for Member Services?", sources)).text).toContain("1-800-555-0199");
  });

  it("refuses a premium question answered only by other amounts", async () => {
    expect((await ask("¿Cuánto es la prima mensual de este plan?", sources)).text).toBe(NOT_FOUND_ES);
  });

  it("refuses a service the passages do not name even when they share its other words", async () => {
    const withTelehealth = [...sources, source(6, "Telehealth services are described in your plan documents.")];
    expect((await ask("How much is a telehealth visit?", withTelehealth)).text).toBe(NOT_FOUND_EN);
  });
});


describe("OfflineLlmProvider on the layouts of real plan documents", () => {
  const source = (n: number, text: string, context = "Summary of Benefits and Coverage") => ({
    n,
    documentId: "doc-plan",
    filename: "plan.pdf",
    page: 1,
    chunkId: `chunk-${n}`,
    score: 0.5,
    context,
    text,
  });

  it("keeps a cell whose column names the other tier when the cell goes on to give the asked tier's figure", () => {
    const row =
      "Is there an out-of-pocket limit on my expenses? — Answers: Yes; In-Network Provider per member: $5000 2 member family maximum Non-Network Provider per Member: $10000 separate from each other.";
    expect(presentQuote(row, "en", { network: "out" })).toContain("$10000");
    expect(presentQuote(row, "en", { network: "out" })).not.toContain("$5000");
  });

  it("reads 'share of the cost' as coinsurance and dental check-ups as dental care", () => {
    expect([...contentTokens("What share of the cost do I pay?").keys()]).toContain("#coinsurance");
    expect([...contentTokens("How many dental check-ups a year?").keys()]).toContain("#dental-checkup");
    // A passage that names a check-up offers dental care, and the cleaning a check-up includes.
    const row = [...contentTokens("Dental check-up — In-network: Not covered", { broader: true }).keys()];
    expect(row).toEqual(expect.arrayContaining(["#dental-checkup", "#dental", "#dental-cleaning"]));
  });

  it("reads \"I'd\" as the pronoun, not as an ID", () => {
    expect([...contentTokens("What's the most I'd pay out of pocket?").keys()]).not.toContain("id");
    expect([...contentTokens("What is my member ID?").keys()]).toContain("#member-id");
  });

  it("keeps the figure for the way of filling a prescription the question asks about (retail or mail order)", () => {
    const row = (cell: string) => `Preferred brand drugs — In-Network Provider: ${cell}; Non-Network Provider: 50% coinsurance`;
    expect(presentQuote(row("$30/prescription (retail) $60/prescription (mail)"), "en", { question: "How much is a preferred brand Rx at a retail pharmacy?" })).toBe(
      "Preferred brand drugs — In-Network Provider: $30/prescription (retail); Non-Network Provider: 50% coinsurance",
    );
    expect(presentQuote(row("30% coinsurance (retail only) with $150 max and 30% coinsurance (mail order only) with $300 max"), "en", { question: "Specialty drug at a retail pharmacy?" })).toContain(
      "30% coinsurance (retail only) with $150 max;",
    );
    expect(presentQuote(row("Retail: $10 copay, after ded. Mail-Order: $25 copay, after ded."), "es", { question: "Si lo pido por correo, ¿cuánto pago?" })).not.toContain("$10");
    expect(presentQuote(row("$75 copay/retail, $150 copay/mail order"), "en", { question: "What is the copay for brand drugs?" })).toContain("$150 copay/mail order");
  });

  it("takes a non-preferred drug for a drug tier, not the other network, and 'proveedor preferido' for the network", () => {
    expect(asksNetwork("If I get a non-preferred brand drug through mail order, what's my copay?")).toBeNull();
    expect(asksNetwork("What if I see a non-preferred provider?")).toBe("out");
    expect(asksNetwork("Con un proveedor preferido, ¿qué porcentaje nos toca pagar?")).toBe("in");
    expect(asksNetwork("¿Cuánto pago por ver a un especialista que no es proveedor preferido?")).toBe("out");
  });

  it("keeps the combined limit when the question asks about both network tiers together", () => {
    const row = "Maximum Out-of-Pocket Responsibility — Plan 004: Your yearly maximums in this plan: • $9,350 for In-network providers • $14,000 for In and out-of-network providers combined";
    const question = "If I use both in-network and out-of-network doctors, what's the most I'd pay out of pocket in a year?";
    expect(presentQuote(row, "en", { question })).toContain("$14,000");
    expect(presentQuote(row, "en", { question })).not.toContain("$9,350");
  });

  it("keeps the asked tier when a cell names its tiers before or after their figures", () => {
    const before = "Is there an out-of-pocket limit on my expenses? — Answers: Yes. For preferred providers $4,000 member / $8,000 family. For out-of-network providers $8,000 member / $16,000 family per calendar year.";
    expect(presentQuote(before, "en", { network: "in" })).toBe("Is there an out-of-pocket limit on my expenses? — Answers: Yes. For preferred providers $4,000 member / $8,000 family.");
    expect(presentQuote(before, "en", { network: "out" })).not.toContain("$4,000");
    const after = "Is there an out-of-pocket limit? — Answers: Yes; $2,500 person / $5,000 family for In-Network Provider. $5,000 person / $10,000 family for Non-Network Provider.";
    expect(presentQuote(after, "en", { network: "in" })).toBe("Is there an out-of-pocket limit? — Answers: Yes; $2,500 person / $5,000 family for In-Network Provider.");
    expect(keepTier("In-Network Provider per member: $5000 Non-Network Provider per Member: $10000", "in")).toBe("In-Network Provider per member: $5000");
    expect(asksNetwork("What's my OOP max for network care?")).toBe("in");
  });

  it("says a figure that a row repeats in every column once, without the repeated label", () => {
    expect(presentQuote("• The plan's overall deductible — $500; • The plan's overall deductible; $500; • The plan's overall deductible; $500", "en")).toBe(
      "The plan's overall deductible — $500",
    );
  });

  it("leaves out an SBC's general 'Why This Matters' once the answer states a figure, and keeps it after a bare yes", () => {
    expect(presentQuote("What is the overall deductible? — Answers: $500 person; Why This Matters: You must pay all the costs up to the deductible amount.", "en")).toBe(
      "What is the overall deductible? — Answers: $500 person",
    );
    expect(presentQuote("Do you need a referral to see a specialist? — Answers: Yes.; Why This Matters: This plan pays only with a referral.", "en")).toContain("only with a referral");
  });

  it("prefers the row named after what the question asks over rows that only mention it", () => {
    const drugs = source(
      1,
      "Tier 2 – Typically Preferred Brand — In-Network Provider: $30 copay; Limitations & Exceptions: If you select a brand drug when a generic equivalent is available you pay the generic copay plus the difference.\n" +
        "Tier 1 – Typically Generic — In-Network Provider: $10 copay; Limitations & Exceptions: Covers up to a 30 day supply",
    );
    const quotes = selectQuotes("How much do generic drugs cost?", [drugs]);
    expect(quotes.map((quote) => quote.sentence)).toEqual(["Tier 1 – Typically Generic — In-Network Provider: $10 copay; Limitations & Exceptions: Covers up to a 30 day supply"]);
  });

  it("answers from the row asked about among rows under a short heading, not from the row that repeats the heading's name", () => {
    // A coverage example read column by column: every row sits under "Mia's Simple Fracture".
    const mia = source(
      4,
      "Total Example Cost — $2,800\nIn this example, Mia would pay: Cost Sharing Deductibles* — $500\nCopayments — $200\nCoinsurance — $400\nThe total Mia would pay is — $1,100",
      "Mia's Simple Fracture",
    );
    const quotes = selectQuotes("In the plan's example of Mia's simple fracture, how much would she pay in coinsurance?", [mia]);
    expect(quotes.map((quote) => quote.sentence)).toContain("Coinsurance — $400");
  });

  it("refuses a 'how long' question that no passage answers with a time, and answers one that states it", () => {
    const sbc = source(5, "Are there other costs? Generally, the lower your premium, the more you'll pay in out-of-pocket costs. You should also consider health reimbursement accounts (HRAs) that help you pay out-of-pocket expenses.");
    expect(selectQuotes("If I pay a doctor out of my own pocket, how long do I have to send in the claim to get reimbursed?", [sbc])).toEqual([]);
    const eoc = source(6, "Send us your request for payment within one year of the date you received the service. Reimbursement requests go to the claims address.");
    expect(selectQuotes("How long do I have to send in a claim to get reimbursed?", [eoc])[0]?.sentence).toContain("within one year");
    // A deadline stated by the hour ("no later than midnight") is a time too.
    const discharge = source(6, "To make your appeal, you must contact the Quality Improvement Organization before you leave the hospital and no later than midnight the day of your discharge.");
    expect(selectQuotes("What's the deadline to appeal my hospital discharge?", [discharge])[0]?.sentence).toContain("no later than midnight");
  });

  it("refuses when only the network tier of the question is found, not the service", () => {
    const dental = source(7, "Dental Services — In-Network: $0 copay for preventive dental. This plan uses the DentaQuest PPO network.");
    expect(selectQuotes("¿Cuánto pago por la atención médica en casa (home health) con una agencia de la red?", [dental])).toEqual([]);
  });

  it("quotes the row of the group the question names, not the same label in another group", () => {
    const example = source(
      8,
      "Sample care costs › Total — $5,400\nPatient pays › Deductibles — $0\nPatient pays › Copays — $1,750\nPatient pays › Total — $1,930",
      "Managing type 2 diabetes",
    );
    const quotes = selectQuotes("In the coverage example for managing type 2 diabetes, what is the total the patient pays?", [example]);
    expect(quotes[0]?.sentence).toBe("Patient pays › Total — $1,930");
    expect(quotes.map((quote) => quote.sentence)).not.toContain("Sample care costs › Total — $5,400");
  });

  it("refuses 'how many days' and 'until what age' questions that no passage answers with a time", () => {
    const rows = [source(9, "The plan's overall deductible — $500\nCustomer service — 1-800-522-0088"), source(10, "Specialist visit — $50 copay")];
    expect(selectQuotes("I just had a baby. How many days do I have to add her to my plan?", rows)).toEqual([]);
    expect(selectQuotes("Mi hijo va a cumplir 25 años. ¿Hasta qué edad puede seguir en mi plan?", rows)).toEqual([]);
  });

  it("does not take a word every passage has only in the document's title for the subject of the question", () => {
    const rows = [
      source(11, "Skilled nursing care — 20% co-ins, after ded.", "HSA Choice Plus Plan › Benefits"),
      source(12, "Is there an out-of-pocket limit? — Network: $5,950 Individual", "HSA Choice Plus Plan › Important Questions"),
    ];
    expect(selectQuotes("¿Cuánto es lo máximo que puedo depositar en mi cuenta HSA este año?", rows)).toEqual([]);
  });

  it("answers where to mail something only with an address, and reads 'P.O. Box' without breaking the sentence", () => {
    const notice = source(13, "For questions about your rights, you can contact: Customer Contact Center at 1-800-522-0088, or file your complaint in writing to Health Net Appeals and Grievance Department, P.O. Box 10348, Van Nuys, CA 91410-0348.");
    const [best] = selectQuotes("Quiero presentar una queja por escrito contra Health Net. ¿A qué dirección la mando?", [notice]);
    expect(best?.sentence).toContain("P.O. Box 10348, Van Nuys");
    expect(selectQuotes("What address do I send my appeal to?", [source(14, "You can file an appeal by calling 1-800-522-0088.")])).toEqual([]);
    expect(wantsNumber("¿A qué dirección mando la apelación?")).toBe("address");
  });

  it("finds the phone number asked for in a sentence that states one, and a language line for a question in Spanish", () => {
    const rights = source(15, "You may also contact your State Department of Insurance at (916) 492-3500, www.insurance.ca.gov.");
    expect(selectQuotes("What's the phone number for the California Department of Insurance if I have a complaint?", [rights, source(16, "California residents may file a complaint.")])[0]?.sentence).toContain("492-3500");
    const language = source(17, "Language Access Services: [Spanish (Español): Para obtener asistencia en Español, llame al (866) 346-7198.]");
    expect(selectQuotes("¿A qué número puedo llamar para que me atiendan en español?", [language])[0]?.sentence).toContain("346-7198");
  });

  it("reads a sentence with the short title line above it, and never quotes a sentence that is a question", () => {
    const eoc = source(2, "Acupuncture for chronic low back pain\nCovered services include:\nUp to 12 visits in 90 days are covered under the following circumstances.\nDo you need a referral?");
    const [best] = selectQuotes("How many acupuncture visits for back pain are covered?", [eoc]);
    expect(best?.sentence).toBe("Acupuncture for chronic low back pain: Up to 12 visits in 90 days are covered under the following circumstances.");
    expect(selectQuotes("Do you need a referral?", [eoc])).toEqual([]);
  });

  it("quotes the passage of a long benefit cell that answers, with the sentence after it", () => {
    const filler = "Covered services include emergency services furnished by a qualified provider and needed to evaluate or stabilize an emergency medical condition. ".repeat(4);
    const er = source(3, `Emergency care — In-Network: ${filler}$100 copayment for each emergency room visit. If you are admitted to the hospital within 24 hours, you do not pay your share of the cost for emergency care.`);
    const quotes = selectQuotes("How much is the emergency room?", [er]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.sentence).toMatch(/^Emergency care — In-Network: .*\$100 copayment for each emergency room visit\. If you are admitted to the hospital within 24 hours/);
    expect(quotes[0]?.sentence.length).toBeLessThan(400);
  });

  it("quotes a bulleted list whole, under the heading that says what it lists", async () => {
    const excluded = source(4, "(This isn't a complete list.)\n• Cosmetic surgery\n• Hearing aids\n• Long-term care", "Gold PPO › Services Your Plan Does NOT Cover");
    const result = await ask("What isn't covered by this plan?", [excluded]);
    expect(result.text).toContain("Services Your Plan Does NOT Cover: Cosmetic surgery; Hearing aids; Long-term care [4]");
  });

  it("quotes no lead-in or half of a parenthesis on its own, and no footnote digit after a row's label", async () => {
    const page = source(5, "Excluded Services & Other Covered Services:\n(This isn't a complete list. Check your policy for other excluded services.)\nSpecialists2 — In-network: $40 copay");
    const text = (await ask("Which services are excluded? And the specialist copay?", [page])).text;
    expect(text).not.toMatch(/Excluded Services & Other Covered Services:|services\.\)|\(This isn't/);
    expect(presentQuote("Specialists2 — In-network: $40 copay", "en")).toBe("Specialists — In-network: $40 copay");
  });

  it("answers 'what number do I call' with a phone number, not an address or a TTY", async () => {
    const ship = source(
      6,
      "Call — State Health Insurance Assistance Program: 1-877-424-4640\nTTY — State Health Insurance Assistance Program: 711\n" +
        "Write — State Health Insurance Assistance Program: 288 N. 1460 West, Salt Lake City, UT 84116",
      "Chapter 2 › State Health Insurance Assistance Program (SHIP)",
    );
    const text = (await ask("What number do I call for the State Health Insurance Assistance Program?", [ship])).text;
    expect(text).toContain("1-877-424-4640");
    expect(text).not.toMatch(/711|84116/);
    expect(wantsNumber("What number do I call for a ride?")).toBe("phone");
    // Whatever the passage calls the office ("Department of Managed Health Care"), and a number spelled with letters.
    const rights = source(22, "If you have a grievance against Health Net, you can also contact the California Department of Managed Health Care, at 1-800-HMO-2219 or www.hmohelp.ca.gov.");
    expect(selectQuotes("Tengo una queja contra Health Net y no me la resuelven. ¿A qué departamento del estado puedo llamar y a qué número?", [rights])[0]?.sentence).toContain("1-800-HMO-2219");
    expect(wantsNumber("What is the number of visits allowed?")).toBe(null);
    expect(wantsNumber("Which consumer help line can I call?")).toBe("phone");
  });

  it("answers 'how much' with the plan's words for nothing to pay ('No charge', 'does not have a deductible')", () => {
    const rows = source(
      7,
      "Deductible — There is no deductible for drugs in Tier 1 and 2. There is a $420 deductible for drugs in Tier 3, 4 and 5.\n" +
        "Annual medical deductible — In-network: This plan does not have a medical deductible.",
    );
    const [best] = selectQuotes("Is there a deductible I have to meet before the plan pays for medical care?", [rows]);
    expect(best?.sentence).toBe("Annual medical deductible — In-network: This plan does not have a medical deductible.");
    const preventive = source(8, "Preventive care/screening/immunization — In-network: No charge; Out-of-network: 40% coinsurance");
    expect(selectQuotes("How much do I pay for preventive care in network?", [preventive])).toHaveLength(1);
  });

  it("finds the sentence at the end of a long bulleted cell, and reads 'pays up to' as a yearly maximum", () => {
    const items = Array.from({ length: 12 }, (_, i) => `• Dental service number ${i + 1} (ex: a long example of what it covers)`).join(" ");
    const dental = source(9, `Dental Services — Gold Plan (Plan 004): Comprehensive dental services with a 30% coinsurance: ${items} Our plan pays up to $2,000 every year for covered services.`);
    const [best] = selectQuotes("What is the most the plan pays each year for dental?", [dental]);
    expect(best?.sentence).toContain("Our plan pays up to $2,000 every year");
    expect(best?.sentence.length).toBeLessThan(450);
  });

  it("keeps the columns of a tiered header that the question names ('one-month supply', 'mail order')", () => {
    const row = "Tier 3: Preferred Brand — Retail · Standard · 30-day supply^: $47 copay; Retail · Standard · 100-day supply: $141 copay; Mail Order · Preferred · 100-day supply: $131 copay";
    expect(presentQuote(row, "en", { question: "What's my copay for a one-month supply of a preferred brand drug at a retail pharmacy?" })).toBe(
      "Tier 3: Preferred Brand — Retail · Standard · 30-day supply^: $47 copay",
    );
    expect(presentQuote(row, "en", { question: "How much are preferred brand drugs by mail order?" })).toBe("Tier 3: Preferred Brand — Mail Order · Preferred · 100-day supply: $131 copay");
    expect(presentQuote(row, "en", { question: "How much are preferred brand drugs?" })).toBe(row);
    // "30-day supply" is one concept, and still a count of days for "¿… de 30 días?".
    const generic = source(13, "Tier 2: Generic3 — Retail · Standard · 30-day supply^: $10 copay; Retail · Standard · 100-day supply: $30 copay");
    expect(selectQuotes("¿Cuánto pago por un medicamento genérico de 30 días en la farmacia?", [generic])).toHaveLength(1);
  });

  it("cuts a run-on cell of labelled items before its labels, so the last item can still be quoted", () => {
    const facilities = "At an Office: $40 copay At a freestanding facility: $150 copay At a non-freestanding facility: $175 copay ".repeat(3);
    const imaging = source(12, `Diagnostic Services — Gold Plan (Plan 004): Labs: $25 copay ${facilities}Advanced Radiology services (such as MRI, CT): ${facilities}X-rays: $50 copay Therapeutic radiology: 40% coinsurance`);
    expect(selectQuotes("What's my copay for X-rays?", [imaging]).map((quote) => quote.sentence).join(" ")).toContain("X-rays: $50 copay");
    expect(presentQuote("Is there an out-of-pocket limit? — In-network: $1,000; Out-of-network: $3,000", "en", { network: asksNetwork("The doctor isn't in the plan's network. What is my limit?") })).not.toContain("$1,000");
    // A label naming the items after it ("Out-of-Network:") starts their run, not the end of the one before.
    const hearing =
      "In-Network: Medicare-covered diagnostic hearing exam: $10 copay Routine hearing exam (1 per calendar year): $0 copay Hearing aids (up to 2 aids per calendar year - one per ear per year): all types $699 copay for Advanced aids through a TruHearing provider $999 copay for Premium aids through a TruHearing provider Out-of-Network: Medicare-covered diagnostic hearing exam: $25 copay Routine hearing exam (1 per calendar year): $0 copay Hearing aids (up to 2 aids per calendar year - one per ear per year): $999 copayment per aid";
    const runs = splitSentences(hearing);
    expect(runs.some((run) => run.trim().endsWith("Out-of-Network:"))).toBe(false);
    expect(runs.some((run) => run.startsWith("Out-of-Network: Medicare-covered diagnostic hearing exam: $25"))).toBe(true);
  });

  it("reads 'Specialty drugs' as drugs, and leaves a Spanish question's everyday words out of what it asks", () => {
    const sbc = source(
      10,
      "This is not a cost estimator. — Prescriptions; Coverage Period: Beginning on or after 1/1/2013: $200; Vaccines, other preventive; $100\n" +
        "Specialty drugs — Preferred Provider: 30% coinsurance (Up to $200 maximum/prescrip tion); Non-Preferred Provider: Not covered",
    );
    expect(selectQuotes("What will a specialty drug cost me per prescription?", [sbc])[0]?.sentence).toMatch(/^Specialty drugs — /);
    const sob = source(11, "Fitness program — In-network: $0 copay\nMeal benefit2 — In-network: $0 copay for 28 home-delivered meals immediately after an inpatient hospitalization");
    expect(selectQuotes("Después de salir del hospital, ¿me mandan comidas a la casa? ¿Cuántas?", [sob])[0]?.sentence).toContain("28 home-delivered meals");
  });

  it("does not need the words of the situation a member tells around the question, only those of what is asked", () => {
    const excluded = source(12, "Excluded Services & Other Covered Services: Services Your Plan Generally Does NOT Cover • Cosmetic surgery • Routine foot care");
    expect(selectQuotes("Will the plan pay for a podiatrist to trim my toenails every couple of months?", [excluded])[0]?.sentence).toContain("Routine foot care");
    const emergency = source(13, "Emergency Care — In-Network and Out-of-Network: $110 Copay per visit. Worldwide emergency coverage up to $50,000.");
    expect(selectQuotes("I'm traveling to Europe. Is there a limit on what the plan pays for emergency care outside the country?", [emergency])[0]?.sentence).toContain("$50,000");
    expect(requiredTerms("I'm diabetic. Does the plan cover routine foot care?")).toEqual(["#podiatry"]);
    expect(askedPart("Will the plan pay for home health care from an agency that isn't a preferred provider?")).toBe("Will the plan pay for home health care");
    // The subject's own words are still needed: the passage's pregnancy rows do not say whether a breast pump is covered.
    const baby = source(14, "If you are pregnant › Delivery and all inpatient services — Network Provider: 20% coinsurance");
    expect(selectQuotes("Does the plan cover a breast pump after my baby is born?", [baby])).toEqual([]);
    expect(selectQuotes("Does the plan cover LASIK eye surgery?", [source(15, "Routine eye exam — In-network: $0 copay. Outpatient surgery — In-network: $100 copay")])).toEqual([]);
    // A concept in the trailing clause still says what is asked.
    const drugs = source(16, "Generic drugs (retail) — Network Provider: $10 copay\nGeneric drugs (mail order) — Network Provider: $20 copay");
    expect(selectQuotes("What do I pay for generic drugs when I use mail order?", [drugs])[0]?.sentence).toContain("mail order");
  });

  it("keeps the option asked about of a cell with a figure per option, and reads a negated network as out of network", () => {
    const drugs = "Preferred brand drugs — Network Provider: $75 copay/retail, $150 copay/mail order; Non-Participating Provider: Not covered";
    expect(presentQuote(drugs, "en", { question: "What's my copay for a preferred brand-name drug at a retail pharmacy?" })).toBe("Preferred brand drugs — Network Provider: $75 copay/retail; Non-Participating Provider: Not covered");
    // (Ways of filling a prescription are chosen by keepChannel.)
    expect(presentQuote(drugs, "en", { question: "And by mail order?" })).toBe("Preferred brand drugs — Network Provider: $150 copay/mail order; Non-Participating Provider: Not covered");
    expect(askedOptions("In-network: $20 copay/visit, $40 copay/group session", "What do I pay for a group session?")).toBe("In-network: $40 copay/group session");
    expect(askedOptions("Network Provider: $75 copay/retail, $150 copay/mail order", "What do brand drugs cost?")).toBe("Network Provider: $75 copay/retail, $150 copay/mail order");
    expect(asksNetwork("If I'm admitted to a hospital that isn't in Anthem's network, what do I pay for the room?")).toBe("out");
    expect(asksNetwork("Will the plan pay for home health care from an agency that isn't a preferred provider?")).toBe("out");
    expect(asksNetwork("¿Y si el hospital no pertenece a la red?")).toBe("out");
    expect(asksNetwork("What do I pay at a preferred provider?")).toBe("in");
  });

  it("reads a subject told before a question that names none, without the story around it", () => {
    const snf = source(17, "If you need help recovering › Skilled nursing care — Network Provider: $150 per day for the first 5 days; Non-Participating Provider: Not covered");
    // "after his hip surgery" and "My dad" are the story; the skilled nursing facility is what is asked about.
    expect(askedPart("My dad is going to a skilled nursing facility after his hip surgery. What do we pay per day?")).toBe("My dad is going to a skilled nursing facility What do we pay per day?");
    expect(selectQuotes("My dad is going to a skilled nursing facility after his hip surgery. What do we pay per day?", [snf])[0]?.sentence).toContain("$150 per day");
    // A leading clause ("Después de la operación") is the story too, up to the pronoun that opens the main clause.
    expect(askedPart("Después de la operación me mandan a un centro de enfermería especializada. ¿Cuántos días al año cubre el plan?")).toBe(
      "me mandan a un centro de enfermería especializada. ¿Cuántos días al año cubre el plan?",
    );
    expect(askedPart("After my hip replacement, how many physical therapy visits do I get?")).toBe("how many physical therapy visits do I get?");
    // The comma before the question's own words ends a leading clause, not a comma inside it.
    expect(askedPart("If I need a regular, non-emergency visit while I'm there, what do I pay?")).toBe("If I need a regular, non-emergency visit while I'm there, what do I pay?");
    // "When" that asks is not a clause.
    expect(askedPart("When does the Part D late enrollment penalty apply?")).toBe("When does the Part D late enrollment penalty apply?");
  });

  it("looks past everyday words no passage has once the subject is found, and not past a missing thing", () => {
    const dialysis = source(18, "Renal dialysis — In-network: 20% coinsurance; Out-of-network: 20% coinsurance");
    // "necesita", "riñones" cannot be in an English document; "Mi esposo" says whom the care is for.
    expect(selectQuotes("Mi esposo necesita diálisis de los riñones. ¿Cuánto nos toca pagar?", [dialysis])[0]?.sentence).toContain("20% coinsurance");
    const pregnancy = source(19, "If you become pregnant › Prenatal and postnatal care — Network Provider: 20% co-ins\nDelivery and all inpatient services — Network Provider: 20% co-ins");
    // A learned Spanish noun outside the glossary is a thing the documents must say: not a word to look past.
    expect(selectQuotes("Vamos a tener un niño. ¿El plan cubre la circuncisión del bebé recién nacido?", [pregnancy])).toEqual([]);
    const nurse = source(20, "Primary care visit to treat an injury or illness — Network Provider: $20/visit");
    // A concept asked about that no passage has (a nurse line) keeps the question unanswered.
    expect(selectQuotes("¿El plan tiene una línea de enfermeras disponible las 24 horas para consultas?", [nurse])).toEqual([]);
  });

  it("quotes a coverage example's line of amounts, which is not a title over the rows under it", () => {
    const example = source(21, "Amount owed to providers: $7,540 Plan pays: $3,570 Patient pays: $3,970\nSample care costs › Routine obstetric care — $2,100", "SBC › Having a baby (normal delivery)");
    expect(selectQuotes("En el ejemplo de tener un bebé, ¿cuánto paga el plan?", [example])[0]?.sentence).toContain("Plan pays: $3,570");
  });

  it("states the figure of the party a coverage example question asks about, not the others beside it", () => {
    const line = "Managing type 2 diabetes: Amount owed to providers: $5,400; Plan pays $4,090; Patient pays $1,310";
    expect(presentQuote(line, "en", { question: "In the diabetes example, how much does the patient pay in total?" })).toBe("Managing type 2 diabetes: Patient pays $1,310");
    expect(presentQuote(line, "es", { question: "En el ejemplo de la diabetes, ¿cuánto paga el plan?" })).toBe("Managing type 2 diabetes: Plan pays $4,090");
    expect(presentQuote(line, "en", { question: "What does the diabetes example cost in total, before anyone pays?" })).toBe("Managing type 2 diabetes: Amount owed to providers: $5,400");
    // Two examples run together name a party twice: the line stays whole.
    const merged = "Plan pays: $2,200 Patient pays: $5,340; $2,700; Plan pays: $1,510 Patient pays: $3,890";
    expect(presentQuote(merged, "en", { question: "How much would the patient end up paying?" })).toBe(merged);
    const rows = source(23, "The total Peg would pay is — $2,560\nTotal Example Cost — $12,700", "SBC › Peg is Having a Baby");
    expect(selectQuotes("In Peg's having-a-baby example, what does all of her care cost in total, before anyone pays?", [rows]).map((quote) => quote.sentence)).toEqual(["Total Example Cost — $12,700"]);
    // The group's total answers what the patient pays, not its deductibles row; the plan's line is another party's.
    const parts = source(29, "Plan pays: $2,200\nPatient pays › Deductibles — $5,170\nPatient pays › Copays — $20\nPatient pays › Total — $5,340", "SBC › Having a baby (normal delivery)");
    expect(selectQuotes("In the having-a-baby example, how much does the patient end up paying?", [parts])[0]?.sentence).toBe("Patient pays › Total — $5,340");
    expect(selectQuotes("En el ejemplo de tener un bebé, ¿cuánto paga el plan?", [source(30, "Plan pays: $2,200\nPatient pays: $5,340", "SBC › Having a baby")]).map((quote) => quote.sentence)).toEqual(["Plan pays: $2,200"]);
    // Asked about no concept, the name that is the subject ("Mia") found lets the question's other Spanish words go.
    const mia = source(31, "Total Example Cost — $2,800\nThe total Mia would pay is — $1,100", "SBC › Mia's Simple Fracture");
    expect(selectQuotes("En el ejemplo de la fractura de Mia, ¿cuánto cuesta en total toda su atención médica, sumando lo que paga el plan y lo que paga ella?", [mia])[0]?.sentence).toBe("Total Example Cost — $2,800");
  });

  it("keeps the priced item and the channel a question names, and reads Spanish ways to ask what the plan pays", () => {
    expect(presentQuote("Diagnostic test (x-ray, blood work) — Preferred Provider: X-ray - $40 Lab - $20; Out-of-network Provider: 50% co-ins", "en", { question: "My doctor ordered blood work. What's my copay at a preferred lab?", network: "in" })).toBe(
      "Diagnostic test (x-ray, blood work) — Preferred Provider: Lab - $20",
    );
    // The figure first, and the asking sentence naming the item where the story names both.
    expect(
      presentQuote("Substance use disorder outpatient services — In-network Provider: $40- outpatient consultation $20- group therapy session", "es", {
        question: "Voy a terapia de grupo ambulatoria por problemas con el alcohol. ¿Cuánto pago por cada sesión de grupo?",
      }),
    ).toBe("Substance use disorder outpatient services — Proveedor de la red: $20- group therapy session");
    // What the question sets aside is not what it names.
    expect(presentQuote("Facility fee — In-network Provider: hospital - $400 ASC - $200", "en", { question: "It's at a surgery center, not a hospital. What's the facility copay?" })).toBe("Facility fee — In-network Provider: ASC - $200");
    expect(presentQuote("Tier 1 — Mail-Order: $25 copay; Limitations: Provider means pharmacy for purposes of this section. Retail: Up to a 31 day supply Mail-Order: Up to a 90 day supply", "en", { question: "How many days' supply can I get by mail order?" })).toContain("Mail-Order: Up to a 90 day supply");
    expect(presentQuote("Tier 1 — Mail-Order: $25 copay; Limitations: Provider means pharmacy for purposes of this section. Retail: Up to a 31 day supply Mail-Order: Up to a 90 day supply", "en", { question: "How many days' supply can I get by mail order?" })).not.toContain("31 day");
    const line = "Having a baby (normal delivery): Amount owed to providers: $7,540; Plan Pays $4,220; Patient Pays $3,320";
    expect(presentQuote(line, "es", { question: "En el ejemplo de tener un bebé, ¿cuánto pone el plan?" })).toBe("Having a baby (normal delivery): Plan Pays $4,220");
    expect(presentQuote(line, "es", { question: "¿Cuánto le toca pagar al plan en el ejemplo del bebé?" })).toBe("Having a baby (normal delivery): Plan Pays $4,220");
    // A thousands separator is not a list's comma.
    expect(presentQuote("Non-preferred brand drugs — Network Provider: 50% coinsurance up to $500 max/retail, 50% coinsurance up to $1,000 max/mail order", "en", { question: "By mail order, what's the most I'd pay?" })).toBe(
      "Non-preferred brand drugs — Network Provider: 50% coinsurance up to $1,000 max/mail order",
    );
  });

  it("holds a question to the first thing it asks about, and not to what it sets aside", () => {
    const asc = source(24, "Outpatient hospital › Ambulatory surgical center (ASC) — In-network: $0 copay for a colonoscopy $295 copay otherwise");
    expect(selectQuotes("I'm having a minor procedure at an in-network ambulatory surgery center (not a colonoscopy). What's my copay?", [asc])[0]?.sentence).toContain("$295");
    const surgeon = source(25, "If you have outpatient surgery › Physician/surgeon fees — Preferred Provider: 10% co-ins; Out-of-network Provider: 50% co-ins");
    expect(selectQuotes("Antes de operarme quiero una segunda opinión con otro cirujano. ¿El plan la cubre?", [surgeon])).toEqual([]);
    const dental = source(26, "Dental check-up — Network Provider: No charge; Non-Participating Provider: Not covered");
    expect(selectQuotes("Mi hijo de 12 años necesita frenos en los dientes. ¿El plan cubre la ortodoncia?", [dental])).toEqual([]);
    const visits = source(27, "Primary care visit to treat an injury or illness — Network Provider: $50 copay per visit\nSpecialist visit — Network Provider: $75 copay per visit");
    expect(selectQuotes("Me diagnosticaron prediabetes y quiero ver a un nutricionista. ¿Cuánto me cobran por la consulta?", [visits])).toEqual([]);
    const specialty = source(28, "Preferred specialty drugs — Network Provider: 10% coinsurance; Limitations & Exceptions: First prescription must be filled at a participating retail pharmacy or Aetna Specialty Pharmacy. Subsequent fills must be through Aetna Specialty Pharmacy.");
    expect(selectQuotes("I just got my first specialty Rx filled at a retail pharmacy. Where do I have to get the refills?", [specialty])[0]?.sentence).toContain("Subsequent fills");
  });

  it("asks a step of the service told, looks past body parts and words that refer back, and keeps the item asked about", () => {
    // "do we need approval first?" names a step, not a service: the physical therapy told before it is the subject.
    expect(askedPart("My son needs physical therapy after breaking his leg. What's the copay, and do we need approval first?")).toContain("physical therapy");
    const rows = source(32, "Preferred generic drugs — In-network Provider: $15/retail order; Limitations & Exceptions: Prior authorization is required for select drugs.\nRehabilitation services — In-network Provider: $25; Limitations & Exceptions: Requires prior authorization.");
    expect(selectQuotes("My son needs physical therapy after breaking his leg. What's the copay, and do we need approval first?", [rows])[0]?.sentence).toContain("Rehabilitation services");
    // "the chair" refers back to the wheelchair; a body part ("of my wrist") says where, not what is covered.
    expect(requiredTerms("My wheelchair supplier is out of network and the chair costs more than $1,000. What do I need to do first?")).toEqual(["#durable-medical-equipment"]);
    expect(requiredTerms("My doctor wants an x-ray of my wrist at an in-network place. What's the copay?")).toEqual(["#x-ray"]);
    // A cell pricing two services after their names keeps the one asked about, in either language.
    const test = "Diagnostic test (x-ray, blood work) — Network Provider: Lab: $50 copay per visit, deductible waived; X-ray: $75 copay per visit, deductible waived; Non-Participating Provider: Not covered";
    expect(presentQuote(test, "en", { question: "My doctor wants an x-ray of my wrist at an in-network place. What's the copay?", network: "in" })).toBe(
      "Diagnostic test (x-ray, blood work) — Network Provider: X-ray: $75 copay per visit, deductible waived",
    );
    expect(presentQuote(test, "es", { question: "Me mandaron a hacer análisis de sangre en un laboratorio de la red. ¿De cuánto es el copago?", network: "in" })).toBe(
      "Diagnostic test (x-ray, blood work) — Proveedor de la red: Lab: $50 copay per visit, deductible waived",
    );
    // An insurer's name between "isn't a" and "preferred provider" still negates the network; "$ 4,390" is the plan's figure.
    expect(asksNetwork("My dad wants to use a hospice that isn't a Blue Shield preferred provider. What would we pay?")).toBe("out");
    expect(presentQuote("Plan pays $ 4,390 Patient pays $ 3,150", "en", { question: "In the having-a-baby coverage example, how much does the plan pay?" })).toBe("Plan pays $ 4,390");
  });

  it("reads the service told as the subject when the question names only who pays, and the rest of the story as story", () => {
    const rows = source(
      36,
      "Pulmonary rehabilitation services — In-Network: $0 copayment for each Medicare-covered pulmonary rehabilitative visit for chronic obstructive pulmonary disease (COPD).\nOutpatient surgery — In-Network: $0 copayment for a colonoscopy. Unless the provider writes an order to admit you, you are an outpatient and pay the Medicare-covered cost-sharing.",
    );
    const question = "My dad has COPD and his doctor ordered pulmonary rehab. What's the in-network copay, and how many sessions does Medicare cover?";
    // The condition is why (session 14: told before the doctor's order, it is left out like a mishap).
    expect(toldSubject(question)).toBe("My dad has and his doctor ordered pulmonary rehab.");
    expect(selectQuotes(question, [rows])[0]?.sentence).toContain("Pulmonary rehabilitation services");
  });

  it("needs the words naming the thing asked, not those qualifying a service found", () => {
    const eyewear = source(37, "Eyewear — In-network: $0 copay for standard prescription lenses; up to $200 for frames or contacts every year");
    // Said after the service: a qualifier ("con mi graduación", "split it across two purchases").
    expect(selectQuotes("Con el beneficio de anteojos, ¿tengo que pagar aparte por los cristales (los lentes con mi graduación) o ya vienen incluidos?", [eyewear]).length).toBe(1);
    expect(selectQuotes("How much does the plan give me toward new glasses or contacts each year, and can I split it across two purchases?", [eyewear]).length).toBe(1);
    // Said before the service, or right after a concept: the thing asked, which no passage names.
    const diabetes = source(38, "Diabetes management › Diabetes monitoring supplies — In-network: $0 copay");
    expect(selectQuotes("Mi doctor me recetó Jardiance para la diabetes. ¿Cuánto me va a costar al mes con este plan?", [diabetes])).toEqual([]);
    const hearing = source(39, "Hearing aids — In-network: $199 to $1,249 copay per aid, up to 2 hearing aids every year");
    expect(selectQuotes("Does the plan give me any money toward hearing aid batteries?", [hearing])).toEqual([]);
    expect(termsAfterService("Can I get a routine eye exam with an in-network optometrist covered?", () => true)).toEqual([]);
    expect(termsAfterService("Is a hearing exam with an in-network audiologist in Provo covered?", (id) => id === "hearing-exam")).toEqual(["provo"]);
    // A hearing exam is a subject of its own, though "hear" is an everyday word: not the "Hearing aids" of an exclusion list.
    expect(requiredTerms("What's my copay for a hearing exam?")).toEqual(["#hearing-exam"]);
  });

  it("sets aside what the question puts aside: 'besides the facility copay', 'no por correo'", () => {
    const surgery = source(40, "If you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — Network Provider: $250 copay per visit\nPhysician/surgeon fees — Network Provider: No charge");
    expect(selectQuotes("I'm having outpatient surgery at an in-network surgery center. Besides the facility copay, what do I owe for the surgeon's fee?", [surgery]).map((quote) => quote.sentence)).toEqual([
      "Physician/surgeon fees — Network Provider: No charge",
    ]);
    expect(presentQuote("Preferred brand drugs — Network Provider: $15 copay/retail, $30 copay/mail order", "es", { question: "¿Cuánto pago por un medicamento de marca preferida si lo surto en una farmacia normal (no por correo)?" })).toBe(
      "Preferred brand drugs — Proveedor de la red: $15 copay/retail",
    );
  });

  it("reads a row's group as said of all its rows, and the row named after the subject first", () => {
    const child = source(41, "If your child needs dental or eye care › Eye exam — In-network Provider: $25\nIf your child needs dental or eye care › Dental check-up — In-network Provider: Not covered");
    expect(selectQuotes("Will the plan pay for my kids' dental cleanings and checkups?", [child])[0]?.sentence).toContain("Dental check-up");
    // A story's thing outside the vocabulary ("therapeutic shoes with inserts") is still its subject.
    const feet = source(42, "Diabetes self-management training — In-network: $0 copay\nTherapeutic shoes or inserts — In-network: 20% coinsurance\nRoutine foot care — In-network: $40 copay");
    expect(selectQuotes("I'm diabetic and my podiatrist wants me in therapeutic shoes with inserts. What's my share if I get them in network?", [feet])[0]?.sentence).toContain("Therapeutic shoes");
  });

  it("reads 'a preferred surgeon' as in network, and an allergy's tests and shots as a thing of their own", () => {
    expect(asksNetwork("I'm having outpatient surgery with a preferred surgeon. What share of the surgeon's bill do I pay?")).toBe("in");
    const shots = source(43, "Sample care costs › Vaccines, other preventive — $40");
    expect(selectQuotes("Tengo alergias muy fuertes. ¿El plan cubre las pruebas de alergia y las vacunas (inyecciones) para la alergia?", [shots])).toEqual([]);
  });

  it("answers each thing a question asks at once", () => {
    const rehab = source(
      44,
      "Pulmonary rehabilitation services\nComprehensive programs are covered for members with chronic obstructive pulmonary disease (COPD). Medicare covers up to two (2) one-hour sessions per day, for up to 36 lifetime sessions of pulmonary rehabilitation services.\nPulmonary rehabilitation services — In-Network: $0 copayment for each Medicare-covered pulmonary rehabilitative visit.\nScreening and counseling to reduce alcohol misuse: you can get up to four brief counseling sessions per year with Medicare, provided by a primary care doctor.",
    );
    const quotes = answerQuotes("My dad has COPD and his doctor ordered pulmonary rehab. What's the in-network copay, and how many sessions does Medicare cover?", [rehab]);
    expect(quotes.map((quote) => quote.sentence).join("\n")).toContain("$0 copayment");
    expect(quotes.map((quote) => quote.sentence).join("\n")).toContain("36 lifetime sessions");
    expect(quotes.map((quote) => quote.sentence).join("\n")).not.toContain("alcohol");
  });

  it("answers what a party pays in a coverage example from that party's rows", () => {
    const example = source(35, "Sample care costs › Vaccines, other preventive — $100\nSample care costs › Total — $5,400\nPatient pays › Copays — $540\nPatient pays › Total — $750", "SBC › Managing type 2 diabetes");
    expect(selectQuotes("En el ejemplo de la diabetes tipo 2, ¿cuánto termina pagando el paciente en total?", [example]).map((quote) => quote.sentence)).toEqual(["Patient pays › Total — $750"]);
    expect(asksRole("In the coverage example for managing type 2 diabetes, what's the patient's total cost?")).toBe("patient");
    expect(asksRole("What does the diabetes example cost in total, before anyone pays?")).toBe("total");
    // Both parties asked: both figures answer.
    expect(asksRole("En el ejemplo de tener un bebé, ¿cuánto paga el plan y cuánto le queda a la paciente?")).toBeNull();
    const baby = source(36, "Having a baby (normal delivery): Amount owed to providers: $7,540; Plan pays $6,770; Patient pays $770", "SBC › Coverage Examples");
    const answer = presentQuote(baby.text, "es", { question: "En el ejemplo de tener un bebé, ¿cuánto paga el plan y cuánto le queda a la paciente?" });
    expect(answer).toContain("$6,770");
    expect(answer).toContain("$770");
  });

  it("answers a kind of cost asked for in a coverage example from the row named after it", () => {
    const example = source(
      9,
      "Patient pays › Deductibles — $250\nPatient pays › Copays — $450\nPatient pays › Co-insurance — $530",
      "About these Coverage Examples: › Managing type 2 diabetes (routine maintenance of a well-controlled condition)",
    );
    const totals = source(9, "• Amount owed to providers: $5,400\n• Plan pays $4,090\n• Patient pays $1,310", "About these Coverage Examples: › Managing type 2 diabetes (routine maintenance of a well-controlled condition)");
    expect(selectQuotes("In the managing type 2 diabetes coverage example, how much does the patient pay in copays?", [example, totals]).map((quote) => quote.sentence)).toEqual([
      "Patient pays › Copays — $450",
    ]);
    // Outside the examples a copay is how a member calls any price: the row that states it in other words answers.
    const pregnancy = source(3, "If you are pregnant › Prenatal and postnatal care — Preferred Provider: Prenatal - No charge Postnatal - $20/visit");
    const baby = source(7, "Patient pays › Copays — $300", "About these Coverage Examples: › Having a baby (normal delivery)");
    expect(selectQuotes("What's my copay for the postnatal checkups with my preferred OB?", [pregnancy, baby])[0]?.sentence).toContain("$20/visit");
  });

  it("reads the situation's main clause with its infinitive, and not the doctor who orders the care as what is asked", () => {
    const snf = source(7, "Skilled Nursing Care — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: limited to $150/day for non-network.");
    expect(requiredTerms("After surgery my dad has to go to a skilled nursing facility that's not in Anthem's network. Is there a daily limit on what the plan covers there?")).toEqual(["#skilled-nursing"]);
    expect(selectQuotes("After surgery my dad has to go to a skilled nursing facility that's not in Anthem's network. Is there a daily limit on what the plan covers there?", [snf])[0]?.sentence).toContain("$150/day");
    // Cardiac rehab is what is asked; the cardiologist who wants it is no answer.
    const doctors = source(2, "Specialists — In-network: $40 copay; Out-of-network: $65 copay");
    expect(selectQuotes("After my heart attack my cardiologist wants me to do cardiac rehab. What's my copay per session?", [doctors])).toEqual([]);
  });

  it("sets aside what the question puts 'on top of' its ask, and names a drug by the condition it treats", () => {
    const stay = source(
      3,
      "If you have a hospital stay › Facility fee (e.g., hospital room) — In-network Provider: $450 per day; Limitations & Exceptions: 4 days max per admit.\nPhysician/surgeon fee — In-network Provider: No charge",
    );
    expect(selectQuotes("I'm being admitted to an in-network hospital for surgery. On top of the daily hospital copay, what do I pay for the surgeon's fee?", [stay])[0]?.sentence).toContain("No charge");
    const drugs = source(3, "If you need drugs to treat your illness or condition › Preferred generic drugs — Network Provider: $5 copay/retail, $10 copay/mail order");
    expect(selectQuotes("I take a generic blood pressure pill every day and want to get it by mail. What's my copay for mail order?", [drugs])[0]?.sentence).toContain("$10 copay/mail order");
    // Quitting smoking is a thing of its own: the drug tiers do not answer it.
    expect(selectQuotes("Quiero dejar de fumar. ¿El plan cubre algún programa o medicamentos para dejar el cigarro?", [drugs])).toEqual([]);
  });

  it("reads whose deductible, a drug's supply, and step therapy in plain words as the story or the rule they are", () => {
    const deductible = source(
      1,
      "What is the overall deductible? — Answers: $500 / individual or $1,000 /family; Why This Matters: If you have other family members on the plan, each family member must meet their own individual deductible until the total amount of deductible expenses paid by all family members meets the overall family deductible.",
    );
    expect(selectQuotes("My husband and I are both on this family plan. Does each of us have to meet our own deductible, or do we just share the family one?", [deductible])[0]?.sentence).toContain(
      "their own individual deductible",
    );
    // The figure does not say whether each member meets a deductible of their own: "Why This Matters" does, and stays.
    const row = deductible.text;
    const asked = "My husband and I are both on this family plan. Does each of us have to meet our own deductible, or do we just share the family one?";
    expect(presentQuote(row, "en", { question: asked })).toContain("their own individual deductible");
    expect(presentQuote(row, "en", { question: "What is the overall deductible?" })).not.toContain("Why This Matters");
    const specialty = source(2, "Specialty drugs — Preferred Provider: 10% co-ins; Limitations & Exceptions: Supply/order: 30 day supply from specialty pharmacy except where quantity limits apply.");
    expect(selectQuotes("Can I get a 90-day supply of my specialty drug at once, and where do I have to fill it?", [specialty])[0]?.sentence).toContain("30 day supply from specialty pharmacy");
    const tiers = source(3, "Tier 3 – Your Highest-Cost Option — Network Provider: Retail: $50 copay; You may be required to use a lower-cost drug(s) prior to benefits under your policy being available for certain prescribed drugs.");
    expect(
      selectQuotes("The pharmacy told me the plan wants me to try a cheaper drug before it will pay for the one my doctor prescribed. Is that a plan rule?", [tiers])[0]?.sentence,
    ).toContain("lower-cost drug");
    // A doctor recommending the care tells the story; a reward the documents never mention is not answered by a screening.
    const hospice = source(3, "Hospice services — Network Provider: 20% coinsurance; Limitations: Preauthorization is required. If you don't get preauthorization, benefits could be reduced by 50%.");
    expect(selectQuotes("My mom's doctor is recommending hospice. Is there anything we have to get from the plan before she starts?", [hospice])[0]?.sentence).toContain("Preauthorization is required");
    const mammogram = source(1, "Breast cancer screening (mammograms) — In-Network: There is no coinsurance, copayment, or deductible for covered screening mammograms.");
    expect(selectQuotes("¿El plan me da alguna recompensa o tarjeta de regalo por hacerme el chequeo anual o la mamografía?", [mammogram])).toEqual([]);
  });

  it("answers a contact question with the contact of whom it names, and not past a passage without the figure", () => {
    const ship = source(
      33,
      "Method to access SHIP and other resources: Visit https://www.shiphelp.org · Select your STATE from the list.\nCall — State Health Insurance Assistance Program (SHIP) – Contact Information Utah: 1-877-424-4640\nWebsite — State Health Insurance Assistance Program (SHIP) – Contact Information Utah: https://daas.utah.gov",
      "Chapter 2 › Section 3 State Health Insurance Assistance Program (free help about Medicare)",
    );
    // A passage named after the subject but without a number does not set aside the row that has one.
    expect(selectQuotes("¿A qué número llamo para recibir asesoría gratis sobre Medicare en Utah?", [ship])[0]?.sentence).toContain("1-877-424-4640");
    // Asked for Medicaid's website, the SHIP's website beside it is another office's: no answer rather than a wrong one.
    expect(wantsNumber("¿Cuál es la página web de Medicaid de Utah?")).toBe("website");
    expect(selectQuotes("¿Cuál es la página web de Medicaid de Utah?", [ship])).toEqual([]);
    // A state's name meets "your State Department of Insurance".
    const doi = source(34, "For a complaint about this plan, you may also contact your State Department of Insurance at (916) 492-3500, www.insurance.ca.gov");
    expect(selectQuotes("What's the phone number for the California Department of Insurance if I have a complaint about this plan?", [doi])[0]?.sentence).toContain("(916) 492-3500");
    // A regular, non-urgent visit abroad is what "non-emergency care outside the U.S." excludes, not urgent care.
    expect(requiredTerms("I'll be in Mexico for a few months. If I need a regular, non-urgent doctor visit while I'm there, will the plan cover it?")).toEqual(["#non-emergency"]);
    // "Aunque no sea emergencia" ("even if it is not an emergency") asks about care that is not an emergency.
    expect(requiredTerms("¿El plan le paga transporte para ir a sus citas, aunque no sea emergencia?")).toEqual(["#transportation", "#non-emergency"]);
    // Where a drug is bought is asked of the drug told before.
    expect(requiredTerms("My Rx is a non-preferred brand drug. What's the copay at a retail pharmacy?")).toContain("#non-preferred-drugs");
  });

  it("does not ask a duration question for an amount ('¿Cuánto tiempo…?')", () => {
    expect(wantsNumber("¿Cuánto tiempo tengo para apelar?")).toBeNull();
    expect(wantsNumber("¿Cuánto cuesta una visita?")).toBe("amount");
    expect(wantsNumber("What is the name of my primary care doctor?")).toBe("identifier");
    expect(wantsNumber("What's Health Net's customer service phone number if I have questions about my coverage?")).toBe("phone");
  });
});

/** A passage of one plan document, as the sessions' unseen phrasings are tested on. */
const planSource = (n: number, text: string, context = "Summary of Benefits and Coverage") => ({
  n,
  documentId: "doc",
  filename: "plan.pdf",
  page: 1,
  chunkId: `c${n}`,
  score: 0.5,
  text,
  context,
});
/** A plan's passage with its title as context (the default) or the one given. */
const source = (n: number, text: string, context?: string) => planSource(n, text, context);
/** The sentences the offline answerer quotes for a question from these passages. */
const quotes = (question: string, sources: ReturnType<typeof planSource>[]) => answerQuotes(question, sources).map((quote) => quote.sentence);

describe("selectQuotes on session 14's unseen phrasings", () => {
  const source = (n: number, text: string) => planSource(n, text);

  it("reads a condition or a body part the member tells as the situation, not as what a passage must name", () => {
    const office = source(1, "If you visit a health care provider's office or clinic › Primary care visit to treat an injury or illness — Network Provider: $20 copay per visit; Non-Participating Provider: Not covered");
    expect(selectQuotes("I've had the flu for a week and want to see my primary care doctor. What's the copay for the office visit?", [office])[0]?.sentence).toContain("$20 copay per visit");
    const rehab = source(
      2,
      "If you need help recovering or have other special health needs › Habilitation services — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance; Limitations: 60 visits/year. Includes physical therapy, speech therapy, and occupational therapy.",
    );
    expect(selectQuotes("My son has autism and needs habilitation therapy at an in-network clinic. What share of the cost do we pay?", [rehab, office])[0]?.sentence).toContain("Habilitation services");
    const xray = source(3, "X-rays — In-Network: $15 copayment for each Medicare-covered standard X-ray service.; Out-of-Network: $40 copayment");
    expect(selectQuotes("My doctor wants a regular chest X-ray done at an in-network facility. What's my copay?", [xray])[0]?.sentence).toContain("$15 copayment");
    // A thing the documents do not name is still not found: a sleep study is not a primary care visit.
    expect(selectQuotes("My doctor thinks I have sleep apnea and wants an overnight sleep study. Is that covered?", [office])).toEqual([]);
  });

  it("weighs how often the member says ('every couple of months') as the story, and quotes a list under its title and aside", () => {
    const excluded = source(
      4,
      "Services Your Plan Does NOT Cover | (This isn't a complete list. Check your policy or plan document for other excluded services.)\nCosmetic surgery Dental care (Adult) Hearing aids Infertility treatment; Long-term care Private-duty nursing; Routine foot care Weight loss programs",
    );
    const [best] = selectQuotes("Will the plan pay for a podiatrist to trim my toenails and take care of calluses every couple of months?", [excluded]);
    expect(best?.sentence).toMatch(/^Services Your Plan Does NOT Cover: Cosmetic surgery/);
    expect(best?.sentence).toContain("Routine foot care");
  });

  it("quotes the sentence that gives the number with the one that says who helps, asked 'what's its number?'", () => {
    const rights = source(
      5,
      "Your Grievance and Appeals Rights:\nIf you have a complaint or are dissatisfied with a denial of coverage for claims under your plan, you may be able to appeal or file a grievance. For questions about your rights, this notice, or assistance, you can contact: 1-888-852-5345. Additionally, a consumer assistance program can help you file your appeal. Contact the California Department of Managed Health Care at (888) 466-2219.",
    );
    expect(wantsNumber("Blue Shield denied my claim. Is there a consumer assistance program that can help me file my appeal, and what's its number?")).toBe("phone");
    const quotes = answerQuotes("Blue Shield denied my claim. Is there a consumer assistance program that can help me file my appeal, and what's its number?", [rights]);
    expect(quotes.map((quote) => quote.sentence).join(" ")).toContain("a consumer assistance program can help you file your appeal. Contact the California Department of Managed Health Care at (888) 466-2219.");
  });

  it("reads cells the layout left side by side on one line as separate texts", () => {
    const line =
      "Woodland Hills, CA 91365-4310 | Or Contact: | Department of Labor's Employee Benefits Security Administration at 1-866-444-EBSA(3272) | (800) 927-HELP (4357) | A consumer assistance program can help you file your appeal. Contact: California Department of Managed Health Care Help Center, Sacramento, CA 95814 (888) 466-2219";
    const texts = quoteUnits(line, "What's their phone number?").map((unit) => unit.text);
    expect(texts).toContain("(800) 927-HELP (4357)");
    expect(texts.some((text) => text.includes("(888) 466-2219") && !text.includes("927-HELP"))).toBe(true);
    // A label and its value on one line stay one text.
    expect(quoteUnits("Platinum Dental Rider premium | Additional $54 per month", "How much is the rider?").map((unit) => unit.text)).toEqual([
      "Platinum Dental Rider premium | Additional $54 per month",
    ]);
  });

  it("reads a network denied ('isn't in the network', 'no es de la red') as out of network", () => {
    expect([...contentTokens("My cardiologist isn't in the UHC network.").keys()]).toContain("#out-of-network");
    expect([...contentTokens("My cardiologist isn't in the UHC network.").keys()]).not.toContain("#in-network");
    expect([...contentTokens("Mi oftalmólogo no es de la red.").keys()]).toContain("#out-of-network");
    expect([...contentTokens("I use in-network doctors.").keys()]).toContain("#in-network");
    const vision = source(
      6,
      "Vision Services — In-Network: Medicare-covered exam to diagnose and treat diseases and conditions of the eye: $10 Copay.; Out-of-Network: Medicare-covered exam to diagnose and treat diseases and conditions of the eye: $25 Copay.",
    );
    const [best] = selectQuotes("Mi oftalmólogo no es de la red. ¿Cuánto es el copago de la consulta para tratar la enfermedad del ojo?", [vision]);
    expect(best?.sentence).toContain("$25 Copay");
  });

  it("reads an ER visit as the emergency room, not an office visit", () => {
    const keys = [...contentTokens("What do I pay for the ER visit?").keys()];
    expect(keys).toContain("#emergency-room");
    expect(keys).not.toContain("#office-visit");
  });
});

describe("selectQuotes on session 15's unseen phrasings", () => {
  const source = (n: number, text: string) => planSource(n, text, "HSA Choice Plus Plan · Coverage Period: 11/01/2013 – 10/31/2014 · Summary of Benefits and Coverage");

  it("answers when the coverage period runs from the dates in the passages' title", () => {
    const oop = source(1, "Is there an out-of-pocket limit on my expenses? — Answers: Yes. $4,000; Why this Matters: The out-of-pocket limit is the most you could pay during a coverage period (usually one year).");
    const example = source(2, "All services and treatments started and ended in the same coverage period.");
    for (const question of ["When does this coverage period begin and end?", "What dates does this plan's coverage period run?", "¿Hasta qué fecha dura el periodo de cobertura de este plan?"]) {
      expect(selectQuotes(question, [oop, example])[0]?.sentence).toBe("Coverage Period: 11/01/2013 – 10/31/2014");
    }
    // Not asked, the title's dates are no quote.
    expect(selectQuotes("Is there an out-of-pocket limit on my expenses?", [oop, example]).some((quote) => quote.sentence.startsWith("Coverage Period"))).toBe(false);
  });

  it("reads 'how much does the plan itself end up paying' and 'does Health Net pay' as the plan's share", () => {
    expect(asksRole("In the type 2 diabetes coverage example, how much does the plan itself end up paying?")).toBe("plan");
    expect(asksRole("How much of the diabetes coverage example's total bill does Health Net pay?")).toBe("plan");
    expect(asksRole("How much of the bill does the plan cover in the diabetes example?")).toBe("plan");
    expect(asksRole("In Peg's example, how much would she end up paying?")).toBe("patient");
    expect(asksRole("Which coverage example leaves the patient paying more, the baby or the diabetes one, and how much does each patient pay?")).toBe("patient");
    // Comparing the tiers asks about both.
    expect(asksNetwork("Does it make a difference in price if I use a pharmacy that's out of network instead of one in the network?")).toBeNull();
    expect(asksNetwork("Is my doctor in the network?")).toBe("in");
  });

  it("does not take 'llamar' in 'llamar una ambulancia' for the thing asked about, and reads mix, chance and cutoff as everyday words", () => {
    const ambulance = source(3, "If you need immediate medical attention › Emergency medical transportation — Network Provider: $150 copay per trip; Non-Participating Provider: $150 copay per trip");
    expect(selectQuotes("Si tengo que llamar una ambulancia y la compañía no es de la red, ¿cuánto me cobran?", [ambulance])[0]?.sentence).toContain("$150 copay per trip");
    const oop = source(4, "Maximum out-of-pocket amount (does not include prescription drugs) — In-network: $5,900; Out-of-network: $10,100");
    expect(selectQuotes("I see a mix of in-network and out-of-network doctors. What's the most I'd have to pay out of pocket in a year?", [oop])[0]?.sentence).toContain("$10,100");
  });
});

describe("selectQuotes on session 16's unseen phrasings", () => {
  /** Every quote's sentence, in one string. */
  const quoted = (question: string, sources: ReturnType<typeof source>[]) => selectQuotes(question, sources).map((quote) => quote.sentence).join(" ");

  it("reads a question someone else asked, told as a statement, as the subject ('My tax preparer asked whether…')", () => {
    const question = "My tax preparer asked whether my health plan counts as minimum essential coverage. Does it?";
    expect(requiredTerms(question)).not.toContain("preparer");
    expect(requiredTerms(question)).not.toContain("tax");
    const mec = source(1, "The Affordable Care Act requires most people to have health care coverage that qualifies as \"minimum essential coverage.\" This plan or policy does provide minimum essential coverage.");
    expect(quoted(question, [mec])).toContain("does provide minimum essential coverage");
  });

  it("keeps a possessive a preposition governs in the leading clause ('Después de mi cirugía de hombro voy a…')", () => {
    const question = "Después de mi cirugía de hombro voy a ir a terapia física con un terapeuta de la red. ¿Cuánto pago por cada visita?";
    expect(askedPart(question)).not.toMatch(/cirug/);
    const rehab = source(1, "Outpatient rehabilitation services — In-Network: $30 copayment for each Medicare-covered physical therapy visit.; Out-of-Network: $65 copayment for each Medicare-covered physical therapy visit.");
    const mental = source(2, "Outpatient mental health care — In-Network: $40 copayment for each individual therapy visit.; Out-of-Network: $55 copayment for each individual therapy visit.");
    expect(selectQuotes(question, [rehab, mental])[0]?.sentence).toContain("$30 copayment");
  });

  it("reads a therapist beside a kind of therapy as that therapy's, and 'physical therapist' as rehabilitation", () => {
    expect(contentTokens("voy a ir a terapia física con un terapeuta de la red").has("#mental-health")).toBe(false);
    expect(contentTokens("I see a physical therapist").has("#rehabilitation")).toBe(true);
    expect(contentTokens("I see a physical therapist").has("#mental-health")).toBe(false);
    // Alone, a therapist is still a mental-health one.
    expect(contentTokens("Can I see a therapist?").has("#mental-health")).toBe(true);
  });

  it("answers a question that names the plan by its title's word ('on this HSA plan'), and still refuses one about the HSA itself", () => {
    const title = "HSA Choice Plus Plan · Coverage Period: 11/01/2013 – 10/31/2014 · Summary of Benefits and Coverage";
    const office = source(1, "Primary care visit to treat an injury or illness — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.", title);
    const test = source(2, "Diagnostic test (x-ray, blood work) — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.", title);
    const question = "I've had a bad cough for a week and want to see my in-network primary care doctor. What will I pay for the visit on this HSA plan?";
    expect(selectQuotes(question, [office, test])[0]?.sentence).toContain("Primary care visit");
    expect(selectQuotes("How much can I put in my HSA each year?", [office, test])).toEqual([]);
  });

  it("answers a drug tier or a supply asked for by its number with that one's row, and a row that names it still answers", () => {
    const context = "Prescription Drug Benefits › Initial Coverage › Network retail pharmacy";
    const cases = [
      {
        question: "Mi esposa toma un medicamento de marca preferida (nivel 3). ¿Cuánto le cobran por un mes en una farmacia de la red?",
        rows: ["drug › Cost-Sharing Tier 3 Preferred Brand — Standard retail: $47 copayment", "drug › Cost-Sharing Tier 4 Non-Preferred Drug — Standard retail: $100 copayment"],
        asked: "$47",
        other: "$100",
      },
      {
        question: "Tomo un genérico de nivel 2. ¿Cuánto pago por 30 días en una farmacia de la red?",
        rows: ["Tier 2 (Generic) — Choice (PPO) (Plan 004) · 30 day supply: $5 copay", "Tier 2 (Generic) — Choice (PPO) (Plan 004) · 60 day supply: $10 copay"],
        asked: "$5 copay",
        other: "$10 copay",
      },
    ];
    for (const { question, rows, asked, other } of cases) {
      const answer = quoted(question, rows.map((row, i) => source(i + 1, row, context)));
      expect(answer).toContain(asked);
      expect(answer).not.toContain(other);
    }
    // Another tier's row that says something of the tier asked about, and a rule that names another supply, still answer.
    const tier2 = source(3, "Tier 2 – Your Midrange-Cost Option — Network Provider: $35 copay; Limitations & Exceptions: Tier 1 Contraceptives covered at No Charge.");
    expect(quoted("I'm on a Tier 1 birth control pill. Do I have to pay anything for it?", [tier2])).toContain("No Charge");
    const specialty = source(4, "Specialty drugs — Preferred Provider: 10% co-ins; Out-of-network Provider: Not covered; Limitations & Exceptions: Supply/order: 30 day supply from specialty pharmacy.");
    expect(quoted("Can I get a 90-day supply of my specialty drug at once?", [specialty])).toContain("30 day supply");
  });

  it("reads the doctor named after 'with' as who gives the care ('a yearly physical with my in-network PCP')", () => {
    const office = source(1, "If you visit a health care provider's office or clinic › Primary care visit to treat an injury or illness — Network Provider: $20 copay per visit; Non-Participating Provider: Not covered");
    const preventive = source(2, "If you have a test › Preventive care /screening /immunization — Network Provider: No charge; Non-Participating Provider: Not covered");
    const question = "I haven't been to the doctor in a couple of years. If I book a yearly physical with my in-network PCP, do I have to pay anything?";
    expect(selectQuotes(question, [office, preventive])[0]?.sentence).toContain("Preventive care");
  });

  it("leaves out a note about out-of-network care when the question asks about the network's, and keeps it when it asks about out-of-network care", () => {
    const row = "Delivery and all inpatient services — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: Inpatient Pre-Authorization may apply non-network or benefit reduces to 50%.";
    expect(presentQuote(row, "en", { network: "in", question: "In a network hospital, what do I pay for delivery?" })).toBe("Delivery and all inpatient services — Network Provider: 20% co-ins, after ded.");
    const ambulance = "Emergency medical transportation — Network Provider: $150 copay per trip; Non-Participating Provider: $150 copay per trip; Limitations & Exceptions: OON cost-share same as in-network.";
    expect(presentQuote(ambulance, "en", { network: "out", question: "What if the ambulance is out of network?" })).toContain("OON cost-share same as in-network.");
  });

  it("keeps the member's or the family's limit when the question asks about one of them, and both when it asks both", () => {
    const oop = "Is there an out–of–pocket limit on my expenses? — Answers: Yes. $3,000 person / $6,000 family per calendar year.";
    const alone = "If I'm the only one in the family who gets sick this year, what's the most I'd have to pay out of pocket for my own care?";
    expect(asksLevel(alone)).toBe("individual");
    expect(presentQuote(oop, "en", { question: alone })).toBe("Is there an out–of–pocket limit on my expenses? — Answers: Yes. $3,000 person per calendar year.");
    expect(keepLevel("$1,500 person / $2,500 family", "family")).toBe("$2,500 family");
    expect(asksLevel("What's the most I could pay out of pocket this year, for just me and for the family?")).toBeNull();
    expect(asksLevel("What is my deductible?")).toBeNull();
    // "per person and for the whole family" asks both.
    expect(asksLevel("¿Cuánto es lo máximo que pagaríamos de nuestro bolsillo en el año por persona y por toda la familia?")).toBeNull();
    expect(asksLevel("What's the out-of-pocket limit per person on this plan?")).toBe("individual");
  });

  it("hears the network tier in 'isn't in this plan's network' and 'is in Anthem's network'", () => {
    expect(asksNetwork("My old family doctor isn't in this plan's network. If I see him anyway, what do I pay?")).toBe("out");
    expect(asksNetwork("My dermatologist is in Anthem's network. What do I pay per visit?")).toBe("in");
    expect(asksNetwork("If I'm admitted to a hospital that's outside Clover's network, what's my daily copay?")).toBe("out");
    expect(asksNetwork("Mi obstetra no es proveedora preferida de Blue Shield. ¿Qué porcentaje pago?")).toBe("out");
    expect(asksNetwork("Mi doctora es proveedora preferida. ¿Cuánto pago?")).toBe("in");
  });

  it("sets aside the costs a coverage-example question names after 'after the … and …'", () => {
    const example = [
      source(1, "Patient pays › Deductibles — $2,420", "About these Coverage Examples: › Managing type 2 diabetes"),
      source(2, "Patient pays › Copays — $1,390", "About these Coverage Examples: › Managing type 2 diabetes"),
      source(3, "Patient pays › Coinsurance — $0", "About these Coverage Examples: › Managing type 2 diabetes"),
    ];
    const question = "Looking at the diabetes coverage example: after the deductible and copays, is there any coinsurance the patient owes?";
    expect(selectQuotes(question, example)[0]?.sentence).toBe("Patient pays › Coinsurance — $0");
  });

  it("reads a condition or body part told with the care as the story ('cataract surgery', 'for my thyroid')", () => {
    expect(requiredTerms("I'm having my cataract surgery done at an in-network ambulatory surgical center. What's my copay for that?")).not.toContain("cataract");
    expect(requiredTerms("My PCP says I should see an endocrinologist for my thyroid. What's the copay?")).not.toContain("thyroid");
  });
});

describe("selectQuotes on session 17's unseen phrasings", () => {
  const drugs = [
    source(1, "If you need drugs to treat your illness or condition › Generic drugs (Tier 1) — Network Provider: $10 copay/prescription; Out-of-Network Provider: 40% coinsurance"),
    source(2, "If you need drugs to treat your illness or condition › Preferred brand drugs (Tier 2) — Network Provider: $30 copay/prescription; Out-of-Network Provider: 40% coinsurance"),
  ];

  it("refuses a question about a drug named in the statement before it that no passage names ('la insulina Lantus. ¿En qué nivel está?')", () => {
    expect(selectQuotes("Mi médico me recetó la insulina Lantus. ¿En qué nivel (tier) de medicamentos está y cuánto me va a costar cada mes?", drugs)).toEqual([]);
    // A concept's own word after another ("my specialty Rx") is no name.
    expect(selectQuotes("My generic Rx is a Tier 1 drug. What do I pay for it?", drugs)[0]?.sentence).toContain("$10 copay");
  });

  it("reads 'My accountant needs to know: does…' as the question asked, and travel words as the story", () => {
    const mec = source(3, "The Affordable Care Act requires most people to have health care coverage that qualifies as minimum essential coverage. This plan or policy does provide minimum essential coverage.");
    expect(selectQuotes("My accountant needs to know: does this Health Net plan count as minimum essential coverage under the ACA?", [mec]).length).toBeGreaterThan(0);
    const urgent = source(4, "If you need immediate medical attention › Urgent care — Network Provider: $40 copay per visit; Non-Participating Provider: Not covered");
    const question = "I'm visiting family out of town and the only urgent care nearby isn't in Aetna's network. Will the plan pay for that visit?";
    expect(selectQuotes(question, [urgent])[0]?.sentence).toContain("Urgent care");
    expect(asksNetwork(question)).toBe("out");
    expect(asksNetwork("I'd like my yearly checkup from a doctor who isn't in Health Net's network.")).toBe("out");
    expect(asksNetwork("I'm scheduled to be admitted to a preferred-provider hospital.")).toBe("in");
  });

  it("hears 'complain' as a complaint, and 'cuánto se les debe a los proveedores' as a coverage example's total", () => {
    expect(contentTokens("I want to complain about a denied claim").has("#grievance")).toBe(true);
    expect(asksRole("En el ejemplo de tener un bebé, ¿cuánto se les debe en total a los proveedores antes de que pague el plan?")).toBe("total");
  });
});

describe("selectQuotes on session 18's unseen phrasings", () => {
  const first = (question: string, sources: ReturnType<typeof source>[]) => selectQuotes(question, sources)[0]?.sentence ?? "";

  it("knows a bone density scan, a female psychologist, a pediatrician and 'elective' by the documents' words", () => {
    expect(contentTokens("Is a DEXA scan covered?").has("#bone-density")).toBe(true);
    expect(contentTokens("Bone mass measurement: covered every 24 months").has("#bone-density")).toBe(true);
    expect(contentTokens("¿Cubren la densitometría ósea?").has("#bone-density")).toBe(true);
    expect(contentTokens("Quiero ver a una psicóloga").has("#mental-health")).toBe(true);
    expect(contentTokens("Mi cardióloga no es de la red").has("#specialist")).toBe(true);
    expect(contentTokens("my kid's pediatrician").has("#primary-care")).toBe(true);
    const excluded = source(1, "Services Your Plan Does NOT Cover: Cosmetic surgery; Long-term care; Services that are not medically necessary; Weight loss programs");
    expect(first("Does the plan pay for an elective procedure I just want to have done?", [excluded])).toContain("not medically necessary");
  });

  it("reads 'due for', 'straight to', a condition told before the care, and whom the member is with as the story", () => {
    expect(requiredTerms("I'm due for a flu shot. Is it free at a network pharmacy?")).not.toContain("due");
    expect(requiredTerms("If the specialist sends the order straight to the lab, is a referral needed?")).not.toContain("straight");
    const told = "My son has a stutter and needs speech therapy with a network provider. What's the copay, and is there a visit limit?";
    expect(requiredTerms(told)).not.toContain("stutter");
    const therapy = source(2, "If you need help recovering › Rehabilitation services — Network Provider: $30 copay per visit; Non-Network Provider: 40% coinsurance; Limitations & Exceptions: 20 visits per year");
    expect(first(told, [therapy])).toContain("$30 copay");
    // A service in the condition's place is what happened, not a condition ("I just had cataract surgery and need glasses").
    expect(requiredTerms("I have cataract surgery next week and need new glasses. What do I pay?")).toContain("#surgery");
    const network = source(3, "With this plan, you have access to care at in-network costs when you visit any provider participating in the national network.");
    expect(first("I'm staying with my son in Florida for a few months. Can I see doctors there at in-network costs?", [network])).toContain("national network");
  });

  it("sets aside a deductible the member says is met ('Ya pagué el deducible', 'I haven't met my deductible yet')", () => {
    const deductible = source(4, "What is the overall deductible? — Answers: Network: $2,000 Individual / $4,000 Family; Non-Network: $4,000 Individual / $8,000 Family");
    const mental = source(5, "If you have mental health needs › Mental/Behavioral health outpatient services — Network Provider: 20% coinsurance; Non-Network Provider: 50% coinsurance");
    expect(first("Ya cubrí mi deducible. ¿Qué porcentaje pago si voy con una psicóloga fuera de la red?", [deductible, mental])).toContain("Mental/Behavioral");
    const preventive = source(6, "If you visit a health care provider's office › Preventive care/screening/immunization — Network Provider: No charge; Non-Network Provider: 30% coinsurance");
    expect(first("I haven't met my deductible yet. Is my yearly physical with a network doctor free?", [deductible, preventive])).toContain("No charge");
  });

  it("quotes a rule with the sentence that says what happens otherwise, and a sentence with the list it announces", () => {
    const card = source(11, "Do NOT use your red, white, and blue Medicare card for covered medical services while you are a member of this plan. If you use your Medicare card instead of your plan membership card, you may have to pay the full cost of medical services yourself. Keep your Medicare card in a safe place.", "Chapter 1 › Section 3 Your plan membership card");
    const quote = first("I forgot my plan card. Can I just show my Medicare card at the doctor's office instead?", [card]);
    expect(quote).toContain("full cost");
    expect(quote).not.toContain("safe place");
    const area = source(12, "To join this plan, you must live within our service area listed below.\nUtah: Box Elder, Cache, Davis, Weber.", "About this plan");
    expect(first("Is Weber County in the plan's service area?", [area])).toContain("Box Elder");
  });

  it("lets go of the plain words of a statement read as the subject when the service the question names is found", () => {
    const office = source(19, "If you visit a health care provider's office or clinic › Other practitioner office visit — Network Provider: $15 copay per visit for chiropractic care; $15 copay per visit for acupuncture; Limitations & Exceptions: Coverage is limited to 20 visits for chiropractic care and 12 visits for acupuncture.");
    const answer = quotes("My neck and lower back are a mess. I'd like to do both chiropractic and acupuncture with in-network providers this year. What's the copay for each, and how many visits of each does the plan cover?", [office]).join(" ");
    expect(answer).toContain("20 visits");
    // A word the question asks about itself is still to be found.
    expect(quotes("I'd like to do chiropractic this year. Does the plan cover a massage chair?", [office])).toEqual([]);
  });

  it("reads 'this Health Net HMO' as the plan's name, and a thing an ordering doctor wants tried as what is asked", () => {
    const limit = source(20, "Is there an out-of-pocket limit on my expenses? — Answers: Yes. $3,000 person / $6,000 family per calendar year.", "Health Net of CA: Cal Choice HMO 25 › Coverage for: All Covered Members | Plan Type: HMO");
    const other = source(21, "Does this plan use a network of providers? — Answers: Yes.", "Health Net of CA: Cal Choice HMO 25 › Coverage for: All Covered Members | Plan Type: HMO");
    expect(quotes("There are five of us on this Health Net HMO. What's the most our whole family could pay out of pocket in a year?", [limit, other]).join(" ")).toContain("$6,000");
    const specialist = source(22, "Specialist visit — Network Provider: $40 copay per visit; Limitations & Exceptions: none");
    const excluded = source(23, "Services Your Plan Does NOT Cover: Cosmetic surgery; Hearing aids; Long-term care");
    expect(quotes("My neurologist wants to try Botox injections for my chronic migraines. Does this plan cover that, and what would I pay per treatment?", [specialist, excluded])).toEqual([]);
  });

  it("reads 'knock me off', 'in the middle of', 'add-ons' and 'EPOC' as no thing a passage must say", () => {
    expect(requiredTerms("If I cancel the rider, will that knock me off the whole plan?")).not.toContain("knock");
    expect(requiredTerms("I'm in the middle of a course of treatment. Will the plan make me get prior authorization right away?")).toEqual(["#prior-authorization"]);
    expect(requiredTerms("Will the plan pay for add-ons to my wheelchair?").some((term) => term.startsWith("ons"))).toBe(false);
    expect(requiredTerms("Mi papá tiene EPOC. ¿Qué porcentaje le toca pagar por la terapia respiratoria?")).not.toContain("epoc");
  });

  it("prices a list by the row above it, on its page or on the page before when the list goes on", () => {
    // (As the chunker writes a list cell that runs into the next row: "… · Hepatitis C screening — In-network: · HIV screening · …".)
    const page3 = { ...source(24, "Preventive services › Routine physical — In-network: $0 copay, 1 per year*; Out-of-network: 30% coinsurance, 1 per year*\nMedicare-covered — In-network: $0 copay; Out-of-network: $0 copay - 30% coinsurance (depending on the service)\n· Abdominal aortic aneurysm screening · Annual wellness visit · Bone mass measurement · Depression screening · Hepatitis C screening — In-network: · HIV screening · Obesity screenings and counseling", "Medical benefits"), page: 3 };
    const page4 = { ...source(25, "· Vaccines, including those for the flu, Hepatitis B, pneumonia, or COVID-19\n· “Welcome to Medicare” preventive visit (one-time)", "Medical benefits › In-network Out-of-network"), page: 4 };
    const bone = answerQuotes("Tengo 72 años y mi doctora quiere que me haga la densitometría ósea para ver si tengo osteoporosis, en un lugar de la red. ¿Cuánto me van a cobrar?", [page3]);
    expect(bone.map((quote) => quote.sentence).join("\n")).toContain("Medicare-covered — In-network: $0 copay");
    const vaccine = answerQuotes("Tengo 67 años y mi doctor me recomienda ponerme la vacuna contra la neumonía. ¿Cuánto me cobran si me la pongo con un proveedor de la red?", [page4, page3]);
    const priced = vaccine.find((quote) => quote.sentence.startsWith("Medicare-covered"));
    expect(priced?.source.page).toBe(3);
    expect(vaccine.some((quote) => quote.sentence.includes("pneumonia"))).toBe(true);
  });

  it("asks each thing told on its own when the whole question finds nothing, and answers when each finds its quote", () => {
    const rows = source(
      26,
      "If you need immediate medical attention › Emergency room services — Network Provider: 50% coinsurance; Non-Participating Provider: 50% coinsurance; Limitations & Exceptions: OON ER services cost-share same as in-network.\nIf you need immediate medical attention › Emergency medical transportation — Network Provider: $150 copay per visit; Non-Participating Provider: $150 copay per trip",
    );
    const answer = quotes("We're driving through Nevada next month. If one of us gets hurt and the ambulance and the ER out there aren't in Aetna's network, what would we pay for each?", [rows]).join("\n");
    expect(answer).toContain("$150");
    expect(answer).toContain("50% coinsurance");
  });

  it("names a second thing joined to the service with its own article, not words that qualify the service", () => {
    const xray = (id: string) => id === "x-ray";
    expect(termsAfterService("Do those visits include X-rays and a fluoride treatment, or would we pay extra?", xray)).not.toContain("fluorid");
    // Without an article the words name one thing: "test strips and meter".
    const supplies = (id: string) => id === "diabetes-supplies";
    expect(termsAfterService("Does it matter whether I get my diabetic supplies like test strips and meter at the pharmacy?", supplies)).toContain("meter");
  });

  it("keeps both plans' columns of a drug tier when the question names both plans", () => {
    const row = "Tier 4 (Non-Preferred Drug) — Clover Health Choice (PPO) (Plan 004) · 30 day supply: $100 copay; Clover Health Choice Value (PPO) (Plan 007) · 30 day supply: 35% coinsurance";
    const both = presentQuote(row, "en", { question: "I'm deciding between Choice (004) and Choice Value (007). I take a Tier 4 non-preferred drug. Which plan charges a flat copay for a 30-day fill, and how much is it?" });
    expect(both).toContain("$100 copay");
    expect(both).toContain("35% coinsurance");
    expect(presentQuote(row, "en", { question: "I'm on Choice Value (007). What's a 30-day fill of a Tier 4 drug?" })).not.toContain("$100 copay");
  });

  it("leaves out a mail-order line of another tier when the question names the tier", () => {
    const mail = source(
      27,
      "Clover Health Choice (PPO) (Plan 004) · Mail Order · Tier: Tier 2 (Generic); Clover Health Choice (PPO) (Plan 004) · Mail Order · 100 day supply: $0 copay\nClover Health Choice (PPO) (Plan 004) · Mail Order · Tier: Tier 3 (Preferred Brand); Clover Health Choice (PPO) (Plan 004) · Mail Order · 100 day supply: $135 copay",
    );
    const answer = quotes("I'm on Clover Health Choice (004) and take a Tier 2 generic. For a 100-day supply, what's the copay by mail order?", [mail]).join("\n");
    expect(answer).toContain("$0 copay");
    expect(answer).not.toContain("$135");
  });

  it("answers 'the example' of the summary's text with its worked example unless a coverage example is named", () => {
    const billing = source(28, "If an out-of-network provider charges more than the allowed amount, you may have to pay the difference. For example, if an out-of-network hospital charges $1,500 for an overnight stay and the allowed amount is $1,000, you may have to pay the $500 difference. (This is called balance billing.)");
    const baby = source(29, "Sample care costs › Hospital charges (mother) — $2,700\nSample care costs › Hospital charges (baby) — $900", "SBC › Having a baby");
    const asked = quotes("No entiendo eso del 'balance billing'. En el ejemplo del resumen con un hospital fuera de la red, ¿cuanto es la diferencia que me podrian cobrar a mi?", [baby, billing]).join("\n");
    expect(asked).toContain("$500 difference");
    const named = quotes("I'm due in the spring and reading the having-a-baby example. How much are the hospital charges for the mom herself in that example?", [baby, billing]).join("\n");
    expect(named).not.toContain("$500 difference");
  });

  it("keeps a cell's non-preferred item under the network column: a kind of frames, not a network", () => {
    const row = "If your child needs dental or eye care › Glasses — Network Provider: Preferred: No charge; Non-preferred: 50% coinsurance; Non-Participating Provider: Not covered";
    const shown = presentQuote(row, "en", { question: "My daughter wants frames that aren't on the preferred list. What do glasses cost in network?", network: "in" });
    expect(shown).toContain("Non-preferred: 50% coinsurance");
    expect(shown).not.toContain("Not covered");
  });

  it("quotes a lead-in that announces a list with the item the question names, not alone", () => {
    const ending = source(
      17,
      "We must end your membership in the plan if any of the following happen:\n· If you no longer have Medicare Part A and Part B.\n· If you are away from our service area for more than 6 months.\n- If you move or take a long trip, call Customer Service to find out if the place is in our plan's area.\n· If you become incarcerated (go to prison).\n· If you are no longer a United States citizen.",
      "Chapter 10: Ending your membership in the plan › Section 5.1 When must we end your membership in the plan?",
    );
    const other = source(18, "Your membership will usually end on the first day of the month after your request to change your plan is received.", "Chapter 10 › Section 2.3 Special Enrollment Period");
    const quotes = selectQuotes("My son is on this plan and he was just sentenced to 18 months in prison. What happens to his plan membership?", [other, ending]);
    const lead = quotes.find((quote) => quote.sentence.startsWith("We must end your membership"));
    expect(lead?.sentence).toBe("We must end your membership in the plan if any of the following happen: If you become incarcerated (go to prison)");
  });

  it("reads 'go to urgent care', 'not a real emergency', 'that visit' and an example after 'like' as what they are", () => {
    expect(askedPart("Can I go to urgent care for something that isn't urgent, like a routine refill, and still have it covered?")).toBe("Can I go to urgent care for something");
    const urgent = source(13, "If you need immediate medical attention › Urgent care — Network Provider: $50 copay per visit; Non-Participating Provider: Not covered; Limitations & Exceptions: No coverage for non-urgent care.");
    const drugs = source(14, "If you need drugs to treat your illness or condition › Generic drugs — Network Provider: $10 copay/prescription; Limitations & Exceptions: Covers up to a 30-day supply; refills at a network pharmacy");
    expect(first("Can I go to urgent care for something that isn't urgent, like a prescription refill, and still have it covered?", [drugs, urgent])).toContain("non-urgent");
    const er = source(15, "If you need immediate medical attention › Emergency room services — Network Provider: $150 copay per visit; Limitations & Exceptions: Copay is waived if admitted. No coverage for non-emergency care.");
    const office = source(16, "If you visit a health care provider's office › Primary care visit to treat an injury or illness — Network Provider: $20 copay per visit");
    expect(first("I went to the ER with what turned out to be a cold, not a real emergency. Will the plan still cover that visit?", [office, er])).toContain("non-emergency");
  });

  it("reads a mishap told before the care, and 'what share of the bill', as the story; knows vaccines by their disease", () => {
    const question = "My son broke his wrist skateboarding and we're taking him to an in-network urgent care. What share of the bill do we pay?";
    expect(requiredTerms(question)).toContain("#urgent-care");
    expect(requiredTerms(question).some((term) => term.startsWith("skateboard"))).toBe(false);
    const urgent = source(17, "Urgent care — Network Provider: 20% coinsurance; Non-Network Provider: 50% coinsurance");
    expect(first(question, [urgent])).toContain("20% coinsurance");
    // Nothing is left out when no service follows: the thing told may be what is asked about.
    expect(requiredTerms("I have a timeshare in Florida and want to know: does the plan cover care there?")).toContain("timeshar");
    expect(contentTokens("Is the shingles vaccine free at the pharmacy?").has("#immunizations")).toBe(true);
    expect(requiredTerms("Is the shingles vaccine free at the pharmacy?").some((term) => term.startsWith("shingl"))).toBe(false);
  });

  it("refuses a pharmacy or procedure named in capitals that no passage names, and where the nearest place is", () => {
    const pharmacy = source(7, "If you need drugs › Preferred generic drugs — Network Provider: $5/retail order; Out-of-Network Provider: Not covered");
    expect(selectQuotes("¿La farmacia CVS de mi barrio está en la red del plan?", [pharmacy])).toEqual([]);
    const glasses = source(8, "If your child needs eye care › Glasses — Network Provider: No charge; Limitations & Exceptions: 1 pair of glasses per year");
    expect(selectQuotes("Quiero corregir mi vista con cirugía láser (LASIK). ¿El plan la cubre?", [glasses])).toEqual([]);
    const hospital = source(9, "If you have a hospital stay › Facility fee (e.g., hospital room) — Network Provider: 20% coinsurance; Non-Network Provider: 50% coinsurance");
    expect(selectQuotes("Which is the closest in-network hospital to my house?", [hospital])).toEqual([]);
    expect(selectQuotes("Vivo en Fresno. ¿Cuál es el hospital de la red más cercano a mi casa?", [hospital])).toEqual([]);
    // Going to a hospital nearby in an emergency is a question the plan answers.
    const emergency = source(10, "If you need immediate medical attention › Emergency room services — Network Provider: $250 copay per visit; Non-Network Provider: $250 copay per visit");
    expect(first("In an emergency, will the plan pay for the nearest emergency room even if it isn't in network?", [emergency])).toContain("$250 copay");
  });
});

describe("answers on session 19's unseen phrasings", () => {

  it("reads a condition and the doctor who referred as the story, and quotes the care referred to", () => {
    const question =
      "I have peripheral artery disease and my vascular doctor referred me to supervised exercise therapy for the leg pain. How many sessions are covered, and what do I pay in network?";
    const kidney = source(
      1,
      "·Kidney disease education services to teach kidney care. For members with stage IV chronic kidney disease when referred by their doctor, we cover up to six sessions of kidney disease education services per lifetime. — In-Network: $0 copayment",
    );
    const set = source(
      2,
      "Supervised exercise therapy (SET)\nSET is covered for members who have symptomatic peripheral artery disease\n(PAD) and have a referral from the physician responsible for PAD treatment.\nUp to 36 sessions over a 12-week period are covered if the SET program requirements are met.",
    );
    const row = source(3, "Supervised exercise therapy (SET) — In-Network: $0 copayment for each Medicare-covered supervised exercise therapy (SET) visit.; Out-of-Network: 30% coinsurance");
    const answer = quotes(question, [kidney, set, row]).join("\n");
    expect(answer).toContain("36 sessions");
    expect(answer).toContain("$0 copayment for each Medicare-covered supervised exercise therapy");
  });

  it("joins a sentence the page wrapped, and answers either of two alternatives", () => {
    const units = quoteUnits("Credits are added each quarter and expire on the last day of each quarter (March 31, June 30 and December\n31).", "");
    expect(units.map((unit) => unit.text)).toEqual(["Credits are added each quarter and expire on the last day of each quarter (March 31, June 30 and December 31)."]);
    const otc = source(4, "With this benefit, you get a credit to buy covered OTC items.\nCredits are added on the first day of each quarter and expire on the last day of each quarter (March 31, June 30, September 30 and December\n31).");
    expect(quotes("I didn't spend all my OTC credit this quarter. Does it carry over, or when does it expire?", [otc]).join(" ")).toContain("last day of each quarter");
  });

  it("keeps the network tier asked about inside one answer cell", () => {
    const row =
      "What is the out-of-pocket limit for this plan? — Answers: For network providers $5,000 family; for out-of-network providers $8,000 family; Why This Matters: The out-of-pocket limit is the most you could pay in a year for covered services.";
    const shown = presentQuote(row, "en", { network: "out", question: "A lot of our doctors are out of network. What's the most our family could pay out of pocket?" });
    expect(shown).toContain("$8,000 family");
    expect(shown).not.toContain("$5,000");
    expect(shown).toContain("Answers: For out-of-network providers");
  });

  it("quotes the row for the party named, not its sibling for another (baby, not mother)", () => {
    const baby = source(5, "Sample care costs › Hospital charges (baby) — $900");
    const mother = source(6, "Sample care costs › Hospital charges (mother) — $2,700");
    const answer = quotes("En el ejemplo de tener un bebé, ¿cuánto son los cargos del hospital solo por el bebé?", [baby, mother]).join("\n");
    expect(answer).toContain("$900");
    expect(answer).not.toContain("$2,700");
  });

  it("does not take a row for what it says it leaves out, and reads 'After how much…' as the question", () => {
    const moop = source(7, "Maximum Out-of-Pocket Responsibility (does not include Part D prescription drugs) — Gold Plan: $9,350 for In-network providers");
    const catastrophic = source(8, "Catastrophic Coverage — Gold Plan: After your yearly out-of-pocket drug costs reach $2,000, you pay nothing for your covered Part D drugs.");
    const question = "My drug bills add up fast. After how much in out-of-pocket drug costs do I stop paying for covered Part D drugs for the rest of the year?";
    expect(askedPart(question)).toContain("After how much");
    expect(quotes(question, [moop, catastrophic])[0]).toContain("$2,000");
  });

  it("refuses a place told before 'that hospital' that no passage names, and a change of doctor a summary does not describe", () => {
    const network = source(11, "It is important that you know that we may make changes to the hospitals, doctors, and specialists (providers) that are part of your plan during the year.");
    expect(selectQuotes("My cardiologist works out of Intermountain Medical Center in Murray. Is that hospital in this plan's network?", [network])).toEqual([]);
    const pcp = source(12, "If you visit a health care provider's office or clinic › Primary care visit to treat an injury or illness — In-network Provider: $25; Out-of-network Provider: Not covered");
    expect(selectQuotes("No me cae bien mi médico de cabecera. ¿Cada cuánto me deja este HMO cambiar de médico primario?", [pcp])).toEqual([]);
    expect(contentTokens("You may change your PCP at any time.").has("#change-primary-care")).toBe(true);
  });

  it("quotes a sentence the document left a parenthesis open in, and knows the ERISA office by its name", () => {
    const rights = source(
      13,
      "For information about group health care coverage subject to ERISA, contact the U.S. Department of Labor's Employee Benefits Security Administration at 1-866-444 (EBSA (3272) or www.dol.gov/ebsa/healthreform.",
    );
    expect(quotes("My coverage is through my employer. Which federal agency can I contact about group coverage subject to ERISA?", [rights]).join(" ")).toContain(
      "Employee Benefits Security Administration",
    );
    expect(contentTokens("ERISA").has("#labor-department")).toBe(true);
  });

  it("reads where a ride goes as the story, and a person who gives care as who when the care is named", () => {
    const office = source(14, "Doctor's Office Visits — In-Network: Primary care physician visit: $0 Copay. Specialist visit: $10 Copay.");
    const rides = source(15, "Transportation — In-Network: Not covered");
    expect(quotes("Does the plan pay for rides to my doctor appointments?", [office, rides])[0]).toContain("Transportation");
    const counseling = source(16, "Outpatient substance use disorder services › Individual session — In-network: $25 copay; Out-of-network: $40 copay");
    expect(quotes("I see a counselor one-on-one for my drinking, and she's out of network. What's my copay per session?", [counseling]).join(" ")).toContain("$40 copay");
  });

  it("answers what the coverage examples assume from the examples' own passage", () => {
    const network = source(17, "Does this plan use a network of providers? — Answers: Yes. For a list of network providers, see www.example.com.; Why this Matters: If you use an in-network doctor or other health care provider, this plan will pay some or all of the costs of covered services.");
    const assumptions = source(
      18,
      "Sample care costs are based on national averages supplied by the U.S. Department of Health and Human Services, and aren't specific to a particular geographic area or health plan. The patient's condition was not an excluded or preexisting condition. Out-of-pocket expenses are based only on treating the condition in the example. The patient received all care from in-network providers. If the patient had received care from out-of-network providers, costs would have been higher. — The care you would receive for this condition could be different, based on your doctor's advice.",
      "Summary of Benefits and Coverage › Questions and answers about the Coverage Examples:",
    );
    const answer = quotes("The coverage examples show what a patient would pay. Do those numbers assume in-network doctors, and what if I went out of network instead?", [network, assumptions]);
    expect(answer.join(" ")).toContain("received all care from in-network providers");
  });

  it("gives the number of the office a sentence names when the document prints it at the start of the next passage", () => {
    const rights = source(19, "You may also contact your State Department of Insurance at (916) 492-3500, www.insurance.ca.gov Additionally, a consumer assistance program can help you file an appeal.");
    const next = source(
      20,
      "Contact:\nCalifornia Help Center, 980 9th Street, Suite #500, Sacramento, CA 95814, (888) 466-2219, http://www.healthhelp.ca.gov, helpline@dmhc.ca.gov Does this Coverage Provide Minimum Essential Coverage?",
    );
    const answer = quotes("The plan turned down my claim and I'd like free help filing an appeal. Is there a consumer assistance program I can call, and what's the number?", [rights, next]);
    expect(answer.join(" ")).toContain("466-2219");
    const center = source(21, "For questions about your rights, this notice, or assistance, you can contact: Health Net's Customer Contact Center at 1-800-522-0088, or file your complaint in writing.");
    expect(quotes("What's Health Net's customer service phone number if I have questions about my coverage?", [center]).join(" ")).toContain("1-800-522-0088");
  });

  it("keeps the figure of the service asked about from a cell that prices the rest 'otherwise'", () => {
    const row = "Diagnostic radiology services (e.g. MRI, CT scan) — In-network: $0 copay for each diagnostic mammogram or vascular screening $100 copay otherwise; Out-of-network: 30% coinsurance";
    const shown = presentQuote(row, "en", { network: "in", question: "My doctor ordered a diagnostic mammogram at an in-network imaging center. What will it cost me?" });
    expect(shown).toContain("$0 copay for each diagnostic mammogram");
    expect(shown).not.toContain("$100");
    // Asked about the rest, the row stays whole.
    expect(presentQuote(row, "en", { network: "in", question: "What do I pay for a CT scan in network?" })).toContain("$100 copay otherwise");
  });

  it("reads everyday words, abbreviations and 'to' before a name as what they are", () => {
    expect(requiredTerms("If I ever have to be flown to the hospital by air ambulance, what's my copay?")).not.toContain("flown");
    const mri = requiredTerms("My doctor wants me to get an MRI. What happens if nobody gets prior authorization for it first?");
    expect(mri).toContain("#prior-authorization");
    expect(mri.some((term) => term.startsWith("nobod"))).toBe(false);
    expect(askedPart("Which federal agency can I contact about group coverage subject to ERISA?")).toContain("ERISA");
    const sentences = "¿A qué número del Departamento de Salud de EE. UU. puedo llamar? Gracias.";
    expect(askedPart(sentences)).toBe("¿A qué número del Departamento de Salud de EE. UU. puedo llamar?");
  });
});

describe("answers on session 20's unseen phrasings", () => {

  it("asks what the asking sentence names, not the care the story told, when that one names something", () => {
    const claims = source(
      1,
      "Medical claims payment requests: UnitedHealthcare P.O. Box 31362 Salt Lake City, UT 84131-0362 You must submit your Part C (medical) claim to us within 12 months of the date you received the service, item, or Part B drug.\nYou must submit your Part D (prescription drug) claim to us within 36 months of the date you received the service, item, or drug.",
    );
    const bill = source(2, "Section 1 Situations in which you should ask us to pay our share of the cost of your covered services: If you have already paid for covered services, send us the bill and proof of payment.");
    const answer = quotes("I paid cash for a visit at an urgent care clinic while I was out of state and forgot to send in the bill. How long do I have to submit a medical claim so you pay me back?", [claims, bill]).join("\n");
    expect(answer).toContain("within 12 months");
    // The Part D (prescription drug) claim's deadline is another answer beside the medical one asked about.
    expect(answer).not.toContain("36 months");
    // Asked about nothing of its own ("¿El plan la cubre?"), the question is about what the story told.
    const surgeon = source(2, "If you have outpatient surgery › Physician/surgeon fees — In-network: 10% co-ins; Out-of-network: 50% co-ins");
    expect(quotes("Antes de operarme quiero una segunda opinión con otro cirujano. ¿El plan la cubre?", [surgeon])).toEqual([]);
  });

  it("reads a toddler's speech delay as habilitation, 'the medical side' and 'dept' as everyday words, and 'the whole bill' as the member's share", () => {
    const habilitation = source(1, "Habilitation services — Network Provider: Not Covered; Non-Network Provider: Not Covered; Limitations & Exceptions: No coverage for Habilitation services.");
    expect(quotes("My toddler has a speech delay and the pediatrician recommended habilitation therapy. Is that covered?", [habilitation]).join(" ")).toContain("No coverage for Habilitation services");
    const surgery = source(2, "If you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — In-network Provider: hospital - $400 ASC - $200; Out-of-network Provider: Not covered");
    expect(quotes("My doc says I need an outpatient procedure. Is it cheaper to have it done at a surgery center or at the hospital's outpatient dept?", [surgery]).join(" ")).toContain("ASC - $200");
    const visit = source(3, "Primary care visit to treat an injury or illness — Network Provider: $50 copay per visit, deductible waived; Non-Participating Provider: Not covered");
    const deductible = source(4, "What is the overall deductible? — Answers: Individual $5,500 / Family $11,000. Does not apply to office visits, urgent care, or generic drugs.");
    const flu = quotes("I haven't come anywhere close to my $5,500 deductible yet. If I go see my regular doctor for the flu, do I have to pay the whole bill myself?", [deductible, visit]).join(" ");
    expect(flu).toContain("$50 copay per visit, deductible waived");
  });

  it("keeps the tier asked about from a cell that prices each tier in a sentence, and one plan of a row whose label the page lost", () => {
    const aids = "Hearing aids — In-network: $99 copay for each Tier 1 hearing aid.* $199 copay for each Tier 2 hearing aid.* $429 copay for each Tier 3 hearing aid.* $599 copay for each Tier 4 hearing aid.* You must obtain prior authorization.";
    const shown = presentQuote(aids, "es", { question: "Mi mamá necesita audífonos. ¿Cuánto se paga por uno de Tier 3?" });
    expect(shown).toContain("$429 copay for each Tier 3 hearing aid.*");
    expect(shown).toContain("prior authorization");
    expect(shown).not.toMatch(/\$99|\$199|\$599/);
    const labs = "Clover Health Choice (PPO) (Plan 004): Labs: $0 copay for services at LabCorp or Quest $15 copay for services at non-LabCorp or Quest; Clover Health Choice Value (PPO) (Plan 007): Labs: $0 copay for services at LabCorp or Quest $5 copay for services at non-LabCorp or Quest";
    const one = presentQuote(labs, "en", { question: "choice 004 plan - my doctor sends bloodwork to the hospital lab, not quest or labcorp. whats my copay in network?" });
    expect(one).toContain("$15 copay");
    expect(one).not.toContain("Plan 007");
  });

  it("quotes the deductible row for a deductible question about a tier, and the patient's total for 'terminaría pagando'", () => {
    const tier = source(1, "Tier 3: Preferred Brand — Retail · Standard · 30-day supply^: $47 copay; Mail Order · Preferred · 100-day supply: $131 copay");
    const deductible = source(
      2,
      "Deductible — There is no deductible for drugs in Tier 1 and 2. Your coverage for these drugs starts in the Initial Coverage stage. There is a $420 deductible for drugs in Tier 3, 4 and 5. You pay the full cost for your drugs in these tiers until you reach the deductible amount. Then you move to the Initial Coverage stage.",
    );
    expect(quotes("Do I have to pay some kind of deductible before the plan helps with my brand-name Tier 3 meds? how much", [tier, deductible]).join(" ")).toContain("$420 deductible");
    expect(asksRole("En el ejemplo de Joe que tiene diabetes tipo 2, ¿cuánto terminaria pagando él en total en el año?")).toBe("patient");
  });

  it("refuses a provider directory's entries, and keeps what a cell's last tier says of both tiers", () => {
    const network = source(1, "Does this plan use a network of providers? — Answers: Yes. For a list of network providers, see www.aetna.com or call 1-800-000-0000.");
    const inpatient = source(2, "If you have a hospital stay › Facility fee (e.g., hospital room) — Network Provider: 50% coinsurance; Non-Participating Provider: Not covered");
    expect(quotes("¿Qué hospitales de Sacramento están en la red de este plan?", [network, inpatient])).toEqual([]);
    expect(quotes("Can you give me the name of a dentist near Newark that takes this plan?", [network])).toEqual([]);
    expect(quotes("Where can I find a list of network providers?", [network]).join(" ")).toContain("www.aetna.com");
    const snf =
      "Skilled Nursing Facility (SNF) — Plan 004: In-Network: Days 1-20: $0 Copay per day. Days 21-100: $214 Copay per day. Out-of-Network: 40% Coinsurance Our plan covers up to 100 days each benefit period. No prior hospitalization stay is required.";
    const shown = presentQuote(snf, "en", { network: "in", question: "He wasn't in the hospital first. Is that ok? And what's the in-network daily cost after day 20?" });
    expect(shown).toContain("$214 Copay per day");
    expect(shown).toContain("No prior hospitalization stay is required.");
    expect(shown).not.toContain("40% Coinsurance");
    const acupuncture = "Acupuncture — Plan 007: In-Network: Medicare-covered: $2 Copay. Routine care: Not covered Out-of-Network: Medicare-covered: $25 Copay. Routine care: Not covered";
    expect(presentQuote(acupuncture, "en", { network: "in", question: "What's my copay for acupuncture at an in-network provider?" })).not.toMatch(/Not covered.*Not covered/);
  });

  it("keeps the place asked about from a cell that prices a service at several places, not the 'non-' one", () => {
    const cell = "Diagnostic Services / Labs/Imaging — Plan 004: In-Network: Diagnostic tests and procedures – At an Office: $50 copay At a freestanding facility: $150 copay At a non-freestanding facility: $200 copay";
    const shown = presentQuote(cell, "en", { network: "in", question: "My doctor wants an MRI, and I'd rather go to an in-network freestanding imaging center than the hospital. What will my copay be?" });
    expect(shown).toContain("At a freestanding facility: $150 copay");
    expect(shown).not.toMatch(/\$50|\$200/);
    expect(presentQuote(cell, "en", { network: "in", question: "What do I pay at a non-freestanding facility?" })).toContain("$200");
    expect(presentQuote(cell, "en", { network: "in", question: "What do diagnostic tests cost?" })).toContain("$150 copay At a non-freestanding facility");
  });
});

describe("answers on session 21's unseen phrasings", () => {
  const excluded = "Services Your Plan Does NOT Cover: Cosmetic surgery Dental care (Adult) Hearing aids Infertility treatment; Long-term care Non-emergency care when traveling outside the U.S. Private-duty nursing; Routine foot care Weight loss programs";

  it("knows procedures and programs by the names members give them, and a story's plain words as the story", () => {
    const list = source(1, excluded);
    expect(quotes("I've always hated my nose and want a nose job, purely for looks. Would this plan pay for it?", [list]).join(" ")).toContain("Cosmetic surgery");
    expect(quotes("After losing a lot of weight I'd like a tummy tuck to remove the extra skin, mostly for how it looks. Is that covered?", [list]).join(" ")).toContain("Cosmetic surgery");
    expect(quotes("My doctor says I need to lose weight. Will the plan pay for a program like Weight Watchers or Jenny Craig?", [list]).join(" ")).toContain("Weight loss programs");
    expect(quotes("My son was just diagnosed with hearing loss and needs hearing aids. Will this plan pay for them?", [list]).join(" ")).toContain("Hearing aids");
    expect(quotes("Mi abuela ya no puede vivir sola y estamos viendo un asilo para largo plazo. El plan cubre el cuidado a largo plazo?", [list]).join(" ")).toContain("Long-term care");
    // A name the story gives is still looked for: no passage names it, so the documents do not say it.
    const tiers = source(2, "If you need drugs to treat your illness or condition › Tier 2 – Typically Preferred/Formulary Brand — In-Network: $30 copay/prescription; Out-of-Network: 50% coinsurance");
    expect(quotes("Mi hijo usa el inhalador Advair para el asma. En que nivel (tier) esta y cuanto es el copago?", [tiers])).toEqual([]);
    expect(quotes("Me estoy quedando calva por la quimioterapia. El plan me ayuda a pagar una peluca?", [source(3, "Medicare Part B Drugs — In-Network: Chemotherapy: 20% Coinsurance")])).toEqual([]);
  });

  it("gives where the list of network doctors is when asked where to look it up, not a directory's entries", () => {
    const network = source(1, "Does this plan use a network of providers? — Answers: Yes. For a list of network providers, see www.aetna.com or call 1-866-529-2517.");
    const answer = (question: string) => quotes(question, [network]).join(" ");
    expect(answer("We just enrolled and I want to make sure my kids' pediatrician takes this plan. Where can I check the list of network doctors?")).toContain("www.aetna.com");
    expect(answer("I just got this Health Net plan through my new job. Where can I look up which doctors are in the network?")).toContain("www.aetna.com");
    expect(quotes("Vivo en Fresno. Cuales farmacias de mi zona estan en la red de este plan para surtir mis recetas?", [network])).toEqual([]);
  });

  it("quotes an adult's care for an adult and a child's for a child", () => {
    const child = source(1, "If your child needs dental or eye care › Dental check-up — Network Provider: No charge; Non-Participating Provider: Not covered; Limitations & Exceptions: Coverage is limited to 2 visits per year.");
    const eye = source(1, "If your child needs dental or eye care › Eye exam — Network Provider: $75 copay per visit; Non-Participating Provider: Not covered; Limitations & Exceptions: Coverage is limited to 1 routine exam per 12 months.");
    const answer = quotes("Necesito una limpieza de dientes y soy adulta. El plan me cubre el dentista?", [child, source(2, excluded)]).join(" ");
    expect(answer).toContain("Dental care (Adult)");
    expect(answer).not.toContain("Dental check-up");
    expect(quotes("How often can my son get his eyes checked under this plan?", [child, eye]).join(" ")).toContain("1 routine exam per 12 months");
  });

  it("refuses a member's own running totals and an exact day that no passage states", () => {
    const moop = source(1, "Your in-network maximum out-of-pocket amount is $5,900. If you have paid $5,900 for covered Part A and Part B services from network providers, you will not have any out-of-pocket costs for the rest of the year.");
    expect(quotes("How much have I already spent toward my $5,900 in-network out-of-pocket maximum so far this year?", [moop])).toEqual([]);
    expect(quotes("What's the most I'd pay out of pocket in network this year?", [moop]).join(" ")).toContain("$5,900");
    const claims = source(3, "You must submit your Part C (medical) claim to us within 12 months of the date you received the service. We will pay you back within 30 days.");
    expect(quotes("What's the status of my claim for the MRI last month?", [claims])).toEqual([]);
    expect(quotes("¿Ya pagaron mi reclamo de la consulta?", [claims])).toEqual([]);
    expect(quotes("How long do I have to submit a medical claim?", [claims]).join(" ")).toContain("within 12 months");
    // A member who uploaded the claim statement itself has the answer in their documents.
    const eob = source(4, "Explanation of Benefits. THIS IS NOT A BILL. Claim number: 2025-0412-7781. Claim status: Processed. Amount billed: $250.00. Your plan paid: $190.00. You owe: $60.00.");
    expect(quotes("What's the status of my claim?", [eob]).join(" ")).toContain("Processed");
    const otc = source(2, "Over-the-counter (OTC) credit — In-network: $40 credit every quarter for OTC products in-store or online");
    expect(quotes("Que dia me cargan los $40 del credito OTC cada trimestre y en que fecha exacta se vencen si no los uso?", [otc])).toEqual([]);
    expect(quotes("How much is the OTC credit?", [otc]).join(" ")).toContain("$40 credit every quarter");
  });

  it("reads a provider that 'turned out not to be' a preferred one as out of network", () => {
    const xray = "Diagnostic test (x-ray, blood work) — Preferred Provider: 5% coinsurance at freestanding lab/x-ray center; Non-Preferred Provider: 25% coinsurance at freestanding lab/x-ray center; Limitations & Exceptions: none";
    const shown = presentQuote(xray, "en", { network: asksNetwork("I got x-rays at an independent x-ray center that turned out not to be a Blue Shield preferred provider. What share do I pay?"), question: "" });
    expect(shown).toContain("25% coinsurance");
    expect(shown).not.toMatch(/(?<!\d)5% coinsurance/);
  });

  it("reads 'online' as the plan's website, 'stuck paying' and 'comparing' as everyday words", () => {
    const grievance = source(1, "For questions about your rights, this notice, or assistance, you can contact: Health Net's Customer Contact Center at 1-800-522-0088, submit a grievance form through www.healthnet.com, or file your complaint in writing.");
    expect(quotes("I want to file a grievance against Health Net but I don't want to mail a letter. Can I do it online?", [grievance]).join(" ")).toContain("submit a grievance form");
    const balance = source(2, "If an out-of-network provider charges more than the allowed amount, you may have to pay the difference. For example, if an out-of-network hospital charges $1,500 for an overnight stay and the allowed amount is $1,000, you may have to pay the $500 difference.");
    expect(quotes("An out-of-network hospital charged more than what Health Net allows for my overnight stay. Could I get stuck paying the difference?", [balance]).join(" ")).toContain("pay the $500 difference");
  });
});

describe("answers on session 22's unseen phrasings", () => {
  const excluded = "Services Your Plan Does NOT Cover: Cosmetic surgery; Hearing aids; Long-term care; Non-emergency care when traveling outside the U.S.; Private-duty nursing; Routine foot care";

  it("refuses what no passage names: contact lenses beside glasses, a taxi beside emergency transportation, a drug told by name", () => {
    const glasses = source(1, "If your child needs dental or eye care › Glasses — Preferred Provider: No charge; Out-of-network Provider: Not covered; Limitations & Exceptions: Provider selected frames; 1 per calendar year.");
    expect(quotes("Mi hija de 12 anos ya no quiere usar anteojos y quiere lentes de contacto. El plan le cubre los lentes de contacto?", [glasses])).toEqual([]);
    expect(quotes("Does the plan cover glasses for my daughter?", [glasses]).join(" ")).toContain("Glasses");
    const lenses = source(2, "Routine eyewear — In-network: $0 copay; up to $200 every 2 years for frames or contact lenses");
    expect(quotes("Can my son get contact lenses instead of glasses?", [lenses]).join(" ")).toContain("contact lenses");
    const er = source(3, "If you need immediate medical attention › Emergency room services — Network Provider: $150 copay per visit; Limitations & Exceptions: No coverage for non-emergency care.\nEmergency medical transportation — Network Provider: $50 copay per trip");
    expect(quotes("Mi mama ya no maneja. El plan le paga un taxi o un servicio de transporte para ir a sus citas medicas normales, las que no son emergencia?", [er])).toEqual([]);
    const insulin = source(4, "Tier 3 Covered Insulin Drugs – Covered Insulins $35 maximum copay for each 1-month supply until the catastrophic stage.");
    expect(quotes("My cardiologist prescribed Xarelto. What tier is it on and how much will I pay a month?", [insulin])).toEqual([]);
    expect(quotes("Mi cardiologo me receto Xarelto. En que nivel (tier) esta y cuanto voy a pagar al mes?", [insulin])).toEqual([]);
    expect(quotes("I take a Tier 3 insulin. How much will I pay a month?", [insulin]).join(" ")).toContain("$35");
  });

  it("reads a kind told before 'the …' as what is asked, and '(not an emergency)' as the care asked about", () => {
    const fees = source(1, "If you have outpatient surgery › Physician/Surgeon Fees — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance");
    const answer = quotes("I've wanted my ears pinned back since I was a kid. It's purely for looks. Would Anthem pay for the surgery?", [fees, source(2, excluded)]).join(" ");
    expect(answer).toContain("Cosmetic surgery");
    expect(answer).not.toContain("40% coinsurance");
    expect(quotes("I'm going to Guatemala to stay with my parents for three months. If I need a regular doctor visit there (not an emergency), will Health Net cover it?", [source(2, excluded)]).join(" ")).toContain("Non-emergency care when traveling outside the U.S");
    // "(not a colonoscopy)" still sets a thing aside.
    const asc = source(3, "Outpatient hospital › Ambulatory surgical center (ASC) — In-network: $0 copay for a colonoscopy $295 copay otherwise; Out-of-network: 30% coinsurance");
    expect(quotes("I'm having a minor procedure at an in-network ambulatory surgery center (not a colonoscopy). What's my copay?", [asc]).join(" ")).toContain("$295");
  });

  it("asks the tier of the clause that tells what the question is about, when a question names both", () => {
    expect(asksNetwork("My hernia surgery is at an in-network hospital, but I just found out the surgeon isn't in UHC's network. After the deductible, what share of the surgeon's fee do I pay?")).toBe("out");
    expect(asksNetwork("The ambulance took me to an ER that turned out to be out of network. Do I pay more than I would have at an in-network ER?")).toBeNull();
    expect(asksNetwork("My doctor ordered an MRI. What would I pay at an in-network place, and what if I go out of network?")).toBeNull();
  });

  it("knows Spanish names for diabetes self-management training and postnatal checkups", () => {
    const diabetes = [
      source(1, "Diabetes management › Diabetes monitoring supplies — In-network: $0 copay; Out-of-network: 50% coinsurance"),
      source(2, "Diabetes self-management training — In-network: $0 copay; Out-of-network: 30% coinsurance"),
    ];
    const answer = quotes("Me acaban de diagnosticar diabetes y quiero tomar el entrenamiento para el manejo de la diabetes, pero el lugar que me queda cerca no es de la red. Cuanto me cobran?", diabetes).join(" ");
    expect(answer).toContain("self-management training");
    expect(answer).not.toContain("monitoring supplies");
    expect(requiredTerms("Ya nacio mi bebe y ya pague el deducible. Cuanto me toca pagar por mis chequeos despues del parto con mi doctora de la red?")).toContain("#prenatal-care");
  });

  it("reads 'an unlimited number of days' as how long, and 'no overall annual limit' as how much", () => {
    const stays = [
      source(1, "Inpatient hospital care Our plan covers an unlimited number of days for an inpatient hospital stay. — In-network: $395 copay per day: days 1-5 $0 copay per day: days 6 and beyond"),
      source(2, "Mental health › Inpatient visit Our plan covers 90 days for an inpatient hospital stay — In-network: $395 copay per day: days 1-4 $0 copay per day: days 5-90"),
    ];
    expect(quotes("My husband has been in the hospital for almost three weeks. Is there a limit on how many days this plan will cover for a hospital stay?", stays)[0]).toContain("unlimited number of days");
    const limits = [
      source(1, "Patient pays › Limits or exclusions — $150\nPatient pays › Total — $3,970"),
      source(2, "Is there an overall annual limit on what the insurer pays? — Answers: No. This policy has no overall annual limit on the amount it will pay each year."),
    ];
    expect(quotes("Is there a yearly cap on how much Anthem will pay for my care in total?", limits)[0]).toContain("no overall annual limit");
  });

  it("quotes what an example counts when asked whether it counts a thing, and a paragraph when asked what the document says", () => {
    const example = [
      source(1, "Managing Joe's Type 2 Diabetes › Total Example Cost — $5,600\nIn this example, Joe would pay: Cost Sharing Deductibles* — $800"),
      source(2, "Managing Joe's Type 2 Diabetes › This EXAMPLE event includes services like: Primary care physician office visits (including disease education) Diagnostic tests (blood work) Prescription drugs Durable medical equipment (glucose meter)"),
    ];
    expect(quotes("My husband just found out he has type 2 diabetes, so I was reading the Joe example at the end. Does that example count the cost of a glucose meter?", example).join(" ")).toContain("glucose meter");
    // The plan named before "count" is no thing asked to be included.
    const oop = [
      source(4, "Is there an out-of-pocket limit on my expenses? — Answers: Network: $5,950 Individual. Prescription drug costs apply to the out-of-pocket maximum."),
      source(5, "HSA Choice Plus Plan › Costs don't include premiums. Sample care costs are based on national averages."),
    ];
    expect(quotes("On this HSA plan, does what I spend on prescriptions count toward my out-of-pocket max?", oop).join(" ")).toContain("out-of-pocket");
    const rights = source(3, "Your Rights to Continue Coverage: There are agencies that can help if you want to continue your coverage after it ends. The contact information for those agencies is: [insert agency contact information]. Other coverage options may be available to you, too, including buying individual insurance coverage through the Health Insurance Marketplace. For more information about the Marketplace, visit www.HealthCare.gov.\nYour Grievance and Appeals Rights: There are agencies that can help if you have a complaint against your plan for a denial of a claim.");
    const answer = quotes("I'm getting laid off at the end of the month and this plan goes away with my job. Does this summary say anything about how I could keep some kind of coverage after it ends?", [rights]).join(" ");
    expect(answer).toContain("Health Insurance Marketplace");
    expect(answer).not.toContain("Grievance");
  });
});

describe("answers on session 23's unseen phrasings", () => {
  const office = "If you visit a health care provider's office or clinic › Primary care visit to treat an injury or illness — Network Provider: $35 copay/office visit; Out-of-Network Provider: 40% coinsurance";

  it("reads how long, how stressed and what a member calls the care as the story, and a clause joined by 'and needs' as the care", () => {
    expect(quotes("My longtime family doctor just left the network, but I still want to see her when I get sick. What would a visit with her cost me now?", [source(1, office)]).join(" ")).toContain("40% coinsurance");
    const eap = source(2, "If you have mental health, behavioral health, or substance abuse needs — Limitations & Exceptions: See your policy or plan document for additional information about EAP benefits.");
    expect(quotes("I've been really stressed and heard my employer has EAP benefits. Does this summary say where to find out more about them?", [eap]).join(" ")).toContain("EAP benefits");
    const home = source(3, "If you need help recovering or have other special health needs › Home health care — Preferred Provider: 5% coinsurance; Non-Preferred Provider: Not covered");
    const surgery = source(4, "If you have outpatient surgery › Physician/surgeon fees — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 25% coinsurance");
    const answer = quotes("My husband is coming home after surgery and needs visits from a home health nurse. The agency is a Blue Shield preferred provider. What share of the cost do we pay?", [home, surgery]).join(" ");
    expect(answer).toContain("Home health care");
    expect(answer).not.toContain("Physician/surgeon");
  });

  it("reads an office named in Spanish as the office, not a brand to find, and a name beside 'de' as a name", () => {
    const dmhc = source(1, "If you have a grievance against Health Net, you can also contact the California Department of Managed Health Care, at 1-800-HMO-2219 or www.hmohelp.ca.gov.");
    expect(quotes("Health Net no me resuelve una queja. ¿Hay una página de internet del Departamento de Atención Médica Administrada de California donde la pueda presentar?", [dmhc]).join(" ")).toContain("www.hmohelp.ca.gov");
    const contact = source(2, "For questions about your rights, this notice, or assistance, you can contact: Health Net's Customer Contact Center at 1-800-522-0088.");
    expect(quotes("Health Net me negó un reclamo y tengo preguntas sobre mis derechos. ¿A qué número del Centro de Contacto con el Cliente puedo llamar?", [contact]).join(" ")).toContain("1-800-522-0088");
  });

  it("answers one of two alternatives found, and the plan's type from the title", () => {
    const row = source(1, "If you need immediate medical attention › Urgent care — Network Provider: $60 copay", "CA Bronze HMO › Coverage for: Individual + Family / Plan Type: HMO");
    expect(quotes("Is this an HMO or a PPO? I'm trying to figure out whether I can just go to any doctor I want.", [row]).join(" ")).toContain("Plan Type: HMO");
    expect(quotes("Does this plan cover Ozempic?", [row])).toEqual([]);
  });

  it("reads a length written with a hyphen as a length, not a fill's size", () => {
    const psych = source(1, "Inpatient services in a psychiatric hospital\nCovered services include:\n·Mental health care services that require a hospital stay. There is a 190-day lifetime limit for inpatient services in a psychiatric hospital.");
    const copay = source(2, "Inpatient services in a psychiatric hospital — In-Network: $395 copayment each day for days 1 to 4. $0 copayment for additional Medicare-covered days, up to 90 days per benefit period.");
    expect(quotes("My brother has been in and out of psychiatric hospitals for years. Is there a limit on how many days the plan will cover in a psychiatric hospital?", [psych, copay])[0]).toContain("190-day lifetime limit");
    const mail = source(3, "Optum Home Delivery: Prescriptions from the pharmacy should arrive within 5 business days after we receive the complete order.");
    const tier = source(4, "Tier 3: Preferred Brand — Mail Order · Preferred · 100-day supply: $131 copay");
    expect(quotes("If I switch my maintenance meds to Optum Home Delivery, how long do the prescriptions take to get to me?", [mail, tier])[0]).toContain("5 business days");
  });

  it("reads the booklet and the insurer as the document's, 'that example' as the coverage example, an e-mail address as one", () => {
    const bold = source(1, "Covered services that need approval in advance are marked in bold font in the Benefits Chart below.", "SECTION II – SUMMARY OF BENEFITS › COVERED MEDICAL AND HOSPITAL BENEFITS");
    const labs = source(2, "Diagnostic Services / Labs/Imaging — Clover Health Choice (PPO) (Plan 004): In-Network: Labs: $0 copay for services at LabCorp or Quest");
    expect(quotes("How can I tell from this booklet which services need Clover's approval before I get them?", [bold, labs])[0]).toContain("marked in bold font");
    const example = source(3, "Sample care costs › Prescriptions — $2,900", "Coverage Examples › Managing type 2 diabetes");
    const generic = source(4, "If you need drugs to treat your illness or condition › Preferred generic drugs — Network Provider: $35 copay/retail; Non-Participating Provider: Not covered");
    expect(quotes("Tengo diabetes tipo 2 y estoy viendo el ejemplo del plan. ¿Cuánto cuestan los medicamentos recetados en ese ejemplo?", [example, generic])[0]).toContain("$2,900");
    const help = source(5, "Additionally, a consumer assistance program can help you file an appeal. California Help Center, 980 9th Street, Suite #500, Sacramento, CA 95814, (888) 466-2219, http://www.healthhelp.ca.gov, helpline@dmhc.ca.gov");
    const plain = source(6, "If you have a complaint or are dissatisfied with a denial of coverage for claims under your plan, you may be able to appeal or file a grievance.");
    const answer = quotes("Aetna me negó una cirugía y quiero ayuda del estado para apelar. ¿Tienen un correo electrónico al que pueda escribir?", [plain, help]).join(" ");
    expect(answer).toContain("helpline@dmhc.ca.gov");
    expect(answer).not.toContain("dissatisfied");
    expect(quotes("What's the e-mail address for appeals?", [plain])).toEqual([]);
  });

  it("refuses a thing named with its kind when only the thing of another kind is found, and what is bought after 'reimburse me for'", () => {
    const gym = source(1, "If you wish to cancel your membership with such service provider, you can opt to do so per the cancellation policy of the applicable service provider, including the applicable gym or fitness location.");
    expect(quotes("We booked a cruise for March. If I get sick and can't go, does this plan include trip cancellation insurance to get my money back?", [gym])).toEqual([]);
    expect(quotes("Is there a cancellation policy for the gym membership?", [gym]).join(" ")).toContain("cancellation policy");
    const costs = source(2, "Your own costs will be different depending on the care you receive, the prices your providers charge, and the reimbursement your health plan allows. Get your prescriptions at a network pharmacy.");
    expect(quotes("Will Health Net reimburse me for at-home COVID test kits I buy at the drugstore?", [costs])).toEqual([]);
    const aarp = source(3, "You do not need to be an AARP member to enroll in a Medicare Advantage or Prescription Drug Plan.");
    expect(quotes("I'm not an AARP member. Do I have to join AARP to sign up for this plan?", [aarp]).join(" ")).toContain("do not need to be an AARP member");
  });
});

describe("answers on session 25's phrasings", () => {

  it("answers how many visits only with a count or a limit, not with the visit's price", () => {
    expect(asksCount("How many chiropractic visits a year does this plan cover?")).toBe(true);
    expect(asksCount("What's the copay, and how many visits do I get?")).toBe(false);
    const priced = source(1, "If you visit a health care provider's office or clinic › Other practitioner office visit — Preferred Provider: Acupuncture-$20/visit; Out-of-network Provider: Not covered");
    expect(quotes("I'm doing acupuncture for chronic migraines. How many acupuncture visits a year will this plan cover?", [priced])).toEqual([]);
    const limited = source(2, "Other practitioner office visit — In-network Provider: $15 copay; Limitations & Exceptions: Acupuncture limited to 12 visits per year.");
    expect(quotes("How many acupuncture visits a year will this plan cover?", [limited]).join(" ")).toContain("12 visits");
    const therapy = source(3, "Outpatient rehabilitation services › Physical therapy and speech and language therapy visit — In-network: $30 copay; Out-of-network: $65 copay");
    expect(quotes("¿Cuántas visitas de terapia física al año me cubre el plan como máximo?", [therapy])).toEqual([]);
    expect(["12 visits", "20-36 visits", "up to six sessions", "unlimited", "$30 copay per visit"].map((text) => STATES_COUNT.test(text))).toEqual([true, true, true, true, false]);
  });

  it("answers the mother's row of a coverage example, not the baby's, and the care a bill names", () => {
    const example = [source(1, "Sample care costs › Hospital charges (mother) — $2,700"), source(2, "Sample care costs › Hospital charges (baby) — $900")];
    const mom = quotes("I'm due in the spring and reading the having-a-baby example. How much are the hospital charges for the mom herself in that example?", example).join(" ");
    expect(mom).toContain("$2,700");
    expect(mom).not.toContain("$900");
    expect(quotes("¿Cuánto son los cargos del hospital para el bebé en el ejemplo de tener un bebé?", example).join(" ")).not.toContain("$2,700");
    const ambulance = source(3, "Emergency medical transportation — Network Provider: 20% co-ins, after ded.; Non-Network Provider: Same as Network");
    const definition = source(4, "Co-insurance (co-ins) is your share of the costs of a covered service, calculated as a percent of the allowed amount for the service.");
    expect(quotes("My husband was taken to the hospital by an in-network ambulance, and we've already met our deductible. What share of the ambulance bill do we pay?", [definition, ambulance])[0]).toContain("Emergency medical transportation");
    const peg = source(5, "This EXAMPLE event includes services like: Specialist office visits (prenatal care) Childbirth/Delivery Professional Services Specialist visit (anesthesia)");
    expect(quotes("We were looking at Peg's having-a-baby example. Does that example include the anesthesiologist's bill, or would that be extra?", [peg]).join(" ")).toContain("anesthesia");
  });

  it("reads the plan's type from its name, a generic drug's name in lower case as a drug told, and a dollar amount asked for", () => {
    const title = "CA Platinum Basic HMO Copay Plan · Coverage Period: 11/15/2014 - 11/14/2015 · Summary of Benefits and Coverage";
    const network = source(1, "Does this plan use a network of providers? — Answers: Yes. For a list of network providers, see www.aetna.com.", title);
    expect(quotes("Is this Aetna plan an HMO or a PPO? I want to know if I can just go to any doctor I like.", [network])[0]).toBe("CA Platinum Basic HMO Copay Plan");
    const tiers = source(2, "If you need drugs to treat your illness or condition › Tier 1 – Your Lowest-Cost Option — Network Provider: Retail: $10 copay, after ded.");
    expect(quotes("Tomo metformina para la diabetes. ¿En qué nivel (tier) está y cuánto pago al mes?", [tiers])).toEqual([]);
    expect(quotes("¿En qué nivel está el Tier 1 y cuánto pago?", [tiers]).join(" ")).toContain("$10 copay");
    expect(wantsNumber("What's the minimum dollar amount that has to be in dispute for a Level 3 hearing?")).toBe("amount");
    const level3 = source(3, "Section 9.1 Appeal Levels 3, 4, and 5: If the Administrative Law Judge or attorney adjudicator says no to your appeal, the appeals process may or may not be over.");
    expect(quotes("Both of my appeals were turned down. What's the minimum dollar amount that has to be in dispute for me to take it to a Level 3 hearing with an Administrative Law Judge?", [level3])).toEqual([]);
  });
  it("reads a coverage example's sample costs as the example's, a comparison as about the care told, and names sealants, childbirth classes and hearing tests", () => {
    const dme = source(1, "If you need help recovering or have other special health needs › Durable medical equipment — In-network Provider: 50% co-ins; Out-of-network Provider: Not covered");
    const sample = source(2, "Sample care costs › Medical Equipment and Supplies — $1,300");
    const answer = quotes("how much do I pay for durable medical equipment like a walker", [dme, sample]).join(" ");
    expect(answer).toContain("50% co-ins");
    expect(answer).not.toContain("$1,300");
    expect(quotes("In the coverage example, what are the sample care costs for medical equipment and supplies?", [sample]).join(" ")).toContain("$1,300");
    const ltc = source(3, "Clover Health Choice (PPO) (Plan 004) · Mail Order · Tier: Your cost-sharing may be different if you use a Long Term Care pharmacy, home infusion pharmacy, or an out-of-network pharmacy.\nCatastrophic Coverage — Clover Health Choice (PPO) (Plan 004) · Mail Order · Tier: After your yearly out-of-pocket drug costs reach $2,000, you pay nothing for your covered Part D drugs.");
    expect(quotes("My mother lives in a nursing home and gets her prescriptions from the home's long-term care pharmacy. Will she pay the same drug copays that are listed in this booklet?", [ltc]).join(" ")).toContain("Long Term Care pharmacy");
    const education = source(4, "Sample care costs › Education — $300\nIf you are pregnant › Prenatal and postnatal care — Network Provider: No charge");
    expect(quotes("Estoy embarazada de mi primer bebé. ¿El plan cubre clases de preparación para el parto y cuánto cuestan?", [education])).toEqual([]);
    const checkup = source(5, "If your child needs dental or eye care › Dental check-up — Network Provider: No charge; Limitations & Exceptions: Coverage is limited to 2 visits per year.");
    expect(quotes("Mi hijo de 7 años va a un dentista de la red. ¿El plan le cubre los selladores dentales en las muelas y cuánto pagaríamos?", [checkup])).toEqual([]);
    const excluded = source(6, "Services Your Plan Does NOT Cover: Cosmetic surgery Dental care (Adult) Hearing aids Infertility treatment");
    expect(quotes("My 10-year-old failed the hearing screening at school. What would we pay for a full hearing test with an audiologist?", [excluded])).toEqual([]);
    expect(quotes("Are hearing aids covered?", [excluded]).join(" ")).toContain("Hearing aids");
    // Whose the providers are ("Health Net's") does not part the words naming what is asked.
    const network = source(7, "Does this plan use a network of providers? — Answers: Yes. For a list of preferred providers, see www.healthnet.com or call 1-800-522-0088.");
    expect(quotes("We just got this plan through my husband's job. Where can I find a list of Health Net's preferred providers?", [network]).join(" ")).toContain("www.healthnet.com");
    // Words named as examples of the words asked about are the story; the glossary that defines them is asked about.
    const glossary = source(8, "Questions: Call 1-800-522-0088 or visit us at www.healthnet.com. If you aren't clear about any of the bolded terms used in this form, see the Glossary. You can view the Glossary at http://cciio.cms.gov or call 1-800-522-0088 to request a copy.");
    const coins = source(9, "Coinsurance is your share of the costs of a covered service, calculated as a percent of the allowed amount for the service.");
    expect(quotes('This summary has a lot of bolded words like "coinsurance" and "allowed amount" that I don\'t understand. Where can I look them up?', [coins, glossary]).join(" ")).toContain("Glossary");
    // A drug said not to be on the preferred list is a non-preferred drug: the preferred drugs' row prices another one.
    const nonPreferred = source(10, "If you need drugs to treat your illness or condition › Non-preferred generic, brand and specialty drugs — Network Provider: $25 copay/retail");
    const preferred = source(11, "If you need drugs to treat your illness or condition › Preferred specialty drugs — Network Provider: 10% coinsurance up to 30 day supply");
    for (const question of ["Mi medicamento de especialidad no está en la lista de especialidad preferida. ¿Cuánto pago por surtirlo en una farmacia de la red?", "My specialty drug isn't on the preferred specialty list. What do I pay at a network pharmacy?"]) {
      const answer = quotes(question, [preferred, nonPreferred]).join(" ");
      expect(answer).toContain("$25 copay");
      expect(answer).not.toContain("10% coinsurance");
    }
    // Being put out of the plan is the Evidence of Coverage's "ending your membership"; a doctor leaving the network is not.
    expect(requiredTerms("I've had two surgeries and started chemo this year. Can the plan drop me because of my health?")).toContain("#end-membership");
    expect(requiredTerms("¿Me pueden dar de baja del plan por estar enfermo?")).toContain("#end-membership");
    expect(requiredTerms("My therapist is leaving the plan's network. Can I keep seeing her?")).not.toContain("#end-membership");
  });
});

describe("answers on session 26's phrasings", () => {

  it("answers a price asked with how long, a home's oxygen as the plan's oxygen, and a family deductible asked wordily", () => {
    const snf = source(1, "If you need help recovering or have other special health needs › Skilled nursing care — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance; Limitations, Exceptions, & Other Important Information: 60 visits/calendar year");
    const stay = source(4, "If you have a hospital stay › Facility fee (e.g., hospital room) — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance");
    expect(quotes("My dad gets out of the hospital next week and is going to an in-network skilled nursing facility to get his strength back. What's our share there, and how long will the plan keep paying for it?", [snf, stay])[0]).toContain("Skilled nursing care");
    const oxygen = source(2, "Durable medical equipment (DME) and related supplies\nDuring the first 36 months you rent the equipment. The remaining 24 months the supplier provides the equipment and maintenance (you are still responsible for the copayment for oxygen).");
    expect(quotes("My dad has been renting his home oxygen through the plan for almost 3 years. Once he's past 36 months, does his 20% go down or stop?", [oxygen]).join(" ")).toContain("36 months");
    const deductible = source(3, "What is the overall deductible? — Answers: $1500 single / 2 members family for In-Network Provider");
    expect(quotes("It's me, my wife and our two kids on this plan. Do all four of us each have to hit the $1500 deductible, or does the family deductible get met sooner?", [deductible]).join(" ")).toContain("2 members family");
  });

  it("names a pre-existing condition, a renewal, and a waiting period; reads a Spanish learned word as its English cognate", () => {
    const example = source(1, "The patient's condition was not an excluded or preexisting condition. All services and treatments started and ended in the same coverage period.", "About these Coverage Examples:");
    expect(quotes("I have a heart condition from before I joined. Do the coverage examples assume the patient had no pre-existing conditions?", [example]).join(" ")).toContain("preexisting condition");
    expect(quotes("I have a heart condition I was diagnosed with before I joined. Is there a waiting period before the plan will cover treatment for a pre-existing condition?", [example])).toEqual([]);
    const oop = source(2, "Is there an out–of–pocket limit on my expenses? — Answers: Yes. $3,000 person / $6,000 family per calendar year.; Why this Matters: The out-of-pocket limit is the most you could pay during a coverage period (usually one year) for your share of the cost of covered services.");
    expect(quotes("My coverage started in November. Does my out-of-pocket max start over on January 1 or on my November renewal?", [oop]).join(" ")).toContain("calendar year");
    const radiology = source(3, "Sample care costs › Radiology — $200\nSample care costs › Prescriptions — $200", "Having a baby (normal delivery)");
    expect(quotes("Voy a tener un bebé y me puse a ver el ejemplo de tener un bebé que viene en el plan. ¿Cuánto sale la parte de radiología en ese ejemplo?", [radiology])[0]).toContain("Radiology");
    expect(quotes("¿El plan cubre la vasectomía?", [radiology])).toEqual([]);
  });

  it("refuses a thing named by its own name that no passage names, and a year no passage covers", () => {
    const eye = source(1, "If your child needs dental or eye care › Eye exam — Preferred Provider: No charge; Out-of-network Provider: Not covered; Limitations & Exceptions: Limited to 1 visit per year.");
    expect(quotes("My 6-year-old has a lazy eye and the eye doctor wants her in weekly vision therapy. Does Health Net cover that?", [eye])).toEqual([]);
    expect(quotes("My 6-year-old needs an eye exam. Does the plan cover that?", [eye]).join(" ")).toContain("Eye exam");
    const home = source(2, "If you are pregnant › Home health care — In-network Provider: $45; Out-of-network Provider: Not covered");
    expect(quotes("I'd like to have my baby at home with a midwife. Would Health Net cover a home birth?", [home])).toEqual([]);
    const office = source(3, "If you visit a health care provider's office or clinic › Primary care visit to treat an injury or illness — Network Provider: $20 copay per visit", "Language Access Services: Para obtener asistencia en Español, llame al 1-866-529-2517.");
    expect(quotes("I'm deaf. Will the plan pay for a sign language interpreter at my doctor appointments?", [office])).toEqual([]);
    const specialist = source(4, "Specialist visit — In-network: $40 copay; Out-of-network: $65 copay", "2025 Summary of Benefits");
    expect(quotes("I heard the benefits can change on January 1. What will my specialist copay be in 2026 on this plan?", [specialist])).toEqual([]);
    expect(quotes("What is my specialist copay in 2025?", [specialist]).join(" ")).toContain("$40 copay");
  });

  it("answers a coverage example asked about by its name from the example's rows, not the plan's rows for the care", () => {
    const example = source(1, "Sample care costs › Vaccines, other preventive — $40\nSample care costs › Routine obstetric care — $2,100", "About these Coverage Examples: › Having a baby (normal delivery)");
    const row = source(2, "Preventive care /screening /immunization — Network Provider: No charge; Non-Participating Provider: Not covered");
    const answer = quotes("We're expecting and I was reading the having-a-baby example. What does the vaccines and other preventive care line come to?", [row, example]).join(" ");
    expect(answer).toContain("$40");
    expect(answer).not.toContain("No charge");
    expect(quotes("Are vaccines and other preventive care covered, for example a flu shot?", [row, example]).join(" ")).toContain("No charge");
  });

  it("reads 'terapia del lenguaje' as speech therapy, and a street address as the address asked for", () => {
    const therapy = source(1, "Physical Therapy — Clover Health Choice (PPO) (Plan 004): In-Network: Physical therapy visit: $15 copay Speech and language therapy visit: $15 Copay");
    const mental = source(2, "Mental Health Services — Clover Health Choice (PPO) (Plan 004): In-Network: Outpatient group therapy visit: $30 Copay. Individual therapy visit: $40 Copay.");
    expect(quotes("Operaron a mi mamá de la garganta y ahora le mandaron terapia del lenguaje. Tenemos el plan Choice (004) y la terapeuta es de la red. ¿Cuánto pagamos por cada visita?", [mental, therapy])[0]).toContain("Speech and language therapy");
    const cdi = source(3, "If you have a grievance against Health Net, you can also contact the California Department of Insurance, Consumer Communications Bureau Health Unit, 300 South Spring Street, South Tower, Los Angeles, CA 90013 or at 1-800-927-HELP (4357) or at www.insurance.ca.gov.");
    expect(quotes("Quiero mandarle por correo una queja contra Health Net al Departamento de Seguros de California. ¿A qué dirección la envío?", [cdi]).join(" ")).toContain("300 South Spring Street");
  });

  it("names a COVID test, which a plan may price apart from other tests", () => {
    expect(requiredTerms("I've had a cough and fever for two days and want to get tested for COVID at my doctor's office. Do I have to pay anything for the test?")).toEqual(["#covid-test"]);
    const labs = source(1, "Diagnostic Services / Labs/Imaging — Clover Health Choice (PPO) (Plan 004): In-Network: Labs: $0 copay for services at LabCorp or Quest. Diagnostic tests and procedures: $0 copay for COVID tests");
    expect(quotes("¿Cuánto pago por una prueba de COVID en el consultorio?", [labs]).join(" ")).toContain("COVID tests");
    // A figure for the very thing asked, after a cell's places, answers wherever it is done.
    const cell = "In-Network: Diagnostic tests and procedures – At an Office: $50 copay At a freestanding facility: $150 copay At a non-freestanding facility: $200 copay $0 copay for COVID tests $0 copay for diagnostic colonoscopy";
    expect(askedPlaces(cell, "I want to get tested for COVID at my doctor's office. Do I have to pay anything for the test?")).toBe("In-Network: Diagnostic tests and procedures – $0 copay for COVID tests");
    expect(askedPlaces(cell, "What do I pay for an x-ray at my doctor's office?")).toBe("In-Network: Diagnostic tests and procedures – At an Office: $50 copay");
  });

  it("leaves out a row whose every cell is for the other network: its bare label says nothing", async () => {
    const inpatient = source(1, "Inpatient hospital care — In-Network: $0 copayment for additional Medicare-covered days.");
    const result = await ask("Mi papá se quiere operar en un hospital que no es de la red del plan. Si lo internan, ¿cuánto pagaría por cada día de hospital?", [inpatient] as never);
    expect(result.text).not.toMatch(/Inpatient hospital care \[1\]/);
  });

  it("answers whether the deductible comes first from the passage that says how it applies", () => {
    const chart = source(1, "All copayment and coinsurance costs shown in this chart are after your deductible has been met, if a deductible applies.");
    const stay = source(2, "If you have a hospital stay › Facility fee (e.g., hospital room) — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance");
    expect(quotes("The chart says I pay 20% coinsurance for an in-network hospital stay. Is that 20% from the first dollar, or only after I've paid my $500 deductible?", [stay, chart])).toEqual([
      "All copayment and coinsurance costs shown in this chart are after your deductible has been met, if a deductible applies.",
    ]);
    expect(quotes("What do I pay for an in-network hospital stay?", [stay, chart])[0]).toContain("Facility fee");
  });

  it("answers how often only with a frequency or a period", () => {
    const glasses = source(1, "If your child needs dental or eye care › Glasses — Network Provider: No charge; Limitations & Exceptions: Limited to one pair of glasses per year.");
    expect(quotes("My daughter keeps losing her glasses. How often will the plan cover a new pair for her?", [glasses]).join(" ")).toContain("per year");
    const exam = source(2, "If your child needs dental or eye care › Eye exam — Network Provider: No charge; Limitations & Exceptions: one exam/year");
    expect(quotes("How often can my kid get an eye exam covered?", [exam]).join(" ")).toContain("one exam/year");
    const frames = source(3, "If your child needs dental or eye care › Glasses — Network Provider: $10 copay; Limitations & Exceptions: Provider selected frames.");
    expect(quotes("How often can my kid get new glasses?", [frames])).toEqual([]);
  });

  it("quotes the row that prices a list of services with the list, asked what one of them costs", () => {
    const preventive = source(1, "Preventive services › Routine physical — In-network: $0 copay, 1 per year*; Out-of-network: 30% coinsurance, 1 per year*\nMedicare-covered — In-network: $0 copay; Out-of-network: $0 copay - 30% coinsurance (depending on the service)\n· Bone mass measurement · Breast cancer screening (mammogram) · Depression screening · Prostate cancer screenings (PSA) · Tobacco use cessation counseling", "Medical benefits");
    const answer = quotes("I'm 70 and my doctor wants to check my PSA for prostate cancer at my next visit. If it's done in network, will I owe anything?", [preventive]).join(" ");
    expect(answer).toContain("$0 copay");
    expect(answer).toContain("Prostate cancer screenings");
  });
});

describe("answers on session 28's phrasings", () => {

  it("reads the network asked about past whose network it is, and 'not to be in' as outside it", async () => {
    const row = source(1, "Substance use disorder outpatient services — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.");
    const result = await ask("My daughter wants to see an outpatient counselor for her drinking, but he's out of UHC's network. After the deductible, what share do we pay?", [row] as never);
    expect(result.text).toContain("50% co-ins");
    expect(result.text).not.toContain("20% co-ins");
    expect(asksNetwork("I got my ankle x-rayed at an orthopedist's office that turns out not to be in Anthem's network. What share do I pay?")).toBe("out");
  });

  it("names a body mass index and cord blood banking, and reads 'bill me for the difference' as balance billing", () => {
    const obesity = source(1, "If you have a body mass index of 30 or more, we cover intensive counseling to help you lose weight.");
    expect(quotes("My doctor says I'm obese. What BMI do I need for the plan to cover intensive weight-loss counseling?", [obesity]).join(" ")).toContain("body mass index of 30");
    const delivery = source(2, "If you are pregnant › Delivery and all inpatient services — Network Provider: 5% coinsurance; Out-of-Network Provider: 25% coinsurance");
    expect(quotes("Vamos a tener un bebé y queremos guardar la sangre del cordón umbilical. ¿El plan cubre el banco de sangre de cordón?", [delivery])).toEqual([]);
    const balance = source(3, "If an out-of-network provider charges more than the allowed amount, you may have to pay the difference. For example, if an out-of-network hospital charges $1,500 for an overnight stay and the allowed amount is $1,000, you may have to pay the $500 difference. (This is called balance billing.)");
    expect(quotes("A hospital that isn't a preferred provider charged way more than what the plan allows for my overnight stay. Can they bill me for the difference?", [balance]).join(" ")).toContain("$500 difference");
  });

  it("answers whether a provider outside the network must see the member from the summary's 'no obligation to treat'", () => {
    const rule = source(1, "Out-of-network/non-contracted providers are under no obligation to treat Clover Health members, except in emergency situations.");
    const visits = source(2, "Doctor's Office Visits — Clover Health Choice (PPO) (Plan 004): Out-of-Network: Specialist visit: $25 Copay.");
    expect(quotes("I called an orthopedist who isn't in Clover's network and his office said they won't see Clover patients. I thought a PPO let me go anywhere. Can they really turn me away?", [visits, rule])[0]).toContain("no obligation to treat");
    expect(quotes("Do out-of-network doctors have to treat me?", [visits])).toEqual([]);
  });

  it("reads 'that screening' as the one the story named, and answers how often with the quotes that state a frequency", () => {
    const ldct = source(1, "For qualified individuals, a LDCT is covered every 12 months.");
    const aaa = source(2, "Abdominal aortic aneurysm: A one-time (once per lifetime) screening ultrasound for people at risk.");
    expect(quotes("I smoked for years and my doctor wants me screened for an abdominal aortic aneurysm with an ultrasound. Can I get that screening every year, or how often is it covered?", [ldct, aaa]).join(" ")).toContain("once per lifetime");
    const row = source(3, "Outpatient diagnostic colonoscopy — In-network: There is no coinsurance, copayment, or deductible for each Medicare-covered diagnostic colonoscopy.");
    const tests = source(4, "The following screening tests are covered: ·Colonoscopy is covered once every 120 months (10 years) for patients not at high risk.");
    expect(quotes("No tengo riesgo alto de cáncer de colon. ¿Cada cuánto tiempo me cubre el plan una colonoscopía de detección?", [row, tests])[0]).toContain("120 months");
  });

  it("keeps the column of the way a drug is filled that the question asks about", () => {
    const tier = "Tier 3: Covered Insulin Drugs 4 — Retail · Standard · 100-day supply: $105 copay; Mail Order · Preferred · 100-day supply: $95 copay; Mail Order · Standard · 100-day supply: $105 copay";
    const retail = presentQuote(tier, "es", { question: "Compro mi insulina (nivel 3) en la farmacia de siempre, no por correo. Si me llevo un suministro de 100 días, ¿de cuánto es el copago?" });
    expect(retail).toContain("Retail · Standard · 100-day supply: $105 copay");
    expect(retail).not.toContain("$95");
    expect(presentQuote(tier, "en", { question: "What's my copay for a 100-day supply of my Tier 3 insulin by mail order?" })).not.toContain("Retail");
  });
});

describe("answers on session 29's phrasings", () => {

  it("reads 'how badly' as how much is asked, and 'me cuesta leer' as a hardship, not a price", () => {
    expect(requiredTerms("I forgot to get preauthorization before my outpatient surgery. How badly could that hurt my benefits?")).not.toContain("badl");
    expect(wantsNumber("Ya me cuesta leer de cerca y quiero un examen de la vista de rutina. ¿Lo cubre el plan?")).toBeNull();
    expect(wantsNumber("¿Cuánto cuesta ir al médico?")).toBe("amount");
    expect(wantsNumber("¿Me cuesta algo la vacuna?")).toBe("amount");
    expect(requiredTerms("I lost 80 lbs and want a tummy tuck. Would the plan cover it?")).not.toContain("lbs");
  });

  it("answers whether the plan is an HMO or a PPO from the type its title prints over every passage", () => {
    const title = "Coverage Period: 11/1/2014 - 10/31/2015 · Summary of Benefits and Coverage | Plan Type: PPO";
    const network = source(1, "Does this plan use a network of providers? — Answers: Yes. For a list of preferred providers, see www.healthnet.com.", title);
    const surgery = source(2, "If you have outpatient surgery › Facility fee — Preferred Provider: 10% co-ins; Out-of-network Provider: 50% co-ins", title);
    expect(quotes("Is this Health Net plan an HMO or a PPO? I want to know if I can see doctors outside the network at all.", [network, surgery]).join(" ")).toContain("Plan Type: PPO");
  });

  it("names breastfeeding support, which a summary that prices childbirth does not answer", () => {
    const delivery = source(1, "If you are pregnant › Childbirth/delivery professional services — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance");
    expect(quotes("Voy a dar pecho a mi bebé cuando nazca. ¿El seguro me da o me paga un sacaleches (extractor de leche)?", [delivery])).toEqual([]);
    expect(quotes("Will the plan pay for a breast pump after my baby is born?", [delivery])).toEqual([]);
  });

  it("keeps the columns of the one plan named when each plan has several", () => {
    const row =
      "Clover Health Choice (PPO) (Plan 004) · Mail Order · Tier: Tier 4 (Non-Preferred Drug); Clover Health Choice (PPO) (Plan 004) · Mail Order · 100 day supply: $300 copay; " +
      "Clover Health Choice Value (PPO) (Plan 007) · Mail Order · Tier: Tier 4 (Non-Preferred Drug); Clover Health Choice Value (PPO) (Plan 007) · Mail Order · 100 day supply: 35% coinsurance";
    const shown = presentQuote(row, "en", { question: "I have Clover Health Choice (004) and take a Tier 4 drug. For a 100-day supply by mail order, what's the copay?" });
    expect(shown).toContain("$300 copay");
    expect(shown).not.toContain("35% coinsurance");
    expect(presentQuote(row, "en", { question: "What's the mail-order copay for a Tier 4 drug?" })).toContain("35% coinsurance");
  });
});

describe("answers about the document itself (session 30's phrasings)", () => {
  const cover = (text: string, context = "") => ({ ...planSource(1, text, context), cover: true as const });
  const row = planSource(2, "What is the overall deductible? — Answers: $500 / individual or $1,000 / family");

  it("tells a question about the plan's name, insurer or number from one about its benefits", () => {
    for (const question of [
      "My accountant wants the exact name of my health plan for my taxes. What's this plan called?",
      "My new employer's benefits form asks for my Health Net plan's full name. What's the name of this plan?",
      "I'm filling out a form for my pharmacy and it asks for the plan's ID number, the one that starts with H. What is it for this plan?",
      "Who is my insurer?",
      "¿Cómo se llama mi plan?",
      "Necesito el nombre completo de mi seguro para un formulario.",
      "Which insurance company is this from?",
      "What company runs this plan?",
    ]) {
      expect(asksAboutDocument(question), question).toBe(true);
    }
    for (const question of [
      "What is the overall deductible?",
      "My plan's name is Gold PPO. What is my specialist copay?",
      "What's the name of the drug list this plan uses?",
      "What's the customer service phone number for this plan?",
      // The company that runs one of the plan's services is not the plan's insurer.
      "Which company runs Clover's mail-order pharmacy, and how many days does a mail order usually take to arrive?",
    ]) {
      expect(asksAboutDocument(question), question).toBe(false);
    }
  });

  it("quotes the cover's title and name lines, not the sentences under them", async () => {
    const sources = [cover("AARP® Medicare Advantage from UHC UT-0008 (PPO)\nH2001-128-000\nLook inside to learn more about the plan.", "Summary of Benefits 2025"), row];
    const result = await collect(offline.answer({ question: "What's the plan's ID number? The one that starts with H.", sources, history: [] }));
    expect(result.text).toBe("From your documents:\n\n- Summary of Benefits 2025 · AARP® Medicare Advantage from UHC UT-0008 (PPO) · H2001-128-000 [1]");
    const header = cover("This is only a summary. If you want more detail, call 1-866-314-0335.", "HSA Choice Plus Plan BZY / 0H9 · Coverage Period: 11/01/2013 – 10/31/2014");
    const named = await collect(offline.answer({ question: "¿Cómo se llama mi plan?", sources: [header, row], history: [] }));
    expect(named.text).toBe("Según sus documentos:\n\n- HSA Choice Plus Plan BZY / 0H9 · Coverage Period: 11/01/2013 – 10/31/2014 [1]");
  });

  it("answers as before when no cover came with the passages, or the question is about benefits", async () => {
    const noCover = await collect(offline.answer({ question: "What's this plan called?", sources: [row], history: [] }));
    expect(noCover.text).toBe(NOT_FOUND_EN);
    const benefit = await collect(offline.answer({ question: "What is the overall deductible?", sources: [cover("Gold PPO Plan"), row], history: [] }));
    expect(benefit.text).toContain("$500");
    expect(benefit.text).not.toContain("Gold PPO Plan");
  });
});

describe("answers on session 30's phrasings", () => {

  it("asks for the contact the question asks for, not one its story names", () => {
    expect(wantsNumber("I'd rather mail my appeal paperwork to the California Help Center than email it. What's their street address?")).toBe("address");
    expect(wantsNumber("What's the street address of the Help Center?")).toBe("address");
    expect(wantsNumber("What's their email? I don't want to mail it.")).toBe("email");
    const contact = source(1, "Contact: California Help Center, 980 9th Street, Suite #500, Sacramento, CA 95814, (888) 466-2219, helpline@dmhc.ca.gov");
    expect(quotes("I'd rather mail my appeal paperwork to the California Help Center than email it. What's their street address?", [contact]).join(" ")).toContain("980 9th Street");
  });

  it("reads what someone in the question does as telling, not as a thing the documents must name", () => {
    expect(requiredTerms("If I try them and hate them, can I swap them for regular glasses instead?")).not.toContain("swap");
    expect(requiredTerms("Is there any other separate deductible I should budget for?")).not.toContain("budget");
    expect(requiredTerms("What's my copay when he examines and treats my eyes?")).not.toContain("examin");
    // A thing named after the verb still has to be found.
    expect(requiredTerms("Can I get hippotherapy for my son?")).toContain("hippotherap");
    const eyewear = source(1, "·Contact lenses instead of lenses and frames every 2 years Once contact lenses are selected and fitted, they may not be exchanged for eyeglasses. — Plan pays up to $200 toward your purchase of 1 pair of frames or contact lenses.", "Eyewear");
    expect(quotes("I'm using my eyewear benefit on contacts. If I try them and hate them, can I swap them for regular glasses instead?", [eyewear]).join(" ")).toContain("may not be exchanged");
  });

  it("quotes a printed glossary's number when asked for a printed copy", () => {
    const glossary = source(1, "If you aren't clear about any of the underlined terms used in this form, see the Glossary. You can view the Glossary at www.cciio.cms.gov or call 1-866-444-3272 to request a copy.");
    expect(quotes("I'd like a printed copy of the glossary this summary keeps pointing to. What number can I call to request one?", [glossary]).join(" ")).toContain("1-866-444-3272");
  });

  it("knows a root canal, 'endodoncia', 'tratamiento de conducto', as the dental service summaries name Endodontics", () => {
    expect(contentTokens("Endodontics (ex: root canal treatment)").has("#root-canal")).toBe(true);
    expect(contentTokens("Necesito un tratamiento de conducto").has("#root-canal")).toBe(true);
    expect(contentTokens("endodoncia").has("#root-canal")).toBe(true);
  });
});

describe("answers on session 32's phrasings", () => {

  it("reads the mother of a childbirth example, 'la mamá', apart from the baby", () => {
    const example = source(1, "Sample care costs › Hospital charges (mother) — $2,700\nSample care costs › Routine obstetric care — $2,100\nSample care costs › Hospital charges (baby) — $900", "Having a baby (normal delivery)");
    expect(quotes("Estoy embarazada de mi primer bebé. En el ejemplo de parto normal del plan, ¿cuánto son los cargos del hospital para la mamá?", [example]).join(" ")).toContain("$2,700");
  });

  it("knows a doctor who left the network, 'se salió de la red', is out of network", () => {
    expect(asksNetwork("Mi doctora de cabecera se salió de la red de Anthem. ¿Qué porcentaje me toca pagar por la consulta?")).toBe("out");
    expect(asksNetwork("My PCP left the network last month. What do I pay to keep seeing her?")).toBe("out");
  });

  it("reads a language's name as asking for help in it, and a tagline in it as offering that help", () => {
    const taglines = [
      source(1, "Spanish (Español): Para obtener asistencia en Español, llame al 1-800-555-0100."),
      source(2, "Tagalog (Tagalog): Kung kailangan ninyo ang tulong sa Tagalog tumawag sa 1-800-555-0100."),
      source(3, "If your plan doesn't meet the Minimum Value Standards, you may be eligible for a premium tax credit to help you pay for a plan."),
    ];
    expect(quotes("My grandmother is on our family plan and she really only speaks Tagalog. Does the plan offer any help in her language?", taglines)[0]).toContain("Tagalog");
  });

  it("knows a ramp is a home modification, which summaries exclude from durable medical equipment", () => {
    const dme = source(1, "Durable medical equipment — Network Provider: 20% coinsurance; Limitations: Excludes vehicle modifications, home modifications, exercise, and bathroom equipment.");
    expect(quotes("Dad is in a wheelchair now and we need a ramp built up to our front door. Can we get the plan to cover the ramp as durable medical equipment?", [dme]).join(" ")).toContain("home modifications");
    expect(quotes("Will the plan pay for a stair lift in our house?", [source(1, "Durable medical equipment — Network Provider: 20% coinsurance")])).toEqual([]);
  });

  it("reads Spanish ways to ask when the plan ends, a nurse sent home, and clear aligners", () => {
    expect(contentTokens("Oye, ¿hasta qué fecha me cubre este plan?").has("#coverage-period")).toBe(true);
    expect(contentTokens("¿Cuándo se vence mi plan?").has("#coverage-period")).toBe(true);
    expect(contentTokens("El doctor mandó que una enfermera de una agencia de la red lo atienda en la casa.").has("#home-health")).toBe(true);
    expect(contentTokens("Can I straighten my teeth with Invisalign?").has("#orthodontics")).toBe(true);
  });

  it("quotes the aside that names what a sentence says with it: '(This is called balance billing.)'", () => {
    const sbc = source(1, "If an out-of-network provider charges more than the allowed amount, you may have to pay the difference. For example, if an out-of-network hospital charges $1,500 for an overnight stay and the allowed amount is $1,000, you may have to pay the $500 difference. (This is called balance billing.)");
    expect(quoteUnits(sbc.text, "Can he bill me for the difference?").map((unit) => unit.text)).toContain(
      "For example, if an out-of-network hospital charges $1,500 for an overnight stay and the allowed amount is $1,000, you may have to pay the $500 difference. (This is called balance billing.)",
    );
    expect(quotes("An out-of-network doctor charged way more than what Aetna calls the allowed amount. Can he bill me for the difference?", [sbc]).join(" ")).toContain("balance billing");
  });

  it("reads sending by mail ('mando por correo') as an address asked, not a drug by mail, and a list of disclosures as a privacy right", () => {
    expect(contentTokens("¿A qué dirección mando por correo la solicitud de pago?").has("#mail-order")).toBe(false);
    expect(contentTokens("Quiero mandar por correo mi apelación").has("#mailing-address")).toBe(true);
    expect(contentTokens("¿Puedo pedir mis medicinas por correo?").has("#mail-order")).toBe(true);
    expect(contentTokens("Can I ask for a list of those disclosures?").has("#accounting-of-disclosures")).toBe(true);
    expect(contentTokens("You have the right to request an accounting of certain disclosures of your information.").has("#accounting-of-disclosures")).toBe(true);
  });

  it("reads 'after ded.' as the deductible", () => {
    expect(contentTokens("Network Provider: 20% co-ins, after ded.").has("#deductible")).toBe(true);
  });

  it("reads 'has to approve' as prior authorization, and a budgeted amount as asking the amount", () => {
    expect(contentTokens("Is there anything Blue Shield has to approve before the pharmacy can fill it?").has("#prior-authorization")).toBe(true);
    expect(contentTokens("FDA-approved drugs").has("#prior-authorization")).toBe(false);
    expect(requiredTerms("How much is budgeted for anesthesia in that example?")).not.toContain("budget");
  });
});

describe("refusals on sessions 30 and 32's unanswerable questions", () => {

  it("holds a drug the doctor 'wants to start me on' to being named, as one prescribed", () => {
    const tiers = source(1, "Cost-Sharing Tier 3 Preferred Brand — Standard retail cost-sharing (in-network) (up to a 30-day supply): $47 copayment");
    expect(quotes("My neurologist wants to start me on Aimovig injections for my migraines. What tier is it on, and how much will a month's supply cost me?", [tiers])).toEqual([]);
    expect(quotes("My doctor switched me to Ozempic. What tier is it on?", [tiers])).toEqual([]);
  });

  it("does not answer a newborn's circumcision from the childbirth example's totals", () => {
    const example = source(1, "Having a baby (9 months of in-network pre-natal care and a hospital delivery) › Plan pays $ 4,390\nPatient pays $ 3,150");
    expect(quotes("Si nuestro bebé es varoncito queremos circuncidarlo antes de salir del hospital. ¿Eso lo paga Health Net?", [example])).toEqual([]);
  });

  it("answers how many cleanings a year only with a count", () => {
    const dental = source(1, "Preventive — In-network: $0 copay for preventive dental including oral exams, X-rays, routine cleanings and fluoride");
    expect(quotes("Con este plan, ¿cuántas limpiezas dentales al año me cubren?", [dental])).toEqual([]);
    const counted = source(2, "Dental Services — Cleaning (up to 2 per calendar year): $0 Copay.");
    expect(quotes("How many dental cleanings a year does the plan cover?", [counted]).join(" ")).toContain("up to 2 per calendar year");
  });
});

describe("answers on session 33's phrasings", () => {
  it("reads a counselor no passage names as who gives the care, when the care is named", () => {
    const outpatient = source(1, "If you need mental health, behavioral health, or substance abuse services › Outpatient services — Network Provider: $35 copay/office visit and 20% coinsurance other outpatient services; Out-of-Network Provider: 40% coinsurance");
    expect(quotes("Mi hijo de 19 años va a empezar a ver a un consejero de la red por su problema con el alcohol. ¿Cuánto nos cobran por cada consulta en el consultorio?", [outpatient]).join(" ")).toContain("$35");
  });

  it("sets aside what a parenthesis says is not asked: '(not routine nail trimming)'", () => {
    const foot = source(1, "Foot Care (podiatry services) — Clover Health Choice (PPO) (Plan 004): In-Network: Medicare-covered: $20 Copay. Routine care: $5 Copay");
    expect(requiredTerms("What's my copay for a Medicare-covered foot visit (not routine nail trimming)?")).not.toContain("nail");
    expect(quotes("I'm on Clover Health Choice (004) and my podiatrist is in network. What's my copay for a Medicare-covered foot visit (not routine nail trimming)?", [foot]).join(" ")).toContain("$20 Copay");
    // A quality denied is still asked about: "(not preferred)".
    expect(requiredTerms("What do I pay for a Tier 4 drug (not preferred)?")).toEqual(requiredTerms("What do I pay for a Tier 4 drug?"));
  });

  it("answers from a summary's own question and answer, its question the heading of the answer", () => {
    const context = "CA Bronze HMO › Questions and answers about the Coverage Examples: › What are some of the assumptions behind the Coverage Examples?";
    const assumptions = source(1, "Costs don't include premiums.\nSample care costs are based on national averages supplied by the U.S. Department of Health and Human Services.", context);
    expect(quotes("quick q - do the coverage example numbers include the monthly premiums or not?", [assumptions]).join(" ")).toContain("Costs don't include premiums.");
  });

  it("prices the coverage example the question names, not the same row of another example", () => {
    const diabetes = source(1, "Sample care costs › Vaccines, other preventive — $100", "Plan › About these Coverage Examples: › Managing type 2 diabetes (routine maintenance of a well-controlled condition)");
    const baby = source(2, "Sample care costs › Vaccines, other preventive — $40", "Plan › About these Coverage Examples: › Having a baby (normal delivery)");
    const answer = quotes("A mi papá le diagnosticaron diabetes tipo 2 y estamos viendo el ejemplo del plan. ¿Cuánto se calcula ahí para vacunas y otros cuidados preventivos?", [diabetes, baby]).join(" ");
    expect(answer).toContain("$100");
    expect(answer).not.toContain("$40");
    expect(quotes("Estoy embarazada y leyendo el ejemplo de tener un bebé. ¿Cuánto calculan para vacunas y otros cuidados preventivos?", [diabetes, baby]).join(" ")).toContain("$40");
  });

  it("refuses wisdom teeth from a child's dental check-up, and a private room from private-duty nursing and the emergency room", () => {
    const dental = source(1, "If your child needs dental or eye care › Dental check-up — Network Provider: No charge; Non-Participating Provider: Not covered");
    expect(quotes("A mi hijo de 16 años le tienen que sacar las muelas del juicio con un cirujano oral. ¿El plan lo cubre y cuánto pagaríamos?", [dental])).toEqual([]);
    expect(quotes("Will the plan pay to have my wisdom teeth pulled?", [source(2, "Dental services — Extractions (including local anesthesia), 2 per year: $0 copay")]).join(" ")).toContain("Extractions");
    const excluded = source(3, "Services Your Plan Does NOT Cover: Cosmetic surgery; Private-duty nursing; Routine foot care");
    const er = source(4, "If you need immediate medical attention › Emergency room services — Network Provider: 50% coinsurance");
    expect(quotes("I'm having surgery next month and I'd really like a private room instead of sharing one. Does the plan cover a private room, or how much extra would it cost?", [excluded, er])).toEqual([]);
    // A name before a thing says whose it is: "the Quokka marimba rider" is the Quokka plan's.
    expect(quotes("How much is the Quokka marimba rider?", [source(5, "Quokka plan: the marimba rider costs $7,654 per year.")]).join(" ")).toContain("7,654");
  });

  it("reads a copy 'mailed to me' as how it comes, not mail-order drugs or a word the document must say", () => {
    expect(contentTokens("I'd like a paper copy mailed to me.").has("#mail-order")).toBe(false);
    expect(contentTokens("If I get a 3-month supply by mail from an in-network pharmacy, what do I pay?").has("#mail-order")).toBe(true);
    expect(contentTokens("Mail your request to the address listed below.").has("#mail-order")).toBe(false);
    const footer = source(1, "Questions: Call 1-866-529-2517 or visit us at www.example.com. If you aren't clear about any of the bolded terms used in this form, see the Glossary. You can view the Glossary at www.example.com or call 1-866-529-2517 to request a copy.");
    expect(quotes("This summary keeps telling me to see the Glossary. I'd like a paper copy mailed to me. Who do I call?", [footer]).join(" ")).toContain("1-866-529-2517");
  });

  it("reads the prescription for glasses as the lenses', and a network column named on every row as no subject", () => {
    expect(contentTokens("Ya me toca actualizar la receta de mis lentes.").has("#prescription-drugs")).toBe(false);
    expect(contentTokens("Is my eye drop prescription covered?").has("#prescription-drugs")).toBe(true);
    const drugs = source(1, "If you need drugs to treat your illness or condition › Preferred generic drugs — Preferred Provider: $5/retail order $10/mail order");
    const childEyes = source(2, "If your child needs dental or eye care › Eye exam — Preferred Provider: $0 copay; Out-of-network Provider: Not covered");
    expect(quotes("Soy adulta y ya me toca el examen de la vista para actualizar la receta de mis lentes. ¿Cuánto es el copago con un oculista de la red?", [drugs, childEyes])).toEqual([]);
  });

  it("does not take a summary's 'Limitations & Exceptions' column for the limitations a question quotes", () => {
    const other = source(1, "Other Covered Services: Chiropractic care - may be covered with limitations; Hearing aids - may be covered with limitations; Routine eye care");
    const tier = source(2, "If you need drugs to treat your illness or condition › Tier 1 – Your Lowest-Cost Option — Network Provider: Retail: $10 copay, after ded.; Limitations & Exceptions: Up to a 31 day supply");
    expect(quotes('The summary says hearing aids "may be covered with limitations." How much will the plan pay toward a pair, and how often can I get new ones?', [other, tier]).join(" ")).not.toContain("Tier 1");
  });

  it("reads surgery to lose weight as bariatric surgery, which obesity counseling does not answer", () => {
    const obesity = source(1, "Obesity screening and therapy to promote sustained weight loss — In-Network: There is no coinsurance, copayment, or deductible for preventive obesity screening and therapy.");
    expect(quotes("My doctor says I'm a candidate for gastric sleeve surgery to lose weight. Does this plan cover weight-loss surgery, and what would I pay?", [obesity])).toEqual([]);
    const covered = source(2, "Other Covered Services: Acupuncture; Bariatric surgery; Chiropractic care");
    expect(quotes("Mi esposa se quiere operar para bajar de peso (manga gástrica). ¿El plan lo cubre?", [covered]).join(" ")).toContain("Bariatric surgery");
  });

  it("reads 'a pair' as an everyday word: a pair of glasses does not answer how often hearing aids are replaced", () => {
    const glasses = source(1, "If your child needs dental or eye care › Children’s glasses — Network Provider: 20% coinsurance; Limitations, Exceptions, & Other Important Information: Coverage limited to one pair of glasses/year.");
    const other = source(2, "Other Covered Services (Limitations may apply to these services.): Acupuncture; Bariatric surgery; Hearing aids; Infertility treatment");
    expect(quotes("My dad's audiologist says he needs hearing aids. I see hearing aids are covered, but how much will we pay for a pair, and how often can he get new ones?", [glasses, other])).toEqual([]);
  });
});

describe("selectQuotes on session 35's phrasings", () => {
  it("reads a place told in the story as where, not what: the urgent care row answers skiing in Tahoe", () => {
    const urgent = source(1, "Urgent care — Preferred Provider: $5/visit at freestanding urgent care center; Non-Preferred Provider: Not covered; Limitations & Exceptions: none");
    const question = "Skiing in Tahoe and my kid twisted his knee. The only urgent care up here isnt a Blue Shield preferred provider. Will the plan pay anything for that visit?";
    expect(quotes(question, [urgent]).join(" ")).toContain("Not covered");
    expect(toldPlaces(question)).toEqual(new Set(["taho"]));
    // A county is kept: which one the member lives in may decide the answer.
    expect(toldPlaces("I live in Riverside County. Is there a network hospital near me?")).toEqual(new Set());
  });

  it("answers an out-of-network question typed without its apostrophe with the out-of-network column", async () => {
    const eyes = source(1, "If your child needs dental or eye care › Children’s eye exam — Network Provider: $35 copay/visit; Out-of-Network Provider: Not covered; Limitations, Exceptions, & Other Important Information: Coverage limited to one exam/year.");
    const answer = (await ask("my son's eye exam is due and the optometrist by our house isnt in network. will the plan pay anything if we go there?", [eyes])).text;
    expect(answer).toContain("Not covered");
    expect(answer).not.toContain("$35");
  });

  it("refuses a fax number or a line's hours that no passage gives", () => {
    const appeals = source(1, "Your Grievance and Appeals Rights: If you have a complaint or are dissatisfied with a denial of coverage for claims under your plan, you may be able to appeal or file a grievance. Contact the California Department of Insurance at 1-800-927-4357.");
    expect(quotes("Quiero mandar mi apelación por fax en vez de por correo. ¿Cuál es el número de fax?", [appeals])).toEqual([]);
    const fax = source(2, "Appeals for Medical Care: Fax 1-888-517-7113. Write: P.O. Box 6103, Cypress, CA 90630");
    expect(quotes("What's the fax number for a medical appeal?", [appeals, fax]).join(" ")).toContain("1-888-517-7113");
    const taglines = source(3, "Language Access Services: [Spanish (Español): Para obtener asistencia en Español, llame al (866) 346-7198.]");
    expect(quotes("¿En qué horario atienden en el número de ayuda en español (866) 346-7198? ¿Abren los sábados?", [taglines])).toEqual([]);
    const hours = source(4, "Customer Service: 1-844-876-6176. Calls to this number are free. Hours of Operation: 8 a.m.-8 p.m. local time, 7 days a week.");
    expect(quotes("What hours is customer service open?", [hours]).join(" ")).toContain("7 days a week");
    expect(quotes("Can I call customer service on a Sunday?", [hours]).join(" ")).toContain("1-844-876-6176");
  });

  it("reads a yearly dollar cap on what the plan pays as the overall annual limit, and 'one-time' as no kind of thing", () => {
    const limit = source(1, "Is there an overall annual limit on what the insurer pays? — Answers: No.; Why this Matters: The chart starting on page 2 describes any limits on what the insurer will pay for specific covered services, such as office visits.");
    expect(quotes("My dad just started cancer treatment and it's going to be super expensive. Is there a yearly dollar cap where this plan stops paying for his care?", [limit]).join(" ")).toContain("overall annual limit");
    const preventive = source(2, "Medical benefits › In-network Out-of-network · Vaccines, including those for the flu · “Welcome to Medicare” preventive visit (one time)");
    expect(quotes("I just turned 65 and signed up for this plan. Is there some kind of one-time welcome checkup for new Medicare people that it covers?", [preventive]).join(" ")).toContain("Welcome to Medicare");
  });

  it("reads a sentence with the words of its own paragraph: 'these tests' are the STI screenings named before", () => {
    const sti = source(1, "We cover sexually transmitted infection (STI) screenings for chlamydia, gonorrhea and syphilis. These screenings are covered for certain people at increased risk when a primary care provider orders them. We cover these tests once every 12 months or at certain times during pregnancy.");
    // (Read alone, the sentence names neither STIs nor screenings, and the question was refused.)
    expect(quotes("How often are STI screenings covered?", [sti])[0]).toContain("once every 12 months");
  });

  it("asks for a number with 'Who do I call?', and takes the number on the member's ID card for one", () => {
    expect(wantsNumber("I don't see an appeals number anywhere in this summary. Who do I call?")).toBe("phone");
    expect(wantsNumber("¿A quién llamo para quejarme?")).toBe("phone");
    const rights = source(1, "If you have a complaint or are dissatisfied with a denial of coverage for claims under your plan, you may be able to appeal or file a grievance. For questions about your rights, this notice, or assistance, you can contact us by calling the toll free number on your Medical ID Card.");
    expect(quotes("Aetna turned down a claim and I want to complain to them directly. I don't see an Aetna appeals number anywhere in this summary. Who do I call?", [rights]).join(" ")).toContain("Medical ID Card");
  });

  it("reads 'brand new' as new, not a brand-name drug, and 'partway' as an everyday word", async () => {
    const preventive = source(1, "Any additional preventive services approved by Medicare during the contract year will be covered.\nThis plan covers preventive care screenings and annual physical exams at 100% when you use in-network providers.", "Medical benefits");
    // (The year asked about is the summary's: "Summary of Benefits 2025".)
    const cover = source(2, "Summary of Benefits 2025 · January 1, 2025 - December 31, 2025", "Summary of Benefits");
    const answer = (await ask("If Medicare approves a brand new preventive screening partway through 2025, will this plan cover it this year or do I have to wait till next year?", [preventive, cover])).text;
    expect(answer).toContain("Any additional preventive services");
  });
});

describe("answers on session 37's phrasings", () => {
  const assumptions = () =>
    source(
      1,
      "• Costs don’t include premiums.\n• Sample care costs are based on national averages supplied by the U.S.\nDepartment of Health and Human\nServices, and aren’t specific to a particular geographic area or health plan.\n• The patient’s condition was not an excluded or preexisting condition.\n• All services and treatments started and ended in the same coverage period.\n• There are no other medical expenses for any member covered under this plan.\n• The patient received all care from in-network providers. If the patient had received care from out-of-network providers, costs would have been higher.",
      "Summary of Benefits and Coverage › Questions and answers about the Coverage Examples: › What are some of the assumptions behind the Coverage Examples?",
    );

  it("answers what the coverage examples assume from the template's own statements, whatever the member's story says", () => {
    const rows = source(2, "Diagnostic test (x-ray, blood work) — In-network: $50 copay; Out-of-network: 50% coinsurance");
    const asked = (question: string) => quotes(question, [rows, assumptions()]).join(" ");
    expect(asked("We live in San Francisco where everything costs more. Are the dollar amounts in the coverage examples based on Bay Area prices?")).toBe(
      "Sample care costs are based on national averages supplied by the U.S. Department of Health and Human Services, and aren’t specific to a particular geographic area or health plan.",
    );
    expect(asked("My wife and kids also had a bunch of medical bills this year. Does the diabetes coverage example assume nobody else on the plan had any medical costs?")).toContain("no other medical expenses");
    expect(asked("When I compare the patient-pays totals in the coverage examples, are my monthly premiums already included in those numbers?")).toBe("Costs don’t include premiums.");
    expect(asked("My due date is early November, right when this plan's year flips over. Does the having-a-baby example assume all the care happens inside one plan year?")).toContain("same coverage period");
    const network = asked("The diabetes example says the patient pays $3,890. Does that assume in-network doctors, and would it be different if I used out-of-network ones?");
    expect(network).toContain("received all care from in-network providers");
    expect(network).toContain("costs would have been higher");
  });

  it("answers the 2017 template's examples by their introduction and their headings, and leaves their amounts to the rows", () => {
    const intro = source(1, "Use this information to compare the portion of costs you might pay under different health plans. Please note these coverage examples are based on self-only coverage.", "");
    const peg = source(2, "(9 months of in-network pre-natal care and a hospital delivery)", "Peg is Having a Baby");
    const mia = source(3, "(in-network emergency room visit and follow up care)", "Mia’s Simple Fracture");
    expect(quotes("We're on a family plan. Are the coverage examples figured for family coverage or for just one person?", [peg, intro]).join(" ")).toContain("self-only coverage");
    expect(quotes("The Mia broken-bone example says she pays $1,100 total. Was that figured with an in-network ER?", [peg, mia]).join(" ")).toBe(
      "Mia’s Simple Fracture (in-network emergency room visit and follow up care)",
    );
    const anesthesia = source(4, "Sample care costs › Anesthesia — $900", "Having a Baby");
    expect(quotes("I'm reading the having-a-baby example. How much is budgeted for anesthesia in that example?", [anesthesia, assumptions()]).join(" ")).toContain("$900");
  });

  it("reads what the member's last plan did as why they ask, not as words this plan's summary must say", () => {
    const deductibles = source(1, "Are there other deductibles for specific services? — Answers: No.; Why this Matters: You don't have to meet deductibles for specific services, but see the chart starting on page 2 for other costs for services this plan covers.");
    const drugs = source(2, "If you need drugs to treat your illness or condition › Preferred generic drugs — Network Provider: $5 copay/retail");
    expect(quotes("My last plan made me pay off a separate drug deductible before my copays started. Is there any deductible like that for specific services on this plan?", [deductibles, drugs])[0]).toContain("don't have to meet deductibles");
  });

  it("answers help in a language from the document's line for it, a told language and 'besides' included", () => {
    const taglines = source(
      3,
      "Language Access Services:\nSpanish (Español): Para obtener asistencia en Español, llame al 1-800-522-0088.\nTagalog (Tagalog): Kung kailangan ninyo ang tulong sa Tagalog tumawag sa 1-800-522-0088.\nChinese (中文): 如果需要中文的帮助，请拨打这个号码 1-800-522-0088.\nNavajo (Dine): Dinek'ehgo shika at'ohwol ninisingo, kwiijigo holne' 1-800-522-0088.",
    );
    const islands = source(4, "Chamorro (Chamoru): Para un ma ayuda gi finu Chamoru, å’gang [insert telephone number].");
    const others = quotes("My in-laws don't speak much English. Besides Spanish, which languages does this summary offer phone help in?", [taglines, islands]);
    expect(others.map((quote) => quote.split(" ")[0])).toEqual(["Tagalog", "Chinese", "Navajo", "Chamorro"]);
    expect(quotes("Mi abuelito es de Guam y casi solo habla chamorro. ¿Hay algún número donde lo puedan atender en su idioma?", [taglines, islands])).toEqual([
      "Chamorro (Chamoru): Para un ma ayuda gi finu Chamoru, å’gang [insert telephone number].",
    ]);
    // (Speech therapy is care, not help in a language; a language the member speaks does not make every question one.)
    const deductible = source(5, "What is the overall deductible? — Answers: $500 individual");
    expect(languageQuotes("I speak Spanish at home. What is my overall deductible?", [taglines, deductible])).toEqual([]);
    expect(languageQuotes("Mi esposo necesita terapia del habla. ¿Cuánto pagamos?", [taglines])).toEqual([]);
  });

  it("reads 'count my premiums' as asking what the coverage examples include", () => {
    expect(quotes("When I look at what the patient pays in the coverage examples, does that already count my monthly premiums?", [assumptions()])).toEqual(["Costs don’t include premiums."]);
  });

  it("answers from the network row's template statements: someone out of network at an in-network hospital, and what 'preferred' means", () => {
    const network = source(6, "Does this plan use a network of providers? — Answers: Yes. For a list of preferred providers, see www.example.com.; Why this Matters: If you use an in-network doctor or other health care provider, this plan will pay some or all of the costs of covered services. Be aware, your in-network doctor or hospital may use an out-of-network provider for some services. Plans use the term in-network, preferred, or participating for providers in their network.");
    const surgeon = source(7, "If you have outpatient surgery › Physician/surgeon fees — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 25% coinsurance");
    expect(quotes("I'm having surgery at a Blue Shield preferred hospital with a preferred surgeon. Could someone who isn't a preferred provider still end up working on my care there?", [surgeon, network])).toEqual([
      "Be aware, your in-network doctor or hospital may use an out-of-network provider for some services.",
    ]);
    expect(quotes("This summary keeps saying \"preferred provider.\" Is that the same thing as an in-network doctor?", [surgeon, network])).toEqual([
      "Plans use the term in-network, preferred, or participating for providers in their network.",
    ]);
    // (A surgeon out of network is asked about by the row for the surgeon.)
    expect(quotes("My surgeon at the hospital is out of network. What share of his fee do I pay?", [surgeon, network]).join(" ")).toContain("25% coinsurance");
  });

  it("answers each of two things asked after one preposition said twice: the visit and the x-ray", () => {
    const test = source(8, "If you have a test › Diagnostic test (x-ray, blood work) — Network Provider: Lab: $50 copay per visit; X-ray: $75 copay per visit");
    const urgent = source(9, "If you need immediate medical attention › Urgent care — Network Provider: $50 copay per visit, deductible waived");
    const answer = quotes("Me torcí el tobillo y fui a una clínica de urgencias (urgent care) de la red, y ahí mismo me sacaron una radiografía. ¿Cuánto pago por la consulta y por la radiografía?", [test, urgent]).join(" ");
    expect(answer).toContain("Urgent care");
    expect(answer).toContain("X-ray: $75");
  });

  it("quotes the footnotes a quoted row's signs refer to, from a passage of the same document, once each", async () => {
    const tiers = { ...source(10, "Tier 4: Non-Preferred Drug 5 — Retail · Standard · 30-day supply^: $100 copay; Retail · Standard · 100-day supply: N/A", "Medical benefits"), page: 8 };
    const notes = { ...source(11, "^Members living in long-term care facilities pay the same for a 31-day supply as a 30-day supply at a retail pharmacy.\n3 Tier includes enhanced drug coverage.\n5 Limited to a 30-day supply", "Medical benefits"), page: 8 };
    const answer = (await ask("I'll be on my Tier 4 non-preferred drug for the long haul. Can I get a 100-day supply of it to save trips to the pharmacy?", [tiers, notes])).text;
    expect(answer).toContain("- 5 Limited to a 30-day supply [11]");
    expect(answer).toContain("- ^Members living in long-term care facilities pay the same for a 31-day supply");
    expect(answer).not.toContain("Tier includes enhanced drug coverage");
    // (A number a name carries, "Tier 5", is no footnote mark; nor is a line "2 procedures per plan year".)
    expect(footnotes("Tier 5: Specialty Tier 5 — Retail: 28% coinsurance", { sentence: "", source: tiers, score: 1 }, [notes])).toEqual([]);
  });

  it("reads a name cut after its abbreviation at a line's end ('the U.S.' / 'Department of Labor') as one sentence", () => {
    const rights = source(12, "For more information on your rights to continue coverage, contact the plan at 1-866-529-2517. You may also contact your state insurance department, the U.S.\nDepartment of Labor, Employee Benefits Security Administration at 1-866-444-3272 or www.dol.gov/ebsa.");
    const units = quoteUnits(rights.text, "Which federal office can I call?").map((unit) => unit.text);
    expect(units.some((unit) => unit.includes("the U.S. Department of Labor, Employee Benefits Security Administration at 1-866-444-3272"))).toBe(true);
  });

  it("refuses a question asking only for an amount when no quote states one", () => {
    const excluded = source(13, "What is not included in the out–of–pocket limit? — Answers: Some copayments, premiums, balance-billed charges, and health care this plan doesn’t cover.; Why this Matters: Even though you pay these expenses, they don’t count toward the out-of-pocket limit.");
    expect(quotes("If I leave my job and keep this plan through COBRA, what would the monthly premium be?", [excluded])).toEqual([]);
    const premium = source(14, "Monthly plan premium — In-network: $0 You need to continue to pay your Medicare Part B premium");
    expect(quotes("What would my monthly premium be?", [premium]).join(" ")).toContain("$0");
  });

  it("reads 'la mamá del ejemplo' as a coverage example's patient and 'coaseguro' as coinsurance", () => {
    expect(asksRole("Estoy embarazada y leyendo el ejemplo de parto normal. ¿La mamá del ejemplo paga algo de coaseguro?")).toBe("patient");
    expect(asksRole("How much would the mom in the example pay in total?")).toBe("patient");
    const rows = source(15, "Patient pays › Deductibles — $5,170\nPatient pays › Copays — $20\nPatient pays › Coinsurance — $0\nSample care costs › Routine obstetric care — $2,100", "About these Coverage Examples: › Having a baby (normal delivery)");
    expect(quotes("Estoy embarazada y leyendo el ejemplo de parto normal. ¿La mamá del ejemplo paga algo de coaseguro?", [rows])[0]).toContain("Coinsurance — $0");
  });
});

describe("answers on sessions 39 and 41's phrasings", () => {
  it("reads 'in the middle of the year' as when, not a word a passage must say", () => {
    expect(requiredTerms("If they do that in the middle of the year, do I start paying more right away?")).toEqual([]);
    expect(requiredTerms("¿Puedo cambiarme de plan a mitad de año?")).not.toContain("mitad");
    expect(requiredTerms("Does the plan cover hearing aids in the middle of the year?")).toEqual(["#hearing-aids"]);
  });

  it("reads plan words a member says around a figure (afterward, reset, a percentage) as no subject of their own", () => {
    const rows = source(1, "Tier 4 (Non-Preferred Drug) — Clover Health Choice Value (PPO) (Plan 007) · Mail Order · 100 day supply: 35% coinsurance");
    expect(quotes("I'm on Choice Value (007) and take a Tier 4 non-preferred drug. If I get a 100-day supply through mail order, is that a flat copay or a percentage, and how much?", [rows]).join(" ")).toContain("35% coinsurance");
    const year = source(2, "What is the overall deductible? — Answers: $1,500; Why this Matters: … The plan year is often, but not always, the same as the calendar year.");
    expect(quotes("Does my Blue Shield deductible always start over on January 1st, or could it reset at a different time?", [year]).join(" ")).toContain("but not always");
  });

  it("splits '…y en cuánto tiempo deciden?' into its two questions", () => {
    const section = "Chapter 9: What to do if you have a problem or complaint (coverage decisions, appeals, complaints) › Section 7.3 Step-by-step: How to make a Level 2 appeal to change your hospital discharge date";
    const decide = source(1, "· Reviewers at the Quality Improvement Organization will take another careful look at all of the information related to your appeal.\nStep 3: Within 14 calendar days of receipt of your request for a Level 2 appeal, the reviewers will decide on your appeal and tell you their decision.", `${section} › Step 2: The Quality Improvement Organization does a second review of your situation.`);
    const ask60 = source(2, "· You must ask for this review within 60 calendar days after the day the Quality Improvement Organization said no to your Level 1 appeal. You can ask for this review only if you stay in the hospital after the date that your coverage for the care ended.", `${section} › Step 1: Contact the Quality Improvement Organization again and ask for another review.`);
    const answer = quotes("A mi papá le dieron el alta del hospital, apelamos con la QIO y dijeron que no, pero él se quedó internado. ¿Cuántos días tenemos para pedir la segunda revisión y en cuánto tiempo deciden?", [decide, ask60]).join(" ");
    expect(answer).toContain("60 calendar days");
    expect(answer).toContain("14 calendar days");
  });

  it("quotes a line's hours when asked until what time it answers on a weekday, its time zone kept in the sentence", () => {
    expect(splitSentences("Medicaid: 8 a.m. - 5 p.m. MT, Monday - Friday; 8 a.m. - 11 a.m. MT, Thursday")).toEqual(["Medicaid: 8 a.m. - 5 p.m. MT, Monday - Friday; 8 a.m. - 11 a.m. MT, Thursday"]);
    expect(splitSentences("Call us before 5 p.m. Forms arrive by mail.")).toEqual(["Call us before 5 p.m.", "Forms arrive by mail."]);
    const medicaid = source(1, "Method — State Medicaid Program – Contact Information Utah Utah Department of Health, Medicaid and Health Financing (Medicaid): State Medicaid Program – Contact Information Utah Utah Department of Health, Medicaid and Health Financing (Medicaid)\nState Medicaid Program – Contact Information Utah Utah Department of Health, Medicaid and Health Financing (Medicaid): 8 a.m. - 5 p.m. MT, Monday - Friday; 8 a.m. - 11 a.m. MT, Thursday", "Chapter 2: Important phone numbers and resources › Section 2 Medicare (how to get help and information directly from the federal Medicare program)");
    expect(quotes("Quiero llamar a Medicaid de Utah un jueves en la tarde. ¿Hasta qué hora atienden los jueves?", [medicaid]).join(" ")).toContain("11 a.m. MT, Thursday");
  });

  it("keeps the column a question names among columns named in words ('the preferred mail-order pharmacy')", async () => {
    const tier3 = source(1, "Cost-Sharing Tier 3 Preferred Brand — Standard retail cost-sharing (in-network) (100-day supply): $141 copayment; Preferred Mail-order cost-sharing (100-day supply): $131 copayment; Standard Mail-order cost-sharing (100-day supply): $141 copayment");
    const answer = (await ask("I take a Tier 3 preferred brand drug every day. If I get a 100-day supply through the preferred mail-order pharmacy, what's my copay?", [tier3])).text;
    expect(answer).toContain("$131");
    expect(answer).not.toContain("$141");
  });

  it("answers whether a coverage example is an estimate with 'They are for comparative purposes only'", () => {
    const intro = source(1, "This is not a cost estimator.\nDon't use these examples to estimate your actual costs under this plan.", "Coverage Examples");
    const qa = source(2, "Does the Coverage Example predict my own care needs? No. Treatments shown are just examples.\nCan I use Coverage Examples to estimate costs? No. Coverage Examples are not cost estimators. You can't use the examples to estimate costs for an actual condition. They are for comparative purposes only.", "Questions and answers about the Coverage Examples:");
    expect(quotes("We're expecting in the fall. Can I take the having-a-baby coverage example and use it as a real estimate of what my delivery will cost?", [intro, qa]).join(" ")).toContain("comparative purposes only");
  });

  it("answers what care a coverage example is about from its heading ('Having a baby (normal delivery)')", () => {
    const baby = source(1, "Sample care costs › Hospital charges (mother) — $2,700\nSample care costs › Routine obstetric care — $2,100", "About these Coverage Examples: › Having a baby (normal delivery)");
    const diabetes = source(2, "Sample care costs › Prescriptions — $2,900\nSample care costs › Medical Equipment and Supplies — $1,300", "About these Coverage Examples: › Managing type 2 diabetes (routine maintenance of a well-controlled condition)");
    expect(quotes("My OB already scheduled me for a C-section. Is the having-a-baby example based on a C-section or on a regular delivery?", [diabetes, baby]).join(" ")).toContain("Having a baby (normal delivery)");
    expect(quotes("My dad's diabetes is all over the place. What kind of patient is the diabetes example based on?", [baby, diabetes]).join(" ")).toContain("well-controlled condition");
  });

  it("answers where to look up which doctors are in the network with the directory's web address", () => {
    expect(wantsNumber("Just got this plan through work. Where do I look up which doctors and hospitals are in network?")).toBe("website");
    expect(wantsNumber("How do I find out which doctors and labs are in the network before I book anything?")).toBe("website");
    expect(wantsNumber("¿Dónde puedo ver qué médicos están en la red?")).toBe("website");
    // (Not a place to find care: "Where can I find a network pharmacy when I travel?")
    expect(wantsNumber("Where can I find a network pharmacy when I travel?")).toBe(null);
  });

  it("answers help in a language the question only names, from a line printed without its English title", () => {
    const lines = source(1, "Spanish (Español): Para obtener asistencia en Español, llame al 1-866-314-0335.\nKung kailangan ninyo ang tulong sa Tagalog tumawag sa 1-866-314-0335.");
    expect(languageQuotes("My lola is on our family plan and she's much more comfortable in Tagalog than English. Is there a number she can call to get help in Tagalog?", [lines]).map((quote) => quote.sentence)).toEqual([
      "Kung kailangan ninyo ang tulong sa Tagalog tumawag sa 1-866-314-0335.",
    ]);
    // (Asked when the Spanish line is open, its hours answer, not the line itself.)
    expect(languageQuotes("¿En qué horario atienden en el número de ayuda en español? ¿Abren los sábados?", [lines])).toEqual([]);
  });

  it("refuses a count of pills, a referral and an over-the-counter item that no passage states", () => {
    const eob = source(1, "Section 3.1 We send you a monthly summary called the Part D Explanation of Benefits: This report gives the payment details about the prescriptions you have filled during the previous month.");
    expect(quotes("My oxycodone prescription got flagged for a quantity limit. How many pills a month will the plan cover for it?", [eob])).toEqual([]);
    const limit = source(2, "Quantity limits: For certain drugs, we limit coverage for your prescription to no more than 30 pills per month.");
    expect(quotes("How many pills will the plan cover under a quantity limit?", [limit]).join(" ")).toContain("30 pills per month");
    const specialists = source(3, "Specialists — In-network: $40 copay; Out-of-network: $65 copay");
    expect(quotes("Do I need my PCP to give me a referral before I can see a specialist on this plan, or can I just book with the specialist myself?", [specialists])).toEqual([]);
    const referral = source(4, "Do I need a referral to see a specialist? — Answers: No.; Why this Matters: You can see the specialist you choose without permission from this plan.");
    expect(quotes("Do I need my PCP to give me a referral before I can see a specialist, or can I just book with the specialist myself?", [referral, specialists]).join(" ")).toContain("without permission");
    const generic = source(5, "Generic drugs (Tier 1) — Network Provider: $10 copay/prescription (retail & mail order); Out-of-Network Provider: 40% coinsurance");
    expect(quotes("Can I use my Rx benefit for over-the-counter stuff from the drugstore, like at-home COVID tests or allergy pills?", [generic])).toEqual([]);
  });

  it("reads 'cover those' as asking about the thing the story named ('anti-nausea pills')", () => {
    const listed = source(1, "cancer drugs become available, Part B may cover them. If Part B doesn’t cover them, Part D does\n·Oral anti-nausea drugs: Medicare covers oral anti-nausea drugs you use as part of an anti-cancer chemotherapeutic regimen if they’re administered before, at, or within 48 hours of chemotherapy", "Chapter 4: Medical Benefits Chart (what is covered and what you pay) › Medical Benefits Chart");
    const row = source(2, "Medicare Part B Prescription Drugs — In-Network: $0 copayment for Medicare-covered Part B allergy antigens. 20% coinsurance for each Medicare-covered chemotherapy drug and the administration of that drug.", "Chapter 4: Medical Benefits Chart (what is covered and what you pay) › Medical Benefits Chart");
    expect(quotes("I'm starting chemo and my oncologist prescribed anti-nausea pills to take around my infusions. Does the medical side (Part B) cover those, or do they go through my Rx coverage?", [listed, row])[0]).toContain("within 48 hours");
  });

  it("answers what else a plan covers with its 'Other Covered Services' list, wherever the layout put the heading", () => {
    const after = source(1, "Other Covered Services (This isn't a complete list. Check your policy or plan document for other covered services and your costs for these services.)\n• Acupuncture • Bariatric surgery is covered only for morbid obesity • Chiropractic care • Infertility treatment");
    expect(quotes("Besides regular doctor and hospital care, does Anthem list any extra kinds of care it covers? I'm wondering about alternative stuff like acupuncture and about fertility help.", [after])).toEqual([
      "Other Covered Services: Acupuncture; Bariatric surgery is covered only for morbid obesity; Chiropractic care; Infertility treatment",
    ]);
    const before = source(2, "Services Your Plan Does NOT Cover › (This isn't a complete list. Check your policy or plan document for other excluded services.)\nChiropractic care Cosmetic surgery\n(This isn't a complete list. Check your policy or plan document for other covered services and your costs for these services.) Other Covered Services\nAcupuncture - limited to 12 visits › Bariatric surgery - limited to Institutes of Excellence");
    expect(quotes("Besides the normal doctor and hospital stuff, are there any extra or alternative kinds of care this plan says it does cover?", [before])).toEqual([
      "Other Covered Services: Acupuncture - limited to 12 visits; Bariatric surgery - limited to Institutes of Excellence",
    ]);
    // (Asked what the plan does not cover, the list of what it covers is no answer.)
    expect(quotes("What services does the plan not cover?", [before]).join(" ")).not.toContain("Other Covered Services:");
  });

  it("reads 'Is there a number I can call…?' as asking for a phone number", () => {
    expect(wantsNumber("Is there a number I can call to get Medicare's own handbook on what Original Medicare covers?")).toBe("phone");
    expect(wantsNumber("¿Hay algún número al que pueda llamar para pedir ayuda?")).toBe("phone");
    const handbook = source(1, "For coverage and costs of Original Medicare, look in your current “Medicare & You” handbook.\nView it online at www.medicare.gov or get a copy by calling 1-800-MEDICARE (1-800-633-4227).");
    expect(quotes("Before I switch to Clover I want to compare it with plain Original Medicare. Is there a number I can call to get Medicare's own handbook on what Original Medicare covers and costs?", [handbook]).join(" ")).toContain("1-800-633-4227");
  });
});

describe("answers on session 42's phrasings", () => {
  it("keeps both ways of filling a prescription when the question compares them, and one when it sets the other aside", () => {
    expect(asksChannel("whats the copay at a regular pharmacy vs getting it thru mail order?")).toBeNull();
    expect(asksChannel("Which is the better deal: filling 30 days at a time at the drugstore, or the mail order?")).toBeNull();
    expect(asksChannel("¿Qué me sale mejor: surtirlo en la farmacia cada mes o pedirlo por correo?")).toBeNull();
    expect(asksChannel("Si pido mi medicamento genérico por correo en vez de la farmacia, ¿cuánto me cobran?")).toBe("mail");
    expect(asksChannel("What's my copay for a Tier 2 drug through mail order from a network pharmacy?")).toBe("mail");
    expect(asksChannel("What do I pay at the drugstore?")).toBe("retail");
    const row = "Preferred generic drugs — In-network Provider: $15/retail order $30/mail order; Out-of-network Provider: Not covered";
    const both = presentQuote(row, "en", { question: "i take a preferred generic every day. whats the copay at a regular pharmacy vs getting it thru mail order?" });
    expect(both).toContain("$15");
    expect(both).toContain("$30");
    const tier4 = "Tier 4 – Typically Specialty Drugs — In-Network Provider: 30% coinsurance (retail only) with $150 max and 30% coinsurance (mail order only) with $300 max; Non-Network Provider: 50% coinsurance";
    const each = presentQuote(tier4, "en", { question: "Is it cheaper to fill it at a retail pharmacy or through mail order? What's the most I'd pay per prescription each way?" });
    expect(each).toContain("$150");
    expect(each).toContain("$300");
    expect(presentQuote(tier4, "en", { question: "What's the most I'd pay through mail order?" })).not.toContain("$150");
  });

  it("reads texting spellings and adverbs as no subject", () => {
    expect(requiredTerms("whats the copay at a regular pharmacy vs getting it thru mail order?")).not.toContain("thru");
    expect(requiredTerms("I'm thinking about a facelift. It's purely cosmetic. Would Health Net pay for any of it?").some((term) => term.startsWith("pure"))).toBe(false);
    // A noun that ends like an adverb is still a thing.
    expect(specificTerms("Does the plan pay for a lubricating jelly?")).toContain("jell");
  });

  it("reads a story's everyday words (a house, money being tight, the long haul) as no subject, and memory care as long-term care", () => {
    expect(specificTerms("After his surgery my dad needs a skilled nursing facility, and the one near my sister's house isn't in the network. Will the plan pay anything?")).toEqual(["#surgery", "#skilled-nursing"]);
    expect(specificTerms("Money's tight this year. Which services are totally free as long as I stay in network?")).toEqual([]);
    expect(specificTerms("Dad has Alzheimer's and we can't manage him at home anymore. Would this plan pay for a memory care facility for the long haul?")).toEqual(["#long-term-care"]);
    expect(specificTerms("Can the plan kick him off over that?")).toContain("#end-membership");
    // A doula is a thing of its own in either language (no maternity row prices one), and so is the program against prediabetes.
    expect(specificTerms("Quiero que una doula me acompañe en el parto. ¿Health Net cubre los servicios de una doula?")).toContain("#doula");
    expect(specificTerms("My A1C came back in the prediabetes range. Does this plan cover a program for that?")).toContain("#diabetes-prevention");
  });

  it("asked how amounts relate, needs a quote that states how", () => {
    const er = source(1, "If you need immediate medical attention › Emergency room services — Network Provider: 50% coinsurance; Non-Participating Provider: 50% coinsurance; Limitations & Exceptions: OON ER services cost-share same as in-network. No coverage for non-emergency care.");
    expect(quotes("If I go to the ER and they end up admitting me to the hospital, do I still pay the 50% on the ER visit, or does that get waived?", [er])).toEqual([]);
    expect(quotes("How much do I pay at the ER?", [er]).join(" ")).toContain("50% coinsurance");
    const other = source(2, "Are there other deductibles for specific services? — Answers: Yes. $100 for brand name drugs. There are no other specific deductibles.");
    expect(quotes("My coverage period says 11/01/2013. Does the $100 brand-name drug deductible start over every November 1st or on January 1st?", [other])).toEqual([]);
    const waived = source(3, "Emergency Care — In-Network and Out-of-Network: $110 Copay per visit. Copay is waived if you are admitted to the hospital within 24 hours.");
    expect(quotes("If they admit me from the ER, is the ER copay waived?", [waived]).join(" ")).toContain("waived");
  });

  it("knows a deep cleaning as periodontics, apart from the routine cleaning", () => {
    expect(contentTokens("Periodontics (ex: scaling & root planing)").has("#periodontics")).toBe(true);
    expect(contentTokens("Periodontal scaling and root planing services, 1 per quad every 24 months").has("#periodontics")).toBe(true);
    const deep = contentTokens("necesito una limpieza profunda (raspado y alisado radicular)");
    expect(deep.has("#periodontics")).toBe(true);
    expect(deep.has("#dental-cleaning")).toBe(false);
    expect(contentTokens("My dentist says I need a deep cleaning").has("#periodontics")).toBe(true);
  });

  it("asks about the last thing told when the asking sentence names nothing", () => {
    const question = "Me negaron una cirugía y mi doctor dice que es urgente. Quiere mandar por fax una apelación rápida (expedita). ¿A qué número de fax la tiene que mandar?";
    expect(requiredTerms(question)).not.toContain("#surgery");
    expect(requiredTerms(question)).toContain("#fast-decision");
  });
});

describe("a list of services asked for", () => {
  it("reads 'which services', 'what kinds of care', '¿qué servicios…?' as asking for a list, and 'what care costs' as not", () => {
    expect(asksForList("I don't want to get stuck with reduced benefits. Which services on this plan need prior authorization?")).toBe(true);
    expect(asksForList("Which kinds of care will this PPO not pay anything for if I go out of network?")).toBe(true);
    expect(asksForList("Can you list every service in the chart where I have to get that OK first?")).toBe(true);
    expect(asksForList("¿Qué servicios son gratis si me quedo en la red?")).toBe(true);
    expect(asksForList("Are the costs in the plan's coverage examples based on what care costs where I live?")).toBe(false);
    expect(asksForList("What is the copay for a specialist visit?")).toBe(false);
  });

  it("quotes every row that answers, not the best three", () => {
    const rows = ["Hospice service", "Skilled nursing care", "Home health care", "Durable medical equipment", "Imaging (CT/PET scans, MRIs)"].map((service, i) =>
      planSource(i + 1, `${service} — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 25% coinsurance; Limitations & Exceptions: Prior authorization is required.`),
    );
    const listed = quotes("Which services on this plan need prior authorization before I get them?", rows);
    expect(listed.length).toBe(5);
    // One service asked about is still answered by its own row.
    expect(quotes("Does hospice need prior authorization?", rows)).toHaveLength(1);
  });
});

describe("askedParts", () => {
  it("splits a Spanish question at 'y qué', whose accent ends the word", () => {
    expect(askedParts("¿Cuánto pagamos por el centro y qué porcentaje nos toca de la cuenta del anestesiólogo?")).toEqual([
      "¿Cuánto pagamos por el centro?",
      "qué porcentaje nos toca de la cuenta del anestesiólogo?",
    ]);
    expect(askedParts("How much do we pay for the center and what percentage of the anesthesiologist's bill is ours?")).toHaveLength(2);
  });
});

describe("a row's cell that announces a list", () => {
  it("goes on in the next row of the same service and column", () => {
    const fitness = planSource(
      1,
      [
        "Fitness program — In-network: $0 copay Your fitness program helps you stay active and connected at the gym, from home or in your community. It’s available to you at no additional cost and includes:",
        "Fitness program — In-network: · Free gym membership · Access to a large national network of gyms and fitness locations · On-demand workout videos and live streaming fitness classes",
        "Foot care (podiatry services) › Foot exams and treatment — In-network: $40 copay; Out-of-network: $65 copay",
      ].join("\n"),
    );
    const [best] = quotes("My wife says the plan's fitness perk is more than just a gym card. What all does it include?", [fitness]);
    expect(best).toContain("and includes: · Free gym membership");
    expect(best).toContain("On-demand workout videos");
    expect(best).not.toContain("In-network: · Free");
  });
});

describe("answers on session 29's phrasings", () => {
  const drugs = planSource(
    1,
    [
      "If you need drugs to treat your illness or condition › Generic drugs (Tier 1) — Network Provider: $10 copay/prescription; Out-of-Network Provider: 40% coinsurance",
      "If you need drugs to treat your illness or condition › Preferred brand drugs (Tier 2) — Network Provider: $30 copay/prescription; Out-of-Network Provider: 40% coinsurance",
      "If you need drugs to treat your illness or condition › Non-preferred brand drugs (Tier 3) — Network Provider: 40% coinsurance; Out-of-Network Provider: 60% coinsurance",
    ].join("\n"),
  );

  it("asks each of the things told on its own when the question asks the same of each", async () => {
    expect(eachToldAsk("My doctor says she can put me on either a preferred brand or a non-preferred brand inhaler for my asthma. At an in-network pharmacy, what would I pay for each one?")).toEqual([
      "a preferred brand. what would I pay for each one?",
      "a non-preferred brand inhaler for my asthma. what would I pay for each one?",
    ]);
    expect(eachToldAsk("Voy al quiropráctico por la espalda y también al acupunturista. ¿Cuánto me toca pagar en cada uno?")).toHaveLength(2);
    // "each visit" is what one visit costs, not each of several things.
    expect(eachToldAsk("My son sees a counselor for his drinking. What is the copay for each visit?")).toEqual([]);
    // Asked of each in any asking sentence, the last or not; "sacarme sangre" is blood work.
    expect(eachToldAsk("El doctor me mandó a sacarme sangre y una radiografía el mismo día. ¿Cuánto es el copago de cada cosa? ¿Tengo que pagar primero el deducible?")).toHaveLength(2);
    expect(eachToldAsk("Mi hija se torció el tobillo. ¿Qué nos sale más barato: una clínica de urgencias o la sala de emergencias? ¿Cuánto cuesta cada una?")).toHaveLength(2);
    expect(eachToldAsk("My lower back is killing me and I'm trying to decide between a chiropractor and acupuncture. Which one does this plan actually cover, and what's the copay?")).toHaveLength(2);
    // "cada consulta", "cada tipo de sesión", "each kind of…": of each of two things told, the same.
    expect(eachToldAsk("Tengo cita con mi médico de cabecera de la red y después me va a mandar con un especialista de la red. ¿Cuánto pago en cada consulta?")).toHaveLength(2);
    expect(eachToldAsk("I see a chiropractor and also an acupuncturist every month. What's the copay for each kind of visit?")).toHaveLength(2);
    const answer = quotes("My doctor says she can put me on either a preferred brand or a non-preferred brand inhaler for my asthma. At an in-network pharmacy, what would I pay for each one?", [drugs]).join(" ");
    expect(answer).toContain("$30 copay");
    expect(answer).toContain("40% coinsurance");
  });

  it("asks a part that names its subject by a bare noun with the name the story gave it", () => {
    expect(askedParts("A mi hija le toca su examen de la vista y seguro va a necesitar lentes. Si vamos a una óptica de la red, ¿cuánto pagamos por el examen y cuánto por los lentes?")).toEqual([
      "Si vamos a una óptica de la red, ¿cuánto pagamos por el examen de la vista?",
      "cuánto por los lentes?",
    ]);
    expect(askedParts("My daughter needs an eye exam and glasses. What do we pay for the exam, and how much for the glasses?")[0]).toBe("What do we pay for the eye exam?");
    // A word that only says how ("routine") names nothing.
    expect(askedParts("I had a routine exam. What do I pay for the exam?")).toEqual(["What do I pay for the exam?"]);
  });

  it("reads 'neither is a preferred provider' as out of network, and a place driven through as where the story happens", () => {
    expect(asksNetwork("Voy al quiropráctico y al acupunturista, pero ninguno de los dos es proveedor preferido de Blue Shield. ¿Cuánto pago?")).toBe("out");
    expect(asksNetwork("Neither of them is a preferred provider. What do I pay?")).toBe("out");
    // One in the network and the other not, said short: both tiers.
    expect(asksNetwork("Dad needs rehab in a skilled nursing facility. One place is in the network, the one closer to us isn't. What would we pay at each one?")).toBeNull();
    expect(asksNetwork("The hospital is in network. What do I pay?")).toBe("in");
    // Both tiers asked: "a preferred imaging center" is in network.
    expect(asksNetwork("What's my share at a preferred imaging center, and how much more would it be at one that's out of network?")).toBeNull();
    expect(toldPlaces("We're driving through Nevada next month. What would we pay at the ER?").has(stem("nevada"))).toBe(true);
  });

  it("sets aside what the member already knows ('I know…, but', 'I see…, but') and knows respite care by name", () => {
    expect(requiredTerms("I'm having a mastectomy in the spring. I know cosmetic surgery isn't covered, but would this plan still pay for breast reconstruction afterward?")).toEqual([stem("breast"), stem("reconstruction")]);
    expect(requiredTerms("I see hearing aids are on the list, but will the plan pay for the hearing test with an audiologist first?")).toEqual(["#hearing-exam"]);
    expect(requiredTerms("Ya vi que el chequeo dental no está cubierto, pero ¿cubren la limpieza?")).toEqual(["#dental-cleaning"]);
    expect(requiredTerms("Mi hijo va a terapia individual con un consejero de la red (no es terapia de grupo). ¿Cuánto pagamos por cada sesión?")).not.toContain("#group-therapy");
    // Said as a clause before what is asked ("…is excluded, so…"), it is set aside before the asked part is found.
    expect(requiredTerms("I'm having a mastectomy next month. Cosmetic surgery is excluded, so will UHC still pay for breast reconstruction afterward?")).toEqual([stem("breast"), stem("reconstruction")]);
    expect(requiredTerms("Preventive care is covered, but what do I pay for a colonoscopy?")).toEqual(["#colonoscopy"]);
    // "…too?" asks whether what is known holds for the rest as well: it stays.
    expect(requiredTerms("I know routine prenatal visits are free in network, but my OB ordered some extra tests during my pregnancy. Are those free too?")).toContain("#prenatal-care");
    expect(requiredTerms("Mi esposo tiene 66 años y sigue en este plan por mi trabajo. ¿Cuál de los dos paga primero sus cuentas médicas?")).toContain("#pays-first");
    expect(specificTerms("¿Cuánto es el copago de cada cosa? ¿Tengo que pagar primero el deducible?")).not.toContain("#pays-first");
    expect(requiredTerms("Mi papá está en hospicio en la casa y yo lo cuido. ¿El plan cubre unos días de cuidado de relevo para que yo pueda descansar?")).toEqual(["#respite-care"]);
  });

  it("knows reporting without a name, ending on its own and other treatment options by the document's words", () => {
    expect(contentTokens("Can I report it to the plan without giving my name?").has("#anonymous")).toBe(true);
    expect(contentTokens("This hotline allows you to report cases anonymously and confidentially.").has("#anonymous")).toBe(true);
    expect(contentTokens("Do I have to call to cancel this one, or does it end on its own?").has("#automatic")).toBe(true);
    expect(contentTokens("Besides prescription drugs, which other service has its own deductible?").has("#automatic")).toBe(false);
    expect(contentTokens("¿Puedo reportarlo sin dar mi nombre?").has("#anonymous")).toBe(true);
    expect(contentTokens("Do I have a right to hear about other options too?").has("#treatment-options")).toBe(true);
    // A birth center is named, as a home birth is: a summary that never says it does not answer with its delivery row.
    expect(requiredTerms("Quiero tener a mi bebé en un centro de maternidad (birth center) con partera. ¿Anthem lo cubre y cuánto pagaría?")).toContain("#birth-center");
  });

  it("leaves a comparison and an ache to the story, and knows cancelling the plan as ending the membership", () => {
    expect(requiredTerms("One place is in Anthem's network, the one closer to us isn't. What would we pay at each one?")).not.toContain(stem("closer"));
    expect(requiredTerms("My back aches at night and I use a heating pad and a hot water bottle. Will the plan pay for those?")).not.toContain(stem("aches"));
    expect(requiredTerms("I just signed up for a different Medicare Advantage plan. Do I have to call UHC to cancel this one, or does it end on its own?")).toEqual(["#end-membership"]);
  });
});

describe("answers on session 30's phrasings", () => {
  const chart = planSource(
    1,
    [
      "If you visit a health care provider's office or clinic › Primary care visit to treat an injury or illness — Network Provider: $35 copay/office visit; Out-of-Network Provider: 40% coinsurance",
      "If you visit a health care provider's office or clinic › Specialist visit — Network Provider: $50 copay/visit; Out-of-Network Provider: 40% coinsurance",
      "If you need immediate medical attention › Emergency room services — Network Provider: $150 copay per visit; Out-of-Network Provider: $150 copay per visit",
      "If you need immediate medical attention › Urgent care — Network Provider: $30 copay/visit; Out-of-Network Provider: 40% coinsurance",
      "If you have mental health, behavioral health, or substance abuse needs › Mental/Behavioral health outpatient services — Network Provider: $20 copay per visit; Out-of-Network Provider: Not covered",
      "If you need drugs to treat your illness or condition › Preferred brand drugs — Network Provider: $15 copay/retail; Out-of-Network Provider: Not covered",
      "If you need help recovering or have other special health needs › Durable medical equipment — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance",
      "If your child needs dental or eye care › Eye exam — Network Provider: $25; Out-of-Network Provider: Not covered",
    ].join("\n"),
  );

  it("asks a part that names nothing of its own with the thing of the story it is about", () => {
    expect(partStories("My daughter rolled her ankle at soccer practice. We took her to an in-network urgent care and they sent her home with crutches from an in-network supplier.", ["What do we owe for the visit?", "what share of the crutches?"])).toEqual(
      new Map([["What do we owe for the visit?", "We took her to an in-network urgent care. What do we owe for the visit?"]]),
    );
    // Two parts that name nothing, two things told: in the order both are told.
    const told = "My wife just started seeing an in-network therapist for her depression, and her doctor put her on a preferred brand Rx for it that she'll pick up every month at a retail pharmacy.";
    expect([...partStories(told, ["What's the copay for each therapy visit?", "What's the copay for each fill?"]).values()]).toEqual([
      "My wife just started seeing an in-network therapist for her depression. What's the copay for each therapy visit?",
      "her doctor put her on a preferred brand Rx for it that she'll pick up every month at a retail pharmacy. What's the copay for each fill?",
    ]);
    expect(storiedParts("How much is the deductible?")).toEqual([]);
    const ankle = quotes("My daughter rolled her ankle at soccer practice. We took her to an in-network urgent care and they sent her home with crutches from an in-network supplier. What do we owe for the visit, and what share of the crutches?", [chart]).join(" ");
    expect(ankle).toContain("$30 copay/visit");
    expect(ankle).toContain("20% coinsurance");
    const therapy = quotes(`${told} What's the copay for each therapy visit and for each fill?`, [chart]).join(" ");
    expect(therapy).toContain("$20 copay per visit");
    expect(therapy).toContain("$15 copay/retail");
  });

  it("reads 'doctor de cabecera' as primary care, and answers a question of two parts the whole finds nothing for in its parts", () => {
    expect(specificTerms("Fui con mi doctor de cabecera por una infección de garganta. ¿Cuánto pago por la consulta?")).toContain("#primary-care");
    const preventive = planSource(2, "If you visit a health care provider's office or clinic › Preventive care/screening/immunization — Network Provider: No charge; Out-of-Network Provider: Not covered");
    const both = quotes("A mi hijo de 7 años le toca su examen de la vista y también sus vacunas, las dos cosas con proveedores de la red. ¿Cuánto pagamos por el examen y cuánto por las vacunas?", [chart, preventive]).join(" ");
    expect(both).toContain("$25");
    expect(both).toContain("No charge");
    // A part asked of a thing the story told by a narrower name ("un genérico de nivel 1" for "la receta").
    const tiers = planSource(
      3,
      [
        "If you need drugs to treat your illness or condition › Tier 1 – Your Lowest-Cost Option — Network Provider: Retail: $10 copay",
        "More information about prescription drug coverage is available at www.myuhc.com › Tier 2 – Your Midrange-Cost Option — Network Provider: Retail: $30 copay; Limitations & Exceptions: You may be required to use a lower-cost drug(s) prior to benefits under your policy being available for certain prescribed drugs. Tier 1 Contraceptives covered at No Charge.",
      ].join("\n"),
    );
    const visits = planSource(
      4,
      [
        "If you visit a health care provider's office or clinic › Primary care visit to treat an injury or illness — Network Provider: $35 copay/office visit; Out-of-Network Provider: 40% coinsurance",
        "If you visit a health care provider's office or clinic › Specialist visit — Network Provider: $50 copay/visit; Out-of-Network Provider: 40% coinsurance",
      ].join("\n"),
    );
    const visitAndDrug = quotes("Ya pagué el deducible este año. Fui con mi médico de cabecera (PCP) de la red y me recetó un genérico de nivel 1 que surto en una farmacia de la red. ¿Qué porcentaje pago por la consulta y cuánto por la receta?", [visits, tiers]).join(" ");
    expect(visitAndDrug).toContain("$35 copay/office visit");
    expect(visitAndDrug).toContain("$10 copay");
    expect(visitAndDrug).not.toContain("$30 copay");
    // Medicare's Spanish word for a screening.
    expect(specificTerms("Si me hace la evaluación de depresión de cada año, ¿qué porcentaje me toca pagar?")).toContain("#preventive-care");
    // What the surgeon charges is the surgeon's fee, not the center's.
    expect(specificTerms("¿Qué porcentaje me toca de lo que cobra el cirujano?")).toContain("#physician-fees");
    // A refund asked of a named thing the story told, which no passage names, is not answered by a sentence about refunds.
    const refunds = planSource(5, "Your own costs will be different depending on the care you receive, the prices your providers charge, and the reimbursement your health plan allows.");
    expect(quotes("Compré unas pruebas caseras de COVID en la farmacia. ¿Aetna me reembolsa lo que pagué por ellas?", [refunds])).toEqual([]);
    // The summary's other covered services under their heading as the passage's title.
    const otherCovered = planSource(6, "(This isn’t a complete list. Check your policy or plan document for other covered services and your costs for these services.)\n• Acupuncture\n• Bariatric surgery\n• Chiropractic care", "Other Covered Services");
    expect(quotes("Besides regular doctor and hospital stuff, does this summary list any other kinds of services it covers? Which ones?", [otherCovered])).toEqual([
      "Other Covered Services: Acupuncture; Bariatric surgery; Chiropractic care",
    ]);
    // A part the story names a drug for is still asked of that drug: not found, no part answers.
    expect(quotes("My neurologist wants to start me on Aimovig injections for my migraines. What tier is it on, and how much will a month's supply cost me?", [chart])).toEqual([]);
  });
});

describe("answers on session 32's phrasings", () => {
  it("keeps the things asked about from a cell that prices each thing after its figure", () => {
    const aids = "In-network: $99 - $829 copay for each OTC hearing aid. $199 - $1,249 copay for each prescription hearing aid. You can purchase up to 2 hearing aids every year.*";
    expect(askedFigures(aids, "El audiólogo dice que necesito audífonos con receta para los dos oídos. ¿Cuánto me va a costar cada audífono con receta?")).toBe(
      "In-network: $199 - $1,249 copay for each prescription hearing aid. You can purchase up to 2 hearing aids every year.*",
    );
    // Asked about hearing aids in general, every figure stays.
    expect(askedFigures(aids, "What do hearing aids cost?")).toBe(aids);
    // The words that name the fewest items tell them apart: "nivel 4" and "nivel 5" over "lentes".
    const lenses =
      "In-Network: $0 copayment for Tier 1 (standard) progressive lenses $40 copayment for blended bifocals* $71 copayment for Tier 3 progressive lenses* $95 copayment for non-formulary progressive lenses*Ω $130 copayment for Tier 4 progressive lenses* $153 copayment for Tier 5 progressive lenses* Ω Progressive lenses that are not included on Tiers 1-5";
    const kept = askedFigures(lenses, "El óptico dice que necesito lentes progresivos y me dio a escoger entre los de nivel 4 y los de nivel 5. ¿Cuánto es el copago de cada uno?");
    expect(kept).toContain("$130 copayment for Tier 4 progressive lenses*");
    expect(kept).toContain("$153 copayment for Tier 5 progressive lenses*");
    expect(kept).not.toMatch(/\$0 |\$40|\$71|\$95/);
    // A row too long to quote whole is cut into passages after the asked things are kept: the Tier 4 figure sits past
    // the first passage's end.
    const label = "Options that are not covered include (but are not limited to) non-prescription eyewear, Hi Index, tinting, UV or antireflective coating, and polycarbonate. You can get more information by viewing the Vendor Information Sheet or by calling Customer Service to have a paper copy sent to you.";
    const source = planSource(1, `${label} — ${lenses}`, "Chapter 4: Medical Benefits Chart");
    const answer = answerQuotes("El óptico dice que necesito lentes progresivos y me dio a escoger entre los de nivel 4 y los de nivel 5. ¿Cuánto es el copago de cada uno con mi beneficio de anteojos?", [source])
      .map((quote) => quote.sentence)
      .join(" ");
    expect(answer).toContain("$130");
    expect(answer).toContain("$153");
    expect(answer).not.toContain("$71");
  });
  it("answers a question asking within how many days only with a time", () => {
    const specialist = planSource(1, "If you visit a health care provider's office or clinic › Specialist visit — Network Provider: $50 copay/visit; Out-of-Network Provider: 40% coinsurance");
    expect(quotes("¿Cuánto tiempo máximo tengo que esperar para que me den cita con un especialista de la red? ¿El plan garantiza que me atiendan en cierto número de días?", [specialist])).toEqual([]);
    expect(quotes("Does the plan promise I'll see a specialist within a set number of days?", [specialist])).toEqual([]);
  });
  it("asks a part that names only a network tier of the other part's subject", () => {
    const dental = planSource(1, "If your child needs dental or eye care › Children's dental check-up — Network Provider: No charge; Out-of-Network Provider: Not covered");
    const nursing = planSource(2, "If you need help recovering or have other special health needs › Skilled nursing care — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance");
    const answer = quotes("A mi hija de 6 años le toca su revisión con el dentista. ¿Cuánto pagamos si el dentista es de la red y cuánto si no es de la red?", [dental, nursing]).join(" ");
    expect(answer).toContain("Not covered");
    expect(answer).not.toContain("Skilled nursing");
  });

  it("reads 'fertility' as infertility treatment and 'beyond' as an everyday word", () => {
    const other = planSource(1, "Other Covered Services\n• Acupuncture • Chiropractic care • Infertility treatment Services are subject to per member lifetime maximum: $2000 Medical Services, and $1500 Prescription Drugs.");
    const fertility = quotes("My wife and I are about to start fertility treatments. Over her lifetime, how much will Anthem pay for the medical side and how much for the fertility drugs?", [other]).join(" ");
    expect(fertility).toContain("$2000");
    expect(fertility).toContain("$1500");
    const brand = planSource(2, "If you need drugs to treat your illness or condition › Preferred brand drugs — Network Provider: $25 copay/retail; Limitations & Exceptions: Applicable cost share plus difference (brand minus generic cost) applies for brand when generic available.");
    expect(quotes("The pharmacist says there's a generic for my cholesterol med, but I'd rather stay on the brand name. Do I pay anything beyond the normal brand copay if I insist?", [brand]).join(" ")).toContain("brand minus generic cost");
  });

  it("does not ask again of a thing told that the answer's row already names", () => {
    const surgery = planSource(1, "If you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — In-network Provider: hospital - $400 ASC - $200; Limitations & Exceptions: Requires prior authorization.");
    const stay = planSource(2, "If you have a hospital stay › Facility fee (e.g., hospital room) — In-network Provider: $450 per day; Limitations & Exceptions: 4 days max per admit.");
    const answer = quotes("My GI doctor can do my procedure either in the hospital's outpatient department or at an in-network ambulatory surgery center. What's the facility copay at each?", [surgery, stay]).join(" ");
    expect(answer).toContain("hospital - $400 ASC - $200");
    expect(answer).not.toContain("$450");
  });
  it("adds the deductible's own row when the deductible is not met yet or asked whether it applies", () => {
    const er = planSource(1, "If you need immediate medical attention › Emergency room services — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 20% co-ins, after ded.");
    const deductible = planSource(2, "What is the overall deductible? — Answers: Network: $2,000 Individual / $6,000 Family");
    const example = planSource(3, "Patient pays › Deductibles — $1,100");
    const owed = quotes("I'm the only one on my policy. It's February and I haven't paid anything toward my deductible yet. If I end up in an in-network ER tonight, do I just owe the 20%?", [er, deductible, example]).join(" ");
    expect(owed).toContain("20% co-ins, after ded.");
    expect(owed).toContain("$2,000");
    expect(owed).not.toContain("$1,100");
    // Told it is met already, the care's row answers alone.
    expect(quotes("Ya pagué el deducible este año. ¿Cuánto pago en la sala de emergencias de la red?", [er, deductible]).join(" ")).not.toContain("$2,000");
  });
  it("does not take a drug's supply for the time a question asks about, unless it asks about fills", () => {
    const mail = planSource(1, "Generic drugs — Preferred Provider: $20/prescription (mail); Non-Preferred Provider: Not covered; Limitations & Exceptions: Covers up to a 30-day supply (retail); 31-90 day supply (mail).");
    expect(quotes("Quiero pasar mi medicina de la presion al servicio por correo. ¿En cuantos dias habiles me llega el pedido a la casa?", [mail])).toEqual([]);
    expect(quotes("How many days' worth of generic drugs can I get filled by mail at one time?", [mail]).join(" ")).toContain("31-90 day supply");
  });
  it("splits a run of list items after each item's full stop, and shows a quote without the item's own mark", async () => {
    const items =
      "- Telehealth services for monthly end-stage renal disease-related visits for home dialysis members. - Telehealth services for diagnosis, evaluation, and treatment of mental health disorders if: ·You have an in-person visit within 6 months prior to your first telehealth visit. ·You have an in-person visit every 12 months while receiving these telehealth services.";
    expect(splitSentences(items)).toEqual([
      "- Telehealth services for monthly end-stage renal disease-related visits for home dialysis members.",
      "- Telehealth services for diagnosis, evaluation, and treatment of mental health disorders if: ·You have an in-person visit within 6 months prior to your first telehealth visit.",
      "·You have an in-person visit every 12 months while receiving these telehealth services.",
    ]);
    const chart = planSource(1, items, "Chapter 4: Medical Benefits Chart");
    const { text: answer } = await collect(new OfflineLlmProvider().answer({ question: "I'd like to switch to telehealth visits for my depression. Are there rules about in-person visits before and during the telehealth visits?", sources: [chart], history: [] }));
    expect(answer).toContain("6 months");
    expect(answer).not.toMatch(/^- [-·]/m);
  });
  it("asks both network tiers told when the question asks of each, and leaves out a worked example of the other tier", () => {
    expect(asksNetwork("The urgent care down the street isn't in our network, but there's an in-network one about 25 minutes away. What would the visit cost us at each one?")).toBeNull();
    const er = planSource(1, "If you need immediate medical attention › Emergency room services — Network Provider: $150 copay per visit; Limitations & Exceptions: Copay is waived if admitted.");
    const stay = planSource(2, "If you have a hospital stay › Facility fee (e.g., hospital room) — Network Provider: $250 per day; Non-Participating Provider: Not covered");
    const example = planSource(3, "For example, if an out-of-network hospital charges $1,500 for an overnight stay and the allowed amount is $1,000, you may have to pay the $500 difference.");
    const answer = quotes("Anoche llevé a mi esposo a la sala de emergencias y lo terminaron internando tres días en un hospital de la red. ¿Tenemos que pagar el copago de emergencias además del hospital? ¿Y cuánto se paga por el hospital?", [er, stay, example]).join(" ");
    expect(answer).toContain("$250 per day");
    expect(answer).not.toContain("$1,500");
  });
  it("reads 'rehab' as rehabilitation unless an addiction is named beside it", () => {
    expect(contentTokens("Mom is going from the hospital to a skilled nursing facility for rehab").has("#rehabilitation")).toBe(true);
    expect(contentTokens("Mom is going from the hospital to a skilled nursing facility for rehab").has("#substance-use")).toBe(false);
    expect(contentTokens("My brother is going into an in-network inpatient rehab for alcohol.").has("#substance-use")).toBe(true);
    expect(contentTokens("My brother is going into an in-network inpatient rehab for alcohol.").has("#rehabilitation")).toBe(false);
  });
  it("reads 'es de especialidad' as a specialty drug, and a Spanish noun as its English adjective cognate", () => {
    expect(contentTokens("Mi medicamento para la artritis es de especialidad.").has("#specialty-drugs")).toBe(true);
    const eyewear = planSource(1, "Contact lenses instead of lenses and frames every 2 years — Plan pays up to $200 toward your purchase of 1 pair of frames or contact lenses.");
    const offer = planSource(2, "Options that are not covered include non-prescription eyewear, tinting and polycarbonate. This benefit may not be combined with any in-store promotional offer, such as a 2-for-1 sale, discount, or coupon.", "Chapter 4: Medical Benefits Chart › Vision services - routine eyewear");
    expect(quotes("En la óptica tienen una promoción de 2x1 en anteojos. ¿Puedo usar mi beneficio de anteojos del plan junto con esa promoción?", [eyewear, offer]).join(" ")).toContain("2-for-1");
  });
  it("keeps a name the story tells required when the question is answered in its parts", () => {
    const drugs = planSource(1, "Tier 3: Preferred Brand — Retail · Standard · 30-day supply^: $47 copay; Mail Order · Preferred · 100-day supply: $131 copay");
    expect(quotes("My pulmonologist just switched me to Trelegy for my COPD. What tier is it on with this plan, and what would a 100-day supply by mail cost me?", [drugs])).toEqual([]);
  });
  it("answers how many dollars only with a dollar figure", () => {
    const glasses = planSource(1, "If your child needs dental or eye care › Glasses — Network Provider: Preferred: No charge; Non-preferred: 50% coinsurance; Non-Participating Provider: Not covered; Limitations & Exceptions: Coverage is limited to 1 pair of glasses per 12 months.");
    expect(quotes("Mi hija de 11 años quiere unos armazones de marca para sus lentes. ¿Hasta cuántos dólares paga el plan por los anteojos de los niños?", [glasses])).toEqual([]);
    const allowance = planSource(2, "Vision Services — In-Network: $200 vision allowance per calendar year toward the purchase and fitting of frames with lenses or contact lenses");
    expect(quotes("How many dollars does the plan give me toward glasses each year?", [allowance]).join(" ")).toContain("$200");
  });
  it("holds a Spanish noun ending in -miento to be found, as other learned nouns", () => {
    expect(requiredTerms("Cada vez que voy al hospital a mis tratamientos tengo que pagar el estacionamiento. ¿Health Net me reembolsa lo que pago de estacionamiento?")).toContain("estacionamiento");
    expect(requiredTerms("¿Cuánto pago por el tratamiento?")).not.toContain("tratamiento");
  });
  it("reads 'a network mail-order pharmacy' as the network tier", () => {
    expect(asksNetwork("What's the copay with a network mail-order pharmacy?")).toBe("in");
    expect(asksNetwork("What's the copay with a network mail-order pharmacy, and can I use one that isn't in UHC's network?")).toBeNull();
  });
});

describe("answers on session 57's phrasings", () => {
  it("keeps both levels of a limit asked 'por persona y por familia'", () => {
    expect(asksLevel("¿Cuánto es lo máximo que pagaríamos de nuestro bolsillo al año con proveedores fuera de la red, por persona y por familia?")).toBeNull();
    expect(asksLevel("What's the out-of-pocket limit per person and per family?")).toBeNull();
    expect(asksLevel("¿Cuánto es el deducible por persona?")).toBe("individual");
  });
  it("keeps every item of a cell asked about in each case the story tells", async () => {
    const hospice = planSource(1, "If you need help recovering or have other special health needs › Hospice service — Network Provider: Inpatient: 50% coinsurance; Outpatient: 0% coinsurance; Non-Participating Provider: Not covered; Limitations & Exceptions: None");
    const ask = async (question: string, sources: ReturnType<typeof planSource>[]) => (await collect(new OfflineLlmProvider().answer({ question, sources, history: [] }))).text;
    const answer = await ask("Mi papá está en cuidados de hospicio. Por ahora lo atienden en la casa, pero a lo mejor lo tienen que internar en el hospicio. ¿Qué porcentaje nos toca pagar en cada caso?", [hospice]);
    expect(answer).toContain("50%");
    expect(answer).toContain("0% coinsurance");
    const test = planSource(2, "If you have a test › Diagnostic test (x-ray, blood work) — Network Provider: Lab: $20 copay per visit; X-ray: $40 copay per visit");
    const imaging = planSource(3, "If you have a test › Imaging (CT/PET scans, MRIs) — Network Provider: $150 copay per visit; Non-Participating Provider: Not covered");
    expect(await ask("Hurt my knee skiing. My in-network doctor wants an x-ray first and then probably an MRI. What's the copay for each one?", [test, imaging])).not.toContain("$20");
  });
  it("reads a clause with its own subject after 'and' as part of the story's subject, and a passive participle as no thing to find", () => {
    const question = "Mom's being discharged after her stroke and a Blue Shield preferred home health agency will send a nurse. What share do we pay for those visits, and how many visits will the plan cover this year?";
    expect(requiredTerms(question)).toContain("#home-health");
    expect(requiredTerms(question)).not.toContain("discharg");
  });
  it("reads 'that visit' as the care the story told, even in everyday words", () => {
    const primary = planSource(1, "If you visit a health care provider’s office or clinic › Primary care visit to treat an injury or illness — Network Provider: $35 copay/office visit and 20% coinsurance for other outpatient services; deductible does not apply; Out-of-Network Provider: 40% coinsurance");
    const example = planSource(2, "This EXAMPLE event includes services like: Specialist office visits (prenatal care) Childbirth/Delivery Professional Services", "Peg is Having a Baby");
    const answer = quotes("I haven't met my $500 deductible yet and I need to see my regular family doctor for a sinus infection. Will the plan help with that visit now, or do I pay the whole bill until I hit the deductible?", [primary, example]).join(" ");
    expect(answer).toContain("$35 copay");
  });
  it("reads 'each' before a preposition as asking of each thing told", () => {
    expect(eachToldAsk("I take two maintenance meds, one preferred brand and one non-preferred brand, and I want to switch both to mail order. What's the copay for each by mail?").length).toBeGreaterThanOrEqual(2);
  });
  it("reads 'What number does the summary give…?' as asking for a phone number, which a passage gives without naming it so", () => {
    const question = "I'm leaving my job next month and want to know about keeping this coverage. What number does the summary give for questions about continuing coverage?";
    expect(wantsNumber(question)).toBe("phone");
    const rights = planSource(1, "Your Rights to Continue Coverage: If you lose coverage under the plan, then, depending upon the circumstances, Federal and State laws may provide protections that allow you to keep health coverage. For more information on your rights to continue coverage, contact the plan at 1-866-747-1019.");
    expect(quotes(question, [rights]).join(" ")).toContain("1-866-747-1019");
  });
  it("does not take a form's expiration date for the plan's year", () => {
    const deductible = planSource(1, "What is the overall deductible? — Answers: $500 / individual or $1,000 /family");
    const footer = planSource(2, "(OMB control number: 0938-1146/Expiration date: 05/31/2026) — Page 1 of 5");
    expect(quotes("¿Cuánto va a ser el deducible individual en 2026? Quiero saber si nos lo van a subir cuando se renueve el plan.", [deductible, footer])).toEqual([]);
  });
  it("reads a part that names only where the drug is filled as asking of the drug told", async () => {
    const nonPreferred = planSource(1, "If you need drugs to treat your illness or condition › Non-preferred generic, brand and specialty drugs — Network Provider: 50% coinsurance up to $500 max/retail, 50% coinsurance up to $1,000 max/mail order");
    const specialty = planSource(2, "Preferred specialty drugs — Network Provider: 30% coinsurance up to a $300 max for a 30 day supply; Limitations & Exceptions: First Prescription must be filled at a participating retail pharmacy or Aetna Specialty Pharmacy®. Subsequent fills must be through Aetna Specialty Pharmacy®.");
    const { text } = await collect(new OfflineLlmProvider().answer({ question: "My doctor switched me to a non-preferred brand drug. What's the most I'd pay for one fill at a retail pharmacy, and what's the cap if I use mail order instead?", sources: [nonPreferred, specialty], history: [] }));
    expect(text).toContain("$500 max/retail");
    expect(text).not.toContain("$300 max");
  });
  it("leaves out, after the best row, a row named 'non-' of the kind asked about", () => {
    const preferred = planSource(1, "More Information about prescription drug coverage is available at www.aetna.com › Preferred specialty drugs — Network Provider: 30% coinsurance up to a $300 max for a 30 day supply; Non-Participating Provider: Not covered");
    const nonPreferred = planSource(2, "More Information about prescription drug coverage is available at www.aetna.com › Non-preferred generic, brand and specialty drugs — Network Provider: 50% coinsurance up to $500 max/retail, 50% coinsurance up to $1,000 max/mail order");
    const answer = quotes("I'm on a preferred specialty drug. Is there a cap on what I pay for a 30-day supply?", [preferred, nonPreferred]).join(" ");
    expect(answer).toContain("$300 max");
    expect(answer).not.toContain("$500");
  });
  it("reads which hospitals near a place count as the plan's designated centers as a question for the directory", () => {
    const limits = planSource(1, "Acupuncture - limited to 12 visits Bariatric surgery - limited to Institutes of Excellence; Chiropractic care - limited to 20 visits");
    expect(quotes("I'm getting bariatric surgery and this says it's limited to Institutes of Excellence. Which hospitals in the LA area count as Institutes of Excellence?", [limits])).toEqual([]);
    expect(quotes("I qualify for bariatric surgery and I see it has to be at an Institute of Excellence. Which hospitals near Fresno are Aetna Institutes of Excellence for weight-loss surgery?", [limits])).toEqual([]);
  });
  it("reads what a row says it does not apply to as left out, so the drug deductible is the one beside the care", () => {
    const generic = planSource(1, "If you need drugs to treat your illness or condition › Preferred generic drugs — Network Provider: $35 copay/retail; deductible waived; Non-Participating Provider: Not covered");
    const overall = planSource(2, "What is the overall deductible? — Answers: Individual $5,500 / Family $11,000. Does not apply to office visits, urgent care, preventive care and prescription drugs.");
    const other = planSource(2, "Are there other deductibles for specific services? — Answers: Yes, $250 per Individual for prescription brand drug coverage. Does not apply to preferred generic prescriptions. There are no other specific deductibles.");
    const answer = quotes("I take a preferred generic every month. Does the separate drug deductible apply to it, or do I just pay the copay at the drugstore?", [generic, overall, other]).join(" ");
    expect(answer).toContain("$250");
    expect(answer).not.toContain("$5,500");
  });
  it("reads a brand named in parentheses after the drug told as the drug to find", () => {
    const generic = planSource(1, "If you need drugs to treat your illness or condition › Generic drugs (Tier 1) — Network Provider: $10 copay/prescription (retail & mail order); Out-of-Network Provider: 40% coinsurance");
    expect(quotes("A mi hija de 16 años el dermatólogo le quiere recetar isotretinoína (Accutane) para el acné. ¿En qué nivel de medicamentos está y cuánto nos costaría cada mes?", [generic])).toEqual([]);
    expect(toldKinds("My coverage started in November. Does my out-of-pocket max start over on January 1 or on my November renewal?")).toEqual([]);
  });
  it("holds a question about 'anything like that' to the thing told", () => {
    const stay = planSource(1, "If you have a hospital stay › Facility fee (e.g., hospital room) — Network Provider: 50% coinsurance; Non-Participating Provider: Not covered");
    expect(quotes("Some plans pay you a set amount of cash for every day you're in the hospital. Does this plan pay me anything like that if I get admitted?", [stay])).toEqual([]);
    const program = planSource(2, "Medicare diabetes prevention program (MDPP) — In-Network: There is no coinsurance, copayment, or deductible for the MDPP benefit. The program includes exercise and healthy eating.");
    expect(quotes("My A1C came back in the prediabetes range and my doctor mentioned a year-long program on eating better and exercising so I don't end up with diabetes. Does this plan cover something like that?", [program]).join(" ")).toContain("MDPP");
  });
  it("reads 'his fee' as asking of the tier told of the person", () => {
    expect(asksNetwork("My hernia repair is at an in-network surgery center, but I just found out the surgeon is out of network. What share of his fee will I pay?")).toBe("out");
  });
  it("reads 'the biggest supply' as how much is asked, not a kind of supply to find", () => {
    const question = "I'd like to stop running to the pharmacy every month. On this plan, what's the biggest supply of a Tier 1 generic I can get at once at a retail pharmacy, and how much by mail order?";
    expect(compoundTerms(question, requiredTerms(question))).toEqual([]);
  });
  it("reads '¿Cada cuánto?' as how often, not an amount", () => {
    expect(wantsNumber("Tengo 45 años y ya no veo bien de cerca. ¿Este plan me cubre a mí (soy adulta) un examen de la vista de rutina? ¿Cada cuánto?")).toBeNull();
    expect(wantsNumber("¿Cuánto pago por el examen de la vista?")).toBe("amount");
  });
  it("reads 'What's my share…?' as asking what the care costs, with no word 'share' to find", () => {
    const radiology = planSource(1, "Therapeutic radiology — In-network: 20% coinsurance; Out-of-network: 30% coinsurance");
    const answer = quotes("I'm starting radiation for prostate cancer and the radiation center I want isn't in the network. What's my share of the radiation treatments there?", [radiology]).join(" ");
    expect(answer).toContain("30% coinsurance");
  });
  it("leaves out the inpatient twin of the outpatient row a visit asks about, unless a stay is asked too", () => {
    const outpatient = planSource(1, "If you have mental health, behavioral health, or › Mental / Behavioral health outpatient services — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.");
    const inpatient = planSource(2, "Mental / Behavioral health inpatient services — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: Pre-Authorization is required non-network or benefit reduces to 50%.");
    const visit = quotes("Mi hijo va con un psicólogo de la red por depresión y ya pagamos el deducible. ¿Qué porcentaje nos toca pagar por cada consulta?", [outpatient, inpatient]).join(" ");
    expect(visit).toContain("outpatient");
    expect(visit).not.toContain("inpatient");
    const both = quotes("My son sees a psychologist every week for depression. What do we pay per visit, and what if he has to be admitted to the hospital?", [outpatient, inpatient]).join(" ");
    expect(both).toContain("inpatient");
  });
  it("does not answer care told to be no emergency with the emergency row", () => {
    const transport = planSource(1, "If you need immediate medical attention › Emergency medical transportation — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 5% coinsurance");
    expect(quotes("Mom is ready to leave the hospital but she can't sit up in a car, so they want to send her home in an ambulance. It's not an emergency. What would we pay for that ride?", [transport])).toEqual([]);
    const ambulance = planSource(2, "Ambulance Your provider must obtain prior authorization for non-emergency transportation. — In-network: $265 copay for ground $265 copay for air");
    expect(quotes("Does a non-emergency ambulance ride need prior authorization?", [ambulance]).join(" ")).toContain("prior authorization");
  });
  it("lets the story's everyday words go once the care asked about is found, though a pharmacy is not named", () => {
    const specialty = planSource(1, "Specialty drugs — Preferred Provider: 30% coinsurance (Up to $200 maximum/prescription); Non-Preferred Provider: Not covered; Limitations & Exceptions: Covers up to a 30-day supply. Prior authorization is required.");
    const answer = quotes("Mi medicamento de especialidad es carísimo y me queda lejos la farmacia. ¿Para cuántos días me lo surten cada vez? ¿Me pueden dar para tres meses?", [specialty]).join(" ");
    expect(answer).toContain("30-day supply");
  });
  it("keeps the footnote set after the other tier's figures when one tier is asked about", () => {
    expect(keepTier("Network: $5,950 *Individual / $11,900 Family Non-Network: $12,000 *Individual / $24,000 Family *Doesn’t apply if policy covers 2+ people.Prescription drug costs apply to the out-of-pocket limit", "in")).toBe(
      "Network: $5,950 *Individual / $11,900 Family *Doesn’t apply if policy covers 2+ people.Prescription drug costs apply to the out-of-pocket limit",
    );
  });
  it("reads bills told before a question about the plan's own limit as the story, and keeps the row's note that each member meets their own", async () => {
    const limit = planSource(1, "What is the out-of-pocket limit for this plan? — Answers: For network providers $2,500 individual / $5,000 family; for out-of-network providers $4,000 individual / $8,000 family; Why This Matters: The out-of-pocket limit is the most you could pay in a year for covered services. If you have other family members in this plan, they have to meet their own out-of-pocket limits until the overall family out-of-pocket limit has been met.");
    const excluded = planSource(2, "What is not included in the out-of-pocket limit? — Answers: Copayments for certain services, premiums, balance-billing charges, and health care this plan doesn’t cover.; Why This Matters: Even though you pay these expenses, they don’t count toward the out-of-pocket limit.");
    const { text } = await collect(new OfflineLlmProvider().answer({ question: "My husband and I both have big medical bills this year. On our family plan, does each of us have our own out-of-pocket limit, or do we only count toward the family one?", sources: [excluded, limit], history: [] }));
    expect(text).toContain("their own out-of-pocket limits");
  });
  it("asks a part that names no party of a coverage example of the party the question names", async () => {
    const example = planSource(1, "Sample care costs › Total — $5,400\nPatient pays › Total Deductibles — $1,500\nPatient pays › Co-pays — $500\nPatient pays › Total — $2,590", "Managing Joe's type 2 Diabetes");
    const { text } = await collect(new OfflineLlmProvider().answer({ question: "A mi esposo le diagnosticaron diabetes tipo 2 y estoy viendo el ejemplo de Anthem. En ese ejemplo, ¿cuánto paga el paciente de deducible y cuánto paga en total al final?", sources: [example], history: [] }));
    expect(text).toContain("$1,500");
    expect(text).toContain("$2,590");
    expect(text).not.toContain("$5,400");
  });
  it("reads a question that names the out-of-network tier twice as asking about it", () => {
    expect(asksNetwork("Varios de nuestros doctores no son de la red de Health Net. ¿Cuánto es lo máximo que pagaríamos de nuestro bolsillo al año con proveedores fuera de la red?")).toBe("out");
    expect(asksNetwork("I got a surprise bill from a non-network doctor. What's my deductible for non-network care?")).toBe("out");
    expect(asksNetwork("La ambulancia y el hospital de allá no son de la red. ¿Cuánto nos toca pagar por la ambulancia?")).toBe("out");
  });
});

describe("answers on session 59's phrasings", () => {
  it("reads a brand written with inner capitals as one name, and a name asked after the service as one to find", () => {
    const lab = planSource(1, "If you have a test › Diagnostic test (x-ray, blood work) — Network Provider: Lab: $20 copay per visit; X-ray: $40 copay per visit; Non-Participating Provider: Not covered");
    expect(requiredTerms("Mi doctor me mandó a hacer análisis de sangre. ¿A qué laboratorio de la red tengo que ir, Quest o LabCorp?")).toContain("labcorp");
    expect(quotes("Mi doctor me mandó a hacer análisis de sangre. ¿A qué laboratorio de la red tengo que ir, Quest o LabCorp?", [lab])).toEqual([]);
    // (A place the care happens is no name to find.)
    expect(termsAfterService("Is a hearing exam with an in-network audiologist in Provo covered?", (id) => id === "hearing-exam")).toEqual(["provo"]);
  });
  it("finds a brand a passage writes with a hyphen under the name written as one", () => {
    const strips = planSource(1, "Diabetes Supplies and Services — In-Network: Diabetes monitoring supplies from a pharmacy: $0 Copay Preferred products = One-Touch Test Strips & monitors and Accu-Chek Test Strips & monitors. Diabetes monitoring supplies from a DME supplier: 20% coinsurance");
    expect(quotes("I've always picked up my OneTouch test strips at the pharmacy, but my doctor wants me to get them from a DME supplier. What would I pay?", [strips]).join(" ")).toContain("20% coinsurance");
  });
  it("reads a drug a doctor wants the member on as the drug asked about", () => {
    expect(toldKinds("My cardiologist wants me on Eliquis. Is it a preferred brand on the drug list?")).toEqual(["eliquis"]);
    const preferred = planSource(1, "Preferred brand drugs — In-network Provider: $30/retail order $60/mail order; Out-of-network Provider: Not covered");
    expect(quotes("My cardiologist wants me on Eliquis. Is it a preferred brand on Health Net's drug list for this plan?", [preferred])).toEqual([]);
    // (Asked which brands the plan covers, the brand told is not one the passage must name when a passage names the
    // only brands covered.)
    const meters = planSource(2, "In-network: We only cover Accu-Chek® and OneTouch® brands. Other brands are not covered by your plan.");
    expect(quotes("Mi médico me quiere dar un glucómetro FreeStyle. ¿El plan cubre esa marca o cuáles marcas de glucómetros sí cubre?", [meters]).join(" ")).toContain("Accu-Chek");
    const aids = planSource(3, "Hearing aids (up to 2 aids per calendar year): $699 copay for Advanced aids, $999 copay for Premium aids through a TruHearing provider");
    expect(quotes("My audiologist wants to fit me with a Lyric hearing aid. Which brands does the plan cover, and is the Lyric one of them?", [aids])).toEqual([]);
  });
  it("does not take a year a passage gives for something else for the year asked about", () => {
    const limit = planSource(1, "Your in-network maximum out-of-pocket amount is $5,900. This is the most you pay during the calendar year for covered Medicare Part A and Part B services received from network providers.", "Chapter 4 › Section 1.2 What is the most you will pay?");
    const privacy = planSource(2, "HEALTH PLAN NOTICE OF PRIVACY PRACTICES Effective January 1, 2024", "Chapter 8 › Notice of privacy practices");
    expect(quotes("¿Cuánto era el máximo de gastos de bolsillo dentro de la red de este plan el año pasado, en 2024?", [limit, privacy])).toEqual([]);
    // (The document's own year, in its title, is the year its passages answer for.)
    const rule = planSource(3, "Any additional preventive services approved by Medicare during the contract year will be covered.", "2025 Medicare Advantage Summary of Benefits");
    expect(quotes("If Medicare approves a new preventive screening partway through 2025, will this plan cover it this year?", [rule]).join(" ")).toContain("during the contract year");
  });
});

describe("dentures, a kind of dental care named apart", () => {
  it("does not answer what dentures cost with a passage about dental care that names none", () => {
    expect(requiredTerms("Si compro el Platinum Dental Rider, ¿cuánto me tocaría pagar por una dentadura postiza completa?")).toEqual(["#dentures"]);
    const preventive = planSource(1, "Preventive — In-network: $0 copay for preventive dental including oral exams, X-rays, routine cleanings and fluoride* · No annual deductible");
    expect(quotes("Si compro el Platinum Dental Rider, ¿cuánto me tocaría pagar por una dentadura postiza completa?", [preventive])).toEqual([]);
    const dentures = planSource(2, "Comprehensive dental — In-Network: Dentures: 50% coinsurance, one set every 5 years");
    expect(quotes("Does the plan cover dentures?", [dentures]).join(" ")).toContain("50% coinsurance");
  });
});

describe("session 59's told things, aspects and words", () => {
  it("takes the stretch that says more of the same care for the thing told", () => {
    expect(eachToldAsk("I haven't seen a dentist in about five years. My new network dentist wants to do a comprehensive new-patient exam and then regular checkups. How often does the plan's routine dental benefit cover each kind of exam?")[0]).toContain("comprehensive new-patient exam");
  });
  it("does not answer whether an allowance carries over with a passage that only prices it", () => {
    const otc = planSource(1, "Over-the-counter (OTC) credit — In-network: $40 credit every quarter for OTC products in-store or online");
    expect(quotes("If I don't spend all of my $40 OTC credit this quarter, does the leftover carry over to next quarter?", [otc])).toEqual([]);
    const clover = planSource(2, "Over-the-Counter — In-Network: Up to $110 per quarter allowance for approved OTC items. Any unused amount will not be carried over to the next quarter.");
    expect(quotes("Does my unused OTC allowance carry over to the next quarter?", [clover]).join(" ")).toContain("not be carried over");
  });
  it("reads a disaster, a lower tier's price and a Spanish refund as members say them", () => {
    expect(specificTerms("A big earthquake hit and my network doctors' offices are all closed.")).toContain("#disaster");
    expect(specificTerms("¿Puedo pedirle al plan que me cobre la mía como si fuera del nivel más bajo?")).toContain("#exception");
    expect(specificTerms("¿Todavía puedo pedirle al plan que me la reembolse?")).toContain("#reimbursement");
  });
});

describe("treatments members ask about by name", () => {
  it("does not answer a treatment no passage names with the story's other care", () => {
    const example = planSource(1, "Managing type 2 diabetes (routine maintenance of a well-controlled condition): Amount owed to providers: $5,400; Plan Pays $3,520; Patient Pays $1,880");
    expect(requiredTerms("Tengo una úlcera en el pie por la diabetes que no se cierra. ¿Aetna me cubre la terapia de oxígeno hiperbárico y cuánto pagaría por sesión?")).toEqual(["#hyperbaric-oxygen"]);
    expect(quotes("Tengo una herida en el pie por la diabetes que no sana y el médico habla de oxigenoterapia en cámara hiperbárica. ¿UHC me la cubre y cuánto pagaría?", [example])).toEqual([]);
    const surgeon = planSource(2, "If you have outpatient surgery › Physician/surgeon fees — Network Provider: $25; Out-of-network Provider: Not covered");
    expect(quotes("Me van a operar de la cadera en unas semanas y quiero donar mi propia sangre antes por si la necesito en la cirugía. ¿Health Net cubre eso?", [surgeon])).toEqual([]);
    expect(quotes("I'm going to donate a kidney to my sister. Will the plan cover my testing and surgery as the living donor?", [surgeon])).toEqual([]);
  });
  it("reads the Spanish and English names of treatments plan summaries seldom list", () => {
    expect(specificTerms("¿El plan cubre la cirugía láser de los ojos?")).toContain("#lasik");
    expect(specificTerms("Does the plan pay for compression stockings?")).toContain("#compression-garments");
    expect(specificTerms("¿Me cubren los parches de estrógeno?")).toContain("#hormone-therapy");
    expect(specificTerms("Quiero congelar mis óvulos antes de la quimioterapia. ¿Lo cubren?")).toContain("#fertility-preservation");
    expect(requiredTerms("Mi bebé es alérgico a la leche y el pediatra le recetó una fórmula especial que es carísima. ¿El plan de UHC nos ayuda a pagarla?")).toContain("#infant-formula");
  });
});

describe("a business named after 'at'", () => {
  it("must be found, unless a passage says only others will do", () => {
    const eyewear = planSource(1, "Routine eyewear — In-network: $200 allowance for 1 pair of frames or contacts* • Free standard prescription lenses");
    expect(quotes("Can I use my $200 eyewear allowance at Costco Optical? That's where I usually get my glasses.", [eyewear])).toEqual([]);
    const hearing = planSource(2, "Hearing aids: The plan only covers hearing aids from a UnitedHealthcare Hearing network provider.");
    expect(quotes("Can I just buy hearing aids at Costco and have this plan cover them?", [hearing]).join(" ")).toContain("only covers hearing aids");
  });
});

describe("a facility asked about in Spanish", () => {
  it("reads 'la instalación' as the facility, and outpatient surgery's part about the hospital as no hospital stay", async () => {
    const outpatient = planSource(1, "If you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — In-network Provider: hospital - $400 ASC - $200; Out-of-network Provider: Not covered");
    const stay = planSource(2, "If you have a hospital stay › Facility fee (e.g., hospital room) — In-network Provider: $450 per day; Out-of-network Provider: Not covered; Limitations & Exceptions: 4 days max per admit.");
    const { text } = await collect(new OfflineLlmProvider().answer({ question: "Me van a operar de la rodilla como paciente ambulatorio. ¿Cuánto pago por la instalación si es en el hospital y cuánto si es en un centro de cirugía ambulatoria?", sources: [outpatient, stay], history: [] }));
    expect(text).toContain("$400");
    expect(text).not.toContain("$450");
  });
});

describe("a cell that prices the same items for a group and its 'non-' group", () => {
  const cell = "In-network Provider: severe services - $25 - outpatient $12.50 - grp therapy non-severe services - $40 - outpatient $20 - grp therapy";
  it("keeps the group the question says, then the items it names", () => {
    expect(askedItems(cell, "Mi esposa va a terapia de grupo por ansiedad con un terapeuta de la red; no es una condición severa. ¿Cuánto paga por cada sesión de grupo?")).toBe("In-network Provider: non-severe services - $20 - grp therapy");
    expect(askedItems(cell, "What's the copay for group therapy for a severe mental health condition?")).toBe("In-network Provider: severe services - $12.50 - grp therapy");
    expect(askedItems(cell, "My therapist says my anxiety counts as non-severe. She runs a weekly group session and also sees me one-on-one. What's my copay for the group session and for the individual visit?")).toBe(
      "In-network Provider: non-severe services - $40 - outpatient $20 - grp therapy",
    );
  });
  it("stays whole when the question says both groups, or neither", () => {
    expect(askedItems(cell, "This summary charges different copays for 'severe' and 'non-severe' mental health. Which diagnoses count as severe?")).toBe(cell);
    expect(askedItems(cell, "What's the copay for therapy?")).toBe(cell);
  });
});

describe("a drug's kind said with its tier", () => {
  it("is found by the tier's row, which need not say the kind", () => {
    const tier1 = planSource(1, "If you need drugs to treat your illness or condition › Tier 1 – Your Lowest-Cost Option — Network Provider: Retail: $10 copay, after ded.; Non-Network Provider: Retail: $10 copay, after ded. Mail-Order: Not Covered");
    expect(quotes("La farmacia de mi barrio no es de la red de UHC. Ya cubrí el deducible. ¿Cuánto me cobran ahí por mi genérico de nivel 1?", [tier1]).join(" ")).toContain("$10 copay");
  });
});

describe("US Spanish words members use", () => {
  it("reads 'micas', 'cuarto de emergencia', 'aseguranza', 'frenos' and 'caries'", () => {
    expect(specificTerms("¿Cuánto es el copago por las micas?")).toContain("#eyewear");
    expect(specificTerms("Fui al cuarto de emergencia anoche.")).toContain("#emergency-room");
    expect(specificTerms("Mi hija necesita frenos. ¿La aseguranza los cubre?")).toContain("#orthodontics");
    expect(specificTerms("Tengo una caries.")).toContain("#dental");
  });
});

describe("a drug told by its form, and injections that are no vaccines", () => {
  it("reads the name after a drug's form as the drug, and 'inyecciones' as no vaccine", () => {
    expect(toldKinds("Lo que yo quiero es la inyección Wegovy para bajar de peso. ¿Este plan me la cubre?")).toEqual(["wegov"]);
    const preventive = planSource(1, "If you have a test › Preventive care /screening /immunization — Network Provider: No charge; Non-Participating Provider: Not covered");
    expect(quotes("El ortopedista me quiere poner inyecciones de plasma rico en plaquetas (PRP) en la rodilla. ¿Aetna las cubre y cuánto pagaría por cada inyección?", [preventive])).toEqual([]);
  });
});

describe("things asked about by name that plan documents do not price", () => {
  it("reads a car seat, a tax deduction and the wait on hold", () => {
    expect(requiredTerms("Cuando nazca el bebé, ¿Blue Shield nos da o nos paga el asiento de carro para llevarlo a casa desde el hospital?")).toEqual(["#car-seat"]);
    expect(requiredTerms("¿Puedo deducir de mis impuestos lo que pago cada mes por la prima del Platinum Dental Rider?")).toContain("#tax-deduction");
    expect(requiredTerms("When I call customer service, how long is the usual wait on hold?")).toContain("#hold-time");
    expect(requiredTerms("¿Cuánto es mi deducible?")).toEqual([]);
    const example = planSource(1, "Having a baby (normal delivery): Amount owed to providers: $7,540; Plan pays $6,770; Patient pays $770");
    expect(quotes("Cuando nazca el bebé, ¿Health Net nos paga el asiento de carro para llevarlo a casa del hospital?", [example])).toEqual([]);
  });
});

describe("the other tier asked after one is named", () => {
  it("reads '…and what if it isn't?' and '¿…y cuánto si no lo es?' as asking both tiers", () => {
    expect(asksNetwork("Estoy embarazada. ¿Qué porcentaje pago por las consultas prenatales si mi ginecóloga es proveedora preferida, y cuánto si no lo es?")).toBeNull();
    expect(asksNetwork("What do I pay at an in-network urgent care, and what if it isn't?")).toBeNull();
    expect(asksNetwork("What do I pay at an in-network lab, and what if it isn't covered?")).toBe("in");
  });
  it("reads 'a preferred urgent care' as the network tier", () => {
    expect(asksNetwork("It's Sunday and my PCP's office is closed. What's the copay at a preferred urgent care center?")).toBe("in");
    expect(asksNetwork("The clinic near work is not a Health Net preferred provider. Is that covered? And what would it cost at a preferred clinic?")).toBeNull();
    expect(asksNetwork("Voy a dar a luz en un hospital preferido de Health Net. ¿Qué porcentaje pago por el parto?")).toBe("in");
    expect(asksNetwork("Me van a operar en un hospital preferido, pero el cirujano no es proveedor preferido. ¿Qué porcentaje de sus honorarios me toca pagar?")).toBe("out");
    expect(asksNetwork("The only urgent care nearby isn't a Blue Shield preferred provider. Will the plan pay anything there, and what would a preferred urgent care have cost?")).toBeNull();
  });
  it("does not ask '…and what if it isn't?' as a part of its own", () => {
    expect(askedParts("Mom is coming home after her hip surgery and her doctor ordered home health visits. What do we pay if the home health agency is in network, and what if it isn't?")).toEqual([
      "What do we pay if the home health agency is in network?",
    ]);
  });
  it("reads 'built' as an everyday word", () => {
    expect(requiredTerms("What specialist copay are the coverage examples built on?")).not.toContain("built");
  });
});

describe("lung cancer screening", () => {
  it("reads a low-dose CT for lung cancer as the screening, in English and Spanish", () => {
    expect(requiredTerms("¿El plan le cubre la tomografía de baja dosis para detectar cáncer de pulmón?")).toContain("#lung-cancer-screening");
    expect(specificTerms("My doc wants a low-dose CT of my lungs to screen for cancer.")).toContain("#lung-cancer-screening");
  });
});

describe("a kind asked by its number", () => {
  it("is not answered by a coverage example of the other number", () => {
    const example = planSource(1, "(routine maintenance of a well-controlled condition) Amount owed to providers: $5,400 Plan pays: $2,810 Patient pays: $2,590", "Managing Joe's type 2 Diabetes");
    expect(quotes("My son has type 1 diabetes and uses an insulin pump. The diabetes example at the end is for type 2, so what would his costs come to for a year on this plan?", [example])).toEqual([]);
    expect(quotes("In the type 2 diabetes example, what does the patient pay?", [example]).join(" ")).toContain("$2,590");
  });
});

describe("whose deadline is asked", () => {
  const appeal = planSource(1, "Step 1: Decide if you need a standard appeal or a fast appeal. You must make your appeal request within 65 calendar days from the date on the written notice we sent to tell you our answer on the coverage decision.");
  const answer = planSource(2, "Step 3: We consider your appeal and we give you our answer. For standard appeals, we must give you our answer within 7 calendar days after we receive your appeal.");
  it("answers how long the member has to act with the member's deadline", () => {
    const said = quotes("Me negaron un medicamento recetado (Parte D). ¿Cuántos días tengo para apelar?", [answer, appeal]).join(" ");
    expect(said).toContain("65 calendar days");
    expect(said).not.toContain("7 calendar days");
  });
  it("answers how long the plan has to answer with the plan's", () => {
    const said = quotes("I appealed a denied Part D drug. How long does the plan have to answer my appeal?", [appeal, answer]).join(" ");
    expect(said).toContain("7 calendar days");
    expect(said).not.toContain("65 calendar days");
  });
});

describe("a fast or a standard appeal", () => {
  it("answers the kind asked about, not the other", () => {
    const fast = planSource(1, "A “fast coverage decision” is generally made within 72 hours, for medical services, or 24 hours for Part B drugs.");
    const standard = planSource(2, "A “standard coverage decision” is usually made within 14 calendar days or 72 hours for Part B drugs.");
    expect(quotes("My doctor asked the plan for a fast coverage decision. How quickly does the plan have to decide?", [fast, standard]).join(" ")).not.toContain("standard coverage decision");
    expect(quotes("I asked the plan to cover a medical service. It's not urgent. How long does the plan normally have to give me a decision?", [fast, standard]).join(" ")).not.toContain("fast coverage decision");
  });
});

describe("an appeal for a drug or for medical care", () => {
  it("is answered from the chapter's section on that kind", () => {
    const medical = planSource(1, "Step 1: The independent review organization reviews your appeal. For a “standard appeal” if your request is for a medical item or service, the review organization must give you an answer to your Level 2 Appeal within 30 calendar days of when it receives your appeal.", "Chapter 9 › Section 5 Your medical care: How to ask for a coverage decision or make an appeal");
    const drug = planSource(2, "Step 2: The independent review organization reviews your appeal. For standard appeals, the review organization must give you an answer to your Level 2 appeal within 7 calendar days after it receives your appeal if it is for a drug you have not yet received.", "Chapter 9 › Section 6 Your Part D prescription drugs: How to ask for a coverage decision or make an appeal");
    expect(quotes("Me negaron una cirugía, apelé y el plan volvió a decir que no, así que mi caso se fue a la organización de revisión independiente (nivel 2). Es una apelación normal. ¿En cuántos días me tienen que contestar?", [drug, medical]).join(" ")).toContain("30 calendar days");
    expect(quotes("Gané mi apelación de nivel 2 y aprobaron mi medicamento. Era apelación estándar. ¿En cuántos días me tienen que contestar?", [medical, drug]).join(" ")).toContain("7 calendar days");
  });
});

describe("session 62's told things", () => {
  it("refuses a treatment the story names when what is asked refers to it", () => {
    const drugs = planSource(1, "Non-preferred brand and generic drugs — In-network Provider: $50/retail order $100/mail order; Out-of-network Provider: Not covered");
    expect(quotes("I'm transgender and my doctor wants to start me on hormone therapy. Does this Health Net HMO cover it, and what would the prescriptions cost?", [drugs])).toEqual([]);
    const specialist = planSource(2, "Specialist visit — In-Network Provider: $35 copay per visit; Non-Network Provider: 50% coinsurance");
    expect(quotes("Tengo psoriasis y la dermatóloga quiere darme fototerapia con luz ultravioleta tres veces por semana. ¿Anthem la cubre y cuánto pago por sesión?", [specialist])).toEqual([]);
  });
  it("asks of a doctor told by name whether she is in the network", () => {
    const network = planSource(1, "Section 2.2 How to get care from specialists and other network providers: Even though our network of providers may change during the year, Medicare requires that we furnish you with uninterrupted access to qualified doctors and specialists.");
    expect(quotes("Tengo cita con la Dra. Ana Martínez, ginecóloga en Ogden. ¿Está en la red de este plan?", [network])).toEqual([]);
    const dialysis = planSource(2, "Renal dialysis — In-network: $0 copay; Out-of-network: 20% coinsurance");
    expect(quotes("Mi esposo hace diálisis y nos vamos un mes a Arizona. Si va a un centro de diálisis que no es de la red, ¿cuánto nos toca pagar?", [dialysis]).join(" ")).toContain("20% coinsurance");
  });
});

describe("care at home asked beside a stay", () => {
  it("keeps the outpatient item of a cell", async () => {
    const hospice = planSource(1, "If you need help recovering or have other special health needs › Hospice service — Network Provider: Inpatient: 50% coinsurance; Outpatient: 0% coinsurance; Non-Participating Provider: Not covered");
    const { text } = await collect(new OfflineLlmProvider().answer({ question: "Dad is going into hospice. What's our share if he's in an inpatient hospice facility, and what if he gets hospice care at home?", sources: [hospice], history: [] }));
    expect(text).toContain("Outpatient: 0% coinsurance");
  });
});

describe("a passage that opens with the other tier's name", () => {
  it("does not answer a question about a network dentist", () => {
    const out = planSource(1, "Dental Services — Clover Health Choice (PPO) (Plan 004): Out-of-Network Supplemental comprehensive dental services with a 30% coinsurance: • Restorative services (ex: fillings, crowns) • Endodontics (ex: root canal treatment)");
    const inside = planSource(2, "Dental Services — Clover Health Choice (PPO) (Plan 004): Supplemental comprehensive dental services with a $20 copay: • Restorative services (ex: fillings, crowns) • Endodontics (ex: root canal treatment)");
    const said = quotes("El dentista me dijo que necesito una endodoncia. Si voy con un dentista de la red, ¿cuánto pago?", [out, inside]).join(" ");
    expect(said).toContain("$20 copay");
    expect(said).not.toContain("30% coinsurance");
  });
});

describe("session 63's treatments asked about by name", () => {
  it("refuses varicose-vein treatment, testosterone and a named drug asked 'What tier is it on?' when no passage names them", () => {
    const surgeon = planSource(1, "If you have outpatient surgery › Physician/surgeon fees — Network Provider: No charge; Non-Participating Provider: Not covered");
    expect(quotes("Tengo várices en las piernas y el cirujano vascular me recomienda escleroterapia. ¿El plan la cubre y cuánto pagaría por sesión?", [surgeon])).toEqual([]);
    const tiers = planSource(2, "Tier 2 – Preferred brand drugs — In-Network Provider: $30 copay/prescription; Non-Network Provider: Not covered");
    expect(quotes("I'm transgender and my doctor is starting me on testosterone. What tier is testosterone on, and what's my copay for it?", [tiers])).toEqual([]);
    expect(quotes("My psychiatrist wants to start me on Spravato nasal spray for depression. What tier is it on with this plan?", [tiers])).toEqual([]);
  });
});

describe("session 35: a part that names only a network tier, parts asked when the whole finds nothing, who ordered the care", () => {
  it("asks a tier-only part of the parts before it on that tier", () => {
    expect(tierOnly("cuánto si no es de la red?")).toBe("out");
    expect(tierOnly("¿y cuánto con uno preferido?")).toBe("in");
    expect(tierOnly("what would it have been at a network hospital?")).toBe("in");
    expect(tierOnly("do I need prior authorization out of network?")).toBeNull();
    expect(tierOnly("and what if I go to an out-of-network urgent care?")).toBeNull();
    const chiro = planSource(1, "Chiropractic — Clover Health Choice Value (PPO) (Plan 007): In-Network: Medicare-covered: $5 Copay. Out-of-Network: Medicare-covered: $40 Copay.");
    const foot = planSource(2, "Foot Care (podiatry services) — Clover Health Choice Value (PPO) (Plan 007): In-Network: Medicare-covered: $5 Copay. Out-of-Network: Medicare-covered: $15 Copay.");
    const said = quotes("Tengo Choice Value (007). ¿Cuánto pago por ir con un quiropráctico si es de la red y cuánto si no es de la red?", [chiro, foot]).join(" ");
    expect(said).toContain("$40 Copay");
    expect(said).not.toContain("Foot Care");
  });
  it("reads 'uno preferido' and 'the network mail order' as the network tier", () => {
    expect(asksNetwork("El terapeuta que está cerca de mi casa no es proveedor preferido. ¿Cuánto pago con él y cuánto con uno preferido?")).toBeNull();
    expect(asksNetwork("What's my copay for a 90-day supply through the network mail order, and can I use an out-of-network mail-order pharmacy instead?")).toBeNull();
  });
  it("answers a question by its parts when the whole finds nothing, each with the whole story", () => {
    const specialty = planSource(1, "Specialty drugs — In-network Provider: 30% co-ins; Out-of-network Provider: Not covered; Limitations & Exceptions: Supply/order: up to a 30 days supply filled except where quantity limits apply.");
    const referral = planSource(2, "Do I need a referral to see a specialist? — Answers: Yes. Requires written prior authorization.");
    expect(quotes("My rheumatologist wants me on a specialty drug for my RA. What's my cost share, and how much of it can I get at one time?", [specialty, referral]).join(" ")).toContain("30% co-ins");
    const therapy = planSource(3, "Outpatient mental health care — In-network: $25 copayment for each Medicare-covered individual therapy session.");
    expect(quotes("Mi psiquiatra quiere probar Spravato, la esketamina en aerosol nasal, para mi depresión. ¿El plan lo cubre y cuánto pagaría por cada sesión?", [therapy])).toEqual([]);
  });
  it("weighs the doctor who ordered the care as the story", () => {
    const lab = planSource(1, "If you visit a health care provider’s office or clinic › Diagnostic test (x-ray, blood work) — In-network Provider: $25; Out-of-network Provider: Not covered; Limitations & Exceptions: Requires referral.");
    const pcp = planSource(2, "If you visit a health care provider’s office or clinic › Primary care visit to treat an injury or illness — In-network Provider: $25; Out-of-network Provider: Not covered");
    expect(quotes("My PCP wants blood work done at the lab. Do I need anything before I go, and what's the copay?", [lab, pcp]).join(" ")).toContain("Requires referral");
  });
  it("splits '…y nos cobran…' into a second ask, and reads where the ambulance or the ride goes as the story", () => {
    expect(askedParts("¿Cuánto pagamos por la ambulancia y nos cobran el copago de emergencias?")).toHaveLength(2);
    const mental = planSource(1, "If you have mental health, behavioral health, or substance abuse needs › Mental/Behavioral health inpatient services — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 25% coinsurance; Limitations & Exceptions: If service provided by a non-preferred provider, you pay the coinsurance percentage of up to $600 per day.");
    const ambulance = planSource(2, "If you need immediate medical attention › Emergency medical transportation — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 5% coinsurance; Limitations & Exceptions: none");
    expect(quotes("Si la ambulancia que me lleva al hospital no es proveedor preferido de Blue Shield, ¿pago más que si fuera una preferida?", [mental, ambulance])[0]).toContain("Emergency medical transportation");
    const rides = planSource(3, "Routine transportation — In-network: Not covered; Out-of-network: Not covered");
    expect(quotes("Ya no manejo. ¿El plan me paga el transporte para ir a mis citas de rutina con el doctor?", [rides]).join(" ")).toContain("Not covered");
  });
  it("refuses a doctor's house call when no passage names one", () => {
    const office = planSource(1, "Doctor’s Office Visits — Clover Health Choice (PPO) (Plan 004): In-Network: Primary care physician visit: $0 Copay. Specialist visit: $10 Copay.");
    expect(quotes("Mi mamá casi no puede salir de la casa. ¿Clover cubre que un médico la visite en la casa y cuánto cuesta esa visita?", [office])).toEqual([]);
  });
});

describe("session 35: a stay not had, a child's limit, adding someone to the plan", () => {
  it("sets aside 'not admitted': the observation row answers", () => {
    const observation = planSource(1, "Outpatient hospital observation services — In-network: $395 copay; Out-of-network: 30% coinsurance");
    const inpatient = planSource(2, "Inpatient hospital care Our plan covers an unlimited number of days for an inpatient hospital stay. — In-network: $395 copay per day: days 1-5; Out-of-network: $525 copay per day: for days 1-20");
    const said = quotes("Dad was kept overnight for observation, not admitted, at an out-of-network hospital while he was visiting my sister in Boise. What's his share for that, and what would it have been at a network hospital?", [inpatient, observation]).join(" ");
    expect(said).toContain("30% coinsurance");
    expect(said).not.toContain("$525");
  });
  it("reads 'por niño' as the individual level beside the family's", () => {
    expect(asksLevel("¿De cuánto es por niño y por toda la familia?")).toBeNull();
    expect(asksLevel("What's the limit per child?")).toBe("individual");
  });
  it("refuses adding a newborn or a parent to the plan when no passage says how", () => {
    const delivery = planSource(1, "If you are pregnant › Delivery and all inpatient services — In-network Provider: $450 per day; Out-of-network Provider: Not covered; Limitations & Exceptions: 4 days max per admit.");
    expect(quotes("Acabo de tener a mi bebé. ¿Cuántos días tengo para agregarlo a mi plan de Health Net?", [delivery])).toEqual([]);
    expect(quotes("I just had a baby. How many days do I have to add her to my plan?", [delivery])).toEqual([]);
  });
});

describe("session 35: session 66's questions", () => {
  it("keeps the figure's sentence a cell gives per item that the question names", () => {
    expect(askedFigures("In-network: $25 copayment for each Medicare-covered individual therapy session.†† $15 copayment for each Medicare-covered group therapy session.†† You pay these amounts until you reach the out-of-pocket maximum.", "¿Cuánto pago por cada sesión de grupo?")).toBe(
      "In-network: $15 copayment for each Medicare-covered group therapy session.†† You pay these amounts until you reach the out-of-pocket maximum.",
    );
    // (Named alike in the whole question, the story telling of individual sessions too, the asking sentence decides.)
    expect(askedFigures("In-network: $25 copayment for each Medicare-covered individual therapy session.†† $15 copayment for each Medicare-covered group therapy session.††", "Mi psicóloga me recomendó cambiar las sesiones individuales por terapia de grupo. ¿Cuánto pago por cada sesión de grupo?")).toBe(
      "In-network: $15 copayment for each Medicare-covered group therapy session.††",
    );
  });
  it("reads the plan's lens abbreviations as the member's words", () => {
    const lenses = planSource(1, "Vision services - routine eyewear — In-Network: $45 copayment for free-form SV lenses* $67 copayment for SV aspheric lenses* $80 copayment for MF aspheric lenses*");
    const frames = planSource(2, "Vision services - routine eyewear ·1 pair of lenses and frames every 2 years — Frames or contact lenses $0 copayment");
    expect(quotes("My eye doctor wants me in multifocal aspheric lenses with my new frames. What's my copay for those lenses with the plan's eyewear benefit?", [frames, lenses]).join(" ")).toContain("$80 copayment");
  });
  it("refuses a drug told after 'me van a dar' or 'se inyecta' when asked its tier", () => {
    const brand = planSource(1, "Non-preferred brand drugs — Preferred Provider: $50/prescription (retail) $100/prescription (mail); Non-Preferred Provider: Not covered");
    expect(quotes("Después de un coágulo en la pierna me van a dar Xarelto por lo menos seis meses. Para hacer mi presupuesto: ¿Blue Shield lo cuenta como marca preferida o no preferida?", [brand])).toEqual([]);
    expect(quotes("Mi esposo es diabético y se inyecta Lantus todas las noches. ¿Lantus está como marca preferida o como no preferida?", [brand])).toEqual([]);
  });
  it("asks each thing told on the question's network tier, and reads 'no trabaja con Aetna' as out of network", () => {
    const inside = planSource(1, "Dental Services — Clover Health Choice (PPO) (Plan 004): Supplemental comprehensive dental services with a $20 copay: • Restorative services (ex: fillings, crowns) • Prosthodontics, fixed (ex: bridges)");
    const out = planSource(2, "Dental Services — Clover Health Choice (PPO) (Plan 004): Out-of-Network Supplemental comprehensive dental services with a 30% coinsurance: • Prosthodontics, fixed (ex: bridges)");
    const dentures = planSource(3, "Dental Services — Clover Health Choice (PPO) (Plan 004): Supplemental comprehensive dental services with a 50% coinsurance • Prosthodontics, removeable (ex: dentures)");
    const said = quotes("Tenemos el plan Choice (004) y vamos con un dentista de la red de DentaQuest. A mí me tiene que poner un puente fijo y a él una dentadura postiza removible. ¿Cuánto pagamos por cada cosa?", [dentures, out, inside]).join(" ");
    expect(said).toContain("$20 copay");
    expect(said).not.toContain("30% coinsurance");
    expect(asksNetwork("Nos hablaron de una agencia, pero no trabaja con Aetna. Si la escogemos, ¿el plan paga algo? ¿Y si usamos una agencia de la red?")).toBeNull();
  });
  it("reads 'eat into that same limit' as asking whether one counts toward the other, and 'what he ends up paying' as the patient's", () => {
    expect(asksRole("what's the total he ends up paying?")).toBe("patient");
    const visits = planSource(1, "Mental/Behavioral health outpatient services — Limitations & Exceptions: Coverage is limited to a total of 20 visits, In-Network Provider and Non-Network Provider combined per year");
    const substance = planSource(2, "Substance use disorder outpatient services — Limitations & Exceptions: Substance Abuse visits count towards your mental/behavioral health limit.");
    expect(quotes("My son goes to outpatient counseling for his drinking and also sees a therapist for anxiety. How many office visits a year does the plan cover, and do the substance abuse visits eat into that same limit?", [visits, substance]).join(" ")).toContain("count towards");
  });
});

describe("session 35: an allowed amount asked, asks listed with commas, a preferred OB, the doctor named after the verb", () => {
  it("refuses a service's allowed amount when passages give it only in an example", () => {
    const surgery = planSource(1, "If you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.");
    const example = planSource(2, "If a non-network provider charges more than the allowed amount, you may have to pay the difference. For example, if a non-network hospital charges $1,500 for an overnight stay and the allowed amount is $1,000, you may have to pay the $500 difference.");
    expect(quotes("I'm using a non-network surgeon for my knee arthroscopy. What's UHC's allowed amount for that surgery, so I can figure out how much I might get balance-billed?", [surgery, example])).toEqual([]);
  });
  it("splits asks listed with commas, but not a clause before the ask", () => {
    expect(askedParts("What do we pay for the bed, what's the copay per nurse visit, and how many visits are covered?")).toHaveLength(3);
    expect(askedParts("If I go out of network, what's my copay?")).toHaveLength(1);
  });
  it("reads 'a preferred OB' as the network tier", () => {
    expect(asksNetwork("My OB isn't a Health Net preferred provider. What would my prenatal visits cost with her, compared with a preferred OB?")).toBeNull();
  });
  it("lets go of the doctor named after the verb of ordering, and reads 'pedirle permiso' as prior authorization", () => {
    const imaging = planSource(1, "If you have a test › Imaging (CT/PET scans, MRIs) — Preferred Provider: 5% coinsurance at freestanding imaging center; Non-Preferred Provider: 25% coinsurance at freestanding imaging center; Limitations & Exceptions: Prior authorization is required.");
    const said = quotes("Antes de agendar la tomografía del abdomen que me pidió el gastroenterólogo, quiero saber: ¿hay que pedirle permiso a Blue Shield primero? ¿Y qué porcentaje pago en un centro de imágenes independiente preferido comparado con uno que no es preferido?", [imaging]).join(" ");
    expect(said).toContain("5% coinsurance");
    expect(said).toContain("Prior authorization is required");
  });
});

describe("session 35: session 67's questions", () => {
  it("reads a breathing test as a diagnostic test", () => {
    const tests = planSource(1, "Diagnostic tests and procedures — In-network: $30 copay; Out-of-network: 30% coinsurance");
    const dme = planSource(2, "Durable medical equipment (DME) and related supplies › DME (e.g., wheelchairs, oxygen) — In-network: 20% coinsurance; Out-of-network: 50% coinsurance");
    const said = quotes("I have COPD. My in-network doctor is ordering oxygen equipment for home and a breathing test (pulmonary function test) at the clinic. What's my share for the oxygen equipment, and what's the copay for the test?", [tests, dme]).join(" ");
    expect(said).toContain("$30 copay");
    expect(said).toContain("20% coinsurance");
  });
  it("refuses a drug the member needs when asked its tier, and which hospitals are preferred providers", () => {
    const tiers = planSource(1, "Tier 1 – Typically Generic — In-Network Provider: $10 copay/prescription (retail and mail order); Non-Network Provider: 50% coinsurance");
    expect(quotes("My son has a peanut allergy and needs an EpiPen 2-pack. Which drug tier is it on with this plan, and what's the copay?", [tiers])).toEqual([]);
    const stay = planSource(2, "Mental/Behavioral health inpatient services — Preferred Provider: 10% co-ins; Out-of-network Provider: 50% co-ins");
    expect(quotes("Vivo en San Diego. ¿Qué hospitales de aquí son proveedores preferidos de este plan?", [stay])).toEqual([]);
  });
});

describe("session 35: the bed told, nurse visits, a preferred brand", () => {
  it("names 'the bed' by the hospital bed told, and reads nurse visits as home health care", () => {
    expect(askedParts("Dad needs a hospital bed at home plus a nurse from a home health agency. What share of the bed do we pay, and how many nurse visits will the plan cover in a year?")[0]).toBe("What share of the hospital bed do we pay?");
    const home = planSource(1, "If you need help recovering or have other special health needs › Home health care — Network Provider: 20% coinsurance; Limitations: 60 visits/year");
    const snf = planSource(2, "Skilled nursing care — Network Provider: 20% coinsurance; Limitations: 60 visits/calendar year");
    const dme = planSource(3, "Durable medical equipment — Network Provider: 20% coinsurance");
    expect(quotes("Dad's coming home from the hospital and needs a hospital bed at home plus a nurse from an in-network home health agency. What share of the bed do we pay, and how many nurse visits will the plan cover in a year?", [snf, home, dme]).join(" ")).toContain("60 visits/year");
  });
  it("sets a non-preferred drug's row aside when a preferred brand is asked about", () => {
    const preferred = planSource(1, "If you need drugs to treat your illness or condition › Preferred brand drugs — Network Provider: $15 copay/retail, $30 copay/mail order; Limitations: Covers up to a 30-day supply (retail prescription); 31-90 day supply (mail order prescription).");
    const other = planSource(2, "If you need drugs to treat your illness or condition › Non-preferred generic, brand and specialty drugs — Network Provider: $25 copay/retail, $50 copay/mail order; Limitations: Covers up to a 30-day supply (retail prescription); 31-90 day supply (mail order prescription).");
    expect(quotes("Mi medicina para el colesterol es de marca preferida y la tomo todos los días. ¿Para cuántos días me la mandan por correo?", [preferred, other]).join(" ")).not.toContain("$25");
  });
});

describe("session 35: supplies and allowances a plan may never name", () => {
  it("refuses adult diapers bought with the OTC credit, and a grocery card, when no passage names them", () => {
    const otc = planSource(1, "Over-the-counter (OTC) products — In-network: $40 credit every quarter for approved OTC products");
    expect(quotes("My husband goes through adult diapers and bed pads every month. Can I buy those with the $40 OTC credit?", [otc])).toEqual([]);
    expect(quotes("¿El plan me da una tarjeta con dinero para comprar comida en el supermercado o pagar la luz?", [otc])).toEqual([]);
  });
});

describe("session 35: session 68's questions", () => {
  it("reads a preferred place or person with a word between as the network tier", () => {
    expect(asksNetwork("What do we pay at a preferred freestanding urgent care center, and what if the only one open isn't a preferred provider?")).toBeNull();
    expect(asksNetwork("The clinic near work isn't a preferred provider. What would I pay there, compared with a preferred physical therapist?")).toBeNull();
  });
  it("splits '…, y el plan le cubre…?' into a second ask", () => {
    expect(askedParts("¿Cuánto pagamos por el examen, y el plan le cubre los lentes?")).toHaveLength(2);
  });
  it("keeps both plans' columns when the question names the plan whose name the other's goes on from", async () => {
    const row = planSource(1, "Outpatient Hospital — Clover Health Choice (PPO) (Plan 004): Out-of-Network: Outpatient surgery: $500 copay; Clover Health Choice Value (PPO) (Plan 007): Out-of-Network: Outpatient surgery: $350 copay");
    const answer = async (question: string) => (await collect(new OfflineLlmProvider().answer({ question, sources: [row], history: [] }))).text;
    const both = await answer("Me van a hacer una cirugía ambulatoria en un hospital que no es de la red. ¿Cuánto pagaría con Clover Health Choice y cuánto con Choice Value?");
    expect(both).toContain("$500 copay");
    expect(both).toContain("$350 copay");
    expect(await answer("Tengo Choice Value (007) y me van a hacer una cirugía ambulatoria en un hospital que no es de la red. ¿Cuánto pago?")).not.toContain("$500 copay");
  });
});

describe("session 35: substance use named plainly", () => {
  it("reads 'substance use' and 'a drug problem' as substance use, and 'program' as no thing a passage must name", () => {
    expect(requiredTerms("Does this plan cover an inpatient rehab program for substance use?")).toContain("#substance-use");
    expect(requiredTerms("Does this plan cover an inpatient rehab program for substance use?")).not.toContain("program");
  });
});

describe("session 35: 'and if…, how…?', which office to call", () => {
  it("splits an ask that opens with a condition", () => {
    expect(askedParts("¿Qué porcentaje pago en una farmacia de la red, y si lo pido por correo, para cuántos días me lo pueden mandar?")).toHaveLength(2);
  });
  it("reads 'a qué oficina del estado puedo llamar' as asking a phone number", () => {
    const dmhc = planSource(1, "If you have a grievance against Health Net, you can also contact the California Department of Managed Health Care, at 1-800-HMO-2219 or www.hmohelp.ca.gov.");
    expect(quotes("Health Net me negó un reclamo. ¿Y a qué oficina del estado puedo llamar si no me la resuelven?", [dmhc]).join(" ")).toContain("1-800-HMO-2219");
  });
});

describe("session 35: workers' compensation", () => {
  it("refuses whether the plan or workers' comp pays, when no passage names workers' compensation", () => {
    const rehab = planSource(1, "If you need help recovering or have other special health needs › Rehabilitation services — Network Provider: $20 copay per visit; Non-Participating Provider: Not covered");
    expect(quotes("I hurt my shoulder lifting boxes at the warehouse where I work. Will this Aetna plan pay for my physical therapy, or does it have to go through workers' comp first?", [rehab])).toEqual([]);
    expect(quotes("Mi esposo se lastimó la espalda en el trabajo. ¿Health Net le paga la fisioterapia o eso le toca al seguro de compensación del trabajo?", [rehab])).toEqual([]);
  });
});

describe("session 35: which pharmacy", () => {
  it("refuses the mail-order pharmacy's name unless a passage names one", () => {
    const tier = planSource(1, "Tier 3 (Preferred Brand) — Clover Health Choice (PPO) (Plan 004) · Mail Order · 100 day supply: $135 copay");
    expect(quotes("Which company runs Clover's mail-order pharmacy, and how many days does a mail order usually take to arrive?", [tier])).toEqual([]);
    const optum = planSource(2, "Get up to a 100-day supply of your maintenance drugs delivered through Optum Home Delivery Pharmacy for medications you take regularly.");
    expect(quotes("Which pharmacy company runs the mail-order service for this plan?", [tier, optum]).join(" ")).toContain("Optum");
  });
});

describe("session 35: drugs told by a generic's ending or after a switch", () => {
  it("tells isotretinoin and the Breo Ellipta switched to", () => {
    expect(toldKinds("My dermatologist wants to start her on isotretinoin for severe acne. Is it a preferred or non-preferred drug?")).toContain("isotretinoin");
    expect(toldKinds("El neumólogo quiere cambiarme del inhalador de rescate al Breo Ellipta, que es para usar diario. ¿Health Net lo tiene como marca preferida?")).toContain("breo");
  });
});

describe("session 35: a language line whose number is the template's blank", () => {
  it("does not give '[insert telephone number]' as the number to call", () => {
    const line = planSource(1, "Spanish (Español): Para obtener asistencia en Español, llame al [insert telephone number].");
    expect(quotes("Mi mamá solo habla español. ¿Cuál es el número de teléfono exacto al que tiene que llamar para que la atiendan en español?", [line])).toEqual([]);
  });
});

describe("session 35: a medical flight home", () => {
  it("reads a medical flight home as transportation back", () => {
    const abroad = planSource(1, "Worldwide coverage for emergency department services outside of the United States. ·Transportation back to the United States from another country is not covered.");
    const er = planSource(2, "Emergency care — In-Network: $100 copayment for each emergency room visit.");
    expect(quotes("I'm spending the summer with my daughter in Germany. If I end up in the ER there, what do I pay, and if I need a medical flight home to the U.S. afterward, does the plan cover that?", [abroad, er]).join(" ")).toContain("not covered");
  });
});

describe("session 35: allergy serum", () => {
  it("reads allergy serum and antigens as allergy care", () => {
    const partB = planSource(1, "Medicare Part B prescription drugs › Other Part B drugs — In-network: $0 copay for allergy antigens 20% coinsurance for all others; Out-of-network: $0 copay for allergy antigens 30% coinsurance for all others");
    expect(quotes("My in-network allergist gives me allergy shots every week. Do I owe the 20% Part B drug coinsurance on the allergy serum, or is it billed differently?", [partB]).join(" ")).toContain("$0 copay for allergy antigens");
  });
});

describe("session 35: not on the plan's preferred list", () => {
  it("reads 'isn't on Aetna's preferred specialty list' as non-preferred after the owner's name is taken out", () => {
    const non = planSource(1, "If you need drugs to treat your illness or condition › Non-preferred generic, brand and specialty drugs — Network Provider: $25 copay/retail, $50 copay/mail order; Non-Participating Provider: Not covered");
    const pref = planSource(2, "Preferred specialty drugs — Network Provider: 10% coinsurance up to 30 day supply; Non-Participating Provider: Not covered");
    expect(quotes("My MS drug isn't on Aetna's preferred specialty list. What would I pay per fill at a retail pharmacy, and what if I get it through mail order instead?", [non, pref]).join(" ")).not.toContain("10% coinsurance");
  });
});

describe("session 35: surgery at a hospital or at a surgery center", () => {
  it("sets the surgery center's row aside when surgery at a hospital is asked, and the reverse", () => {
    const hospital = planSource(1, "Outpatient Hospital — Clover Health Choice (PPO) (Plan 004): Out-of-Network: Outpatient surgery: $500 copay");
    const center = planSource(2, "Ambulatory Surgery Center — Clover Health Choice (PPO) (Plan 004): Out-of-Network: $350 copay");
    const atHospital = quotes("I'm on Clover Health Choice (004). My hand surgeon does outpatient surgery at a hospital that's not in Clover's network. What's my copay for that?", [hospital, center]).join(" ");
    expect(atHospital).toContain("$500 copay");
    expect(atHospital).not.toContain("$350 copay");
    const atCenter = quotes("I'm on Clover Health Choice (004) and having surgery at an ambulatory surgery center that's out of network. What's my copay?", [hospital, center]).join(" ");
    expect(atCenter).toContain("$350 copay");
    expect(atCenter).not.toContain("$500 copay");
  });
});

describe("session 35: a psychiatric hospital", () => {
  it("sets the general hospital stay's row aside when a psychiatric hospital is asked about", () => {
    const mental = planSource(1, "Mental health › Inpatient visit Our plan covers 90 days for an inpatient hospital stay — In-network: $395 copay per day: days 1-4 $0 copay per day: days 5-90");
    const general = planSource(2, "Inpatient hospital care Our plan covers an unlimited number of days for an inpatient hospital stay. — In-network: $395 copay per day: days 1-5 $0 copay per day: days 6 and beyond");
    const said = quotes("My brother may need a stay in a psychiatric hospital. If it's in network, how many days does the plan cover, and on which days does he pay a daily copay and how much is it?", [mental, general]).join(" ");
    expect(said).toContain("days 1-4");
    expect(said).not.toContain("days 1-5");
  });
});

describe("session 36: session 70's questions", () => {
  it("reads a word the vocabulary knows as no name told ('My PCP is in network…')", () => {
    expect(toldNames("My PCP is in network, but her office sends my blood work out to a lab. Could that lab turn out to be out of network and bill me on its own?")).toEqual([]);
    expect(toldNames("Tengo cita con la Dra. Ana Martínez, ginecóloga en Ogden. ¿Está en la red de este plan?")).toContain("martinez");
  });
  it("answers a kind of care from a summary's list of what it does not cover, unless the care is a child's", () => {
    const excluded = planSource(1, "Excluded Services & Other Covered Services: Services Your Plan Generally Does NOT Cover (Check your policy or plan document for more information and a list of any other excluded services.) • Cosmetic surgery • Dental care (Adult) • Long-term care • Routine eye care (Adult) • Routine foot care");
    expect(quotes("Tengo 45 años y estoy en el plan familiar. ¿El plan me cubre a mí la limpieza dental, el examen de la vista de rutina y el cuidado de rutina de los pies?", [excluded]).join(" ")).toContain("Routine foot care");
    const checkup = planSource(2, "If your child needs dental or eye care › Dental check-up — Network Provider: No charge; Limitations & Exceptions: Coverage is limited to 2 visits per year.");
    expect(quotes("Mi hijo de 7 años va a un dentista de la red. ¿El plan le cubre los selladores dentales en las muelas y cuánto pagaríamos?", [excluded, checkup])).toEqual([]);
  });
  it("reads a stress test as a diagnostic test and 'pay for the surgeon' as the surgeon's fees", () => {
    expect(contentTokens("My cardiologist wants me to do a stress test.").has("#diagnostic-tests")).toBe(true);
    expect(contentTokens("Me van a hacer una prueba de esfuerzo.").has("#diagnostic-tests")).toBe(true);
    expect(contentTokens("what do I pay for the surgeon?").has("#physician-fees")).toBe(true);
    expect(contentTokens("¿Y cuánto le pago al cirujano?").has("#physician-fees")).toBe(true);
  });
  it("lets a store in capitals go when a passage says where the fills must be made", () => {
    expect([...businessesNamed("Can we keep refilling it at the CVS down the street?")]).toEqual(["cvs"]);
    const specialty = planSource(1, "Preferred specialty drugs — Network Provider: 10% coinsurance up to 30 day supply; Non-Participating Provider: Not covered; Limitations & Exceptions: First Prescription must be filled at a participating retail pharmacy or Aetna Specialty Pharmacy®. Subsequent fills must be through Aetna Specialty Pharmacy®.");
    expect(quotes("My son's rheumatologist just prescribed a preferred specialty drug. What's our share of the cost, and can we keep refilling it at the CVS down the street?", [specialty]).join(" ")).toContain("10% coinsurance");
  });
  it("keeps the network's column for out-of-network care the row prices as the network's", () => {
    const home = "Home health care — Preferred Provider: 5% coinsurance; Non-Preferred Provider: Not covered; Limitations & Exceptions: Non-preferred home health care is not covered unless pre-authorized. When these services are pre-authorized, you pay the preferred provider copayment.";
    expect(presentQuote(home, "en", { network: "out", question: "The agency isn't a preferred provider. What would we pay?" })).toContain("5% coinsurance");
    const er = "Emergency room care — Preferred Provider: $100 copay; Non-Preferred Provider: $100 copay";
    expect(presentQuote(er, "en", { network: "out", question: "What would we pay out of network?" })).toBe("Emergency room care — Non-Preferred Provider: $100 copay");
  });
  it("sets aside a row of the other drug kind than the one told", () => {
    const generic = planSource(1, "If you need drugs to treat your illness or condition › Preferred generic drugs — Network Provider: $35 copay/retail; deductible waived; Non-Participating Provider: Not covered");
    const brand = planSource(2, "If you need drugs to treat your illness or condition › Preferred brand drugs — Network Provider: $75 copay/retail; Non-Participating Provider: Not covered");
    const deductible = planSource(3, "Are there other deductibles for specific services? — Answers: Yes, $250 per Individual for prescription brand drug coverage.");
    const said = quotes("Mi doctor me recetó un medicamento de marca preferida y es mi primera receta del año. ¿Tengo que pagar algún deducible primero? ¿Y después cuánto es el copago en la farmacia?", [generic, brand, deductible]).join(" ");
    expect(said).toContain("$75");
    expect(said).not.toContain("$35");
  });
  it("reads a thing told again by a broader name as the same thing", () => {
    expect(storiedParts("Mi doctor me recetó un medicamento de marca preferida y es mi primera receta del año. ¿Tengo que pagar algún deducible primero? ¿Y después cuánto es el copago en la farmacia?")).toEqual([]);
  });
  it("reads 'let them know' and 'avisarle' as telling the plan", () => {
    expect(contentTokens("¿Tengo que avisarle algo a UHC?").has("#notification")).toBe(true);
    const er = planSource(1, "If you need immediate medical attention › Emergency room services — Network Provider: 20% co-ins, after ded.; Non-Network Provider: Same as Network; Notification is required if confined in a non-Network Hospital.");
    const inpatient = planSource(2, "Mental / Behavioral health inpatient services — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: Pre-Authorization is required non-network or benefit reduces to 50%.");
    expect(quotes("Estaba de viaje y me llevaron a una sala de emergencias que no es de la red, y me internaron. ¿Pago más por no ser de la red? ¿Tengo que avisarle algo a UHC?", [inpatient, er]).join(" ")).toContain("Notification is required");
  });
  it("refuses what a service is asked to include when no passage names it", () => {
    const gym = planSource(1, "Wellness Program — Clover Health Choice (PPO) (Plan 004): $0 copay for One Pass®, includes access to a participating gym network, digital fitness content.");
    expect(quotes("Does Clover's One Pass gym benefit include sessions with a personal trainer, or would I have to pay for those myself?", [gym])).toEqual([]);
  });
  it("refuses the name of a pharmacy owned by the plan, and whom the member is assigned to, when no passage says", () => {
    const mail = planSource(1, "Generic drugs — Preferred Provider: $20/prescription (mail); Non-Preferred Provider: Not covered");
    expect(quotes("What's the name of Blue Shield's mail-order pharmacy, and how do I sign up for it?", [mail])).toEqual([]);
    const pcp = planSource(2, "If you visit a health care provider’s office or clinic › Primary care visit to treat an injury or illness — In-network Provider: $25; Out-of-network Provider: Not covered");
    expect(quotes("I just enrolled in this Health Net HMO. Which medical group am I assigned to, and who is my primary care doctor?", [pcp])).toEqual([]);
    expect(quotes("¿Estoy obligada a escoger un médico de cabecera (PCP) fijo, o el plan me asigna uno?", [pcp])).toEqual([]);
    const choose = planSource(3, "You must choose a primary care provider (PCP) from the network; if you do not, we will assign one to you.");
    expect(quotes("Which doctor am I assigned to if I don't pick one?", [choose]).join(" ")).toContain("assign");
  });
});

describe("session 36: session 72's questions", () => {
  it("answers surgery asked at both a hospital and a surgery center from both rows", () => {
    const hospital = planSource(1, "Outpatient Hospital — Clover Health Choice Value (PPO) (Plan 007): In-Network: Outpatient surgery: $250 copay.");
    const center = planSource(2, "Ambulatory Surgery Center — Clover Health Choice Value (PPO) (Plan 007): In-Network: $175 copay");
    const said = quotes("I'm on Choice Value (007) and need a knee scope. My surgeon operates at the hospital's outpatient department and also at an ambulatory surgery center, both in network. What's my copay at each place?", [hospital, center]).join(" ");
    expect(said).toContain("$250 copay");
    expect(said).toContain("$175 copay");
  });
  it("reads both tiers in 'one preferred and one not', 'se acaba de salir de la red', 'una agencia preferida', 'que sí sea preferida'", () => {
    expect(asksNetwork("There are two freestanding lab/x-ray centers near me, one a Blue Shield preferred provider and one not. What share would I pay at each?")).toBeNull();
    expect(asksNetwork("Mi psicóloga se acaba de salir de la red. ¿Cuánto voy a pagar por sesión si me quedo con ella, y cuánto pagaba cuando era de la red?")).toBeNull();
    expect(asksNetwork("Mi psicóloga se acaba de salir de la red. ¿Cuánto voy a pagar por sesión?")).toBe("out");
    expect(asksNetwork("La agencia no es proveedor preferido. ¿Cuánto pagamos con una agencia preferida y cuánto con la que no es preferida?")).toBeNull();
    expect(asksNetwork("La clínica más cercana no es de la red. ¿Cuánto pagaríamos ahí y cuánto en una clínica que sí sea preferida?")).toBeNull();
  });
  it("keeps the item asked of a cell that names its items before a colon, under every tier", () => {
    const cell = "Clover Health Choice (PPO) (Plan 004): In-Network: Outpatient group therapy visit: $30 Copay. Individual therapy visit: $40 Copay. Out-of-Network: Outpatient group therapy visit: $50 Copay. Individual therapy visit: $60 Copay.";
    expect(askedItems(cell, "Voy cada semana con mi psicóloga a terapia individual. ¿Cuánto pago por sesión?")).toBe("Clover Health Choice (PPO) (Plan 004): In-Network: Individual therapy visit: $40 Copay. Out-of-Network: Individual therapy visit: $60 Copay.");
    expect(askedItems(cell, "Me ve en sesiones individuales y además me invitó a un grupo de terapia. ¿Cuánto es el copago de cada una?")).toBe(cell);
    const emergency = "Clover Health Choice (PPO) (Plan 004): In-Network and Out-of-Network: $110 Copay per visit. Worldwide Coverage: $110 Copay.";
    expect(askedItems(emergency, "Is there a limit on what the plan pays for emergency care outside the country, worldwide?")).toBe(emergency);
  });
});

describe("session 36: session 74's questions", () => {
  it("reads 'skip that step' as everyday words, not a thing to find", () => {
    expect(requiredTerms("My doctor wants me to get BRCA genetic testing, and the lab she uses is out of network. Do I need to do anything before the test, and what happens if I skip that step?")).not.toContain("step");
  });
  it("does not read a generic denied as told ('there's no generic')", () => {
    const generic = planSource(1, "If you need drugs to treat your illness or condition › Preferred generic drugs — Network Provider: $35 copay/retail, $70 copay/mail order; deductible waived");
    const brand = planSource(2, "If you need drugs to treat your illness or condition › Preferred brand drugs — Network Provider: $75 copay/retail, $150 copay/mail order");
    const said = quotes("My doctor put me on a preferred brand drug (there's no generic). Once I've met the $250 brand drug deductible, what's the copay at a retail pharmacy, and what for a mail-order fill?", [generic, brand]).join(" ");
    expect(said).toContain("$75");
    expect(said).not.toContain("$35");
  });
  it("reads colostomy supplies and surgical bras as prosthetic supplies", () => {
    expect(contentTokens("¿Qué porcentaje pagamos por las bolsas y los suministros de colostomía?").has("#ostomy-supplies")).toBe(true);
    expect(contentTokens("Will the plan cover the special surgical bras afterward?").has("#surgical-bra")).toBe(true);
  });
});

describe("session 36: names of providers, the nearest hospital, gas money, pairs, a drug's 'non-preferred'", () => {
  const network = planSource(1, "Does this plan use a network of providers? — Answers: Yes. For a list of network providers, see www.aetna.com or call 1-866-529-2517.");
  it("refuses the name of a network pediatrician and the nearest network hospital", () => {
    expect(quotes("Acabamos de mudarnos a Tucson. ¿Me pueden dar el nombre de un pediatra de la red de UHC cerca de nosotros?", [network])).toEqual([]);
    expect(quotes("Busco un dentista de la red en Provo que hable español. ¿Me pueden dar el nombre de alguno?", [network])).toEqual([]);
    expect(quotes("Vivo en Bakersfield. ¿Cuál es el hospital de la red de este plan que me queda más cerca?", [network])).toEqual([]);
  });
  it("refuses gas or mileage to appointments when no passage names it", () => {
    expect(contentTokens("¿Anthem me reembolsa la gasolina o el millaje para ir a las citas?").has("#mileage")).toBe(true);
    const specialist = planSource(2, "Specialist visit — Network Provider: $35 copay per visit; Limitations & Exceptions: Deductible waived for In-Network Providers.");
    expect(quotes("El único especialista de la red que me puede atender queda a dos horas de mi casa. ¿Anthem me reembolsa la gasolina o el millaje para ir a las citas?", [specialist])).toEqual([]);
  });
  it("answers 'how many pairs' only from a passage that counts pairs", () => {
    const foot = planSource(3, "Routine foot care — In-network: $40 copay, 6 visits per year*; Out-of-network: $65 copay, 6 visits per year*");
    expect(quotes("Soy diabético y el podólogo me recetó zapatos terapéuticos. Ya sé que pago el 20%, pero ¿cuántos pares al año me cubre el plan?", [foot])).toEqual([]);
    const glasses = planSource(4, "Vision Services — In-Network: Medicare-covered eyeglasses or contact lenses (1 pair after each cataract surgery): $0 Copay.");
    expect(quotes("After my cataract surgery, how many pairs of glasses does the plan cover?", [glasses]).join(" ")).toContain("1 pair");
  });
  it("reads a drug's 'non-preferred' as its tier, not a network", () => {
    expect(asksNetwork("My asthma doctor is deciding between two brand-name inhalers: one is a preferred brand and the other is non-preferred. What would each one cost me?")).toBeNull();
    expect(asksNetwork("My doctor is non-preferred. What would a visit cost me?")).toBe("out");
  });
  it("splits '…, y tenemos que pagar también…?' into a second ask", () => {
    expect(askedParts("¿Cuánto nos toca pagar por la ambulancia, y tenemos que pagar también el copago de emergencias?")).toHaveLength(2);
  });
  it("reads 'my regular neighborhood pharmacy' as no thing to find", () => {
    expect(requiredTerms("After the first fill can I keep picking it up at my regular neighborhood pharmacy?")).not.toContain("neighborhood");
  });
});

describe("session 36: a row named after what the asking sentences name", () => {
  it("sets aside a row named only after the story's thing", () => {
    const prosthetics = planSource(1, "Prosthetics (e.g., braces, artificial limbs) — In-network: 20% coinsurance; Out-of-network: 50% coinsurance");
    const diabetes = planSource(2, "Diabetes self-management training — In-network: $0 copay; Out-of-network: 30% coinsurance");
    const said = quotes("My husband lost his lower leg to diabetes complications and is being fitted for an artificial limb. What share of the cost do we pay if the prosthetics supplier is in network, and what if it's out of network?", [prosthetics, diabetes]).join(" ");
    expect(said).toContain("50% coinsurance");
    expect(said).not.toContain("Diabetes");
  });
});

describe("session 36: how many sessions asked of rows that price them", () => {
  it("refuses 'how many sessions' when the quotes count none", () => {
    const rehab = planSource(1, "If you need help recovering or have other special health needs › Rehabilitation services — Preferred Provider: $20/visit; Limitations & Exceptions: If prior authorization is not obtained a $250 penalty will apply.");
    expect(quotes("Después de la cirugía del hombro voy a necesitar terapia física con un terapeuta preferido. ¿Cuántas sesiones al año me cubre el plan como máximo?", [rehab])).toEqual([]);
    const limited = planSource(2, "Rehabilitation services — Preferred Provider: $20/visit; Limitations & Exceptions: Limited to 20 visits per calendar year.");
    expect(quotes("¿Cuántas sesiones de terapia física al año me cubre el plan como máximo?", [limited]).join(" ")).toContain("20 visits");
  });
});

describe("session 36: lodging and tube feedings", () => {
  it("reads a hotel as lodging and tube feedings as enteral nutrition", () => {
    expect(contentTokens("¿El plan nos ayuda a pagar el hotel?").has("#lodging")).toBe(true);
    expect(contentTokens("My husband gets tube feedings at home.").has("#infant-formula")).toBe(true);
  });
});

describe("session 36: visiting someone", () => {
  it("reads 'visiting family' as where the member was, not an office visit", () => {
    const tokens = contentTokens("My husband got sick visiting family and was admitted to a hospital that isn't in Clover's network.");
    expect(tokens.has("#office-visit")).toBe(false);
    expect(tokens.has("#hospital-stay")).toBe(true);
  });
});

describe("session 36: session 76's questions", () => {
  const premium = planSource(1, "If your plan doesn’t meet the Minimum Value Standards, you may be eligible for a premium tax credit to help you pay for a plan through the Marketplace.");
  it("refuses paying a premium by card or from a bank account when no passage says how", () => {
    expect(contentTokens("¿Puedo pagar la prima con tarjeta de crédito o en pago automático desde mi cuenta del banco?").has("#premium-payment")).toBe(true);
    expect(quotes("¿Puedo pagar la prima de este plan con tarjeta de crédito o ponerla en pago automático desde mi cuenta del banco?", [premium])).toEqual([]);
  });
  it("reads 'approved ahead of time' as prior authorization", () => {
    expect(requiredTerms("Mom's oncologist says it's time for hospice. Do we need to get it approved ahead of time, what happens if we don't, and what's our share with an in-network hospice?")).toContain("#prior-authorization");
  });
  it("does not read 'a partir de qué día' as asking a date", () => {
    expect(wantsNumber("¿Cuánto pago por día y a partir de qué día ya no pago nada?")).not.toBe("date");
    expect(wantsNumber("¿Qué día empieza la cobertura?")).toBe("date");
  });
  it("reads employee-only coverage as one person's", () => {
    expect(contentTokens("I'm on employee-only coverage.").has("#self-only")).toBe(true);
    expect(asksLevel("I'm on employee-only coverage. What's my deductible?")).toBe("individual");
  });
  it("keeps a tier's own limit when it is asked apart from the combined one", () => {
    const limits = "Maximum Out-of-Pocket Responsibility — Clover Health Choice Value (PPO) (Plan 007): Your yearly maximums in this plan: • $9,350 for In-network providers • $14,000 for In and out-of-network providers combined";
    const question = "What's the most I could pay out of pocket this year for in-network care, and what's the cap if you add in-network and out-of-network together?";
    expect(presentQuote(limits, "en", { question })).toContain("$9,350");
    expect(presentQuote(limits, "en", { question: "What's the combined in-network and out-of-network cap?" })).not.toContain("$9,350");
  });
  it("reads codes like RxBIN as names, and shipping fees and therapeutic shoes as things asked about", () => {
    const tier = planSource(2, "Tier 3: Preferred Brand — Retail · Standard · 30-day supply^: $47 copay");
    expect(quotes("En la farmacia me piden el número RxBIN y el RxPCN de mi plan para surtir la receta. ¿Cuáles son?", [tier])).toEqual([]);
    expect(contentTokens("¿Me la mandan a la casa y cobran el envío?").has("#shipping-fee")).toBe(true);
    expect(quotes("Does the mail-order pharmacy charge a shipping fee for my prescriptions?", [tier])).toEqual([]);
    expect(contentTokens("el podólogo me recetó zapatos terapéuticos").has("#therapeutic-shoes")).toBe(true);
  });
});

describe("session 36: in how many days", () => {
  it("answers 'in how many days' only with days, hours, weeks or a deadline in words", () => {
    const limit = planSource(1, "Is there an out-of-pocket limit on my expenses? — Answers: Non-Network: $12,000 Individual; Why This Matters: The out-of-pocket limit is the most you could pay during a coverage period (usually one year) for your share of the cost of covered services.");
    expect(quotes("Le pagué de mi bolsillo a un doctor que no es de la red y mandé el reclamo a UHC. ¿En cuántos días me devuelven el dinero?", [limit])).toEqual([]);
    const claim = planSource(2, "We must pay you back within 30 days after we receive your request.");
    expect(quotes("I mailed my claim to the plan. In how many days will they pay me back?", [claim]).join(" ")).toContain("30 days");
  });
});

describe("session 36: session 78's questions", () => {
  it("asks each of things listed with commas after one preposition", () => {
    expect(askedParts("What do I pay for the surgery center, for the surgeon, and for each PT visit?")).toEqual(["What do I pay for the surgery center?", "What do I pay for the surgeon?", "What do I pay for each PT visit?"]);
    expect(askedParts("What's the copay for a visit, for example?")).toHaveLength(1);
  });
  it("reads an adult's age told as an adult's care", () => {
    const child = planSource(1, "If your child needs dental or eye care › Eye exam — Network Provider: 20% co-ins, after ded.; Limitations & Exceptions: Limited to 1 exam every 2 years.");
    const excluded = planSource(2, "Other Covered Services: Chiropractic care - may be covered with limitations; Routine eye care (Adult) - may be covered with limitations");
    expect(quotes("Tengo 45 años y uso lentes. ¿El plan me cubre a mí un examen de la vista de rutina?", [child, excluded]).join(" ")).toContain("Routine eye care (Adult)");
  });
  it("refuses when a coverage period is asked to end and the passages give only its start", () => {
    const cover = planSource(1, "Summary of Benefits and Coverage: What this Plan Covers & What it Costs — Coverage Period: Beginning on or after 1/1/2013: Coverage for: Family / Plan Type: PPO");
    expect(quotes("El resumen dice que la cobertura empieza a partir del 1/1/2013. ¿En qué fecha exacta termina mi periodo de cobertura?", [cover])).toEqual([]);
    const range = planSource(2, "Summary of Benefits and Coverage — Coverage Period: 11/15/2014 - 11/14/2015");
    expect(quotes("When does my coverage period end?", [range]).join(" ")).toContain("11/14/2015");
  });
});

describe("session 37: session 80's and 82's questions", () => {
  it("reads the plan's paying for visits as covering them, not as a price asked", () => {
    expect(asksCount("I see acupuncture is covered when it's medically necessary. How many acupuncture visits a year will Health Net pay for?")).toBe(true);
    expect(asksCount("What would I pay for each visit, and how many visits do I get?")).toBe(false);
    expect(asksCount("How many visits do I get and how much do I pay?")).toBe(false);
  });
  it("reads a psych unit as a psychiatric stay", () => {
    const mental = planSource(1, "Mental health › Inpatient visit2 Our plan covers 90 days for an inpatient hospital stay — In-network: $395 copay per day: days 1-4 $0 copay per day: days 5-90; Out-of-network: $525 copay per day: days 1-20 $0 copay per day: days 21-90");
    const hospital = planSource(2, "Inpatient hospital care2 Our plan covers an unlimited number of days for an inpatient hospital stay. — In-network: $395 copay per day: days 1-5 $0 copay per day: days 6 and beyond; Out-of-network: $525 copay per day: for days 1-20");
    const said = quotes("My husband is being admitted to a psych unit for about ten days for severe depression, and the hospital is out of network. What will we pay per day there, and what would it be at an in-network hospital?", [mental, hospital]).join(" ");
    expect(said).toContain("Mental health");
    expect(said).not.toContain("days 6 and beyond");
  });
});

describe("session 37: the plan's own figure asked after a story", () => {
  it("answers the most one could pay out of pocket whatever care the story told", () => {
    const limit = planSource(1, "Is there an out-of-pocket limit on my expenses? — Answers: Yes. Individual $6,350 / Family $12,700.; Why this Matters: The out-of-pocket limit is the most you could pay during a coverage period (usually one year) for your share of the cost of covered services.");
    const surgery = planSource(2, "If you have outpatient surgery › Physician/surgeon fees — Network Provider: 50% coinsurance; Non-Participating Provider: Not covered");
    const said = quotes("There are four of us on this bronze plan and my wife might need surgery this year. What's the most one person could pay out of pocket in a year, and the most for the whole family?", [limit, surgery]).join(" ");
    expect(said).toContain("$6,350");
    expect(said).not.toContain("surgeon");
  });
});

describe("session 37: session 80's, 84's and 86's questions", () => {
  it("refuses the member's group number when no passage prints one", () => {
    const chart = planSource(1, "Inpatient hospital care: ·Semi-private room ·Operating and recovery room costs ·Use of appliances, such as wheelchairs");
    expect(quotes("Estoy llenando los papeles en el hospital y me piden el número de grupo de mi plan. ¿Cuál es el número de grupo?", [chart])).toEqual([]);
    const card = planSource(2, "Your ID card — Group Number: 704512; Member ID: 912345678");
    expect(quotes("What's my group number?", [chart, card]).join(" ")).toContain("704512");
  });
  it("asks a second question ordered after the first ('…, and after that what's my copay…?')", () => {
    expect(askedParts("Is there a separate drug deductible I have to meet first, and after that what's my copay at a retail pharmacy and by mail order?")).toEqual([
      "Is there a separate drug deductible I have to meet first?",
      "after that what's my copay at a retail pharmacy and by mail order?",
    ]);
  });
  it("reads levothyroxine, in either language, as a drug told", () => {
    const tier = planSource(1, "If you need drugs to treat your illness or condition › Tier 1 – Your Lowest-Cost Option — Network Provider: Retail: $10 copay, after ded.");
    expect(quotes("Tomo levotiroxina para la tiroides todos los días. ¿En qué nivel (tier) está en este plan de UHC?", [tier])).toEqual([]);
    expect(quotes("I take levothyroxine every day. What tier is it on?", [tier])).toEqual([]);
  });
  it("refuses a fill at a pharmacy out of the network when the tiers price only the network's", () => {
    const tier = planSource(1, "Tier 3 (Preferred Brand) — Clover Health Choice (PPO) (Plan 004) · 30 day supply: $47 copay");
    expect(quotes("La única farmacia cerca no es de la red. Si surto ahí mi medicina de nivel 3, ¿cuánto me van a cobrar?", [tier])).toEqual([]);
    const both = planSource(2, "If you need drugs to treat your illness or condition › Preferred brand drugs — Preferred Provider: $35 copay; Non-Preferred Provider: Not covered");
    expect(quotes("If I fill my prescription at a pharmacy that isn't a preferred provider, will the plan still cover it?", [both]).join(" ")).toContain("Not covered");
  });
});

describe("session 37: rows named after another kind of care", () => {
  it("sets aside a mental health or a delivery row for a stay of no such kind", () => {
    const mental = planSource(1, "Mental health › Inpatient visit2 Our plan covers 90 days for an inpatient hospital stay — In-network: $395 copay per day: days 1-4 $0 copay per day: days 5-90");
    const hospital = planSource(2, "Inpatient hospital care2 Our plan covers an unlimited number of days for an inpatient hospital stay. — In-network: $395 copay per day: days 1-5 $0 copay per day: days 6 and beyond");
    const said = quotes("I'm getting a hip replacement at an in-network hospital. For how many days do I pay the daily hospital copay, and is there a cap on how many days the plan will cover?", [mental, hospital]).join(" ");
    expect(said).toContain("days 1-5");
    expect(said).not.toContain("days 1-4");
    const delivery = planSource(3, "If you are pregnant › Delivery and all inpatient services — In-network Provider: $450 per day; Limitations & Exceptions: 4 days max per admit.");
    const stay = planSource(4, "If you have a hospital stay › Facility fee (e.g., hospital room) — In-network Provider: $500 per day");
    expect(quotes("I'm being admitted to an in-network hospital for knee surgery. What do I pay per day for the room?", [delivery, stay]).join(" ")).not.toContain("Delivery");
    expect(quotes("I'm having a C-section at an in-network hospital. What do I pay per day?", [delivery, stay]).join(" ")).toContain("Delivery");
  });
  it("sets aside the outpatient row of a stay told", () => {
    const inpatient = planSource(1, "If you need mental health, behavioral health, or substance abuse services › Inpatient services — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance");
    const outpatient = planSource(2, "If you need mental health, behavioral health, or substance abuse services › Outpatient services — Network Provider: $35 copay/office visit and 20% coinsurance for other outpatient services; Out-of-Network Provider: 40% coinsurance");
    const said = quotes("Mi hijo de 17 años tiene una depresión fuerte y lo van a internar unos días en una unidad psiquiátrica. El hospital que nos recomendaron no es de la red. ¿Qué porcentaje nos tocaría ahí y cuánto sería en un hospital de la red?", [inpatient, outpatient]).join(" ");
    expect(said).toContain("Inpatient services");
    expect(said).not.toContain("$35");
  });
});

describe("session 37: counselors", () => {
  it("reads a counselor as mental health care, and beside an addiction as its treatment", () => {
    expect(contentTokens("What would it be with a preferred counselor?").has("#mental-health")).toBe(true);
    expect(contentTokens("My brother's addiction counselor isn't a preferred provider.").has("#substance-use")).toBe(true);
    expect(contentTokens("Can I get free counseling about my Medicare choices?").has("#counseling")).toBe(true);
  });
  it("reads getting a test approved as prior authorization", () => {
    expect(contentTokens("does anything need to be approved before I go?").has("#prior-authorization")).toBe(true);
  });
});

describe("session 37: session 88's questions", () => {
  it("refuses help in a language the document's help lines leave out", () => {
    const lines = planSource(1, "[Spanish (Español): Para obtener asistencia en Español, llame al (866) 346-7198.]\n[Tagalog (Tagalog): Kung kailangan ninyo ang tulong sa Tagalog tumawag sa (866) 346-7198.]\n[Chinese (中文): 如果需要中文的帮助，请拨打这个号码 (866) 346-7198.]");
    expect(quotes("My mother-in-law speaks Vietnamese and very little English. Does Blue Shield have a language line where she can get help in Vietnamese, and what's the number?", [lines])).toEqual([]);
    expect(quotes("My lola is more comfortable in Tagalog. Is there a number she can call for help in Tagalog?", [lines]).join(" ")).toContain("Tagalog");
    const interpreters = planSource(2, "Customer Service also has free language interpreter services available for non-English speakers. Call 1-844-876-6176.");
    expect(quotes("My mother-in-law speaks Vietnamese. Can she get help in Vietnamese, and what's the number?", [lines, interpreters])).not.toEqual([]);
  });
  it("reads Spanish 'de la red' as the everyday word English 'in network' is", () => {
    expect(specificTerms("¿Cuánto pago por consulta si ella es de la red y cuánto si no es de la red?")).toEqual([]);
  });
  it("reads 'consejería' beside drinking as its treatment", () => {
    expect(contentTokens("su médico le quiere dar consejería para reducir el alcohol").has("#substance-use")).toBe(true);
    expect(contentTokens("¿Dónde consigo consejería gratuita sobre Medicare?").has("#counseling")).toBe(true);
  });
});

describe("session 37: booking a specialist oneself, and a relation asked in one part", () => {
  it("reads booking the appointment oneself as asking about a referral", () => {
    expect(contentTokens("Can I just book the appointment myself on this HMO?").has("#referral")).toBe(true);
    expect(contentTokens("¿Puedo hacer la cita yo mismo con el especialista?").has("#referral")).toBe(true);
  });
  it("answers each part when the whole finds nothing and one part asks whether a deductible starts over", () => {
    const cover = planSource(1, "Summary of Benefits and Coverage: What this Plan Covers & What it Costs | Coverage Period: 10/01/2013 - 09/30/2014 Coverage For: Individual/Family | Plan Type: PPO", "Anthem BlueCross PPO 1500/$35");
    const deductible = planSource(2, "What is the overall deductible? — Answers: $1500 single / 2 members family for In-Network Provider; Why this Matters: You must pay all the costs up to the deductible amount before this health insurance plan begins to pay for covered services you use. Check your policy to see when the deductible starts over (usually, but not always, January 1st.)", "Anthem BlueCross PPO 1500/$35");
    const said = quotes("When does this Anthem plan's coverage period end? And does my $1500 deductible start over at the beginning of the calendar year like my old plan did, or on some other date?", [cover, deductible]).join(" ");
    expect(said).toContain("09/30/2014");
    expect(said).toContain("overall deductible");
  });
});

describe("session 37: which one the story told", () => {
  it("asks the kind told before a thing the question names bare", () => {
    expect(toldQualifiers("My audiologist says hearing aids won't help me anymore and I need a cochlear implant. Will Clover cover the implant surgery?")).toEqual(["cochlear"]);
    expect(toldQualifiers("The neurologist wants a brain MRI. What is my copay for the MRI?")).toEqual([]);
    expect(toldQualifiers("My doctor's office drew blood for a cholesterol panel. What's my copay for the blood work?")).toEqual([]);
    const dental = planSource(1, "Dental Services — Clover Health Choice Value (PPO) (Plan 007): In-Network: • Implants Services (ex: implants & abutments) 50% coinsurance");
    expect(quotes("I need a cochlear implant. Will Clover cover the implant surgery, and what would I pay?", [dental])).toEqual([]);
  });
});

describe("session 37: equipment named after what it is for", () => {
  it("finds a blood pressure monitor only where the two are said together", () => {
    expect(compoundTerms("Will the plan pay for a home blood pressure monitor?", requiredTerms("Will the plan pay for a home blood pressure monitor?"))).toContainEqual(["pressur", "monitor"]);
    const glucose = planSource(1, "Supplies to monitor your blood glucose: continuous glucose monitors, blood glucose monitors, blood glucose test strips.");
    const screening = planSource(2, "Annual wellness visit: we check your blood pressure and weight.");
    expect(quotes("My doctor wants me checking my blood pressure at home every morning. Will the plan pay for a home blood pressure monitor, and how much would I owe?", [glucose, screening])).toEqual([]);
  });
});

describe("session 37: session 90's questions", () => {
  it("ends where a ride goes at the next clause ('…to the hospital and the ambulance company wasn't…')", () => {
    const ride = planSource(1, "Emergency Medical Transportation — In-Network Provider: 40% coinsurance; Non-Network Provider: 40% coinsurance; Limitations & Exceptions: none");
    expect(quotes("My husband was taken by ambulance to the hospital and the ambulance company wasn't in Anthem's network. What percentage do we pay?", [ride]).join(" ")).toContain("40% coinsurance");
    expect(quotes("A mi esposo se lo llevaron en ambulancia al hospital y la compañía de ambulancias no era de la red de Anthem. ¿Qué porcentaje nos toca pagar?", [ride]).join(" ")).toContain("40% coinsurance");
  });
  it("reads a hospice's inpatient unit as where the care is", () => {
    const hospice = planSource(1, "If you need help recovering or have other special health needs › Hospice service — Network Provider: Inpatient: 50% coinsurance; Outpatient: 0% coinsurance; Non-Participating Provider: Not covered");
    expect(quotes("Mom is starting hospice, all in network. What would we pay if she gets hospice care at home, versus if she has to move into the hospice's inpatient unit?", [hospice]).join(" ")).toContain("Inpatient: 50%");
  });
  it("reads the stool tests as colorectal cancer screening", () => {
    expect(contentTokens("la prueba de sangre oculta en las heces, para revisar lo del cáncer de colon").has("#colonoscopy")).toBe(true);
    expect(contentTokens("a FIT test for colon cancer").has("#colonoscopy")).toBe(true);
  });
});

describe("session 37: replacing a device", () => {
  it("reads replace and replacement as one thing, and a joint replaced as surgery", () => {
    expect(contentTokens("Will the plan pay to replace it?").has("#replacement")).toBe(true);
    expect(contentTokens("Covers 1 per type of DME (including repair/replacement) every 3 years").has("#replacement")).toBe(true);
    expect(contentTokens("after his knee replacement").has("#replacement")).toBe(false);
    const dme = planSource(1, "Durable medical equipment — Network Provider: 20% co-ins, after ded.; Limitations & Exceptions: Covers 1 per type of DME (including repair/replacement) every 3 years");
    expect(quotes("My husband's CPAP machine died after two years. Will the plan pay for a replacement now? How often does it replace the same type of equipment?", [dme]).join(" ")).toContain("every 3 years");
  });
  it("reads no everyday word after a comma as a kind told ('…knee replacement, Dad needs…')", () => {
    expect(toldKinds("After his knee replacement, Dad needs physical therapy and then some home health visits. Are there limits on how many visits the plan will cover?")).toEqual([]);
  });
});

describe("session 37: facts only a plan's own words print", () => {
  it("refuses the mail-order pharmacy's name where only a specialty pharmacy is named", () => {
    const tiers = planSource(1, "If you need drugs to treat your illness or condition › Preferred generic drugs — Network Provider: $10 copay/mail order; Limitations & Exceptions: Subsequent fills must be through Aetna Specialty Pharmacy®.");
    expect(quotes("I'd like to get my regular maintenance meds by mail. What's the name of the mail-order pharmacy for this Aetna plan, and how do I sign up?", [tiers])).toEqual([]);
    const optum = planSource(2, "To get order forms and information about filling your prescriptions by mail you may contact our preferred mail service pharmacy, Optum® Home Delivery Pharmacy at 1-877-889-6358.");
    expect(quotes("What's the name of the mail-order pharmacy for this plan?", [tiers, optum]).join(" ")).toContain("Optum");
  });
  it("refuses whether the plan goes with an HSA when only the summary's boilerplate names one", () => {
    const boilerplate = planSource(1, "Yes. An important cost is the premium you pay. You should also consider contributions to accounts such as health savings accounts (HSAs), flexible spending arrangements (FSAs) or health reimbursement accounts (HRAs) that help you pay out-of-pocket expenses.");
    expect(quotes("With a deductible this high, I'd like to pair this Bronze plan with a health savings account. Is it an HSA-eligible plan?", [boilerplate])).toEqual([]);
  });
});

describe("session 37: an employer's deposit, a state office to call", () => {
  it("refuses what an employer puts into the HSA where no passage states it", () => {
    const cover = planSource(1, "HSA Choice Plus Plan BZY / 0H9 · Coverage Period: 11/01/2013 – 10/31/2014 · Co-payments (copays) are fixed dollar amounts (for example, $15) you pay for covered health care.");
    expect(quotes("How much does my employer put into my HSA each year with this plan?", [cover])).toEqual([]);
  });
  it("reads '¿A qué oficina del estado de California puedo llamar…?' as asking a phone number", () => {
    expect(wantsNumber("Tengo una queja contra Health Net y no me la resolvieron. ¿A qué oficina del estado de California puedo llamar y cuál es el número?")).toBe("phone");
  });
});

describe("session 37: a cap in dollars, a trial told", () => {
  it("answers a cap in dollars with a dollar figure or a limit said to be none", () => {
    const glasses = planSource(1, "If your child needs dental or eye care › Glasses — Network Provider: Preferred: No charge; Non-preferred: 50% coinsurance; Limitations & Exceptions: Coverage is limited to 1 pair of glasses (lenses and frames) or contact lenses per 12 months.");
    expect(quotes("Mi hijo de 13 años quiere lentes de contacto en vez de anteojos. ¿Hay un tope en dólares de lo que paga el plan por los lentes de contacto?", [glasses])).toEqual([]);
    const annual = planSource(2, "Is there an overall annual limit on what the plan pays? — Answers: No.; Why this Matters: The chart starting on page 2 describes any limits on what the plan will pay for specific covered services, such as office visits.");
    expect(quotes("My dad just started cancer treatment. Is there a yearly dollar cap where this plan stops paying for his care?", [annual]).join(" ")).toContain("annual limit");
  });
  it("asks about the clinical trial told when the question says 'the trial'", () => {
    expect(toldQualifiers("My oncologist wants to enroll me in a clinical trial for a new lung cancer drug. Will this Aetna plan keep paying for my regular office visits and scans while I'm in the trial?")).toEqual(["#clinical-trial"]);
  });
});

describe("session 37: an STI screening", () => {
  it("reads 'the screening' after STIs told as the STI screening", () => {
    expect(toldKindsOfAsked("I'm newly single and want to get tested for STIs every so often. How often will the plan cover the screening?")).toEqual(["#sti"]);
  });
});

describe("session 37: a delivery's fees", () => {
  it("reads an OB's delivery fees as no shipping fee", () => {
    expect(contentTokens("What share do I pay for her delivery fees?").has("#shipping-fee")).toBe(false);
    expect(contentTokens("Is there a shipping fee for my diabetic supplies?").has("#shipping-fee")).toBe(true);
  });
});

describe("session 37: a Spanish professional named preferred, twins and combined limits", () => {
  it("reads 'un fisioterapeuta preferido' as the network's tier", () => {
    expect(asksNetwork("¿Cuánto paga por visita con un fisioterapeuta preferido?")).toBe("in");
  });
  it("keeps a limit of both tiers combined when the network's is asked", () => {
    const outpatient = planSource(2, "If you have mental health, behavioral health, or substance abuse needs › Mental/Behavioral health outpatient services — In-Network Provider: Mental/Behavioral Health Office Visit 40% coinsurance; Non-Network Provider: Mental/Behavioral Health Office Visit 50% coinsurance with $25 max per visit; Limitations & Exceptions: Mental/Behavioral Health Office Visit Coverage is limited to a total of 20 visits, In-Network Provider and Non-Network Provider combined per year.");
    const question = "Mi hija de 16 años va a empezar terapia cada semana con una psicóloga de la red por ansiedad. ¿Cuántas consultas al año le cubre el plan y qué porcentaje nos toca pagar por cada una?";
    expect(presentQuote(outpatient.text, "es", { network: "in", question })).toContain("20 visits");
  });
});

describe("session 37: an aside after a note's sentence", () => {
  it("keeps a parenthesis with the sentence before it when the network's care is asked", () => {
    const row = "Skilled nursing care — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: Limited to 60 days per Calendar year. (combined with Inpatient Rehabilitation) Pre-Authorization is required non-network or benefit reduces to 50%.";
    const said = presentQuote(row, "en", { network: "in", question: "Dad is going to an in-network skilled nursing facility. How many days a year are covered, and does the rehab stay count against the same limit?" });
    expect(said).toContain("(combined with Inpatient Rehabilitation)");
    expect(said).not.toContain("reduces to 50%");
  });
});

describe("session 38: session 96's questions", () => {
  it("reads an illness named after a doctor ('for my Crohn's') as why, not a name to find", () => {
    expect(toldConditions("My gastroenterologist is putting me on a specialty drug (Tier 4) for my Crohn's. What's my share?")).toEqual(new Set(["crohn"]));
    expect(toldConditions("Is my Crohn's drug covered?").size).toBe(0);
    const tier = planSource(1, "If you need drugs to treat your illness or condition › Specialty drugs (Tier 4) — Network Provider: 50% coinsurance; Out-of-Network Provider: 70% coinsurance");
    expect(quotes("My gastroenterologist is putting me on a specialty drug (Tier 4) for my Crohn's. What's my share if I fill it at an in-network pharmacy, and how much worse is it at one outside the network?", [tier]).join(" ")).toContain("50% coinsurance");
  });
  it("reads 'You pay nothing' as a cost stated", () => {
    const hospice = planSource(1, "Hospice — In-network: You pay nothing for hospice care from any Medicare-approved hospice. Hospice is covered by Original Medicare, outside of our plan.");
    expect(quotes("Mi esposo tiene cáncer. ¿Cuánto nos cobra este plan por el hospicio y quién lo paga en realidad?", [hospice]).join(" ")).toContain("You pay nothing");
  });
  it("reads 'post-cataract' eyewear as the eyewear after cataract surgery", () => {
    const row = planSource(1, "Eyewear after cataract surgery — In-network: $0 copay; Out-of-network: 30% coinsurance");
    expect(quotes("Just had cataract surgery and need new glasses. What do I pay for the post-cataract eyewear if I go to an in-network optical shop?", [row]).join(" ")).toContain("$0 copay");
  });
  it("reads a repair asked in Spanish as the row's repair, and a hernia repair as surgery", () => {
    expect(requiredTerms("¿Qué porcentaje nos toca, y cada cuánto tiempo nos cubre el plan otra silla o la reparación?")).toEqual(["#repair"]);
    expect(contentTokens("Covers 1 per type of DME (including repair/replacement) every 3 years").has("#repair")).toBe(true);
    expect(requiredTerms("My hernia repair is at an in-network surgery center. What share of the surgeon's fee will I pay?")).not.toContain("#repair");
  });
  it("tells an opioid treatment program apart from counseling for substance use", () => {
    const rows = planSource(1, "Opioid treatment program services2 — In-network: $0 copay; Out-of-network: $0 copay\nOutpatient substance use disorder services › Outpatient group therapy visit2 — In-network: $15 copay; Out-of-network: $30 copay\nOutpatient individual therapy visit2 — In-network: $25 copay; Out-of-network: $40 copay");
    const said = quotes("My husband is starting methadone at an in-network opioid treatment program, and he'll also see an in-network counselor one-on-one for his substance use. What's the copay for each?", [rows]).join(" ");
    expect(said).toContain("$0 copay");
    expect(said).toContain("$25 copay");
  });
});

describe("session 38: session 94's and 98's questions", () => {
  it("reads a complaint's form ('el formulario de queja') as no drug list", () => {
    expect(requiredTerms("¿Puedo llenar el formulario de queja de Health Net por internet?")).not.toContain("#formulary");
    expect(requiredTerms("¿Mi medicina está en el formulario?")).toContain("#formulary");
  });
  it("reads a doctor's office told slow as no subject", () => {
    expect(requiredTerms("I'm scheduled for a CT scan. Also, my doctor's office is slow with paperwork, so is there any penalty if they forget to get the prior authorization?")).not.toContain("slow");
  });
  it("refuses a health savings account's own terms a summary does not print", () => {
    const header = planSource(1, "HSA Choice Plus Plan BZY / 0H9 · Coverage Period: 11/01/2013 – 10/31/2014 · Summary of Benefits and Coverage: What This Plan Covers & What it Costs");
    const boilerplate = planSource(2, "You should also consider contributions to accounts such as health savings accounts (HSAs), flexible spending arrangements (FSAs) or health reimbursement accounts (HRAs) that help you pay out-of-pocket expenses.");
    expect(quotes("¿Qué banco maneja la cuenta de ahorros para la salud (HSA) que va con este plan, y cuánto cobra de comisión al mes?", [header, boilerplate])).toEqual([]);
    expect(quotes("If I leave my job next year, what happens to the money in my health savings account? Do I get to keep it?", [header, boilerplate])).toEqual([]);
    const terms = planSource(3, "Example Bank holds your HSA, and the money in it rolls over each year.");
    expect(quotes("Which bank holds my HSA?", [header, terms]).join(" ")).toContain("Example Bank");
  });
  it("refuses a doctor's own name, which a plan document does not print", () => {
    const dental = planSource(1, "Preventive — In-network: $0 copay for preventive dental including oral exams, X-rays, routine cleanings and fluoride* · Access to one of the largest national dental networks");
    expect(quotes("Busco un dentista que hable español cerca de West Valley City para mis limpiezas. ¿Me pueden dar el nombre de uno que acepte este plan?", [dental])).toEqual([]);
    expect(quotes("¿Cómo se llama el dentista de la red más cercano a mi casa?", [dental])).toEqual([]);
    expect(quotes("Do I pay anything for cleanings with a network dentist?", [dental]).join(" ")).toContain("$0 copay");
  });
  it("refuses an office to walk into when only a mailing address is printed", () => {
    const write = planSource(1, "Write — Customer Service - Contact Information: UnitedHealthcare Customer Service Department P.O. Box 30770, Salt Lake City, UT 84130-0770");
    expect(quotes("Prefiero hablar con alguien en persona. ¿Cuál es la dirección de una oficina de UnitedHealthcare en Salt Lake City a la que pueda ir sin cita?", [write])).toEqual([]);
    const visit = planSource(2, "If you visit a health care provider's office or clinic › Primary care visit to treat an injury or illness — Network Provider: $35 copay/office visit");
    expect(quotes("If I see my primary care doctor for an office visit, what do I pay?", [visit]).join(" ")).toContain("$35");
  });
});

describe("session 38: a price known already, a drug to try, an explanation of benefits", () => {
  it("asks only a count when the price is told as known ('Ya sé que el copago es de $20, pero ¿cuántas sesiones…?')", () => {
    expect(asksCount("Ya sé que el copago es de $20, pero ¿cuántas sesiones al año me cubre el plan?")).toBe(true);
    expect(asksCount("¿Cuál es el copago y cuántas sesiones al año me cubre el plan?")).toBe(false);
    const rehab = planSource(1, "If you need help recovering or have other special health needs › Rehabilitation services — Network Provider: $20 copay per visit; Non-Participating Provider: Not covered");
    expect(quotes("Me mandaron a terapia física con un terapeuta de la red. Ya sé que el copago es de $20, pero ¿cuántas sesiones al año me cubre el plan?", [rehab])).toEqual([]);
  });
  it("reads a name after 'try' as a drug told ('…wants me to try Wegovy')", () => {
    expect(toldKinds("My doctor wants me to try Wegovy for weight loss. What tier is it on?")).toContain("wegov");
  });
  it("reads an explanation of benefits as a thing a summary does not name", () => {
    expect(requiredTerms("¿Aetna me manda a mí la explicación de beneficios de sus consultas o se la manda a ella?")).toEqual(["#eob"]);
    expect(contentTokens("Part D Explanation of Benefits (EOB)").has("#eob")).toBe(true);
  });
});

describe("session 38: a pregnancy's office visits, and a price compared with elsewhere", () => {
  it("sets aside a row of the pregnancy's group for mental health care, unless its own name is of that care", () => {
    const pregnant = planSource(1, "If you are pregnant › Office visits — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance");
    const mind = planSource(2, "If you need mental health, behavioral health, or substance abuse services › Outpatient services — Network Provider: $35 copay/office visit and 20% coinsurance for other outpatient services; Out-of-Network Provider: 40% coinsurance");
    const said = quotes("I'm starting weekly sessions with an in-network therapist for my anxiety. What will each session cost me?", [pregnant, mind]).join(" ");
    expect(said).toContain("$35 copay");
    expect(said).not.toContain("If you are pregnant");
    const merged = planSource(3, "If you are pregnant › Substance use disorder inpatient services — In-network Provider: Not covered; Out-of-network Provider: Not covered");
    expect(quotes("My brother needs an inpatient rehab stay for alcohol addiction. Would this plan cover it?", [merged]).join(" ")).toContain("Substance use disorder inpatient services");
  });
  it("asks both tiers when a price out of the network is compared with another place's", () => {
    expect(asksNetwork("My MRI is at an imaging center that turns out to be out of network. How much more would I pay there than at a preferred center?")).toBeNull();
    expect(asksNetwork("My MRI is at an imaging center that turns out to be out of network. What will I pay there?")).toBe("out");
  });
});

describe("session 38: a preferred surgeon, and a nursing home for good", () => {
  it("reads 'un cirujano preferido' as the network's tier", () => {
    expect(asksNetwork("El cirujano que me recomendaron no es proveedor preferido. ¿Qué porcentaje de sus honorarios me toca pagar, y cuánto pagaría con un cirujano preferido?")).toBeNull();
    expect(asksNetwork("¿Cuánto pagaría con un cirujano preferido?")).toBe("in");
  });
  it("reads a nursing home for the long haul as long-term care", () => {
    expect(contentTokens("And if he ends up needing a nursing home for the long haul, would this plan cover that?").has("#long-term-care")).toBe(true);
    expect(contentTokens("How many days in a nursing home does the plan cover after a hospital stay?").has("#long-term-care")).toBe(false);
  });
});

describe("session 38: items named without a dash, and one child's limit", () => {
  it("keeps the item asked of a cell that names its items with capitals ('Chiropractor 40% coinsurance Acupuncturist …')", () => {
    expect(askedItems("In-Network Provider: Chiropractor 40% coinsurance Acupuncturist 40% coinsurance with $30 max per visit", "My chiropractor isn't in Anthem's network. What do I pay per visit?")).toBe("In-Network Provider: Chiropractor 40% coinsurance");
    // (Not whom a limit is for, nor a name that runs on before its last capitalised word.)
    expect(askedItems("Answers: Yes. Individual $4,000 / Family $8,000.", "What's the most I could pay, for me and for my family?")).toBe("Answers: Yes. Individual $4,000 / Family $8,000.");
    const cell = "Non-Network Provider: Mental/Behavioral Health Office Visit 50% coinsurance with $25 max per visit Mental/Behavioral Health Facility Visit - Facility Charges 50% coinsurance with $175 max per admission";
    expect(askedItems(cell, "My therapist isn't in Anthem's network. What coinsurance applies to her office visits?")).not.toMatch(/^Non-Network Provider: Visit/);
  });
  it("reads 'para un niño' as one member's limit asked beside the family's", () => {
    expect(asksLevel("¿De cuánto es para un niño y para toda la familia?")).toBeNull();
    expect(asksLevel("¿De cuánto es para un niño?")).toBe("individual");
  });
});

describe("session 38: a hospital bed for the home", () => {
  it("reads 'una cama de hospital para la casa' as medical equipment, not a hospital stay", () => {
    const tokens = contentTokens("El doctor le recetó a mi esposo una cama de hospital para la casa.");
    expect(tokens.has("#durable-medical-equipment")).toBe(true);
    expect(tokens.has("#hospital")).toBe(false);
  });
});

describe("session 38: session 100's, 102's and 104's questions", () => {
  it("reads an illness's name before the care it is for ('My Crohn's med…') as why", () => {
    expect(toldConditions("My Crohn's med is a Tier 4 specialty drug and I fill it at a retail pharmacy. What's my share per fill?")).toEqual(new Set(["crohn"]));
  });
  it("reads 'awkward to ask' as no subject", () => {
    expect(requiredTerms("This is a little awkward to ask, but does this plan cover abortion services?")).not.toContain("awkward");
  });
  it("reads a name after 'inyecte' as a drug told", () => {
    expect(toldKinds("La endocrinóloga quiere que me inyecte Trulicity cada semana. ¿Clover lo tiene en su lista de medicamentos?")).toContain("trulicit");
  });
  it("asks whether the doctor named after 'Dr.' takes the plan", () => {
    expect(toldNames("Mi médico de cabecera es el Dr. Jensen, en Provo. ¿Él acepta este plan o tengo que buscar otro doctor?")).toContain("jensen");
    expect(toldNames("My doctor is Dr. Jensen. Does he take this plan?")).toContain("jensen");
  });
  it("reads sterilization, in either language, as a named thing", () => {
    expect(requiredTerms("¿El plan cubre la ligadura de trompas con un médico preferido?")).toContain("#sterilization");
  });
  it("asks the kind told of one of many ('…allergy shots… for each shot?')", () => {
    expect(toldQualifiers("My daughter gets allergy shots every week at her allergist's office. What's our copay for each shot?")).toEqual(["#allergy"]);
  });
});

describe("session 38: a Spanish story's stretch", () => {
  it("takes no qualifier from a stretch of a Spanish story that passes for English", () => {
    expect(toldQualifiers("seguramente va a necesitar lentes nuevos. qué parte de los lentes nos toca pagar?")).toEqual([]);
  });
});

describe("session 38: a price compared with a tier named", () => {
  it("asks both tiers of '…isn't a preferred provider… versus a preferred hospice?'", () => {
    expect(asksNetwork("Dad is going into hospice, and the agency the hospital recommended isn't a preferred provider. What would we pay with them versus a preferred hospice?")).toBeNull();
    expect(asksNetwork("My acupuncturist is in network. What's the copay on the Choice plan versus the Choice Value plan?")).toBe("in");
  });
});

describe("session 38: a town told with its county", () => {
  it("lets the town go when the county is named, which decides", () => {
    const area = planSource(1, "Clover Health Choice Value (PPO) (plan 007) includes the following counties in New Jersey: Atlantic, Bergen, Essex, Hudson, Mercer, Middlesex, Monmouth. Monthly premium: $48.30");
    expect(quotes("We're moving to New Brunswick, which is in Middlesex County. Which of the two Clover plans can I join there, and what's its monthly premium?", [area]).join(" ")).toContain("Middlesex");
    expect(quotes("We're moving to New Brunswick. Which of the two Clover plans can I join there?", [area])).toEqual([]);
  });
});

describe("session 38: toenails trimmed", () => {
  it("reads a podiatrist trimming toenails as foot care", () => {
    expect(requiredTerms("My podiatrist trims my thick toenails every couple of months — is that covered?")).toEqual(["#podiatry"]);
  });
});

describe("session 38: 'terapia individual'", () => {
  it("reads Spanish individual therapy as everyday words, as English", () => {
    expect(requiredTerms("Mi hijo adolescente va a terapia individual por ansiedad leve. ¿Cuánto pagamos por cada consulta?")).not.toContain("#individual-therapy");
    expect(requiredTerms("My son goes to individual therapy for mild anxiety. What do we pay per visit?")).not.toContain("#individual-therapy");
  });
});

describe("session 38: another state", () => {
  it("reads care in another state as asked of the plan's service area", () => {
    expect(requiredTerms("Mi hija se va a estudiar a otro estado en agosto y va a seguir en nuestro plan familiar. ¿Los doctores de allá cuentan como de la red?")).toContain("#service-area");
    expect(contentTokens("My son is going to college in another state.").has("#service-area")).toBe(true);
  });
});

describe("session 38: how the two tiers' limits relate", () => {
  it("answers only from a relation stated of the tiers", () => {
    const limits = planSource(1, "What is the out-of-pocket limit for this plan? — Answers: For network providers $2,500 individual / $5,000 family; for out-of-network providers $4,000 individual / $8,000 family\nWhat is not included in the out-of-pocket limit? — Answers: Copayments for certain services, premiums, balance-billing charges, and health care this plan doesn’t cover.; Why This Matters: Even though you pay these expenses, they don’t count toward the out-of-pocket limit.");
    const question = "If I hit the $2,500 in-network OOP max, does that money also count toward the $4,000 out-of-network limit, or are they tracked completely separately?";
    expect(quotes(question, [limits])).toEqual([]);
    const stated = planSource(2, "Is there an out-of-pocket limit on my expenses? — Answers: Yes; In-Network Provider per member: $5000 Non-Network Provider per Member: $10000 In-Network Provider and Non-Network Provider out-of-pocket are separate and do not count towards each other.");
    expect(quotes(question, [limits, stated]).join(" ")).toContain("do not count towards each other");
  });
});

describe("session 38: a hospital stay that must come first", () => {
  it("refuses whether a 3-day stay must come first unless a passage speaks of a prior stay", () => {
    const rows = planSource(1, "Inpatient hospital care2 Our plan covers an unlimited number of days for an inpatient hospital stay. — In-network: $395 copay per day: days 1-5\nSkilled nursing facility (SNF)2 — In-network: $0 copay per day: days 1-20");
    const question = "Dad's doctor wants him in a skilled nursing facility for a few weeks of rehab, but he hasn't been in the hospital. Does he need a 3-day hospital stay first for this plan to cover the nursing facility?";
    expect(quotes(question, [rows])).toEqual([]);
    const said = planSource(2, "Skilled Nursing Facility (SNF) — In-Network: Days 1-20: $0 Copay per day. No prior hospitalization stay is required.");
    expect(quotes(question, [rows, said])).not.toEqual([]);
  });
});

describe("session 38: the AARP membership's own dues", () => {
  it("refuses whether the plan pays the dues unless a passage says it does", () => {
    const royalty = planSource(1, "UnitedHealthcare Insurance Company pays royalty fees to AARP for the use of its intellectual property. You do not need to be an AARP member to enroll in a Medicare Advantage or Prescription Drug Plan.");
    expect(quotes("¿Este plan me paga la cuota anual de la membresía de AARP? Me acaba de llegar el aviso de renovación.", [royalty])).toEqual([]);
    expect(quotes("Do I need to be an AARP member to enroll?", [royalty]).join(" ")).toContain("do not need to be an AARP member");
  });
});

describe("session 38: 'yo sola y toda la familia'", () => {
  it("reads 'yo sola' as one member's limit asked beside the family's", () => {
    expect(asksLevel("¿Cuánto es lo máximo que podría pagar de mi bolsillo en un año, yo sola y toda la familia?")).toBeNull();
    expect(asksLevel("¿Cuánto es lo máximo que podría pagar yo sola?")).toBe("individual");
  });
});

describe("session 38: 'si mi problema no fuera severo'", () => {
  it("keeps both groups when the question asks the severe one and the one that would not be", () => {
    const cell = "In-network Provider: severe services - $25 - outpatient $12.50 - grp therapy non-severe services - $40 - outpatient $20 - grp therapy";
    const said = askedItems(cell, "Voy a terapia de grupo por una depresión severa. ¿Cuánto es el copago por sesión? ¿Y cuánto sería si mi problema no fuera severo?");
    expect(said).toContain("$12.50");
    expect(said).toContain("$20");
  });
});

describe("session 38: languages said not spoken", () => {
  it("sets aside the languages the member's relative does not speak", () => {
    const lines = planSource(1, "Spanish (Español): Para obtener asistencia en Español, llame al (866) 346-7198.\nTagalog (Tagalog): Kung kailangan ninyo ang tulong sa Tagalog tumawag sa (866) 346-7198.\nNavajo (Dine): Dinek'ehgo shika at'ohwol ninisingo, kwiijigo holne' (866) 346-7198.");
    const said = languageQuotes("Mi suegra no habla inglés ni español. ¿En qué otros idiomas dan ayuda por teléfono y a qué número tiene que llamar?", [lines]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("Tagalog");
    expect(said).not.toContain("Español");
  });
});

describe("session 38: a county named", () => {
  it("adds the sentence that names the member's county among the plan's", () => {
    const rules = planSource(1, "To join this plan, you must be entitled to Medicare Part A, be enrolled in Medicare Part B, live within our service area listed below, and be a United States citizen or lawfully present in the United States. Our service area includes these counties in Utah: Box Elder, Cache, Davis, Salt Lake, Utah, Weber.");
    const said = answerQuotes("I'm not a United States citizen yet, but I'm lawfully present, and we live in Ogden, which is Weber County. Can I still join this plan?", [rules]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("lawfully present");
    expect(said).toContain("Weber");
  });
});

describe("session 39: a test for the detection of a disease", () => {
  it("reads a blood test for the detection of a disease as the screening asked about", () => {
    const chart = planSource(1, "Blood tests for the detection of cardiovascular disease (or abnormalities associated with an elevated risk of cardiovascular disease) covered once every 5 years (60 months).");
    const visit = planSource(2, "We cover one visit per year with your primary care doctor to help lower your risk for cardiovascular disease.");
    const said = answerQuotes("My doctor wants to check my cholesterol to screen for heart disease. How often will the plan cover those screening blood tests?", [visit, chart]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("once every 5 years");
  });
});

describe("session 39: surgery told by its verb, an illness told as why, a word relating two things", () => {
  it("keeps a hospital stay's row apart from the surgery center's when surgery is told by its verb", () => {
    const stay = planSource(1, "If you have a hospital stay › Facility fee (e.g., hospital room) — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 25% coinsurance; Limitations & Exceptions: If service provided by a non-preferred provider, you pay the coinsurance percentage of up to $600 per day, plus charges over $600 per day.");
    const center = planSource(2, "If you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 25% coinsurance; Limitations & Exceptions: If service provided by a non-preferred provider, you pay the coinsurance percentage of up to $350 per day, plus charges over $350 per day.");
    const said = answerQuotes("Me van a operar en un hospital que no es proveedor preferido. ¿Qué porcentaje pago por la habitación y hay algún tope por día?", [stay, center]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("$600");
    expect(said).not.toContain("$350");
  });
  it("quotes the care needed, not the rows named after the illness told as why", () => {
    const rows = planSource(1, "Diabetes self-management training — In-network: $0 copay; Out-of-network: 30% coinsurance\nDiabetes management › Diabetes monitoring supplies — In-network: $0 copay; Out-of-network: 50% coinsurance\nTherapeutic shoes or inserts — In-network: 20% coinsurance; Out-of-network: 50% coinsurance");
    const said = answerQuotes("Por mi diabetes necesito zapatos terapéuticos o plantillas especiales. ¿Cuánto pago dentro de la red y cuánto fuera de la red?", [rows]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("Therapeutic shoes");
    expect(said).not.toContain("30% coinsurance");
  });
  it("reads no kind in a word that relates two things", () => {
    expect(compoundTerms("Which of the two Clover plans pays more toward comprehensive dental each year?", requiredTerms("Which of the two Clover plans pays more toward comprehensive dental each year?"))).toEqual([]);
  });
});

describe("session 39: each of two places and the surgeon's copay, a place compared with", () => {
  const question = "For my cataract surgery the eye surgeon can book me into the hospital's outpatient unit or a freestanding surgery center. What facility copay would I have at each, and is there a separate copay for the surgeon?";
  it("asks of each place only the ask that says each", () => {
    expect(eachToldAsk(question)).toEqual([
      "For my cataract surgery the eye surgeon can book me into the hospital's outpatient unit. What facility copay would I have at each",
      "a freestanding surgery center. What facility copay would I have at each",
    ]);
  });
  it("answers the surgeon's copay beside the facility's", () => {
    const rows = planSource(1, "If you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — In-network Provider: hospital - $400 ASC - $200; Out-of-network Provider: Not covered\nPhysician/surgeon fees — In-network Provider: $25; Out-of-network Provider: Not covered");
    const said = answerQuotes(question, [rows]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("$400");
    expect(said).toContain("$25");
  });
  it("answers the care told, not the rows of the place its price is compared with", () => {
    const rows = planSource(1, "If you need immediate medical attention › Emergency room services — Network Provider: 20% co-ins, after ded.; Non-Network Provider: Same as Network\nIf you have a hospital stay › Facility fee (e.g., hospital room) — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.");
    const said = answerQuotes("Estábamos de vacaciones y llevé a mi hijo a una sala de emergencias que no es de la red. ¿Nos toca pagar más que si hubiera sido un hospital de la red?", [rows]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("Same as Network");
    expect(said).not.toContain("50%");
  });
});

describe("session 39: a cell that opens with the other tier's name and a colon", () => {
  it("sets aside the out-of-network cell asked of care all in network", () => {
    const outCell = planSource(1, "Diagnostic Services / Labs/Imaging — Clover Health Choice Value (PPO) (Plan 007): Out-of-Network: Labs: $15 copay Advanced Radiology services (such as MRI, PET, CT, Nuclear medicine): At a freestanding facility: $250");
    const inCell = planSource(2, "Diagnostic Services / Labs/Imaging — Clover Health Choice (PPO) (Plan 004): In-Network: Diagnostic tests and procedures – At a freestanding facility: $150 copay");
    const said = answerQuotes("My doctor ordered a CT scan and some labs, all in network. What would the plan charge me?", [outCell, inCell]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("$150");
    expect(said).not.toContain("$250");
  });
});

describe("session 39: that surgery, named before; the one nearest home", () => {
  const vision = planSource(1, "Vision services - routine eyewear ·1 pair of lenses and frames every 2 years — In-network: $0 copayment\nOne pair of eyeglasses or contact lenses after each cataract surgery that includes insertion of an intraocular lens.");
  it("refuses a surgery the story names and no passage does, asked as that surgery", () => {
    expect(selectQuotes("Mi esposo quiere operarse los ojos con LASIK para ya no usar lentes. ¿El plan cubre esa cirugía?", [vision])).toEqual([]);
    expect(selectQuotes("My husband wants LASIK so he can stop wearing glasses. Does the plan cover that surgery?", [vision])).toEqual([]);
  });
  it("refuses to name the network doctor nearest the member's home, and only when asked", () => {
    const rows = planSource(1, "Primary care visit to treat an injury or illness — Network Provider: 20% co-ins, after ded.");
    expect(selectQuotes("¿Cómo se llama el pediatra de la red más cercano a mi casa en Phoenix?", [rows])).toEqual([]);
    expect(selectQuotes("The pediatrician closest to my house is in the network. What's the copay for a sick visit?", [rows]).length).toBeGreaterThan(0);
  });
});

describe("session 39: two things after one preposition", () => {
  it("asks each of two things named with their articles, not a birth and its stay", () => {
    expect(askedParts("What do we owe for the visit and the X-ray?")).toEqual(["What do we owe for the visit?", "What do we owe for the X-ray?"]);
    expect(askedParts("¿Qué parte me toca pagar por el parto y la estancia en un hospital de la red?")).toHaveLength(1);
  });
  it("answers the urgent care visit told beside the x-ray", () => {
    const rows = planSource(1, "If you need immediate medical attention › Urgent care — Network Provider: $50 copay per visit, deductible waived\nIf you have a test › Diagnostic test (x-ray, blood work) — Network Provider: X-ray: $75 copay per visit, deductible waived");
    const said = answerQuotes("My son twisted his ankle at soccer. We took him to an in-network urgent care and they did an X-ray. We haven't met any of the deductible. What do we owe for the visit and the X-ray?", [rows]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("$50 copay");
    expect(said).toContain("$75 copay");
  });
});

describe("session 39: a hearing test, a thing of its own", () => {
  const rows = planSource(1, "If you visit a health care provider’s office or clinic › Specialist visit — In-network Provider: $25; Out-of-network Provider: Not covered\nIf you need drugs to treat your illness or condition › Preferred generic drugs — Network Provider: $35 copay/retail");
  it("refuses a hearing test no passage names, however everyday its words", () => {
    expect(selectQuotes("Can I get my hearing checked on this plan? What would an in-network hearing test cost me?", [rows])).toEqual([]);
    expect(selectQuotes("My ENT wants me to get a full hearing test from an audiologist. What's the copay for that on this plan?", [rows])).toEqual([]);
  });
  it("still answers hearing aids an audiologist recommends", () => {
    const aids = planSource(2, "Hearing aids — In-Network: $429 copay for each Tier 3 hearing aid.");
    expect(selectQuotes("My audiologist recommends Tier 3 hearing aids for both ears. What's my copay for each one?", [aids]).length).toBeGreaterThan(0);
  });
});

describe("session 39: a pharmacy out of the network", () => {
  it("adds what such a pharmacy may charge beside the tier's price", () => {
    const tier2 = planSource(1, "Tier 2 – Your Midrange-Cost Option — Network Provider: Retail: $30 copay, after ded.; Non-Network Provider: Retail: $30 copay, after ded.");
    const tier4 = planSource(2, "Tier 4 – Additional High-Cost Options — Network Provider: Not Applicable; Limitations & Exceptions: Certain drugs may have a Pre-Authorization requirement or may result in a higher cost. If you use a non-network Pharmacy, you are responsible for any amount over the allowed amount.");
    const said = answerQuotes("If I fill my Tier 2 prescription at a drugstore that isn't in UHC's network, what do I pay? Is there any catch?", [tier2, tier4]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("$30 copay");
    expect(said).toContain("any amount over the allowed amount");
  });
});

describe("session 39: an agency by its initials, help around the house, a table of contents", () => {
  it("finds the DMHC by its full name", () => {
    const rights = planSource(1, "If you have a complaint or are dissatisfied with a denial of coverage for claims under your plan, you may be able to appeal or file a grievance. Additionally, a consumer assistance program can help you file your appeal. Contact the California Department of Managed Health Care at (888) 466-2219.");
    const said = answerQuotes("¿Teléfono del DMHC (Departamento de Atención Médica Administrada de California) para que me ayuden a apelar una negación de Blue Shield?", [rights]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("466-2219");
  });
  it("reads housekeeping and cooking as the homemaker services a plan excludes", () => {
    const excluded = planSource(1, "Homemaker services including basic household assistance, such as light housekeeping or light meal preparation. | Not covered under any condition");
    const said = answerQuotes("My mom can still bathe and dress herself but can't keep up with the housework anymore. Will the plan pay for someone to come in and do light housekeeping and cooking?", [excluded]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("Homemaker services");
  });
  it("reads no chart row in a table of contents' line", () => {
    const contents = planSource(1, "Section 3 — What makes you eligible to be a plan member?......................................3: What services are not covered by the plan?........................................142\nFull-time nursing care in your home. · Custodial care. — Not covered under any condition");
    const said = answerQuotes("Which of these will the plan not pay for under any condition: a full-time nurse at home or a housekeeper?", [contents]).map((quote) => quote.sentence).join(" ");
    expect(said).not.toContain("......");
  });
});

describe("session 39: why the member asks, said after it", () => {
  it("needs no passage to say the purpose ('so I don't miss doses')", () => {
    const mail = planSource(1, "If you choose not to use our auto-refill program but still want the mail-order pharmacy to send you your prescription, please contact your pharmacy 10 days before your current prescription will run out.");
    const said = answerQuotes("I get my blood pressure pills through the plan's mail-order pharmacy but I'm not on auto-refill. How many days before I run out should I contact them so I don't miss doses?", [mail]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("10 days");
  });
  it("reads 'con cuántos días de anticipación' as no word a passage must say", () => {
    expect(requiredTerms("¿Con cuantos dias de anticipacion tengo que pedir el resurtido?")).not.toContain("anticipacion");
  });
});

describe("session 39: the second one", () => {
  it("reads 'pay for the second one' as a price, not which plan pays second", () => {
    expect(contentTokens("What would I pay for the second one?").has("#pays-first")).toBe(false);
    expect(contentTokens("Which plan pays second?").has("#pays-first")).toBe(true);
  });
  it("answers a second routine physical in a year with the full cost", () => {
    const rule = planSource(1, "For covered services that have a benefit limitation, you also pay the full cost of any services you get after you have used up your benefit for that type of covered service. For example, if your plan covers one routine physical exam per year and you receive that routine physical but choose to have a second routine physical within the same year, you pay the full cost of the second routine physical.");
    const said = answerQuotes("I already had my routine physical this year but want a second one in the fall. What would I pay for the second one?", [rule]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("full cost");
  });
});

describe("session 39: 'no severa' said bare", () => {
  it("keeps the non-severe group when the question says 'no severa'", () => {
    const cell = "In-network Provider: severe services - $25 - outpatient $12.50 - grp therapy non-severe services - $40 - outpatient $20 - grp therapy";
    const said = askedItems(cell, "Terapia para depresión no severa: ¿copago de la sesión individual y de la sesión en grupo?");
    expect(said).toContain("$40");
    expect(said).not.toContain("$12.50");
  });
});

describe("session 39: a part that names only who gives the care", () => {
  it("asks the checkup of the network pediatrician, not a sick visit", () => {
    const rows = planSource(1, "If you visit a health care provider’s office or clinic › Primary care visit to treat an injury or illness — Network Provider: $35 copay/office visit; Out-of-Network Provider: 40% coinsurance\nPreventive care/screening/immunization — Network Provider: No charge; Out-of-Network Provider: 40% coinsurance");
    const said = answerQuotes("Quiero llevar a mi hijo de 6 años con una pediatra que habla español, pero no está en la red. Para su chequeo anual con vacunas, ¿cuánto nos cobraría ella y cuánto el pediatra de la red que tenemos ahora?", [rows]).map((quote) => quote.sentence).join(" ");
    expect(said).toContain("Preventive care");
    expect(said).not.toContain("$35");
  });
});

describe("session 39: what one activity of a rewards program earns", () => {
  const program = planSource(1, "REWARDS PROGRAM: Get up to $400 a year in LiveHealthy Rewards When you enroll in your Clover Health Medicare Advantage plan, you are automatically eligible to receive reward dollars for completing simple activities.");
  it("refuses an activity's reward that no passage prices", () => {
    expect(answerQuotes("How many LiveHealthy Rewards dollars do I get for going to my annual wellness visit?", [program])).toEqual([]);
    expect(answerQuotes("Con el programa LiveHealthy Rewards, ¿cuántos dólares me dan por hacerme la mamografía de este año?", [program])).toEqual([]);
  });
  it("answers it where a passage prices the activity", () => {
    const priced = planSource(2, "Earn a $50 reward for completing your annual wellness visit.");
    expect(answerQuotes("How many LiveHealthy Rewards dollars do I get for going to my annual wellness visit?", [program, priced]).length).toBeGreaterThan(0);
  });
});

describe("session 39: a crown, dental care named apart", () => {
  it("reads a crown as its own kind of dental care, in English and Spanish", () => {
    expect(contentTokens("What do I pay for a crown?").has("#dental-crown")).toBe(true);
    expect(contentTokens("¿Cuánto pagaría por una corona?").has("#dental-crown")).toBe(true);
  });
  it("refuses a crown's price where the passages name only preventive dental care", () => {
    const rows = planSource(1, "Optional supplemental benefits: Platinum Dental Rider premium | Additional $54 per month\nPreventive — In-network: $0 copay for preventive dental including oral exams, X-rays, routine cleanings and fluoride");
    expect(answerQuotes("Estoy pensando en comprar el Platinum Dental Rider. Con ese plan dental, ¿cuánto pagaría por una corona?", [rows])).toEqual([]);
  });
});

describe("session 39: phoning a specialist's office to book", () => {
  it("reads calling the office and booking as asking whether a referral is needed", () => {
    expect(contentTokens("Can I just phone the cardiologist's office and book, or is there a step I need to take first?").has("#referral")).toBe(true);
  });
});

describe("session 39: the figure otherwise, asked of another procedure", () => {
  it("keeps the figure otherwise when the question asks the price of something else too", () => {
    const cell = "In-network: $0 copay for a colonoscopy $295 copay otherwise";
    expect(askedOtherwise(cell, "Me van a hacer una colonoscopía en un centro de cirugía ambulatoria de la red. ¿Cuánto pago? ¿Y cuánto sería el copago si me hacen otro procedimiento en ese mismo centro?")).toContain("$295");
    expect(askedOtherwise(cell, "Me van a hacer una colonoscopía en un centro de cirugía ambulatoria de la red. ¿Cuánto pago?")).not.toContain("$295");
  });
});

describe("session 40: a list's items", () => {
  it("keeps an abbreviation's stop at an item's end and drops an item's own", () => {
    const units = quoteUnits("###### Services Your Plan Does NOT Cover\n• Long-term care.\n• Non-emergency care when traveling outside the U.S.\n• Weight loss programs;", "");
    expect(units.map((unit) => unit.text)).toContain("Long-term care; Non-emergency care when traveling outside the U.S.; Weight loss programs");
  });
});

describe("session 40: everyday words", () => {
  it("reads a spot as no word a passage must say", () => {
    expect(requiredTerms("My doctor wants a chest X-ray. What's the copay at an in-network place, and what if the only spot open is out of network?")).not.toContain(stem("spot"));
  });
  it("reads a worst case as no word a passage must say", () => {
    expect(requiredTerms("There are four of us on this Bronze plan. Worst case, what's the most our family could pay out of pocket this year?")).toEqual([]);
  });
});

describe("session 40: a PT in the network", () => {
  it("reads a preferred PT as a tier named, so both tiers asked are kept", () => {
    expect(asksNetwork("After my knee replacement I'll need physical therapy. What's my cost per visit with a preferred PT, and what if the PT I like is out of network?")).toBeNull();
  });
});

describe("session 40: two ways of filling compared", () => {
  it("keeps the column each side of a comparison names", () => {
    const cells = ["Retail · Standard · 30-day supply^: $47 copay", "Retail · Standard · 100-day supply: $141 copay", "Mail Order · Preferred · 100-day supply: $131 copay", "Mail Order · Standard · 100-day supply: $141 copay"];
    expect(askedColumns(cells, "My Tier 3 preferred-brand drug: what does a 100-day supply cost through preferred mail order, compared with a 100-day fill at a regular retail pharmacy?")).toEqual([cells[0], cells[1], cells[2]]);
  });
});

describe("session 40: the provider directory's entries", () => {
  it("refuses which clinics or specialists near home are in the network", () => {
    const rows = planSource(1, "Urgent care — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.\nSpecialist visit — Network Provider: $75 copay per visit, deductible waived");
    expect(answerQuotes("We just moved to Tucson. Which urgent care clinics near us are in the UnitedHealthcare network?", [rows])).toEqual([]);
    expect(answerQuotes("Vivo en Sacramento. ¿Qué dermatólogos de la red de este plan hay cerca de mi casa?", [rows])).toEqual([]);
  });
});

describe("session 40: the hospital an ER is at", () => {
  const rows = planSource(
    1,
    "If you have a hospital stay › Facility fee (e.g., hospital room) — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 25% coinsurance\nEmergency room services — Preferred Provider: $100/visit + 5% coinsurance; Non-Preferred Provider: $100/visit + 5% coinsurance",
  );
  it("reads the hospital as where the ER visit was, so the stay's row is not quoted", () => {
    const quotes = answerQuotes("A mi hijo lo mordió un perro y lo llevamos a la sala de emergencias de un hospital de la red. ¿Qué porcentaje de la cuenta nos toca pagar?", [rows]).map((quote) => quote.sentence);
    expect(quotes.some((sentence) => sentence.startsWith("Emergency room services"))).toBe(true);
    expect(quotes.some((sentence) => sentence.includes("Facility fee"))).toBe(false);
  });
  it("still reads a stay told as the stay", () => {
    const quotes = answerQuotes("The ER at a hospital out of the network admitted me overnight. What do I pay for the stay?", [rows]).map((quote) => quote.sentence);
    expect(quotes.some((sentence) => sentence.includes("Facility fee"))).toBe(true);
  });
});

describe("session 40: the mom in a coverage example", () => {
  it("reads what the mom pays as the patient's figure, not the plan's", () => {
    expect(asksRole("In the having-a-baby coverage example, what does the mom pay in total?")).toBe("patient");
  });
});

describe("session 40: confined in a hospital", () => {
  it("reads being confined in a hospital as a stay", () => {
    expect(contentTokens("Non-Network Provider: Same as Network; Notification is required if confined in a non-Network Hospital.").has("#hospital-stay")).toBe(true);
  });
});

describe("session 40: a drug no preferida", () => {
  it("reads a drug's \"no preferida\" as its tier, not a network's, and a doctor's as the network's", () => {
    expect(asksNetwork("Pido mis medicinas por el programa de correo: una de marca preferida (nivel 2) y otra no preferida (nivel 3). ¿Cuánto pago por cada receta por correo?")).toBeNull();
    expect(asksNetwork("Mi médico no es preferido. ¿Cuánto pago por la marca?")).toBe("out");
  });
});

describe("session 40: a trip abroad, a real emergency", () => {
  it("reads more countries as a trip outside the U.S.", () => {
    expect(contentTokens("We're spending three weeks in Portugal.").has("#worldwide")).toBe(true);
    expect(contentTokens("Me voy a Grecia en mayo.").has("#worldwide")).toBe(true);
  });
  it("reads a real emergency as no kind of emergency a passage must name", () => {
    expect(compoundTerms("What if it's a real emergency and I end up in an ER?", requiredTerms("What if it's a real emergency and I end up in an ER?"))).toEqual([]);
  });
});

describe("session 40: a treadmill stress test", () => {
  it("reads a treadmill stress test as a diagnostic test, no word of its own to find", () => {
    expect(requiredTerms("My PCP is sending me for a chest x-ray and a treadmill stress test. What's the copay for each?")).not.toContain(stem("treadmill"));
  });
});

describe("session 40: how far in advance", () => {
  const rows = planSource(1, "Skilled nursing care — Preferred Provider: 5% coinsurance; Limitations & Exceptions: Up to 100 days per calendar year. Prior authorization is required.");
  it("refuses how many days ahead an approval must be asked where no period is said to come before", () => {
    expect(answerQuotes("Me van a operar de la espalda en un hospital preferido. ¿Con cuántos días de anticipación tiene que pedir mi doctor la autorización previa?", [rows])).toEqual([]);
  });
  it("answers it where a passage says how long before", () => {
    const ahead = planSource(2, "Your doctor must ask for prior authorization at least 14 days before a planned admission.");
    expect(answerQuotes("How many days in advance does my doctor have to ask for prior authorization?", [rows, ahead]).map((quote) => quote.sentence)).toContain("Your doctor must ask for prior authorization at least 14 days before a planned admission.");
  });
});

describe("session 40: how many ultrasounds", () => {
  it("reads how many ultrasounds as a count asked, which a row without one does not answer", () => {
    expect(asksCount("I'm 12 weeks pregnant and my OB wants several ultrasounds. How many prenatal ultrasounds will this plan cover?")).toBe(true);
    const rows = planSource(1, "If you are pregnant › Prenatal and postnatal care — Network Provider: Prenatal: No charge; Postnatal: 50% coinsurance");
    expect(answerQuotes("I'm 12 weeks pregnant and my OB wants several ultrasounds. How many prenatal ultrasounds will this plan cover?", [rows])).toEqual([]);
  });
});

describe("session 40: what an allowance buys", () => {
  const otc = planSource(1, "Over-the-counter (OTC) credit — In-network: $40 credit every quarter for OTC products in-store or online ·Choose from thousands of brand name and generic OTC products like vitamins, pain relievers, first aid and more");
  it("refuses whether the allowance buys a thing no passage names", () => {
    expect(answerQuotes("Can I use my $40 OTC credit each quarter to buy a home blood pressure monitor?", [otc])).toEqual([]);
  });
  it("answers it for a thing the passage names, and for how much it gives", () => {
    expect(answerQuotes("Can I use my OTC credit to buy vitamins?", [otc]).length).toBeGreaterThan(0);
    expect(answerQuotes("¿Cuánto dinero me da el plan para comprar cosas de farmacia sin receta y en qué tiendas lo puedo usar?", [otc]).length).toBeGreaterThan(0);
  });
});

describe("session 40: both tiers of a long row", () => {
  const cell = (tier: string, price: string) =>
    `${tier}: ${price} for Medicare-covered non-radiological diagnostic services. Examples include, but are not limited to EKG's, pulmonary function tests, home or lab-based sleep studies, and treadmill stress tests. Other tests may be covered when your doctor orders them and they are medically necessary for your diagnosis or treatment. You pay these amounts until you reach the out-of-pocket maximum.`;
  const label = "Outpatient diagnostic tests and therapeutic services and supplies › ·Other outpatient diagnostic tests - non-radiological diagnostic services";
  const source = planSource(1, `${label} — ${cell("In-Network", "$30 copayment")}; ${cell("Out-of-Network", "30% coinsurance")}`, "Medical Benefits Chart");
  const question = "My doctor wants me to do a home sleep study. What's my copay if the sleep lab is in network, and what if it's out of network?";
  it("finds the other tier's cell of a row quoted one cell at a time", () => {
    const inNetwork = quoteUnits(source.text, question).find((unit) => unit.text.startsWith(`${label} — In-Network: $30`));
    expect(inNetwork).toBeDefined();
    const other = otherTierCell({ sentence: inNetwork!.text, source, score: 1 }, question);
    expect(other?.sentence).toMatch(/— Out-of-Network: 30% coinsurance/);
  });
  it("finds none for a row quoted whole", () => {
    const whole = "Lab services — In-network: $0 copay; Out-of-network: $0 copay";
    expect(otherTierCell({ sentence: whole, source: planSource(1, whole), score: 1 }, question)).toBeUndefined();
  });
});

describe("session 40: an illness the member has", () => {
  const rows = planSource(1, "Diabetes self-management training — In-network: $0 copay; Out-of-network: 30% coinsurance\nTherapeutic shoes or inserts — In-network: 20% coinsurance; Out-of-network: 50% coinsurance");
  it("reads \"Soy diabético y…\" as the story, so the diabetes classes' row is not quoted for the shoes", () => {
    const found = quotes("Soy diabético y el podólogo me recetó zapatos terapéuticos. ¿Cuánto pago si los compro con un proveedor de la red y cuánto si es fuera de la red?", [rows]);
    expect(found.some((sentence) => sentence.startsWith("Therapeutic shoes"))).toBe(true);
    expect(found.some((sentence) => sentence.startsWith("Diabetes self-management"))).toBe(false);
  });
});

describe("session 40: no era de la red", () => {
  it("reads \"no era de la red\" and \"aunque no sean de la red\" as out of the network", () => {
    expect(asksNetwork("A mi esposo se lo llevaron en ambulancia al hospital y la compañía de ambulancias no era de la red. ¿Qué porcentaje nos toca pagar?")).toBe("out");
    expect(asksNetwork("Queremos seguir con nuestros doctores aunque no sean de la red. ¿Cuánto es lo máximo que pagaríamos al año fuera de la red?")).toBe("out");
  });
});

describe("session 40: a tier said in the past, a price asked as more", () => {
  it("reads \"wasn't in network\", \"no estaba en la red\", \"resultó no ser de la red\" as out of the network", () => {
    expect(asksNetwork("The ambulance company wasn't in network. What do we owe?")).toBe("out");
    expect(asksNetwork("The surgeon wasn't a preferred provider. What do I pay?")).toBe("out");
    expect(asksNetwork("El laboratorio no estaba en la red. ¿Cuánto pago?")).toBe("out");
    expect(asksNetwork("Se lo llevó una ambulancia que resultó no ser de la red. ¿Cuánto nos van a cobrar?")).toBe("out");
    expect(asksNetwork("La clínica no pertenecía a la red. ¿Cuánto pago?")).toBe("out");
  });
  it("asks both tiers when it asks whether the tier told costs more", () => {
    expect(asksNetwork("The ambulance company that took him to the ER isn't in the network. Do we pay more because it was out of network?")).toBeNull();
    expect(asksNetwork("La ambulancia no es de la red. ¿Nos van a cobrar más por eso?")).toBeNull();
  });
});

describe("session 40: a part asking how many", () => {
  it("answers the part with the sentence that states a count", () => {
    const chart = planSource(
      1,
      "Supervised exercise therapy (SET) — In-Network: $0 copayment for each Medicare-covered supervised exercise therapy (SET) visit.; Out-of-Network: 30% coinsurance for each Medicare-covered supervised exercise therapy (SET) visit.\nSupervised exercise therapy (SET)\nUp to 36 sessions over a 12-week period are covered if the SET program requirements are met.",
      "Medical Benefits Chart",
    );
    const found = quotes("Tengo enfermedad arterial periférica. Mi médico me refirió a terapia de ejercicio supervisado. ¿Cuánto pago por sesión con un proveedor de la red y cuántas sesiones cubre?", [chart]);
    expect(found.some((sentence) => sentence.includes("Up to 36 sessions"))).toBe(true);
  });
});

describe("session 40: Medicare by disability", () => {
  it("reads a disability and being disabled as one thing, in English and Spanish", () => {
    expect(contentTokens("I'm 58 and on Medicare because of a disability.").has("#disability")).toBe(true);
    expect(contentTokens("Tengo 60 años y Medicare por discapacidad.").has("#disability")).toBe(true);
    expect(contentTokens("If you're under 65 and disabled and you or your family member is still working…").has("#disability")).toBe(true);
  });
});

describe("session 41: an urgent care clinic", () => {
  it("reads an urgent care clinic as urgent care, in English and Spanish", () => {
    expect(requiredTerms("If I need an urgent care clinic over there, what's my copay?")).toEqual(["#urgent-care"]);
    expect(contentTokens("¿Cuánto pago en una clínica de urgencias?").has("#urgent-care")).toBe(true);
  });
});

describe("session 41: initials beside their words", () => {
  const question = "My wife's therapist wants her in an intensive outpatient program (IOP) three days a week for her depression. What's the daily copay in network?";
  it("reads the initials as the words, no name a passage must say", () => {
    expect(requiredTerms(question)).not.toContain("iop");
    expect(toldKinds(question)).toEqual([]);
    expect(specificTerms("A SNF (skilled nursing facility) stay: what do I pay?")).not.toContain("snf");
  });
  it("still reads initials given alone as a name", () => {
    expect(specificTerms("Is the IOP at Valley Clinic covered?")).toContain("iop");
  });
});

describe("session 41: to hear about", () => {
  it("reads hearing about something as being told, not hearing", () => {
    expect(contentTokens("Do I have a right to hear about options that cost more?").has("#hearing")).toBe(false);
    expect(contentTokens("My mom can't hear well. Does the plan help?").has("#hearing")).toBe(true);
  });
});

describe("session 41: a count with many words before what it counts", () => {
  it("reads a count said with its tiers as a count", () => {
    expect(STATES_COUNT.test("we cover 6 in and out-of-network routine foot care visits every year.")).toBe(true);
  });
});

describe("session 41: an illness told, the care referred back to", () => {
  it("reads the illness as the story when the asking sentence refers back to the care", () => {
    const rows = planSource(1, "Therapeutic shoes or inserts — In-network: 20% coinsurance; Out-of-network: 50% coinsurance\nDiabetes self-management training — In-network: $0 copay; Out-of-network: 30% coinsurance");
    const found = quotes("I'm diabetic and my podiatrist says I need therapeutic shoes. What do I pay if I get them in network, and what if I buy them from an out-of-network supplier?", [rows]);
    expect(found.some((sentence) => sentence.startsWith("Therapeutic shoes"))).toBe(true);
    expect(found.some((sentence) => sentence.startsWith("Diabetes"))).toBe(false);
  });
});

describe("session 41: words of how, not what", () => {
  it("reads maintenance visits as routine ones", () => {
    expect(requiredTerms("Does it cover regular maintenance visits to my chiropractor?")).toEqual(["#chiropractic"]);
  });
  it("reads a selection as no word a passage must say", () => {
    expect(requiredTerms("Mi hijo necesita lentes nuevos. ¿Cuánto pagamos si escogemos de la selección preferida?")).not.toContain(stem("selección"));
    expect(requiredTerms("If we pick frames from the preferred selection, what do we pay?")).not.toContain(stem("selection"));
  });
});

describe("session 41: glasses preferred or not", () => {
  it("reads frames preferred or not as no network tier", () => {
    expect(asksNetwork("My 8-year-old needs new glasses. If we pick frames from the preferred selection, what do we pay, and what if she wants non-preferred ones?")).toBeNull();
  });
});

describe("session 41: which brands of a meter", () => {
  it("reads which brands of a meter as no brand-name drug asked about", () => {
    const supplies = planSource(1, "Diabetes monitoring supplies — In-network: $0 copay; Out-of-network: 50% coinsurance\nIn-network: We only cover Accu-Chek® and OneTouch® brands.");
    const drugs = planSource(2, "Tier 3: Preferred Brand — Retail · Standard · 30-day supply: $47 copay; Mail Order · Preferred · 100-day supply: $131 copay");
    const found = quotes("My wife's endocrinologist wants her on a Contour Next meter and Contour test strips. Will the plan cover those, or which brands do we have to use?", [supplies, drugs]);
    expect(found.some((sentence) => sentence.includes("Accu-Chek"))).toBe(true);
    expect(found.some((sentence) => sentence.startsWith("Tier 3"))).toBe(false);
  });
});

describe("session 41: only the tiers asked", () => {
  it("reads the care the story tells as what the rows must name", () => {
    const rows = planSource(
      1,
      "Inpatient Hospital — Plan 004: In-Network: Days 1-6: $399 Copay per day. Out-of-Network: Days 1-6: $549 Copay per day.\nDiagnostic Services — Plan 004: In-Network: X-rays: $30 copay\nDiagnostic Services — Plan 004: Out-of-Network: X-rays: $50 copay",
    );
    const found = quotes("Me van a sacar unas radiografías del pecho. ¿Cuánto pago si voy a un lugar de la red y cuánto si voy a uno fuera de la red?", [rows]);
    expect(found.some((sentence) => sentence.includes("$50"))).toBe(true);
    expect(found.some((sentence) => sentence.startsWith("Inpatient Hospital"))).toBe(false);
  });
});

describe("session 41: nothing severe", () => {
  it("reads \"nada severo\" as the non-severe group", () => {
    const rows = planSource(1, "Mental/Behavioral health outpatient services — In-network Provider: severe services - $25 - outpatient $12.50 - grp therapy non-severe services - $40 - outpatient $20 - grp therapy; Out-of-network Provider: Not covered");
    const question = "Tengo ansiedad, nada severo, y mi terapeuta de la red me recomienda consultas individuales y también terapia de grupo. ¿Cuánto pago por cada consulta individual y por cada sesión de grupo?";
    const text = answerQuotes(question, [rows]).map((quote) => presentQuote(quote.sentence, "es", { question })).join("\n");
    expect(text).toContain("$40");
    expect(text).not.toContain("$12.50");
  });
});

describe("session 41: the hospital left", () => {
  it("reads the hospital a member is leaving as the story, not a stay asked about", () => {
    const rows = planSource(
      1,
      "Skilled nursing facility (SNF) — In-network: $0 copay per day: days 1-20 $203 copay per day: days 21-100; Out-of-network: $225 copay per day: days 1-100\nInpatient hospital care — In-network: $395 copay per day: days 1-5; Out-of-network: $525 copay per day: for days 1-20",
    );
    const found = quotes("Mom is leaving the hospital and needs about six weeks of rehab in a skilled nursing facility. The SNF near my house isn't in the network. What's her daily copay there, and what would it be at an in-network SNF once she's past day 20?", [rows]);
    expect(found.some((sentence) => sentence.startsWith("Skilled nursing"))).toBe(true);
    expect(found.some((sentence) => sentence.startsWith("Inpatient hospital"))).toBe(false);
  });
});

describe("session 41: a long-term care pharmacy's 31-day fill", () => {
  it("prices a 31-day fill as the 30-day supply", () => {
    const row = "Tier 2: Generic — Retail · Standard · 30-day supply^: $10 copay; Retail · Standard · 100-day supply: $30 copay";
    const question = "My mom lives in a long-term care facility and her pharmacy fills her Tier 2 generic blood pressure pill 31 days at a time. What's her copay for each fill?";
    expect(presentQuote(row, "en", { question })).not.toContain("100-day");
    expect(presentQuote(row, "es", { question: "Mi mamá vive en un asilo y le surten su genérico de nivel 2 para 31 días. ¿Cuánto paga?" })).not.toContain("100-day");
  });
});

describe("session 41: a deductible to meet first", () => {
  it("quotes the drugs' deductible beside a drug's row when asked whether one must be met first", () => {
    const rows = planSource(
      1,
      "What is the overall deductible? — Answers: $0.\nAre there other deductibles for specific services? — Answers: Yes. $100 for brand name drugs. There are no other specific deductibles.\nNon-preferred brand and generic drugs — In-network Provider: $50/retail order $100/mail order; Out-of-network Provider: Not covered",
    );
    const found = quotes("My doctor switched me to a non-preferred brand drug. What's the copay at a retail pharmacy vs. by mail, and is there a deductible I have to meet first?", [rows]);
    expect(found.some((sentence) => sentence.includes("$100 for brand name drugs"))).toBe(true);
  });
});

describe("session 41: which of those", () => {
  it("asks of each thing told when asked which of them the plan covers", () => {
    expect(eachToldAsk("Mi hijo de 10 años necesita varias cosas: una limpieza dental, lentes nuevos y un examen de la vista. ¿Cuáles de esas cubre el plan y cuánto pagaríamos?")).toHaveLength(3);
  });
});

describe("session 41: words of tiers, kinds and alternatives", () => {
  it("reads a preferred hospice or supplier as the network's tier", () => {
    expect(asksNetwork("Mom's oncologist is recommending hospice. What would we pay with a preferred hospice, and is a non-preferred hospice an option on this plan?")).toBeNull();
    expect(asksNetwork("The medical supply store near her isn't a Health Net preferred provider. Will the plan pay if we get it there? And what if we use a preferred supplier?")).toBeNull();
  });
  it("reads checkups during a pregnancy as prenatal care", () => {
    expect(contentTokens("Do my checkups during the pregnancy cost me anything?").has("#prenatal-care")).toBe(true);
    expect(contentTokens("¿Cuánto pago por los chequeos del embarazo?").has("#prenatal-care")).toBe(true);
  });
  it("reads a counselor in Spanish as mental health care, and a free one as SHIP's", () => {
    expect(contentTokens("Si el consejero no está en la red, ¿qué porcentaje pagamos?").has("#mental-health")).toBe(true);
    expect(contentTokens("Quiero hablar con un consejero gratuito de Medicare.").has("#counseling")).toBe(true);
  });
  it("keeps the figure otherwise when asked about something instead", () => {
    const cell = "In-network: $0 copay for each diagnostic mammogram or vascular screening $100 copay otherwise";
    expect(askedOtherwise(cell, "El cardiólogo me mandó a hacer una prueba de detección vascular (vascular screening). ¿Cuánto es el copago? ¿Y si en vez de eso me hacen una tomografía?")).toBe(cell);
  });
  it("reads a disorder said not to be severe as the non-severe group", () => {
    const row = "Mental/Behavioral health outpatient services — In-network Provider: severe services - $25 - outpatient $12.50 - grp therapy non-severe services - $40 - outpatient $20 - grp therapy";
    expect(presentQuote(row, "es", { question: "Mi psicóloga de la red me recomienda terapia de grupo para la ansiedad, que no es un trastorno severo. ¿Cuánto pago por cada sesión de grupo?" })).not.toContain("$12.50");
  });
});

describe("session 41: bills run up", () => {
  it("reads big bills told of a family member as the story of a question about the deductible", () => {
    const rows = planSource(
      1,
      "What is the overall deductible? — Answers: $500 / individual or $1,000 /family; Why This Matters: If you have other family members on the plan, each family member must meet their own individual deductible until the total amount of deductible expenses paid by all family members meets the overall family deductible.\nFor general definitions of common terms, such as allowed amount, balance billing, coinsurance, copayment, deductible, provider, or other underlined terms, see the Glossary.",
    );
    const found = quotes("All four of us are on the family version of this plan. If my daughter racks up big bills in January, does she have to meet a deductible of her own before the plan pays for her, or do we only have to reach the family total?", [rows]);
    expect(found.some((sentence) => sentence.startsWith("What is the overall deductible?"))).toBe(true);
  });
});

describe("session 41: what the patient of an example pays", () => {
  it("reads out of her own pocket and what Peg pays as the patient's figure", () => {
    expect(asksRole("Según ese ejemplo, ¿cuánto le sale a Peg en total de su bolsillo?")).toBe("patient");
    expect(asksRole("In the example, how much does Peg pay out of her own pocket?")).toBe("patient");
  });
});

describe("session 41: a thing told in two words, asked about by its last", () => {
  it("reads a shot asked after allergy shots as the allergy shots, not a vaccine", () => {
    expect(requiredTerms("My allergist wants me on weekly allergy shots. Does this plan cover them, and what's the copay per shot?")).toEqual(["#allergy"]);
    expect(requiredTerms("Does the plan cover my flu shot?")).toEqual(["#immunizations"]);
  });
});

describe("session 41: consultas externas", () => {
  it("reads outpatient visits in Spanish as outpatient care", () => {
    expect(contentTokens("¿Y las consultas externas con un proveedor preferido?").has("#outpatient")).toBe(true);
  });
});

describe("session 41: starting from zero", () => {
  it("reads starting from zero as no word a passage must say", () => {
    expect(requiredTerms("If I now see a non-network doctor, do I start from zero on the deductible?")).not.toContain(stem("zero"));
  });
});

describe("session 41: unbiased advice", () => {
  it("reads free, unbiased advice as SHIP's counseling", () => {
    expect(contentTokens("I want free, unbiased advice from someone who isn't tied to UnitedHealthcare.").has("#counseling")).toBe(true);
    expect(contentTokens("Quiero asesoría imparcial sobre Medicare.").has("#counseling")).toBe(true);
  });
});

describe("session 41: room and board, a premium raised halfway", () => {
  it("reads room and board as the hospital stay's room", () => {
    expect(requiredTerms("Planned 3-night stay at a non-preferred hospital. What's my cut of the room and board?")).toContain("#hospital-stay");
    expect(requiredTerms("Planned 3-night stay at a non-preferred hospital. What's my cut of the room and board?")).not.toContain(stem("board"));
  });
  it("reads raising and halfway as no words a passage must say", () => {
    const terms = requiredTerms("My friend's Medicare plan raised its premium halfway through the year. Can this plan do that?");
    expect(terms).not.toContain(stem("raised"));
    expect(terms).not.toContain(stem("halfway"));
  });
});

describe("session 41: tests and offices named in Spanish", () => {
  it("reads VIH, Papanicolaou and the Seguro Social as the English documents' HIV, Pap test and Social Security", () => {
    expect(contentTokens("Quiero hacerme la prueba de detección del VIH.").has("#hiv")).toBe(true);
    expect(contentTokens("HIV screening").has("#hiv")).toBe(true);
    expect(contentTokens("¿Cada cuánto me cubren el Papanicolaou?").has("#pap-test")).toBe(true);
    expect(contentTokens("Me llegó una carta del Seguro Social.").has("#social-security")).toBe(true);
    expect(contentTokens("Contact Social Security if you move.").has("#social-security")).toBe(true);
  });
});

describe("session 42: a child's care and the member's own", () => {
  const child = source(1, "If your child needs dental or eye care › Eye exam — Network Provider: No charge; Non-Participating Provider: Not covered; Limitations & Exceptions: Coverage is limited to 1 routine exam per 12 months.");
  const excluded = source(2, "(This isn't a complete list. Check your policy or plan document for other excluded services.)\n• Chiropractic care\n• Dental care (Adult)\n• Hearing aids\n• Routine eye care (Adult)\n• Weight loss programs");
  it("quotes the adult's item of what the plan does not cover beside the child's row", () => {
    const found = quotes("My 8-year-old and I are both overdue for eye exams and we'd go to the same in-network optometrist. What does her routine exam cost us, and is mine covered too?", [child, excluded]);
    expect(found[0]).toContain("No charge");
    expect(found.at(-1)).toContain("Routine eye care (Adult)");
    expect(quotes("A mis dos hijos y a mí nos toca el examen de la vista este mes. ¿El plan nos lo cubre a los tres?", [child, excluded]).join("\n")).toContain("Routine eye care (Adult)");
  });
  it("does not when only the child's care is asked", () => {
    expect(quotes("My 8-year-old is overdue for an eye exam. What does her routine exam cost us?", [child, excluded]).join("\n")).not.toContain("(Adult)");
  });
});

describe("session 42: a newborn, a doctor who stopped being preferred", () => {
  it("reads a newborn as the family's child", () => {
    expect(contentTokens("What would the newborn's well-baby checkups cost?").has("#child")).toBe(true);
    expect(contentTokens("¿Cuánto pagamos por las consultas del recién nacido?").has("#child")).toBe(true);
  });
  it("reads a provider who stopped being preferred as out of the network", () => {
    expect(asksNetwork("My family doctor of 15 years just stopped being a Blue Shield preferred provider. If I keep seeing her, what would I pay for a sick visit?")).toBe("out");
    expect(asksNetwork("Our pediatrician is no longer a participating provider. What do we pay for her visits?")).toBe("out");
  });
  it("answers a newborn's checkups and a sick visit with a pediatrician out of the network", () => {
    const office = source(1, "If you visit a health care provider’s office or clinic › Primary care visit to treat an injury or illness — Preferred Provider: $20/visit; Out-of-network Provider: 50% co-ins; Limitations & Exceptions: none\nIf you visit a health care provider’s office or clinic › Preventive care/screening/immunization — Preferred Provider: No charge; Out-of-network Provider: Not covered; Limitations & Exceptions: none");
    const pregnant = source(2, "If you are pregnant › Prenatal and postnatal care — Preferred Provider: No charge; Out-of-network Provider: 50% co-ins; Limitations & Exceptions: none");
    const child = source(3, "If your child needs dental or eye care › Eye exam — Preferred Provider: No charge; Out-of-network Provider: Not covered; Limitations & Exceptions: Limited to 1 visit per year.");
    const found = quotes("Our baby is due in the spring and we want to keep the pediatrician who saw our older kids, but she isn't in Health Net's network. What would the newborn's well-baby checkups and shots cost with her, and what would a sick visit for an ear infection cost?", [office, pregnant, child]).join("\n");
    expect(found).toContain("Not covered");
    expect(found).toContain("50% co-ins");
  });
});

describe("session 42: whom a story is about", () => {
  it("is no concept to hold the question to when the asked part names a thing of its own", () => {
    const service = source(1, "Please contact our Customer Service number at 1-844-876-6176 for additional information (TTY users should call 711).");
    expect(quotes("My husband is deaf and uses a TTY. He wants to call himself. What TTY number does this summary give?", [service]).join("\n")).toContain("711");
  });
});

describe("session 42: a permission asked in a sentence of its own", () => {
  it("quotes the permission's answer first, then the price asked after it", () => {
    const referral = source(1, "Do I need a referral to see a specialist? — Answers: No, you do not need a referral to see a specialist.; Why This Matters: You can see the specialist you choose without permission from this plan.");
    const office = source(2, "If you visit a health care provider's office or clinic › Primary care visit to treat an injury or illness — In-Network Provider: $35 copay per visit; Non-Network Provider: 50% coinsurance\nSpecialist visit — In-Network Provider: $35 copay per visit; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: Deductible waived for In-Network Providers.");
    const found = quotes("Me salió un lunar raro en el brazo y quiero ir directo con una dermatóloga de la red de Anthem, sin pasar por mi médico de cabecera. ¿Necesito que me den un referido? ¿Y cuánto me cobran por la consulta?", [office, referral]);
    expect(found[0]).toContain("you do not need a referral");
    expect(found.join("\n")).toContain("$35 copay per visit");
  });
});

describe("session 42: each of the three", () => {
  it("asks of each thing told when asked of each of the three", () => {
    expect(eachToldAsk("My in-network doctor ordered blood work, an X-ray and a CT scan of my abdomen, all at in-network places. What's my copay for each of the three?")).toHaveLength(3);
  });
});

describe("session 42: several things asked in one breath", () => {
  const office = source(1, "If you visit a health care provider’s office or clinic › Specialist visit — Preferred Provider: $40/visit; Out-of-network Provider: 50% co-ins\nIf you visit a health care provider’s office or clinic › Diagnostic test (x-ray, blood work) — Preferred Provider: X-ray - $40 Lab - $20; Out-of-network Provider: 50% co-ins");
  it("asks each listed thing that no quote names on its own", () => {
    const found = quotes("My knee has been swelling, so I'm going to a preferred orthopedist. He'll probably order an x-ray and some blood work at preferred places too. What's my cost for the specialist visit, the x-ray and the lab?", [office]).join("\n");
    expect(found).toContain("Lab - $20");
    expect(found).toContain("$40/visit");
  });
  it("does not read a second question as a thing listed", () => {
    const drugs = source(2, "Every drug on the plan’s Drug List is in one of 5 cost-sharing tiers.");
    expect(quotes("My doctor wants to start me on Ozempic. Is it on this plan's drug list, and which tier would it be?", [drugs])).toEqual([]);
  });
});

describe("session 42: nothing paid toward the deductible, said in Spanish", () => {
  it("quotes the plan's deductible beside the care's row", () => {
    const equipment = source(1, "If you need help recovering or have other special health needs › Durable medical equipment — Network Provider: 50% coinsurance; Non-Participating Provider: Not covered");
    const deductible = source(2, "What is the overall deductible? — Answers: Individual $5,500 / Family $11,000. Does not apply to office visits, urgent care, preventive care and prescription drugs.");
    const found = quotes("A mi papá le recetaron un concentrador de oxígeno para la casa con un proveedor de la red. Este año todavía no hemos pagado nada del deducible de $5,500. ¿Qué porcentaje nos toca del equipo, y tenemos que cubrir primero el deducible?", [equipment, deductible]).join("\n");
    expect(found).toContain("50% coinsurance");
    expect(found).toContain("Individual $5,500");
  });
});

describe("session 42: paying for a second exam", () => {
  it("is the price of another exam, not which plan pays second", () => {
    expect(contentTokens("Will the plan pay for a second exam this year?").has("#pays-first")).toBe(false);
    expect(contentTokens("Which plan pays second, Medicare or my retiree plan?").has("#pays-first")).toBe(true);
  });
});

describe("session 42: three days in the hospital", () => {
  const delivery = source(1, "If you are pregnant › Delivery and all inpatient services — In-network Provider: $450 per day; Out-of-network Provider: Not covered; Limitations & Exceptions: 4 days max per admit. Requires prior authorization.");
  it("is the member's own stay unless asked as the stay that must come before", () => {
    expect(quotes("Estoy embarazada. Si en el parto me quedo tres días en el hospital, ¿cuánto pago por día y hay algún máximo de días que me cobren?", [delivery]).join("\n")).toContain("$450 per day");
    expect(quotes("¿Mi papá tiene que estar 3 días en el hospital antes de ir al centro de enfermería especializada?", [delivery])).toEqual([]);
  });
});

describe("session 42: a drop", () => {
  it("is ending a membership only when said of the plan or a member's health", () => {
    expect(contentTokens("Now my benefit got cut. How much did it drop to?").has("#end-membership")).toBe(false);
    expect(contentTokens("My orthopedist wants me to drop 40 lbs before surgery.").has("#end-membership")).toBe(false);
    expect(contentTokens("Can the plan drop me because of my health?").has("#end-membership")).toBe(true);
  });
});

describe("session 43: a plan year after the document's", () => {
  const limit = source(1, "Is there an out-of-pocket limit on my expenses? — Answers: Yes. For preferred providers $4,000 member / $8,000 family.", "Summary of Benefits and Coverage · Coverage Period: 11/01/2014 - 10/31/2015");
  it("refuses what a figure will be in the plan year that starts after the document's", () => {
    expect(quotes("Our coverage period ends 10/31/2015. What will the out-of-pocket limit be for preferred providers on the plan year that starts 11/1/2015?", [limit])).toEqual([]);
    expect(quotes("Nuestro periodo de cobertura termina el 10/31/2015. ¿De cuánto va a ser el límite de gastos de bolsillo en el siguiente periodo?", [limit])).toEqual([]);
  });
  it("answers the figure of today asked for a stretch of time, or whether it starts over", () => {
    expect(quotes("I'll be seeing specialists for the next year. What will my out-of-pocket limit be?", [limit]).join("\n")).toContain("$4,000");
  });
  it("answers it where a passage speaks of the next year", () => {
    const next = source(2, "For the next plan year, the out-of-pocket limit for preferred providers will be $4,500 member / $9,000 family.");
    expect(quotes("What will the out-of-pocket limit be for the next plan year?", [limit, next]).join("\n")).toContain("$4,500");
  });
});

describe("session 43: a plan named by its type", () => {
  it("is whose plan, not a word a passage must say", () => {
    const example = source(1, "Amount owed to providers: $5,400\n• Plan pays $4,090\n• Patient pays $1,310", "About these Coverage Examples: › Managing type 2 diabetes (routine maintenance of a well-controlled condition)");
    const other = source(2, "Sample care costs › Prescriptions — $2,900\nSample care costs › Total — $5,400", "About these Coverage Examples: › Managing type 2 diabetes (routine maintenance of a well-controlled condition)");
    const found = quotes("He says the Blue Shield Premier PPO 5 diabetes example is a good benchmark. In the managing type 2 diabetes example, how much does the plan pay, and how much is left for the patient?", [example, other]).join("\n");
    expect(found).toContain("$4,090");
    expect(found).toContain("$1,310");
  });
});

describe("session 43: specialists by their names", () => {
  const office = source(1, "If you visit a health care provider's office or clinic › Specialist visit — Network Provider: $40 copay per visit; Non-Participating Provider: Not covered");
  const equipment = source(2, "If you need help recovering or have other special health needs › Durable medical equipment — Network Provider: 10% coinsurance; Non-Participating Provider: Not covered");
  const specialty = source(3, "If you need drugs to treat your illness or condition › Preferred specialty drugs — Network Provider: 10% coinsurance up to 30 day supply; Non-Participating Provider: Not covered");
  it("reads a pulmonologist, a rheumatologist or a pain doctor as a specialist, in English and Spanish", () => {
    for (const text of ["¿Cuánto es cada consulta con el neumólogo?", "Mi reumatóloga me recetó algo.", "What's my copay for the pain doctor?", "my lung doctor"]) expect(contentTokens(text).has("#specialist")).toBe(true);
  });
  it("prices the visit to one asked about", () => {
    const found = quotes("Su neumólogo de la red le mandó un concentrador de oxígeno para la casa, además de verlo cada mes. ¿Qué parte nos toca del concentrador si lo sacamos con un proveedor de la red, y cuánto es cada consulta con el neumólogo?", [equipment, office]).join("\n");
    expect(found).toContain("10% coinsurance");
    expect(found).toContain("$40 copay per visit");
  });
  it("is who ordered the care, not what is asked, when the specialist prescribed it", () => {
    expect(quotes("Mi reumatóloga me recetó un medicamento especializado preferido. ¿Cuánto me toca pagar por cada surtido?", [specialty, office]).join("\n")).toContain("Preferred specialty drugs");
    const specialists = source(4, "Doctor visits › Specialists — In-network: $40 copay; Out-of-network: $65 copay");
    expect(quotes("My lung doctor wants me to do pulmonary rehab for my COPD. What's my copay per session with this plan?", [specialists])).toEqual([]);
  });
});

describe("session 43: something to do first so the plan does not pay less", () => {
  it("asks about prior authorization, in English and Spanish", () => {
    for (const text of ["Is there anything that has to happen first so the plan doesn't pay less?", "¿Hay que pedir algo antes para que el plan no pague menos?"]) expect(contentTokens(text).has("#prior-authorization")).toBe(true);
    expect(contentTokens("What should I do first?").has("#prior-authorization")).toBe(false);
  });
  it("quotes the row's rule", () => {
    const home = source(1, "If you need help recovering or have other special health needs › Home health care — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: May be limited to 60 visits per Calendar year. Pre-Authorization is required non-network or benefit reduces to 50%.");
    const found = quotes("Le van a mandar una enfermera a la casa. La agencia no es de la red de UHC. ¿Hay un límite de visitas al año? ¿Y hay que pedir algo antes para que el plan no pague menos?", [home]).join("\n");
    expect(found).toContain("benefit reduces to 50%");
  });
});

describe("session 43: neither one in our network", () => {
  it("asks about the out-of-network tier", () => {
    expect(asksNetwork("The only things open are an urgent care and a hospital ER, and neither one is in our network. What share would we pay?")).toBe("out");
  });
});

describe("session 43: either one", () => {
  it("asks of each thing told", () => {
    expect(eachToldAsk("My husband sees a chiropractor for his back, and my mom wants a podiatrist to trim her toenails. Does the plan cover either one?")).toHaveLength(2);
  });
});

describe("session 43: whether the plan will still be offered", () => {
  it("reads a plan stopped or pulled as the contract's renewal, in English and Spanish", () => {
    for (const text of ["Is there anything that could make it stop being offered?", "Can UnitedHealthcare stop offering the plan?", "Dicen que van a quitar este plan.", "Enrollment in the plan depends on the plan’s contract renewal with Medicare."]) expect(contentTokens(text).has("#contract-renewal")).toBe(true);
  });
  it("quotes the renewal the plan depends on", () => {
    const renewal = source(1, "Enrollment in the plan depends on the plan’s contract renewal with Medicare. UnitedHealthcare Insurance Company is an MA organization with a Medicare contract.");
    const premium = source(2, "Monthly premium — In-network: $0");
    expect(quotes("I really like this plan and want to stay on it for years. Is there anything that could make it stop being offered, or is my enrollment guaranteed going forward?", [premium, renewal]).join("\n")).toContain("contract renewal");
  });
});

describe("session 43: more things told than parts to give them to", () => {
  it("gives a part the one thing that says what it asks for", () => {
    const told = "Mi hija tiene una adicción a los opioides. Primero la van a internar para desintoxicarse en un centro preferido y después va a ir a consultas con un consejero preferido.";
    const parts = ["¿Cuánto nos toca pagar por la parte de internada?", "cuánto por cada consulta?"];
    expect(partStories(told, parts).get("cuánto por cada consulta?")).toMatch(/^después va a ir a consultas con un consejero preferido\. /);
  });
});

describe("session 43: a well-woman exam", () => {
  it("is preventive care", () => {
    expect(contentTokens("I keep going to her for my yearly well-woman exam.").has("#preventive-care")).toBe(true);
  });
});

describe("session 44: a preventive visit in Spanish", () => {
  it("is preventive care, not any office visit", () => {
    expect(contentTokens("¿Me van a cobrar la consulta preventiva?").has("#preventive-care")).toBe(true);
    const office = source(1, "Primary care visit to treat an injury or illness — Network Provider: $50 copay per visit, deductible waived; Non-Participating Provider: Not covered\nPreventive care /screening /immunization — Network Provider: No charge; Non-Participating Provider: Not covered");
    expect(quotes("Quiero hacerme mi chequeo anual y ponerme las vacunas con mi doctora, que es de la red. Como el deducible es tan alto, ¿me van a cobrar la consulta preventiva?", [office]).join("\n")).toContain("No charge");
  });
});

describe("session 44: an internist, an EKG, health info", () => {
  it("reads an internist as a primary care doctor, an EKG or an echo as a diagnostic test, health info as health information", () => {
    for (const text of ["My internist of 20 years opted out of Medicare.", "Mi internista ya no acepta Medicare."]) expect(contentTokens(text).has("#primary-care")).toBe(true);
    for (const text of ["He wants to do an echocardiogram.", "What do I pay for the echo?", "an EKG", "un electrocardiograma"]) expect(contentTokens(text).has("#diagnostic-tests")).toBe(true);
    expect(contentTokens("who they have been sharing my health info with").has("#health-records")).toBe(true);
  });
});

describe("session 44: a knee brace", () => {
  it("is medical equipment, while braces alone are orthodontics", () => {
    for (const text of ["a knee brace from an in-network supplier", "Necesito una rodillera."]) {
      expect(contentTokens(text).has("#durable-medical-equipment")).toBe(true);
      expect(contentTokens(text).has("#orthodontics")).toBe(false);
    }
    expect(contentTokens("My son needs braces.").has("#orthodontics")).toBe(true);
  });
});

describe("session 44: a month after 'started'", () => {
  it("is when, not a drug the member started", () => {
    expect(toldKinds("Our coverage period started November 1. Does the limit run by calendar year, or does it follow our November plan date?")).toEqual([]);
    expect(toldKinds("My cardiologist started me on Xarelto last week. What tier is it on?")).toEqual(["xarelto"]);
  });
  it("answers whether the out-of-pocket limit runs by calendar year", () => {
    const limit = source(1, "Is there an out–of–pocket limit on my expenses? — Answers: Yes. $3,000 person / $6,000 family per calendar year.; Why this Matters: The out-of-pocket limit is the most you could pay during a coverage period (usually one year) for your share of the cost of covered services.");
    expect(quotes("Our coverage period started November 1. My husband had surgery in December and already paid a lot out of pocket. Does the $3,000 out-of-pocket limit run by calendar year, so it starts over in January, or does it follow our November plan date?", [limit]).join("\n")).toContain("per calendar year");
  });
});

describe("session 44: how often, and chipping in", () => {
  it("reads 'cada mes' and 'every week' as how often, not the start of a clause", () => {
    expect(askedPart("Mi esposo va cada mes con un quiropráctico de la red.")).toBe("Mi esposo va cada mes con un quiropráctico de la red.");
    expect(requiredTerms("Mi esposo va cada mes con un quiropráctico de la red. ¿Cuánto paga en cada visita?")).toContain("#chiropractic");
    expect(askedPart("I go every week to a preferred chiropractor.")).toBe("I go every week to a preferred chiropractor.");
  });
  it("reads 'chip in' as paying, no word a passage must say", () => {
    expect(requiredTerms("My Medicare Part B premium is $185 a month now, so does Clover chip in anything toward it?")).not.toContain("chip");
  });
});

describe("session 44: a motion machine, an ecografía, a screening said 'de detección'", () => {
  it("reads them as equipment, imaging and preventive care", () => {
    expect(contentTokens("the surgeon wants me to rent a motion machine").has("#durable-medical-equipment")).toBe(true);
    expect(contentTokens("Su doctor le pidió la ecografía.").has("#imaging")).toBe(true);
    expect(contentTokens("la colonoscopía de detección").has("#preventive-care")).toBe(true);
  });
  it("reads being warned as no word a passage must say", () => {
    expect(requiredTerms("Can they really do that right away, without warning me first?")).not.toContain("warn");
  });
});

describe("session 44: a deductible to pay 'antes'", () => {
  it("adds the deductible's row to the care's when asked whether one is paid before", () => {
    const drug = source(1, "If you need drugs to treat your illness or condition › Non-preferred brand and generic drugs — In-network Provider: $50/retail order; Out-of-network Provider: Not covered");
    const other = source(2, "Are there other deductibles for specific services? — Answers: Yes. $100 for brand name drugs. There are no other specific deductibles.");
    const found = quotes("Es enero y a mi papá le acaban de recetar una medicina de marca no preferida para la próstata, que va a surtir cada mes en una farmacia de la red. ¿Hay que pagar algún deducible antes de que el plan ayude, y después cuánto es el copago por cada surtido?", [drug, other]).join("\n");
    expect(found).toContain("$50/retail order");
    expect(found).toContain("$100 for brand name drugs");
  });
});

describe("session 44: one that is", () => {
  it("reads a tier told beside the other as asking both", () => {
    expect(asksNetwork("The specialty pharmacy her office always uses isn't in our network, but the plan has one that is. What share of the drug's cost would we pay at each pharmacy?")).toBeNull();
    expect(asksNetwork("The lab isn't in network. What would I pay?")).toBe("out");
  });
});

describe("session 44: an infection told in Spanish", () => {
  it("is why the care is needed, as 'infection' is in English, not a word a passage must say", () => {
    expect(requiredTerms("Si a mi hijo le da una infección de oído allá, que no es emergencia, ¿el plan le cubre la consulta con un doctor de allá?")).not.toContain("infeccion");
    expect(requiredTerms("¿El plan cubre el tratamiento para la hiperhidrosis?")).toContain("hiperhidrosis");
  });
});

describe("session 44: help with bathing and dressing, pills one takes oneself, 'la presión'", () => {
  it("reads help with bathing and dressing as custodial care, not being able to do them", () => {
    for (const text of ["solo ayuda para bañarse, vestirse y comer", "She only needs help with bathing and dressing now."]) expect(contentTokens(text).has("#long-term-care")).toBe(true);
    expect(contentTokens("My mom can still bathe and dress herself.").has("#long-term-care")).toBe(false);
  });
  it("reads the pills a member takes on their own as self-administered drugs", () => {
    expect(contentTokens("me dieron mis pastillas, las que me tomo yo solo en la casa").has("#self-administered-drugs")).toBe(true);
    expect(contentTokens("Do we need to bring her regular pills from home?").has("#self-administered-drugs")).toBe(false);
  });
  it("reads 'para la presión' as why, no word a passage must say", () => {
    expect(requiredTerms("Mi doctor me quiere dar solo 10 días de una pastilla nueva para la presión. ¿Tengo que pagar el copago del mes completo?")).not.toContain("presion");
  });
});

describe("session 44: a record to correct", () => {
  it("reads asking the plan to fix a record as asking for corrections", () => {
    for (const text of ["Do I have the right to get the plan to fix that?", "Y si encuentro algo mal, ¿puedo pedir que lo corrijan?"]) expect(contentTokens(text).has("#record-corrections")).toBe(true);
    expect(contentTokens("You also have the right to ask us to make additions or corrections to your medical records.").has("#record-corrections")).toBe(true);
    expect(contentTokens("¿Cubre la cirugía para corregir la vista?").has("#record-corrections")).toBe(false);
  });
});

describe("session 44: a share of one thing and of another", () => {
  it("answers each thing listed after 'of'", () => {
    const rows = source(1, "If you need immediate medical attention › Emergency medical transportation — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 5% coinsurance\nEmergency room services — Preferred Provider: $100/visit + 5% coinsurance; Non-Preferred Provider: $100/visit + 5% coinsurance");
    const found = quotes("The paramedics took him by ambulance to the nearest ER, and neither the ambulance company nor the hospital is a Blue Shield preferred provider. They sent him home that night. What's our share of the ER visit and of the ambulance ride?", [rows]).join("\n");
    expect(found).toContain("$100/visit + 5% coinsurance");
    expect(found).toContain("Emergency medical transportation");
  });
});

describe("session 44: aparatos para el oído", () => {
  it("are hearing aids", () => {
    expect(contentTokens("Ya casi no oye y quiere unos aparatos para el oido.").has("#hearing-aids")).toBe(true);
  });
});

describe("session 44: costs listed after one 'What's'", () => {
  it("asks each cost that names its own word of cost", () => {
    expect(askedParts("He sees a preferred psychiatrist every month. What's our cost for each psychiatrist visit, the most we pay per fill of his specialty drug, and our share of a preferred inpatient stay?")).toEqual([
      "What's our cost for each psychiatrist visit?",
      "What's the most we pay per fill of his specialty drug?",
      "What's our share of a preferred inpatient stay?",
    ]);
    // (Things listed after one "for" with no word of cost each are each asked too, since session 49: as things, not as costs.)
    expect(askedParts("What's the copay for the specialist, the x-ray, and the lab?")).toEqual(["What's the copay for the specialist?", "What's the copay for the x-ray?", "What's the copay for the lab?"]);
  });
});

describe("session 44: an everyday word in capitals", () => {
  it("is no name the documents must print", () => {
    expect(toldNames("My COPD is acting up and my in-network lung doctor wants to run breathing tests. Is he in network?")).not.toContain("copd");
    expect(toldNames("My cardiologist practices at University of Utah Hospital. Is that hospital in this plan's network?")).toContain("universit");
  });
});

describe("session 44: the doctor who does the procedure", () => {
  it("charges the physician's fee", () => {
    expect(contentTokens("Is there a separate charge from the doctor who does the procedure?").has("#physician-fees")).toBe(true);
  });
});

describe("session 44: is it an in-network hospital", () => {
  it("asks of the place told, whose name the documents must print", () => {
    expect(toldNames("We live near Roosevelt, and Uintah Basin Medical Center is the only hospital within an hour. Is it an in-network hospital on this plan?")).toContain("uintah");
    expect(toldNames("Vivimos cerca de Roosevelt y el único hospital es Uintah Basin Medical Center. ¿Es un hospital de la red?")).toContain("uintah");
  });
});

describe("session 45: until which day a copay is paid", () => {
  it("asks for the days of a stay, not a date", () => {
    expect(wantsNumber("Ya lleva 25 días. ¿Cuánto pagamos por día en ese hospital y hasta qué día se paga ese copago?")).toBe("amount");
    expect(wantsNumber("¿Hasta qué día tengo para inscribirme?")).toBe("date");
  });
});

describe("session 45: the Part B premium", () => {
  it("is its own thing, asked as something back toward Part B or la prima de la Parte B", () => {
    for (const text of ["Does Clover give either of us something back each month toward Part B?", "Pago la prima de la Parte B.", "my Part B premium"]) expect(contentTokens(text).has("#part-b-premium")).toBe(true);
    expect(contentTokens("What is the monthly plan premium?").has("#part-b-premium")).toBe(false);
    const rows = source(1, "Monthly Plan Premium — Plan 004: No plan premium. You must continue to pay your Medicare Part B premium.\nPart B Premium Buy-Down — Plan 004: If your Part B Premium is $20 or more, Clover offers a monthly $20 subsidy towards your Part B premium every month that you are enrolled.");
    expect(quotes("My wife and I both pay the regular Medicare Part B premium out of our Social Security. Does Clover give either of us something back each month toward Part B, and how much?", [rows]).join("\n")).toContain("$20 subsidy");
  });
});

describe("session 45: the family's deductible asked after a story of care", () => {
  it("asks the plan's figure, not the care told", () => {
    const q = "There are three of us on the family plan. My wife's gallbladder surgery in March already used up her whole $500 deductible, but my son and I haven't had a single bill yet. Now my son needs a procedure. Do we have to meet a deductible for him too, and at what total does our family stop owing deductibles altogether?";
    expect(toldSubject(q)).toBe("");
    expect(toldSubject("My son needs an MRI next week. Does the deductible apply to it?")).not.toBe("");
  });
});

describe("session 45: Spanish nouns of things", () => {
  it("are words a passage must say (un generador, un grupo de apoyo para cuidadores), but not everyday ones (porcentaje, mismo)", () => {
    expect(specificTerms("¿El plan me cubre un generador o una batería de respaldo?")).toContain(stem("generador"));
    expect(specificTerms("¿Qué porcentaje pago yo mismo?").filter((term) => !term.startsWith("#"))).toEqual([]);
    expect(contentTokens("¿Qué parte nos toca del concentrador?").has("#durable-medical-equipment")).toBe(true);
  });
});

describe("session 45: what a Spanish question asks the plan to pay for", () => {
  it("is a word a passage must say, unless it is an everyday one or only told", () => {
    expect(specificTerms("En invierno me da una depresión muy fuerte. ¿El plan me paga la lámpara y cuánto me costaría?")).toContain(stem("lampara"));
    expect(specificTerms("Mi hijo todavía moja la cama. ¿Aetna nos ayuda a pagar esa alarma?")).toContain(stem("alarma"));
    expect(specificTerms("¿Quién paga la diferencia?").filter((term) => !term.startsWith("#"))).toEqual([]);
    expect(specificTerms("¿Clover me cubre ese segundo examen este año?").filter((term) => !term.startsWith("#"))).toEqual([]);
    // (As "the procedure", "the test" and "my employer" are no words a passage must say in English.)
    for (const text of ["¿Este plan cubre ese procedimiento?", "¿El plan paga la prueba?", "Mi empleador me ofrece este plan.", "¿Cubre el tipo que uso?", "¿Me cubren la información?"]) expect(specificTerms(text).filter((term) => !term.startsWith("#"))).toEqual([]);
    expect(specificTerms("Me cobran una multa cada mes. ¿De cuánto es la prima promedio?")).not.toContain(stem("multa"));
    const rows = source(1, "Services Your Plan Does NOT Cover: Cosmetic surgery; Hearing aids; Weight loss programs\nPrimary care visit to treat an injury or illness — Network Provider: $20 copay per visit; Out-of-Network Provider: Not covered");
    expect(quotes("Mi hijo de 8 años todavía moja la cama y el pediatra nos recomendó una alarma para la enuresis. ¿Aetna nos ayuda a pagar esa alarma?", [rows])).toEqual([]);
  });
});

describe("session 45: paying first, and OT", () => {
  it("reads a member paying first as no coverage paying first, and OT or a hand therapist as occupational therapy", () => {
    expect(contentTokens("Is there a deductible just for OT that we'd have to pay first?").has("#pays-first")).toBe(false);
    expect(contentTokens("Is there a deductible just for OT that we'd have to pay first?").has("#rehabilitation")).toBe(true);
    for (const text of ["Which one pays first?", "Does Medicare pay first?"]) expect(contentTokens(text).has("#pays-first")).toBe(true);
    expect(contentTokens("The hand therapist her surgeon recommends is out of network.").has("#mental-health")).toBe(false);
  });
});

describe("session 45: an illness named after a doctor before the drug", () => {
  it("says why, not which drug", () => {
    expect(toldConditions("My husband's Crohn's medicine is a Tier 4 specialty drug. Is there a cap on each fill?")).toEqual(new Set(["crohn"]));
    const rows = source(1, "Tier 4 – Typically Specialty drugs (brand and generic) — In-Network: 30% coinsurance up to $250 max (retail), $300 max (mail order); Out-of-Network: Not covered");
    expect(quotes("My husband's Crohn's medicine is a Tier 4 specialty drug, and we'd like to move it to the mail order program. Is there a cap on what we pay for each mail-order fill?", [rows]).join("\n")).toContain("$300 max");
  });
});

describe("session 45: a second ask after a clause of time", () => {
  it("starts at 'and once…,' or 'and when…,' as at 'and if…,'", () => {
    expect(askedParts("What share of that hospital bill is ours, and once she's home, what will her weekly visits with her preferred psychiatrist cost?")).toEqual([
      "What share of that hospital bill is ours?",
      "once she's home, what will her weekly visits with her preferred psychiatrist cost?",
    ]);
  });
});

describe("session 45: insemination, a nose fixed for how it looks, calluses", () => {
  it("are infertility treatment, cosmetic surgery and foot care", () => {
    for (const text of ["la doctora nos habló de inseminación artificial", "artificial insemination"]) expect(contentTokens(text).has("#infertility")).toBe(true);
    for (const text of ["yo me quiero arreglar la nariz nada más por cómo se ve", "I want it done just for how it looks"]) expect(contentTokens(text).has("#cosmetic-surgery")).toBe(true);
    for (const text of ["shave down my calluses", "ya no alcanza a cortarse las uñas de los pies"]) expect(contentTokens(text).has("#podiatry")).toBe(true);
  });
});

describe("session 45: a regular doctor abroad", () => {
  it("is care that is not an emergency", () => {
    for (const text of ["Si a mi hijo le da gripe allá y lo llevo con un doctor normal, ¿el plan lo cubre?", "quiere seguir con sus consultas normales con un doctor de allá, nada de emergencias"]) expect(contentTokens(text).has("#non-emergency")).toBe(true);
  });
});

describe("session 45: paid maternity leave", () => {
  it("is a thing of its own, which a plan summary does not give", () => {
    for (const text of ["How many weeks of paid maternity leave does this plan give me?", "¿Cuántas semanas de licencia de maternidad me da el plan?"]) expect(contentTokens(text).has("#paid-leave")).toBe(true);
    const rows = source(1, "Patient pays › Limits or exclusions — $150\nIf you are pregnant › Delivery and all inpatient services — In-Network: 20% coinsurance");
    expect(quotes("I'm due with my first baby in the spring. How many weeks of paid maternity leave does this plan give me, and how much of my salary does it pay?", [rows])).toEqual([]);
  });
});

describe("session 45: a second ask after a comma that starts 'do we…'", () => {
  it("is a part of its own", () => {
    expect(askedParts("What do we owe for the ambulance, do we still pay the ER copay, and what's the daily charge for her hospital stay?")).toEqual([
      "What do we owe for the ambulance?",
      "do we still pay the ER copay?",
      "what's the daily charge for her hospital stay?",
    ]);
    expect(askedParts("If I go out of network, do I pay more?")).toEqual(["If I go out of network, do I pay more?"]);
  });
});

describe("session 45: '¿Tenemos que pagar…, cuánto…?'", () => {
  it("asks two things", () => {
    expect(askedParts("¿Tenemos que pagar la consulta del urgent care, cuánto cuesta la ambulancia y cuánto pagamos por día en el hospital?")).toEqual([
      "¿Tenemos que pagar la consulta del urgent care?",
      "cuánto cuesta la ambulancia?",
      "cuánto pagamos por día en el hospital?",
    ]);
  });
});

describe("session 45: 'mi prima' who recommends a doctor", () => {
  it("is a cousin, not the premium", () => {
    for (const text of ["quiero ir con una dermatóloga que me recomendó mi prima", "Mi prima me dijo que el plan cubre eso."]) expect(contentTokens(text).has("#premium")).toBe(false);
    for (const text of ["¿Cuánto es mi prima?", "¿Mi prima sube si me cambio de plan?"]) expect(contentTokens(text).has("#premium")).toBe(true);
  });
});

describe("session 45: 'equipo de oxígeno'", () => {
  it("is medical equipment", () => {
    expect(contentTokens("Mi papá renta su equipo de oxígeno con un proveedor que no es de la red.").has("#durable-medical-equipment")).toBe(true);
  });
});

describe("session 45: each part's best quote after the whole question's", () => {
  it("is added while the answer has room for one more", () => {
    const context = "Common Medical Event · Services You May Need · Your Cost If You Use a In-Network Provider · Your Cost If You Use a Non-Network Provider · Limitations & Exceptions";
    const sources = [
      source(1, "Physician/Surgeon Fees — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: none\nIf you need immediate medical attention › Emergency Room Services — In-Network Provider: $150 copay and then 40% coinsurance; Non-Network Provider: $150 copay and then 40% coinsurance; Limitations & Exceptions: This is for the hospital/facility charge only. The ER physician charge may be separate. copay waived if admitted", context),
      source(2, "Emergency Medical Transportation — In-Network Provider: 40% coinsurance; Non-Network Provider: 40% coinsurance; Limitations & Exceptions: none\nUrgent Care — In-Network Provider: $35 copay per visit; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: Costs may vary by site of service. You should refer to your formal contract of coverage for details.\nIf you have a hospital stay › Facility Fee (e.g., hospital room) — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance with $650 max per day; Limitations & Exceptions: Failure to obtain preauthorization may result in non-coverage or an additional $250 copayment for non-participating providers.\nPhysician/surgeon fee — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: none\nIf you have mental health, behavioral health, or substance abuse needs › Mental/Behavioral health outpatient services — In-Network Provider: Mental/Behavioral Health Office Visit 40% coinsurance Mental/Behavioral Health Facility Visit - Facility Charges 40% coinsurance; Non-Network Provider: Mental/Behavioral Health Office Visit 50% coinsurance with $25 max per visit Mental/Behavioral Health Facility Visit - Facility Charges 50% coinsurance with $175 max per admission; Limitations & Exceptions: Mental/Behavioral Health Office Visit Coverage is limited to a total of 20 visits, In-Network Provider and Non-Network Provider combined per year; 1 visit per day. Mental/Behavioral Health Facility Visit - Facility Charges Coverage is limited to a total of 30 days, In-Network Provider and Non-Network Provider combined per year (inpatient and outpatient facility-based visits combined). Failure to obtain preauthorization for inpatient and outpatient facility may result in non-coverage or an additional $250 copayment for non-participating providers.", context),
      source(3, "Mental/Behavioral health inpatient services — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance with $175 max per day; Limitations & Exceptions: Coverage is limited to a total of 30 days, In-Network Provider and Non-Network Provider combined per year (inpatient and outpatient facility visits combined).", context),
      source(4, "Substance use disorder outpatient services — In-Network Provider: Substance Abuse Office Visit 40% coinsurance Substance Abuse Facility Visit - Facility Charges 40% coinsurance; Non-Network Provider: Substance Abuse Office Visit 50% coinsurance with $25 max per day Substance Abuse Facility Visit - Facility Charges 50% coinsurance with $175 max per admission; Limitations & Exceptions: Substance Abuse Office Visit Substance Abuse visits count towards your mental/behavioral health limit. Substance Abuse Facility Visit - Facility Charges Coverage is limited to a total of 30 days, In-Network Provider and Non-Network Provider combined per yearCoverage is limited to $175 per day Non-Network..\nSubstance use disorder inpatient services — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: Coverage is limited to $175 per day to Non-Network Provider. Substance abuse visits count towards your mental/behavioral health limit.\nIf you are pregnant › Prenatal and postnatal care — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: Your doctor’s charges for delivery are part of prenatal and postnatal care.\nDelivery and all inpatient services — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: Coverage is limited to $650 / dayNon-Network.\nIf you need help recovering or have other special health needs › Home Health Care — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: Coverage is limited to 100 visits per year; 1 visit by a home health aide equals four hours or less; limited to $75/visit for non-network. Failure to obtain preauthorization may result in non-coverage or an additional $250 copayment for non-participating providers.", context),
      source(5, "• Co-payments are fixed dollar amounts (for example, $15) you pay for covered health care, usually when you receive the service.\n• Co-insurance is your share of the costs of a covered service, calculated as a percent of the allowed amount for the service. For example, if the plan's allowed amount for an overnight hospital stay is $1,000, your co-insurance payment of 20% would be $200. This may change if you haven't met your deductible.\n• The amount the plan pays for covered services is based on the allowed amount.", "Anthem BlueCross PPO 1500/$35"),
    ];
    expect(quotes("My wife collapsed at a friend's house across town. The ambulance company isn't in Anthem's network, it took her to an ER at a non-network hospital, and they admitted her there for two nights. What's our share of the ambulance, do we still owe the ER copay, and is there a cap on what Anthem pays per day for that hospital room?", sources).join("\n")).toContain("copay waived if admitted");
  });
});

describe("session 45: the member's own running totals", () => {
  it("are not in a plan document", () => {
    const rows = source(1, "Over-the-counter (OTC) credit — In-network: Quarterly credit is $40\nPlatinum Dental Rider — $1,500 annual maximum for covered dental services");
    expect(quotes("I bought the Platinum Dental Rider in January and had a crown done this spring. How much of my $1,500 annual dental maximum have I used so far, and how much is left for the rest of the year?", [rows])).toEqual([]);
    expect(quotes("Ya gasté una parte en Walmart. ¿Cuánto me queda de saldo en mi tarjeta del crédito OTC este trimestre?", [rows])).toEqual([]);
    expect(quotes("What is the quarterly OTC credit?", [rows]).join("\n")).toContain("$40");
  });
  it("are answered by an Explanation of Benefits the member uploaded, as the older running totals are", () => {
    const eob = source(1, "THIS IS NOT A BILL. Claim number: 12345. Dermatology office visit 03/02 — Amount billed: $250; Plan paid: $180; Patient responsibility: $40");
    expect(quotes("How much did UnitedHealthcare end up paying her for the dermatology visit?", [eob]).join("\n")).toContain("$180");
  });
});

describe("session 45: the names of providers near the member", () => {
  it("are a provider directory's, not a plan document's", () => {
    const rows = source(1, "Network providers are the doctors and other health care professionals, medical groups, hospitals, and other health care facilities that have an agreement with us.\nAmbulatory surgical center — In-Network: $0 copay");
    expect(quotes("Which ambulatory surgery centers in Ogden are in this plan's network? Could you give me a couple of names?", [rows])).toEqual([]);
    expect(quotes("Vivo en Vernal. ¿Cómo se llama el cardiólogo de la red que me queda más cerca y cuál es su teléfono?", [rows])).toEqual([]);
    expect(quotes("What is the copay at an ambulatory surgical center?", [rows]).join("\n")).toContain("$0 copay");
  });
});

describe("session 46: a part asked on another network tier than the whole question", () => {
  const imaging = source(
    1,
    "Diagnostic tests, lab and radiology services, and X-rays › Diagnostic radiology services (e.g. MRI, CT scan) — In-network: $0 copay for each diagnostic mammogram or vascular screening $100 copay otherwise; Out-of-network: 30% coinsurance\nLab services — In-network: $0 copay; Out-of-network: $0 copay",
  );
  const outpatient = source(2, "Outpatient hospital, including surgery — In-network: $0 copay for a colonoscopy $395 copay otherwise; Out-of-network: 30% coinsurance\nSpecialists — In-network: $40 copay; Out-of-network: $65 copay");
  it("shows that part's row in its own tier's cell", async () => {
    const { text } = await ask(
      "Me encontraron una bolita en el seno. Mi doctora me mandó a una mamografía de diagnóstico en un centro de imágenes de la red, y si sale algo raro me van a hacer una biopsia, que es un procedimiento de diagnóstico, con un cirujano que no es de la red. ¿Cuánto pago por la mamografía y qué parte me toca de la biopsia?",
      [imaging, outpatient],
    );
    expect(text).toContain("$0 copay for each diagnostic mammogram");
    expect(text).toContain("30% coinsurance");
    expect(text).not.toContain("$395");
  });
});

describe("session 46: a provider said to be preferred or not", () => {
  it("names the network tier", () => {
    expect(asksNetwork("My physical therapist is preferred. What do I pay for each PT visit?")).toBe("in");
    expect(asksNetwork("The lab she sent me to isn't preferred. What share of the blood work do I pay?")).toBe("out");
    expect(asksNetwork("The supply store isn't a Health Net preferred provider, my physical therapist is preferred, and the home health agency is out of network. What do I pay for each PT visit?")).toBe(null);
    expect(asksNetwork("Which one is preferred brand, and what do I pay for it?")).toBe(null);
  });
});

describe("session 46: a clause that tells only a tier", () => {
  it("tells the tier of the clause before it", () => {
    expect(asksNetwork("Voy a dar a luz en un hospital de la red, pero mi obstetra no es de la red. ¿Qué porcentaje me toca pagar por los servicios profesionales del parto y qué porcentaje por el hospital?")).toBe(null);
    expect(asksNetwork("After that he wants to keep seeing his old counselor for outpatient sessions, but she isn't a preferred provider. He is going into inpatient detox at a preferred facility. What's our share of the inpatient stay and of her sessions?")).toBe(null);
    expect(asksNetwork("Voy a dar a luz en un hospital de la red. ¿Qué porcentaje me toca pagar por el hospital?")).toBe("in");
  });
});

describe("session 46: parts asked on different network tiers", () => {
  const rows = source(
    1,
    "If you need immediate medical attention › Urgent care — Network Provider: $30 copay/visit; Out-of-Network Provider: 40% coinsurance\nIf you need drugs to treat your illness or condition › Generic drugs (Tier 1) — Network Provider: $10 copay/prescription; Out-of-Network Provider: 40% coinsurance",
  );
  it("show each part's row in the tier that part tells, when the whole question tells both", async () => {
    const { text } = await ask(
      "Estábamos de visita en otro estado y a mi hijo le dio una infección de oído. Lo llevé a una clínica de urgencias que no es de la red y le recetaron un antibiótico genérico (nivel 1) que compré en una farmacia que sí es de la red. ¿Qué porcentaje pago de la clínica y cuánto por la receta?",
      [rows],
    );
    expect(text).toContain("40% coinsurance");
    expect(text).toContain("$10 copay/prescription");
    expect(text).not.toContain("$30 copay/visit");
  });
  it("read \"tampoco es preferida\" as out of the network", () => {
    expect(asksNetwork("La enfermera quiere pedirle una cama de hospital a una tienda de equipo médico que tampoco es preferida. ¿Cuánto pagaríamos por la cama?")).toBe("out");
    expect(asksNetwork("Lo llevaron a un hospital que tampoco es de la red. ¿Cuánto pagamos?")).toBe("out");
  });
  it("price an out-of-network cell that says \"Same as Network\" with the network's cell", () => {
    const shown = presentQuote("If you need immediate medical attention › Emergency medical transportation — Network Provider: 20% co-ins, after ded.; Non-Network Provider: Same as Network; Limitations & Exceptions: None", "es", { network: "out", question: "Una ambulancia que no es de la red lo llevó al hospital. ¿Qué porcentaje nos toca de la ambulancia?" });
    expect(shown).toContain("20% co-ins, after ded.");
    expect(shown).toContain("Same as Network");
  });
});

describe("session 46: an illness told as a diagnosis", () => {
  it("says why the care is needed, not what it is", () => {
    expect([...toldConditions("A mi hija le diagnosticaron la enfermedad de Crohn y el gastroenterólogo de la red le recetó un medicamento de especialidad. ¿Qué parte del costo nos toca pagar?")]).toEqual(["crohn"]);
    expect([...toldConditions("Le diagnosticaron TDAH el año pasado. ¿Cuánto pagamos por la medicina?")]).toEqual(["tdah"]);
    expect([...toldConditions("My husband has ALS and his neurologist ordered a power wheelchair. What do we pay?")]).toEqual(["als"]);
    expect([...toldConditions("My wife has UHC through work. What do we pay?")]).toEqual([]);
  });
  it("need not be named by the row that answers", () => {
    const drugs = source(1, "If you need drugs to treat your illness or condition › Specialty drugs — Network Provider: 20% coinsurance; Out-of-network Provider: Not covered; Limitations & Exceptions: Supply/order: up to 30 day (retail).");
    expect(quotes("A mi hija le diagnosticaron la enfermedad de Crohn y el gastroenterólogo de la red le recetó un medicamento de especialidad. ¿Qué parte del costo nos toca pagar en una farmacia de la red?", [drugs]).join("\n")).toContain("20% coinsurance");
  });
});

describe("session 46: a stay to be preauthorized", () => {
  it("asks about prior authorization", () => {
    expect(contentTokens("What happens if nobody gets the stay preauthorized?").has("#prior-authorization")).toBe(true);
    expect(contentTokens("Does it have to be precertified?").has("#prior-authorization")).toBe(true);
  });
});

describe("session 46: the time of day", () => {
  it("is no thing asked about", () => {
    expect(specificTerms("It's a Sunday afternoon in November. Will someone pick up if I call today?")).not.toContain("afternoon");
  });
});

describe("session 46: several things asked at once", () => {
  const rows = source(
    1,
    "If you need immediate medical attention › Emergency room services — Network Provider: 20% coinsurance; Out-of-Network Provider: 20% coinsurance\nEmergency medical transportation — Network Provider: 20% coinsurance; Out-of-Network Provider: 20% coinsurance\nIf you have a test › Diagnostic test (x-ray, blood work) — Network Provider: $10 copay/test; Out-of-Network Provider: 40% coinsurance\nImaging (CT/PET scans, MRIs) — Network Provider: $50 copay/test; Out-of-Network Provider: 40% coinsurance",
  );
  it("are each answered by a row about one of them, whatever else the story tells", async () => {
    const { text } = await ask(
      "My 15-year-old took a hard hit at football practice and the coach called an ambulance. The ambulance and the ER were both in network, and a few days later his doctor sent him for a CT scan of his head at an in-network imaging center. What's our share of the ambulance and the ER, and what do we pay for the CT?",
      [rows],
    );
    expect(text).toContain("Emergency medical transportation");
    expect(text).toContain("Emergency room services");
    expect(text).toContain("$50 copay/test");
  });
});

describe("session 46: \"were\"", () => {
  it("is not read as \"we're\"", async () => {
    const { withApostrophes } = await import("../../src/text/normalize");
    expect(withApostrophes("The ambulance and the ER were both in network.")).toBe("The ambulance and the ER were both in network.");
    expect(withApostrophes("Once weve met the deductible, what do we pay?")).toBe("Once we've met the deductible, what do we pay?");
  });
  it("before a verb's -ing tells what they were doing", () => {
    expect(specificTerms("We were hiking near Sedona when my son broke his ankle. What share do we pay for the ambulance?")).not.toContain("hiking");
  });
});

describe("session 46: a drug named only in the story", () => {
  it("must be found when the question asks its tier", () => {
    expect(toldNames("Me voy a Guatemala tres semanas de misión y el doctor me quiere recetar pastillas contra la malaria (Malarone). ¿En qué nivel de medicamentos está con este plan de UHC y cuánto pagaría?")).toEqual(["malaron"]);
    expect(toldNames("Mi doctor me recetó una medicina de marca preferida. ¿En qué nivel está y cuánto pago?")).toEqual([]);
    const tiers = source(1, "Tier 3 Covered Insulin Drugs – Covered Insulins $35 maximum copay for each 1-month supply until the catastrophic stage.\nYou will pay a yearly deductible of $420 on Tier 3, Tier 4 and Tier 5 drugs.");
    expect(quotes("Mi cardiólogo me quiere poner Leqvio (inclisirán) para el colesterol, una inyección cada seis meses. ¿En qué nivel de medicamentos está con este plan y cuánto pagaría por cada inyección?", [tiers])).toEqual([]);
  });
});

describe("session 46: classes of drugs", () => {
  it("are prescription drugs", () => {
    for (const text of ["a preferred generic blood thinner", "an antibiotic", "mi antidepresivo", "un anticoagulante", "a statin"]) expect(contentTokens(text).has("#prescription-drugs")).toBe(true);
  });
});

describe("session 46: a listed thing named by who gives it", () => {
  it("is asked on its own (\"the family doctor visit\")", async () => {
    const rows = source(
      1,
      "If you visit a health care provider’s office or clinic › Primary care visit to treat an injury or illness — Network Provider: $35 copay/office visit and 20% coinsurance for other outpatient services; Out-of-Network Provider: 40% coinsurance\nSpecialist visit — Network Provider: $50 copay/visit; Out-of-Network Provider: 40% coinsurance\nIf you have a test › Diagnostic test (x-ray, blood work) — Network Provider: $10 copay/test; Out-of-Network Provider: 40% coinsurance",
    );
    const { text } = await ask(
      "I got a terrible case of poison oak on my arms and face. My in-network family doctor saw me, sent me to an in-network lab for blood work, and gave me a referral to an in-network dermatologist. What do I owe for the family doctor visit, the lab work, and the dermatologist visit?",
      [rows],
    );
    for (const fact of ["$35 copay/office visit", "$10 copay/test", "$50 copay/visit"]) expect(text).toContain(fact);
  });
});

describe("session 46: a thing told by a longer word", () => {
  it("is asked of by its end (\"a power wheelchair… the chair\")", async () => {
    const network = source(1, "Does this plan use a network of providers? — Answers: Yes. For a list of network providers, see www.aetna.com or call 1-866-529-2517.; Why this Matters: If you use an in-network doctor or other health care provider, this plan will pay some or all of the costs of covered services.");
    const rows = source(2, "If you need help recovering or have other special health needs › Durable medical equipment — Network Provider: 10% coinsurance; Non-Participating Provider: Not covered; Limitations & Exceptions: None\nIf your child needs dental or eye care › Hospice service — Network Provider: No charge; Non-Participating Provider: Not covered; Limitations & Exceptions: None");
    const { text } = await ask(
      "My husband has ALS and his neurologist ordered a power wheelchair. The medical supply company the neurologist's office likes to use isn't a participating provider with Aetna. What would we pay if we get the chair from them, and what if we go through an in-network supplier instead?",
      [network, rows],
    );
    expect(text).toContain("Durable medical equipment");
    expect(text).toContain("10% coinsurance");
  });
});

describe("session 46: a provider who left the network", () => {
  it("is out of it", () => {
    expect(asksNetwork("My physical therapist after knee surgery is great, but she just left Health Net's preferred network. If I keep seeing her, what will I pay?")).toBe("out");
  });
});

describe("session 46: a brand drug that is not one of the preferred ones", () => {
  it("is asked of the non-preferred row", async () => {
    const rows = source(
      1,
      "If you need drugs to treat your illness or condition › Preferred brand drugs — Preferred Provider: $15/retail order $30/mail order; Out-of-network Provider: Not covered\nNon-preferred brand or generic drugs — Preferred Provider: $25/retail order $50/mail order; Out-of-network Provider: Not covered",
    );
    const { text } = await ask("Mi esposo toma una medicina de marca que no es de las preferidas para el asma. ¿Cuánto pagamos si la surtimos cada mes en la farmacia, y cuánto si la pedimos por correo?", [rows]);
    expect(text).toContain("$25/retail order");
    expect(text).not.toContain("$15/retail order");
  });
});

describe("session 47: a clause that denies the tier told before it, bare", () => {
  const rows = source(
    1,
    "If you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — Network Provider: $100/day copay; Out-of-Network Provider: 40% coinsurance; Limitations, Exceptions, & Other Important Information: Preauthorization is required.\nIf you have outpatient surgery › Physician/surgeon fees — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance; Limitations, Exceptions, & Other Important Information: 50% coinsurance for anesthesia.",
  );
  it("tells the other tier, and each part's row is shown in the tier its story tells", async () => {
    const { text } = await ask(
      "My husband tore his rotator cuff lifting drywall. His orthopedic surgeon is in our network, but the outpatient surgery center where she does all her shoulder repairs is not. What share of the surgery center's bill would we pay, and what share of her surgeon fee?",
      [rows],
    );
    expect(text).toContain("Facility fee (e.g., ambulatory surgery center) — Out-of-Network Provider: 40% coinsurance");
    expect(text).not.toContain("$100/day copay");
    expect(text).toContain("20% coinsurance");
  });
  it("in Spanish: \"…es de la red, pero el cirujano no\"", async () => {
    const { text } = await ask("El hospital es de la red, pero el cirujano no. ¿Qué porcentaje pago de los honorarios del cirujano?", [rows]);
    expect(text).not.toContain("20% coinsurance");
    expect(text).toContain("40% coinsurance");
  });
});

describe("session 47: a share asked in a sentence after the story", () => {
  it("asks for a figure", async () => {
    expect(wantsNumber("My GI doctor wants to do a colonoscopy at an in-network outpatient surgery center. What's my share of the anesthesiologist's bill?")).toBe("amount");
    expect(wantsNumber("Mi esposo usa un nebulizador. ¿Qué porcentaje de esa medicina pagamos?")).toBe("amount");
    const rows = source(
      1,
      "If you have outpatient surgery › Physician/surgeon fees — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance; Limitations, Exceptions, & Other Important Information: 50% coinsurance for anesthesia.\nThis EXAMPLE event includes services like: Specialist office visits (prenatal care) Childbirth/Delivery Professional Services Diagnostic tests (ultrasounds and blood work) Specialist visit (anesthesia)",
    );
    const { text } = await ask("My GI doctor wants to do a diagnostic colonoscopy at an in-network outpatient surgery center next week. What's my share of the anesthesiologist's bill?", [rows]);
    expect(text).toContain("50% coinsurance for anesthesia");
    expect(text).not.toContain("EXAMPLE");
  });
});

describe("session 47: surgery wanted to look better", () => {
  it("is cosmetic surgery", () => {
    expect(contentTokens("I lost a lot of weight. Now I've got loose skin on my belly and my surgeon offered to remove it, mostly so I look better.").has("#cosmetic-surgery")).toBe(true);
    expect(contentTokens("Tengo piel colgada en los brazos y quiero quitármela para verme mejor.").has("#cosmetic-surgery")).toBe(true);
    expect(contentTokens("My surgeon wants to remove my gallbladder.").has("#cosmetic-surgery")).toBe(false);
  });
});

describe("session 47: two things told, one a kind of the other's broader kind", () => {
  it("each finds its own row", async () => {
    const rows = source(
      1,
      "Doctor visits › Primary care provider — In-network: $0 copay; Out-of-network: $20 copay\nDiagnostic tests and procedures — In-network: $30 copay; Out-of-network: 30% coinsurance\nLab services — In-network: $0 copay; Out-of-network: $0 copay\nOutpatient X-rays — In-network: $15 copay; Out-of-network: $40 copay",
    );
    const { text } = await ask("My PCP is sending me for a chest x-ray and a treadmill stress test, both at in-network places. What's the copay for each?", [rows]);
    expect(text).toContain("$15 copay");
    expect(text).toContain("$30 copay");
  });
});

describe("session 47: \"either one\" asked before another ask", () => {
  it("is asked of each thing told", async () => {
    const habilitation = source(
      1,
      "Habilitation services — Network Provider: Not Covered; Non-Network Provider: Not Covered; Limitations & Exceptions: No coverage for Habilitation services.\nSkilled nursing care — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: Limited to 60 days per Calendar year. (combined with Inpatient Rehabilitation) Pre-Authorization is required non-network or benefit reduces to 50%.\nIf your child needs dental or eye care › Eye exam — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: Limited to 1 exam every 2 years.",
    );
    const rehabilitation = source(
      2,
      "If you need help recovering or have other special health needs › Home health care — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: May be limited to 60 visits per Calendar year.\nRehabilitation services — Network Provider: 20% co-ins, after ded.; Non-Network Provider: 50% co-ins, after ded.; Limitations & Exceptions: Depending on the type of therapy, there is a limit of 20-36 visits per Calendar year.",
    );
    const { text } = await ask(
      "Our 4-year-old with autism needs habilitation therapy to work on everyday skills, and my husband needs physical therapy after his rotator cuff repair. Does the plan cover either one, and is there a yearly visit limit on the therapy it does cover?",
      [habilitation, rehabilitation],
    );
    expect(text).toContain("20-36 visits");
    expect(text).toContain("No coverage for Habilitation services");
    expect(eachToldAsk("Our 4-year-old with autism needs habilitation therapy to work on everyday skills, and my husband needs physical therapy after his rotator cuff repair. Does the plan cover either one, and is there a yearly visit limit on the therapy it does cover?")).toEqual([
      "Our 4-year-old with autism needs habilitation therapy to work on everyday skills. Does the plan cover it",
      "my husband needs physical therapy after his rotator cuff repair. Does the plan cover it",
    ]);
  });
});

describe("session 47: a place visited", () => {
  it("is no kind of the care told", () => {
    expect(toldKinds("My mom had a stroke while we were visiting Reno. What do we owe for the ambulance?")).not.toContain("reno");
  });
});

describe("session 47: several things listed after a long story", () => {
  it("are each asked on the tier the question names, when the whole finds nothing", async () => {
    const transport = source(1, "Emergency Medical Transportation — In-Network Provider: 40% coinsurance; Non-Network Provider: 40% coinsurance; Limitations & Exceptions: none\nUrgent Care — In-Network Provider: $35 copay per visit; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: none");
    const recovery = source(
      2,
      "Skilled Nursing Care — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: Coverage is limited to 100 days per benefit period.\nDurable medical equipment — In-Network Provider: 50% coinsurance; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: Failure to obtain preauthorization may result in non-coverage or reduced coverage.\nHospice service — In-Network Provider: No charge; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: none",
    );
    const { text } = await ask(
      "Dad fell at home and an ambulance took him to the ER. His cancer is advanced, so when he leaves the hospital he's going on hospice at home with an in-network hospice agency, and his doctor ordered an oxygen concentrator from an in-network medical equipment company. What's our share of the ambulance ride, of the hospice care, and of the oxygen equipment?",
      [transport, recovery],
    );
    expect(text).toContain("Emergency Medical Transportation — In-Network Provider: 40% coinsurance");
    expect(text).toContain("Hospice service — In-Network Provider: No charge");
    expect(text).toContain("Durable medical equipment — In-Network Provider: 50% coinsurance");
  });
});

describe("session 47: \"neither place is a … preferred provider\"", () => {
  it("is out of the network", () => {
    expect(asksNetwork("His ENT can do it at a surgery center or at the hospital, but neither place is a Blue Shield preferred provider. What share of the facility bill would we pay at each one?")).toBe("out");
    expect(asksNetwork("Neither hospital is in our network. What would we pay?")).toBe("out");
  });
});

describe("session 47: doctors told to be out of the network", () => {
  it("are not asked whether someone out of network may work on the member's care", async () => {
    const rows = source(
      1,
      "Is there an out–of– pocket limit on my expenses? — Answers: Yes. For preferred providers $4,000 member / $8,000 family. For out-of-network providers $8,000 member /$16,000 family per calendar year.\nDoes this plan use a network of providers? — Answers: Yes. Be aware, your in-network doctor or hospital may use an out-of-network provider for some services.",
    );
    const { text } = await ask("We mostly see doctors who aren't Health Net preferred providers. What's the most one of us could pay out of pocket with out-of-network providers?", [rows]);
    expect(text).toContain("$8,000 member");
    expect(text).not.toContain("Be aware");
  });
});

describe("session 47: a drug told by what it is, with its tier", () => {
  it("is priced by the tier's row in passages that never name it", async () => {
    const drugs = source(
      1,
      "If you need drugs to treat your illness or condition › Preferred brand drugs — Network Provider: 50% coinsurance up to $500 max/retail, $1,000 max/mail order; Non-Participating Provider: Not covered\nNon-preferred generic, brand and specialty drugs — Network Provider: 50% coinsurance up to $500 max/retail, $1,000 max/mail order; Non-Participating Provider: Not covered",
    );
    const visits = source(2, "Specialist visit — Network Provider: $75 copay per visit, deductible waived; Non-Participating Provider: Not covered");
    const { text } = await ask(
      "My husband has type 1 diabetes. His PCP got the plan's OK for him to keep seeing an in-network endocrinologist every three months, and his insulin is a non-preferred brand that we'd like to switch to mail order, 90 days at a time. What's the copay for each endocrinologist visit, and what's the most we'd pay for each mail-order fill of his insulin?",
      [drugs, visits],
    );
    expect(text).toContain("$75 copay per visit");
    expect(text).toContain("Non-preferred generic, brand and specialty drugs");
  });
});

describe("session 48: \"since then\" goes on with the main clause", () => {
  it("so the care told after it is the story's subject", () => {
    expect(specificTerms(askedPart("A mi hijo lo operaron de la rodilla en julio y desde entonces va a fisioterapia dos veces por semana con un terapeuta de la red. ¿Cuántas sesiones al año le cubre el plan?"))).toContain("#rehabilitation");
    expect(specificTerms(askedPart("My son had knee surgery in July and since then goes to physical therapy twice a week. How many sessions a year does the plan cover?"))).toContain("#rehabilitation");
  });
});

describe("session 48: a second ask after \", y\" with a pronoun or \"hasta\" before its verb", () => {
  it("is a part of its own", () => {
    expect(askedParts("¿Cuánto me da el plan para comprar vitaminas sin receta, cada cuándo, y lo puedo usar en la tiendita del barrio?")).toHaveLength(2);
    expect(askedParts("¿De cuánto es ese límite para una sola persona, y hasta qué fecha exacta dura este periodo de cobertura?")).toHaveLength(2);
  });
});

describe("session 48: the words that ask for a date", () => {
  it("are said by a passage that states one, after a long story", async () => {
    const header = source(1, "Summary of Benefits and Coverage: What this Plan Covers & What You Pay for Covered Services — Coverage Period: 01/01/2025 – 12/31/2025");
    const rows = source(
      2,
      "If you need help recovering or have other special health needs › Rehabilitation services — Network Provider: 20% coinsurance; Out-of-Network Provider: 40% coinsurance; Limitations, Exceptions, & Other Important Information: 60 visits/year. Includes physical therapy, speech therapy, and occupational therapy.\nIf your child needs dental or eye care › Children’s eye exam — Network Provider: $35 copay/visit; Out-of-Network Provider: Not covered; Limitations, Exceptions, & Other Important Information: Coverage limited to one exam/year.",
    );
    const { text } = await ask(
      "A mi hijo lo operaron de la rodilla en julio y desde entonces va a fisioterapia dos veces por semana con un terapeuta de la red. ¿Cuántas sesiones al año le cubre el plan, y en qué fecha se termina este periodo de cobertura para saber cuándo se le renueva el límite?",
      [header, rows],
    );
    expect(text).toContain("60 visits/year");
    expect(text).toContain("12/31/2025");
    expect(text).not.toContain("Children’s eye exam");
  });
});

describe("session 48: a date written in words", () => {
  it("is a date stated, as one in figures is (\"after December 31, 2025\")", async () => {
    const contract = source(
      1,
      "Section 1.2 Our contract with Medicare. We can also choose to stop offering the plan, or to offer it in a different service area, after December 31, 2025. This means we can change the costs and benefits of the plan after December 31, 2025.",
    );
    const { text } = await ask(
      "Una vecina me dijo que UnitedHealthcare va a quitar este plan el año que viene. ¿Hasta qué fecha está vigente el contrato de este año, y el plan puede dejar de ofrecerse o cambiar sus costos después de esa fecha?",
      [contract],
    );
    expect(text).toContain("stop offering the plan");
    expect(text).toContain("change the costs and benefits");
  });
});

describe("session 48: vocabulary", () => {
  it("knows eye diseases, specialties and consults, and words a passage need not say", () => {
    expect(contentTokens("my glaucoma checks").has("#eye-disease")).toBe(true);
    expect(contentTokens("la consulta por el glaucoma").has("#eye-disease")).toBe(true);
    expect(contentTokens("Exam to diagnose and treat diseases and conditions of the eye").has("#eye-disease")).toBe(true);
    expect(contentTokens("What's his copay per cardiology visit?").has("#specialist")).toBe(true);
    expect(contentTokens("¿Cuánto cuesta la consulta de cardiología?").has("#specialist")).toBe(true);
    expect(contentTokens("what will the consult visit cost me?").has("#office-visit")).toBe(true);
    expect(requiredTerms("What do we owe for the ambulance ride, and how is the ER bill split between us and the plan?")).not.toContain("split");
    expect(requiredTerms("La única agencia que llega a su pueblo no es preferida. ¿El plan cubre esa agencia?")).not.toContain("agencia");
  });
});

describe("session 48: a Spanish thing asked again by its first word", () => {
  it("is the thing told (\"aparatos para oír … ¿cubre los aparatos?\"), in Spanish only", () => {
    expect(requiredTerms("A mi hija le detectaron pérdida de audición y la audióloga dice que necesita aparatos para oír. ¿El plan cubre los aparatos?")).toEqual(["#hearing-aids"]);
    expect(requiredTerms("Mi esposo usa un aparato ortopédico en la pierna. ¿El plan le cubre los zapatos que van con el aparato?")).not.toContain("aparato");
  });
});

describe("session 48: Spanish words for a surgeon and an approval", () => {
  it("are the surgeon's fees and prior authorization", () => {
    expect(contentTokens("¿Qué porcentaje de lo que cobra la cirujana?").has("#physician-fees")).toBe(true);
    expect(contentTokens("la cirujana de la mano").has("#surgery")).toBe(true);
    expect(contentTokens("¿Hay algún requisito o aprobación que tenga que pedir antes?").has("#prior-authorization")).toBe(true);
    expect(requiredTerms("If something serious happens and she ends up in the emergency room, what share of the ER bill would we owe?")).not.toContain("serious");
  });
});

describe("session 48: two things listed after \"de\"", () => {
  it("are each asked alone when the whole finds nothing (\"¿Cuánto nos toca de la sala de emergencias y de la ambulancia?\")", async () => {
    const rows = source(
      1,
      "Emergency room services — Preferred Provider: $100/visit + 5% coinsurance; Non-Preferred Provider: $100/visit + 5% coinsurance; Limitations & Exceptions: none\nIf you need immediate medical attention › Emergency medical transportation — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 5% coinsurance; Limitations & Exceptions: none",
    );
    const { text } = await ask(
      "Estábamos en Las Vegas cuando a mi esposo le dio un dolor de pecho. Una ambulancia que no es proveedora preferida lo llevó a la sala de emergencias de un hospital que tampoco es preferido, y en la noche lo mandaron a la casa. Ya pagamos el deducible. ¿Cuánto nos toca de la sala de emergencias y de la ambulancia?",
      [rows],
    );
    expect(text).toContain("$100/visit + 5% coinsurance");
    expect(text).toContain("Emergency medical transportation");
  });
});

describe("session 48: asks listed with commas, \"…, does what I pay…, and what is…?\"", () => {
  it("are parts of their own", () => {
    expect(askedParts("Is there a separate deductible for brand drugs, does what I pay for prescriptions count toward my yearly out-of-pocket limit, and what is that limit for just me?")).toHaveLength(3);
  });
});

describe("session 48: how amounts relate, asked in a question of several parts", () => {
  const summary = source(
    1,
    "What is the out-of-pocket limit for this plan? — Answers: For preferred providers $4,000 member / $8,000 family.\nWhat is not included in the out–of–pocket limit? — Answers: Premiums, balance-billed charges, penalties for non-certification and health care this plan doesn’t cover.; Why this Matters: Even though you pay these expenses, they don’t count toward the out-of-pocket limit.",
  );
  const stays = source(
    2,
    "If you have mental health, behavioral health, or substance abuse needs › Substance use disorder inpatient services — Preferred Provider: 10% co-ins; Out-of-network Provider: 50% co-ins; Limitations & Exceptions: If prior authorization is not obtained a $250 penalty will apply.",
  );
  it("is answered in its parts when the whole's rows do not say how (\"¿…cuenta para el límite…? ¿Y hasta cuánto paga…?\")", async () => {
    const limits = source(
      1,
      "What is not included in the out-of-pocket limit? — Answers: Balance-Billed Charges, Pre-Authorization Penalties, Infertility Treatment Copays, Health Care This Plan Doesn't Cover, Premiums.; Why this Matters: Even though you pay these expenses, they don't count toward the out-of-pocket limit.\nIs there an overall annual limit on what the insurer pays? — Answers: No. This policy has no overall annual limit on the amount it will pay each year.",
    );
    const others = source(
      2,
      "Other Covered Services (This isn't a complete list.)\n• Acupuncture • Bariatric surgery is covered only for morbid obesity • Chiropractic care • Infertility treatment Services are subject to per member lifetime maximum: $2000 Medical Services, and $1500 Prescription Drugs.",
    );
    const { text } = await ask(
      "Mi esposo y yo vamos a empezar un tratamiento de fertilidad y las medicinas son carísimas. ¿Lo que paguemos de copagos del tratamiento cuenta para el límite de gastos de bolsillo? ¿Y hasta cuánto paga el plan en toda la vida por las medicinas de fertilidad?",
      [limits, others],
    );
    expect(text).toContain("Infertility Treatment Copays");
    expect(text).toContain("$1500 Prescription Drugs");
  });
  it("is answered in its parts when the whole's rows do not say how", async () => {
    const { text } = await ask(
      "My brother is on our plan and checked himself into a preferred inpatient detox center over the holiday weekend, and nobody called Health Net for approval. What share of that stay do we pay, what extra charge do we get hit with because there was no prior authorization, and does that extra charge at least count toward our out-of-pocket limit?",
      [summary, stays],
    );
    expect(text).toContain("10% co-ins");
    expect(text).toContain("penalties for non-certification");
  });
  it("is not answered by a part's row that does not say how", async () => {
    const rows = source(
      1,
      "Inpatient hospital care — In-Network: $395 copayment each day for days 1 to 5 for Medicare-covered hospital care each time you are admitted. $0 copayment for additional Medicare-covered days.†† You pay these amounts until you reach the out-of-pocket maximum.",
    );
    const { text } = await ask(
      "My husband has been in an in-network hospital for four days after his stroke, paying the daily copay. Now they're moving him to an inpatient rehabilitation hospital, also in network. Does the daily hospital copay start over at the rehab hospital, and how much is it?",
      [rows],
    );
    expect(text).not.toContain("$395");
  });
});

describe("session 48: what is from another country", () => {
  it("is care outside the United States (\"an Irish emergency room\")", () => {
    expect(contentTokens("what if we end up in an Irish emergency room?").has("#worldwide")).toBe(true);
    expect(contentTokens("un hospital mexicano").has("#worldwide")).toBe(true);
    expect(contentTokens("Does the plan cover a Spanish interpreter?").has("#worldwide")).toBe(false);
  });
});

describe("session 48: whether someone no passage names is in the network, asked with its other answer", () => {
  const rows = source(
    1,
    "If you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — Preferred Provider: 10% co-ins; Out-of-network Provider: 50% co-ins\nPhysician/surgeon fees — Preferred Provider: 10% co-ins; Out-of-network Provider: 50% co-ins",
  );
  it("is not answered by the other alternative's rows", async () => {
    for (const question of [
      "Our son's pediatric surgeon operates at Rady Children's Hospital in San Diego. Is Rady Children's a preferred provider on this Health Net PPO, or would his surgery there be out of network?",
      "My husband's orthopedic surgeon operates at Flagstaff Medical Center. Is that hospital in UnitedHealthcare's network for this plan, or would his surgery there be non-network?",
    ]) {
      const { text } = await ask(question, [rows]);
      expect(text).toContain(NOT_FOUND_EN);
    }
  });
});

describe("session 48: several things asked as what costs", () => {
  it("are each asked (\"What will the specialist visit, the X-ray and the MRI cost me?\")", async () => {
    const rows = source(
      1,
      "If you visit a health care provider’s office or clinic › Specialist visit — Preferred Provider: $40/visit; Out-of-network Provider: 50% co-ins\nDiagnostic test (x-ray, blood work) — Preferred Provider: X-ray - $40; Lab - $20; Out-of-network Provider: 50% co-ins\nImaging (CT/PET scans, MRIs) — Preferred Provider: 10% co-ins; Out-of-network Provider: 50% co-ins",
    );
    const { text } = await ask(
      "I'm training for a marathon and my hip started hurting. I made an appointment with a sports medicine specialist who's a Health Net preferred provider. He'll probably take an X-ray in his office, and if that doesn't show anything he'll send me for an MRI at a preferred imaging center. What will the specialist visit, the X-ray and the MRI cost me?",
      [rows],
    );
    expect(text).toContain("$40/visit");
    expect(text).toContain("X-ray - $40");
    expect(text).toContain("Imaging (CT/PET scans, MRIs)");
  });
  it("knows a GI doctor for a specialist", () => {
    expect(contentTokens("What do I pay for the GI visit?").has("#specialist")).toBe(true);
  });
});

describe("session 48: visits at home, in Spanish", () => {
  it("are home health care's (\"¿…cuánto por cada visita en la casa?\")", () => {
    expect(contentTokens("¿Cuánto pagamos por cada visita en la casa?").has("#home-health")).toBe(true);
    expect(contentTokens("¿Cuántas visitas en casa cubre el plan al año?").has("#home-health")).toBe(true);
  });
});

describe("session 49: radiation is not chemotherapy", () => {
  it("asked of both, each is asked (\"…the chemo and the radiation?\")", () => {
    expect(askedParts("What would we pay for the chemo and the radiation?")).toHaveLength(2);
    expect(contentTokens("What share of the radiation would she pay?").has("#cancer-treatment")).toBe(false);
  });
  it("each finds its own row", async () => {
    const rows = source(
      1,
      "Medicare Part B prescription drugs › Chemotherapy drugs2 — In-network: 20% coinsurance; Out-of-network: 30% coinsurance\nTherapeutic radiology2 — In-network: 20% coinsurance; Out-of-network: 30% coinsurance",
      "Medical benefits",
    );
    const { text } = await ask(
      "My wife was just diagnosed with breast cancer. She wants to get her chemo infusions near our daughter in Boise, at a cancer center that isn't in UHC's network, and then do her radiation treatments back home at an in-network center in Ogden. What share of the chemo drugs would she pay up there, and what share of the radiation here?",
      [rows],
    );
    expect(text).toContain("Chemotherapy drugs");
    expect(text).toContain("Therapeutic radiology");
    // (The chemo's tier is told after its stretch: "…near our daughter in Boise, at a cancer center that isn't in UHC's network".)
    expect(text).toContain("30% coinsurance");
  });
});

describe("session 49: a surgeon seen in the office", () => {
  it("is a specialist seen (\"the hand surgeon visit\")", () => {
    expect(contentTokens("What do I pay for the urgent care visit, the hand surgeon visit and the CT scan?").has("#specialist")).toBe(true);
    expect(contentTokens("What is the surgeon's fee for the knee surgery?").has("#specialist")).toBe(false);
  });
});

describe("session 49: a row's network cell beside its out-of-network cell", () => {
  const cells = [
    source(1, "Diagnostic Services / Labs/Imaging — Clover Health Choice (PPO) (Plan 004): In-Network: X-rays: $30 copay Therapeutic radiology (radiation): 20% coinsurance", "Medical benefits"),
    source(2, "Diagnostic Services / Labs/Imaging — Clover Health Choice (PPO) (Plan 004): Out-of-Network: X-rays: $50 copay Therapeutic radiology (radiation): 40% coinsurance", "Medical benefits"),
  ];
  it("is set aside when the question asks out of network", async () => {
    const { text } = await ask("I'm on Clover Health Choice (004) and I'm starting radiation therapy at a cancer center that isn't in Clover's network. What share of the radiation treatments would I pay?", cells);
    expect(text).toContain("40% coinsurance");
    expect(text).not.toContain("20% coinsurance");
  });
  it("is kept when a part has its tier from another part only", async () => {
    const { text } = await ask("I'm on Clover Health Choice (004). What share of the radiation would I pay at the hospital's center? And if I go to one that isn't in the network?", cells);
    expect(text).toContain("40% coinsurance");
    expect(text).toContain("20% coinsurance");
  });
});

describe("session 49: things listed with commas after one \"for\"", () => {
  it("are each asked (\"What do we pay for the urgent care visit, the drops, and the glasses?\")", () => {
    expect(askedParts("What do we pay for the urgent care visit, the drops, and the glasses?")).toEqual([
      "What do we pay for the urgent care visit?",
      "What do we pay for the drops?",
      "What do we pay for the glasses?",
    ]);
  });
});

describe("session 49: three or more things listed after one \"for\"", () => {
  it("are each asked, the last after \"and\" with or without a comma", () => {
    expect(askedParts("What do we owe for the urgent care visit, the x-ray, the orthopedist, and each therapy session?")).toHaveLength(4);
    expect(askedParts("¿Cuánto pagamos por la consulta, los análisis y la radiografía?")).toEqual(["¿Cuánto pagamos por la consulta?", "¿Cuánto pagamos por los análisis?", "¿Cuánto pagamos por la radiografía?"]);
  });
  it("the things before a long last one too", () => {
    expect(askedParts("What do we pay for the ambulance, the ER visit, and the hospital's facility fee for the surgery?")).toHaveLength(3);
  });
});

describe("session 49: a program named in quotation marks", () => {
  const rows = source(
    1,
    "Home health care — Preferred Provider: 5% coinsurance; Non-Preferred Provider: Not covered; Limitations & Exceptions: Up to 100 visits per calendar year.\nIf you have a hospital stay › Facility fee (e.g., hospital room) — Preferred Provider: 5% coinsurance; Non-Preferred Provider: 25% coinsurance",
  );
  it("is not answered by the rows of what it is made of", async () => {
    const { text } = await ask("My mom has cellulitis and instead of admitting her, the hospital offered its 'hospital at home' program, where nurses come every day. Does this plan cover hospital-at-home care, and what would she pay?", [rows]);
    expect(text).toContain(NOT_FOUND_EN);
  });
  it("is answered by a passage that names it", async () => {
    const named = source(2, "Hospital at home — Preferred Provider: 5% coinsurance; Limitations & Exceptions: Requires prior authorization.");
    const { text } = await ask("The hospital offered its 'hospital at home' program. Does this plan cover it, and what would I pay?", [rows, named]);
    expect(text).toContain("Hospital at home");
  });
});

describe("session 49: whether someone told is in the network, asked with the plan's own name", () => {
  it("names the one told, not the plan", () => {
    expect(toldNames("We live in Chula Vista and the hospital closest to us is Scripps Mercy Hospital Chula Vista. Is it in this Bronze HMO's network?")).toContain("scripp");
    expect(toldNames("Mi hija va con la Dra. Leticia Robles, pediatra en Clovis. ¿Ella está en la red de este plan HMO de Aetna?")).toContain("leticia");
    expect(toldNames("El hospital más cercano es el Providence Holy Cross Medical Center. ¿Es proveedor preferido de Health Net para este plan PPO?")).toContain("providenc");
    expect(toldNames("The closest hospital is Northwest Medical Center. Is it one of UnitedHealthcare's network hospitals for this HSA Choice Plus plan?")).toContain("northwest");
  });
  it("is refused when no passage names them", async () => {
    const rows = source(1, "If you have a hospital stay › Facility fee (e.g., hospital room) — Network Provider: 50% coinsurance; Non-Participating Provider: Not covered\n: — CA Bronze HMO Deductible 5500; Coverage Period: 01/01/2014 - 12/31/2014", "CA Bronze HMO Deductible 5500");
    const { text } = await ask("We live in Chula Vista and the hospital closest to us is Scripps Mercy Hospital Chula Vista. Is it in this Bronze HMO's network?", [rows]);
    expect(text).toContain(NOT_FOUND_EN);
  });
});

describe("session 49: out of the purse, in Spanish", () => {
  it("is out of pocket (\"lo máximo que pagaríamos de nuestra bolsa\")", () => {
    expect(contentTokens("¿Cuánto es lo máximo que pagaríamos de nuestra bolsa por él con los proveedores preferidos?").has("#out-of-pocket-limit")).toBe(true);
  });
});

describe("session 50: a question of three or more parts that the whole finds nothing for", () => {
  it("is answered by the rows of the parts that found theirs, when more than half did", async () => {
    const title = "Health Net of CA: Cal Choice HMO 25 6DF \u00b7 Coverage Period: 11/01/2013 \u00b7 Summary of Benefits and Coverage: What this Plan Covers & What it Costs Coverage for: All Covered Members | Plan Type: HMO";
    const rows = [
      source(1, "If you are pregnant › Delivery and all inpatient services — In-network Provider: $450 per day; Out-of-network Provider: Not covered; Limitations & Exceptions: 4 days max per admit. Requires prior authorization.\nIf you are pregnant › Home health care — In-network Provider: $45; Out-of-network Provider: Not covered; Limitations & Exceptions: Requires prior authorization.\nIf you need help recovering or have other special health needs › Rehabilitation services — In-network Provider: $25; Out-of-network Provider: Not covered; Limitations & Exceptions: Requires prior authorization.\nIf you need help recovering or have other special health needs › Habilitation services — In-network Provider: Not covered; Out-of-network Provider: Not covered; Limitations & Exceptions: none\nIf you need help recovering or have other special health needs › Skilled nursing care — In-network Provider: $450 per day; Out-of-network Provider: Not covered; Limitations & Exceptions: 4 days max per admit. Limited to 100 days per member per calendar year. Requires prior authorization.", title),
      source(2, "If you need help recovering or have other special health needs › Durable medical equipment — In-network Provider: 50% co-ins; Out-of-network Provider: Not covered; Limitations & Exceptions: Requires prior authorization.\nIf your child needs dental or eye care › Hospice service — In-network Provider: No charge; Out-of-network Provider: Not covered; Limitations & Exceptions: Requires prior authorization.\nIf your child needs dental or eye care › Eye exam — In-network Provider: $25; Out-of-network Provider: Not covered; Limitations & Exceptions: none\nIf your child needs dental or eye care › Glasses — In-network Provider: Not covered; Out-of-network Provider: Not covered; Limitations & Exceptions: none\nIf your child needs dental or eye care › Dental check-up — In-network Provider: Not covered; Out-of-network Provider: Not covered; Limitations & Exceptions: none", title),
      source(3, "Urgent care — In-network Provider: $25; Out-of-network Provider: Not covered; Limitations & Exceptions: Copay waived if admitted as inpatient.\nIf you have a hospital stay › Facility fee (e.g., hospital room) — In-network Provider: $450 per day; Out-of-network Provider: Not covered; Limitations & Exceptions: 4 days max per admit. Requires prior authorization.\nPhysician/surgeon fee — In-network Provider: No charge; Out-of-network Provider: Not covered; Limitations & Exceptions: none", title),
      source(4, "www.healthnet.com › Specialty drugs — In-network Provider: 30% co-ins; Out-of-network Provider: Not covered; Limitations & Exceptions: Supply/order: up to a 30 days supply filled except where quantity limits apply. Prior authorization is required for select drugs. Quantity limits may apply to select drugs.\nIf you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — In-network Provider: hospital - $400 ASC - $200; Out-of-network Provider: Not covered; Limitations & Exceptions: Requires prior authorization.\nPhysician/surgeon fees — In-network Provider: $25; Out-of-network Provider: Not covered; Limitations & Exceptions: none\nEmergency room services — In-network Provider: $150; Out-of-network Provider: Not covered; Limitations & Exceptions: Copay waived if admitted as inpatient.\nIf you need immediate medical attention › Emergency medical transportation — In-network Provider: $200; Out-of-network Provider: Not covered; Limitations & Exceptions: none", title),
      source(5, "Imaging (CT/PET scans, MRIs) — In-network Provider: $100; Out-of-network Provider: Not covered; Limitations & Exceptions: Requires prior authorization.\nIf you need drugs to treat your illness or condition › Preferred generic drugs — In-network Provider: $15/retail order $30/mail order; Out-of-network Provider: Not covered; Limitations & Exceptions: Supply/order: up to 30 day (retail); 35-90 day (mail), except where quantity limits apply. Prior authorization is required for select drugs. You pay the difference in cost between the brand name and generic drug plus co-pay or co-insurance for the generic.\nPreferred brand drugs — In-network Provider: $30/retail order $60/mail order; Out-of-network Provider: Not covered; Limitations & Exceptions: Supply/order: up to 30 day (retail); 35-90 day (mail), except where quantity limits apply. Prior authorization is required for select drugs. You pay the difference in cost between the brand name and generic drug plus co-pay or co-insurance for the generic.\nMore information about prescription drug coverage is available at › Non-preferred brand and generic drugs — In-network Provider: $50/retail order $100/mail order; Out-of-network Provider: Not covered; Limitations & Exceptions: Supply/order: up to 30 day (retail); 35-90 day (mail), except where quantity limits apply. Prior authorization is required for select drugs. You pay the difference in cost between the brand name and generic drug plus co-pay or co-insurance for the generic.", title),
    ];
    const { text } = await ask(
      "My dad is coming home from the hospital on oxygen and will need a hospital bed in the living room. His doctor also ordered a home health nurse to come check on him twice a week. What do we pay per nurse visit, what's our share of the oxygen equipment and the bed, and does any of this need approval ahead of time?",
      rows,
    );
    expect(text).toContain("Home health care");
    expect(text).toContain("Durable medical equipment");
  });
});

describe("session 50: the most visits", () => {
  it("asks how many (\"Is there a maximum number of acupuncture visits…?\", \"¿Hay un límite de visitas…?\")", () => {
    expect(asksCount("Is there a maximum number of acupuncture visits the plan will cover each year?")).toBe(true);
    expect(asksCount("Is there a limit on chiropractic visits?")).toBe(true);
    expect(asksCount("¿Hay un límite de visitas al año para la acupuntura?")).toBe(true);
  });
  it("asked with a price in Spanish's conditional, asks a price too (\"¿Cuánto es lo máximo que pagaría por cada consulta…?\")", () => {
    expect(asksCount("¿Cuánto es lo máximo que pagaría por cada consulta con él, y esas consultas cuentan dentro del mismo límite de visitas de salud mental?")).toBe(false);
  });
  it("is refused when the row gives only a price", async () => {
    const { text } = await ask("My doctor recommended acupuncture for my chronic neck pain, and I found a preferred acupuncturist. Is there a maximum number of acupuncture visits the plan will cover each year?", [
      source(1, "If you visit a health care provider’s office or clinic › Other practitioner office visit — Preferred Provider: Acupuncture-$20/visit; Out-of-network Provider: Not covered; Limitations & Exceptions: Chiropractic care is not covered."),
    ]);
    expect(text).toBe(NOT_FOUND_EN);
  });
});

describe("session 50: care told as outpatient", () => {
  it("is not priced by a row named after a hospital stay", async () => {
    const rows = [
      source(1, "If you have outpatient surgery › Facility fee (e.g., ambulatory surgery center) — Network Provider: 50% coinsurance\nIf you have outpatient surgery › Physician/surgeon fees — Network Provider: 50% coinsurance"),
      source(2, "If you have a hospital stay › Facility fee (e.g., hospital room) — Network Provider: 50% coinsurance\nIf you have a hospital stay › Physician/surgeon fee — Network Provider: 50% coinsurance"),
    ];
    const { text } = await ask("I'm having a hernia repaired at an in-network outpatient surgery center. What share of the surgeon's fee do I pay?", rows);
    expect(text).toContain("If you have outpatient surgery › Physician/surgeon fees");
    expect(text).not.toContain("If you have a hospital stay");
  });
  it("unless a stay is told too", async () => {
    const rows = [
      source(1, "If you have outpatient surgery › Physician/surgeon fees — Network Provider: 50% coinsurance"),
      source(2, "If you have a hospital stay › Physician/surgeon fee — Network Provider: 40% coinsurance"),
    ];
    const { text } = await ask("The outpatient surgery went wrong and they admitted me overnight. What share of the surgeon's fee do I pay now?", rows);
    expect(text).toContain("If you have a hospital stay › Physician/surgeon fee");
  });
});

describe("session 50: the most one could pay in a year", () => {
  it("is the out-of-pocket limit, however the member names who pays", () => {
    expect(contentTokens("What's the most our family could owe this year with network providers?").has("#out-of-pocket-limit")).toBe(true);
    expect(contentTokens("¿Cuánto es lo máximo que pagaríamos en el año por proveedores fuera de la red?").has("#out-of-pocket-limit")).toBe(true);
  });
  it("but not the most paid for one fill", () => {
    expect(contentTokens("What's the most I'd pay per prescription at a preferred pharmacy?").has("#out-of-pocket-limit")).toBe(false);
  });
});

describe("session 50: a deductible asked before a drug's price", () => {
  const rows = () => [
    source(1, "More information about prescription drug coverage is available at www.anthem.com/pharmacyinformation/ › Tier 1 – Typically Generic — In-Network Provider: $10 copay/prescription (retail and mail order); Non-Network Provider: 50% coinsurance; Limitations & Exceptions: Covers up to a 30 day supply (retail pharmacy), Covers up to a 90 day supply (mail order program)\nTier 2 – Typically Preferred/Formulary Brand — In-Network Provider: $30 copay/prescription (retail only) and $60 copay/prescription (mail order only); Non-Network Provider: 50% coinsurance; Limitations & Exceptions: If the member selects a brand drug when a generic equivalent is available the member is responsible for the generic copay plus the cost difference between the generic and brand equivalent, even if the physician indicates no substitutions.\nTier 3 – Typically Non-preferred/non-Formulary Drugs — In-Network Provider: $50 copay/prescription (retail only) and $100 copay/prescription (mail order only); Non-Network Provider: 50% coinsurance; Limitations & Exceptions: none\nTier 4 – Typically Specialty Drugs — In-Network Provider: 30% coinsurance (retail only) with $150 max and 30% coinsurance (mail order only) with $300 max; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: $3500 annual out-of-pocket limit per member none\nIf you have outpatient Surgery › Facility Fee (e.g., ambulatory surgery center) — In-Network Provider: 40% coinsurance; Non-Network Provider: 50% coinsurance; Limitations & Exceptions: Coverage is limited to $380 / dayNon-Network.", "Common Medical Event · Services You May Need · Your Cost If You Use a In-Network Provider · Your Cost If You Use a Non-Network Provider · Limitations & Exceptions"),
    source(2, "What is the overall deductible? — Answers: $1500 single / 2 members family for In-Network Provider $1500 single / 2 members family for Non-Network Provider Does not apply to In-network Preventive Care, Prescription Drugs, Office Visit Copayments, and In-network Hospice In-Network Provider and Non-Network Provider deductibles are combined. Satisfying one helps satisfy the other.; Why this Matters: You must pay all the costs up to the deductible amount before this health insurance plan begins to pay for covered services you use. Check your policy to see when the deductible starts over (usually, but not always, January 1st.) See the chart starting on page 3 for how much you pay for covered services after you meet the deductible.\nAre there other deductibles for specific services? — Answers: Yes; $250 per member for Prescription Drug.; Why this Matters: You must pay all the costs for these services up to the specific deductible amount before this plan begins to pay for these services.\nIs there an out-of-pocket limit on my expenses? — Answers: Yes; In-Network Provider per member: $5000 2 member family maximum Non-Network Provider per Member: $10000 In-Network Provider and Non-Network Provider out-of-pocket are separate and do not count towards each other.; Why this Matters: The out-of-pocket limit is the most you could pay during a policy period for your share of the cost of covered services. This limit helps you plan for health care expenses.\nCA SG PPO 1500/$35 (SG2003 7/12)\nQuestions: Call 1-855-333-5730 or visit us at www.anthem.com/ca. If you aren't clear about any of the underlined terms used in this form, see the Glossary. You can view the Glossary at www.cciio.cms.gov or call 1-855-333-5730 to request a copy. — Page 1 of 12", "Anthem BlueCross PPO 1500/$35"),
  ];
  it("is the drugs' own, not the overall one that names drugs as what it does not apply to", async () => {
    const { text } = await ask("My wife was just prescribed a Tier 4 specialty drug for her MS. If we fill it at an in-network retail pharmacy, what's the most we'd pay per prescription, and how does that change if we use mail order? Is there a separate drug deductible we have to meet first?", rows());
    expect(text).toContain("$250 per member");
  });
  it("asked with what is done to it (\"¿Tengo que pagar algún deducible antes?\"), is still the drugs'", async () => {
    const { text } = await ask("Me recetaron una medicina de especialidad de nivel 4. ¿Cuánto es lo más que me cobran por receta en la farmacia de la red? ¿Tengo que pagar algún deducible antes?", rows());
    expect(text).toContain("$250 per member");
  });
});

describe("session 50: a separate deductible asked after the overall one is met", () => {
  it("is the other deductibles' row, not the overall one's", async () => {
    const rows = [
      source(1, "What is the overall deductible? — Answers: $500 / individual or $1,000 /family; Why This Matters: Generally, you must pay all of the costs from providers up to the deductible amount before this plan begins to pay. If you have other family members on the plan, each family member must meet their own individual deductible until the total amount of deductible expenses paid by all family members meets the overall family deductible.\nAre there services covered before you meet your deductible? — Answers: Yes. Preventive care and primary care services are covered before you meet your deductible.; Why This Matters: This plan covers some items and services even if you haven’t yet met the deductible amount. But a copayment or coinsurance may apply. For example, this plan covers certain preventive services without cost sharing and before you meet your deductible. See a list of covered preventive services at https://www.healthcare.gov/coverage/preventive-care-benefits/.\nAre there other deductibles for specific services? — Answers: Yes. $300 for prescription drug coverage and $300 for occupational therapy services. There are no other specific deductibles.; Why This Matters: You must pay all of the costs for these services up to the specific deductible amount before this plan begins to pay for these services.\nWhat is the out-of-pocket limit for this plan? — Answers: For network providers $2,500 individual / $5,000 family; for out-of-network providers $4,000 individual / $8,000 family; Why This Matters: The out-of-pocket limit is the most you could pay in a year for covered services. If you have other family members in this plan, they have to meet their own out-of-pocket limits until the overall family out-of-pocket limit has been met.", ""),
      source(2, "If you have a test › Imaging (CT/PET scans, MRIs) — Network Provider: $50 copay/test; Out-of-Network Provider: 40% coinsurance; Limitations, Exceptions, & Other Important Information: None\nIf you need drugs to treat your illness or condition More information about prescription drug coverage is available at [www.insert.com] › Generic drugs (Tier 1) — Network Provider: $10 copay/prescription (retail & mail order); Out-of-Network Provider: 40% coinsurance; Limitations, Exceptions, & Other Important Information: Covers up to a 30-day supply (retail subscription); 31-90 day supply (mail order prescription).\nIf you need drugs to treat your illness or condition More information about prescription drug coverage is available at [www.insert.com] › Preferred brand drugs (Tier 2) — Network Provider: $30 copay/prescription (retail & mail order); Out-of-Network Provider: 40% coinsurance; Limitations, Exceptions, & Other Important Information: Covers up to a 30-day supply (retail subscription); 31-90 day supply (mail order prescription).\nIf you need drugs to treat your illness or condition More information about prescription drug coverage is available at [www.insert.com] › Non-preferred brand drugs (Tier 3) — Network Provider: 40% coinsurance; Out-of-Network Provider: 60% coinsurance; Limitations, Exceptions, & Other Important Information: Covers up to a 30-day supply (retail subscription); 31-90 day supply (mail order prescription).\nIf you need drugs to treat your illness or condition More information about prescription drug coverage is available at [www.insert.com] › Specialty drugs (Tier 4) — Network Provider: 50% coinsurance; Out-of-Network Provider: 70% coinsurance; Limitations, Exceptions, & Other Important Information: Preauthorization is required. If you don't get preauthorization, benefits could be reduced by 50% of the total cost of the service.", ""),
    ];
    const { text } = await ask(
      "My 16-year-old son was just diagnosed with Crohn's disease and his GI doctor is starting him on a Tier 4 specialty drug that we'd fill every month at an in-network pharmacy. We already met the $500 overall deductible in March when he was in the hospital. Is there a separate deductible we still have to meet for his prescriptions, and once that's done, what share of each fill do we pay?",
      rows,
    );
    expect(text).toContain("$300 for prescription drug");
  });
});
