import type { FormSchema } from '../../db/procedure-content.schema.js';
import { bpmnlintRules } from './bpmnlint-rules.js';
import { LINT_RULES } from './lint-rules.js';
import { motcuaRules } from './motcua-rules/index.js';
import type { StepBudgetsConfig } from './motcua-rules/step-budgets.js';

/** What a procedure adds to its diagram for the rules: each rule that needs it runs only with it. */
export interface LintContext {
  legal?: StepBudgetsConfig['legal'];
  formSchema?: FormSchema;
}

const PLUGIN = 'bpmnlint-plugin-motcua';

/**
 * Serves the rules of both packages from static imports: the browser cannot require a rule by
 * name, and no config can name a rule outside these two lists.
 */
export const lintResolver = {
  resolveRule(pkg: string, ruleName: string): unknown {
    const rules: Record<string, unknown> =
      pkg === 'bpmnlint' ? bpmnlintRules : pkg === PLUGIN ? motcuaRules : {};
    return Object.hasOwn(rules, ruleName) ? rules[ruleName] : null;
  },
  resolveConfig(): null {
    return null;
  },
};

/**
 * The one rule set deploy and the modeler both run: ours first (the order deploy reported them
 * in before they were rules), bpmnlint's recommended ones with our severities, then the checks
 * against the procedure's legal duration and form.
 */
export function lintConfig(context: LintContext) {
  const rules: Record<string, unknown> = { 'motcua/diagram-rules': 'error', ...LINT_RULES };
  if (context.legal) rules['motcua/step-budgets'] = ['error', { legal: context.legal }];
  if (context.formSchema) rules['motcua/step-fields'] = ['error', { formSchema: context.formSchema }];
  return { rules };
}

/** bpmn-js-bpmnlint's `linting.bpmnlint` option and bpmnlint's Linter options alike. */
export function linterOptions(context: LintContext) {
  return { config: lintConfig(context), resolver: lintResolver };
}
