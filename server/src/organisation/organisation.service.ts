import type { Static } from '@sinclair/typebox';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db, Queryable } from '../core/db.js';
import { agencies, departments, userDepartments, users } from '../db/schema.js';
import { errors } from '../core/errors.js';
import { hashPassword } from '../auth/passwords.js';
import { deactivateUser, requireStrongPassword, setPassword } from '../auth/accounts.service.js';
import { revokeUserSessions } from '../auth/sessions.repository.js';
import type { AgencyBody, DepartmentBody, User, UserBody, UserPatch } from './organisation.schema.js';

/** A department's agency joins the tree as a root when it is new; an admin may place it later. */
export async function createDepartment(db: Db, input: Static<typeof DepartmentBody>) {
  if (input.parentCode) await requireDepartments(db, [input.parentCode]);
  await db
    .insert(agencies)
    .values({ code: input.agencyCode, name: input.agencyName ?? input.agencyCode })
    .onConflictDoNothing();
  // Receipts print the department's copy of its agency's name: an existing agency lends its own.
  const [agency] = await db.select().from(agencies).where(eq(agencies.code, input.agencyCode));
  const [row] = await db
    .insert(departments)
    .values({ ...input, agencyName: input.agencyName ?? agency!.name, parentCode: input.parentCode ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) throw errors.departmentExists(input.code);
  return presentDepartment(row);
}

export async function listDepartments(db: Db) {
  const rows = await db
    .select()
    .from(departments)
    .orderBy(asc(departments.agencyCode), asc(departments.code));
  return rows.map(presentDepartment);
}

/** Adds an agency under `parentCode` (or as a root); 409 when the code exists. */
export async function createAgency(db: Db, input: Static<typeof AgencyBody>) {
  if (input.parentCode) await requireAgency(db, input.parentCode, '/parentCode');
  const [row] = await db
    .insert(agencies)
    .values({ code: input.code, name: input.name, parentCode: input.parentCode ?? null })
    .onConflictDoNothing()
    .returning();
  if (!row) throw errors.agencyExists(input.code);
  return presentAgency(row);
}

/** Renames an agency, and the copy of its name its departments print on receipts. */
export async function renameAgency(db: Db, code: string, name: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(agencies).set({ name }).where(eq(agencies.code, code)).returning();
    if (!row) throw errors.agencyNotFound(code);
    await tx.update(departments).set({ agencyName: name }).where(eq(departments.agencyCode, code));
    return presentAgency(row);
  });
}

export async function renameDepartment(db: Db, code: string, name: string) {
  const [row] = await db.update(departments).set({ name }).where(eq(departments.code, code)).returning();
  if (!row) throw errors.departmentNotFound(code);
  return presentDepartment(row);
}

export async function listAgencies(db: Db) {
  const rows = await db.select().from(agencies).orderBy(asc(agencies.code));
  return rows.map(presentAgency);
}

export async function createUser(db: Db, input: Static<typeof UserBody>) {
  requireStrongPassword(input.password, input.username, '/password');
  await requireDepartments(db, input.departments);
  if (input.scopeAgencyCode) await requireAgency(db, input.scopeAgencyCode, '/scopeAgencyCode');
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        passwordHash,
        fullName: input.fullName,
        roles: input.roles,
        scopeAgencyCode: input.scopeAgencyCode ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw errors.usernameTaken(input.username);
    if (input.departments.length) {
      await tx
        .insert(userDepartments)
        .values(input.departments.map((code) => ({ userId: row.id, departmentCode: code })));
    }
    return presentUser(row, input.departments);
  });
}

export async function listUsers(db: Db) {
  const rows = await db.select().from(users).orderBy(asc(users.username));
  const links = await db.select().from(userDepartments);
  return rows.map((u) =>
    presentUser(
      u,
      links.filter((l) => l.userId === u.id).map((l) => l.departmentCode),
    ),
  );
}

/**
 * Changes a user's name, roles, departments or overseen agency in one transaction. Taking any
 * right away (a role, a department, or a change of the agency overseen) ends the user's
 * sessions: a process reuses what a session stands for for a few seconds, while revocation is
 * checked on every request, so the lost rights stop at once in every process, and the user's
 * browser, which holds the old menu, signs in afresh. Rights only added need no such step:
 * they reach the sessions within those seconds.
 */
export async function updateUser(db: Db, adminId: string, userId: string, patch: UserPatch): Promise<User> {
  if (patch.departments) await requireDepartments(db, patch.departments);
  if (patch.scopeAgencyCode) await requireAgency(db, patch.scopeAgencyCode, '/scopeAgencyCode');
  if (adminId === userId && patch.roles && !patch.roles.includes('admin'))
    throw errors.cannotRemoveOwnAdmin();
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!row) throw errors.userNotFound();
    const before = await departmentsOf(tx, userId);
    const [updated] = await tx
      .update(users)
      .set({
        fullName: patch.fullName ?? row.fullName,
        roles: patch.roles ?? row.roles,
        scopeAgencyCode: patch.scopeAgencyCode === undefined ? row.scopeAgencyCode : patch.scopeAgencyCode,
      })
      .where(eq(users.id, userId))
      .returning();
    const after = patch.departments ?? before;
    if (patch.departments) {
      await tx.delete(userDepartments).where(eq(userDepartments.userId, userId));
      if (after.length)
        await tx.insert(userDepartments).values(after.map((code) => ({ userId, departmentCode: code })));
    }
    const user = presentUser(updated!, after);
    const narrowed =
      row.roles.some((role) => !(user.roles as string[]).includes(role)) ||
      before.some((code) => !after.includes(code)) ||
      row.scopeAgencyCode !== user.scopeAgencyCode;
    if (narrowed) await revokeUserSessions(tx, userId);
    return user;
  });
}

/** An admin sets a new password for a user (who forgot theirs); the user's sessions end. */
export async function resetUserPassword(db: Db, userId: string, password: string): Promise<void> {
  const user = await requireUser(db, userId);
  requireStrongPassword(password, user.username, '/password');
  await setPassword(db, user.id, password);
}

/** An admin takes a user's access away at once; the account stays for the audit trail. */
export async function deactivateUserAccount(db: Db, adminId: string, userId: string): Promise<void> {
  if (adminId === userId) throw errors.cannotDeactivateSelf();
  const user = await requireUser(db, userId);
  await deactivateUser(db, user.id);
}

async function requireUser(db: Db, userId: string) {
  // The route's params schema has made sure userId is a UUID.
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw errors.userNotFound();
  return row;
}

async function requireDepartments(db: Db, codes: string[]): Promise<void> {
  if (!codes.length) return;
  const found = await db
    .select({ code: departments.code })
    .from(departments)
    .where(inArray(departments.code, codes));
  const missing = codes.filter((c) => !found.some((f) => f.code === c));
  if (missing.length) {
    throw errors.validation(
      missing.map((code) => ({ path: '/departments', message: `unknown department ${code}` })),
    );
  }
}

async function requireAgency(db: Db, code: string, path: string): Promise<void> {
  const [found] = await db.select({ code: agencies.code }).from(agencies).where(eq(agencies.code, code));
  if (!found) throw errors.validation([{ path, message: `unknown agency ${code}` }]);
}

async function departmentsOf(db: Queryable, userId: string): Promise<string[]> {
  const rows = await db
    .select({ code: userDepartments.departmentCode })
    .from(userDepartments)
    .where(eq(userDepartments.userId, userId))
    .orderBy(asc(userDepartments.departmentCode));
  return rows.map((r) => r.code);
}

function presentUser(row: typeof users.$inferSelect, departmentCodes: string[]): User {
  return {
    id: row.id,
    username: row.username,
    fullName: row.fullName,
    roles: row.roles as User['roles'],
    departments: departmentCodes,
    scopeAgencyCode: row.scopeAgencyCode,
    active: row.active,
  };
}

function presentAgency(row: typeof agencies.$inferSelect) {
  return { code: row.code, name: row.name, parentCode: row.parentCode };
}

function presentDepartment(row: typeof departments.$inferSelect) {
  return {
    code: row.code,
    name: row.name,
    agencyCode: row.agencyCode,
    agencyName: row.agencyName,
    parentCode: row.parentCode,
  };
}

export async function findDepartment(db: Db, code: string) {
  const [row] = await db.select().from(departments).where(eq(departments.code, code));
  return row ?? null;
}
