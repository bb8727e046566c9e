import { localDateOf } from '../calendar/working-time.js';

export type NoticeKind =
  | 'received'
  | 'supplement_requested'
  | 'result_ready'
  | 'apology'
  | 'lookup_secret_reissued'
  | 'task_due_soon'
  | 'task_overdue'
  | 'dossier_due_soon';

export interface NoticeVars {
  code: string;
  procedureName: string;
  dueAt?: Date;
  lookupUrl?: string;
  reasons?: string[];
  reason?: string;
  stepName?: string;
}

/** Vietnamese text of every notice, short enough to read in one SMS where it goes to citizens. */
export function renderNotice(kind: NoticeKind, v: NoticeVars): { subject: string; body: string } {
  const due = v.dueAt ? formatLocal(v.dueAt) : '';
  switch (kind) {
    case 'received':
      return {
        subject: `Đã tiếp nhận hồ sơ ${v.code}`,
        body: `Hồ sơ ${v.code} (${v.procedureName}) đã được tiếp nhận. Ngày hẹn trả kết quả: ${due}. Tra cứu: ${v.lookupUrl ?? ''}`,
      };
    case 'supplement_requested':
      return {
        subject: `Hồ sơ ${v.code} cần bổ sung`,
        body: `Hồ sơ ${v.code} cần bổ sung, hoàn thiện: ${(v.reasons ?? []).join('; ')}. Thời hạn giải quyết tạm dừng cho đến khi nhận đủ hồ sơ bổ sung.`,
      };
    case 'result_ready':
      return {
        subject: `Hồ sơ ${v.code} đã có kết quả`,
        body: `Hồ sơ ${v.code} (${v.procedureName}) đã có kết quả. Mời ông/bà đến Bộ phận Tiếp nhận và Trả kết quả để nhận.`,
      };
    case 'apology':
      return {
        subject: `Xin lỗi và hẹn lại ngày trả kết quả hồ sơ ${v.code}`,
        body: `Cơ quan xin lỗi vì hồ sơ ${v.code} chưa có kết quả đúng hẹn (lý do: ${v.reason ?? ''}). Ngày hẹn trả mới: ${due}.`,
      };
    // The new secret travels only inside the link, where the log and the delivered outbox row redact it.
    case 'lookup_secret_reissued':
      return {
        subject: `Mã tra cứu mới của hồ sơ ${v.code}`,
        body: `Hồ sơ ${v.code} (${v.procedureName}) đã được cấp mã tra cứu mới; mã cũ và giấy tiếp nhận cũ không còn dùng để tra cứu được. Tra cứu: ${v.lookupUrl ?? ''}`,
      };
    case 'task_due_soon':
      return {
        subject: `Sắp đến hạn: ${v.stepName} – ${v.code}`,
        body: `Bước "${v.stepName}" của hồ sơ ${v.code} đến hạn lúc ${due}.`,
      };
    case 'task_overdue':
      return {
        subject: `Quá hạn: ${v.stepName} – ${v.code}`,
        body: `Bước "${v.stepName}" của hồ sơ ${v.code} đã quá hạn từ ${due}.`,
      };
    case 'dossier_due_soon':
      return {
        subject: `Hồ sơ sắp trễ hẹn: ${v.code}`,
        body: `Hồ sơ ${v.code} (${v.procedureName}) đến hẹn trả lúc ${due} và chưa có kết quả.`,
      };
  }
}

function formatLocal(instant: Date): string {
  const local = new Date(instant.getTime() + 7 * 3_600_000);
  const [y, m, d] = localDateOf(instant).split('-');
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm} ngày ${d}/${m}/${y}`;
}
