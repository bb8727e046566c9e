import { linearRegExp } from '../../../server/src/http/linear-regexp.js';

/** The shape of the catalogue's form schemas: one object of scalar fields. */
export interface FieldSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean';
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
}
export interface FlatSchema {
  required?: string[];
  properties: Record<string, FieldSchema>;
}

// Strings tried for a field's pattern; a new kind of pattern in the catalogue needs one here.
const PATTERN_CANDIDATES = ['001099012345', 'AB123456', 'abc'];
const FORMAT_SAMPLES: Record<string, string> = { date: '2026-03-15', email: 'binh@example.vn' };

/** A value every field of which satisfies its schema (the spec checks the server agrees). */
export function validSample(schema: FlatSchema): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schema.properties).map(([name, field]) => [name, validField(name, field)]),
  );
}

function validField(name: string, field: FieldSchema): unknown {
  if (field.enum) return field.enum[0];
  if (field.type === 'boolean') return true;
  if (field.type === 'number' || field.type === 'integer') {
    const low = Math.max(field.minimum ?? 1, (field.exclusiveMinimum ?? 0) + 1);
    return Math.min(low, field.maximum ?? low);
  }
  if (field.format) return FORMAT_SAMPLES[field.format] ?? fail(name, `format ${field.format}`);
  if (field.pattern) {
    const rx = linearRegExp(field.pattern);
    return PATTERN_CANDIDATES.find((c) => rx.test(c)) ?? fail(name, `pattern ${field.pattern}`);
  }
  return 'Ô'.repeat(Math.max(field.minLength ?? 0, 3));
}

function fail(name: string, what: string): never {
  throw new Error(`form-samples: no valid sample for ${name} (${what}); add one`);
}

/**
 * Values that break each rule the catalogue uses: nothing given, wrong types, bounds, patterns
 * and formats, an unknown field; and astral characters, which ajv counts as one each.
 */
export function invalidSamples(schema: FlatSchema, valid: Record<string, unknown>): unknown[] {
  const fields = Object.entries(schema.properties);
  const each = (f: (field: FieldSchema) => unknown) =>
    Object.fromEntries(fields.map(([name, field]) => [name, f(field)]));
  return [
    {},
    [],
    'không phải đối tượng',
    { ...valid, notAField: 1 },
    each((field) => (field.type === 'string' ? 42 : field.type === 'boolean' ? 'có' : '12')),
    each((field) => (field.type === 'string' ? '' : field.type === 'boolean' ? null : -1)),
    each((field) => (field.type === 'string' ? 'x'.repeat((field.maxLength ?? 10) + 1) : 1.5)),
    each((field) =>
      field.type === 'string' ? '😀'.repeat(field.maxLength ?? 10) : (field.maximum ?? 1e12) + 1,
    ),
    each((field) => (field.type === 'string' ? '１２３４５６７８９０１２' : 0)),
  ];
}
