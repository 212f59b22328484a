/**
 * The interface's words in English and Spanish. The language comes from the member's choice (kept in localStorage),
 * else from the browser's languages; `{name}` placeholders are filled by `translate`.
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export type Lang = "en" | "es";
export const LANGS: Array<{ code: Lang; name: string }> = [
  { code: "en", name: "English" },
  { code: "es", name: "Español" },
];

const en = {
  "app.title": "Insurance Navigator",
  "app.tagline": "Ask plain-language questions about your own health-insurance documents.",
  "lang.label": "Language",
  "auth.heading": "Log in or create an account",
  "auth.email": "Email",
  "auth.password": "Password",
  "auth.passwordHint": "At least 10 characters.",
  "auth.login": "Log in",
  "auth.register": "Create account",
  "auth.logout": "Log out",
  "auth.signedInAs": "Signed in as {email}",
  "auth.working": "One moment…",
  "nav.label": "Sections",
  "nav.documents": "Documents",
  "nav.chat": "Chat",
  "nav.conversations": "Conversations",
  "docs.heading": "Your documents",
  "docs.drop": "Drag PDFs or text files here, or",
  "docs.upload": "Upload",
  "docs.uploadHint": "PDF, text, Markdown or HTML, up to 25 MB each. You can pick several.",
  "docs.uploads": "Uploads in progress",
  "docs.dismiss": "Dismiss",
  "docs.empty": "No documents yet. Upload your Summary of Benefits and Coverage or your policy to start.",
  "docs.listLabel": "Uploaded documents",
  "docs.askAbout": "Ask about {filename}",
  "docs.delete": "Delete",
  "docs.deleteNamed": "Delete {filename}",
  "docs.confirmDelete": "Delete {filename}? Its answers will no longer be available.",
  "docs.progress": "{filename}: progress",
  "docs.pages": "{n} pages",
  "docs.page1": "1 page",
  "status.waitingUpload": "Waiting to upload",
  "status.uploading": "Uploading… {percent}%",
  "status.queued": "Waiting to be processed",
  "status.parsing": "Reading pages…",
  "status.chunking": "Read {parsed} of {total} pages",
  "status.embedding": "{parsed} pages read · indexing passages: {embedded} of {total}",
  "status.complete": "Ready",
  "status.failed": "Could not be processed",
  "status.duplicate": "You had already uploaded this file; it is listed once.",
  "status.retrying": "A temporary problem; trying again (attempt {n}).",
  "chat.heading": "Chat",
  "chat.logLabel": "Conversation",
  "chat.you": "You",
  "chat.assistant": "Insurance Navigator",
  "chat.ask": "Ask a question",
  "chat.placeholder": "For example: What is the overall deductible?",
  "chat.send": "Send",
  "chat.stop": "Stop",
  "chat.stopped": "Stopped. The answer is incomplete.",
  "chat.cutShort": "The answer was cut short.",
  "chat.thinking": "Looking through your documents…",
  "chat.empty": "Ask anything about your plan: deductibles, copays, referrals, what is covered.",
  "chat.scopeAll": "Answers come from all your documents.",
  "chat.scopeSome": "Answers come only from the documents you ticked: {names}.",
  "chat.scopeClear": "Use all documents",
  "chat.sources": "Sources",
  "chat.citation": "[{n}] page {page}",
  "chat.rate": "Rate this answer",
  "chat.rateN": "Rate {n} of 5",
  "chat.rated": "Thanks for the rating.",
  "chat.rateFailed": "The rating could not be saved. Try again.",
  "chat.noDocuments": "Upload a document first: answers come only from your own documents.",
  "conv.heading": "Conversations",
  "conv.new": "New conversation",
  "conv.empty": "Your conversations will appear here.",
  "conv.rename": "Rename",
  "conv.renameNamed": "Rename {title}",
  "conv.newName": "New name for {title}",
  "conv.save": "Save",
  "conv.cancel": "Cancel",
  "conv.delete": "Delete",
  "conv.deleteNamed": "Delete conversation {title}",
  "conv.confirmDelete": "Delete the conversation “{title}”?",
  "viewer.title": "{filename}, page {page}",
  "viewer.close": "Close",
  "viewer.previous": "Previous page",
  "viewer.next": "Next page",
  "viewer.pageOf": "Page {page} of {pages}",
  "viewer.loading": "Opening the document…",
  "viewer.highlighted": "The cited passage is highlighted.",
  "viewer.notFound": "The cited passage could not be located exactly on this page; it reads:",
  "viewer.notPdf": "This document is not a PDF. The cited passage reads:",
  "viewer.failed": "The document could not be opened.",
  "error.network": "Insurance Navigator cannot be reached. Check your connection and try again.",
  "error.rateLimited": "You have asked many questions in the last minute. Try again in {seconds} seconds.",
  "error.invalidCredentials": "That email and password do not match an account.",
  "error.emailTaken": "An account with this email already exists. Log in instead.",
  "error.invalidAccount": "Enter a valid email and a password of at least 10 characters.",
  "error.sessionEnded": "Your session has ended. Log in again.",
  "error.tooLarge": "{filename} is larger than the 25 MB limit.",
  "error.unsupported": "{filename} is not a PDF, text, Markdown or HTML file.",
  "error.empty": "{filename} is empty.",
  "error.notFound": "This item no longer exists.",
  "error.server": "Something went wrong on our side. Try again in a moment. (Reference: {id})",
  "error.answerFailed": "The answer could not be completed. Try asking again.",
  "job.no_extractable_text":
    "No text could be found in this PDF: it is probably a scan (pictures of pages). It needs OCR (text recognition). Upload a PDF whose text you can select, for example a copy downloaded from your insurer's website.",
  "job.pdf_encrypted": "This PDF is password-protected. Open it, save a copy without a password, and upload that copy.",
  "job.pdf_corrupt": "This PDF seems damaged and could not be read. Download it again and upload the new copy.",
  "job.unsupported_type": "This file is not a PDF or readable text. Upload a PDF or a text file.",
  "job.file_missing": "The uploaded file was lost. Delete it and upload it again.",
  "job.pdf_too_complex":
    "This PDF is built in a way that would take too much memory to read (it may be damaged, or made to overload readers). Print it to a new PDF or export it again, and upload that.",
  "job.too_many_pages": "This document has more than 1,000 pages. Split it into smaller files and upload them separately.",
  "job.too_much_text": "This document has more text than one document may (about 1,000 dense pages). Split it into smaller files and upload them separately.",
  "job.too_many_chunks": "This document splits into more passages than one document may. Split it into smaller files and upload them separately.",
  "job.parse_timeout": "Reading this document took too long. Split it into smaller files, or print it to a new PDF, and upload that.",
  "job.server": "This document could not be processed because of a problem on our side. Delete it and upload it again later.",
} as const;

export type MessageKey = keyof typeof en;

const es: Record<MessageKey, string> = {
  "app.title": "Insurance Navigator",
  "app.tagline": "Haga preguntas sencillas sobre sus propios documentos de seguro médico.",
  "lang.label": "Idioma",
  "auth.heading": "Inicie sesión o cree una cuenta",
  "auth.email": "Correo electrónico",
  "auth.password": "Contraseña",
  "auth.passwordHint": "Al menos 10 caracteres.",
  "auth.login": "Iniciar sesión",
  "auth.register": "Crear cuenta",
  "auth.logout": "Cerrar sesión",
  "auth.signedInAs": "Sesión de {email}",
  "auth.working": "Un momento…",
  "nav.label": "Secciones",
  "nav.documents": "Documentos",
  "nav.chat": "Chat",
  "nav.conversations": "Conversaciones",
  "docs.heading": "Sus documentos",
  "docs.drop": "Arrastre aquí archivos PDF o de texto, o",
  "docs.upload": "Subir",
  "docs.uploadHint": "PDF, texto, Markdown o HTML, hasta 25 MB cada uno. Puede elegir varios.",
  "docs.uploads": "Subidas en curso",
  "docs.dismiss": "Descartar",
  "docs.empty": "Aún no hay documentos. Suba su Resumen de Beneficios y Cobertura o su póliza para empezar.",
  "docs.listLabel": "Documentos subidos",
  "docs.askAbout": "Preguntar sobre {filename}",
  "docs.delete": "Eliminar",
  "docs.deleteNamed": "Eliminar {filename}",
  "docs.confirmDelete": "¿Eliminar {filename}? Ya no se podrá responder con él.",
  "docs.progress": "{filename}: progreso",
  "docs.pages": "{n} páginas",
  "docs.page1": "1 página",
  "status.waitingUpload": "En espera para subir",
  "status.uploading": "Subiendo… {percent} %",
  "status.queued": "En espera de procesamiento",
  "status.parsing": "Leyendo páginas…",
  "status.chunking": "{parsed} de {total} páginas leídas",
  "status.embedding": "{parsed} páginas leídas · indexando pasajes: {embedded} de {total}",
  "status.complete": "Listo",
  "status.failed": "No se pudo procesar",
  "status.duplicate": "Ya había subido este archivo; aparece una sola vez.",
  "status.retrying": "Un problema temporal; reintentando (intento {n}).",
  "chat.heading": "Chat",
  "chat.logLabel": "Conversación",
  "chat.you": "Usted",
  "chat.assistant": "Insurance Navigator",
  "chat.ask": "Haga una pregunta",
  "chat.placeholder": "Por ejemplo: ¿Cuál es el deducible general?",
  "chat.send": "Enviar",
  "chat.stop": "Detener",
  "chat.stopped": "Detenida. La respuesta está incompleta.",
  "chat.cutShort": "La respuesta quedó cortada.",
  "chat.thinking": "Buscando en sus documentos…",
  "chat.empty": "Pregunte lo que quiera sobre su plan: deducibles, copagos, remisiones, qué está cubierto.",
  "chat.scopeAll": "Las respuestas salen de todos sus documentos.",
  "chat.scopeSome": "Las respuestas salen solo de los documentos marcados: {names}.",
  "chat.scopeClear": "Usar todos los documentos",
  "chat.sources": "Fuentes",
  "chat.citation": "[{n}] página {page}",
  "chat.rate": "Califique esta respuesta",
  "chat.rateN": "Calificar {n} de 5",
  "chat.rated": "Gracias por su calificación.",
  "chat.rateFailed": "No se pudo guardar la calificación. Inténtelo de nuevo.",
  "chat.noDocuments": "Suba primero un documento: las respuestas salen solo de sus propios documentos.",
  "conv.heading": "Conversaciones",
  "conv.new": "Nueva conversación",
  "conv.empty": "Sus conversaciones aparecerán aquí.",
  "conv.rename": "Renombrar",
  "conv.renameNamed": "Renombrar {title}",
  "conv.newName": "Nuevo nombre para {title}",
  "conv.save": "Guardar",
  "conv.cancel": "Cancelar",
  "conv.delete": "Eliminar",
  "conv.deleteNamed": "Eliminar la conversación {title}",
  "conv.confirmDelete": "¿Eliminar la conversación «{title}»?",
  "viewer.title": "{filename}, página {page}",
  "viewer.close": "Cerrar",
  "viewer.previous": "Página anterior",
  "viewer.next": "Página siguiente",
  "viewer.pageOf": "Página {page} de {pages}",
  "viewer.loading": "Abriendo el documento…",
  "viewer.highlighted": "El pasaje citado está resaltado.",
  "viewer.notFound": "No se pudo ubicar exactamente el pasaje citado en esta página; dice:",
  "viewer.notPdf": "Este documento no es un PDF. El pasaje citado dice:",
  "viewer.failed": "No se pudo abrir el documento.",
  "error.network": "No se puede conectar con Insurance Navigator. Revise su conexión e inténtelo de nuevo.",
  "error.rateLimited": "Ha hecho muchas preguntas en el último minuto. Inténtelo de nuevo en {seconds} segundos.",
  "error.invalidCredentials": "Ese correo y esa contraseña no corresponden a ninguna cuenta.",
  "error.emailTaken": "Ya existe una cuenta con este correo. Inicie sesión.",
  "error.invalidAccount": "Escriba un correo válido y una contraseña de al menos 10 caracteres.",
  "error.sessionEnded": "Su sesión terminó. Inicie sesión de nuevo.",
  "error.tooLarge": "{filename} supera el límite de 25 MB.",
  "error.unsupported": "{filename} no es un archivo PDF, de texto, Markdown ni HTML.",
  "error.empty": "{filename} está vacío.",
  "error.notFound": "Este elemento ya no existe.",
  "error.server": "Algo falló de nuestro lado. Inténtelo de nuevo en un momento. (Referencia: {id})",
  "error.answerFailed": "No se pudo completar la respuesta. Vuelva a preguntar.",
  "job.no_extractable_text":
    "No se encontró texto en este PDF: probablemente es un escaneo (imágenes de páginas). Necesita OCR (reconocimiento de texto). Suba un PDF cuyo texto se pueda seleccionar, por ejemplo una copia descargada del sitio web de su aseguradora.",
  "job.pdf_encrypted": "Este PDF está protegido con contraseña. Ábralo, guarde una copia sin contraseña y suba esa copia.",
  "job.pdf_corrupt": "Este PDF parece dañado y no se pudo leer. Descárguelo de nuevo y suba la copia nueva.",
  "job.unsupported_type": "Este archivo no es un PDF ni texto legible. Suba un PDF o un archivo de texto.",
  "job.file_missing": "El archivo subido se perdió. Elimínelo y súbalo de nuevo.",
  "job.pdf_too_complex":
    "Este PDF está construido de una forma que necesitaría demasiada memoria para leerlo (puede estar dañado o hecho para sobrecargar a los lectores). Imprímalo como un PDF nuevo o expórtelo de nuevo, y suba ese archivo.",
  "job.too_many_pages": "Este documento tiene más de 1.000 páginas. Divídalo en archivos más pequeños y súbalos por separado.",
  "job.too_much_text": "Este documento tiene más texto del que puede tener un documento (unas 1.000 páginas densas). Divídalo en archivos más pequeños y súbalos por separado.",
  "job.too_many_chunks": "Este documento se divide en más pasajes de los que puede tener un documento. Divídalo en archivos más pequeños y súbalos por separado.",
  "job.parse_timeout": "Leer este documento tardó demasiado. Divídalo en archivos más pequeños, o imprímalo como un PDF nuevo, y suba ese archivo.",
  "job.server": "Este documento no se pudo procesar por un problema de nuestro lado. Elimínelo y súbalo de nuevo más tarde.",
};

const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, es };
const STORAGE_KEY = "insurance-navigator.lang";

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return DICTIONARIES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The saved choice, else the first of the browser's languages we speak, else English. */
export function initialLang(): Lang {
  const saved = readSaved();
  if (saved) return saved;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "es" || base === "en") return base;
  }
  return "en";
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage can be off (private mode); the choice then lasts until the page closes.
  }
}

function readSaved(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "en" || value === "es" ? value : null;
  } catch {
    return null;
  }
}

export interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

export const I18nContext = createContext<I18n>({ lang: "en", t: (key, params) => translate("en", key, params), setLang: () => undefined });

export const useI18n = () => useContext(I18nContext);
