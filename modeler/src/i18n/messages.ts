import { stepHistoryEn, stepHistoryVi } from '../features/step-history/i18n/messages.js';
import { versionsEn, versionsVi } from '../features/versions/messages.js';
import { deadlinesEn, deadlinesVi } from './deadlines.js';
import { simulationEn, simulationVi } from './token-simulation.js';
import { draftsEn, draftsVi } from './drafts.js';
import { formEditorEn, formEditorVi } from '../features/form-editor/i18n/messages.js';
import { importExportEn, importExportVi } from '../features/import-export/i18n/messages.js';
import { lintEn, lintVi } from '../features/lint/i18n/messages.js';
import { propertiesEn, propertiesVi } from '../features/motcua-properties/i18n/messages.js';

/**
 * The designer's texts, merged into the client's dictionaries (client/src/i18n): one `t()` for
 * the whole app. Each feature keeps its own texts beside it and is spread in here.
 */
export const modelerVi = {
  ...formEditorVi,
  'modeler.nav': 'Thiết kế quy trình',
  'modeler.title': 'Thiết kế quy trình thủ tục',
  'modeler.intro': 'Mở một thủ tục để vẽ và sửa quy trình, hoặc tạo thủ tục mới.',
  'modeler.open': 'Mở',
  'modeler.code': 'Mã thủ tục',
  'modeler.codeHint': 'Chữ thường không dấu, số và dấu gạch ngang, ví dụ cap-phep-quang-cao',
  'modeler.name': 'Tên thủ tục',
  'modeler.create': 'Tạo thủ tục mới',
  'modeler.createTitle': 'Thủ tục mới',
  'modeler.version': 'Phiên bản {version}',
  'modeler.newProcedure': 'Chưa triển khai',
  'modeler.canvas': 'Sơ đồ quy trình {name}',
  'modeler.panels': 'Bảng thuộc tính',
  'modeler.back': 'Danh sách thủ tục',
  'modeler.toolbar': 'Công cụ',
  ...stepHistoryVi,
  ...versionsVi,
  ...deadlinesVi,
  ...simulationVi,
  ...draftsVi,
  ...lintVi,
  ...importExportVi,
  ...propertiesVi,
} as const;

export const modelerEn: Record<keyof typeof modelerVi, string> = {
  ...formEditorEn,
  'modeler.nav': 'Process design',
  'modeler.title': 'Procedure design',
  'modeler.intro': 'Open a procedure to draw and change its process, or create a new one.',
  'modeler.open': 'Open',
  'modeler.code': 'Procedure code',
  'modeler.codeHint': 'Lower case letters without diacritics, digits and hyphens, e.g. cap-phep-quang-cao',
  'modeler.name': 'Procedure name',
  'modeler.create': 'Create procedure',
  'modeler.createTitle': 'New procedure',
  'modeler.version': 'Version {version}',
  'modeler.newProcedure': 'Not deployed yet',
  'modeler.canvas': 'Process diagram of {name}',
  'modeler.panels': 'Properties',
  'modeler.back': 'All procedures',
  'modeler.toolbar': 'Tools',
  ...stepHistoryEn,
  ...versionsEn,
  ...deadlinesEn,
  ...simulationEn,
  ...draftsEn,
  ...lintEn,
  ...importExportEn,
  ...propertiesEn,
};
