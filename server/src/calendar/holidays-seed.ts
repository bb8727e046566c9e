import { createRequire } from 'node:module';
import { count } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { calendarHolidays } from '../db/schema.js';

const require = createRequire(import.meta.url);
const data = require('./data/vn-public-holidays.json') as {
  holidays: { from: string; to: string; name: string }[];
};

/**
 * Seeds the national public holidays (see the data file for its sources) on a database that
 * has none yet; once an admin manages the calendar, start-up leaves it alone.
 */
export async function seedPublicHolidays(db: Db): Promise<void> {
  const [existing] = await db.select({ n: count() }).from(calendarHolidays);
  if (existing!.n > 0) return;
  await db
    .insert(calendarHolidays)
    .values(data.holidays.map((h) => ({ fromDate: h.from, toDate: h.to, name: h.name })));
}
