import type pg from 'pg';
import { sourceContextFor } from '../../server/src/engine/definitions.js';
import { runEngine } from '../../server/src/engine/runtime.js';
import type { Ledger } from './load.js';

export interface Tally {
  acknowledged: number;
  found: number;
  duplicated: number;
  lost: number;
}

/** Checks the database against the ledger: every acknowledged write exactly once, none twice. */
export async function tallyAgainstLedger(
  pool: pg.Pool,
  ledger: Ledger,
): Promise<{ intakes: Tally; completions: Tally }> {
  return { intakes: await tallyIntakes(pool, ledger), completions: await tallyCompletions(pool, ledger) };
}

async function tallyIntakes(pool: pg.Pool, ledger: Ledger): Promise<Tally> {
  const rows = await pool.query<{ key: string; n: number; code: string }>(
    `select substring(data->>'businessName' from 'intake-.*$') as key, count(*)::int as n, min(code) as code
       from dossiers group by 1`,
  );
  const byKey = new Map(rows.rows.map((r) => [r.key, r]));
  const acknowledged = [...ledger.intakes].filter(([, code]) => code !== null);
  return {
    acknowledged: acknowledged.length,
    found: acknowledged.filter(([key, code]) => byKey.get(key)?.n === 1 && byKey.get(key)?.code === code)
      .length,
    // Any key with two dossiers is a duplicate, acknowledged or not.
    // (Dossiers without a key are not the load's: a hostile intake that got through, if any.)
    duplicated: rows.rows.filter((r) => r.key !== null && r.n > 1).length,
    lost: acknowledged.filter(([key]) => !byKey.has(key)).length,
  };
}

async function tallyCompletions(pool: pg.Pool, ledger: Ledger): Promise<Tally> {
  const rows = await pool.query<{ id: string; status: string; outcome: string | null; events: number }>(
    `select t.id, t.status, t.outcome,
            (select count(*)::int from dossier_events e where e.dossier_id = t.dossier_id and e.type = 'step_completed'
                and e.details->>'taskId' = t.id::text) as events
       from tasks t`,
  );
  const byId = new Map(rows.rows.map((r) => [r.id, r]));
  const acknowledged = [...ledger.completions];
  const once = (id: string, outcome: string | null) => {
    const t = byId.get(id);
    return t?.status === 'completed' && t.events === 1 && t.outcome === outcome;
  };
  return {
    acknowledged: acknowledged.length,
    found: acknowledged.filter(([id, outcome]) => once(id, outcome)).length,
    duplicated: rows.rows.filter((r) => r.events > 1).length,
    lost: acknowledged.filter(([id]) => byId.get(id)?.status !== 'completed' || byId.get(id)?.events === 0)
      .length,
  };
}

/**
 * Dossiers whose open tasks are not exactly what their process waits on. Each unfinished
 * dossier's saved state is recovered by the real engine (as the next command would) and its
 * waiting user tasks compared with the open task rows; a finished one must have none open
 * and an engine that is no longer running.
 */
export async function engineDisagreements(pool: pg.Pool): Promise<string[]> {
  const dossiers = await pool.query<{
    id: string;
    code: string;
    finished: boolean;
    engine_state: { state?: string };
    engine_version: number;
    data: Record<string, unknown>;
    checksum: string;
    source_context: unknown;
    open: string[];
  }>(
    `select d.id, d.code, d.finished_at is not null as finished, d.engine_state, d.engine_version, d.data, v.checksum, v.source_context,
            coalesce(array_agg(t.execution_id order by t.execution_id) filter (where t.id is not null), '{}') as open
       from dossiers d join procedure_versions v on v.id = d.procedure_version_id
       left join tasks t on t.dossier_id = d.id and t.status in ('open', 'claimed')
      group by d.id, v.id`,
  );
  const wrong: string[] = [];
  for (const d of dossiers.rows) {
    if (d.finished) {
      if (d.open.length || d.engine_state.state === 'running') wrong.push(d.code);
      continue;
    }
    const run = await runEngine(
      {
        id: d.id,
        version: d.engine_version,
        checksum: d.checksum,
        sourceContext: sourceContextFor({ checksum: d.checksum, sourceContext: d.source_context }),
        savedState: d.engine_state,
      },
      { ...d.data, outcome: null },
      { kind: 'resume' },
    );
    const waiting = run.waiting.map((w) => w.executionId).sort();
    if (waiting.join() !== [...d.open].sort().join()) wrong.push(d.code);
  }
  return wrong;
}

/** Dossiers that did not reach an end event. */
export async function unfinished(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ n: number }>(
    `select count(*)::int as n from dossiers where finished_at is null`,
  );
  return result.rows[0]!.n;
}

/** Open tasks left: zero once every dossier has been driven to its end. */
export async function openTasks(pool: pg.Pool): Promise<number> {
  const result = await pool.query<{ n: number }>(
    `select count(*)::int as n from tasks where status in ('open', 'claimed')`,
  );
  return result.rows[0]!.n;
}
