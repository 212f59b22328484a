/**
 * Small hand-written PDFs for the parser's error paths, built in code so no binary test files are committed. Each file
 * has a correct cross-reference table, so pdf.js reads it as written instead of repairing it.
 */

/** Assembles numbered objects (object 1 is the catalog) into a PDF with an xref table and the given trailer entries. */
export function buildPdf(objects: string[], trailerExtra = ""): Uint8Array {
  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(byteLength(body));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return latin1(body);
}

/** One page per entry; each string is written with Helvetica at the top of its page (empty string = blank page). */
export function textPdf(pageTexts: string[]): Uint8Array {
  const firstPage = 4;
  const kids = pageTexts.map((_, i) => `${firstPage + i * 2} 0 R`).join(" ");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${pageTexts.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  for (const [i, text] of pageTexts.entries()) {
    const stream = text === "" ? "" : `BT /F1 12 Tf 72 720 Td (${escapePdfString(text)}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${firstPage + i * 2 + 1} 0 R >>`,
      `<< /Length ${byteLength(stream)} >>\nstream\n${stream}\nendstream`,
    );
  }
  return buildPdf(objects);
}

/** A piece of text placed at (x, y) on a page, in Helvetica or Helvetica-Bold, 10 points. */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  bold?: boolean;
}

/** One page with text at the given positions: a table drawn the way office software writes one, cell by cell. */
export function placedTextPdf(pieces: PlacedText[]): Uint8Array {
  const stream = pieces
    .map(({ text, x, y, bold }) => `BT /${bold ? "F2" : "F1"} 10 Tf ${x} ${y} Td (${escapePdfString(text)}) Tj ET`)
    .join("\n");
  return buildPdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents 6 0 R >>",
    `<< /Length ${byteLength(stream)} >>\nstream\n${stream}\nendstream`,
  ]);
}

/** A page whose content stream is empty: what a scan without a text layer looks like to a text extractor. */
export function blankPdf(): Uint8Array {
  return textPdf([""]);
}

/**
 * A PDF protected by the standard security handler (RC4, revision 2). Its /O and /U entries match no password, so
 * opening it without one fails the empty-user-password check and pdf.js asks for a password.
 */
export function encryptedPdf(): Uint8Array {
  const pdf = textPdf(["secret"]);
  const text = new TextDecoder("latin1").decode(pdf);
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${"7a".repeat(32)}> /U <${"5c".repeat(32)}> /P -4 >>`;
  const id = "0123456789abcdef0123456789abcdef";
  const objectCount = (text.match(/ 0 obj\n/g) ?? []).length;
  // The dictionary goes in as a new object so the offsets of the existing ones stay valid.
  const objects = Array.from({ length: objectCount }, (_, i) => objectBody(text, i + 1));
  objects.push(encrypt);
  return buildPdf(objects, `/Encrypt ${objectCount + 1} 0 R /ID [<${id}> <${id}>]`);
}

/** A valid header followed by bytes that are not PDF syntax. */
export function garbagePdf(): Uint8Array {
  const garbage = new Uint8Array(4096);
  // A fixed linear congruential sequence: the same "random" bytes on every run, so failures reproduce.
  let state = 12345;
  for (let i = 0; i < garbage.length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    garbage[i] = state >>> 24;
  }
  const header = latin1("%PDF-1.7\n");
  const bytes = new Uint8Array(header.length + garbage.length);
  bytes.set(header);
  bytes.set(garbage, header.length);
  return bytes;
}

function objectBody(pdfText: string, number: number): string {
  const start = pdfText.indexOf(`\n${number} 0 obj\n`);
  const bodyStart = start + `\n${number} 0 obj\n`.length;
  const end = pdfText.indexOf("\nendobj\n", bodyStart);
  return pdfText.slice(bodyStart, end);
}

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

function byteLength(text: string): number {
  return latin1(text).length;
}

function latin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}
