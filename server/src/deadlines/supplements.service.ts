import type { Static } from '@sinclair/typebox';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { dossierEvents, dossierPauses, dossiers, tasks } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import type { ScopedDossier } from '../access/dossier-scope.js';
import { addWorkingTime, workingMinutesBetween } from '../calendar/working-time.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { assertNotFinished, openTasksOf } from '../dossiers/dossiers.repository.js';
import { runDossierCommand, type LockedDossier } from '../dossiers/run-dossier-command.js';
import { DossierStatus } from '../dossiers/statuses.js';
import { noticeToCitizen } from '../notify/outbox.js';
import { noLiveUpdates } from '../realtime/live-updates.js';
import type { SupplementRequestBody } from './deadlines.schema.js';

/** A deadline command on a dossier the actor's scope holds (the route's `dossier`). */
export interface DeadlineCommand {
  db: Db;
  actor: SessionUser;
  dossier: Pick<ScopedDossier, 'id'>;
}

/**
 * Runs a deadline command through the one dossier command path. It opens and closes no task,
 * so there is nothing to publish.
 */
export async function runDeadlineCommand<A>(
  { db, actor, dossier }: DeadlineCommand,
  apply: (locked: LockedDossier) => Promise<A>,
): Promise<A> {
  const { answer } = await runDossierCommand({ db, live: noLiveUpdates, actor, target: dossier, apply });
  return answer;
}

/** Asks the citizen to complete the dossier: its clock stops (status 5) until the supplement arrives. */
export async function requestSupplement(
  command: DeadlineCommand & { body: Static<typeof SupplementRequestBody> },
) {
  const { body } = command;
  return runDeadlineCommand(command, async ({ tx, dossier, actor, now }) => {
    assertNotFinished(dossier);
    if (dossier.pausedAt) throw errors.supplementAlreadyRequested(dossier.code);
    await tx.insert(dossierPauses).values({
      dossierId: dossier.id,
      startedAt: now,
      statusBefore: dossier.status,
      reasons: body.reasons,
      items: body.items,
      requestedBy: actor.id,
    });
    const [updated] = await tx
      .update(dossiers)
      .set({ pausedAt: now, status: DossierStatus.SUPPLEMENT_REQUESTED, updatedAt: now })
      .where(eq(dossiers.id, dossier.id))
      .returning();
    await tx.insert(dossierEvents).values({
      dossierId: dossier.id,
      type: 'supplement_requested',
      at: now,
      actorId: actor.id,
      actorName: actor.fullName,
      details: { reasons: body.reasons, items: body.items },
    });
    await noticeToCitizen(tx, dossier, 'supplement_requested', { reasons: body.reasons });
    return presentDeadlines(updated!);
  });
}

/**
 * The supplement is in: the clock restarts, and the promised date and every open step's due
 * time move on by exactly the working time the dossier was paused.
 */
export async function receiveSupplement(command: DeadlineCommand & { note: string | undefined }) {
  const { note, actor } = command;
  return runDeadlineCommand(command, async ({ tx, dossier, now }) => {
    if (!dossier.pausedAt) throw errors.dossierNotPaused(dossier.code);
    const calendar = await calendarFor(tx, dossier.agencyCode);
    const minutes = workingMinutesBetween(dossier.pausedAt, now, calendar);
    const push = (due: Date) => (minutes > 0 ? addWorkingTime(due, minutes / 60, 'hours', calendar) : due);
    const [pause] = await tx
      .update(dossierPauses)
      .set({ endedAt: now, resumedBy: actor.id, pausedMinutes: Math.round(minutes) })
      .where(and(eq(dossierPauses.dossierId, dossier.id), isNull(dossierPauses.endedAt)))
      .returning();
    const open = await openTasksOf(tx, dossier.id);
    for (const task of open.filter((t) => t.dueAt)) {
      await tx
        .update(tasks)
        .set({ dueAt: push(task.dueAt!) })
        .where(eq(tasks.id, task.id));
    }
    const [updated] = await tx
      .update(dossiers)
      .set({ pausedAt: null, dueAt: push(dossier.dueAt), status: pause!.statusBefore, updatedAt: now })
      .where(eq(dossiers.id, dossier.id))
      .returning();
    await tx.insert(dossierEvents).values({
      dossierId: dossier.id,
      type: 'supplement_received',
      at: now,
      actorId: actor.id,
      actorName: actor.fullName,
      details: {
        pausedMinutes: Math.round(minutes),
        previousDueAt: dossier.dueAt,
        newDueAt: updated!.dueAt,
        note: note ?? null,
      },
    });
    return presentDeadlines(updated!);
  });
}

export function presentDeadlines(d: typeof dossiers.$inferSelect) {
  return {
    code: d.code,
    status: d.status,
    dueAt: d.dueAt.toISOString(),
    originalDueAt: d.originalDueAt.toISOString(),
    pausedAt: d.pausedAt?.toISOString() ?? null,
  };
}
