import { Type } from '@sinclair/typebox';
import type { Db } from '../core/db.js';
import { errors } from '../core/errors.js';
import { defineRoute, NoContent } from '../http/route.js';
import { DeployedVersion } from '../procedures/procedures.schema.js';
import { presentDeployed } from '../procedures/procedures.routes.js';
import { deleteDraft, findDraft, listDrafts, saveDraft } from './drafts.repository.js';
import { deployDraft } from './drafts.service.js';
import {
  DeployDraftBody,
  Draft,
  DraftParams,
  DraftSummary,
  SaveDraftBody,
  SavedDraft,
} from './drafts.schema.js';

const DESIGNERS = ['designer', 'admin'] as const;

/** The modeler's drafts: one open per procedure, autosaved with a revision, deployed as its next version. */
export function draftRoutes(db: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/drafts',
      summary: 'Open drafts of procedures, with who saved each last and when',
      tag: 'drafts',
      access: DESIGNERS,
      scope: 'none',
      responses: { 200: Type.Array(DraftSummary) },
      handler: async (ctx) => {
        ctx.body = await listDrafts(db);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/drafts/:code',
      summary: "A procedure's open draft: diagram, form schema and facts, at its revision",
      tag: 'drafts',
      access: DESIGNERS,
      scope: 'none',
      params: DraftParams,
      errors: ['draft_not_found'],
      responses: { 200: Draft },
      handler: async (ctx, { params }) => {
        const draft = await findDraft(db, params.code);
        if (!draft) throw errors.draftNotFound(params.code);
        ctx.body = draft;
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/drafts/:code',
      summary:
        'Save the draft over the revision last seen (0: begin one); 409 names who saved since, to reload or save over',
      tag: 'drafts',
      access: DESIGNERS,
      scope: 'none',
      params: DraftParams,
      body: SaveDraftBody,
      errors: ['draft_not_found', 'draft_conflict'],
      responses: { 200: SavedDraft },
      handler: async (ctx, { params, body, user }) => {
        if (body.content.facts.code !== params.code)
          throw errors.validation([
            { path: '/content/facts/code', message: `must be ${params.code}, as in the path` },
          ]);
        ctx.body = await saveDraft(db, params.code, body, user.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/drafts/:code/deploy',
      summary:
        "Deploy the draft as the procedure's next version and close it (422 lists every diagram problem)",
      tag: 'drafts',
      access: DESIGNERS,
      scope: 'none',
      params: DraftParams,
      body: DeployDraftBody,
      errors: ['draft_not_found', 'draft_conflict', 'procedure_exists', 'invalid_bpmn'],
      responses: { 201: DeployedVersion },
      handler: async (ctx, { params, body, user }) => {
        const deployed = await deployDraft(db, params.code, body.revision, user.id);
        ctx.status = 201;
        ctx.body = presentDeployed(deployed);
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/drafts/:code',
      summary: 'Discard the draft; the deployed versions stay as they are',
      tag: 'drafts',
      access: DESIGNERS,
      scope: 'none',
      params: DraftParams,
      errors: ['draft_not_found'],
      responses: { 204: NoContent },
      handler: async (ctx, { params }) => {
        if (!(await deleteDraft(db, params.code))) throw errors.draftNotFound(params.code);
        ctx.status = 204;
      },
    }),
  ];
}
