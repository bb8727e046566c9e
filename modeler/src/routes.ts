import type { RouteRecordRaw } from 'vue-router';
import type { Role } from '@server/core/roles.js';

const DESIGNERS: Role[] = ['designer', 'admin'];

/** The designer's pages, served by the client's router at /modeler from the same build and sign-in. */
export const modelerRoutes: RouteRecordRaw[] = [
  {
    path: '/modeler',
    name: 'modeler',
    component: () => import('./pages/ModelerHomePage.vue'),
    meta: { roles: DESIGNERS },
  },
  {
    path: '/modeler/:code',
    name: 'modeler-editor',
    component: () => import('./pages/ProcedureEditorPage.vue'),
    meta: { roles: DESIGNERS },
  },
  {
    path: '/modeler/:code/versions',
    name: 'modeler-versions',
    component: () => import('./pages/ProcedureVersionsPage.vue'),
    meta: { roles: DESIGNERS },
  },
  {
    path: '/modeler/:code/versions/:version(\\d+)',
    name: 'modeler-version',
    component: () => import('./pages/ProcedureVersionPage.vue'),
    meta: { roles: DESIGNERS },
  },
  {
    path: '/modeler/:code/diff/:a(\\d+)/:b(\\d+)',
    name: 'modeler-diff',
    component: () => import('./pages/ProcedureDiffPage.vue'),
    meta: { roles: DESIGNERS },
  },
];
