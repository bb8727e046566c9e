import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
// DejaVu Sans covers every Vietnamese letter with its diacritics; pdfkit's built-in fonts do not.
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export interface Sheet {
  doc: PDFKit.PDFDocument;
  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer>;
}

/** An A4 page laid out like the administrative paper forms, with the Vietnamese font registered. */
export function openSheet(title: string): Sheet {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: 60, right: 60 },
    info: { Title: title },
  });
  doc
    .registerFont('regular', path.join(FONT_DIR, 'DejaVuSans.ttf'))
    .registerFont('bold', path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  return {
    doc,
    finish: () => {
      doc.end();
      return done;
    },
  };
}

/** The issuing agency and department on the left, the national name and motto on the right. */
export function nationalHeader(doc: PDFKit.PDFDocument, agencyName: string, departmentName: string): void {
  const top = doc.y;
  const left = doc.page.margins.left;
  doc.font('regular').fontSize(10).text(agencyName.toUpperCase(), left, top, { width: 220, align: 'center' });
  doc.font('bold').text(departmentName.toUpperCase(), { width: 220, align: 'center' });
  doc
    .font('bold')
    .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + 230, top, { width: 245, align: 'center' });
  doc.text('Độc lập – Tự do – Hạnh phúc', { width: 245, align: 'center' });
  doc.x = left;
}

/** The paper's title, centred, and the dossier code under it. */
export function paperTitle(doc: PDFKit.PDFDocument, title: string, code: string): void {
  doc.moveDown(1.5).font('bold').fontSize(14).text(title, { align: 'center' });
  doc.font('regular').fontSize(11).text(`Mã hồ sơ: ${code}`, { align: 'center' }).moveDown();
}

/** "Label: value" with the label in bold. */
export function labelled(doc: PDFKit.PDFDocument, label: string, value: string): void {
  doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
}

/** A numbered list under a bold heading. */
export function numbered(doc: PDFKit.PDFDocument, heading: string, lines: string[], empty: string): void {
  doc.moveDown(0.5).font('bold').text(`${heading}:`).font('regular');
  if (!lines.length) doc.text(empty, { indent: 14 });
  lines.forEach((line, i) => doc.text(`${i + 1}. ${line}`, { indent: 14 }));
}

/** The signature block on the right: place and date, role, room to sign, name. */
export function signature(
  doc: PDFKit.PDFDocument,
  dateLine: string,
  role: string,
  name: string | null,
): void {
  const left = doc.page.margins.left + 240;
  doc.moveDown(1.5);
  const top = doc.y;
  doc.font('regular').text(dateLine, left, top, { width: 235, align: 'center' });
  doc.font('bold').text(role, { width: 235, align: 'center' });
  doc.font('regular').fontSize(9).text('(Ký, ghi rõ họ tên)', { width: 235, align: 'center' }).fontSize(11);
  doc
    .moveDown(3)
    .font('bold')
    .text(name ?? '', { width: 235, align: 'center' });
  doc.x = doc.page.margins.left;
}

/** "08 giờ 30 phút, ngày 24/11/2026" in Vietnam's time, whatever the server's time zone. */
export function formatInstant(iso: string): string {
  const p = vietnamParts(iso);
  return `${p.hour} giờ ${p.minute} phút, ngày ${p.day}/${p.month}/${p.year}`;
}

/**
 * "ngày 02 tháng 12 năm 2026", as papers are dated (two-digit day and month). The browser's
 * papers have a twin in client/src/components/papers/paper-dates.ts, held to the same strings
 * by test/client/paper-dates.spec.ts.
 */
export function formatPaperDate(iso: string): string {
  const p = vietnamParts(iso);
  return `ngày ${p.day} tháng ${p.month} năm ${p.year}`;
}

/** "Ngày 02 tháng 12 năm 2026": the date line over the signature, which starts the line. */
export function paperDateLine(iso: string): string {
  return formatPaperDate(iso).replace(/^n/, 'N');
}

function vietnamParts(iso: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return Object.fromEntries(format.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
}
