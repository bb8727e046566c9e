import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { computed, ref, type Ref } from 'vue';
import { ajvErrorPath, ajvMessage } from '../i18n/ajv-messages.js';
import { locale } from '../i18n/index.js';
import { linearRegExp } from '../../../server/src/http/linear-regexp.js';
import type { JsonSchema } from '../api/types.js';

// ajv-formats is CommonJS; depending on the bundler its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

/**
 * The same JSON Schema validator the server uses (ajv, all errors, formats, patterns on the
 * same linear-time RE2 engine), run in the browser.
 */
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, code: { regExp: linearRegExp } }));
const compiled = new WeakMap<object, ValidateFunction>();

function compile(schema: JsonSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/**
 * Validates values against a schema and keeps the errors by field, worded in the current
 * language (switching language rewords them without validating again).
 */
export function useValidation(schema: Ref<JsonSchema | null>) {
  const raw = ref<ErrorObject[]>([]);
  const byField = computed<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const error of raw.value) {
      const path = ajvErrorPath(error);
      out[path] ??= ajvMessage(error, locale.value);
    }
    return out;
  });

  function validate(value: unknown): boolean {
    if (!schema.value) return true;
    const fn = compile(schema.value);
    const ok = fn(value) as boolean;
    raw.value = ok ? [] : [...(fn.errors ?? [])];
    return ok;
  }

  function clear() {
    raw.value = [];
  }

  return { errors: byField, validate, clear };
}

/** Form values as the schema expects them: empty inputs left out, so `required` reports them. */
export function cleanValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== '' && v !== undefined && v !== null),
  );
}
