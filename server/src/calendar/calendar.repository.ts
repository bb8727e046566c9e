import { asc, eq, isNull, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '../core/db.js';
import { calendarHolidays, calendarWorkdays } from '../db/schema.js';
import type { WorkingCalendar } from './working-time.js';
import { buildCalendar } from './build-calendar.js';

const CACHE_MS = 30_000;
const cache = new Map<string, { calendar: WorkingCalendar; loadedAt: number }>();

/**
 * The working calendar of an agency: the national entries plus the agency's own. Cached for
 * 30 s per process; an admin change clears this process's cache at once, other processes
 * within 30 s.
 */
export async function calendarFor(db: Queryable, agencyCode: string | null = null): Promise<WorkingCalendar> {
  const key = agencyCode ?? '';
  const hit = cache.get(key);
  if (hit && Date.now() - hit.loadedAt < CACHE_MS) return hit.calendar;
  const calendar = await loadCalendar(db, agencyCode);
  cache.set(key, { calendar, loadedAt: Date.now() });
  return calendar;
}

export function forgetCalendars(): void {
  cache.clear();
}

async function loadCalendar(db: Queryable, agencyCode: string | null): Promise<WorkingCalendar> {
  const [holidays, workdays] = await Promise.all([
    db.select().from(calendarHolidays).where(scope(calendarHolidays.agencyCode, agencyCode)),
    db.select().from(calendarWorkdays).where(scope(calendarWorkdays.agencyCode, agencyCode)),
  ]);
  return buildCalendar(
    holidays,
    workdays.map((w) => w.date),
  );
}

function scope(column: AnyPgColumn, agencyCode: string | null): SQL {
  return agencyCode ? or(isNull(column), eq(column, agencyCode))! : isNull(column);
}

export function listHolidays(db: Queryable, agencyCode?: string) {
  return db
    .select()
    .from(calendarHolidays)
    .where(agencyCode === undefined ? undefined : scope(calendarHolidays.agencyCode, agencyCode))
    .orderBy(asc(calendarHolidays.fromDate));
}

export function listWorkdays(db: Queryable, agencyCode?: string) {
  return db
    .select()
    .from(calendarWorkdays)
    .where(agencyCode === undefined ? undefined : scope(calendarWorkdays.agencyCode, agencyCode))
    .orderBy(asc(calendarWorkdays.date));
}

export async function deleteHoliday(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.delete(calendarHolidays).where(eq(calendarHolidays.id, id)).returning();
  forgetCalendars();
  return rows.length > 0;
}

export async function deleteWorkday(db: Queryable, id: number): Promise<boolean> {
  const rows = await db.delete(calendarWorkdays).where(eq(calendarWorkdays.id, id)).returning();
  forgetCalendars();
  return rows.length > 0;
}
