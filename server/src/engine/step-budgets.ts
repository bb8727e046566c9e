import type { ModdleElement } from 'bpmn-moddle';
import type { WorkingUnit } from '../calendar/working-time.js';
import type { BpmnProblem, ProcedureSteps } from './bpmn-inspection.js';
import { budgetHours, flowGraph, longestPath } from './budget-paths.js';

export { budgetHours };

/**
 * Step budgets must fit the legal duration: each step alone, and the steps along the longest
 * path from a start event to an end (loops back are not followed: a dossier sent back for rework
 * is late by its own doing, not by the design). The paths are budget-paths.ts, which the
 * modeler's deadlines panel runs too.
 */
export function budgetProblems(
  process: ModdleElement,
  steps: ProcedureSteps,
  legal: { amount: number; unit: WorkingUnit },
): BpmnProblem[] {
  const limit = budgetHours(legal);
  const hoursOf = (node: ModdleElement) => budgetHours(steps.userTasks[node.id as string]?.budget ?? null);
  const problems: BpmnProblem[] = [];
  const graph = flowGraph(process);
  for (const node of graph.nodes) {
    if (hoursOf(node) > limit) {
      problems.push({
        elementId: node.id ?? null,
        message: `Step budget of ${hoursOf(node)} working hours exceeds the legal duration of ${limit} working hours`,
      });
    }
  }
  const longest = longestPath(graph, hoursOf);
  if (longest.hours > limit && longest.path.length) {
    problems.push({
      elementId: longest.path.at(-1)!,
      message: `Step budgets along ${longest.path.join(' → ')} add up to ${longest.hours} working hours, more than the legal duration of ${limit}`,
    });
  }
  return problems;
}
