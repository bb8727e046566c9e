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
 * the monthly counts, migrations 0014 and 0015), then writes what they would have written in
 * two set statements: a generated dossier is inserted in its final state, so the feed's one row
 * per dossier is that state, and the counts are exactly `rebuild_month_counts()`. Row by row,
 * the three plpgsql triggers would run 4 million times inside the COPY.
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
  // The statement migration 0014 backfills the feed with, for the dossiers loaded here.
  await pool.query(
    `insert into dossier_status_feed (dossier_id, changed_at, status, due_at, paused_at, finished_at)
     select id, updated_at, status, due_at, paused_at, finished_at from dossiers order by received_at`,
  );
  const fed = performance.now();
  await pool.query('select rebuild_month_counts()');
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  return { result, seconds: { feed: seconds(fed - started), counts: seconds(performance.now() - fed) } };
}
