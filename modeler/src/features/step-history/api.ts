import type { StepDurationsReport } from '@server/reports/reports.schema.js';
import { get } from '../../../../client/src/api/http.js';

export interface Period {
  from: string;
  to: string;
}

/** The figures of every step of a procedure over a period (local dates, both included). */
export const getStepDurations = (procedure: string, period: Period) =>
  get<StepDurationsReport>(
    `/api/reports/steps?${new URLSearchParams({ procedure, from: period.from, to: period.to })}`,
  );

/** The last `days` local days up to today (Vietnam time, whatever the browser's zone). */
export function lastDays(days: number, now = new Date()): Period {
  const local = (offsetDays: number) =>
    new Date(now.getTime() + 7 * 3_600_000 - offsetDays * 86_400_000).toISOString().slice(0, 10);
  return { from: local(days - 1), to: local(0) };
}
