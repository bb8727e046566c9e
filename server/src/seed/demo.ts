import type { Db } from '../core/db.js';
import { departments, userDepartments, users } from '../db/schema.js';
import { hashPassword } from '../auth/passwords.js';
import type { Role } from '../auth/roles.js';

/** Demo password of every demo user (README lists them); demo data exists only outside production. */
export const DEMO_PASSWORD = 'demo1234';

const AGENCY = { agencyCode: 'QBD', agencyName: 'UBND quận Ba Đình' };

export const DEMO_DEPARTMENTS = [
  { code: 'MC', name: 'Bộ phận Tiếp nhận và Trả kết quả', ...AGENCY },
  { code: 'TCKH', name: 'Phòng Tài chính – Kế hoạch', ...AGENCY },
  { code: 'QLDT', name: 'Phòng Quản lý đô thị', ...AGENCY },
  { code: 'LD', name: 'Lãnh đạo UBND', ...AGENCY },
];

export const DEMO_USERS: { username: string; fullName: string; roles: Role[]; departments: string[] }[] = [
  { username: 'tiepnhan', fullName: 'Nguyễn Thị Lan', roles: ['receptionist'], departments: ['MC'] },
  { username: 'chuyenvien', fullName: 'Trần Văn Minh', roles: ['officer'], departments: ['TCKH', 'QLDT'] },
  { username: 'lanhdao', fullName: 'Lê Quang Hùng', roles: ['leader'], departments: ['LD'] },
  { username: 'giamsat', fullName: 'Phạm Thu Hà', roles: ['supervisor'], departments: [] },
  { username: 'thietke', fullName: 'Đỗ Đức Anh', roles: ['designer'], departments: [] },
];

/** Idempotent: departments and users are added only where missing. */
export async function seedDemo(db: Db): Promise<void> {
  await db.insert(departments).values(DEMO_DEPARTMENTS).onConflictDoNothing();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const [row] = await db
      .insert(users)
      .values({ username: u.username, fullName: u.fullName, roles: u.roles, passwordHash })
      .onConflictDoNothing()
      .returning();
    if (row && u.departments.length) {
      await db.insert(userDepartments).values(u.departments.map((code) => ({ userId: row.id, departmentCode: code })));
    }
  }
}
