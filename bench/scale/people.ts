import type { Random } from './random.js';

// Family names weighted roughly by their share of the population (Nguyễn ~38%, Trần ~11%, …),
// so name searches hit the skewed distributions a real archive has.
const FAMILY: [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 3],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Võ', 2],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.7],
  ['Trịnh', 0.6],
  ['Đào', 0.6],
  ['Mai', 0.5],
  ['Lương', 0.4],
  ['Tạ', 0.3],
  ['Cao', 0.4],
  ['Lưu', 0.3],
  ['Kiều', 0.2],
  ['Tô', 0.3],
  ['Chu', 0.2],
  ['Hà', 0.4],
];
const MIDDLE_MALE = [
  'Văn',
  'Đức',
  'Minh',
  'Quang',
  'Hữu',
  'Thành',
  'Xuân',
  'Ngọc',
  'Anh',
  'Tuấn',
  'Công',
  'Đình',
  'Trọng',
  'Hoàng',
  'Gia',
];
const MIDDLE_FEMALE = [
  'Thị',
  'Ngọc',
  'Thu',
  'Thanh',
  'Minh',
  'Phương',
  'Hồng',
  'Thùy',
  'Bảo',
  'Khánh',
  'Mai',
  'Diệu',
  'Kim',
  'Hải',
];
const GIVEN_MALE = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đạt',
  'Hải',
  'Hiếu',
  'Hoàng',
  'Hùng',
  'Huy',
  'Khánh',
  'Khoa',
  'Kiên',
  'Long',
  'Lâm',
  'Mạnh',
  'Minh',
  'Nam',
  'Nghĩa',
  'Phong',
  'Phúc',
  'Quân',
  'Quang',
  'Sơn',
  'Tài',
  'Thắng',
  'Thành',
  'Toàn',
  'Trung',
  'Tuấn',
  'Tùng',
  'Việt',
  'Vinh',
  'Duy',
  'Hưng',
  'Đức',
  'Khôi',
  'Bảo',
  'Nhật',
  'Thịnh',
];
const GIVEN_FEMALE = [
  'Anh',
  'Châu',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hoa',
  'Hương',
  'Huyền',
  'Lan',
  'Linh',
  'Loan',
  'Mai',
  'My',
  'Nga',
  'Ngân',
  'Ngọc',
  'Nhung',
  'Oanh',
  'Phương',
  'Quỳnh',
  'Tâm',
  'Thảo',
  'Thu',
  'Thủy',
  'Trang',
  'Trâm',
  'Uyên',
  'Vân',
  'Vy',
  'Yến',
  'Hiền',
  'Hồng',
  'Liên',
  'Nhi',
  'Tuyết',
  'Xuân',
  'Diệp',
];
const STREETS = [
  'Kim Mã',
  'Đội Cấn',
  'Liễu Giai',
  'Hoàng Hoa Thám',
  'Giảng Võ',
  'Nguyễn Thái Học',
  'Hàng Bông',
  'Hàng Gai',
  'Tràng Tiền',
  'Lý Thường Kiệt',
  'Bà Triệu',
  'Xã Đàn',
  'Tôn Đức Thắng',
  'Khâm Thiên',
  'Văn Cao',
  'Đào Tấn',
  'Ngọc Khánh',
  'Phan Đình Phùng',
  'Quán Thánh',
  'Hàng Đào',
  'Lê Duẩn',
  'Trần Hưng Đạo',
  'Cát Linh',
  'Hào Nam',
];

const familyTotal = FAMILY.reduce((sum, [, w]) => sum + w, 0);

export interface Applicant {
  fullName: string;
  idNumber: string;
  phone: string;
  address: string;
}

/** A citizen with a plausible name, CCCD number (Hà Nội prefix 001), mobile number and address. */
export function randomApplicant(random: Random, ward: string): Applicant {
  const female = random.next() < 0.5;
  const name = [
    familyName(random),
    random.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE),
    random.pick(female ? GIVEN_FEMALE : GIVEN_MALE),
  ].join(' ');
  const born = 1950 + random.int(55);
  // CCCD: province 001, then a digit for sex and century (0/1 before 2000, 2/3 from 2000), then yy.
  const sexCentury = (born >= 2000 ? 2 : 0) + (female ? 1 : 0);
  const idNumber = `001${sexCentury}${String(born % 100).padStart(2, '0')}${digits(random, 6)}`;
  const phone = `0${random.pick(['9', '8', '3', '7'])}${digits(random, 8)}`;
  const address = `Số ${1 + random.int(200)} phố ${random.pick(STREETS)}, ${ward}, Hà Nội`;
  return { fullName: name, idNumber, phone, address };
}

function familyName(random: Random): string {
  let x = random.next() * familyTotal;
  for (const [name, weight] of FAMILY) {
    x -= weight;
    if (x <= 0) return name;
  }
  return FAMILY[0]![0];
}

function digits(random: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(random.int(10));
  return s;
}
