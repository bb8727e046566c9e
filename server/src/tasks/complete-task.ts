import { clock } from '../core/clock.js';
import type { Static } from '@sinclair/typebox';
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../core/db.js';
import { dossiers, tasks } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../auth/roles.js';
import type { ProcedureSteps, StepSpec } from '../engine/bpmn-inspection.js';
import { applyEngineCommand } from '../dossiers/dossier-commands.js';
import { findVersionById } from '../procedures/procedures.repository.js';
import { validateFormData } from '../procedures/form-schemas.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import type { CompleteTaskBody } from './tasks.schema.js';
import { assertMayWork, assertOpen } from './task-access.js';
import { findTask } from './tasks.repository.js';
import { claimIdempotencyKey, storeIdempotentAnswer, type IdempotencyScope } from '../http/idempotency.js';

/** What a completion answers: where the dossier went next. */
export interface CompletionAnswer {
  id: string;
  outcome: string | null;
  dossierStatus: number;
  nextTasks: { id: string; name: string; departmentCodes: string[] }[];
}

/**
 * Completes a task and moves the dossier on, in one transaction. With an idempotency key, a
 * retry of a completion that committed gets its answer instead of a 409.
 */
export async function completeTask(
  db: Db,
  live: LiveUpdates,
  user: SessionUser,
  taskId: string,
  body: Static<typeof CompleteTaskBody>,
  idempotency?: IdempotencyScope,
): Promise<CompletionAnswer> {
  const result = await db.transaction(async (tx) => {
    const replay = idempotency && (await claimIdempotencyKey(tx, idempotency));
    if (replay) return { answer: replay.response as CompletionAnswer, changes: null };
    const { task, changes } = await completeLocked(db, tx, user, taskId, body);
    const answer: CompletionAnswer = {
      id: task.id,
      outcome: task.outcome,
      dossierStatus: changes.status,
      nextTasks: changes.created.map((t) => ({ id: t.id, name: t.name, departmentCodes: t.departmentCodes })),
    };
    if (idempotency) await storeIdempotentAnswer(tx, idempotency, { status: 200, response: answer });
    return { answer, changes: { ...changes, closed: [task, ...changes.closed] } };
  });
  if (result.changes) {
    result.changes.afterCommit();
    live.tasksChanged(result.changes);
  }
  return result.answer;
}

/**
 * (1) lock the dossier, (2) re-read the task under the lock so a second completion sees it
 * closed (409), (3) check the outcome and data against the step, (4) merge the data and signal
 * the engine, which runs to the next wait and writes state, tasks and events.
 */
async function completeLocked(
  db: Db,
  tx: Tx,
  user: SessionUser,
  taskId: string,
  body: Static<typeof CompleteTaskBody>,
) {
  const now = clock.now();
  // (1)
  const [dossier] = await tx
    .select()
    .from(dossiers)
    .where(sql`${dossiers.id} = (select ${tasks.dossierId} from ${tasks} where ${tasks.id} = ${taskId})`)
    .for('update');
  if (!dossier) throw errors.taskNotFound();
  // (2)
  const task = (await findTask(tx, taskId, true))!;
  assertMayWork(user, task);
  if (dossier.pausedAt) {
    throw errors.dossierAwaitingSupplement();
  }
  assertOpen(task);
  if (task.status === 'claimed' && task.assigneeId !== user.id) {
    throw errors.taskClaimed(task.assigneeId);
  }
  // (3)
  const version = (await findVersionById(db, dossier!.procedureVersionId))!;
  const step = (version.steps as ProcedureSteps).userTasks[task.elementId]!;
  const outcome = checkOutcome(step, body.outcome);
  const payload = body.data ?? {};
  checkEditable(step, payload);
  const data = { ...(dossier!.data as object), ...payload };
  validateFormData(version, data);
  // (4)
  const [completed] = await tx
    .update(tasks)
    .set({ status: 'completed', outcome, completedAt: now, completedBy: user.id, assigneeId: user.id })
    .where(eq(tasks.id, task.id))
    .returning();
  const changes = await applyEngineCommand(
    { tx, dossier: { ...dossier!, data }, version, actor: user, now },
    { kind: 'signal', elementId: task.elementId, executionId: task.executionId },
    { kind: 'task', task, outcome },
  );
  return { task: completed!, changes };
}

function checkOutcome(step: StepSpec, outcome: string | undefined): string | null {
  if (!step.outcomes.length) return outcome ?? null;
  if (!outcome || !step.outcomes.includes(outcome)) {
    throw errors.validation([{ path: '/outcome', message: `choose one of: ${step.outcomes.join(', ')}` }]);
  }
  return outcome;
}

/**
 * A step changes only the fields its diagram declares in mc:editableFields; a step that declares
 * none (versions deployed before this rule included) changes none, so a later step cannot
 * rewrite what an earlier one decided or a leader signed.
 */
function checkEditable(step: StepSpec, payload: object): void {
  const editable = step.editableFields ?? [];
  const extra = Object.keys(payload).filter((k) => !editable.includes(k));
  if (extra.length) {
    const why = editable.length
      ? `this step may change only ${editable.join(', ')}`
      : 'this step changes no fields';
    throw errors.validation(extra.map((k) => ({ path: `/data/${k}`, message: `${why}, not ${k}` })));
  }
}
