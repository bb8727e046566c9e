/** The toolbar's import and export texts. */
export const importExportVi = {
  'importExport.import': 'Nhập tệp .bpmn',
  'importExport.export': 'Xuất tệp .bpmn',
  'importExport.imported': 'Đã nhập sơ đồ từ tệp {file}.',
  'importExport.unreadable':
    'Không đọc được tệp {file} thành sơ đồ BPMN ({reason}). Sơ đồ đang mở được giữ nguyên.',
  'importExport.exportFailed': 'Không xuất được sơ đồ: {reason}',
} as const;

export const importExportEn: Record<keyof typeof importExportVi, string> = {
  'importExport.import': 'Import .bpmn file',
  'importExport.export': 'Export .bpmn file',
  'importExport.imported': 'Diagram imported from {file}.',
  'importExport.unreadable':
    'The file {file} could not be read as a BPMN diagram ({reason}). The open diagram is kept.',
  'importExport.exportFailed': 'The diagram could not be exported: {reason}',
};
