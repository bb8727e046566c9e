import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { io, type Socket } from 'socket.io-client';
import { freePort } from '../../../bench/support/free-port.js';
import { ApiClient } from '../../support/api-client.js';
import { freshDatabaseUrl, queryDatabase } from '../../support/database.js';
import { intakeBody, HOUSEHOLD_BUSINESS } from '../../support/fixtures.js';
import { startLoopbackProxy, UPSTREAM_HEADER, type LoopbackProxy } from '../../support/loopback-proxy.js';
import { spawnServer, type ServerProcess } from '../../support/server-process.js';

interface LiveTask {
  id: string;
  dossierId: string;
  name: string;
  status: string;
  assigneeId: string | null;
}

interface Heard {
  event: string;
  task: LiveTask;
}

/** Every task event one socket hears, in order, and a way to wait for one of them. */
class Ear {
  readonly heard: Heard[] = [];
  private waiters: { match: (h: Heard) => boolean; resolve: (h: Heard) => void }[] = [];

  constructor(socket: Socket) {
    socket.onAny((event: string, task: LiveTask) => {
      if (!event.startsWith('task.')) return;
      const heard = { event, task };
      this.heard.push(heard);
      for (const waiter of this.waiters.filter((w) => w.match(heard))) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(heard);
      }
    });
  }

  /** Resolves with the first event, heard already or later, that `match` accepts. */
  until(match: (h: Heard) => boolean): Promise<Heard> {
    const already = this.heard.find(match);
    return already
      ? Promise.resolve(already)
      : new Promise((resolve) => this.waiters.push({ match, resolve }));
  }
}

const ADAPTER = "application_name = 'motcua-realtime'";

/** Ends every connection of the socket.io adapters' pools, as a database restart would; answers their pids. */
async function dropAdapterConnections(databaseUrl: string): Promise<number[]> {
  const { rows } = await queryDatabase<{ pid: number }>(
    databaseUrl,
    `select pid, pg_terminate_backend(pid) from pg_stat_activity where ${ADAPTER} and datname = current_database()`,
  );
  return rows.map((r) => r.pid);
}

/**
 * Resolves once each process has an adapter connection, not a dropped one, that ran LISTEN: the
 * adapter listens a moment after start and retries on a random timer of its own, and says
 * neither, so this asks PostgreSQL until they have (the mocha timeout bounds it), one query
 * after the other; fails at once if a process died.
 */
async function allListening(
  databaseUrl: string,
  dropped: number[],
  processes: Record<string, ServerProcess>,
  stderr: Record<string, string>,
): Promise<void> {
  for (;;) {
    for (const [name, p] of Object.entries(processes)) {
      if (p.child.exitCode !== null)
        throw new Error(`process ${name} exited with ${p.child.exitCode}: ${stderr[name]}`);
    }
    const { rows } = await queryDatabase<{ n: number }>(
      databaseUrl,
      `select count(*)::int as n from pg_stat_activity
        where ${ADAPTER} and datname = current_database() and query like 'LISTEN%' and pid <> all($1)`,
      [dropped],
    );
    if (rows[0]!.n === Object.keys(processes).length) return;
  }
}

const REVIEW = 'Thẩm định hồ sơ';
const SIGN = 'Ký Giấy chứng nhận đăng ký hộ kinh doanh';

describe('live updates across server processes on one database', function () {
  const processes: Record<string, ServerProcess> = {};
  const stderr: Record<string, string> = {};
  const sockets: Socket[] = [];
  let proxy: LoopbackProxy;
  let dataDir: string;
  let databaseUrl: string;

  /** `x-upstream: <name>`: the request goes to that process, through the proxy. */
  const via = (name: string) => ({ [UPSTREAM_HEADER]: name });

  /** A signed-in user's socket.io connection, through the proxy, held by process `name`. */
  const listen = async (username: string, name: string): Promise<Ear> => {
    const user = await ApiClient.as(proxy.baseUrl, username);
    const socket = io(proxy.baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { ...user.sessionHeaders(), ...via(name) },
    });
    sockets.push(socket);
    const ear = new Ear(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('ready', () => resolve());
      socket.once('connect_error', reject);
    });
    return ear;
  };

  const receive = async (reception: ApiClient, name: string): Promise<string> => {
    const res = await reception.post(
      '/api/dossiers',
      intakeBody('dang-ky-ho-kinh-doanh', HOUSEHOLD_BUSINESS),
      via(name),
    );
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.id;
  };

  before(async function () {
    this.timeout(180_000);
    databaseUrl = await freshDatabaseUrl();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'motcua-test-realtime-'));
    const env = { JOBS: 'false', DATA_DIR: dataDir };
    for (const name of ['A', 'B', 'C']) {
      processes[name] = await spawnServer(databaseUrl, await freePort(), env);
      stderr[name] = '';
      processes[name].child.stderr!.on('data', (chunk: Buffer) => (stderr[name] += chunk.toString()));
    }
    // A broadcast before a process listens never reaches it: start the tests once all do.
    await allListening(databaseUrl, [], processes, stderr);
    proxy = await startLoopbackProxy(
      Object.fromEntries(Object.entries(processes).map(([name, p]) => [name, p.baseUrl])),
    );
  });

  after(async function () {
    this.timeout(60_000);
    for (const socket of sockets.splice(0)) socket.close();
    await proxy?.close();
    for (const p of Object.values(processes)) await p.kill('SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('should tell an officer on process C, live, of the task a dossier received through process A made', async () => {
    // given an officer of TCKH whose socket is held by process C, and a receptionist
    const officer = await listen('chuyenvien', 'C');
    const reception = await ApiClient.as(proxy.baseUrl, 'tiepnhan');

    // when a household business registration is received through process A
    const dossierId = await receive(reception, 'A');

    // then process C pushes the new review task (TCKH's) to the officer
    const heard = await officer.until((h) => h.event === 'task.created' && h.task.dossierId === dossierId);
    expect(heard.task.name).to.equal(REVIEW);
  });

  it('should not tell an officer of tasks of departments not theirs, from any process', async () => {
    // given a leader (LD) and an officer (TCKH), both on process C, and a dossier received
    // through process A whose review task (TCKH's) the officer has heard of
    const leader = await listen('lanhdao', 'C');
    const officer = await listen('chuyenvien', 'C');
    const reception = await ApiClient.as(proxy.baseUrl, 'tiepnhan');
    const dossierId = await receive(reception, 'A');
    const review = await officer.until((h) => h.event === 'task.created' && h.task.dossierId === dossierId);

    // when the officer approves the review through process B: the signing task is LD's
    const clerk = await ApiClient.as(proxy.baseUrl, 'chuyenvien');
    const done = await clerk.post(`/api/tasks/${review.task.id}/complete`, { outcome: 'approve' }, via('B'));
    expect(done.status, JSON.stringify(done.body)).to.equal(200);

    // then the first task event the leader hears is the signing task: process C pushed the
    // review's events to the leader's socket before it, in order, had they been the leader's
    const sign = await leader.until((h) => h.task.dossierId === dossierId);
    expect(sign.event).to.equal('task.created');
    expect(sign.task.name).to.equal(SIGN);
    expect(leader.heard.map((h) => h.task.id)).to.not.include(review.task.id);
  });

  it("should keep every process up, and pushing across them, after PostgreSQL drops the adapters' connections twice", async function () {
    this.timeout(60_000);
    // given an officer on process C
    const officer = await listen('chuyenvien', 'C');
    const reception = await ApiClient.as(proxy.baseUrl, 'tiepnhan');

    // when PostgreSQL ends every adapter connection (57P01, as in a restart), twice, and the
    // adapters have listened again (each after its own random delay of 1–3 s)
    for (let round = 0; round < 2; round++) {
      const dropped = await dropAdapterConnections(databaseUrl);
      expect(dropped).to.have.length.of.at.least(3);
      await allListening(databaseUrl, dropped, processes, stderr);
    }
    const dossierId = await receive(reception, 'A');

    // then no process died, and A's broadcast still reached the officer through C
    const heard = await officer.until((h) => h.event === 'task.created' && h.task.dossierId === dossierId);
    expect(heard.task.name).to.equal(REVIEW);
    for (const [name, p] of Object.entries(processes))
      expect(p.child.exitCode, `${name}: ${stderr[name]}`).to.equal(null);
  });

  it('should stop every process on SIGTERM with exit code 0 and no database error, sockets still open', async function () {
    this.timeout(60_000);
    // given three processes whose adapters hold LISTEN connections, sockets connected
    await listen('chuyenvien', 'C');

    const before = Object.fromEntries(Object.entries(stderr).map(([name, text]) => [name, text.length]));

    // when each gets SIGTERM
    for (const p of Object.values(processes)) await p.kill('SIGTERM');

    // then each closed its adapter before its pool: no 57P01, nothing unhandled
    for (const [name, p] of Object.entries(processes)) {
      const said = stderr[name]!.slice(before[name]);
      expect(p.child.exitCode, `${name}: ${said}`).to.equal(0);
      expect(said, name).to.not.match(/57P01|terminating connection|unhandled|\[realtime\]/i);
    }
  });
});
