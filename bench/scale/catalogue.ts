/**
 * The archive's organisation and procedures: 8 wards (agencies) of 5 departments each (40),
 * and 30 ward-level procedures, each run by one ward's departments, with a relative volume.
 */

export interface Agency {
  code: string;
  name: string;
}

export type DepartmentKind = 'MC' | 'VP' | 'KT' | 'VHXH' | 'LD';

export interface ProcedureSpec {
  name: string;
  durationDays: number;
  /** The department kind that reviews it (the lane of the review step). */
  handler: 'VP' | 'KT' | 'VHXH';
  /** Relative number of dossiers per day. */
  volume: number;
}

/** The province above the wards: its supervisors oversee them all, its reports sum them. */
export const PROVINCE: Agency = { code: 'HN', name: 'UBND thành phố Hà Nội' };

export const AGENCIES: Agency[] = [
  { code: 'PBD', name: 'UBND phường Ba Đình' },
  { code: 'PNH', name: 'UBND phường Ngọc Hà' },
  { code: 'PGV', name: 'UBND phường Giảng Võ' },
  { code: 'PHK', name: 'UBND phường Hoàn Kiếm' },
  { code: 'PCN', name: 'UBND phường Cửa Nam' },
  { code: 'PDD', name: 'UBND phường Đống Đa' },
  { code: 'PKL', name: 'UBND phường Kim Liên' },
  { code: 'PVM', name: 'UBND phường Văn Miếu – Quốc Tử Giám' },
];

export const DEPARTMENT_KINDS: Record<DepartmentKind, string> = {
  MC: 'Trung tâm Phục vụ hành chính công',
  VP: 'Văn phòng HĐND và UBND',
  KT: 'Phòng Kinh tế, Hạ tầng và Đô thị',
  VHXH: 'Phòng Văn hóa – Xã hội',
  LD: 'Lãnh đạo UBND',
};

export const PROCEDURES: ProcedureSpec[] = [
  { name: 'Đăng ký khai sinh', durationDays: 1, handler: 'VP', volume: 10 },
  { name: 'Đăng ký kết hôn', durationDays: 1, handler: 'VP', volume: 4 },
  { name: 'Đăng ký khai tử', durationDays: 1, handler: 'VP', volume: 2 },
  { name: 'Cấp bản sao trích lục hộ tịch', durationDays: 1, handler: 'VP', volume: 6 },
  { name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', durationDays: 1, handler: 'VP', volume: 14 },
  { name: 'Chứng thực chữ ký trong giấy tờ, văn bản', durationDays: 1, handler: 'VP', volume: 6 },
  {
    name: 'Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản',
    durationDays: 2,
    handler: 'VP',
    volume: 2,
  },
  { name: 'Xác nhận tình trạng hôn nhân', durationDays: 3, handler: 'VP', volume: 4 },
  { name: 'Đăng ký nhận cha, mẹ, con', durationDays: 3, handler: 'VP', volume: 1 },
  { name: 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', durationDays: 3, handler: 'VP', volume: 2 },
  { name: 'Đăng ký giám hộ', durationDays: 3, handler: 'VP', volume: 0.5 },
  { name: 'Đăng ký thành lập hộ kinh doanh', durationDays: 3, handler: 'KT', volume: 3 },
  { name: 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', durationDays: 3, handler: 'KT', volume: 2 },
  { name: 'Tạm ngừng, chấm dứt hoạt động hộ kinh doanh', durationDays: 3, handler: 'KT', volume: 1 },
  { name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', durationDays: 15, handler: 'KT', volume: 2 },
  { name: 'Cấp giấy phép sửa chữa, cải tạo công trình', durationDays: 15, handler: 'KT', volume: 1 },
  { name: 'Cấp giấy phép thi công công trình trên đường đô thị', durationDays: 7, handler: 'KT', volume: 1 },
  {
    name: 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu nhà ở',
    durationDays: 10,
    handler: 'KT',
    volume: 3,
  },
  {
    name: 'Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình',
    durationDays: 5,
    handler: 'KT',
    volume: 0.5,
  },
  {
    name: 'Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
    durationDays: 15,
    handler: 'KT',
    volume: 1,
  },
  { name: 'Trợ cấp xã hội hằng tháng đối với người cao tuổi', durationDays: 7, handler: 'VHXH', volume: 2 },
  {
    name: 'Trợ giúp xã hội khẩn cấp về hỗ trợ chi phí mai táng',
    durationDays: 2,
    handler: 'VHXH',
    volume: 1,
  },
  { name: 'Xác định, xác định lại mức độ khuyết tật', durationDays: 20, handler: 'VHXH', volume: 1 },
  { name: 'Đăng ký hoạt động tín ngưỡng', durationDays: 15, handler: 'VHXH', volume: 0.3 },
  { name: 'Thông báo tổ chức lễ hội', durationDays: 10, handler: 'VHXH', volume: 0.3 },
  { name: 'Cấp giấy phép kinh doanh dịch vụ karaoke', durationDays: 5, handler: 'VHXH', volume: 0.5 },
  {
    name: 'Giải quyết chế độ trợ cấp một lần đối với người có công',
    durationDays: 12,
    handler: 'VHXH',
    volume: 1,
  },
  {
    name: 'Hỗ trợ học văn hóa, học nghề cho người khuyết tật',
    durationDays: 10,
    handler: 'VHXH',
    volume: 0.5,
  },
  {
    name: 'Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm',
    durationDays: 7,
    handler: 'VHXH',
    volume: 1,
  },
  { name: 'Đăng ký thường trú kết hợp khai sinh cho trẻ em', durationDays: 3, handler: 'VP', volume: 3 },
];

export function departmentCode(agency: Agency, kind: DepartmentKind): string {
  return `${agency.code}.${kind}`;
}

/** The ward that runs procedure number `index` (each ward runs every eighth procedure). */
export function agencyOfProcedure(index: number): Agency {
  return AGENCIES[index % AGENCIES.length]!;
}

/** ASCII kebab-case code from a Vietnamese name: "Đăng ký khai sinh" → "dang-ky-khai-sinh". */
export function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
