import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import * as schema from '../db/schema.js';
import { errorFields, logger } from './logger.js';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction handle; repositories take `Db | Tx` so they run inside or outside one. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

// timestamptz as Date, bigint counts as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens a pool on `url` and applies the checked-in migrations. */
export async function openDatabase(url: string, poolSize = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', (err) => logger.error({ component: 'db', ...errorFields(err) }, 'idle client error'));
  const db = drizzle(pool, { schema });
  await migrateExclusively(pool, db);
  return { db, pool, close: () => pool.end() };
}

/** Several server processes may start at once on one database: one migrates, the others wait. */
async function migrateExclusively(pool: pg.Pool, db: Db): Promise<void> {
  await withAdvisoryLock(pool, 'migrate', () => migrate(db, { migrationsFolder }));
}

/** Runs `fn` while holding a session-level advisory lock, so one process at a time runs it. */
export async function withAdvisoryLock<T>(pool: pg.Pool, name: string, fn: () => Promise<T>): Promise<T> {
  const lock = await pool.connect();
  try {
    await lock.query('select pg_advisory_lock(hashtext($1))', [name]);
    return await fn();
  } finally {
    await lock.query('select pg_advisory_unlock(hashtext($1))', [name]).catch(() => {});
    lock.release();
  }
}
