import { sql } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { logger } from '../core/logger.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { workingMinutesBetween, type WorkingCalendar } from '../calendar/working-time.js';

export interface StepMinutes {
  waitingMinutes: number;
  workingMinutes: number;
}

/**
 * How long a completed activation waited (created → claimed) and was worked (claimed →
 * completed), in working minutes of `calendar`, the receiving agency's. A step completed
 * without a claim waited the whole time: its work is counted as done at completion (working 0),
 * the only instant the officer is known to have held it.
 */
export function stepMinutes(
  task: { createdAt: Date; claimedAt: Date | null },
  completedAt: Date,
  calendar: WorkingCalendar,
): StepMinutes {
  const claimed = task.claimedAt ?? completedAt;
  return {
    waitingMinutes: workingMinutesBetween(task.createdAt, claimed, calendar),
    workingMinutes: workingMinutesBetween(claimed, completedAt, calendar),
  };
}

const BATCH = 5_000;

type MissingRow = {
  id: string;
  agency_code: string;
  created_at: Date;
  claimed_at: Date | null;
  completed_at: Date;
};

/**
 * Writes the minutes of completed tasks that have none: those completed before the columns
 * existed (migration 0018). Runs at start-up, in batches along `tasks_minutes_missing`, which is
 * empty once done; a second process running it at once writes the same values.
 */
export async function fillStepMinutes(db: Db): Promise<number> {
  let filled = 0;
  for (;;) {
    const { rows } = await db.execute<MissingRow>(sql`
      select t.id, d.agency_code, t.created_at, t.claimed_at, t.completed_at
        from tasks t join dossiers d on d.id = t.dossier_id
       where t.status = 'completed' and t.waiting_minutes is null
       limit ${BATCH}`);
    if (!rows.length) break;
    const calendars = new Map<string, WorkingCalendar>();
    for (const code of new Set(rows.map((r) => r.agency_code)))
      calendars.set(code, await calendarFor(db, code));
    const minutes = rows.map((r) =>
      stepMinutes(
        { createdAt: new Date(r.created_at), claimedAt: r.claimed_at && new Date(r.claimed_at) },
        new Date(r.completed_at),
        calendars.get(r.agency_code)!,
      ),
    );
    await db.execute(sql`
      update tasks set waiting_minutes = m.waiting, working_minutes = m.working
        from unnest(${sql.param(rows.map((r) => r.id))}::uuid[],
                    ${sql.param(minutes.map((m) => m.waitingMinutes))}::float8[],
                    ${sql.param(minutes.map((m) => m.workingMinutes))}::float8[]) as m(id, waiting, working)
       where tasks.id = m.id`);
    filled += rows.length;
    logger.info({ component: 'step-minutes', filled }, 'working minutes written on completed tasks');
  }
  return filled;
}
