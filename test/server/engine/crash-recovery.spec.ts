import { expect } from 'chai';
import pg from 'pg';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { HANDOVER_IN_PERSON } from '../../support/dossier-driver.js';
import { freshDatabaseUrl } from '../../support/database.js';
import { spawnServer, type ServerProcess } from '../../support/server-process.js';
import { intakeBody } from '../../support/fixtures.js';
import { waitFor } from '../../support/wait-for.js';
import { freePort } from '../../../bench/support/free-port.js';

const PROCEDURE = 'dang-ky-ho-kinh-doanh';
const DATA = {
  businessName: 'Quán phở Bình',
  businessAddress: '5 Hàng Bông, Hoàn Kiếm',
  businessLines: 'Ăn uống',
  capital: 1e8,
};

/** Load that records only what the server acknowledged (a 2xx answer). */
class Load {
  readonly intakes = new Set<string>();
  readonly completions = new Set<string>();
  private running = true;

  constructor(
    private readonly reception: ApiClient,
    private readonly officer: ApiClient,
  ) {}

  async worker(): Promise<void> {
    while (this.running) {
      try {
        const intake = await this.reception.post('/api/dossiers', intakeBody(PROCEDURE, DATA));
        if (intake.status === 201) this.intakes.add(intake.body.code);
        const inbox = await this.officer.get('/api/tasks?pageSize=5');
        for (const task of inbox.body.items ?? []) {
          const done = await this.officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' });
          if (done.status === 200) this.completions.add(task.id);
        }
      } catch {
        // The server died under us: whatever was in flight was never acknowledged.
        if (this.running) await new Promise((r) => setTimeout(r, 20));
      }
    }
  }

  stop() {
    this.running = false;
  }
}

describe('crash recovery', function () {
  this.timeout(180_000);
  let databaseUrl: string;
  let server: ServerProcess | null = null;

  before(async () => {
    databaseUrl = await freshDatabaseUrl();
  });

  after(async () => server?.kill('SIGKILL'));

  it('should lose no acknowledged intake or completion and apply none twice when killed with SIGKILL', async () => {
    // given a server under load, killed twice at random moments and restarted on the same data
    const acknowledged = { intakes: new Set<string>(), completions: new Set<string>() };
    for (let round = 0; round < 2; round++) {
      server = await spawnServer(databaseUrl, await freePort());
      const { reception, officer } = await signIn(server.baseUrl, 'reception', 'officer');
      const load = new Load(reception, officer);
      const workers = [load.worker(), load.worker(), load.worker()];
      // killed at a random moment once the load got work of both kinds through: a loaded
      // machine slows the load down, it cannot make the kill come before any acknowledgement
      const writes = 2 + Math.floor(Math.random() * 10);
      await waitFor(
        `${writes} acknowledged writes`,
        async () =>
          load.intakes.size && load.completions.size && load.intakes.size + load.completions.size >= writes
            ? true
            : undefined,
        60_000,
      );
      await server.kill('SIGKILL');
      load.stop();
      await Promise.all(workers);
      load.intakes.forEach((c) => acknowledged.intakes.add(c));
      load.completions.forEach((t) => acknowledged.completions.add(t));
    }
    server = await spawnServer(databaseUrl, await freePort());
    expect(acknowledged.intakes.size, 'the load got some intakes through').to.be.greaterThan(0);
    expect(acknowledged.completions.size, 'the load got some completions through').to.be.greaterThan(0);

    // then every acknowledged intake is there, every acknowledged completion recorded exactly once
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const codes = (await db.query('select code from dossiers')).rows.map((r) => r.code as string);
      const missing = [...acknowledged.intakes].filter((c) => !codes.includes(c));
      expect(missing, 'lost intakes').to.deep.equal([]);
      const completed = await db.query(
        `select details->>'taskId' as task_id, count(*)::int as n from dossier_events where type = 'step_completed' group by 1`,
      );
      const counts = new Map(completed.rows.map((r) => [r.task_id as string, r.n as number]));
      expect(
        [...counts.values()].filter((n) => n > 1),
        'duplicated completions',
      ).to.deep.equal([]);
      const lost = [...acknowledged.completions].filter((id) => counts.get(id) !== 1);
      expect(lost, 'lost completions').to.deep.equal([]);
      // and every unfinished dossier waits on exactly the tasks its engine state holds
      const unfinished = await db.query(
        `select d.code, count(t.id)::int as open from dossiers d left join tasks t on t.dossier_id = d.id and t.status in ('open','claimed')
         where d.finished_at is null group by d.code`,
      );
      expect(
        unfinished.rows.filter((r) => r.open !== 1),
        'dossiers without exactly one open task',
      ).to.deep.equal([]);
    } finally {
      await db.end();
    }

    // and every dossier can be driven to its end after the restart
    const { officer, leader, reception } = await signIn(server.baseUrl, 'officer', 'leader', 'reception');
    for (const [client, outcome] of [
      [officer, 'approve'],
      [leader, 'sign'],
      [reception, undefined],
    ] as const) {
      const data = outcome === 'sign' ? { data: { certificateNumber: 'HKD-01' } } : {};
      for (;;) {
        const inbox = await client.get('/api/tasks?pageSize=200');
        if (!inbox.body.items.length) break;
        for (const task of inbox.body.items) {
          const done = await client.post(
            `/api/tasks/${task.id}/complete`,
            // the receptionist's step returns the result, which says how it was handed over
            outcome ? { outcome, ...data } : { handover: HANDOVER_IN_PERSON },
          );
          expect(done.status).to.equal(200);
        }
      }
    }
    const supervisor = await ApiClient.as(server.baseUrl, 'admin');
    const open = await supervisor.get('/api/dossiers?pageSize=1&status=4');
    expect(open.body.total).to.equal(0);
    const returned = await supervisor.get('/api/dossiers?pageSize=1&status=10');
    const all = await supervisor.get('/api/dossiers?pageSize=1');
    expect(returned.body.total).to.equal(all.body.total);
  });
});
