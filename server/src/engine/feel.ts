import { evaluate, parseExpression } from '@bpmn-io/feelin';

/** Camunda 8 writes FEEL with a leading `=`; Camunda 7 style `${...}` is not FEEL and is refused at deploy. */
export function feelBody(expression: string): string {
  return expression.trim().replace(/^=/, '').trim();
}

/**
 * Returns the syntax error of a FEEL expression, or null when it parses. It only parses: an
 * expression from a diagram is never evaluated at deploy, so a costly one cannot stall the server.
 */
export function feelSyntaxError(expression: string): string | null {
  const body = feelBody(expression);
  if (!body) return 'empty expression';
  let error: string | null = null;
  parseExpression(body, {}, undefined).iterate({
    enter(node) {
      if (error || !node.type.isError) return;
      const near = body.slice(Math.max(0, node.from - 10), node.to + 10);
      error = `syntax error at character ${node.from + 1}, near "${near}"`;
    },
  });
  return error;
}

export function evaluateFeel(expression: string, variables: Record<string, unknown>): unknown {
  return evaluate(feelBody(expression), variables).value;
}

/** Holds the variables that FEEL expressions of one engine see; the runtime sets them per command. */
export interface VariableScope {
  variables: Record<string, unknown>;
}

// ISO 8601 durations, cycles and date-times: a timer value written without `=` is a literal, as in Camunda 8.
const ISO_TIMER = /^(R\d*\/)?(P(?=.)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?|\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)$/;

/** Whether a diagram value is a literal ISO 8601 timer value rather than a FEEL expression. */
export function isIsoTimerValue(text: string): boolean {
  return ISO_TIMER.test(text.trim());
}

/**
 * bpmn-elements' `expressions` option: every expression in the diagram (flow conditions, timer
 * values) is FEEL over the dossier's variables, never JavaScript. A FEEL duration or date-time
 * comes back as its ISO 8601 text, which is what bpmn-elements' timers parse.
 */
export function feelExpressions(scope: VariableScope) {
  return {
    resolveExpression(expression: string) {
      if (!expression.trim().startsWith('=') && isIsoTimerValue(expression)) return expression.trim();
      const value = evaluateFeel(expression, scope.variables);
      return isTemporal(value) ? value.toISO() : value;
    },
    isExpression: () => false,
    hasExpression: () => false,
  };
}

/** bpmn-elements' `scripts` option: no script from a diagram is ever registered or run. */
export const noScripts = {
  register() {
    return undefined;
  },
  getScript() {
    return undefined;
  },
};

function isTemporal(value: unknown): value is { toISO(): string } {
  return typeof value === 'object' && value !== null && typeof (value as { toISO?: unknown }).toISO === 'function';
}
