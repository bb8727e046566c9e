import type { DocumentForm, ReceivedDocument } from '@server/dossiers/dossiers.schema.js';
import type { FormSchema, ProcedureDetail, ProcedureMetadata } from '@server/procedures/procedures.schema.js';
import type { StepFields } from '@server/db/procedure-content.schema.js';

/** The fields the desk fills in: the intake step's, in the form's order. */
export function intakeFields(procedure: ProcedureDetail): string[] {
  const own = procedure.steps.intake?.editableFields ?? [];
  return fieldOrder(procedure.formSchema).filter((name) => own.includes(name));
}

/** The fields a step must leave filled whatever its outcome: those the form marks with an asterisk. */
export function alwaysRequired(fields: Pick<StepFields, 'requiredFields'> | undefined | null): string[] {
  return (fields?.requiredFields ?? []).filter((r) => !r.outcomes.length).map((r) => r.field);
}

/**
 * The order to show a schema's properties in. PostgreSQL's jsonb does not keep key order, so
 * the author's order is recovered from what does survive: an explicit `ui:order` (or
 * `propertyOrder`) array, then the `required` array, then the remaining properties.
 */
export function fieldOrder(schema: FormSchema): string[] {
  const names = Object.keys(schema.properties ?? {});
  const explicit = (schema['ui:order'] ?? schema.propertyOrder ?? []) as string[];
  const ordered = [...explicit, ...(schema.required ?? []), ...names];
  return [...new Set(ordered)].filter((name) => names.includes(name));
}

/**
 * The required-documents checklist from `procedure.json`: one line per paper and form, so a
 * paper wanted as an original and as copies is ticked twice.
 */
export function requiredDocuments(metadata: ProcedureMetadata): ReceivedDocument[] {
  return (metadata.documents ?? []).flatMap((item): ReceivedDocument[] => [
    ...(item.originals > 0
      ? [{ name: item.name, form: 'original' as DocumentForm, count: item.originals }]
      : []),
    ...(item.copies > 0 ? [{ name: item.name, form: 'copy' as DocumentForm, count: item.copies }] : []),
  ]);
}
