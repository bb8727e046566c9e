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

/** Iterations one expression may make, its loops multiplied together; a flow condition needs a handful. */
export const MAX_FEEL_ITERATIONS = 1_000;

const LITERAL_RANGE = /^\s*(-?\d+)\s*\.\.\s*(-?\d+)\s*$/;

/**
 * Why an expression could cost more than a condition should, or null. FEEL evaluates in the
 * command's transaction with the event loop held, so what it may do is bounded at deploy:
 * ranges (`1..n`) need literal bounds, all loops (for/some/every) together make at most
 * MAX_FEEL_ITERATIONS iterations, a loop over dossier data is not nested with another loop,
 * and no function is defined (so none recurses).
 */
export function feelCostError(expression: string): string | null {
  const body = feelBody(expression);
  let iterations = 1;
  let loops = 0;
  let overData = false;
  let error: string | null = null;
  parseExpression(body, {}, undefined).iterate({
    enter(node) {
      if (error) return false;
      if (node.type.name === 'FunctionDefinition')
        error = 'defines a function; conditions may call built-in functions only';
      if (node.type.name !== 'IterationContext') return undefined;
      loops += 1;
      const text = body.slice(node.from, node.to);
      const range = LITERAL_RANGE.exec(text);
      if (range) iterations *= Math.abs(Number(range[2]) - Number(range[1])) + 1;
      else if (text.includes('..'))
        error = `iterates over the range "${text.slice(0, 40)}"; a range needs number literals as bounds`;
      else if (text.trim().startsWith('[')) iterations *= Math.ceil(text.length / 2);
      else overData = true;
      if (!error && iterations > MAX_FEEL_ITERATIONS) error = `loops more than ${MAX_FEEL_ITERATIONS} times`;
      if (!error && overData && loops > 1) error = 'nests loops, or loops more than once, over dossier data';
      return undefined;
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
const ISO_TIMER =
  /^(R\d*\/)?(P(?=.)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?|\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)$/;

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
  return (
    typeof value === 'object' && value !== null && typeof (value as { toISO?: unknown }).toISO === 'function'
  );
}
