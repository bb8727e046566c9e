/**
 * Working time in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year, no daylight saving since 1975, so
 * a fixed offset is exact). Working periods default to 07:30–11:30 and 13:00–17:00, Monday to
 * Friday; a calendar says which dates are holidays or compensatory working days.
 */
const OFFSET_MS = 7 * 3_600_000;
const MINUTE = 60_000;
const DAY = 86_400_000;
export const HOURS_PER_WORKING_DAY = 8;

/** Working periods of a working day, as [start, end) minutes after local midnight. */
const PERIODS: readonly [number, number][] = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60, 17 * 60],
];

export interface WorkingCalendar {
  /** Whether the local date (YYYY-MM-DD) is a working day. */
  isWorkingDay(localDate: string): boolean;
}

/** Monday to Friday, no holidays: the calendar until an admin's calendar is loaded. */
export const weekdaysCalendar: WorkingCalendar = {
  isWorkingDay(localDate) {
    const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
    return weekday >= 1 && weekday <= 5;
  },
};

export type WorkingUnit = 'days' | 'hours';

export interface AddOptions {
  /** Local time "HH:mm" after which a receipt counts from the next working day. */
  cutoff?: string;
}

/**
 * Adds working time to an instant: N working days are N × 8 working hours from the start
 * (the OpenCPS convention). A start outside working hours moves to the next working period;
 * a start after the cut-off moves to the next working day.
 */
export function addWorkingTime(
  start: Date,
  amount: number,
  unit: WorkingUnit,
  calendar: WorkingCalendar = weekdaysCalendar,
  options: AddOptions = {},
): Date {
  let remaining = Math.round(amount * (unit === 'days' ? HOURS_PER_WORKING_DAY * 60 : 60));
  let local = start.getTime() + OFFSET_MS;
  if (options.cutoff && minutesOfDay(local) >= parseHHmm(options.cutoff)) local = startOfDay(local) + DAY;
  for (;;) {
    const day = startOfDay(local);
    if (calendar.isWorkingDay(isoDate(day))) {
      for (const [from, to] of PERIODS) {
        const periodStart = Math.max(local, day + from * MINUTE);
        const periodEnd = day + to * MINUTE;
        if (periodStart >= periodEnd) continue;
        const available = (periodEnd - periodStart) / MINUTE;
        // A zero amount still moves the start into working time; a due time at a period's end stays there.
        if (remaining <= available) return new Date(periodStart + remaining * MINUTE - OFFSET_MS);
        remaining -= available;
        local = periodEnd;
      }
    }
    local = day + DAY;
  }
}

function startOfDay(local: number): number {
  return Math.floor(local / DAY) * DAY;
}

function minutesOfDay(local: number): number {
  return (local - startOfDay(local)) / MINUTE;
}

function isoDate(local: number): string {
  return new Date(local).toISOString().slice(0, 10);
}

function parseHHmm(text: string): number {
  const [h, m] = text.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}
