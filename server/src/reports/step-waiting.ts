import { sql } from 'drizzle-orm';
import { clock } from '../core/clock.js';
import type { Queryable } from '../core/db.js';
import { dossierFilter, openRows } from './step-durations.js';
import type { StepOpenCounts, StepOpenQuery, StepWaiting, StepWaitingQuery } from './step-waiting.schema.js';

/** The longest list of waiting dossiers one answer carries; `total` counts them all. */
export const MAX_WAITING = 200;

type WaitingRow = {
  task_id: string;
  code: string;
  created_at: Date;
  due_at: Date | null;
  assignee: string | null;
  total: number;
};

/**
 * Open and overdue now per step of a procedure, with the same filter and scope as the step
 * figures: one grouped read of the open tasks, cheap enough to repeat on every task event.
 */
export async function stepOpenCounts(
  db: Queryable,
  query: StepOpenQuery,
  agencies: readonly string[] | null,
): Promise<StepOpenCounts> {
  const rows = await openRows(db, dossierFilter(query, agencies));
  return {
    at: clock.now().toISOString(),
    steps: rows
      .map((r) => ({ elementId: r.element_id, openNow: r.open_now, overdueNow: r.overdue_now }))
      .sort((a, b) => a.elementId.localeCompare(b.elementId)),
  };
}

/** The dossiers of a procedure open at one step now, the longest-waiting first. */
export async function stepWaiting(
  db: Queryable,
  query: StepWaitingQuery,
  agencies: readonly string[] | null,
): Promise<StepWaiting> {
  const now = clock.now();
  const { rows } = await db.execute<WaitingRow>(sql`
    select t.id as task_id, d.code, t.created_at, t.due_at, u.full_name as assignee,
           count(*) over ()::int as total
      from dossiers d join tasks t on t.dossier_id = d.id
      left join users u on u.id = t.assignee_id
     where ${dossierFilter(query, agencies)} and d.finished_at is null
       and t.element_id = ${query.element} and t.status in ('open', 'claimed')
     order by t.created_at, d.code
     limit ${MAX_WAITING}`);
  return {
    at: now.toISOString(),
    elementId: query.element,
    total: rows[0]?.total ?? 0,
    dossiers: rows.map((r) => {
      const due = r.due_at && new Date(r.due_at);
      return {
        taskId: r.task_id,
        dossierCode: r.code,
        since: new Date(r.created_at).toISOString(),
        dueAt: due ? due.toISOString() : null,
        overdue: due !== null && due < now,
        assignee: r.assignee,
      };
    }),
  };
}
