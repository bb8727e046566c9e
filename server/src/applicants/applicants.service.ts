import { and, desc, sql } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { dossiers } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import { dossierScope } from '../access/dossier-scope.js';
import { recordPersonalDataRead } from '../access/personal-data-audit.js';
import type { KnownApplicant } from './applicants.schema.js';

/** How the route is named in the audit table, as `mountRoutes` names the routes it audits. */
export const KNOWN_APPLICANT_ROUTE = 'GET /api/applicants';

/**
 * The details last given with this ID number on a dossier inside the receptionist's access scope,
 * so a returning citizen need not dictate them again; a person known only elsewhere is not found.
 * Answering shows personal data, so the read is audited against the dossier it came from.
 */
export async function findKnownApplicant(
  db: Db,
  user: SessionUser,
  idNumber: string,
): Promise<KnownApplicant> {
  const [row] = await db
    .select({
      id: dossiers.id,
      code: dossiers.code,
      receivedAt: dossiers.receivedAt,
      applicant: dossiers.applicant,
    })
    .from(dossiers)
    .where(
      and(sql`upper(${dossiers.applicant}->>'idNumber') = ${idNumber.toUpperCase()}`, dossierScope(user)),
    )
    .orderBy(desc(dossiers.receivedAt))
    .limit(1);
  if (!row) throw errors.applicantNotFound();
  await recordPersonalDataRead(db, { userId: user.id, dossierId: row.id, route: KNOWN_APPLICANT_ROUTE });
  return {
    applicant: row.applicant,
    fromDossier: { code: row.code, receivedAt: row.receivedAt.toISOString() },
  };
}
