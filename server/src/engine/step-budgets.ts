import type { ModdleElement } from 'bpmn-moddle';
import { HOURS_PER_WORKING_DAY, type WorkingUnit } from '../calendar/working-time.js';
import type { BpmnProblem, ProcedureSteps, StepBudget } from './bpmn-inspection.js';

export function budgetHours(budget: StepBudget | null): number {
  if (!budget) return 0;
  return budget.unit === 'days' ? budget.amount * HOURS_PER_WORKING_DAY : budget.amount;
}

/**
 * Step budgets must fit the legal duration: each step alone, and the steps along the longest
 * path from a start event to an end (loops back are not followed: a dossier sent back for rework
 * is late by its own doing, not by the design).
 */
export function budgetProblems(
  process: ModdleElement,
  steps: ProcedureSteps,
  legal: { amount: number; unit: WorkingUnit },
): BpmnProblem[] {
  const limit = budgetHours(legal);
  const hoursOf = (node: ModdleElement) => budgetHours(steps.userTasks[node.id as string]?.budget ?? null);
  const problems: BpmnProblem[] = [];
  for (const node of nodesOf(process)) {
    if (hoursOf(node) > limit) {
      problems.push({
        elementId: node.id ?? null,
        message: `Step budget of ${hoursOf(node)} working hours exceeds the legal duration of ${limit} working hours`,
      });
    }
  }
  const nodes = nodesOf(process);
  const boundaries = new Map<ModdleElement, ModdleElement[]>();
  for (const event of nodes.filter((n) => n.attachedToRef)) {
    const host = event.attachedToRef as ModdleElement;
    boundaries.set(host, [...(boundaries.get(host) ?? []), event]);
  }
  const successors = (node: ModdleElement) => [
    ...((node.outgoing as ModdleElement[] | undefined) ?? [])
      .map((f) => f.targetRef as ModdleElement)
      .filter(Boolean),
    ...(boundaries.get(node) ?? []),
  ];
  const longest = longestPath(
    nodes.filter((n) => n.$type === 'bpmn:StartEvent'),
    successors,
    hoursOf,
  );
  if (longest.hours > limit && longest.path.length) {
    problems.push({
      elementId: longest.path.at(-1)!,
      message: `Step budgets along ${longest.path.join(' → ')} add up to ${longest.hours} working hours, more than the legal duration of ${limit}`,
    });
  }
  return problems;
}

interface Path {
  hours: number;
  path: string[];
}

/** Longest path by budget over the flow graph with back edges (loops) removed, by one DFS. */
function longestPath(
  starts: ModdleElement[],
  successors: (n: ModdleElement) => ModdleElement[],
  hoursOf: (n: ModdleElement) => number,
): Path {
  const best = new Map<ModdleElement, Path>();
  const onStack = new Set<ModdleElement>();
  const visit = (node: ModdleElement): Path => {
    const known = best.get(node);
    if (known) return known;
    onStack.add(node);
    let tail: Path = { hours: 0, path: [] };
    for (const next of successors(node)) {
      if (onStack.has(next)) continue;
      const candidate = visit(next);
      if (candidate.hours > tail.hours || !tail.path.length) tail = candidate;
    }
    onStack.delete(node);
    const result = { hours: hoursOf(node) + tail.hours, path: [node.id as string, ...tail.path] };
    best.set(node, result);
    return result;
  };
  return starts.map(visit).reduce<Path>((a, b) => (b.hours > a.hours ? b : a), { hours: 0, path: [] });
}

function nodesOf(process: ModdleElement): ModdleElement[] {
  return ((process.flowElements as ModdleElement[] | undefined) ?? []).filter(
    (e) => e.$type !== 'bpmn:SequenceFlow',
  );
}
