import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { clock } from '../../../server/src/core/clock.js';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { deployThreeDepartments } from '../../support/fixtures.js';
import { startTestServer, type TestServer } from '../../support/server.js';

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

/**
 * The period: Monday 9/11/2026 to Friday 20/11/2026, both days included, so from its first
 * instant 9/11 00:00 to 21/11 00:00 (local). The procedure takes 5 working days (40 working
 * hours, 07:30–11:30 and 13:00–17:00), so a dossier received on a weekday at 09:00 is due the
 * same weekday of the next week at 09:00. Asked on 1/12, after the period: open dossiers are
 * judged at the period's end, 21/11 00:00.
 */
const PERIOD = 'from=2026-11-09&to=2026-11-20';
const ASKED_AT = '2026-12-01T10:00:00';

/** Form data the review step ends the dossier on (over 250 m², approved at review, it is refused). */
const REFUSED_AT_REVIEW = { area: 400, purpose: 'Nhà ở' };

describe('reports: II.06a for an agency subtree and a period', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let supervisor: ApiClient;
  let leader: ApiClient;
  let admin: ApiClient;
  const at = (local: string) => (clock.now = () => vn(local));

  /** Receives a dossier at `desk` at a local time, in person unless told otherwise, and checks the promised date. */
  async function receive(local: string, desk: 'MC' | 'PGV-MC', due: string, channel?: 'online' | 'post') {
    at(local);
    const driver = await DossierDriver.receive(reception, 'ba-phong', REFUSED_AT_REVIEW, desk, channel);
    expect(driver.intake.dueAt, `due date of the dossier received ${local}`).to.equal(vn(due).toISOString());
    return driver;
  }

  /** Finishes a dossier at a local time: an area over 250 approved at review ends it (a refusal, which counts as resolved). */
  async function finish(driver: DossierDriver, local: string) {
    at(local);
    await driver.step(officer, 'review', 'approve');
  }

  before(async function () {
    this.timeout(120_000);
    server = await startTestServer();
    ({ reception, officer, supervisor, leader, admin } = await signIn(
      server.baseUrl,
      'reception',
      'officer',
      'supervisor',
      'leader',
      'admin',
    ));
    await deployThreeDepartments(await ApiClient.as(server.baseUrl, 'thietke'), 'ba-phong');
    const realNow = clock.now;
    try {
      await placeDossiers();
    } finally {
      clock.now = realNow;
    }
  });

  after(() => server.close());

  /**
   * UBND quận Ba Đình (QBD, desk MC) and UBND phường Giảng Võ (PGV, desk PGV-MC), both below
   * UBND thành phố Hà Nội (HN) with Văn phòng đăng ký đất đai (VPDK), which receives nothing.
   */
  async function placeDossiers() {
    // J: received Mon 2/11, finished Thu 5/11, both before the period: not counted anywhere
    await finish(await receive('2026-11-02T09:00:00', 'MC', '2026-11-09T09:00:00'), '2026-11-05T10:00:00');
    // A: received Tue 3/11 (due Tue 10/11 09:00), still open: carried over, overdue at the end
    await receive('2026-11-03T09:00:00', 'MC', '2026-11-10T09:00:00');
    // B: received Wed 4/11 (due Wed 11/11 09:00), finished Wed 11/11 08:00: carried over, on time (the due day)
    await finish(await receive('2026-11-04T09:00:00', 'MC', '2026-11-11T09:00:00'), '2026-11-11T08:00:00');
    // C: online Mon 9/11 (due Mon 16/11 09:00), finished Thu 12/11: received online, early
    await finish(
      await receive('2026-11-09T09:00:00', 'MC', '2026-11-16T09:00:00', 'online'),
      '2026-11-12T10:00:00',
    );
    // D: by post Tue 10/11 (due Tue 17/11 09:00), finished Wed 18/11 10:00: in person or by post, late
    await finish(
      await receive('2026-11-10T09:00:00', 'MC', '2026-11-17T09:00:00', 'post'),
      '2026-11-18T10:00:00',
    );
    // E: Mon 16/11 (due Mon 23/11 09:00), finished Mon 23/11 08:00, after the period: in progress, within
    await finish(await receive('2026-11-16T09:00:00', 'MC', '2026-11-23T09:00:00'), '2026-11-23T08:00:00');
    // L: Fri 20/11 16:30, the period's last day (due Fri 27/11 16:30), open: in person, in progress, within
    await receive('2026-11-20T16:30:00', 'MC', '2026-11-27T16:30:00');
    // K: Mon 23/11, after the period: not counted
    await receive('2026-11-23T10:00:00', 'MC', '2026-11-30T10:00:00');

    // F (ward): Wed 11/11 (due Wed 18/11 09:00); supplement asked Thu 12/11 09:00, in Mon 16/11 09:00:
    // paused 6h30 (Thu) + 8h (Fri) + 1h30 (Mon) = 16 working hours, so due Fri 20/11 09:00; finished
    // Thu 19/11 10:00: early against the pushed date (it would be late against the first one)
    const f = await receive('2026-11-11T09:00:00', 'PGV-MC', '2026-11-18T09:00:00');
    at('2026-11-12T09:00:00');
    await expectOk(reception.post(`/api/dossiers/${f.code}/supplement-request`, SUPPLEMENT));
    at('2026-11-16T09:00:00');
    const resumed = await expectOk(reception.post(`/api/dossiers/${f.code}/supplement`, {}));
    expect(resumed.dueAt).to.equal(vn('2026-11-20T09:00:00').toISOString());
    await finish(f, '2026-11-19T10:00:00');
    // G (ward): Thu 12/11 (due Thu 19/11 09:00); apology Wed 18/11 with a new date Fri 20/11 10:00;
    // finished Fri 20/11 09:00: on time against the new date, but late against the one it broke
    const g = await receive('2026-11-12T09:00:00', 'PGV-MC', '2026-11-19T09:00:00');
    at('2026-11-18T10:00:00');
    const extended = await expectOk(
      reception.post(`/api/dossiers/${g.code}/extend`, {
        newDueAt: vn('2026-11-20T10:00:00').toISOString(),
        reason: 'Cần xác minh thêm thông tin thửa đất',
      }),
    );
    expect(extended.originalDueAt).to.equal(vn('2026-11-19T09:00:00').toISOString());
    await finish(g, '2026-11-20T09:00:00');
    // H (ward): online Fri 13/11 (due Fri 20/11 09:00), open: received online, overdue at the end
    await receive('2026-11-13T09:00:00', 'PGV-MC', '2026-11-20T09:00:00', 'online');
  }

  it('should count every unit of the subtree and the total as computed by hand', async () => {
    // when the city supervisor asks for HN over the period, after it ended
    at(ASKED_AT);
    const res = await supervisor.get(`/api/reports/ii06a?agency=HN&${PERIOD}`);

    // then
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body.asOf).to.equal(vn('2026-11-21T00:00:00').toISOString());
    expect(res.body.rows.map((r: any) => [r.agencyCode, r.depth])).to.deep.equal([
      ['HN', 0],
      ['PGV', 1],
      ['QBD', 1],
      ['VPDK', 1],
    ]);
    const row = (code: string) => res.body.rows.find((r: any) => r.agencyCode === code);
    // HN itself has no desk, VPDK received nothing
    expect(row('HN')).to.deep.include(zeros());
    expect(row('VPDK')).to.deep.include(zeros());
    // QBD: online C; in person or post D, E, L; carried over A, B → 6. Resolved: C early, B on time,
    // D late → 3. In progress: E and L within, A overdue → 3.
    expect(row('QBD')).to.deep.include({
      received: { total: 6, online: 1, inPerson: 3, carriedOver: 2 },
      resolved: { total: 3, early: 1, onTime: 1, late: 1 },
      inProgress: { total: 3, withinDeadline: 2, overdue: 1 },
    });
    // PGV: online H; in person F, G → 3. Resolved: F early (pause), G late (apology) → 2. In progress: H overdue → 1.
    expect(row('PGV')).to.deep.include({
      received: { total: 3, online: 1, inPerson: 2, carriedOver: 0 },
      resolved: { total: 2, early: 1, onTime: 0, late: 1 },
      inProgress: { total: 1, withinDeadline: 0, overdue: 1 },
    });
    // Total: 6 + 3 received (online 2, in person 5, carried over 2); resolved 3 + 2 (early 2, on time 1,
    // late 2); in progress 3 + 1 (within 2, overdue 2)
    expect(res.body.total).to.deep.equal({
      received: { total: 9, online: 2, inPerson: 5, carriedOver: 2 },
      resolved: { total: 5, early: 2, onTime: 1, late: 2 },
      inProgress: { total: 4, withinDeadline: 2, overdue: 2 },
    });
  });

  it('should give the same figures as an XLSX with the form’s merged headers', async () => {
    // when
    at(ASKED_AT);
    const res = await supervisor.fetchRaw('GET', `/api/reports/ii06a.xlsx?agency=HN&${PERIOD}`);

    // then it is a workbook with an ASCII file name
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.contain('spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).to.equal(
      'attachment; filename="bao-cao-II06a-HN-2026-11-09-2026-11-20.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('II.06a')!;
    const text = (ref: string) => String(sheet.getCell(ref).value);
    // and the title block names the form, the period and the unit
    expect(text('A1')).to.equal('BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH');
    expect(text('A3')).to.equal('Kỳ báo cáo: từ ngày 09/11/2026 đến ngày 20/11/2026');
    expect(text('A4')).to.equal('Đơn vị báo cáo: UBND thành phố Hà Nội');
    // and the headers sit where the form puts them, merged across their columns and down their rows
    expect(
      [
        'A6',
        'B6',
        'C6',
        'G6',
        'K6',
        'C7',
        'D7',
        'D8',
        'E8',
        'F7',
        'G7',
        'H7',
        'I7',
        'J7',
        'K7',
        'L7',
        'M7',
      ].map(text),
    ).to.deep.equal([
      'STT',
      'Đơn vị',
      'Số hồ sơ nhận giải quyết',
      'Số hồ sơ đã giải quyết',
      'Số hồ sơ đang giải quyết',
      'Tổng số',
      'Trong kỳ',
      'Trực tuyến',
      'Trực tiếp, dịch vụ bưu chính',
      'Từ kỳ trước chuyển qua',
      'Tổng số',
      'Trước hạn',
      'Đúng hạn',
      'Quá hạn',
      'Tổng số',
      'Trong hạn',
      'Quá hạn',
    ]);
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).to.include.members([
      'A6:A8',
      'B6:B8',
      'C6:F6',
      'G6:J6',
      'K6:M6',
      'C7:C8',
      'D7:E7',
      'F7:F8',
      'G7:G8',
      'M7:M8',
    ]);
    // and the numbers: HN, PGV, QBD, VPDK, then the total (rows 10 to 14, after the column numbers in row 9)
    const numbers = (row: number) => (sheet.getRow(row).values as unknown[]).slice(3, 14);
    expect(text('A9')).to.equal('(1)');
    expect(numbers(11)).to.deep.equal([3, 1, 2, 0, 2, 1, 0, 1, 1, 0, 1]);
    expect(numbers(12)).to.deep.equal([6, 1, 3, 2, 3, 1, 1, 1, 3, 2, 1]);
    expect(text('B14')).to.equal('Tổng cộng');
    expect(numbers(14)).to.deep.equal([9, 2, 5, 2, 5, 2, 1, 2, 4, 2, 2]);
  });

  it('should let a leader read their own agencies only, and an admin any', async () => {
    // given the leader of the district and the ward (QBD, PGV), and the tax office CCT, a root of its own
    at(ASKED_AT);
    // when
    const own = await leader.get(`/api/reports/ii06a?agency=QBD&${PERIOD}`);
    const city = await leader.get(`/api/reports/ii06a?agency=HN&${PERIOD}`);
    const taxBySupervisor = await supervisor.get(`/api/reports/ii06a?agency=CCT&${PERIOD}`);
    const taxByAdmin = await admin.get(`/api/reports/ii06a?agency=CCT&${PERIOD}`);
    const xlsxOutside = await leader.fetchRaw('GET', `/api/reports/ii06a.xlsx?agency=HN&${PERIOD}`);
    const agencies = await leader.get('/api/reports/agencies');

    // then the leader's own agency is answered with its one row; the city above it and the tax office
    // beside the supervisor's tree answer as unknown agencies
    expect(own.status).to.equal(200);
    expect(own.body.rows.map((r: any) => r.agencyCode)).to.deep.equal(['QBD']);
    expect(own.body.total.received.total).to.equal(6);
    expect([city.status, city.body.error.code]).to.deep.equal([404, 'agency_not_found']);
    expect([taxBySupervisor.status, taxBySupervisor.body.error.code]).to.deep.equal([
      404,
      'agency_not_found',
    ]);
    expect(xlsxOutside.status).to.equal(404);
    expect(taxByAdmin.status).to.equal(200);
    expect(agencies.body.map((a: any) => a.code).sort()).to.deep.equal(['PGV', 'QBD']);
  });

  it('should refuse officers and receptionists with 403', async () => {
    const byOfficer = await officer.get(`/api/reports/ii06a?agency=QBD&${PERIOD}`);
    const byDesk = await reception.fetchRaw('GET', `/api/reports/ii06a.xlsx?agency=QBD&${PERIOD}`);
    expect([byOfficer.status, byDesk.status]).to.deep.equal([403, 403]);
  });

  it('should answer 422 naming each bad parameter', async () => {
    // when
    const notADay = await supervisor.get('/api/reports/ii06a?agency=HN&from=2026-02-30&to=2026-03-01');
    const missing = await supervisor.get('/api/reports/ii06a?from=2026-11-01');
    const backwards = await supervisor.get('/api/reports/ii06a?agency=HN&from=2026-11-20&to=2026-11-09');
    const tooLong = await supervisor.get('/api/reports/ii06a?agency=HN&from=2025-01-01&to=2026-01-02');
    const unknown = await supervisor.get(`/api/reports/ii06a?agency=NOPE&${PERIOD}`);

    // then
    const paths = (res: { body: any }) => res.body.error.details.map((d: any) => d.path).sort();
    expect([notADay.status, missing.status, backwards.status, tooLong.status]).to.deep.equal([
      422, 422, 422, 422,
    ]);
    expect(paths(notADay)).to.deep.equal(['/from']);
    expect(paths(missing)).to.deep.equal(['/agency', '/to']);
    expect(paths(backwards)).to.deep.equal(['/to']);
    expect(paths(tooLong)).to.deep.equal(['/to']);
    expect([unknown.status, unknown.body.error.code]).to.deep.equal([404, 'agency_not_found']);
  });
});

const SUPPLEMENT = { reasons: ['Thiếu bản vẽ thiết kế'], items: ['Bản vẽ mặt bằng công trình'] };

function zeros() {
  return {
    received: { total: 0, online: 0, inPerson: 0, carriedOver: 0 },
    resolved: { total: 0, early: 0, onTime: 0, late: 0 },
    inProgress: { total: 0, withinDeadline: 0, overdue: 0 },
  };
}

async function expectOk(request: Promise<{ status: number; body: any }>) {
  const res = await request;
  expect(res.status, JSON.stringify(res.body)).to.equal(200);
  return res.body;
}
