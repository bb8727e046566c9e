import type { Context } from 'koa';
import type { Db } from '../core/db.js';
import { defineRoute } from '../http/route.js';
import { idempotencyScope } from '../http/idempotency.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import {
  DeliverMessageBody,
  DossierCodeParams,
  DossierDetail,
  DossierListQuery,
  DossierPage,
  MessageDelivered,
  ReceiveDossierBody,
  ReceivedDossier,
  ReceiptSecret,
} from './dossiers.schema.js';
import { getDossier, listDossiers, receiveDossier } from './dossiers.service.js';
import { reissueLookupSecret, reprintLookupSecret } from './lookup-secret-commands.js';
import { ACTION_ROLES } from './dossier-actions.js';
import { deliverMessage } from './dossier-messages.js';
import { lookupDossier } from './citizen-lookup.js';
import { LookupQuery, LookupResult } from './lookup.schema.js';
import { timeCommand } from '../ops/metrics.js';

const STAFF = ['receptionist', 'officer', 'leader', 'supervisor', 'admin'] as const;

export function dossierRoutes(db: Db, live: LiveUpdates, publicUrl: string | null) {
  const base = (ctx: Context) => publicUrl ?? `${ctx.protocol}://${ctx.host}`;
  return [
    defineRoute({
      method: 'post',
      path: '/api/dossiers',
      summary:
        'Receive a dossier at the desk: code, promised date and lookup secret (honours Idempotency-Key)',
      tag: 'dossiers',
      access: ['receptionist'],
      scope: 'none',
      errors: [
        'not_in_department',
        'invalid_idempotency_key',
        'idempotency_key_reused',
        'process_cannot_continue',
        'procedure_disabled',
      ],
      body: ReceiveDossierBody,
      responses: { 201: ReceivedDossier },
      handler: async (ctx, { body, user }) => {
        ctx.status = 201;
        ctx.body = await timeCommand('intake', () =>
          receiveDossier({
            db,
            live,
            publicUrl: base(ctx),
            input: body,
            actor: user,
            idempotency: idempotencyScope(ctx, user.id, 'POST /api/dossiers', body),
          }),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/dossiers',
      summary: 'Search dossiers by status, procedure, department, overdue, code or applicant name',
      tag: 'dossiers',
      access: STAFF,
      scope: 'listed',
      query: DossierListQuery,
      responses: { 200: DossierPage },
      handler: async (ctx, { query, user }) => {
        ctx.body = await listDossiers(db, user, query);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/dossiers/:code',
      summary: 'A dossier with its open tasks, control-slip events and the actions the caller may take',
      tag: 'dossiers',
      access: STAFF,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      personalData: true,
      responses: { 200: DossierDetail },
      handler: async (ctx, { params, user }) => {
        ctx.body = await getDossier(db, params.code, user);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/receipt',
      summary:
        'Reprint the receipt: the current lookup secret, the one the first receipt and the notice carry (409 once the dossier ended)',
      tag: 'dossiers',
      access: ACTION_ROLES.reprint_receipt,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      errors: ['action_not_allowed'],
      responses: { 200: ReceiptSecret },
      handler: async (ctx, { dossier, user }) => {
        ctx.body = await reprintLookupSecret({ db, actor: user, dossier: dossier!, publicUrl: base(ctx) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/lookup-secret',
      summary:
        'Issue a new lookup secret ("Cấp mã tra cứu mới"): the old one stops working, the citizen is sent the new one (honours Idempotency-Key)',
      tag: 'dossiers',
      access: ACTION_ROLES.reissue_lookup_secret,
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      errors: ['action_not_allowed', 'invalid_idempotency_key', 'idempotency_key_reused'],
      responses: { 200: ReceiptSecret },
      handler: async (ctx, { dossier, user }) => {
        const route = `POST /api/dossiers/${dossier!.code}/lookup-secret`;
        ctx.body = await reissueLookupSecret({
          db,
          actor: user,
          dossier: dossier!,
          publicUrl: base(ctx),
          idempotency: idempotencyScope(ctx, user.id, route, {}),
        });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/dossiers/:code/messages',
      summary:
        'Deliver a message from another agency (e.g. the tax notice) to the event the dossier waits at; 409 if it waits for none',
      tag: 'dossiers',
      // Officers key in a notice that came on paper; integrations will post as a system user.
      access: ['officer', 'leader', 'admin'],
      scope: { dossier: 'code' },
      params: DossierCodeParams,
      errors: ['not_in_department', 'no_waiting_message', 'process_cannot_continue'],
      body: DeliverMessageBody,
      responses: { 200: MessageDelivered },
      handler: async (ctx, { body, dossier, user }) => {
        ctx.body = await timeCommand('message', () =>
          deliverMessage({ db, live, user, dossier: dossier!, body }),
        );
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/public/lookup',
      summary: 'Citizen lookup by code and secret: status and dates, no personal data',
      tag: 'public',
      access: 'public',
      scope: 'none',
      errors: ['dossier_not_found'],
      query: LookupQuery,
      responses: { 200: LookupResult },
      handler: async (ctx, { query }) => {
        ctx.body = await lookupDossier(db, query);
      },
    }),
  ];
}
