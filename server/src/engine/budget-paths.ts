/**
 * Step budgets along the paths of a process, read from its moddle elements. Browser-safe (no
 * node: imports, types only from the server): the deploy rule (step-budgets.ts) and the
 * designer's deadlines panel (modeler/src/features/deadlines) run this same code, so the path
 * the modeler highlights is the path a deploy checks.
 */
import type { ModdleElement } from 'bpmn-moddle';
import { HOURS_PER_WORKING_DAY } from '../calendar/working-time.js';
import type { StepBudget } from '../db/procedure-content.schema.js';

/** A budget in working hours (a working day is HOURS_PER_WORKING_DAY); no budget counts 0. */
export function budgetHours(budget: StepBudget | null): number {
  if (!budget) return 0;
  return budget.unit === 'days' ? budget.amount * HOURS_PER_WORKING_DAY : budget.amount;
}

/** `mc:budget` text: "3d" working days, "4h" working hours; null when it is neither. */
export function budgetFromText(text: string): StepBudget | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(d|h)\s*$/.exec(text);
  if (!match) return null;
  return { amount: Number(match[1]), unit: match[2] === 'd' ? 'days' : 'hours' };
}

/** An ISO 8601 duration (P3D, PT4H, P1DT2H) read as working time; null for anything else. */
export function isoBudget(value: unknown): StepBudget | null {
  if (typeof value !== 'string') return null;
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/.exec(value.trim());
  if (!match || !(match[1] || match[2] || match[3])) return null;
  const [days, hours, minutes] = [match[1], match[2], match[3]].map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
  ];
  if (!hours && !minutes) return { amount: days, unit: 'days' };
  return { amount: days * HOURS_PER_WORKING_DAY + hours + minutes / 60, unit: 'hours' };
}

/** A user task's budget as a deploy reads it: `mc:budget`, else an ISO `camunda:dueDate`. */
export function taskBudget(task: ModdleElement): StepBudget | null {
  if (task.$type !== 'bpmn:UserTask') return null;
  const text = task.get('mc:budget') as string | undefined;
  return text === undefined ? isoBudget(task.get('camunda:dueDate')) : budgetFromText(text);
}

/** The flow nodes of one process and where a token may go next from each. */
export interface FlowGraph {
  nodes: ModdleElement[];
  starts: ModdleElement[];
  /** Targets of the outgoing sequence flows, then the boundary events attached to the node. */
  successors(node: ModdleElement): ModdleElement[];
}

export function flowGraph(process: ModdleElement): FlowGraph {
  const nodes = ((process.flowElements as ModdleElement[] | undefined) ?? []).filter(
    (e) => e.$type !== 'bpmn:SequenceFlow',
  );
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
  return { nodes, starts: nodes.filter((n) => n.$type === 'bpmn:StartEvent'), successors };
}

/** A path of node ids and the sum of their budgets in working hours. */
export interface BudgetPath {
  hours: number;
  path: string[];
}

/**
 * The longest path by budget over the flow graph with back edges (loops) removed, by one DFS:
 * a dossier sent back for rework is late by its own doing, not by the design.
 */
export function longestPath(graph: FlowGraph, hoursOf: (n: ModdleElement) => number): BudgetPath {
  const best = new Map<ModdleElement, BudgetPath>();
  const onStack = new Set<ModdleElement>();
  const visit = (node: ModdleElement): BudgetPath => {
    const known = best.get(node);
    if (known) return known;
    onStack.add(node);
    let tail: BudgetPath = { hours: 0, path: [] };
    for (const next of graph.successors(node)) {
      if (onStack.has(next)) continue;
      const candidate = visit(next);
      if (candidate.hours > tail.hours || !tail.path.length) tail = candidate;
    }
    onStack.delete(node);
    const result = { hours: hoursOf(node) + tail.hours, path: [node.id as string, ...tail.path] };
    best.set(node, result);
    return result;
  };
  return graph.starts
    .map(visit)
    .reduce<BudgetPath>((a, b) => (b.hours > a.hours ? b : a), { hours: 0, path: [] });
}

export interface PathListing {
  /** The longest paths first, at most `keep` of them. */
  paths: BudgetPath[];
  /** How many start→end paths were found. */
  count: number;
  /** False when the search stopped at `maxCount` paths or `maxSteps` steps: there are more. */
  complete: boolean;
}

/**
 * Every simple path (each node once, so a loop back is never taken) from a start event to a node
 * with nowhere to go. Their number grows exponentially with parallel branches, so the search
 * stops after `maxCount` paths or `maxSteps` node visits and says so.
 */
export function startToEndPaths(
  graph: FlowGraph,
  hoursOf: (n: ModdleElement) => number,
  { keep = 20, maxCount = 1000, maxSteps = 100_000 } = {},
): PathListing {
  const listing: PathListing = { paths: [], count: 0, complete: true };
  const onPath = new Set<ModdleElement>();
  const trail: ModdleElement[] = [];
  let steps = 0;
  const visit = (node: ModdleElement, hours: number): void => {
    if (!listing.complete) return;
    if (++steps > maxSteps || listing.count >= maxCount) {
      listing.complete = false;
      return;
    }
    onPath.add(node);
    trail.push(node);
    const total = hours + hoursOf(node);
    const next = graph.successors(node);
    if (!next.length) keepPath(listing, { hours: total, path: trail.map((n) => n.id as string) }, keep);
    for (const n of next) if (!onPath.has(n)) visit(n, total);
    trail.pop();
    onPath.delete(node);
  };
  for (const start of graph.starts) visit(start, 0);
  return listing;
}

function keepPath(listing: PathListing, path: BudgetPath, keep: number): void {
  listing.count += 1;
  const at = listing.paths.findIndex((p) => p.hours < path.hours);
  listing.paths.splice(at === -1 ? listing.paths.length : at, 0, path);
  if (listing.paths.length > keep) listing.paths.pop();
}
