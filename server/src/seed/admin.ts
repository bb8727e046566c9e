import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { users } from '../db/schema.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { setPassword } from '../auth/accounts.service.js';
import { revokeUserSessions } from '../auth/sessions.repository.js';
import { DEMO_USERS } from './demo.js';
import { logger } from '../core/logger.js';

/**
 * The `admin` user exists from the first start, with ADMIN_PASSWORD (or the demo default).
 * When ADMIN_PASSWORD is given it is the admin's password from this start on, also on a
 * database that already has an admin (one started in demo mode with admin123): changing the
 * variable and restarting is how the password is recovered. An unchanged password is left as
 * it is, so a restart does not sign the admin out.
 */
export async function ensureAdmin(db: Db, password: string, given: boolean): Promise<void> {
  const [existing] = await db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, 'admin'));
  if (!existing) {
    await db
      .insert(users)
      .values({
        username: 'admin',
        passwordHash: await hashPassword(password),
        fullName: 'Quản trị hệ thống',
        roles: ['admin'],
      })
      .onConflictDoNothing();
    return;
  }
  if (given && !(await verifyPassword(existing.passwordHash, password))) {
    await setPassword(db, existing.id, password);
    logger.info({ component: 'seed' }, 'the admin password was set from ADMIN_PASSWORD');
  }
}

/**
 * Production has no demo users: a database that ran in demo mode keeps their rows (dossiers and
 * the control slip name them) but they can no longer sign in, and their sessions end. Disabling
 * them, rather than refusing to start, lets a pilot database go live after the admin has
 * created the real accounts.
 */
export async function disableDemoUsers(db: Db): Promise<void> {
  const disabled = await db
    .update(users)
    .set({ active: false })
    .where(
      and(
        eq(users.active, true),
        inArray(
          users.username,
          DEMO_USERS.map((u) => u.username),
        ),
      ),
    )
    .returning({ id: users.id, username: users.username });
  for (const user of disabled) await revokeUserSessions(db, user.id);
  if (disabled.length) {
    logger.info(
      { component: 'seed' },
      `production: disabled ${disabled.length} demo user(s) (${disabled.map((u) => u.username).join(', ')}): demo accounts cannot sign in in production`,
    );
  }
}
