import type { Static } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { dossiers, tasks } from '../db/schema.js';
import { errors } from '../http/errors.js';
import type { SessionUser } from '../auth/roles.js';
import type { ProcedureSteps, StepSpec } from '../engine/bpmn-inspection.js';
import { applyEngineCommand } from '../dossiers/dossier-commands.js';
import { findVersionById } from '../procedures/procedures.repository.js';
import { validateFormData } from '../procedures/form-schemas.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import type { CompleteTaskBody } from './tasks.schema.js';
import { assertMayWork, assertOpen } from './task-access.js';
import { findTask } from './tasks.repository.js';

/**
 * Completes a task and moves the dossier on, in one transaction: (1) lock the dossier, (2)
 * re-read the task under the lock so a second completion sees it closed (409), (3) check the
 * outcome and data against the step, (4) merge the data and signal the engine, which runs to
 * the next wait and writes state, tasks and events. Live inboxes hear of it after commit.
 */
export async function completeTask(
  db: Db,
  live: LiveUpdates,
  user: SessionUser,
  taskId: string,
  body: Static<typeof CompleteTaskBody>,
) {
  const peek = await findTask(db, taskId);
  if (!peek) throw errors.notFound('Task');
  assertMayWork(user, peek);
  const now = new Date();
  const result = await db.transaction(async (tx) => {
    // (1)
    const [dossier] = await tx.select().from(dossiers).where(eq(dossiers.id, peek.dossierId)).for('update');
    // (2)
    const task = (await findTask(tx, taskId, true))!;
    assertOpen(task);
    if (task.status === 'claimed' && task.assigneeId !== user.id) {
      throw errors.conflict('task_claimed', 'Someone else has claimed this task', { assigneeId: task.assigneeId });
    }
    // (3)
    const version = (await findVersionById(tx, dossier!.procedureVersionId))!;
    const step = (version.steps as ProcedureSteps).userTasks[task.elementId]!;
    const outcome = checkOutcome(step, body.outcome);
    const payload = body.data ?? {};
    checkEditable(step, payload);
    const data = { ...(dossier!.data as object), ...payload };
    validateFormData(version, data);
    // (4)
    await tx
      .update(tasks)
      .set({ status: 'completed', outcome, completedAt: now, completedBy: user.id, assigneeId: user.id })
      .where(eq(tasks.id, task.id));
    const updated = { ...dossier!, data };
    await tx.update(dossiers).set({ data }).where(eq(dossiers.id, dossier!.id));
    const changes = await applyEngineCommand(
      { tx, dossier: updated, version, actor: user, now },
      { kind: 'signal', elementId: task.elementId, executionId: task.executionId },
      { kind: 'task', task, outcome },
    );
    return { task: { ...task, status: 'completed' as const, outcome }, changes };
  });
  live.tasksChanged({ created: result.changes.created, closed: [result.task, ...result.changes.closed] });
  return {
    id: taskId,
    outcome: result.task.outcome,
    dossierStatus: result.changes.status,
    nextTasks: result.changes.created.map((t) => ({ id: t.id, name: t.name, departmentCodes: t.departmentCodes })),
  };
}

function checkOutcome(step: StepSpec, outcome: string | undefined): string | null {
  if (!step.outcomes.length) return outcome ?? null;
  if (!outcome || !step.outcomes.includes(outcome)) {
    throw errors.validation([{ path: '/outcome', message: `choose one of: ${step.outcomes.join(', ')}` }]);
  }
  return outcome;
}

function checkEditable(step: StepSpec, payload: object): void {
  if (!step.editableFields) return;
  const extra = Object.keys(payload).filter((k) => !step.editableFields!.includes(k));
  if (extra.length) {
    throw errors.validation(extra.map((k) => ({ path: `/data/${k}`, message: `this step may not change ${k}` })));
  }
}
