import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { AppError } from '../http/errors.js';
import { feelExpressions, noScripts, type VariableScope } from './feel.js';
import { captureTimers, type PendingTimer } from './timer-capture.js';

/** A user task the process waits on after a command. */
export interface WaitingTask {
  executionId: string;
  elementId: string;
}

export interface EngineRun {
  /** Timers the process waits on after the command. */
  timers: PendingTimer[];
  /** getState() without the BPMN source: that lives once per procedure version. */
  state: unknown;
  waiting: WaitingTask[];
  completed: boolean;
  /** End and catch events reached during this command, in order. */
  eventsReached: string[];
}

export type EngineCommand =
  | { kind: 'start' }
  | { kind: 'signal'; elementId: string; executionId: string }
  /** Recover and run whatever is due (a timer past its expiry completes on resume). */
  | { kind: 'resume' };

const silentLogger = () => ({ debug() {}, error() {}, warn() {} });

/**
 * Runs one command on one process instance and returns where it stops: recover the saved state
 * (or start), apply the command, let the engine run to its next wait, and read the new state.
 * The caller holds the dossier's row lock and writes the result in the same transaction.
 */
export async function runEngine(
  name: string,
  sourceContext: unknown,
  savedState: unknown,
  variables: Record<string, unknown>,
  command: EngineCommand,
): Promise<EngineRun> {
  const scope: VariableScope = { variables };
  const capture = captureTimers();
  const engine = new Engine({
    timers: capture.timers as never,
    name,
    sourceContext: sourceContext as never,
    expressions: feelExpressions(scope) as never,
    scripts: noScripts as never,
    Logger: silentLogger as never,
  });
  let failure: Error | null = null;
  engine.once('error', (err: Error) => {
    failure = err;
  });
  const eventsReached: string[] = [];
  const listener = new EventEmitter();
  listener.on('activity.end', (api: { id: string; type: string }) => {
    if (api.type === 'bpmn:EndEvent' || api.type === 'bpmn:IntermediateCatchEvent') eventsReached.push(api.id);
  });

  let execution;
  if (command.kind === 'start') {
    execution = await engine.execute({ listener });
  } else {
    engine.recover(savedState as never);
    execution = await engine.resume({ listener });
    if (command.kind === 'signal') execution.signal({ id: command.elementId, executionId: command.executionId });
  }
  if (failure) throw processError(failure);
  const state = await engine.getState();
  for (const definition of state.definitions as { source?: unknown }[]) delete definition.source;
  const waiting = execution
    .getPostponed()
    .filter((api) => api.type === 'bpmn:UserTask')
    .map((api) => ({ executionId: api.executionId, elementId: api.id }));
  const timers = capture.pending(new Date());
  const completed = engine.state === 'idle' && !waiting.length && !timers.length;
  // The engine is discarded after the command; stopping clears its timers. A finished engine
  // has nothing to stop and would never answer.
  if (!completed) await engine.stop();
  return { state, waiting, timers, completed, eventsReached };
}

/** The diagram cannot go on (e.g. no flow out of a gateway matches): the command is refused whole. */
function processError(err: Error) {
  return new AppError(422, 'process_cannot_continue', `The procedure cannot continue from here: ${err.message}`, {
    cause: err.message,
  });
}
