import { and, asc, eq, lte, notInArray } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { clock } from '../core/clock.js';
import { dossiers, engineTimers } from '../db/schema.js';
import { findVersionById } from '../procedures/procedures.repository.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import { applyEngineCommand, SYSTEM_ACTOR } from './dossier-commands.js';
import { startCommandTimer } from '../ops/metrics.js';

/**
 * Fires every stored BPMN timer that is due, each in its own transaction: the timer row is
 * taken with SKIP LOCKED, the dossier locked, and the process resumed (a timer past its
 * expiry completes on resume). The timer row is closed in that same transaction, so each timer
 * fires exactly once however many server processes run this job, and after any restart.
 */
export async function fireDueTimers(db: Db, live: LiveUpdates, batch = 50): Promise<number> {
  const tried: string[] = [];
  let fired = 0;
  while (tried.length < batch) {
    const timed = startCommandTimer('timer');
    const result = await db.transaction(async (tx) => {
      const [timer] = await tx
        .select()
        .from(engineTimers)
        .where(
          and(
            eq(engineTimers.status, 'pending'),
            lte(engineTimers.fireAt, clock.now()),
            tried.length ? notInArray(engineTimers.id, tried) : undefined,
          ),
        )
        .orderBy(asc(engineTimers.fireAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!timer) return null;
      tried.push(timer.id);
      const [dossier] = await tx
        .select()
        .from(dossiers)
        .where(eq(dossiers.id, timer.dossierId))
        .for('update');
      const version = (await findVersionById(db, dossier!.procedureVersionId))!;
      const changes = await applyEngineCommand(
        { tx, dossier: dossier!, version, actor: SYSTEM_ACTOR, now: clock.now() },
        { kind: 'resume' },
        { kind: 'timer' },
      );
      return { changes };
    });
    if (!result) break;
    timed();
    result.changes.afterCommit();
    live.tasksChanged(result.changes);
    fired += 1;
  }
  return fired;
}
