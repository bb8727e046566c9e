import { Type } from '@sinclair/typebox';
import type { Db } from '../core/db.js';
import type { ProcedureVersion } from '../db/schema.js';
import { errors } from '../core/errors.js';
import { defineRoute } from '../http/route.js';
import { sendValidatorModule, validatorModule } from '../http/validator-module.js';
import type { BpmnProblem } from '../engine/bpmn-inspection.js';
import {
  findCurrentVersion,
  findVersion,
  listCurrentVersions,
  listVersions,
} from './procedures.repository.js';
import {
  CreateProcedureBody,
  CreateVersionBody,
  DeployedVersion,
  ProcedureDetail,
  ProcedureParams,
  ProcedureSummary,
  ProcedureVersionParams,
  StepValidatorParams,
  StepValidatorQuery,
  VersionSummary,
} from './procedures.schema.js';
import {
  createProcedure,
  deployVersion,
  listProceduresForAdmin,
  setProcedureEnabled,
} from './procedures.service.js';
import { AdminProcedure, ProcedureSwitchBody } from './procedures-admin.schema.js';
import { stepFormSchema } from './form-schemas.js';
import { findFieldOwner } from '../engine/step-fields.js';

const DEPLOYERS = ['designer', 'admin'] as const;

export function procedureRoutes(db: Db) {
  const current = async (code: string) => {
    const version = await findCurrentVersion(db, code);
    if (!version) throw errors.procedureNotFound(code);
    return version;
  };
  // A dossier runs on the version it started with, which need not be the current one.
  const pinned = async ({ code, version }: { code: string; version: number }) => {
    const found = await findVersion(db, code, version);
    if (!found) throw errors.procedureNotFound(code, String(version));
    return found;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/procedures',
      summary: 'List procedures with their current version',
      tag: 'procedures',
      access: 'signed-in',
      scope: 'none',
      responses: { 200: Type.Array(ProcedureSummary) },
      handler: async (ctx) => {
        ctx.body = await listCurrentVersions(db);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/procedures/:code',
      summary: 'A procedure: metadata, current version, form schema and steps',
      tag: 'procedures',
      access: 'signed-in',
      scope: 'none',
      params: ProcedureParams,
      errors: ['procedure_not_found'],
      responses: { 200: ProcedureDetail },
      handler: async (ctx, { params }) => {
        ctx.body = presentVersion(await current(params.code));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/procedures/:code/bpmn',
      summary: 'The BPMN XML of the current version',
      tag: 'procedures',
      access: 'signed-in',
      scope: 'none',
      params: ProcedureParams,
      errors: ['procedure_not_found'],
      produces: 'application/xml',
      handler: async (ctx, { params }) => {
        ctx.type = 'application/xml';
        ctx.body = (await current(params.code)).bpmn;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/procedures/:code/versions',
      summary: 'All versions of a procedure, newest first',
      tag: 'procedures',
      access: 'signed-in',
      scope: 'none',
      params: ProcedureParams,
      errors: ['procedure_not_found'],
      responses: { 200: Type.Array(VersionSummary) },
      handler: async (ctx, { params }) => {
        await current(params.code);
        ctx.body = await listVersions(db, params.code);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/procedures/:code/versions/:version',
      summary: 'One version of a procedure: form schema, metadata and steps',
      tag: 'procedures',
      access: 'signed-in',
      scope: 'none',
      params: ProcedureVersionParams,
      errors: ['procedure_not_found'],
      responses: { 200: ProcedureDetail },
      handler: async (ctx, { params }) => {
        ctx.body = presentVersion(await pinned(params));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/procedures/:code/versions/:version/bpmn',
      summary: 'The BPMN XML of one version',
      tag: 'procedures',
      access: 'signed-in',
      scope: 'none',
      params: ProcedureVersionParams,
      errors: ['procedure_not_found'],
      produces: 'application/xml',
      handler: async (ctx, { params }) => {
        ctx.type = 'application/xml';
        ctx.body = (await pinned(params)).bpmn;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/procedures/:code/versions/:version/steps/:step/validator.js',
      summary:
        'A JavaScript module validating dossier data as one step (the intake, a user task, a message) checks it, for the web client',
      tag: 'procedures',
      access: 'signed-in',
      scope: 'none',
      params: StepValidatorParams,
      query: StepValidatorQuery,
      produces: 'text/javascript',
      errors: ['procedure_not_found'],
      handler: async (ctx, { params, query }) => {
        const version = await pinned(params);
        const owner = findFieldOwner(version.steps, params.step);
        if (!owner) throw errors.procedureNotFound(params.code, `${params.version}, step ${params.step}`);
        const outcome = query.outcome ?? null;
        if (outcome !== null && !owner.outcomes.includes(outcome)) {
          throw errors.validation([
            { path: '/outcome', message: `choose one of: ${owner.outcomes.join(', ') || '(none)'}` },
          ]);
        }
        // A deployed version never changes; a day bounds what a browser keeps should a database be rebuilt.
        sendValidatorModule(
          ctx,
          validatorModule(
            `form:${version.checksum}:${owner.id}:${outcome ?? ''}`,
            stepFormSchema(version.formSchema, owner.fields, outcome),
          ),
          'max-age=86400',
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/procedures',
      summary: 'Create a procedure and deploy its first version (422 lists every diagram problem)',
      tag: 'procedures',
      access: DEPLOYERS,
      scope: 'none',
      errors: ['procedure_exists', 'invalid_bpmn'],
      body: CreateProcedureBody,
      responses: { 201: DeployedVersion },
      handler: async (ctx, { body, user }) => {
        const { code, ...input } = body;
        ctx.status = 201;
        ctx.body = presentDeployed(await createProcedure(db, code, input, user.id));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/procedures/:code/versions',
      summary: 'Deploy a new version; running dossiers finish on theirs',
      tag: 'procedures',
      access: DEPLOYERS,
      scope: 'none',
      params: ProcedureParams,
      errors: ['procedure_not_found', 'invalid_bpmn'],
      body: CreateVersionBody,
      responses: { 201: DeployedVersion },
      handler: async (ctx, { body, params, user }) => {
        ctx.status = 201;
        ctx.body = presentDeployed(await deployVersion(db, params.code, body, user.id));
      },
    }),
    ...availabilityRoutes(db),
  ];
}

/** The admin's switch of a procedure's intake, kept apart from deploying. */
function availabilityRoutes(db: Db) {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/procedures',
      summary: 'Every procedure, enabled or not, with its versions and who deployed each',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      responses: { 200: Type.Array(AdminProcedure) },
      handler: async (ctx) => {
        ctx.body = await listProceduresForAdmin(db);
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/procedures/:code',
      summary: 'Enable or disable a procedure: disabled, it takes no new dossiers; running ones finish',
      tag: 'admin',
      access: ['admin'],
      scope: 'none',
      params: ProcedureParams,
      errors: ['procedure_not_found'],
      body: ProcedureSwitchBody,
      responses: { 200: Type.Object({ code: Type.String(), enabled: Type.Boolean() }) },
      handler: async (ctx, { body, params }) => {
        await setProcedureEnabled(db, params.code, body.enabled);
        ctx.body = { code: params.code, enabled: body.enabled };
      },
    }),
  ];
}

function presentVersion(v: ProcedureVersion) {
  return {
    code: v.procedureCode,
    name: v.name,
    currentVersion: v.version,
    duration: v.duration,
    durationUnit: v.durationUnit,
    cutoff: v.cutoff,
    formSchema: v.formSchema,
    metadata: v.metadata,
    steps: v.steps,
  };
}

/** A deploy's answer, for every path that deploys (this API, a draft). */
export function presentDeployed(v: ProcedureVersion & { warnings: BpmnProblem[] }) {
  return { ...presentVersion(v), warnings: v.warnings };
}
