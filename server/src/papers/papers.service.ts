import type { Static } from '@sinclair/typebox';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { departments, dossierEvents, dossierPauses, users, type Dossier } from '../db/schema.js';
import { errors } from '../core/errors.js';
import { findDossierByCode } from '../dossiers/dossiers.service.js';
import { DossierStatus } from '../dossiers/statuses.js';
import { findVersionById } from '../procedures/procedures.repository.js';
import type { ApologyPaper, RefusalPaper, SupplementRequestPaper } from './papers.schema.js';

export type SupplementRequestPaperData = Static<typeof SupplementRequestPaper>;
export type RefusalPaperData = Static<typeof RefusalPaper>;
export type ApologyPaperData = Static<typeof ApologyPaper>;

/** The supplement request paper, from the dossier's latest pause (404 when it never had one). */
export async function supplementRequestPaper(db: Db, code: string): Promise<SupplementRequestPaperData> {
  const dossier = await findDossierByCode(db, code);
  const [pause] = await db
    .select({ pause: dossierPauses, officer: users.fullName })
    .from(dossierPauses)
    .leftJoin(users, eq(users.id, dossierPauses.requestedBy))
    .where(eq(dossierPauses.dossierId, dossier.id))
    .orderBy(desc(dossierPauses.startedAt))
    .limit(1);
  if (!pause) throw errors.paperNotIssued('supplement request', code);
  return {
    ...(await paperBase(db, dossier, pause.pause.startedAt, pause.officer)),
    reasons: pause.pause.reasons as string[],
    items: pause.pause.items as string[],
    receivedBack: pause.pause.endedAt?.toISOString() ?? null,
  };
}

/**
 * The refusal paper of a refused dossier (status 3). The reason is the one the refusal gave
 * (a refusal must give one); for a dossier refused before decisions carried reasons, what the
 * deciding step wrote in its own fields (e.g. the review note), else the decision itself.
 */
export async function refusalPaper(db: Db, code: string): Promise<RefusalPaperData> {
  const dossier = await findDossierByCode(db, code);
  if (dossier.status !== DossierStatus.REFUSED) {
    throw errors.dossierNotRefused(code, dossier.status);
  }
  const [decision] = await db
    .select()
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossier.id), eq(dossierEvents.type, 'step_completed')))
    .orderBy(desc(dossierEvents.id))
    .limit(1);
  const version = await findVersionById(db, dossier.procedureVersionId);
  const step = decision?.stepId ? version!.steps.userTasks[decision.stepId] : undefined;
  const notes = (step?.editableFields ?? [])
    .map((field) => dossier.data[field])
    .filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  const stepName = decision?.stepName ?? null;
  const given = (decision?.details as { reason?: string } | null)?.reason;
  return {
    ...(await paperBase(
      db,
      dossier,
      dossier.finishedAt ?? decision?.at ?? dossier.updatedAt,
      decision?.actorName ?? null,
    )),
    stepName,
    reason: given
      ? given
      : notes.length
        ? notes.join('; ')
        : `Hồ sơ không đủ điều kiện giải quyết (bước ${stepName ?? 'thẩm định'}).`,
  };
}

/** The apology letter, from the dossier's latest extension (404 when it was never extended). */
export async function apologyPaper(db: Db, code: string): Promise<ApologyPaperData> {
  const dossier = await findDossierByCode(db, code);
  const [extension] = await db
    .select()
    .from(dossierEvents)
    .where(and(eq(dossierEvents.dossierId, dossier.id), eq(dossierEvents.type, 'extended')))
    .orderBy(desc(dossierEvents.id))
    .limit(1);
  if (!extension) throw errors.paperNotIssued('apology letter', code);
  const details = extension.details as { previousDueAt: string; newDueAt: string; reason: string };
  return {
    ...(await paperBase(db, dossier, extension.at, extension.actorName)),
    originalDueAt: dossier.originalDueAt.toISOString(),
    previousDueAt: new Date(details.previousDueAt).toISOString(),
    newDueAt: new Date(details.newDueAt).toISOString(),
    reason: details.reason,
  };
}

async function paperBase(db: Db, dossier: Dossier, issuedAt: Date, officer: string | null) {
  const [[department], version] = await Promise.all([
    db.select().from(departments).where(eq(departments.code, dossier.receivingDepartment)),
    findVersionById(db, dossier.procedureVersionId),
  ]);
  return {
    code: dossier.code,
    agency: { code: dossier.agencyCode, name: department?.agencyName ?? dossier.agencyCode },
    department: { code: dossier.receivingDepartment, name: department?.name ?? dossier.receivingDepartment },
    procedure: { code: version!.procedureCode, name: version!.name },
    applicant: dossier.applicant as SupplementRequestPaperData['applicant'],
    receivedAt: dossier.receivedAt.toISOString(),
    issuedAt: issuedAt.toISOString(),
    officer,
  };
}
