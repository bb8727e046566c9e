import { createRequire } from 'node:module';
import { ajv, toProblems } from '../http/validation.js';
import type { FieldProblem } from '../core/errors.js';

const require = createRequire(import.meta.url);

/**
 * The schemas that `procedure.json` and `form.schema.json` follow. They live in the catalogue
 * (`processes/_schema/`) so editors and the modeler read the same files the server enforces.
 */
const validateProcedure = ajv.compile(require('../../../processes/_schema/procedure.schema.json') as object);
/** What a form schema may hold; the modeler's form editor checks a form against it while it is drawn. */
export const formSchemaRules = require('../../../processes/_schema/form.schema.schema.json') as object;
const validateForm = ajv.compile(formSchemaRules);

/** Problems of a `procedure.json`, each naming the field at fault; empty when it is valid. */
export function procedureFileProblems(value: unknown): FieldProblem[] {
  return validateProcedure(value) ? [] : toProblems(validateProcedure.errors ?? []);
}

/** Problems of a form schema against our rules for forms (an object whose fields have titles). */
export function formSchemaProblems(value: unknown, prefix = ''): FieldProblem[] {
  return validateForm(value) ? [] : toProblems(validateForm.errors ?? [], prefix);
}
