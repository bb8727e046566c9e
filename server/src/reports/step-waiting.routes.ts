import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import { agencyScope, agencyVisible, procedureExists } from './reports.routes.js';
import { stepOpenCounts, stepWaiting } from './step-waiting.js';
import { StepOpenCounts, StepOpenQuery, StepWaiting, StepWaitingQuery } from './step-waiting.schema.js';

/**
 * What the bottleneck heatmap asks for besides the step figures: the open counts alone (for
 * live updates) and the dossiers waiting at one step. Dossier codes are shown, so designers,
 * who read the figures, do not read these.
 */
export function stepWaitingRoutes(db: Db) {
  const common = {
    method: 'get',
    tag: 'reports',
    access: ['leader', 'supervisor', 'admin'],
    scope: 'listed',
    errors: ['procedure_not_found', 'agency_not_found'],
  } as const;
  return [
    defineRoute({
      ...common,
      path: '/api/reports/steps/open',
      summary:
        'Per step of a procedure: open and overdue now, with the step figures’ filter and scope (no period, no percentiles)',
      query: StepOpenQuery,
      responses: { 200: StepOpenCounts },
      handler: async (ctx, { query, user }) => {
        await procedureExists(db, query.procedure, query.version);
        if (query.agency !== undefined) await agencyVisible(db, user, query.agency);
        ctx.body = await stepOpenCounts(db, query, agencyScope(user));
      },
    }),
    defineRoute({
      ...common,
      path: '/api/reports/steps/waiting',
      summary:
        'The dossiers of a procedure open at one step now, longest-waiting first, in the agencies the caller oversees',
      query: StepWaitingQuery,
      responses: { 200: StepWaiting },
      handler: async (ctx, { query, user }) => {
        await procedureExists(db, query.procedure, query.version);
        if (query.agency !== undefined) await agencyVisible(db, user, query.agency);
        ctx.body = await stepWaiting(db, query, agencyScope(user));
      },
    }),
  ];
}
