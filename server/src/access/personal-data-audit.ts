import type { Queryable } from '../core/db.js';
import { personalDataReads } from '../db/schema.js';

export interface PersonalDataRead {
  userId: string;
  dossierId: string;
  /** The route as declared, e.g. "GET /api/dossiers/:code". */
  route: string;
}

/** Appends one row per read of a dossier's personal data by staff; the table is never updated. */
export async function recordPersonalDataRead(db: Queryable, read: PersonalDataRead): Promise<void> {
  await db.insert(personalDataReads).values(read);
}
