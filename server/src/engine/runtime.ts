import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { errors } from '../core/errors.js';
import { feelExpressions, noScripts, type VariableScope } from './feel.js';
import { captureTimers, type PendingTimer } from './timer-capture.js';
import { countEngineLookup } from '../ops/metrics.js';

/** A user task (or message catch event) the process waits on after a command. */
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
  | { kind: 'message'; elementIds: string[] }
  /** Recover and run whatever is due (a timer past its expiry completes on resume). */
  | { kind: 'resume' };

type Execution = Awaited<ReturnType<InstanceType<typeof Engine>['execute']>>;

const silentLogger = () => ({ debug() {}, error() {}, warn() {} });

/** Which process instance a command runs on, and the saved state it must continue from. */
export interface InstanceRef {
  id: string;
  /** The dossier's engine version as stored: a hot engine is reused only if it is at exactly this one. */
  version: number;
  /** The procedure version's content checksum. */
  checksum: string;
  sourceContext: unknown;
  savedState: unknown;
}

/** A command's result, plus `keep`: call it after the transaction commits to keep the engine hot. */
export interface EngineResult extends EngineRun {
  keep(committedVersion: number): void;
}

interface LiveEngine {
  engine: InstanceType<typeof Engine>;
  execution: Execution;
  scope: VariableScope;
  capture: ReturnType<typeof captureTimers>;
  eventsReached: string[];
  failure: Error | null;
  version: number;
  checksum: string;
}

// Engines kept in memory between commands, most recently used last. Recovering an engine from
// JSON costs more than the step it runs; a hot engine whose version matches the row skips that.
const hot = new Map<string, LiveEngine>();
let hotLimit = 5_000;

/** How many engines a process keeps hot (ENGINE_HOT_LIMIT); 0 recovers every command from its saved state. */
export function limitHotEngines(limit: number): void {
  hotLimit = limit;
  while (hot.size > hotLimit) hot.delete(hot.keys().next().value!);
}

/**
 * Runs one command on one process instance and returns where it stops: take the hot engine (or
 * recover it from the saved state, or start it), apply the command, let it run to its next wait,
 * and read the new state. The caller holds the dossier's row lock and writes the result in the
 * same transaction; an engine is only kept hot again once that transaction has committed.
 */
export async function runEngine(
  ref: InstanceRef,
  variables: Record<string, unknown>,
  command: EngineCommand,
): Promise<EngineResult> {
  const live = await liveEngine(ref, command, variables);
  let caught: string | null = null;
  if (command.kind === 'signal')
    live.execution.signal({ id: command.elementId, executionId: command.executionId });
  if (command.kind === 'message') caught = deliverMessage(live.execution, command.elementIds);
  if (live.failure) throw processError(live.failure);
  const state = await live.engine.getState();
  for (const definition of state.definitions as { source?: unknown }[]) delete definition.source;
  const waiting = waitingOfType(live.execution, 'bpmn:UserTask');
  const waitingMessages = waitingOfType(live.execution, MESSAGE_WAIT);
  const timers = live.capture.pending(new Date());
  const completed =
    live.engine.state === 'idle' && !waiting.length && !waitingMessages.length && !timers.length;
  return {
    state,
    waiting,
    waitingMessages,
    timers,
    completed,
    caught,
    eventsReached: live.eventsReached,
    keep(committedVersion) {
      if (completed || hotLimit === 0) return;
      live.version = committedVersion;
      hot.set(ref.id, live);
      if (hot.size > hotLimit) hot.delete(hot.keys().next().value!);
    },
  };
}

/** Forgets every hot engine (tests use it to prove recovery from the stored state alone). */
export function dropHotEngines(): void {
  hot.clear();
}

async function liveEngine(
  ref: InstanceRef,
  command: EngineCommand,
  variables: Record<string, unknown>,
): Promise<LiveEngine> {
  const cached = hot.get(ref.id);
  hot.delete(ref.id);
  // A timer is fired by recovering: a resumed timer past its expiry completes at once.
  if (
    cached &&
    cached.version === ref.version &&
    cached.checksum === ref.checksum &&
    command.kind !== 'resume'
  ) {
    cached.scope.variables = variables;
    cached.eventsReached = [];
    cached.failure = null;
    countEngineLookup(true);
    return cached;
  }
  // A start has nothing to find; every other command that gets here pays for a recovery.
  if (command.kind !== 'start') countEngineLookup(false);
  const scope: VariableScope = { variables };
  const capture = captureTimers();
  const engine = new Engine({
    timers: capture.timers as never,
    name: ref.id,
    sourceContext: ref.sourceContext as never,
    expressions: feelExpressions(scope) as never,
    scripts: noScripts as never,
    Logger: silentLogger as never,
  });
  const live = {
    engine,
    scope,
    capture,
    eventsReached: [] as string[],
    failure: null as Error | null,
    version: ref.version,
    checksum: ref.checksum,
  };
  engine.on('error', (err: Error) => {
    live.failure = err;
  });
  const listener = new EventEmitter();
  listener.on('activity.end', (api: { id: string; type: string }) => {
    if (api.type === 'bpmn:EndEvent' || api.type === 'bpmn:IntermediateCatchEvent')
      live.eventsReached.push(api.id);
  });
  let execution;
  if (command.kind === 'start') {
    execution = await engine.execute({ listener });
  } else {
    engine.recover(ref.savedState as never);
    execution = await engine.resume({ listener });
  }
  return Object.assign(live, { execution });
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
function deliverMessage(execution: Execution, elementIds: string[]): string {
  const postponed = execution.getPostponed();
  const target = postponed.find((api) => api.type === MESSAGE_WAIT && elementIds.includes(api.id));
  if (!target) {
    throw errors.noWaitingMessage('The dossier is not waiting for this message now', {
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
  return errors.processCannotContinue(err.message);
}
