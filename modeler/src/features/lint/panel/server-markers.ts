import type Modeler from 'bpmn-js/lib/Modeler';
import type { BpmnProblem } from '@server/engine/bpmn-inspection.js';

interface Canvas {
  addMarker(id: string, marker: string): void;
  removeMarker(id: string, marker: string): void;
}
interface Overlays {
  add(id: string, type: string, overlay: { position: object; html: HTMLElement }): string;
  remove(filter: { type: string }): void;
}
interface ElementRegistry {
  get(id: string): unknown;
}

const MARKER = 'motcua-server-problem';
const OVERLAY = 'motcua-server-problem';

/**
 * Marks on the canvas each element a deploy's 422 named, with the server's words on hover and
 * for screen readers; `previous` are the ids marked before, unmarked first. Answers the ids marked.
 */
export function markServerProblems(modeler: Modeler, problems: BpmnProblem[], previous: string[]): string[] {
  const canvas = modeler.get<Canvas>('canvas');
  const overlays = modeler.get<Overlays>('overlays');
  const registry = modeler.get<ElementRegistry>('elementRegistry');
  for (const id of previous) if (registry.get(id)) canvas.removeMarker(id, MARKER);
  overlays.remove({ type: OVERLAY });
  const marked = new Map<string, string[]>();
  for (const { elementId, message } of problems) {
    if (elementId && registry.get(elementId))
      marked.set(elementId, [...(marked.get(elementId) ?? []), message]);
  }
  for (const [id, messages] of marked) {
    canvas.addMarker(id, MARKER);
    const badge = document.createElement('span');
    badge.className = 'motcua-server-badge';
    badge.textContent = '!';
    badge.title = messages.join('\n');
    overlays.add(id, OVERLAY, { position: { top: -10, left: -10 }, html: badge });
  }
  return [...marked.keys()];
}
