import type { ModdleElement } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import type { BpmnProblem } from '../bpmn-inspection.js';
import { linterOptions, type LintContext } from './lint-config.js';
import { lintErrors } from './lint-problems.js';

/**
 * Runs the one rule set (lint-config.ts: bpmnlint's recommended rules with our severities, and
 * ours) over a parsed diagram, as the modeler runs it in the browser, and answers every error
 * as a problem naming its element.
 */
export async function lintDiagram(root: ModdleElement, context: LintContext): Promise<BpmnProblem[]> {
  const linter = new Linter(linterOptions(context));
  return lintErrors(await linter.lint(root));
}
