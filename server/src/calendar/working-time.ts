/**
 * Working time in Vietnam (Asia/Ho_Chi_Minh is UTC+7 all year, with no daylight saving since
 * 1975, so a fixed offset is exact whatever the server's timezone). A calendar says which
 * working periods each local date has; the arithmetic here is pure.
 */
import type { DurationUnit } from '../db/procedure-content.schema.js';

const OFFSET_MS = 7 * 3_600_000;
const MINUTE = 60_000;
const DAY = 86_400_000;
export const HOURS_PER_WORKING_DAY = 8;

/** [start, end) minutes after local midnight. */
export type Period = readonly [number, number];

export const DEFAULT_PERIODS: readonly Period[] = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60, 17 * 60],
];

/** A calendar's answers never change: a changed calendar is a new object (sums are kept per object). */
export interface WorkingCalendar {
  /** Working periods of a local date (YYYY-MM-DD); empty on a day off. */
  periodsOn(localDate: string): readonly Period[];
}

/** Monday to Friday with default hours and no holidays. */
export const weekdaysCalendar: WorkingCalendar = {
  periodsOn: (localDate) => (isWeekday(localDate) ? DEFAULT_PERIODS : []),
};

export function isWeekday(localDate: string): boolean {
  const weekday = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** A duration's unit as procedures spell it. */
export type WorkingUnit = DurationUnit;

export interface AddOptions {
  /** Local time "HH:mm" after which a receipt counts from the next working day. */
  cutoff?: string;
}

// No calendar has a working period this far ahead of the last one: stop rather than loop forever.
const MAX_IDLE_DAYS = 400;

/**
 * Adds working time to an instant: N working days are N × 8 working hours from the start
 * (the OpenCPS convention). A start outside working hours moves to the next working period;
 * a start after the cut-off moves to the next working day. The result always falls inside a
 * working period (or at its end), so never on a day off.
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
  let idle = 0;
  for (;;) {
    const day = startOfDay(local);
    const periods = calendar.periodsOn(isoDate(day));
    idle = periods.length ? 0 : idle + 1;
    if (idle > MAX_IDLE_DAYS) throw new Error('The working calendar has no working day in over a year');
    for (const [from, to] of periods) {
      const periodStart = Math.max(local, day + from * MINUTE);
      const periodEnd = day + to * MINUTE;
      if (periodStart >= periodEnd) continue;
      const available = (periodEnd - periodStart) / MINUTE;
      if (remaining <= available) return new Date(periodStart + remaining * MINUTE - OFFSET_MS);
      remaining -= available;
      local = periodEnd;
    }
    local = day + DAY;
  }
}

/** Working time between two instants, in minutes (0 when `to` is not after `from`). */
export function workingMinutesBetween(
  from: Date,
  to: Date,
  calendar: WorkingCalendar = weekdaysCalendar,
): number {
  const start = from.getTime() + OFFSET_MS;
  const end = to.getTime() + OFFSET_MS;
  if (end <= start) return 0;
  const firstDay = startOfDay(start);
  const lastDay = startOfDay(end);
  if (firstDay === lastDay) return minutesWithin(calendar, firstDay, start, end);
  return (
    minutesWithin(calendar, firstDay, start, firstDay + DAY) +
    wholeDayMinutes(calendar, firstDay + DAY, lastDay) +
    minutesWithin(calendar, lastDay, lastDay, end)
  );
}

/** Working minutes of one local day that fall within [lo, hi). */
function minutesWithin(calendar: WorkingCalendar, day: number, lo: number, hi: number): number {
  let total = 0;
  for (const [a, b] of calendar.periodsOn(isoDate(day))) {
    const x = Math.max(day + a * MINUTE, lo);
    const y = Math.min(day + b * MINUTE, hi);
    if (y > x) total += (y - x) / MINUTE;
  }
  return total;
}

/** `sums[i]`: working minutes of the whole days from `first` up to (not including) `first + i` days. */
interface DaySums {
  first: number;
  sums: number[];
}

// An inbox marks every task with the working time to (or past) its due time, and a task left
// open for years would otherwise walk every day between: prefix sums make any span two look-ups.
const daySumsOf = new WeakMap<WorkingCalendar, DaySums>();
const MARGIN_DAYS = 366;

/** Working minutes of the whole local days in [fromDay, toDay). */
function wholeDayMinutes(calendar: WorkingCalendar, fromDay: number, toDay: number): number {
  if (toDay <= fromDay) return 0;
  const { first, sums } = daySumsCovering(calendar, fromDay, toDay);
  return sums[(toDay - first) / DAY]! - sums[(fromDay - first) / DAY]!;
}

function daySumsCovering(calendar: WorkingCalendar, fromDay: number, toDay: number): DaySums {
  const known = daySumsOf.get(calendar);
  const knownEnd = known ? known.first + (known.sums.length - 1) * DAY : -Infinity;
  if (known && fromDay >= known.first && toDay <= knownEnd) return known;
  const first = Math.min(fromDay, known?.first ?? fromDay) - MARGIN_DAYS * DAY;
  const last = Math.max(toDay, knownEnd) + MARGIN_DAYS * DAY;
  const sums = [0];
  for (let day = first; day < last; day += DAY)
    sums.push(sums.at(-1)! + minutesWithin(calendar, day, day, day + DAY));
  const built = { first, sums };
  daySumsOf.set(calendar, built);
  return built;
}

/**
 * True when the instant falls within a working period of its day, its end included (a due time
 * of 17:00 is the end of the afternoon's work): never on a day off or between periods.
 */
export function isWorkingInstant(instant: Date, calendar: WorkingCalendar = weekdaysCalendar): boolean {
  const local = instant.getTime() + OFFSET_MS;
  const minutes = minutesOfDay(local);
  return calendar
    .periodsOn(isoDate(startOfDay(local)))
    .some(([from, to]) => minutes >= from && minutes <= to);
}

/** The local (UTC+7) calendar date of an instant. */
export function localDateOf(instant: Date): string {
  return isoDate(instant.getTime() + OFFSET_MS);
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
