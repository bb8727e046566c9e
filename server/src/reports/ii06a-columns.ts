import type { TimelinessCounts } from './reports.schema.js';

/**
 * A row's eleven figures in the order of form II.06a's columns (3) to (13): received (total,
 * online, in person or by post, carried over), resolved (total, early, on time, late), in
 * progress (total, within deadline, overdue). The screen's table and the XLSX both follow it.
 */
export function ii06aFigures(c: TimelinessCounts): number[] {
  const { received: r, resolved: s, inProgress: p } = c;
  return [
    r.total,
    r.online,
    r.inPerson,
    r.carriedOver,
    s.total,
    s.early,
    s.onTime,
    s.late,
    p.total,
    p.withinDeadline,
    p.overdue,
  ];
}
