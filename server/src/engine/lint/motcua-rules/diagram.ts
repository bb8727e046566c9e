import type { ModdleElement } from 'bpmn-moddle';
import { inspectDiagram, type BpmnProblem, type ProcedureSteps } from '../../bpmn-inspection.js';

/** bpmnlint's reporter, as our rules use it: a problem may name no element (the whole diagram). */
export interface LintReporter {
  report(id: string | undefined, message: string): void;
}

/** A rule in bpmnlint's shape; ours all look at the whole diagram from its bpmn:Definitions. */
export interface LintRule {
  check(node: ModdleElement, reporter: LintReporter): void;
}

export function stepsOf(definitions: ModdleElement): ProcedureSteps {
  return inspectDiagram(definitions).steps;
}

export function processesOf(definitions: ModdleElement): ModdleElement[] {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  return roots.filter((r) => r.$type === 'bpmn:Process');
}

/** A rule that runs `problems` once, on the diagram's root, and reports what it answers. */
export function definitionsRule(problems: (definitions: ModdleElement) => BpmnProblem[]): LintRule {
  return {
    check(node, reporter) {
      if (node.$type !== 'bpmn:Definitions') return;
      for (const problem of problems(node)) reporter.report(problem.elementId ?? undefined, problem.message);
    },
  };
}
