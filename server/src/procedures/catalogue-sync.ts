import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../core/db.js';
import { AppError, type FieldProblem } from '../core/errors.js';
import type { WorkingUnit } from '../calendar/working-time.js';
import { formSchemaProblems, procedureFileProblems } from './catalogue-schemas.js';
import { findCurrentVersion } from './procedures.repository.js';
import { checksumOf, createProcedure, deployVersion, type VersionInput } from './procedures.service.js';

interface ProcedureFile {
  code: string;
  name: string;
  duration: number;
  durationUnit: WorkingUnit;
  cutoff?: string;
  [key: string]: unknown;
}

/** A catalogue file that cannot be deployed; the message names the file and every field at fault. */
export class CatalogueError extends Error {
  constructor(file: string, problems: { where: string; message: string }[]) {
    super(`${file}: ${problems.map((p) => `${p.where} ${p.message}`).join('; ')}`);
  }
}

/**
 * Deploys the catalogue in `processes/`: a procedure that is new is created, one whose files
 * changed gets a new version, one that is unchanged is left alone. Folders starting with `_`
 * hold shared schemas, not procedures. Callers hold a lock so that one process syncs at a time.
 */
export async function syncCatalogue(db: Db, dir: string): Promise<{ deployed: string[] }> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const deployed: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory() && !e.name.startsWith('_'))) {
    const folder = path.join(dir, entry.name);
    const input = await readProcedure(folder);
    const current = await findCurrentVersion(db, input.code);
    if (current?.checksum === checksumOf(input)) continue;
    await withFileNamed(folder, () =>
      current ? deployVersion(db, input.code, input, null) : createProcedure(db, input.code, input, null),
    );
    deployed.push(input.code);
  }
  return { deployed };
}

/** Reads and validates one procedure folder: each file against its schema in `processes/_schema/`. */
export async function readProcedure(folder: string): Promise<VersionInput & { code: string }> {
  const read = (file: string) => fs.readFile(path.join(folder, file), 'utf8');
  const [bpmn, procedureText, formText] = await Promise.all([
    read('process.bpmn'),
    read('procedure.json'),
    read('form.schema.json'),
  ]);
  const procedureFile = path.join(folder, 'procedure.json');
  const formFile = path.join(folder, 'form.schema.json');
  const procedure = parseJson(procedureFile, procedureText) as ProcedureFile;
  const formSchema = parseJson(formFile, formText) as object;
  assertValid(procedureFile, procedureFileProblems(procedure));
  assertValid(formFile, formSchemaProblems(formSchema));
  if (procedure.code !== path.basename(folder)) {
    throw new CatalogueError(procedureFile, [
      { where: '/code', message: `must equal the folder name "${path.basename(folder)}"` },
    ]);
  }
  const { code, name, duration, durationUnit, cutoff, ...metadata } = procedure;
  // `$schema` only points editors at the schema; it is not the procedure's metadata.
  delete metadata.$schema;
  return { code, name, duration, durationUnit, cutoff: cutoff ?? null, bpmn, formSchema, metadata };
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CatalogueError(file, [{ where: '/', message: `is not valid JSON: ${(err as Error).message}` }]);
  }
}

function assertValid(file: string, problems: FieldProblem[]): void {
  if (problems.length)
    throw new CatalogueError(
      file,
      problems.map((p) => ({ where: p.path, message: p.message })),
    );
}

/** Deploy errors (a diagram problem, a form that does not compile) name the catalogue file and element. */
async function withFileNamed<T>(folder: string, deploy: () => Promise<T>): Promise<T> {
  try {
    return await deploy();
  } catch (err) {
    if (!(err instanceof AppError) || !Array.isArray(err.details)) throw err;
    const details = err.details as { elementId?: string | null; path?: string; message: string }[];
    const where = (d: (typeof details)[number]) =>
      d.path?.startsWith('/formSchema')
        ? `form.schema.json ${d.path.slice('/formSchema'.length) || '/'}`
        : `process.bpmn ${d.elementId ?? d.path ?? '(diagram)'}`;
    throw new CatalogueError(
      folder,
      details.map((d) => ({ where: where(d), message: d.message })),
    );
  }
}
