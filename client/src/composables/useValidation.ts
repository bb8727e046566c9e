import type { ErrorObject } from 'ajv';
import { computed, ref, watch, type Ref } from 'vue';
import { ajvErrorPath, ajvMessage } from '../i18n/ajv-messages.js';
import { locale } from '../i18n/index.js';
import { installValidatorRuntime } from './validator-runtime.js';

/** A validator module's `validate`: ajv's standalone code, with ajv's errors after a failure. */
type Validator = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

const loaded = new Map<string, Promise<Validator>>();

/**
 * The validator module at `url`, imported once. The server compiles it with the same ajv,
 * options, formats and RE2 patterns it validates requests with, so the browser needs no ajv
 * compiler (which runs `new Function`, refused by our CSP without 'unsafe-eval').
 */
export function loadValidator(url: string): Promise<Validator> {
  let validator = loaded.get(url);
  if (!validator) {
    installValidatorRuntime();
    validator = import(/* @vite-ignore */ url).then((module: { validate: Validator }) => module.validate);
    // A failed import (offline, a server error) is tried again on the next validation.
    validator.catch(() => loaded.delete(url));
    loaded.set(url, validator);
  }
  return validator;
}

/**
 * Validates values with the validator module at `url` and keeps the errors by field, worded
 * in the current language (switching language rewords them without validating again).
 * `validate` waits for the module: while it loads, nothing counts as valid, so a quick
 * submit cannot slip past the browser's checks; a module that cannot load rejects, and the
 * caller shows that as any other failure. The module is fetched as soon as `url` is known.
 */
export function useValidation(url: Ref<string | null>) {
  const raw = ref<ErrorObject[]>([]);
  const byField = computed<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const error of raw.value) {
      const path = ajvErrorPath(error);
      out[path] ??= ajvMessage(error, locale.value);
    }
    return out;
  });

  watch(url, (next) => void (next && loadValidator(next).catch(() => undefined)), { immediate: true });

  async function validate(value: unknown): Promise<boolean> {
    if (!url.value) return true;
    const fn = await loadValidator(url.value);
    const ok = fn(value);
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
