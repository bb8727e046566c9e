/**
 * bpmnlint's recommended rules and how each counts at deploy: 'error' refuses the diagram,
 * 'off' ignores it. There is no 'warn': a deploy either runs as drawn or is refused with reasons.
 */
export const LINT_RULES: Record<string, 'error' | 'off'> = {
  // Structure the engine needs to run a dossier from start to end.
  'start-event-required': 'error',
  'end-event-required': 'error',
  'single-blank-start-event': 'error',
  'no-implicit-start': 'error',
  'no-implicit-end': 'error',
  'no-disconnected': 'error',
  'no-implicit-split': 'error',
  'no-gateway-join-fork': 'error',
  'no-duplicate-sequence-flows': 'error',
  // Conditions out of tasks and inclusive gateways; out of exclusive gateways our stricter rule applies.
  'conditional-flows': 'error',
  'single-event-definition': 'error',
  'sub-process-blank-start-event': 'error',
  'event-sub-process-typed-start-event': 'error',
  'event-based-gateway': 'error',
  'link-event': 'error',
  'ad-hoc-sub-process': 'error',
  'no-complex-gateway': 'error',
  // Recommended as a warning; an error here because inclusive joins are not exercised by the runtime's tests.
  'no-inclusive-gateway': 'error',
  // Messages are matched by name (POST /api/dossiers/:code/messages): each must be named, used and unique.
  global: 'error',
  // A version the modeler cannot open (no layout) cannot be changed by a designer: refused.
  'no-bpmndi': 'error',
  // Noisy for diagrams from other modelers (unlabelled start events, flows, gateways); tasks without
  // a name show their id in the inbox, which is ugly but not wrong.
  'label-required': 'off',
  // A loop back drawn as a second flow into a task is how officers draw "return for rework";
  // bpmn-engine starts the task on whichever flow arrives, as an exclusive merge would.
  'fake-join': 'off',
  // Layout and style only: they do not change how a dossier runs.
  'no-overlapping-elements': 'off',
  'superfluous-gateway': 'off',
  'superfluous-label': 'off',
  'superfluous-termination': 'off',
};
