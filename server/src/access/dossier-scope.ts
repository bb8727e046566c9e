import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../core/db.js';
import { attachments, dossiers, tasks } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';

/**
 * The access scope, the one rule for every read and action on a dossier: staff see a dossier
 * when their agency is the receiving department's agency, or when one of their departments
 * received it or holds or held one of its steps; leaders and supervisors see their agency's
 * subtree (both folded into `user.agencies` at sign-in); admins see everything. Lists filter
 * with it; routes that name one dossier resolve it through `findDossierInScope`, so a dossier
 * outside the scope answers exactly as one that does not exist.
 */
export function dossierScope(user: SessionUser): SQL | undefined {
  if (user.roles.includes('admin')) return undefined;
  const departmentCodes = user.departments.map((d) => d.code);
  return sql`(${dossiers.agencyCode} = any(${sql.param(user.agencies)}::text[]) or ${dossiers.involvedDepartments} && ${sql.param(departmentCodes)}::text[])`;
}

/** Whether the user oversees an agency's units and their reports: admins all, others `user.agencies`. */
export function overseesAgency(user: SessionUser, agencyCode: string): boolean {
  return user.roles.includes('admin') || user.agencies.includes(agencyCode);
}

/** How a route names the one dossier it touches: its code, or the id of one of its tasks or attachments. */
export type DossierRef =
  { by: 'code'; code: string } | { by: 'task'; id: string } | { by: 'attachment'; id: string };

export interface ScopedDossier {
  id: string;
  code: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The dossier a route names, if the user may see it; otherwise the same 404 as for one that does not exist. */
export async function findDossierInScope(
  db: Queryable,
  user: SessionUser,
  ref: DossierRef,
): Promise<ScopedDossier> {
  const columns = { id: dossiers.id, code: dossiers.code };
  const scope = dossierScope(user);
  if (ref.by === 'code') {
    const [row] = await db
      .select(columns)
      .from(dossiers)
      .where(and(eq(dossiers.code, ref.code), scope))
      .limit(1);
    if (!row) throw errors.dossierNotFound(ref.code);
    return row;
  }
  if (ref.by === 'task') {
    if (!UUID.test(ref.id)) throw errors.taskNotFound();
    const [row] = await db
      .select(columns)
      .from(tasks)
      .innerJoin(dossiers, eq(dossiers.id, tasks.dossierId))
      .where(and(eq(tasks.id, ref.id), scope))
      .limit(1);
    if (!row) throw errors.taskNotFound();
    return row;
  }
  if (!UUID.test(ref.id)) throw errors.attachmentNotFound();
  const [row] = await db
    .select(columns)
    .from(attachments)
    .innerJoin(dossiers, eq(dossiers.id, attachments.dossierId))
    .where(and(eq(attachments.id, ref.id), scope))
    .limit(1);
  if (!row) throw errors.attachmentNotFound();
  return row;
}
