import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../core/db.js';
import type { TimelinessCounts } from './reports.schema.js';

/** Which dossiers a report counts: those received at one desk, or by any of a list of agencies. */
export type CountedUnits = { department: string } | { agencies: string[] };

export interface CountWindow {
  /** First instant of the period. */
  from: Date;
  /** First instant after the period. */
  to: Date;
  /** When open dossiers are judged within or past their deadline: the period's end, or now if sooner. */
  asOf: Date;
}

type CountRow = {
  agency_code: string;
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
 * The figures of report II.06a per agency: dossiers received in the period (online / in person
 * or by post) or carried over from before it; of those, the ones finished in the period (early
 * / on time / late, by the rules of `timeliness.classify`) and the ones still in progress at its
 * end, within their deadline or overdue. Every finished dossier counts as resolved, refusals
 * included.
 *
 * The deadline is the promised date as supplement pauses pushed it, but not as an apology
 * moved it: a dossier given a new date was late against the one it broke (Decree 61/2018,
 * art. 19), so the date before the first apology (`extended` event) is the one that counts.
 *
 * The two branches of the union each match one index: received in the period
 * (`dossiers_agency_received`, `dossiers_unit_received`) and carried over into it, open at its
 * first instant (`dossiers_in_flight`), so the cost follows the period's dossiers, not the
 * units' whole archive.
 */
export async function countTimeliness(
  db: Queryable,
  units: CountedUnits,
  { from, to, asOf }: CountWindow,
): Promise<Map<string, TimelinessCounts>> {
  const unit = unitPredicate(units);
  const local = (column: string) => sql.raw(`(${column} at time zone 'Asia/Ho_Chi_Minh')::date`);
  const result = await db.execute<CountRow>(sql`
    with unit as (
      select id, agency_code, receiving_department, channel, received_at, finished_at, due_at from dossiers
       where ${unit} and received_at >= ${from} and received_at < ${to}
      union all
      -- Carried over: open at the period's first instant, a few thousand dossiers in a whole
      -- province. The fence keeps the planner from AND-ing in the unit's index, which holds the
      -- unit's whole archive.
      select * from (
        select id, agency_code, receiving_department, channel, received_at, finished_at, due_at from dossiers
         where tstzrange(received_at, finished_at, '(]') @> ${from}::timestamptz offset 0
      ) carried where ${unit}
    ), marked as (
      select u.agency_code, u.channel, u.received_at, u.finished_at,
             coalesce(finished_at < ${to}, false) as resolved,
             coalesce(apology.previous_due_at, u.due_at) as due_at
        from unit u
        -- A join, not a subquery in the select list: each figure below reads due_at, and an
        -- inlined subquery would be probed once per figure.
        left join lateral (
          select (e.details->>'previousDueAt')::timestamptz as previous_due_at from dossier_events e
           where e.dossier_id = u.id and e.type = 'extended' order by e.id limit 1
        ) apology on true
    )
    select agency_code,
      count(*) filter (where received_at >= ${from} and channel = 'online')::int as online,
      count(*) filter (where received_at >= ${from} and channel <> 'online')::int as in_person,
      count(*) filter (where received_at < ${from})::int as carried_over,
      count(*) filter (where resolved and finished_at <= due_at and ${local('finished_at')} < ${local('due_at')})::int as early,
      count(*) filter (where resolved and finished_at <= due_at and ${local('finished_at')} >= ${local('due_at')})::int as on_time,
      count(*) filter (where resolved and finished_at > due_at)::int as late,
      count(*) filter (where not resolved and due_at >= ${asOf})::int as within,
      count(*) filter (where not resolved and due_at < ${asOf})::int as overdue
    from marked group by agency_code`);
  return new Map(result.rows.map((r) => [r.agency_code, present(r)]));
}

/** All zeros: a unit that had no dossier in the period. */
export function noCounts(): TimelinessCounts {
  return {
    received: { total: 0, online: 0, inPerson: 0, carriedOver: 0 },
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    inProgress: { total: 0, withinDeadline: 0, overdue: 0 },
  };
}

/** The sum of several units' figures, figure by figure. */
export function sumCounts(all: TimelinessCounts[]): TimelinessCounts {
  const total = noCounts();
  for (const counts of all)
    for (const group of ['received', 'resolved', 'inProgress'] as const)
      for (const [key, value] of Object.entries(counts[group]))
        (total[group] as Record<string, number>)[key]! += value;
  return total;
}

function unitPredicate(units: CountedUnits): SQL {
  return 'department' in units
    ? sql`receiving_department = ${units.department}`
    : sql`agency_code = any(${sql.param(units.agencies)}::text[])`;
}

function present(r: CountRow): TimelinessCounts {
  return {
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
