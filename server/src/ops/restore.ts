import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { storageConfig } from '../core/config.js';
import { runningPostmaster } from '../core/embedded-postgres.js';
import { clusterHome, removeCluster } from '../core/embedded-postgres-home.js';
import { passwordFileOf } from '../core/embedded-postgres-password.js';
import { makeDirWithMode, runsAsRoot } from '../core/embedded-postgres-access.js';
import { errorFields, logger } from '../core/logger.js';
import { CLUSTER_TAR, DUMP, FILES_TAR, PASSWORD, readManifest, run, untarInto } from './archive.js';

export interface RestoreOptions {
  /** A folder `npm run backup` wrote. */
  from: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Replace what DATA_DIR (or the DATABASE_URL database) already holds. */
  force: boolean;
}

/**
 * Restores a backup into DATA_DIR: the cluster where the server will look for it (through
 * clusterHome, so a DATA_DIR closed to the postgres user works as at start-up) with its
 * password, and the uploaded files. A pg_dump backup goes into the DATABASE_URL database.
 * Refuses a target that holds data unless `force`; never touches a running PostgreSQL.
 */
export async function restore({ from, dataDir, databaseUrl, force }: RestoreOptions): Promise<void> {
  const manifest = await readManifest(from);
  if (manifest.database === 'cluster' && databaseUrl)
    throw new Error('This backup is an embedded cluster: restore it with DATABASE_URL unset');
  if (manifest.database === 'pg_dump' && !databaseUrl)
    throw new Error('This backup is a pg_dump: set DATABASE_URL to the (empty) database to restore it into');
  const files = path.join(dataDir, 'files');
  const pgDir = path.join(dataDir, 'pg');
  // Every refusal before the first change: a refused restore leaves DATA_DIR as it was.
  const cluster = manifest.database === 'cluster' ? await existingCluster(pgDir, force) : null;
  if ((await fs.readdir(files).catch(() => [])).length && !force)
    throw new Error(
      `${files} already holds files: restore into a new DATA_DIR, or pass --force to replace them`,
    );
  await fs.rm(files, { recursive: true, force: true });
  if (manifest.database === 'cluster') await restoreCluster(from, pgDir, cluster);
  else await restoreDump(path.join(from, DUMP), databaseUrl!, force);
  await untarInto(path.join(from, FILES_TAR), files);
}

/** The cluster folder already in DATA_DIR, to replace (`force`), or null; throws when it must stay. */
async function existingCluster(pgDir: string, force: boolean): Promise<string | null> {
  const current = await fs.realpath(pgDir).catch(() => null);
  if (!current || !(await fs.readdir(current).catch(() => [])).length) return null;
  if (await runningPostmaster(current)) throw new Error(`PostgreSQL is running on ${pgDir}: stop it first`);
  if (!force)
    throw new Error(
      `${pgDir} already holds a cluster: restore into a new DATA_DIR, or pass --force to replace it`,
    );
  return current;
}

async function restoreCluster(from: string, pgDir: string, replaced: string | null): Promise<void> {
  if (replaced) await removeCluster(pgDir);
  await fs.rm(passwordFileOf(pgDir), { force: true });
  await fs.mkdir(path.dirname(pgDir), { recursive: true });
  // The password first: clusterHome sets aside a cluster it finds without one.
  await fs.copyFile(path.join(from, PASSWORD), passwordFileOf(pgDir));
  await fs.chmod(passwordFileOf(pgDir), 0o600);
  const home = await clusterHome(pgDir);
  await makeDirWithMode(home, 0o700);
  await untarInto(path.join(from, CLUSTER_TAR), home);
  // PostgreSQL runs as `postgres` under root and refuses a data folder someone else owns.
  if (runsAsRoot()) await run('chown', ['-R', 'postgres', home]);
  await fs.chmod(home, 0o700);
}

async function restoreDump(file: string, url: string, force: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = await client
    .query<{ n: number }>(
      `select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    )
    .finally(() => client.end());
  const held = tables.rows[0]!.n > 0;
  if (held && !force)
    throw new Error('The DATABASE_URL database already has tables: pass --force to replace them');
  await run('pg_restore', [
    '--no-owner',
    '--exit-on-error',
    ...(held ? ['--clean', '--if-exists'] : []),
    `--dbname=${url}`,
    file,
  ]);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { force: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [from] = positionals;
  if (!from) throw new Error('usage: npm run restore -- <backup folder> [--force]');
  const storage = storageConfig();
  await restore({ from: path.resolve(from), ...storage, force: values.force! });
  logger.info({ backup: from, dataDir: storage.dataDir }, `restored ${from} into ${storage.dataDir}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    logger.fatal(errorFields(err), err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
