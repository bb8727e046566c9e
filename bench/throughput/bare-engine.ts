import fs from 'node:fs';
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';
import * as Elements from 'bpmn-elements';
import serializer, { deserialize, TypeResolver } from 'moddle-context-serializer';

/** The user tasks of the bench diagram in order, with the outcome each gives. */
export const STEPS: [string, string | undefined][] = [
  ['reception', undefined],
  ['assign', undefined],
  ['review', 'approve'],
  ['approve', undefined],
  ['return_result', undefined],
];

/**
 * The ceiling: the same diagram run by bare bpmn-engine in this process, no database, no HTTP,
 * signalled step by step. Its condition becomes bpmn-engine's own expression syntax over a
 * variable set at start, since bare bpmn-engine has no FEEL. The diagram is parsed once and
 * its serialized context reused, as our server does: the ceiling gets the same head start.
 * Returns lifecycles per second over `seconds` of wall time on one core.
 */
export async function bareEngineLifecycles(
  bpmnPath: string,
  seconds: number,
): Promise<{ lifecycles: number; perSecond: number; cpuMsEach: number }> {
  const source = fs
    .readFileSync(bpmnPath, 'utf8')
    .replace('=outcome = "approve"', '${environment.variables.approved}');
  const typeResolver = TypeResolver(Elements as never);
  const parsed = await new BpmnModdle().fromXML(source);
  const sourceContext = deserialize(
    JSON.parse(serializer(parsed as never, typeResolver).serialize()),
    typeResolver,
  );
  const cpu0 = process.cpuUsage();
  const until = Date.now() + seconds * 1000;
  const started = Date.now();
  let lifecycles = 0;
  while (Date.now() < until) {
    await oneLifecycle(sourceContext);
    lifecycles += 1;
  }
  const elapsed = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    lifecycles,
    perSecond: lifecycles / elapsed,
    cpuMsEach: (cpu.user + cpu.system) / 1000 / lifecycles,
  };
}

async function oneLifecycle(sourceContext: unknown): Promise<void> {
  const engine = new Engine({ name: 'bench', sourceContext: sourceContext as never });
  const listener = new EventEmitter();
  const ended = new Promise<void>((resolve) => engine.once('end', () => resolve()));
  const execution = await engine.execute({ listener, variables: { approved: true } } as never);
  for (const [id] of STEPS) execution.signal({ id });
  await ended;
}
