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
];
