import BpmnModdle, { type ModdleElement } from 'bpmn-moddle';
import { moddleExtensions } from '../../server/src/engine/moddle.js';

/** Where one outcome of a user task leads: to an end event, back to the task itself, or on. */
export interface OutcomeRoute {
  step: string;
  outcome: string;
  ends: boolean;
  loops: boolean;
  /** How many flows from where the outcome leads to each element it can reach (0: that element). */
  distances: Record<string, number>;
}

const OUTCOME_CONDITION = /outcome\s*=\s*"([^"]+)"/;

/**
 * Reads a diagram as a tester plans a walk through it: for each outcome of each user task, the
 * flow out of the exclusive gateway after it whose FEEL condition names the outcome (else the
 * gateway's default), and whether that flow ends the process or comes back to the task.
 */
export async function outcomeRoutes(xml: string): Promise<OutcomeRoute[]> {
  const { rootElement } = await new BpmnModdle(moddleExtensions).fromXML(xml);
  const elements = ((rootElement.rootElements as ModdleElement[]) ?? [])
    .filter((e) => e.$type === 'bpmn:Process')
    .flatMap((p) => (p.flowElements as ModdleElement[]) ?? []);
  const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
  const outOf = (node: ModdleElement) => flows.filter((f) => f.sourceRef === node);
  const routes: OutcomeRoute[] = [];
  for (const task of elements.filter((e) => e.$type === 'bpmn:UserTask')) {
    const outcomes = String(task.get('mc:outcomes') ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean);
    const gateway = outOf(task)
      .map((f) => f.targetRef as ModdleElement)
      .find((n) => n.$type === 'bpmn:ExclusiveGateway');
    for (const outcome of outcomes) {
      const flow =
        (gateway &&
          (outOf(gateway).find((f) => conditionOutcome(f) === outcome) ??
            (gateway.default as ModdleElement | undefined))) ||
        outOf(task)[0];
      const target = flow?.targetRef as ModdleElement | undefined;
      const distances = target ? distancesFrom(target, outOf) : {};
      routes.push({
        step: task.id as string,
        outcome,
        ends: target?.$type === 'bpmn:EndEvent',
        loops: (task.id as string) in distances,
        distances,
      });
    }
  }
  return routes;
}

function conditionOutcome(flow: ModdleElement): string | null {
  const body = (flow.conditionExpression as ModdleElement | undefined)?.body as string | undefined;
  return body ? (OUTCOME_CONDITION.exec(body)?.[1] ?? null) : null;
}

function distancesFrom(
  from: ModdleElement,
  outOf: (node: ModdleElement) => ModdleElement[],
): Record<string, number> {
  const distances: Record<string, number> = {};
  let frontier = [from];
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
