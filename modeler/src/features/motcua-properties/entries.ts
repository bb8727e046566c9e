import {
  CheckboxEntry,
  SelectEntry,
  TextAreaEntry,
  TextFieldEntry,
  isCheckboxEntryEdited,
  isSelectEntryEdited,
  isTextAreaEntryEdited,
  isTextFieldEntryEdited,
} from '@bpmn-io/properties-panel';
import type { EditorData } from './editor-data.js';

/** A moddle object as the entries read it (a business object, an event definition, a message). */
export interface ModdleObject {
  $type: string;
  id?: string;
  name?: string;
  get(name: string): unknown;
  [key: string]: unknown;
}

/** A diagram element: a shape or a connection with the BPMN object it draws. */
export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleObject;
}

/** The services the groups write through: the modeler's own commands, so undo covers them. */
export interface PanelServices {
  modeling: {
    updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
    updateModdleProperties(
      element: DiagramElement,
      target: ModdleObject,
      properties: Record<string, unknown>,
    ): void;
  };
  commandStack: { execute(command: string, context: unknown): void };
  bpmnFactory: { create(type: string, attributes?: Record<string, unknown>): ModdleObject };
  debounce: <T extends (...args: never[]) => unknown>(fn: T) => T;
  translate: (text: string, replacements?: Record<string, unknown>) => string;
  data: EditorData;
}

/** One entry of a group: the panel renders `component` with the rest as its props. */
export interface EntryDefinition {
  id: string;
  component: unknown;
  isEdited?: (node: HTMLElement | null) => boolean;
  [prop: string]: unknown;
}

/** One group of the panel: a plain group of entries, or a ListGroup of items. */
export interface GroupDefinition {
  id: string;
  label: string;
  entries?: EntryDefinition[];
  component?: unknown;
  [prop: string]: unknown;
}

export interface Option {
  value: string;
  label: string;
}

interface Common {
  id: string;
  label: string;
  description?: string;
  disabled?: boolean;
}

/**
 * A text entry. `set` receives only a value `validate` accepts: a rejected one stays in the
 * input with its message under it and changes nothing, as the panel's own ID entry does.
 */
export function textEntry(
  services: PanelServices,
  spec: Common & {
    get(): string;
    set(value: string): void;
    validate?(value: string): string | null;
    /** Several lines, auto-growing: for prose such as a legal source. */
    multiline?: boolean;
  },
): EntryDefinition {
  return {
    ...spec,
    component: spec.multiline ? TextAreaEntry : TextFieldEntry,
    isEdited: spec.multiline ? isTextAreaEntryEdited : isTextFieldEntryEdited,
    autoResize: spec.multiline,
    debounce: services.debounce,
    getValue: spec.get,
    setValue: (value: string, error: string | null) => (error ? undefined : spec.set(value ?? '')),
    validate: spec.validate,
  };
}

/** A select entry; like a text entry, a value `validate` rejects is shown with its message, not written. */
export function selectEntry(
  spec: Common & {
    get(): string;
    set(value: string): void;
    options(): Option[];
    validate?(value: string): string | null;
  },
): EntryDefinition {
  return {
    ...spec,
    component: SelectEntry,
    isEdited: isSelectEntryEdited,
    getValue: spec.get,
    setValue: (value: string, error: string | null) => (error ? undefined : spec.set(value)),
    getOptions: spec.options,
    validate: spec.validate,
  };
}

export function checkboxEntry(spec: Common & { get(): boolean; set(value: boolean): void }): EntryDefinition {
  return {
    ...spec,
    component: CheckboxEntry,
    isEdited: isCheckboxEntryEdited,
    getValue: spec.get,
    setValue: spec.set,
  };
}

/** An mc: list attribute ("a,b,c") as its items. */
export function splitList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * A ListGroup's add handler. The add button sits in the group's header, whose click toggles the
 * group: stopped here, so the group opens on the new item instead of closing.
 */
export function onAdd(add: () => void): (event: Event) => void {
  return (event) => {
    event.stopPropagation();
    add();
  };
}
