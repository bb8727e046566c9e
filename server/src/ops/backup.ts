import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { storageConfig } from '../core/config.js';
import { runningPostmaster } from '../core/embedded-postgres.js';
import { passwordFileOf } from '../core/embedded-postgres-password.js';
import { errorFields, logger } from '../core/logger.js';
import {
  CLUSTER_TAR,
  DUMP,
  FILES_TAR,
  MANIFEST,
  PASSWORD,
  run,
  tarDirectory,
  type BackupManifest,
} from './archive.js';

export interface BackupOptions {
  dataDir: string;
  databaseUrl: string | undefined;
  /** The folder the backup folder is made in. */
  outDir: string;
  now?: Date;
}

/**
 * Writes one folder named by the time, `motcua-backup-<UTC time>`, holding the database and a
 * tar of DATA_DIR/files. The embedded cluster is copied whole while it is stopped: this is the
 * only consistent copy the binaries at hand can make. A DATABASE_URL database is dumped with
 * the pg_dump on PATH (custom format), which must be as new as that server. Answers the folder.
 */
export async function backup({
  dataDir,
  databaseUrl,
  outDir,
  now = new Date(),
}: BackupOptions): Promise<string> {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const folder = path.join(path.resolve(outDir), `motcua-backup-${stamp}`);
  await fs.mkdir(path.dirname(folder), { recursive: true });
  // The folder holds the cluster's password and every citizen's data: its owner only.
  await fs.mkdir(folder, { mode: 0o700 });
  try {
    await writeBackup(folder, dataDir, databaseUrl, now);
  } catch (err) {
    // A refused or failed backup leaves no folder that looks like one.
    await fs.rm(folder, { recursive: true, force: true });
    throw err;
  }
  return folder;
}

async function writeBackup(folder: string, dataDir: string, databaseUrl: string | undefined, now: Date) {
  const postgresVersion = databaseUrl
    ? await dumpDatabase(databaseUrl, path.join(folder, DUMP))
    : await copyCluster(path.join(dataDir, 'pg'), folder);
  await tarDirectory(path.join(dataDir, 'files'), path.join(folder, FILES_TAR));
  const manifest: BackupManifest = {
    format: 1,
    database: databaseUrl ? 'pg_dump' : 'cluster',
    postgresVersion,
    createdAt: now.toISOString(),
  };
  await fs.writeFile(path.join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

async function copyCluster(pgDir: string, folder: string): Promise<string> {
  const home = await fs.realpath(pgDir).catch(() => null);
  const version = home && (await fs.readFile(path.join(home, 'PG_VERSION'), 'utf8').catch(() => null));
  if (!home || !version) throw new Error(`${pgDir} holds no PostgreSQL cluster to back up`);
  if (await runningPostmaster(home)) {
    throw new Error(
      `PostgreSQL is running on ${pgDir}: stop the server first (a copy of a running cluster is not consistent)`,
    );
  }
  await tarDirectory(home, path.join(folder, CLUSTER_TAR), ['postmaster.pid', 'postmaster.opts']);
  await fs.copyFile(passwordFileOf(pgDir), path.join(folder, PASSWORD));
  await fs.chmod(path.join(folder, PASSWORD), 0o600);
  return version.trim();
}

async function dumpDatabase(url: string, file: string): Promise<string> {
  await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${url}`]);
  const out = await run('pg_restore', ['--list', file]);
  return /Dumped from database version: (\d+)/.exec(out)?.[1] ?? 'unknown';
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: './backups' } } });
  const folder = await backup({ ...storageConfig(), outDir: values.out! });
  logger.info({ backup: folder }, `backup written to ${folder}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    logger.fatal(errorFields(err), err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
