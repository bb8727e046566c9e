import type { Static } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { dossiers, tasks } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import type { StepSpec } from '../engine/bpmn-inspection.js';
import { runDossierCommand, type LockedDossier } from '../dossiers/run-dossier-command.js';
import { nextTasksOf } from '../dossiers/dossier-commands.js';
import type { ScopedDossier } from '../access/dossier-scope.js';
import { checkEditableFields, validateFormData } from '../procedures/form-schemas.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import type { CompleteTaskBody, CompletedTask } from './tasks.schema.js';
import { assertMayWork, assertOpen } from './task-access.js';
import { lockTaskWithOpenTasks } from './tasks.repository.js';
import { DossierStatus } from '../dossiers/statuses.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { stepMinutes } from './step-minutes.js';
import type { IdempotencyScope } from '../http/idempotency.js';

export interface TaskCompletion {
  db: Db;
  live: LiveUpdates;
  user: SessionUser;
  /** The task's dossier, found in the user's scope (the route's `dossier`). */
  dossier: Pick<ScopedDossier, 'id'>;
  taskId: string;
  body: Static<typeof CompleteTaskBody>;
  idempotency?: IdempotencyScope;
}

/**
 * Completes a task and moves the dossier on, in one command. With an idempotency key, a retry
 * of a completion that committed gets its answer instead of a 409.
 */
export async function completeTask(completion: TaskCompletion): Promise<CompletedTask> {
  const { db, live, user, dossier, idempotency } = completion;
  const { answer } = await runDossierCommand({
    db,
    live,
    actor: user,
    target: dossier,
    idempotency: idempotency && { scope: idempotency, status: 200 },
    apply: (locked) => completeLocked(locked, user, completion),
  });
  return answer;
}

/**
 * (1) re-read the task under the dossier's lock so a second completion sees it closed (409),
 * with the dossier's other open tasks, which the engine command needs anyway,
 * (2) check the outcome and data against the step, (3) signal the engine with the data merged, and
 * close the task with the working minutes it waited and was worked (the step reports read them)
 * in the statement that writes the engine's changes, which runs to the next wait and writes state, tasks and events.
 */
async function completeLocked(
  locked: LockedDossier,
  user: SessionUser,
  { taskId, body }: TaskCompletion,
): Promise<CompletedTask> {
  const { tx, dossier, version, now } = locked;
  // (1)
  const { task, others } = await lockTaskWithOpenTasks(tx, dossier.id, taskId);
  if (!task) throw errors.taskNotFound();
  assertMayWork(user, task);
  if (dossier.pausedAt) {
    throw errors.dossierAwaitingSupplement();
  }
  assertOpen(task);
  if (task.status === 'claimed' && task.assigneeId !== user.id) {
    throw errors.taskClaimed(task.assigneeId);
  }
  // (2)
  const step = version.steps.userTasks[task.elementId]!;
  const outcome = checkOutcome(step, body.outcome);
  const reason = checkReason(step, outcome, body.reason);
  const payload = body.data ?? {};
  checkEditableFields(step, payload);
  const data = { ...dossier.data, ...payload };
  validateFormData(version, data, { id: step.id, fields: step, outcome });
  await recordHandover(locked, step, body.handover, user);
  // (3)
  const minutes = stepMinutes(task, now, await calendarFor(tx, dossier.agencyCode));
  const closing = {
    status: 'completed' as const,
    outcome,
    completedAt: now,
    completedBy: user.id,
    assigneeId: user.id,
  };
  const completed = { ...task, ...closing, ...minutes };
  const changes = await locked.runEngine({
    command: { kind: 'signal', elementId: task.elementId, executionId: task.executionId },
    cause: { kind: 'task', task: completed, outcome, reason },
    data,
    openTasks: others,
    writes: [
      tx
        .update(tasks)
        .set({ ...closing, ...minutes })
        .where(eq(tasks.id, task.id)),
    ],
  });
  return {
    id: completed.id,
    outcome: completed.outcome,
    dossierStatus: changes.status,
    nextTasks: nextTasksOf(changes),
  };
}

function checkOutcome(step: StepSpec, outcome: string | undefined): string | null {
  if (!step.outcomes.length) return outcome ?? null;
  if (!outcome || !step.outcomes.includes(outcome)) {
    throw errors.validation([{ path: '/outcome', message: `choose one of: ${step.outcomes.join(', ')}` }]);
  }
  return outcome;
}

/** A decision that sends the work back or refuses the dossier says why; any other may. */
function checkReason(step: StepSpec, outcome: string | null, reason: string | undefined): string | null {
  const given = reason?.trim() || null;
  if (!given && outcome !== null && step.reasonOutcomes?.includes(outcome)) {
    throw errors.validation([
      {
        path: '/reason',
        message: `give the reason for "${outcome}": whoever the work goes back to, or the citizen, reads it`,
      },
    ]);
  }
  return given;
}

/**
 * The step returning the result (national status 9) records how it was handed over, on the
 * dossier: one fact per dossier, read by its detail and its control slip. Any other step refuses one.
 */
async function recordHandover(
  { tx, dossier, now }: LockedDossier,
  step: StepSpec,
  handover: Static<typeof CompleteTaskBody>['handover'],
  user: SessionUser,
): Promise<void> {
  const returnsResult = step.status === DossierStatus.RESOLVED;
  if (returnsResult && !handover)
    throw errors.validation([{ path: '/handover', message: 'is required when the result is handed over' }]);
  if (!returnsResult && handover)
    throw errors.validation([{ path: '/handover', message: 'only the step returning the result takes one' }]);
  if (!handover) return;
  await tx
    .update(dossiers)
    .set({ resultHandover: { ...handover, at: now.toISOString(), recordedBy: user.fullName } })
    .where(eq(dossiers.id, dossier.id));
}
