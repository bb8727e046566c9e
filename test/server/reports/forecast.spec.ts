import { expect } from 'chai';
import { clock } from '../../../server/src/core/clock.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { deployThreeDepartments } from '../../support/fixtures.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { signIn } from '../../support/sign-in.js';

const PROCEDURE = 'du-bao-tre-han';
/** An area of at most 250 m²: approved at review, the dossier goes on to the leader's signature. */
const SMALL = { area: 100, purpose: 'Nhà ở' };
/** When the forecast is asked for: Friday 4 December 2026, 10:00 in Vietnam. */
const ASKED_AT = '2026-12-04T10:00:00';
const vn = (local: string) => new Date(`${local}+07:00`);
const at = (local: string) => (clock.now = () => vn(local));

/**
 * Working hours 07:30–11:30 and 13:00–17:00, Monday to Friday, no holiday from November to
 * December 2026. The procedure takes 5 working days (40 working hours): review (budget 3 days),
 * then the leader's signature, then the return of the result, then the end.
 *
 * History, three dossiers worked to their end in November (hours in step, working):
 *   H1 received Mon 02/11 07:30: review to Mon 17:00 8, sign to Wed 04/11 17:00 16, return to Thu 17:00 8
 *   H2 received Mon 09/11 07:30: review to Tue 10/11 17:00 16, sign to Fri 13/11 17:00 24, return to Mon 16/11 11:30 4
 *   H3 received Mon 16/11 07:30: review to 11:30 4, sign to Wed 18/11 11:30 (4 + 8 + 4) 16, return to 17:00 4
 * Medians: review 8 (of 4, 8, 16), sign 16 (of 16, 16, 24), return 4 (of 4, 4, 8).
 *
 * Open when asked, at Friday 04/12 10:00:
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
    ReturnType<typeof signIn<'reception' | 'officer' | 'leader' | 'supervisor' | 'designer'>>
  >;
  const open: Record<string, DossierDriver> = {};

  before(async function () {
    this.timeout(180_000);
    server = await startTestServer();
    staff = await signIn(server.baseUrl, 'reception', 'officer', 'leader', 'supervisor', 'designer');
    await deployThreeDepartments(staff.designer, PROCEDURE);
    await history('2026-11-02T07:30:00', '2026-11-02T17:00:00', '2026-11-04T17:00:00', '2026-11-05T17:00:00');
    await history('2026-11-09T07:30:00', '2026-11-10T17:00:00', '2026-11-13T17:00:00', '2026-11-16T11:30:00');
    await history('2026-11-16T07:30:00', '2026-11-16T11:30:00', '2026-11-18T11:30:00', '2026-11-18T17:00:00');
    open.OVERDUE = await receive('2026-11-23T07:30:00');
    open.LATE = await receive('2026-11-30T07:30:00');
    open.SIGN = await receive('2026-12-01T07:30:00');
    at('2026-12-01T11:30:00');
    await open.SIGN.step(staff.officer, 'review', 'approve');
    open.AHEAD = await receive('2026-12-04T09:00:00');
  });

  after(() => server.close());

  beforeEach(() => at(ASKED_AT));

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

  it('should refuse staff who do not oversee dossiers', async () => {
    // when a receptionist and an officer ask
    const [desk, officer] = await Promise.all([
      staff.reception.get('/api/reports/forecast'),
      staff.officer.get('/api/reports/forecast'),
    ]);

    // then both are refused
    expect([desk.status, officer.status]).to.deep.equal([403, 403]);
  });

  /** Receives a small-area dossier at the district desk at `local` (Vietnam time). */
  function receive(local: string): Promise<DossierDriver> {
    at(local);
    return DossierDriver.receive(staff.reception, PROCEDURE, SMALL);
  }

  /** A dossier received, reviewed, signed and returned at the times given, none claimed first. */
  async function history(received: string, reviewed: string, signed: string, returned: string) {
    const dossier = await receive(received);
    at(reviewed);
    await dossier.step(staff.officer, 'review', 'approve');
    at(signed);
    await dossier.step(staff.leader, 'sign', 'sign');
    at(returned);
    await dossier.returnResult(staff.reception, 'return_result');
  }
});
