/**
 * A minimal PDF 1.4 writer for text pages, with no dependencies: one standard Helvetica font (never embedded: every
 * reader has the base 14 fonts), one uncompressed content stream per page, and a correct cross-reference table, so
 * pdf.js (unpdf) opens the file without falling back to its repair path. ASCII text only; anything else becomes "?".
 *
 * @example writeTextPdf([["Page one, line one", "line two"], ["Page two"]])
 */

/** US Letter in points (1/72 inch). */
const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
/** Three-quarter-inch margins, as a printed booklet has. */
const MARGIN = 54;
const FONT_SIZE = 10;
/** 1.2 times the font size: the usual single spacing. */
const LEADING = 12;

/** Lines that fit between the margins at this size and leading: (792 - 2·54) / 12 = 57. */
export const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LEADING);
/** Helvetica averages about half an em per character: (612 - 2·54) / 5 ≈ 100; 90 leaves room for wide letters. */
export const CHARS_PER_LINE = 90;

function escapeText(line: string): string {
  return line.replace(/[^\x20-\x7e]/g, "?").replace(/[\\()]/g, (c) => `\\${c}`);
}

export function writeTextPdf(pages: string[][]): Uint8Array<ArrayBuffer> {
  const objects: string[] = [];
  // Object numbers: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page.
  const pageRef = (i: number) => 4 + 2 * i;
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageRef(i)} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  pages.forEach((lines, i) => {
    const content = [
      "BT",
      `/F1 ${FONT_SIZE} Tf`,
      `${LEADING} TL`,
      `${MARGIN} ${PAGE_HEIGHT - MARGIN - FONT_SIZE} Td`,
      ...lines.map((line) => `(${escapeText(line)}) Tj T*`),
      "ET",
    ].join("\n");
    objects[pageRef(i)] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageRef(i) + 1} 0 R >>`;
    // Content is ASCII, so its length in characters is its length in bytes.
    objects[pageRef(i) + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });

  // The binary comment line tells transfer tools the file is binary (PDF spec 7.5.2).
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = body.length;
    body += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xrefOffset = body.length;
  // Each xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, keyword, CR LF.
  const entries = ["0000000000 65535 f\r\n"];
  for (let n = 1; n < objects.length; n++) entries.push(`${String(offsets[n]).padStart(10, "0")} 00000 n\r\n`);
  body += `xref\n0 ${objects.length}\n${entries.join("")}`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // latin1 maps each character to one byte, which is what the offsets above counted.
  return new Uint8Array(Buffer.from(body, "latin1"));
}
