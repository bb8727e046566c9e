import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { linearRegExp } from './linear-regexp.js';
import { LINEAR_REGEXP_MODULE, VALIDATOR_RUNTIME } from './validator-runtime-names.js';

// Both ship CommonJS; their default exports arrive wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const standaloneCode = (
  standaloneModule as unknown as { default: (ajv: Ajv, fn: ValidateFunction) => string }
).default;

// Standalone code refers to the pattern engine by this code text instead of by reference.
const standaloneRegExp = Object.assign((pattern: string) => linearRegExp(pattern), {
  code: `require(${JSON.stringify(LINEAR_REGEXP_MODULE)}).linearRegExp`,
});

/**
 * The server's ajv options (validation.ts) plus `code.source`, which keeps each function's
 * source for standaloneCode; esm makes the output an ES module the page can `import()`.
 */
const sourceAjv = addFormats(
  new Ajv({ allErrors: true, strict: false, code: { source: true, esm: true, regExp: standaloneRegExp } }),
);

// ajv's standalone code names its runtime helpers with CommonJS `require` even as an ES module.
const PRELUDE =
  `const require = (name) => { const runtime = globalThis.${VALIDATOR_RUNTIME}; ` +
  `if (!runtime) throw new Error("form validator: the page has not installed the validator runtime"); ` +
  `return runtime(name); };\n`;

export interface ValidatorModule {
  source: string;
  /** A strong ETag: the content's hash. */
  etag: string;
}

const modules = new Map<string, ValidatorModule>();

/**
 * A JavaScript module whose `validate` (and default export) checks values against `schema`
 * as the server's validateBody does, with ajv's ErrorObjects in `validate.errors`. The browser
 * imports it from our origin, so it runs under script-src 'self' without compiling code
 * (no 'unsafe-eval'). Compiled once per `key`: a key must name one schema content for good
 * (a version's checksum, a static schema's name).
 */
export function validatorModule(key: string, schema: object): ValidatorModule {
  let found = modules.get(key);
  if (!found) {
    const validate = sourceAjv.compile(schema);
    // The schema object is ajv's cache key: drop it, the module text is what is kept.
    sourceAjv.removeSchema(schema);
    const source = PRELUDE + standaloneCode(sourceAjv, validate);
    found = { source, etag: `"${createHash('sha256').update(source).digest('base64url')}"` };
    modules.set(key, found);
  }
  return found;
}

/**
 * Answers a validator module as JavaScript. /api answers are no-store (noStoreForApi) because
 * they carry personal data; a validator holds only a schema's rules, so the browser may keep
 * it: `private` because it is answered to a signed-in user only (no shared cache should hold an
 * authenticated answer), `cacheControl` as the caller knows how long its content lasts, and an
 * ETag so that a revalidation costs a 304.
 */
export function sendValidatorModule(ctx: Context, module: ValidatorModule, cacheControl: string): void {
  ctx.set('Cache-Control', `private, ${cacheControl}`);
  ctx.set('ETag', module.etag);
  ctx.type = 'text/javascript; charset=utf-8';
  ctx.status = 200;
  if (ctx.fresh) {
    ctx.status = 304;
    return;
  }
  ctx.body = module.source;
}
