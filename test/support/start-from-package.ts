import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { loadEmbeddedPostgres } from '../../server/src/core/embedded-postgres-binaries.js';
import { startEmbeddedPostgres } from '../../server/src/core/embedded-postgres.js';

/**
 * Starts an embedded cluster from the platform package in argv[2] (binaries cached under
 * argv[3]), data in argv[4]/pg, port argv[5], and prints the postmaster's executable and the
 * answer to `select 1`. A process of its own: which binaries embedded-postgres uses is fixed
 * when it is first imported, and the test run has imported it already.
 */
const [packageDir, cacheRoot, dataDir, port] = process.argv.slice(2) as [string, string, string, string];
await loadEmbeddedPostgres(packageDir, cacheRoot);
const cluster = await startEmbeddedPostgres(path.join(dataDir, 'pg'), Number(port));
try {
  const home = await fs.realpath(path.join(dataDir, 'pg'));
  const pid = Number((await fs.readFile(path.join(home, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const exe = await fs.readlink(`/proc/${pid}/exe`);
  const client = new pg.Client({ connectionString: cluster.url('postgres') });
  await client.connect();
  const { rows } = await client.query<{ one: number }>('select 1 as one');
  await client.end();
  console.log(JSON.stringify({ exe, one: rows[0]?.one }));
} finally {
  await cluster.stop();
}
process.exit(0);
