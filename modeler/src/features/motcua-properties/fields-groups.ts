import { ListGroup } from '@bpmn-io/properties-panel';
import { is } from 'bpmn-js/lib/util/ModelUtil';
import { t, type MessageKey } from '../../../../client/src/i18n/index.js';
import { fieldOrder } from '../../../../client/src/composables/procedure-metadata.js';
import {
  checkboxEntry,
  selectEntry,
  splitList,
  type DiagramElement,
  type EntryDefinition,
  type GroupDefinition,
  type Option,
  type PanelServices,
  onAdd,
} from './entries.js';

/** One item of mc:requiredFields: a field, required for every outcome or only those listed. */
interface Required {
  field: string;
  outcomes: string[];
}

/**
 * The fields a step edits, shows and must fill (mc:editableFields, mc:visibleFields,
 * mc:requiredFields), each picked from the form schema's properties.
 */
export function fieldsGroups(
  element: DiagramElement,
  services: PanelServices,
  disabled: boolean,
): GroupDefinition[] {
  const options = fieldOptions(services);
  return [
    // Without the attribute a deploy warns that the step edits nothing: emptied, it says so.
    plainList(
      element,
      services,
      { kind: 'editable', attribute: 'mc:editableFields', emptied: '' },
      options,
      disabled,
    ),
    requiredList(element, services, options, disabled),
    // Without the attribute a step shows every field filled so far: emptied, it goes back to that.
    plainList(
      element,
      services,
      { kind: 'visible', attribute: 'mc:visibleFields', emptied: undefined },
      options,
      disabled,
    ),
  ];
}

interface ListSpec {
  kind: 'editable' | 'visible';
  attribute: string;
  emptied: string | undefined;
}

function plainList(
  element: DiagramElement,
  services: PanelServices,
  spec: ListSpec,
  options: Option[],
  disabled: boolean,
): GroupDefinition {
  const fields = splitList(element.businessObject.get(spec.attribute));
  const write = (list: string[]) =>
    services.modeling.updateProperties(element, {
      [spec.attribute]: list.length ? list.join(',') : spec.emptied,
    });
  const items = fields.map((field, index) => ({
    id: `motcua-${spec.kind}-${index}`,
    label: labelOf(options, field),
    remove: disabled ? undefined : () => write(fields.filter((_, i) => i !== index)),
    entries: [
      fieldPicker(`motcua-${spec.kind}-${index}-field`, field, options, fields, disabled, (value) =>
        write(fields.map((f, i) => (i === index ? value : f))),
      ),
    ],
  }));
  const free = options.find((o) => !fields.includes(o.value));
  return {
    id: `motcua-${spec.kind}-fields`,
    label: t(`props.${spec.kind}Fields` as MessageKey),
    component: ListGroup,
    translate: services.translate,
    items,
    add: disabled || !free ? undefined : onAdd(() => write([...fields, free.value])),
  };
}

function requiredList(
  element: DiagramElement,
  services: PanelServices,
  options: Option[],
  disabled: boolean,
): GroupDefinition {
  const required = parseRequired(element.businessObject.get('mc:requiredFields'));
  const outcomes = is(element, 'bpmn:UserTask') ? splitList(element.businessObject.get('mc:outcomes')) : [];
  const write = (list: Required[]) =>
    services.modeling.updateProperties(element, {
      'mc:requiredFields': list.length ? formatRequired(list) : undefined,
    });
  const replace = (index: number, item: Required) => write(required.map((r, i) => (i === index ? item : r)));
  const fields = required.map((r) => r.field);
  const items = required.map((item, index) => ({
    id: `motcua-required-${index}`,
    label: labelOf(options, item.field),
    remove: disabled ? undefined : () => write(required.filter((_, i) => i !== index)),
    entries: [
      fieldPicker(`motcua-required-${index}-field`, item.field, options, fields, disabled, (field) =>
        replace(index, { ...item, field }),
      ),
      ...outcomes.map((outcome) =>
        onlyForEntry(index, item, outcome, disabled, (next) => replace(index, next)),
      ),
    ],
  }));
  const free = options.find((o) => !fields.includes(o.value));
  return {
    id: 'motcua-required-fields',
    label: t('props.requiredFields'),
    component: ListGroup,
    translate: services.translate,
    items,
    add:
      disabled || !free ? undefined : onAdd(() => write([...required, { field: free.value, outcomes: [] }])),
  };
}

function onlyForEntry(
  index: number,
  item: Required,
  outcome: string,
  disabled: boolean,
  set: (item: Required) => void,
): EntryDefinition {
  return checkboxEntry({
    id: `motcua-required-${index}-${outcome}`,
    label: t('props.onlyFor', { outcome }),
    disabled,
    get: () => item.outcomes.includes(outcome),
    set: (checked) =>
      set({
        ...item,
        outcomes: checked ? [...item.outcomes, outcome] : item.outcomes.filter((o) => o !== outcome),
      }),
  });
}

function fieldPicker(
  id: string,
  field: string,
  options: Option[],
  taken: string[],
  disabled: boolean,
  set: (value: string) => void,
): EntryDefinition {
  // A field no longer in the form stays listed (the deploy check names it) rather than vanish.
  // The options stay the same whatever is taken, so a redrawn select keeps its choice in place.
  const own = options.some((o) => o.value === field)
    ? []
    : [{ value: field, label: t('props.fieldUnknown', { name: field }) }];
  return selectEntry({
    id,
    label: t('props.field'),
    disabled,
    get: () => field,
    set,
    options: () => [...own, ...options],
    validate: (value) => (value !== field && taken.includes(value) ? t('props.fieldTaken') : null),
  });
}

/** The form's properties in the form's own order (the desk's and the task views'). */
function fieldOptions(services: PanelServices): Option[] {
  const schema = services.data.editor?.content.value.formSchema ?? {};
  return fieldOrder(schema).map((name) => {
    const title = schema.properties?.[name]?.title;
    return { value: name, label: title ? `${title} (${name})` : name };
  });
}

function labelOf(options: Option[], field: string): string {
  return options.find((o) => o.value === field)?.label ?? field;
}

/** "a,b:approve|sign" (bpmn-inspection.ts fieldsOf) as its items, and back. */
function parseRequired(value: unknown): Required[] {
  return splitList(value).map((item) => {
    const [field, outcomes] = item.split(':');
    return {
      field: field!.trim(),
      outcomes: (outcomes ?? '')
        .split('|')
        .map((o) => o.trim())
        .filter(Boolean),
    };
  });
}

function formatRequired(list: Required[]): string {
  return list.map((r) => (r.outcomes.length ? `${r.field}:${r.outcomes.join('|')}` : r.field)).join(',');
}
