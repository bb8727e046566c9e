import type { ModdleElement } from 'bpmn-moddle';

/** Where one outcome of a user task leads: to an end event, back to the task itself, or on. */
export interface OutcomeRoute {
  step: string;
  outcome: string;
  /** The end event it reaches next, if the outcome's flow ends the process there. */
  end: ModdleElement | null;
  /**
   * The outcome sends the work back: it leads to a step no further from the start than this
   * one (a leader returning a draft), or to one that comes straight back here with no decision
   * between (copies handed in again, a supplement).
   */
  loops: boolean;
  /** How many flows from where the outcome leads to each element it can reach (0: that element). */
  distances: Record<string, number>;
}

const OUTCOME_CONDITION = /^\s*=?\s*outcome\s*=\s*"([^"]+)"\s*$/;

/**
 * For each outcome of each user task of a process: the flow out of the exclusive gateway after
 * the task whose FEEL condition is `outcome = "…"` for it (else the gateway's default), and
 * where that flow leads.
 */
export function outcomeRoutes(flowElements: ModdleElement[]): OutcomeRoute[] {
  const flows = flowElements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const outOf = (node: ModdleElement) => flows.filter((f) => f.sourceRef === node);
  const routes: OutcomeRoute[] = [];
  const starts = flowElements.filter((e) => e.$type === 'bpmn:StartEvent');
  const fromStart = distancesFrom(starts, outOf);
  const undecided = (node: ModdleElement) => (outOf(node).length > 1 ? [] : outOf(node));
  for (const task of flowElements.filter((e) => e.$type === 'bpmn:UserTask')) {
    const gateway = outOf(task)
      .map((f) => f.targetRef as ModdleElement)
      .find((n) => n.$type === 'bpmn:ExclusiveGateway');
    for (const outcome of splitOutcomes(task.get('mc:outcomes'))) {
      // A condition naming the outcome among other terms (`outcome = "x" and area <= 250`)
      // decides at run time: where the outcome leads is not known, so it gets no route.
      const named = gateway && outOf(gateway).some((f) => conditionBody(f).includes(`"${outcome}"`));
      if (named && !outOf(gateway).some((f) => conditionOutcome(f) === outcome)) continue;
      const flow =
        (gateway &&
          (outOf(gateway).find((f) => conditionOutcome(f) === outcome) ??
            (gateway.default as ModdleElement | undefined))) ||
        outOf(task)[0];
      const target = flow?.targetRef as ModdleElement | undefined;
      const distances = target ? distancesFrom([target], outOf) : {};
      const id = task.id as string;
      const upstream = !!target && (fromStart[target.id as string] ?? Infinity) <= (fromStart[id] ?? -1);
      const straightBack = !!target && id in distancesFrom([target], undecided);
      routes.push({
        step: id,
        outcome,
        end: target?.$type === 'bpmn:EndEvent' ? target : null,
        loops: id in distances && (upstream || straightBack),
        distances,
      });
    }
  }
  return routes;
}

function splitOutcomes(value: unknown): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)
    : [];
}

function conditionBody(flow: ModdleElement): string {
  return ((flow.conditionExpression as ModdleElement | undefined)?.body as string | undefined) ?? '';
}

function conditionOutcome(flow: ModdleElement): string | null {
  return OUTCOME_CONDITION.exec(conditionBody(flow))?.[1] ?? null;
}

/** Flows from the nearest of `from` to each element reachable along `outOf`'s flows. */
function distancesFrom(
  from: ModdleElement[],
  outOf: (node: ModdleElement) => ModdleElement[],
): Record<string, number> {
  const distances: Record<string, number> = {};
  let frontier = from;
  for (let depth = 0; frontier.length; depth++) {
    const next: ModdleElement[] = [];
    for (const node of frontier) {
      if ((node.id as string) in distances) continue;
      distances[node.id as string] = depth;
      next.push(...outOf(node).map((f) => f.targetRef as ModdleElement));
    }
    frontier = next;
  }
  return distances;
}
