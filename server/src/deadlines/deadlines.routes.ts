import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import { DossierCodeParams } from '../dossiers/dossiers.schema.js';
import {
  ControlSlip,
  DeadlineState,
  ExtendBody,
  SupplementBody,
  SupplementRequestBody,
} from './deadlines.schema.js';
import { receiveSupplement, requestSupplement } from './supplements.service.js';
import { extendDueDate } from './extensions.service.js';
import { controlSlip } from './control-slip.service.js';
import { timeCommand } from '../ops/metrics.js';
import { ACTION_ROLES } from '../dossiers/dossier-actions.js';
import { requireAction } from '../dossiers/require-action.js';

export function deadlineRoutes(db: Db) {
  return [
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/supplement-request',
      summary: 'Ask the citizen to complete the dossier; its clock stops (status 5)',
      tag: 'deadlines',
      access: ACTION_ROLES.request_supplement,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      errors: ['action_not_allowed', 'dossier_finished', 'supplement_already_requested'],
      body: SupplementRequestBody,
      responses: { 200: DeadlineState },
      handler: async (ctx, { dossier, body, user }) => {
        await requireAction(db, dossier!, user, 'request_supplement');
        ctx.body = await timeCommand('supplement', () =>
          requestSupplement({ db, dossier: dossier!, body, actor: user }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/supplement',
      summary:
        'The supplement arrived: the clock restarts and the promised date moves by the paused working time',
      tag: 'deadlines',
      access: ACTION_ROLES.receive_supplement,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      errors: ['action_not_allowed', 'dossier_not_paused'],
      body: SupplementBody,
      responses: { 200: DeadlineState },
      handler: async (ctx, { dossier, body, user }) => {
        await requireAction(db, dossier!, user, 'receive_supplement');
        ctx.body = await timeCommand('supplement', () =>
          receiveSupplement({ db, dossier: dossier!, note: body.note, actor: user }),
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/extend',
      summary: 'Apology letter: a new promised date with its reason (the original date is kept)',
      tag: 'deadlines',
      access: ACTION_ROLES.extend,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      errors: ['action_not_allowed', 'dossier_finished'],
      body: ExtendBody,
      responses: { 200: DeadlineState },
      handler: async (ctx, { dossier, body, user }) => {
        await requireAction(db, dossier!, user, 'extend');
        ctx.body = await timeCommand('extension', () =>
          extendDueDate({
            db,
            dossier: dossier!,
            newDueAt: new Date(body.newDueAt),
            reason: body.reason,
            actor: user,
          }),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/dossiers/:code/control-slip',
      summary: 'The control slip: every handoff with budget, working time used and result',
      tag: 'deadlines',
      access: ['receptionist', 'officer', 'leader', 'supervisor', 'admin'],
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      responses: { 200: ControlSlip },
      handler: async (ctx, { params }) => {
        ctx.body = await controlSlip(db, params.code);
      },
    }),
  ];
}
