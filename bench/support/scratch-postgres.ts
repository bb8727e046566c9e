import { readdirSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../server/src/core/embedded-postgres.js';
import { removeCluster } from '../../server/src/core/embedded-postgres-home.js';
import { ensureDatabase } from '../../server/src/core/ensure-database.js';
import { freePort } from './free-port.js';

export interface ScratchDatabase {
  url: string;
  /** True when the database was already there (a kept data folder) rather than created now. */
  reused: boolean;
  /** The PostgreSQL processes serving it now, for CPU accounting (empty for an external server). */
  pids(): number[];
  stop(): Promise<void>;
}

export interface ScratchOptions {
  /** Database name to create. */
  name: string;
  /** Loopback port of the embedded cluster; a free one when not given. */
  port?: number;
  /** Keep the embedded cluster here (and reuse it next time) instead of a temporary folder. */
  dir?: string;
  /** Settings for a multi-gigabyte load; left out, the cluster runs on PostgreSQL's defaults. */
  bulkLoad?: boolean;
  /** Load pg_stat_statements (an embedded cluster only), so a bench can count statements. */
  statements?: boolean;
}

/**
 * A database for one bench run: a new database on the server named by DATABASE_URL, or a
 * database in an embedded PostgreSQL cluster (a temporary folder removed afterwards, unless
 * `dir` asks to keep it).
 */
export async function scratchDatabase(options: ScratchOptions): Promise<ScratchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const url = withDatabase(external, options.name);
    const reused = await databaseExists(external, options.name);
    await ensureDatabase(external, options.name);
    return { url, reused, pids: () => [], stop: async () => {} };
  }
  const dir = options.dir
    ? path.resolve(options.dir)
    : await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-'));
  await fs.mkdir(dir, { recursive: true });
  // Run as root, postgres runs as the `postgres` user: an open folder keeps the cluster here
  // rather than in /var/lib/motcua/clusters.
  await fs.chmod(dir, 0o755);
  const cluster = await startEmbeddedPostgres(path.join(dir, 'pg'), options.port ?? (await freePort()), {
    settings: options.statements ? { shared_preload_libraries: 'pg_stat_statements' } : {},
  });
  const reused = await databaseExists(cluster.url('postgres'), options.name);
  await ensureDatabase(cluster.url('postgres'), options.name);
  if (options.bulkLoad) await tuneForBulkLoad(cluster.url('postgres'));
  const postmasterFile = path.join(dir, 'pg', 'postmaster.pid');
  return {
    url: cluster.url(options.name),
    reused,
    pids: () => {
      const postmaster = Number(readFileSync(postmasterFile, 'utf8').split('\n')[0]);
      return [postmaster, ...childrenOf(postmaster)];
    },
    stop: async () => {
      await cluster.stop();
      if (options.dir) return;
      await removeCluster(path.join(dir, 'pg'));
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
      } catch {
        return false; // the process ended while we looked
      }
    })
    .map(Number);
}

/**
 * Fewer checkpoints during a multi-gigabyte load and memory for index builds; everything else
 * stays at the defaults, which is what the query figures are measured with.
 */
async function tuneForBulkLoad(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`alter system set max_wal_size = '4GB'`);
    await client.query(`alter system set checkpoint_timeout = '30min'`);
    await client.query(`alter system set maintenance_work_mem = '512MB'`);
    await client.query('select pg_reload_conf()');
  } finally {
    await client.end();
  }
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return ((await client.query('select 1 from pg_database where datname = $1', [name])).rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
