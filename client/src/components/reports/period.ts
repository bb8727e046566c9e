/** A report period: first and last day, both included, as local (Vietnam) calendar dates. */
export interface Period {
  from: string;
  to: string;
}

/** Today's date in Vietnam, YYYY-MM-DD, whatever the browser's time zone. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/** The last `days` local days up to today, both included. */
export function lastDays(days: number, now = new Date()): Period {
  return { from: todayInVietnam(new Date(now.getTime() - (days - 1) * 86_400_000)), to: todayInVietnam(now) };
}

/** The whole calendar month "YYYY-MM". */
export function monthPeriod(month: string): Period {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, index, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month a period covers exactly, or '' when it is not one whole month. */
export function monthOf(period: Period): string {
  const month = period.from.slice(0, 7);
  const whole = monthPeriod(month);
  return whole.from === period.from && whole.to === period.to ? month : '';
}
