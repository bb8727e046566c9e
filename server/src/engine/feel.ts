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

/**
 * bpmn-elements' `expressions` option: every expression in the diagram (flow conditions, timer
 * values) is FEEL over the dossier's variables, never JavaScript.
 */
export function feelExpressions(scope: VariableScope) {
  return {
    resolveExpression(expression: string) {
      return evaluateFeel(expression, scope.variables);
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
