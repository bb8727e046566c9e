import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable, Tx } from '../core/db.js';
import { dossiers, tasks, type Dossier, type Task } from '../db/schema.js';
import { errors } from '../core/errors.js';

/** The dossier row, locked for the rest of the transaction: every command takes this first, in `runDossierCommand`. */
export async function lockDossier(tx: Tx, id: string): Promise<Dossier> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.id, id)).for('update');
  if (!row) throw errors.dossierNotFound();
  return row;
}

export function assertNotFinished(dossier: Dossier): void {
  if (dossier.finishedAt) {
    throw errors.dossierFinished(dossier.code, dossier.status);
  }
}

/** The tasks of a dossier still waiting for someone: open or claimed. */
export async function openTasksOf(db: Queryable, dossierId: string): Promise<Task[]> {
  return db
    .select()
    .from(tasks)
    .where(and(eq(tasks.dossierId, dossierId), inArray(tasks.status, ['open', 'claimed'])));
}
