import { DEFAULT_PERIODS, isWeekday, type WorkingCalendar } from './working-time.js';

export interface HolidayRange {
  fromDate: string;
  toDate: string;
}

/**
 * A calendar from its entries: a compensatory working day works weekday hours, a holiday
 * works none, any other date works default hours on Monday to Friday.
 */
export function buildCalendar(holidays: HolidayRange[], workdays: string[]): WorkingCalendar {
  const off = new Set<string>();
  for (const h of holidays) for (const d of datesBetween(h.fromDate, h.toDate)) off.add(d);
  const worked = new Set(workdays);
  return {
    periodsOn(localDate) {
      if (worked.has(localDate)) return DEFAULT_PERIODS;
      if (off.has(localDate)) return [];
      return isWeekday(localDate) ? DEFAULT_PERIODS : [];
    },
  };
}

function* datesBetween(from: string, to: string): Generator<string> {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    yield new Date(t).toISOString().slice(0, 10);
  }
}
