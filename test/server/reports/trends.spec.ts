import { expect } from 'chai';
import pg from 'pg';
import { clock } from '../../../server/src/core/clock.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { HOUSEHOLD_BUSINESS } from '../../support/fixtures.js';
import { DossierDriver } from '../../support/dossier-driver.js';

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
const at = (local: string) => (clock.now = () => vn(local));
const PROCEDURE = 'dang-ky-ho-kinh-doanh';

// Household business registration: 3 working days (24 working hours, 07:30–11:30 and 13:00–17:00);
// review 1.5 days, signature 1 day, return 0.5 day. No holiday from 29/05 to 04/06/2026.
//   D4 received Fri 29/05 07:30 → due Tue 02/06 17:00; worked to its end Mon 01/06 10:00: early
//      (its review was due Mon 01/06 11:30: on time)
//   D1 received Mon 01/06 07:30 → due Wed 03/06 17:00; ended Tue 02/06 10:00: early (review on time)
//   D2 received Mon 01/06 07:30, ended Wed 03/06 16:00: on time, the due date itself (review late:
//      it was due Tue 02/06 11:30)
//   D3 received Mon 01/06 07:30, ended Thu 04/06 08:00: late (review late)
//   D5 received Tue 30/06 15:00, still at its review, claimed by the officer
// May–June: May received 1, resolved 0; June received 4 (D1, D2, D3, D5), resolved 4 (D4 too):
// early 2, on time 1, late 1, on-time share 3/4. The officer completed 4 reviews, 2 late, 1 open.
describe('trends: received and resolved per month, the on-time share, each officer’s workload', () => {
  let server: TestServer;
  let staff: Awaited<ReturnType<typeof signIn<'reception' | 'officer' | 'leader' | 'supervisor'>>>;

  before(async function () {
    this.timeout(120_000);
    server = await startTestServer();
    staff = await signIn(server.baseUrl, 'reception', 'officer', 'leader', 'supervisor');
    const received: Record<string, DossierDriver> = {};
    const receive = async (name: string, local: string) => {
      at(local);
      received[name] = await DossierDriver.receive(staff.reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    };
    const finish = async (name: string, local: string) => {
      at(local);
      const dossier = received[name]!;
      await dossier.step(staff.officer, 'Task_review', 'approve');
      await dossier.step(staff.leader, 'Task_sign', 'sign', { certificateNumber: `01A80${name}` });
      await dossier.returnResult(staff.reception);
    };
    await receive('D4', '2026-05-29T07:30:00');
    for (const name of ['D1', 'D2', 'D3']) await receive(name, '2026-06-01T07:30:00');
    await finish('D4', '2026-06-01T10:00:00');
    await finish('D1', '2026-06-02T10:00:00');
    await finish('D2', '2026-06-03T16:00:00');
    await finish('D3', '2026-06-04T08:00:00');
    await receive('D5', '2026-06-30T15:00:00');
    const inbox = await staff.officer.get('/api/tasks?scope=department&pageSize=200');
    const review = inbox.body.items.find((t: any) => t.dossier.code === received.D5!.code);
    expect((await staff.officer.post(`/api/tasks/${review.id}/claim`, {})).status).to.equal(200);
  });

  after(() => server.close());

  it('should count each month as computed by hand', async () => {
    // when the supervisor asks for May and June 2026
    const res = await staff.supervisor.get('/api/reports/trends?from=2026-05&to=2026-06');

    // then
    expect(res.status).to.equal(200);
    const figures = (f: any) => [f.received, f.resolved, f.early, f.onTime, f.late, f.onTimeShare];
    expect(res.body.months.map((m: any) => [m.month, ...figures(m)])).to.deep.equal([
      ['2026-05', 1, 0, 0, 0, 0, null],
      ['2026-06', 4, 4, 2, 1, 1, 0.75],
    ]);
    expect(res.body.byDepartment.map((d: any) => [d.code, ...figures(d)])).to.deep.equal([
      ['MC', 5, 4, 2, 1, 1, 0.75],
    ]);
    expect(res.body.byProcedure.map((p: any) => [p.code, p.name, p.received])).to.deep.equal([
      [PROCEDURE, 'Đăng ký thành lập hộ kinh doanh', 5],
    ]);
    const officer = res.body.officers.find((o: any) => o.fullName === 'Trần Văn Minh');
    expect(officer).to.include({ completed: 4, late: 2, open: 1 });
  });

  it('should keep the counts equal to a recount from the dossiers and tasks themselves', async () => {
    // given the counts as the triggers kept them
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    const snapshot = async () => ({
      dossiers: (
        await client.query(
          `select month::text, agency_code, department, procedure_code, sum(received)::int r, sum(received_online)::int o,
                  sum(resolved_early)::int e, sum(resolved_on_time)::int t, sum(resolved_late)::int l
             from dossier_month_counts group by 1, 2, 3, 4
           having sum(received) <> 0 or sum(resolved_early + resolved_on_time + resolved_late) <> 0 order by 1, 2, 3, 4`,
        )
      ).rows,
      officers: (
        await client.query(
          `select month::text, user_id, completed, late from officer_month_counts where completed <> 0 order by 1, 2`,
        )
      ).rows,
    });
    try {
      const kept = await snapshot();

      // when they are recomputed from scratch (and the recount rolled back)
      await client.query('begin');
      await client.query('select rebuild_month_counts()');
      const recounted = await snapshot();
      await client.query('rollback');

      // then both agree, row for row
      expect(kept.dossiers.length).to.be.greaterThan(1);
      expect(kept).to.deep.equal(recounted);
    } finally {
      await client.end();
    }
  });

  it('should refuse a period that runs backwards or over three years', async () => {
    const backwards = await staff.supervisor.get('/api/reports/trends?from=2026-06&to=2026-05');
    const long = await staff.supervisor.get('/api/reports/trends?from=2020-01&to=2026-06');
    expect([backwards.status, long.status]).to.deep.equal([422, 422]);
    expect(backwards.body.error.details[0].path).to.equal('/to');
  });
});
