/** The lists by which a step of the diagram names form fields (motcua.moddle.json's FieldOwner). */
export const FIELD_LISTS = ['editableFields', 'requiredFields', 'visibleFields'] as const;
export type FieldList = (typeof FIELD_LISTS)[number];

/** What this module reads of a diagram element: its business object's id, name and mc: attributes. */
export interface StepElement {
  businessObject: { id: string; name?: string; get(attribute: string): unknown };
}

/** A step naming a field, and in which of its lists. */
export interface StepUse {
  id: string;
  name: string;
  lists: FieldList[];
}

/**
 * The steps whose mc:editableFields, mc:requiredFields or mc:visibleFields name `field`, read
 * as the server does (bpmn-inspection.ts): comma-separated, and a required entry may carry
 * its outcomes after a colon ("certificateNumber:sign|refuse").
 */
export function stepsNaming(field: string, elements: StepElement[]): StepUse[] {
  return elements.flatMap(({ businessObject: bo }) => {
    const lists = FIELD_LISTS.filter((list) => namesIn(bo.get(`mc:${list}`)).includes(field));
    return lists.length ? [{ id: bo.id, name: bo.name?.trim() || bo.id, lists }] : [];
  });
}

function namesIn(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((item) => item.split(':')[0]!.trim())
    .filter(Boolean);
}
