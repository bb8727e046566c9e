import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { Role } from '@server/core/roles.js';
import { useSessionStore } from './stores/session.js';
import { modelerRoutes } from '../../modeler/src/routes.js';
import { reportsRoutes } from './pages/reports/routes.js';

declare module 'vue-router' {
  interface RouteMeta {
    /** No sign-in needed (login, citizen lookup). */
    public?: boolean;
    /** Roles that may open the page; any signed-in user when absent. */
    roles?: Role[];
  }
}

const WORKERS: Role[] = ['officer', 'leader', 'receptionist'];
const STAFF: Role[] = ['receptionist', 'officer', 'leader', 'supervisor', 'admin'];

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('./pages/HomeRedirect.vue') },
  { path: '/login', name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
  {
    path: '/lookup',
    name: 'lookup',
    component: () => import('./pages/LookupPage.vue'),
    meta: { public: true },
  },
  {
    path: '/reception',
    name: 'reception',
    component: () => import('./pages/ReceptionPage.vue'),
    meta: { roles: ['receptionist'] },
  },
  {
    path: '/receipt/:code',
    name: 'receipt',
    component: () => import('./pages/ReceiptPage.vue'),
    meta: { roles: ['receptionist', 'supervisor', 'admin'] },
  },
  {
    path: '/papers/:kind(supplement-request|refusal|apology)/:code',
    name: 'paper',
    component: () => import('./pages/PaperPage.vue'),
    meta: { roles: ['receptionist', 'officer', 'leader', 'supervisor', 'admin'] },
  },
  {
    path: '/inbox',
    name: 'inbox',
    component: () => import('./pages/InboxPage.vue'),
    meta: { roles: WORKERS },
  },
  {
    path: '/tasks/:code/:taskId',
    name: 'task',
    component: () => import('./pages/TaskPage.vue'),
    meta: { roles: WORKERS },
  },
  {
    path: '/dossiers',
    name: 'dossiers',
    component: () => import('./pages/DossierSearchPage.vue'),
    meta: { roles: STAFF },
  },
  {
    path: '/dossiers/:code',
    name: 'dossier',
    component: () => import('./pages/DossierPage.vue'),
    meta: { roles: STAFF },
  },
  { path: '/admin', redirect: '/admin/users' },
  {
    path: '/admin/users',
    name: 'admin-users',
    component: () => import('./pages/admin/AdminUsersPage.vue'),
    meta: { roles: ['admin'] },
  },
  {
    path: '/admin/organisation',
    name: 'admin-organisation',
    component: () => import('./pages/admin/AdminOrganisationPage.vue'),
    meta: { roles: ['admin'] },
  },
  {
    path: '/admin/calendar',
    name: 'admin-calendar',
    component: () => import('./pages/admin/AdminCalendarPage.vue'),
    meta: { roles: ['admin'] },
  },
  {
    path: '/admin/procedures',
    name: 'admin-procedures',
    component: () => import('./pages/admin/AdminProceduresPage.vue'),
    meta: { roles: ['admin'] },
  },
  {
    path: '/procedures',
    name: 'procedures',
    component: () => import('./pages/ProceduresPage.vue'),
  },
  ...reportsRoutes,
  ...modelerRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./pages/NotFoundPage.vue'),
    meta: { public: true },
  },
];

export const router = createRouter({ history: createWebHistory(), routes });

router.beforeEach(async (to) => {
  const session = useSessionStore();
  await session.load();
  if (to.meta.public) return true;
  if (!session.user) return { name: 'login', query: { next: to.fullPath } };
  if (to.meta.roles && !session.hasRole(...to.meta.roles))
    return session.home === to.path ? true : session.home;
  return true;
});
