import diagramRules from './diagram-rules.js';
import stepBudgets from './step-budgets.js';
import stepFields from './step-fields.js';

/**
 * Our bpmnlint plugin (`motcua/<rule>` in a config), imported statically so the browser's
 * bundle carries every rule: nothing is required by name at run time.
 */
export const motcuaRules = {
  'diagram-rules': diagramRules,
  'step-budgets': stepBudgets,
  'step-fields': stepFields,
} as const;

export type MotcuaRuleName = keyof typeof motcuaRules;
