import type { TSchema } from '@sinclair/typebox';
import { errors } from '../core/errors.js';
import { defineRoute } from '../http/route.js';
import { sendValidatorModule, validatorModule } from '../http/validator-module.js';
import { Applicant } from '../dossiers/dossiers.schema.js';
import { formSchemaRules } from '../procedures/catalogue-schemas.js';
import { ValidatorParams } from './validators.schema.js';

/**
 * The request schemas the web client checks before it sends a form, by the name it asks for.
 * `form-schema` is the catalogue's rules for a form itself, for the modeler's form editor.
 * Form schemas of procedures have their own route (procedures.routes.ts), keyed by version.
 */
const SCHEMAS: Readonly<Record<string, TSchema>> = {
  applicant: Applicant,
  'form-schema': formSchemaRules as TSchema,
};

export function validatorRoutes() {
  return [
    defineRoute({
      method: 'get',
      path: '/api/validators/:name.js',
      summary:
        'A JavaScript module validating one API request schema (e.g. the applicant), for the web client',
      tag: 'validators',
      access: 'signed-in',
      scope: 'none',
      produces: 'text/javascript',
      errors: ['validator_not_found'],
      params: ValidatorParams,
      handler: (ctx, { params }) => {
        const { name } = params;
        const schema = Object.hasOwn(SCHEMAS, name) ? SCHEMAS[name] : undefined;
        if (!schema) throw errors.validatorNotFound(name);
        // The schema is code: it changes with a new server build, so the browser revalidates (a 304).
        sendValidatorModule(ctx, validatorModule(`schema:${name}`, schema), 'no-cache');
      },
    }),
  ];
}
