import { sql } from 'drizzle-orm';
import { clock } from '../core/clock.js';
import type { Queryable } from '../core/db.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import { overseesAgency } from '../access/dossier-scope.js';
import { MAX_PERIOD_DAYS, type Ii06aQuery, type Ii06aReport, type OverseenAgency } from './reports.schema.js';
import { countTimeliness, noCounts, sumCounts } from './timeliness-counts.js';

const DAY = 86_400_000;
const VIETNAM_OFFSET = 7 * 3_600_000;

type TreeRow = { code: string; name: string; depth: number };

/**
 * Report II.06a (Thông tư 01/2018/TT-VPCP) for an agency and a period: one row per agency of
 * its subtree that the caller oversees, in tree order, and the total. An agency outside the
 * caller's scope answers as one that does not exist, as dossiers do.
 */
export async function reportIi06a(db: Queryable, user: SessionUser, query: Ii06aQuery): Promise<Ii06aReport> {
  const window = periodBounds(query.from, query.to);
  const tree = (await subtreeOf(db, query.agency)).filter((a) => overseesAgency(user, a.code));
  if (tree[0]?.code !== query.agency) throw errors.agencyNotFound(query.agency);
  const asOf = new Date(Math.min(window.to.getTime(), clock.now().getTime()));
  const counts = await countTimeliness(db, { agencies: tree.map((a) => a.code) }, { ...window, asOf });
  const rows = tree.map((a) => ({
    agencyCode: a.code,
    agencyName: a.name,
    depth: a.depth,
    ...(counts.get(a.code) ?? noCounts()),
  }));
  return {
    agency: { code: tree[0].code, name: tree[0].name },
    from: query.from,
    to: query.to,
    asOf: asOf.toISOString(),
    rows,
    total: sumCounts(rows),
  };
}

/** The agencies whose reports the user may read: every agency for admins, else `user.agencies`. */
export async function overseenAgencies(db: Queryable, user: SessionUser): Promise<OverseenAgency[]> {
  const { rows } = await db.execute<{ code: string; name: string; parent_code: string | null }>(
    sql`select code, name, parent_code from agencies order by name`,
  );
  return rows
    .filter((a) => overseesAgency(user, a.code))
    .map((a) => ({ code: a.code, name: a.name, parentCode: a.parent_code }));
}

/**
 * The period's first instant and the first instant after its last day, at local (UTC+7)
 * midnight. The schema has checked both are calendar dates; their order and the length of the
 * period are checked here, each against the parameter that breaks it.
 */
export function periodBounds(fromDay: string, toDay: string): { from: Date; to: Date } {
  const from = new Date(Date.parse(`${fromDay}T00:00:00Z`) - VIETNAM_OFFSET);
  const to = new Date(Date.parse(`${toDay}T00:00:00Z`) + DAY - VIETNAM_OFFSET);
  const days = Math.round((to.getTime() - from.getTime()) / DAY);
  const problem = (message: string) =>
    errors.validation([{ path: '/to', message }], 'Query parameters are invalid');
  if (days < 1) throw problem(`must not be before from (${fromDay})`);
  if (days > MAX_PERIOD_DAYS) throw problem(`must be at most ${MAX_PERIOD_DAYS} days after from`);
  return { from, to };
}

/** The agency and every agency below it, parents before children, siblings by name. */
async function subtreeOf(db: Queryable, code: string): Promise<TreeRow[]> {
  const { rows } = await db.execute<TreeRow>(sql`
    with recursive tree as (
      select code, name, 0 as depth, array[name] as path from agencies where code = ${code}
      union all
      select a.code, a.name, tree.depth + 1, tree.path || a.name
        from agencies a join tree on a.parent_code = tree.code
    )
    select code, name, depth from tree order by path`);
  return rows;
}
