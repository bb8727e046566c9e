import { eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { departments } from '../db/schema.js';
import { errors } from '../core/errors.js';
import { defineRoute } from '../http/route.js';
import { overseesAgency } from '../access/dossier-scope.js';
import { onTimeSummary } from './on-time-summary.js';
import { OnTimeQuery, OnTimeReport } from './reports.schema.js';

export function reportRoutes(db: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/reports/on-time',
      summary:
        'On-time summary of a unit for a month (received, resolved early / on time / late, in progress), as in report II.06a; units of the agencies the caller oversees',
      tag: 'reports',
      access: ['leader', 'supervisor', 'admin'],
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
  ];
}
