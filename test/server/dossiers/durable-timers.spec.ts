import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { freePort } from '../../../bench/support/free-port.js';
import { freshDatabaseUrl, queryDatabase } from '../../support/database.js';
import { spawnServer, type ServerProcess } from '../../support/server-process.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { intakeBody, readFixture } from '../../support/fixtures.js';
import { waitFor } from '../../support/wait-for.js';

const FORM = {
  type: 'object',
  properties: { overdueSeconds: { type: 'integer', title: 'Số giây đến hạn', minimum: 1 } },
  required: ['overdueSeconds'],
};

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
      const { reception, leader } = await signIn(server.baseUrl, 'reception', 'leader');
      const { body: dossier } = await reception.post(
        '/api/dossiers',
        intakeBody('hen-gio', { overdueSeconds: 1 }),
      );

      // when the timer fires, the review is cancelled and the leader gets the escalation
      const escalation = await waitFor('the escalation task', async () =>
        (await leader.get('/api/tasks')).body.items.find((t: any) => t.dossier.code === dossier.code),
      );
      expect(escalation.name).to.equal('Lãnh đạo xử lý hồ sơ quá hạn');
      const detail = await reception.get(`/api/dossiers/${dossier.code}`);
      expect(detail.body.openTasks.map((t: any) => t.elementId)).to.deep.equal(['escalated']);
      expect(
        detail.body.events.filter((e: any) => e.type === 'timer_fired').map((e: any) => e.stepId),
      ).to.deep.equal(['review_overdue']);

      // and after the leader acts, the 1-second intermediate timer ends the process
      await leader.post(`/api/tasks/${escalation.id}/complete`, {});
      const finished = await waitFor('the end', async () => {
        const res = await reception.get(`/api/dossiers/${dossier.code}`);
        return res.body.status === 10 ? res.body : undefined;
      });
      expect(
        finished.events.filter((e: any) => e.type === 'timer_fired').map((e: any) => e.stepId),
      ).to.deep.equal(['review_overdue', 'wait_a_moment']);
    });

    it('should cancel the timer of a step completed in time', async () => {
      const { reception, officer } = await signIn(server.baseUrl, 'reception', 'officer');
      const { body: dossier } = await reception.post(
        '/api/dossiers',
        intakeBody('hen-gio', { overdueSeconds: 3600 }),
      );
      const task = (await officer.get('/api/tasks')).body.items.find(
        (t: any) => t.dossier.code === dossier.code,
      );
      await officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' });
      const timers = await queryDatabase(
        server.databaseUrl,
        'select status from engine_timers where dossier_id = $1',
        [dossier.id],
      );
      expect(timers.rows.map((t) => t.status)).to.deep.equal(['cancelled']);
    });
  });

  describe('across a restart with two server processes', () => {
    const servers: ServerProcess[] = [];

    after(async () => {
      for (const s of servers) await s.kill('SIGKILL');
    });

    /** Starts a server process on `databaseUrl`, on a free port; killed after the suite. */
    const start = async (databaseUrl: string) => {
      const server = await spawnServer(databaseUrl, await freePort(), { JOBS_INTERVAL_MS: '500' });
      servers.push(server);
      return server;
    };

    it('should fire a timer that fell due while the server was down exactly once after restart', async () => {
      // given a dossier whose review is overdue 2 seconds after intake
      const databaseUrl = await freshDatabaseUrl();
      const first = await start(databaseUrl);
      await deployTimerProcedure(first.baseUrl);
      const reception = await ApiClient.as(first.baseUrl, 'tiepnhan');
      const { body: dossier } = await reception.post(
        '/api/dossiers',
        intakeBody('hen-gio', { overdueSeconds: 2 }),
      );
      const rows = async (text: string) => (await queryDatabase(databaseUrl, text, [dossier.id])).rows;

      // when the server is killed at once, the due moment passes, and two processes start
      await first.kill('SIGKILL');
      expect(await rows('select status from engine_timers where dossier_id = $1')).to.deep.equal([
        { status: 'pending' },
      ]);
      await waitFor('the timer to fall due', async () => {
        const [timer] = await rows('select fire_at <= now() as due from engine_timers where dossier_id = $1');
        return timer!.due ? true : undefined;
      });
      await Promise.all([start(databaseUrl), start(databaseUrl)]);

      // then the timer fires, and a run of the timer job begun after that run has ended too
      // (a second firing would have happened by then); generous bounds, as on a loaded machine
      // two fresh processes take a while to start their jobs
      const firedAt = await waitFor(
        'the timer to fire',
        async () =>
          (await rows(`select fired_at from engine_timers where dossier_id = $1 and status = 'fired'`))[0]
            ?.fired_at,
        90_000,
      );
      await waitFor(
        'a later run of the timer job to end',
        async () => {
          const { rows: runs } = await queryDatabase(
            databaseUrl,
            `select 1 from agenda_jobs where name = 'fire-due-timers' and last_run_at > $1 and last_finished_at >= last_run_at`,
            [firedAt],
          );
          return runs.length ? true : undefined;
        },
        30_000,
      );
      // one escalation, one event, the review cancelled
      expect(
        await rows(`select step_id from dossier_events where dossier_id = $1 and type = 'timer_fired'`),
      ).to.deep.equal([{ step_id: 'review_overdue' }]);
      expect(
        await rows(`select status from tasks where dossier_id = $1 and element_id = 'escalated'`),
      ).to.deep.equal([{ status: 'open' }]);
      expect(
        await rows(`select status from tasks where dossier_id = $1 and element_id = 'review'`),
      ).to.deep.equal([{ status: 'cancelled' }]);
    });
  });
});
