import type { ValidateFunction } from 'ajv';
import { ajv, toProblems } from '../http/validation.js';
import { errors } from '../core/errors.js';
import { formSchemaProblems } from './catalogue-schemas.js';
import type { FormSchema, StepFields } from '../db/procedure-content.schema.js';

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

/** A version, as far as validating its data needs: the checksum names its compiled validators. */
interface VersionForm {
  checksum: string;
  formSchema: FormSchema;
}

/** The step whose data is checked: its id names the compiled validator, with its fields and the outcome chosen. */
export interface StepCheck {
  id: string;
  fields: Partial<StepFields>;
  outcome: string | null;
}

/**
 * The form schema as one step checks it: every field's own rules, and as `required` what the
 * step must leave filled for this outcome, not the whole form's list: a field a later step
 * fills in cannot be required at the desk. The browser's validator module is compiled from it.
 */
export function stepFormSchema(
  form: FormSchema,
  fields: Partial<StepFields>,
  outcome: string | null,
): FormSchema {
  const required = (fields.requiredFields ?? [])
    .filter((r) => !r.outcomes.length || (outcome !== null && r.outcomes.includes(outcome)))
    .map((r) => r.field);
  return { ...form, required: [...new Set(required)] };
}

/**
 * Validates a dossier's data after a step against what that step requires (or, for a version
 * deployed before steps declared their fields, against the whole form), compiled once per
 * version content, step and outcome.
 */
export function validateFormData(
  version: VersionForm,
  data: unknown,
  step: StepCheck | null,
  path = '/data',
): void {
  const key = step ? `${version.checksum}:${step.id}:${step.outcome ?? ''}` : version.checksum;
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(
      step ? stepFormSchema(version.formSchema, step.fields, step.outcome) : version.formSchema,
    );
    validators.set(key, validate);
  }
  if (!validate(data)) {
    throw errors.validation(
      toProblems(validate.errors ?? [], path),
      'Dossier data does not match the procedure form',
    );
  }
}

/**
 * A step changes only the fields it declares in mc:editableFields; a step that declares none
 * changes none, so a later step cannot rewrite what an earlier one decided or a leader signed.
 */
export function checkEditableFields(fields: Partial<StepFields>, payload: object, path = '/data'): void {
  const editable = fields.editableFields ?? [];
  const extra = Object.keys(payload).filter((k) => !editable.includes(k));
  if (extra.length) {
    const why = editable.length
      ? `this step may change only ${editable.join(', ')}`
      : 'this step changes no fields';
    throw errors.validation(extra.map((k) => ({ path: `${path}/${k}`, message: `${why}, not ${k}` })));
  }
}
