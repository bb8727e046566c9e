import { eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { dossiers, type Dossier } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import { assertActionAllowed, type DossierAction } from './dossier-actions.js';

/**
 * Refuses, as the actions rule says (403 by role, 409 by state), an action on the dossier a route
 * named: for the routes whose command then checks its own state again under the lock.
 */
export async function requireAction(
  db: Db,
  dossier: Pick<Dossier, 'id'>,
  user: SessionUser,
  action: DossierAction,
): Promise<void> {
  const [state] = await db
    .select({
      code: dossiers.code,
      status: dossiers.status,
      finishedAt: dossiers.finishedAt,
      pausedAt: dossiers.pausedAt,
    })
    .from(dossiers)
    .where(eq(dossiers.id, dossier.id));
  if (!state) throw errors.dossierNotFound();
  assertActionAllowed(state, user, action);
}
