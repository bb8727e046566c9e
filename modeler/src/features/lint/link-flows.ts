import type { ModdleElement } from 'bpmn-moddle';
import { linkFlowNodes } from './rule-set.js';

interface EventBus {
  on(event: string, priority: number, callback: (event: { definitions?: ModdleElement }) => void): void;
}

/**
 * Fills in the <incoming>/<outgoing> lists a hand-written diagram leaves out, as deploy does
 * after parsing, before bpmn-js draws it: bpmnlint's rules read them, so the canvas and deploy
 * then find the same problems. bpmn-js writes the lists back on save, as Camunda Modeler does.
 */
export function LinkFlowsOnImport(eventBus: EventBus): void {
  eventBus.on('import.parse.complete', 1500, ({ definitions }) => {
    if (definitions) linkFlowNodes(definitions);
  });
}

LinkFlowsOnImport.$inject = ['eventBus'];
