import type { ApologyPaperData, RefusalPaperData, SupplementRequestPaperData } from './papers.service.js';
import {
  formatInstant,
  labelled,
  nationalHeader,
  numbered,
  openSheet,
  paperDateLine,
  paperTitle,
  signature,
} from './pdf-sheet.js';

type Base = SupplementRequestPaperData | RefusalPaperData | ApologyPaperData;

/** "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ" as an A4 PDF. */
export function renderSupplementRequestPdf(paper: SupplementRequestPaperData): Promise<Buffer> {
  const { doc, finish } = openSheet(`Phiếu yêu cầu bổ sung ${paper.code}`);
  opening(doc, paper, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
  doc
    .moveDown(0.5)
    .text(
      `${paper.department.name} đã tiếp nhận hồ sơ của ông/bà ${paper.applicant.fullName}. ` +
        'Sau khi xem xét, hồ sơ cần được bổ sung, hoàn thiện như sau:',
    );
  numbered(doc, 'Lý do', paper.reasons, '(không ghi lý do)');
  numbered(doc, 'Nội dung, giấy tờ cần bổ sung', paper.items, '(không có giấy tờ cụ thể)');
  doc
    .moveDown(0.5)
    .text(
      'Thời gian giải quyết hồ sơ tạm dừng từ khi ban hành phiếu này và được tính tiếp khi nhận đủ hồ sơ bổ sung.',
    );
  labelled(doc, 'Thời điểm yêu cầu', formatInstant(paper.issuedAt));
  signature(doc, paperDateLine(paper.issuedAt), 'NGƯỜI HƯỚNG DẪN', paper.officer);
  return finish();
}

/** "Phiếu từ chối tiếp nhận, giải quyết hồ sơ" as an A4 PDF. */
export function renderRefusalPdf(paper: RefusalPaperData): Promise<Buffer> {
  const { doc, finish } = openSheet(`Phiếu từ chối ${paper.code}`);
  opening(doc, paper, 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
  doc.moveDown(0.5).text('Cơ quan có thẩm quyền từ chối giải quyết hồ sơ nêu trên với lý do sau:');
  doc.moveDown(0.3).font('bold').text(paper.reason, { indent: 14 }).font('regular');
  if (paper.stepName) labelled(doc, 'Bước xử lý quyết định', paper.stepName);
  labelled(doc, 'Thời điểm từ chối', formatInstant(paper.issuedAt));
  doc.moveDown(0.5).text('Xin thông báo để ông/bà được biết và thực hiện.');
  signature(doc, paperDateLine(paper.issuedAt), 'NGƯỜI XỬ LÝ HỒ SƠ', paper.officer);
  return finish();
}

/** "Phiếu xin lỗi và hẹn lại ngày trả kết quả" as an A4 PDF. */
export function renderApologyPdf(paper: ApologyPaperData): Promise<Buffer> {
  const { doc, finish } = openSheet(`Phiếu xin lỗi ${paper.code}`);
  opening(doc, paper, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
  labelled(doc, 'Ngày hẹn trả kết quả ban đầu', formatInstant(paper.originalDueAt));
  if (paper.previousDueAt !== paper.originalDueAt)
    labelled(doc, 'Ngày hẹn trả trước lần hẹn này', formatInstant(paper.previousDueAt));
  doc.moveDown(0.5).text('Hồ sơ chưa giải quyết được đúng hạn vì lý do:');
  doc.font('bold').text(paper.reason, { indent: 14 }).font('regular').moveDown(0.5);
  doc.text('Cơ quan giải quyết xin lỗi ông/bà vì sự chậm trễ này và hẹn lại thời gian trả kết quả:');
  doc
    .moveDown(0.3)
    .font('bold')
    .fontSize(12)
    .text(formatInstant(paper.newDueAt), { align: 'center' })
    .fontSize(11)
    .font('regular');
  doc.moveDown(0.5).text('Mong ông/bà thông cảm.');
  signature(doc, paperDateLine(paper.issuedAt), 'ĐẠI DIỆN CƠ QUAN', paper.officer);
  return finish();
}

/** Header, title, and who and what the paper is about. */
function opening(doc: PDFKit.PDFDocument, paper: Base, title: string): void {
  nationalHeader(doc, paper.agency.name, paper.department.name);
  paperTitle(doc, title, paper.code);
  labelled(doc, 'Kính gửi', `Ông/bà ${paper.applicant.fullName}`);
  labelled(doc, 'Số CCCD/Hộ chiếu', paper.applicant.idNumber);
  if (paper.applicant.address) labelled(doc, 'Địa chỉ', paper.applicant.address);
  labelled(doc, 'Thủ tục', paper.procedure.name);
  labelled(doc, 'Ngày tiếp nhận', formatInstant(paper.receivedAt));
}
