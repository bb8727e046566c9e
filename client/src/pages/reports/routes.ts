import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '@server/core/roles.js';
import type { MessageKey } from '../../i18n/index.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** For a page of the reports area: the text of its link in the area's nav. */
    reportNav?: MessageKey;
  }
}

/** Who reads reports: the same roles as the report routes of the server. */
export const REPORT_ROLES: Role[] = ['leader', 'supervisor', 'admin'];

/**
 * The supervisor's area: /reports and a page per report or dashboard below it, each naming
 * its link in the area's nav with `meta.reportNav`. A new page is one more child here.
 */
export const reportsRoutes: RouteRecordRaw[] = [
  {
    path: '/reports',
    component: () => import('./ReportsPage.vue'),
    meta: { roles: REPORT_ROLES },
    children: [
      {
        path: '',
        name: 'reports-ii06a',
        component: () => import('./Ii06aReportPage.vue'),
        meta: { roles: REPORT_ROLES, reportNav: 'reports.ii06a.nav' },
      },
      {
        path: 'overdue',
        name: 'reports-overdue',
        component: () => import('./OverdueBoardPage.vue'),
        meta: { roles: REPORT_ROLES, reportNav: 'dashboard.nav.overdue' },
      },
      {
        path: 'trends',
        name: 'reports-trends',
        component: () => import('./TrendsPage.vue'),
        meta: { roles: REPORT_ROLES, reportNav: 'dashboard.nav.trends' },
      },
      {
        path: 'forecast',
        name: 'reports-forecast',
        component: () => import('./ForecastPage.vue'),
        meta: { roles: REPORT_ROLES, reportNav: 'forecast.nav' },
      },
      {
        path: 'heatmap',
        name: 'reports-heatmap',
        component: () => import('./HeatmapPage.vue'),
        meta: { roles: REPORT_ROLES, reportNav: 'heatmap.nav' },
      },
    ],
  },
];
