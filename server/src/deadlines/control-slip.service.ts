import { clock } from '../core/clock.js';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import { dossierEvents, dossierPauses, procedureVersions, tasks, users } from '../db/schema.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { workingMinutesBetween, type WorkingCalendar } from '../calendar/working-time.js';
import { findDossierByCode } from '../dossiers/dossiers.service.js';
import { classify } from './timeliness.js';
import type { RecordedHandover } from '../db/dossier-content.schema.js';

interface Interval {
  from: Date;
  to: Date;
}

/**
 * The control slip ("Phiếu kiểm soát quá trình giải quyết hồ sơ"): every step with its
 * departments, sender, times, budget, working time used (pauses removed) and result.
 */
export async function controlSlip(db: Db, code: string) {
  const dossier = await findDossierByCode(db, code);
  const now = clock.now();
  const [[version], stepRows, pauses, events, calendar] = await Promise.all([
    db.select().from(procedureVersions).where(eq(procedureVersions.id, dossier.procedureVersionId)),
    db
      .select({ task: tasks, sender: users.fullName })
      .from(tasks)
      .leftJoin(users, eq(users.id, tasks.completedBy))
      .where(eq(tasks.dossierId, dossier.id))
      .orderBy(asc(tasks.createdAt)),
    db
      .select()
      .from(dossierPauses)
      .where(eq(dossierPauses.dossierId, dossier.id))
      .orderBy(asc(dossierPauses.startedAt)),
    db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, dossier.id))
      .orderBy(asc(dossierEvents.id)),
    calendarFor(db, dossier.agencyCode),
  ]);
  const steps = version!.steps;
  const paused: Interval[] = pauses.map((p) => ({ from: p.startedAt, to: p.endedAt ?? now }));
  const handoffs = new Map(
    events
      .filter((e) => e.type === 'step_completed')
      .map((e) => [(e.details as { taskId: string }).taskId, e]),
  );
  return {
    code: dossier.code,
    procedureName: version!.name,
    handover: slipHandover(dossier.resultHandover),
    receivedAt: dossier.receivedAt.toISOString(),
    originalDueAt: dossier.originalDueAt.toISOString(),
    dueAt: dossier.dueAt.toISOString(),
    finishedAt: dossier.finishedAt?.toISOString() ?? null,
    result: dossier.finishedAt ? classify(dossier.finishedAt, dossier.dueAt) : null,
    pauses: pauses.map((p) => ({
      startedAt: p.startedAt.toISOString(),
      endedAt: p.endedAt?.toISOString() ?? null,
      pausedMinutes: p.pausedMinutes,
      reasons: p.reasons,
    })),
    extensions: events
      .filter((e) => e.type === 'extended')
      .map((e) => {
        const d = e.details as { previousDueAt: string; newDueAt: string; reason: string };
        return {
          at: e.at.toISOString(),
          previousDueAt: new Date(d.previousDueAt).toISOString(),
          newDueAt: new Date(d.newDueAt).toISOString(),
          reason: d.reason,
          by: e.actorName ?? '',
        };
      }),
    steps: stepRows.map(({ task, sender }) => ({
      stepId: task.elementId,
      name: task.name,
      departments: task.departmentCodes,
      toDepartments: handoffs.get(task.id)?.toDepartments ?? [],
      sender,
      receivedAt: task.createdAt.toISOString(),
      completedAt: task.completedAt?.toISOString() ?? null,
      dueAt: task.dueAt?.toISOString() ?? null,
      budget: steps.userTasks[task.elementId]?.budget ?? null,
      usedMinutes: Math.round(usedMinutes(task.createdAt, task.completedAt ?? now, paused, calendar)),
      outcome: task.outcome,
      status: task.status,
      result: task.status === 'completed' && task.dueAt ? classify(task.completedAt!, task.dueAt) : null,
    })),
  };
}

/** Working minutes a step took, less the working minutes the dossier was paused meanwhile. */
function usedMinutes(from: Date, to: Date, paused: Interval[], calendar: WorkingCalendar): number {
  let total = workingMinutesBetween(from, to, calendar);
  for (const p of paused) {
    const lo = new Date(Math.max(p.from.getTime(), from.getTime()));
    const hi = new Date(Math.min(p.to.getTime(), to.getTime()));
    if (hi > lo) total -= workingMinutesBetween(lo, hi, calendar);
  }
  return Math.max(0, total);
}

function slipHandover(handover: RecordedHandover | null) {
  if (!handover) return null;
  const { collectorName: _name, collectorIdNumber: _id, ...shown } = handover;
  return shown;
}
