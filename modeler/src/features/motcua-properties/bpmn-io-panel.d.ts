// Minimal typings for the properties panel packages, which ship none: what this folder uses.
declare module '@bpmn-io/properties-panel' {
  import type { FunctionComponent } from '@bpmn-io/properties-panel/preact';
  type Entry = FunctionComponent<Record<string, unknown>>;
  export const TextFieldEntry: Entry;
  export const TextAreaEntry: Entry;
  export const SelectEntry: Entry;
  export const CheckboxEntry: Entry;
  export const ListGroup: Entry;
  export const Group: Entry;
  export function isTextFieldEntryEdited(node: HTMLElement | null): boolean;
  export function isTextAreaEntryEdited(node: HTMLElement | null): boolean;
  export function isSelectEntryEdited(node: HTMLElement | null): boolean;
  export function isCheckboxEntryEdited(node: HTMLElement | null): boolean;
}

declare module 'bpmn-js-properties-panel' {
  import type { ModuleDeclaration } from 'didi';
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
}
