import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { AppError } from '../http/errors.js';
import { feelExpressions, noScripts, type VariableScope } from './feel.js';

/** A user task (or message catch event) the process waits on after a command. */
export interface WaitingTask {
  executionId: string;
  elementId: string;
}

export interface EngineRun {
  /** getState() without the BPMN source: that lives once per procedure version. */
  state: unknown;
  waiting: WaitingTask[];
  /** Message catch events waiting for another agency (no task: nobody here can complete them). */
  waitingMessages: WaitingTask[];
  completed: boolean;
  /** End and catch events reached during this command, in order. */
  eventsReached: string[];
  /** The catch event a `message` command delivered to. */
  caught: string | null;
}

export type EngineCommand =
  | { kind: 'start' }
  | { kind: 'signal'; elementId: string; executionId: string }
  /** Deliver a message to whichever of these catch events is waiting; 409 when none is. */
  | { kind: 'message'; elementIds: string[] };

type Execution = Awaited<ReturnType<Engine['execute']>>;

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
  const engine = new Engine({
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

  let execution: Execution;
  let caught: string | null = null;
  if (command.kind === 'start') {
    execution = await engine.execute({ listener });
  } else {
    engine.recover(savedState as never);
    execution = await engine.resume({ listener });
    if (command.kind === 'signal') {
      execution.signal({ id: command.elementId, executionId: command.executionId });
    } else {
      caught = await deliverMessage(engine, execution, command.elementIds);
    }
  }
  if (failure) throw processError(failure);
  const state = await engine.getState();
  for (const definition of state.definitions as { source?: unknown }[]) delete definition.source;
  const waiting = waitingOfType(execution, 'bpmn:UserTask');
  const waitingMessages = waitingOfType(execution, MESSAGE_WAIT);
  const completed = engine.state === 'idle' && !waiting.length && !waitingMessages.length;
  // The engine is discarded after the command; stopping clears its timers. A finished engine
  // has nothing to stop and would never answer.
  if (!completed) await engine.stop();
  return { state, waiting, waitingMessages, completed, eventsReached, caught };
}

/** A catch event waits through its event definition: that is what getPostponed() lists, under the event's id. */
const MESSAGE_WAIT = 'bpmn:MessageEventDefinition';

function waitingOfType(execution: Execution, type: string): WaitingTask[] {
  return execution
    .getPostponed()
    .filter((api) => api.type === type)
    .map((api) => ({ executionId: api.executionId, elementId: api.id }));
}

/**
 * Signals the waiting catch event (the message's data goes into the dossier's data, not the
 * engine); 409 when none of them waits, e.g. the notice came before it was asked for.
 */
async function deliverMessage(engine: Engine, execution: Execution, elementIds: string[]) {
  const postponed = execution.getPostponed();
  const target = postponed.find((api) => api.type === MESSAGE_WAIT && elementIds.includes(api.id));
  if (!target) {
    await engine.stop();
    throw new AppError(409, 'no_waiting_message', 'The dossier is not waiting for this message now', {
      waitingAt: postponed.map((api) => api.id),
    });
  }
  // Signalled through its own api: a signal sent from the top is matched against the bpmn:Message
  // id, not the event, so it would wake every event of the diagram waiting for that message.
  target.signal();
  return target.id;
}

/** The diagram cannot go on (e.g. no flow out of a gateway matches): the command is refused whole. */
function processError(err: Error) {
  return new AppError(422, 'process_cannot_continue', `The procedure cannot continue from here: ${err.message}`, {
    cause: err.message,
  });
}
