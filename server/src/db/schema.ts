import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import {
  DURATION_UNITS,
  type FormSchema,
  type ProcedureMetadata,
  type ProcedureSteps,
} from './procedure-content.schema.js';
import type {
  Applicant,
  Channel,
  CollectedFee,
  NotifyChannel,
  RecordedHandover,
  ReceivedDocument,
} from './dossier-content.schema.js';
import type { DraftContent } from './draft-content.schema.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A 64-bit transaction id, read as its decimal text (it passes 2^53). */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/** The organisation tree: a leader or supervisor oversees an agency and every agency below it. */
export const agencies = pgTable(
  'agencies',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => agencies.code),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('agencies_parent').on(t.parentCode)],
);

export const departments = pgTable('departments', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  agencyCode: text('agency_code').notNull(),
  agencyName: text('agency_name'),
  parentCode: text('parent_code'),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  fullName: text('full_name').notNull(),
  roles: text('roles').array().notNull(),
  active: boolean('active').notNull().default(true),
  /** For leaders and supervisors: the agency whose whole subtree they oversee (else their departments' agencies). */
  scopeAgencyCode: text('scope_agency_code').references(() => agencies.code),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const userDepartments = pgTable(
  'user_departments',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.departmentCode] })],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: instant('created_at').notNull().defaultNow(),
    /** The absolute end: sign-in plus SESSION_MAX_HOURS. */
    expiresAt: instant('expires_at').notNull(),
    /** Moved on at most once a minute, for the idle timeout. */
    lastSeenAt: instant('last_seen_at').notNull().defaultNow(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/**
 * One row per failed (or still running) sign-in, keyed `user:<name>` and `addr:<ip>`, so the
 * limits hold across every server process on the database.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: instant('at').notNull(),
  },
  (t) => [index('login_failures_key_at').on(t.key, t.at), index('login_failures_at').on(t.at)],
);

export const procedures = pgTable('procedures', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  currentVersion: integer('current_version').notNull(),
  /** A disabled procedure takes no new dossiers; those already running finish on their version. */
  enabled: boolean('enabled').notNull().default(true),
  createdAt: instant('created_at').notNull().defaultNow(),
});

export const procedureVersions = pgTable(
  'procedure_versions',
  {
    id: serial('id').primaryKey(),
    procedureCode: text('procedure_code')
      .notNull()
      .references(() => procedures.code),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** Legal duration in `durationUnit` (working days or working hours), counted from receipt. */
    duration: integer('duration').notNull(),
    durationUnit: text('duration_unit', { enum: DURATION_UNITS }).notNull().default('days'),
    /** Local "HH:mm" after which a receipt counts from the next working day (e.g. certified copies: 15:00). */
    cutoff: text('cutoff'),
    formSchema: jsonb('form_schema').$type<FormSchema>().notNull(),
    metadata: jsonb('metadata')
      .$type<ProcedureMetadata>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    bpmn: text('bpmn').notNull(),
    /** bpmn-engine's serialized moddle context: parsed once at deploy, never again per command. */
    sourceContext: jsonb('source_context').notNull(),
    /** What the runtime needs of each user task and end event, read from the diagram at deploy. */
    steps: jsonb('steps').$type<ProcedureSteps>().notNull(),
    checksum: text('checksum').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedure_versions_code_version').on(t.procedureCode, t.version)],
);

export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    procedureVersionId: integer('procedure_version_id')
      .notNull()
      .references(() => procedureVersions.id),
    procedureCode: text('procedure_code').notNull(),
    agencyCode: text('agency_code').notNull(),
    receivingDepartment: text('receiving_department')
      .notNull()
      .references(() => departments.code),
    applicant: jsonb('applicant').$type<Applicant>().notNull(),
    applicantName: text('applicant_name').notNull(),
    /** The dossier's variables: intake form data merged with each completed step's payload. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    status: smallint('status').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    /** Where the citizen asked to be told of progress: 'sms' (applicant phone), 'email'. */
    notifyChannels: text('notify_channels')
      .array()
      .$type<NotifyChannel[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    lookupSecretHash: text('lookup_secret_hash').notNull(),
    /**
     * The lookup secret is derived from the server's lookup key, the code and this counter
     * (dossiers/lookup-secret.ts), so a reprint shows it again; a new secret counts it up. 0: a
     * random secret from before, which nothing can show again.
     */
    lookupSecretGeneration: integer('lookup_secret_generation').notNull().default(0),
    receivedAt: instant('received_at').notNull(),
    dueAt: instant('due_at').notNull(),
    /** The date first promised on the receipt; kept for reporting when an apology moves `dueAt`. */
    originalDueAt: instant('original_due_at').notNull(),
    /** Set while a supplement request stops the clock. */
    pausedAt: instant('paused_at'),
    lateWarnedAt: instant('late_warned_at'),
    finishedAt: instant('finished_at'),
    receivedBy: uuid('received_by').references(() => users.id),
    /** bpmn-engine getState() without the BPMN source and without the variables (kept in `data`). */
    engineState: jsonb('engine_state').notNull(),
    engineVersion: integer('engine_version').notNull().default(1),
    currentDepartments: text('current_departments')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The receiving department and every department that holds or held one of its steps: the access scope reads it. */
    involvedDepartments: text('involved_departments')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The required-documents checklist as ticked at the desk: name, original or copy, count. */
    documents: jsonb('documents')
      .$type<ReceivedDocument[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** The procedure's fees as the desk collected them (none for a dossier received before fees were kept). */
    fees: jsonb('fees')
      .$type<CollectedFee[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** How the result was handed over (in person or by post), set by the step returning it. */
    resultHandover: jsonb('result_handover').$type<RecordedHandover>(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('dossiers_status_received').on(t.status, t.receivedAt),
    index('dossiers_procedure').on(t.procedureCode, t.receivedAt),
    // Search: a code prefix (LIKE 'X%' can use a btree only with pattern ops under a non-C
    // collation) or any part of the applicant's name (trigrams; the prefix index this replaces
    // could not serve '%name%'). EXPLAIN figures in bench/README.md.
    index('dossiers_code_pattern').on(sql`${t.code} text_pattern_ops`),
    index('dossiers_applicant_name_trgm').using('gin', sql`lower(${t.applicantName}) gin_trgm_ops`),
    // The on-time summary of a unit and II.06a of agencies: the dossiers received in the period.
    index('dossiers_unit_received').on(t.receivingDepartment, t.receivedAt),
    index('dossiers_involved_departments').using('gin', t.involvedDepartments),
    index('dossiers_agency_received').on(t.agencyCode, t.receivedAt),
    // A unit's or an agency's open dossiers, newest first.
    index('dossiers_unit_open')
      .on(t.receivingDepartment, t.receivedAt)
      .where(sql`finished_at is null`),
    index('dossiers_agency_open')
      .on(t.agencyCode, t.receivedAt)
      .where(sql`finished_at is null`),
    // Carried over into a report's period: received before its first instant and not finished by
    // then, i.e. the range (received, finished] holds that instant. A btree on either column
    // ranges over every dossier received before, or finished after, the period (EXPLAIN figures
    // in bench/README.md).
    index('dossiers_in_flight').using('gist', sql`tstzrange(${t.receivedAt}, ${t.finishedAt}, '(]')`),
    // Step durations: a procedure's dossiers finished since the period began, or still open.
    index('dossiers_procedure_finished').on(t.procedureCode, t.finishedAt, t.receivedAt),
  ],
);

export const dossierSequences = pgTable(
  'dossier_sequences',
  {
    agencyCode: text('agency_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** bpmn-engine's execution id of the waiting activity: one row per activation. */
    executionId: text('execution_id').notNull().unique(),
    elementId: text('element_id').notNull(),
    name: text('name').notNull(),
    departmentCodes: text('department_codes').array().notNull(),
    role: text('role'),
    status: text('status', { enum: ['open', 'claimed', 'completed', 'cancelled'] }).notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id),
    outcome: text('outcome'),
    createdAt: instant('created_at').notNull().defaultNow(),
    claimedAt: instant('claimed_at'),
    completedAt: instant('completed_at'),
    completedBy: uuid('completed_by').references(() => users.id),
    /**
     * Working minutes from creation to claim and from claim to completion, in the calendar of the
     * agency that received the dossier, written when the task completes: the step reports take
     * percentiles over them in SQL instead of walking calendars for every row they read.
     */
    waitingMinutes: doublePrecision('waiting_minutes'),
    workingMinutes: doublePrecision('working_minutes'),
    dueAt: instant('due_at'),
    remindedAt: instant('reminded_at'),
    overdueNotifiedAt: instant('overdue_notified_at'),
    /** The step was done before on this dossier and the work came back to it (claimed for who did it). */
    returned: boolean('returned').notNull().default(false),
    /** Why it came back: the reason given with the decision that sent it back. */
    returnReason: text('return_reason'),
  },
  (t) => [
    index('tasks_open_due')
      .on(t.dueAt)
      .where(sql`status in ('open', 'claimed')`),
    index('tasks_open_by_department')
      .using('gin', t.departmentCodes)
      .where(sql`status in ('open', 'claimed')`),
    index('tasks_open_by_assignee')
      .on(t.assigneeId)
      .where(sql`status = 'claimed'`),
    index('tasks_dossier').on(t.dossierId),
    // Completed before the minutes were written (fillStepMinutes): empty once filled.
    index('tasks_minutes_missing')
      .on(t.id)
      .where(sql`status = 'completed' and waiting_minutes is null`),
  ],
);

/** The control slip: every reception, handoff and decision, appended and never updated. */
export const dossierEvents = pgTable(
  'dossier_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    type: text('type').notNull(),
    at: instant('at').notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    stepId: text('step_id'),
    stepName: text('step_name'),
    fromDepartment: text('from_department'),
    toDepartments: text('to_departments').array(),
    outcome: text('outcome'),
    details: jsonb('details'),
  },
  (t) => [
    index('dossier_events_dossier').on(t.dossierId, t.id),
    // The reports' first apology of a dossier: one probe a counted dossier, almost always empty.
    index('dossier_events_extended')
      .on(t.dossierId, t.id)
      .where(sql`type = 'extended'`),
  ],
);

/**
 * The comment thread of a dossier: what staff write to each other on it (who, when, at which
 * step), and the reasons given with decisions that sent work back or refused it.
 */
export const dossierComments = pgTable(
  'dossier_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorName: text('author_name').notNull(),
    kind: text('kind', { enum: ['comment', 'reason'] }).notNull(),
    stepId: text('step_id'),
    stepName: text('step_name'),
    outcome: text('outcome'),
    body: text('body').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [index('dossier_comments_dossier').on(t.dossierId, t.createdAt)],
);

/** Public holidays (inclusive ranges); a null agency means the national calendar. */
export const calendarHolidays = pgTable('calendar_holidays', {
  id: serial('id').primaryKey(),
  agencyCode: text('agency_code'),
  fromDate: date('from_date', { mode: 'string' }).notNull(),
  toDate: date('to_date', { mode: 'string' }).notNull(),
  name: text('name').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/** Compensatory working days (e.g. a Saturday worked in exchange for a bridge holiday). */
export const calendarWorkdays = pgTable(
  'calendar_workdays',
  {
    id: serial('id').primaryKey(),
    agencyCode: text('agency_code'),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('calendar_workdays_agency_date').on(sql`coalesce(${t.agencyCode}, '')`, t.date)],
);

/** Supplement requests: the dossier's clock stops from `startedAt` to `endedAt`. */
export const dossierPauses = pgTable(
  'dossier_pauses',
  {
    id: serial('id').primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    startedAt: instant('started_at').notNull(),
    endedAt: instant('ended_at'),
    /** The status to return to when the supplement arrives. */
    statusBefore: smallint('status_before').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    items: jsonb('items').$type<string[]>().notNull(),
    requestedBy: uuid('requested_by').references(() => users.id),
    resumedBy: uuid('resumed_by').references(() => users.id),
    pausedMinutes: integer('paused_minutes'),
  },
  (t) => [index('dossier_pauses_dossier').on(t.dossierId)],
);

/** BPMN timers waiting in a dossier's process, fired by the timer job even after a restart. */
export const engineTimers = pgTable(
  'engine_timers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    elementId: text('element_id').notNull(),
    executionId: text('execution_id').notNull().unique(),
    fireAt: instant('fire_at').notNull(),
    status: text('status', { enum: ['pending', 'fired', 'cancelled'] }).notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    firedAt: instant('fired_at'),
  },
  (t) => [
    index('engine_timers_pending')
      .on(t.fireAt)
      .where(sql`status = 'pending'`),
  ],
);

/** The outbox: written with the state change, delivered by a job with retries. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull().defaultNow(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('notifications_due')
      .on(t.nextAttemptAt)
      .where(sql`status = 'pending'`),
  ],
);

/**
 * Requests made with an `Idempotency-Key`: the key is claimed in the transaction of the
 * command it guards, so a retry after any crash finds either nothing done or the answer.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    route: text('route').notNull(),
    /** sha256 of route + canonical body (`http/idempotency.ts`): the key is bound to its request. */
    requestHash: text('request_hash').notNull().default(''),
    status: integer('status'),
    response: jsonb('response'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/** A file attached to a dossier: its bytes under DATA_DIR/files, its metadata here. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Path relative to the files folder, never shown to clients. */
    storagePath: text('storage_path').notNull(),
    /** The paper of the procedure's checklist this file is a scan of, when the desk said so. */
    documentName: text('document_name'),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_dossier').on(t.dossierId, t.createdAt)],
);

/** Every read of a dossier's personal data by staff: who, when, which dossier, through which route. */
export const personalDataReads = pgTable(
  'personal_data_reads',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    route: text('route').notNull(),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => [
    index('personal_data_reads_dossier').on(t.dossierId, t.at),
    index('personal_data_reads_user').on(t.userId, t.at),
  ],
);

/**
 * `@socket.io/postgres-adapter`'s table, in the shape its README gives: a live update over
 * NOTIFY's 8000-byte limit (or with binary data) travels here and the NOTIFY carries its id.
 * The adapter deletes rows older than its cleanup interval; nothing else reads it.
 */
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial('id', { mode: 'number' }).unique(),
  createdAt: instant('created_at').defaultNow(),
  payload: bytea('payload'),
});

/**
 * Keys the server derives things from (the lookup secrets), made once per database: every server
 * process on it shares them, and a backup carries them with the hashes they match.
 */
export const serverKeys = pgTable('server_keys', {
  name: text('name').primaryKey(),
  key: bytea('key').notNull(),
  createdAt: instant('created_at').notNull().defaultNow(),
});

/**
 * Every change of what the national portal tracks of a dossier (status, promised date, pause,
 * finish), one row per change, in commit order: the portal sync reads it from a cursor. Written
 * by a trigger on `dossiers` (migration 0014), so no command can change a dossier without it.
 */
export const dossierStatusFeed = pgTable(
  'dossier_status_feed',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    /** The command's time (the dossier's updated_at; its received_at for an intake). */
    changedAt: instant('changed_at').notNull(),
    status: smallint('status').notNull(),
    dueAt: instant('due_at').notNull(),
    pausedAt: instant('paused_at'),
    finishedAt: instant('finished_at'),
    /**
     * The writing transaction: a reader takes only rows of transactions older than every one
     * still running, in (txid, seq) order, so a row committed late can never land behind its cursor.
     */
    txid: xid8('txid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('dossier_status_feed_dossier').on(t.dossierId, t.seq),
    index('dossier_status_feed_cursor').on(t.txid, t.seq),
  ],
);

/**
 * Dossiers received and resolved per local month, unit and procedure: what the supervisor's
 * trends read, kept exact by a trigger on `dossiers` (migration 0015) instead of counted over the
 * archive per request. Each count is striped over 8 rows (`stripe`) so that intakes at one desk
 * do not queue on one row lock until commit; a read sums the stripes.
 */
export const dossierMonthCounts = pgTable(
  'dossier_month_counts',
  {
    month: date('month').notNull(),
    agencyCode: text('agency_code').notNull(),
    department: text('department').notNull(),
    procedureCode: text('procedure_code').notNull(),
    stripe: smallint('stripe').notNull(),
    received: integer('received').notNull().default(0),
    receivedOnline: integer('received_online').notNull().default(0),
    resolvedEarly: integer('resolved_early').notNull().default(0),
    resolvedOnTime: integer('resolved_on_time').notNull().default(0),
    resolvedLate: integer('resolved_late').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.agencyCode, t.department, t.procedureCode, t.stripe] }),
    index('dossier_month_counts_department').on(t.department, t.month),
  ],
);

/** Steps each officer completed per local month, on time or late against the step's budget (migration 0015). */
export const officerMonthCounts = pgTable(
  'officer_month_counts',
  {
    month: date('month').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    completed: integer('completed').notNull().default(0),
    late: integer('late').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.userId] })],
);

/**
 * The one open draft of a procedure, deployed or not yet: what the modeler autosaves. `revision`
 * goes up by one on every save, so two designers saving over each other see it (409).
 */
export const procedureDrafts = pgTable('procedure_drafts', {
  procedureCode: text('procedure_code').primaryKey(),
  revision: integer('revision').notNull(),
  content: jsonb('content').$type<DraftContent>().notNull(),
  /** The version current when the draft was begun; null for a procedure not deployed yet. */
  baseVersion: integer('base_version'),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export type Department = typeof departments.$inferSelect;
export type User = typeof users.$inferSelect;
export type ProcedureVersion = typeof procedureVersions.$inferSelect;
export type Dossier = typeof dossiers.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type DossierEvent = typeof dossierEvents.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
export type ProcedureDraft = typeof procedureDrafts.$inferSelect;
