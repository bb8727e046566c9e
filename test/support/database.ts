import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedCluster } from '../../server/src/core/embedded-postgres.js';
import { removeCluster } from '../../server/src/core/embedded-postgres-home.js';
import { ensureDatabase } from '../../server/src/core/ensure-database.js';
import { openDatabase } from '../../server/src/core/db.js';

const TEMPLATE = 'motcua_test_template';

interface TestCluster {
  url(database: string): string;
  stop(): Promise<void>;
}

let cluster: TestCluster | null = null;
let counter = 0;

/**
 * One real PostgreSQL for the whole run: an embedded cluster in a temporary folder, or the
 * server named by DATABASE_URL. A template database with the migrations applied makes each
 * suite's fresh database a cheap copy.
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
    const embedded: EmbeddedCluster = await startEmbeddedPostgres(
      path.join(dir, 'pg'),
      56000 + (process.pid % 2000),
    );
    cluster = {
      url: embedded.url,
      stop: async () => {
        await embedded.stop();
        await removeCluster(path.join(dir, 'pg'));
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  }
  await dropDatabase(TEMPLATE);
  await ensureDatabase(cluster.url('postgres'), TEMPLATE);
  const template = await openDatabase(cluster.url(TEMPLATE), 2);
  await template.close();
}

export async function stopTestCluster(): Promise<void> {
  await cluster?.stop();
  cluster = null;
}

/** A new database, migrated, for one suite. */
export async function freshDatabaseUrl(): Promise<string> {
  if (!cluster) throw new Error('test cluster not started');
  const name = `motcua_test_${process.pid}_${++counter}`;
  await dropDatabase(name);
  await ensureDatabase(cluster.url('postgres'), name, TEMPLATE);
  return cluster.url(name);
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
