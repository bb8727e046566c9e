import { eq } from 'drizzle-orm';
import type { SessionUser } from '../auth/roles.js';
import type { Db } from '../core/db.js';
import { departments } from '../db/schema.js';
import { errors } from '../http/errors.js';
import { defineRoute } from '../http/route.js';
import { onTimeSummary } from './on-time-summary.js';
import { OnTimeQuery, OnTimeReport } from './reports.schema.js';

export function reportRoutes(db: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/reports/on-time',
      summary: 'On-time summary of a unit for a month (received, resolved early / on time / late, in progress), as in report II.06a',
      tag: 'reports',
      access: ['leader', 'supervisor', 'admin'],
      query: OnTimeQuery,
      responses: { 200: OnTimeReport },
      handler: async (ctx, { query }) => {
        const user = ctx.state.user as SessionUser;
        const [department] = await db
          .select({ agencyCode: departments.agencyCode })
          .from(departments)
          .where(eq(departments.code, query.department));
        if (!department) throw errors.notFound(`Department ${query.department}`);
        // A leader answers for the units of their own agency; supervisors and admins see every unit.
        const seesAll = user.roles.includes('supervisor') || user.roles.includes('admin');
        if (!seesAll && !user.departments.some((d) => d.agencyCode === department.agencyCode)) {
          throw errors.forbidden(`Department ${query.department} belongs to another agency`);
        }
        ctx.body = await onTimeSummary(db, query);
      },
    }),
  ];
}
