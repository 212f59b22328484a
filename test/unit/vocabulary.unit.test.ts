import { describe, expect, it } from "vitest";
import { findConcepts } from "../../src/text/concepts";
import { INSURANCE_VOCABULARY } from "../../src/text/insurance-vocabulary";
import { SPANISH_GLOSSARY } from "../../src/text/spanish-glossary";
import { tokenize } from "../../src/text/tokenize";

const concepts = (text: string) => findConcepts(tokenize(text)).map((match) => match.concept.id);

describe("insurance vocabulary and Spanish glossary", () => {
  it("recognise every alias and Spanish form as a whole phrase of its own concept", () => {
    const misread: string[] = [];
    for (const entry of INSURANCE_VOCABULARY) {
      const forms: readonly string[] = [...("aliases" in entry ? entry.aliases : []), ...(SPANISH_GLOSSARY[entry.id] ?? [])];
      for (const form of forms) {
        // Mail alone is mail-order only where drugs are named ("a 3-month supply by mail"; not "a copy mailed to me").
        if (entry.id === "mail-order" && /^(?:by mail|por correo)$/.test(form)) {
          const beside = findConcepts(tokenize(`drugs ${form}`)).map((m) => m.concept.id);
          if (beside.join(" ") !== "prescription-drugs mail-order") misread.push(`drugs ${form} → ${beside.join(", ")} (want mail-order)`);
          if (findConcepts(tokenize(form)).length > 0) misread.push(`${form} alone → mail-order`);
          continue;
        }
        const matches = findConcepts(tokenize(form));
        if (matches.length !== 1 || matches[0]?.concept.id !== entry.id) misread.push(`${form} → ${matches.map((m) => m.concept.id).join(", ") || "nothing"} (want ${entry.id})`);
      }
    }
    expect(misread).toEqual([]);
  });

  it("give every concept at least one document term", () => {
    const terms = (entry: { terms: readonly string[] }) => entry.terms.filter((term) => term.trim() !== "");
    expect(INSURANCE_VOCABULARY.filter((entry) => terms(entry).length === 0)).toEqual([]);
  });

  it("imply only concepts of the vocabulary, never the concept itself", () => {
    const ids = new Set(INSURANCE_VOCABULARY.map((entry) => entry.id as string));
    for (const entry of INSURANCE_VOCABULARY) {
      const implies: readonly string[] = "implies" in entry ? entry.implies : [];
      for (const broader of implies) {
        expect(ids.has(broader), `${entry.id} implies unknown ${broader}`).toBe(true);
        expect(broader).not.toBe(entry.id);
      }
    }
  });

  it("name only concepts of the vocabulary in the glossary", () => {
    const ids = new Set<string>(INSURANCE_VOCABULARY.map((entry) => entry.id));
    expect(Object.keys(SPANISH_GLOSSARY).filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe("findConcepts on members' questions", () => {
  it.each([
    ["How much is the ER?", ["cost", "emergency-room"]],
    ["What's my OOP max with in-network providers?", ["out-of-pocket-limit", "in-network"]],
    ["What's the most I could end up paying out of pocket in a year?", ["out-of-pocket-limit", "year"]],
    ["How much is a PCP visit with an in-network doctor?", ["cost", "primary-care", "office-visit", "in-network", "doctor"]],
    ["Do I need prior auth for an MRI?", ["prior-authorization", "imaging"]],
    ["Do I need a referral to see a dermatologist?", ["referral", "specialist"]],
    ["Does the plan cover glasses for my kid?", ["plan", "cover", "eyewear", "child"]],
    ["Are flu shots free?", ["immunizations", "free"]],
    ["How many chiropractor visits do I get a year?", ["chiropractic", "office-visit", "year"]],
    ["Is there a doctor visit copay?", ["office-visit", "copay"]],
    ["What isn't covered by this plan?", ["excluded-services", "plan"]],
    ["How long do I have to file an appeal?", ["deadline", "appeal"]],
    ["Is skilled nursing facility care covered?", ["skilled-nursing", "care", "cover"]],
    ["Do I need a wheelchair from DME?", ["durable-medical-equipment", "durable-medical-equipment"]],
    ["Can I put HSA money toward my Rx?", ["hsa", "prescription-drugs"]],
    ["Can I move to a different plan next year?", ["enrollment-period", "next-year"]],
    ["Where can I get free help from a counselor?", ["counseling", "counseling"]],
    ["What share of the surgeon's fee do I pay?", ["physician-fees", "pay"]],
    ["My toddler has a speech delay.", ["child", "habilitation"]],
    ["How many teeth cleanings a year?", ["dental-cleaning", "year"]],
    ["What does she need to qualify to join?", ["eligibility"]],
    ["My auto insurance is paying.", ["other-coverage"]],
    ["a nose job or a tummy tuck", ["cosmetic-surgery", "cosmetic-surgery"]],
    ["My knee scope is in the hospital's outpatient department.", ["outpatient-surgery", "hospital", "outpatient"]],
    ["a program like Weight Watchers", ["weight-loss"]],
    ["Where can I check the list of network doctors?", ["provider-list"]],
    ["I'm comparing this plan's coverage examples with another plan.", ["plan", "coverage-example", "plan"]],
    ["We just enrolled and I want to make sure my kids' pediatrician takes this plan.", ["new-member", "child", "primary-care", "plan"]],
    ["my son's eyes checked", ["child", "eye-exam"]],
  ])("%s", (question, expected) => {
    expect(concepts(question)).toEqual(expected);
  });

  it.each([
    ["¿Cuánto pago en la sala de emergencias?", ["cost", "emergency-room"]],
    ["¿Hasta qué edad puede mi hijo seguir cubierto por el plan?", ["age", "child", "cover", "plan"]],
    ["¿Cuál es mi desembolso máximo?", ["out-of-pocket-limit"]],
    ["¿Cuál es el gasto máximo de bolsillo para mi familia?", ["out-of-pocket-limit", "family"]],
    ["¿Necesito una remisión para ver a un especialista?", ["referral", "specialist"]],
    ["¿Necesito una referencia para ver a un especialista?", ["referral", "specialist"]],
    ["¿Necesito autorización previa para una resonancia magnética?", ["prior-authorization", "imaging"]],
    ["¿Cuánto cuestan los medicamentos genéricos?", ["cost", "generic-drugs"]],
    ["¿Cuánto es el copago de los medicamentos de marca?", ["cost", "copay", "brand-drugs"]],
    ["¿Cubre el plan los anteojos de mi hija?", ["cover", "plan", "eyewear", "child"]],
    ["¿Cuánto me cobran por quedarme internado en el hospital?", ["charge", "hospital-stay", "hospital"]],
    ["¿Cuál es el plazo para presentar una apelación?", ["deadline", "appeal"]],
    ["¿Cubre atención de urgencia fuera de la red?", ["cover", "urgent-care", "out-of-network"]],
    ["¿Cuántas visitas de cuidado de salud en el hogar cubre al año?", ["office-visit", "home-health", "cover", "year"]],
    ["¿Cubren los cuidados paliativos y el equipo médico duradero?", ["cover", "hospice", "durable-medical-equipment"]],
    ["¿Cuánto es la prima mensual?", ["cost", "premium"]],
    ["¿Dónde recibo asesoría gratuita?", ["counseling"]],
    ["¿Puedo cambiarme de plan el año que viene?", ["enrollment-period", "next-year"]],
    ["¿Qué porcentaje de sus honorarios me toca pagar?", ["coinsurance", "physician-fees", "pay"]],
    ["¿Cuántas limpiezas de dientes al año?", ["dental-cleaning", "year"]],
    ["¿El plan cubre el chequeo dental de mi hijo?", ["plan", "cover", "dental-checkup", "child"]],
    ["Necesito coronas. ¿Hasta cuánto paga el plan?", ["dental-crown", "maximum", "plan"]],
    ["¿A qué número del Departamento de Salud y Servicios Humanos llamo?", ["health-department", "customer-service"]],
  ])("%s", (question, expected) => {
    expect(concepts(question)).toEqual(expected);
  });

  it("prefers the longest phrase at each position, so 'out-of-network urgent care' is two concepts, not three", () => {
    expect(concepts("out-of-network urgent care")).toEqual(["out-of-network", "urgent-care"]);
  });

  it("stays linear on a megabyte of one repeated phrase word", () => {
    const started = performance.now();
    const matches = findConcepts(tokenize("out of ".repeat(150_000)));
    expect(matches).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("read prison and STDs as the documents' incarceration and sexually transmitted infections", () => {
    expect(concepts("he was just sentenced to 18 months in prison")).toContain("incarceration");
    expect(concepts("If you become incarcerated (go to prison).")).toContain("incarceration");
    expect(concepts("I want to get tested for STIs")).toContain("sti");
    expect(concepts("¿Cubren la prueba de enfermedades de transmisión sexual?")).toContain("sti");
  });

  it("read an eating disorder as mental health care", () => {
    expect(concepts("an intensive outpatient program for her eating disorder")).toEqual(expect.arrayContaining(["partial-hospitalization", "mental-health"]));
    expect(concepts("mi hija tiene un trastorno alimenticio")).toContain("mental-health");
  });

  it("read the Evidence of Coverage's bodies and programs by members' names for them, in both languages", () => {
    expect(concepts("Gané mi apelación de nivel 3 ante el juez")).toContain("administrative-law-judge");
    expect(concepts("con la organización de revisión independiente")).toContain("independent-review");
    expect(concepts("Can I call the QIO?")).toContain("quality-improvement-organization");
    expect(concepts("Social Security says I owe the income-related charge")).toContain("irmaa");
    expect(concepts("regresar a Medicare Original con un seguro suplementario")).toContain("medigap");
    expect(concepts("My oncologist wants me to join a clinical trial")).toContain("clinical-trial");
    expect(concepts("¿Hay multa por inscripción tardía?")).toContain("late-enrollment-penalty");
  });

  it("read what members type: misspellings, 'a percentage', continuation, the UCard, what else is covered, records, relatives", () => {
    expect(concepts("UHC denied one of my perscriptions")).toContain("prescription-drugs");
    expect(concepts("is my deductable met")).toContain("deductible");
    expect(concepts("is that a flat copay or a percentage")).toEqual(["copay", "coinsurance"]);
    expect(concepts("through federal or state continuation rules")).toContain("continue-coverage");
    expect(concepts("asked to use my UHC card")).toContain("member-id");
    expect(concepts("are there any extra or alternative kinds of care this plan covers")).toContain("other-covered-services");
    expect(concepts("If you let someone else use your UnitedHealthcare UCard")).toContain("member-id");
    expect(concepts("una copia de mis expedientes de reclamos")).toContain("health-records");
    expect(concepts("we'd stay with my sister who lives near there")).toContain("relative");
    expect(concepts("Expenses for lodging when staying with a relative or friend")).toContain("relative");
    // ("prima" is the premium, never a cousin.)
    expect(concepts("¿Cuánto es la prima?")).not.toContain("relative");
  });
});
