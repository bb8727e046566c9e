import type { Db } from '../core/db.js';
import type { SessionUser } from '../core/roles.js';
import { errors } from '../core/errors.js';
import type { Trends, TrendsQuery } from './trends.schema.js';

/** Longest period a trend covers: three years of months. */
const MAX_MONTHS = 36;

// The counts the triggers keep (migration 0015), summed over their stripes: a few rows per month
// and unit, whatever the size of the archive. $1/$2 the months; $3 admin; $4 the agencies seen.
const COUNTS = `
  select to_char(c.month, 'YYYY-MM') as month, c.department, c.procedure_code, sum(c.received)::int as received,
         sum(c.received_online)::int as received_online, sum(c.resolved_early)::int as early,
         sum(c.resolved_on_time)::int as on_time, sum(c.resolved_late)::int as late
    from dossier_month_counts c
   where c.month between $1::date and $2::date and ($3::boolean or c.agency_code = any($4::text[]))
     and ($5::text is null or c.department = $5) and ($6::text is null or c.procedure_code = $6)
   group by 1, c.department, c.procedure_code`;
const OFFICERS = `
  with seen as (
    select distinct ud.user_id from user_departments ud join departments dep on dep.code = ud.department_code
     where ($3::boolean or dep.agency_code = any($4::text[])) and ($5::text is null or dep.code = $5))
  select u.id, u.full_name, coalesce(sum(c.completed), 0)::int as completed, coalesce(sum(c.late), 0)::int as late,
         (select count(*) from tasks t where t.status = 'claimed' and t.assignee_id = u.id)::int as open
    from seen join users u on u.id = seen.user_id
    left join officer_month_counts c on c.user_id = u.id and c.month between $1::date and $2::date
   group by u.id, u.full_name
  having coalesce(sum(c.completed), 0) > 0
      or exists (select 1 from tasks t where t.status = 'claimed' and t.assignee_id = u.id)
   order by completed desc, u.full_name`;

interface CountRow {
  month: string;
  department: string;
  procedure_code: string;
  received: number;
  received_online: number;
  early: number;
  on_time: number;
  late: number;
}

/**
 * The supervisor's trends over whole local months: received and resolved per month, by unit and
 * by procedure, the on-time share, and each officer's workload; agencies the caller oversees.
 */
export async function trends(db: Db, user: SessionUser, query: TrendsQuery): Promise<Trends> {
  const months = monthsBetween(query.from, query.to);
  const params = [
    `${query.from}-01`,
    `${query.to}-01`,
    user.roles.includes('admin'),
    user.agencies,
    query.department ?? null,
    query.procedure ?? null,
  ];
  const [counts, officers, names] = await Promise.all([
    db.$client.query<CountRow>(COUNTS, params),
    db.$client.query<{ id: string; full_name: string; completed: number; late: number; open: number }>(
      OFFICERS,
      params.slice(0, 5),
    ),
    db.$client.query<{ kind: string; code: string; name: string }>(
      `select 'department' as kind, code, name from departments union all select 'procedure', code, name from procedures`,
    ),
  ]);
  const named = new Map(names.rows.map((n) => [`${n.kind}:${n.code}`, n.name]));
  const nameOf = (kind: string, code: string) => named.get(`${kind}:${code}`) ?? code;
  return {
    from: query.from,
    to: query.to,
    months: months.map((month) => ({ month, ...sum(counts.rows.filter((r) => r.month === month)) })),
    byDepartment: grouped(counts.rows, 'department').map(([code, rows]) => ({
      code,
      name: nameOf('department', code),
      ...sum(rows),
    })),
    byProcedure: grouped(counts.rows, 'procedure_code').map(([code, rows]) => ({
      code,
      name: nameOf('procedure', code),
      ...sum(rows),
    })),
    officers: officers.rows.map((o) => ({
      id: o.id,
      fullName: o.full_name,
      completed: o.completed,
      late: o.late,
      open: o.open,
    })),
  };
}

/** Every month from `from` to `to` (YYYY-MM), both included; 422 for a period backwards or too long. */
function monthsBetween(from: string, to: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const count = index(to) - index(from) + 1;
  if (count < 1) throw errors.validation([{ path: '/to', message: 'must not be before from' }]);
  if (count > MAX_MONTHS)
    throw errors.validation([{ path: '/to', message: `a trend covers at most ${MAX_MONTHS} months` }]);
  return Array.from({ length: count }, (_, i) => {
    const n = index(from) + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

function grouped(rows: CountRow[], key: 'department' | 'procedure_code'): [string, CountRow[]][] {
  const groups = new Map<string, CountRow[]>();
  for (const row of rows) groups.set(row[key], [...(groups.get(row[key]) ?? []), row]);
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

function sum(rows: CountRow[]) {
  const t = rows.reduce(
    (s, r) => ({
      received: s.received + r.received,
      receivedOnline: s.receivedOnline + r.received_online,
      early: s.early + r.early,
      onTime: s.onTime + r.on_time,
      late: s.late + r.late,
    }),
    { received: 0, receivedOnline: 0, early: 0, onTime: 0, late: 0 },
  );
  const resolved = t.early + t.onTime + t.late;
  return { ...t, resolved, onTimeShare: resolved ? (t.early + t.onTime) / resolved : null };
}
