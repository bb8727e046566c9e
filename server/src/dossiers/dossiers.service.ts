import { clock } from '../core/clock.js';
import type { Static } from '@sinclair/typebox';
import { and, asc, count, desc, eq, inArray, lt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../core/db.js';
import { dossierEvents, dossiers, tasks, type Dossier, type ProcedureVersion } from '../db/schema.js';
import { errors } from '../core/errors.js';
import type { SessionUser } from '../core/roles.js';
import { calendarFor } from '../calendar/calendar.repository.js';
import {
  findCurrentVersion,
  findVersionById,
  type LoadedVersion,
} from '../procedures/procedures.repository.js';
import { requireProcedureEnabled } from '../procedures/procedures.service.js';
import { checkEditableFields, validateFormData } from '../procedures/form-schemas.js';
import type { LiveUpdates } from '../realtime/live-updates.js';
import { runDossierCommand } from './run-dossier-command.js';
import { nextTasksOf } from './dossier-commands.js';
import { nextDossierCode } from './dossier-code.js';
import { citizenLookupUrl, hashLookupSecret, lookupKey, lookupSecretOf } from './lookup-secret.js';
import { allowedActions } from './dossier-actions.js';
import { listComments } from './dossier-comments.js';
import { presentOpenTask } from './present-open-task.js';
import { DossierStatus } from './statuses.js';
import { noticeToCitizen } from '../notify/outbox.js';
import { dossierScope } from '../access/dossier-scope.js';
import type { IdempotencyScope } from '../http/idempotency.js';
import type { DossierListQuery, ReceiveDossierBody, ReceivedDossier } from './dossiers.schema.js';
import { checkFees, checkNotifyChannels, promisedDate, receivingDepartment } from './intake-rules.js';

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
 * Receives a dossier at the desk: validates its data against the intake step's fields, gives it a
 * code and a promised date, starts its process and routes it to the first departments, all in
 * one command. With an idempotency key, a retry gets the first answer (its lookup secret derived
 * again, since only the secret's hash was kept) instead of a second dossier.
 */
export async function receiveDossier({ db, live, publicUrl, input, actor, idempotency }: DossierIntake) {
  const version = await currentVersionOf(db, input.procedureCode);
  const intake = version.steps.intake;
  if (intake) checkEditableFields(intake, input.data);
  validateFormData(version, input.data, intake ? { id: intake.id, fields: intake, outcome: null } : null);
  checkNotifyChannels(input);
  checkFees(version, input.fees ?? []);
  const department = receivingDepartment(actor, input.departmentCode);
  const key = await lookupKey(db);
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
        return insertDossier(tx, { input, version, department, actor, key, now, dueAt });
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
        lookupUrl: citizenLookupUrl(publicUrl, dossier.code, lookupSecretOf(key, dossier.code, 1)),
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
  // A replay shows the secret the dossier has now: a new one may have been issued since.
  const [row] = replayed
    ? await db
        .select({ generation: dossiers.lookupSecretGeneration })
        .from(dossiers)
        .where(eq(dossiers.code, answer.code))
    : [{ generation: 1 }];
  return { ...answer, lookupSecret: lookupSecretOf(key, answer.code, row!.generation) };
}

/**
 * The promised date a dossier of `procedureCode` received now at the desk `departmentCode` would
 * get: the very calculation intake makes, so the desk can show it before submitting.
 */
export async function previewPromisedDate(
  db: Db,
  actor: SessionUser,
  procedureCode: string,
  departmentCode: string | undefined,
) {
  const version = await currentVersionOf(db, procedureCode);
  const department = receivingDepartment(actor, departmentCode);
  const now = clock.now();
  const dueAt = promisedDate(version, now, await calendarFor(db, department.agencyCode));
  return {
    procedureCode,
    departmentCode: department.code,
    agencyCode: department.agencyCode,
    from: now.toISOString(),
    dueAt: dueAt.toISOString(),
  };
}

async function currentVersionOf(db: Db, procedureCode: string): Promise<LoadedVersion> {
  const version = await findCurrentVersion(db, procedureCode);
  if (!version)
    throw errors.validation([{ path: '/procedureCode', message: `unknown procedure ${procedureCode}` }]);
  return version;
}

/** What an intake answers, less the secret (never stored with the idempotency key). */
type ReceivedAnswer = Omit<Static<typeof ReceivedDossier>, 'lookupSecret'>;

interface NewDossier {
  input: Static<typeof ReceiveDossierBody>;
  version: ProcedureVersion;
  department: SessionUser['departments'][number];
  actor: SessionUser;
  key: Buffer;
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
      lookupSecretHash: hashLookupSecret(lookupSecretOf(d.key, code, 1)),
      lookupSecretGeneration: 1,
      receivedAt: d.now,
      dueAt: d.dueAt,
      originalDueAt: d.dueAt,
      documents: d.input.documents ?? [],
      fees: d.input.fees ?? [],
      notifyChannels: d.input.notifyChannels ?? [],
      receivedBy: d.actor.id,
      engineState: {},
    })
    .returning();
  return dossier!;
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

/** A dossier as its page shows it to `viewer`, with the actions the viewer may take on it. */
export async function getDossier(db: Db, code: string, viewer: SessionUser) {
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
    resultHandover: dossier.resultHandover ?? null,
    openTasks: openTasks.map(presentOpenTask),
    events,
    comments: await listComments(db, dossier.id),
    actions: allowedActions(dossier, viewer),
  };
}

export async function findDossierByCode(db: Db, code: string): Promise<Dossier> {
  const [dossier] = await db.select().from(dossiers).where(eq(dossiers.code, code));
  if (!dossier) throw errors.dossierNotFound(code);
  return dossier;
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
