import { linearRegExp } from '../../../../client/src/composables/validator-runtime.js';
import { kindOf, type FieldSchema } from './field-kinds.js';

export type FieldProblemKey =
  | 'formEditor.optionsEmpty'
  | 'formEditor.optionsBlank'
  | 'formEditor.optionsRepeat'
  | 'formEditor.boundsCrossed'
  | 'formEditor.patternInvalid';

/**
 * What makes a field unusable though form.schema.schema.json lets it pass: a choice with no
 * (or repeated) options, bounds no value can meet, and a pattern the server's RE2 engine
 * cannot compile (ajv.compile would then refuse the form at deploy).
 */
export function fieldProblems(field: FieldSchema): FieldProblemKey[] {
  const problems: FieldProblemKey[] = [];
  if (kindOf(field) === 'choice') problems.push(...optionProblems((field.enum ?? []).map(String)));
  if (crossed(field.minimum, field.maximum) || crossed(field.minLength, field.maxLength))
    problems.push('formEditor.boundsCrossed');
  if (field.pattern !== undefined && !compiles(field.pattern)) problems.push('formEditor.patternInvalid');
  return problems;
}

function optionProblems(options: string[]): FieldProblemKey[] {
  if (!options.length) return ['formEditor.optionsEmpty'];
  const problems: FieldProblemKey[] = [];
  if (options.some((o) => !o.trim())) problems.push('formEditor.optionsBlank');
  if (new Set(options).size < options.length) problems.push('formEditor.optionsRepeat');
  return problems;
}

function crossed(low: number | undefined, high: number | undefined): boolean {
  return low !== undefined && high !== undefined && low > high;
}

function compiles(pattern: string): boolean {
  try {
    linearRegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
