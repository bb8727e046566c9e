import type { DocumentForm, JsonSchema, ProcedureDetail, ReceivedDocument } from '../api/types.js';

/**
 * The fields the desk fills in: every property of the form schema except those a later step
 * enters (a step's `editableFields`, e.g. the reviewer's note or the certificate number).
 */
export function intakeFields(procedure: ProcedureDetail): string[] {
  const later = new Set(Object.values(procedure.steps.userTasks).flatMap((s) => s.editableFields ?? []));
  return fieldOrder(procedure.formSchema).filter((name) => !later.has(name));
}

/**
 * The order to show a schema's properties in. PostgreSQL's jsonb does not keep key order, so
 * the author's order is recovered from what does survive: an explicit `ui:order` (or
 * `propertyOrder`) array, then the `required` array, then the remaining properties.
 */
export function fieldOrder(schema: JsonSchema): string[] {
  const names = Object.keys(schema.properties ?? {});
  const explicit = (schema['ui:order'] ?? schema.propertyOrder ?? []) as string[];
  const ordered = [...explicit, ...(schema.required ?? []), ...names];
  return [...new Set(ordered)].filter((name) => names.includes(name));
}

type MetaDocument = string | { name?: string; title?: string; form?: string; count?: number; original?: number; copy?: number; copies?: number };

/**
 * The required-documents checklist from `procedure.json` (`documents` or `requiredDocuments`):
 * a name alone, or with `form` + `count`, or with `original` / `copies` counts.
 */
export function requiredDocuments(metadata: Record<string, unknown>): ReceivedDocument[] {
  const list = (metadata.documents ?? metadata.requiredDocuments ?? []) as MetaDocument[];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item): ReceivedDocument[] => {
    if (typeof item === 'string') return [{ name: item, form: 'original', count: 1 }];
    const name = item.name ?? item.title;
    if (!name) return [];
    const copies = item.copies ?? item.copy;
    const form: DocumentForm = isForm(item.form) ? item.form : item.original ? 'original' : copies ? 'copy' : 'original';
    return [{ name, form, count: item.count ?? item.original ?? copies ?? 1 }];
  });
}

function isForm(value: unknown): value is DocumentForm {
  return value === 'original' || value === 'copy' || value === 'certified_copy';
}
