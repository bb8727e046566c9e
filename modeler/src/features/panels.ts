import type { Component } from 'vue';
import type { MessageKey } from '../../../client/src/i18n/index.js';

/** A tab beside the canvas; its component reads the editor with useEditor(). */
export interface EditorPanel {
  id: string;
  label: MessageKey;
  component: () => Promise<{ default: Component }>;
}

/** The editor's side panels, in tab order; each feature folder adds its own. */
export const editorPanels: EditorPanel[] = [
  {
    id: 'properties',
    label: 'props.tab',
    component: () => import('./motcua-properties/PropertiesPanel.vue'),
  },
  { id: 'form', label: 'formEditor.tab', component: () => import('./form-editor/FormEditorPanel.vue') },
  { id: 'lint', label: 'lint.tab', component: () => import('./lint/panel/LintPanel.vue') },
  {
    id: 'step-history',
    label: 'stepHistory.tab',
    component: () => import('./step-history/StepHistoryPanel.vue'),
  },
  { id: 'deadlines', label: 'deadlines.tab', component: () => import('./deadlines/DeadlinesPanel.vue') },
];

/** A control in the editor's toolbar (import, export, simulate, deploy…); it reads useEditor(). */
export interface EditorAction {
  id: string;
  component: () => Promise<{ default: Component }>;
}

/** The editor's toolbar, in order; each feature folder adds its own. */
export const editorActions: EditorAction[] = [
  { id: 'import-bpmn', component: () => import('./import-export/ImportAction.vue') },
  { id: 'export-bpmn', component: () => import('./import-export/ExportAction.vue') },
  { id: 'simulation', component: () => import('./token-simulation/SimulationToggle.vue') },
  { id: 'drafts', component: () => import('./drafts/DraftToolbar.vue') },
];
