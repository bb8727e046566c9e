import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../core/db.js';
import {
  departments,
  dossierEvents,
  dossierPauses,
  dossiers,
  tasks,
  type Dossier,
  type ProcedureVersion,
} from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { MessageWait } from '../db/procedure-content.schema.js';
import { sourceContextFor } from '../engine/definitions.js';
import { findVersionById } from '../procedures/procedures.repository.js';
import { lookupSecretMatches } from './lookup-secret.js';
import { DossierStatus, STATUS_LABELS_VI } from './statuses.js';
import type {
  LookupExtension,
  LookupQuery,
  LookupRefusal,
  LookupResult,
  LookupSupplement,
} from './lookup.schema.js';

/** The events the lookup reads: handoffs (for waits on other agencies), the end, extensions. */
const EVENT_TYPES = ['received', 'step_completed', 'message_received', 'timer_fired', 'finished', 'extended'];

/** A step as read from the rows, with department codes still to be named. */
interface StepRow {
  name: string;
  departmentCodes: string[];
  startedAt: Date;
  endedAt: Date | null;
  status: number;
}

type EventRow = Pick<typeof dossierEvents.$inferSelect, 'type' | 'at' | 'stepId' | 'details'>;

/**
 * Public lookup by code and secret: where the dossier is, every step it went through, why a
 * supplement was asked for or the dossier refused, and the first promised date beside a moved
 * one. Only names of steps and departments, dates, statuses and what was written to the citizen
 * (supplement reasons, the apology's reason) leave here; a wrong secret looks like an unknown code.
 */
export async function lookupDossier(db: Db, query: LookupQuery): Promise<LookupResult> {
  const [dossier] = await db
    .select()
    .from(dossiers)
    .where(eq(dossiers.code, query.code.trim().toUpperCase()));
  if (!dossier || !lookupSecretMatches(query.secret, dossier.lookupSecretHash))
    throw errors.dossierNotFound();
  const { version, taskRows, events, pauses } = await readHistory(db, dossier);
  const steps = [...taskSteps(version, taskRows, dossier), ...messageWaits(version, events, dossier)].sort(
    (a, b) => a.startedAt.getTime() - b.startedAt.getTime(),
  );
  const names = await departmentNames(
    db,
    steps.flatMap((s) => s.departmentCodes),
  );
  const named = (codes: string[]) => codes.map((c) => names.get(c) ?? c);
  return {
    code: dossier.code,
    procedureName: version.name,
    ...nationalStatus(dossier.status),
    receivedAt: dossier.receivedAt.toISOString(),
    dueAt: dossier.dueAt.toISOString(),
    originalDueAt: dossier.originalDueAt.toISOString(),
    finishedAt: dossier.finishedAt?.toISOString() ?? null,
    currentSteps: taskRows
      .filter((t) => t.status === 'open' || t.status === 'claimed')
      .map((t) => ({ name: t.name, departments: named(t.departmentCodes) })),
    steps: steps.map((s) => ({
      name: s.name,
      departments: named(s.departmentCodes),
      startedAt: s.startedAt.toISOString(),
      endedAt: s.endedAt?.toISOString() ?? null,
      ...nationalStatus(s.status),
    })),
    supplements: pauses.map(presentSupplement),
    extensions: events.filter((e) => e.type === 'extended').map(presentExtension),
    refusal: refusalOf(dossier, version, events),
  };
}

/** The rows the lookup reads, none of them with a person's name: tasks, handoff events, pauses. */
async function readHistory(db: Db, dossier: Dossier) {
  const [version, taskRows, events, pauses] = await Promise.all([
    findVersionById(db, dossier.procedureVersionId),
    db
      .select({
        elementId: tasks.elementId,
        name: tasks.name,
        departmentCodes: tasks.departmentCodes,
        status: tasks.status,
        createdAt: tasks.createdAt,
        completedAt: tasks.completedAt,
      })
      .from(tasks)
      .where(eq(tasks.dossierId, dossier.id))
      .orderBy(asc(tasks.createdAt), asc(tasks.id)),
    db
      .select({
        type: dossierEvents.type,
        at: dossierEvents.at,
        stepId: dossierEvents.stepId,
        details: dossierEvents.details,
      })
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierId, dossier.id), inArray(dossierEvents.type, EVENT_TYPES)))
      .orderBy(asc(dossierEvents.id)),
    db
      .select({
        startedAt: dossierPauses.startedAt,
        endedAt: dossierPauses.endedAt,
        reasons: dossierPauses.reasons,
        items: dossierPauses.items,
      })
      .from(dossierPauses)
      .where(eq(dossierPauses.dossierId, dossier.id))
      .orderBy(asc(dossierPauses.startedAt)),
  ]);
  return { version: version!, taskRows, events, pauses };
}

type TaskRow = Awaited<ReturnType<typeof readHistory>>['taskRows'][number];
type PauseRow = Awaited<ReturnType<typeof readHistory>>['pauses'][number];

function taskSteps(version: ProcedureVersion, rows: TaskRow[], dossier: Dossier): StepRow[] {
  return rows.map((t) => {
    const spec = version.steps.userTasks[t.elementId];
    return {
      name: spec?.name ?? t.name,
      departmentCodes: t.departmentCodes,
      startedAt: t.createdAt,
      endedAt: t.completedAt,
      status: spec?.status ?? statusAtStart(dossier, t.createdAt),
    };
  });
}

/**
 * A step with no `mc:status` of its own runs under the status the engine gives the dossier
 * (`statusAfter` in dossier-commands.ts): received while the first steps wait after intake,
 * processing after any later command.
 */
function statusAtStart(dossier: Dossier, startedAt: Date): number {
  return startedAt.getTime() === dossier.receivedAt.getTime()
    ? DossierStatus.RECEIVED
    : DossierStatus.PROCESSING;
}

/**
 * Waits for a message from another agency (the tax notice) have no task: each starts at the
 * handoff whose next steps name it and ends when its message arrives (or the dossier ends).
 */
function messageWaits(version: ProcedureVersion, events: EventRow[], dossier: Dossier): StepRow[] {
  const byName = new Map<string, MessageWait>();
  for (const wait of Object.values(version.steps.messageEvents ?? {}))
    if (!byName.has(wait.name)) byName.set(wait.name, wait);
  const open = new Map<string, StepRow>();
  const done: StepRow[] = [];
  for (const event of events) {
    if (event.type === 'message_received' && event.stepId && open.has(event.stepId)) {
      done.push({ ...open.get(event.stepId)!, endedAt: event.at });
      open.delete(event.stepId);
    }
    const nextSteps = (event.details as { nextSteps?: string[] } | null)?.nextSteps ?? [];
    for (const wait of nextSteps.map((name) => byName.get(name))) {
      if (!wait || open.has(wait.id)) continue;
      open.set(wait.id, {
        name: wait.name,
        departmentCodes: wait.departments,
        startedAt: event.at,
        endedAt: null,
        status: version.steps.eventStatuses[wait.id] ?? DossierStatus.PROCESSING,
      });
    }
  }
  return [...done, ...[...open.values()].map((w) => ({ ...w, endedAt: dossier.finishedAt }))];
}

/**
 * A refused dossier: the reason the deciding step gave (a refusal must give one), else, for a
 * dossier refused before decisions carried reasons, the end event's name.
 */
function refusalOf(dossier: Dossier, version: ProcedureVersion, events: EventRow[]): LookupRefusal | null {
  if (dossier.status !== DossierStatus.REFUSED) return null;
  const end = events.filter((e) => e.type === 'finished').at(-1);
  const decided = events.filter((e) => e.type === 'step_completed').at(-1);
  const given = (decided?.details as { reason?: string } | null)?.reason;
  if (given) return { refusedAt: (dossier.finishedAt ?? dossier.updatedAt).toISOString(), reason: given };
  const context = sourceContextFor(version) as {
    getActivityById(id: string): { name?: string } | undefined;
  };
  const endName = end?.stepId ? context.getActivityById(end.stepId)?.name : undefined;
  return {
    refusedAt: (dossier.finishedAt ?? end?.at ?? dossier.updatedAt).toISOString(),
    reason: endName ?? STATUS_LABELS_VI[DossierStatus.REFUSED]!,
  };
}

function presentSupplement(pause: PauseRow): LookupSupplement {
  return {
    requestedAt: pause.startedAt.toISOString(),
    receivedAt: pause.endedAt?.toISOString() ?? null,
    reasons: pause.reasons,
    items: pause.items,
  };
}

function presentExtension(event: EventRow): LookupExtension {
  const details = event.details as { previousDueAt: string; newDueAt: string; reason: string };
  return {
    at: event.at.toISOString(),
    previousDueAt: new Date(details.previousDueAt).toISOString(),
    newDueAt: new Date(details.newDueAt).toISOString(),
    reason: details.reason,
  };
}

function nationalStatus(status: number) {
  return { status, statusText: STATUS_LABELS_VI[status] ?? String(status) };
}

async function departmentNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ code: departments.code, name: departments.name })
    .from(departments)
    .where(inArray(departments.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}
