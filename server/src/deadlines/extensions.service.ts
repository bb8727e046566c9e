import { eq } from 'drizzle-orm';
import { dossierEvents, dossiers } from '../db/schema.js';
import type { DurationUnit } from '../db/procedure-content.schema.js';
import { errors } from '../core/errors.js';
import { assertNotFinished } from '../dossiers/dossiers.repository.js';
import { noticeToCitizen } from '../notify/outbox.js';
import { presentDeadlines, runDeadlineCommand, type DeadlineCommand } from './supplements.service.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { addWorkingTime, isWorkingInstant, type WorkingCalendar } from '../calendar/working-time.js';
import type { NewDueAtProblem } from './extensions.schema.js';

/**
 * Records the apology letter ("Phiếu xin lỗi và hẹn lại ngày trả kết quả"): a new promised date
 * and its reason. The first promised date stays in `originalDueAt` for reporting.
 */
export async function extendDueDate(command: DeadlineCommand & { newDueAt: Date; reason: string }) {
  const { newDueAt, reason } = command;
  return runDeadlineCommand(command, async ({ tx, dossier, version, actor, now }) => {
    assertNotFinished(dossier);
    checkNewDueAt(newDueAt, dossier.dueAt, version, await calendarFor(tx, dossier.agencyCode));
    const [updated] = await tx
      .update(dossiers)
      .set({ dueAt: newDueAt, updatedAt: now })
      .where(eq(dossiers.id, dossier.id))
      .returning();
    await tx.insert(dossierEvents).values({
      dossierId: dossier.id,
      type: 'extended',
      at: now,
      actorId: actor.id,
      actorName: actor.fullName,
      details: { previousDueAt: dossier.dueAt, newDueAt, reason },
    });
    await noticeToCitizen(tx, dossier, 'apology', { reason, dueAt: newDueAt });
    return presentDeadlines(updated!);
  });
}

/**
 * The new date is a promise to a citizen, so it must be a working instant of the agency's
 * calendar (the desk is open to hand the result over), strictly after the current date, and at
 * most the procedure's legal duration again after it, with at least one working day for
 * same-day procedures. The law puts no ceiling on an apology, but a delay longer than the whole
 * procedure is a typing slip (9999-12-31) or a dossier to refuse, not one to extend. Every rule
 * the date breaks is named; outside working time, with the working moment nearest after it.
 */
function checkNewDueAt(
  newDueAt: Date,
  dueAt: Date,
  version: { duration: number; durationUnit: DurationUnit },
  calendar: WorkingCalendar,
): void {
  const days = version.durationUnit === 'days' ? Math.max(version.duration, 1) : 1;
  const latest = addWorkingTime(dueAt, days, 'days', calendar);
  const problems: NewDueAtProblem[] = [];
  const path = '/newDueAt';
  if (newDueAt <= dueAt) {
    const message = `must be after the current promised date ${dueAt.toISOString()}`;
    problems.push({ path, message, keyword: 'notAfterDueAt', params: { dueAt: dueAt.toISOString() } });
  }
  if (!isWorkingInstant(newDueAt, calendar)) {
    // No working time added to an instant outside working hours is the start of the next period.
    const next = addWorkingTime(newDueAt, 0, 'hours', calendar).toISOString();
    const message = `is outside working time; the nearest working moment after it is ${next}`;
    problems.push({ path, message, keyword: 'notWorkingTime', params: { nextWorkingAt: next } });
  }
  if (newDueAt > latest) {
    const message = `must be no later than ${latest.toISOString()} (${days} working days more)`;
    const params = { latest: latest.toISOString(), days };
    problems.push({ path, message, keyword: 'beyondLegalDuration', params });
  }
  if (problems.length) throw errors.validation(problems);
}
