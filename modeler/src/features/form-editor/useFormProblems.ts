import { computed, watch, type Ref } from 'vue';
import type { FormSchema } from '@server/db/procedure-content.schema.js';
import { requestValidatorUrl } from '../../../../client/src/api/procedures.js';
import { useValidation } from '../../../../client/src/composables/useValidation.js';
import { t } from '../../../../client/src/i18n/index.js';
import { fieldProblems } from './field-problems.js';
import type { FieldSchema } from './field-kinds.js';

const FIELD_PATH = /^\/properties\/([^/]+)(\/.*)?$/;

/**
 * The form's problems, worded in the current language: against form.schema.schema.json, with
 * the validator module the server compiles from that file (the page may not compile ajv
 * itself under our CSP), plus the field checks of field-problems.ts. By field name, and for
 * the form as a whole.
 */
export function useFormProblems(schema: Ref<FormSchema>) {
  const { errors, validate } = useValidation(computed(() => requestValidatorUrl('form-schema')));
  // A module that fails to load leaves the last problems shown; the server checks again at deploy.
  watch(schema, (next) => void validate(next).catch(() => undefined), { immediate: true, deep: true });

  const byField = computed(() => {
    const out: Record<string, string[]> = {};
    for (const [path, message] of Object.entries(errors.value)) {
      const match = FIELD_PATH.exec(path);
      if (!match) continue;
      const name = match[1]!.replaceAll('~1', '/').replaceAll('~0', '~');
      const where = match[2] === '/title' ? `${t('formEditor.title')}: ` : '';
      (out[name] ??= []).push(where + message);
    }
    for (const [name, field] of Object.entries(schema.value.properties ?? {})) {
      const own = fieldProblems(field as FieldSchema).map((key) => t(key));
      if (own.length) (out[name] ??= []).push(...own);
    }
    return out;
  });

  // A form without fields fails `minProperties` at /properties: the empty list already says so.
  const empty = computed(() => !Object.keys(schema.value.properties ?? {}).length);
  const ofForm = computed(() =>
    Object.entries(errors.value)
      .filter(([path]) => !FIELD_PATH.test(path) && !(empty.value && path === '/properties'))
      .map(([, message]) => t('formEditor.formProblem', { message })),
  );

  return { byField, ofForm };
}
