import type { DossierEvent } from '@server/dossiers/dossier-events.schema.js';

interface Element {
  id: string;
  type: string;
  businessObject?: { name?: string };
  source?: Element;
  target?: Element;
  incoming?: Element[];
  outgoing?: Element[];
}

const isStep = (el: Element) => /Task$|SubProcess$|EndEvent$|CatchEvent$/.test(el.type);

/**
 * What to mark on the diagram, read from the control-slip events: each event says where the
 * dossier was (the start, or the step just completed) and which steps it went to next; the
 * flows and gateways on the way between them are the path taken. A loop back is marked only
 * when the dossier really went round it.
 */
export function executedPath(elements: Element[], events: DossierEvent[], activeIds: string[]) {
  const byId = new Map(elements.map((el) => [el.id, el]));
  const done = new Set<string>();
  const flows = new Set<string>();
  events.forEach((event, i) => {
    const sources =
      event.type === 'received'
        ? elements.filter((el) => el.type === 'bpmn:StartEvent')
        : event.type === 'step_completed' && event.stepId
          ? [byId.get(event.stepId)]
          : [];
    const names = new Set('nextSteps' in event.details ? event.details.nextSteps : []);
    const following = events[i + 1];
    const endId = following?.type === 'finished' ? following.stepId : null;
    const isTarget = (el: Element) =>
      el.id === endId || (!!el.businessObject?.name && names.has(el.businessObject.name));
    for (const source of sources) {
      if (!source) continue;
      done.add(source.id);
      walk(source, isTarget, new Set(), done, flows);
    }
    if (event.type === 'finished' && event.stepId) done.add(event.stepId);
  });
  const active = activeIds.filter((id) => byId.has(id));
  return { done: [...done].filter((id) => !active.includes(id)), active, flows: [...flows] };
}

/** Marks the flows from `from` (through gateways and throw events) that reach a target; true if any does. */
function walk(
  from: Element,
  isTarget: (el: Element) => boolean,
  seen: Set<string>,
  done: Set<string>,
  flows: Set<string>,
): boolean {
  let reached = false;
  for (const flow of from.outgoing ?? []) {
    const next = flow.target;
    if (!next || seen.has(next.id)) continue;
    const hit =
      isTarget(next) || (!isStep(next) && walk(next, isTarget, new Set([...seen, next.id]), done, flows));
    if (hit) {
      flows.add(flow.id);
      if (!isStep(next)) done.add(next.id);
      reached = true;
    }
  }
  return reached;
}
