import type { Db } from '../core/db.js';
import { clock } from '../core/clock.js';
import type { SessionUser } from '../core/roles.js';
import { agencies } from '../db/schema.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { addWorkingTime, type WorkingCalendar } from '../calendar/working-time.js';
import { dueOf, SOON_WORKING_DAYS } from '../tasks/due-state.js';
import type { OverdueBoard, OverdueQuery, OverdueStep } from './overdue-board.schema.js';

// The open steps overdue or due within a working day of their agency's calendar ($3 horizons
// by agency; $4 for a dossier of an agency without one of its own), outside any paused dossier.
const MATCHING = `
  with h as (select * from unnest($2::text[], $3::timestamptz[]) as h(agency, horizon)),
  matching as (
    select t.id, t.name, t.department_codes, t.assignee_id, t.due_at,
           d.code, d.procedure_code, d.due_at as dossier_due_at, d.agency_code
      from tasks t
      join dossiers d on d.id = t.dossier_id
      left join h on h.agency = d.agency_code
     where t.status in ('open', 'claimed') and d.paused_at is null
       and t.due_at <= coalesce(h.horizon, $4)
       and ($5 = 'all' or ($5 = 'overdue' and t.due_at <= $1) or ($5 = 'soon' and t.due_at > $1))
       and ($6::text is null or $6 = any(t.department_codes))
       and ($7::uuid is null or t.assignee_id = $7)
       and ($8::boolean or d.agency_code = any($9::text[]) or d.involved_departments && $10::text[]))`;

const ORDER: Record<NonNullable<OverdueQuery['sort']>, string> = {
  due: 'm.due_at, m.code',
  department: 'm.department_codes[1], m.due_at, m.code',
  officer: 'u.full_name nulls last, m.due_at, m.code',
  procedure: 'p.name, m.due_at, m.code',
};

const PAGE = (order: string) => `
  select m.*, p.name as procedure_name, u.full_name as assignee_name,
         (select json_agg(json_build_object('code', dep.code, 'name', dep.name) order by dep.code)
            from departments dep where dep.code = any(m.department_codes)) as departments
    from matching m
    join procedures p on p.code = m.procedure_code
    left join users u on u.id = m.assignee_id
   order by ${order} limit $11`;
const BY_DEPARTMENT = `
  select dep.code, dep.name, count(*) filter (where m.due_at <= $1)::int as overdue,
         count(*) filter (where m.due_at > $1)::int as soon
    from matching m cross join unnest(m.department_codes) as c(code) join departments dep on dep.code = c.code
   group by dep.code, dep.name order by overdue desc, soon desc, dep.code`;
const BY_OFFICER = `
  select m.assignee_id as id, u.full_name, count(*) filter (where m.due_at <= $1)::int as overdue,
         count(*) filter (where m.due_at > $1)::int as soon
    from matching m left join users u on u.id = m.assignee_id
   group by m.assignee_id, u.full_name order by overdue desc, soon desc, u.full_name nulls last`;

interface PageRow {
  id: string;
  name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  due_at: Date;
  code: string;
  procedure_code: string;
  procedure_name: string;
  dossier_due_at: Date;
  agency_code: string;
  departments: { code: string; name: string }[] | null;
}

/**
 * The supervisor's overdue board: open steps overdue or due within one working day, in the
 * caller's scope, a page of them in the order asked, with counts by department and officer.
 */
export async function overdueBoard(db: Db, user: SessionUser, query: OverdueQuery): Promise<OverdueBoard> {
  const now = clock.now();
  const calendars = await calendarsInScope(db, user);
  const horizons = [...calendars].map(([code, calendar]) => [code, soonHorizon(now, calendar)] as const);
  const national = await calendarFor(db);
  const params: unknown[] = [
    now,
    horizons.map(([code]) => code),
    horizons.map(([, at]) => at),
    soonHorizon(now, national),
    query.state ?? 'all',
    query.department ?? null,
    query.assignee ?? null,
    // the access scope, as dossierScope has it: admins everything
    user.roles.includes('admin'),
    user.agencies,
    user.departments.map((d) => d.code),
  ];
  const run = <R extends object>(text: string, extra: unknown[] = []) =>
    db.$client.query<R>(`${MATCHING} ${text}`, [...params, ...extra]).then((r) => r.rows);
  const [page, byDepartment, byOfficer] = await Promise.all([
    run<PageRow>(PAGE(ORDER[query.sort ?? 'due']), [query.limit ?? 200]),
    run<{ code: string; name: string; overdue: number; soon: number }>(BY_DEPARTMENT),
    run<{ id: string | null; full_name: string | null; overdue: number; soon: number }>(BY_OFFICER),
  ]);
  const total = byOfficer.reduce(
    (sum, r) => ({ overdue: sum.overdue + r.overdue, soon: sum.soon + r.soon }),
    {
      overdue: 0,
      soon: 0,
    },
  );
  return {
    at: now.toISOString(),
    steps: page.map((row) => presentStep(row, now, calendars.get(row.agency_code) ?? national)),
    total,
    byDepartment,
    byOfficer: byOfficer.map((r) => ({ id: r.id, fullName: r.full_name, overdue: r.overdue, soon: r.soon })),
  };
}

/** The last instant a step may be due and still count as due soon: one working day from now. */
function soonHorizon(now: Date, calendar: WorkingCalendar): Date {
  return addWorkingTime(now, SOON_WORKING_DAYS, 'days', calendar);
}

/** Each agency the caller oversees (every agency for an admin) with its working calendar. */
async function calendarsInScope(db: Db, user: SessionUser): Promise<Map<string, WorkingCalendar>> {
  const codes = user.roles.includes('admin')
    ? (await db.select({ code: agencies.code }).from(agencies)).map((a) => a.code)
    : user.agencies;
  return new Map(await Promise.all(codes.map(async (code) => [code, await calendarFor(db, code)] as const)));
}

function presentStep(row: PageRow, now: Date, calendar: WorkingCalendar): OverdueStep {
  const due = dueOf(row.due_at, now, false, calendar);
  return {
    taskId: row.id,
    dossierCode: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    stepName: row.name,
    departments: row.departments ?? [],
    assignee: row.assignee_id ? { id: row.assignee_id, fullName: row.assignee_name ?? '' } : null,
    dueAt: row.due_at.toISOString(),
    dossierDueAt: row.dossier_due_at.toISOString(),
    state: due.state === 'overdue' ? 'overdue' : 'soon',
    workingMinutesLate: -(due.workingMinutesLeft ?? 0),
  };
}
