import { inspectDiagram } from '../../bpmn-inspection.js';
import { definitionsRule } from './diagram.js';

/**
 * What the runtime needs of every element (bpmn-inspection): no script, a department for each
 * user task, FEEL conditions and timers it can afford, national status codes, named messages.
 */
export default function diagramRules() {
  return definitionsRule((definitions) => inspectDiagram(definitions).problems);
}
