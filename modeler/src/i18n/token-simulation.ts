/** Texts of the token simulation toggle (the library itself has no translation hook). */
export const simulationVi = {
  'simulation.toggle': 'Chạy thử',
  'simulation.hint': 'Chạy thử luồng xử lý: bấm sự kiện bắt đầu để thả mã thông báo (phím tắt T)',
} as const;

export const simulationEn: Record<keyof typeof simulationVi, string> = {
  'simulation.toggle': 'Simulate',
  'simulation.hint': 'Dry-run the routing: click a start event to release a token (shortcut T)',
};
