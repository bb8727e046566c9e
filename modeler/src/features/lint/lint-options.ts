import type { DurationUnit, FormSchema } from '@server/db/procedure-content.schema.js';
import { linterOptions } from './rule-set.js';

/** What of a draft the rules read: its legal duration and its form. */
export interface LintedDraft {
  facts: { duration: number; durationUnit: DurationUnit };
  formSchema: FormSchema;
}

/** The rule set with the procedure's legal duration and form, as its deploy will check it. */
export function draftLinterOptions(draft: LintedDraft) {
  const { duration, durationUnit } = draft.facts;
  return linterOptions({ legal: { amount: duration, unit: durationUnit }, formSchema: draft.formSchema });
}
