import { sql } from 'drizzle-orm';
import type { Tx } from '../core/db.js';

const OFFSET_MS = 7 * 3_600_000;

/**
 * The next dossier code `{agency}-{yyMMdd}-{NNNN}` for an agency and the local (UTC+7) day of
 * `at`. The counter row is incremented atomically, so concurrent intakes never share a code.
 */
export async function nextDossierCode(tx: Tx, agencyCode: string, at: Date): Promise<string> {
  const day = new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
  const result = await tx.execute<{ last: number }>(sql`
    insert into dossier_sequences (agency_code, day, last) values (${agencyCode}, ${day}, 1)
    on conflict (agency_code, day) do update set last = dossier_sequences.last + 1
    returning last`);
  const last = result.rows[0]!.last;
  return `${agencyCode}-${day.slice(2).replaceAll('-', '')}-${String(last).padStart(4, '0')}`;
}
