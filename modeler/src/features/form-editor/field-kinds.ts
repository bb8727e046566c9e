import type { FormSchema } from '@server/db/procedure-content.schema.js';

/** One field of a form: a JSON Schema with the bounds our kinds use (form.schema.schema.json allows any). */
export type FieldSchema = FormSchema & {
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
};

/** The kinds a designer picks from; each is one shape of JSON Schema the desk's SchemaField renders. */
export const FIELD_KINDS = [
  'text',
  'longText',
  'number',
  'integer',
  'date',
  'email',
  'phone',
  'yesNo',
  'choice',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Above this maxLength the desk shows a text area (SchemaField's rule). */
export const LONG_TEXT_OVER = 300;
const LONG_TEXT_MAX = 2000;
/** ajv-formats has no phone format: a Vietnamese number, mobile or fixed, local or +84. */
export const PHONE_PATTERN = '^(\\+84|0)[0-9]{9,10}$';

/** The bounds a kind may carry, as the schema keywords they are written to. */
export const BOUNDS_OF: Record<FieldKind, readonly BoundKey[]> = {
  text: ['minLength', 'maxLength', 'pattern'],
  longText: ['minLength', 'maxLength'],
  number: ['minimum', 'maximum'],
  integer: ['minimum', 'maximum'],
  date: [],
  email: [],
  phone: [],
  yesNo: [],
  choice: [],
};
export type BoundKey = 'minLength' | 'maxLength' | 'pattern' | 'minimum' | 'maximum';

/** The kind a field's schema is, or null for one the editor does not shape (an object, a list). */
export function kindOf(field: FieldSchema): FieldKind | null {
  const type = Array.isArray(field.type) ? field.type[0] : (field.type ?? 'string');
  if (type === 'number' || type === 'integer') return type;
  if (type === 'boolean') return 'yesNo';
  if (type !== 'string') return null;
  if (field.enum) return 'choice';
  if (field.format === 'date') return 'date';
  if (field.format === 'email') return 'email';
  if (field.pattern === PHONE_PATTERN) return 'phone';
  return (field.maxLength ?? 0) > LONG_TEXT_OVER ? 'longText' : 'text';
}

/**
 * The schema of a field of `kind`, keeping what the designer wrote that still applies: the
 * title, the description, and the bounds and options the new kind also has.
 */
export function fieldOfKind(kind: FieldKind, previous: FieldSchema = { title: '' }): FieldSchema {
  const { title = '', description } = previous;
  const field: FieldSchema = { ...SHAPES[kind], title, ...(description ? { description } : {}) };
  for (const key of BOUNDS_OF[kind]) {
    if (previous[key] !== undefined) Object.assign(field, { [key]: previous[key] });
  }
  // The phone kind is its pattern: another kind keeping it would still read as a phone.
  if (kind !== 'phone' && field.pattern === PHONE_PATTERN) delete field.pattern;
  if (kind === 'choice') field.enum = Array.isArray(previous.enum) ? previous.enum : [];
  if (kind === 'longText' && (field.maxLength ?? 0) <= LONG_TEXT_OVER) field.maxLength = LONG_TEXT_MAX;
  if (kind === 'text' && (field.maxLength ?? 0) > LONG_TEXT_OVER) delete field.maxLength;
  return field;
}

const SHAPES: Record<FieldKind, FieldSchema> = {
  text: { type: 'string' },
  longText: { type: 'string', maxLength: LONG_TEXT_MAX },
  number: { type: 'number' },
  integer: { type: 'integer' },
  date: { type: 'string', format: 'date' },
  email: { type: 'string', format: 'email' },
  phone: { type: 'string', pattern: PHONE_PATTERN },
  yesNo: { type: 'boolean' },
  choice: { type: 'string', enum: [] },
};
