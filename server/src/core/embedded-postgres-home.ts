import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  closedAncestor,
  makeDirWithMode,
  postgresUid,
  requireReachableByPostgres,
  runsAsRoot,
} from './embedded-postgres-access.js';
import { passwordFileOf } from './embedded-postgres-password.js';
import { logger } from './logger.js';

/** Where root keeps clusters whose DATA_DIR the `postgres` user cannot reach: state, so /var/lib. */
export const CLUSTERS_ROOT = '/var/lib/motcua/clusters';

/**
 * The folder PostgreSQL keeps the cluster of `dir` in: `dir` itself (or what it links to) when
 * the `postgres` user can reach it. Otherwise, as root under a closed folder such as /root, a
 * folder of ours named by the hash of `dir`, with `dir` left as a symlink to it, so DATA_DIR
 * still shows (and backs up) the cluster and the next start finds it again: through the link,
 * or through the hash when the link was lost. The log line comes when the link is made.
 */
export async function clusterHome(dir: string, clustersRoot = CLUSTERS_ROOT): Promise<string> {
  const link = path.resolve(dir);
  if (!runsAsRoot()) return link;
  const uid = await postgresUid();
  const current = await fs.realpath(link).catch(() => null);
  const closed = await closedAncestor(current ?? link, uid);
  if (!closed) return current ?? link;
  const home = keptHome(link, clustersRoot);
  if (current !== home) await clearWay(link, current, closed);
  await makeDirWithMode(path.dirname(home), 0o755);
  await requireReachableByPostgres(
    home,
    `The database folder ${dir} is closed to the postgres user (${closed}), and so is ${clustersRoot}, where it would be kept`,
    'set DATA_DIR (TMPDIR for the tests and benchmarks) to a folder that user can reach, or run as a user other than root',
  );
  await fs.writeFile(path.join(path.dirname(home), 'DATA_DIR'), `${path.dirname(link)}\n`);
  await setAsideOrphan(home, dir);
  await fs.symlink(home, link, 'dir').catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EEXIST') throw err;
  });
  logger.info(
    { component: 'postgres' },
    `the cluster of ${dir} lives in ${home}, linked from ${dir}: the postgres user that PostgreSQL runs as under root cannot reach ${dir} (${closed})`,
  );
  return home;
}

/**
 * Makes room for the symlink. A link whose target is gone, or an empty folder, can go; a
 * cluster someone put there stays, and the start stops.
 */
async function clearWay(link: string, current: string | null, closed: string): Promise<void> {
  const stat = await fs.lstat(link).catch(() => null);
  if (!stat) return;
  if (stat.isSymbolicLink() && !current) return fs.unlink(link);
  if (stat.isDirectory() && (await fs.readdir(link)).length === 0) return fs.rmdir(link);
  throw new Error(
    `The database folder ${link} is not reachable by the postgres user that PostgreSQL runs as under root (${closed}): move it to a folder that user can reach and leave a symlink in its place, or run as a user other than root`,
  );
}

/**
 * A cluster at the hash with no password in DATA_DIR belongs to a DATA_DIR that was deleted to
 * start over: nothing can log in to it, so it is kept aside rather than reused or removed.
 */
async function setAsideOrphan(home: string, dir: string): Promise<void> {
  const hasCluster = await fs.access(path.join(home, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  const hasPassword = await fs.access(passwordFileOf(dir)).then(
    () => true,
    () => false,
  );
  if (!hasCluster || hasPassword) return;
  const aside = `${home}.orphaned-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await fs.rename(home, aside);
  logger.info(
    { component: 'postgres' },
    `${home} had a cluster without its password in ${path.dirname(dir)}: kept as ${aside}, a new one is made`,
  );
}

/** The folder a cluster of `dir` is kept in when `dir` is closed to the `postgres` user. */
function keptHome(dir: string, clustersRoot: string): string {
  return path.join(clustersRoot, crypto.createHash('sha256').update(path.resolve(dir)).digest('hex'), 'pg');
}

/** Removes a temporary cluster: `dir`, and the folder of ours it was kept in if it was. */
export async function removeCluster(dir: string, clustersRoot = CLUSTERS_ROOT): Promise<void> {
  await fs.rm(path.dirname(keptHome(dir, clustersRoot)), { recursive: true, force: true });
  await fs.rm(dir, { recursive: true, force: true });
}
