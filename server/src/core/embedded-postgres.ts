import fs from 'node:fs/promises';
import path from 'node:path';
import { clusterPassword, settleLegacyPassword } from './embedded-postgres-password.js';
import { loadEmbeddedPostgres } from './embedded-postgres-binaries.js';
import { clusterHome } from './embedded-postgres-home.js';
import { logger } from './logger.js';

export interface EmbeddedCluster {
  /** The URL of `database`, over the cluster's Unix socket when it has one (see `socketUrl`). */
  url(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Extra server settings (`-c name=value`), e.g. the benches' shared_preload_libraries. */
  settings?: Record<string, string>;
}

const USER = 'postgres';
// sun_path holds 107 characters; a cluster kept under /var/lib/motcua/clusters/<sha256> is longer.
const SOCKET_PATH_MAX = 100;

/**
 * Starts (initialising on first run) a real PostgreSQL cluster from the embedded-postgres
 * binaries with its data under `dir`. Works as root from any folder: the package creates a
 * `postgres` user to run as, and binaries or data that user cannot reach are copied or kept
 * elsewhere (embedded-postgres-binaries.ts, embedded-postgres-home.ts). The password is random
 * per cluster, kept beside `dir` in `pg-password` (embedded-postgres-password.ts).
 */
export async function startEmbeddedPostgres(
  dir: string,
  port: number,
  options: EmbeddedOptions = {},
): Promise<EmbeddedCluster> {
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
    postgresFlags: serverFlags(home, port, options.settings ?? {}),
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
  // Read back, not assumed: an adopted postmaster may have been started with another socket folder.
  const socketDir = await socketDirOf(home);
  const urlOf = (password: string, database: string) =>
    socketUrl(`postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`, socketDir);
  try {
    const password = await settleLegacyPassword(secret, (p) => urlOf(p, 'postgres'));
    return { url: (database) => urlOf(password, database), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * TCP on loopback stays open (tools and tests may connect to the port); the socket goes in the
 * cluster's own folder, which only its owner can enter, rather than the world-writable /tmp of
 * PostgreSQL's default, unless that path would not fit a socket address.
 */
function serverFlags(home: string, port: number, settings: Record<string, string>): string[] {
  const socketDir = path.join(home, `.s.PGSQL.${port}`).length <= SOCKET_PATH_MAX ? home : '/tmp';
  const all = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: socketDir,
    max_connections: '200',
    ...settings,
  };
  return Object.entries(all).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

/**
 * The URL over the Unix socket in `socketDir` (the host in the query, which both node-postgres
 * and libpq read; the loopback address stays in the authority so it remains a valid WHATWG URL
 * whose database path callers may change). A round trip over the socket costs the client about
 * a quarter less CPU than over TCP loopback (bench/README.md). No socket: the TCP URL.
 */
function socketUrl(tcpUrl: string, socketDir: string | null): string {
  if (!socketDir) return tcpUrl;
  const url = new URL(tcpUrl);
  url.searchParams.set('host', socketDir);
  return url.toString();
}

/** The first socket folder of the running postmaster of `home` (postmaster.pid line 5); null if none. */
async function socketDirOf(home: string): Promise<string | null> {
  const text = await fs.readFile(path.join(home, 'postmaster.pid'), 'utf8').catch(() => '');
  return text.split('\n')[4]?.trim() || null;
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
