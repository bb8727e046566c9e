import type { ValidateFunction } from 'ajv';
import { ajv, toProblems } from '../http/validation.js';
import { errors } from '../http/errors.js';

const validators = new Map<string, ValidateFunction>();

/** Compiles a procedure's form schema, or answers 422 saying why it does not compile. */
export function checkFormSchema(schema: object): void {
  try {
    ajv.compile(schema);
  } catch (err) {
    throw errors.validation([{ path: '/formSchema', message: `does not compile as JSON Schema: ${(err as Error).message}` }]);
  }
}

/** Validates dossier data against a version's form schema, compiled once per version content. */
export function validateFormData(version: { checksum: string; formSchema: unknown }, data: unknown, path = '/data'): void {
  let validate = validators.get(version.checksum);
  if (!validate) {
    validate = ajv.compile(version.formSchema as object);
    validators.set(version.checksum, validate);
  }
  if (!validate(data)) {
    throw errors.validation(toProblems(validate.errors ?? [], path), 'Dossier data does not match the procedure form');
  }
}
