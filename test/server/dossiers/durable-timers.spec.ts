import { expect } from 'chai';
import pg from 'pg';
import { ApiClient } from '../../support/api-client.js';
import { freshDatabaseUrl } from '../../support/database.js';
import { spawnServer, type ServerProcess } from '../../support/server-process.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { intakeBody, readFixture } from '../../support/fixtures.js';

const FORM = {
  type: 'object',
  properties: { overdueSeconds: { type: 'integer', title: 'Số giây đến hạn', minimum: 1 } },
  required: ['overdueSeconds'],
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function deployTimerProcedure(baseUrl: string) {
  const designer = await ApiClient.as(baseUrl, 'thietke');
  const res = await designer.post('/api/procedures', {
    code: 'hen-gio',
    name: 'Thủ tục có hẹn giờ',
    duration: 1,
    formSchema: FORM,
    bpmn: readFixture('dossiers/timer-escalation.bpmn'),
  });
  expect(res.status, JSON.stringify(res.body)).to.equal(201);
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

async function query(databaseUrl: string, sql: string, params: unknown[] = []) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (await db.query(sql, params)).rows;
  } finally {
    await db.end();
  }
}

describe('durable BPMN timers', function () {
  this.timeout(180_000);

  describe('in one running server', () => {
    let server: TestServer;

    before(async () => {
      server = await startTestServer({ JOBS_INTERVAL_MS: '500' });
      await deployTimerProcedure(server.baseUrl);
    });

    after(() => server.close());

    it('should escalate a step when its boundary timer (a FEEL duration) fires, then run an intermediate timer', async () => {
      // given a review step that is overdue after 1 second
      const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
      const { body: dossier } = await reception.post('/api/dossiers', intakeBody('hen-gio', { overdueSeconds: 1 }));
      const leader = await ApiClient.as(server.baseUrl, 'lanhdao');

      // when the timer fires, the review is cancelled and the leader gets the escalation
      const escalation = await waitFor('the escalation task', async () =>
        (await leader.get('/api/tasks')).body.items.find((t: any) => t.dossier.code === dossier.code),
      );
      expect(escalation.name).to.equal('Lãnh đạo xử lý hồ sơ quá hạn');
      const detail = await reception.get(`/api/dossiers/${dossier.code}`);
      expect(detail.body.openTasks.map((t: any) => t.elementId)).to.deep.equal(['escalated']);
      expect(detail.body.events.filter((e: any) => e.type === 'timer_fired').map((e: any) => e.stepId)).to.deep.equal(['review_overdue']);

      // and after the leader acts, the 1-second intermediate timer ends the process
      await leader.post(`/api/tasks/${escalation.id}/complete`, {});
      const finished = await waitFor('the end', async () => {
        const res = await reception.get(`/api/dossiers/${dossier.code}`);
        return res.body.status === 10 ? res.body : undefined;
      });
      expect(finished.events.filter((e: any) => e.type === 'timer_fired').map((e: any) => e.stepId)).to.deep.equal([
        'review_overdue',
        'wait_a_moment',
      ]);
    });

    it('should cancel the timer of a step completed in time', async () => {
      const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
      const officer = await ApiClient.as(server.baseUrl, 'chuyenvien');
      const { body: dossier } = await reception.post('/api/dossiers', intakeBody('hen-gio', { overdueSeconds: 3600 }));
      const task = (await officer.get('/api/tasks')).body.items.find((t: any) => t.dossier.code === dossier.code);
      await officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' });
      const timers = await query(server.databaseUrl, 'select status from engine_timers where dossier_id = $1', [dossier.id]);
      expect(timers.map((t) => t.status)).to.deep.equal(['cancelled']);
    });
  });

  describe('across a restart with two server processes', () => {
    const servers: ServerProcess[] = [];
    const port = 44000 + (process.pid % 1000);

    after(async () => {
      for (const s of servers) await s.kill('SIGKILL');
    });

    it('should fire a timer that fell due while the server was down exactly once after restart', async () => {
      // given a dossier whose review is overdue 2 seconds after intake
      const databaseUrl = await freshDatabaseUrl();
      const env = { JOBS_INTERVAL_MS: '500' };
      const first = await spawnServer(databaseUrl, port, env);
      servers.push(first);
      await deployTimerProcedure(first.baseUrl);
      const reception = await ApiClient.as(first.baseUrl, 'tiepnhan');
      const { body: dossier } = await reception.post('/api/dossiers', intakeBody('hen-gio', { overdueSeconds: 2 }));

      // when the server is killed at once, the due moment passes, and two processes start
      await first.kill('SIGKILL');
      const [pending] = await query(databaseUrl, 'select status, fire_at from engine_timers where dossier_id = $1', [dossier.id]);
      expect(pending.status).to.equal('pending');
      await sleep(2500);
      servers.push(await spawnServer(databaseUrl, port + 1, env), await spawnServer(databaseUrl, port + 2, env));

      // then the timer fires once: one escalation, one event, the timer row closed
      // Generous: on a loaded machine two fresh processes take a while to start their jobs.
      await waitFor(
        'the timer to fire',
        async () => {
          const rows = await query(databaseUrl, `select 1 from engine_timers where dossier_id = $1 and status = 'fired'`, [dossier.id]);
          return rows.length ? true : undefined;
        },
        90_000,
      );
      await sleep(2000);
      const events = await query(databaseUrl, `select step_id from dossier_events where dossier_id = $1 and type = 'timer_fired'`, [dossier.id]);
      const escalations = await query(databaseUrl, `select status from tasks where dossier_id = $1 and element_id = 'escalated'`, [dossier.id]);
      const reviews = await query(databaseUrl, `select status from tasks where dossier_id = $1 and element_id = 'review'`, [dossier.id]);
      expect(events).to.deep.equal([{ step_id: 'review_overdue' }]);
      expect(escalations).to.deep.equal([{ status: 'open' }]);
      expect(reviews).to.deep.equal([{ status: 'cancelled' }]);
    });
  });
});
