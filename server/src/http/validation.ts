import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { errors, type FieldProblem } from './errors.js';

// ajv-formats ships CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** One ajv for bodies and form data (no coercion), one for query strings (strings coerced). */
export const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const queryAjv = addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: true, useDefaults: true }));

const compiled = new WeakMap<object, ValidateFunction>();

function compile(instance: Ajv, schema: TSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = instance.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
}

export function validateBody<T>(schema: TSchema, value: unknown): T {
  const fn = compile(ajv, schema);
  if (!fn(value)) throw errors.validation(toProblems(fn.errors ?? []));
  return value as T;
}

export function validateQuery<T>(schema: TSchema, value: Record<string, unknown>): T {
  const copy = { ...value };
  const fn = compile(queryAjv, schema);
  if (!fn(copy)) throw errors.validation(toProblems(fn.errors ?? []), 'Query parameters are invalid');
  return copy as T;
}

/** ajv errors as `{ path, message }`, the path naming the field a person must fix. */
export function toProblems(list: ErrorObject[], prefix = ''): FieldProblem[] {
  return list.map((e) => {
    let path = prefix + e.instancePath;
    if (e.keyword === 'required') path += `/${(e.params as { missingProperty: string }).missingProperty}`;
    if (e.keyword === 'additionalProperties') {
      path += `/${(e.params as { additionalProperty: string }).additionalProperty}`;
      return { path, message: 'is not an allowed field' };
    }
    return { path: path || '/', message: e.message ?? 'is invalid' };
  });
}
