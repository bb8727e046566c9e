import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../core/db.js';
import { clock } from '../core/clock.js';
import { dossiers, procedureVersions, tasks, userDepartments, users } from '../db/schema.js';
import { addWorkingTime } from '../calendar/working-time.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { enqueueNotice, type Recipient } from '../notify/outbox.js';

/**
 * Warns about deadlines, each warning once (the mark is set in the transaction that queues
 * it): a step due within `aheadHours` working hours and a step overdue go to its assignee or,
 * unclaimed, its department; a dossier due within that window goes to the leaders of its agency.
 */
export async function sendDeadlineReminders(db: Db, aheadHours: number): Promise<number> {
  const now = clock.now();
  const horizon = addWorkingTime(now, aheadHours, 'hours', await calendarFor(db));
  return db.transaction(async (tx) => {
    let sent = 0;
    const open = inArray(tasks.status, ['open', 'claimed']);
    const dueSoon = await taskRows(
      tx,
      and(open, isNull(tasks.remindedAt), gt(tasks.dueAt, now), lte(tasks.dueAt, horizon))!,
    );
    for (const row of dueSoon) {
      await enqueueNotice(tx, 'task_due_soon', taskRecipients(row.task), noticeVars(row), row.dossierId);
      await tx.update(tasks).set({ remindedAt: now }).where(eq(tasks.id, row.task.id));
      sent += 1;
    }
    const overdue = await taskRows(tx, and(open, isNull(tasks.overdueNotifiedAt), lte(tasks.dueAt, now))!);
    for (const row of overdue) {
      await enqueueNotice(tx, 'task_overdue', taskRecipients(row.task), noticeVars(row), row.dossierId);
      await tx
        .update(tasks)
        .set({ overdueNotifiedAt: now, remindedAt: row.task.remindedAt ?? now })
        .where(eq(tasks.id, row.task.id));
      sent += 1;
    }
    sent += await warnLeaders(tx, now, horizon);
    return sent;
  });
}

async function warnLeaders(tx: Tx, now: Date, horizon: Date): Promise<number> {
  const late = await tx
    .select({ dossier: dossiers, procedureName: procedureVersions.name })
    .from(dossiers)
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .where(
      and(
        isNull(dossiers.finishedAt),
        isNull(dossiers.pausedAt),
        isNull(dossiers.lateWarnedAt),
        lte(dossiers.dueAt, horizon),
      ),
    )
    .limit(500);
  for (const { dossier, procedureName } of late) {
    const leaders = await tx
      .selectDistinct({ id: users.id })
      .from(users)
      .innerJoin(userDepartments, eq(userDepartments.userId, users.id))
      .where(
        sql`'leader' = any(${users.roles}) and ${userDepartments.departmentCode} in (select code from departments where agency_code = ${dossier.agencyCode})`,
      );
    const recipients: Recipient[] = leaders.map((l) => ({ channel: 'log', address: `user:${l.id}` }));
    await enqueueNotice(
      tx,
      'dossier_due_soon',
      recipients,
      { code: dossier.code, procedureName, dueAt: dossier.dueAt },
      dossier.id,
    );
    await tx.update(dossiers).set({ lateWarnedAt: now }).where(eq(dossiers.id, dossier.id));
  }
  return late.length;
}

function taskRows(tx: Tx, where: ReturnType<typeof and>) {
  return tx
    .select({
      task: tasks,
      dossierId: dossiers.id,
      code: dossiers.code,
      procedureName: procedureVersions.name,
    })
    .from(tasks)
    .innerJoin(dossiers, eq(dossiers.id, tasks.dossierId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, dossiers.procedureVersionId))
    .where(and(where, isNull(dossiers.pausedAt)))
    .limit(500);
}

/** In-app notices: the log channel addressed to the user or department inbox. */
function taskRecipients(task: typeof tasks.$inferSelect): Recipient[] {
  if (task.assigneeId) return [{ channel: 'log', address: `user:${task.assigneeId}` }];
  return task.departmentCodes.map((code) => ({ channel: 'log', address: `dept:${code}` }));
}

function noticeVars(row: { task: typeof tasks.$inferSelect; code: string; procedureName: string }) {
  return {
    code: row.code,
    procedureName: row.procedureName,
    stepName: row.task.name,
    dueAt: row.task.dueAt ?? undefined,
  };
}
