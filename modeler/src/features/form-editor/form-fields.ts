import type { FormSchema } from '@server/db/procedure-content.schema.js';
import { fieldOrder } from '../../../../client/src/composables/procedure-metadata.js';
import { fieldOfKind, type FieldKind, type FieldSchema } from './field-kinds.js';

/**
 * Edits of a form schema, each returning a new schema. The order is written to `ui:order` on
 * every edit: jsonb does not keep key order, and the desk reads `ui:order` first (fieldOrder).
 */

/** A field's name is its key in the dossier's data and in mc:*Fields lists: a plain identifier. */
export const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export type NameProblem = 'formEditor.nameEmpty' | 'formEditor.nameInvalid' | 'formEditor.nameTaken';

/** Why `name` cannot name a new field of `schema`, or null when it can. */
export function fieldNameProblem(schema: FormSchema, name: string): NameProblem | null {
  if (!name) return 'formEditor.nameEmpty';
  if (!FIELD_NAME.test(name)) return 'formEditor.nameInvalid';
  if (Object.hasOwn(schema.properties ?? {}, name)) return 'formEditor.nameTaken';
  return null;
}

export function addField(schema: FormSchema, name: string, kind: FieldKind, title: string): FormSchema {
  const properties = { ...schema.properties, [name]: fieldOfKind(kind, { title }) };
  return { ...schema, properties, 'ui:order': [...fieldOrder(schema), name] };
}

export function removeField(schema: FormSchema, name: string): FormSchema {
  const properties = { ...schema.properties };
  delete properties[name];
  const next: FormSchema = {
    ...schema,
    properties,
    'ui:order': fieldOrder(schema).filter((n) => n !== name),
  };
  if (schema.required) next.required = schema.required.filter((n) => n !== name);
  return next;
}

/** Moves a field `by` places (−1 up, +1 down); at either end it stays. */
export function moveField(schema: FormSchema, name: string, by: number): FormSchema {
  const order = fieldOrder(schema);
  const from = order.indexOf(name);
  const to = from + by;
  if (from < 0 || to < 0 || to >= order.length) return schema;
  order.splice(to, 0, ...order.splice(from, 1));
  return { ...schema, 'ui:order': order };
}

export function updateField(schema: FormSchema, name: string, field: FieldSchema): FormSchema {
  return { ...schema, properties: { ...schema.properties, [name]: field }, 'ui:order': fieldOrder(schema) };
}

export function setRequired(schema: FormSchema, name: string, required: boolean): FormSchema {
  const others = (schema.required ?? []).filter((n) => n !== name);
  // The order first: `required` is where fieldOrder looks before the properties' keys.
  return { ...schema, 'ui:order': fieldOrder(schema), required: required ? [...others, name] : others };
}
