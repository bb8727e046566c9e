import type pg from 'pg';

/**
 * Runs a bulk load with the tables' secondary indexes and foreign keys set aside, then puts
 * them back exactly as the migrations defined them (read from the catalog, not restated).
 * This is what pg_restore does: building an index once over sorted data and validating a
 * foreign key in one pass are many times faster than maintaining them row by row. Primary
 * keys and unique constraints stay, so a duplicate still fails the load.
 */
export async function withIndexesDeferred<T>(
  pool: pg.Pool,
  tables: string[],
  load: () => Promise<T>,
): Promise<T> {
  const indexes = await pool.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = 'public' and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  const foreignKeys = await pool.query<{ name: string; tbl: string; definition: string }>(
    `select conname as name, conrelid::regclass::text as tbl, pg_get_constraintdef(oid) as definition
       from pg_constraint where contype = 'f' and conrelid::regclass::text = any($1)`,
    [tables],
  );
  for (const fk of foreignKeys.rows) await pool.query(`alter table ${fk.tbl} drop constraint "${fk.name}"`);
  for (const index of indexes.rows) await pool.query(`drop index "${index.name}"`);
  const result = await load();
  // Index builds use parallel workers and maintenance_work_mem; run them one after another
  // so a 2-core machine is not oversubscribed.
  for (const index of indexes.rows) await pool.query(index.definition);
  for (const fk of foreignKeys.rows)
    await pool.query(`alter table ${fk.tbl} add constraint "${fk.name}" ${fk.definition}`);
  return result;
}

/**
 * Runs a bulk load with the user triggers of `tables` disabled (the national status feed and
 * the monthly counts, migrations 0014 and 0015), then writes what they would have written, one
 * set statement a table. A generated dossier is inserted in its final state, so the feed's one
 * line per dossier is that state. Row by row, the plpgsql triggers (and `rebuild_month_counts()`,
 * which calls the same functions) make millions of upserts on a few thousand counter rows; the
 * group-by below is the same arithmetic in one pass, and the smoke test checks it against
 * `rebuild_month_counts()` (test/bench/scale.spec.ts).
 */
export async function withTriggersDeferred<T>(
  pool: pg.Pool,
  tables: string[],
  load: () => Promise<T>,
): Promise<{ result: T; seconds: { feed: number; counts: number } }> {
  for (const table of tables) await pool.query(`alter table ${table} disable trigger user`);
  let result: T;
  try {
    result = await load();
  } finally {
    for (const table of tables) await pool.query(`alter table ${table} enable trigger user`);
  }
  const started = performance.now();
  await pool.query(FEED);
  const fed = performance.now();
  await pool.query(DOSSIER_COUNTS);
  await pool.query(OFFICER_COUNTS);
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  return { result, seconds: { feed: seconds(fed - started), counts: seconds(performance.now() - fed) } };
}

// The statement migration 0014 backfills the feed with.
const FEED = `
  insert into dossier_status_feed (dossier_id, changed_at, status, due_at, paused_at, finished_at)
  select id, updated_at, status, due_at, paused_at, finished_at from dossiers order by received_at`;

const local = (column: string) => `(${column} at time zone 'Asia/Ho_Chi_Minh')`;

// dossier_month_counts_add (migration 0015) for every dossier: received in the month of
// received_at; early, on time or late in the month of finished_at; stripe from the id's hash.
const DOSSIER_COUNTS = `
  insert into dossier_month_counts (month, agency_code, department, procedure_code, stripe, received,
                                    received_online, resolved_early, resolved_on_time, resolved_late)
  select month, agency_code, department, procedure_code, stripe, sum(received), sum(online),
         sum(early), sum(on_time), sum(late)
    from (select date_trunc('month', ${local('received_at')})::date as month, agency_code,
                 receiving_department as department, procedure_code, hashtext(id::text) & 7 as stripe,
                 1 as received, (channel = 'online')::int as online, 0 as early, 0 as on_time, 0 as late
            from dossiers
          union all
          select date_trunc('month', ${local('finished_at')})::date, agency_code, receiving_department,
                 procedure_code, hashtext(id::text) & 7, 0, 0,
                 (finished_at <= due_at and ${local('finished_at')}::date < ${local('due_at')}::date)::int,
                 (finished_at <= due_at and ${local('finished_at')}::date >= ${local('due_at')}::date)::int,
                 (finished_at > due_at)::int
            from dossiers where finished_at is not null) parts
   group by 1, 2, 3, 4, 5`;

// officer_month_counts_add for every completed step with its officer.
const OFFICER_COUNTS = `
  insert into officer_month_counts (month, user_id, completed, late)
  select date_trunc('month', ${local('completed_at')})::date, completed_by, count(*),
         count(*) filter (where completed_at > due_at)
    from tasks where status = 'completed' and completed_by is not null and completed_at is not null
   group by 1, 2`;
