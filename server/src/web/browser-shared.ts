/**
 * Server modules the page runs on purpose, browser-safe and shared with the server (paths under
 * server/src): the validator runtime's (client/src/composables/validator-runtime.ts) and the one
 * rule set deploy and the modeler run (engine/lint/lint-config.ts, with the checks its rules
 * call, and the step-budget paths the deadlines panel runs too), and the column order of report
 * II.06a the screen's table and the workbook share. The client's build refuses any
 * other server module; a change to one of these makes the built client stale.
 */
export const BROWSER_SHARED = [
  'http/linear-regexp.ts',
  'http/validator-runtime-names.ts',
  'engine/lint/lint-config.ts',
  'engine/lint/lint-rules.ts',
  'engine/lint/bpmnlint-rules.ts',
  'engine/lint/lint-problems.ts',
  'engine/lint/flow-links.ts',
  'engine/lint/motcua-rules/index.ts',
  'engine/lint/motcua-rules/diagram.ts',
  'engine/lint/motcua-rules/diagram-rules.ts',
  'engine/lint/motcua-rules/step-budgets.ts',
  'engine/lint/motcua-rules/step-fields.ts',
  'engine/bpmn-inspection.ts',
  'engine/feel.ts',
  'engine/outcome-routes.ts',
  'engine/step-budgets.ts',
  'engine/budget-paths.ts',
  'engine/step-fields.ts',
  'calendar/working-time.ts',
  'db/roles.schema.ts',
  'reports/ii06a-columns.ts',
] as const;
