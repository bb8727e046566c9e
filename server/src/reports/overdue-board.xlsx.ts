import ExcelJS from 'exceljs';
import type { OverdueBoard } from './overdue-board.schema.js';

const COLUMNS = [
  { header: 'STT', key: 'n', width: 6 },
  { header: 'Mã hồ sơ', key: 'dossierCode', width: 22 },
  { header: 'Thủ tục', key: 'procedureName', width: 40 },
  { header: 'Bước', key: 'stepName', width: 32 },
  { header: 'Phòng ban', key: 'departments', width: 28 },
  { header: 'Người xử lý', key: 'assignee', width: 24 },
  { header: 'Hạn bước', key: 'dueAt', width: 18 },
  { header: 'Hạn trả hồ sơ', key: 'dossierDueAt', width: 18 },
  { header: 'Tình trạng', key: 'state', width: 14 },
  { header: 'Quá hạn (giờ làm việc)', key: 'hoursLate', width: 14 },
];

/** Local time (UTC+7) as a date Excel shows as such: the workbook carries no time zone. */
const local = (iso: string) => new Date(new Date(iso).getTime() + 7 * 3600_000);

/** The overdue board as the workbook a supervisor forwards: one row per step, Vietnamese headers. */
export async function overdueWorkbook(board: OverdueBoard): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Quá hạn và sắp đến hạn');
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  board.steps.forEach((step, i) =>
    sheet.addRow({
      n: i + 1,
      dossierCode: step.dossierCode,
      procedureName: step.procedureName,
      stepName: step.stepName,
      departments: step.departments.map((d) => d.name).join(', '),
      assignee: step.assignee?.fullName ?? 'Chưa có người nhận',
      dueAt: local(step.dueAt),
      dossierDueAt: local(step.dossierDueAt),
      state: step.state === 'overdue' ? 'Quá hạn' : 'Sắp đến hạn',
      hoursLate: Math.round((step.workingMinutesLate / 60) * 10) / 10,
    }),
  );
  for (const key of ['dueAt', 'dossierDueAt']) sheet.getColumn(key).numFmt = 'dd/mm/yyyy hh:mm';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
