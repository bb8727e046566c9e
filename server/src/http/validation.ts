import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TObject, TSchema } from '@sinclair/typebox';
import { errors, type AppError, type ErrorCode, type FieldProblem } from '../core/errors.js';
import { linearRegExp } from './linear-regexp.js';

// ajv-formats ships CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * One ajv for bodies and form data (no coercion), one for query strings (strings coerced).
 * Patterns run on RE2 (linear time): a form schema's pattern comes from a designer, not from us.
 */
const regExp = { regExp: linearRegExp };
export const ajv = addFormats(new Ajv({ allErrors: true, strict: false, code: regExp }));
const queryAjv = addFormats(
  new Ajv({ allErrors: true, strict: false, coerceTypes: true, useDefaults: true, code: regExp }),
);

const compiled = new WeakMap<object, ValidateFunction>();

function compile(instance: Ajv, schema: TSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = instance.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

/**
 * Validates a JSON body. Every string in it, keys included and whatever the schema says of
 * them, is first checked for what PostgreSQL cannot store as sent (see `unstorableStrings`).
 */
export function validateBody<T>(schema: TSchema, value: unknown): T {
  refuseUnstorable(value, 'Request is invalid');
  const fn = compile(ajv, schema);
  if (!fn(value)) throw errors.validation(toProblems(fn.errors ?? []));
  return value as T;
}

export function validateQuery<T>(schema: TSchema, value: Record<string, unknown>): T {
  refuseUnstorable(value, 'Query parameters are invalid');
  const copy = { ...value };
  const fn = compile(queryAjv, schema);
  if (!fn(copy)) throw errors.validation(toProblems(fn.errors ?? []), 'Query parameters are invalid');
  return copy as T;
}

/**
 * The answer to a path parameter no row can have, by the code its schema names (`x-not-found`):
 * the same 404 as for a well-formed value that matches nothing.
 */
const NOT_FOUND = {
  dossier_not_found: (value) => errors.dossierNotFound(value),
  task_not_found: () => errors.taskNotFound(),
  attachment_not_found: () => errors.attachmentNotFound(),
  procedure_not_found: (_, params) => errors.procedureNotFound(params.code ?? '', params.version),
  user_not_found: () => errors.userNotFound(),
  department_not_found: (value) => errors.departmentNotFound(value),
  agency_not_found: (value) => errors.agencyNotFound(value),
  calendar_entry_not_found: () => errors.calendarEntryNotFound('Entry'),
  validator_not_found: (value) => errors.validatorNotFound(value),
  draft_not_found: (value) => errors.draftNotFound(value),
} satisfies Partial<Record<ErrorCode, (value: string, params: Record<string, string>) => AppError>>;

export type NotFoundCode = keyof typeof NOT_FOUND;

/** The code a malformed value of the parameter answers, as its schema names it. */
export function notFoundCodeOf(schema: TSchema): NotFoundCode | undefined {
  const code = (schema as { 'x-not-found'?: string })['x-not-found'];
  return code && Object.hasOwn(NOT_FOUND, code) ? (code as NotFoundCode) : undefined;
}

/**
 * Path parameters: first refused with 422 if PostgreSQL could not store them as sent (like
 * bodies), then checked against the route's schema (numbers coerced); a malformed one answers
 * its 404.
 */
export function validateParams<T>(schema: TObject, params: Record<string, string>): T {
  refuseUnstorable(params, 'Path parameters are invalid');
  const copy: Record<string, unknown> = { ...params };
  const fn = compile(queryAjv, schema);
  if (fn(copy)) return copy as T;
  const name = (fn.errors ?? [])[0]?.instancePath.split('/')[1] ?? '';
  const property = schema.properties[name];
  const code = property && notFoundCodeOf(property);
  if (!code) throw new Error(`path parameter "${name}" has no x-not-found code`);
  throw NOT_FOUND[code](params[name] ?? '', params);
}

// NUL is refused by PostgreSQL in text and jsonb (a 500 once it got there); a lone surrogate is
// refused in jsonb and silently becomes U+FFFD in text, so the stored value is not the one sent.
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const UNSTORABLE = /[\u0000\p{Cs}]/u;
const MAX_PROBLEMS = 20;

/**
 * Where `value` holds strings with NUL or half of a UTF-16 surrogate pair, as JSON pointers.
 * Walks with its own stack, so a deeply nested body cannot overflow the call stack.
 */
export function unstorableStrings(value: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (UNSTORABLE.test(item))
        problems.push({ path: path || '/', message: `contains ${unstorableReason(item)}` });
    } else if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        const childPath = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
        if (UNSTORABLE.test(key))
          problems.push({ path: childPath, message: `has a field name with ${unstorableReason(key)}` });
        stack.push([child, childPath]);
      }
    }
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path));
}

function refuseUnstorable(value: unknown, message: string): void {
  const problems = unstorableStrings(value);
  if (problems.length) throw errors.validation(problems, message);
}

function unstorableReason(text: string): string {
  return text.includes('\u0000')
    ? 'a NUL character (U+0000), which text cannot hold; remove it'
    : 'half of a UTF-16 surrogate pair (a broken character); send it again as valid Unicode';
}

/**
 * A field problem found by a schema: with the ajv keyword and its parameters, so a client can
 * say it in its own language (the message is English, for the logs and API users).
 */
export interface SchemaProblem extends FieldProblem {
  keyword?: string;
  params?: Record<string, unknown>;
}

/** ajv errors as `{ path, message, keyword, params }`, the path naming the field a person must fix. */
export function toProblems(list: ErrorObject[], prefix = ''): SchemaProblem[] {
  return list.map((e) => {
    const { keyword, params } = e;
    let path = prefix + e.instancePath;
    if (keyword === 'required') path += `/${(params as { missingProperty: string }).missingProperty}`;
    if (keyword === 'additionalProperties') {
      path += `/${(params as { additionalProperty: string }).additionalProperty}`;
      return { path, message: 'is not an allowed field', keyword, params };
    }
    return { path: path || '/', message: e.message ?? 'is invalid', keyword, params };
  });
}
