import type { ModdleElement } from 'bpmn-moddle';
import type { DurationUnit } from '@server/db/procedure-content.schema.js';
import {
  budgetHours,
  flowGraph,
  longestPath,
  startToEndPaths,
  taskBudget,
  type BudgetPath,
  type FlowGraph,
} from '../../../../server/src/engine/budget-paths.js';

/** The working day the analysis counts in, for the panel's "(3 ngày)". */
export { HOURS_PER_WORKING_DAY } from '../../../../server/src/calendar/working-time.js';

/** How many paths the panel lists: the longest ones, which are the ones that can be late. */
export const LISTED_PATHS = 20;

/** A work step; `hours` is null when the step has no budget. */
export interface StepView {
  id: string;
  name: string;
  hours: number | null;
}

export interface PathView {
  hours: number;
  /** Every node id along the path, events and gateways included (for the canvas markers). */
  nodes: string[];
  steps: StepView[];
  /** The path a deploy checks against the legal duration (budget-paths.ts longestPath). */
  longest: boolean;
}

export interface DeadlineAnalysis {
  /** The legal duration in working hours. */
  limit: number;
  paths: PathView[];
  count: number;
  complete: boolean;
  longest: string[];
  noBudget: StepView[];
  overStep: StepView[];
  /** Work steps on a listed path whose sum exceeds the legal duration. */
  latePath: string[];
}

/**
 * The deadlines of every process in the diagram, computed by the same module as the deploy
 * rule: paths from start to end with their summed step budgets, the longest one, and the steps
 * that cannot fit the legal duration.
 */
export function analyseDeadlines(
  definitions: ModdleElement,
  legal: { amount: number; unit: DurationUnit },
): DeadlineAnalysis {
  const limit = budgetHours(legal);
  const graphs = processesOf(definitions).map(flowGraph);
  const byId = new Map(graphs.flatMap((g) => g.nodes.map((n) => [n.id as string, n] as const)));
  const hoursOf = (node: ModdleElement) => budgetHours(taskBudget(node));
  const listings = graphs.map((g) => startToEndPaths(g, hoursOf, { keep: LISTED_PATHS }));
  const longest = longestOf(graphs, hoursOf);
  const paths = listings
    .flatMap((l) => l.paths)
    .sort((a, b) => b.hours - a.hours)
    .slice(0, LISTED_PATHS)
    .map((p) => pathView(p, byId, longest));
  const steps = graphs.flatMap((g) => g.nodes.filter(isWorkStep)).map(stepView);
  return {
    limit,
    paths,
    count: listings.reduce((sum, l) => sum + l.count, 0),
    complete: listings.every((l) => l.complete),
    longest: longest.path,
    noBudget: steps.filter((s) => s.hours === null),
    overStep: steps.filter((s) => (s.hours ?? 0) > limit),
    latePath: [...new Set(paths.filter((p) => p.hours > limit).flatMap((p) => p.steps.map((s) => s.id)))],
  };
}

function processesOf(definitions: ModdleElement): ModdleElement[] {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  return roots.filter((r) => r.$type === 'bpmn:Process');
}

function longestOf(graphs: FlowGraph[], hoursOf: (n: ModdleElement) => number): BudgetPath {
  return graphs
    .map((g) => longestPath(g, hoursOf))
    .reduce<BudgetPath>((a, b) => (b.hours > a.hours ? b : a), { hours: 0, path: [] });
}

function pathView(path: BudgetPath, byId: Map<string, ModdleElement>, longest: BudgetPath): PathView {
  const nodes = path.path.map((id) => byId.get(id)!);
  return {
    hours: path.hours,
    nodes: path.path,
    steps: nodes.filter(isWorkStep).map(stepView),
    longest: path.path.join(' ') === longest.path.join(' '),
  };
}

function isWorkStep(node: ModdleElement): boolean {
  return node.$type === 'bpmn:UserTask';
}

function stepView(node: ModdleElement): StepView {
  const budget = taskBudget(node);
  return {
    id: node.id as string,
    name: node.name || (node.id as string),
    hours: budget && budgetHours(budget),
  };
}
