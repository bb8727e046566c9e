import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { freePort } from '../../../bench/support/free-port.js';
import { freshDatabaseUrl, queryDatabase } from '../../support/database.js';
import { spawnServer, type ServerProcess } from '../../support/server-process.js';
import { waitFor } from '../../support/wait-for.js';

// agenda's notification channel holds one connection in LISTEN; socket.io's adapter has its own.
const JOB_LISTENER = "query like 'LISTEN%' and application_name <> 'motcua-realtime'";

async function jobListeners(databaseUrl: string): Promise<number[]> {
  const { rows } = await queryDatabase<{ pid: number }>(
    databaseUrl,
    `select pid from pg_stat_activity where ${JOB_LISTENER} and datname = current_database()`,
  );
  return rows.map((r) => r.pid);
}

describe('background jobs when PostgreSQL drops their connection', () => {
  let databaseUrl: string;
  let dataDir: string;
  let server: ServerProcess;
  let stderr = '';

  before(async function () {
    this.timeout(120_000);
    databaseUrl = await freshDatabaseUrl();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-test-jobs-'));
    server = await spawnServer(databaseUrl, await freePort(), {
      DATA_DIR: dataDir,
      JOBS_INTERVAL_MS: '1000',
    });
    server.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  });

  after(async () => {
    if (server.child.exitCode === null) await server.kill('SIGTERM');
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('should keep the server up and listening again after its LISTEN connection is terminated (57P01)', async function () {
    this.timeout(60_000);
    // given the job runner listening for job notifications
    const first = await waitFor('the job runner to LISTEN', async () => {
      const pids = await jobListeners(databaseUrl);
      return pids.length ? pids : undefined;
    });

    // when PostgreSQL ends that connection, as a restart or an administrator would
    await queryDatabase(databaseUrl, `select pg_terminate_backend(pid) from unnest($1::int[]) as pid`, [
      first,
    ]);

    // then the process lives on, listens again on a new connection, and still answers
    await waitFor('the job runner to LISTEN again', async () => {
      if (server.child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
      const pids = (await jobListeners(databaseUrl)).filter((pid) => !first.includes(pid));
      return pids.length ? pids : undefined;
    });
    const res = await fetch(`${server.baseUrl}/readyz`);
    expect(res.status).to.equal(200);
    expect(stderr).to.not.match(/Unhandled 'error' event/);
  });

  it('should stop on SIGTERM with exit code 0 and nothing unhandled', async function () {
    this.timeout(60_000);
    // when
    await server.kill('SIGTERM');
    // then
    expect(server.child.exitCode, stderr).to.equal(0);
    expect(stderr).to.not.match(/Unhandled|57P01/);
  });
});
