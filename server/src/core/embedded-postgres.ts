import fs from 'node:fs/promises';
import path from 'node:path';
import { clusterPassword, settleLegacyPassword } from './embedded-postgres-password.js';
import { loadEmbeddedPostgres } from './embedded-postgres-binaries.js';
import { clusterHome } from './embedded-postgres-home.js';
import { logger } from './logger.js';

export interface EmbeddedCluster {
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';

/**
 * Starts (initialising on first run) a real PostgreSQL cluster from the embedded-postgres
 * binaries with its data under `dir`. Works as root from any folder: the package creates a
 * `postgres` user to run as, and binaries or data that user cannot reach are copied or kept
 * elsewhere (embedded-postgres-binaries.ts, embedded-postgres-home.ts). The password is random
 * per cluster, kept beside `dir` in `pg-password` (embedded-postgres-password.ts).
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedCluster> {
  await fs.mkdir(path.dirname(dir), { recursive: true });
  // postgres is given the real folder: behind a symlink in a closed DATA_DIR it could not follow it.
  const home = await clusterHome(dir);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const initialised = await exists(path.join(home, 'PG_VERSION'));
  const secret = await clusterPassword(dir, initialised);
  const pg = new EmbeddedPostgres({
    databaseDir: home,
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
      if (text) logger.error({ component: 'postgres' }, text);
    },
  });
  if (!initialised) await pg.initialise();
  const running = await runningPostmaster(home);
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
export async function runningPostmaster(dir: string): Promise<number | null> {
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
