/** National dossier status codes, used in reports and portal sync. */
export const DossierStatus = {
  NEW: 1,
  RECEIVED: 2,
  REFUSED: 3,
  PROCESSING: 4,
  SUPPLEMENT_REQUESTED: 5,
  FINANCIAL_OBLIGATION: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  RESOLVED: 9,
  RESULT_RETURNED: 10,
} as const;

/** Plain Vietnamese for citizens and officers. */
export const STATUS_LABELS_VI: Record<number, string> = {
  1: 'Mới',
  2: 'Đã tiếp nhận',
  3: 'Từ chối tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung hồ sơ',
  6: 'Chờ thực hiện nghĩa vụ tài chính',
  7: 'Đã rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã có kết quả, chờ trả',
  10: 'Đã trả kết quả',
};
