import { problemOf } from './rule-set.js';

/** One issue as bpmn-js-bpmnlint hands it over (`linting.completed`), grouped by the element it is shown on. */
export interface CanvasIssue {
  id?: string;
  /** Set when the element is not on the canvas (a process, say): `id` is then where it is shown. */
  actualElementId?: string;
  isChildIssue?: boolean;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
}

/** A line of the check list: the rule, the element at fault and the message deploy would answer. */
export interface ListedProblem {
  key: string;
  rule: string;
  elementId: string | null;
  /** The report's own words. */
  text: string;
  /** The words deploy's 422 uses for the same problem (the rule named after bpmnlint's). */
  message: string;
}

/** The errors among the canvas issues, one line each, in a stable order (element, then message). */
export function listedProblems(issues: Record<string, CanvasIssue[]>): ListedProblem[] {
  const lines = Object.values(issues)
    .flat()
    .filter((issue) => issue.category === 'error' || issue.category === 'rule-error')
    .map((issue) => {
      const elementId = (issue.isChildIssue ? issue.actualElementId : issue.id) ?? null;
      const rule = issue.category === 'rule-error' ? 'rule-error' : issue.rule;
      const { message } = problemOf(issue.rule, { ...issue, id: elementId ?? undefined });
      return { key: '', rule, elementId, text: issue.message, message };
    });
  lines.sort(
    (a, b) => (a.elementId ?? '').localeCompare(b.elementId ?? '') || a.message.localeCompare(b.message),
  );
  return lines.map((line, i) => ({ ...line, key: `${i}:${line.elementId}:${line.rule}` }));
}
