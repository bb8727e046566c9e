import BpmnModdle, { type ModdleElement } from 'bpmn-moddle';
import { moddleExtensions } from '../../server/src/engine/moddle.js';
import { outcomeRoutes as routesOf } from '../../server/src/engine/outcome-routes.js';

/** Where one outcome of a user task leads, as a tester plans a walk through the diagram. */
export interface OutcomeRoute {
  step: string;
  outcome: string;
  ends: boolean;
  loops: boolean;
  distances: Record<string, number>;
}

/** The server's reading of a diagram's outcomes (engine/outcome-routes.ts), from its XML. */
export async function outcomeRoutes(xml: string): Promise<OutcomeRoute[]> {
  const { rootElement } = await new BpmnModdle(moddleExtensions).fromXML(xml);
  return ((rootElement.rootElements as ModdleElement[]) ?? [])
    .filter((e) => e.$type === 'bpmn:Process')
    .flatMap((p) => routesOf((p.flowElements as ModdleElement[]) ?? []))
    .map(({ end, ...route }) => ({ ...route, ends: end !== null }));
}
