import { inArray } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import type { SessionUser } from '../core/roles.js';
import { departments } from '../db/schema.js';

const OVERSEERS = ['leader', 'supervisor', 'admin'] as const;

/** The room that hears every step change of a department's tasks, for those who oversee it. */
export const watchRoom = (departmentCode: string) => `watch:${departmentCode}`;

/**
 * The watch rooms a socket of this user joins: one per department of the agencies they oversee
 * (every department for an admin), none for staff who oversee nothing. Separate from the
 * department rooms, so a leader's inbox does not hear the whole agency's tasks. A department
 * added after the socket connected is heard from the next connection on.
 */
export async function oversightRooms(db: Db, user: SessionUser): Promise<string[]> {
  if (!user.roles.some((r) => (OVERSEERS as readonly string[]).includes(r))) return [];
  const query = db.select({ code: departments.code }).from(departments);
  const rows = user.roles.includes('admin')
    ? await query
    : user.agencies.length
      ? await query.where(inArray(departments.agencyCode, user.agencies))
      : [];
  return rows.map((r) => watchRoom(r.code));
}
