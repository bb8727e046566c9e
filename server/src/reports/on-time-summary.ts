import { sql } from 'drizzle-orm';
import { clock } from '../core/clock.js';
import type { Queryable } from '../core/db.js';

export interface OnTimeQuery {
  /** The receiving department (a unit's reception desk) whose dossiers are counted. */
  department: string;
  /** Calendar month in local time (UTC+7), "YYYY-MM". */
  month: string;
}

/** Counts in the shape of report II.06a for one unit and one month. */
export interface OnTimeSummary {
  department: string;
  month: string;
  from: string;
  to: string;
  received: { total: number; online: number; inPerson: number; carriedOver: number };
  resolved: { total: number; early: number; onTime: number; late: number };
  inProgress: { total: number; withinDeadline: number; overdue: number };
}

type SummaryRow = {
  online: number;
  in_person: number;
  carried_over: number;
  early: number;
  on_time: number;
  late: number;
  within: number;
  overdue: number;
};

/**
 * The on-time summary of a unit for a month, in the spirit of report II.06a: dossiers received
 * in the month (online / in person or by post) or carried over from before it; of those, the
 * ones finished in the month (early / on time / late, by the rules of `timeliness.classify`)
 * and the ones still in progress at the month's end (or now, for the current month), within
 * their deadline or overdue. Every finished dossier counts as resolved, refusals included.
 *
 * The three branches of the union each match one index range, so the cost follows the
 * month's dossiers, not the unit's whole archive.
 */
export async function onTimeSummary(db: Queryable, query: OnTimeQuery): Promise<OnTimeSummary> {
  const { from, to } = monthBounds(query.month);
  const asOf = new Date(Math.min(to.getTime(), clock.now().getTime()));
  const local = (column: string) => sql.raw(`(${column} at time zone 'Asia/Ho_Chi_Minh')::date`);
  const result = await db.execute<SummaryRow>(sql`
    with unit as (
      select channel, received_at, finished_at, due_at from dossiers
       where receiving_department = ${query.department} and received_at >= ${from} and received_at < ${to}
      union all
      select channel, received_at, finished_at, due_at from dossiers
       where receiving_department = ${query.department} and received_at < ${from} and finished_at >= ${from}
      union all
      select channel, received_at, finished_at, due_at from dossiers
       where receiving_department = ${query.department} and received_at < ${from} and finished_at is null
    ), marked as (
      select *, coalesce(finished_at < ${to}, false) as resolved from unit
    )
    select
      count(*) filter (where received_at >= ${from} and channel = 'online')::int as online,
      count(*) filter (where received_at >= ${from} and channel <> 'online')::int as in_person,
      count(*) filter (where received_at < ${from})::int as carried_over,
      count(*) filter (where resolved and finished_at <= due_at and ${local('finished_at')} < ${local('due_at')})::int as early,
      count(*) filter (where resolved and finished_at <= due_at and ${local('finished_at')} >= ${local('due_at')})::int as on_time,
      count(*) filter (where resolved and finished_at > due_at)::int as late,
      count(*) filter (where not resolved and due_at >= ${asOf})::int as within,
      count(*) filter (where not resolved and due_at < ${asOf})::int as overdue
    from marked`);
  return present(query, from, to, result.rows[0]!);
}

/** First instant of the month and of the next one, at local (UTC+7) midnight. */
export function monthBounds(month: string): { from: Date; to: Date } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match || Number(match[2]) < 1 || Number(match[2]) > 12)
    throw new Error(`month must be YYYY-MM, not ${month}`);
  const year = Number(match[1]);
  const index = Number(match[2]) - 1;
  const localMidnight = (y: number, m: number) => new Date(Date.UTC(y, m, 1) - 7 * 3600_000);
  return { from: localMidnight(year, index), to: localMidnight(year, index + 1) };
}

function present(query: OnTimeQuery, from: Date, to: Date, r: SummaryRow): OnTimeSummary {
  return {
    department: query.department,
    month: query.month,
    from: from.toISOString(),
    to: to.toISOString(),
    received: {
      total: r.online + r.in_person + r.carried_over,
      online: r.online,
      inPerson: r.in_person,
      carriedOver: r.carried_over,
    },
    resolved: { total: r.early + r.on_time + r.late, early: r.early, onTime: r.on_time, late: r.late },
    inProgress: { total: r.within + r.overdue, withinDeadline: r.within, overdue: r.overdue },
  };
}
