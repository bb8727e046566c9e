import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { lookupLink, type Receipt } from './receipts.service.js';

const require = createRequire(import.meta.url);
// DejaVu Sans covers every Vietnamese letter with its diacritics; pdfkit's built-in fonts do not.
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const REGULAR = path.join(FONT_DIR, 'DejaVuSans.ttf');
const BOLD = path.join(FONT_DIR, 'DejaVuSans-Bold.ttf');

const FORM_VI: Record<string, string> = { original: 'Bản chính', copy: 'Bản sao', certified_copy: 'Bản sao chứng thực' };

/** The receipt as an A4 PDF, laid out like the paper form, with the lookup QR code. */
export async function renderReceiptPdf(receipt: Receipt, secret: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(lookupLink(receipt, secret), { type: 'png', margin: 1, width: 300, errorCorrectionLevel: 'M' });
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 50, left: 60, right: 60 }, info: { Title: `Giấy tiếp nhận ${receipt.code}` } });
  doc.registerFont('regular', REGULAR).registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  header(doc, receipt);
  doc.moveDown(1.5).font('bold').fontSize(14).text('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', { align: 'center' });
  doc.font('regular').fontSize(11).text(`Mã hồ sơ: ${receipt.code}`, { align: 'center' }).moveDown();
  const line = (label: string, value: string) => doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  line('Bộ phận tiếp nhận', `${receipt.department.name} – ${receipt.agency.name}`);
  line('Tiếp nhận hồ sơ của', receipt.applicant.fullName);
  line('Số CCCD/Hộ chiếu', receipt.applicant.idNumber);
  if (receipt.applicant.address) line('Địa chỉ', receipt.applicant.address);
  if (receipt.applicant.phone) line('Số điện thoại', receipt.applicant.phone);
  line('Nội dung yêu cầu giải quyết', receipt.procedure.name);
  doc.moveDown(0.5).font('bold').text('Thành phần hồ sơ:').font('regular');
  if (!receipt.documents.length) doc.text('(không có giấy tờ kèm theo)');
  receipt.documents.forEach((d, i) => doc.text(`${i + 1}. ${d.name} – ${FORM_VI[d.form] ?? d.form}: ${d.count}`, { indent: 14 }));
  doc.moveDown(0.5);
  line('Thời gian tiếp nhận', formatInstant(receipt.receivedAt));
  line('Thời gian hẹn trả kết quả', formatInstant(receipt.dueAt));
  line('Người tiếp nhận', receipt.receivedBy ?? '');
  doc.moveDown();
  const qrTop = doc.y;
  doc.image(qr, doc.page.margins.left, qrTop, { width: 120 });
  doc.text('Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập', doc.page.margins.left + 140, qrTop + 10, { width: 330 });
  doc.text(receipt.lookupUrl, { width: 330 });
  doc.font('bold').text(`Mã hồ sơ: ${receipt.code}`).text(`Mã tra cứu: ${secret}`).font('regular');
  doc.end();
  return done;
}

function header(doc: PDFKit.PDFDocument, receipt: Receipt): void {
  const top = doc.y;
  const left = doc.page.margins.left;
  doc.font('regular').fontSize(10).text(receipt.agency.name.toUpperCase(), left, top, { width: 220, align: 'center' });
  doc.font('bold').text(receipt.department.name.toUpperCase(), { width: 220, align: 'center' });
  doc.font('bold').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + 230, top, { width: 245, align: 'center' });
  doc.text('Độc lập – Tự do – Hạnh phúc', { width: 245, align: 'center' });
  doc.x = left;
}

/** "08 giờ 30 phút, ngày 24/11/2026" in Vietnam's time, whatever the server's time zone. */
export function formatInstant(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.hour} giờ ${parts.minute} phút, ngày ${parts.day}/${parts.month}/${parts.year}`;
}
