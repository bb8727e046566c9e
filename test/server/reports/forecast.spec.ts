import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import type { DossierDriver } from '../../support/dossier-driver.js';
import {
  at,
  FORECAST_ASKED_AT,
  FORECAST_PROCEDURE as PROCEDURE,
  seedForecastHistory,
  vn,
} from '../../support/forecast-history.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { signIn } from '../../support/sign-in.js';

/**
 * The history and open dossiers of seedForecastHistory (medians: review 8, sign 16, return 4
 * working hours; the procedure 40). Open when asked, at Friday 04/12 10:00:
 *   LATE received Mon 30/11 07:30, at review since: due Fri 04/12 17:00 (40 h), 5.5 h ahead. Spent
 *        4 × 8 + 2.5 = 34.5 h at review, over its median: 0 left there; then sign 16 + return 4 =
 *        20 h from now: Fri 5.5, Mon 07/12 8, Tue 08/12 6.5 → Tue 08/12 15:30, 14.5 h late, the
 *        time going to the signature.
 *   AHEAD received Fri 04/12 09:00, at review 1 h: 7 + 16 + 4 = 27 h from now: Fri 5.5, Mon 8,
 *        Tue 8, Wed 09/12 5.5 → Wed 09/12 14:30, before its due Fri 11/12 09:00: not listed.
 *   SIGN received Tue 01/12 07:30, reviewed by 11:30 (4 h), at the signature 22.5 h (Tue 4, Wed 8,
 *        Thu 8, Fri 2.5), over its median: return 4 h → Fri 04/12 15:30, before Mon 07/12 17:00.
 *   OVERDUE received Mon 23/11 07:30, at review: due Fri 27/11 17:00, past: the overdue board's.
 */
describe('reports: dossiers forecast to be late while still on time', () => {
  let server: TestServer;
  let staff: Awaited<
    ReturnType<typeof signIn<'reception' | 'officer' | 'leader' | 'supervisor' | 'designer' | 'admin'>>
  >;
  let open: Record<string, DossierDriver>;

  before(async function () {
    this.timeout(180_000);
    server = await startTestServer();
    staff = await signIn(server.baseUrl, 'reception', 'officer', 'leader', 'supervisor', 'designer', 'admin');
    open = await seedForecastHistory(staff);
  });

  after(() => server.close());

  beforeEach(() => at(FORECAST_ASKED_AT));

  it('should list the dossier on time but forecast late, with the forecast computed by hand', async () => {
    // when the supervisor asks for the forecast
    const res = await staff.supervisor.get('/api/reports/forecast');

    // then only LATE is listed: forecast Tue 08/12 15:30 against its due Fri 04/12 17:00
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.dossiers).to.deep.equal([
      {
        dossierCode: open.LATE!.code,
        procedureCode: PROCEDURE,
        procedureName: 'Thủ tục thử nghiệm ba phòng ban',
        currentStep: { elementId: 'review', name: 'Thẩm định hồ sơ' },
        dueAt: vn('2026-12-04T17:00:00').toISOString(),
        forecastAt: vn('2026-12-08T15:30:00').toISOString(),
        hoursLate: 14.5,
        bottleneck: { elementId: 'sign', name: 'Lãnh đạo ký duyệt', hours: 16 },
      },
    ]);
    // LATE, AHEAD and SIGN are on time and forecast; OVERDUE is past its promised date
    expect([res.body.considered, res.body.complete]).to.deep.equal([3, true]);
  });

  it('should leave out a dossier forecast on time and one already overdue', async () => {
    // when the supervisor asks for the forecast
    const res = await staff.supervisor.get('/api/reports/forecast');

    // then AHEAD (forecast Wed 09/12 14:30), SIGN (Fri 04/12 15:30) and OVERDUE are not there
    const codes = res.body.dossiers.map((d: { dossierCode: string }) => d.dossierCode);
    for (const name of ['AHEAD', 'SIGN', 'OVERDUE']) expect(codes, name).not.to.include(open[name]!.code);
  });

  it('should follow the clock, and not send a dossier back along the leader’s return to review', async () => {
    // given Monday 07/12 10:00: AHEAD has spent 1 + 5.5 + 2.5 = 9 h at review, over its median 8:
    //   sign 16 + return 4 = 20 h from now: Mon 5.5, Tue 8, Wed 6.5 → Wed 09/12 15:30, before Fri 11/12 09:00;
    // SIGN has spent 30.5 h at the signature, over its median 16: return 4 h → Mon 15:30, before its
    //   due Mon 07/12 17:00 (back to review, 8 h more, it would be late: the loop is not followed);
    // LATE is past its promised date now
    at('2026-12-07T10:00:00');

    // when asked again
    const res = await staff.supervisor.get('/api/reports/forecast');

    // then none is listed, and AHEAD and SIGN alone are still on time
    expect(res.status).to.equal(200);
    expect(res.body.dossiers).to.deep.equal([]);
    expect(res.body.considered).to.equal(2);
  });

  it('should keep to the caller’s scope: a leader of the ward sees none of the district’s dossiers', async () => {
    // given a leader of the ward's leadership (PGV-LD) only, while every dossier is the district's
    const password = 'Lanh-dao-phuong-2026!';
    const created = await staff.admin.post('/api/admin/users', {
      username: 'lanhdao-phuong',
      password,
      fullName: 'Lãnh đạo phường',
      roles: ['leader'],
      departments: ['PGV-LD'],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const wardLeader = new ApiClient(server.baseUrl);
    const login = await wardLeader.post('/api/auth/login', { username: 'lanhdao-phuong', password });
    expect(login.status).to.equal(200);

    // when the ward's leader and the district's leader ask
    const ward = await wardLeader.get('/api/reports/forecast');
    const district = await staff.leader.get('/api/reports/forecast');

    // then the ward's leader has nothing to forecast; the district's leader has LATE
    expect([ward.status, ward.body.considered, ward.body.dossiers]).to.deep.equal([200, 0, []]);
    expect(district.body.dossiers.map((d: { dossierCode: string }) => d.dossierCode)).to.deep.equal([
      open.LATE!.code,
    ]);
  });

  it('should refuse staff who do not oversee dossiers', async () => {
    // when a receptionist and an officer ask
    const [desk, officer] = await Promise.all([
      staff.reception.get('/api/reports/forecast'),
      staff.officer.get('/api/reports/forecast'),
    ]);

    // then both are refused
    expect([desk.status, officer.status]).to.deep.equal([403, 403]);
  });
});
