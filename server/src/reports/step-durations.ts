import { sql, type SQL } from 'drizzle-orm';
import { clock } from '../core/clock.js';
import type { Queryable } from '../core/db.js';
import { errors } from '../core/errors.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { workingMinutesBetween, type WorkingCalendar } from '../calendar/working-time.js';
import { stepFigures, type StepFigures, type StepSample } from './step-figures.js';

export interface StepDurationsQuery {
  procedure: string;
  version?: number;
  /** Local dates (Vietnam), both included. */
  from: string;
  to: string;
  agency?: string;
}

export interface StepDurationsRow extends StepFigures {
  elementId: string;
  name: string;
  openNow: number;
  overdueNow: number;
}

/** The longest period one request may cover. */
export const MAX_PERIOD_DAYS = 366;
/**
 * Working time is computed per completed activation in Node, with the receiving agency's own
 * calendar (holidays, compensatory working days); this bounds the rows one request reads.
 */
export const MAX_COMPLETED_ROWS = 100_000;

const DAY_MS = 86_400_000;
const OFFSET_MS = 7 * 3_600_000;

type CompletedRow = {
  element_id: string;
  name: string;
  agency_code: string;
  created_at: Date;
  claimed_at: Date | null;
  completed_at: Date;
  due_at: Date | null;
};
type OpenRow = { element_id: string; name: string; open_now: number; overdue_now: number };

/**
 * Per step of a procedure: how long its completed activations in the period took in working
 * hours (total, waiting created → claimed, working claimed → completed: median and p90), the
 * share completed by their due time, and how many are open and overdue now. `agencies` limits
 * the dossiers to those received by these agencies (null: every agency).
 *
 * Reads the procedure's dossiers received before the period's end through `dossiers_procedure`,
 * then their tasks through `tasks_dossier`: the cost follows the procedure's archive, not the
 * whole tasks table, and working time is summed per row in Node (prefix sums: two look-ups a
 * row). The way to the dashboard's scale keeps this shape: write each activation's working
 * minutes, due result, procedure, version and agency on the task when it completes (same
 * transaction, same calendar), index (procedure, element, completed_at), and move the
 * percentiles into SQL as `percentile_cont`, which `step-figures.ts` already matches.
 */
export async function stepDurations(
  db: Queryable,
  query: StepDurationsQuery,
  agencies: readonly string[] | null,
): Promise<StepDurationsRow[]> {
  const { from, to } = periodBounds(query.from, query.to);
  const filter = dossierFilter(query, agencies);
  const [completed, open] = await Promise.all([completedRows(db, filter, from, to), openRows(db, filter)]);
  const samples = await samplesByStep(db, completed);
  const steps = new Map<string, StepDurationsRow>();
  for (const [elementId, { name, list }] of samples)
    steps.set(elementId, { elementId, name, ...stepFigures(list), openNow: 0, overdueNow: 0 });
  for (const row of open) {
    const step = steps.get(row.element_id) ?? emptyStep(row.element_id, row.name);
    steps.set(row.element_id, { ...step, openNow: row.open_now, overdueNow: row.overdue_now });
  }
  return [...steps.values()].sort((a, b) => a.elementId.localeCompare(b.elementId));
}

/**
 * The period as instants: local midnight of `from` up to local midnight after `to`. Refuses a
 * reversed period or one longer than MAX_PERIOD_DAYS, naming the field to change.
 */
export function periodBounds(fromDate: string, toDate: string): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${fromDate}T00:00:00Z`) - OFFSET_MS);
  const to = new Date(Date.parse(`${toDate}T00:00:00Z`) - OFFSET_MS + DAY_MS);
  if (to <= from) throw errors.validation([{ path: '/to', message: 'must be on or after from' }]);
  const days = (to.getTime() - from.getTime()) / DAY_MS;
  if (days > MAX_PERIOD_DAYS)
    throw errors.validation([
      { path: '/to', message: `the period is ${days} days; it may be at most ${MAX_PERIOD_DAYS}` },
    ]);
  return { from, to };
}

/** The dossiers a step query reads: the procedure, its version and agency if asked, within `agencies`. */
export function dossierFilter(
  query: Pick<StepDurationsQuery, 'procedure' | 'version' | 'agency'>,
  agencies: readonly string[] | null,
): SQL {
  const parts = [sql`d.procedure_code = ${query.procedure}`];
  if (query.version !== undefined)
    parts.push(
      sql`d.procedure_version_id = (select id from procedure_versions where procedure_code = ${query.procedure} and version = ${query.version})`,
    );
  if (query.agency !== undefined) parts.push(sql`d.agency_code = ${query.agency}`);
  if (agencies) parts.push(sql`d.agency_code = any(${sql.param([...agencies])}::text[])`);
  return sql.join(parts, sql` and `);
}

async function completedRows(db: Queryable, filter: SQL, from: Date, to: Date): Promise<CompletedRow[]> {
  const { rows } = await db.execute<CompletedRow>(sql`
    select t.element_id, t.name, d.agency_code, t.created_at, t.claimed_at, t.completed_at, t.due_at
      from dossiers d join tasks t on t.dossier_id = d.id
     where ${filter} and d.received_at < ${to}
       -- A step completes at or before its dossier finishes (the same instant for the last one):
       -- dossiers finished before the period hold none of its steps.
       and (d.finished_at >= ${from} or d.finished_at is null)
       and t.status = 'completed' and t.completed_at >= ${from} and t.completed_at < ${to}
     order by t.completed_at
     limit ${MAX_COMPLETED_ROWS + 1}`);
  if (rows.length > MAX_COMPLETED_ROWS)
    throw errors.validation(
      [
        {
          path: '/from',
          message: `more than ${MAX_COMPLETED_ROWS} completed steps: choose a shorter period or an agency`,
        },
      ],
      'The period holds too many completed steps',
    );
  return rows.map((r) => ({
    ...r,
    created_at: new Date(r.created_at),
    claimed_at: r.claimed_at && new Date(r.claimed_at),
    completed_at: new Date(r.completed_at),
    due_at: r.due_at && new Date(r.due_at),
  }));
}

/** Open and overdue tasks per step of the dossiers `filter` selects, now. */
export async function openRows(db: Queryable, filter: SQL): Promise<OpenRow[]> {
  const { rows } = await db.execute<OpenRow>(sql`
    select t.element_id, max(t.name) as name, count(*)::int as open_now,
           count(*) filter (where t.due_at < ${clock.now()})::int as overdue_now
      from dossiers d join tasks t on t.dossier_id = d.id
     where ${filter} and d.finished_at is null and t.status in ('open', 'claimed')
     group by t.element_id`);
  return rows;
}

/**
 * Each completed activation as working minutes in the calendar of the agency that received
 * the dossier. A step completed without a claim waited the whole time: its work is counted
 * as done at completion (working 0), the only instant the officer is known to have held it.
 */
async function samplesByStep(db: Queryable, rows: CompletedRow[]) {
  const calendars = new Map<string, WorkingCalendar>();
  for (const code of new Set(rows.map((r) => r.agency_code)))
    calendars.set(code, await calendarFor(db, code));
  const byStep = new Map<string, { name: string; list: StepSample[] }>();
  for (const row of rows) {
    const calendar = calendars.get(row.agency_code)!;
    const claimed = row.claimed_at ?? row.completed_at;
    const step = byStep.get(row.element_id) ?? { name: row.name, list: [] };
    // Rows come oldest first: the step keeps the name its latest activation carried.
    step.name = row.name;
    step.list.push({
      waitingMinutes: workingMinutesBetween(row.created_at, claimed, calendar),
      workingMinutes: workingMinutesBetween(claimed, row.completed_at, calendar),
      onTime: row.due_at ? row.completed_at <= row.due_at : null,
    });
    byStep.set(row.element_id, step);
  }
  return byStep;
}

function emptyStep(elementId: string, name: string): StepDurationsRow {
  return { elementId, name, ...stepFigures([]), openNow: 0, overdueNow: 0 };
}
