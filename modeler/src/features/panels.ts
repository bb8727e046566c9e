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
];

/** A control in the editor's toolbar (import, export, simulate, deploy…); it reads useEditor(). */
export interface EditorAction {
  id: string;
  component: () => Promise<{ default: Component }>;
}

/** The editor's toolbar, in order; each feature folder adds its own. */
export const editorActions: EditorAction[] = [];
