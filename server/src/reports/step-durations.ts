import { sql, type SQL } from 'drizzle-orm';
import { clock } from '../core/clock.js';
import type { Queryable } from '../core/db.js';
import { errors } from '../core/errors.js';
import type { StepDurations } from './reports.schema.js';

export interface StepDurationsQuery {
  procedure: string;
  version?: number;
  /** Local dates (Vietnam), both included. */
  from: string;
  to: string;
  agency?: string;
}

/** The longest period one request may cover. */
export const MAX_PERIOD_DAYS = 366;

const DAY_MS = 86_400_000;
const OFFSET_MS = 7 * 3_600_000;

type CompletedRow = {
  element_id: string;
  name: string;
  completed: number;
  with_due: number;
  on_time: number;
  total_median: number | null;
  total_p90: number | null;
  waiting_median: number | null;
  waiting_p90: number | null;
  working_median: number | null;
  working_p90: number | null;
};
type OpenRow = { element_id: string; name: string; open_now: number; overdue_now: number };

/**
 * Per step of a procedure: how long its completed activations in the period took in working
 * hours (total, waiting created → claimed, working claimed → completed: median and p90), the
 * share completed by their due time, and how many are open and overdue now. `agencies` limits
 * the dossiers to those received by these agencies (null: every agency).
 *
 * Each task carries its working minutes from its completion (`step-minutes.ts`, in the
 * receiving agency's calendar), so the percentiles are `percentile_cont` in SQL over the
 * procedure's dossiers that were open during the period (`dossiers_procedure_finished`), and
 * their tasks (`tasks_dossier`): the cost follows the procedure's period, not its archive.
 */
export async function stepDurations(
  db: Queryable,
  query: StepDurationsQuery,
  agencies: readonly string[] | null,
): Promise<StepDurations[]> {
  const { from, to } = periodBounds(query.from, query.to);
  const filter = dossierFilter(query, agencies);
  const [completed, open] = await Promise.all([completedRows(db, filter, from, to), openRows(db, filter)]);
  const steps = new Map<string, StepDurations>();
  for (const row of completed) steps.set(row.element_id, { ...figuresOf(row), openNow: 0, overdueNow: 0 });
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
  const spread = (name: string, minutes: string) =>
    sql.raw(`percentile_cont(0.5) within group (order by ${minutes}) as ${name}_median,
             percentile_cont(0.9) within group (order by ${minutes}) as ${name}_p90`);
  const { rows } = await db.execute<CompletedRow>(sql`
    select t.element_id, (array_agg(t.name order by t.completed_at desc))[1] as name,
           count(*)::int as completed, count(t.due_at)::int as with_due,
           count(*) filter (where t.completed_at <= t.due_at)::int as on_time,
           ${spread('total', 't.waiting_minutes + t.working_minutes')},
           ${spread('waiting', 't.waiting_minutes')},
           ${spread('working', 't.working_minutes')}
      from dossiers d join tasks t on t.dossier_id = d.id
     where ${filter} and d.received_at < ${to}
       -- A step completes at or before its dossier finishes (the same instant for the last one):
       -- dossiers finished before the period hold none of its steps.
       and (d.finished_at >= ${from} or d.finished_at is null)
       and t.status = 'completed' and t.completed_at >= ${from} and t.completed_at < ${to}
     group by t.element_id`);
  return rows;
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

/** A step's figures as the report answers them: hours with two decimals, the share with four. */
function figuresOf(row: CompletedRow): Omit<StepDurations, 'openNow' | 'overdueNow'> {
  return {
    elementId: row.element_id,
    name: row.name,
    completed: row.completed,
    total: { median: hours(row.total_median), p90: hours(row.total_p90) },
    waiting: { median: hours(row.waiting_median), p90: hours(row.waiting_p90) },
    working: { median: hours(row.working_median), p90: hours(row.working_p90) },
    withDue: row.with_due,
    onTimeShare: row.with_due ? round(row.on_time / row.with_due, 4) : null,
  };
}

function hours(minutes: number | null): number | null {
  return minutes === null ? null : round(minutes / 60, 2);
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function emptyStep(elementId: string, name: string): StepDurations {
  const none = { median: null, p90: null };
  return {
    elementId,
    name,
    completed: 0,
    total: none,
    waiting: none,
    working: none,
    withDue: 0,
    onTimeShare: null,
    openNow: 0,
    overdueNow: 0,
  };
}
