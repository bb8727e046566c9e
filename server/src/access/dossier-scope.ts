import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { dossiers } from '../db/schema.js';
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

// The gate runs before every claim, completion and read of one dossier: fixed texts (one per way
// of naming it, with and without the scope), so nothing is built per request and each connection
// prepares them once (core/db.ts). The scope is dossierScope's, in SQL.
const FROM = {
  code: `from dossiers d where d.code = $1`,
  task: `from tasks t join dossiers d on d.id = t.dossier_id where t.id = $1`,
  attachment: `from attachments a join dossiers d on d.id = a.dossier_id where a.id = $1`,
} as const;
const SCOPE = `and (d.agency_code = any($2::text[]) or d.involved_departments && $3::text[])`;

/** The dossier a route names, if the user may see it; otherwise the same 404 as for one that does not exist. */
export async function findDossierInScope(db: Db, user: SessionUser, ref: DossierRef): Promise<ScopedDossier> {
  const notFound =
    ref.by === 'code'
      ? () => errors.dossierNotFound(ref.code)
      : ref.by === 'task'
        ? errors.taskNotFound
        : errors.attachmentNotFound;
  const value = ref.by === 'code' ? ref.code : ref.id;
  const admin = user.roles.includes('admin');
  const text = `select d.id, d.code ${FROM[ref.by]} ${admin ? '' : SCOPE} limit 1`;
  const params = admin ? [value] : [value, user.agencies, user.departments.map((d) => d.code)];
  const { rows } = await db.$client.query<ScopedDossier>(text, params);
  if (!rows[0]) throw notFound();
  return rows[0];
}
