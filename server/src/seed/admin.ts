import { eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { users } from '../db/schema.js';
import { hashPassword } from '../auth/passwords.js';

/** The `admin` user exists from the first start, with ADMIN_PASSWORD (or the demo default). */
export async function ensureAdmin(db: Db, password: string): Promise<void> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
  if (existing) return;
  await db
    .insert(users)
    .values({ username: 'admin', passwordHash: await hashPassword(password), fullName: 'Quản trị hệ thống', roles: ['admin'] })
    .onConflictDoNothing();
}
