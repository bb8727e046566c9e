import type { LintReport } from 'bpmnlint';
import type { BpmnProblem } from '../bpmn-inspection.js';

/** Our plugin's rules are named `motcua/<rule>`; bpmnlint's have no package in their name. */
export function isBpmnlintRule(rule: string): boolean {
  return !rule.includes('/');
}

/** The problem one report of `rule` stands for, as deploy answers it and the modeler lists it. */
export function problemOf(
  rule: string,
  report: Pick<LintReport, 'id' | 'message' | 'category'>,
): BpmnProblem {
  const elementId = report.id ?? null;
  if (report.category === 'rule-error') {
    return {
      elementId,
      message: `The diagram could not be read while checking rule ${rule}: ${report.message}`,
    };
  }
  return {
    elementId,
    message: isBpmnlintRule(rule) ? `${report.message} (bpmnlint ${rule})` : report.message,
  };
}

/**
 * The errors of a lint run, in rule order: what refuses a deploy. A rule that throws is an
 * error too (bpmnlint reports it as `rule-error`): a diagram no rule could read is not let through.
 */
export function lintErrors(results: Record<string, LintReport[]>): BpmnProblem[] {
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports
      .filter((r) => r.category === 'error' || r.category === 'rule-error')
      .map((r) => problemOf(rule, r)),
  );
}
