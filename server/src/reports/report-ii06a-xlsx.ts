import ExcelJS from 'exceljs';
import type { Ii06aReport, TimelinessCounts } from './reports.schema.js';
import { ii06aFigures } from './ii06a-columns.js';

/** The official title of the form (Mẫu II.06a, Thông tư 01/2018/TT-VPCP). */
export const II06A_TITLE = 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH';

/** The first row of the column headers; three rows of headers and one of column numbers follow the title block. */
export const II06A_HEADER_ROW = 6;

const COLUMNS = 13;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Report II.06a as the workbook the form lays out: the title, the period and the unit, the
 * three-level header with its merged cells, the column numbers, one row per unit and the total.
 */
export async function ii06aWorkbook(report: Ii06aReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Một cửa điện tử';
  const sheet = workbook.addWorksheet('II.06a', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [6, 40, ...Array(COLUMNS - 2).fill(12)].map((width: number) => ({ width }));
  titleBlock(sheet, report);
  headers(sheet);
  report.rows.forEach((row, i) => {
    dataRow(sheet, [i + 1, '  '.repeat(row.depth) + row.agencyName], row);
  });
  const total = dataRow(sheet, ['', 'Tổng cộng'], report.total);
  total.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function titleBlock(sheet: ExcelJS.Worksheet, report: Ii06aReport): void {
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(row, 1, row, COLUMNS);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: 'center' };
  };
  line(1, II06A_TITLE, { bold: true, size: 14 });
  line(2, 'Mẫu II.06a – Thông tư số 01/2018/TT-VPCP', { italic: true });
  line(3, `Kỳ báo cáo: từ ngày ${localDate(report.from)} đến ngày ${localDate(report.to)}`, {});
  line(4, `Đơn vị báo cáo: ${report.agency.name}`, {});
  sheet.getCell(5, COLUMNS).value = 'Đơn vị tính: Số hồ sơ TTHC';
  sheet.getCell(5, COLUMNS).alignment = { horizontal: 'right' };
}

/** The form's header: three levels, each group merged across its columns and down to the last level. */
function headers(sheet: ExcelJS.Worksheet): void {
  const top = II06A_HEADER_ROW;
  const cell = (row: number, col: number, text: string, toRow = row, toCol = col) => {
    if (toRow !== row || toCol !== col) sheet.mergeCells(row, col, toRow, toCol);
    sheet.getCell(row, col).value = text;
  };
  cell(top, 1, 'STT', top + 2);
  cell(top, 2, 'Đơn vị', top + 2);
  cell(top, 3, 'Số hồ sơ nhận giải quyết', top, 6);
  cell(top, 7, 'Số hồ sơ đã giải quyết', top, 10);
  cell(top, 11, 'Số hồ sơ đang giải quyết', top, 13);
  cell(top + 1, 3, 'Tổng số', top + 2);
  cell(top + 1, 4, 'Trong kỳ', top + 1, 5);
  cell(top + 2, 4, 'Trực tuyến');
  cell(top + 2, 5, 'Trực tiếp, dịch vụ bưu chính');
  cell(top + 1, 6, 'Từ kỳ trước chuyển qua', top + 2);
  ['Tổng số', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tổng số', 'Trong hạn', 'Quá hạn'].forEach((text, i) =>
    cell(top + 1, 7 + i, text, top + 2),
  );
  for (let col = 1; col <= COLUMNS; col++) sheet.getCell(top + 3, col).value = `(${col})`;
  for (let row = top; row <= top + 3; row++) {
    const r = sheet.getRow(row);
    r.font = { bold: row < top + 3, italic: row === top + 3 };
    r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let col = 1; col <= COLUMNS; col++) sheet.getCell(row, col).border = BORDER;
  }
}

function dataRow(
  sheet: ExcelJS.Worksheet,
  label: [number | string, string],
  c: TimelinessCounts,
): ExcelJS.Row {
  const row = sheet.addRow([...label, ...ii06aFigures(c)]);
  row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER));
  return row;
}

/** "2026-11-09" as the form writes it, "09/11/2026". */
function localDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
