import { createRequire } from 'node:module';
import { expect } from 'chai';
import fc from 'fast-check';
import {
  addWorkingTime,
  localDateOf,
  workingMinutesBetween,
} from '../../../server/src/calendar/working-time.js';
import { buildCalendar } from '../../../server/src/calendar/build-calendar.js';

const require = createRequire(import.meta.url);
const seeded = require('../../../server/src/calendar/data/vn-public-holidays.json') as {
  holidays: { from: string; to: string }[];
};

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

// The national holidays as seeded, plus one compensatory Saturday.
const calendar = buildCalendar(
  seeded.holidays.map((h) => ({ fromDate: h.from, toDate: h.to })),
  ['2026-01-10'],
);

describe('working time', () => {
  it('should count N working days as N × 8 working hours from the receipt', () => {
    expect(addWorkingTime(vn('2026-11-24T09:00:00'), 1, 'days', calendar)).to.deep.equal(
      vn('2026-11-25T09:00:00'),
    );
  });

  it('should carry a Friday 16:30 receipt over the weekend', () => {
    // 30 minutes on Friday; the other 7h30 on Monday: 4h in the morning, 3h30 from 13:00
    expect(addWorkingTime(vn('2026-11-27T16:30:00'), 1, 'days', calendar)).to.deep.equal(
      vn('2026-11-30T16:30:00'),
    );
  });

  it('should skip the lunch break for a duration in hours', () => {
    expect(addWorkingTime(vn('2026-11-24T10:30:00'), 2, 'hours', calendar)).to.deep.equal(
      vn('2026-11-24T14:00:00'),
    );
  });

  it('should start a receipt outside working hours at the next working period', () => {
    expect(addWorkingTime(vn('2026-11-24T19:00:00'), 1, 'hours', calendar)).to.deep.equal(
      vn('2026-11-25T08:30:00'),
    );
    expect(addWorkingTime(vn('2026-11-28T10:00:00'), 3, 'days', calendar)).to.deep.equal(
      vn('2026-12-02T17:00:00'),
    );
  });

  it('should count from the next working day after the cut-off', () => {
    expect(
      addWorkingTime(vn('2026-11-24T15:10:00'), 4, 'hours', calendar, { cutoff: '15:00' }),
    ).to.deep.equal(vn('2026-11-25T11:30:00'));
  });

  it('should jump over Tết when received the working day before it', () => {
    // Friday 13/2/2026 10:00; Tết runs 14/2–22/2: 5h30 left on Friday, then 2h30 on Monday 23/2
    expect(addWorkingTime(vn('2026-02-13T10:00:00'), 1, 'days', calendar)).to.deep.equal(
      vn('2026-02-23T10:00:00'),
    );
  });

  it('should work a compensatory Saturday', () => {
    // Friday 9/1/2026 16:00 + 2h: 1h on Friday, 1h on the worked Saturday 10/1
    expect(addWorkingTime(vn('2026-01-09T16:00:00'), 2, 'hours', calendar)).to.deep.equal(
      vn('2026-01-10T08:30:00'),
    );
  });

  describe('properties over random instants in 2026–2027', () => {
    const instant = fc.date({
      min: vn('2026-01-01T00:00:00'),
      max: vn('2027-10-31T00:00:00'),
      noInvalidDate: true,
    });
    const amount = fc.integer({ min: 0, max: 30 * 8 * 4 }).map((quarters) => quarters / 4);

    it('should be monotonic in the amount', () => {
      fc.assert(
        fc.property(instant, amount, amount, (start, a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return addWorkingTime(start, lo, 'hours', calendar) <= addWorkingTime(start, hi, 'hours', calendar);
        }),
        { numRuns: 400 },
      );
    });

    it('should never fall due on a holiday, weekend or outside working hours', () => {
      fc.assert(
        fc.property(instant, amount, fc.boolean(), (start, a, days) => {
          const due = addWorkingTime(start, days ? Math.ceil(a / 8) : a, days ? 'days' : 'hours', calendar);
          const local = due.getTime() + 7 * 3_600_000;
          const minutes = (local % 86_400_000) / 60_000;
          const periods = calendar.periodsOn(localDateOf(due));
          return periods.some(([from, to]) => minutes >= from && minutes <= to);
        }),
        { numRuns: 400 },
      );
    });

    it('should give back the amount when measuring from the start to the due time', () => {
      fc.assert(
        fc.property(instant, amount, (start, a) => {
          const due = addWorkingTime(start, a, 'hours', calendar);
          return Math.abs(workingMinutesBetween(start, due, calendar) - a * 60) < 1e-6;
        }),
        { numRuns: 400 },
      );
    });

    it('should measure spans of years as the sum of the working periods of every day', () => {
      // The inbox measures how long a task left open for years is overdue: whole days come from
      // prefix sums there, so they are checked here against a walk over every day of the span.
      const wide = fc.date({
        min: vn('2024-01-01T00:00:00'),
        max: vn('2028-12-31T00:00:00'),
        noInvalidDate: true,
      });
      fc.assert(
        fc.property(wide, wide, (a, b) => {
          const [from, to] = a < b ? [a, b] : [b, a];
          return Math.abs(workingMinutesBetween(from, to, calendar) - walkEveryDay(from, to)) < 1e-6;
        }),
        { numRuns: 400 },
      );
    });
  });
});

/** Working minutes between two instants, one local day at a time (the plain definition). */
function walkEveryDay(from: Date, to: Date): number {
  const offset = 7 * 3_600_000;
  let total = 0;
  for (
    let day = Math.floor((from.getTime() + offset) / 86_400_000) * 86_400_000;
    day < to.getTime() + offset;
    day += 86_400_000
  ) {
    for (const [a, b] of calendar.periodsOn(new Date(day).toISOString().slice(0, 10))) {
      const lo = Math.max(day + a * 60_000, from.getTime() + offset);
      const hi = Math.min(day + b * 60_000, to.getTime() + offset);
      if (hi > lo) total += (hi - lo) / 60_000;
    }
  }
  return total;
}
