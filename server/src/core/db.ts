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
  const pool = new pg.Pool({ connectionString: url, max: poolSize, Client: PreparingClient });
  pool.on('error', (err) => logger.error({ component: 'db', ...errorFields(err) }, 'idle client error'));
  const db = drizzle(pool, { schema });
  await migrateExclusively(pool, db);
  return { db, pool, close: () => pool.end() };
}

// Distinct statements a process prepares: each costs memory in every backend it was used on,
// and texts built with a varying number of parameters (`in ($1, …, $n)`) must not grow it forever.
const MAX_PREPARED = 400;
const preparedNames = new Map<string, string>();
const seenOnce = new Set<string>();

/**
 * The pool's client: a parameterised statement sent a second time by this process is sent as a
 * named prepared statement, so each connection has PostgreSQL parse it once and later runs send
 * only Bind and Execute (and, after five runs, PostgreSQL may keep a generic plan: plan_cache_mode
 * auto). Every query of the app goes through here, Drizzle's included, so the command path gets
 * prepared statements without a `.prepare()` at each call site. Statements without parameters
 * (BEGIN, COMMIT) keep the one-message simple protocol. A pooler in transaction mode must
 * support protocol-level prepared statements (PgBouncer 1.21 and later).
 */
class PreparingClient extends pg.Client {
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    const named = withStatementName(config, values);
    return (super.query as (...args: unknown[]) => never)(named, values, callback);
  }
}

function withStatementName(config: unknown, values: unknown): unknown {
  const query = typeof config === 'string' ? { text: config } : (config as Partial<pg.QueryConfig> | null);
  // A Query or Submittable object (cursors, COPY streams) goes through untouched.
  if (!query || typeof query.text !== 'string' || query.name || 'submit' in query) return config;
  const params = Array.isArray(values) ? values : query.values;
  if (!params?.length) return config;
  const name = preparedNames.get(query.text) ?? nameOnSecondUse(query.text);
  return name ? { ...query, name } : config;
}

function nameOnSecondUse(text: string): string | undefined {
  if (preparedNames.size >= MAX_PREPARED) return undefined;
  if (!seenOnce.has(text)) {
    if (seenOnce.size >= MAX_PREPARED * 4) seenOnce.clear();
    seenOnce.add(text);
    return undefined;
  }
  const name = `motcua_${preparedNames.size + 1}`;
  preparedNames.set(text, name);
  seenOnce.delete(text);
  return name;
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
