import type { ConceptId } from "./insurance-vocabulary.ts";

/**
 * Spanish forms of the vocabulary's concepts: the uniform glossary's terms as the Spanish SBC template and
 * HealthCare.gov write them (first in each list: retrieval also searches for it, for Spanish documents), then the
 * words members use, including common verb forms ("internan", "me internaron"), since the stemmer only folds plurals.
 * A Spanish question is thereby searched with the English document terms of every concept it names, so "¿Cuánto pago
 * en la sala de emergencias?" finds "Emergency room care".
 *
 * Written with accents, as people write them; matching ignores accents, case, plurals, articles and prepositions
 * ("de", "la", "mi"...).
 */
export const SPANISH_GLOSSARY: { readonly [id in ConceptId]?: readonly string[] } = {
  // Costos compartidos.
  deductible: ["deducible", "deducible general"],
  copay: ["copago"],
  coinsurance: ["coseguro"],
  "out-of-pocket-limit": [
    "desembolso máximo", "gasto máximo de bolsillo", "límite de gastos de bolsillo", "máximo de gastos de bolsillo",
    "gastos de bolsillo", "de su bolsillo", "de mi bolsillo", "bolsillo", "desembolso",
  ],
  premium: ["prima", "prima mensual", "cuota mensual", "mensualidad"],
  "allowed-amount": ["cantidad permitida", "monto permitido", "cargo permitido"],
  "balance-billing": ["facturación del saldo", "cobro del saldo", "facturación de saldos"],
  cost: ["costo", "coste", "precio", "cuánto cuesta", "cuánto cuestan", "cuánto es", "cuánto sale", "cuánto pago", "cuesta", "cuestan"],
  pay: ["pagar", "pago", "paga", "pagan", "pagaría", "pagué", "pagaré"],
  charge: ["cargo", "cobran", "cobrar", "cobro", "cobra", "tarifa"],
  maximum: ["máximo", "límite", "tope"],
  reimbursement: ["reembolso", "reembolsar", "reembolsen", "reembolsan", "reembolsa", "devolución", "me devuelvan"],
  bill: ["factura", "cuenta médica"],
  claim: ["reclamación", "reclamo", "solicitud de pago"],
  credit: ["crédito", "asignación"],
  free: ["sin cargo", "sin costo", "gratis", "gratuito", "gratuita"],

  // Redes y proveedores.
  "in-network": ["proveedor de la red", "dentro de la red", "de la red", "en la red", "red", "proveedor preferido", "proveedor participante"],
  "out-of-network": ["fuera de la red", "proveedor fuera de la red", "no participante", "fuera de red"],
  provider: ["proveedor"],
  doctor: ["médico", "médica", "doctor", "doctora", "galeno"],
  "primary-care": [
    "atención primaria", "médico de atención primaria", "médico de cabecera", "médico primario", "proveedor de atención primaria",
    "médico familiar", "médico general",
  ],
  specialist: ["especialista", "dermatólogo", "cardiólogo", "neurólogo", "ortopedista", "ginecólogo", "oncólogo", "urólogo"],
  "office-visit": ["consulta", "visita al consultorio", "visita al médico", "visita", "consulta médica", "cita", "cita médica"],
  referral: ["remisión", "referido", "referencia", "derivación", "pase al especialista"],
  "prior-authorization": [
    "autorización previa", "preautorización", "aprobación previa", "precertificación", "autorización", "permiso previo",
  ],
  telehealth: ["telesalud", "telemedicina", "consulta virtual", "visita virtual", "videoconsulta"],

  // Dónde y cómo se recibe la atención.
  "emergency-room": ["sala de emergencias", "sala de emergencia", "sala de urgencias", "emergencias", "servicio de emergencia", "emergencia"],
  "urgent-care": ["atención de urgencia", "cuidado de urgencia", "centro de atención de urgencia", "atención urgente", "urgencia", "urgencias"],
  ambulance: ["ambulancia", "transporte médico de emergencia"],
  transportation: ["transporte"],
  "hospital-stay": [
    "hospitalización", "estadía en el hospital", "estancia en el hospital", "estancia hospitalaria", "internación", "internamiento",
    "internado", "internada", "internan", "internar", "internaron", "hospitalizado", "hospitalizada", "ingreso hospitalario",
    "paciente hospitalizado",
  ],
  hospital: ["hospital"],
  "outpatient-surgery": ["cirugía ambulatoria", "cirugía como paciente ambulatorio", "centro de cirugía ambulatoria", "cirugía sin internación"],
  outpatient: ["paciente ambulatorio", "ambulatorio", "ambulatoria", "paciente externo"],
  surgery: ["cirugía", "cirujano", "operación", "operar", "operen"],

  // Medicamentos.
  "prescription-drugs": ["medicamentos recetados", "medicamento", "receta", "medicina", "fármaco", "medicamentos con receta", "recetas médicas"],
  "generic-drugs": ["medicamentos genéricos", "genérico", "genérica"],
  "non-preferred-drugs": ["medicamentos no preferidos", "marca no preferida", "no preferido", "no preferida", "no preferidos", "no preferidas"],
  "brand-drugs": ["medicamentos de marca", "de marca", "marca"],
  "specialty-drugs": ["medicamentos especializados", "especializado"],
  "drug-tier": ["nivel", "categoría de medicamento", "escalón"],
  pharmacy: ["farmacia", "botica"],
  "mail-order": ["pedido por correo", "por correo", "envío a domicilio"],
  "month-supply": ["suministro de 30 días", "suministro de un mes", "suministro para un mes"],
  "long-supply": ["suministro de 90 días", "suministro de 100 días", "suministro de tres meses"],
  formulary: ["lista de medicamentos", "formulario", "lista de medicamentos cubiertos"],
  "over-the-counter": ["de venta libre", "venta libre", "sin receta"],

  // Servicios.
  "mental-health": ["salud mental", "salud conductual", "salud del comportamiento", "psicólogo", "psiquiatra", "terapeuta", "psicoterapia", "depresión", "ansiedad", "terapia de grupo", "terapia en grupo"],
  "substance-use": ["trastornos por uso de sustancias", "abuso de sustancias", "adicción", "adicciones", "alcoholismo", "desintoxicación", "alcohol", "drogas"],
  pregnancy: ["embarazo", "embarazada", "maternidad", "parto", "prenatal", "posparto", "dar a luz", "bebé"],
  "durable-medical-equipment": ["equipo médico duradero", "equipo médico", "suministros médicos", "silla de ruedas", "andadera", "andador", "muletas"],
  "skilled-nursing": ["centro de enfermería especializada", "enfermería especializada", "centro de enfermería", "asilo de ancianos", "hogar de ancianos", "residencia de ancianos"],
  hospice: ["cuidados paliativos", "hospicio", "cuidados para enfermos terminales", "cuidado paliativo"],
  "home-health": ["cuidado de salud en el hogar", "atención médica en el hogar", "cuidado en el hogar", "atención domiciliaria", "salud en el hogar", "enfermera a domicilio", "atención médica en casa", "atención en casa", "cuidado en casa", "cuidado de salud en casa", "salud en casa", "enfermera en casa", "a domicilio"],
  rehabilitation: ["servicios de rehabilitación", "rehabilitación", "terapia física", "fisioterapia", "terapia ocupacional", "terapia del habla", "fisioterapeuta"],
  habilitation: ["servicios de habilitación", "habilitación"],
  chiropractic: ["quiropráctico", "quiropráctica", "quiropraxia", "ajuste de columna"],
  acupuncture: ["acupuntura"],
  membership: ["membresía", "afiliación"],
  "transition-supply": ["suministro temporal", "suministro provisional", "surtido temporal", "resurtido temporal"],
  podiatry: ["podología", "podólogo", "cuidado de los pies"],
  diabetes: ["diabetes", "diabético", "diabética"],
  "diabetes-supplies": ["suministros para diabéticos", "tiras reactivas", "glucómetro", "monitor de glucosa", "medidor de glucosa"],
  "preventive-care": ["atención preventiva", "cuidado preventivo", "servicios preventivos", "chequeo", "examen anual", "examen físico", "revisión médica"],
  immunizations: ["vacunas", "inmunización", "vacuna", "vacunación", "inyección", "inyecciones"],
  "diagnostic-tests": ["prueba de diagnóstico", "análisis de sangre", "laboratorio", "examen de laboratorio", "análisis"],
  "x-ray": ["radiografía", "rayos x", "placa de rayos x"],
  imaging: ["imágenes", "resonancia magnética", "tomografía", "resonancia", "ultrasonido", "estudios de imagen"],
  "eye-exam": ["examen de la vista", "examen de los ojos", "examen visual", "examen ocular", "oculista", "optometrista", "oftalmólogo"],
  eyewear: ["anteojos", "lentes", "gafas", "espejuelos", "lentes de contacto", "marcos", "armazón", "armazones", "monturas"],
  vision: ["vista", "visión", "ojos", "ojo"],
  dental: ["dental", "dentista", "dientes", "muelas", "odontológico", "limpieza dental", "odontólogo", "dentadura postiza", "frenos dentales", "ortodoncia", "empastes", "endodoncia"],
  contraception: ["anticonceptivos", "anticoncepción", "anticonceptivo", "planificación familiar", "píldora anticonceptiva"],
  insulin: ["insulina"],
  worldwide: ["fuera de los estados unidos", "en el extranjero", "cobertura mundial", "viaje", "viajo", "viajar", "otro país"],
  meals: ["comidas a domicilio", "comidas", "comida"],
  "nurse-line": ["línea de enfermería", "línea de enfermeras", "hablar con una enfermera"],
  hearing: ["audífonos", "aparatos auditivos", "audición", "examen de audición", "oído"],
  infertility: ["tratamiento de infertilidad", "infertilidad", "fertilidad"],
  "cosmetic-surgery": ["cirugía estética", "cirugía cosmética", "cirugía plástica"],
  "weight-loss": ["programas para bajar de peso", "bajar de peso", "pérdida de peso", "cirugía bariátrica", "adelgazar"],
  "long-term-care": ["cuidado a largo plazo", "atención a largo plazo", "cuidado de custodia", "largo plazo"],
  "private-duty-nursing": ["enfermería privada", "enfermera privada"],
  abortion: ["aborto"],

  // Cuentas, reglas y trámites.
  hsa: ["cuenta de ahorros para la salud", "cuenta de ahorro de salud", "cuenta de ahorros médicos"],
  fsa: ["cuenta de gastos flexibles", "cuenta flexible"],
  hra: ["cuenta de reembolso de salud", "arreglo de reembolso de salud"],
  "excluded-services": ["servicios excluidos", "no cubre", "no cubiertos", "no está cubierto", "exclusiones", "excluido", "nunca cubre", "no incluye"],
  appeal: ["apelación", "apelar", "apelo", "apele"],
  grievance: ["queja", "queja formal", "quejarme", "quejarse"],
  denial: ["negaron", "negado", "negada", "denegación", "denegado", "denegada", "rechazaron", "rechazado", "rechazada", "niegan", "negar"],
  "enrollment-period": ["periodo de inscripción", "período de inscripción", "inscripción abierta", "inscripción", "inscribirme", "cambiar de plan", "cambiarme de plan"],
  dependent: ["dependiente"],
  child: ["hijo", "hija", "niño", "niña", "menor", "pediátrico", "pediátrica", "nene", "nena"],
  spouse: ["cónyuge", "esposo", "esposa", "pareja"],
  age: ["edad", "qué edad", "años de edad"],
  "member-id": ["número de miembro", "tarjeta de miembro", "identificación de miembro", "tarjeta del seguro", "número de identificación"],
  counseling: ["asesoría gratuita", "asesoría", "asesoramiento", "consejería", "consejero"],
  "customer-service": ["servicio al cliente", "servicios para miembros", "número de teléfono", "teléfono", "llamar", "llamo"],

  // Tiempo y frecuencia.
  deadline: ["plazo", "fecha límite", "cuánto tiempo", "cuántos días", "tiempo límite", "dentro de", "hasta cuándo"],
  "next-year": ["próximo año", "año próximo", "año siguiente", "año que viene"],
  year: ["año", "anual", "al año", "por año", "año calendario", "anualmente"],
  quarter: ["trimestre", "trimestral", "cada tres meses"],
  month: ["mes", "meses", "mensual", "al mes", "por mes", "cada mes", "mensualmente"],
  day: ["día", "por día", "al día", "diario", "diaria"],
  family: ["familia", "familiar"],
  individual: ["individual", "por persona", "persona"],

  // Palabras que todo documento repite.
  cover: ["cubre", "cubierto", "cubierta", "cobertura", "cubrir", "cubren"],
  benefit: ["beneficio", "prestación"],
  service: ["servicio"],
  insurance: ["seguro", "aseguradora", "seguro médico"],
  health: ["salud"],
  care: ["atención", "cuidado", "cuidados"],
  policy: ["póliza"],
  plan: ["plan"],
};
