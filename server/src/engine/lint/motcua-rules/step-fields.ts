import type { FormSchema } from '../../../db/procedure-content.schema.js';
import { checkStepFields } from '../../step-fields.js';
import { definitionsRule, stepsOf } from './diagram.js';

export interface StepFieldsConfig {
  /** The procedure's form, whose fields the steps name. */
  formSchema: FormSchema;
}

/** What each step says of the form's fields matches the form (engine/step-fields.ts). */
export default function stepFields({ formSchema }: StepFieldsConfig) {
  return definitionsRule((definitions) => checkStepFields(stepsOf(definitions), formSchema).problems);
}
