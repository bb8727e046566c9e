import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../core/db.js';
import { findCurrentVersion } from './procedures.repository.js';
import { checksumOf, createProcedure, deployVersion, type VersionInput } from './procedures.service.js';

interface ProcedureFile {
  code: string;
  name: string;
  durationDays: number;
  [key: string]: unknown;
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
    const input = await readProcedure(path.join(dir, entry.name));
    const current = await findCurrentVersion(db, input.code);
    if (!current) {
      await createProcedure(db, input.code, input, null);
    } else if (current.checksum !== checksumOf(input)) {
      await deployVersion(db, input.code, input, null);
    } else {
      continue;
    }
    deployed.push(input.code);
  }
  return { deployed };
}

async function readProcedure(folder: string): Promise<VersionInput & { code: string }> {
  const read = (file: string) => fs.readFile(path.join(folder, file), 'utf8');
  const [bpmn, procedureJson, formJson] = await Promise.all([read('process.bpmn'), read('procedure.json'), read('form.schema.json')]);
  const { code, name, durationDays, ...metadata } = JSON.parse(procedureJson) as ProcedureFile;
  return { code, name, durationDays, bpmn, formSchema: JSON.parse(formJson) as object, metadata };
}
