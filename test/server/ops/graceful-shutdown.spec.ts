import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import pg from 'pg';
import { freePort } from '../../../bench/support/free-port.js';
import { signIn } from '../../support/sign-in.js';
import { freshDatabaseUrl } from '../../support/database.js';
import { HOUSEHOLD_BUSINESS } from '../../support/fixtures.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { spawnServer, type ServerProcess } from '../../support/server-process.js';

describe('graceful shutdown', function () {
  this.timeout(120_000);
  let databaseUrl: string;
  let dataDir: string;
  let server: ServerProcess;

  before(async () => {
    databaseUrl = await freshDatabaseUrl();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-shutdown-'));
    server = await spawnServer(databaseUrl, await freePort(), { DATA_DIR: dataDir });
  });

  after(async () => {
    await server.kill('SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('should finish a completion in flight at SIGTERM, refuse what comes after, and exit 0', async () => {
    // given a task, and its dossier's row locked by the test so its completion must wait
    const { reception, officer } = await signIn(server.baseUrl, 'reception', 'officer');
    const dossier = await DossierDriver.receive(reception, 'dang-ky-ho-kinh-doanh', HOUSEHOLD_BUSINESS);
    const taskId = dossier.intake.nextTasks[0].id as string;
    const holder = new pg.Client({ connectionString: databaseUrl });
    const watcher = new pg.Client({ connectionString: databaseUrl });
    await Promise.all([holder.connect(), watcher.connect()]);
    // Ended at the end, or by the cluster's stop if an assertion fails first: never unhandled.
    for (const client of [holder, watcher]) client.on('error', () => {});
    await holder.query('begin');
    await holder.query('select id from dossiers where code = $1 for update', [dossier.code]);
    // and a probe of /readyz whose request has begun (headers not finished) before the signal
    const probe = await partialRequest(server.baseUrl, `GET /readyz HTTP/1.1\r\nHost: localhost\r\n`);
    const completion = officer.post(`/api/tasks/${taskId}/complete`, { outcome: 'approve' });
    await waitingForLock(watcher);
    const exited = exitOf(server.child);

    // when
    const stopping = lineOf(server.child, /"msg":"stopping/);
    server.child.kill('SIGTERM');
    await stopping;
    const refused = await connectError(server.baseUrl);
    const readiness = await probe.finish('\r\n');
    await holder.query('commit');

    // then new connections are refused, and a request begun before answers 503 not_ready
    expect(refused).to.equal('ECONNREFUSED');
    expect(readiness.status).to.equal(503);
    expect(JSON.parse(readiness.body).error).to.deep.include({
      code: 'not_ready',
      details: { reason: 'shutting_down' },
    });
    // and the completion in flight got its answer, the command committed, the process exited 0
    const answer = await completion;
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(await exited).to.deep.equal({ code: 0, signal: null });
    const task = await watcher.query('select status from tasks where id = $1', [taskId]);
    expect(task.rows[0].status).to.equal('completed');
    await Promise.all([holder.end(), watcher.end()]);
  });
});

/** Resolves once some backend of the database waits for a row lock. */
async function waitingForLock(client: pg.Client): Promise<void> {
  for (;;) {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (rows[0].n > 0) return;
  }
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** Resolves with the first line of the child's output matching `pattern` from now on. */
function lineOf(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => pattern.test(l));
      if (line === undefined) return;
      child.stdout!.off('data', onData);
      resolve(line);
    };
    child.stdout!.on('data', onData);
  });
}

/** The error code of a new connection to the server, or 'connected'. */
function connectError(baseUrl: string): Promise<string> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** A request whose first bytes are sent now and the rest later; answers status and body. */
async function partialRequest(baseUrl: string, head: string) {
  const { hostname, port } = new URL(baseUrl);
  const socket = net.connect(Number(port), hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(head);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    async finish(rest: string): Promise<{ status: number; body: string }> {
      socket.write(rest);
      await ended;
      const [headers, body = ''] = received.split('\r\n\r\n');
      return { status: Number(headers!.split(' ')[1]), body: body };
    },
  };
}
