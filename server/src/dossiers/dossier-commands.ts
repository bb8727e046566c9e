import { eq, inArray, type SQLWrapper } from 'drizzle-orm';
import type { Tx } from '../core/db.js';
import {
  dossierEvents,
  dossiers,
  tasks,
  type Dossier,
  type ProcedureVersion,
  type Task,
} from '../db/schema.js';
import { runEngine, type EngineCommand, type EngineRun } from '../engine/runtime.js';
import { sourceContextFor } from '../engine/definitions.js';
import type { ProcedureSteps, StepSpec } from '../engine/bpmn-inspection.js';
import { addWorkingTime, type WorkingCalendar } from '../calendar/working-time.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { syncTimers } from './timers.repository.js';
import { openTasksOf } from './dossiers.repository.js';
import type { SessionUser } from '../core/roles.js';
import { DossierStatus } from './statuses.js';
import { noticeToCitizen } from '../notify/outbox.js';
import type { NextTask } from './dossiers.schema.js';
import { previousHandlers } from './returned-tasks.js';
import { insertComment } from './dossier-comments.js';
import { writeTogether, type NewEvent, type NewTask } from './command-writes.js';

/** What a command changed; `runDossierCommand` calls `afterCommit` once the transaction has committed. */
export interface CommandResult {
  created: Task[];
  /** The tasks it closed: the one completed, and those the process moved past. */
  closed: Task[];
  status: number;
  /** Keeps the engine hot for the dossier's next command. */
  afterCommit(): void;
}

/** Where a command sent the dossier: the tasks it opened, as intake, completion and message answer them. */
export function nextTasksOf(result: CommandResult): NextTask[] {
  return result.created.map((t) => ({ id: t.id, name: t.name, departmentCodes: t.departmentCodes }));
}

/** Why the engine runs: a dossier received, a task completed, a message from another agency, a timer due. */
export type Cause =
  | { kind: 'received' }
  /** `task` as completed, the row written under the lock, with the reason given for the decision. */
  | { kind: 'task'; task: Task; outcome: string | null; reason?: string | null }
  | { kind: 'message'; message: string }
  | { kind: 'timer' };

/** Who caused a command: a signed-in user, or the system (a timer) with no user id. */
export type Actor = Pick<SessionUser, 'fullName'> & { id: string | null };

export const SYSTEM_ACTOR: Actor = { id: null, fullName: 'Hệ thống' };

export interface CommandContext {
  tx: Tx;
  dossier: Dossier;
  version: ProcedureVersion;
  actor: Actor;
  now: Date;
}

/** What the engine is told, and why: the cause decides the control-slip events recorded. */
export interface EngineStep {
  command: EngineCommand;
  cause: Cause;
  /** The dossier's data as the command leaves it, merged before the engine reads its conditions. */
  data?: Dossier['data'];
  /**
   * The dossier's open tasks, when the command has read them under the lock already (a
   * completion, with the task it closes; intake, which has none yet): one round trip fewer.
   */
  openTasks?: Task[];
  /**
   * Writes of the cause itself (the completed task), sent in the statement that writes what the
   * engine run changed: one round trip for the whole command.
   */
  writes?: SQLWrapper[];
}

/**
 * Runs the engine for one command on a locked dossier and writes everything that follows from
 * it in the command's transaction: engine state, the tasks now open, closed tasks, dossier
 * status and the control-slip events of the handoff. Called through `runDossierCommand` only,
 * which holds the lock and publishes the result after commit.
 */
export async function applyEngineCommand(
  locked: CommandContext,
  { command, cause, data, openTasks, writes = [] }: EngineStep,
): Promise<CommandResult> {
  const ctx = data === undefined ? locked : { ...locked, dossier: { ...locked.dossier, data } };
  const { tx, dossier, version, now } = ctx;
  const steps = version.steps;
  const completedTask = cause.kind === 'task' ? cause.task : null;
  const run = await runEngine(
    {
      id: dossier.id,
      version: dossier.engineVersion,
      checksum: version.checksum,
      sourceContext: sourceContextFor(version),
      savedState: dossier.engineState,
    },
    // The completion's outcome is a variable of this command's conditions, not dossier data.
    { ...dossier.data, outcome: cause.kind === 'task' ? cause.outcome : null },
    command,
  );
  const changes = await planTasks(ctx, run, steps, {
    completedTask,
    openTasks,
    reason: cause.kind === 'task' ? (cause.reason ?? null) : null,
  });
  // A diagram without timers never has any stored: skip the look-up.
  const timersFired =
    run.timers.length || steps.hasTimers !== false ? await syncTimers(tx, dossier.id, run.timers, now) : [];
  const status = statusAfter(run, steps, dossier.status, cause.kind !== 'received');
  // Where the dossier is: departments of its open tasks, and of the agencies it waits on.
  const currentDepartments = [
    ...new Set([...changes.open.flatMap((t) => t.departmentCodes), ...messageDepartments(run, steps)]),
  ];
  const dossierWrite = tx
    .update(dossiers)
    .set({
      data: dossier.data,
      engineState: run.state,
      engineVersion: dossier.engineVersion + 1,
      status,
      currentDepartments,
      involvedDepartments: [...new Set([...dossier.involvedDepartments, ...currentDepartments])],
      finishedAt: run.completed ? now : null,
      updatedAt: now,
    })
    .where(eq(dossiers.id, dossier.id));
  const events = await handoffEvents(ctx, cause, { created: changes.fresh, run, steps, status, timersFired });
  const created = await writeTogether(tx, {
    tasks: changes.fresh,
    others: [...writes, dossierWrite, ...(events.length ? [tx.insert(dossierEvents).values(events)] : [])],
  });
  if (status === DossierStatus.RESOLVED && dossier.status !== DossierStatus.RESOLVED) {
    await noticeToCitizen(tx, dossier, 'result_ready');
  }
  return {
    created,
    closed: completedTask ? [completedTask, ...changes.closed] : changes.closed,
    status,
    afterCommit: () => run.keep(dossier.engineVersion + 1),
  };
}

function messageDepartments(run: EngineRun, steps: ProcedureSteps): string[] {
  return run.waitingMessages.flatMap((w) => steps.messageEvents?.[w.elementId]?.departments ?? []);
}

/**
 * The tasks a run leaves: those it moved past are cancelled here, those it opened are returned
 * as rows to insert (`fresh`, with whoever did the step before when work comes back).
 */
async function planTasks(
  ctx: CommandContext,
  run: EngineRun,
  steps: ProcedureSteps,
  {
    completedTask,
    openTasks,
    reason,
  }: { completedTask: Task | null; openTasks: Task[] | undefined; reason: string | null },
) {
  const { tx, dossier, now } = ctx;
  const [before, calendar] = await Promise.all([
    openTasks ?? openTasksOf(tx, dossier.id),
    calendarFor(tx, dossier.agencyCode),
  ]);
  const waitingIds = new Set(run.waiting.map((w) => w.executionId));
  const known = new Set(before.map((t) => t.executionId));
  const vanished = before.filter((t) => !waitingIds.has(t.executionId) && t.id !== completedTask?.id);
  let closed: Task[] = [];
  if (vanished.length) {
    closed = await tx
      .update(tasks)
      .set({ status: 'cancelled', completedAt: now })
      .where(
        inArray(
          tasks.id,
          vanished.map((t) => t.id),
        ),
      )
      .returning();
  }
  const waitingFresh = run.waiting.filter((w) => !known.has(w.executionId));
  // Work a decision sends back goes to whoever did that step before, with the reason.
  const handlers =
    completedTask && waitingFresh.length
      ? await previousHandlers(
          tx,
          dossier.id,
          waitingFresh.map((w) => w.elementId),
        )
      : new Map<string, string | null>();
  // The task being completed is written with the command's other writes, after this read: a
  // step that opens again at once was last done by this completion.
  if (completedTask && waitingFresh.some((w) => w.elementId === completedTask.elementId))
    handlers.set(completedTask.elementId, completedTask.completedBy);
  const fresh: NewTask[] = waitingFresh.map((w) => ({
    ...newTaskRow(dossier.id, w.executionId, steps.userTasks[w.elementId]!, now, calendar),
    ...returnedTo(handlers, w.elementId, reason, now),
  }));
  const open = [...before.filter((t) => waitingIds.has(t.executionId)), ...fresh];
  return { fresh, closed, open };
}

function newTaskRow(
  dossierId: string,
  executionId: string,
  step: StepSpec,
  now: Date,
  calendar: WorkingCalendar,
) {
  return {
    dossierId,
    executionId,
    elementId: step.id,
    name: step.name,
    departmentCodes: step.departments,
    role: step.role,
    status: 'open' as const,
    createdAt: now,
    dueAt: step.budget ? addWorkingTime(now, step.budget.amount, step.budget.unit, calendar) : null,
  };
}

function returnedTo(
  handlers: Map<string, string | null>,
  elementId: string,
  reason: string | null,
  now: Date,
) {
  if (!handlers.has(elementId)) return {};
  const handler = handlers.get(elementId);
  return {
    returned: true,
    returnReason: reason,
    ...(handler ? { status: 'claimed' as const, assigneeId: handler, claimedAt: now } : {}),
  };
}

function statusAfter(run: EngineRun, steps: ProcedureSteps, previous: number, afterCommand: boolean): number {
  if (run.completed) {
    const lastEvent = run.eventsReached.at(-1);
    return (lastEvent && steps.eventStatuses[lastEvent]) || DossierStatus.RESULT_RETURNED;
  }
  const marked = [
    ...run.waiting.map((w) => steps.userTasks[w.elementId]?.status),
    ...run.waitingMessages.map((w) => steps.eventStatuses[w.elementId]),
  ].find((s) => s != null);
  if (marked) return marked;
  if (!afterCommand) return previous;
  return DossierStatus.PROCESSING;
}

interface Handoff {
  created: NewTask[];
  run: EngineRun;
  steps: ProcedureSteps;
  status: number;
  timersFired: string[];
}

/**
 * The control-slip events of a command, to append: what caused it, where the dossier went, and
 * its end. A decision's reason also goes into the comment thread, here.
 */
async function handoffEvents(
  ctx: CommandContext,
  cause: Cause,
  { created, run, steps, status, timersFired }: Handoff,
): Promise<NewEvent[]> {
  const { tx, dossier, actor, now } = ctx;
  const toDepartments = [
    ...new Set([...created.flatMap((t) => t.departmentCodes), ...messageDepartments(run, steps)]),
  ];
  const base = { dossierId: dossier.id, at: now, actorId: actor.id, actorName: actor.fullName };
  const nextSteps = [
    ...created.map((t) => t.name),
    ...run.waitingMessages.map((w) => steps.messageEvents?.[w.elementId]?.name ?? w.elementId),
  ];
  const rows: NewEvent[] = timersFired.map((elementId) => ({
    ...base,
    type: 'timer_fired',
    stepId: elementId,
    toDepartments,
    details: { nextSteps },
  }));
  if (cause.kind === 'task') {
    rows.push({
      ...base,
      type: 'step_completed',
      stepId: cause.task.elementId,
      stepName: cause.task.name,
      fromDepartment: cause.task.departmentCodes[0] ?? null,
      toDepartments,
      outcome: cause.outcome,
      details: { taskId: cause.task.id, nextSteps, ...(cause.reason ? { reason: cause.reason } : {}) },
    });
    if (cause.reason && actor.id) {
      await insertComment(tx, {
        dossierId: dossier.id,
        actor: { id: actor.id, fullName: actor.fullName },
        kind: 'reason',
        step: { id: cause.task.elementId, name: cause.task.name },
        outcome: cause.outcome,
        body: cause.reason,
        at: now,
      });
    }
  } else if (cause.kind === 'message') {
    const event = run.caught ? steps.messageEvents?.[run.caught] : undefined;
    rows.push({
      ...base,
      type: 'message_received',
      stepId: run.caught,
      stepName: event?.name ?? null,
      fromDepartment: event?.departments[0] ?? null,
      toDepartments,
      details: { message: cause.message, nextSteps },
    });
  } else if (cause.kind === 'received') {
    rows.push({
      ...base,
      type: 'received',
      fromDepartment: dossier.receivingDepartment,
      toDepartments,
      details: { nextSteps },
    });
  }
  if (run.completed) {
    const endId = run.eventsReached.at(-1) ?? null;
    rows.push({
      ...base,
      type: 'finished',
      stepId: endId,
      details: { status, endEventStatus: endId ? (steps.eventStatuses[endId] ?? null) : null },
    });
  }
  return rows;
}
