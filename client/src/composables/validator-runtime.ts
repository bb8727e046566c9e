import * as equal from 'ajv/dist/runtime/equal.js';
import * as ucs2length from 'ajv/dist/runtime/ucs2length.js';
import * as validationError from 'ajv/dist/runtime/validation_error.js';
import * as formats from 'ajv-formats/dist/formats.js';
import { linearRegExp } from '../../../server/src/http/linear-regexp.js';
import { LINEAR_REGEXP_MODULE, VALIDATOR_RUNTIME } from '../../../server/src/http/validator-runtime-names.js';

/**
 * A CommonJS module's default export, whichever way the bundler (Vite: the function) or Node
 * (module.exports, the function under its `default`) hands it over.
 */
function defaultOf(module: unknown): unknown {
  let value = module;
  while (value && typeof value === 'object' && 'default' in value)
    value = (value as { default: unknown }).default;
  return value;
}

const fullFormats =
  (formats as { fullFormats?: unknown }).fullFormats ??
  (defaultOf(formats) as { fullFormats: unknown }).fullFormats;

/**
 * What ajv's standalone code `require`s, by the name it uses: the same ajv runtime helpers,
 * ajv-formats' formats and RE2 engine the server validates with, so a validator module
 * behaves here as on the server.
 */
const MODULES: Readonly<Record<string, unknown>> = {
  'ajv/dist/runtime/equal': { default: defaultOf(equal) },
  'ajv/dist/runtime/ucs2length': { default: defaultOf(ucs2length) },
  'ajv/dist/runtime/validation_error': { default: defaultOf(validationError) },
  'ajv-formats/dist/formats': { fullFormats },
  [LINEAR_REGEXP_MODULE]: { linearRegExp },
};

/**
 * The `require` validator modules call. A name missing here throws, naming it: a schema
 * keyword that needs a new ajv helper then fails loudly in tests instead of validating nothing.
 */
export function validatorRequire(name: string): unknown {
  if (!Object.hasOwn(MODULES, name)) {
    throw new Error(`form validator needs "${name}", which the client's validator runtime does not provide`);
  }
  return MODULES[name];
}

/** Installs the runtime where validator modules look for it; to be called before importing one. */
export function installValidatorRuntime(): void {
  (globalThis as Record<string, unknown>)[VALIDATOR_RUNTIME] = validatorRequire;
}

/** The same RE2 engine, for a browser check of a pattern a designer writes (the form editor). */
export { linearRegExp };
