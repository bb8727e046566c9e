import { and, asc, eq, lte, notInArray } from 'drizzle-orm';
import type { Db, Tx } from '../core/db.js';
import { clock } from '../core/clock.js';
import { engineTimers } from '../db/schema.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import { SYSTEM_ACTOR } from './dossier-commands.js';
import { runDossierCommand } from './run-dossier-command.js';
import { startCommandTimer } from '../ops/metrics.js';

export interface TimerRun {
  db: Db;
  live: LiveUpdates;
  /** At most this many timers per run; the job runs again soon. */
  batch?: number;
}

/**
 * Fires every stored BPMN timer that is due, each in its own command: the timer row is taken
 * with SKIP LOCKED, the dossier locked, and the process resumed (a timer past its expiry
 * completes on resume). The timer row is closed in that same transaction, so each timer fires
 * exactly once however many server processes run this job, and after any restart.
 */
export async function fireDueTimers({ db, live, batch = 50 }: TimerRun): Promise<number> {
  const tried: string[] = [];
  let fired = 0;
  while (tried.length < batch) {
    const timed = startCommandTimer('timer');
    const done = await runDossierCommand({
      db,
      live,
      actor: SYSTEM_ACTOR,
      target: { take: (tx) => takeDueTimer(tx, tried) },
      apply: ({ runEngine }) => runEngine({ command: { kind: 'resume' }, cause: { kind: 'timer' } }),
    });
    if (!done) break;
    timed();
    fired += 1;
  }
  return fired;
}

/** The dossier of the next due timer no other process holds, skipping those this run tried. */
async function takeDueTimer(tx: Tx, tried: string[]): Promise<string | null> {
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
  return timer.dossierId;
}
