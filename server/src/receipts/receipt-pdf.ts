import QRCode from 'qrcode';
import { formatInstant, labelled, nationalHeader, openSheet, paperTitle } from '../papers/pdf-sheet.js';
import { lookupLink, type Receipt } from './receipts.service.js';

const FORM_VI: Record<string, string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao chứng thực',
};

/** The receipt as an A4 PDF, laid out like the paper form, with the lookup QR code. */
export async function renderReceiptPdf(receipt: Receipt, secret: string): Promise<Buffer> {
  const qr = await QRCode.toBuffer(lookupLink(receipt, secret), {
    type: 'png',
    margin: 1,
    width: 300,
    errorCorrectionLevel: 'M',
  });
  const { doc, finish } = openSheet(`Giấy tiếp nhận ${receipt.code}`);
  nationalHeader(doc, receipt.agency.name, receipt.department.name);
  paperTitle(doc, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', receipt.code);
  labelled(doc, 'Bộ phận tiếp nhận', `${receipt.department.name} – ${receipt.agency.name}`);
  labelled(doc, 'Tiếp nhận hồ sơ của', receipt.applicant.fullName);
  labelled(doc, 'Số CCCD/Hộ chiếu', receipt.applicant.idNumber);
  if (receipt.applicant.address) labelled(doc, 'Địa chỉ', receipt.applicant.address);
  if (receipt.applicant.phone) labelled(doc, 'Số điện thoại', receipt.applicant.phone);
  labelled(doc, 'Nội dung yêu cầu giải quyết', receipt.procedure.name);
  doc.moveDown(0.5).font('bold').text('Thành phần hồ sơ:').font('regular');
  if (!receipt.documents.length) doc.text('(không có giấy tờ kèm theo)');
  receipt.documents.forEach((d, i) =>
    doc.text(`${i + 1}. ${d.name} – ${FORM_VI[d.form] ?? d.form}: ${d.count}`, { indent: 14 }),
  );
  scansAndFees(doc, receipt);
  doc.moveDown(0.5);
  labelled(doc, 'Thời gian tiếp nhận', formatInstant(receipt.receivedAt));
  labelled(doc, 'Thời gian hẹn trả kết quả', formatInstant(receipt.dueAt));
  labelled(doc, 'Người tiếp nhận', receipt.receivedBy ?? '');
  doc.moveDown();
  const qrTop = doc.y;
  doc.image(qr, doc.page.margins.left, qrTop, { width: 120 });
  doc.text('Tra cứu tình trạng hồ sơ: quét mã QR hoặc truy cập', doc.page.margins.left + 140, qrTop + 10, {
    width: 330,
  });
  doc.text(receipt.lookupUrl, { width: 330 });
  doc.font('bold').text(`Mã hồ sơ: ${receipt.code}`).text(`Mã tra cứu: ${secret}`).font('regular');
  return finish();
}

/** Amounts in đồng as Vietnamese papers write them: "2.000 đồng". */
export function formatDong(amount: number): string {
  return `${amount.toLocaleString('vi-VN')} đồng`;
}

function scansAndFees(doc: PDFKit.PDFDocument, receipt: Receipt): void {
  const linked = receipt.scans.filter((s) => s.documentName);
  if (linked.length) {
    doc.moveDown(0.5).font('bold').text('Bản quét kèm theo:').font('regular');
    linked.forEach((s) => doc.text(`– ${s.documentName}: ${s.fileName}`, { indent: 14 }));
  }
  if (!receipt.fees.length) return;
  doc.moveDown(0.5).font('bold').text('Phí, lệ phí:').font('regular');
  receipt.fees.forEach((f, i) =>
    doc.text(`${i + 1}. ${f.name}: ${formatDong(f.amount)} – ${f.collected ? 'đã thu' : 'chưa thu'}`, {
      indent: 14,
    }),
  );
  labelled(doc, 'Tổng số tiền đã thu', formatDong(receipt.feesCollected));
}
