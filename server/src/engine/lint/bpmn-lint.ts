import { createRequire } from 'node:module';
import type { ModdleElement, ParseResult } from 'bpmn-moddle';
import type { BpmnProblem } from '../bpmn-inspection.js';
import { LINT_RULES } from './lint-rules.js';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint') as { Linter: new (options: object) => BpmnLinter };

interface LintReport {
  id?: string;
  message: string;
  category: string;
}

interface BpmnLinter {
  lint(root: ModdleElement): Promise<Record<string, LintReport[]>>;
}

/** Rules come from the bpmnlint package itself, never from a plugin named in a diagram or request. */
const resolver = {
  resolveRule(pkg: string, ruleName: string) {
    if (pkg !== 'bpmnlint' || !/^[a-z-]+$/.test(ruleName)) return null;
    return require(`bpmnlint/rules/${ruleName}`) as unknown;
  },
  resolveConfig() {
    return null;
  },
};

/**
 * Runs bpmnlint's recommended rules (with our severities, see lint-rules.ts) over the parsed
 * diagram and answers every error as a problem naming its element.
 */
export async function lintDiagram(parsed: ParseResult): Promise<BpmnProblem[]> {
  const linter = new Linter({ config: { rules: LINT_RULES }, resolver });
  const results = await linter.lint(parsed.rootElement);
  const problems: BpmnProblem[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      if (report.category !== 'error') continue;
      if (rule === 'conditional-flows' && leavesExclusiveGateway(parsed, report.id)) continue;
      problems.push({ elementId: report.id ?? null, message: `${report.message} (bpmnlint ${rule})` });
    }
  }
  return problems;
}

/** Our own rule on exclusive gateways (bpmn-inspection) already names these flows, more strictly. */
function leavesExclusiveGateway(parsed: ParseResult, flowId: string | undefined): boolean {
  const flow = flowId ? parsed.elementsById[flowId] : undefined;
  const source = flow?.sourceRef as ModdleElement | undefined;
  return source?.$type === 'bpmn:ExclusiveGateway';
}
