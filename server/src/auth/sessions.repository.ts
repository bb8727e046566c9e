import crypto from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Queryable } from '../core/db.js';
import { departments, sessions, userDepartments, users } from '../db/schema.js';
import type { Role, SessionUser } from './roles.js';

const SESSION_DAYS = 7;

/** Only a hash of the token is stored: a leaked table does not leak sessions. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Queryable, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt });
  return token;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function findSessionUser(db: Queryable, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), eq(users.active, true)));
  return row ? loadSessionUser(db, row.id) : null;
}

export async function loadSessionUser(db: Queryable, userId: string): Promise<SessionUser | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) return null;
  const depts = await db
    .select({ code: departments.code, name: departments.name, agencyCode: departments.agencyCode })
    .from(userDepartments)
    .innerJoin(departments, eq(departments.code, userDepartments.departmentCode))
    .where(eq(userDepartments.userId, userId));
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    roles: user.roles as Role[],
    departments: depts,
  };
}
