import { clock } from '../core/clock.js';
import type { Queryable } from '../core/db.js';
import type { TimelinessCounts } from './reports.schema.js';
import { countTimeliness, sumCounts } from './timeliness-counts.js';

export interface OnTimeQuery {
  /** The receiving department (a unit's reception desk) whose dossiers are counted. */
  department: string;
  /** Calendar month in local time (UTC+7), "YYYY-MM". */
  month: string;
}

/** Counts in the shape of report II.06a for one unit and one month. */
export interface OnTimeSummary extends TimelinessCounts {
  department: string;
  month: string;
  from: string;
  to: string;
}

/**
 * The on-time summary of one reception desk for a month: report II.06a's figures
 * (`countTimeliness`) for the dossiers received there, judged at the month's end or now.
 */
export async function onTimeSummary(db: Queryable, query: OnTimeQuery): Promise<OnTimeSummary> {
  const { from, to } = monthBounds(query.month);
  const asOf = new Date(Math.min(to.getTime(), clock.now().getTime()));
  const byAgency = await countTimeliness(db, { department: query.department }, { from, to, asOf });
  const counts = sumCounts([...byAgency.values()]);
  return {
    department: query.department,
    month: query.month,
    from: from.toISOString(),
    to: to.toISOString(),
    ...counts,
  };
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
