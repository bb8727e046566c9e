import type { ModdleElement, ParseResult } from 'bpmn-moddle';
import type { BpmnProblem } from './bpmn-inspection.js';

/**
 * Takes out of the parsed model the message flows the engine cannot route and returns a
 * warning for each. A message flow to or from a pool without a process (Camunda Modeler's
 * collapsed "citizen" pool) or an element inside a sub-process only documents who talks to
 * whom: messages reach a dossier through POST /api/dossiers/:code/messages by their name. Left
 * in, moddle-context-serializer throws on them (it looks each end up as a top-level element of
 * a process), which made ordinary Camunda exports fail to deploy.
 */
export function detachUnroutableMessageFlows(parsed: ParseResult): BpmnProblem[] {
  const warnings: BpmnProblem[] = [];
  const roots = (parsed.rootElement.rootElements as ModdleElement[] | undefined) ?? [];
  const topLevel = new Set(
    roots
      .filter((r) => r.$type === 'bpmn:Process')
      .flatMap((p) => ((p.flowElements as ModdleElement[] | undefined) ?? []).map((e) => e.id)),
  );
  const routable = (end: unknown): boolean => {
    const element = end as ModdleElement | undefined;
    if (!element?.id) return false;
    if (element.$type === 'bpmn:Participant')
      return Boolean((element.processRef as ModdleElement | undefined)?.id);
    return element.$type === 'bpmn:Process' || topLevel.has(element.id);
  };
  for (const collaboration of roots.filter((r) => r.$type === 'bpmn:Collaboration')) {
    const flows = (collaboration.messageFlows as ModdleElement[] | undefined) ?? [];
    const kept = flows.filter((flow) => routable(flow.sourceRef) && routable(flow.targetRef));
    for (const flow of flows.filter((f) => !kept.includes(f))) {
      warnings.push({
        elementId: flow.id ?? null,
        message:
          'Message flow joins a pool without a process or an element inside a sub-process; it is kept in the drawing, and the engine ignores it',
      });
    }
    if (kept.length !== flows.length) flows.splice(0, flows.length, ...kept);
  }
  return warnings;
}
