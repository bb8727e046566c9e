import type { Database } from '../../server/src/core/db.js';
import { overdueBoard } from '../../server/src/reports/overdue-board.js';
import { trends } from '../../server/src/reports/trends.js';
import { reportIi06a } from '../../server/src/reports/report-ii06a.js';
import { stepDurations } from '../../server/src/reports/step-durations.js';
import { readNationalStatus } from '../../server/src/exports/national-status.js';
import { officerOf, provinceSupervisor, type Sample, type Scenario } from './scenario.js';

const DAY_MS = 86_400_000;

/**
 * Issue 13's dashboard: each screen's query as its route sends it, for the callers the issue
 * names (a supervisor of the province, a leader of one ward). Target p95 < 300 ms for all.
 */
export const DASHBOARD_SCENARIOS: Scenario[] = [
  {
    name: 'overdue board, province',
    targetP95: 300,
    run: (db, s) => overdueBoard(db, provinceSupervisor(s), {}),
  },
  {
    name: 'overdue board, ward leader',
    targetP95: 300,
    run: (db, s, r) => overdueBoard(db, officerOf(`${r.pick(s.wards)}.LD`), {}),
  },
  {
    name: 'trends, 12 months',
    targetP95: 300,
    run: (db, s, r) => {
      const end = 11 + Math.floor(r.next() * (s.months.length - 11));
      return trends(db, provinceSupervisor(s), { from: s.months[end - 11]!, to: s.months[end]! });
    },
  },
  {
    name: 'II.06a, province, a month',
    targetP95: 300,
    run: (db, s, r) =>
      reportIi06a(db, provinceSupervisor(s), { agency: s.province, ...monthDays(r.pick(s.months)) }),
  },
  {
    name: 'II.06a, ward, a month',
    targetP95: 300,
    run: (db, s, r) => {
      const ward = r.pick(s.wards);
      return reportIi06a(db, officerOf(`${ward}.LD`), { agency: ward, ...monthDays(r.pick(s.months)) });
    },
  },
  {
    name: 'step durations, 90 days',
    targetP95: 300,
    // As the route calls it for a supervisor: the procedure, the period, the caller's agencies.
    run: (db, s, r) => {
      const { to } = monthDays(r.pick(s.months.slice(3)));
      const from = new Date(Date.parse(to) - 89 * DAY_MS).toISOString().slice(0, 10);
      return stepDurations(db, { procedure: r.pick(s.procedures), from, to }, provinceSupervisor(s).agencies);
    },
  },
  {
    name: 'national status, 1000 lines',
    targetP95: 300,
    run: (db, s, r) => readNationalStatus(db, r.pick(s.cursors), 1000, provinceSupervisor(s).agencies),
  },
];

/** The province, its wards and cursors into the national status feed. */
export async function drawDashboardSample(
  database: Database,
): Promise<Pick<Sample, 'province' | 'wards' | 'cursors'>> {
  const tree = await database.pool.query<{ code: string; parent_code: string | null }>(
    `select code, parent_code from agencies order by code`,
  );
  const wards = tree.rows.filter((a) => a.parent_code !== null);
  const cursors = await database.pool.query<{ cursor: string }>(
    `select txid::text || '.' || seq as cursor from dossier_status_feed
      where random() < 1000.0 / greatest(1, (select reltuples from pg_class where relname = 'dossier_status_feed'))
      limit 1000`,
  );
  return {
    province: wards[0]?.parent_code ?? '',
    wards: wards.map((a) => a.code),
    cursors: cursors.rows.map((r) => r.cursor),
  };
}

/** A month's first and last local day, as the report forms send them. */
function monthDays(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, to: new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10) };
}
