import { describe, expect, it } from "vitest";
import { rerank } from "../../src/retrieval/rerank";
import { answersPart } from "../../src/retrieval/asked-parts";
import { separateAsks } from "../../src/text/specific-terms";

const passage = (id: string, score: number, text: string, context = "Chapter 9 › Section 5.2 Step-by-step: How to ask for a coverage decision") => ({ id, score, text, context });

describe("rerank", () => {
  it("lifts the passage whose sentence states the period asked for above one that only repeats the question's words", () => {
    const talk = passage(
      "talk",
      0.0325,
      "If your doctor tells us that your health requires a “fast coverage decision,” we will automatically agree to give you a fast coverage decision. If you ask for a fast coverage decision on your own, we will decide whether your health requires that we give you a fast coverage decision.",
    );
    const answer = passage("answer", 0.0295, "For standard coverage decisions we use the standard deadlines. This means we will give you an answer within 14 calendar days after we receive your request for a medical item or service.");
    const order = rerank("I asked the plan to cover a medical service. It's not urgent. How long does the plan have to give me a standard coverage decision?", [talk, answer]);
    expect(order.map((p) => p.id)).toEqual(["answer", "talk"]);
    expect(order[0]?.score).toBeGreaterThan(0.0295);
  });

  it("reads a sentence with the one before it: a deadline given after the sentence that names the appeal", () => {
    const other = passage("other", 0.031, "You must ask for this review within 60 calendar days after the day the organization said no to your Level 1 appeal.");
    const answer = passage("answer", 0.03, "Act quickly: To make your appeal about your hospital discharge, you must contact the organization before you leave. The deadline is midnight of the day you are discharged.");
    expect(rerank("The hospital is discharging me too soon. What's the deadline to appeal my discharge?", [other, answer]).map((p) => p.id)).toEqual(["answer", "other"]);
  });

  it("keeps the fused order when no sentence covers more of the question, and when weighted at 0", () => {
    const a = passage("a", 0.03, "Acupuncture is not covered.", "");
    const b = passage("b", 0.02, "Chiropractic care is not covered.", "");
    expect(rerank("What is the capital of France?", [a, b]).map((p) => p.id)).toEqual(["a", "b"]);
    expect(rerank("Is chiropractic care covered?", [a, b], 0).map((p) => p.id)).toEqual(["a", "b"]);
  });

  it("counts the words of a passage's nearest heading as its sentences' own", () => {
    const row = passage("row", 0.02, "·Consultation, diagnosis, and treatment by a specialist. — In-Network: $40 copayment", "Medical Benefits Chart › Physician/practitioner services, including doctor's office visits");
    const other = passage("other", 0.022, "You will pay the cost-sharing that applies to specialist physician services.", "Medical Benefits Chart › Acupuncture for chronic low back pain");
    expect(rerank("How much is a specialist office visit?", [other, row]).map((p) => p.id)).toEqual(["row", "other"]);
  });

  it("lifts a phone number for 'what number do I call', not for 'the number of visits'", () => {
    const phone = passage("phone", 0.02, "Call Customer Service at 1-844-876-6176 (TTY 711).", "Chapter 2 › Section 1");
    const limit = passage("limit", 0.02, "Coverage is limited to 20 visits per year.", "Chapter 4 › Chiropractic services");
    expect(rerank("What phone number do I call?", [limit, phone]).map((p) => p.id)).toEqual(["phone", "limit"]);
    expect(rerank("Is there a limit on the number of chiropractic visits?", [phone, limit]).map((p) => p.id)).toEqual(["limit", "phone"]);
  });

  it("lifts a web address for a website asked for, and a postal address for where to mail a letter", () => {
    const web = passage("web", 0.02, "Utah Department of Health and Human Services – Utah's Medicaid program. Website: medicaid.utah.gov", "Chapter 2 › Section 6 Medicaid");
    const talk = passage("talk", 0.021, "Medicaid is a joint federal and state government program that helps with medical costs for certain people with limited incomes and resources.", "Chapter 2 › Section 6 Medicaid");
    expect(rerank("¿Cuál es la página web de Medicaid de Utah?", [talk, web]).map((p) => p.id)).toEqual(["web", "talk"]);
    const mail = passage("mail", 0.02, "Write: UnitedHealthcare Customer Service Department, P.O. Box 30769, Salt Lake City, UT 84130-0769", "Chapter 2 › Section 1");
    const records = passage("records", 0.021, "You have the right to ask us for a copy of your medical records and claims records.", "Chapter 8 › Section 1.3");
    expect(rerank("¿A qué dirección mando la carta para pedir mis expedientes de reclamos?", [records, mail]).map((p) => p.id)).toEqual(["mail", "records"]);
  });
});

describe("query decomposition (separateAsks, answersPart)", () => {
  it("splits a question that asks about two subjects, and not one whose second part names nothing of its own", () => {
    expect(separateAsks("Mi hijo se quebró el brazo. ¿Cuánto nos toca pagar por la sala de emergencias y cuánto por las radiografías?")).toEqual([
      "¿Cuánto nos toca pagar por la sala de emergencias?",
      "cuánto por las radiografías?",
    ]);
    expect(separateAsks("How many physical therapy visits are covered, and what do I pay?")).toEqual([]);
    expect(separateAsks("What is the copay for the emergency room?")).toEqual([]);
    expect(separateAsks("My mom needs a hospital bed and a walker at home. What do we pay for that equipment, and do we need approval first?")).toEqual([]);
  });

  it("takes a part's passage only when a sentence of it names the part's subject and, asked a cost, states one", () => {
    const part = "¿Cuánto nos toca pagar por la sala de emergencias?";
    const row = {
      text: "If you have outpatient surgery › Facility fee — Network Provider: $100/day copay\nIf you need immediate medical attention › Emergency room care — Network Provider: 20% coinsurance; Out-of-Network Provider: 20% coinsurance",
      context: "",
    };
    expect(answersPart(part)(row)).toBe(true);
    expect(answersPart(part)({ text: "(in-network emergency room visit and follow up care)", context: "Mia’s Simple Fracture" })).toBe(false);
    expect(answersPart(part)({ text: "Urgent care — Network Provider: $30 copay/visit", context: "" })).toBe(false);
  });
});
