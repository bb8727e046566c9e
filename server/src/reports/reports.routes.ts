import { and, eq } from 'drizzle-orm';
import { Type } from '@sinclair/typebox';
import type { Db } from '../core/db.js';
import type { SessionUser } from '../core/roles.js';
import { agencies, departments, procedures, procedureVersions } from '../db/schema.js';
import { errors } from '../core/errors.js';
import { defineRoute } from '../http/route.js';
import { overseesAgency } from '../access/dossier-scope.js';
import { onTimeSummary } from './on-time-summary.js';
import { stepDurations } from './step-durations.js';
import { overseenAgencies, reportIi06a } from './report-ii06a.js';
import { ii06aWorkbook } from './report-ii06a-xlsx.js';
import {
  Ii06aQuery,
  Ii06aReport,
  OnTimeQuery,
  OnTimeReport,
  OverseenAgency,
  StepDurationsQuery,
  StepDurationsReport,
} from './reports.schema.js';

const REPORT_READERS = ['leader', 'supervisor', 'admin'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reportRoutes(db: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/reports/on-time',
      summary:
        'On-time summary of a unit for a month (received, resolved early / on time / late, in progress), as in report II.06a; units of the agencies the caller oversees',
      tag: 'reports',
      access: REPORT_READERS,
      scope: 'listed',
      errors: ['department_not_found'],
      query: OnTimeQuery,
      responses: { 200: OnTimeReport },
      handler: async (ctx, { query, user }) => {
        const [department] = await db
          .select({ agencyCode: departments.agencyCode })
          .from(departments)
          .where(eq(departments.code, query.department));
        // A unit outside the caller's scope answers as one that does not exist.
        if (!department || !overseesAgency(user, department.agencyCode))
          throw errors.departmentNotFound(query.department);
        ctx.body = await onTimeSummary(db, query);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports/steps',
      summary:
        'Per step of a procedure: completed count, median and p90 working hours (total, waiting, working), on-time share in the period, open and overdue now. Designers and admins: every agency (aggregates carry no personal data); leaders and supervisors: the agencies they oversee',
      tag: 'reports',
      access: ['designer', 'leader', 'supervisor', 'admin'],
      scope: 'listed',
      errors: ['procedure_not_found', 'agency_not_found'],
      query: StepDurationsQuery,
      responses: { 200: StepDurationsReport },
      handler: async (ctx, { query, user }) => {
        await procedureExists(db, query.procedure, query.version);
        if (query.agency !== undefined) await agencyVisible(db, user, query.agency);
        const steps = await stepDurations(db, query, agencyScope(user));
        ctx.body = {
          procedure: query.procedure,
          version: query.version ?? null,
          agency: query.agency ?? null,
          from: query.from,
          to: query.to,
          steps,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports/agencies',
      summary: 'The agencies whose reports the caller may read (their scope), with their parents',
      tag: 'reports',
      access: REPORT_READERS,
      scope: 'listed',
      responses: { 200: Type.Array(OverseenAgency) },
      handler: async (ctx, { user }) => {
        ctx.body = await overseenAgencies(db, user);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports/ii06a',
      summary:
        'Report II.06a for an agency and its subtree over a period: one row per agency the caller oversees, and the total',
      tag: 'reports',
      access: REPORT_READERS,
      scope: 'listed',
      errors: ['agency_not_found'],
      query: Ii06aQuery,
      responses: { 200: Ii06aReport },
      handler: async (ctx, { query, user }) => {
        ctx.body = await reportIi06a(db, user, query);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/reports/ii06a.xlsx',
      summary: 'Report II.06a as an XLSX workbook with the official headers of the form',
      tag: 'reports',
      access: REPORT_READERS,
      scope: 'listed',
      errors: ['agency_not_found'],
      query: Ii06aQuery,
      produces: XLSX,
      handler: async (ctx, { query, user }) => {
        const report = await reportIi06a(db, user, query);
        ctx.type = XLSX;
        ctx.attachment(fileName(query.agency, query.from, query.to));
        ctx.body = await ii06aWorkbook(report);
      },
    }),
  ];
}

/** Whose dossiers the step figures count: all for designers and admins, else the agencies overseen. */
export function agencyScope(user: SessionUser): readonly string[] | null {
  return user.roles.some((r) => r === 'designer' || r === 'admin') ? null : user.agencies;
}

export async function procedureExists(db: Db, code: string, version: number | undefined): Promise<void> {
  const found =
    version === undefined
      ? await db.select({ code: procedures.code }).from(procedures).where(eq(procedures.code, code))
      : await db
          .select({ code: procedureVersions.procedureCode })
          .from(procedureVersions)
          .where(and(eq(procedureVersions.procedureCode, code), eq(procedureVersions.version, version)));
  if (!found[0]) throw errors.procedureNotFound(code, version === undefined ? undefined : String(version));
}

/** An agency outside the caller's scope answers as one that does not exist. */
export async function agencyVisible(db: Db, user: SessionUser, code: string): Promise<void> {
  const [agency] = await db.select({ code: agencies.code }).from(agencies).where(eq(agencies.code, code));
  const scope = agencyScope(user);
  if (!agency || (scope && !scope.includes(code))) throw errors.agencyNotFound(code);
}

/** An ASCII-only name (agency codes are free text): anything else becomes "-". */
function fileName(agency: string, from: string, to: string): string {
  return `bao-cao-II06a-${agency.replace(/[^A-Za-z0-9_-]/g, '-')}-${from}-${to}.xlsx`;
}
