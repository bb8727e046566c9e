import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../core/db.js';
import { engineTimers } from '../db/schema.js';
import type { PendingTimer } from '../engine/timer-capture.js';

/**
 * Makes the stored timers of a dossier match what its process now waits on: new timers are
 * added; timers no longer waited on are closed as fired (when due) or cancelled (when their
 * step ended first). Returns the element ids of the timers that fired.
 */
export async function syncTimers(
  tx: Tx,
  dossierId: string,
  current: PendingTimer[],
  now: Date,
): Promise<string[]> {
  const stored = await tx
    .select()
    .from(engineTimers)
    .where(and(eq(engineTimers.dossierId, dossierId), eq(engineTimers.status, 'pending')));
  const live = new Set(current.map((t) => t.executionId));
  const known = new Set(stored.map((t) => t.executionId));
  const gone = stored.filter((t) => !live.has(t.executionId));
  const fired = gone.filter((t) => t.fireAt.getTime() <= now.getTime());
  const cancelled = gone.filter((t) => t.fireAt.getTime() > now.getTime());
  if (fired.length) {
    await tx
      .update(engineTimers)
      .set({ status: 'fired', firedAt: now })
      .where(
        inArray(
          engineTimers.id,
          fired.map((t) => t.id),
        ),
      );
  }
  if (cancelled.length) {
    await tx
      .update(engineTimers)
      .set({ status: 'cancelled' })
      .where(
        inArray(
          engineTimers.id,
          cancelled.map((t) => t.id),
        ),
      );
  }
  const fresh = current.filter((t) => !known.has(t.executionId));
  if (fresh.length) {
    await tx
      .insert(engineTimers)
      .values(
        fresh.map((t) => ({
          dossierId,
          elementId: t.elementId,
          executionId: t.executionId,
          fireAt: t.fireAt,
          status: 'pending' as const,
        })),
      )
      .onConflictDoNothing();
  }
  return fired.map((t) => t.elementId);
}
