/** Texts of the "Thực tế" panel and its canvas badges (a folder of their own: the client's i18n imports them, and the panel imports the client's i18n). */
export const stepHistoryVi = {
  'stepHistory.tab': 'Thực tế',
  'stepHistory.intro':
    'Thời gian thực tế của từng bước trên các hồ sơ đã xử lý, tính bằng giờ làm việc (trừ đêm, ngày nghỉ, ngày lễ).',
  'stepHistory.from': 'Từ ngày',
  'stepHistory.to': 'Đến ngày',
  'stepHistory.show': 'Xem',
  'stepHistory.loading': 'Đang tải số liệu…',
  'stepHistory.empty': 'Chưa có hồ sơ nào đi qua các bước của thủ tục này trong khoảng thời gian đã chọn.',
  'stepHistory.notDeployed': 'Thủ tục chưa được triển khai nên chưa có hồ sơ.',
  'stepHistory.caption': 'Các bước từ {from} đến {to}',
  'stepHistory.step': 'Bước',
  'stepHistory.count': 'Số lượt',
  'stepHistory.median': 'Trung vị (giờ)',
  'stepHistory.p90': 'P90 (giờ)',
  'stepHistory.budget': 'Định mức (giờ)',
  'stepHistory.onTime': 'Đúng hạn',
  'stepHistory.overBudget': 'P90 vượt định mức',
  'stepHistory.none': '—',
  'stepHistory.badge': 'trung vị {median} giờ · {share} đúng hạn',
  'stepHistory.badgeNoShare': 'trung vị {median} giờ',
  'stepHistory.badgeOver': 'P90 {p90} giờ > định mức {budget} giờ',
  'stepHistory.badgeTitle':
    '{name}: {count} lượt; trung vị {median} giờ, P90 {p90} giờ (chờ {waiting}, xử lý {working})',
} as const;

export const stepHistoryEn: Record<keyof typeof stepHistoryVi, string> = {
  'stepHistory.tab': 'Actual',
  'stepHistory.intro':
    'Actual time of each step on the dossiers handled, in working hours (nights, days off and holidays left out).',
  'stepHistory.from': 'From',
  'stepHistory.to': 'To',
  'stepHistory.show': 'Show',
  'stepHistory.loading': 'Loading figures…',
  'stepHistory.empty': 'No dossier went through the steps of this procedure in the chosen period.',
  'stepHistory.notDeployed': 'The procedure is not deployed yet, so it has no dossiers.',
  'stepHistory.caption': 'Steps from {from} to {to}',
  'stepHistory.step': 'Step',
  'stepHistory.count': 'Count',
  'stepHistory.median': 'Median (hours)',
  'stepHistory.p90': 'P90 (hours)',
  'stepHistory.budget': 'Budget (hours)',
  'stepHistory.onTime': 'On time',
  'stepHistory.overBudget': 'P90 over budget',
  'stepHistory.none': '—',
  'stepHistory.badge': 'median {median} h · {share} on time',
  'stepHistory.badgeNoShare': 'median {median} h',
  'stepHistory.badgeOver': 'P90 {p90} h > budget {budget} h',
  'stepHistory.badgeTitle':
    '{name}: {count} completed; median {median} h, P90 {p90} h (waiting {waiting}, working {working})',
};
