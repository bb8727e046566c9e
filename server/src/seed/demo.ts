import type { Db } from '../core/db.js';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { agencies, departments, userDepartments, users } from '../db/schema.js';
import { hashPassword } from '../auth/passwords.js';
import type { Role } from '../core/roles.js';

/** Demo password of every demo user (README lists them); demo data exists only outside production. */
export const DEMO_PASSWORD = 'demo1234';

const DISTRICT = { agencyCode: 'QBD', agencyName: 'UBND quận Ba Đình' };
/** A commune-level agency, for the procedures a ward handles (birth registration, certified copies). */
const WARD = { agencyCode: 'PGV', agencyName: 'UBND phường Giảng Võ' };

/**
 * The agency tree: the city above the district, the ward and the land registration office; the
 * tax office answers to the national tax administration, so it is a root of its own.
 */
export const DEMO_AGENCIES = [
  { code: 'HN', name: 'UBND thành phố Hà Nội', parentCode: null },
  { code: DISTRICT.agencyCode, name: DISTRICT.agencyName, parentCode: 'HN' },
  { code: WARD.agencyCode, name: WARD.agencyName, parentCode: 'HN' },
  { code: 'VPDK', name: 'Văn phòng đăng ký đất đai', parentCode: 'HN' },
  { code: 'CCT', name: 'Cơ quan thuế', parentCode: null },
];

export const DEMO_DEPARTMENTS = [
  { code: 'MC', name: 'Bộ phận Tiếp nhận và Trả kết quả', ...DISTRICT },
  { code: 'TCKH', name: 'Phòng Tài chính – Kế hoạch', ...DISTRICT },
  { code: 'QLDT', name: 'Phòng Quản lý đô thị', ...DISTRICT },
  { code: 'LD', name: 'Lãnh đạo UBND', ...DISTRICT },
  {
    code: 'VPDK',
    name: 'Chi nhánh Văn phòng đăng ký đất đai',
    agencyCode: 'VPDK',
    agencyName: 'Văn phòng đăng ký đất đai',
  },
  { code: 'CCT', name: 'Chi cục Thuế khu vực', agencyCode: 'CCT', agencyName: 'Cơ quan thuế' },
  { code: 'PGV-MC', name: 'Bộ phận Một cửa UBND phường', ...WARD },
  { code: 'PGV-TP', name: 'Công chức Tư pháp – Hộ tịch', ...WARD },
  { code: 'PGV-LD', name: 'Lãnh đạo UBND phường', ...WARD },
];

export const DEMO_USERS: {
  username: string;
  fullName: string;
  roles: Role[];
  departments: string[];
  scopeAgencyCode?: string;
}[] = [
  {
    username: 'tiepnhan',
    fullName: 'Nguyễn Thị Lan',
    roles: ['receptionist'],
    departments: ['MC', 'PGV-MC'],
  },
  {
    username: 'chuyenvien',
    fullName: 'Trần Văn Minh',
    roles: ['officer'],
    departments: ['TCKH', 'QLDT', 'VPDK', 'PGV-TP'],
  },
  { username: 'lanhdao', fullName: 'Lê Quang Hùng', roles: ['leader'], departments: ['LD', 'PGV-LD'] },
  { username: 'canbothue', fullName: 'Hoàng Minh Tuấn', roles: ['officer'], departments: ['CCT'] },
  {
    username: 'giamsat',
    fullName: 'Phạm Thu Hà',
    roles: ['supervisor'],
    departments: [],
    scopeAgencyCode: 'HN',
  },
  { username: 'thietke', fullName: 'Đỗ Đức Anh', roles: ['designer'], departments: [] },
];

/**
 * Idempotent: agencies, departments, users and memberships are added only where missing, so a
 * database seeded by an older release gains the departments new catalogue procedures need. The
 * password is hashed only when a demo user is missing: argon2 is the dearest step of a restart.
 */
export async function seedDemo(db: Db): Promise<void> {
  await db
    .insert(agencies)
    .values(DEMO_AGENCIES)
    .onConflictDoUpdate({
      target: agencies.code,
      set: { parentCode: sql`coalesce(${agencies.parentCode}, excluded.parent_code)` },
    });
  await db.insert(departments).values(DEMO_DEPARTMENTS).onConflictDoNothing();
  const usernames = DEMO_USERS.map((u) => u.username);
  const present = new Set(
    (await db.select({ username: users.username }).from(users).where(inArray(users.username, usernames))).map(
      (r) => r.username,
    ),
  );
  const missing = DEMO_USERS.filter((u) => !present.has(u.username));
  if (missing.length) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db
      .insert(users)
      .values(
        missing.map((u) => ({
          username: u.username,
          fullName: u.fullName,
          roles: u.roles,
          scopeAgencyCode: u.scopeAgencyCode ?? null,
          passwordHash,
        })),
      )
      .onConflictDoNothing();
  }
  // A database seeded before agencies had a tree gains the supervisor's scope; nothing else changes.
  for (const u of DEMO_USERS.filter((u) => u.scopeAgencyCode)) {
    await db
      .update(users)
      .set({ scopeAgencyCode: u.scopeAgencyCode })
      .where(and(eq(users.username, u.username), isNull(users.scopeAgencyCode)));
  }
  const rows = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
  const memberships = DEMO_USERS.flatMap((u) => {
    const id = rows.find((r) => r.username === u.username)!.id;
    return u.departments.map((code) => ({ userId: id, departmentCode: code }));
  });
  await db.insert(userDepartments).values(memberships).onConflictDoNothing();
}
