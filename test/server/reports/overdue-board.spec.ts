import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { clock } from '../../../server/src/core/clock.js';
import { newStaff, signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { HOUSEHOLD_BUSINESS } from '../../support/fixtures.js';
import { DossierDriver } from '../../support/dossier-driver.js';

/** Local Vietnam time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);
const at = (local: string) => (clock.now = () => vn(local));
const PROCEDURE = 'dang-ky-ho-kinh-doanh';

// Working hours 07:30–11:30 and 13:00–17:00, Monday to Friday; the review step has 1.5 working
// days (12 working hours). June 2026: Monday 1 to Thursday 4 are working days.
//   A received Mon 01/06 07:30 → review due Tue 02/06 11:30 (8 h Monday + 4 h Tuesday morning)
//   B received Tue 02/06 07:30 → due Wed 03/06 11:30; claimed by the officer
//   D received Wed 03/06 07:30 → due Thu 04/06 11:30
//   C received Wed 03/06 13:00 → due Thu 04/06 17:00
//   P received Mon 01/06 07:30 like A, then paused for a supplement on Tue 02/06 10:00
// Now is Wed 03/06 14:00; one working day ahead is Thu 04/06 14:00 (3 h + 4 h + 1 h).
//   A is 9 working hours late (Tue 13–17, Wed 07:30–11:30, Wed 13–14) = 540 min
//   B is 1 working hour late (Wed 13–14; the lunch break does not count) = 60 min
//   D is due in 7 working hours (Wed 14–17, Thu 07:30–11:30) = 420 min left: soon
//   C falls after the horizon; P's clock is stopped: neither is on the board.
describe('overdue board: steps overdue or due within a working day, by department and officer', () => {
  let server: TestServer;
  let staff: Awaited<ReturnType<typeof signIn<'reception' | 'officer' | 'supervisor' | 'admin'>>>;
  const codes: Record<string, string> = {};
  let officerId: string;

  before(async () => {
    server = await startTestServer();
    staff = await signIn(server.baseUrl, 'reception', 'officer', 'supervisor', 'admin');
    const receive = async (name: string, local: string) => {
      at(local);
      codes[name] = (await DossierDriver.receive(staff.reception, PROCEDURE, HOUSEHOLD_BUSINESS)).code;
    };
    await receive('A', '2026-06-01T07:30:00');
    await receive('P', '2026-06-01T07:30:00');
    at('2026-06-02T10:00:00');
    const paused = await staff.officer.post(`/api/dossiers/${codes.P}/supplement-request`, {
      reasons: ['Thiếu giấy tờ'],
      items: ['Bản sao căn cước'],
    });
    expect(paused.status, JSON.stringify(paused.body)).to.equal(200);
    await receive('B', '2026-06-02T07:30:00');
    await receive('D', '2026-06-03T07:30:00');
    await receive('C', '2026-06-03T13:00:00');
    const inbox = await staff.officer.get('/api/tasks?scope=department&pageSize=200');
    const taskB = inbox.body.items.find((t: any) => t.dossier.code === codes.B);
    expect((await staff.officer.post(`/api/tasks/${taskB.id}/claim`, {})).status).to.equal(200);
    officerId = (await staff.officer.get('/api/auth/session')).body.user.id;
  });

  after(() => server.close());

  beforeEach(() => at('2026-06-03T14:00:00'));

  it('should list the late and the soon steps, most late first, with how late in working time', async () => {
    // when the supervisor opens the board on Wednesday 14:00
    const board = (await staff.supervisor.get('/api/reports/overdue')).body;

    // then A, B and D are on it, as computed by hand above
    expect(
      board.steps.map((s: any) => [
        s.dossierCode,
        s.state,
        s.workingMinutesLate,
        s.assignee?.fullName ?? null,
      ]),
    ).to.deep.equal([
      [codes.A, 'overdue', 540, null],
      [codes.B, 'overdue', 60, 'Trần Văn Minh'],
      [codes.D, 'soon', -420, null],
    ]);
    expect(board.steps[0]).to.include({ stepName: 'Thẩm định hồ sơ', procedureCode: PROCEDURE });
    expect(board.steps[0].dueAt).to.equal(vn('2026-06-02T11:30:00').toISOString());
    expect(board.total).to.deep.equal({ overdue: 2, soon: 1 });
    expect(board.byDepartment.map((d: any) => [d.code, d.overdue, d.soon])).to.deep.equal([['TCKH', 2, 1]]);
    expect(board.byOfficer.map((o: any) => [o.fullName, o.overdue, o.soon])).to.deep.equal([
      [null, 1, 1],
      ['Trần Văn Minh', 1, 0],
    ]);
  });

  it('should filter by state and officer, and sort by officer with the pools last', async () => {
    // when the board is asked for the overdue only, the soon only, one officer, and sorted by officer
    const ask = async (query: string) =>
      (await staff.supervisor.get(`/api/reports/overdue?${query}`)).body.steps.map((s: any) => s.dossierCode);

    // then each answer holds exactly the steps it asked for
    expect(await ask('state=overdue')).to.deep.equal([codes.A, codes.B]);
    expect(await ask('state=soon')).to.deep.equal([codes.D]);
    expect(await ask(`assignee=${officerId}`)).to.deep.equal([codes.B]);
    expect(await ask('sort=officer')).to.deep.equal([codes.B, codes.A, codes.D]);
    expect(await ask('department=QLDT')).to.deep.equal([]);
  });

  it('should export the same steps as a workbook with Vietnamese headers', async () => {
    // when the board is downloaded
    const res = await staff.supervisor.fetchRaw('GET', '/api/reports/overdue.xlsx');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-disposition')).to.include('ho-so-qua-han-2026-06-03.xlsx');

    // then the workbook opens and holds the three steps, hours late included
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).to.equal('Mã hồ sơ');
    expect(sheet.getRow(1).getCell(10).value).to.equal('Quá hạn (giờ làm việc)');
    const rows = [2, 3, 4].map((r) => [sheet.getRow(r).getCell(2).value, sheet.getRow(r).getCell(10).value]);
    expect(rows).to.deep.equal([
      [codes.A, 9],
      [codes.B, 1],
      [codes.D, -7],
    ]);
  });

  it('should show a supervisor of another agency none of these steps', async () => {
    // given a supervisor of the tax office, a root agency of its own
    const tax = await newStaff(staff.admin, {
      username: 'giamsat-thue',
      fullName: 'Giám sát thuế',
      roles: ['supervisor'],
      departments: ['CCT'],
    });

    // when they open the board
    const board = (await tax.get('/api/reports/overdue')).body;

    // then it is empty
    expect(board.steps).to.deep.equal([]);
    expect(board.total).to.deep.equal({ overdue: 0, soon: 0 });
  });

  it('should refuse a sort it does not know, naming the choices', async () => {
    const res = await staff.supervisor.get('/api/reports/overdue?sort=colour');
    expect(res.status).to.equal(422);
    expect(JSON.stringify(res.body.error.details)).to.include('sort');
  });
});
