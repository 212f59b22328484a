/**
 * Synthetic health-plan documents for the benchmark: deterministic (a seeded generator), plain ASCII, and written
 * like a Summary of Benefits and Coverage or an evidence-of-coverage booklet, so chunking, full-text search and the
 * offline answerer see the vocabulary and amounts real documents have. Each plan gets its own name and amounts, so
 * two users' documents are similar but not identical and the per-user filter decides which one a search finds.
 */

/** mulberry32: a tiny, well-mixed 32-bit generator; enough for picking words, and reproducible from a seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CARRIERS = ["Bluefield", "Summit Health", "Lakeshore Mutual", "Evergreen Care", "Harbor Point", "Prairie Valley", "Northstar"];
const METALS = ["Bronze", "Silver", "Gold", "Platinum"];
const NETWORKS = ["HMO", "PPO", "EPO", "POS"];

export interface Plan {
  name: string;
  deductible: number;
  familyDeductible: number;
  outOfPocket: number;
  primaryCopay: number;
  specialistCopay: number;
  urgentCopay: number;
  erCopay: number;
  coinsurance: number;
  outOfNetworkCoinsurance: number;
  genericCopay: number;
  preferredCopay: number;
  specialtyCoinsurance: number;
  imagingCopay: number;
  hospitalCopay: number;
}

export function makePlan(seed: number): Plan {
  const r = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(r() * items.length)] as T;
  const step = (low: number, high: number, by: number) => low + by * Math.floor(r() * ((high - low) / by + 1));
  const deductible = step(500, 6000, 250);
  return {
    name: `${pick(CARRIERS)} ${pick(METALS)} ${pick(NETWORKS)} ${deductible}`,
    deductible,
    familyDeductible: deductible * 2,
    outOfPocket: step(deductible + 2000, 9200, 100),
    primaryCopay: step(10, 45, 5),
    specialistCopay: step(30, 90, 5),
    urgentCopay: step(40, 100, 5),
    erCopay: step(150, 500, 25),
    coinsurance: step(10, 40, 5),
    outOfNetworkCoinsurance: step(40, 60, 10),
    genericCopay: step(5, 20, 5),
    preferredCopay: step(25, 60, 5),
    specialtyCoinsurance: step(20, 50, 5),
    imagingCopay: step(100, 400, 50),
    hospitalCopay: step(250, 1500, 250),
  };
}

const money = (amount: number) => `$${amount.toLocaleString("en-US")}`;

/** One paragraph per topic; each is several sentences, like a section of a coverage booklet. */
function topics(plan: Plan): Array<{ title: string; sentences: string[] }> {
  const p = plan;
  return [
    {
      title: "Overall Deductible",
      sentences: [
        `The overall deductible for the ${p.name} plan is ${money(p.deductible)} per person and ${money(p.familyDeductible)} per family each plan year.`,
        "You must pay all the costs up to the deductible amount before this plan begins to pay for covered services you use.",
        "Copayments for office visits and generic drugs do not count toward the deductible.",
        "Preventive care is covered before you meet your deductible, at no cost to you when you use an in-network provider.",
        "Each family member must meet their own individual deductible until the total amount paid by the family meets the family deductible.",
      ],
    },
    {
      title: "Out-of-Pocket Limit",
      sentences: [
        `The out-of-pocket limit is ${money(p.outOfPocket)} per person and ${money(p.outOfPocket * 2)} per family for in-network services.`,
        "The out-of-pocket limit is the most you could pay in a year for covered services.",
        "Premiums, balance-billing charges, and health care this plan does not cover are not included in the out-of-pocket limit.",
        "Once you reach the limit, the plan pays 100% of the allowed amount for covered in-network services for the rest of the plan year.",
      ],
    },
    {
      title: "Primary Care and Specialist Visits",
      sentences: [
        `A primary care visit to treat an injury or illness costs a ${money(p.primaryCopay)} copay per visit; the deductible does not apply.`,
        `A specialist visit costs a ${money(p.specialistCopay)} copay per visit in network and ${p.outOfNetworkCoinsurance}% coinsurance out of network.`,
        "Referrals from your primary care physician are required to see a specialist under this plan.",
        "Virtual visits with a network telehealth provider have no charge.",
        "Chiropractic care is limited to 20 visits per plan year.",
      ],
    },
    {
      title: "Emergency and Urgent Care",
      sentences: [
        `Emergency room care costs a ${money(p.erCopay)} copay per visit, waived if you are admitted to the hospital.`,
        `Emergency medical transportation is covered at ${p.coinsurance}% coinsurance after the deductible.`,
        `Urgent care costs a ${money(p.urgentCopay)} copay per visit at a network urgent care center.`,
        "Out-of-network emergency care is covered at the in-network cost share; you may be balance billed only where federal law permits.",
      ],
    },
    {
      title: "Diagnostic Tests and Imaging",
      sentences: [
        "Diagnostic tests such as x-rays and blood work cost no charge at a network laboratory.",
        `Imaging such as CT, PET scans and MRIs costs a ${money(p.imagingCopay)} copay per scan after the deductible.`,
        "Prior authorization is required for advanced imaging; without it, benefits may be reduced by 50%.",
        `Out-of-network imaging is covered at ${p.outOfNetworkCoinsurance}% coinsurance after the deductible.`,
      ],
    },
    {
      title: "Prescription Drugs",
      sentences: [
        `Tier 1 generic drugs cost a ${money(p.genericCopay)} copay for a 30-day retail supply and twice that for a 90-day mail order supply.`,
        `Tier 2 preferred brand drugs cost a ${money(p.preferredCopay)} copay for a 30-day retail supply.`,
        "Tier 3 non-preferred brand drugs cost 50% coinsurance after the pharmacy deductible.",
        `Tier 4 specialty drugs cost ${p.specialtyCoinsurance}% coinsurance, up to $250 per prescription, from the designated specialty pharmacy.`,
        "Some drugs require step therapy or prior authorization before they are covered.",
      ],
    },
    {
      title: "Hospital Stays and Outpatient Surgery",
      sentences: [
        `A hospital stay costs a ${money(p.hospitalCopay)} copay per admission plus ${p.coinsurance}% coinsurance for the facility fee.`,
        `Physician and surgeon fees during a stay are covered at ${p.coinsurance}% coinsurance after the deductible.`,
        `Outpatient surgery at an ambulatory surgery center is covered at ${p.coinsurance}% coinsurance after the deductible.`,
        "Non-emergency admissions require prior authorization at least five business days in advance.",
      ],
    },
    {
      title: "Mental Health and Substance Use Services",
      sentences: [
        `Outpatient mental health and substance use visits cost a ${money(p.primaryCopay)} copay per office visit.`,
        `Inpatient behavioral health services are covered at ${p.coinsurance}% coinsurance after the deductible.`,
        "Mental health benefits are provided at parity with medical and surgical benefits.",
        "No referral is needed to see an in-network therapist, psychologist or psychiatrist.",
      ],
    },
    {
      title: "Pregnancy and Newborn Care",
      sentences: [
        "Prenatal office visits are covered as preventive care at no charge in network.",
        `Childbirth and delivery professional services are covered at ${p.coinsurance}% coinsurance after the deductible.`,
        `Childbirth and delivery facility services cost a ${money(p.hospitalCopay)} copay per admission.`,
        "Cost sharing does not apply to certain preventive services; depending on the type of services, coinsurance or a deductible may apply.",
      ],
    },
    {
      title: "Rehabilitation and Home Health",
      sentences: [
        `Home health care is covered at ${p.coinsurance}% coinsurance after the deductible, limited to 100 visits per plan year.`,
        `Rehabilitation services such as physical, occupational and speech therapy cost a ${money(p.specialistCopay)} copay per visit.`,
        "Skilled nursing care is limited to 60 days per benefit period and requires prior authorization.",
        "Durable medical equipment is covered at 20% coinsurance; rentals over $500 require prior authorization.",
        "Hospice services are covered at no charge when certified by your physician.",
      ],
    },
    {
      title: "Services This Plan Does Not Cover",
      sentences: [
        "This plan does not cover cosmetic surgery, long-term care, routine foot care, weight loss programs or non-emergency care when traveling outside the United States.",
        "Routine eye care for adults and dental care for adults are not covered.",
        "Acupuncture is covered only when prescribed for chronic pain, up to 12 visits per plan year.",
        "Bariatric surgery is covered only when medical necessity criteria are met and prior authorization is obtained.",
      ],
    },
    {
      title: "Your Rights to Continue Coverage and to Appeal",
      sentences: [
        "You have the right to file a grievance or an appeal if a claim is denied.",
        "An internal appeal must be filed within 180 days of the date you receive notice of the denial.",
        "If your situation is urgent, you may request an expedited review, which is decided within 72 hours.",
        "After the internal appeal you may ask for an external review by an independent review organization.",
        "You may be able to continue coverage under COBRA after your employment ends.",
      ],
    },
  ];
}

const FILLER = [
  "Please refer to the definitions in the glossary for the meaning of underlined terms.",
  "Benefits are subject to the terms, conditions and exclusions described in this evidence of coverage.",
  "The allowed amount is the maximum amount on which payment is based for covered health care services.",
  "Call member services at the number on your identification card for help finding a network provider.",
  "Cost sharing shown is for in-network providers unless stated otherwise.",
  "Services must be medically necessary to be covered.",
  "Coverage decisions are based on clinical guidelines that are reviewed at least once a year.",
];

/**
 * The paragraphs of a plan booklet: every topic once per "chapter", each with a section number and a sentence or two
 * of shared boilerplate, repeated until `paragraphs` are produced. Text is ASCII so the PDF writer can use a standard
 * font without embedding anything.
 */
export function planParagraphs(plan: Plan, paragraphs: number, seed: number): string[] {
  const r = random(seed);
  const all = topics(plan);
  const out: string[] = [];
  for (let i = 0; out.length < paragraphs; i++) {
    const topic = all[i % all.length];
    if (!topic) break;
    const chapter = Math.floor(i / all.length) + 1;
    const section = (i % all.length) + 1;
    const sentences = [...topic.sentences];
    // Varying order and boilerplate keeps repeated chapters from producing identical chunks.
    sentences.sort(() => r() - 0.5);
    sentences.push(FILLER[Math.floor(r() * FILLER.length)] ?? "");
    out.push(`${chapter}.${section} ${topic.title}. ${sentences.join(" ")}`);
  }
  return out;
}

/** A plain-text plan document of roughly `paragraphs` sections. */
export function planText(seed: number, paragraphs: number): string {
  const plan = makePlan(seed);
  return `${plan.name} - Summary of Benefits and Coverage\n\n${planParagraphs(plan, paragraphs, seed).join("\n\n")}\n`;
}

/** Wraps paragraphs into lines of at most `width` characters and cuts them into pages of `linesPerPage` lines. */
export function paginate(title: string, paragraphs: string[], pageCount: number, width: number, linesPerPage: number): string[][] {
  const lines: string[] = [];
  for (const paragraph of paragraphs) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(line, "");
  }
  const bodyLines = linesPerPage - 2;
  const pages: string[][] = [];
  for (let page = 0; page < pageCount; page++) {
    const body = lines.slice(page * bodyLines, (page + 1) * bodyLines);
    pages.push([`${title} - page ${page + 1} of ${pageCount}`, "", ...body]);
  }
  return pages;
}

/** Questions people ask about such documents; each matches a topic above, by words and by meaning. */
export const QUESTIONS = [
  "What is my deductible?",
  "How much is a specialist visit copay?",
  "What do I pay at the emergency room?",
  "Is prior authorization required for an MRI?",
  "What is the out-of-pocket limit for a family?",
  "How much do generic drugs cost?",
  "Does the plan cover acupuncture?",
  "What does urgent care cost?",
  "How do I appeal a denied claim?",
  "Is physical therapy covered and what is the copay?",
  "What is the coinsurance for a hospital stay?",
  "Are mental health visits covered?",
];
