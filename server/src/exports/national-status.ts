import type { Db } from '../core/db.js';
import { STATUS_LABELS_VI } from '../dossiers/statuses.js';
import type { NationalStatusLine } from './national-status.schema.js';

interface FeedRow {
  seq: string;
  txid: string;
  changed_at: Date;
  status: number;
  due_at: Date;
  paused_at: Date | null;
  finished_at: Date | null;
  code: string;
  procedure_code: string;
  agency_code: string;
  channel: string;
  received_at: Date;
  original_due_at: Date;
}

// Rows of transactions older than every one still running are final: a transaction that has
// not committed yet has a larger id than all of them, so reading in (txid, seq) order up to
// that horizon never skips a row that commits later.
const READ = `
  select f.seq, f.txid::text as txid, f.changed_at, f.status, f.due_at, f.paused_at, f.finished_at,
         d.code, d.procedure_code, d.agency_code, d.channel, d.received_at, d.original_due_at
    from dossier_status_feed f join dossiers d on d.id = f.dossier_id
   where (f.txid, f.seq) > ($1::xid8, $2::bigint)
     and f.txid < pg_snapshot_xmin(pg_current_snapshot())
     and ($4::text[] is null or d.agency_code = any($4::text[]))
   order by f.txid, f.seq
   limit $3`;

/**
 * The changes after `after` (a cursor of a previous line), oldest first, at most `limit`;
 * `agencies` null for every agency. What a portal sync job reads, from where it stopped.
 */
export async function readNationalStatus(
  db: Db,
  after: string,
  limit: number,
  agencies: string[] | null,
): Promise<NationalStatusLine[]> {
  const [txid, seq] = after.split('.');
  const { rows } = await db.$client.query<FeedRow>(READ, [txid, seq, limit, agencies]);
  return rows.map((r) => ({
    cursor: `${r.txid}.${r.seq}`,
    code: r.code,
    procedure: r.procedure_code,
    agency: r.agency_code,
    status: r.status,
    statusText: STATUS_LABELS_VI[r.status] ?? String(r.status),
    channel: r.channel,
    changedAt: r.changed_at.toISOString(),
    receivedAt: r.received_at.toISOString(),
    dueAt: r.due_at.toISOString(),
    originalDueAt: r.original_due_at.toISOString(),
    pausedAt: r.paused_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  }));
}
