import type { ValidateFunction } from 'ajv';
import { ajv, toProblems } from '../http/validation.js';
import { errors } from '../core/errors.js';
import { formSchemaProblems } from './catalogue-schemas.js';
import type { FormSchema } from '../db/procedure-content.schema.js';

const validators = new Map<string, ValidateFunction>();

/**
 * Checks a procedure's form schema at deploy: it compiles as JSON Schema, and it is an object
 * whose fields have titles (the desk shows them). Answers 422 naming what to fix.
 */
export function checkFormSchema(schema: object): void {
  try {
    ajv.compile(schema);
  } catch (err) {
    throw errors.validation([
      { path: '/formSchema', message: `does not compile as JSON Schema: ${(err as Error).message}` },
    ]);
  }
  const problems = formSchemaProblems(schema, '/formSchema');
  if (problems.length) throw errors.validation(problems, 'The form schema does not follow the form rules');
}

/** Validates dossier data against a version's form schema, compiled once per version content. */
export function validateFormData(
  version: { checksum: string; formSchema: FormSchema },
  data: unknown,
  path = '/data',
): void {
  let validate = validators.get(version.checksum);
  if (!validate) {
    validate = ajv.compile(version.formSchema);
    validators.set(version.checksum, validate);
  }
  if (!validate(data)) {
    throw errors.validation(
      toProblems(validate.errors ?? [], path),
      'Dossier data does not match the procedure form',
    );
  }
}
