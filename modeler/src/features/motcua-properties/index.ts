import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import { EditorData } from './editor-data.js';
import { MotcuaPropertiesProvider } from './provider.js';

/** bpmn-js's properties panel with its BPMN groups, and ours for mc: and the procedure's facts. */
export const motcuaPropertiesModule = {
  __depends__: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule],
  __init__: ['motcuaPropertiesProvider'],
  motcuaPropertiesProvider: ['type', MotcuaPropertiesProvider],
  motcuaEditorData: ['type', EditorData],
};
