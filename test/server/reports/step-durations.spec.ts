import { expect } from 'chai';
import { clock } from '../../../server/src/core/clock.js';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { deployThreeDepartments } from '../../support/fixtures.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { queryDatabase } from '../../support/database.js';
import { openDatabase } from '../../../server/src/core/db.js';
import { fillStepMinutes } from '../../../server/src/tasks/step-minutes.js';

const PROCEDURE = 'thoi-gian-buoc';
/** Approved at review with an area above 250 m², a dossier ends there: only the review step is timed. */
const LARGE = { area: 400, purpose: 'Nhà ở' };
/** When the figures are asked for: Friday 4 December 2026, 10:00 in Vietnam. */
const ASKED_AT = '2026-12-04T10:00:00+07:00';
const at = (local: string) => () => new Date(`${local}+07:00`);

/**
 * Working hours 07:30–11:30 and 13:00–17:00, Monday to Friday; 1–2 September 2026 is the national
 * holiday. The review step's budget is 3 working days (24 working hours), due from its creation.
 */
describe('reports: step durations of a procedure in working hours', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let designer: ApiClient;
  let supervisor: ApiClient;
  let districtLeader: ApiClient;

  before(async function () {
    this.timeout(120_000);
    server = await startTestServer();
    let admin: ApiClient;
    ({ reception, officer, designer, supervisor, admin } = await signIn(
      server.baseUrl,
      'reception',
      'officer',
      'designer',
      'supervisor',
      'admin',
    ));
    await deployThreeDepartments(designer, PROCEDURE);
    districtLeader = await leaderOfTheDistrictOnly(admin);

    // A: received Tuesday 24/11 16:00, claimed the next morning 08:30, done 10:30.
    //    waiting 16:00–17:00 + 07:30–08:30 = 2 h (across the night); working 08:30–10:30 = 2 h.
    // C: received Monday 31/08 16:00, claimed 16:30, done Thursday 03/09 09:00.
    //    waiting 0.5 h; working 16:30–17:00 + (1–2/9 holiday) + 07:30–09:00 = 2 h.
    // B: received Friday 27/11 16:00, claimed 16:30, done Monday 30/11 09:30.
    //    waiting 0.5 h; working 16:30–17:00 + (weekend) + 07:30–09:30 = 2.5 h.
    // E: received at the ward's desk (agency PGV) Tuesday 24/11 09:00, claimed 10:00, done 15:00.
    //    waiting 1 h; working 10:00–11:30 + 13:00–15:00 = 3.5 h.
    // D: received Monday 30/11 08:00, never claimed, done at local midnight starting Friday 04/12.
    //    waiting Mon 08:00–17:00 7.5 h + Tue, Wed, Thu 8 h each = 31.5 h; working 0. Late: due
    //    Thu 03/12 08:00 (7.5 + 8 + 8 = 23.5 h by Wednesday's end, 0.5 h more on Thursday).
    //    Every other one finished well within its 24 h.
    await reviewed('2026-08-31T16:00:00', '2026-08-31T16:30:00', '2026-09-03T09:00:00');
    // F: received Monday 16/11 09:00 and still at review: due Thu 19/11 09:00, overdue when asked.
    await receive('2026-11-16T09:00:00');
    await reviewed('2026-11-24T09:00:00', '2026-11-24T10:00:00', '2026-11-24T15:00:00', 'PGV-MC');
    await reviewed('2026-11-24T16:00:00', '2026-11-25T08:30:00', '2026-11-25T10:30:00');
    await reviewed('2026-11-27T16:00:00', '2026-11-27T16:30:00', '2026-11-30T09:30:00');
    await reviewed('2026-11-30T08:00:00', null, '2026-12-04T00:00:00');
    // G: received the morning it is asked for, at review and within its budget.
    await receive('2026-12-04T09:00:00');
  });

  after(() => server.close());

  beforeEach(() => {
    clock.now = () => new Date(ASKED_AT);
  });

  it('should give median, p90 and on-time share of the review step over every agency', async () => {
    // when the designer asks for August to December
    const res = await designer.get(`/api/reports/steps?procedure=${PROCEDURE}&from=2026-08-01&to=2026-12-31`);

    // then the five completed reviews count; totals in hours sorted: 2.5 (C), 3 (B), 4 (A), 4.5 (E), 31.5 (D)
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.steps.map((s: any) => s.elementId)).to.deep.equal(['review']);
    const review = res.body.steps[0];
    expect(review.name).to.equal('Thẩm định hồ sơ');
    expect(review.completed).to.equal(5);
    // median the third, 4; p90 at rank 0.9 × 4 = 3.6: 4.5 + 0.6 × (31.5 − 4.5) = 20.7
    expect(review.total).to.deep.equal({ median: 4, p90: 20.7 });
    // waiting sorted 0.5, 0.5, 1, 2, 31.5: median 1; p90 2 + 0.6 × 29.5 = 19.7
    expect(review.waiting).to.deep.equal({ median: 1, p90: 19.7 });
    // working sorted 0, 2, 2, 2.5, 3.5: median 2; p90 2.5 + 0.6 × 1 = 3.1
    expect(review.working).to.deep.equal({ median: 2, p90: 3.1 });
    // four of five by their due time (D late); F and G open now, F overdue
    expect([review.withDue, review.onTimeShare]).to.deep.equal([5, 0.8]);
    expect([review.openNow, review.overdueNow]).to.deep.equal([2, 1]);
  });

  it('should count a step by the local date it was completed on, both ends of the period included', async () => {
    // when asked for 24/11–03/12 (D, done at 00:00 on 04/12, falls after) and for 04/12 alone
    const november = await designer.get(
      `/api/reports/steps?procedure=${PROCEDURE}&from=2026-11-24&to=2026-12-03`,
    );
    const lastDay = await designer.get(
      `/api/reports/steps?procedure=${PROCEDURE}&from=2026-12-04&to=2026-12-04`,
    );
    const oneDay = await designer.get(
      `/api/reports/steps?procedure=${PROCEDURE}&from=2026-11-25&to=2026-11-25`,
    );

    // then A, B and E are in the first: totals 3, 4, 4.5 h; only D in the second (late); only A on 25/11
    expect(november.body.steps[0]).to.include({ completed: 3, onTimeShare: 1 });
    expect(november.body.steps[0].total).to.deep.equal({ median: 4, p90: 4.4 });
    expect(lastDay.body.steps[0]).to.include({ completed: 1, onTimeShare: 0 });
    expect(lastDay.body.steps[0].waiting).to.deep.equal({ median: 31.5, p90: 31.5 });
    expect(oneDay.body.steps[0].completed).to.equal(1);
  });

  it('should keep to the agency asked for, and to the version asked for', async () => {
    // when the ward (PGV) and the district (QBD) are asked for apart, then version 1 and a version that does not exist
    const ward = await designer.get(
      `/api/reports/steps?procedure=${PROCEDURE}&from=2026-08-01&to=2026-12-31&agency=PGV`,
    );
    const district = await designer.get(
      `/api/reports/steps?procedure=${PROCEDURE}&from=2026-08-01&to=2026-12-31&agency=QBD`,
    );
    const v1 = await designer.get(
      `/api/reports/steps?procedure=${PROCEDURE}&version=1&from=2026-08-01&to=2026-12-31`,
    );
    const v2 = await designer.get(
      `/api/reports/steps?procedure=${PROCEDURE}&version=2&from=2026-08-01&to=2026-12-31`,
    );

    // then the ward has E alone (4.5 h) and nothing open; the district the other four: 2.5, 3, 4, 31.5,
    // median 3.5, p90 at rank 2.7: 4 + 0.7 × 27.5 = 23.25
    expect(ward.body.steps[0]).to.include({ completed: 1, openNow: 0, overdueNow: 0 });
    expect(ward.body.steps[0].total).to.deep.equal({ median: 4.5, p90: 4.5 });
    expect(district.body.steps[0]).to.include({ completed: 4, openNow: 2, onTimeShare: 0.75 });
    expect(district.body.steps[0].total).to.deep.equal({ median: 3.5, p90: 23.25 });
    expect(v1.body.steps[0].completed).to.equal(5);
    expect(v2.status).to.equal(404);
    expect(v2.body.error.code).to.equal('procedure_not_found');
  });

  it('should give leaders and supervisors their scope, designers every agency, and refuse desk staff', async () => {
    const path = `/api/reports/steps?procedure=${PROCEDURE}&from=2026-08-01&to=2026-12-31`;
    // when a leader of the district alone, the city's supervisor, an officer and a receptionist ask
    const leader = await districtLeader.get(path);
    const leaderWard = await districtLeader.get(`${path}&agency=PGV`);
    const city = await supervisor.get(path);
    const officerAsks = await officer.get(path);
    const receptionAsks = await reception.get(path);

    // then the leader sees the district's four and not the ward (answered as an unknown agency); the
    // supervisor of the city sees both; desk staff are refused
    expect(leader.body.steps[0].completed).to.equal(4);
    expect(leaderWard.status).to.equal(404);
    expect(leaderWard.body.error.code).to.equal('agency_not_found');
    expect(city.body.steps[0].completed).to.equal(5);
    expect([officerAsks.status, receptionAsks.status]).to.deep.equal([403, 403]);
  });

  it('should refuse a reversed, an overlong or a malformed period, and an unknown procedure', async () => {
    const ask = (query: string) => designer.get(`/api/reports/steps?procedure=${PROCEDURE}&${query}`);
    const reversed = await ask('from=2026-12-01&to=2026-11-30');
    // (1/1/2025 to 2/1/2026, both included: 367 days)
    const overlong = await ask('from=2025-01-01&to=2026-01-02');
    const malformed = await ask('from=2026-13-01&to=2026-12-31');
    const unknown = await designer.get('/api/reports/steps?procedure=khong-co&from=2026-01-01&to=2026-01-31');

    expect([reversed.status, overlong.status, malformed.status]).to.deep.equal([422, 422, 422]);
    expect(reversed.body.error.details[0].path).to.equal('/to');
    expect(overlong.body.error.details[0].message).to.contain('367 days');
    expect(malformed.body.error.details[0].path).to.equal('/from');
    expect(unknown.status).to.equal(404);
    expect(unknown.body.error.code).to.equal('procedure_not_found');
  });

  it('should give the same figures from minutes written at start-up as from minutes written at completion', async () => {
    // given the report as the completions wrote it, then every task's minutes erased, as the
    // tasks completed before migration 0018 were
    const path = `/api/reports/steps?procedure=${PROCEDURE}&from=2026-08-01&to=2026-12-31`;
    const before = await designer.get(path);
    const erased = await queryDatabase(
      server.databaseUrl,
      `update tasks set waiting_minutes = null, working_minutes = null where status = 'completed'`,
    );
    expect(erased.rowCount).to.be.greaterThan(4);

    // when the start-up fill runs over the database
    const database = await openDatabase(server.databaseUrl, 2);
    const filled = await fillStepMinutes(database.db).finally(() => database.close());

    // then it wrote every one, and the report is the same to the last figure
    expect(filled).to.equal(erased.rowCount);
    const after = await designer.get(path);
    expect(after.body).to.deep.equal(before.body);
    expect(before.body.steps[0].completed).to.equal(5);
  });

  it('should answer no steps for a procedure without dossiers', async () => {
    // given the certified copy procedure of the catalogue, which no dossier of this suite uses
    const res = await designer.get(
      '/api/reports/steps?procedure=chung-thuc-ban-sao-tu-ban-chinh&from=2026-08-01&to=2026-12-31',
    );

    expect(res.status).to.equal(200);
    expect(res.body.steps).to.deep.equal([]);
  });

  /** Receives a dossier at `local` (Vietnam time) at the district desk, or at `department`. */
  async function receive(local: string, department = 'MC'): Promise<DossierDriver> {
    clock.now = at(local);
    return DossierDriver.receive(reception, PROCEDURE, LARGE, department);
  }

  /** A dossier received, its review claimed (or not) and approved at the times given. */
  async function reviewed(received: string, claimed: string | null, done: string, department?: string) {
    const dossier = await receive(received, department);
    if (claimed) {
      clock.now = at(claimed);
      const task = dossier.intake.nextTasks[0];
      const res = await officer.post(`/api/tasks/${task.id}/claim`, {});
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
    }
    clock.now = at(done);
    await dossier.step(officer, 'review', 'approve');
  }

  /** A leader of the district's leadership (LD) only: their scope is agency QBD, not the ward. */
  async function leaderOfTheDistrictOnly(admin: ApiClient): Promise<ApiClient> {
    const password = 'Lanh-dao-quan-2026!';
    const created = await admin.post('/api/admin/users', {
      username: 'lanhdao-quan',
      password,
      fullName: 'Lãnh đạo quận',
      roles: ['leader'],
      departments: ['LD'],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const client = new ApiClient(server.baseUrl);
    expect((await client.post('/api/auth/login', { username: 'lanhdao-quan', password })).status).to.equal(
      200,
    );
    return client;
  }
});
