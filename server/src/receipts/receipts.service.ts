import type { Static } from '@sinclair/typebox';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { attachments, departments, users } from '../db/schema.js';
import { errors } from '../core/errors.js';
import { findDossierByCode } from '../dossiers/dossiers.service.js';
import { lookupSecretMatches } from '../dossiers/lookup-secret.js';
import { findVersionById } from '../procedures/procedures.repository.js';
import type { SessionUser } from '../core/roles.js';
import { allowedActions } from '../dossiers/dossier-actions.js';
import type { ReceiptData } from './receipts.schema.js';

export type Receipt = Static<typeof ReceiptData>;

/** The receipt's content, read from the dossier as it was received, and what `viewer` may do with it. */
export async function receiptOf(
  db: Db,
  code: string,
  publicBase: string,
  viewer: SessionUser,
): Promise<Receipt> {
  const dossier = await findDossierByCode(db, code);
  const [[department], version, [receiver], scans] = await Promise.all([
    db.select().from(departments).where(eq(departments.code, dossier.receivingDepartment)),
    findVersionById(db, dossier.procedureVersionId),
    dossier.receivedBy
      ? db.select({ fullName: users.fullName }).from(users).where(eq(users.id, dossier.receivedBy))
      : Promise.resolve([]),
    db
      .select({ fileName: attachments.fileName, documentName: attachments.documentName })
      .from(attachments)
      .where(eq(attachments.dossierId, dossier.id))
      .orderBy(asc(attachments.createdAt)),
  ]);
  return {
    code: dossier.code,
    agency: { code: dossier.agencyCode, name: department?.agencyName ?? dossier.agencyCode },
    department: { code: dossier.receivingDepartment, name: department?.name ?? dossier.receivingDepartment },
    procedure: {
      code: version!.procedureCode,
      name: version!.name,
      version: version!.version,
      duration: version!.duration,
      durationUnit: version!.durationUnit,
    },
    applicant: dossier.applicant as Receipt['applicant'],
    documents: dossier.documents as Receipt['documents'],
    scans,
    fees: dossier.fees,
    feesCollected: dossier.fees.filter((f) => f.collected).reduce((sum, f) => sum + f.amount, 0),
    notifyChannels: dossier.notifyChannels,
    channel: dossier.channel,
    receivedAt: dossier.receivedAt.toISOString(),
    dueAt: dossier.dueAt.toISOString(),
    receivedBy: receiver?.fullName ?? null,
    lookupUrl: `${publicBase.replace(/\/$/, '')}/lookup`,
    actions: allowedActions(dossier, viewer),
  };
}

/** The receipt with its secret, which must be the dossier's current one: a PDF never prints a dead secret. */
export async function receiptWithSecret(
  db: Db,
  code: string,
  secret: string,
  publicBase: string,
  viewer: SessionUser,
) {
  const dossier = await findDossierByCode(db, code);
  if (!lookupSecretMatches(secret, dossier.lookupSecretHash)) throw errors.secretMismatch();
  return receiptOf(db, code, publicBase, viewer);
}

/** The URL the receipt's QR code opens: the citizen lookup, already filled in. */
export function lookupLink(receipt: Pick<Receipt, 'lookupUrl' | 'code'>, secret: string): string {
  return `${receipt.lookupUrl}?code=${encodeURIComponent(receipt.code)}&secret=${encodeURIComponent(secret)}`;
}
