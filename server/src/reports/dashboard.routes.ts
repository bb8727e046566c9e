import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import { forecast } from './forecast.js';
import { Forecast, ForecastQuery } from './forecast.schema.js';
import { overdueBoard } from './overdue-board.js';
import { overdueWorkbook } from './overdue-board.xlsx.js';
import { OverdueBoard, OverdueQuery } from './overdue-board.schema.js';
import { trends } from './trends.js';
import { Trends, TrendsQuery } from './trends.schema.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The supervisor's dashboard: agencies the caller oversees (leaders theirs, admins all). */
export function dashboardRoutes(db: Db) {
  const common = {
    tag: 'reports',
    access: ['leader', 'supervisor', 'admin'],
    scope: 'listed',
    query: OverdueQuery,
  } as const;
  return [
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/reports/trends',
      summary:
        'Received and resolved dossiers per local month, by unit and procedure, the on-time share, and each officer’s workload',
      query: TrendsQuery,
      responses: { 200: Trends },
      handler: async (ctx, { query, user }) => {
        ctx.body = await trends(db, user, query);
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/reports/overdue',
      summary:
        'Open steps overdue or due within one working day, in the caller’s scope, with counts by department and officer',
      responses: { 200: OverdueBoard },
      handler: async (ctx, { query, user }) => {
        ctx.body = await overdueBoard(db, user, query);
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/reports/overdue.xlsx',
      summary: 'The overdue board as a workbook (Vietnamese headers), the same steps and order',
      produces: XLSX,
      handler: async (ctx, { query, user }) => {
        const board = await overdueBoard(db, user, { ...query, limit: 500 });
        ctx.type = XLSX;
        ctx.set('Content-Disposition', `attachment; filename="ho-so-qua-han-${board.at.slice(0, 10)}.xlsx"`);
        ctx.body = await overdueWorkbook(board);
      },
    }),
    defineRoute({
      ...common,
      method: 'get',
      path: '/api/reports/forecast',
      summary:
        'Open dossiers still on time whose forecast finish, from the historical step medians along their remaining path, falls after the promised date',
      query: ForecastQuery,
      responses: { 200: Forecast },
      handler: async (ctx, { query, user }) => {
        ctx.body = await forecast(db, user, query);
      },
    }),
  ];
}
