import { clock } from '../core/clock.js';
import type { Static } from '@sinclair/typebox';
import { and, asc, count, desc, eq, inArray, lt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../core/db.js';
import {
  departments,
  dossierEvents,
  dossiers,
  procedureVersions,
  tasks,
  type Dossier,
  type ProcedureVersion,
} from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import { addWorkingTime, type WorkingCalendar } from '../calendar/working-time.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import { findCurrentVersion, findVersionById } from '../procedures/procedures.repository.js';
import { requireProcedureEnabled } from '../procedures/procedures.service.js';
import { validateFormData } from '../procedures/form-schemas.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import { runDossierCommand } from './run-dossier-command.js';
import { nextTasksOf } from './dossier-commands.js';
import { nextDossierCode } from './dossier-code.js';
import { hashLookupSecret, lookupSecretMatches, newLookupSecret } from './lookup-secret.js';
import { DossierStatus, STATUS_LABELS_VI } from './statuses.js';
import { noticeToCitizen } from '../notify/outbox.js';
import { dossierScope } from '../access/dossier-scope.js';
import type { IdempotencyScope } from '../http/idempotency.js';
import type {
  DossierListQuery,
  LookupQuery,
  ReceiveDossierBody,
  ReceivedDossier,
} from './dossiers.schema.js';

export interface DossierIntake {
  db: Db;
  live: LiveUpdates;
  /** The address citizens reach the server at, for the lookup link sent to them. */
  publicUrl: string;
  input: Static<typeof ReceiveDossierBody>;
  actor: SessionUser;
  idempotency?: IdempotencyScope;
}

/**
 * Receives a dossier at the desk: validates its data against the procedure's form, gives it a
 * code and a promised date, starts its process and routes it to the first departments, all in
 * one command. With an idempotency key, a retry gets the first answer (with a new lookup
 * secret, since only the secret's hash was kept) instead of a second dossier.
 */
export async function receiveDossier({ db, live, publicUrl, input, actor, idempotency }: DossierIntake) {
  const version = await findCurrentVersion(db, input.procedureCode);
  if (!version)
    throw errors.validation([
      { path: '/procedureCode', message: `unknown procedure ${input.procedureCode}` },
    ]);
  validateFormData(version, input.data);
  checkNotifyChannels(input);
  const department = receivingDepartment(actor, input.departmentCode);
  const secret = newLookupSecret();
  const now = clock.now();
  const dueAt = promisedDate(version, now, await calendarFor(db, department.agencyCode));
  const { answer, replayed } = await runDossierCommand({
    db,
    live,
    actor,
    now,
    target: {
      version,
      create: async (tx) => {
        await requireProcedureEnabled(tx, input.procedureCode);
        return insertDossier(tx, { input, version, department, actor, secret, now, dueAt });
      },
    },
    idempotency: idempotency && { scope: idempotency, status: 201 },
    apply: async ({ tx, dossier, runEngine }): Promise<ReceivedAnswer> => {
      const changes = await runEngine({
        command: { kind: 'start' },
        cause: { kind: 'received' },
        openTasks: [],
      });
      await noticeToCitizen(tx, dossier, 'received', {
        dueAt,
        lookupUrl: `${publicUrl}/lookup?code=${encodeURIComponent(dossier.code)}&secret=${secret}`,
      });
      return {
        id: dossier.id,
        code: dossier.code,
        status: changes.status,
        receivedAt: dossier.receivedAt.toISOString(),
        dueAt: dossier.dueAt.toISOString(),
        nextTasks: nextTasksOf(changes),
      };
    },
  });
  if (replayed) {
    const { lookupSecret } = await rotateLookupSecret(db, answer.code);
    return { ...answer, lookupSecret };
  }
  return { ...answer, lookupSecret: secret };
}

/** What an intake answers, less the secret (a replay shows a fresh one). */
type ReceivedAnswer = Omit<Static<typeof ReceivedDossier>, 'lookupSecret'>;

interface NewDossier {
  input: Static<typeof ReceiveDossierBody>;
  version: ProcedureVersion;
  department: SessionUser['departments'][number];
  actor: SessionUser;
  secret: string;
  now: Date;
  dueAt: Date;
}

async function insertDossier(tx: Tx, d: NewDossier): Promise<Dossier> {
  const code = await nextDossierCode(tx, d.department.agencyCode, d.now);
  const [dossier] = await tx
    .insert(dossiers)
    .values({
      code,
      procedureVersionId: d.version.id,
      procedureCode: d.version.procedureCode,
      agencyCode: d.department.agencyCode,
      receivingDepartment: d.department.code,
      involvedDepartments: [d.department.code],
      applicant: d.input.applicant,
      applicantName: d.input.applicant.fullName,
      data: d.input.data,
      status: DossierStatus.RECEIVED,
      channel: d.input.channel,
      lookupSecretHash: hashLookupSecret(d.secret),
      receivedAt: d.now,
      dueAt: d.dueAt,
      originalDueAt: d.dueAt,
      documents: d.input.documents ?? [],
      notifyChannels: d.input.notifyChannels ?? [],
      receivedBy: d.actor.id,
      engineState: {},
    })
    .returning();
  return dossier!;
}

/** The promised return date: the legal duration in working time from receipt, after the cut-off from the next day. */
function promisedDate(version: ProcedureVersion, receivedAt: Date, calendar: WorkingCalendar): Date {
  return addWorkingTime(
    receivedAt,
    version.duration,
    version.durationUnit,
    calendar,
    version.cutoff ? { cutoff: version.cutoff } : {},
  );
}

function checkNotifyChannels(input: Static<typeof ReceiveDossierBody>): void {
  const problems = [];
  if (input.notifyChannels?.includes('sms') && !input.applicant.phone)
    problems.push({ path: '/applicant/phone', message: 'is needed for SMS notifications' });
  if (input.notifyChannels?.includes('email') && !input.applicant.email)
    problems.push({ path: '/applicant/email', message: 'is needed for e-mail notifications' });
  if (problems.length) throw errors.validation(problems);
}

function receivingDepartment(actor: SessionUser, code: string | undefined) {
  const department = code ? actor.departments.find((d) => d.code === code) : actor.departments[0];
  if (!department) {
    throw code
      ? errors.notInDepartment(`You do not belong to department ${code}`)
      : errors.notInDepartment('You belong to no department, so you cannot receive dossiers');
  }
  return department;
}

/** Dossiers inside the viewer's access scope, filtered by the query, newest first. */
export async function listDossiers(db: Db, viewer: SessionUser, query: Static<typeof DossierListQuery>) {
  const where: SQL[] = [];
  const scope = dossierScope(viewer);
  if (scope) where.push(scope);
  if (query.status) where.push(eq(dossiers.status, query.status));
  if (query.procedure) where.push(eq(dossiers.procedureCode, query.procedure));
  if (query.department) where.push(sql`${dossiers.currentDepartments} @> array[${query.department}]::text[]`);
  if (query.overdue === true) where.push(and(isNull(dossiers.finishedAt), lt(dossiers.dueAt, clock.now()))!);
  if (query.q) {
    const text = query.q.trim();
    where.push(
      sql`(${dossiers.code} like ${text.toUpperCase() + '%'} or lower(${dossiers.applicantName}) like ${'%' + text.toLowerCase() + '%'})`,
    );
  }
  const condition = where.length ? and(...where) : undefined;
  if (query.q) return searchDossiers(db, condition!, query);
  const [items, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(dossiers)
      .where(condition)
      .orderBy(desc(dossiers.receivedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(dossiers).where(condition),
  ]);
  return { items: items.map(presentSummary), total: total!.n, page: query.page, pageSize: query.pageSize };
}

/**
 * A text search matches few dossiers, but finding them (trigrams of the name) is most of the
 * cost: the page and the total come from one scan (`count(*) over ()`) instead of two. Only a
 * page past the last result needs a separate count.
 */
async function searchDossiers(db: Db, condition: SQL, query: Static<typeof DossierListQuery>) {
  const rows = await db
    .select({ ...summaryColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(dossiers)
    .where(condition)
    .orderBy(desc(dossiers.receivedAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total =
    rows[0]?.total ??
    (query.page === 1 ? 0 : (await db.select({ n: count() }).from(dossiers).where(condition))[0]!.n);
  return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
}

export async function getDossier(db: Db, code: string) {
  const dossier = await findDossierByCode(db, code);
  const [version, openTasks, events] = await Promise.all([
    findVersionById(db, dossier.procedureVersionId),
    db
      .select()
      .from(tasks)
      .where(and(eq(tasks.dossierId, dossier.id), inArray(tasks.status, ['open', 'claimed'])))
      .orderBy(asc(tasks.createdAt)),
    db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierId, dossier.id))
      .orderBy(asc(dossierEvents.id)),
  ]);
  return {
    ...presentSummary(dossier),
    applicant: dossier.applicant,
    data: dossier.data,
    channel: dossier.channel,
    documents: dossier.documents,
    notifyChannels: dossier.notifyChannels,
    procedureVersion: version!.version,
    openTasks: openTasks.map((t) => ({
      id: t.id,
      name: t.name,
      elementId: t.elementId,
      departmentCodes: t.departmentCodes,
      status: t.status,
      assigneeId: t.assigneeId,
      createdAt: t.createdAt.toISOString(),
      dueAt: t.dueAt?.toISOString() ?? null,
    })),
    events,
  };
}

/** Public lookup: status and dates only, no personal data; a wrong secret looks like an unknown code. */
export async function lookupDossier(db: Db, query: Static<typeof LookupQuery>) {
  const [dossier] = await db
    .select()
    .from(dossiers)
    .where(eq(dossiers.code, query.code.trim().toUpperCase()));
  if (!dossier || !lookupSecretMatches(query.secret, dossier.lookupSecretHash))
    throw errors.dossierNotFound();
  const [version] = await db
    .select({ name: procedureVersions.name })
    .from(procedureVersions)
    .where(eq(procedureVersions.id, dossier.procedureVersionId));
  const open = await db
    .select({ name: tasks.name, departmentCodes: tasks.departmentCodes })
    .from(tasks)
    .where(and(eq(tasks.dossierId, dossier.id), inArray(tasks.status, ['open', 'claimed'])));
  const names = await departmentNames(
    db,
    open.flatMap((t) => t.departmentCodes),
  );
  return {
    code: dossier.code,
    procedureName: version!.name,
    status: dossier.status,
    statusText: STATUS_LABELS_VI[dossier.status] ?? String(dossier.status),
    receivedAt: dossier.receivedAt.toISOString(),
    dueAt: dossier.dueAt.toISOString(),
    finishedAt: dossier.finishedAt?.toISOString() ?? null,
    currentSteps: open.map((t) => ({
      name: t.name,
      departments: t.departmentCodes.map((c) => names.get(c) ?? c),
    })),
  };
}

/**
 * Reprinting the receipt issues a new lookup secret: the old paper stops working, so a lost
 * receipt can be replaced without leaving its secret valid.
 */
export async function rotateLookupSecret(db: Db, code: string) {
  const secret = newLookupSecret();
  const [row] = await db
    .update(dossiers)
    .set({ lookupSecretHash: hashLookupSecret(secret), updatedAt: clock.now() })
    .where(eq(dossiers.code, code))
    .returning({ code: dossiers.code });
  if (!row) throw errors.dossierNotFound(code);
  return { code: row.code, lookupSecret: secret };
}

export async function findDossierByCode(db: Db, code: string): Promise<Dossier> {
  const [dossier] = await db.select().from(dossiers).where(eq(dossiers.code, code));
  if (!dossier) throw errors.dossierNotFound(code);
  return dossier;
}

async function departmentNames(db: Db, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ code: departments.code, name: departments.name })
    .from(departments)
    .where(inArray(departments.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}

const summaryColumns = {
  id: dossiers.id,
  code: dossiers.code,
  procedureCode: dossiers.procedureCode,
  applicantName: dossiers.applicantName,
  status: dossiers.status,
  receivedAt: dossiers.receivedAt,
  dueAt: dossiers.dueAt,
  finishedAt: dossiers.finishedAt,
  currentDepartments: dossiers.currentDepartments,
};

function presentSummary(d: Pick<Dossier, keyof typeof summaryColumns>) {
  return {
    id: d.id,
    code: d.code,
    procedureCode: d.procedureCode,
    applicantName: d.applicantName,
    status: d.status,
    receivedAt: d.receivedAt.toISOString(),
    dueAt: d.dueAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
    currentDepartments: d.currentDepartments,
  };
}
