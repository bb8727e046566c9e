import { computed } from 'vue';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type { FormSchema } from '@server/db/procedure-content.schema.js';
import { fieldOrder } from '../../../../client/src/composables/procedure-metadata.js';
import { useEditor } from '../../canvas/editor-context.js';
import type { FieldKind, FieldSchema } from './field-kinds.js';
import { addField, moveField, removeField, setRequired, updateField } from './form-fields.js';
import { stepsNaming, type StepElement, type StepUse } from './step-usage.js';

/**
 * The form being edited, in the desk's order, with the edits the panel offers: each writes a
 * new `content.formSchema` and tells the editor it changed.
 */
export function useFormEditor() {
  const { content, changed, modeler, readOnly } = useEditor();
  const schema = computed(() => content.value.formSchema);
  const order = computed(() => fieldOrder(schema.value));
  const required = computed(() => new Set(schema.value.required ?? []));

  function apply(next: FormSchema): void {
    if (readOnly) return;
    content.value = { ...content.value, formSchema: next };
    changed();
  }

  /** The steps of the diagram, as it is now, that name `name` in one of their field lists. */
  function stepsUsing(name: string): StepUse[] {
    const registry = modeler.value?.get<ElementRegistry>('elementRegistry');
    if (!registry) return [];
    // A label shares its owner's business object: counting it would list the step twice.
    const steps = registry.filter(
      (e) => e.type !== 'label' && !!e.businessObject,
    ) as unknown as StepElement[];
    return stepsNaming(name, steps);
  }

  return {
    schema,
    order,
    required,
    readOnly,
    stepsUsing,
    field: (name: string) => (schema.value.properties?.[name] ?? { title: '' }) as FieldSchema,
    add: (name: string, kind: FieldKind, title: string, isRequired: boolean) => {
      const added = addField(schema.value, name, kind, title);
      apply(isRequired ? setRequired(added, name, true) : added);
    },
    remove: (name: string) => apply(removeField(schema.value, name)),
    move: (name: string, by: number) => apply(moveField(schema.value, name, by)),
    update: (name: string, field: FieldSchema) => apply(updateField(schema.value, name, field)),
    require: (name: string, value: boolean) => apply(setRequired(schema.value, name, value)),
  };
}
