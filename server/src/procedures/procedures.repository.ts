import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db, Queryable } from '../core/db.js';
import type { IntakeStep } from '../db/procedure-content.schema.js';
import { procedureVersions, procedures, type ProcedureVersion } from '../db/schema.js';
import { settledIntake } from '../engine/step-fields.js';

/** A version as read: its intake step settled, also for versions deployed before steps declared fields. */
export type LoadedVersion = ProcedureVersion & { steps: { intake: IntakeStep } };

function loaded(row: ProcedureVersion): LoadedVersion {
  return { ...row, steps: { ...row.steps, intake: settledIntake(row.steps, row.formSchema) } };
}

export async function findCurrentVersion(db: Queryable, code: string): Promise<LoadedVersion | null> {
  const [row] = await db
    .select({ version: procedureVersions })
    .from(procedures)
    .innerJoin(
      procedureVersions,
      and(
        eq(procedureVersions.procedureCode, procedures.code),
        eq(procedureVersions.version, procedures.currentVersion),
      ),
    )
    .where(eq(procedures.code, code));
  return row ? loaded(row.version) : null;
}

// Versions never change once deployed, so each process keeps those it has read, per database.
const versionsByDatabase = new WeakMap<object, Map<number, LoadedVersion>>();

/**
 * A procedure version by id; read from the database once per process, then from memory. A
 * command passes its transaction as `through`, so the first read does not take a second
 * connection of the pool while it holds the dossier's lock.
 */
export async function findVersionById(
  db: Db,
  id: number,
  through: Queryable = db,
): Promise<LoadedVersion | null> {
  let versions = versionsByDatabase.get(db.$client);
  if (!versions) {
    versions = new Map();
    versionsByDatabase.set(db.$client, versions);
  }
  const cached = versions.get(id);
  if (cached) return cached;
  const [row] = await through.select().from(procedureVersions).where(eq(procedureVersions.id, id));
  if (!row) return null;
  versions.set(id, loaded(row));
  return versions.get(id)!;
}

export async function listCurrentVersions(db: Queryable) {
  return db
    .select({
      code: procedures.code,
      name: procedures.name,
      currentVersion: procedures.currentVersion,
      duration: procedureVersions.duration,
      durationUnit: procedureVersions.durationUnit,
      cutoff: procedureVersions.cutoff,
      enabled: procedures.enabled,
    })
    .from(procedures)
    .innerJoin(
      procedureVersions,
      and(
        eq(procedureVersions.procedureCode, procedures.code),
        eq(procedureVersions.version, procedures.currentVersion),
      ),
    )
    .orderBy(asc(procedures.code));
}

export async function listVersions(db: Queryable, code: string) {
  return db
    .select({
      version: procedureVersions.version,
      name: procedureVersions.name,
      duration: procedureVersions.duration,
      durationUnit: procedureVersions.durationUnit,
      cutoff: procedureVersions.cutoff,
      checksum: procedureVersions.checksum,
      createdAt: procedureVersions.createdAt,
    })
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureCode, code))
    .orderBy(desc(procedureVersions.version));
}

export async function findVersion(
  db: Queryable,
  code: string,
  version: number,
): Promise<LoadedVersion | null> {
  const [row] = await db
    .select()
    .from(procedureVersions)
    .where(and(eq(procedureVersions.procedureCode, code), eq(procedureVersions.version, version)));
  return row ? loaded(row) : null;
}
