import { inject, provide, type InjectionKey, type Ref, type ShallowRef } from 'vue';
import type Modeler from 'bpmn-js/lib/Modeler';
import type { BpmnProblem } from '@server/engine/bpmn-inspection.js';
import type { DurationUnit, FormSchema, ProcedureMetadata } from '@server/db/procedure-content.schema.js';

/** What procedure.json holds besides the diagram and the form: the facts a deploy carries. */
export interface ProcedureFacts {
  code: string;
  name: string;
  duration: number;
  durationUnit: DurationUnit;
  cutoff: string | null;
  metadata: ProcedureMetadata;
}

/** The content being edited: one draft of one procedure (the diagram lives in the modeler). */
export interface DraftContent {
  facts: ProcedureFacts;
  formSchema: FormSchema;
}

/**
 * What every editor panel works on. The bpmn-js Modeler sits in a shallow ref, outside Vue's
 * reactivity: its services hold the diagram, and a reactive proxy around them would break
 * their identity checks and keep every element alive in Vue's dependency maps.
 */
export interface EditorContext {
  modeler: ShallowRef<Modeler | null>;
  content: Ref<DraftContent>;
  /** A version opened to read: nothing may change. */
  readOnly: boolean;
  /** Panels call this after changing `content`; the diagram's own changes are seen on its bus. */
  changed(): void;
  /** The problems the server answered the last deploy with (422 `invalid_bpmn` details). */
  serverProblems: Ref<BpmnProblem[]>;
  /** Errors the rule module finds in the diagram now: deploy waits until there are none. */
  lintErrors: Ref<number>;
  /** The procedure's current version; null while it has never been deployed. */
  currentVersion: Ref<number | null>;
}

const KEY: InjectionKey<EditorContext> = Symbol('motcua-editor');

export function provideEditor(context: EditorContext): void {
  provide(KEY, context);
}

/** The editor the panel is placed in (see ProcedureEditorPage). */
export function useEditor(): EditorContext {
  const context = inject(KEY);
  if (!context) throw new Error('useEditor() outside the procedure editor');
  return context;
}
