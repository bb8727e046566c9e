import { propertiesEn, propertiesVi } from '../features/motcua-properties/i18n/messages.js';

/**
 * The designer's texts, merged into the client's dictionaries (client/src/i18n): one `t()` for
 * the whole app. Each feature keeps its own texts beside it and is spread in here.
 */
export const modelerVi = {
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
  ...propertiesVi,
} as const;

export const modelerEn: Record<keyof typeof modelerVi, string> = {
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
  ...propertiesEn,
};
