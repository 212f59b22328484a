/**
 * The offline answer provider: no model, no network. It is EXTRACTIVE: it scores every sentence of the retrieved
 * sources against the question (shared content words after normalisation, see ./offline-text.ts), and answers
 * with the best few sentences quoted verbatim, each followed by the `[n]` of the source it came from.
 *
 * What it cannot do, plainly: it does not reason, combine facts, compute, summarise or translate. A Spanish
 * question gets a Spanish lead-in over quotes in the documents' own language. It matches words, not meaning, so
 * a question phrased with words the document does not use ("shots" for "immunizations") finds nothing and gets
 * the honest "I couldn't find that in your documents." rather than a guess. It knows English and Spanish only.
 */
import { NOT_FOUND_EN, NOT_FOUND_ES } from "./prompt";
import { ADDRESS, contentTokens, EMAIL_ADDRESS, hasAmount, isCostQuestion, looksLikeFollowUp, PHONE, statesCost, tierTokens, WEB_ADDRESS } from "../../text/content-tokens";
import { asksAboutDocument } from "../../text/document-question";
import { detectLanguage, type Language } from "../../text/language";
import { normalize, withApostrophes } from "../../text/normalize";
import { findConcepts } from "../../text/concepts";
import { INSURANCE_VOCABULARY } from "../../text/insurance-vocabulary";
import { FILLER_WORDS } from "../../text/stop-words";
import { tokenize } from "../../text/tokenize";
import { splitSentences } from "../../text/sentences";
import { alternativeTerms, askedPart, askedParts, asks, asksCount, BILL_SHARE, BRANDS_ASKED, businessesNamed, capitalisedNames, compoundTerms, PAYERS, PLAN_NAME, questionSentences, requiredTerms, SET_ASIDE, specificTerms, STATES_COUNT, termsAfterService, toldKinds, toldKindsOfAsked, toldConditions, toldNames, toldPlaces, toldQualifiers, toldSubject, wantsNumber, SPANISH_TERM, ownSubjectParts, asksForList } from "../../text/specific-terms";
import { stem } from "../../text/stem";
import { EXAMPLE_STORIES, exampleAssumptionQuotes } from "./offline-examples";
import { footnotes } from "./offline-footnotes";
import { languageQuotes, unlistedLanguage } from "./offline-languages";
import { ADULT_ITEM, adultExclusionQuotes, otherCoveredQuotes, templateQuotes } from "./offline-template";
import { conditionRowQuotes } from "./offline-rows";
import { askedRowCondition, DOT_LEADERS } from "../../text/row-condition";
import { COST_SHARING, HOSPITAL_LEFT, isService, NETWORK_TIERS, NOT_SERVICES, partStories, PEOPLE, TIME_UNITS, TOLD_SEPARATOR } from "../../text/told-things";
import { askedFigures, asksNetwork, asksRole, columnNetwork, labelRole, namedTier, namesBothTiers, type Network, onePlan, PLAN_COLUMN, presentQuote, type Role, ROW, tierOnly, withoutTiers } from "./offline-present";
import type { AnswerEvent, AnswerRequest, ChatTurn, LlmProvider, Source } from "./types";

export const OFFLINE_MODEL = "offline-extractive";

/**
 * Share of the question's (weighted) content words a sentence must contain to be quoted. Generic plan words weigh
 * less, so a two-word question ("acupuncture covered?") still needs its specific word. Measured with eval/ on the
 * sample SBC: 0.5 → quality 0.76 (fact recall 0.76, refusals 0.78); 0.4 → 0.78; 0.34 → 0.82 (fact recall 0.85,
 * refusals 0.67: one more unanswerable question gets related quotes, with their sources, instead of a refusal).
 */
const MIN_OVERLAP = 0.34;
/** Passages are read with the broader concepts theirs imply ("Specialty drugs" offers drugs; see contentTokens). */
const BROADER = { broader: true } as const;
/** A word of the question found only in a source's section path counts this much: "Appeals" over the rows it heads. */
const SECTION_WEIGHT = 0.5;
/**
 * A word of the question found elsewhere in a prose sentence's paragraph counts this much: "We cover these tests once
 * every 12 months" answers how often STI screenings are covered when its paragraph says "sexually transmitted
 * infection (STI) screenings" a sentence before. Less than a section's word, and less than MIN_OVERLAP: a sentence
 * still needs a word of its own. On the dev questions 0.3 gained 1 answer and lost none (0.2 changed none); read over
 * the whole passage instead of the paragraph, 0.3 gained 3 and lost 1, and quoted a neighbouring paragraph's
 * sentence ("Your Grievance and Appeals Rights: …") for what the one before it answers.
 */
const PASSAGE_WEIGHT = 0.3;
/** A nearest heading of at most this many words names the subject of the units under it. */
const MAX_SUBJECT_WORDS = 6;
/**
 * A word of the question outside what it asks (askedPart: the situation told before it, a trailing clause) weighs
 * this share.
 */
const SITUATION_WEIGHT = 0.25;
/**
 * Added to the score of a sentence with an amount when the question is about money, to rank "$500" first; half of it to
 * one that says the cost in words ("No charge"), which a long cell's limitations also do ("Contraceptives covered at No
 * Charge") beside the passage with the figures.
 */
const AMOUNT_BOOST = 0.25;
/**
 * Concepts that are a figure of the plan as a whole, never of a service: a sentence that does not name it does not
 * state it, however many amounts it has (an SBC's coverage examples are not its premium).
 */
const PLAN_LEVEL = ["#premium"];
/** How much of a drug one fill holds: asked of a drug, the drug's row says what it allows. */
const SUPPLY = ["#long-supply"];
/** Figures of the plan as a whole that are written per member and per family. */
const PLAN_FIGURES = ["#deductible", "#out-of-pocket-limit"];
/** Kinds of cost a member can ask for by name, which a coverage example's rows are named after ("Patient pays › Copays"). */
const COST_KINDS = ["#copay", "#coinsurance", "#deductible"];
/** A doctor or provider a story mentions ("his doctor ordered pulmonary rehab"): who, not what is asked. */
const TOLD_PEOPLE = ["#doctor", "#provider"];
/**
 * Concepts a story tells around the care rather than name it: who gave or ordered it, whom the member is with or the
 * care is for, how long, where ("I'm spending a few months with my daughter in Texas.").
 */
const TOLD_STORY = [...TOLD_PEOPLE, ...PEOPLE, ...TIME_UNITS];
/** "30 day supply", "90-day", "30 días": a drug supply by its days. */
const SUPPLY_DAYS = /\b(\d{2,3})[- ]?(?:days?|dias?)\b/g;
/** "· 60 day supply: $10 copay": a column priced for a supply of so many days. */
const SUPPLY_COLUMN = /\b(\d{2,3})[- ]?days?(?: supply)?[\^*†]*:/g;
/** Two or more capitalised words or numbers in a row, as a plan's name is written: "Health Net PPO Platinum", "Premier PPO 5". */
const NAME_RUN = /(?:\p{Lu}[\p{L}\p{N}'’&-]*|\d[\d/$,]*)(?:\s+(?:\p{Lu}[\p{L}\p{N}'’&-]*|\d[\d/$,]*))+/gu;
/**
 * "Which is the nearest network hospital?", "¿Cuál es el hospital de la red más cercano a mi casa?": which place is
 * nearest. (Not "Where can I look up network doctors near me?", which the directory's address answers.)
 */
const NEAREST =
  /\b(?:what|which|where)(?:'s| is| are)? (?:the )?(?:[a-z-]+ ){0,3}(?:nearest|closest)\b|\b(?:cual|cuales|donde) (?:es|son|esta|estan|queda|hay) (?:el|la|los|las) [a-z ]{0,60}mas cerca(?:n[oa]s?)?\b/;
/** Asked which one is nearest the member's home: "¿Cómo se llama el pediatra de la red más cercano a mi casa?". */
const NEAREST_HOME = /\b(?:nearest|closest) (?:to )?(?:my|our|his|her) (?:home|house|place|work|office)\b|\bmas cerca(?:n[oa]s?)? (?:a|de) (?:mi|su|nuestra|nuestro) (?:casa|domicilio|trabajo|oficina)\b/;
/**
 * "Which hospitals in Sacramento are in the network?", "Which hospitals near Fresno are Institutes of Excellence?",
 * "¿Me pueden dar el nombre de un dentista … que acepte este plan?", "Which urgent care clinics near us are in the
 * network?", "¿Qué dermatólogos de la red hay cerca de mi casa?", "Could you give me a couple of names?", "¿Cómo se llama
 * el cardiólogo de la red…?": the provider directory's entries, which no plan
 * document lists. (Not "Where can I find a list of network
 * providers?", which the plan's summary answers with the directory's address, nor "¿…con qué médicos?" about a
 * covered procedure.)
 */
const DIRECTORY =
  /\b(?:which|what) (?:urgent care |walk-in |imaging |surgery |surgical )?(?:hospitals|doctors|dentists|pharmacies|clinics|providers|specialists|surgeons|centers|labs|urgent cares|pediatricians|[a-z]+ologists|[a-z]+iatrists)\b[^?]*\b(?:in-network|in (?:the|your|my|this plan's|its|[a-z]+'s) network|accept|take|participate|near|around|close to|count as|qualify as|in the [a-z]+ area|preferred providers?|participating providers?)\b|\b(?:que|cuales?) (?:hospitales|medicos|doctores|dentistas|farmacias|clinicas|proveedores|especialistas|cirujanos|pediatras|[a-z]+olog[oa]s|[a-z]+iatras)\b[^?]*\b(?:en la red|de la red|aceptan?|participan?|preferid[oa]s|participantes|cerca de)\b|\b(?:names?|nombres?) (?:of|de) (?:a|an|un|una|some|any|algun[oa]?s?) (?:[a-z-]+ )?(?:doctor|dentist|hospital|pharmacy|clinic|provider|specialist|surgeon|pediatrician|therapist|psychologist|psychiatrist|medico|doctora?|dentista|farmacia|clinica|proveedor|especialista|cirujan[oa]|pediatra|terapeuta|psicolog[oa]|psiquiatra)s?\b|\b(?:names?|nombres?) (?:of|de) (?:alguno|alguna|one of them|any of them)\b|\b(?:give me|tell me)\b[^?]{0,30}\bnames\b|\bname and (?:the )?(?:address|phone)(?: number)? of the (?:nearest|closest)\b|\ba few names\b|\bcomo se llama (?:el|la) [a-z]+ de la red\b|\bcomo se llama y cual es (?:la|su) direccion\b/;
/**
 * "How much have I already spent toward my out-of-pocket maximum so far this year?", "How much of my $1,500 dental
 * maximum have I used so far?", "¿Cuánto llevo pagado?", "¿Cuánto me queda de saldo en mi tarjeta?", "How much did
 * UnitedHealthcare end up paying her…?", "What's the status of my claim?", "¿Ya pagaron mi reclamo?": the member's own
 * running totals and requests, which a plan
 * document cannot know (the plan's claims records do) — unless the member uploaded one of those records: an
 * Explanation of Benefits states a claim's amounts, its status and the year's totals.
 */
const OWN_TOTALS =
  /\bhow much (?:have|has) (?:i|we|he|she|my [a-z]+) (?:already )?(?:spent|paid|used|met|put)\b|\bhow much (?:of (?:my|our|his|her|the) [^?]{0,40})?(?:have|did) (?:i|we|she|he) (?:already )?(?:used|use|spent)\b|\bhow much (?:money |credit )?(?:is|do i have|do we have) (?:still )?left (?:on|in|for the rest)\b|\bhow much did (?:the plan|uhc|unitedhealthcare|clover|aetna|anthem|blue shield|health net|it) (?:end up )?(?:pay|paying) (?:her|him|them|my doctor|the doctor)\b|\bcuanto (?:dinero |saldo )?(?:me|nos) queda\b|\bhow much (?:do|does) (?:i|we|he|she) have left\b|\bcuanto (?:he|hemos|ha|llevo|llevamos|lleva) (?:ya )?(?:gastado|pagado|usado|acumulado)\b|\b(?:the )?status of (?:my|our|his|her) (?:claim|appeal|refund|reimbursement|request|prior authorization)s?\b|\b(?:has|have|did) (?:my|our|his|her) (?:claim|appeal|refund|reimbursement|prior authorization)s? (?:been |gone )?(?:paid|processed|approved|denied|received|through)\b|\bestado de (?:mi|nuestro|su) (?:reclamo|reclamacion|apelacion|reembolso|solicitud)\b|\b(?:ya )?(?:pagaron|aprobaron|recibieron|procesaron) (?:mi|nuestro|su) (?:reclamo|reclamacion|apelacion|reembolso|solicitud)\b/;
/** "What's this plan's allowed amount for an MRI…?", "¿Cuál es la cantidad permitida para…?": the price the plan allows, asked. */
const ALLOWED_AMOUNT_ASKED =
  /\b(?:what(?:['’]s| is| would be| will be)|how much is|tell me)\s+(?:the\s+)?(?:(?:this\s+)?plan(?:['’]s)?\s+|[a-z]+['’]s\s+)?allowed amount (?:for|on|of)\b|\b(?:cual|cuanto) (?:es|seria) (?:la|el) (?:cantidad|monto) (?:permitid[ao]|autorizad[ao]) (?:para|de|por)\b/;
/** Which pharmacy or company is asked by name: "Which mail-order pharmacy does Blue Shield use…?", "¿Qué compañía maneja las recetas…?". */
const PHARMACY_NAME_ASKED =
  /\b(?:which|what)\s+(?:mail[- ]order\s+)?(?:pharmacy|pharmacy company|company)\b[^?]{0,40}\b(?:runs?|handles?|use|uses|does|fills?)\b|\bname of (?:that|the|this|their|its|(?:[a-z]+ ){0,2}[a-z]+['’]s) (?:specialty |mail[- ]order )?pharmacy\b|\bcomo se llama la farmacia\b|\bque (?:compania|empresa) maneja\b|\bnombre de la farmacia\b/;
/**
 * Asking a provider's own name ("Can you give me the name of a dentist near West Valley City?", "¿Cómo se llama el
 * dentista de la red más cercano…?"): a plan document names its networks, not the doctors in them.
 */
const PROVIDER_NAME_ASKED =
  /\bnames? of (?:an? |the |one |some |any )?(?:[a-z-]+ ){0,3}(?:doctors?|dentists?|specialists?|physicians?|therapists?|pcps?|optometrists?|audiologists?|chiropractors?|surgeons?)\b|\bname of one\b|\bcomo se llama (?:el|la) (?:[a-z]+ ){0,2}(?:doctor|doctora|medico|medica|dentista|especialista|terapeuta|cirujan[oa])\b|\bnombres? de (?:un|una|el|la|algun|alguna|uno|los|las) ?(?:[a-z]+ ){0,2}(?:doctor|doctora|doctores|medicos?|dentistas?|especialistas?|terapeutas?|cirujan[oa]s?)\b|\bel nombre de uno\b/;
/** A doctor named: "Dr. Smith", "Jane Doe, MD". */
const PROVIDER_NAMED = /\bDra?\.?\s+\p{Lu}\p{Ll}+|\b\p{Lu}\p{Ll}+,? M\.?D\.?\b|\b\p{Lu}\p{Ll}+,? DDS\b/u;
/**
 * Asking for an office to walk into ("¿Cuál es la dirección de una oficina… a la que pueda ir sin cita?", "Is there an
 * office I can visit in person?"): a mailing address (a P.O. box) is no door to go to; a street address is.
 */
const OFFICE_VISIT_ASKED =
  /\b(?:office|location|address)\b[^?]{0,60}\b(?:walk[- ]?in|in person|stop by|drop by)\b|\b(?:walk[- ]?in|in person|stop by|drop by)\b[^?]{0,40}\b(?:office|location)\b|\bvisit (?:the|an|your|their|a|its) (?:local )?(?:office|location)\b|\b(?:oficina|direccion|sucursal)\b[^?]{0,60}\b(?:sin cita|en persona|ir a|pasar a|visitar)\b|\b(?:en persona|sin cita)\b[^?]{0,40}\b(?:oficina|sucursal)\b|\b(?:oficina|sucursal)\b[^?]{0,40}\b(?:pueda|podamos|puedo|podemos) ir\b/;
/** A street address printed: "980 9th Street, Suite 500", "1 Main St.". */
const STREET_ADDRESS = /\b\d+ [\p{L}\d .]+ (?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Suite|Way|Parkway|Pkwy\.?)\b/u;
/**
 * Asking whether a stay in the hospital must come first ("Does he need a 3-day hospital stay first for this plan to cover
 * the nursing facility?"): a plan's rows of the stays' own prices do not say; a passage that speaks of a prior stay
 * ("A 3-day prior hospital stay is not required", "No prior hospitalization stay is required") does.
 */
const PRIOR_STAY_ASKED = /\b(?:3|three)[- ]day (?:prior )?(?:hospital |inpatient )?stay\b|\bprior (?:hospital |inpatient )?stay\b|\b(?:3|tres) dias (?:en el|de|internad[oa] en el) hospital\b(?=[^?]{0,40}\bantes\b)|\bantes\b[^?]{0,40}\b(?:3|tres) dias (?:en el|de|internad[oa] en el) hospital\b|\bhospitalizacion previa\b|\bestancia previa\b/;
/** A prior stay spoken of: "3-day prior hospital stay", "No prior hospitalization stay is required". */
const PRIOR_STAY_SAID = /\bprior (?:hospital(?:ization)? |inpatient )?stay\b|\bprior hospitalization\b|\b3-day\b|\bthree-day\b/i;
/**
 * Asking whether the plan pays the AARP membership's own dues ("¿Este plan me paga la cuota anual de la membresía de
 * AARP?"): that the plan pays AARP royalties, or that members need not join AARP, does not say.
 */
const AARP_DUES_ASKED = /\baarp\b[^?]{0,40}\b(?:membership (?:fee|dues)|dues|membresia|cuota)\b|\b(?:membership (?:fee|dues)|dues|membresia|cuota (?:anual )?de (?:la )?membresia)\b[^?]{0,40}\baarp\b/;
/**
 * What one activity of a rewards program earns: "How many LiveHealthy Rewards dollars do I get for going to my annual
 * wellness visit?", "¿Cuánto me dan de recompensa por hacerme el chequeo anual?", "…cuánto vale cada actividad".
 */
const REWARD_PER_ACTIVITY_ASKED =
  /\b(?:rewards?|recompensas?)\b[^?]{0,60}\b(?:for (?:going|getting|doing|completing|my|an?|the|each)|por (?:hacerme|hacer|ir|completar|cada|el|la|mi))\b|\b(?:for (?:going|getting|doing|completing|my|an?|the|each)|por (?:hacerme|hacer|ir|completar|cada|el|la|mi))\b[^?]{0,60}\b(?:rewards?|recompensas?)\b|\b(?:rewards?|recompensas?)\b[^?]{0,80}\b(?:each|cada) (?:activity|actividad)\b/;
/** A reward's amount for one activity: "$50 reward for completing your annual wellness visit". */
const REWARD_PER_ACTIVITY_SAID = /\$\s?\d[\d,]*(?!\d)(?![^.]{0,20}\b(?:a|per|each|every) (?:year|calendar year)\b)[^.]{0,60}\bfor (?:completing|getting|your|an?|the|each)\b|\bfor (?:completing|getting) (?:your|an?|the)\b[^.]{0,60}\$\s?\d/i;
/** The plan said to pay those dues. */
const AARP_DUES_PAID = /\b(?:pays?|reimburses?|covers?)\b[^.]{0,40}\bAARP (?:membership|dues)\b/i;
/** Asking whom the member is assigned to: "who is my primary care doctor?", "Which medical group am I assigned to?", "¿el plan me asigna uno?". */
const ASSIGNMENT_ASKED = /\bwho is my (?:primary care (?:doctor|physician|provider)|pcp|doctor|physician)\b|\bassigned (?:to|me)\b|\bam i assigned\b|\b(?:me|nos) asign(?:a|an|aron|o|ara|aran)\b|\b(?:estoy|estamos) asignad[oa]s?\b/;
/** A passage about choosing or assigning a primary care doctor: "…designate a primary care provider", "…will be assigned". */
const ASSIGNMENT_SAID = /\bassign|\bdesignat|\b(?:choose|select|pick) (?:a |your |an in-network |a network )?(?:primary care|pcp)/i;
/** The member's group or ID number asked: "What's my group number?", "¿Cuál es el número de grupo?", "my member ID number". */
const CARD_ID_ASKED = /\b(?:my|our|the|his|her|plan'?s) (?:group|member(?:ship)? id|subscriber id|id) (?:number|no|#)\b|\bnumero de (?:grupo|miembro|socio|identificacion|afiliado)\b/;
/** A group or member number printed with digits: "Group Number: 123456", "Member ID: 912345678". */
const CARD_ID_PRINTED = /\b(?:group|member(?:ship)?|subscriber)\s*(?:id|number|no\.?|#)\s*(?:number|#)?\s*:?\s*[A-Z]{0,4}\d{3,}/i;
/** A pharmacy asked about: "at a pharmacy", "la farmacia". */
const PHARMACY_ASKED = /\bpharmac(?:y|ies)\b|\bfarmacias?\b/;
/**
 * Care out of the network spoken of: "Out-of-Network", "non-network pharmacy", "Non-Participating Provider",
 * "Non-Preferred Provider", "a pharmacy that is not in the plan’s network", "fuera de la red".
 */
const OUT_OF_NETWORK_SAID = /\bout[- ]of[- ]network\b|\bnon[- ]?network\b|\bnon[- ]?participating\b|\bnon[- ]?preferred (?:provider|pharmac)|\b(?:not in|outside) (?:the|our|a|your) (?:plan['’]?s )?network\b|\bfuera de la red\b|\bno (?:es|son|est[aá]n?) (?:de|en) la red\b/i;
/** The mail-order pharmacy's name asked: "What's the name of the mail-order pharmacy…?", "¿Cómo se llama la farmacia de pedidos por correo?". */
const MAIL_PHARMACY_NAME_ASKED = /\bname of (?:that|the|this|their|its|(?:[a-z]+ ){0,2}[a-z]+['’]s) mail[- ]order pharmacy\b|\b(?:which|what) mail[- ]order (?:pharmacy|company)\b|\b(?:como se llama|nombre de) la farmacia (?:de (?:pedidos )?(?:por )?correo|por correo)\b/;
/** A mail-order pharmacy named: "Optum Home Delivery Pharmacy", "Express Scripts", "CVS Caremark Mail Service Pharmacy". */
const MAIL_PHARMACY_NAMED = /\b(?:Optum|OptumRx|Express Scripts|Caremark)\b|\b\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)*\s+(?:Home Delivery|Mail[- ]Order|Mail Service)\s+Pharmacy\b/u;
/**
 * Whether the plan goes with a health savings account, asked: "Is this plan HSA-eligible?", "I'd like to pair this
 * plan with a health savings account", "¿Este plan califica para una HSA?".
 */
const HSA_PLAN_ASKED =
  /\bhsa[- ](?:eligible|qualified|compatible)\b|\b(?:eligible|qualif\w*|compatible) (?:for|with) (?:an |a )?(?:hsa|health savings account)\b|\bpair\b[^?.]{0,40}\b(?:hsa|health savings account)\b|\bcalifica para (?:una |un )?(?:hsa|cuenta de ahorros?)\b/;
/**
 * The account's own terms asked, which its bank sets and a plan summary does not print: who holds it, its fees, its
 * interest, what becomes of its money ("Which bank handles the HSA…?", "…what happens to the money in my health
 * savings account?", "¿Qué banco maneja la cuenta de ahorros para la salud (HSA)…?").
 */
const HSA_ACCOUNT_ASKED =
  /\b(?:which|what) (?:bank|company|custodian|trustee|administrator)\b[^?]{0,60}\b(?:hsa|health savings account)\b|\b(?:hsa|health savings account)\b[^?]{0,60}\b(?:bank|custodian|trustee|interest|invest\w*|monthly fee|account fee|maintenance fee)\b|\bmoney (?:in|from) (?:my|the|our) (?:hsa|health savings account)\b|\bque (?:banco|compania|empresa)\b[^?]{0,60}\b(?:hsa|cuenta de ahorros?)\b|\b(?:hsa|cuenta de ahorros? para la salud)\b[^?]{0,60}\b(?:banco|comision|intereses?|invertir)\b|\bdinero (?:de|en) (?:mi|la|nuestra) (?:hsa|cuenta de ahorros?)\b/;
/** Those terms printed: the account's bank, custodian or trustee, its fees, interest or investments, its money kept. */
const HSA_TERMS_SAID = /\b(?:bank|custodian|trustee|interest|invest\w*|fees?|portable|roll(?:s|ed)? over|carr(?:y|ies) over)\b/i;
/** What the employer puts into the account, asked: "How much does my employer put into my HSA?", "¿Cuánto deposita mi empleador en mi cuenta HSA?". */
const EMPLOYER_FUNDING_ASKED =
  /\b(?:employer|empleador|company|compania|empresa)\b[^?]{0,40}\b(?:put|puts|contribute|contributes|deposit|deposits|add|adds|give|gives|fund|funds|pone|deposita|aporta|contribuye|mete)\b[^?]{0,30}\b(?:hsa|hra|health savings account|cuenta)\b/;
/** An employer's contribution stated: "Your employer contributes…", "employer contribution". */
const EMPLOYER_FUNDING_SAID = /\bemployer\b[^.]{0,60}\bcontribut|\bcontribut\w*[^.]{0,60}\bemployer\b|\bempleador\b[^.]{0,60}\b(?:aporta|deposita|contribu)/i;
/** A health savings account spoken of: "HSA", "Health Savings Account", "cuenta de ahorros para la salud". */
const HSA_SAID = /\bHSAs?\b|\bhealth savings accounts?\b/i;
/** Every summary's closing boilerplate: "You should also consider contributions to accounts such as health savings accounts (HSAs)…". */
const ACCOUNTS_TO_CONSIDER = /\bconsider contributions to accounts such as\b/i;
/** A pharmacy named by its business: "Optum Home Delivery Pharmacy", "Aetna Specialty Pharmacy", "CVS Caremark". */
const PHARMACY_NAMED = /\b(?:Optum|OptumRx|OPTUMRX|Express Scripts|Caremark|CVS|Walgreens|Accredo|Walmart|Costco|Kroger|Rite Aid)\b|\b\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)*\s+(?:Specialty|Home Delivery|Mail[- ]Order)\s+Pharmacy\b/u;
/** An allowed amount printed as a fact ("Allowed amount: $1,245.00"), in a sentence that tells no example. */
const ALLOWED_AMOUNT_STATED = /\ballowed amount\b[^.$]{0,40}(?::|\bis|\bwas|\bof)\s+\$\s?\d/i;
/** A sentence that says it tells an example: "For example, if a non-network hospital charges $1,500…". */
const EXAMPLE_SAID = /\bif\b|\bfor example\b|\bpor ejemplo\b|\bsi\b/i;
/**
 * Facts asked that only a passage printing one answers:
 * - the plan's allowed amount for a service ("What's UHC's allowed amount for that surgery…?"): a summary's "if the
 *   plan's allowed amount for an overnight hospital stay is $1,000" is an example;
 * - which pharmacy or company fills the prescriptions ("Which company runs Clover's mail-order pharmacy…?", "¿Cómo se
 *   llama la farmacia de pedidos por correo…?"): the tiers' prices do not name one;
 * - whom the member is assigned to ("Which medical group am I assigned to, and who is my primary care doctor?", "¿…o el
 *   plan me asigna uno?"): a visit's price does not say; a passage about choosing or assigning one does;
 * - the member's group or ID number ("¿Cuál es el número de grupo?"): a member's card prints it, a plan booklet's sample
 *   card "XXXXX";
 * - the name of the mail-order pharmacy (a specialty pharmacy's name is another's);
 * - whether the plan goes with a health savings account ("Is it an HSA-eligible plan?"): every summary's "consider
 *   contributions to accounts such as health savings accounts (HSAs)…" says nothing of this plan; nor what an employer
 *   puts into the account.
 */
const PRINTED_ONLY: { asked: RegExp; printed: (text: string) => boolean }[] = [
  { asked: ALLOWED_AMOUNT_ASKED, printed: (text) => splitSentences(text).some((sentence) => ALLOWED_AMOUNT_STATED.test(sentence) && !EXAMPLE_SAID.test(sentence)) },
  { asked: PHARMACY_NAME_ASKED, printed: (text) => PHARMACY_NAMED.test(text) },
  // (A specialty pharmacy's name, "Aetna Specialty Pharmacy®", is not the mail-order one's.)
  { asked: MAIL_PHARMACY_NAME_ASKED, printed: (text) => MAIL_PHARMACY_NAMED.test(text) },
  { asked: EMPLOYER_FUNDING_ASKED, printed: (text) => EMPLOYER_FUNDING_SAID.test(text) },
  { asked: HSA_PLAN_ASKED, printed: (text) => speaksOfHsa(text) },
  { asked: HSA_ACCOUNT_ASKED, printed: (text) => speaksOfHsa(text, HSA_TERMS_SAID) },
  { asked: ASSIGNMENT_ASKED, printed: (text) => ASSIGNMENT_SAID.test(text) },
  { asked: CARD_ID_ASKED, printed: (text) => CARD_ID_PRINTED.test(text) },
  { asked: PROVIDER_NAME_ASKED, printed: (text) => PROVIDER_NAMED.test(text) },
  { asked: OFFICE_VISIT_ASKED, printed: (text) => STREET_ADDRESS.test(text) },
  { asked: PRIOR_STAY_ASKED, printed: (text) => PRIOR_STAY_SAID.test(text) },
  { asked: AARP_DUES_ASKED, printed: (text) => AARP_DUES_PAID.test(text) },
  { asked: REWARD_PER_ACTIVITY_ASKED, printed: (text) => splitSentences(text).some((sentence) => /\brewards?\b/i.test(sentence) && REWARD_PER_ACTIVITY_SAID.test(sentence)) },
];
/** Whether a sentence of a passage speaks of a health savings account, not the closing boilerplate, and of `terms` when given. */
function speaksOfHsa(text: string, terms?: RegExp): boolean {
  return splitSentences(text).some((sentence) => HSA_SAID.test(sentence) && !ACCOUNTS_TO_CONSIDER.test(sentence) && (terms === undefined || terms.test(sentence)));
}
/** What a claim statement (an Explanation of Benefits) prints: "This is not a bill", "Claim number", "Amount billed: $250". */
const CLAIM_STATEMENT =
  /\bthis is not a bill\b|\bclaim (?:number|no\.|#|status)|\bamount billed\s*[:$]|\bpatient responsibility\b|\besto no es una factura\b/i;
/** "Where can I look up which doctors are in the network?": where the directory is, which a plan summary says. */
const LOOK_UP = /\b(?:where|how) (?:can|do|could|should|would) (?:i|we|you) (?:find|look|check|see|search|get|view)\b|\bdonde (?:puedo|podemos|se puede|busco|veo|consulto|reviso)\b/;
/** A day or a date a passage states: "11/15/2014", "January 1", "the 1st of each month", "el 15 de enero". */
const STATES_DATE =
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b(?:january|february|march|april|june|july|august|september|october|november|december|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\b|\bmay \d{1,2}\b|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b|\b\d{1,2}(?:st|nd|rd|th)\b|\b(?:first|last) day of\b/;
/**
 * The words that ask for a date ("What date does the coverage period end?", "¿En qué fecha termina…?", "…cuándo se
 * renueva?"): said by a passage that states one, whatever its own words ("Coverage Period: 01/01/2025 – 12/31/2025").
 */
const DATE_WORDS = new Set("date dates fecha fechas end ends termina terminan vence vencen expire expires renew renews renueva renuevan".split(" ").map(stem));
/** A date as plans print it: "11/15/2014". */
const DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
/** A title's coverage period: "Coverage Period: 11/15/2014 - 11/14/2015". */
const COVERAGE_PERIOD = /Coverage Period:\s*\d{1,2}\/\d{1,2}\/\d{2,4}\s*[-–]\s*\d{1,2}\/\d{1,2}\/\d{2,4}/i;
/** A title's plan type: "Plan Type: HMO". */
const PLAN_TYPE = /Plan Type:\s*(?:HMO|PPO|EPO|POS|HDHP|HSA)\b/i;
/** The plan types a title names, as content tokens. */
const PLAN_TYPE_WORDS = new Set(["hmo", "ppo", "epo", "pos"]);
/** A title whose first part, the plan's name, says its type: "CA Platinum Basic HMO Copay Plan · Coverage Period: …". */
const PLAN_NAME_TYPE = /^[^·›\n|]*?\b(?:HMO|PPO|EPO|POS)\b[^·›\n|]*/;
/** "Is this an HMO or a PPO?", "What kind of plan is this?", "¿Qué tipo de plan es?": the plan's type is asked for. */
const PLAN_TYPE_QUESTION =
  /\b(?:hmo|ppo|epo|pos) (?:or|o) (?:an? |un |una )?(?:hmo|ppo|epo|pos)\b|\b(?:what|which) (?:type|kind|sort) of (?:health )?plan\b|\bque (?:tipo|clase) de plan\b|\bis (?:this|my|it) (?:plan )?an? (?:hmo|ppo|epo)\b|\bes (?:este plan |mi plan )?(?:un |una )?(?:hmo|ppo|epo)\b/;
/** A number the member finds on their card: "calling the toll free number on your Medical ID Card". */
const CARD_NUMBER = /\bnumber (?:listed |printed |shown )?on (?:the back of )?(?:your|the) (?:[A-Za-z]+ )?(?:ID|[Ii]dentification|[Mm]ember(?:ship)?) [Cc]ard\b/;
/** Where a phone number asked for is given: the number itself, or where to find it. */
const PHONE_GIVEN = new RegExp(`${PHONE.source}|${CARD_NUMBER.source}`);
/** What answers a question asking for a contact, by the kind of contact asked (see wantsNumber). */
const CONTACT = { phone: PHONE_GIVEN, website: WEB_ADDRESS, address: ADDRESS, email: EMAIL_ADDRESS };
/** When a line or an office is open: "What hours…?", "Can I call on a Sunday?", "¿En qué horario atienden?", "¿Abren los sábados?". */
const HOURS_ASKED =
  /\b(?:what|which) hours\b|\bhours (?:is|are) (?:it|they|the|that)\b|\bwhat time (?:do|does|is|are|can)\b|\b(?:only )?open (?:on )?(?:weekends?|saturdays?|sundays?|weekdays?|holidays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)\b|\b(?:call|reach|answer|talk to)\b.*\bon (?:a |the )?(?:weekends?|saturdays?|sundays?|holidays?)\b|\bhow late\b|\buntil what time\b|\bhorarios?\b|\b(?:a|hasta) que hora\b|\b(?:abren|atienden|contestan)\b.*\b(?:sabados?|domingos?|fines? de semana|lunes|martes|miercoles|jueves|viernes)\b|\bllamar (?:un|el|en) (?:sabado|domingo|fin de semana|lunes|martes|miercoles|jueves|viernes)\b/;
/** A day's stem: "sunday", "weekend", "sabado". */
const DAY_WORD = /^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|weekend|weekday|holiday|sabado|domingo|lunes|martes|miercoles|jueves|viernes|feriado)/;
/** Hours or days stated: "8 a.m.-8 p.m.", "7 days a week", "24 hours", "M-F", "weekends", "voicemail". */
const STATES_HOURS =
  /\b\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m\b|p\.?\s?m\b)|\b(?:24 hours|7 days|seven days|weekends?|weekdays?|saturdays?|sundays?|holidays?|mondays?|fridays?|m-f|voicemail|hours of operation|business hours|s[aá]bados?|domingos?|lunes|martes|mi[eé]rcoles|jueves|viernes|tuesdays?|wednesdays?|thursdays?)\b/i;
/** A clause that denies, bare, the network tier told before it: "…is in our network, but the center is not.", "…in-network, and I'm switching to a lab that isn't." */
const NOT_IN_EITHER =
  /(\b(?:in|part of)[- ](?:the |our |my |your |their |this |its |[\p{L}'’]+ )?(?:plan['’]s )?network\b[^.?!]{0,120}?\b(?:but|that|which|who)\s+(?:[^,.;!?]{1,80}?\s)?(?:is not|isn't|are not|aren't|was not|wasn't|is no longer))(?=\s*(?:[.,;!?]|$))/giu;
/** The same in Spanish: "…es de la red, pero el cirujano no.", "…pero el hospital no lo es". */
const NO_ES_DE_LA_RED = /(\b(?:en|de) (?:la |su |nuestra |mi )?red\b[^.?!]{0,120}?\bpero\s+[^,.;!?]{1,80}?\s)no(?:\s+l[oa]s?\s+(?:es|son))?(?=\s*(?:[.,;!?]|$))/giu;
/** "brand new", "brand-new": new, not a brand-name drug. */
const BRAND_NEW = /\bbrand[- ]new\b/gi;
/** A fax number asked for: "What's the fax number?", "¿por fax?", "¿Cuál es el número de fax?". */
const FAX_ASKED = /\bfax(?:es|ing|ear)?\b/;
/** A passage that opens with a contact's lead-in: "Contact:", "Call:", "Contacto:". */
const CONTACT_LEAD = /^\s*(?:contact|call|phone|contacto|llame)\s*:/i;
/** An identifier is a run of digits: a phone number, an ID, a claim number ("711" for TTY is too short to be one). */
const IDENTIFIER_DIGITS = /\d[\d\s()-]{3,}\d/;
/** Sentences scoring under this share of the best one are left out, so a strong answer is not diluted. */
const RELATIVE_CUTOFF = 0.6;
/**
 * When the best match is a table row, its neighbours share most of its words ("Primary care visit" under
 * "Specialist visit"): only rows nearly as good are added. Chosen from the dev split's failures, where most wrong
 * amounts came from the second-best row, at 0.85; measured on its own in session 31 (a replay of the 2,516 dev
 * questions' answers): 0.9 → 14 lost, 1 gained; 0.82 → +4 −2; 0.8 → +7 −2 (102 answers differ, 4% more quotes per
 * answer); 0.75 → +8 −2 (170 differ).
 */
const ROW_RELATIVE_CUTOFF = 0.8;
/**
 * Added, in proportion to the share of the question's words a row's label names, to the row's score: the row named
 * "Annual medical deductible" answers "Is there a deductible for medical care?" before a row that only mentions one.
 */
const LABEL_BOOST = 0.3;
/** Taken from the score of a row whose label names a kind of cost the question does not ask about. */
const UNASKED_COST_LABEL = 0.1;
/** The longest row name (its group and label) read as naming whom a row is for. */
const MAX_ROW_NAME_CHARS = 80;
const MAX_LABEL_CHARS = 200;
/** A label with a sentence ending inside it ("…Union. MONTHLY PREMIUM…") is a paragraph the layout ran into a row. */
const SENTENCE_INSIDE = /[.!?]\s+\p{Lu}/u;
/** How far ahead something must be done, asked ("how many days in advance", "con cuántos días de anticipación") and said ("at least 14 days before"). */
const AHEAD_ASKED = /\b(?:in advance|ahead of time|beforehand|de anticipacion|con anticipacion|por adelantado|de antelacion|con antelacion)\b/;
const AHEAD_SAID = /\b(?:in advance|advance notice|before|prior to|ahead|antes|anticipacion|antelacion)\b/;
/** "How long…?", "¿Cuánto tiempo…?", deadlines: a sentence with a count of days, months or years ranks first. */
const DURATION_QUESTION =
  /\bhow long\b|\bhow soon\b|\bhow quickly\b|\bhow fast\b|\bdeadline\b|\btime limit\b|\bhow many (?:calendar |business )?(?:days|weeks|months|years)\b|\bwhat age\b|\bhow old\b|\bcuanto tiempo\b|\b(?<!largo |corto |mediano )plazo\b|\bfecha limite\b|\bcuantos (?:dias|meses|anos)\b|\bcuantas semanas\b|\b(?:hasta )?que edad\b|\bhasta cuando\b|\bnumber of (?:calendar |business )?(?:days|weeks|months)\b|\bnumero de (?:dias|semanas|meses)\b/;
// A time stated without a number of days: an age, a limit in words, "immediately", "as quickly as your health requires",
// an hour ("no later than midnight the day of your discharge").
const STATES_TIME = /\bage \d+|\b\d+(?:st|nd|rd|th)? birthday\b|\buntil\b|\bwithin\b|\bno later than\b|\bmidnight\b|\bimmediately\b|\bas (?:quickly|soon) as\b|\bdeadline\b|\bhasta\b|\bdentro de\b|\binmediatamente\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty|sixty|ninety) (?:calendar )?(?:days?|months?|years?|weeks?)\b/;
/**
 * A length of time: "30 days", "12 meses", "a 190-day lifetime limit" (not the size of a fill: "a 100-day supply"), or one
 * without a number ("an unlimited number of days", "días ilimitados").
 */
const DURATION = /\d+\s*(?:calendar |business |working )?(?:days?|months?|years?|hours?|weeks?|dias?|meses|mes|anos?|horas?|semanas?)\b|\d+-(?:day|month|year|hour|week)\b(?!\s*supply)|\bunlimited\b|\bno (?:day |visit )?limit\b|\bilimitad[oa]s?\b|\bsin l[ií]mite\b/i;
/** The example's own name ("the having-a-baby example", "el ejemplo de tener un bebé") names no one's row. */
const EXAMPLE_NAMES = /\b(?:having|have|has|had|tener|tiene|tengo)\b[\s-]+(?:a|un)[\s-]+(?:baby|bebe)\b/g;
/** "the same…", "different", "lo mismo", "diferente": a question comparing the situation told with the document's. */
const COMPARES = /\bthe same\b|\bdifferent\b|\b(?:lo|el|la|los|las) mism[oa]s?\b|\bdiferentes?\b|\bdistint[oa]s?\b/;
/** A coverage example's row of what the care would cost: "Sample care costs › Anesthesia — $900", "Amount owed to providers: $7,540". */
const EXAMPLE_COSTS = /^(?:[^›—]*›\s*)?(?:sample care costs\b|amount owed to providers\b)/i;
/** Three quotes answer most questions about a plan; more reads as a search result list, not an answer. */
const MAX_SENTENCES = 3;
/** Scores closer than this are a tie. */
const TIE = 1e-9;
/** …but a list of services asked for ("Which services need prior authorization?") is as long as the rows that say so. */
const MAX_LIST_QUOTES = 8;
/** Words per streamed delta: small enough to exercise the client's streaming path the way a model does. */
const WORDS_PER_DELTA = 4;

const LEAD_IN: Record<Language, string> = { en: "From your documents:", es: "Según sus documentos:" };
const NOT_FOUND: Record<Language, string> = { en: NOT_FOUND_EN, es: NOT_FOUND_ES };

export interface Quote {
  sentence: string;
  source: Source;
  score: number;
  /**
   * The network tier a part of the question asks this quote on, when it differs from the whole question's ("…my
   * physical therapist is preferred, and the home health agency… is out of network"): the row is shown in that tier's
   * cell. Null shows every tier (two parts asked the same row on different tiers). Absent: the question's tier.
   */
  network?: Network | null;
}

/** A piece of a passage that can be quoted, with the short title line it sits under in the passage, if any. */
interface Unit {
  text: string;
  /** For a passage of a long row's cell: the row's label and column, so one cell is quoted once. */
  cell: string | null;
  /** A bulleted list, read as what its heading names. */
  list?: boolean;
  /** "Acupuncture for chronic low back pain" over "Up to 12 visits in 90 days…": read with the sentence. */
  heading: string | null;
  /** A prose sentence's paragraph (its line of the passage): what "these tests" in it refers back to. */
  paragraph?: string;
}

export class OfflineLlmProvider implements LlmProvider {
  readonly name = "offline";
  readonly model = OFFLINE_MODEL;

  async *answer(request: AnswerRequest): AsyncGenerator<AnswerEvent> {
    request.signal?.throwIfAborted();
    // ("isnt in network", typed without its apostrophe, is read as "isn't"; "a brand new screening" is a new one, not
    // a brand-name drug.)
    // (A clause that denies the tier the clause before it told, "…is in our network, but the surgery center is not",
    // "…es de la red, pero el cirujano no", is read as saying so.)
    const question = withApostrophes(request.question).replace(BRAND_NEW, "new").replace(NOT_IN_EITHER, "$1 in network").replace(NO_ES_DE_LA_RED, "$1no es de la red");
    const language = detectLanguage(question);
    // (Whose network it is, "out of UHC's network", does not hide which tier is asked.)
    const focus = { network: asksNetwork(question.replace(OWNER_NAME, "$1 ")), question };
    // A row whose every cell is for the other network ("Inpatient hospital care — In-Network: …" asked about an
    // out-of-network hospital) presents as its bare label: it says nothing of what was asked, and is left out.
    // Asked about the document itself ("What's my plan called?"), the answer is its cover as the document prints it:
    // the plan's name, the insurer's, the plan's number, its dates. (Read from this question, not from the cover's
    // presence alone: the search ran on the question joined with the turn before, which may have been the one asking.)
    const covers = asksAboutDocument(question) ? request.sources.filter((source) => source.cover === true).map((source) => ({ source, sentence: coverLine(source) })).filter((cover) => cover.sentence !== "") : [];
    const quotes = covers.length
      ? covers.map((cover) => ({ ...cover, score: 1 }))
      : answerQuotes(question, request.sources).filter((quote) => !ROW.test(quote.sentence) || ROW.test(presentQuote(quote.sentence, language, quoteFocus(quote, focus))));
    const present = (quote: Quote) => {
      if (covers.length) return quote.sentence;
      // (A row with no cell of its part's tier, "What is the overall deductible? — Answers: $1500 single…", is shown whole.)
      const shown = presentQuote(quote.sentence, language, quoteFocus(quote, focus));
      return quote.network === undefined || !/ — \s*$/.test(shown) ? shown : presentQuote(quote.sentence, language, focus);
    };
    // With passages from several documents, each quote says which document it comes from.
    const documents = new Set(quotes.map((quote) => quote.source.documentId));
    const origin = (quote: Quote) => (documents.size > 1 ? `${quote.source.filename}: ` : "");
    // Each quote is followed by the footnotes its signs refer to ("5 Limited to a 30-day supply"), once each.
    const noted = new Set<string>(quotes.map((quote) => quote.sentence));
    const lines = quotes.flatMap((quote) => {
      // (A list item's own mark, "- Telehealth services…", "·You have…", goes: the answer marks its quotes.)
      const shown = present(quote).replace(LEADING_MARK, "");
      const notes = covers.length ? [] : footnotes(shown, quote, request.sources).filter((note) => !noted.has(note.sentence) && noted.add(note.sentence));
      return [`- ${origin(quote)}${shown} [${quote.source.n}]`, ...notes.map((note) => `- ${origin(note)}${note.sentence} [${note.source.n}]`)];
    });
    const text = quotes.length ? `${LEAD_IN[language]}\n\n${lines.join("\n")}` : NOT_FOUND[language];
    for (const delta of wordGroups(text, WORDS_PER_DELTA)) {
      request.signal?.throwIfAborted();
      yield { type: "delta", text: delta };
    }
    yield { type: "done", finishReason: quotes.length ? "stop" : "no_sources", model: this.model };
  }

  async rewriteQuery(question: string, history: ChatTurn[]): Promise<string> {
    return combineWithPreviousTurn(question, history);
  }
}

/** How a quote is shown: in the tier its part asked, when one did (Quote.network), else in the question's. */
function quoteFocus(quote: Quote, focus: { network: Network | null; question: string }): { network: Network | null; question: string } {
  return quote.network === undefined ? focus : { ...focus, network: quote.network };
}

/** Lines of a cover quoted as its name: a title's lines, not the sentences under them ("This is only a summary."). */
const MAX_COVER_LINES = 3;
const MAX_COVER_LINE_CHARS = 200;

/**
 * A document's cover as a line: the title its passages carry, then the cover's opening lines up to its first sentence
 * ("AARP® Medicare Advantage from UHC UT-0008 (PPO) · H2001-128-000", "Health Net Life Ins. Co.: PPO Platinum 9LR
 * $20/$0"). "" when the cover has neither.
 */
function coverLine(source: Source): string {
  const title = (source.context ?? "").split(" › ")[0]?.trim() ?? "";
  const lines: string[] = [];
  for (const line of source.text.split("\n").map((text) => text.trim())) {
    if (lines.length === MAX_COVER_LINES || /[.!?]$/.test(line) || line.length > MAX_COVER_LINE_CHARS) break;
    if (line !== "" && !title.includes(line)) lines.push(line);
  }
  return [title, ...lines].filter((part) => part !== "").join(" · ");
}

/**
 * Quotes for a question that may ask two things at once ("What's the in-network copay, and how many sessions does
 * Medicare cover?"): the quotes for the whole question, then the best quote for each thing asked, asked with the story
 * told before it, when the whole question's quotes do not already hold it (the first thing too: the whole question's
 * best quote may answer only the second, "…How many sessions are covered, and what do I pay?").
 */
export function answerQuotes(asked: string, sources: Source[]): Quote[] {
  // A program or plan the member names in quotation marks ("…offered its 'hospital at home' program…", "…un plan que se
  // llama 'Premier PPO 3'…") is one no passage names unless one says those words: rows of what it is made of (home
  // health, a hospital stay) or of another plan do not say whether it is covered.
  // (Hyphens are spaces on both sides: "hospital-at-home care".)
  const flat = (text: string) => normalize(text).replace(/[\s-]+/g, " ").trim();
  const named = [...asked.matchAll(QUOTED_NAME)].map((match) => flat(match[1] ?? match[2] ?? ""));
  if (named.length > 0) {
    const said = sources.map((source) => flat(`${source.context ?? ""} ${source.text}`));
    if (named.some((name) => name !== "" && !said.some((text) => text.includes(name)))) return [];
  }
  const quotes = quotesFor(asked, sources);
  // A county the member names ("…we live in Ogden, which is Weber County. Can I still sign up…?") is answered by the
  // sentence that names it among the plan's counties too, when the quotes found do not already name it.
  if (quotes.length === 0 || quotes.length > MAX_SENTENCES) return quotes;
  for (const county of [...asked.matchAll(COUNTY_NAME)].map((match) => match[1] ?? match[2] ?? "")) {
    const named = new RegExp(String.raw`\b${county}\b`);
    if (county === "" || quotes.some((quote) => named.test(quote.sentence))) continue;
    const found = firstSentence(sources, named);
    if (found !== undefined) quotes.push(found);
  }
  // Asked what a fill costs at a pharmacy out of the network ("…at a drugstore that isn't in UHC's network, what do I
  // pay? Is there any catch?"), the rule said of such pharmacies ("If you use a non-network Pharmacy, you are
  // responsible for any amount over the allowed amount.") answers beside the tier's price, when no quote says it.
  const normalizedAsked = normalize(asked);
  if (quotes.length <= MAX_SENTENCES && asksNetwork(asked) === "out" && (PHARMACY_ASKED.test(normalizedAsked) || contentTokens(asked).has("#pharmacy")) && !quotes.some((quote) => OUT_PHARMACY_RULE.test(quote.sentence))) {
    const rule = firstSentence(sources, OUT_PHARMACY_RULE);
    if (rule !== undefined) quotes.push(rule);
  }
  // Asked of both tiers ("What's my copay if the sleep lab is in network, and what if it's out of network?"), a row
  // quoted one cell at a time (an Evidence of Coverage's long rows) is quoted in the other tier's cell too.
  if (quotes.length <= MAX_SENTENCES && asksNetwork(asked) === null && namesBothTiers(asked)) {
    for (const quote of [...quotes]) {
      const other = otherTierCell(quote, asked);
      if (other !== undefined && !quotes.some((one) => one.sentence === other.sentence)) quotes.push(other);
    }
  }
  // Asked of a child's care and the member's own ("My 8-year-old and I are both overdue for eye exams… is mine covered
  // too?"), the template's list of what the plan does not cover answers for the adult ("Routine eye care (Adult)"),
  // beside the child's row. (The template's "dental or eye care" ranges over a child's exams and glasses: an adult's
  // "Routine eye care" is both.)
  // (The child may be told by age alone, "My 8-year-old and I…": the child's row quoted says it.)
  const childAsked = contentTokens(asked).has("#child") || quotes.some((quote) => contentTokens(quote.sentence).has("#child"));
  if (quotes.length <= MAX_SENTENCES && childAsked && !quotes.some((quote) => ADULT_ITEM.test(quote.sentence))) {
    const care = new Set([...contentTokens(asked, BROADER).keys()].filter(isService));
    for (const [narrower, broader] of NARROWER_KINDS) if (care.has(narrower)) for (const kind of broader) care.add(kind);
    if (care.has("#eyewear")) care.add("#eye-exam");
    for (const token of care) if (!isService(token) || ITEM_WHO.includes(token)) care.delete(token);
    quotes.push(...adultExclusionQuotes(asked, sources, (item) => [...contentTokens(item).keys()].some((kind) => care.has(kind))));
  }
  return quotes;
}

/** Who an excluded item is for, and its "care": no kind of care to match the question's by. */
const ITEM_WHO = ["#adult", "#child", "#care"];

/** The other network tier's cell of a row quoted in one tier's cell alone ("Label — In-Network: $30 copayment…"), as a quote, if it states a cost. */
export function otherTierCell(quote: Quote, asked: string): Quote | undefined {
  if (!ROW.test(quote.sentence)) return undefined;
  const label = quote.sentence.slice(0, quote.sentence.indexOf(" — "));
  const cell = quote.sentence.slice(label.length + 3);
  const tier = columnNetwork(cell);
  if (tier === null || cell.includes("; ")) return undefined;
  const other = quoteUnits(quote.source.text, asked, quote.source.context ?? "").find(
    (unit) => unit.text.startsWith(`${label} — `) && columnNetwork(unit.text.slice(label.length + 3)) === (tier === "in" ? "out" : "in") && statesCost(unit.text),
  );
  return other === undefined ? undefined : { sentence: other.text, source: quote.source, score: 0 };
}

/** The first sentence of the passages that `pattern` matches, as a quote added beside those found. */
function firstSentence(sources: readonly Source[], pattern: RegExp): Quote | undefined {
  for (const source of sources) {
    const sentence = splitSentences(source.text).find((one) => pattern.test(one));
    if (sentence !== undefined) return { sentence, source, score: 0 };
  }
  return undefined;
}

/** What a member owes at a pharmacy out of the network: "If you use a non-network Pharmacy, you are responsible for any amount over the allowed amount." */
const OUT_PHARMACY_RULE = /\b(?:non-?network|out-of-network|non-?participating) pharmac(?:y|ies)\b[^.]*\b(?:responsible|pay|paid|difference|amount over|reimburs)/i;

/** A county's name: "Weber County" (group 1), "el condado de Bergen" (group 2). */
const COUNTY_NAME = /\b(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?) County\b|\bcondado de (\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)/gu;

/** answerQuotes before the sentences it adds beside them (the county named, the rule of a pharmacy out of the network). */
function quotesFor(asked: string, sources: Source[]): Quote[] {
  // A fact no passage prints is not answered by the passages that share the question's other words (PRINTED_ONLY).
  const plain = normalize(asked);
  if (PRINTED_ONLY.some((fact) => fact.asked.test(plain) && !sources.some((source) => fact.printed(source.text)))) return [];
  // "…a list of Health Net's preferred providers": whose they are is the plan's, and its name would part the words
  // that name what is asked ("list of preferred providers").
  // "…isn't on the preferred specialty list", "no está en la lista de especialidad preferida": a non-preferred drug.
  // "My last plan made me pay off a separate drug deductible…": what another plan did tells why the member asks, and
  // names nothing this plan's documents must say.
  const ownPlan = questionSentences(asked).filter((sentence) => asks(sentence) || !OTHER_PLAN.test(normalize(sentence))).join(" ");
  const question = englishCognates(ownPlan.replace(OWNER_NAME, "$1 ").replace(NOT_PREFERRED, (phrase) => `${phrase} (non-preferred)`), sources);
  // What a coverage example assumes ("Are the amounts based on Bay Area prices?") is answered by the examples' own
  // explanation, whose words the member's story does not share.
  const assumed = exampleAssumptionQuotes(question, sources);
  if (assumed.length > 0) return assumed;
  // Help in a language ("Besides Spanish, which languages…?", "…casi solo habla chamorro. ¿Hay algún número…?") is
  // answered by the document's help line for each language.
  // (Asked for help in a language the document's help lines leave out, they do not answer: offline-languages.ts.)
  if (unlistedLanguage(question, sources)) return [];
  const spoken = languageQuotes(question, sources);
  if (spoken.length > 0) return spoken;
  // So is a question the SBC template's network row answers in its own words ("Could someone who isn't a preferred
  // provider still end up working on my care there?").
  const stated = templateQuotes(question, sources);
  if (stated.length > 0) return stated;
  const asking = contentTokens(questionSentences(question).filter(asks).join(" "));
  // …and one asking what else the plan covers ("any extra or alternative kinds of care?"), by its "Other Covered
  // Services" list.
  const others = asking.has("#other-covered-services") ? otherCoveredQuotes(sources) : [];
  if (others.length > 0) return others;
  const quotes = selectQuotes(question, sources);
  // …and one asking for every chart row that says something ("Which kinds of care will this PPO not pay anything for
  // if I go out of network?"), by those rows, then the best few other sentences (a summary's list of services it
  // does not cover answers "Which services does the plan not cover?" too).
  const condition = askedRowCondition(question);
  const rows = condition ? conditionRowQuotes(condition, asksNetwork(question), sources) : [];
  if (rows.length > 0) return [...rows, ...quotes.filter((quote) => !ROW.test(quote.sentence)).slice(0, MAX_SENTENCES)];
  const parts = askedParts(question);
  // (A question of two parts, each about a thing of its own, that the whole finds nothing for, "¿Cuánto pagamos por
  // el examen y cuánto por las vacunas?", is asked in its parts below. "Does it cover LASIK, and what would I pay?" is
  // not: its second part asks about the first's subject.)
  // (Asked the same of each of two things told, "…the ambulance and the ER out there aren't in Aetna's network, what
  // would we pay for each?", the whole finds nothing, each row answering half: each is asked on its own, and answers
  // only when each finds its quote.)
  const each = eachTold(question);
  const eachFound = quotes.length === 0 && each.length >= 2 ? everyFound(each.map(({ thing, tail }) => selectQuotes(`${thing}. ${tail}`, sources)[0])) : [];
  if (eachFound.length > 0) return eachFound;
  // (So is each thing an asking sentence lists, "What's our share of the ambulance ride, of the hospice care, and of the
  // oxygen equipment?", on the tier the question names, when the whole with its long story finds nothing.)
  const listed = listAsked(question);
  const listFound = quotes.length === 0 ? everyFound(listed.map(({ asked }) => selectQuotes(asked, sources, asksNetwork(asked) ?? asksNetwork(question))[0])) : [];
  if (listFound.length > 0) return listFound;
  if (quotes.length === 0 && parts.length < 2) {
    const alternative = alternativeQuotes(question, sources);
    return namesPermission(question, asking, alternative) ? alternative : [];
  }
  if (!namesPermission(question, asking, quotes)) {
    // Asked in a sentence of its own ("…sin pasar por mi médico de cabecera. ¿Necesito que me den un referido? ¿Y
    // cuánto me cobran por la consulta?"), the permission is asked with the story on its own: its quote goes first.
    const sentences = questionSentences(question);
    const permission = sentences.find((sentence) => asks(sentence) && PERMISSIONS.some((term) => contentTokens(sentence).has(term)));
    const told = sentences.filter((sentence) => !asks(sentence)).join(" ");
    const permitted = permission === undefined || permission === question.trim() ? [] : selectQuotes(`${told} ${permission}`.trim(), sources);
    if (permitted.length === 0 || !namesPermission(question, asking, permitted)) return [];
    const first = permitted[0]!;
    return [first, ...quotes.filter((quote) => quote.sentence !== first.sentence)].slice(0, MAX_SENTENCES);
  }
  // Asked how amounts relate — whether one counts toward another, a cost is waived, a deductible starts over ("Does
  // that $250 also count toward my $5,500 medical deductible?", "…or does that get waived?", "Does the $100 deductible
  // start over every November 1st?") — rows that only state the amounts do not say: a quote must state how.
  const askingText = normalize(questionSentences(question).filter(asks).join(" "));
  // (Found nothing as a whole, a question of several parts is answered in its parts below: "When does the coverage
  // period end? And does my deductible start over…?")
  // (Asked how the two tiers' amounts relate, "…does that money also count toward the $4,000 out-of-network limit, or
  // are they tracked completely separately?", the relation must be stated of the tiers, "In-Network Provider and
  // Non-Network Provider out-of-pocket are separate and do not count towards each other": a summary's "they don't count
  // toward the out-of-pocket limit" is said of premiums and balance billing.)
  const tiersRelated = namesBothTiers(question);
  const relationUnstated = !quotes.some((quote) => statesRelation(quote) && (!tiersRelated || TIER_SAID.test(quote.sentence)));
  // (Of several parts, the whole's rows are dropped and each part is asked on its own below: "Is there a separate
  // deductible for brand drugs, does what I pay for prescriptions count toward my out-of-pocket limit, and what is that
  // limit?")
  if (RELATION_ASKED.test(askingText) && relationUnstated) {
    if (parts.length < 2) return [];
    quotes.length = 0;
  }
  // Asked what a fill costs at a pharmacy out of the network ("…la única farmacia cerca no es de la red. Si surto ahí
  // mi medicina de nivel 3, ¿cuánto…?"), a drug tier's prices that name no network's column are the network's: a quote
  // must speak of the pharmacies out of it.
  const normalizedQuestion = normalize(question);
  if (parts.length < 2 && PHARMACY_ASKED.test(normalizedQuestion) && asksNetwork(question) === "out" && !quotes.some((quote) => OUT_OF_NETWORK_SAID.test(`${quote.source.context ?? ""}\n${quote.sentence}`))) return [];
  // Asked the same of each of the things told ("…either a preferred brand or a non-preferred brand inhaler. …what would
  // I pay for each one?"), each is asked on its own: the whole question's best row answers one of them.
  // (Each asked thing's best quote is added when it is new and the answer is not already long.)
  const quoted = (quote: Quote) => {
    const key = normalize(quote.sentence);
    return quotes.some((other) => normalize(other.sentence).includes(key) || key.includes(normalize(other.sentence)));
  };
  // (Each is asked on the network tier the question names: "…vamos con un dentista de la red… A mí me tiene que poner
  // un puente fijo y a él una dentadura postiza…")
  const addBest = (asked: string) => {
    const best = selectQuotes(asked, sources, asksNetwork(asked) ?? asksNetwork(question))[0];
    if (best === undefined || quotes.length > MAX_SENTENCES) return;
    if (!quoted(best)) quotes.push(best);
  };
  // (A thing a quote already names is answered there: "…lentes progresivos y … los de nivel 4 y los de nivel 5.
  // ¿Cuánto es el copago de cada uno…?" is answered by the row's Tier 4 and Tier 5 lenses, not also by the lenses' first
  // figures. A quote that says "non-" of the thing's word is about another thing: "Non-preferred brand drugs" is not
  // the row of "a preferred brand".)
  const named = quotes.map((quote) => ({ tokens: contentTokens(quote.sentence, BROADER), narrow: contentTokens(quote.sentence), negated: [...normalize(quote.sentence).matchAll(NON_WORD)].map((m) => m[1] ?? "") }));
  // (Found nothing as a whole, a question whose parts name no subjects of their own is answered by its parts below,
  // each asked with the whole story, or not at all.)
  const byParts = quotes.length === 0 && ownSubjectParts(parts).length < 2;
  for (const { thing, terms, tail } of byParts ? [] : each) {
    const words = new Set(tokenize(normalize(thing)));
    const negated = new Set([...normalize(thing).matchAll(NON_WORD)].map((m) => m[1] ?? ""));
    // (A quote that names another thing told, "Outpatient X-rays" for "…a chest x-ray and a treadmill stress test", names
    // this one only by its own word, not by the broader kind both belong to: diagnostic tests.)
    const otherTerms = each.filter((other) => other.thing !== thing).flatMap((other) => other.terms).filter((term) => !terms.includes(term));
    const names = ({ tokens, narrow, negated: nots }: (typeof named)[number]) =>
      terms.some((term) => narrow.has(term) || (tokens.has(term) && !otherTerms.some((other) => narrow.has(other)))) && !nots.some((word) => words.has(word) && !negated.has(word));
    if (!named.some(names)) addBest(`${thing}. ${tail}`);
  }
  // Asked of several things in one breath ("What's my cost for the specialist visit, the x-ray and the lab?"), each
  // that no quote names is asked on its own ("What's my cost for the specialist visit?").
  for (const { asked: one, terms } of byParts ? [] : listed) {
    if (!named.some(({ tokens }) => terms.some((term) => tokens.has(term)))) addBest(one);
  }
  // Asked whether the deductible applies to the care ("Does the separate drug deductible apply to it…?", "I haven't paid
  // anything toward my deductible yet. If I end up in an in-network ER tonight, do I just owe the 20%?"), the care's
  // row says whether it applies ("20% co-ins, after ded.") and the deductible's own row how much it is.
  // (Told it is met already, "Ya pagué el deducible", the care's row is the answer.)
  // (Asked of a deductible apart from the overall one, "Is there a separate deductible… for his prescriptions?", the
  // overall one's row quoted does not answer: "We already met the $500 overall deductible".)
  const answersDeductible = (quote: Quote) => DEDUCTIBLE_ROW.test(quote.sentence) && !(OVERALL_DEDUCTIBLE.test(fullLabel(quote.sentence)) && SEPARATE_DEDUCTIBLE.test(normalizedQuestion));
  if (quotes.length > 0 && DEDUCTIBLE_PENDING.test(normalizedQuestion) && !quotes.some(answersDeductible)) {
    // (A deductible of no kind said, "is there a deductible I have to meet first?", asked of a drug, is the drugs'.)
    // (Its kind is a word that names one, not what was paid toward it, "…anything toward our deductible", nor what is
    // done to it, "Do I have to pay a deductible…?", "¿Tengo que pagar algún deducible…?", nor "a separate deductible",
    // which says only that there is another.)
    // (The kind is read where the deductible is asked about: "We already met the $500 overall deductible… Is there a
    // separate deductible… for his prescriptions?" asks of the drugs'.)
    const said = ((DEDUCTIBLE_KIND.exec(askingText) ?? DEDUCTIBLE_KIND.exec(normalizedQuestion))?.[1] ?? "").split(/\s+/).filter((word) => DEDUCTIBLE_KINDS.has(word)).join(" ");
    const drugAsked = () => {
      const tokens = contentTokens(question);
      return DRUG_TALK.test(normalizedQuestion) || DRUG_KINDS.some((term) => tokens.has(term));
    };
    // (Spanish names the kind after it: "¿…algún deducible de medicinas primero?".)
    const kind = (said === "" && drugAsked()) || DRUG_DEDUCTIBLE_ES.test(normalizedQuestion) ? "drug" : said;
    const asked = `What is the ${kind} deductible?`.replace(/\s+/g, " ");
    // (The plan's row, not a coverage example's "Patient pays › Deductibles — $1,100" nor a care's "deductible waived".)
    const rows = selectQuotes(asked, sources).filter((quote) => DEDUCTIBLE_ROW.test(quote.sentence) && labelRole(quote.sentence) === null);
    // (A deductible of a kind is not the overall one, whose row may name the kind as what it does not apply to: "What
    // is the overall deductible? — $1500… Does not apply to… Prescription Drugs"; unless no other row gives an amount:
    // "Are there other deductibles…? — No." leaves the overall one the drug's.)
    const ofKind = kind !== "" && !OVERALL_KIND.test(kind) ? rows.find((quote) => !OVERALL_DEDUCTIBLE.test(fullLabel(quote.sentence)) && hasAmount(quote.sentence)) : undefined;
    const row = ofKind ?? rows[0];
    if (row !== undefined && quotes.length <= MAX_SENTENCES && !quoted(row)) quotes.push(row);
  }
  // Asked only for an amount ("If I keep this plan through COBRA, what would the monthly premium be?"), sentences
  // that state none ("…premiums, balance-billed charges…don't count toward the out-of-pocket limit") do not answer.
  if (parts.length < 2 && AMOUNT_ASKED.test(normalizedQuestion) && !quotes.some((quote) => statesCost(quote.sentence))) return [];
  if (parts.length < 2) return quotes;
  const told = questionSentences(question).filter((sentence) => !asks(sentence)).join(" ");
  // A part that names a subject of its own is asked without the story (which may name the other part's subject too),
  // or with the story's stretches about that subject only.
  const ownSubject = new Set(ownSubjectParts(parts));
  const stories = partStories(told, parts);
  // (Found nothing as a whole, a question is answered in its parts only when each part is.)
  const whole = quotes.length;
  let unanswered = 0;
  // (The story's stretches and their concepts are read once, for every part.)
  const stretches = told.split(TOLD_SEPARATOR).map((stretch) => ({ stretch, terms: [...contentTokens(stretch, BROADER).keys()] }));
  // A part that names no party of a coverage example ("…¿cuánto paga el paciente de deducible y cuánto paga en total al
  // final?") asks of the one the question names: another party's row ("Sample care costs › Total") answers another
  // question.
  const wholeRole = asksRole(question);
  // (And a part that names no network tier asks of the one the question names, if one; so with the party.)
  const wholeNetwork = asksNetwork(question);
  // (A part's row of the same charge for a hospital stay, "¿…la instalación si es en el hospital?" asked of surgery
  // "como paciente ambulatorio", answers for a stay the question does not ask about; and the outpatient row for a stay
  // told, "…lo van a internar unos días en una unidad psiquiátrica…", for visits it does not ask about.)
  const wholeTokens = contentTokens(question, BROADER);
  const otherSetting = (best: Quote) =>
    rowSetting(best.sentence) !== null && !namesSetting(best.sentence, wholeTokens) && quotes.some((quote) => settingTwins(quote.sentence, best.sentence) && namesSetting(quote.sentence, wholeTokens));
  // (A part asking how many, "¿…y cuántas sesiones cubre?", is answered by the sentence that states a count, "Up to 36
  // sessions over a 12-week period…", before the row that prices each session.)
  const first = (found: Quote[], part: string) => {
    const counted = asksCount(part) ? found.find((quote) => STATES_COUNT.test(normalize(quote.sentence))) : undefined;
    return counted ?? (wholeRole === null || asksRole(part) !== null ? found[0] : (found.find((quote) => [null, wholeRole].includes(labelRole(quote.sentence))) ?? found[0]));
  };
  // (Parts' best quotes are added until the answer holds more than MAX_SENTENCES + 1: a third ask, "…and is there a cap
  // on what Anthem pays per day for that hospital room?", still finds room after the whole question's rows.)
  const narrowed = new Map<number, Network>();
  const partTiers = new Set<Network>();
  for (const part of parts) {
    if (quotes.length > MAX_SENTENCES + 1) break;
    // The story's stretches about this part: those that name what it names (a drug told as "un genérico de nivel 1"
    // for "¿cuánto por la receta?") and nothing another part names.
    const mine = specificTerms(part).filter(isService);
    const others = parts.filter((other) => other !== part).flatMap((other) => specificTerms(other).filter(isService));
    const notOthers = stretches.filter(({ terms }) => !terms.some((term) => others.includes(term))).map(({ stretch }) => stretch);
    // (A stretch that names no care of its own and tells a network tier goes on telling of the one before: "…her
    // chemo infusions near our daughter in Boise, at a cancer center that isn't in UHC's network" tells the chemo's.)
    const about = (terms: readonly string[]) => terms.some((term) => mine.includes(term)) && !terms.some((term) => others.includes(term));
    const related = stretches
      .filter(({ stretch, terms }, i) => about(terms) || (i > 0 && about(stretches[i - 1]!.terms) && !terms.some(isService) && asksNetwork(stretch) !== null))
      .map(({ stretch }) => stretch);
    const aboutIt = related.length > 0 ? `${related.join(", ")}. ${part}` : null;
    let best: Quote | undefined;
    let bestTier: Network | null = wholeNetwork;
    // (A part that names only who gives the care, with a tier, "¿…y cuánto el pediatra de la red que tenemos ahora?",
    // asks the care the other parts name of that one: the checkup, not a sick visit.)
    const partTier = asksNetwork(part);
    const onlyGiver = partTier !== null && mine.length > 0 && mine.every((term) => GIVERS.includes(term)) && others.some((term) => !GIVERS.includes(term));
    const tier = tierOnly(part) ?? (onlyGiver ? partTier : null);
    if (tier !== null) {
      // A part that names only a network tier ("…si es de la red y cuánto si no es de la red?") asks the parts
      // before it on that tier: the story alone ("Tengo Choice Value (007).") names another row.
      const before = parts.slice(0, parts.indexOf(part)).map(withoutTiers).join(" ");
      const askedOf = `${told} ${before} ${part}`.trim();
      best = first(selectQuotes(askedOf, sources, tier, wholeRole), part);
      bestTier = tier;
    } else if (ownSubject.has(part)) {
      // Rows that answer the part alone equally well ("…for each therapy visit?": the emergency room's "$150 copay per
      // visit" and the mental health visit's "$20 copay per visit") are told apart by the story less what it tells of
      // the other parts ("…a lo mejor me tienen que internar… ¿Cuántas consultas de salud mental…?" is not asked of the
      // hospital stay).
      // (A question the whole finds nothing for is asked in its parts with that story: a name it tells, "…start me on
      // Aimovig injections… What tier is it on?", is still to be found.)
      // (The story stays a statement of its own, so a name it tells, "…switched me to Trelegy for my COPD.", is still
      // the thing the part asks about.)
      const ownStory = notOthers.length > 0 ? `${notOthers.join(", ").replace(/[\s,;:]+$/, "")}. ${part}` : part;
      const askedAs = whole === 0 ? ownStory : (aboutIt ?? part);
      bestTier = asksNetwork(askedAs) ?? wholeNetwork;
      const alone = selectQuotes(askedAs, sources, bestTier, asksRole(askedAs) ?? wholeRole);
      const tied = alone.filter((quote) => quote.score >= (alone[0]?.score ?? 0) - TIE);
      // (Asked with that story already, its own order breaks the tie.)
      const byStory = tied.length > 1 && askedAs !== ownStory ? selectQuotes(ownStory, sources).find((quote) => tied.some((tie) => tie.sentence === quote.sentence)) : undefined;
      best = byStory ?? first(alone, part);
    } else {
      // A part that names nothing of its own is asked with the thing of the story it is about, or the whole story.
      // (When the whole question found nothing, with the whole story: a name it tells, "Mi psiquiatra quiere probar
      // Spravato…", must still be found.)
      const askedOf = (byParts ? null : (aboutIt ?? stories.get(part))) ?? `${told} ${part}`.trim();
      bestTier = asksNetwork(askedOf) ?? wholeNetwork;
      best = first(selectQuotes(askedOf, sources, bestTier, asksRole(askedOf) ?? wholeRole), part);
    }
    // (A part asking how amounts relate is answered only by a quote that says how, as the whole is above.)
    if (best !== undefined && RELATION_ASKED.test(normalize(part)) && !statesRelation(best)) best = undefined;
    if (bestTier !== null) partTiers.add(bestTier);
    if (best === undefined) unanswered++;
    else if (!quoted(best) && !otherSetting(best)) quotes.push(bestTier === wholeNetwork || (wholeNetwork === null && !ownSubject.has(part)) ? best : { ...best, network: bestTier });
    else {
      const same = quotes.findIndex((quote) => quote.sentence === best.sentence);
      const shown = same < 0 ? undefined : quotes[same]!;
      // (A row the whole question quoted on both tiers it tells, asked by a part of its own on the one its story tells,
      // is shown in that one: "…is in our network, but the surgery center is not. What share of the surgery center's
      // bill…?"; unless the parts ask both tiers, or a part asks that row of both.)
      if (shown === undefined) continue;
      if (shown.network === undefined && wholeNetwork === null && bestTier === null) quotes[same] = { ...shown, network: null };
      else if (shown.network === undefined && wholeNetwork === null && ownSubject.has(part) && partTier === null) narrowed.set(same, bestTier!);
      // (A row quoted already on another tier, asked by this part on its own, is shown in both.)
      else if (bestTier !== wholeNetwork && (wholeNetwork !== null || ownSubject.has(part)) && (shown.network === undefined ? wholeNetwork : shown.network) !== bestTier) quotes[same] = { ...shown, network: null };
    }
  }
  if (partTiers.size === 1) for (const [at, network] of narrowed) if (quotes[at]!.network === undefined) quotes[at] = { ...quotes[at]!, network };
  if (whole > 0) return quotes;
  if (quotes.length > 0 && unanswered === 0) return quotes;
  // (Of three or more parts, all but fewer than half found their rows, two or more: those rows answer what they can,
  // "What do we pay per nurse visit, what's our share of the oxygen equipment and the bed, and does any of this need
  // approval ahead of time?". One part of two found is no answer: the other may be the question's real subject.)
  if (quotes.length >= 2 && unanswered * 2 < parts.length) return quotes;
  const alternative = alternativeQuotes(question, sources);
  return namesPermission(question, asking, alternative) ? alternative : [];
}

/** The quotes found for several things asked, each once, when every one found one; otherwise []. */
function everyFound(found: readonly (Quote | undefined)[]): Quote[] {
  if (found.length < 2 || found.some((quote) => quote === undefined)) return [];
  const quotes = found as Quote[];
  return quotes.filter((quote, i) => quotes.findIndex((other) => other.sentence === quote.sentence) === i);
}

/** Keeps the candidates that pass, when any does (in place); otherwise leaves them all. */
function narrow<T>(candidates: T[], keep: (candidate: T) => boolean): void {
  const kept = candidates.filter(keep);
  if (kept.length > 0 && kept.length < candidates.length) candidates.splice(0, candidates.length, ...kept);
}

/** A county named (COUNTY_NAME, one match tested). */
const COUNTY_NAMED = new RegExp(COUNTY_NAME.source, "u");
/** A row named after a deductible: "What is the overall deductible? — …", "Prescription drug deductible — $250". */
const DEDUCTIBLE_ROW = /^[^—]*\bdeductibles?\b[^—]*—/i;
/**
 * A deductible not met yet, or asked whether it applies first: "I haven't paid anything toward my deductible yet",
 * "…or do I have to meet my deductible first?", "Does the separate drug deductible apply to it?", "¿…antes del deducible?".
 */
const DEDUCTIBLE_PENDING =
  /\b(?:haven'?t|have not|hasn'?t|has not|didn'?t|did not|not yet|no he|no hemos|no ha|todavia no|aun no|sin haber)\b[^.?!]{0,40}\b(?:deductible|deducible)\b|\b(?:deductible|deducible)\b[^.?!]{0,25}\b(?:apply|applies|first|kicks?|kicked|before|(?:have|has) to (?:meet|pay|hit|reach|get through)|primero|antes|aplica)\b|\b(?:apply|applies|aplica)\b[^.?!]{0,15}\b(?:deductible|deducible)\b|\bbefore (?:the |my |our )?(?:[a-z]+ )?deductible\b|\bantes (?:de|del) (?:[a-z]+ )?deducible\b/;
/** A deductible asked apart from the overall one: "a separate deductible", "another deductible", "un deducible aparte". */
const SEPARATE_DEDUCTIBLE = /\b(?:separate|other|another|own|extra|additional)\s+(?:[a-z]+\s+)?deductibles?\b|\bdeducibles?\s+(?:aparte|separado|adicional|propio)\b|\botro\s+deducible\b/;
/** A Spanish drug deductible, its kind said after it: "deducible de medicinas", "deducible para las recetas". */
const DRUG_DEDUCTIBLE_ES = /\bdeducible (?:de|para) (?:las |los |la |el |sus |mis )?(?:medicinas?|medicamentos?|recetas?|farmacia|marca)\b/;
/** The words that name a deductible's kind: "the separate drug deductible", "our family deductible". */
const DEDUCTIBLE_KINDS = new Set("drug drugs prescription prescriptions pharmacy rx brand generic medical overall family individual network in-network out-of-network dental vision annual yearly calendar plan specialty".split(" "));
/** Kinds of deductible (of DEDUCTIBLE_KINDS) that are the plan's overall one. */
const OVERALL_KIND = /\b(?:overall|medical|plan|family|individual|annual|yearly|calendar)\b/;
/** The plan's overall deductible, by its row's label (normalized). */
const OVERALL_DEDUCTIBLE = /\boverall deductible\b/i;
/** The words before "deductible" that say which: "the separate drug deductible", "el deducible de medicamentos". */
const DEDUCTIBLE_KIND = /((?:\b[a-z-]+\s+){0,2})(?:deductible|deducible)\b/;

/** How much a fill holds: "100 day supply", "31-90 day supply", "30-day supply". */
const SUPPLY_LENGTH = /\b\d+(?:\s*-\s*\d+)?[- ]?days?[- ]supply\b/gi;
/**
 * A question about fills and supplies: "a 90-day supply", "How many days' worth … can I get filled", "¿Para cuántos
 * días de medicina me dan…?", "¿…me surten?".
 */
const SUPPLY_ASKED = /\bsuppl|\bfill(?:s|ed|ing)?\b|\brefill|\bworth\b|\bsurt|\bsuministro|\bresurt|\bdias de (?:medicina|medicamento)|\bpara cuantos dias\b/;

/** A limit said to be none: "Is there an overall annual limit on what the plan pays? — Answers: No.", "no dollar limit", "unlimited". */
const NO_LIMIT_SAID = /\b(?:limit|cap|maximum)s?\b[^—]*—\s*(?:Answers?|Respuesta):\s*No\b|\bno (?:annual |lifetime |yearly |dollar )?(?:limit|cap|maximum)\b|\bunlimited\b/i;
/** A question asking for a sum in dollars: "how many dollars", "what dollar amount", "¿cuántos dólares…?". */
const DOLLARS_ASKED = /\bhow many dollars\b|\bdollar (?:amount|figure|limit|cap|value)\b|\b(?:cap|limit|maximum) in dollars\b|\bcuant[oa]s dolares\b|\bcuanto dinero\b|\b(?:tope|limite|maximo|cantidad) (?:en|de) dolares\b/;
/** A dollar figure: "$200", "$ 1,500". */
const DOLLAR_FIGURE = /\$\s?\d/;

/** A sentence's label, the words before its " — " (a row's, with the sections above it), or the whole sentence. */
function fullLabel(sentence: string): string {
  return normalize(sentence.split(" — ")[0] ?? "");
}

/** A row's own label: "Mental/Behavioral health inpatient services" of "If you have … › Mental/Behavioral health inpatient services — …". */
function ownLabel(sentence: string): string {
  return ROW.test(sentence) ? normalize(sentence.slice(0, sentence.indexOf(" — ")).split(" › ").at(-1) ?? "") : "";
}

/** The setting a row's label names: "inpatient" or "outpatient". */
const SETTING = /\b(?:inpatient|outpatient)\b/;
/** Care had outside a stay, by its concepts: "an intensive outpatient program", "cirugía ambulatoria", "outpatient". */
const OUTPATIENT_CARE = ["#outpatient", "#outpatient-surgery", "#partial-hospitalization"];

/**
 * The setting a row's whole label names, its section's too: "inpatient" for "…inpatient services" or "If you have a
 * hospital stay › Facility fee", "outpatient" for "If you have outpatient surgery › Facility fee"; null for neither.
 */
function rowSetting(sentence: string): "inpatient" | "outpatient" | null {
  if (!ROW.test(sentence)) return null;
  const label = normalize(sentence.slice(0, sentence.indexOf(" — ")));
  if (/\binpatient\b|\bhospital stay\b/.test(label)) return "inpatient";
  return /\boutpatient\b/.test(label) ? "outpatient" : null;
}

/** A row's own label without its examples and setting: "facility fee" for "Facility fee (e.g., hospital room)". */
function rowHead(sentence: string): string {
  return ownLabel(sentence).replace(/\([^)]*\)/g, " ").replace(SETTING, "*").replace(/\s+/g, " ").trim();
}

/**
 * Whether two rows differ only in their setting: "…outpatient services" and "…inpatient services", or the facility fee
 * of outpatient surgery and that of a hospital stay.
 */
function settingTwins(a: string, b: string): boolean {
  const one = rowSetting(a);
  const other = rowSetting(b);
  return one !== null && other !== null && one !== other && rowHead(a) === rowHead(b);
}

/** Whether the question names the setting a row's label names: a stay for "inpatient", a visit or outpatient surgery for "outpatient". */
function namesSetting(sentence: string, question: ReadonlyMap<string, number>): boolean {
  return rowSetting(sentence) === "inpatient" ? question.has("#hospital-stay") : question.has("#outpatient") || question.has("#office-visit") || question.has("#outpatient-surgery");
}

/** The words a text says with "non-" before them and those it says plainly. */
function saidKinds(text: string): { nots: Set<string>; plain: Set<string> } {
  const normalized = normalize(text);
  return { nots: new Set([...normalized.matchAll(NON_WORD)].map((m) => m[1] ?? "")), plain: new Set(tokenize(normalized.replace(NON_WORD, " "))) };
}

/** Whether a label is of the other kind: "non-" of a word the question says only plainly, or plainly one it says only with "non-". */
function otherKind(label: { nots: Set<string>; plain: Set<string> }, question: { nots: Set<string>; plain: Set<string> }): boolean {
  return [...label.nots].some((word) => question.plain.has(word) && !question.nots.has(word)) || [...question.nots].some((word) => label.plain.has(word) && !question.plain.has(word));
}

/** A word said with "non-" before it: "non-preferred", "non preferred" (the word is group 1). */
const NON_WORD = /\bnon[- ]?(\p{L}+)/gu;

/** "…for each one?", "…at each?", "…for each by mail?", "Which one…?", "¿…en cada uno?", "…en cada caso?": the same asked of every thing told. */
const EACH_ASKED = /\b(?:each|either)(?: one| of (?:them|those|these|the two|the three|the four|all three))?\s*(?:[?.!]|,\s*(?:and|or|y|o)\b|$)|\beach\s+(?:by|at|through|via|with|from|if|when)\b|\beach (?:one|of (?:them|those|these|the two|the three|the four|all three|their|our|his|her))\b|\bat each\b|\bwhich one\b|\beach (?:type|kind|sort) of\b|\beach (?:visit|session|appointment)\b|\bcada (?:un[oa]|caso|cosa|tipo|clase|consulta|visita|sesion|servicio)\b|\b(?:ambos|ambas)\b|\b(?:los|las) dos\b|\bcual de (?:los|las) dos\b|\bwhich (?:of (?:those|these|them|the three)|ones)\b|\bcuales de (?:esas|esos|estas|estos|ellas|ellos)\b/;
/** Question words that open the part of an asking sentence that asks: "what would I pay…", "¿cuánto…". */
const ASKING_START = /\b(?:what|how|which|is|are|do|does|will|would|can|could|que|qué|cuanto|cuánto|cuanta|cuánta|cuantos|cuántos|cual|cuál|como|cómo)\b/iu;

/**
 * For a question asking the same of each of two or more things it tells ("My doctor says she can put me on either a
 * preferred brand or a non-preferred brand inhaler… what would I pay for each one?", "Voy al quiropráctico y también
 * al acupunturista… ¿Cuánto me toca pagar en cada uno?"), one question per thing: the stretch of the question that
 * names it (between commas, "or", "and", "y"…), then the asking sentence that asks of each. [] when no asking sentence
 * asks of each, or the question tells fewer than two things of care.
 */
export function eachToldAsk(question: string): string[] {
  return eachTold(question).map(({ thing, tail }) => `${thing}. ${tail}`);
}

/** Two or more things listed, the last after "and"/"y": "the specialist visit, the X-ray and the MRI". */
const LISTED = String.raw`((?:[^,?]+,\s*)*[^,?]+?,?\s+(?:and|y)\s+[^,?]+?)`;
/** "…for the specialist visit, the x-ray and the lab?", "…our share of the ER visit and of the ambulance ride?": the words before the list, and the list. */
const ASKED_LIST = new RegExp(String.raw`^(.*?\b(?:for|por|of|de|del)\s+)${LISTED}\?\s*$`, "iu");
/** …and the list asked as what costs: "What will the specialist visit, the X-ray and the MRI cost me?". */
const LIST_COSTS = new RegExp(String.raw`^(.*?\b(?:will|would|do|does)\s+)${LISTED}(\s+(?:cost|run)(?:\s+(?:me|us|him|her|them))?)\?\s*$`, "iu");
/** How long an item of such a list may be, in words: "the specialist visit", "each neurologist visit". */
const MAX_LIST_ITEM_WORDS = 5;

/**
 * The things an asking sentence lists, each asked on its own ("What's my cost for the specialist visit, the x-ray and
 * the lab?" → "What's my cost for the specialist visit?", …), with the service terms each names; [] unless it lists two
 * or more short things that each name a service.
 */
function listAsked(question: string): { asked: string; terms: string[] }[] {
  const asking = questionSentences(question).filter(asks).at(-1)?.trim();
  const match = asking === undefined ? null : (ASKED_LIST.exec(asking) ?? LIST_COSTS.exec(asking));
  if (match === null) return [];
  const head = match[1] ?? "";
  // (What a list asked as the subject is asked, "…cost me?", follows each item.)
  const end = match[3] === undefined ? "" : ` ${match[3].trim()}`;
  // (The preposition said again before an item, "…of the ER visit and of the ambulance ride?", is the head's.)
  const items = (match[2] ?? "").split(/,\s*(?:(?:and|y)\s+)?(?:(?:of|for|de|por)\s+)?|\s+(?:and|y)\s+(?:(?:of|for|de|por)\s+)?/iu).map((item) => item.trim()).filter((item) => item !== "");
  // (An item named by who gives it, "the family doctor visit", names the care of that one: "#primary-care".)
  const serviceTerms = (item: string) => {
    const named = specificTerms(item).filter(isService);
    if (named.length > 0) return named;
    // (Its "visit" names no care of its own beside the giver's.)
    const care = [...contentTokens(item).keys()].filter((term) => term.startsWith("#") && isService(term) && !NOT_SERVICES.includes(term));
    return care.length > 1 ? care.filter((term) => term !== "#office-visit") : care;
  };
  const listed = items.map((item) => ({ asked: `${head}${item}${end}?`, terms: serviceTerms(item), words: item.split(/\s+/).length }));
  // (An item that asks, "…for this drug, and which tier is it?", is a question of its own, not a thing listed.)
  const things = listed.every(({ asked, terms, words }) => terms.length > 0 && words <= MAX_LIST_ITEM_WORDS && !ASKING_START.test(asked.slice(head.length).split(/\s+/)[0] ?? ""));
  return listed.length >= 2 && things ? listed.map(({ asked, terms }) => ({ asked, terms })) : [];
}

/** eachToldAsk's things told, each with the service terms it names and the asking sentence's tail that asks of it. */
function eachTold(question: string): { thing: string; terms: string[]; tail: string }[] {
  const asking = questionSentences(question).find((sentence) => asks(sentence) && EACH_ASKED.test(normalize(sentence)));
  if (asking === undefined) return [];
  // What is asked: the asking sentence from its last clause that opens with a question word.
  const clauses = asking.split(/,\s*/);
  // (Of several asks, the one of each, up to the next: "What facility copay would I have at each, and is there a separate
  // copay for the surgeon?" asks the surgeon's copay once, not of each place.)
  const eachAt = clauses.findIndex((clause) => EACH_ASKED.test(normalize(clause)));
  const last = eachAt < 0 ? clauses.length - 1 : eachAt;
  const from = clauses.slice(0, last + 1).findLastIndex((clause) => ASKING_START.test(clause));
  const next = eachAt < 0 ? -1 : clauses.findIndex((clause, i) => i > eachAt && ASKING_START.test(clause));
  const end = next < 0 ? clauses.length : next;
  // (Asked of one thing, "either one" is "it": its "one" is no word the thing's row must say.)
  const tail = clauses.slice(Math.max(0, from), end).join(", ").replace(/\beither (?:one|of (?:them|those|these|the two))(?=\s*[?.!]?\s*$)/i, "it");
  const after = clauses.slice(end).join(", ");
  // (Of two stretches naming the same care, the one that says more of it is the thing told: "I haven't seen a dentist
  // in five years. My new dentist wants to do a comprehensive new-patient exam and then regular checkups.")
  const seen = new Map<string, { thing: string; terms: string[]; said: number }>();
  const things: { thing: string; terms: string[]; said: number }[] = [];
  for (const stretch of question.replace(tail, " ").replace(after, " ").split(TOLD_SEPARATOR)) {
    const specific = specificTerms(stretch);
    const terms = specific.filter(isService);
    const key = terms.sort().join(" ");
    if (terms.length === 0) continue;
    const before = seen.get(key);
    const thing = { thing: stretch.trim(), terms, said: specific.length };
    if (before !== undefined) {
      if (thing.said > before.said) {
        things.splice(things.indexOf(before), 1, thing);
        seen.set(key, thing);
      }
      continue;
    }
    seen.set(key, thing);
    things.push(thing);
  }
  return things.length >= 2 ? things.map((thing) => ({ ...thing, tail: tail.trim() })) : [];
}

/**
 * Whether the quotes can answer a question asking whether a permission is needed ("Do I need a referral before I can
 * see a specialist, or can I just book with the specialist myself?"): one must name it ("without a referral", "Prior
 * authorization is required"); the specialist's copay does not say. True for any other question. `asking`: the
 * concepts of the question's asking sentences.
 */
function namesPermission(question: string, asking: ReadonlyMap<string, number>, quotes: readonly Quote[]): boolean {
  const permissions = PERMISSIONS.filter((term) => asking.has(term));
  if (permissions.length === 0 || !NEED_ASKED.test(normalize(question))) return true;
  return quotes.some((quote) => permissions.some((term) => contentTokens(`${quote.source.context ?? ""}\n${quote.sentence}`, BROADER).has(term)));
}

/** A question asking for an amount and nothing else: "How much…?", "What would the monthly premium be?", "¿Cuánto…?". */
const AMOUNT_ASKED = /\bhow much\b|\bwhat (?:would|will|is|'s|does) (?:the |my |our )?(?:monthly |yearly |annual )?(?:premium|copay|copayment|coinsurance|price|cost|fee|charge)s?\b|\bcuanto (?:pago|cuesta|cobran|es el|es la|me toca|pagaria|costaria)\b/;
/** Another plan the member had: "my last plan", "my old insurance", "mi plan anterior". */
const OTHER_PLAN = /\b(?:my|our) (?:last|old|previous|former|prior) (?:health )?(?:plan|insurance|insurer|policy)\b|\b(?:mi|nuestro) (?:plan|seguro) (?:anterior|pasado|viejo)\b|\b(?:mi|nuestro) (?:antiguo|anterior) (?:plan|seguro)\b/;
/** A drug said not to be on the plan's preferred list: "isn't on the preferred list", "no está en la lista de especialidad preferida", "una medicina de marca que no es de las preferidas". */
const NOT_PREFERRED = /\b(?:(?:is|are)n['’]t|(?:is|are) not|not)\s+(?:on|in)\s+(?:(?:the|their|your|its)\s+)?(?:[\p{L}-]+\s+){0,2}?preferred\b|\bno (?:est[aá]n?|aparece|sale) en (?:la|su) lista de (?:[\p{L}]+\s+){0,2}?preferid[oa]s?\b|\b(?:medicina|medicamento|pastilla|marca)s?\b[^.?!,;]{0,40}?\bque no (?:es|son) de (?:las|los) preferid[oa]s\b/giu;
/**
 * A Spanish medical noun the glossary does not know ("radiología", "vasectomía", "cardiólogo") read as the English
 * word it is a cognate of ("radiology", "vasectomy", "cardiologist") when a retrieved passage has that word: an
 * English document cannot say "radiología", and its absence must not read as the document not saying it.
 */
function englishCognates(question: string, sources: Source[]): string {
  if (detectLanguage(question) !== "es") return question;
  const said = new Set(sources.flatMap((source) => tokenize(`${source.context ?? ""}\n${source.text}`)));
  // (Words of a phrase the glossary knows, "terapia física", are read by the glossary.)
  const words = tokenize(question);
  const known = new Set(findConcepts(words).flatMap((match) => words.slice(match.start, match.end)));
  return question.replace(/\p{L}+/gu, (word) => {
    const plain = normalize(word);
    if (!SPANISH_TERM.test(plain) || known.has(plain)) return word;
    return cognates(plain).find((english) => said.has(english)) ?? word;
  });
}

/**
 * The English forms a Spanish learned word may take: "radiologia" → "radiology", "fisioterapia" → "physiotherapy",
 * "promocion" → "promotion", "promotional".
 */
function cognates(word: string): string[] {
  const forms = [...(UNLIKE_COGNATES.get(word) ?? []), ...COGNATE_ENDINGS.flatMap(([spanish, english]) => (word.endsWith(spanish) ? [word.slice(0, -spanish.length) + english] : []))];
  // (A noun's adjective too: "promoción" is "promotional" in "any in-store promotional offer".)
  const adjectives = forms.filter((form) => form.endsWith("tion")).map((form) => `${form}al`);
  return [...new Set([...forms, ...forms.map((form) => form.replace(/^f/, "ph")), ...adjectives])];
}
/** Learned Spanish words whose English is no cognate: "instalación" is the facility ("Facility fee"), "habitación" the room. */
const UNLIKE_COGNATES = new Map([
  ["instalacion", ["facility"]],
  ["instalaciones", ["facility", "facilities"]],
  ["habitacion", ["room"]],
  ["internacion", ["inpatient", "admission"]],
]);
const COGNATE_ENDINGS: [string, string][] = [
  ["logia", "logy"], ["grafia", "graphy"], ["scopia", "scopy"], ["terapia", "therapy"], ["tomia", "tomy"], ["patia", "pathy"],
  ["logos", "logists"], ["logo", "logist"], ["loga", "logist"], ["ciones", "tions"], ["cion", "tion"], ["siones", "sions"], ["sion", "sion"], ["sis", "sis"], ["itis", "itis"],
];

/** A summary's list of what the plan does not cover: "Services Your Plan Generally Does NOT Cover: …". */
const EXCLUSION_LIST = /\bServices Your Plan (?:Generally )?Does NOT Cover\b|\bExcluded Services\b/i;

/** Asking in how many days: "how many days", "within how many business days", "¿en cuántos días?". */
const DAYS_ASKED = /\bhow many (?:calendar |business |working )?days\b|\bcuantos dias\b/;
/** A period in days, hours or weeks, or a deadline said in words. */
const SHORT_PERIOD = /\b\d+\s*(?:calendar |business |working )?(?:days?|hours?|weeks?|dias?|horas?|semanas?)\b|\b\d+-(?:day|hour|week)\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|sixty|ninety) (?:calendar |business )?(?:days?|hours?|weeks?)\b|\bimmediately\b|\bmidnight\b|\bas (?:quickly|soon) as\b|\bno later than\b|\bdentro de\b|\binmediatamente\b|\bunlimited\b|\bno (?:day )?limit\b/;

/** The member's own age told: "Tengo 45 años", "I'm 52", "I am 60 years old". */
const AGE_TOLD = /\b(?:tengo|i'?m|i am)\s+(\d{2,3})(?:\s+(?:years?(?: old)?|anos))?(?=\s*[,.;!?]|\s+(?:y|and|years?|anos)\b)/g;

/** Asking when a period ends: "When does my coverage end?", "¿En qué fecha termina…?". */
const PERIOD_END_ASKED = /\b(?:end|ends|ending|expire|expires|run out|runs out|termina|terminar|vence|finaliza|acaba)\b/;
/** A period's end: "11/15/2014 - 11/14/2015", "through 12/31/2025", "ends on…". */
const PERIOD_END_SAID = /\d{1,2}\/\d{1,2}\/\d{2,4}\s*[-–]\s*\d{1,2}\/\d{1,2}\/\d{2,4}|\b(?:through|until|to|ends?(?: on)?|ending)\s+(?:\d{1,2}\/\d{1,2}\/\d{2,4}|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b)/i;

/** Asking how many pairs: "How many pairs of shoes…?", "¿Cuántos pares al año…?". */
const PAIRS_ASKED = /\bhow many pairs\b|\bcuant[oa]s pares\b/;
const PAIRS_SAID = /\bpairs?\b|\bpar(?:es)?\b/i;

/** A generic said not to exist: "(there's no generic)", "there is no generic version", "no hay genérico". */
const NO_GENERIC = /\b(?:there'?s|there is|with) no generic\b(?: (?:version|available|equivalent))?|\bno generic (?:version|is available|available|equivalent)\b|\bno (?:hay|tiene|existe) (?:un |una |versi[oó]n )?gen[eé]ric[oa]\b/gi;

/** Each concept with the broader ones it is a kind of (the vocabulary's `implies`): "#dental-cleaning" → ["#dental"]. */
const NARROWER_KINDS: [string, string[]][] = INSURANCE_VOCABULARY.flatMap((entry) =>
  "implies" in entry && entry.implies ? [[`#${entry.id}`, entry.implies.map((id) => `#${id}`)] as [string, string[]]] : [],
);

/** The vocabulary's concepts a question asks about even when named in everyday words (`named`), as "#id". */
const NAMED_CONCEPTS = new Set(INSURANCE_VOCABULARY.filter((entry) => "named" in entry && entry.named === true).map((entry) => `#${entry.id}`));
/** A unit that is a list of bulleted items: "· Abdominal aortic aneurysm screening · Alcohol misuse counseling …". */
const BULLETED = /^\s*[·•]\s/;
/** A cell that names a drug tier: "… · Tier: Tier 3 (Preferred Brand)". */
const TIER_CELL = /\bTier:\s*Tier\b/;
/** A question naming an example ("the having-a-baby example", "en el ejemplo de tener un bebé"), not giving one. */
const ASKS_EXAMPLE = /(?<!\bfor )\bexamples?\b|(?<!\bpor )\bejemplos?\b/;
/** A question naming the coverage examples as such. */
const COVERAGE_EXAMPLE_NAMED = /\bcoverage examples?\b|\bejemplos? de cobertura\b/;
/** A worked example inside a sentence: "For example, if an out-of-network hospital charges $1,500…". */
const WORKED_EXAMPLE = /\bfor example\b|\bpor ejemplo\b/i;
/** A coverage example's passage: its rows ("Sample care costs › …", "Patient pays › …"), what it includes and assumes. */
const EXAMPLE_PASSAGE = /\bcoverage examples?\b|\bsample care costs\b|\bpatient pays\b|\bplan pays\b|\bwould pay\b|\btotal example cost\b|\bexample event\b|\bamount owed to providers\b|\bin this example\b|\bhaving a baby\b|\bsimple fracture\b|\btype 2 diabetes\b/i;
/** "from the first dollar", "only after I've paid my deductible", "¿antes del deducible?": whether the deductible comes first. */
const DEDUCTIBLE_ORDER_ASKED =
  /\bfirst dollar\b|\bfrom day one\b|\b(?:before|after|until) (?:i(?:'ve| have| ve)? (?:paid|met|meet|hit|reach(?:ed)?)|paying|meeting|hitting) (?:my|the|our) (?:\$[\d,]+ )?deductible\b|\bdeductible (?:first|kicks? in)\b|\b(?:antes|despues) de (?:pagar |cubrir |alcanzar )?(?:el|mi) deducible\b/;
/** A passage that says how the deductible applies: "after your deductible has been met", "after ded.", "deductible waived". */
const DEDUCTIBLE_ORDER_SAID =
  /\bafter (?:your|the) (?:\w+ )?deductible\b|\bdeductible (?:has been|is) met\b|\bafter ded\b|\bdeductible (?:does not|doesn't) apply\b|\bbefore (?:you meet|meeting) (?:your|the) deductible\b|\bdeductible (?:is )?waived\b|\bsubject to (?:the |your )?(?:\w+ )?deductible\b/;
/** "How often…?", "¿Cada cuánto (tiempo)…?", "¿Con qué frecuencia…?": a frequency is asked for. */
const HOW_OFTEN = /\bhow often\b|\bhow frequently\b|\bcada cuanto\b|\bcon que frecuencia\b/;
/** A frequency or a period stated: "every 2 years", "once a year", "1 per calendar year", "per 12 months", "every quarter", "unlimited". */
const STATES_FREQUENCY =
  /\bevery\b|\bonce\b|\btwice\b|\bper (?:\d+ )?(?:calendar |plan |benefit )?(?:years?|months?|quarters?|days?|weeks?|period|lifetime)\b|\b(?:a|each) (?:calendar |plan )?(?:year|month|quarter|week)\b|\bannual(?:ly)?\b|\byearly\b|\bquarterly\b|\bmonthly\b|\bunlimited\b|\blifetime\b|\/\s?(?:year|yr|month|calendar year)\b|\bcada\b|\bal (?:ano|mes)\b|\bpor (?:ano|mes)\b|\b\d+\s*(?:years?|months?)\b/;
/** "that screening", "this test", "esa prueba", "ese examen": a thing the story told, asked about. */
const REFERS_TO_TOLD = /\b(?:that|this|those|these) (?:screening|test|exam|procedure|treatment|service|surgery|shot|vaccine|scan|therapy|drug|medication|device|equipment|pill|tablet|visit|appointment)s?\b|\b(?:cover|covers|covered|pay for|pays for) (?:those|these|them)\b|\b(?:esa|ese|esta|este|esos|esas) (?:prueba|examen|procedimiento|tratamiento|servicio|cirugia|operacion|vacuna|terapia|medicina|medicamento|estudio|equipo|pastilla|tableta)s?\b/;
/** "anything like that", "something similar", "algo así", "algo parecido": the thing told, asked about. */
const LIKE_THAT = /\b(?:anything|something|any(?:thing)? benefit|a benefit) (?:like (?:that|this|it)|similar)\b|\balgo (?:asi|parecido|similar)\b/;
/** "What's my share…?", "what share…", "our share": the member's part of a cost, asked. */
const SHARE_ASKED = /\bwhat(?:'s| is| would be| will be)? (?:my|our|his|her|their|the member's|the patient's) share\b|\bwhat share\b|\b(?:my|our|his|her|their) share (?:of|for|be|is|would|will)\b/;
/** Told that the care is no emergency: "It's not an emergency", "(not an emergency)", "no es una emergencia". */
const NO_EMERGENCY = /\b(?:it'?s|it is|this is|that'?s|is|isn'?t|was)\s+not\s+(?:an?\s+)?emergency\b|\(not an emergency\)|\bno (?:es|sea|era) (?:una )?emergencia\b|\bnon-?emergency\b/;
/** The words that ask for a phone number: "number", "phone", "telephone" (stemmed). */
const PHONE_WORDS = new Set(["number", "phon", "telephon"]);
/** Permissions a member may need before care: a referral, a prior authorization. */
const PERMISSIONS = ["#referral", "#prior-authorization"];
/** Asked whether something is needed: "Do I need…?", "Is a referral required?", "¿Necesito…?", "¿Hace falta…?". */
const NEED_ASKED =
  /\b(?:do|does|will|would|should) (?:i|we|he|she|they|you|my [a-z]+) (?:still |first |also )?(?:need|have to (?:get|have)|require)\b|\b(?:is|are) (?:a |an |any )?[a-z -]{0,30}(?:required|needed|necessary)\b|\bnecesit\w*\b|\bhace(?:n)? falta\b|\bse (?:requiere|necesita)\b|\btengo que (?:tener|pedir|sacar|conseguir)\b/;
/** A question asking how amounts relate: whether one counts toward another, a cost is waived, an amount starts over. */
const RELATION_ASKED =
  /\bcount(?:s|ed|ing)? (?:toward|towards|against)\b|\beat(?:s|ing)? into\b|\bcuenta(?:n)? (?:para|hacia|contra)\b|\bwaived?\b|\bse (?:exonera|perdona|cancela)\b|\bstarts? over\b|\bresets?\b|\bse reinicia\b|\bvuelve a empezar\b/;
/** A network tier said: "In-Network Provider", "non-network", "preferred providers", "participating". */
const TIER_SAID = /\bnetwork\b|\bpreferred\b|\bparticipating\b|\bde la red\b/i;
/**
 * A sentence stating how: "…don't count toward the out-of-pocket limit", "Copay is waived if admitted", "Limited to 60
 * visits per year", "per calendar year".
 */
const RELATION_STATED =
  /\bcount(?:s|ed)?\b|\btowards?\b|\bwaived?\b|\bappl(?:y|ies) (?:to|toward)\b|\bseparate(?:ly)?\b|\bcombined\b|\bin addition to\b|\bincluded? in\b|\bincludes?\b|\bdoes not apply\b|\blimited to\b|\b(?:calendar|plan|policy|benefit|contract) year\b|\bresets?\b|\bstarts? over\b|\brenews?\b/i;
/** Whether a quote (with its section) says how amounts relate (RELATION_STATED). */
const statesRelation = (quote: Quote) => RELATION_STATED.test(`${quote.source.context ?? ""}\n${quote.sentence}`);
/** A calendar year: "2026". */
const YEAR = /\b(?:19|20)\d\d\b/g;
/**
 * A plan year after the document's own: "the next plan year", "the plan year that starts in November 2014", "when it
 * renews on 11/1/2015", "el siguiente periodo", "el año que viene". ("For the next year" is a stretch of time, which
 * the plan's figures of today answer.)
 */
const NEXT_PERIOD =
  /(?<!\bthe )\b(?:next|following|upcoming|coming) year\b|\b(?:next|following|upcoming|coming|new) (?:plan|coverage|policy|benefit|contract) (?:year|period)\b|\b(?:plan|coverage|policy|benefit) (?:year|period) that (?:starts|begins)\b|\bwhen (?:it|the plan|our plan|my plan|this plan|coverage) renews\b|\b(?:siguiente|proximo|nuevo) (?:periodo|ano)\b|\b(?:periodo|ano) (?:siguiente|proximo|que viene)\b|\b(?:periodo|ano) (?:del plan |de cobertura )?que (?:empieza|comienza|inicia)\b/;
/** A figure asked of the future: "What will the deductible be…?", "How much will it go up?", "¿De cuánto va a ser…?". */
const WILL_BE =
  /\bwhat will\b|\bhow much will\b|\bwill (?:it|they|(?:the|my|its) [a-z -]{1,60}?) (?:be|go up|change|cost|increase)\b|\b(?:va|van) a (?:ser|costar|subir|cambiar)\b|\bseran?\b/;
/** A passage speaking of the plan's next year: "Benefits … may change on January 1, 2026", "next year's benefits". */
const NEXT_YEAR_SAID = /\bnext (?:plan )?year\b|\bupcoming year\b|\bproximo ano\b|\bano (?:proximo|siguiente)\b/i;
/** A passage saying which providers or brands alone are covered: "only covers hearing aids from…", "We only cover Accu-Chek® and OneTouch® brands". */
const ONLY_FROM = /\bonly (?:covers?|pays? for)\b[^.;]{0,60}\b(?:from|through|at|brands?)\b|\bonly cover\b[^.;]{0,60}\bbrands?\b|\bother brands are not covered\b|\b(?:fills|refills|prescriptions) must be (?:filled |obtained |purchased )?(?:through|at|from)\b/i;
/** The kinds of drug a tier holds: "generic", "brand", "specialty", "non-preferred". */
const DRUG_KINDS = ["#generic-drugs", "#brand-drugs", "#specialty-drugs", "#non-preferred-drugs"];
/** A drug tier named by its number: "tier 1", "nivel 3" (the number is group 1). */
const TIER_NAMED = /\b(?:tier|nivel)\s*(\d)\b/;
/** A kind named by its number: "type 1 diabetes", "diabetes tipo 2" (the number is group 1). */
const TYPE_NAMED = /\b(?:type|tipo)\s+([12])\b/;
const TYPES_NAMED = new RegExp(TYPE_NAMED.source, "g");
/** Asking how long the member has to act: "How long do I have to appeal?", "¿Cuántos días tengo para apelar?". */
const MEMBER_DEADLINE_ASKED =
  /\bhow (?:long|many (?:calendar )?days|much time) do (?:i|we) have to (?:appeal|file|ask|request|submit|send|mail|make|get|turn)\b|\bdeadline (?:to|for) (?:appeal|filing|file|ask|request|submit|send)|\bcuant[oa]s? (?:dias|tiempo|meses) (?:tengo|tenemos|tiene) para (?:apelar|presentar|pedir|solicitar|mandar|enviar|hacer|reclamar)\b/;
/** The member's own deadline in a passage: "You must make your appeal request within 65 calendar days…". */
const MEMBER_DEADLINE = /\byou (?:must|have to|need to|should|can|may) (?:[\p{L}’'-]+ ){0,8}?within\b|\byou have (?:\d+|up to \d+) (?:calendar )?(?:days|months)\b|\byou must (?:[\p{L}’'-]+ ){0,10}?(?:no later than|by)\b/iu;
/** Asking how long the plan has to answer: "How long does the plan have to answer?", "¿En cuántos días me tienen que contestar?". */
const PLAN_DEADLINE_ASKED =
  /\bhow (?:long|many (?:calendar )?days|quickly|soon|fast) (?:does|do|will|must) (?:the plan|the company|uhc|unitedhealthcare|they|it) (?:have to )?(?:answer|respond|decide|reply|give|get back|make)|\b(?:en )?cuant[oa]s? (?:dias|tiempo|horas) (?:me |nos |le )?tiene(?:n)? que (?:contestar|responder|dar|decidir)\b/;
/** The plan's own deadline in a passage: "we must give you our answer within 7 calendar days", "…decisions are made within 24 hours". */
const PLAN_DEADLINE = /\b(?:we|the plan|the review organization|the reviewer|it) (?:must|will|has to) (?:[\p{L}’'-]+ ){0,6}?(?:answer|decision|respond|decide|tell you)\b|\b(?:decisions?|answers?)\b[^.]{0,30}\b(?:made|given)\s+within\b/iu;
/** A question about appeals or coverage decisions. */
const APPEAL_TALK = /\bappeal|\bapela|\bdecision\b/;
/** Asking about the fast kind: "a fast appeal", "an expedited decision", "la apelación rápida". */
const FAST_ASKED = /\b(?:fast|expedited|rush|urgent|rapid[ao]|urgente|acelerad[ao])\b/;
/** Asking about the standard kind, or saying it is not the fast one: "the regular appeal (not a rush one)", "la normal, no la rápida". */
const STANDARD_ASKED = /\b(?:standard|regular|normal|estandar)\b|\bnot (?:a |an |the )?(?:fast|rush|expedited|urgent)\b|\bisn'?t (?:a |an )?(?:fast|rush|urgent)\b|\bno (?:la |el |es |una |un )?(?:rapid[ao]|urgente)\b/;
/** A sentence about the fast kind, and one about the standard kind. */
const FAST_SAID = /\bfast\b|\bexpedited\b/i;
const STANDARD_SAID = /\bstandard\b/i;
/** A question about a drug, and one about medical care. */
const DRUG_TALK = /\bpart d\b|\bparte d\b|\bdrugs?\b|\bprescriptions?\b|\bmedications?\b|\bmedicamentos?\b|\bmedicinas?\b|\brecetas?\b|\brx\b|\bpills?\b|\bpastillas?\b/;
const MEDICAL_TALK = /\bsurgery\b|\bsurgeries\b|\bcirugias?\b|\boperacion\b|\bprocedures?\b|\bprocedimientos?\b|\bmedical (?:care|services?|items?)\b|\bmri\b|\bresonancia\b|\bscans?\b|\btherapy\b|\bterapia\b|\bhospital\b/;
/** An Evidence of Coverage's sections on appeals for medical care, and on those for Part D drugs. */
const MEDICAL_SECTION = /\byour medical care\b/i;
const DRUG_SECTION = /\byour part d prescription drugs\b/i;
/** An asked part that refers to what the story told: "…cover it", "¿…me la cubre?", "…pay for that?", "What tier is it on?". */
const REFERS_TO_IT = /\b(?:cover|covers|covered|pay for|pays for|paid for)\s+(?:it|them|that|this)\b|\b(?:cover|covers|pay for|pays for)\s+(?:the|that|this|those|these)\s+(?:surgery|procedure|operation|treatment|treatments|procedures)\b|\b(?:cubre|cubren|paga|pagan)\s+(?:esa|ese|esta|este|la|el|esas|esos)\s+(?:cirugia|operacion|procedimiento|tratamiento|tratamientos|procedimientos)\b|\b(?:buy|purchase)\s+(?:those|these|them|it)\b|\b(?:comprarlos|comprarlas|comprarlo|comprarla)\b|\b(?:tier|level)\s+(?:is|are)\s+(?:it|they)\b|\b(?:lo|la|los|las|me lo|me la|me los|me las|se lo|se la)\s+(?:cubre|cubren|paga|pagan)\b/;
/** A row's cell that opens with the out-of-network tier's name as its first words: "— Plan 004: Out-of-Network Supplemental…". */
const OUT_OF_NETWORK_CELL = /^[^—]*—\s*(?:[^:;]{0,80}:\s*)?Out-of-Network(?::\s*|\s+(?!(?:and|&|or)\b))[A-Z]/;
/** A program or plan named in quotation marks: "a 'hospital at home' program", "un plan que se llama 'Premier PPO 3'". */
const QUOTED_NAME = /\b(?:called|named|se llama|llamad[oa])\s+['‘“"]([^'’”"?]{3,40})['’”"]|(?<![\p{L}])['‘“"]([^'’”"?.]{3,40})['’”"]\s+(?:programs?|programas?)\b/giu;
/** A row's cell of the network tier alone, with the row and plan it is of: "Diagnostic Services — … (Plan 004): In-Network: X-rays…". */
const IN_NETWORK_CELL = /^([^—]*—\s*(?:[^:;]{0,80}:\s*)?)In-Network:\s*[A-Z]/;
/** A name written as capitalised words joined by hyphens: "One-Touch", "Accu-Chek". */
const HYPHENED_NAME = /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+/gu;
/** A form's expiry in a document's footer: "Expiration date: 05/31/2026". */
const FORM_EXPIRES = /\bexpiration date:?\s*\d{1,2}\/\d{1,2}\/\d{4}/gi;
/** A name owning what follows, after a preposition: "of Health Net's preferred providers", "in Aetna's network". */
const OWNER_NAME = /\b(of|for|from|with|in|on|to)\s+(?:\p{Lu}[\p{L}&-]*\s+){0,3}(?!(?:What|Who|How|Where|When|Which|That|It|There|Here|He|She|Let)['’])\p{Lu}[\p{L}&-]*['’]s\s+(?=\p{Ll})/gu;

/** Verbs of a doctor's ordering or advice: "wants", "referred", "me recetó". */
const ORDERING_VERBS =
  "wants|wanted|says|said|ordered|orders|recommended|recommends|referred|prescribed|told|suggested|quiere|dice|dijo|mand[oó]|orden[oó]|recomend[oó]|recomienda|recet[oó]|indic[oó]";
/** A doctor's word before a verb of ordering or advice: "my cardiologist wants…", "el cardiólogo me recetó…". */
const ORDERED_BY = new RegExp(String.raw`([\p{L}-]+)\s+(?:(?:me|le|nos)\s+)?(?:${ORDERING_VERBS}|thinks)\b`, "giu");

/**
 * The kind of doctor who ordered or referred ("my vascular doctor referred me…", "mi médico vascular me mandó…"): who,
 * told by a word the documents need not repeat.
 */
const ORDERER_KIND = new RegExp(
  String.raw`\b(?:my|his|her|our|their|the|mi|su)\s+(?:([\p{L}-]+)\s+(?:doctor|doc|physician|surgeon|specialist|provider)|(?:m[eé]dico|doctora?|cirujan[oa]|especialista)\s+([\p{L}-]+))\s+(?:(?:me|le|nos|has|have|had|just)\s+)?(?:${ORDERING_VERBS}|refers|sent|remiti[oó]|refiri[oó])(?![\p{L}\p{N}])`,
  "giu",
);

/** "…referred me to…", "…me refirió a…": the doctor's referral, told. */
const REFERRED_TO = /\b(?:referred|refers|sent)\s+(?:me|him|her|us|them)\s+to\b|\b(?:me|le|lo|la|nos)\s+(?:refiri[oó]|remiti[oó]|mand[oó])\s+a\b/iu;

/** The concepts a question names by a person who gives care ("counselor", "therapist", "psicóloga"), by the word's ending. */
function personConcepts(question: string): Set<string> {
  const words = tokenize(question);
  const persons = new Set<string>();
  for (const match of findConcepts(words)) {
    const named = words.slice(match.start, match.end);
    if (named.length > 0 && named.every((word) => FILLER_WORDS.has(word) || PERSON_NOUN.test(word))) persons.add(`#${match.concept.id}`);
  }
  return persons;
}

/** A noun for a person by its ending: "counselor", "therapist", "dietitian", "psicólogo", "terapeuta", "consejero". */
const PERSON_NOUN = /(?:[^aeiou]or|ors|ist|ists|ian|ians|olog[oa]s?|ista|istas|euta|eutas|consejer[oa]s?|enfermer[oa]s?)$/;

/** The doctor named after the verb, as Spanish tells it: "…la tomografía que me pidió el gastroenterólogo". */
const ORDERED_AFTER = /\b(?:me|le|nos)\s+(?:pidi[oó]|recet[oó]|mand[oó]|orden[oó]|indic[oó]|recomend[oó]|refiri[oó])\s+(?:el|la|mi|su)\s+([\p{L}-]+)/giu;

const SPECIALIST = "#specialist";

function ordererKinds(question: string): Set<string> {
  const kinds = new Set<string>();
  for (const match of question.matchAll(ORDERER_KIND)) {
    for (const token of contentTokens(match[1] ?? match[2] ?? "").keys()) if (!token.startsWith("#")) kinds.add(token);
    // ("My lung doctor wants me…": the kind and the word after it name a specialist, who ordered.)
    if (contentTokens(match[0]).has(SPECIALIST)) kinds.add(SPECIALIST);
  }
  for (const match of question.matchAll(ORDERED_AFTER)) {
    const doctor = normalize(match[1] ?? "");
    if (PERSON_NOUN.test(doctor)) for (const token of contentTokens(doctor).keys()) if (!token.startsWith("#") || token === SPECIALIST) kinds.add(token);
  }
  // (So does the one word before the verb when it is a specialist's: "Mi reumatóloga me recetó…", "el otorrino me mandó…".)
  for (const match of normalize(question).matchAll(ORDERED_BY)) if (contentTokens(match[1] ?? "").has(SPECIALIST)) kinds.add(SPECIALIST);
  return kinds;
}

function orderingDoctors(question: string): Set<string> {
  const doctors = new Set<string>();
  for (const match of question.matchAll(ORDERED_BY)) for (const token of contentTokens(match[1] ?? "").keys()) if (token.startsWith("#")) doctors.add(token);
  return doctors;
}

/** Who gives care, named after "with" ("a yearly physical with my in-network PCP", "una consulta con mi médico"). */
const GIVEN_BY =
  /\b(?:with|con)\s+(?:(?:my|a|an|the|our|his|her|mi|un|una|el|la|su|nuestro)\s+)?(?:(?:in-network|network|new|regular|usual|own|preferred|participating|de la red)\s+)?((?:[\p{L}-]+\s+)?[\p{L}-]+)/giu;
/** ", like a routine refill,", ", such as…", ", por ejemplo…": an example, up to the next comma or the end. */
const EXAMPLE = /,\s*(?:like|such as|for example|for instance|e\.g\.|por ejemplo|como por ejemplo)\s+[^,?.!]+/g;
/** "bolded words like 'coinsurance' and 'allowed amount'": words the member names as examples of the words asked about. */
const WORD_EXAMPLES = /\b(?:words|terms|palabras|terminos)\s+(?:like|such as|como)\s+[^,?.!]+/g;
/** A clinic named by its network tier: "a preferred clinic", "una clínica de la red". */
const TIER_PLACE = /\b(?:preferred|participating|in-network|network|non-preferred|out-of-network|non-network)\s+clinics?\b|\bclinicas?\s+(?:preferid[ao]s?|de la red|fuera de la red|participantes?)\b/g;
/**
 * A place a price is compared with: "more than we would at a preferred hospital", "más que si hubiera sido un hospital
 * de la red". (A place only: "more than I would have at an in-network ER" compares the care itself across tiers.)
 */
const COMPARED_PLACE =
  /\b(?:more|less|higher|lower|cheaper)\s+than\b[^?.!]*?\b(?:at|in|to)\s+(?:an?|the)\s+((?:[\p{L}-]+\s+){0,2}(?:hospital|clinic|facility|center|centre)s?)\b|\b(?:mas|menos)\s+(?:de lo\s+)?que\b[^?.!]*?\b(?:un|una|el|la)\s+((?:hospital|clinica|centro)(?:\s+[\p{L}]+){0,3})/gu;
/** A hospital told as a place: "the hospital", "a hospital that isn't…", "el hospital", "un hospital que no es de la red". */
const ER_HOSPITAL = /\b(?:the|that|this|a|an|el|ese|este|un)\s+hospital\b/;
/** Bills told as how much care was had: "If my daughter racks up big bills in January, does she have to meet…?". */
const BILLS_RUN_UP = /\b(?:big|huge|large|high|lots of|a lot of|expensive|major)\s+(?:medical\s+|hospital\s+)?bills\b|\brack(?:s|ed|ing)?\s+up\b/;
/** A stay told: "they admitted her", "an overnight stay", "la internaron", "se quedó hospitalizado". */
const STAY_TOLD = /\badmit|\bstay|\bovernight|\binpatient|\bintern[ao]|\binternar|\bhospitaliz|\bquedar|\bnoches?\b/;
/** What an allowance is asked to buy: "…to buy a home blood pressure monitor?", "…para comprar lentes para leer…" (not "things"). */
const ALLOWANCE_ITEM = /\b(?:to buy|to purchase|para comprar)\s+((?:(?:an?|some|the|unos?|unas?|los|las|el|la)\s+)?(?!(?:things|stuff|items|products|cosas|productos|articulos)\b)[^?.!,;]{3,60})/;
/** Whether an allowance may be spent so: "can I use my OTC credit…", "¿Puedo usar la asignación…?", "¿Se puede gastar…?". */
const CAN_SPEND = /\b(?:can|could|may)\s+(?:i|we|she|he|you|my [a-z]+)\s+(?:use|spend)\b|\b(?:puedo|podemos|puede|podria|se puede)\s+(?:usar|gastar|utilizar)\b/;
/** A purpose said after what is asked: "so I don't miss doses", "so that it arrives in time", "para que me llegue a tiempo". */
const PURPOSE = /\bso (?:that )?(?:i|we|he|she|they|it|my [a-z]+) (?:don't|do not|won't|will not|can|can't|could|will|would|get|have)\b[^?.!,;]*|\bpara que\b[^?.!,;]*/g;
/** Why the care is needed, said at a sentence's start: "Because of my diabetes…", "Due to his COPD…", "Por mi diabetes…". */
const REASON_TOLD = /(?:^|[.!?]\s+|¿|¡)(?:because of|due to|por|debido a|a causa de)\s+(?:my|his|her|our|mi|su|sus|mis)\s+([\p{L}'-]+(?:\s+\d)?)/giu;
/** An illness told as what the member has, at a sentence's start: "I'm diabetic and…", "Soy diabético y…", "Tengo diabetes con…". */
const ILLNESS_HAD =
  /(?:^|[.!?]\s+|¿|¡)(?:i'?m|i am|soy|he'?s|she'?s)\s+(?:an?\s+)?(diabetic|diabetico|diabetica|asthmatic|asmatico|asmatica)\b|(?:^|[.!?]\s+|¿|¡)(?:i have|i've got|tengo|he has|she has|tiene)\s+(?:type \d |tipo \d )?(diabetes|asthma|asma|copd|epoc)\b/g;
/**
 * The illnesses ILLNESS_HAD tells in a normalized question that it names once: named again ("…por lo de la retinopatía
 * diabética"), it is what the care is for.
 */
function illnessesHad(normalized: string): string[] {
  const stems = tokenize(normalized).map(stem);
  return [...normalized.matchAll(ILLNESS_HAD)]
    .map((match) => match[1] ?? match[2] ?? "")
    .filter((illness) => stems.filter((word) => word.slice(0, 6) === stem(illness).slice(0, 6)).length < 2);
}

/**
 * A ride and where it goes: "rides to my doctor appointments", "transportation to and from dialysis", "transporte para ir
 * a mis citas", "la ambulancia que me lleva al hospital".
 */
const DESTINATION =
  /\b(?:rides?|transportation|transport|taxis?|shuttle|transporte|ambulances?|ambulancias?)\s+(?:(?:that|which|que)\s+(?:(?:me|lo|la|le|nos|los)\s+)?(?:takes?|took|will take|lleva|llevaria|llevo|llevan|llevaron)\s+(?:(?:me|him|her|us|them)\s+)?)?(?:(?:para\s+(?:ir|llegar)|to\s+(?:get|go))\s+)?(?:to and from|to|from|a|al|hasta)\s+(?:(?:my|his|her|our|the|a|an|mi|mis|su|sus|la|las|el|los)\s+)?([\p{L}' -]+?)(?=[?.,!;]|\s+(?:and|but|because|y|pero|porque)\s|$)/gu;
/**
 * A psychiatric hospital or a mental health stay named: "psychiatric hospital", "a psych unit", "hospital
 * psiquiátrico", "Mental health › Inpatient visit", "Mental/Behavioral health inpatient services".
 */
const PSYCHIATRIC = /\bpsychiatric\b|\bpsych\b|\bpsiquiatric[oa]s?\b|\b(?:mental|behavioral)(?:\s*\/\s*behavioral)? health\b|\bsalud mental\b/;
/** A surgery center named: "Ambulatory Surgery Center", "surgery center", "centro de cirugía ambulatoria", "ASC". */
const SURGERY_CENTER = /\b(?:ambulatory )?surg(?:ery|ical) cent(?:er|re)s?\b|\bcentros? de cirugia(?: ambulatoria)?\b|\basc\b/;
/** Surgery told by its noun or its verb: "surgery", "cirugía", "una operación", "me van a operar", "to operate". */
const SURGERY_TOLD = /\bsurg|\bcirug|\boperaci|\boperat(?:e|ed|es|ing|ion)\b|\bopera(?:r|rme|rle|n)\b/;
/** A preferred brand asked about: "preferred brand", "marca preferida". */
const PREFERRED_ASKED = /\bpreferred brand\b|\bmarca preferida\b|\bpreferred (?:brand-name|name-brand)\b/;
/** "the coverage examples", "los ejemplos de cobertura". */
const NAMES_EXAMPLES = /\bcoverage examples?\b|\bejemplos? de cobertura\b|\b(?:that|this|these|those|plan'?s)\s+examples?\b|\b(?:ese|este|esos|estos)\s+ejemplos?\b|\bel ejemplo del plan\b/;
/** "that visit", "esa consulta": a thing the question refers back to. */
const REFERS_BACK = /\b(?:that|those|esa|ese|esas|esos|dicha|dicho)\s+[a-z-]+/g;
/** "…with my daughter", "con mi esposo": who the member is with. */
const COMPANION = /\b(?:with|con)\s+(?:my|our|mi|mis|nuestro|nuestra|nuestros)\s+([\p{L}-]+)/giu;
/** The concepts that name who gives care: the one named after "with" is who, not what is asked about. */
const GIVERS = ["#primary-care", "#specialist", "#doctor", "#provider"];

function givingDoctors(question: string): Set<string> {
  const givers = new Set<string>();
  for (const match of question.matchAll(GIVEN_BY)) for (const token of contentTokens(match[1] ?? "").keys()) if (GIVERS.includes(token)) givers.add(token);
  return givers;
}

/**
 * A question that offers alternatives ("Does it carry over, or when does it expire?", "¿Se acumula, o cuándo
 * vence?") is answered by either: when the whole finds nothing, the quotes for the first alternative that names a
 * subject of its own, asked with the story told before it.
 */
function alternativeQuotes(question: string, sources: Source[]): Quote[] {
  const asking = questionSentences(question).filter(asks);
  if (asking.length !== 1) return [];
  const parts = (asking[0] ?? "").split(ALTERNATIVE_ASK).map((part) => part.trim().replace(/^¿/, "")).filter((part) => part !== "");
  if (parts.length < 2) return [];
  const told = questionSentences(question).filter((sentence) => !asks(sentence)).join(" ");
  // (An alternative that names a thing asked about by name that no passage names, "…or does it have to go through
  // workers' comp first?", asks what the documents do not say: the other alternative's row does not answer it.)
  // (The passages' words are read once, and only when an alternative names such a thing.)
  let said: ReadonlyMap<string, number>[] | undefined;
  const unsaid = (token: string) => {
    said ??= sources.map((source) => contentTokens(`${source.context ?? ""}\n${source.text}`));
    return !said.some((tokens) => tokens.has(token));
  };
  const namedMissing = (text: string) => [...contentTokens(text).keys()].some((token) => NAMED_CONCEPTS.has(token) && unsaid(token));
  if (parts.some(namedMissing)) return [];
  // (Nor does one that asks whether someone no passage names is in the network, "Is Rady Children's a preferred
  // provider…, or would his surgery there be out of network?": the other is the same question's other answer.)
  // (So is a place told, "…operates at Flagstaff Medical Center. Is that hospital in network…?".)
  const wordUnsaid = (terms: Iterable<string>) => [...terms].some((term) => !term.startsWith("#") && unsaid(term));
  const tierAsked = parts.some((part) => asksNetwork(part) !== null || [...contentTokens(part).keys()].some((token) => NETWORK_TIERS.includes(token)));
  if (tierAsked && (wordUnsaid(businessesNamed(told)) || parts.some((part) => wordUnsaid(requiredTerms(`${told} ${part}`))))) return [];
  for (const part of parts) {
    const asked = /[?]\s*$/.test(part) ? part : `${part}?`;
    if (specificTerms(asked).length === 0) continue;
    const quotes = selectQuotes(`${told} ${asked}`.trim(), sources);
    if (quotes.length > 0) return quotes;
  }
  return [];
}

/** An asking sentence's alternative after ", or" / ", o" ("Does it carry over, or when does it expire?"). */
const ALTERNATIVE_ASK = /,\s+(?:or|o)\s+(?=(?:what|what's|how|is|are|do|does|can|could|will|would|which|when|where|should|qu[eé]|cu[aá]nd[oa]|cu[aá]nt[oa]s?|c[oó]mo|puedo|hay|tengo|es|son|se|necesito)(?![\p{L}\p{N}]))/iu;

/** The best sentences for the question, best first, at most MAX_SENTENCES (MAX_LIST_QUOTES for a list of services), none below MIN_OVERLAP. */
export function selectQuotes(question: string, sources: Source[], network: Network | null = asksNetwork(question), askedRole: Role | null = asksRole(question)): Quote[] {
  const normalized = normalize(question);
  // Where a place is nearest the member ("¿Cuál es el hospital de la red más cercano a mi casa?") depends on where
  // they live, which no plan document says.
  if (NEAREST.test(normalized) || NEAREST_HOME.test(normalize(questionSentences(question).filter(asks).join(" ")))) return [];
  if (OWN_TOTALS.test(normalized) && !sources.some((source) => CLAIM_STATEMENT.test(source.text))) return [];
  if (DIRECTORY.test(normalized) && !LOOK_UP.test(normalized)) return [];
  // What a figure will be in a plan year after the document's ("What will the deductible be for the plan year that
  // starts in November 2014?") no passage says unless one speaks of the next year: a plan's summary gives its own year.
  if (NEXT_PERIOD.test(normalized) && WILL_BE.test(normalized) && !sources.some((source) => NEXT_YEAR_SAID.test(normalize(source.text)))) return [];
  // A year asked about ("What will my specialist copay be in 2026?") that no passage names is one the documents do
  // not cover: a plan's 2025 summary does not say what 2026 will cost.
  const years = normalized.match(YEAR) ?? [];
  // (The date a form expires, printed in every SBC's footer, "OMB control number: 0938-1146/Expiration date: 05/31/2026",
  // is the form's, not the plan's.)
  // (Nor is a year a passage gives in passing for something else, "Effective January 1, 2024" over a privacy notice:
  // the passage that names the year must name one of the things asked about, or be dated by it, the document's own
  // year: in its title, or more than once, "Summary of Benefits 2025 · January 1, 2025 - December 31, 2025".)
  // (The terms the asked part requires, read once: here, for the plan's own figure and for what must be found below.)
  // Asked whether an allowance buys a thing ("can i use my $40 otc credit each quarter to buy a home blood pressure
  // monitor?", "¿Los puedo comprar con la asignación de OTC?" of "pañales para adultos"), the thing is asked about too:
  // a passage that lists what the allowance buys must name it.
  // (The question's concepts, read once for the whole selection.)
  const questionConcepts = contentTokens(question);
  const allowanceBuys = questionConcepts.has("#over-the-counter") && CAN_SPEND.test(normalized) ? (normalized.match(ALLOWANCE_ITEM)?.[1] ?? "") : "";
  const allowanceItem = allowanceBuys === "" ? [] : specificTerms(allowanceBuys);
  const askedTerms = [...requiredTerms(question), ...allowanceItem];
  const yearConcepts = years.length > 0 ? askedTerms.filter((term) => term.startsWith("#")) : [];
  const givesYear = (source: Source, year: string) => {
    if ((source.context ?? "").includes(year)) return true;
    const named = source.text.replace(FORM_EXPIRES, " ").split(year).length - 1;
    if (named === 0) return false;
    if (named > 1 || yearConcepts.length === 0) return true;
    const tokens = contentTokens(`${source.context ?? ""}\n${source.text}`, BROADER);
    return yearConcepts.some((term) => tokens.has(term));
  };
  if (years.some((year) => !sources.some((source) => givesYear(source, year)))) return [];
  // A kind asked by its number, "type 1 diabetes", is not the one a coverage example gives another number ("Managing
  // Joe's type 2 Diabetes"): asked what the example would come to, documents that give only the other do not say.
  const typeAsked = /\bexamples?\b|\bejemplos?\b/.test(normalized) ? TYPE_NAMED.exec(normalized)?.[1] : undefined;
  if (typeAsked !== undefined) {
    const typesGiven = sources.flatMap((source) => [...normalize(`${source.context ?? ""}\n${source.text}`).matchAll(TYPES_NAMED)].map((m) => m[1]));
    if (typesGiven.length > 0 && !typesGiven.includes(typeAsked)) return [];
  }
  const available = new Set<string>();
  for (const source of sources) for (const token of contentTokens(`${source.context ?? ""}\n${source.text}`, BROADER).keys()) available.add(token);
  // A list of what the plan does not cover that names a kind of care ("Services Your Plan Generally Does NOT Cover: …
  // Dental care (Adult)…") answers for the kinds of care under it too: a dental cleaning is dental care it does not
  // cover. (Kinds of care only: a charge is no kind of a bill the list names.)
  // (The list's kinds are written for adults, "Dental care (Adult)": a child's sealants are not among them.)
  const childTold = questionConcepts.has("#child");
  for (const source of sources) {
    if (childTold || !EXCLUSION_LIST.test(source.text)) continue;
    const tokens = contentTokens(`${source.context ?? ""}\n${source.text}`, BROADER);
    for (const [narrower, broader] of NARROWER_KINDS) if (isService(narrower) && broader.some((term) => tokens.has(term))) available.add(narrower);
  }
  // A brand a passage writes with a hyphen ("One-Touch Test Strips") is the name a member writes as one ("OneTouch").
  for (const source of sources) for (const name of source.text.match(HYPHENED_NAME) ?? []) available.add(tokenize(name).join(""));
  // A word every passage has only in its document's title ("HSA Choice Plus Plan" over every row) says what the
  // document is, not that it answers: "How much can I put in my HSA?" is not answered by the title.
  const passages = sources.map((source) => contentTokens(source.text, BROADER));
  const titleOnly = new Set<string>();
  const asksPlanType = PLAN_TYPE_QUESTION.test(normalized);
  if (sources.length >= 2) {
    const titles = sources.map((source) => contentTokens(source.context?.split(" › ")[0] ?? "", BROADER));
    const said = (token: string) => passages.some((passage) => passage.has(token));
    // (The plan's coverage period is the exception: its dates are printed only in that title. So is the plan's type,
    // asked whether it is an HMO or a PPO: "… | Plan Type: PPO".)
    const printedInTitle = (token: string) => token === "#coverage-period" || (asksPlanType && PLAN_TYPE_WORDS.has(token));
    for (const token of titles[0]?.keys() ?? []) {
      if (!printedInTitle(token) && titles.every((title) => title.has(token)) && !said(token)) {
        available.delete(token);
        titleOnly.add(token);
      }
    }
  }
  // …unless the question names the plan by it ("What will I pay for the visit on this HSA plan?"): then it says whose
  // plan, not what is asked.
  const planName = new Set([...contentTokens((question.match(PLAN_NAME) ?? []).join(" ")).keys()].filter((token) => titleOnly.has(token)));
  // A run of capitalised words that names a plan by its type ("on Health Net PPO Platinum", "the Blue Shield Premier
  // PPO 5 diabetes example") says whose plan too, whether or not a retrieved passage's title prints it.
  for (const run of question.match(NAME_RUN) ?? []) {
    const tokens = [...contentTokens(run).keys()];
    if (tokens.some((token) => PLAN_TYPE_WORDS.has(token))) for (const token of tokens) if (!token.startsWith("#")) planName.add(token);
  }
  // What is asked weighs fully; the situation told around it ("I'm traveling to Europe.", "…to trim my toenails") less.
  // A concept in the question's trailing clause ("…from a mail-order pharmacy") still says what is asked; its plain
  // words ("…to trim my toenails") tell the story.
  const askedText = askedPart(question);
  const askedNormalized = normalize(askedText);
  const asked = contentTokens(askedText);
  const sentences = contentTokens(askedPart(question, { clauses: false }));
  // Statements read as the subject ("My dad has COPD and his doctor ordered pulmonary rehab. What's the copay…?") lend
  // it their concepts; their everyday words ("ordered", "dad") still tell the story…
  const asking = contentTokens(questionSentences(question).filter(asks).join(" "));
  const toldText = toldSubject(question);
  const told = contentTokens(toldText);
  // …but a thing they name outside the vocabulary ("therapeutic shoes with inserts") may be the very subject.
  const toldThings = new Set(specificTerms(toldText));
  // Who ordered or gave the care ("his doctor ordered…") is story too.
  const story = (token: string) =>
    (!token.startsWith("#") || TOLD_STORY.includes(token)) && told.has(token) && !asking.has(token) && !toldThings.has(token);
  // How often or how long, said in that clause ("…every couple of months"), tells the story as its plain words do.
  // Asked whether it is the same or different ("Will she pay the same drug copays that are listed in this booklet?"),
  // the care the story names (her long-term care pharmacy) is what is compared: its concepts are asked about.
  const compared = COMPARES.test(normalize(questionSentences(question).filter(asks).join(" "))) ? contentTokens(question) : new Map<string, number>();
  // Asked about "that screening", "esa prueba", the thing the story named ("…screened for an abdominal aortic aneurysm
  // with an ultrasound") is what is asked about: its own words weigh as the question's.
  const askingText = questionSentences(question).filter(asks).join(" ");
  const askingNormalized = normalize(askingText);
  // (So do the services it named in everyday words: "…see my regular family doctor… Will the plan help with that visit?")
  const toldSentences = questionSentences(question).filter((sentence) => !asks(sentence)).join(" ");
  const referred = REFERS_TO_TOLD.test(askingNormalized)
    ? new Set([...specificTerms(toldSentences).filter((term) => !term.startsWith("#")), ...[...contentTokens(toldSentences).keys()].filter(isService)])
    : new Set<string>();
  const weighs = (token: string) =>
    referred.has(token) ||
    (token.startsWith("#") && !TIME_UNITS.includes(token) && !PEOPLE.includes(token) && compared.has(token)) ||
    (!story(token) && (asked.has(token) || (token.startsWith("#") && !TIME_UNITS.includes(token) && sentences.has(token))));
  // What the question sets aside ("Besides the facility copay, …") is not asked about: a row named after it is not the
  // answer, even where the situation told before the question names it too ("I'm being admitted to a hospital. On top
  // of the daily hospital copay, what do I pay for the surgeon?").
  const kept = contentTokens(askedNormalized.replace(SET_ASIDE, " "));
  const setAside = new Set([...contentTokens((normalized.match(SET_ASIDE) ?? []).join(" ")).keys()].filter((token) => !kept.has(token)));
  // "…will the plan still cover that visit?": a thing named by an everyday word after "that" is the one the story
  // told ("I went to the ER…"), not a second subject.
  const questionTerms = specificTerms(question);
  const named = new Set(questionTerms);
  const referredBack = new Set([...contentTokens((normalized.match(REFERS_BACK) ?? []).join(" ")).keys()].filter((token) => !named.has(token)));
  // "…for something that isn't urgent, like a routine prescription refill, …": an example the member gives is the story.
  const example = new Set([...contentTokens((normalized.match(EXAMPLE) ?? []).join(" ")).keys()].filter((token) => !asked.has(token)));
  for (const token of contentTokens((normalized.match(WORD_EXAMPLES) ?? []).join(" ").replace(/^\S+\s+\S+/, " ")).keys()) example.add(token);
  // Where a ride goes ("rides to my doctor appointments", "transporte a mis citas") is the story: the ride is asked about.
  const destination = new Set([...normalized.matchAll(DESTINATION)].flatMap((match) => [...contentTokens(match[1] ?? "").keys()]));
  for (const token of destination) example.add(token);
  // Why the care is needed, said first ("Por mi diabetes necesito zapatos terapéuticos…", "Because of my asthma I need a
  // nebulizer…"), is the story: the rows named after the illness (its supplies, its classes) are not what is asked.
  // (So is an illness told as what the member has, first: "Soy diabético y el podólogo me recetó zapatos terapéuticos.")
  // (An illness named once is the story even when the asking sentence refers back to the care told: "…I need therapeutic
  // shoes. What do I pay if I get them in network…?")
  const namesNoRow = new Set([
    ...[...question.matchAll(REASON_TOLD)].flatMap((match) => [...contentTokens(match[1] ?? "").keys()]).filter((token) => !asked.has(token)),
    ...illnessesHad(normalized).flatMap((illness) => [...contentTokens(illness).keys()]),
  ]);
  // What the care told is compared with ("…a una sala de emergencias que no es de la red. ¿Nos toca pagar más que si
  // hubiera sido un hospital de la red?") is where else it might have been had: the care told is asked about, not the
  // other place's own rows. (Its network tier is still asked.)
  const comparedWith = new Set(
    [...normalized.matchAll(COMPARED_PLACE)].flatMap((match) => [...contentTokens(match[1] ?? match[2] ?? "").keys()]).filter((token) => !NETWORK_TIERS.includes(token)),
  );
  for (const token of comparedWith) namesNoRow.add(token);
  // The hospital an emergency room is at ("…the closest ER was at a hospital that isn't a preferred provider", "la sala de
  // emergencias de un hospital que no es de la red") says where the ER visit was, not a stay: unless one is told.
  if (questionConcepts.has("#emergency-room") && ER_HOSPITAL.test(normalized) && !STAY_TOLD.test(normalized)) for (const token of contentTokens("hospital").keys()) namesNoRow.add(token);
  // (So does the hospital a member is leaving, "Mom is leaving the hospital and needs about six weeks of rehab in a
  // skilled nursing facility": the care after it is asked about, not the stay.)
  if (HOSPITAL_LEFT.test(normalized) && !HOSPITAL_LEFT.test(askingNormalized)) for (const token of contentTokens("hospital").keys()) namesNoRow.add(token);
  // A place named only to say its network tier ("…what would it cost at a preferred clinic?") says which tier, not what.
  for (const token of contentTokens((normalized.match(TIER_PLACE) ?? []).join(" ")).keys()) if (!token.startsWith("#")) example.add(token);
  const wanted = new Map(
    [...contentTokens(question)]
      .filter(([token]) => !setAside.has(token))
      .map(([token, weight]) => [token, weighs(token) && !(referredBack.has(token) && toldText !== "") && !example.has(token) ? weight : weight * SITUATION_WEIGHT]),
  );
  // "the coverage examples" named by their name (not "for example") is what is asked about: the examples' own passages
  // (what they assume, whom they are for) answer, not the rows that share the question's other words.
  if (NAMES_EXAMPLES.test(normalized) && wanted.has("#coverage-example")) wanted.set("#coverage-example", 1);
  // (…below the story's other things: told too, they are what it needs.)
  for (const token of namesNoRow) if (wanted.has(token)) wanted.set(token, (wanted.get(token) ?? 0) * SITUATION_WEIGHT);
  let total = [...wanted.values()].reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return [];
  // A specific word of the question found in no source ("Ozempic", "implants") means the documents do not say it:
  // quoting the rows that share only the question's other words would answer a different question.
  // Concepts have many wordings and a question often names two ("PCP visit"): one of them found is enough. A plain
  // word outside the vocabulary ("Ozempic") has no other wording, so it must be found itself.
  // Whose deductible it is ("My husband and I are both on this family plan. Does each of us have to meet our own
  // deductible…?") tells the story: a plan's deductible and out-of-pocket limit are written for each member and the
  // family, never for a husband.
  const ofPlan = PLAN_FIGURES.some((term) => asked.has(term));
  // Who the member is with ("I'm spending a few months with my daughter in Texas") is no one the care is for.
  const companions = new Set([...question.matchAll(COMPANION)].flatMap((match) => [...contentTokens(match[1] ?? "").keys()]));
  // "What share of the bill do we pay?" asks what the care told costs the member, not about bills.
  const billPhrase = BILL_SHARE.exec(normalized)?.[0];
  const billShare = billPhrase !== undefined;
  // (…and its words, "the whole bill", say how much of a cost is asked about, not what.)
  // (The care it names, "the ambulance bill", "the anesthesiologist's bill", is still what is asked about.)
  const billWords = (billPhrase ?? "").replace(/\b(the|that|this|my|our|his|her)\s+(?:(?!hospital\b|facility\b|medical\b|whole\b|entire\b|full\b)[a-z-]+(?:'s)?\s+){1,2}(?=bill\b)/, "$1 ");
  for (const token of contentTokens(billWords).keys()) if (wanted.has(token) && !COST_SHARING.includes(token)) wanted.set(token, (wanted.get(token) ?? 0) * SITUATION_WEIGHT);
  // "What's my share…?", "What share do we pay?" asks what the care costs: "share" names nothing a passage must say.
  if (SHARE_ASKED.test(normalized) && wanted.has("shar")) wanted.set("shar", (wanted.get("shar") ?? 0) * SITUATION_WEIGHT);
  // The kind of doctor who referred ("my vascular doctor referred me to…") tells who, not what is asked about; where a
  // ride goes, where.
  const who = new Set([...ordererKinds(question), ...destination]);
  // Being referred to the care ("my doctor referred me to supervised exercise therapy") is how the member got there:
  // the referral is asked about only when the asking sentences name it ("Do I need a referral…?").
  if (REFERRED_TO.test(question) && !asking.has("#referral")) {
    who.add("#referral");
    if (wanted.has("#referral")) wanted.set("#referral", (wanted.get("#referral") ?? 0) * SITUATION_WEIGHT);
  }
  // (So are the bills told before a question about the plan's own figures: "We both have big medical bills this year.
  // … does each of us have our own out-of-pocket limit…?")
  // (And the care told before asking only the plan's figure: "…my wife might need surgery this year. What's the most one
  // person could pay out of pocket in a year…?")
  const asksOnlyPlan = ofPlan && askedTerms.length === 0;
  // (The illness said as why, the care it needs named too, names no row to quote: "Diabetes self-management training"
  // is not the shoes asked about.)
  const needed = questionTerms.some((term) => !namesNoRow.has(term) && isService(term) && !NOT_SERVICES.includes(term));
  const aside = (term: string) =>
    (needed && namesNoRow.has(term)) ||
    ((ofPlan || companions.has(term)) && PEOPLE.includes(term)) || planName.has(term) || ((billShare || (ofPlan && (!asking.has(term) || BILLS_RUN_UP.test(normalized)))) && term === "#bill") || who.has(term) || (asksOnlyPlan && !asking.has(term));
  const specific = questionTerms.filter((term) => !aside(term));
  // Asked whether the plan has "anything like that" ("Some plans pay you a set amount of cash for every day you're in
  // the hospital. Does this plan pay me anything like that…?"), the thing told is what is asked: one of its own words,
  // "cash", must be found.
  const likeTold = LIKE_THAT.test(askingNormalized) ? specificTerms(toldSentences).filter((term) => !term.startsWith("#")) : [];
  if (likeTold.length > 0 && !likeTold.some((term) => available.has(term))) return [];
  // (Asked which brands the plan covers, "¿cubre esa marca o cuáles marcas sí cubre?", a brand told is one of those
  // asked about when a passage names the only brands covered: "We only cover Accu-Chek® and OneTouch® brands".)
  const onlyFrom = sources.some((source) => ONLY_FROM.test(source.text));
  const brandsListed = onlyFrom && BRANDS_ASKED.test(askingNormalized);
  // (An illness named after a doctor before the drug, "My husband's Crohn's medicine…", is why, not which drug.)
  const eponyms = toldConditions(question);
  const toldNamed = new Set(brandsListed ? toldNames(question) : [...toldKinds(question), ...toldNames(question)].filter((kind) => !eponyms.has(kind)));
  // A kind of the asked thing told before the question ("…ears pinned back… purely for looks. Would the plan pay for
  // the surgery?") is what is asked: the cosmetic surgery, not any surgery.
  const toldKindsAsked = toldKindsOfAsked(question);
  for (const kind of toldKindsAsked) if (wanted.has(kind)) wanted.set(kind, Math.max(wanted.get(kind) ?? 0, 1));
  // (Which one the story told, "a cochlear implant", is asked too when the question names it bare: "the implant surgery".)
  const required = [...new Set([...toldKindsAsked, ...askedTerms, ...toldNamed, ...toldQualifiers(question)])].filter((term) => !aside(term));
  // Asked which number to call, a passage with a phone number offers one, whatever it calls the office.
  const needs = wantsNumber(question);
  const asksPhone = needs === "phone";
  if (asksPhone && sources.some((source) => PHONE_GIVEN.test(source.text))) available.add("#customer-service");
  // Asked for an e-mail address, a passage that gives one offers it ("…or helpline@dmhc.ca.gov").
  if (sources.some((source) => EMAIL_ADDRESS.test(source.text))) available.add("#email");
  // So does a passage with a street address asked where to mail something ("…the California Department of Insurance,
  // …, 300 South Spring Street, South Tower, Los Angeles, CA 90013").
  if (needs === "address" && sources.some((source) => ADDRESS.test(source.text))) available.add("#mailing-address");
  const offersContact = (term: string, text: string) =>
    (term === "#customer-service" && asksPhone && PHONE_GIVEN.test(text)) || (term === "#email" && EMAIL_ADDRESS.test(text)) || (term === "#mailing-address" && needs === "address" && ADDRESS.test(text));
  // Once a service the question asks about is found ("a routine eye exam…"), the specific words said after it qualify
  // it or tell the story ("…for myself", "…with an in-network audiologist"), and who pays ("Medicare-covered") is no
  // thing asked about; a word before it names the thing ("Jardiance para la diabetes") and must be found.
  // (The doctor who orders the care, "My neurologist wants to try Botox injections…", is who, not the service asked
  // about: the words after them name the care.)
  const orderedBy = orderingDoctors(question);
  const service = (id: string) => !NOT_SERVICES.includes(`#${id}`) && available.has(`#${id}`) && required.includes(`#${id}`) && !orderedBy.has(`#${id}`);
  const loose = new Set(termsAfterService(askedText, service));
  // Why the member asks, said after it ("…what am I supposed to do so I don't miss doses?", "…para que me llegue a
  // tiempo?"), is no word a passage must say.
  for (const match of normalized.matchAll(PURPOSE)) for (const word of tokenize(match[0])) loose.add(stem(word));
  const asksFoundService = required.some((term) => term.startsWith("#") && service(term.slice(1)));
  if (asksFoundService) for (const payer of PAYERS) loose.add(payer);
  // Asked only "Would the plan pay for it?" of a story that names a service found ("I've always hated my nose and want
  // a nose job, purely for looks."), the story's other plain words say why and how, not what: a name ("Ozempic",
  // "the inhaler Advair") still has to be found.
  // (So are the plain words of a statement read as the subject, "My neck and lower back are a mess.", when the service
  // the question goes on to name is found: "…both chiropractic and acupuncture… What's the copay for each…?")
  const namesFoundService = () => specific.some((term) => term.startsWith("#") && !NOT_SERVICES.includes(term) && isService(term) && available.has(term));
  if (toldText !== "" && (asksFoundService || namesFoundService())) {
    const onlyTold = !asksFoundService;
    const toldWords = new Set(tokenize(toldText).map(stem));
    // A place told ("Skiing in Tahoe…") says where, not what: it is let go too.
    // (So is an illness named after a doctor, "…for my Crohn's.": it says why.)
    const places = new Set([...toldPlaces(question), ...eponyms]);
    const names = new Set([...capitalisedNames(question)].map(stem).filter((name) => !places.has(name)));
    for (const term of required) if (!term.startsWith("#") && !names.has(term) && !toldNamed.has(term) && (!onlyTold || toldWords.has(term))) loose.add(term);
  }
  // An illness named after a doctor, told before the drug it is treated with ("My husband's Crohn's medicine is a Tier 4
  // specialty drug…"), says why, whatever the passages call the drug.
  for (const condition of eponyms) if (required.includes(condition) && !toldNamed.has(condition)) loose.add(condition);
  // A thing the story names by a longer word, asked of by its end ("…ordered a power wheelchair. What would we pay if we
  // get the chair from them?"), is the thing told: its concept, not the short word, is what a passage must say.
  const unfound = required.filter((term) => !term.startsWith("#") && term.length >= 4 && !available.has(term));
  if (unfound.length > 0) {
    const toldStems = tokenize(normalize(toldSentences)).map(stem);
    for (const term of unfound) if (toldStems.some((word) => word !== term && word.endsWith(term) && contentTokens(word).size > 1)) loose.add(term);
  }
  // Asked whether a line is open on a day ("Can I call on a Sunday?"), the day is what the hours answer ("7 days a
  // week"), not a word a passage must say.
  const asksHours = HOURS_ASKED.test(askedNormalized);
  if (asksHours) for (const term of required) if (DAY_WORD.test(term)) loose.add(term);
  // Of terms set as alternatives ("Is this an HMO or a PPO?"), the one found answers.
  const alternatives = alternativeTerms(question);
  const offered = (term: string) => (alternatives.get(term) ?? []).some((other) => available.has(other));
  // A business named that no passage names is answered by a passage that says only others will do ("The plan
  // only covers hearing aids from a UnitedHealthcare Hearing network provider" for "…buy hearing aids at Costco?").
  if (onlyFrom) for (const name of businessesNamed(question)) if (!available.has(name)) loose.add(name);
  // A town told with its county ("We're retiring to Park City…, that's up in Summit County.") is where the county is:
  // the county, kept, decides whether the plan serves it.
  if (COUNTY_NAMED.test(question)) for (const place of toldPlaces(question)) loose.add(place);
  // (What an allowance is asked to buy is no word of the story, though said after the allowance.)
  for (const term of allowanceItem) loose.delete(term);
  if (required.some((term) => !term.startsWith("#") && !available.has(term) && !loose.has(term) && !offered(term))) return [];
  // A word named with the kind before it ("trip cancellation insurance") is found only where the two are said together.
  const adjacent = (source: Source) => {
    const stems = tokenize(`${source.context ?? ""}\n${source.text}`).map(stem);
    return new Set(stems.slice(1).map((word, i) => `${stems[i]} ${word}`));
  };
  const compounds = compoundTerms(question, required).filter(([, word]) => available.has(word) && !loose.has(word));
  if (compounds.length > 0) {
    const pairs = sources.map(adjacent);
    if (compounds.some(([kind, word]) => !pairs.some((pair) => pair.has(`${kind} ${word}`)))) return [];
  }
  // (The one not found is no word a passage must share.)
  for (const term of alternatives.keys()) if (!available.has(term) && offered(term) && wanted.has(term)) wanted.set(term, (wanted.get(term) ?? 0) * SITUATION_WEIGHT);
  // One of the concepts asked about must be found ("When I leave the hospital, do you send meals?" is about meals,
  // not the hospital); a question whose asked part names none is held to the concepts it tells.
  const askedConcepts = required.filter((term) => term.startsWith("#"));
  // (Asking the plan's own out-of-pocket limit or deductible names what is asked: "…my wife might need surgery this
  // year. What's the most one person could pay out of pocket…?" is not held to the surgery told.)
  // (Whom the story is about, "My husband is deaf and uses a TTY. …What TTY number…?", is no concept to hold it to
  // when the asked part names a thing of its own.)
  const toldPeopleOnly = required.some((term) => !term.startsWith("#")) && specific.every((term) => !term.startsWith("#") || PEOPLE.includes(term));
  const concepts = askedConcepts.length ? askedConcepts : ofPlan || toldPeopleOnly ? [] : specific.filter((term) => term.startsWith("#"));
  // A network tier qualifies what is asked ("…with a network agency"), and who the care is for ("Mi esposo necesita
  // diálisis") tells the story: found alone, they do not answer it.
  const qualified = concepts.filter((term) => !NETWORK_TIERS.includes(term));
  const people = qualified.some((term) => !PEOPLE.includes(term)) ? qualified.filter((term) => !PEOPLE.includes(term)) : qualified;
  // The doctor who orders the care ("my cardiologist wants me to do cardiac rehab") is who, not what is asked about.
  const orderers = orderingDoctors(question);
  // So is the one who gives it ("a yearly physical with my in-network PCP"), when the question names the care too.
  const givers = new Set([...givingDoctors(question)].filter((term) => people.some((other) => other !== term && !NOT_SERVICES.includes(other) && !GIVERS.includes(other))));
  const ordered = people.filter((term) => !orderers.has(term) && !givers.has(term));
  const subjects = ordered.length > 0 ? ordered : people;
  if (concepts.length > 0 && !(subjects.length ? subjects : concepts).some((term) => available.has(term))) return [];
  // Of several things asked about, the first named is what the question is about ("una segunda opinión con otro
  // cirujano" asks about a second opinion, not surgery): not found, the others found do not answer it.
  // How much of a drug is asked for ("a 90-day supply of my specialty drug") is a rule of the drug's: its row answers
  // with the supply it allows.
  // Concepts that are no service (who pays, where, a phone line: "llamar una ambulancia" is no call to member services)
  // are not the head.
  // A concept named by who gives the care ("I see a counselor … for my drinking") is who, when the care is named too.
  const persons = personConcepts(question);
  const heads = subjects.filter((term) => !COST_SHARING.includes(term) && !SUPPLY.includes(term) && !NOT_SERVICES.includes(term));
  const head = heads.find((term) => !persons.has(term)) ?? heads[0];
  // …and, the care named, who gives it and no passage names weighs as the story does: a summary names the care
  // ("Outpatient services" for substance use), not the counselor.
  if (head !== undefined && !persons.has(head)) {
    for (const person of persons) if (wanted.has(person) && !available.has(person)) wanted.set(person, (wanted.get(person) ?? 0) * SITUATION_WEIGHT);
  }
  // …when the asking sentences name it, or name nothing of their own ("¿El plan la cubre?" asks about what the story
  // told): a thing told only in the story, when they ask about something else ("I paid cash at an urgent care
  // clinic… How long do I have to submit a claim?"), is where the question comes from, not what it asks.
  const toldOnly = head !== undefined && !asking.has(head) && required.some((term) => asking.has(term));
  // (A drug's kind said with its tier, "mi genérico de nivel 1", is found by the tier's row, "Tier 1 – Your Lowest-Cost
  // Option", which need not say the kind.)
  const tierAsked = TIER_NAMED.exec(normalized)?.[1];
  // (So is a drug told by what it is with its tier, "his insulin is a non-preferred brand", in passages that never name
  // insulin.)
  const tierRow =
    (tierAsked !== undefined && DRUG_KINDS.includes(head ?? "") && sources.some((source) => new RegExp(String.raw`\btier\s*${tierAsked}\b`, "i").test(source.text))) ||
    (head === "#insulin" && DRUG_KINDS.some((kind) => available.has(kind) && questionConcepts.has(kind)));
  if (subjects.length >= 2 && head !== undefined && !toldOnly && !available.has(head) && !tierRow) return [];
  // A thing named by its own name ("vision therapy", "a home birth") among the subjects, that no passage names, is
  // what the documents do not say, whatever else of the story they have ("…a lazy eye and the eye doctor…").
  if (subjects.some((term) => !available.has(term) && NAMED_CONCEPTS.has(term))) return [];
  // So is one the story names when what is asked names no service ("Compré unas pruebas caseras de COVID… ¿Aetna me
  // reembolsa lo que pagué por ellas?" asks a refund of the tests, which the documents do not name).
  // (And so when what is asked refers to it, "Does this Health Net HMO cover it, and what would the prescriptions cost?"
  // after "…start me on hormone therapy".)
  if ((!askedConcepts.some(isService) || REFERS_TO_IT.test(askedNormalized)) && specific.some((term) => NAMED_CONCEPTS.has(term) && !available.has(term))) return [];
  // Once every concept asked about is found (or, asked about no concept, every word that names the subject: "Mia"), an everyday word of the question that no retrieved passage has ("What's
  // my share…", "…kick in", a Spanish verb an English document cannot hold) tells no passage from another: it weighs
  // as the situation does, so how wordy a question is does not decide whether it is answered. With a concept asked
  // about missing ("¿…una línea de enfermeras…?"), or for a word that names a thing (a specific English word, a
  // Spanish medical noun: "circuncisión", "vasectomía"), absence is what tells the documents do not say it — unless
  // it was let go above as qualifying the service or telling the story ("…a nose job, purely for looks").
  // (Asked about nothing specific, "…or does the family deductible get met sooner?", the plan-wide figure it asks
  // about is its subject.)
  // (Where or how the care is had, "la farmacia", is no subject a summary must name: the care found is enough.)
  const servicesAsked = subjects.filter(isService);
  const subjectFound =
    subjects.length > 0
      ? (servicesAsked.length > 0 ? servicesAsked : subjects).every((term) => available.has(term))
      : required.length > 0
        ? required.every((term) => available.has(term))
        : [...wanted].some(([term, weight]) => PLAN_FIGURES.includes(term) && weight >= 1 && available.has(term));
  if (subjectFound) {
    for (const [token, weight] of wanted) {
      if (token.startsWith("#") || available.has(token) || (specific.includes(token) && !loose.has(token))) continue;
      wanted.set(token, weight * SITUATION_WEIGHT);
    }
  }
  // Whom the care is for weighs as the situation does when the question asks about something else.
  for (const person of PEOPLE) if (wanted.has(person) && !subjects.includes(person)) wanted.set(person, (wanted.get(person) ?? 0) * SITUATION_WEIGHT);
  // (So does who ordered it: "My PCP wants blood work done at the lab… what's the copay?" asks the lab's price.)
  for (const doctor of [...givers, ...orderers]) if (wanted.has(doctor) && !subjects.includes(doctor)) wanted.set(doctor, (wanted.get(doctor) ?? 0) * SITUATION_WEIGHT);
  total = [...wanted.values()].reduce((sum, weight) => sum + weight, 0);

  const asksContact = needs === "phone" || needs === "website" || needs === "address" || needs === "email";
  const asksPeriod = asked.has("#coverage-period");
  const contact = asksContact ? CONTACT[needs] : null;
  const namedWords = required.filter((term) => !term.startsWith("#"));
  const aboutCost = isCostQuestion(question);
  const aboutDuration = DURATION_QUESTION.test(normalized);
  // The drug tiers a question names by number ("nivel 3": contentTokens' "#tier-3").
  const tiers = new Set(tierTokens(contentTokens(question)));
  const supplyDays = new Set([...normalized.matchAll(SUPPLY_DAYS)].map((m) => m[1] ?? ""));
  const included = INCLUSION_QUESTION.exec(normalized);
  const asksInclusion = included !== null;
  // Whether the question is about an adult's care or a child's (who it is for, told or asked).
  // (An adult's age told, "Tengo 45 años", "I'm 52", says the care is an adult's.)
  const grownUp = [...normalized.matchAll(AGE_TOLD)].some((m) => Number(m[1]) >= 19 && Number(m[1]) < 120);
  const forAdult = (wanted.has("#adult") || grownUp) && !wanted.has("#child");
  const forChild = wanted.has("#child") && !wanted.has("#adult");
  const candidates: (Quote & { labelled: number; labelledAsked: number; cell: string | null; next: string | null; items: string[]; after: string[]; figure: boolean; priced: { text: string; source: Source } | null })[] = [];
  // Asked of several things at once ("What's our share of the ambulance and the ER, and what do we pay for the CT?"),
  // a passage about one of them is as related as one about the only thing asked: the others' weight is not held
  // against it.
  const askedServices = subjects.filter((term) => asking.has(term) && askedTerms.includes(term) && isService(term) && !NOT_SERVICES.includes(term));
  const subjectWeights = askedServices.length >= 2 && askedParts(question).length >= 2 ? askedServices.map((term) => ({ term, weight: wanted.get(term) ?? 0 })) : [];
  const ofOneSubject = (matched: number, has: (token: string) => boolean) => {
    const missed = subjectWeights.filter(({ term }) => !has(term)).reduce((sum, { weight }) => sum + weight, 0);
    return missed > 0 && missed < subjectWeights.reduce((sum, { weight }) => sum + weight, 0) && matched / (total - missed) >= MIN_OVERLAP;
  };
  const describes = SAYS_ABOUT.test(normalized);
  const deniesEmergency = NO_EMERGENCY.test(normalized);
  // A long row's passages share one heading, the row (rowUnits): its tokens are made once.
  const headings = new Map<string, ReadonlyMap<string, number>>();
  const headingTokens = (text: string) => {
    let tokens = headings.get(text);
    if (!tokens) headings.set(text, (tokens = contentTokens(text, BROADER)));
    return tokens;
  };
  // Asked for a contact, a passage that opens with one ("Contact: California Help Center … (888) 466-2219") goes on from
  // the passage before it in the document: its contact answers that one's last sentence ("A consumer assistance program
  // can help you file an appeal.").
  // (Each passage's units are made once, for this and for the loop below.)
  const unitCache = new Map<Source, Unit[]>();
  const unitsOf = (source: Source) => {
    let units = unitCache.get(source);
    if (!units) unitCache.set(source, (units = quoteUnits(source.text, question, source.context)));
    return units;
  };
  // A list at the top of a page that goes on from the page before ("· Vaccines, including those for the flu, Hepatitis
  // B, pneumonia…" after "Medicare-covered — In-network: $0 copay · Abdominal aortic aneurysm screening · …") is priced
  // by the row that prices the list it continues, when the search brought that passage too: the row and its passage, or
  // null.
  const carriedPrice = (source: Source): { text: string; source: Source } | null => {
    if (!LIST_ITEM.test(source.text.trimStart())) return null;
    for (const before of sources) {
      if (before.documentId !== source.documentId || before.page !== source.page - 1) continue;
      const units = unitsOf(before);
      const last = units.at(-1);
      const row = last ? pricingRow(last, units.at(-2)) : null;
      if (row !== null) return { text: row, source: before };
    }
    return null;
  };
  const subjectTerms = specific.filter((term) => !NETWORK_TIERS.includes(term));
  const passageTerms = subjectTerms.length > 0 ? subjectTerms : specific;
  const openingContacts = contact
    ? sources.flatMap((source) => {
        if (!CONTACT_LEAD.test(source.text)) return [];
        const first = unitsOf(source).find((unit) => contact.test(unit.text));
        return first ? [{ source, text: first.text }] : [];
      })
    : [];
  for (const [i, source] of sources.entries()) {
    const section = contentTokens(source.context ?? "", BROADER);
    // A short nearest heading names what every unit under it is about ("Mia's Simple Fracture" over its rows): its
    // words count for each unit as if the unit said them, so a row repeating them is not preferred to the one that
    // answers.
    // A long heading is a sentence ("Section 2.2 You can end your membership during…"), not a name.
    const nearest = source.context?.split(" › ").at(-1) ?? "";
    // (A heading that asks a question, as a summary's "Questions and answers" do, names what its answer is about however
    // long it is: "What are some of the assumptions behind the Coverage Examples?")
    const subject = contentTokens(nearest.split(/\s+/).length <= MAX_SUBJECT_WORDS || /\?\s*$/.test(nearest) ? nearest : "", BROADER);
    // A quote is about the question's subject: its passage (a list under its heading, a row in its table) or its
    // section names one of the specific terms, and a premium question is answered only by a sentence about the
    // premium. Sharing the other words ("how much", "visit") makes a passage related, not an answer: "How much is a
    // telehealth visit?" must not quote the office-visit rows.
    const passage: ReadonlyMap<string, number> = passages[i] ?? new Map<string, number>();
    // (Asked which number to call, a passage that gives one offers it, whatever it calls the office.)
    // (A network tier qualifies what is asked: a passage that names only it, as every row of a summary's chart names
    // its network column, is not about the thing asked.)
    if (specific.length > 0 && !passageTerms.some((term) => passage.has(term) || section.has(term) || offersContact(term, source.text))) continue;
    const units = [...unitsOf(source)];
    // The dates a plan runs are in the running header an SBC prints on every page, which is the passage's title, not its
    // text: asked for them, the title's "Coverage Period: 11/01/2013 – 10/31/2014" is a quote of its own.
    const period = asksPeriod ? COVERAGE_PERIOD.exec(source.context ?? "") : null;
    if (period) units.unshift({ text: period[0].trim(), heading: null, cell: null });
    // So is the plan's type ("Plan Type: HMO"), asked whether it is an HMO or a PPO.
    // (Or, without one, the plan's name that says it: "CA Platinum Basic HMO Copay Plan".)
    const type = asksPlanType ? (PLAN_TYPE.exec(source.context ?? "") ?? PLAN_NAME_TYPE.exec(source.context ?? "")) : null;
    if (type) units.unshift({ text: type[0].trim(), heading: null, cell: null });
    for (const [k, single] of units.entries()) {
      // Asked for a contact, a sentence saying who helps ("A consumer assistance program can help you file your
      // appeal.") is answered by the next one when that one gives the number ("Contact … at (888) 466-2219."): the two
      // are quoted together.
      const after = units[k + 1];
      const opening = k === units.length - 1 ? openingContacts.find((o) => o.source !== source && o.source.documentId === source.documentId && o.source.page - source.page >= 0 && o.source.page - source.page <= 1) : undefined;
      const unit =
        contact && !contact.test(single.text) && after && !single.list && !ROW.test(single.text) && !ROW.test(after.text) && after.heading === single.heading && contact.test(after.text)
          ? { ...single, text: `${single.text} ${after.text}` }
          : contact && !contact.test(single.text) && opening && !single.list && !ROW.test(single.text)
            ? { ...single, text: `${single.text} ${opening.text}` }
            : single;
      // An aside in parentheses alone ("(9 months of in-network pre-natal care…)", a title's) answers nothing.
      if (/^\([^()]*\)$/.test(unit.text.trim())) continue;
      // Nor does a table of contents' line ("What services are not covered by the plan?..........3"): it says where
      // the answer is, not what.
      if (DOT_LEADERS.test(unit.text)) continue;
      // A list is what its title says it is ("Services Your Plan Does NOT Cover: Hearing aids; …").
      const found = contentTokens(unit.list && unit.heading ? `${unit.heading}\n${unit.text}` : unit.text, BROADER);
      if (PLAN_LEVEL.some((term) => wanted.has(term) && !found.has(term))) continue;
      const heading = unit.heading ? headingTokens(unit.heading) : null;
      // A row's group ("If your child needs dental or eye care › Eye exam") is said of all its rows: a word found only
      // there counts as a heading's does, so the row named after the question's subject ("Dental check-up") is not
      // outranked by its siblings.
      const group = ROW.test(unit.text) ? unit.text.slice(0, unit.text.indexOf(" — ")).split(" › ").slice(0, -1).join(" › ") : "";
      const own = group ? contentTokens(unit.text.slice(group.length), BROADER) : found;
      const grouped = group ? headingTokens(group) : null;
      // What a row says it leaves out ("Maximum Out-of-Pocket Responsibility (does not include Part D prescription
      // drugs)") is not what it is about: its words weigh as the story's, unless the question asks what is included.
      const excluded = asksInclusion ? null : excludedTokens(unit.text);
      const around = unit.paragraph !== undefined && unit.paragraph !== unit.text ? headingTokens(unit.paragraph) : null;
      let matched = 0;
      for (const [token, full] of wanted) {
        const weight = excluded?.has(token) ? full * SITUATION_WEIGHT : full;
        // A phone number asked for ("What's the phone number for…?") is found where a sentence states one.
        if (own.has(token) || subject.has(token) || offersContact(token, unit.text) || (needs === "date" && DATE_WORDS.has(token) && STATES_DATE.test(normalize(unit.text)))) matched += weight;
        // (Asked "What number does the summary give…?", a number the passage gives is one, though not named so.)
        else if (found.has(token) || grouped?.has(token) || heading?.has(token) || section.has(token) || (asksPhone && PHONE_WORDS.has(token) && PHONE_GIVEN.test(unit.text))) matched += weight * SECTION_WEIGHT;
        else if (around?.has(token)) matched += weight * PASSAGE_WEIGHT;
      }
      const overlap = matched / total;
      if (overlap < MIN_OVERLAP && !ofOneSubject(matched, (token) => own.has(token) || subject.has(token) || found.has(token) || grouped?.has(token) === true || heading?.has(token) === true || section.has(token))) continue;
      // A row's own label (after the merged cells' "›"), or a list's title, names its subject; a long one has swallowed a heading or a
      // paragraph and names nothing.
      const rawLabel = unit.list ? (unit.heading ?? "") : ROW.test(unit.text) ? (unit.text.slice(0, unit.text.indexOf(" — ")).split(" › ").at(-1) ?? "") : "";
      const labelText = excluded ? rawLabel.replace(EXCLUDED_ASIDE, " ").trim() : rawLabel;
      const label = labelText !== "" && labelText.length <= MAX_LABEL_CHARS && !SENTENCE_INSIDE.test(labelText) ? contentTokens(labelText, BROADER) : null;
      // The nearest heading labels every row under it ("Mia's Simple Fracture"): a row repeating its words is named no
      // better than its siblings.
      if (label !== null && [...setAside].some((token) => label.has(token))) continue;
      // (So is a line titled by it: "Besides Spanish, which languages…?" is not answered by "Spanish (Español): Para
      // obtener asistencia en Español…".)
      const title = label === null && setAside.size > 0 ? INLINE_TITLE.exec(unit.text.replace(/^\[/, "")) : null;
      if (title && [...contentTokens(title[0], BROADER).keys()].some((token) => setAside.has(token))) continue;
      // A row for children ("If your child needs dental or eye care › Dental check-up") does not answer an adult's
      // question ("Necesito una limpieza de dientes y soy adulta"), nor an adult's row ("Routine eye care (Adult)") a child's.
      // (Its name says whom it is for; a name that has swallowed a list of services names no one.)
      const rowName = ROW.test(unit.text) ? unit.text.slice(0, unit.text.indexOf(" — ")) : "";
      // Told it is no emergency ("…send her home in an ambulance. It's not an emergency."), a row named after emergency
      // care is another case's.
      if (deniesEmergency && /(?<!\bnon[- ]?)\bemergenc/i.test(rowName.split(" › ").at(-1) ?? "")) continue;
      if (rowName.length > 0 && rowName.length <= MAX_ROW_NAME_CHARS && (forAdult || forChild)) {
        const whom = headingTokens(rowName);
        if (forAdult ? whom.has("#child") && !whom.has("#adult") : whom.has("#adult") && !whom.has("#child")) continue;
      }
      const labelled = label === null ? 0 : specific.filter((term) => label.has(term) || subject.has(term)).length;
      const labelledAsked = label === null ? 0 : specific.filter((term) => asked.has(term) && label.has(term)).length;
      let named = 0;
      if (label !== null) for (const [token, weight] of wanted) if (label.has(token)) named += weight;
      const boost =
        ((aboutCost && hasAmount(unit.text)) || (aboutDuration && DURATION.test(unit.text))
          ? AMOUNT_BOOST
          : aboutCost && statesCost(unit.text)
            ? AMOUNT_BOOST / 2
            : 0) +
        // Asked when a line is open, the sentence with its hours ("8 a.m. - 11 a.m. MT, Thursday") over its number's.
        (asksHours && STATES_HOURS.test(unit.text) ? AMOUNT_BOOST : 0) +
        (named / total) * LABEL_BOOST -
        // A row named after a kind of cost the question does not ask about ("Patient pays › Deductibles" for "how much
        // does the patient pay?") is a part of the answer, not the answer ("Patient pays › Total").
        (label !== null && COST_SHARING.some((term) => label.has(term) && !wanted.has(term)) ? UNASKED_COST_LABEL : 0);
      const sentence = unit.heading && !ROW.test(unit.text) ? `${unit.heading.replace(/:\s*$/, "")}: ${unit.text}` : unit.text;
      // A drug tier asked for by its number ("tier 3", "nivel 3") is that tier's row: another tier's is not the answer,
      // unless it says something of the tier asked about ("Tier 2 … — … Tier 1 Contraceptives covered at No Charge").
      if (tiers.size > 0 && ROW.test(unit.text)) {
        const rowTiers = tierTokens(headingTokens(unit.text.slice(0, unit.text.indexOf(" — "))));
        if (rowTiers.length > 0 && !tierTokens(found).some((tier) => tiers.has(tier))) continue;
      }
      // (So is a line of a table the page lost its labels for, named by one tier in a cell: "Clover Health Choice (PPO)
      // (Plan 004) · Mail Order · Tier: Tier 3 (Preferred Brand); … · 100 day supply: $135 copay".)
      if (tiers.size > 0 && !ROW.test(unit.text) && TIER_CELL.test(unit.text)) {
        const lineTiers = tierTokens(found);
        if (lineTiers.length === 1 && !tiers.has(lineTiers[0]!)) continue;
      }
      // A supply asked for by its days ("30 días", "a 90-day supply") is that supply's column: a row priced for one other
      // supply ("· 60 day supply: $10 copay") is not the answer. (A rule that names a supply, "30 day supply from
      // specialty pharmacy", answers a question about another.)
      if (supplyDays.size > 0 && ROW.test(unit.text)) {
        const rowDays = new Set([...normalize(unit.text).matchAll(SUPPLY_COLUMN)].map((m) => m[1] ?? ""));
        if (rowDays.size === 1 && ![...rowDays].some((n) => supplyDays.has(n))) continue;
      }
      // A contact asked for by whose it is ("the website of Medicaid", "the number for the Ombudsman") is that one's:
      // another office's number or address beside it is not the answer. (A word that only tells the story, "a printed
      // copy of the glossary", names no one.)
      if (asksContact && namedWords.some((word) => !(loose.has(word) && !asking.has(word)) && !found.has(word) && !heading?.has(word) && !section.has(word) && !subject.has(word))) continue;
      // The sentence after a prose sentence, under the same title: what a rule leads to ("Do NOT use your Medicare
      // card… If you use your Medicare card instead…, you may have to pay the full cost") or the list it announces.
      const following = units[k + 1];
      const next = !unit.list && !ROW.test(unit.text) && following && !following.list && !ROW.test(following.text) && following.heading === unit.heading ? following.text : rowSequel(unit.text, following?.text);
      // The list a prose sentence announces ("We must end your membership in the plan if any of the following happen:"),
      // item by item.
      // (Its items run on over a sub-item that is a sentence of its own, "- If you move or take a long trip, call…".)
      const items: string[] = [];
      for (let j = k + 1; !unit.list && !ROW.test(unit.text) && ANNOUNCES.test(unit.text) && j < units.length; j++) {
        const item = units[j]!;
        if (item.list) items.push(...item.text.split("; "));
        else if (SUB_ITEM.test(item.text)) items.push(item.text.replace(SUB_ITEM, ""));
        else break;
      }
      // A row named after the plan-wide figure the question asks about ("Deductible — … a $420 deductible for drugs in
      // Tier 3, 4 and 5" for "Is there a deductible before the plan helps with my Tier 3 meds?").
      const figure = label !== null && PLAN_FIGURES.some((term) => label.has(term) && asking.has(term));
      // The rest of a prose paragraph under its title, for a question about what the document says of the subject.
      const paragraph: string[] = [];
      // (A paragraph ends where another title starts, on a line of its own or before a colon: "Your Grievance and
      // Appeals Rights: …".)
      for (let j = k + 1; describes && !unit.list && !ROW.test(unit.text) && j < units.length && paragraph.length < MAX_SENTENCES - 1; j++) {
        const sibling = units[j]!;
        if (sibling.list || ROW.test(sibling.text) || sibling.heading !== unit.heading || INLINE_TITLE.test(sibling.text)) break;
        paragraph.push(sibling.text);
      }
      // A list of services without a price of its own under the row that prices them all ("Medicare-covered — In-network:
      // $0 copay…" above "· Bone mass measurement · … · Prostate cancer screenings (PSA)"): asked a cost, the row is
      // quoted with it.
      const above = units[k - 1];
      const row = aboutCost ? pricingRow(unit, above) : null;
      const priced = !aboutCost ? null : row !== null ? { text: row, source } : above === undefined && unpricedList(unit) ? carriedPrice(source) : null;
      candidates.push({ sentence, source, score: overlap + boost, labelled, labelledAsked, cell: unit.cell, next, items, after: paragraph, figure, priced });
    }
  }
  // Asked about care in one network tier ("…lo terminaron internando… en un hospital de la red. ¿Y cuánto se paga por el
  // hospital?"), a worked example of the other tier ("For example, if an out-of-network hospital charges $1,500…")
  // tells of another situation.
  // (So is the part of a cell a passage opens with the other tier's name, "Dental Services — … (Plan 004):
  // Out-of-Network Supplemental comprehensive dental services with a 30% coinsurance…", asked of a network dentist.)
  if (network !== null) {
    // (Asked out of network, a row's network cell is set aside when the same row's out-of-network cell is found too:
    // "Diagnostic Services — Clover Health Choice (PPO) (Plan 004): In-Network: … radiation: 20% coinsurance" beside
    // "…(Plan 004): Out-of-Network: … radiation: 40% coinsurance". Alone, it may be the only price there is. Only when
    // what is asked says so itself: a part of a question may have its tier from another part, "¿Cuánto pago por cada
    // audífono con un proveedor de TruHearing? ¿Y si me los compro con un audiólogo que no es de la red?".)
    // (The question's own tier is read only when such a cell is found.)
    let outAsked: boolean | undefined;
    const besideOutCell = (c: (typeof candidates)[number]) => {
      const row = network === "out" ? IN_NETWORK_CELL.exec(c.sentence)?.[1] : undefined;
      if (row === undefined) return false;
      outAsked ??= asksNetwork(question) === "out";
      return outAsked && candidates.some((other) => other.sentence.startsWith(`${row}Out-of-Network`));
    };
    const same = candidates.filter((c) => (!WORKED_EXAMPLE.test(c.sentence) || namedTier(c.sentence) !== (network === "in" ? "out" : "in")) && !(network === "in" && OUT_OF_NETWORK_CELL.test(c.sentence)) && !besideOutCell(c));
    if (same.length > 0) candidates.splice(0, candidates.length, ...same);
  }
  // "How much…?" is answered by an amount and "How many…?" by a number: passages that mention the premium without
  // stating it do not answer "How much is my premium?". Filtered before the label preference below: a passage named
  // after the subject that does not state the figure ("Method to access SHIP…" for "which number do I call?") must
  // not set aside the rows that do.
  // Asked for a fax number ("¿Cuál es el número de fax?"), only a sentence that gives one answers: a phone line or a
  // mailing address is no place to send a fax.
  if (FAX_ASKED.test(askedNormalized)) {
    const faxing = candidates.filter((c) => /\bfax/i.test(c.sentence));
    if (faxing.length === 0) return [];
    candidates.splice(0, candidates.length, ...faxing);
  }
  // Asked when a line or an office is open ("What hours is the 1-866 line open? Can I call on a Sunday?"), a passage
  // that gives the number without its hours does not answer: a summary prints its numbers, rarely their hours.
  if (asksHours && !candidates.some((c) => STATES_HOURS.test(c.source.text))) return [];
  const dollarsAsked = DOLLARS_ASKED.test(askedNormalized);
  // (Asked whether there is a cap in dollars, "¿Hay un tope en dólares…?", a dollar figure is wanted too.)
  if (needs || dollarsAsked) {
    const answering = candidates.filter((c) =>
      needs === "amount" || dollarsAsked
        ? // (A list priced by the row above it, "Medicare-covered — In-network: $0 copay" over "· … · Bone mass
          // measurement · …", states its amount through that row.)
          // (Asked how many dollars, "¿Hasta cuántos dólares paga el plan por los anteojos?", a share or "No charge"
          // is no answer: a dollar figure is.)
          dollarsAsked
          ? DOLLAR_FIGURE.test(c.sentence) || (c.priced !== null && DOLLAR_FIGURE.test(c.priced.text)) || NO_LIMIT_SAID.test(c.sentence)
          : statesCost(c.sentence) || c.priced !== null
        : needs === "identifier"
          ? IDENTIFIER_DIGITS.test(c.sentence)
          : contact !== null
            ? contact.test(c.sentence)
            : needs === "date"
              ? STATES_DATE.test(normalize(c.sentence))
              : /\d/.test(c.sentence),
    );
    if (answering.length === 0) return [];
    candidates.splice(0, candidates.length, ...answering);
  }
  // Rows of one label told apart by whom or what they are for ("Hospital charges (mother) — $2,700", "Hospital charges
  // (baby) — $900"): asked for one by name ("for the mom herself", "para la mamá"), the others answer another question,
  // whichever scores higher. (The example's own name, "the having-a-baby example", names no one's row.)
  const naming = qualifierTokens(normalized);
  const rows = candidates.map((c) => (ROW.test(c.sentence) ? qualifiedLabel(c.sentence) : null));
  const namedBases = new Set(rows.flatMap((row) => (row && row.qualifier.some((token) => naming.has(token)) ? [row.base] : [])));
  if (namedBases.size > 0) {
    const kept = candidates.filter((_, i) => {
      const row = rows[i];
      return !row || !namedBases.has(row.base) || row.qualifier.some((token) => naming.has(token));
    });
    candidates.splice(0, candidates.length, ...kept);
  }
  // What a coverage example's care would cost ("Sample care costs › Education — $300") is a national average the
  // example assumes, not something the plan covers or prices: it answers only a question about the example.
  if (!questionConcepts.has("#coverage-example")) {
    const benefits = candidates.filter((c) => !EXAMPLE_COSTS.test(c.sentence));
    if (benefits.length < candidates.length) {
      if (benefits.length === 0) return [];
      candidates.splice(0, candidates.length, ...benefits);
    }
  }
  // Asked about a coverage example by its name ("the having-a-baby example", "The Mia broken-bone example"), its own
  // passages answer (its rows, what it includes and assumes), not the plan's rows for the same care.
  if (ASKS_EXAMPLE.test(normalized)) {
    // (Asked about "the example" without naming a coverage example or its story, "En el ejemplo del resumen, un hospital
    // fuera de la red cobra $1,500…", the summary's own worked example in its text answers too: "For example, if an
    // out-of-network hospital charges $1,500…".)
    const inText = !COVERAGE_EXAMPLE_NAMED.test(normalized) && !EXAMPLE_STORIES.some((told) => told.asked.test(normalized));
    const example = candidates.filter((c) => EXAMPLE_PASSAGE.test(`${c.source.context ?? ""}\n${c.sentence}`) || (inText && WORKED_EXAMPLE.test(c.sentence)));
    if (example.length > 0) candidates.splice(0, candidates.length, ...example);
    // Which example, when the question names one ("the diabetes example", "el ejemplo de tener un bebé"): the same row
    // of another example ("Vaccines, other preventive — $40" of the baby's) prices another story.
    const [story, ...more] = EXAMPLE_STORIES.filter((told) => told.asked.test(normalized));
    if (story && more.length === 0) {
      const own = (c: (typeof candidates)[number]) => {
        const text = `${c.source.context ?? ""}\n${c.sentence}`;
        return story.passage.test(text) || !EXAMPLE_STORIES.some((other) => other.passage.test(text));
      };
      if (candidates.some(own)) candidates.splice(0, candidates.length, ...candidates.filter(own));
    }
  }
  // Asked whether a cost comes before or after the deductible ("Is that 20% from the first dollar, or only after I've
  // paid my $500 deductible?"), the passages that say how the deductible applies answer ("All copayment and
  // coinsurance costs shown in this chart are after your deductible has been met", "20% co-ins, after ded.").
  if (DEDUCTIBLE_ORDER_ASKED.test(normalized)) {
    const ordered = candidates.filter((c) => DEDUCTIBLE_ORDER_SAID.test(normalize(c.sentence)));
    if (ordered.length > 0) candidates.splice(0, candidates.length, ...ordered);
  }
  // Asked about a non-preferred drug, a preferred drug's row ("Preferred specialty drugs") prices another drug; asked
  // about a preferred brand ("Mi medicina… es de marca preferida"), a non-preferred drug's row ("Non-preferred generic,
  // brand and specialty drugs") does.
  const askedPreference = questionConcepts.has("#non-preferred-drugs") ? "non-preferred" : questionConcepts.has("#brand-drugs") && PREFERRED_ASKED.test(normalized) ? "preferred" : null;
  if (askedPreference !== null) {
    const preference = (c: { sentence: string }) => {
      const label = fullLabel(c.sentence).split(" › ").at(-1) ?? "";
      return /\bnon-?\s?preferred\b/.test(label) ? "non-preferred" : /\bpreferred\b/.test(label) ? "preferred" : null;
    };
    const other = askedPreference === "preferred" ? "non-preferred" : "preferred";
    if (candidates.some((c) => preference(c) === askedPreference)) candidates.splice(0, candidates.length, ...candidates.filter((c) => preference(c) !== other));
  }
  // Asked only how often ("How often can I get new ones?", "¿Cada cuánto tiempo…?"), a passage that states no
  // frequency or period does not say.
  const parts = askedParts(question);
  if (HOW_OFTEN.test(normalized) && parts.length < 2) {
    const stating = candidates.filter((c) => STATES_FREQUENCY.test(normalize(c.sentence)));
    if (stating.length === 0) return [];
    candidates.splice(0, candidates.length, ...stating);
  }
  // Asked how long the member has to act ("¿Cuántos días tengo para apelar?"), the member's deadline answers ("You
  // must make your appeal request within 65 calendar days…"), not how long the plan has to answer ("…we must give
  // you our answer within 7 calendar days"); asked the plan's, the reverse.
  const whose = MEMBER_DEADLINE_ASKED.test(normalized) ? MEMBER_DEADLINE : PLAN_DEADLINE_ASKED.test(normalized) ? PLAN_DEADLINE : null;
  if (whose !== null) narrow(candidates, (c) => whose.test(c.sentence));
  // Asked about a fast appeal or decision, sentences about the standard one answer another question, and the
  // reverse ("…ya mandé la apelación normal, no la rápida").
  const pace = APPEAL_TALK.test(normalized) ? (STANDARD_ASKED.test(normalized) ? "standard" : FAST_ASKED.test(normalized) ? "fast" : null) : null;
  if (pace !== null) {
    const other = pace === "fast" ? STANDARD_SAID : FAST_SAID;
    const own = pace === "fast" ? FAST_SAID : STANDARD_SAID;
    narrow(candidates, (c) => !other.test(c.sentence) || own.test(c.sentence));
  }
  // Asked about an appeal for a drug, the chapter's sections on appeals for medical care answer another question
  // ("Section 5 Your medical care: How to ask for a coverage decision or make an appeal"), and the reverse.
  if (APPEAL_TALK.test(normalized)) {
    const drug = DRUG_TALK.test(normalized);
    const medical = MEDICAL_TALK.test(normalized);
    const otherSection = drug && !medical ? MEDICAL_SECTION : medical && !drug ? DRUG_SECTION : null;
    if (otherSection !== null) narrow(candidates, (c) => !otherSection.test(c.source.context ?? ""));
  }
  // Asked only how many visits the plan covers, a row that prices the visit ("Acupuncture-$20/visit") does not say
  // how many: a passage must state a count or a limit.
  const countAsked = asksCount(question);
  if (countAsked && !candidates.some((c) => STATES_COUNT.test(normalize(c.sentence)))) return [];
  // "How many pairs…?", "¿Cuántos pares…?" is answered by a passage that counts pairs ("1 pair per calendar year"), not
  // by one that counts visits.
  if (PAIRS_ASKED.test(normalized) && !candidates.some((c) => PAIRS_SAID.test(c.sentence))) return [];
  // Asked whether what is left carries over ("…does the leftover carry over to next quarter?"), a passage that prices
  // the allowance without saying does not answer.
  if (asked.has("#carryover") && !candidates.some((c) => contentTokens(c.sentence).has("#carryover"))) return [];
  // Asked when the plan's coverage runs, the passages that give dates answer; those that only say "coverage period"
  // (the out-of-pocket limit "during a coverage period") do not.
  if (asksPeriod) {
    const dated = candidates.filter((c) => DATE.test(c.sentence));
    if (dated.length > 0) candidates.splice(0, candidates.length, ...dated);
    // (Asked when it ends, "¿En qué fecha exacta termina mi periodo de cobertura?", a period given only by its start,
    // "Beginning on or after 1/1/2013", does not say.)
    if (PERIOD_END_ASKED.test(askedNormalized) && !candidates.some((c) => PERIOD_END_SAID.test(c.sentence))) return [];
  }
  // A kind of cost asked for by name in a coverage example ("In the diabetes example, how much does the patient pay in
  // copays?") that a row is named after ("Patient pays › Copays — $450"): passages that state no such cost (the
  // example's "Patient pays $1,310") answer another question, however well they match its subject. Outside the
  // examples the kind is only how a member calls any price ("my copay for postnatal visits" is "$20/visit").
  const kinds = asked.has("#coverage-example") ? COST_KINDS.filter((term) => asked.has(term)) : [];
  if (kinds.length > 0 && candidates.some((c) => kinds.some((term) => rowLabel(c.sentence)?.has(term)))) {
    const stating = candidates.filter((c) => {
      const tokens = contentTokens(c.sentence, BROADER);
      return kinds.some((term) => tokens.has(term));
    });
    candidates.splice(0, candidates.length, ...stating);
  }
  // Asked whether something includes or counts a thing ("Does that example count the cost of a glucose meter?"), the
  // passages that name the thing answer; those that share only the rest of the question (the example's totals) do not.
  // ("…how long a stretch counts as one visit" asks what a visit is, not whether it is counted.)
  // (The thing is named after the word of inclusion: "On this HSA plan, does what I spend on prescriptions count
  // toward…" does not ask whether anything includes the HSA.)
  if (included !== null && head !== undefined && contentTokens(normalized.slice(included.index + included[0].length)).has(head) && !COUNTS_AS.test(normalized)) {
    const naming = candidates.filter((c) => contentTokens(c.sentence, BROADER).has(head));
    if (naming.length > 0) candidates.splice(0, candidates.length, ...naming);
  }
  // A kind told and then asked about as "the …" ("…purely for looks. Would Anthem pay for the surgery?"): the passages
  // that name the kind answer; those about the broader thing (the surgeon's fees for any surgery) do not.
  if (toldKindsAsked.length > 0) {
    const naming = candidates.filter((c) => toldKindsAsked.some((kind) => contentTokens(c.sentence, BROADER).has(kind)));
    if (naming.length > 0) candidates.splice(0, candidates.length, ...naming);
  }
  // A row named after the question's subject ("Preferred generic drugs" for "generic drugs") makes the rows named
  // after something else that score no better ("Preferred brand drugs", whose limitations mention generics) beside
  // the point; a row that answers better whatever its label ("Are there other deductibles? — Yes, $300 for
  // prescription drugs") stays.
  const mostLabelled = Math.max(0, ...candidates.map((c) => c.labelled));
  if (mostLabelled > 0) {
    const bestLabelled = Math.max(...candidates.filter((c) => c.labelled === mostLabelled).map((c) => c.score));
    const kept = candidates.filter((c) => c.labelled === mostLabelled || !ROW.test(c.sentence) || c.score > bestLabelled || c.figure);
    candidates.splice(0, candidates.length, ...kept);
  }
  // "Which brands do we have to use?" of a meter asks a product's makers: a drug tier's row named after brand-name drugs
  // ("Tier 3: Preferred Brand — …") prices no brand asked about.
  if (BRANDS_ASKED.test(askingNormalized) && !DRUG_TALK.test(normalized)) narrow(candidates, (c) => !(ROW.test(c.sentence) && contentTokens(ownLabel(c.sentence), BROADER).has("#brand-drugs")));
  // Asked only which tier costs what ("¿Cuánto pago si voy a un lugar de la red y cuánto si voy a uno fuera de la
  // red?"), the care the story tells ("Me van a sacar unas radiografías del pecho.") is what the rows must name: rows
  // that name both tiers and nothing told ("Inpatient Hospital — In-Network: …; Out-of-Network: …") share only the tiers.
  // (Who gives the care, whom it is for and the illness told say nothing of which row; of the rows, those that name the
  // most of the care told.)
  const storyServices = specific.filter((term) => isService(term) && !GIVERS.includes(term) && !namesNoRow.has(term) && !who.has(term));
  if (askedTerms.length > 0 && askedTerms.every((term) => NETWORK_TIERS.includes(term)) && storyServices.length > 0) {
    // (How many a row names, read once per row.)
    const storyNamed = new Map(
      candidates.filter((c) => ROW.test(c.sentence)).map((c) => {
        const tokens = contentTokens(c.sentence, BROADER);
        return [c, storyServices.filter((term) => tokens.has(term)).length];
      }),
    );
    const most = Math.max(0, ...storyNamed.values());
    if (most > 0) narrow(candidates, (c) => (storyNamed.get(c) ?? most) === most);
  }
  // (Of rows named alike, one named after what the asking sentences name, "…if the prosthetics supplier is in network",
  // makes one named only after the story's thing, "…lost his lower leg to diabetes complications", beside the point.)
  const mostAsked = Math.max(0, ...candidates.map((c) => c.labelledAsked));
  if (mostAsked > 0) {
    const bestAsked = Math.max(...candidates.filter((c) => c.labelledAsked === mostAsked).map((c) => c.score));
    narrow(candidates, (c) => c.labelledAsked > 0 || !ROW.test(c.sentence) || c.score > bestAsked || c.figure);
  }
  // A drug told as generic or as brand ("un medicamento de marca preferida"): a row named after the other kind ("Preferred
  // generic drugs — …; deductible waived") prices another drug, however well it shares the question's other words.
  // (A kind denied, "(there's no generic)", "no hay genérico", is not told.)
  const drugKinds = contentTokens(question.replace(NO_GENERIC, " "));
  const drugKind = DRUG_KINDS.filter((kind) => drugKinds.has(kind));
  if (drugKind.length === 1 && (drugKind[0] === "#generic-drugs" || drugKind[0] === "#brand-drugs")) {
    const otherDrug = drugKind[0] === "#generic-drugs" ? "#brand-drugs" : "#generic-drugs";
    narrow(candidates, (c) => {
      const label = contentTokens(ownLabel(c.sentence), BROADER);
      return !label.has(otherDrug) || label.has(drugKind[0] ?? "");
    });
  }
  // Asked about surgery at a hospital ("…does outpatient surgery at a hospital that's not in Clover's network"), the
  // surgery center's row prices another place, and the reverse ("…en un centro de cirugía ambulatoria").
  // (Surgery told by its verb too: "Me van a operar en un hospital…", "I'm having an operation at the hospital".)
  // (Asked of both, "…at the hospital's outpatient department and also at an ambulatory surgery center", both answer.)
  const atCenter = SURGERY_CENTER.test(normalized);
  const atHospital = /\bhospital\b/.test(normalized);
  const place = !SURGERY_TOLD.test(normalized) || (atCenter && atHospital) ? null : atCenter ? "center" : atHospital ? "hospital" : null;
  if (place !== null) {
    const placeOf = (c: { sentence: string }) => {
      const label = fullLabel(c.sentence);
      return SURGERY_CENTER.test(label) ? "center" : /\bhospital\b/.test(label) ? "hospital" : null;
    };
    if (candidates.some((c) => placeOf(c) === place)) narrow(candidates, (c) => placeOf(c) !== (place === "center" ? "hospital" : "center"));
  }
  // Asked about a psychiatric hospital ("…un hospital psiquiátrico de la red"), the general hospital stay's row prices
  // another place.
  if (PSYCHIATRIC.test(normalized) && candidates.some((c) => PSYCHIATRIC.test(fullLabel(c.sentence)))) {
    narrow(candidates, (c) => {
      const label = fullLabel(c.sentence);
      return !/\bhospital\b/.test(label) || PSYCHIATRIC.test(label);
    });
  }
  // And asked about a hospital stay or care of no such kind ("I'm getting a hip replacement… For how many days do I pay
  // the daily hospital copay…?"), a row named after mental health ("Mental health › Inpatient visit") or a pregnancy
  // ("If you are pregnant › Delivery and all inpatient services") prices another kind of stay.
  // (A row's name, not a cell or a list that names mental health among other care.)
  const rowNames = (c: Quote) => (ROW.test(c.sentence) ? fullLabel(c.sentence).split(" › ").filter((name) => name.length <= MAX_ROW_NAME_CHARS) : []);
  const mindAsked = PSYCHIATRIC.test(normalized) || ["#mental-health", "#substance-use"].some((term) => wanted.has(term));
  if (!mindAsked) narrow(candidates, (c) => !rowNames(c).some((name) => PSYCHIATRIC.test(name)));
  const pregnancyAsked = ["#pregnancy", "#prenatal-care"].some((term) => wanted.has(term));
  // (By the row's own name: a merged cell's group may run on past its rows, "If you are pregnant › Home health care".)
  const pregnancyRow = (c: Quote) => {
    const name = ROW.test(c.sentence) ? ownLabel(c.sentence) : "";
    return name.length <= MAX_ROW_NAME_CHARS && contentTokens(name).has("#pregnancy");
  };
  if (!pregnancyAsked) narrow(candidates, (c) => !pregnancyRow(c));
  // (Asked of mental health care, "…weekly sessions with an in-network therapist for my anxiety", a row of the
  // pregnancy's group, "If you are pregnant › Office visits", is another kind's too, unless its own name is of the
  // kind asked: a merged cell's "If you are pregnant › Substance use disorder inpatient services".)
  const mindRow = (c: Quote) => {
    const own = ownLabel(c.sentence);
    const tokens = contentTokens(own);
    return PSYCHIATRIC.test(own) || tokens.has("#mental-health") || tokens.has("#substance-use");
  };
  if (!pregnancyAsked && mindAsked) narrow(candidates, (c) => !(ROW.test(c.sentence) && contentTokens(fullLabel(c.sentence)).has("#pregnancy") && !mindRow(c)));
  const questionTokens = contentTokens(question, BROADER);
  // Asked only of care outside a stay ("…needs an intensive outpatient program… What would each day cost us?"), a row
  // named after an inpatient stay ("Inpatient services in a psychiatric hospital — …each day…") prices the stay.
  if (OUTPATIENT_CARE.some((term) => questionTokens.has(term)) && !questionTokens.has("#hospital-stay")) narrow(candidates, (c) => rowSetting(c.sentence) !== "inpatient" || c.sentence.indexOf(" — ") > MAX_ROW_NAME_CHARS);
  // Of a row's inpatient and outpatient twins, the one whose setting the question names ("…terapia cada semana… ¿Cuántas
  // consultas al año…?" names visits) sets the other aside, whichever scored higher, unless the question names its
  // setting too ("…y si lo internan?").
  const otherTwin = (c: Quote) =>
    ROW.test(c.sentence) && !namesSetting(c.sentence, questionTokens) && candidates.some((o) => o !== c && settingTwins(o.sentence, c.sentence) && namesSetting(o.sentence, questionTokens));
  narrow(candidates, (c) => !otherTwin(c));
  // Stable sort: equal scores keep retrieval order, so the closer source is quoted first.
  candidates.sort((a, b) => b.score - a.score);
  // What an allowance is asked to buy must be named where the answer is: "Choose from thousands of … OTC products like
  // vitamins, pain relievers, first aid" does not say a blood pressure monitor is one.
  if (allowanceItem.length > 0) {
    const naming = candidates.filter((c) => {
      const said = contentTokens(c.sentence, BROADER);
      return allowanceItem.every((term) => said.has(term));
    });
    if (naming.length === 0) return [];
    candidates.splice(0, candidates.length, ...naming);
  }
  // "How long…?" is answered by a time: passages that only share its words ("out-of-pocket costs") do not answer
  // "How long do I have to send in the claim?".
  // (Asked something else too, "What's our share there, and how long will the plan keep paying?", the time is one
  // part of the answer: answerQuotes asks for it on its own.)
  const alsoAsks = parts.length >= 2 && parts.some((part) => !DURATION_QUESTION.test(normalize(part)));
  if (aboutDuration && !alsoAsks) {
    // (A drug's supply, "100 day supply", is how much one fill holds: a time only when the question asks about fills.)
    const supplyAsked = SUPPLY_ASKED.test(normalized);
    // (Asked in how many days, "¿En cuántos días me devuelven el dinero?", a year — "the most you could pay during a
    // coverage period (usually one year)" — is no answer: days, hours or weeks are, or a deadline said in words.)
    const daysAsked = DAYS_ASKED.test(normalized);
    // (Asked how far ahead, "¿Con cuántos días de anticipación tiene que pedir la autorización?", a period that is not
    // said to come before anything, "Up to 100 days per calendar year", is no answer.)
    const aheadAsked = AHEAD_ASKED.test(normalized);
    const timed = candidates.filter((c) => {
      const sentence = supplyAsked ? c.sentence : c.sentence.replace(SUPPLY_LENGTH, " ");
      if (aheadAsked && !AHEAD_SAID.test(normalize(sentence))) return false;
      if (daysAsked) return SHORT_PERIOD.test(normalize(sentence));
      return DURATION.test(sentence) || DATE.test(sentence) || STATES_TIME.test(normalize(sentence));
    });
    if (timed.length === 0) return [];
    candidates.splice(0, candidates.length, ...timed);
  }
  const role = askedRole;
  // Asked what one party pays in a coverage example, that party's rows answer ("Patient pays › Total — $750"), not
  // another's that shares more words ("Sample care costs › Total — $5,400").
  if (role !== null && candidates.some((c) => labelRole(c.sentence) === role)) {
    const own = candidates.filter((c) => {
      const party = labelRole(c.sentence);
      return party === null || party === role;
    });
    candidates.splice(0, candidates.length, ...own);
  }
  const best = candidates[0]?.score ?? 0;
  // A list asked for is answered by every row that says so.
  const most = asksForList(question) ? MAX_LIST_QUOTES : MAX_SENTENCES;
  const cutoff = ROW.test(candidates[0]?.sentence ?? "") ? ROW_RELATIVE_CUTOFF : RELATIVE_CUTOFF;
  const questionKinds = saidKinds(question.replace(NOT_PREFERRED, " (non-preferred) "));
  const quotes: Quote[] = [];
  const taken = new Set<string>();
  for (const candidate of candidates) {
    if (quotes.length === most || candidate.score < best * cutoff) break;
    const key = normalize(candidate.sentence);
    // One passage of a long cell is enough: the next ones overlap it.
    if (candidate.cell !== null && taken.has(`${candidate.source.n}\u0000${candidate.cell}`)) continue;
    // The same row twice (a table repeated on two pages), or one quote inside another, reads as padding.
    if (quotes.some((quote) => normalize(quote.sentence).includes(key) || key.includes(normalize(quote.sentence)))) continue;
    // Rows of one label in two groups ("Patient pays › Total", "Sample care costs › Total"): the question told them
    // apart, and the better one is quoted; the other's figure beside it would read as a second answer.
    const own = groupedLabel(candidate.sentence);
    if (own && quotes.some((quote) => sameLabelOtherGroup(groupedLabel(quote.sentence), own))) continue;
    // Rows of one label told apart by whom or what they are for ("Hospital charges (baby)", "Hospital charges
    // (mother)"): the question named the one quoted, and the other's figure beside it would read as a second answer.
    const qualified = qualifiedLabel(candidate.sentence);
    if (qualified && !qualified.qualifier.some((token) => questionTokens.has(token)) && quotes.some((quote) => otherQualifier(qualifiedLabel(quote.sentence), qualified, questionTokens))) continue;
    // Asked what the patient pays in a coverage example, the row of its total cost is another answer (and so on).
    const party = labelRole(candidate.sentence);
    if (role !== null && party !== null && party !== role && quotes.length > 0) continue;
    // A row named "non-" of a word the question says plainly ("Non-preferred generic, brand and specialty drugs" for
    // "a preferred specialty drug"), or plainly of one it says only with "non-", is another kind's, after the best.
    if (quotes.length > 0 && ROW.test(candidate.sentence) && otherKind(saidKinds(ownLabel(candidate.sentence)), questionKinds)) continue;
    // Asked what the document says about a subject ("Does this summary say anything about keeping coverage?"), the
    // best passage's paragraph is quoted on under its title.
    const sentence = describes && quotes.length === 0 && candidate.after.length > 0 ? [candidate.sentence, ...candidate.after].join(" ") : withItem(withSequel(candidate, quotes.length === 0, wanted), most === MAX_SENTENCES ? candidate.items : [], wanted, passages);
    const priced = candidate.priced;
    if (priced !== null && quotes.length < MAX_SENTENCES - 1 && !quotes.some((quote) => quote.sentence === priced.text)) quotes.push({ sentence: priced.text, source: priced.source, score: candidate.score });
    quotes.push({ sentence, source: candidate.source, score: candidate.score });
    if (candidate.cell !== null) taken.add(`${candidate.source.n}\u0000${candidate.cell}`);
  }
  // Asked only how many visits are covered, quotes that count none ("$30 copayment for each… visit") do not answer.
  // (Asked something else too, "…and do the out-of-network ones count toward that?", a quote may answer that part.)
  if (countAsked && parts.length < 2 && !quotes.some((quote) => STATES_COUNT.test(normalize(quote.sentence)))) return [];
  return quotes;
}

/**
 * The best quote with the sentence after it when that one completes it: the quote announces what follows ("…live
 * within our service area listed below."), or the next sentence says what happens otherwise ("If you use your Medicare
 * card instead…", "Si no…") in words the question asked. Other quotes, and rows, stand alone.
 */
function withSequel(candidate: { sentence: string; next: string | null }, best: boolean, wanted: ReadonlyMap<string, number>): string {
  const next = candidate.next;
  if (!best || next === null) return candidate.sentence;
  const announces = ANNOUNCES.test(candidate.sentence);
  const askedWords = [...contentTokens(next, BROADER).keys()].filter((token) => !token.startsWith("#") && (wanted.get(token) ?? 0) >= 1).length;
  return announces || (CONSEQUENCE.test(next) && askedWords >= 2) ? `${candidate.sentence} ${next}` : candidate.sentence;
}

/**
 * A quote that announces a list ("We must end your membership in the plan if any of the following happen:") with the
 * item of it the question names ("…sentenced to 18 months in prison": "If you become incarcerated (go to prison)"):
 * alone, the lead-in says that something follows and not what. The item is the one sharing the most of the question's
 * words that the lead-in does not say already, story words included, the rarer among the passages the more; an item
 * sharing none is not added. (Asked for a list, the lead-in is one of many quotes and stands alone.)
 */
function withItem(sentence: string, items: readonly string[], wanted: ReadonlyMap<string, number>, passages: readonly ReadonlyMap<string, number>[]): string {
  if (items.length === 0) return sentence;
  const said = contentTokens(sentence, BROADER);
  // (A word few of the passages say weighs more: "prison" over "months".)
  const rarity = (token: string) => Math.log(1 + passages.length / Math.max(1, passages.filter((tokens) => tokens.has(token)).length));
  let best: { item: string; weight: number } | null = null;
  for (const item of items) {
    let weight = 0;
    for (const token of contentTokens(item, BROADER).keys()) if (!said.has(token)) weight += (wanted.get(token) ?? 0) * rarity(token);
    if (weight > (best?.weight ?? 0)) best = { item, weight };
  }
  return best === null ? sentence : `${sentence} ${best.item}`;
}

/** A list of services that states no price of its own ("· Bone mass measurement · …"). */
function unpricedList(unit: Unit): boolean {
  return (unit.list === true || BULLETED.test(unit.text)) && !statesCost(unit.text);
}

/** The row that prices an unpriced list right under it ("Medicare-covered — In-network: $0 copay"), or null. */
function pricingRow(list: Unit, above: Unit | undefined): string | null {
  return unpricedList(list) && above !== undefined && ROW.test(above.text) && statesCost(above.text) ? above.text : null;
}

/**
 * A row's cell that announces what follows ("Fitness program — In-network: $0 copay … and includes:") goes on in the
 * next row of the same service and column, as the chunker writes a long cell's later lines ("Fitness program —
 * In-network: · Free gym membership · …"): that row's cell, without the name both share. Null otherwise.
 */
function rowSequel(row: string, following: string | undefined): string | null {
  if (following === undefined || !ROW.test(row) || !ROW.test(following) || !ANNOUNCES.test(row)) return null;
  const label = row.slice(0, row.indexOf(" — "));
  if (following.slice(0, following.indexOf(" — ")) !== label) return null;
  const column = /([^;:]{1,60}):\s/.exec(row.slice(label.length + 3).split("; ").at(-1) ?? "")?.[1];
  const cell = following.slice(label.length + 3);
  return column !== undefined && cell.startsWith(`${column}: `) ? cell.slice(column.length + 2) : null;
}

/** A list's sub-item set with a dash ("- If you move or take a long trip, call Customer Service…"). */
const SUB_ITEM = /^[-–]\s+/;

/** A sentence that points to what follows it. */
const ANNOUNCES = /(?:\b(?:below|following|as follows)|\b(?:a continuación|siguientes?))\s*[.:]?\s*$|:\s*$|\b(?:listed|shown|described|named) below\b|\b(?:que se indica|indicad[oa]s?|enumerad[oa]s?) (?:a continuación|abajo)\b/iu;
/** A sentence that says what follows from a rule: "If you…", "Otherwise…", "Si usted…". */
const CONSEQUENCE = /^(?:if you\b|if not\b|otherwise\b|unless\b|si usted\b|si no\b|de lo contrario\b)/iu;

/**
 * "(does not include Part D prescription drugs)", "(excluding premiums)", "(no incluye…)", "…$5,500. Does not apply to
 * office visits, urgent care, preventive care and prescription drugs.": what a row leaves out.
 */
const EXCLUDED_ASIDE = /\((?:does not|doesn['’]t|do not|not)\s+(?:include|including|cover|apply to|count)[^()]*\)|\((?:excluding|excludes|except|no incluye|sin incluir|excepto)[^()]*\)|(?<=[.;]\s+)(?:does not|doesn['’]t)\s+apply\s+to\s+[^.;()]*/giu;
/** A title before a colon at a sentence's start ("Your Grievance and Appeals Rights: There are agencies…"), not a
 * sentence that announces what follows ("The contact information for those agencies is: …"). */
const INLINE_TITLE = /^\p{Lu}[^.:;!?]{2,60}(?<!\b(?:is|are|include|includes|including|follows|following|es|son|incluye|incluyen)):\s/u;
/** "Does this summary say anything about…?", "What does my plan say about…?", "¿Dice algo sobre…?". */
const SAYS_ABOUT = /\b(?:say|says|said|mention|mentions) (?:anything |something )?(?:about|on|regarding)\b|\bdice(?:n)? (?:algo )?(?:sobre|acerca de)\b|\bmenciona(?:n)? (?:algo )?(?:sobre|acerca de)\b/;
/** "…counts as one visit", "¿…cuenta como…?": what a thing is taken for, not whether it is included. */
const COUNTS_AS = /\bcounts? as\b|\bcuenta(?:n)? como\b/;
/** A question about what something includes or leaves out ("Does the limit include drugs?", "¿…incluye…?"). */
const INCLUSION_QUESTION = /\b(?:includ\w*|exclud\w*|count\w*|part of|apply to|applies to|incluye\w*|incluid\w*|cuenta\w*|aplica\w*)\b/;

/** The tokens a text names only inside what it says it leaves out, or null when it leaves nothing out. */
function excludedTokens(text: string): Set<string> | null {
  const asides = text.match(EXCLUDED_ASIDE);
  if (!asides) return null;
  const rest = contentTokens(text.replace(EXCLUDED_ASIDE, " "), BROADER);
  return new Set([...contentTokens(asides.join(" "), BROADER).keys()].filter((token) => !rest.has(token)));
}

/**
 * A row's label without its parenthesised qualifier, and the qualifier's tokens: "Hospital charges (baby)". In prose,
 * the noun a parenthesis qualifies, and the qualifier's tokens: "your Part C (medical) claim", "your Part D
 * (prescription drug) claim".
 */
function qualifiedLabel(sentence: string): { base: string; qualifier: string[] } | null {
  let base: string | undefined;
  let qualifier: string | undefined;
  if (ROW.test(sentence)) {
    const label = sentence.slice(0, sentence.indexOf(" — ")).split(" › ").at(-1) ?? "";
    [, base, qualifier] = /^(.*\S)\s*\(([^()]{1,30})\)$/.exec(label.trim()) ?? [];
  } else {
    [, qualifier, base] = /\(([^()]{1,30})\)\s+(\p{L}{3,})/u.exec(sentence) ?? [];
  }
  if (base === undefined || qualifier === undefined) return null;
  const tokens = [...contentTokens(qualifier, BROADER).keys()];
  return tokens.length ? { base: normalize(base), qualifier: tokens } : null;
}

/** Whether a quoted row is the same label for another qualifier, one the question names. */
/** The tokens a question names a row's qualifier by: "mom", "mamá", "madre" for "(mother)"; not the example's name. */
function qualifierTokens(normalized: string): Set<string> {
  // (Words, not concepts: "(baby)" is about a pregnancy, and so is "Estoy embarazada".)
  return new Set([...contentTokens(normalized.replace(EXAMPLE_NAMES, " ")).keys()].filter((token) => !token.startsWith("#")).map((token) => QUALIFIER_WORDS[token] ?? token));
}
/** Members' words for whom a coverage example's rows are told apart by, as the rows' own tokens. */
const QUALIFIER_WORDS: Readonly<Record<string, string>> = { mom: "mother", mommy: "mother", mama: "mother", mami: "mother", madr: "mother", bebe: "baby", newborn: "baby", infant: "baby" };

function otherQualifier(quoted: { base: string; qualifier: string[] } | null, candidate: { base: string; qualifier: string[] }, asked: ReadonlyMap<string, number>): boolean {
  return quoted !== null && quoted.base === candidate.base && quoted.qualifier.join(" ") !== candidate.qualifier.join(" ") && quoted.qualifier.some((token) => asked.has(token));
}

function sameLabelOtherGroup(a: { group: string; label: string } | null, b: { group: string; label: string }): boolean {
  return a !== null && a.label === b.label && a.group !== b.group;
}

/** A row's own label's tokens ("Patient pays › Copays — $450": those of "Copays"), or null for what is not a row. */
function rowLabel(sentence: string): ReadonlyMap<string, number> | null {
  if (!ROW.test(sentence)) return null;
  return contentTokens(sentence.slice(0, sentence.indexOf(" — ")).split(" › ").at(-1) ?? "", BROADER);
}

/** A row's label read under a group ("Patient pays › Total — $3,970": group "Patient pays", label "Total"), or null. */
function groupedLabel(sentence: string): { group: string; label: string } | null {
  if (!ROW.test(sentence)) return null;
  const path = sentence.slice(0, sentence.indexOf(" — ")).split(" › ");
  if (path.length < 2) return null;
  return { group: normalize(path.slice(0, -1).join(" › ")), label: normalize(path.at(-1) ?? "") };
}

/** The stop or semicolon that ends a list's item, not an abbreviation's own ("…traveling outside the U.S."). */
const ITEM_END = /(?<![\s.]\p{Lu})[.;]\s*$/u;

/**
 * Units a quote can be: a table row ("label — Column: value; …", written by the chunker) whole, however many
 * sentences its cells hold — unless it is too long to read as one answer (an EOC benefit runs for a page), when each
 * sentence of each cell is a unit under the row's label and column; other lines split into sentences, each under the
 * short title line above it in the passage; a run of bulleted items is one unit, the list. A sentence that is itself a question ("Does this plan provide Minimum
 * Essential Coverage?") answers nothing and is not a unit.
 */
export function quoteUnits(text: string, question: string, context = ""): Unit[] {
  // A list's items do not say what the list is ("Hearing aids"): it is read under its section's last heading.
  const section = context.split(" › ").at(-1)?.trim() || null;
  const units: Unit[] = [];
  let heading: string | null = null;
  let list: string[] = [];
  const endList = () => {
    if (list.length) units.push({ text: list.join("; "), heading: heading ?? section, cell: null, list: true });
    list = [];
  };
  for (const line of wrappedLines(text)) {
    // A bulleted list is one unit: "What isn't covered?" is answered by the list under its title, not by one item.
    if (LIST_ITEM.test(line) && !ROW.test(line)) {
      list.push(line.replace(LIST_ITEM, "").replace(ITEM_END, ""));
      continue;
    }
    endList();
    if (ROW.test(line)) {
      heading = null;
      units.push(...rowUnits(line, question));
      continue;
    }
    if (TITLE_LINE.test(line)) {
      heading = line;
      continue;
    }
    // A title with its aside set beside it ("Services Your Plan Does NOT Cover | (This isn't a complete list. …)")
    // titles the lines under it as a title alone does: the list that follows is what it says it is.
    const cells = line.split(" | ");
    const [title, ...asides] = cells;
    if (asides.length > 0 && TITLE_LINE.test(title ?? "") && asides.every((aside) => /^\(.*\)$/.test(aside))) {
      heading = title ?? null;
      continue;
    }
    // Cells the layout left side by side on one line ("Woodland Hills, CA 91365 | Or Contact: | Department of Labor's …
    // | (800) 927-HELP (4357) | …") are separate texts: a sentence never runs from one into the next.
    for (const cell of cells.length >= MIN_SPLIT_CELLS ? cells : [line]) {
      let previous: Unit | null = null;
      for (const sentence of splitSentences(cell).flatMap(afterAddress)) {
        // A sentence in parentheses that names what the one before says ("…you may have to pay the difference. (This
        // is called balance billing.)") is read with it: alone it answers nothing.
        if (previous !== null && NAMES_THE_ONE_BEFORE.test(sentence)) {
          previous.text = `${previous.text} ${sentence}`;
          continue;
        }
        if (!isFragment(sentence) && balanced(sentence)) units.push((previous = { text: sentence, heading, cell: null, paragraph: cell }));
      }
    }
  }
  endList();
  return units.filter((unit) => unit.text !== "");
}

/** "(This is called balance billing.)", "(Esto se llama facturación del saldo.)": an aside naming the sentence before it. */
const NAMES_THE_ONE_BEFORE = /^\((?:this|that|these|it|esto|eso|este|esta)\b[^()]*[.!?]\)$/i;

/**
 * A passage's lines, with a sentence the page wrapped before its end joined again: a line that could pass for a title
 * ("SET is covered for members who have symptomatic peripheral artery disease") goes on into the next when that one
 * carries on in lower case ("(PAD) and have a referral…", "and have…") or the line ends on a word that cannot end one;
 * and a line that opens a parenthesis goes on to the line that closes it ("…(March 31, June 30, … and December" "31).").
 */
function wrappedLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (line === "") continue;
    const last = lines.at(-1);
    const open = last !== undefined && (last.match(/\(/g)?.length ?? 0) > (last.match(/\)/g)?.length ?? 0) && !ROW.test(last) && line.includes(")");
    const title = last !== undefined && TITLE_LINE.test(last) && (CARRIES_ON.test(line) || ENDS_OPEN.test(last));
    // "…contact your state insurance department, the U.S." / "Department of Labor, …": a name cut after its abbreviation.
    const abbreviated = last !== undefined && ENDS_ABBREVIATED.test(last) && !ROW.test(last);
    if (last !== undefined && (open || title || abbreviated) && !LIST_ITEM.test(line) && !ROW.test(line)) lines[lines.length - 1] = `${last} ${line}`;
    else lines.push(line);
  }
  return lines;
}

/** A line that carries on a sentence: lower case first, after a parenthesised aside if one opens it. */
const CARRIES_ON = /^(?:\([^()]{1,40}\)\s+)?\p{Ll}/u;
/** A line ending on an abbreviation that a name goes on from: "the U.S.", "Dr.", "P.O.". */
const ENDS_ABBREVIATED = /\b(?:the U\.S\.|Dr\.|Mr\.|Mrs\.|Ms\.|St\.|P\.O\.)$/;
/** A line ending on a word no sentence or title ends with. */
const ENDS_OPEN = /\b(?:and|or|the|of|for|to|a|an|with|in|on|by|from|who|that|y|o|de|del|la|el|los|las|para|con|en|que)$/i;

/**
 * A sentence the document ran on after a web or e-mail address without its full stop ("…www.insurance.ca.gov
 * Additionally, a consumer assistance program can help you file an appeal."): two sentences, each with its own subject.
 */
function afterAddress(sentence: string): string[] {
  return sentence.split(/(?<=(?:\b(?:www\.|https?:\/\/)|[\w.-]+@[\w-]+\.)[^\s]*[^\s.,;:])\s+(?=\p{Lu}\p{Ll}+,?\s)/u);
}

/**
 * A sentence that answers nothing on its own: a question ("Does this plan provide Minimum Essential Coverage?") or a
 * short lead-in without a figure ("Excluded Services & Other Covered Services:").
 */
function isFragment(sentence: string): boolean {
  if (/\?\s*$/.test(sentence)) return true;
  return /:\s*$/.test(sentence) && !/\d/.test(sentence) && sentence.split(/\s+/).length <= MAX_LEAD_IN_WORDS;
}
const MAX_LEAD_IN_WORDS = 12;
/** A label and its value ("Platinum Dental Rider premium | Additional $54 per month") read as one; three cells or more apart. */
const MIN_SPLIT_CELLS = 3;

/** Half of a parenthesis cut by the sentence splitter ("(This isn't a complete list." / "Check your policy.)") reads as a fragment. */
function balanced(sentence: string): boolean {
  let depth = 0;
  for (const char of sentence) {
    if (char === "(") depth++;
    else if (char === ")" && --depth < 0) return false;
  }
  // A parenthesis the document itself left open inside a sentence ("…at 1-866-444 (EBSA (3272) or www.dol.gov…") is
  // a misprint, not a cut: only a sentence that opens with one is half an aside.
  return depth === 0 || !/^\s*\(/.test(sentence);
}

/** A line that is a list item: a bullet glyph, then the item. */
const LIST_ITEM = /^[•·▪◦‣●○■□]\s*/u;
/** A list item's mark at a quote's start: a bullet (LIST_ITEM), or a sub-item's dash (SUB_ITEM). */
const LEADING_MARK = new RegExp(`${LIST_ITEM.source}|${SUB_ITEM.source}`, "u");

/**
 * A short line without a sentence's end or an amount: a benefit's name over its description, a list's lead-in (not
 * "Amount owed to providers: $7,540 Plan pays: $3,570", which is what it says).
 */
const TITLE_LINE = /^(?=.{3,80}$)(?!.*(?:[$€£]\s?\d|\d\s?%))[\p{Lu}\p{N}][^.!?;]*[^.!?;:,]$/u;

/** A row's cells can run for a page (an EOC benefit): past this, a cell is quoted a passage at a time. */
const MAX_ROW_CHARS = 600;
/** A passage of a long cell: its sentences from one on, as long as they stay under this many characters. */
const CELL_PASSAGE_CHARS = 320;

function rowUnits(row: string, question: string): Unit[] {
  if (row.length <= MAX_ROW_CHARS) return [{ text: row, heading: null, cell: null }];
  const at = row.indexOf(" — ");
  const label = row.slice(0, at);
  const units: Unit[] = [];
  // Asked about one plan of several side by side, the other plans' cells are not quoted (as presentQuote does for
  // a whole row).
  // A cell pricing several things, each "for" its own ("$71 copayment for Tier 3 progressive lenses* $130 copayment for
  // Tier 4 …"), keeps the ones asked about before it is cut into passages: the asked one may sit past the first.
  for (const part of onePlan(row.slice(at + 3).split("; "), question).map((cell) => askedFigures(cell, question))) {
    const colon = part.indexOf(": ");
    const column = colon > 0 && colon < 80 ? part.slice(0, colon + 2) : "";
    const sentences = splitSentences(part.slice(column.length));
    // "$100 copayment for each emergency room visit." reads with the sentence after it ("If you are admitted within
    // 24 hours, you do not pay…"): each passage runs from one sentence through the ones that fit after it.
    sentences.forEach((sentence, i) => {
      let passage = sentence;
      for (let j = i + 1; j < sentences.length && passage.length + (sentences[j]?.length ?? 0) < CELL_PASSAGE_CHARS; j++) passage += ` ${sentences[j]}`;
      // One passage per row (the in-network cell's, or the out-of-network one's), except one per plan when plans
      // stand side by side, each under its name.
      // The rest of the row is read as the passage's heading: its words count for the passage at SECTION_WEIGHT, so
      // the passage with the figures is not outranked by a limitation that repeats a word of the question ("pharmacy").
      units.push({ text: `${label} — ${column}${passage}`, heading: row, cell: PLAN_COLUMN.test(column) ? `${label}\u0000${column}` : label });
    });
  }
  return units;
}

/**
 * The offline stand-in for a model's query rewrite: a follow-up ("and for out-of-network?") is searched together
 * with the previous user question; a standalone question is searched as it is.
 */
export function combineWithPreviousTurn(question: string, history: ChatTurn[]): string {
  const previous = history.findLast((turn) => turn.role === "user" && turn.content.trim());
  if (!previous || !looksLikeFollowUp(question)) return question;
  return `${previous.content.trim()} ${question.trim()}`;
}

/** Splits text into deltas of `size` words, each keeping the whitespace that follows it, so they join back exactly. */
export function wordGroups(text: string, size: number): string[] {
  const pieces = text.match(/\S+\s*/g) ?? [];
  const groups: string[] = [];
  for (let i = 0; i < pieces.length; i += size) groups.push(pieces.slice(i, i + size).join(""));
  return groups;
}
