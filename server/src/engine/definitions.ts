import BpmnModdle from 'bpmn-moddle';
import * as Elements from 'bpmn-elements';
import serializer, { deserialize, TypeResolver } from 'moddle-context-serializer';
import { errors } from '../http/errors.js';
import { inspectDiagram, type ProcedureSteps } from './bpmn-inspection.js';
import { moddleExtensions } from './moddle.js';

const typeResolver = TypeResolver(Elements as never);

export interface CompiledDiagram {
  /** bpmn-engine's serialized moddle context, stored with the version. */
  sourceContext: unknown;
  steps: ProcedureSteps;
}

/**
 * Parses and checks a diagram once, at deploy. Throws a 422 listing every problem with the id
 * of the element at fault; the result is what every later command runs from.
 */
export async function compileDiagram(xml: string): Promise<CompiledDiagram> {
  let parsed;
  try {
    parsed = await new BpmnModdle(moddleExtensions).fromXML(xml);
  } catch (err) {
    throw errors.invalidBpmn([{ elementId: null, message: `Not well-formed BPMN XML: ${(err as Error).message}` }]);
  }
  const { steps, problems } = inspectDiagram(parsed);
  if (problems.length) throw errors.invalidBpmn(problems);
  const sourceContext = JSON.parse(serializer(parsed as never, typeResolver).serialize()) as unknown;
  return { sourceContext, steps };
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
