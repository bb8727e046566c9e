import { eq } from 'drizzle-orm';
import type { Tx } from '../core/db.js';
import { procedureVersions, type ProcedureVersion } from '../db/schema.js';

// A deployed version never changes: its id and content checksum name one row for good, in any
// database this process talks to (tests run several), so the entry never goes stale.
const versions = new Map<string, ProcedureVersion>();

/**
 * The procedure version of a locked dossier, read through the command's own transaction the
 * first time this process meets it, from memory after that.
 */
export async function versionForCommand(tx: Tx, id: number, checksum: string): Promise<ProcedureVersion> {
  const key = `${id}:${checksum}`;
  const cached = versions.get(key);
  if (cached) return cached;
  const [row] = await tx.select().from(procedureVersions).where(eq(procedureVersions.id, id));
  versions.set(key, row!);
  return row!;
}
