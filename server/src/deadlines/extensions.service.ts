import { clock } from '../core/clock.js';
import { eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { dossierEvents, dossiers } from '../db/schema.js';
import { errors } from '../http/errors.js';
import type { SessionUser } from '../auth/roles.js';
import { assertNotFinished, lockDossierByCode } from '../dossiers/dossiers.repository.js';
import { noticeToCitizen } from '../notify/outbox.js';
import { presentDeadlines } from './supplements.service.js';

/**
 * Records the apology letter ("Phiếu xin lỗi và hẹn lại ngày trả kết quả"): a new promised date
 * and its reason. The first promised date stays in `originalDueAt` for reporting.
 */
export async function extendDueDate(db: Db, code: string, newDueAt: Date, reason: string, actor: SessionUser) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const dossier = await lockDossierByCode(tx, code);
    assertNotFinished(dossier);
    if (newDueAt.getTime() <= dossier.dueAt.getTime()) {
      throw errors.validation([{ path: '/newDueAt', message: `must be later than the current promised date ${dossier.dueAt.toISOString()}` }]);
    }
    const [updated] = await tx.update(dossiers).set({ dueAt: newDueAt, updatedAt: now }).where(eq(dossiers.id, dossier.id)).returning();
    await tx.insert(dossierEvents).values({
      dossierId: dossier.id,
      type: 'extended',
      at: now,
      actorId: actor.id,
      actorName: actor.fullName,
      details: { previousDueAt: dossier.dueAt, newDueAt, reason },
    });
    await noticeToCitizen(tx, dossier, 'apology', { reason, dueAt: newDueAt });
    return presentDeadlines(updated!);
  });
}
