/**
 * Insurance concepts as plan documents write them and as members ask about them. Data only; `concepts.ts` matches it.
 *
 * - `terms`: how documents say it, usual wording first. When a question names the concept in any form, retrieval
 *   also searches for these (and the query embedding is made with the first ones), so "ER" finds "Emergency room
 *   care". Written from the federal SBC template, Medicare's Summary of Benefits model and the uniform glossary.
 * - `aliases`: how members say it (abbreviations, everyday words) where documents rarely do. Recognised in
 *   questions, never searched for on their own: "shots" in a document is as likely to be about something else.
 * - `generic`: words every plan document repeats. The offline answerer and embedder weigh them like their generic
 *   words; the keyword leg weighs every term by its frequency in the member's own documents anyway.
 * - `implies`: broader concepts a passage that names this one also offers to a question (offline answerer only).
 * - `named`: a thing a question asks about even when named in everyday words only ("the list of network doctors");
 *   other concepts named so ("visit") do not make a question's subject.
 * - `weight`: a question word rather than a topic ("how much", "how long"): its expansions count this share of a
 *   specific concept's, because they narrow the question only a little.
 *
 * Spanish forms of the same concepts are in `spanish-glossary.ts`. Phrases are matched word by word after
 * normalisation and stemming, skipping articles and prepositions, so "out-of-pocket", "out of pocket" and
 * "out of my pocket" are one phrase.
 */
export interface ConceptEntry {
  readonly id: string;
  readonly terms: readonly string[];
  readonly aliases?: readonly string[];
  readonly generic?: boolean;
  readonly weight?: number;
  /** A thing asked about even when members name it in everyday words only ("the list of network doctors"). */
  readonly named?: boolean;
  /** Broader concepts a passage naming this one is about too: "Specialty drugs" is about drugs. */
  readonly implies?: readonly string[];
}

export const INSURANCE_VOCABULARY = [
  // Cost sharing.
  // (UnitedHealthcare's summaries abbreviate it in every row: "20% co-ins, after ded.")
  { id: "deductible", terms: ["deductible"], aliases: ["ded", "deductable", "deductibel"] },
  { id: "copay", terms: ["copay", "copayment"], aliases: ["co-pay", "co-payment"] },
  { id: "coinsurance", terms: ["coinsurance"], aliases: ["co-insurance", "co-ins", "share of the cost", "share of the costs", "what percentage", "what percent", "a percentage", "percentage", "percent"] },
  {
    id: "out-of-pocket-limit",
    terms: ["out-of-pocket limit", "out-of-pocket maximum", "maximum out-of-pocket", "out of pocket"],
    aliases: ["oop", "oop max", "oopm", "moop", "max out of pocket", "out of pocket max", "stop loss"],
  },
  { id: "premium", terms: ["premium", "monthly plan premium"], aliases: ["monthly payment", "monthly fee"] },
  { id: "allowed-amount", terms: ["allowed amount", "eligible expense", "approved amount"] },
  // A bill asked about ("Can they bill me for the difference?") is what balance billing and a provider's charges are.
  { id: "balance-billing", terms: ["balance billing", "balance bill"], aliases: ["surprise bill", "bill me for the difference", "bill me the difference"], implies: ["bill"] },
  { id: "cost", terms: ["cost"], aliases: ["how much", "price"], weight: 0.5 },
  // ("What would I pay for the second one?" asks a price, not which plan pays second.)
  { id: "pay", terms: ["pay"], aliases: ["pay for the second one", "pay for a second one", "pay for the second visit", "pay for a second visit", "pay for a second exam", "pay for the second exam", "pay for a second test", "pay for a second pair", "pay for a second session", "pay for a second scan", "chip in", "chips in", "pitch in", "pitches in"], generic: true },
  { id: "charge", terms: ["charge", "fee"], implies: ["bill"] },
  { id: "bmi", terms: ["body mass index", "bmi"] },
  { id: "maximum", terms: ["maximum", "limit", "max", "pays up to", "covers up to"], aliases: ["cap", "capped"] },
  // What the insurer pays at most in a year or a lifetime (the 2014 summary's "Is there an overall annual limit on what
  // the insurer pays?"), not what the member pays.
  { id: "annual-limit", terms: ["overall annual limit", "annual limit", "lifetime limit", "lifetime maximum"], aliases: ["yearly dollar cap", "annual dollar cap", "yearly dollar limit", "annual dollar limit", "lifetime cap"], implies: ["maximum"] },
  { id: "reimbursement", terms: ["reimbursement", "reimburse", "pay you back", "request for payment"], aliases: ["refund", "paid back", "pay me back"] },
  { id: "bill", terms: ["bill", "invoice"], aliases: ["receipt"] },
  { id: "claim", terms: ["claim"] },
  // The statement an insurer sends after a claim: a Medicare plan's "Part D Explanation of Benefits (EOB)"; a summary
  // never names one.
  { id: "eob", terms: ["explanation of benefits", "eob"], aliases: ["explicación de beneficios", "explicacion de beneficios", "explicación de los beneficios"], named: true },
  { id: "credit", terms: ["credit", "allowance"] },
  // What is left of an allowance at the end of its period: "will not be carried over".
  { id: "carryover", terms: ["carried over", "carry over", "carries over", "roll over", "rolls over", "rollover"], aliases: ["carryover", "leftover balance", "unused balance"] },
  { id: "free", terms: ["no charge", "no cost", "free"], aliases: ["for free", "without cost"] },

  // Networks and the people who give care.
  {
    id: "in-network",
    terms: ["in-network", "network provider", "preferred provider", "participating provider"],
    aliases: ["in network"],
  },
  {
    id: "out-of-network",
    terms: ["out-of-network", "non-network", "non-preferred provider", "non-participating provider"],
    aliases: ["out of network", "outside the network", "not in network", "left the network", "no longer in network"],
  },
  { id: "provider", terms: ["provider"], generic: true },
  { id: "doctor", terms: ["doctor", "physician"], aliases: ["doc", "dr"] },
  // Changing one's primary care doctor: an EOC says how and when; a summary of benefits does not.
  {
    id: "change-primary-care",
    terms: ["change your pcp", "change your primary care provider", "change your primary care physician", "changing your pcp"],
    aliases: ["change pcp", "change pcps", "switch pcp", "switch pcps", "change primary care", "switch primary care", "change doctors", "switch doctors", "change my doctor", "switch my doctor"],
    implies: ["primary-care"],
  },
  {
    id: "primary-care",
    terms: ["primary care", "primary care physician", "primary care provider", "pcp"],
    aliases: ["family doctor", "regular doctor", "general practitioner", "gp", "family physician", "pediatrician", "internist", "internal medicine doctor"],
  },
  {
    id: "specialist",
    terms: ["specialist"],
    aliases: [
      "dermatologist", "cardiologist", "neurologist", "orthopedist", "gastroenterologist", "endocrinologist",
      "oncologist", "urologist", "allergist", "rheumatologist", "pulmonologist", "nephrologist", "ent",
      "gynecologist", "obgyn", "ob-gyn", "hematologist", "otolaryngologist", "orthopaedist", "hepatologist", "immunologist",
      "pain management doctor", "pain doctor", "pain specialist", "heart doctor", "skin doctor", "lung doctor", "kidney doctor",
      "gi visit", "gi specialist",
      // (A surgeon seen in the office is a specialist seen: "the hand surgeon visit", "a visit with the surgeon".)
      "surgeon visit", "surgeon's visit", "visit with the surgeon", "visit to the surgeon", "consulta con el cirujano", "consulta con la cirujana",
      // (The specialty for the specialist: "per cardiology visit".)
      "cardiology", "dermatology", "neurology", "oncology", "rheumatology", "gastroenterology", "endocrinology", "urology", "pulmonology", "nephrology",
    ],
  },
  { id: "office-visit", terms: ["office visit", "doctor visit", "visit"], aliases: ["doctor's visit", "doctor appointment", "appointment", "consult", "consult visit", "consultation"] },
  // Booking a specialist without one is asking whether one is needed: "Can I just call and book the appointment myself?"
  {
    id: "referral",
    terms: ["referral"],
    aliases: [
      "refer", "referred", "self-refer", "self refer", "self-referral", "book the appointment myself", "book an appointment myself", "book it myself", "make the appointment myself",
      "make an appointment myself", "call and book", "phone the office and book", "go straight to a specialist", "go straight to the specialist", "see a specialist directly", "go directly to a specialist",
      "office and book",
    ],
  },
  {
    id: "prior-authorization",
    terms: ["prior authorization", "preauthorization", "pre-authorization", "precertification", "pre-certification", "prior approval"],
    aliases: ["prior auth", "preauth", "pre-auth", "preapproval", "pre-approval", "precert", "authorization", "approval", "approved first", "has to approve", "have to approve", "need to approve", "needs to approve", "pre-approve", "pre-approved", "preapprove", "preapproved", "preauthorized", "preauthorize", "pre-authorized", "pre-authorize", "precertified", "pre-certified", "prior authorized", "approved ahead of time", "approve it ahead of time", "approval ahead of time", "approved in advance", "approved beforehand", "approved before", "be approved", "get approved", "gets approved", "get it approved", "getting it approved", "has to happen first", "have to happen first", "needs to happen first", "has to happen before", "have to do first", "has to do first", "so the plan doesn't pay less", "so the plan does not pay less", "so the plan won't pay less"],
  },
  // Telling the plan of care already had ("Notification is required if confined in a non-Network Hospital"), which
  // members ask as "Do I have to let them know?".
  // Replacing a device, however said: a summary's "(including repair/replacement) every 3 years" answers "Will the plan
  // pay to replace it?" (the stemmer keeps "replace" and "replacement" apart).
  // (A joint replaced is surgery, named by the joint: "after his hip replacement" tells the story, it asks no device.)
  { id: "joint-replacement", terms: ["joint replacement", "hip replacement", "knee replacement", "shoulder replacement"], aliases: ["reemplazo de cadera", "reemplazo de rodilla", "reemplazo de hombro", "new hip", "new knee"], generic: true, implies: ["surgery"] },
  { id: "replacement", terms: ["replacement", "replacements"], aliases: ["replace", "replaces", "replaced", "replacing", "reemplazo", "reemplazar", "reemplazan", "reponer", "reposición"], named: true },
  // (Repairing one, too: "…(including repair/replacement) every 3 years" answers "¿…cada cuánto cubre la reparación?".)
  // (A body part repaired is surgery: "My hernia repair is at an in-network surgery center…".)
  { id: "surgical-repair", terms: ["hernia repair", "rotator cuff repair", "acl repair", "meniscus repair", "valve repair", "aneurysm repair"], aliases: ["reparación de hernia", "reparación de la hernia"], generic: true, implies: ["surgery"] },
  { id: "repair", terms: ["repair", "repairs"], aliases: ["repaired", "repairing", "reparación", "reparaciones", "reparar", "reparan", "arreglar", "arreglo"], named: true },
  { id: "notification", terms: ["notification", "notify", "notify us", "notify the plan"], aliases: ["let them know", "let the plan know", "let uhc know", "tell the plan", "inform the plan"] },
  // SBCs say it without the name: "You may be required to use a lower-cost drug(s) prior to benefits…".
  {
    id: "step-therapy",
    terms: ["step therapy", "lower-cost drug", "lower cost drug"],
    aliases: ["fail first", "try another drug first", "try a cheaper drug", "try a cheaper one", "try a less expensive drug", "try a different drug first"],
  },
  { id: "quantity-limit", terms: ["quantity limits", "quantity limit"] },
  { id: "telehealth", terms: ["telehealth", "virtual visit", "telemedicine", "video visit"], aliases: ["virtual care", "online doctor"] },

  // Where and how care is given.
  // Care that is not an emergency ("a regular, non-urgent visit"), which SBCs name to exclude it abroad or to require
  // approval for a ride: not the emergency room.
  {
    id: "non-emergency",
    terms: ["non-emergency care", "non-emergency", "nonemergency"],
    aliases: ["non-urgent", "nonurgent", "not an emergency", "not emergency", "isn't an emergency", "isnt an emergency"],
  },
  {
    id: "emergency-room",
    terms: ["emergency room", "emergency department", "emergency care", "emergency services"],
    aliases: ["er", "emergency room visit", "er visit", "emergency visit", "er trip", "trip to the er"],
  },
  {
    id: "urgent-care",
    terms: ["urgent care", "urgently needed services", "urgent care center"],
    aliases: ["walk-in clinic", "walk in clinic", "urgent care clinic", "urgent care clinics"],
  },
  // A declared disaster lets a Medicare plan's members see out-of-network providers at in-network cost ("Getting care
  // during a disaster"); members name the event itself.
  {
    id: "disaster",
    terms: ["disaster", "natural disaster", "state of disaster"],
    aliases: ["earthquake", "hurricane", "tornado", "wildfire", "wildfires", "flood", "flooding", "blizzard", "evacuation", "evacuated"],
  },
  {
    id: "ambulance",
    terms: ["ambulance", "emergency medical transportation", "ground ambulance", "air ambulance"],
    implies: ["transportation"],
  },
  // Paying for the member's own driving ("Transportation in the distant location includes… vehicle mileage"), which
  // most plans do not: a thing asked about by name.
  { id: "mileage", terms: ["vehicle mileage", "mileage"], aliases: ["gas money", "gasoline", "gas", "fuel"], named: true, implies: ["transportation"] },
  { id: "transportation", terms: ["transportation"], aliases: ["ride", "rides", "medical flight", "flight home", "flight back", "fly me home", "fly home"] },
  // A day program of psychiatric care, not a stay: every Medicare plan prices it on a row of its own.
  {
    id: "partial-hospitalization",
    terms: ["partial hospitalization", "partial hospitalization services", "intensive outpatient services", "intensive outpatient"],
    aliases: ["partial hospitalization program", "day treatment program", "intensive outpatient program"],
    implies: ["mental-health"],
  },
  {
    id: "hospital-stay",
    terms: ["hospital stay", "inpatient hospital", "inpatient", "hospital room", "hospitalization"],
    aliases: ["admitted", "admission", "hospitalized", "hospital admission", "confined in a", "confined in the", "room and board"],
    implies: ["hospital"],
  },
  { id: "hospital", terms: ["hospital"] },
  {
    id: "outpatient-surgery",
    terms: ["outpatient surgery", "ambulatory surgery", "ambulatory surgical center", "outpatient facility"],
    aliases: [
      "same-day surgery", "same day surgery", "surgery center", "surgical center", "surgicenter", "asc",
      // A scope of a joint, as members call an arthroscopy.
      "arthroscopy", "arthroscopic surgery", "knee scope", "shoulder scope", "hip scope",
    ],
    implies: ["surgery"],
  },
  { id: "outpatient", terms: ["outpatient"], aliases: ["outpatient department", "outpatient unit"] },
  { id: "surgery", terms: ["surgery", "surgeon"], aliases: ["operation"] },
  // The coverage examples list it ("Specialist visit (anesthesia)"); members name who gives it.
  { id: "anesthesia", terms: ["anesthesia", "anesthesiologist", "anaesthesia"], aliases: ["anesthetic", "epidural", "anesthesiologists", "anesthetist"] },
  // The surgeon's or doctor's own bill, which an SBC prices apart from the facility's ("Physician/surgeon fees").
  {
    id: "physician-fees",
    terms: ["physician/surgeon fees", "physician/surgeon fee", "physician fees", "surgeon fees", "surgeon fee"],
    aliases: ["surgeon's fee", "surgeon's fees", "surgeon's bill", "surgeon bill", "doctor's fee", "doctor's fees", "doctor fees", "surgeon charges", "the surgeon charges", "pay for the surgeon", "pay the surgeon", "paying the surgeon", "owe the surgeon", "surgeon cost", "surgeon costs", "copay for the surgeon", "surgeon copay", "surgeon's copay", "bill from the surgeon", "charge from the doctor who does the procedure", "charge from the doctor who does the surgery", "bill from the doctor who does the procedure", "bill from the doctor who does the surgery"],
    implies: ["surgery"],
  },

  // Drugs.
  {
    id: "prescription-drugs",
    terms: ["prescription drug", "prescription", "drug", "medication"],
    // (With the misspellings members type most: "perscription", "presciption".)
    aliases: ["rx", "meds", "medicine", "medicines", "pills", "inhaler", "inhalers", "perscription", "presciption", "prescripton", "perscribed", "blood thinner", "blood thinners", "antibiotic", "antibiotics", "antidepressant", "antidepressants", "statin", "statins"],
  },
  { id: "generic-drugs", terms: ["generic", "generic drug", "preferred generic"], aliases: ["generics"], implies: ["prescription-drugs"] },
  {
    id: "non-preferred-drugs",
    terms: ["non-preferred brand", "non-preferred drug", "non-preferred generic", "non-preferred"],
    aliases: ["nonpreferred", "non preferred"],
    // Mostly brand-name drugs: a "Non-preferred brand drugs" row answers a question about a non-preferred brand.
    implies: ["prescription-drugs", "brand-drugs"],
  },
  { id: "brand-drugs", terms: ["brand", "brand-name", "preferred brand"], aliases: ["name brand"], implies: ["prescription-drugs"] },
  { id: "specialty-drugs", terms: ["specialty drug", "specialty"], implies: ["prescription-drugs"] },
  { id: "drug-tier", terms: ["tier"], aliases: ["drug tier"] },
  { id: "pharmacy", terms: ["pharmacy", "retail pharmacy"], aliases: ["drugstore", "drug store", "retail"] },
  { id: "refill", terms: ["refill", "subsequent fills", "refilled"], aliases: ["fill again", "next fill", "next fills"] },
  { id: "mail-order", terms: ["mail order", "mail-order", "home delivery"], aliases: ["by mail"] },
  { id: "month-supply", terms: ["30-day supply", "31-day supply", "one-month supply", "1-month supply"], aliases: ["month supply", "month's supply", "one month supply", "30 day supply"], implies: ["day", "month"] },
  { id: "long-supply", terms: ["90-day supply", "100-day supply", "three-month supply", "3-month supply"], aliases: ["90 day supply", "three month supply", "3 month supply"], implies: ["day", "month"] },
  { id: "formulary", terms: ["drug list", "formulary", "list of covered drugs"] },
  // An exception is how a member asks the plan to cover a drug off its list or at a lower tier's price ("tiering
  // exception"); members ask for the lower price, not for an exception.
  {
    id: "exception",
    terms: ["exception", "tiering exception", "formulary exception", "coverage exception"],
    aliases: ["make an exception", "lower cost-sharing tier", "lower tier price", "lower-tier price", "price of the lower tier", "as if it were on a lower tier"],
  },
  { id: "membership", terms: ["membership"] },
  {
    id: "transition-supply",
    terms: ["temporary supply", "transition supply", "transition fill"],
    aliases: ["temporary fill", "emergency supply"],
    implies: ["prescription-drugs"],
  },
  { id: "over-the-counter", terms: ["over-the-counter", "otc"], aliases: ["over the counter"], named: true },

  // Services.
  {
    id: "mental-health",
    terms: ["mental health", "behavioral health", "mental/behavioral health", "psychiatric"],
    aliases: [
      "counseling", "counselor", "counselors", "therapist", "psychologist", "psychiatrist", "psychotherapy", "depression", "anxiety", "talk therapy",
      "eating disorder", "anorexia", "bulimia", "bipolar", "schizophrenia", "ptsd", "adhd",
    ],
  },
  // One person with the therapist, or a group: summaries price them apart.
  { id: "individual-therapy", terms: ["individual therapy", "individual therapy visit", "individual session"], aliases: ["one-on-one", "one on one", "private session"], implies: ["mental-health"] },
  { id: "group-therapy", terms: ["group therapy", "group therapy visit", "group session"], aliases: ["grp therapy", "group counseling"], implies: ["mental-health"] },
  {
    id: "substance-use",
    terms: ["substance use disorder", "substance abuse", "chemical dependency"],
    // ("Rehab" is rehabilitation's: beside an addiction named, src/text/concepts.ts reads it as this.)
    aliases: ["addiction", "detox", "alcohol treatment", "alcohol", "drinking", "drinking problem", "drug addiction", "alcoholism", "substance use", "drug problem", "drug use"],
  },
  // A program that treats opioid use with medication, which Medicare summaries price in a row of its own ("Opioid
  // treatment program services — $0 copay") beside outpatient substance use care.
  {
    id: "opioid-treatment",
    terms: ["opioid treatment program", "opioid treatment program services", "opioid treatment"],
    aliases: ["methadone", "methadone clinic", "suboxone", "buprenorphine", "metadona", "programa de tratamiento de opioides", "tratamiento de opioides", "tratamiento para opioides"],
  },
  {
    id: "pregnancy",
    // "Having a baby" is every SBC's coverage example (Peg is Having a Baby): searched for.
    terms: ["pregnancy", "having a baby", "delivery", "maternity", "childbirth", "pregnant"],
    aliases: ["baby", "birth", "obstetric", "deliver", "delivers", "delivering", "delivered", "give birth", "giving birth", "labor", "c-section", "c section", "cesarean", "caesarean", "cesarean section"],
  },
  // The visits before and after a birth: a summary prices them on a row of their own ("Prenatal and postnatal care").
  {
    id: "prenatal-care",
    terms: ["prenatal and postnatal care", "prenatal care", "postnatal care", "prenatal", "postnatal"],
    aliases: ["prenatal visit", "prenatal visits", "postpartum care", "postpartum", "pre-natal", "post-natal", "checkups after giving birth", "checkup after giving birth", "checkups after the birth", "checkups after delivery", "checkups during the pregnancy", "checkups during pregnancy", "checkups during my pregnancy", "pregnancy checkups", "pregnancy checkup", "prenatal checkups", "checkups after the baby comes", "checkups after the baby is born", "checkup after the baby comes"],
    implies: ["pregnancy"],
  },
  {
    id: "durable-medical-equipment",
    terms: ["durable medical equipment", "dme", "medical equipment", "medical supplies"],
    aliases: [
      "wheelchair", "walker", "crutches", "cpap", "hospital bed", "oxygen equipment",
      // (A brace for a joint is equipment; "braces" alone are a dentist's.)
      "motion machine", "cpm machine", "continuous passive motion",
      "knee brace", "knee braces", "back brace", "back braces", "ankle brace", "wrist brace", "leg brace", "neck brace", "arm brace",
    ],
  },
  // Changes to a home or car for a disability: what SBCs exclude from durable medical equipment ("Excludes vehicle
  // modifications, home modifications, exercise, and bathroom equipment").
  {
    id: "home-modifications",
    named: true,
    terms: ["home modifications", "vehicle modifications", "home or workplace modifications"],
    aliases: ["ramp", "wheelchair ramp", "stair lift", "stairlift", "grab bars", "grab bar", "widen doorways", "van lift", "car lift"],
  },
  {
    id: "skilled-nursing",
    terms: ["skilled nursing facility", "skilled nursing", "snf", "nursing facility"],
    aliases: ["nursing home"],
  },
  { id: "hospice", terms: ["hospice", "hospice services"], aliases: ["palliative care", "end of life care", "end-of-life care"] },
  // A break for the family caring for a member at home (Medicare's hospice benefit covers it): named, so a document that
  // never says it does not answer for it with the hospice row.
  { id: "respite-care", terms: ["respite care", "respite"], aliases: ["caregiver break", "break for the caregiver"], named: true },
  { id: "home-health", terms: ["home health care", "home health", "home health services"], aliases: ["home care", "home nurse", "nurse visit", "nurse visits", "visiting nurse"], named: true },
  {
    id: "rehabilitation",
    terms: ["rehabilitation services", "rehabilitation", "physical therapy", "occupational therapy", "speech therapy"],
    aliases: ["pt", "ot", "physio", "physiotherapy", "physical therapist", "occupational therapist", "speech therapist", "hand therapist", "hand therapy", "rehab"],
  },
  // The uniform glossary's example of habilitation: "therapy for a child who isn't walking or talking at the expected age".
  { id: "habilitation", terms: ["habilitation services", "habilitation"], aliases: ["speech delay", "developmental delay", "delayed speech", "delayed development", "late talker"] },
  {
    id: "chiropractic",
    terms: ["chiropractic", "chiropractor", "chiropractic care", "spinal manipulation", "manipulation of the spine"],
    aliases: ["chiro", "spine adjustment", "spinal adjustment", "back adjustment", "chiropractic adjustment"],
  },
  { id: "acupuncture", terms: ["acupuncture"], aliases: ["acupuncturist"] },
  // (Nails trimmed are routine foot care: "My podiatrist trims my thick toenails…".)
  { id: "podiatry", terms: ["podiatry", "foot care", "podiatrist"], aliases: ["toenails", "toenail", "thick toenails", "trim my toenails", "trims my toenails", "trims my thick toenails", "uñas de los pies", "calluses", "callus", "corns", "nail and callus care", "nail care"] },
  { id: "diabetes", terms: ["diabetes", "diabetic"] },
  // A condition a member names to say what a drug or a visit is for ("a generic blood pressure pill").
  { id: "high-blood-pressure", terms: ["high blood pressure", "blood pressure", "hypertension"] },
  {
    id: "diabetes-supplies",
    terms: ["diabetic supplies", "diabetes supplies", "diabetes monitoring supplies", "blood glucose monitor", "test strips", "glucose meter"],
    aliases: ["glucometer", "glucose monitor", "blood sugar meter", "test strip", "diabetic test strips"],
    implies: ["diabetes"],
  },
  {
    id: "preventive-care",
    // ("Vaccines, other preventive": an SBC coverage example's row.)
    terms: ["preventive care", "preventive services", "screening", "wellness visit", "annual physical", "routine physical", "other preventive"],
    // ("Blood tests for the detection of cardiovascular disease": a test to find a disease early is a screening.)
    aliases: ["checkup", "check-up", "checkups", "check-ups", "physical", "annual exam", "wellness exam", "for the detection of", "early detection", "well-woman exam", "well woman exam", "well-woman visit", "well woman visit", "well-woman checkup", "preventive screening", "preventive screenings"],
  },
  // Medicare's one-time visit in a member's first year of Part B.
  { id: "welcome-to-medicare", terms: ["welcome to medicare", "initial preventive physical exam"], aliases: ["ippe", "welcome visit"], implies: ["preventive-care"] },
  {
    id: "immunizations",
    terms: ["immunization", "vaccine", "vaccination"],
    // Vaccines members name by the disease: documents price "vaccines" or "Part D vaccines" as one benefit.
    aliases: [
      "shot", "shots", "flu shot", "jab", "shingles vaccine", "shingles shot", "shingrix", "pneumonia vaccine", "pneumonia shot",
      "tetanus shot", "tdap", "covid vaccine", "covid shot", "rsv vaccine", "hepatitis b vaccine",
    ],
  },
  {
    id: "diagnostic-tests",
    terms: ["diagnostic test", "blood work", "lab", "laboratory"],
    aliases: ["blood test", "lab work", "labs", "bloodwork", "lab test", "pulmonary function test", "pulmonary function tests", "breathing test", "lung function test", "spirometry", "stress test", "stress tests", "cardiac stress test", "treadmill test", "treadmill stress test", "treadmill stress tests", "exercise stress test", "ekg", "ekgs", "ecg", "electrocardiogram", "echocardiogram", "echo", "heart ultrasound"],
  },
  // A plan may price it apart from other tests ("$0 copay for COVID tests", "$0 COVID labs").
  { id: "covid-test", named: true, terms: ["covid tests", "covid test", "covid labs", "covid-19 test", "covid-19 tests", "covid testing"], aliases: ["tested for covid", "covid swab", "test for covid", "home covid test", "home covid tests", "at-home covid test", "at-home covid tests"], implies: ["diagnostic-tests"] },
  { id: "x-ray", terms: ["x-rays", "x-ray", "outpatient x-rays"], aliases: ["xray", "xrays"], implies: ["diagnostic-tests"] },
  {
    id: "imaging",
    terms: ["imaging", "mri", "ct", "pet scan", "ct scan"],
    aliases: ["cat scan", "magnetic resonance", "scan", "ultrasound", "mris", "cts"],
  },
  { id: "eye-exam", terms: ["eye exam", "routine eye exam", "vision exam", "eye examination", "routine eye care"], aliases: ["vision test", "eye test", "eye doctor", "optometrist", "eye check", "eye checkup", "eye check-up", "vision check"] },
  // An eye disease named ("my glaucoma checks"): Medicare summaries price the exam that diagnoses and treats it apart
  // from the routine eye exam ("Exam to diagnose and treat diseases and conditions of the eye").
  { id: "eye-disease", terms: ["diseases and conditions of the eye", "eye disease", "eye diseases"], aliases: ["glaucoma", "macular degeneration", "diabetic retinopathy"], implies: ["vision"] },
  {
    id: "eyewear",
    terms: ["eyewear", "eyeglasses", "glasses", "frames", "lenses"],
    aliases: ["spectacles", "optical", "optician"],
  },
  // Kinds of lenses an eyewear benefit prices apart ("$45 copayment for free-form SV lenses* … $80 copayment for MF
  // aspheric lenses*"): the abbreviations are the plan's, the words the member's.
  { id: "single-vision-lenses", terms: ["single vision lenses", "single vision lens", "single vision", "sv lenses", "sv"], implies: ["eyewear"] },
  { id: "multifocal-lenses", terms: ["multifocal lenses", "multifocal lens", "multifocal", "mf"], implies: ["eyewear"] },
  { id: "progressive-lenses", terms: ["progressive lenses", "progressive lens", "progressives"], aliases: ["no-line bifocals", "no line bifocals"], implies: ["eyewear"] },
  // A kind of eyewear of its own: a passage about glasses alone does not say whether contacts are covered.
  { id: "contact-lenses", terms: ["contact lenses", "contact lens"], implies: ["eyewear"] },
  { id: "vision", terms: ["vision", "eye"], aliases: ["sight"] },
  {
    id: "dental",
    terms: ["dental", "dentist"],
    aliases: [
      "tooth", "teeth", "dental fillings",
      "tooth fillings", "cavity", "cavities",
    ],
  },
  // Dentures are dental care that documents name apart ("Prosthodontics (removable dentures)"): a passage about dental
  // care that names none does not say what dentures cost.
  // So are bridges ("Prosthodontics, fixed (ex: bridges)"), and crowns.
  { id: "dental-bridge", terms: ["bridges", "bridge", "fixed bridge", "dental bridge", "prosthodontics, fixed"], implies: ["dental"] },
  { id: "dental-crown", terms: ["crowns", "crown", "dental crown", "dental crowns"], aliases: ["cap on my tooth", "tooth cap"], implies: ["dental"], named: true },
  { id: "dentures", terms: ["dentures", "denture", "complete denture", "complete dentures", "partial denture", "partial dentures"], aliases: ["false teeth"], implies: ["dental"] },
  // A root canal is dental care that the summaries name apart ("Endodontics (ex: root canal treatment)"), priced with the
  // other comprehensive services.
  { id: "root-canal", terms: ["root canal", "root canal treatment", "endodontics", "endodontic"], aliases: ["root canals"], implies: ["dental"] },
  // Treating gum disease is dental care that summaries name apart from the routine cleaning ("Periodontics (ex: scaling
  // & root planing)", "Periodontal scaling and root planing services, 1 per quad every 24 months"); members call it a
  // deep cleaning.
  {
    id: "periodontics",
    terms: ["periodontics", "periodontal", "scaling and root planing", "scaling root planing", "periodontal scaling", "root planing"],
    aliases: ["deep cleaning", "deep cleanings", "deep teeth cleaning", "gum disease treatment", "gum treatment", "gum surgery"],
    implies: ["dental"],
  },
  // A cleaning is dental care, and the summaries price it on a line of its own ("Cleaning (up to 2 per calendar year)");
  // a check-up (an SBC's "Dental check-up" row) is the exam and the cleaning together.
  { id: "dental-cleaning", terms: ["cleaning", "cleanings", "teeth cleaning", "teeth cleanings", "dental cleaning", "dental cleanings", "prophylaxis"], implies: ["dental"] },
  { id: "dental-checkup", terms: ["dental check-up", "dental check-ups", "dental checkups", "dental checkup", "oral exam", "dental exam"], implies: ["dental", "dental-cleaning"] },
  // Pulling a tooth is dental care that Medicare summaries name apart ("Extractions (including local anesthesia), 2 per
  // year"); a summary's dental check-up row does not say whether wisdom teeth come out.
  {
    id: "tooth-extraction",
    named: true,
    terms: ["extraction", "extractions", "extraction of teeth", "oral surgery"],
    aliases: ["wisdom teeth", "wisdom tooth", "pull a tooth", "tooth pulled", "teeth pulled", "tooth removed", "teeth removed", "oral surgeon"],
    implies: ["dental"],
  },
  // A Medicare chart's "Sexually transmitted infections (STIs) screening and counseling"; members say STD.
  {
    id: "sti",
    named: true,
    terms: ["sexually transmitted infection", "sexually transmitted infections", "sti", "stis"],
    aliases: ["std", "stds", "sexually transmitted disease", "sexually transmitted diseases", "venereal disease"],
    implies: ["preventive-care"],
  },
  // Why a plan must end a membership ("If you are incarcerated (go to prison)"); members say prison or jail.
  { id: "incarceration", terms: ["incarcerated", "incarceration"], aliases: ["prison", "jail", "sentenced", "locked up", "behind bars"] },
  // Braces are dental care, but dental check-ups do not say whether braces are covered.
  { id: "orthodontics", terms: ["orthodontia", "orthodontics", "orthodontic"], aliases: ["braces on", "teeth braces", "dental braces", "braces for", "invisalign", "clear aligners", "aligners", "straighten my teeth", "straighten teeth"], implies: ["dental"] },
  {
    id: "nutrition",
    terms: ["medical nutrition therapy", "nutritional counseling", "nutrition counseling", "dietitian", "nutritionist"],
    aliases: ["diet counseling", "dietician"],
  },
  // Treatments members ask about by name that plan summaries seldom list: found in no passage, the document does not
  // say (a diabetic wound's oxygen chamber is not answered by the diabetes coverage example).
  { id: "hyperbaric-oxygen", terms: ["hyperbaric oxygen therapy", "hyperbaric oxygen", "hyperbaric"], aliases: ["hbot", "oxygen chamber"], named: true },
  { id: "hyaluronic-injections", terms: ["hyaluronic acid", "hyaluronic", "viscosupplementation"], aliases: ["gel injections", "gel shots", "knee gel injections"], named: true },
  { id: "hormone-therapy", terms: ["hormone therapy", "hormone replacement therapy", "hormone replacement", "estrogen", "testosterone"], aliases: ["hrt", "estrogen patches", "estrogen patch"], named: true },
  { id: "organ-donor", terms: ["living donor", "organ donor", "organ donation", "donor"], aliases: ["donate a kidney", "donating a kidney"], named: true },
  { id: "lasik", terms: ["lasik", "laser eye surgery", "laser vision correction", "refractive surgery"], aliases: ["laser surgery on my eyes", "prk"], named: true },
  { id: "massage-therapy", terms: ["massage therapy", "massage"], aliases: ["massages", "massage therapist"], named: true },
  { id: "gender-affirming-care", terms: ["gender-affirming care", "gender affirming care", "gender-affirming surgery", "gender affirming surgery", "gender reassignment", "sex reassignment"], aliases: ["transition surgery"], named: true },
  { id: "tms", terms: ["transcranial magnetic stimulation"], aliases: ["tms therapy"], named: true },
  { id: "ketamine", terms: ["ketamine", "esketamine"], aliases: ["spravato"], named: true },
  { id: "compression-garments", terms: ["compression stockings", "compression socks", "compression garments", "compression sleeves"], named: true },
  { id: "stem-cell-therapy", terms: ["stem cell therapy", "stem cell injections", "stem cell treatment"], named: true },
  { id: "prp-injections", terms: ["platelet-rich plasma", "platelet rich plasma", "prp injections"], aliases: ["prp"], named: true },
  { id: "medical-alert", terms: ["personal emergency response system", "medical alert system", "medical alert device", "medical alert"], aliases: ["life alert", "emergency button", "panic button"], named: true },
  { id: "fertility-preservation", terms: ["fertility preservation", "egg freezing", "sperm banking"], aliases: ["freeze my eggs", "freezing my eggs", "freeze eggs"], named: true },
  { id: "surrogacy", terms: ["surrogacy", "surrogate", "gestational carrier"], named: true },
  { id: "tattoo-removal", terms: ["tattoo removal"], aliases: ["remove a tattoo", "removing a tattoo"], named: true },
  { id: "hair-removal", terms: ["laser hair removal", "hair removal", "electrolysis"], named: true },
  { id: "car-seat", terms: ["car seat", "car seats", "infant car seat"], named: true },
  { id: "tax-deduction", terms: ["tax deduction", "tax deductible", "tax-deductible", "deduct from my taxes", "deduct on my taxes", "deduct it on my taxes"], aliases: ["write it off on my taxes", "write off"], named: true },
  { id: "hold-time", terms: ["hold time", "wait on hold", "waiting on hold", "on hold"], aliases: ["wait time on the phone"], named: true },
  { id: "phototherapy", terms: ["phototherapy", "light therapy", "ultraviolet light therapy", "uv light therapy"], aliases: ["uv therapy", "light treatments"], named: true },
  { id: "infant-formula", terms: ["infant formula", "baby formula", "special formula", "enteral formula", "enteral nutrition"], aliases: ["formula", "tube feeding", "tube feedings", "tube-feeding", "feeding tube", "tube-feeding nutrition"], named: true },
  // Where a member stays near care far from home ("…appropriate lodging and transportation costs…", "hotels, motels").
  { id: "lodging", terms: ["lodging", "hotels", "hotel", "motels"], aliases: ["place to stay", "hotel room", "somewhere to stay"] },
  { id: "vein-treatment", terms: ["sclerotherapy", "varicose veins", "varicose vein", "spider veins", "vein ablation", "endovenous ablation"], named: true },
  // Adding a newborn, a spouse or a parent to the plan: a summary of benefits does not say how or by when. (A phrase
  // is matched without its filler words: "add her to my plan" is "add … plan", never a bare "add".)
  { id: "add-dependent", terms: ["add a dependent", "add my newborn", "add the newborn", "add a newborn", "add my baby", "add the baby"], aliases: ["add her to my plan", "add her to our family coverage", "add him", "add them", "add my wife", "add my husband", "add my spouse", "add my partner", "add my domestic partner", "add my mom", "add my mother", "add my dad", "add my father", "adding my newborn", "adding my baby"], named: true },
  // Supplies and allowances some Medicare plans give and others never name: found in no passage, the document does not
  // say ("…adult diapers… with the $40 OTC credit?" is not answered by the OTC row).
  { id: "incontinence-supplies", terms: ["incontinence supplies", "incontinence products", "incontinence"], aliases: ["adult diapers", "adult diaper", "bed pads", "pull-ups for adults"], named: true },
  { id: "grocery-allowance", terms: ["grocery allowance", "grocery card", "grocery benefit", "food allowance", "food card", "healthy food card"], aliases: ["money for groceries", "pay for groceries", "buy groceries", "pay my utilities", "utility bills", "pay the rent", "pay my rent"], named: true },
  // Workers' compensation pays for an injury at work: a summary of benefits never says how the plan and it share a bill.
  { id: "workers-comp", terms: ["workers' compensation", "workers compensation", "worker's compensation", "workers' comp", "workers comp"], aliases: ["work comp", "workman's comp", "workmans comp"], implies: ["other-coverage"], named: true },
  { id: "house-call", terms: ["house call", "house calls", "doctor home visit", "doctor home visits", "home visit from a doctor", "home visits from a doctor"], aliases: ["doctor come to the house", "doctor come to my house", "doctor to come to the house", "doctor to come to my house", "doctor visit at home", "doctor visits at home"], named: true },
  { id: "blood-donation", terms: ["autologous blood", "blood donation", "donate blood", "donating blood"], aliases: ["donate my own blood", "my own blood"], named: true },
  // (The audiologist is who gives hearing care, the exam or the aids: "My audiologist… recommends Tier 3 hearing aids".)
  { id: "hearing", terms: ["hearing", "hearing services"], aliases: ["audiology", "audiologist"] },
  // A hearing test is not a hearing aid: an exclusion list's "Hearing aids" does not say what an audiologist's exam costs.
  { id: "hearing-aids", terms: ["hearing aids", "hearing aid"], implies: ["hearing"] },
  { id: "hearing-exam", terms: ["hearing exam", "hearing exams", "hearing test", "hearing tests", "hearing screening", "audiology exam", "audiometry"], aliases: ["hearing check", "hearing checked"], implies: ["hearing"], named: true },
  { id: "dental-sealants", terms: ["sealants", "dental sealants", "sealant"], implies: ["dental"] },
  // A newborn's circumcision: a summary that prices childbirth does not say whether it is covered.
  { id: "circumcision", named: true, terms: ["circumcision"], aliases: ["circumcise", "circumcised", "circumcising"] },
  { id: "infertility", terms: ["infertility treatment", "infertility"], aliases: ["ivf", "fertility treatment", "fertility", "artificial insemination", "insemination", "in vitro"] },
  {
    id: "cosmetic-surgery",
    terms: ["cosmetic surgery"],
    // The procedures members name when they want them for how they look.
    aliases: [
      "plastic surgery", "cosmetic procedure", "nose job", "rhinoplasty", "tummy tuck", "abdominoplasty", "facelift", "face lift", "liposuction", "breast augmentation",
      "otoplasty", "ears pinned", "ear pinning", "eyelid surgery", "eyelid lift", "blepharoplasty", "breast lift",
      "purely for looks", "just for looks", "only for looks", "for appearance", "for my appearance", "for cosmetic reasons", "cosmetic", "for how it looks", "for the way it looks",
      "so i look better", "so i'd look better", "so she looks better", "so he looks better", "to look better", "loose skin", "excess skin", "skin removal",
    ],
    implies: ["surgery"],
  },
  // "Services that are not medically necessary" is how exclusion lists say what a member calls "elective".
  { id: "medical-necessity", terms: ["medically necessary", "medical necessity"], aliases: ["elective", "medically needed", "medically unnecessary"] },
  // A wig for hair lost to chemotherapy ("cranial prosthesis" in plans that cover one).
  { id: "wig", terms: ["wig", "wigs", "cranial prosthesis", "hair prosthesis"] },
  // Surgery to lose weight is a service of its own: summaries list "Bariatric surgery" (often covered) apart from
  // "Weight loss programs" (often excluded), and obesity counseling answers neither.
  {
    id: "bariatric-surgery",
    named: true,
    terms: ["bariatric surgery", "weight loss surgery", "gastric bypass", "bariatric"],
    aliases: ["weight-loss surgery", "gastric sleeve", "sleeve gastrectomy", "lap band", "lap-band", "stomach stapling"],
    implies: ["surgery"],
  },
  {
    id: "weight-loss",
    terms: ["weight loss programs", "weight loss"],
    // The commercial programs members name for the kind.
    aliases: ["weight watchers", "jenny craig", "noom", "diet program", "diet programs", "weight management program"],
  },
  { id: "rewards", terms: ["rewards program", "rewards", "reward", "gift card", "gift cards"], aliases: ["incentive", "incentives", "bonus", "bonuses"] },
  // Care without medical treatment for a member whose religion forbids it: an Evidence of Coverage's "religious
  // non-medical health care institution"; members name their faith ("I'm a Christian Scientist").
  {
    id: "religious-care",
    named: true,
    terms: ["religious non-medical health care institution", "religious nonmedical health care institution", "non-medical health care"],
    aliases: ["christian science", "christian scientist", "christian science nursing", "religious nursing facility"],
  },
  // A pharmacist's review of all of a member's drugs: a Medicare drug plan's Medication Therapy Management (MTM).
  {
    id: "medication-review",
    named: true,
    terms: ["medication therapy management", "mtm", "comprehensive medication review"],
    aliases: ["medication review", "review of my medications", "review my medications", "review all my medications", "go over my medications", "go over all my meds", "goes over all my meds", "goes over my meds", "medicine review"],
  },
  // Medicare's year-long program against type 2 diabetes (MDPP); members say what they have: prediabetes.
  {
    id: "diabetes-prevention",
    named: true,
    terms: ["diabetes prevention program", "mdpp"],
    aliases: ["prediabetes", "prediabetic", "pre-diabetes", "pre-diabetic", "borderline diabetic", "borderline diabetes"],
  },
  {
    id: "tobacco-cessation",
    terms: ["tobacco cessation", "smoking cessation", "tobacco use cessation", "quit smoking", "stop smoking"],
    aliases: ["quitting smoking", "smoking", "tobacco", "cigarettes", "vaping", "nicotine"],
  },
  // Help around the house ("Homemaker services including basic household assistance, such as light housekeeping or
  // light meal preparation"): members say what is done ("do light housekeeping and cooking").
  {
    id: "homemaker",
    terms: ["homemaker services", "homemaker", "household assistance", "housekeeping", "meal preparation", "housekeepers"],
    aliases: ["housekeeper", "housework", "cooking", "cook her meals", "cook his meals", "chores", "household chores"],
  },
  // (A nursing home for good is long-term care, not a skilled nursing stay: "…needing a nursing home for the long haul".)
  // (Help with bathing and dressing, and no skilled care, is custodial care: "Custodial care … includes help with
  // activities of daily living like bathing, dressing, eating…".)
  {
    id: "long-term-care",
    terms: ["long-term care", "custodial care"],
    aliases: [
      "long term care", "memory care", "assisted living", "nursing home for the long haul", "nursing home for good", "nursing home permanently", "permanent nursing home",
      "help with bathing", "help bathing", "activities of daily living",
    ],
  },
  // Pills a member takes on their own, given in an outpatient hospital or under observation: "Self-administered drugs in
  // an outpatient hospital are not usually covered under your Part B prescription drug benefit."
  { id: "self-administered-drugs", named: true, terms: ["self-administered drugs", "self-administered"], aliases: ["pills i take myself", "meds i take myself", "drugs i take myself", "pills i take on my own"] },
  { id: "private-duty-nursing", terms: ["private-duty nursing", "private duty nursing"], aliases: ["private nurse", "private nursing"] },
  { id: "abortion", terms: ["abortion"], aliases: ["termination of pregnancy"] },
  {
    id: "contraception",
    terms: ["contraceptives", "contraception", "contraceptive", "family planning"],
    aliases: ["birth control", "iud"],
  },
  { id: "insulin", terms: ["insulin"] },
  // (Sterilization, asked in either language: a summary that does not name it does not say.)
  { id: "sterilization", terms: ["sterilization", "tubal ligation", "vasectomy"], aliases: ["tubes tied", "get my tubes tied", "ligadura de trompas", "ligar las trompas", "ligarme las trompas", "esterilización", "vasectomía"], named: true },
  // Things members ask about that plan documents rarely cover: named, so their absence is an honest "not found".
  { id: "benefit-card", terms: ["flex card", "benefit card", "prepaid card", "debit card", "allowance card"], aliases: ["card with money", "spending card"] },
  // Time off work with pay, which an employer or a state pays, never a health plan.
  { id: "paid-leave", terms: ["paid leave", "maternity leave", "paternity leave", "family leave", "medical leave", "disability pay", "short-term disability"], aliases: ["paid maternity leave", "paid family leave", "time off with pay", "weeks of leave"], named: true },
  { id: "pet-care", terms: ["veterinary", "veterinarian", "service animal", "service dog"], aliases: ["vet bills", "pet", "pets"] },
  { id: "adult-day-care", terms: ["adult day care", "adult day health care", "adult day services", "adult day center"], aliases: ["day care for adults"] },
  { id: "allergy", terms: ["allergy testing", "allergy shots", "allergy", "allergies"], aliases: ["allergy injections", "allergy serum", "allergy antigens", "allergy antigen", "antigens", "allergen extract"] },
  // Tests and offices a Spanish question names in Spanish ("la prueba del VIH", "el Papanicolaou", "el Seguro Social"):
  // the English documents' words must be searched for.
  { id: "hiv", terms: ["HIV"], aliases: ["human immunodeficiency virus"] },
  { id: "pap-test", terms: ["Pap test", "Pap tests", "Pap smear", "Pap smears"] },
  { id: "social-security", terms: ["Social Security", "Social Security Administration"] },
  // The Part B premium a Medicare Advantage plan may pay part of ("Part B Premium Buy-Down", "a $20 subsidy towards your
  // Part B premium"), asked as "something back toward Part B" or "la prima de la Parte B".
  { id: "part-b-premium", terms: ["Part B premium", "Part B premiums", "Part B Premium Buy-Down"], aliases: ["Part B giveback", "give back toward Part B", "back toward Part B", "back on my Part B", "toward my Part B"], implies: ["premium"] },
  { id: "dialysis", terms: ["dialysis", "kidney dialysis", "renal dialysis"] },
  {
    id: "kidney-disease",
    terms: ["kidney disease", "chronic kidney disease", "end-stage renal disease", "esrd", "renal disease"],
    aliases: ["kidney failure", "renal failure", "ckd"],
  },
  { id: "education", terms: ["education", "educational", "self-management training"], aliases: ["classes", "class"] },
  // Asked by expecting members; an SBC's coverage example prices "Education" it assumes, which is not a benefit.
  { id: "childbirth-classes", terms: ["childbirth classes", "childbirth education", "prenatal classes", "birthing classes"], aliases: ["lamaze", "childbirth class", "birth classes", "prenatal class"], implies: ["education"] },
  {
    id: "cancer-treatment",
    terms: ["chemotherapy", "chemotherapeutic"],
    aliases: ["chemo", "cancer treatment"],
  },
  // Radiation is priced apart from chemotherapy ("Chemotherapy drugs" and "Therapeutic radiology" are two rows of a
  // Medicare summary), so a question asking both asks two things.
  { id: "radiation-therapy", terms: ["therapeutic radiology", "radiation therapy", "radiation"], aliases: ["radiation treatment", "radiation treatments"] },
  // Medicare's "Colorectal cancer screening" lists the stool tests too ("Guaiac-based fecal occult blood test", "FIT").
  {
    id: "colonoscopy",
    terms: ["colonoscopy", "colorectal cancer screening", "fecal occult blood test", "fecal immunochemical test", "sigmoidoscopy", "multi-target stool dna"],
    aliases: ["colon cancer screening", "colon cancer", "colorectal cancer", "stool test", "fit test", "cologuard", "occult blood test"],
    implies: ["preventive-care"],
  },
  { id: "mammogram", terms: ["mammogram", "mammography", "breast cancer screening"], implies: ["preventive-care"] },
  { id: "lung-cancer-screening", terms: ["lung cancer screening", "low dose computed tomography", "ldct", "lung cancer"], aliases: ["low-dose ct", "low dose ct scan", "low-dose ct scan", "lung screening"], implies: ["preventive-care"] },
  // Medicare's preventive list calls it "bone mass measurement"; members say "bone density scan" or "DEXA".
  {
    id: "bone-density",
    terms: ["bone mass measurement", "bone density"],
    aliases: ["bone density scan", "bone density test", "bone mass test", "dexa", "dexa scan", "dxa", "bone scan"],
    implies: ["preventive-care"],
  },
  {
    id: "fitness",
    terms: ["fitness program", "fitness benefit", "silversneakers", "renew active", "gym membership", "fitness"],
    aliases: ["gym", "exercise program", "health club"],
  },
  { id: "transplant", terms: ["transplant", "transplants", "organ transplant"] },
  // Shoes made for a diabetic foot, which Medicare's chart lists on their own ("Therapeutic shoes or inserts").
  { id: "therapeutic-shoes", terms: ["therapeutic shoes", "therapeutic shoes or inserts", "diabetic shoes", "shoe inserts"], aliases: ["custom-molded shoes", "custom molded shoes", "orthopedic shoes", "diabetic footwear", "depth shoes", "depth-inlay shoes"] },
  // Supplies for an ostomy, which Medicare's chart lists with the prosthetic devices ("colostomy bags and supplies
  // directly related to colostomy care").
  { id: "ostomy-supplies", terms: ["colostomy bags", "colostomy care", "colostomy", "ostomy supplies", "ostomy"], aliases: ["colostomy supplies", "ostomy bags", "stoma supplies"], implies: ["prosthetics"] },
  // A breast form and the bra worn with it after a mastectomy ("breast prostheses (including a surgical brassiere after
  // a mastectomy)").
  { id: "surgical-bra", terms: ["surgical brassiere", "surgical brassieres"], aliases: ["surgical bra", "surgical bras", "mastectomy bra", "mastectomy bras", "post-mastectomy bra"], implies: ["prosthetics"] },
  { id: "prosthetics", terms: ["prosthetic devices", "prosthetics", "orthotics", "prosthetic", "orthotic"], aliases: ["artificial limb", "artificial leg", "artificial arm", "artificial foot", "artificial hand", "prosthesis", "prostheses"] },
  { id: "second-opinion", terms: ["second opinion"] },
  // Medicare's exercise program for leg pain from peripheral artery disease.
  { id: "supervised-exercise-therapy", terms: ["supervised exercise therapy", "supervised exercise"], aliases: ["set program"] },
  { id: "cardiac-rehab", terms: ["cardiac rehabilitation", "cardiac rehab"], aliases: ["heart rehab", "heart rehabilitation"], implies: ["rehabilitation"] },
  {
    id: "pulmonary-rehab",
    terms: ["pulmonary rehabilitation", "pulmonary rehab"],
    aliases: ["lung rehab", "lung rehabilitation", "copd rehab"],
    implies: ["rehabilitation"],
  },
  { id: "observation", terms: ["observation services", "observation stay", "observation"] },
  {
    id: "worldwide",
    terms: ["outside the u.s", "outside the united states", "worldwide", "foreign travel", "traveling outside"],
    aliases: [
      "abroad", "travel", "traveling", "overseas", "another country", "out of the country", "outside the country", "outside my country", "foreign country",
      // Where members go: a country named is a trip outside the U.S.
      "mexico", "canada", "europe", "asia", "africa", "south america", "central america", "caribbean", "cruise", "china", "india", "japan",
      "philippines", "vietnam", "korea", "france", "italy", "spain", "germany", "england", "ireland", "israel", "brazil", "colombia",
      "guatemala", "el salvador", "honduras", "dominican republic", "puerto rico", "cuba", "peru", "argentina",
      "portugal", "greece", "netherlands", "poland", "switzerland", "austria", "sweden", "norway", "scotland", "united kingdom",
      "london", "paris", "rome", "australia", "new zealand", "thailand", "taiwan", "turkey", "egypt", "morocco", "nigeria",
      "ghana", "kenya", "nicaragua", "costa rica", "panama", "ecuador", "chile", "venezuela", "bolivia", "uruguay", "haiti",
      "jamaica", "bahamas", "aruba", "bermuda", "cancun", "tijuana",
      // (And what is from there, "an Irish emergency room"; not the names of languages, which ask for help in one.)
      "mexican", "canadian", "irish", "british", "european", "guatemalan", "salvadoran", "honduran", "colombian", "brazilian",
      "cuban", "peruvian", "argentinian", "australian", "jamaican",
    ],
  },
  // A ride of one's own choosing, not a plan's transportation benefit: named, so a document that does not say it
  // does not answer it.
  { id: "taxi", terms: ["taxi", "taxis", "rideshare", "ride-share"], aliases: ["uber", "lyft", "cab", "cabs"], named: true },
  { id: "meals", terms: ["meal benefit", "home-delivered meals", "meals", "meal"], aliases: ["meal delivery", "food delivery"] },
  // Generic: a coverage example's own rows ("The total Peg would pay is $2,560") rarely repeat the word.
  { id: "coverage-example", terms: ["coverage example", "coverage examples"], aliases: ["example", "examples", "sample care costs"], generic: true },
  // What a coverage example takes as given: an SBC's "What are some of the assumptions behind the Coverage Examples?"
  // ("Costs don't include premiums.", "The patient received all care from in-network providers."); a member asks
  // whether the numbers "assume" in-network doctors.
  { id: "assumption", terms: ["assumptions", "assumption"], aliases: ["assume", "assumes", "assumed", "assuming"] },
  // Whom a coverage example's figures are for: SBCs say "self-only coverage" or "a single person enrolled"; members ask
  // whether the numbers are "for just one person" or "for family coverage".
  {
    id: "self-only",
    terms: ["self-only coverage", "single person", "self-only"],
    aliases: ["just one person", "only one person", "single coverage", "self only", "employee-only", "employee only", "employee-only coverage", "employee only coverage"],
    // Found alone it is a deductible's or a premium's tier as much as an example's: it guides retrieval, it is not
    // a subject a passage must name.
    weight: 0.8,
  },
  { id: "part-b-drugs", terms: ["medicare part b prescription drugs", "part b drugs", "part b prescription drugs"], implies: ["prescription-drugs"] },
  // Which part of Medicare a question is about picks the chapter of an Evidence of Coverage: Part D appeals, payments
  // and drug stages have sections of their own beside the medical ones.
  { id: "part-d", terms: ["part d", "medicare part d", "part d drugs", "part d prescription drugs"], implies: ["prescription-drugs"] },
  { id: "catastrophic", terms: ["catastrophic coverage stage", "catastrophic coverage", "catastrophic stage"] },
  { id: "extra-help", terms: ["extra help", "low income subsidy", "lis"] },
  // The bodies and programs an Evidence of Coverage names, by the names members use for them: each has a section of
  // its own ("Quality Improvement Organization", "independent review organization", "Administrative Law Judge",
  // "Medicare Appeals Council", "Income Related Monthly Adjustment Amount", "clinical research study", "Part D late
  // enrollment penalty"), and a Spanish question finds it only through its English words.
  { id: "quality-improvement-organization", terms: ["quality improvement organization", "qio"], aliases: ["quality improvement organisation"] },
  { id: "independent-review", terms: ["independent review organization", "independent review entity"], aliases: ["independent reviewer", "independent review", "outside reviewer", "outside review"] },
  { id: "administrative-law-judge", terms: ["administrative law judge", "attorney adjudicator"], aliases: ["alj", "a judge", "the judge"] },
  { id: "appeals-council", terms: ["medicare appeals council", "appeals council"] },
  { id: "irmaa", terms: ["income related monthly adjustment amount", "income-related monthly adjustment amount", "irmaa"], aliases: ["income-related charge", "income related charge", "extra charge for higher income"] },
  { id: "medigap", terms: ["medigap", "medicare supplement insurance", "medicare supplement"], aliases: ["medigap plan", "supplement plan", "supplemental insurance policy"] },
  { id: "clinical-trial", terms: ["clinical research study", "clinical trial", "research study"], aliases: ["clinical trials", "clinical study", "research studies"] },
  { id: "late-enrollment-penalty", terms: ["late enrollment penalty"], aliases: ["late penalty", "penalty for signing up late", "penalty for enrolling late"] },
  // (Another state is outside it: "My daughter is going to college in another state…".)
  { id: "service-area", terms: ["service area"], aliases: ["coverage area", "another state", "other state", "different state", "out of state", "out-of-state"] },
  { id: "nurse-line", terms: ["nurse line", "nurseline", "nurse advice line", "24-hour nurse"], aliases: ["talk to a nurse", "call a nurse"] },

  // Accounts, rules and paperwork.
  // How a premium is paid ("Option 2: Electronic Funds Transfer…", "Option 3: Paying by credit card"): a thing asked
  // about by name, which summaries of benefits never name.
  {
    id: "premium-payment",
    terms: ["credit card", "electronic funds transfer", "automatically deducted", "checking account"],
    aliases: ["autopay", "auto-pay", "automatic payment", "automatic payments", "bank account", "bank draft", "direct debit"],
    named: true,
  },
  // What mailing an order costs ("Home shipping is free."): a thing asked about by name, which summaries never price.
  { id: "shipping-fee", terms: ["shipping fee", "shipping fees", "shipping charge", "shipping cost", "home shipping is free"], aliases: ["charge for shipping", "pay for shipping", "overnight shipping", "shipping charges"], named: true },
  // Medicare by disability, not age ("If you're under 65 and disabled…"): "disabled" and "a disability" stem apart.
  { id: "disability", terms: ["disability", "disabilities", "disabled"] },
  { id: "hsa", terms: ["health savings account", "hsa"] },
  { id: "fsa", terms: ["flexible spending account", "fsa"] },
  { id: "hra", terms: ["health reimbursement account", "health reimbursement arrangement", "hra"] },
  {
    id: "excluded-services",
    terms: ["excluded services", "not covered", "does not cover", "exclusions", "not cover", "not covered under any condition"],
    aliases: ["never cover", "never covered", "excluded", "exclusion", "isn't covered", "doesn't cover", "not include"],
  },
  // An SBC's list of what it covers beyond its chart ("Other Covered Services (This isn't a complete list…):
  // Acupuncture, Bariatric surgery…"), which members ask for as extra or alternative kinds of care.
  {
    id: "other-covered-services",
    terms: ["other covered services"],
    aliases: ["extra kinds of care", "other kinds of care", "alternative kinds of care", "extra or alternative kinds of care", "what else does it cover", "what else is covered", "anything else it covers", "other services it covers", "other kinds of services", "extra services"],
  },
  { id: "appeal", terms: ["appeal", "reconsideration", "redetermination"], aliases: ["dispute", "contest a denial"] },
  { id: "grievance", terms: ["grievance", "complaint"], aliases: ["complain", "complaints", "file a complaint"] },
  // Medicare's words for a request to cover something, and its two clocks: "fast" (expedited) and "standard".
  {
    id: "coverage-decision",
    terms: ["coverage decision", "organization determination", "coverage determination"],
    aliases: ["decision", "decide", "approve my request"],
  },
  { id: "fast-decision", terms: ["fast coverage decision", "expedited", "fast appeal", "fast complaint"], aliases: ["expedite", "rush", "urgent request"] },
  { id: "standard-decision", terms: ["standard coverage decision", "standard appeal", "standard deadline"], aliases: ["not urgent", "isn't urgent", "regular appeal", "normal appeal"] },
  { id: "denial", terms: ["denied", "denial", "deny"], aliases: ["turned down", "rejected"] },
  // Who may join a plan ("To join this plan, you must be entitled to Medicare Part A…").
  {
    id: "eligibility",
    terms: ["eligible", "eligibility", "to join this plan", "to join our plan", "join this plan", "join our plan"],
    aliases: ["qualify", "qualifies", "qualified", "qualifying", "who can join", "requirements to join"],
  },
  // Another insurer that pays for the same care: a car accident's auto insurance, workers' compensation.
  {
    id: "other-coverage",
    terms: ["coordination of benefits", "automobile insurance", "no-fault insurance", "liability insurance", "automobile, accident or liability", "other insurance"],
    aliases: ["auto insurance", "car insurance", "car accident", "auto accident", "other coverage"],
  },
  // What happens without the member doing anything ("Does it end on its own?": "You will automatically be disenrolled").
  // (Not "on its own" alone: its stop words fall away and "own" is left, which "its own deductible" says too.)
  { id: "automatic", terms: ["automatically", "automatic"], aliases: ["end on its own", "ends on its own", "end by itself", "ends by itself", "stop on its own", "happen on its own", "without me doing anything"] },
  // Reporting without a name ("Can I report it without giving my name?": the fraud hotline "allows you to report cases
  // anonymously").
  { id: "anonymous", terms: ["anonymously", "anonymous"], aliases: ["without giving my name", "without my name", "without giving our name", "without saying who i am", "without identifying myself"] },
  // The member's right to hear of every treatment ("…the right to be told about all of the treatment options…").
  { id: "treatment-options", terms: ["treatment options", "all of your choices"], aliases: ["other options", "all my options", "all the options", "other treatments", "other treatment options", "alternative treatments"] },
  // Which of two coverages pays first (Medicare and a job's or a retiree plan): an Evidence of Coverage's "How other
  // insurance works with our plan"; named, so a summary that never says it does not answer it with a bill's row.
  {
    id: "pays-first",
    named: true,
    // (Not "pay first": "Do I have to pay first and get paid back?" asks something else.)
    terms: ["pays first", "pays second", "primary payer", "secondary payer"],
    aliases: ["pay my bills first", "pay the bills first", "pays my bills first", "primary insurance", "secondary insurance", "primary coverage", "secondary coverage"],
  },
  // Keeping coverage when the plan ends for the member (a job lost): an SBC's "Your Rights to Continue Coverage".
  // (Not "COBRA": "cobra" is Spanish for "charges", and phrases match in either language.)
  {
    id: "continue-coverage",
    terms: ["rights to continue coverage", "continue coverage", "continuation coverage"],
    aliases: ["keep coverage", "keep my coverage", "keep some coverage", "keep some kind of coverage", "keep health coverage", "laid off", "lose my job", "losing my job", "lost my job", "quit my job", "continuation", "keep this coverage", "leaving my job", "leave my job", "left my job", "quitting my job"],
  },
  // A member who has just joined ("We just enrolled and…") tells their situation, not that they ask about enrolling;
  // an Evidence of Coverage says what a "new member" gets (a transition supply, continued treatment).
  {
    id: "new-member",
    terms: ["new member", "new members", "new enrollee", "new enrollees"],
    aliases: ["just enrolled", "newly enrolled", "recently enrolled", "just joined", "recently joined", "just signed up"],
    generic: true,
  },
  {
    id: "enrollment-period",
    terms: ["enrollment period", "open enrollment", "annual enrollment period", "special enrollment period"],
    aliases: [
      // Changing plans, not a plan named ("comparing … with another plan").
      "switch plans", "change plans", "sign up", "enroll", "switch to a different plan", "switch to a different medicare plan",
      "switch to another plan", "change to another plan", "join another plan", "switch plan", "move to a different plan",
      "move to another plan",
    ],
  },
  // Visiting someone ("…got sick visiting family", "…while visiting my sister in Boise") is where the member was, not
  // an office visit nor whom the care is for. Generic: it names nothing asked.
  {
    id: "visiting-someone",
    terms: ["visiting family"],
    aliases: ["visiting relatives", "visiting friends", "visiting in-laws", "visiting son", "visiting daughter", "visiting sister", "visiting brother", "visiting parents", "visiting mother", "visiting mom", "visiting father", "visiting dad", "visiting grandchildren", "visiting grandkids", "visiting kids", "visiting cousin", "visiting aunt", "visiting uncle"],
    generic: true,
  },
  { id: "dependent", terms: ["dependent"] },
  // (A newborn is the family's child: "the newborn's well-baby checkups" are a child's preventive care.)
  { id: "child", terms: ["child", "children", "pediatric", "dependent"], aliases: ["kid", "kids", "son", "daughter", "toddler", "toddlers", "infant", "infants", "newborn", "newborns"] },
  { id: "spouse", terms: ["spouse"], aliases: ["wife", "husband", "partner"] },
  // The mother in an SBC's childbirth example ("Hospital charges (mother)" beside "Hospital charges (baby)"). Generic: a
  // story's "my mom" searched as "mother" would rank those example rows over the care asked about.
  { id: "mother", terms: ["mother"], aliases: ["mom", "mommy", "mama"], generic: true },
  // An adult's care, told apart from a child's ("Routine eye care (Adult)" beside "If your child needs dental or eye care").
  { id: "adult", terms: ["adult", "adults"], aliases: ["grown-up"] },
  { id: "age", terms: ["age"], aliases: ["how old", "years old"] },
  // (UnitedHealthcare calls its card the "UCard".)
  { id: "member-id", terms: ["member id", "id card", "member identification", "ucard", "membership card"], aliases: ["insurance card", "member number", "member card", "uhc card", "plan card"] },
  {
    id: "counseling",
    terms: ["State Health Insurance Assistance Program", "SHIP", "health insurance counseling", "free counseling"],
    aliases: ["free advice", "free help", "unbiased advice", "unbiased help", "unbiased counseling", "impartial advice", "independent advice", "objective advice"],
  },
  // The federal office for employer plans under ERISA: every SBC gives its number for "group health coverage subject to
  // ERISA", and a member asks for it by the law's name.
  {
    id: "labor-department",
    terms: ["Employee Benefits Security Administration", "Department of Labor", "EBSA"],
    aliases: ["erisa", "dol", "labor department"],
  },
  // The federal department the SBC template names for plans not subject to ERISA ("the U.S. Department of Health and
  // Human Services at 1-877-267-2323 x61565"). (Not its office's web name, "cciio", which the template's glossary link
  // also carries.)
  {
    id: "health-department",
    terms: ["Department of Health and Human Services", "Health and Human Services", "HHS"],
    aliases: ["hhs department"],
  },
  { id: "customer-service", terms: ["customer service", "member services"], aliases: ["phone number", "help line", "helpline", "hotline"] },
  {
    id: "language-assistance",
    terms: ["language access services", "language assistance", "interpreter services", "interpreter", "language line"],
    aliases: [
      "in spanish", "in my language", "in another language", "translation", "help in my language", "help in her language",
      "help in his language", "help in their language", "in her language", "in his language", "in their language",
      // The languages the federal and Medicare taglines list ("Tagalog (Tagalog): Kung kailangan ninyo ang tulong…"):
      // a line in one offers help in it, and a member names the one they speak.
      "tagalog", "chinese", "navajo", "vietnamese", "korean", "russian", "arabic", "samoan", "haitian creole", "french creole",
      "portuguese", "polish", "japanese", "hindi", "farsi", "persian", "armenian", "cambodian", "khmer", "hmong", "punjabi",
      "ukrainian", "somali", "amharic", "laotian", "thai", "gujarati", "urdu", "bengali", "cantonese", "mandarin",
    ],
  },
  // California's regulator of HMOs and many PPOs, named by its initials ("¿Teléfono del DMHC…?") or in full.
  { id: "managed-care-department", terms: ["department of managed health care"], aliases: ["dmhc"] },
  // A member names their state ("the California Department of Insurance", "Utah's Medicaid"); documents mostly write
  // "your State Department of Insurance", "your state's Medicaid office".
  {
    id: "state",
    terms: ["state"],
    aliases: [
      "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "district of columbia",
      "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
      "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
      "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma",
      "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont",
      "virginia", "washington", "west virginia", "wisconsin", "wyoming",
    ],
  },
  // Leaving the plan, or being put out of it: an Evidence of Coverage's "Ending your membership", "disenroll".
  {
    id: "end-membership",
    named: true,
    terms: ["end your membership", "ending your membership", "end my membership", "disenroll", "disenrolled", "disenrollment"],
    // (A member is dropped "from the plan" or "because of" their health: "drop" alone is a price's fall, a weight lost,
    // an eye drop.)
    aliases: ["drop me from the plan", "drop me because of my health", "kick me out", "kick me off", "cancel my membership", "take me off the plan", "throw me out", "quit the plan", "drop him from the plan", "drop him because of his health", "drop her from the plan", "drop her because of her health", "drop us from the plan", "kick him off", "kick her off", "kick us off", "kick him out", "kick her out", "kick us out", "kicked off", "kicked out", "take him off the plan", "take her off the plan", "cancel this one", "cancel this plan", "cancel my plan", "cancel the plan", "cancel my coverage", "cancel this coverage", "dar de baja", "darme de baja", "cancelar mi plan", "cancelar este plan", "cancelar el plan", "salirme del plan"],
  },
  // "Does this plan meet the minimum value standard?": an SBC's own closing questions.
  { id: "minimum-value", terms: ["minimum value standard", "minimum value", "minimum essential coverage"], aliases: ["mec"] },
  // Where a plan's network is listed: an SBC's "For a list of network providers, see www…", an EOC's Provider Directory.
  {
    id: "provider-list",
    named: true,
    terms: ["list of network providers", "list of preferred providers", "list of participating providers", "list of in-network providers", "provider directory"],
    aliases: ["list of network doctors", "list of in-network doctors", "list of doctors", "list of providers", "provider list", "doctor directory", "find a doctor", "find a network doctor", "look up doctors", "look up which doctors", "which doctors are in"],
  },
  // Where the words an SBC prints in bold are defined: "If you aren't clear about any of the bolded terms used in this
  // form, see the Glossary."
  {
    id: "glossary",
    named: true,
    terms: ["glossary", "bolded terms", "underlined terms"],
    aliases: ["bolded words", "bold words", "words in bold", "underlined words", "what the words mean", "what these words mean", "what these terms mean"],
  },
  { id: "website", terms: ["website", "web site", "www"], aliases: ["web page", "webpage", "url", "web address", "online"] },
  // An e-mail address is found by its form ("helpline@dmhc.ca.gov"): documents rarely say "email" beside it.
  { id: "email", terms: ["email", "e-mail", "email address", "e-mail address"], named: true },
  { id: "mailing-address", terms: ["mailing address", "p.o. box", "po box", "write to"], aliases: ["address", "where do i send", "where do i mail"] },

  // Time and frequency: question words more than topics.
  {
    id: "deadline",
    terms: ["deadline", "within", "calendar days", "time limit", "no later than"],
    aliases: ["how long", "how soon", "how quickly", "how fast", "how many days", "by when"],
    weight: 0.5,
  },
  { id: "next-year", terms: ["next year", "upcoming year", "following year", "coming year"], aliases: ["next plan year"] },
  // Whether a Medicare plan will still be offered: "Enrollment in the plan depends on the plan's contract renewal with
  // Medicare", "We can also choose to stop offering the plan… after December 31, 2025".
  {
    id: "contract-renewal",
    terms: ["contract renewal", "stop offering the plan"],
    aliases: ["stop being offered", "stops being offered", "stop offering", "still be offered", "still offered", "keep offering", "pulling this plan", "pulling the plan", "pull the plan", "pull this plan", "discontinue the plan", "discontinue this plan", "plan is discontinued", "plan discontinued", "enrollment guaranteed"],
  },
  // The dates a plan runs: an SBC prints them in its running header ("Coverage Period: 11/01/2013 – 10/31/2014").
  { id: "coverage-period", terms: ["coverage period", "policy period"], aliases: ["plan year", "coverage dates", "start and end", "begin and end", "renewal", "renewal date", "renews"] },
  // A privacy notice's right to a list of whom the plan disclosed the member's information to ("You have the right to
  // request an accounting of certain disclosures … during the six years prior to your request").
  {
    id: "accounting-of-disclosures",
    named: true,
    terms: ["accounting of disclosures", "accounting of certain disclosures"],
    aliases: ["list of disclosures", "list of those disclosures", "list of the disclosures", "list of who"],
  },
  // The records a plan keeps about a member, which a privacy notice lets them see, copy and correct ("You have the
  // right to request to see and obtain a copy of certain health information we maintain about you such as claims and
  // case or medical management records").
  { id: "health-records", terms: ["medical records", "health information", "health records", "management records"], aliases: ["my records", "claims records", "claim records", "copy of my records", "health info", "medical info"] },
  // Asking the plan to fix what a record says ("You also have the right to ask us to make additions or corrections to
  // your medical records", "You have the right to ask to amend certain health information").
  { id: "record-corrections", terms: ["additions or corrections", "corrections to your medical records", "amend"], aliases: ["fix my records", "fix my record", "correct my records", "correct my record", "fix the mistake", "fix that mistake", "correct the mistake", "get it corrected", "get the plan to fix", "have it corrected", "have it fixed"], implies: ["health-records"] },
  // An interpreter for a deaf member: not the language line an SBC prints for other languages.
  { id: "sign-language", named: true, terms: ["sign language", "sign language interpreter", "sign language services"], aliases: ["asl interpreter", "asl"] },
  // Whether a provider outside the network must see the member: Medicare summaries' "Out-of-network/non-contracted
  // providers are under no obligation to treat … members, except in emergency situations."
  { id: "obligation-to-treat", named: true, terms: ["obligation to treat", "under no obligation to treat"], aliases: ["turn me away", "have to treat me", "have to see me", "refuse to see me", "refuse to treat me", "won't see me", "won't take me"] },
  // Breastfeeding support: a pump, a lactation consultant. Named, so a summary that prices only childbirth does not
  // answer it.
  { id: "breastfeeding", named: true, terms: ["breast pump", "breastfeeding", "breast feeding", "lactation"], aliases: ["breast pumps", "lactation consultant", "nursing pump"] },
  // Keeping a newborn's cord blood: a private bank's service, not a maternity benefit.
  { id: "cord-blood", named: true, terms: ["cord blood", "cord blood banking", "umbilical cord blood"], aliases: ["cord blood bank"] },
  // Giving birth at home, and who attends it: a plan's maternity rows price a hospital delivery.
  { id: "home-birth", named: true, terms: ["home birth", "home births", "birth at home", "homebirth"], aliases: ["baby at home", "deliver at home", "give birth at home"], implies: ["pregnancy"] },
  // A freestanding birth center, not a hospital's labor and delivery: named, as a home birth is.
  { id: "birth-center", named: true, terms: ["birth center", "birth centers", "birthing center", "birthing centers", "freestanding birth center"], aliases: ["birth centre", "maternity center"], implies: ["pregnancy"] },
  { id: "midwife", terms: ["midwife", "midwives", "nurse midwife", "nurse-midwife"] },
  // A birth companion (support in labor, not medical care): named in few plan documents; a word members use in either language.
  { id: "doula", named: true, terms: ["doula", "doulas"], aliases: ["birth doula", "birth coach"], implies: ["pregnancy"] },
  // Exercises for the eyes ("lazy eye", convergence problems), not an eye exam.
  { id: "vision-therapy", named: true, terms: ["vision therapy", "orthoptics", "orthoptic", "vision training"], aliases: ["eye exercises", "eye therapy"] },
  // A wait before coverage starts for a condition or a service; real plans' documents say so where they have one.
  { id: "waiting-period", named: true, terms: ["waiting period", "waiting periods"] },
  // An SBC's coverage examples assume none ("…does not cover an excluded or preexisting condition"); a member asks.
  { id: "preexisting-condition", terms: ["preexisting condition", "pre-existing condition", "preexisting conditions", "pre-existing conditions", "preexisting"], aliases: ["pre-existing", "pre existing", "condition i already had", "condition from before"] },
  { id: "year", terms: ["year", "annual", "calendar year", "per year"], aliases: ["yearly", "annually"], generic: true },
  { id: "month", terms: ["month", "monthly"], aliases: ["per month"] },
  { id: "quarter", terms: ["quarter", "quarterly"], aliases: ["every three months"] },
  { id: "day", terms: ["day", "per day", "daily"] },
  { id: "family", terms: ["family"] },
  // Relatives other than a spouse, a child or a parent: whom a member stays with or who cares for them ("Expenses for
  // lodging when staying with a relative or friend", "care provided by immediate relatives").
  { id: "relative", terms: ["relative", "relatives", "immediate relatives"], aliases: ["sister", "brother", "aunt", "uncle", "cousin", "niece", "nephew", "in-law", "in-laws", "sister-in-law", "brother-in-law"] },
  { id: "individual", terms: ["individual", "per person"], aliases: ["self", "single", "just me"] },

  // Words every plan document repeats: listed so their Spanish forms and variants fold together.
  { id: "cover", terms: ["covered", "coverage", "cover"], generic: true },
  { id: "benefit", terms: ["benefit"], generic: true },
  { id: "service", terms: ["service"], generic: true },
  { id: "insurance", terms: ["insurance"], aliases: ["insurer"], generic: true },
  { id: "health", terms: ["health"], generic: true },
  { id: "care", terms: ["care"], generic: true },
  { id: "policy", terms: ["policy"], generic: true },
  // A member names the plan by its insurer ("Will Anthem pay…?", "Does my Blue Shield plan…?"): a brand every page of
  // the member's own documents may carry, which tells no passage from another.
  {
    id: "plan",
    terms: ["plan"],
    aliases: [
      "anthem", "aetna", "cigna", "humana", "kaiser", "kaiser permanente", "blue cross", "blue shield", "bluecross",
      "blueshield", "bcbs", "unitedhealthcare", "united healthcare", "uhc", "health net", "healthnet", "molina", "oscar",
      "ambetter", "wellcare", "clover health", "clover", "regence", "highmark", "premera", "centene",
    ],
    generic: true,
  },
  { id: "medical", terms: ["medical"], generic: true },
] as const satisfies readonly ConceptEntry[];

export type ConceptId = (typeof INSURANCE_VOCABULARY)[number]["id"];
