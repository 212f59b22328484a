import { stem } from "./stem.ts";

/**
 * Word lists shared by the keyword query, the offline answerer and the offline embedder. All entries are in the form
 * `tokenize` produces (lowercase, no accents), so "cuánto" is listed as "cuanto".
 */

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

/**
 * Articles, prepositions and possessives: skipped when a question is matched against the vocabulary's phrases, so
 * "out of my pocket" meets "out of pocket" and "sala de emergencias" meets "sala emergencias". A subset of STOP_WORDS.
 */
export const FILLER_WORDS = words(`
  a an the of for to in on at by with from my your our his her their its this that these those
  el la los las lo un una unos unas de del al en con por para mi mis tu tus su sus nuestro nuestra
`);

/**
 * Function words, question words and filler verbs of English and Spanish, their texting spellings ("thru", "bc"), and
 * units of body weight ("I lost 80 lbs"):
 * they carry no topic, and left in they make every question look a little like every passage. Not here on purpose:
 * "out" ("out of network", "out-of-pocket"), amounts and insurance words, however common: the keyword leg weighs common
 * words down by their frequency instead.
 */
export const STOP_WORDS = new Set([
  ...FILLER_WORDS,
  ...words(`
    and am are as be been being but can could did do does doing done had has have having he her here hers him how i if
    into is it itself just may me might mine must no nor not now off once only or other ours over own same shall she
    should so some such than then there they through too under until till til up upon very was we were what when where which
    while who whom whose why will would yes you yours also about above after again against all any because before
    below between both during each either few further get gets got more most much many per please tell know want wants wanted need needs needed think thinks thought
    im dont doesnt isnt whats hows theres aren wasn s t ve ll re d still even ever already go goes going like let kind kinds sort sorts
    them us myself yourself yourselves himself herself ourselves themselves anything something everything anyone someone everyone anybody somebody
    e y o u que es son esta estan estoy estar ser soy fue era eres te se le les nos sobre como cual cuales cuando donde
    quien quienes este estos estas ese esa eso esos esas esto hay tengo tiene tienen tenemos puedo puede pueden
    necesito mas muy tambien pero si sino ya cuanto cuanta cuantos cuantas hace hacer usted ustedes yo ella ellos
    ellas algo alguna alguno sin ni hasta desde entre durante hacia segun
    despues antes todavia aun cada vez veces otro otra otros otras mismo misma ahora luego casa dinero cosa cosas quiero quisiera
    saber gustaria favor toca manda mandan mandar envian enviar dan dar da salir salgo llevar pasa pasar
    lugar lugares sitio nuevo nueva tener tenga tienes ir voy vas va vamos van mando mande envio put puts
    todo toda todos todas sumando sumar suma
    uso usas usa usamos usan usar utilizo utiliza utilizar
    lb lbs kg kgs kilo kilos libras
    thru tho cuz coz bc abt ur pls plz thx gonna wanna gotta
  `),
]);

/**
 * Stems every plan document repeats ("plan", "covered", "benefit"): a match on them alone says little about which
 * passage answers a question. The offline answerer and embedder weigh them down by a fixed factor, since neither
 * sees document frequencies (the keyword leg does, and needs no list).
 */
export const GENERIC_STEMS = new Set(
  [
    ...words(`
      plan plans cover covered coverage benefit insurance health service member policy care medical document
      information page amount include apply call see use booklet brochure pamphlet
    `),
  ].map(stem),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/**
 * Everyday English words of members' questions (and "visita", as everyday as "visit"), and words that say what kind
 * of answer is wanted rather than what it is about. A word outside them, outside the stop words and the plan vocabulary's generic words, names the subject
 * itself — a drug, a service, a place — so its absence from every retrieved passage means the documents do not answer
 * the question. A fixed list stands in for word frequencies, which an offline provider does not have.
 */
export const COMMON_WORDS = new Set(
  `about above across actual actually add additional advance after afterward again against ago all allow almost alone along already also
  although always among another answer anyone anything anywhere apart area around ask away back bad base basic because
  become before begin behind being below beside besides best better between big bit both bring build but buy call can
  care case cause certain change check choose claim clear close come common complete concern consider contact continue
  could count course current cut date deal decide depend describe detail different direct does done down during each
  early easy effect either else end enough entire etc ever every exact example except expect explain extra far feel few
  fill final find fine follow form free full further future general give given good great group half hand happen hard
  have having help her here high him his hold home hour however idea important include information instead involve
  issue item just keep kind know last late later least leave less let level life like list little live local long look
  lot low made main make many matter may mean member might mind miss more most mostly move must name near necessary
  never new next nice none normal note nothing now number offer office often old once one only open option order other
  otherwise our outside over own part particular partway past period person phone place please point possible pretty probably
  problem process provide put question quick quite rather read ready real really reason receive recent regular related
  remain remember request rest result return right same say second section seem separate series set several shall
  short should show sign similar simple since single situation small some someone something sometimes soon sort
  specific spot start state still stop such super suppose sure system take talk tell than thank that them themselves then
  therefore these thing think third those though through thus time today together too total try true turn two under
  understand unless until upon usual value various very via wait want way well went what whatever whenever whether
  which while whole whom whose why will wish within without wonder work worry worst would write wrong yet your yourself
  copay coinsurance deductible cost pay premium price amount charge fee maximum minimum limit annual year month day week
  visit doctor provider network out pocket allow require need mean include apply count toward much many often long old
  happen see get use take person people individual family per first after before covered go do ok okay hi hello
  accept act agree appear arrive avoid begin believe belong bring buy carry catch decide drop earn enjoy enter fail
  fall finish fit fix gets got getting goes going gone handle hear hit hope join land lead learn lend lie listen lose
  love manage meet mind notice owe own pass pick prefer prepare promise prove pull push reach realize reduce remove
  repeat reply report run save sell send serve share sit spend split splits stand stay stick suggest tend throw touch walk watch
  wear win able available cheap cheaper expensive fair happy huge large likely major special strong yearly monthly
  weekly daily money dollar dollars stuff type thing things someone everyone everything anybody somebody
  currently already anymore instead ahead away
  paid seen saw said told went came made took taken gave given found kept left met bought brought felt sent spent
  held knew known thought meant sought test tests hurt hurts worse shop store
  center centre facility facilities patient patients treat treated treatment overall routine maintenance selection selections non
  company companies agency agencies agencia agencias planning couple stretch rack racks racked racking zero scratch raise raises raised raising halfway drag drags dragged dragging
  visita visitas consulta consultas cita citas paciente pacientes viaje viajes session sessions sesion sesiones put puts red redes unit units unidad unidades
  cheapest lowest highest least quickly sooner later faster slower slow fast awkward embarrassing embarrassed weird silly dumb
  closer nearer farther farthest biggest smallest newer older easier harder
  aches aching achy kill kills killing killed
  mom mommy dad daddy mother father parent parents grandma grandmother grandpa grandfather grandparent grandparents
  brother sister aunt uncle cousin friend boss neighbor
  one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty ninety hundred
  pain ache sick ill hurt injured kick figure figured
  version versions worth supplier suppliers vendor vendors counter leftover leftovers prescribe prescribed
  budget budgeted budgeting
  file files filed filing employer employers hr aca separately separate range ranges myself yourself himself herself ourselves themselves somehow nowhere anywhere somewhere anyway sometime
  wrist wrists arm arms leg legs knee knees hip hips ankle ankles shoulder shoulders elbow elbows finger fingers toe toes
  neck gallbladder appendix tonsils
  minor mild moderate procedure procedures consumer consumers urgently recently normally usually basically immediately exactly finally especially serious seriously suddenly soon asap rule recommend advise
  chest back head stomach belly throat skin
  flu cold colds cough coughs fever autism autistic asthma copd arthritis migraine migraines headache headaches sprain sprained
  thyroid cataract cataracts hernia gout ulcer cyst mole wart bunion lump bruise tendon tendonitis ligament
  book booked booking therapy therapies terapia terapias according summary document documents booklet brochure paperwork
  town nearby near around closest road trip trips car twice thrice insist insisted ear ears cerebral palsy
  strep sinus rash bronchitis pneumonia infection infections virus covid concussion eczema acne insomnia
  alzheimer alzheimers dementia house houses tight swear swears swore haul coworker coworkers yell yells yelled yelling staff rude
  versus vs mix chance chances cutoff line assume assumed assuming weekend weekends holiday holidays morning evening
  night afternoon monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december due straight nearest
  weigh weighing clock flat fly flew flown flying frail bigger smaller larger higher lower greater nobody subject
  federal schedule scheduled scheduling side sides dept
  guess arrange afford bother break broke broken fell drive drove driving retire retired retiring school
  college university student students coworker vacation summer winter spring season apartment city country tomorrow
  yesterday tonight lately young worried scared confused sad busy tired stressed longtime lifelong longstanding previous maybe perhaps definitely nearly
  rarely earlier honestly hopefully unfortunately luckily apparently obviously literally completely altogether partly kinda sorta
  bunch piece plenty tons hey sorry yeah yep nope sold heard wrote written tried lost won switched switch switching
  chose government governments diagnose diagnosed diagnoses stuck compare compared comparing comparison
  paper papers print printed printout hardcopy job jobs workplace limitation limitations pair pairs post
  reset restart track bronze silver gold platinum meanwhile eventually certainly totally entirely mainly typically
  generally regularly occasionally frequently constantly slowly someday wherever whichever neither resume renew
  refresh hoping trying forget forgot reminded warn warned warning understood mentioned asked asking truly merely fairly barely hardly
  partial upcoming former latter latest newest oldest longer shorter pricier typical multiple correct impossible
  unlikely middle knock knocks knocked ons epoc beyond
  build builds built eat eats ate program programs street streets corner step steps skip skipped skipping neighborhood neighbourhood`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);

/**
 * Whether a stem (from `stem`) is an everyday word in any of its forms: the stemmer leaves short "-ing" and "-ed"
 * forms whole ("paying", "asked") and keeps a doubled consonant ("stopp"), so they are looked up without them too.
 *
 * @example isCommonStem(stem("paying")) // true
 */
export function isCommonStem(stemmed: string): boolean {
  if (COMMON_WORDS.has(stemmed) || COMMON_WORDS.has(stemmed.replace(/([^aeiou])\1$/, "$1"))) return true;
  const bare = stemmed.replace(/(?:ing|ed)$/, "");
  if (bare === stemmed || bare.length < 2) return false;
  return COMMON_WORDS.has(bare) || COMMON_WORDS.has(stem(`${bare}e`)) || COMMON_WORDS.has(bare.replace(/(.)\1$/, "$1"));
}
