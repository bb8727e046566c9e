import BpmnModdle, { type ParseResult } from 'bpmn-moddle';
import * as Elements from 'bpmn-elements';
import serializer, { deserialize, TypeResolver } from 'moddle-context-serializer';
import { AppError, errors } from '../core/errors.js';
import { unstorableStrings } from '../http/validation.js';
import type { WorkingUnit } from '../calendar/working-time.js';
import type { FormSchema } from '../db/procedure-content.schema.js';
import { inspectDiagram, sizeProblems, type BpmnProblem, type ProcedureSteps } from './bpmn-inspection.js';
import { detachUnroutableMessageFlows } from './collaborations.js';
import { lintDiagram } from './lint/bpmn-lint.js';
import { linkFlowNodes } from './lint/flow-links.js';
import { moddleExtensions } from './moddle.js';
import { xmlGuardProblems } from './xml-guard.js';

const typeResolver = TypeResolver(Elements as never);

export interface CompiledDiagram {
  /** bpmn-engine's serialized moddle context, stored with the version. */
  sourceContext: unknown;
  steps: ProcedureSteps;
  /** What a designer should know but that does not stop the deploy; not stored. */
  warnings: BpmnProblem[];
}

/** The procedure's legal duration, which every step budget must fit. */
export interface LegalDuration {
  amount: number;
  unit: WorkingUnit;
}

/**
 * Parses and checks a diagram once, at deploy: (1) a cheap scan refuses DTDs, deep nesting and
 * huge or crowded documents before any parser runs, (2) parse, (3) our rules (bpmn-inspection),
 * bpmnlint's recommended rules and the step budgets (one rule set, lint/lint-config.ts). Throws a 422 listing every problem with
 * the id of the element at fault; the result is what every later command runs from. Whatever
 * a diagram makes a step throw (a dangling reference the parser let through, an element where
 * a rule expects another) is a 422 naming that step, never a 500. With the procedure's form,
 * the steps' fields are checked against it in the same run, as the modeler checks them.
 */
export async function compileDiagram(
  xml: string,
  legal: LegalDuration,
  formSchema?: FormSchema,
): Promise<CompiledDiagram> {
  // (1)
  const guarded = xmlGuardProblems(xml);
  if (guarded.length) throw errors.invalidBpmn(guarded);
  // (2)
  let parsed: ParseResult;
  try {
    parsed = await new BpmnModdle(moddleExtensions).fromXML(xml);
  } catch (err) {
    throw errors.invalidBpmn([{ elementId: null, message: `Not well-formed BPMN XML: ${messageOf(err)}` }]);
  }
  // (3)
  const tooLarge = await unreadable('counting its elements', () => sizeProblems(parsed));
  if (tooLarge.length) throw errors.invalidBpmn(tooLarge);
  const { steps, warnings } = await unreadable('reading its elements', () => {
    linkFlowNodes(parsed.rootElement);
    return inspectDiagram(parsed.rootElement);
  });
  // Our rules' problems come from the rule set below; the parser's warnings only from here.
  const problems = parseProblems(parsed);
  warnings.push(
    ...(await unreadable('reading its message flows', () => detachUnroutableMessageFlows(parsed))),
  );
  // Serialized before bpmnlint walks the model: its rules call get('eventDefinitions'), which
  // leaves an empty list on every event, and bpmn-elements then waits at a start event that has one.
  const sourceContext = await unreadable(
    'preparing it to run',
    () => JSON.parse(serializer(parsed as never, typeResolver).serialize()) as unknown,
  );
  problems.push(
    ...(await unreadable('checking it against the rules', () =>
      lintDiagram(parsed.rootElement, { legal, formSchema }),
    )),
  );
  if (problems.length) throw errors.invalidBpmn(dedupe(problems));
  const unstorable = unstorableStrings(sourceContext);
  if (unstorable.length) {
    throw errors.invalidBpmn([
      { elementId: null, message: `A value in the diagram ${unstorable[0]!.message}` },
    ]);
  }
  return { sourceContext, steps, warnings };
}

/** Runs one deploy step; an exception inside it becomes a 422 saying which step could not read the diagram. */
async function unreadable<T>(step: string, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw errors.invalidBpmn([
      { elementId: null, message: `The diagram could not be read while ${step}: ${messageOf(err)}` },
    ]);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function parseProblems(parsed: ParseResult): BpmnProblem[] {
  return parsed.warnings.map((w) => ({ elementId: w.element?.id ?? null, message: w.message }));
}

function dedupe(problems: BpmnProblem[]): BpmnProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.elementId}\u0000${p.message}`;
    return !seen.has(key) && seen.add(key);
  });
}

const cache = new Map<string, unknown>();

/**
 * The deserialized context of a procedure version, built once per process and reused by every
 * engine that runs a dossier of that version. Keyed by the version's content checksum: content
 * never changes under a checksum, so the entry never goes stale, even across databases.
 */
export function sourceContextFor(version: { checksum: string; sourceContext: unknown }): unknown {
  let context = cache.get(version.checksum);
  if (!context) {
    context = deserialize(structuredClone(version.sourceContext) as never, typeResolver);
    cache.set(version.checksum, context);
  }
  return context;
}
