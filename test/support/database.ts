import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  runningPostmaster,
  startEmbeddedPostgres,
  type EmbeddedCluster,
} from '../../server/src/core/embedded-postgres.js';
import { removeCluster } from '../../server/src/core/embedded-postgres-home.js';
import { ensureDatabase } from '../../server/src/core/ensure-database.js';
import { openDatabase } from '../../server/src/core/db.js';
import { loadConfig } from '../../server/src/core/config.js';
import { seedDatabase } from '../../server/src/seed/seed-database.js';
import { freePort } from '../../bench/support/free-port.js';
import { waitFor } from './wait-for.js';

/**
 * What a fresh database holds: `seeded`, what a first start in demo mode leaves (the admin, the
 * demo staff, the public holidays, the catalogue deployed), so a server booted on it has nothing
 * left to deploy; `empty`, only the migrations, for specs that fill it themselves.
 */
export type DatabaseContents = 'seeded' | 'empty';

const TEMPLATES: Record<DatabaseContents, string> = {
  empty: 'motcua_test_template',
  seeded: 'motcua_test_template_seeded',
};

interface TestCluster {
  url(database: string): string;
  stop(): Promise<void>;
}

let cluster: TestCluster | null = null;
let counter = 0;

/**
 * One real PostgreSQL for the whole run: an embedded cluster in a temporary folder, or the
 * server named by DATABASE_URL. Template databases, migrated and seeded once here, make each
 * suite's fresh database a cheap copy: no suite's server migrates, hashes or deploys again.
 */
export async function startTestCluster(): Promise<void> {
  const external = process.env.DATABASE_URL;
  if (external) {
    cluster = { url: (db) => withDatabase(external, db), stop: async () => {} };
  } else {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-test-pg-'));
    // Run as root, postgres runs as the `postgres` user: an open folder keeps the cluster here
    // rather than in /var/lib/motcua/clusters (a closed TMPDIR still works, from there).
    await fs.chmod(dir, 0o755);
    const embedded: EmbeddedCluster = await startEmbeddedPostgres(path.join(dir, 'pg'), await freePort());
    cluster = {
      url: embedded.url,
      stop: async () => {
        await stopAtOnce(path.join(dir, 'pg'));
        await removeCluster(path.join(dir, 'pg'));
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  }
  await createTemplates();
}

/** Migrated once, seeded once: each suite's database is a copy of one of these. */
async function createTemplates(): Promise<void> {
  await dropDatabase(TEMPLATES.seeded);
  await dropDatabase(TEMPLATES.empty);
  await ensureDatabase(cluster!.url('postgres'), TEMPLATES.empty);
  const empty = await openDatabase(cluster!.url(TEMPLATES.empty), 2);
  await empty.close();
  await ensureDatabase(cluster!.url('postgres'), TEMPLATES.seeded, TEMPLATES.empty);
  const seeded = await openDatabase(cluster!.url(TEMPLATES.seeded), 2);
  try {
    await seedDatabase(seeded.db, loadConfig({}));
  } finally {
    await seeded.close();
  }
}

export async function stopTestCluster(): Promise<void> {
  await cluster?.stop();
  cluster = null;
}

/** A new database for one suite, seeded unless asked `empty`. */
export async function freshDatabaseUrl(contents: DatabaseContents = 'seeded'): Promise<string> {
  if (!cluster) throw new Error('test cluster not started');
  const name = `motcua_test_${process.pid}_${++counter}`;
  await dropDatabase(name);
  await ensureDatabase(cluster.url('postgres'), name, TEMPLATES[contents]);
  return cluster.url(name);
}

/**
 * Stops the run's cluster in PostgreSQL's immediate mode. It is deleted next, so the shutdown
 * checkpoint a normal stop writes, of every suite's database, is wasted: it took over the root
 * hook's minute on a busy machine.
 */
async function stopAtOnce(dir: string): Promise<void> {
  const home = await fs.realpath(dir);
  const pid = await runningPostmaster(home);
  if (!pid) return;
  process.kill(pid, 'SIGQUIT');
  await waitFor('PostgreSQL to stop', async () =>
    (await runningPostmaster(home)) === null ? true : undefined,
  );
}

async function dropDatabase(name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: cluster!.url('postgres') });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** One SQL statement against a test server's database, on a connection of its own. */
export async function queryDatabase<R extends object = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<R>(text, values);
  } finally {
    await client.end();
  }
}
