import type { ModdleElement } from 'bpmn-moddle';

/**
 * A node's <incoming>/<outgoing> lists repeat what each flow's sourceRef/targetRef already says,
 * and hand-written diagrams often leave them out; the rules read them, so fill in what is missing.
 * Deploy does it after parsing, the modeler after each import (bpmn-js writes them back on save).
 */
export function linkFlowNodes(definitions: ModdleElement): void {
  for (const flow of sequenceFlows(definitions)) {
    const link = (node: unknown, list: 'incoming' | 'outgoing') => {
      const flows = (node as ModdleElement | undefined)?.get(list) as ModdleElement[] | undefined;
      if (flows && !flows.includes(flow)) flows.push(flow);
    };
    link(flow.sourceRef, 'outgoing');
    link(flow.targetRef, 'incoming');
  }
}

function sequenceFlows(definitions: ModdleElement): ModdleElement[] {
  const walk = (container: ModdleElement): ModdleElement[] =>
    ((container.flowElements as ModdleElement[] | undefined) ?? []).flatMap((e) =>
      e.$type === 'bpmn:SequenceFlow' ? [e] : e.flowElements ? walk(e) : [],
    );
  return ((definitions.rootElements as ModdleElement[] | undefined) ?? []).flatMap(walk);
}
