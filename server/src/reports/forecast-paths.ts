import BpmnModdle, { type ModdleElement } from 'bpmn-moddle';
import { budgetHours, flowGraph, longestPath, type FlowGraph } from '../engine/budget-paths.js';
import { moddleExtensions } from '../engine/moddle.js';
import type { ProcedureSteps } from '../db/procedure-content.schema.js';
import type { ForecastStep } from './forecast.schema.js';

/** A procedure version as the forecast reads it. */
export interface ForecastVersion {
  checksum: string;
  bpmn: string;
  steps: ProcedureSteps;
}

/** Historical median of each step's total time (waiting + working), in working hours. */
export type StepMedians = ReadonlyMap<string, number>;

// Content never changes under a checksum (as in engine/definitions.ts), so a parsed diagram
// never goes stale; the forecast parses each version once per server, not once per request.
const parsed = new Map<string, Promise<Record<string, ModdleElement>>>();

function elementsOf(version: ForecastVersion): Promise<Record<string, ModdleElement>> {
  let elements = parsed.get(version.checksum);
  if (!elements) {
    elements = new BpmnModdle(moddleExtensions).fromXML(version.bpmn).then((r) => r.elementsById);
    parsed.set(version.checksum, elements);
  }
  return elements;
}

/**
 * The remaining path of a dossier from one open step to an end: the longest by the steps'
 * historical medians (a step with no history counts its budget), loops back not followed, as
 * the deploy's budget check walks it. The open step comes first; its hours are its full median.
 */
export async function remainingPath(
  version: ForecastVersion,
  elementId: string,
  medians: StepMedians,
): Promise<ForecastStep[]> {
  const node = (await elementsOf(version))[elementId];
  const container = node?.$parent as ModdleElement | undefined;
  if (!node || !container) return [];
  const hoursOf = (id: string) => stepHours(version.steps, medians, id);
  const graph = forwardFrom(flowGraph(container), node);
  return longestPath(graph, (n) => hoursOf(n.id as string))
    .path.filter((id) => id in version.steps.userTasks)
    .map((id) => ({ elementId: id, name: version.steps.userTasks[id]!.name, hours: hoursOf(id) }));
}

function stepHours(steps: ProcedureSteps, medians: StepMedians, id: string): number {
  const step = steps.userTasks[id];
  if (!step) return 0;
  return medians.get(id) ?? budgetHours(step.budget);
}

/**
 * The graph from `node` on without its loops back. Which flows loop back is decided by a walk
 * from the start events: walked from the open step, a leader's "return to review" would be the
 * longest way forward, and the forecast would send every dossier back for rework.
 */
function forwardFrom(graph: FlowGraph, node: ModdleElement): FlowGraph {
  const back = new Set<string>();
  const seen = new Set<ModdleElement>();
  const onStack = new Set<ModdleElement>();
  const visit = (from: ModdleElement): void => {
    seen.add(from);
    onStack.add(from);
    for (const to of graph.successors(from)) {
      if (onStack.has(to)) back.add(edge(from, to));
      else if (!seen.has(to)) visit(to);
    }
    onStack.delete(from);
  };
  graph.starts.forEach(visit);
  const successors = (from: ModdleElement) =>
    graph.successors(from).filter((to) => !back.has(edge(from, to)));
  return { ...graph, starts: [node], successors };
}

function edge(from: ModdleElement, to: ModdleElement): string {
  return `${from.id as string}\u0000${to.id as string}`;
}
