import crypto from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../core/db.js';
import { agencies, departments, sessions, userDepartments, users } from '../db/schema.js';
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
  recent.delete(hashToken(token));
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

// Every request looks its session up; for a few seconds the answer is reused. A sign-out is seen
// at once by this process and within RECENT_MS by any other.
const RECENT_MS = 5_000;
const recent = new Map<string, { user: SessionUser; until: number }>();

export async function findSessionUser(db: Queryable, token: string): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const hit = recent.get(tokenHash);
  if (hit && hit.until > Date.now()) return hit.user;
  const user = await selectSessionUser(
    db,
    sql`from ${sessions} join ${users} on ${users.id} = ${sessions.userId} where ${sessions.tokenHash} = ${tokenHash} and ${sessions.expiresAt} > now()`,
  );
  if (user) {
    if (recent.size > 10_000) recent.clear();
    recent.set(tokenHash, { user, until: Date.now() + RECENT_MS });
  } else {
    recent.delete(tokenHash);
  }
  return user;
}

export function loadSessionUser(db: Queryable, userId: string): Promise<SessionUser | null> {
  return selectSessionUser(db, sql`from ${users} where ${users.id} = ${userId}`);
}

/**
 * The active user found by `from` (a from-and-where clause), with roles, departments and the
 * agencies whose dossiers they see (the access scope's agency part, see access/dossier-scope.ts),
 * in one query.
 */
async function selectSessionUser(db: Queryable, from: SQL): Promise<SessionUser | null> {
  const result = await db.execute<{
    id: string;
    username: string;
    full_name: string;
    roles: Role[];
    departments: SessionUser['departments'];
    agencies: string[];
  }>(sql`
    select ${users.id} as id, ${users.username} as username, ${users.fullName} as full_name, ${users.roles} as roles,
      coalesce((select json_agg(json_build_object('code', d.code, 'name', d.name, 'agencyCode', d.agency_code) order by d.code)
        from ${userDepartments} ud join ${departments} d on d.code = ud.department_code where ud.user_id = ${users.id}), '[]'::json) as departments,
      array(${overseenAgencies}) as agencies
    ${from} and ${users.active}
    limit 1`);
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    roles: row.roles,
    departments: row.departments,
    agencies: row.agencies,
  };
}

/**
 * The agencies of the user's departments; for leaders and supervisors also every agency below
 * them, or below the agency they were given (a province-level supervisor sees the whole tree).
 */
const overseenAgencies = sql`
  with recursive roots(code) as (
    select d.agency_code from ${userDepartments} ud join ${departments} d on d.code = ud.department_code where ud.user_id = ${users.id}
    union select ${users.scopeAgencyCode} where ${users.scopeAgencyCode} is not null and ${users.roles} && array['leader', 'supervisor']
  ), tree(code) as (
    select code from roots
    union select a.code from ${agencies} a join tree on a.parent_code = tree.code where ${users.roles} && array['leader', 'supervisor']
  )
  select code from tree order by code`;
