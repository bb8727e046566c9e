import { eq } from 'drizzle-orm';
import type { Tx } from '../core/db.js';
import { dossiers, type Dossier } from '../db/schema.js';
import { errors } from '../core/errors.js';

/** The dossier row, locked for the rest of the transaction: every command on a dossier takes this first. */
export async function lockDossierByCode(tx: Tx, code: string): Promise<Dossier> {
  const [row] = await tx.select().from(dossiers).where(eq(dossiers.code, code)).for('update');
  if (!row) throw errors.dossierNotFound(code);
  return row;
}

export function assertNotFinished(dossier: Dossier): void {
  if (dossier.finishedAt) {
    throw errors.dossierFinished(dossier.code, dossier.status);
  }
}
