import { ApiError } from '../../api/http.js';
import { errorText, problemText, t, type MessageKey } from '../../i18n/index.js';
import type { FieldProblem } from '../../api/http.js';
import { vi } from '../../i18n/vi.js';

/** A form's answer from the server: a text under each field it found wrong, and one for the form. */
export interface FormProblems {
  fields: Record<string, string>;
  form: string;
}

export const noProblems = (): FormProblems => ({ fields: {}, form: '' });

/**
 * What the server refused, in the chosen language: the rules the admin endpoints name by
 * `keyword` (the password policy, the calendar's) in the console's own words, ajv's as everywhere
 * else; problems on no field of the form, and errors without fields, as one text for the form.
 */
export function formProblems(err: unknown, fieldNames: readonly string[]): FormProblems {
  const out = noProblems();
  const problems = err instanceof ApiError ? err.problems : [];
  for (const problem of problems) {
    const field = problem.path.split('/')[1] ?? '';
    if (fieldNames.includes(field)) out.fields[field] ??= adminProblemText(problem);
    else out.form ||= adminProblemText(problem);
  }
  if (!problems.length || (!out.form && !Object.keys(out.fields).length)) out.form = errorText(err);
  return out;
}

function adminProblemText(problem: FieldProblem): string {
  const params = (problem.params ?? {}) as Record<string, string | number>;
  if (problem.keyword === 'passwordPolicy') {
    const key = `admin.password.${String(params.rule)}`;
    if (key in vi) return t(key as MessageKey, { min: params.minLength ?? '' });
  }
  const key = `admin.calendar.problem.${problem.keyword ?? ''}`;
  return key in vi ? t(key as MessageKey, params) : problemText(problem);
}
