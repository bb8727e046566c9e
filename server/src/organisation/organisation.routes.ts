import { Type } from '@sinclair/typebox';
import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import {
  AgencyBody,
  AgencyParams,
  AgencySchema,
  DepartmentBody,
  DepartmentParams,
  DepartmentSchema,
  RenameBody,
  ResetPasswordBody,
  UserBody,
  UserParams,
  UserPatchBody,
  UserSchema,
} from './organisation.schema.js';
import {
  createAgency,
  createDepartment,
  createUser,
  deactivateUserAccount,
  listAgencies,
  listDepartments,
  listUsers,
  renameAgency,
  renameDepartment,
  resetUserPassword,
  updateUser,
} from './organisation.service.js';

export function organisationRoutes(db: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/departments',
      summary: 'Departments with their names, for showing where a dossier is',
      tag: 'organisation',
      access: 'signed-in',
      scope: 'none',
      responses: { 200: Type.Array(DepartmentSchema) },
      handler: async (ctx) => {
        ctx.body = await listDepartments(db);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/agencies',
      summary: 'The agency tree, as a list with parents',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      responses: { 200: Type.Array(AgencySchema) },
      handler: async (ctx) => {
        ctx.body = await listAgencies(db);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/agencies',
      summary: 'Add an agency to the tree (under parentCode, or as a root)',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      errors: ['agency_exists'],
      body: AgencyBody,
      responses: { 201: AgencySchema },
      handler: async (ctx, { body }) => {
        ctx.status = 201;
        ctx.body = await createAgency(db, body);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/agencies/:code',
      summary: 'Rename an agency (its code stays: dossier codes carry it)',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      params: AgencyParams,
      body: RenameBody,
      responses: { 200: AgencySchema },
      handler: async (ctx, { body, params }) => {
        ctx.body = await renameAgency(db, params.code, body.name);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/departments',
      summary: 'Create a department of an agency',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      errors: ['department_exists'],
      body: DepartmentBody,
      responses: { 201: DepartmentSchema },
      handler: async (ctx, { body }) => {
        ctx.status = 201;
        ctx.body = await createDepartment(db, body);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/departments',
      summary: 'List departments',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      responses: { 200: Type.Array(DepartmentSchema) },
      handler: async (ctx) => {
        ctx.body = await listDepartments(db);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/departments/:code',
      summary: 'Rename a department (its code stays: tasks and diagrams name it)',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      params: DepartmentParams,
      body: RenameBody,
      responses: { 200: DepartmentSchema },
      handler: async (ctx, { body, params }) => {
        ctx.body = await renameDepartment(db, params.code, body.name);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users',
      summary: 'Create a user with roles and departments',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      errors: ['weak_password', 'username_taken'],
      body: UserBody,
      responses: { 201: UserSchema },
      handler: async (ctx, { body }) => {
        ctx.status = 201;
        ctx.body = await createUser(db, body);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/users',
      summary: 'List users',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      responses: { 200: Type.Array(UserSchema) },
      handler: async (ctx) => {
        ctx.body = await listUsers(db);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/users/:id',
      summary:
        "Change a user's name, roles, departments or overseen agency; taking a right away ends their sessions",
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      errors: ['user_not_found', 'cannot_remove_own_admin'],
      params: UserParams,
      body: UserPatchBody,
      responses: { 200: UserSchema },
      handler: async (ctx, { body, params, user }) => {
        ctx.body = await updateUser(db, user.id, params.id, body);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:id/password',
      summary: "Set a user's password (they forgot it); their sessions end",
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      errors: ['user_not_found', 'weak_password'],
      params: UserParams,
      body: ResetPasswordBody,
      responses: { 200: Type.Object({ ok: Type.Boolean() }) },
      handler: async (ctx, { body, params }) => {
        await resetUserPassword(db, params.id, body.password);
        ctx.body = { ok: true };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/users/:id/deactivate',
      summary: 'Deactivate a user: no more sign-ins, sessions end now',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      errors: ['user_not_found', 'cannot_deactivate_self'],
      params: UserParams,
      responses: { 200: Type.Object({ ok: Type.Boolean() }) },
      handler: async (ctx, { params, user }) => {
        await deactivateUserAccount(db, user.id, params.id);
        ctx.body = { ok: true };
      },
    }),
  ];
}
