import crypto from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../core/db.js';
import { procedureVersions, procedures, users } from '../db/schema.js';
import { errors } from '../core/errors.js';
import { compileDiagram } from '../engine/definitions.js';
import { checkFormSchema } from './form-schemas.js';
import { checkStepFields } from '../engine/step-fields.js';
import type { FormSchema } from '../db/procedure-content.schema.js';
import { findCurrentVersion } from './procedures.repository.js';
import type { WorkingUnit } from '../calendar/working-time.js';
import type { AdminProcedure } from './procedures-admin.schema.js';

export interface VersionInput {
  bpmn: string;
  name: string;
  duration: number;
  durationUnit?: WorkingUnit;
  cutoff?: string | null;
  formSchema: object;
  metadata?: object;
}

/** Creates a procedure with its first version; the row comes back with the diagram's warnings. */
export async function createProcedure(db: Db, code: string, input: VersionInput, userId: string | null) {
  const compiled = await prepare(input);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(procedures)
      .values({ code, name: input.name, currentVersion: 1 })
      .onConflictDoNothing()
      .returning();
    if (!created) throw errors.procedureExists(code);
    return tx
      .insert(procedureVersions)
      .values(versionRow(code, 1, input, compiled, userId))
      .returning()
      .then(([row]) => ({ ...row!, warnings: compiled.warnings }));
  });
}

/**
 * Deploys a new immutable version and makes it current. Dossiers already running keep the
 * version they started with. The row comes back with the diagram's warnings.
 */
export async function deployVersion(
  db: Db,
  code: string,
  patch: Partial<VersionInput> & { bpmn: string },
  userId: string | null,
) {
  const current = await findCurrentVersion(db, code);
  if (!current) throw errors.procedureNotFound(code);
  const input: VersionInput = {
    name: patch.name ?? current.name,
    duration: patch.duration ?? current.duration,
    durationUnit: patch.durationUnit ?? current.durationUnit,
    cutoff: patch.cutoff !== undefined ? patch.cutoff : current.cutoff,
    formSchema: patch.formSchema ?? current.formSchema,
    metadata: patch.metadata ?? current.metadata,
    bpmn: patch.bpmn,
  };
  const compiled = await prepare(input);
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .update(procedures)
      .set({ currentVersion: sql`${procedures.currentVersion} + 1`, name: input.name })
      .where(eq(procedures.code, code))
      .returning();
    const version = locked!.currentVersion;
    const [row] = await tx
      .insert(procedureVersions)
      .values(versionRow(code, version, input, compiled, userId))
      .returning();
    return { ...row!, warnings: compiled.warnings };
  });
}

async function prepare(input: VersionInput) {
  checkFormSchema(input.formSchema);
  const formSchema = input.formSchema as FormSchema;
  const legal = { amount: input.duration, unit: input.durationUnit ?? 'days' } as const;
  // The fields' problems refuse the diagram inside compileDiagram, in the modeler's rule set;
  // here the intake is settled and the warnings kept.
  const compiled = await compileDiagram(input.bpmn, legal, formSchema);
  compiled.warnings.push(...checkStepFields(compiled.steps, formSchema).warnings);
  return compiled;
}

function versionRow(
  code: string,
  version: number,
  input: VersionInput,
  compiled: Awaited<ReturnType<typeof compileDiagram>>,
  userId: string | null,
) {
  return {
    procedureCode: code,
    version,
    name: input.name,
    duration: input.duration,
    durationUnit: input.durationUnit ?? 'days',
    cutoff: input.cutoff ?? null,
    formSchema: input.formSchema,
    metadata: input.metadata ?? {},
    bpmn: input.bpmn,
    sourceContext: compiled.sourceContext,
    steps: compiled.steps,
    checksum: checksumOf(input),
    createdBy: userId,
  };
}

/** Identifies a version's content, so a catalogue sync can tell whether anything changed. */
export function checksumOf(input: VersionInput): string {
  const canonical = JSON.stringify([
    input.bpmn,
    input.name,
    input.duration,
    input.durationUnit ?? 'days',
    input.cutoff ?? null,
    input.formSchema,
    input.metadata ?? {},
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** Every procedure with its versions, newest first, and who deployed each: the admin's list. */
export async function listProceduresForAdmin(db: Db): Promise<AdminProcedure[]> {
  const [rows, versions] = await Promise.all([
    db.select().from(procedures).orderBy(procedures.code),
    db
      .select({
        procedureCode: procedureVersions.procedureCode,
        version: procedureVersions.version,
        name: procedureVersions.name,
        createdAt: procedureVersions.createdAt,
        username: users.username,
        fullName: users.fullName,
      })
      .from(procedureVersions)
      .leftJoin(users, eq(users.id, procedureVersions.createdBy))
      .orderBy(desc(procedureVersions.version)),
  ]);
  return rows.map((p) => ({
    code: p.code,
    name: p.name,
    enabled: p.enabled,
    currentVersion: p.currentVersion,
    versions: versions
      .filter((v) => v.procedureCode === p.code)
      .map((v) => ({
        version: v.version,
        name: v.name,
        createdAt: v.createdAt.toISOString(),
        deployedBy: v.username ? { username: v.username, fullName: v.fullName! } : null,
      })),
  }));
}

/** Opens or closes a procedure to new dossiers; dossiers already running go on either way. */
export async function setProcedureEnabled(db: Db, code: string, enabled: boolean): Promise<void> {
  const [row] = await db
    .update(procedures)
    .set({ enabled })
    .where(eq(procedures.code, code))
    .returning({ code: procedures.code });
  if (!row) throw errors.procedureNotFound(code);
}

/**
 * Refuses a new dossier of a disabled procedure. Read under a share lock in the intake's
 * transaction, so an intake and a disable that cross are ordered: the intake either commits
 * before the disable does, or sees it.
 */
export async function requireProcedureEnabled(tx: Queryable, code: string): Promise<void> {
  const [row] = await tx
    .select({ enabled: procedures.enabled })
    .from(procedures)
    .where(eq(procedures.code, code))
    .for('share');
  if (!row?.enabled) throw errors.procedureDisabled(code);
}
