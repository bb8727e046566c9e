import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../server/src/core/embedded-postgres.js';
import { ensureDatabase } from '../../server/src/core/ensure-database.js';

export interface BenchDatabase {
  url: string;
  /** The PostgreSQL processes serving this bench (empty for an external server). */
  pids(): number[];
  stop(): Promise<void>;
}

/** A fresh database for a bench: on DATABASE_URL's server, or an embedded cluster in a temp folder. */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const admin = new URL(external);
    const url = new URL(external);
    url.pathname = `/${name}`;
    await ensureDatabase(admin.toString(), name);
    return { url: url.toString(), pids: () => [], stop: async () => {} };
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-bench-'));
  await fs.chmod(dir, 0o755);
  const cluster = await startEmbeddedPostgres(path.join(dir, 'pg'), 57000 + (process.pid % 1000));
  await ensureDatabase(cluster.url('postgres'), name);
  const postmasterFile = path.join(dir, 'pg', 'postmaster.pid');
  return {
    url: cluster.url(name),
    pids: () => {
      const postmaster = Number(fsSync.readFileSync(postmasterFile, 'utf8').split('\n')[0]);
      return [postmaster, ...childrenOf(postmaster)];
    },
    stop: async () => {
      await cluster.stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

function childrenOf(pid: number): number[] {
  return fsSync
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(fsSync.readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}
