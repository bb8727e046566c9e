import crypto from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Queryable } from '../core/db.js';
import { agencies, departments, sessions, userDepartments, users } from '../db/schema.js';
import type { Role, SessionUser } from '../core/roles.js';

const limits = { idleMs: 60 * 60_000, maxMs: 10 * 3_600_000 };

/** Sets the idle timeout and the absolute lifetime of sessions (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS). */
// Wall-clock time throughout, not core/clock: moving the business clock to test deadlines must
// not end the sessions of the test's staff.
export function setSessionLimits(idleMinutes: number, maxHours: number): void {
  limits.idleMs = idleMinutes * 60_000;
  limits.maxMs = maxHours * 3_600_000;
}

/** How long the cookie lives: the browser forgets it when the server would refuse it anyway. */
export function sessionMaxAgeMs(): number {
  return limits.maxMs;
}

/** Only a hash of the token is stored: a leaked table does not leak sessions. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Queryable, userId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + limits.maxMs);
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt });
  return token;
}

export async function deleteSession(db: Queryable, token: string): Promise<void> {
  recent.delete(hashToken(token));
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** Ends every session of a user (password changed or reset, account deactivated), in every process at once. */
export async function revokeUserSessions(db: Queryable, userId: string): Promise<void> {
  for (const [tokenHash, hit] of recent) if (hit.user.id === userId) recent.delete(tokenHash);
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

// What a session stands for (roles, departments, agencies: a join and a recursive query) is
// reused for a few seconds; whether the session still stands is asked of the database on every
// request, one primary-key read, so a sign-out, a revocation or a deactivation made through any
// server process refuses the very next request everywhere. Roles or departments changed by an
// admin reach a process's other sessions of that user within RECENT_MS.
const RECENT_MS = 5_000;
// last_seen_at is written at most this often per session: idle time is known to the minute
// without a write per request.
const TOUCH_MS = 60_000;
const recent = new Map<string, { user: SessionUser; until: number }>();

// A fixed text, so each connection prepares it once (core/db.ts) and nothing is built per request.
const SESSION_STANDS = `select s.last_seen_at from sessions s join users u on u.id = s.user_id
  where s.token_hash = $1 and s.expires_at > $2 and s.created_at > $3 and s.last_seen_at > $4 and u.active`;

export async function findSessionUser(db: Db, token: string): Promise<SessionUser | null> {
  const tokenHash = hashToken(token);
  const now = new Date();
  const idleSince = new Date(now.getTime() - limits.idleMs);
  // expires_at was fixed at sign-in; created_at also holds a session to a SESSION_MAX_HOURS lowered since.
  const bornSince = new Date(now.getTime() - limits.maxMs);
  const hit = recent.get(tokenHash);
  const found =
    hit && hit.until > now.getTime()
      ? await sessionStands(db, [tokenHash, now, bornSince, idleSince], hit.user)
      : await selectSessionUser(
          db,
          sql`from ${sessions} join ${users} on ${users.id} = ${sessions.userId}
            where ${sessions.tokenHash} = ${tokenHash} and ${sessions.expiresAt} > ${now}
              and ${sessions.createdAt} > ${bornSince} and ${sessions.lastSeenAt} > ${idleSince}`,
          sql`${sessions.lastSeenAt}`,
        );
  if (!found) {
    recent.delete(tokenHash);
    return null;
  }
  if (now.getTime() - found.lastSeenAt.getTime() >= TOUCH_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  if (!hit || hit.until <= now.getTime()) {
    if (recent.size > 10_000) recent.clear();
    recent.set(tokenHash, { user: found.user, until: now.getTime() + RECENT_MS });
  }
  return found.user;
}

async function sessionStands(
  db: Db,
  params: [string, Date, Date, Date],
  user: SessionUser,
): Promise<{ user: SessionUser; lastSeenAt: Date } | null> {
  const { rows } = await db.$client.query<{ last_seen_at: Date }>(SESSION_STANDS, params);
  return rows[0] ? { user, lastSeenAt: rows[0].last_seen_at } : null;
}

export async function loadSessionUser(db: Queryable, userId: string): Promise<SessionUser | null> {
  const found = await selectSessionUser(db, sql`from ${users} where ${users.id} = ${userId}`, sql`now()`);
  return found?.user ?? null;
}

/**
 * The active user found by `from` (a from-and-where clause), with roles, departments and the
 * agencies whose dossiers they see (the access scope's agency part, see access/dossier-scope.ts),
 * in one query; `seen` is the session's last use where there is a session.
 */
async function selectSessionUser(
  db: Queryable,
  from: SQL,
  seen: SQL,
): Promise<{ user: SessionUser; lastSeenAt: Date } | null> {
  const result = await db.execute<{
    id: string;
    username: string;
    full_name: string;
    roles: Role[];
    departments: SessionUser['departments'];
    agencies: string[];
    last_seen_at: Date | string;
  }>(sql`
    select ${users.id} as id, ${users.username} as username, ${users.fullName} as full_name, ${users.roles} as roles,
      coalesce((select json_agg(json_build_object('code', d.code, 'name', d.name, 'agencyCode', d.agency_code) order by d.code)
        from ${userDepartments} ud join ${departments} d on d.code = ud.department_code where ud.user_id = ${users.id}), '[]'::json) as departments,
      array(${overseenAgencies}) as agencies,
      ${seen} as last_seen_at
    ${from} and ${users.active}
    limit 1`);
  const row = result.rows[0];
  if (!row) return null;
  return {
    user: {
      id: row.id,
      username: row.username,
      fullName: row.full_name,
      roles: row.roles,
      departments: row.departments,
      agencies: row.agencies,
    },
    lastSeenAt: new Date(row.last_seen_at),
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
