import type { ModdleElement } from 'bpmn-moddle';
import startEventRequired from 'bpmnlint/rules/start-event-required.js';
import endEventRequired from 'bpmnlint/rules/end-event-required.js';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event.js';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start.js';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end.js';
import noDisconnected from 'bpmnlint/rules/no-disconnected.js';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split.js';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork.js';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows.js';
import conditionalFlows from 'bpmnlint/rules/conditional-flows.js';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition.js';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event.js';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event.js';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway.js';
import linkEvent from 'bpmnlint/rules/link-event.js';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process.js';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway.js';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway.js';
import globalRule from 'bpmnlint/rules/global.js';
import noBpmndi from 'bpmnlint/rules/no-bpmndi.js';
import type { LintRule } from './motcua-rules/diagram.js';

type RuleFactory = (config?: unknown) => LintRule;

/**
 * Out of an exclusive gateway our own rule (bpmn-inspection) already names a flow without a
 * condition, more strictly (FEEL, the default flow); bpmnlint's rule keeps tasks and inclusive gateways.
 */
function outsideExclusiveGateways(factory: RuleFactory): RuleFactory {
  return (config) => {
    const rule = factory(config);
    return {
      check(node: ModdleElement, reporter) {
        if (node.$type !== 'bpmn:ExclusiveGateway') rule.check(node, reporter);
      },
    };
  };
}

/**
 * bpmnlint's rules that lint-rules.ts turns on, imported one by one: the browser's bundle cannot
 * require a rule by name, and the server never loads one a diagram or a request names.
 */
export const bpmnlintRules: Record<string, RuleFactory> = {
  'start-event-required': startEventRequired,
  'end-event-required': endEventRequired,
  'single-blank-start-event': singleBlankStartEvent,
  'no-implicit-start': noImplicitStart,
  'no-implicit-end': noImplicitEnd,
  'no-disconnected': noDisconnected,
  'no-implicit-split': noImplicitSplit,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'conditional-flows': outsideExclusiveGateways(conditionalFlows),
  'single-event-definition': singleEventDefinition,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'event-based-gateway': eventBasedGateway,
  'link-event': linkEvent,
  'ad-hoc-sub-process': adHocSubProcess,
  'no-complex-gateway': noComplexGateway,
  'no-inclusive-gateway': noInclusiveGateway,
  global: globalRule,
  'no-bpmndi': noBpmndi,
};
