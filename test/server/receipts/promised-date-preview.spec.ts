import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { HOUSEHOLD_BUSINESS, intakeBody } from '../../support/fixtures.js';
import { clock } from '../../../server/src/core/clock.js';

const BIRTH = {
  childFullName: 'Nguyễn Minh Khôi',
  childGender: 'Nam',
  childBirthDate: '2025-11-02',
  placeOfBirth: 'Bệnh viện Phụ sản Hà Nội',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  motherFullName: 'Trần Thị Hương',
  motherIdNumber: '001190012345',
};

/** What the receipt prints of an instant: to the minute. */
const toMinute = (iso: string) => iso.slice(0, 16);

describe('promised date preview at the desk', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer } = await signIn(server.baseUrl, 'reception', 'officer'));
  });

  after(() => server.close());

  const preview = (procedureCode: string, departmentCode?: string) =>
    reception.get(
      `/api/receipts/promised-date?procedureCode=${procedureCode}` +
        (departmentCode ? `&departmentCode=${departmentCode}` : ''),
    );

  it('should preview the date the receipt then carries, at the ward desk and at the district desk', async () => {
    for (const [procedureCode, desk, data, prefix] of [
      ['dang-ky-khai-sinh', 'PGV-MC', BIRTH, 'PGV-'],
      ['dang-ky-ho-kinh-doanh', 'MC', HOUSEHOLD_BUSINESS, 'QBD-'],
    ] as const) {
      // given the desk shows the preview at 09:15:10 on a Wednesday
      clock.now = () => new Date('2026-12-02T09:15:10+07:00');
      const shown = await preview(procedureCode, desk);
      expect(shown.status, JSON.stringify(shown.body)).to.equal(200);
      expect(shown.body).to.include({ procedureCode, departmentCode: desk, agencyCode: prefix.slice(0, -1) });

      // when the dossier is received later in the same minute
      clock.now = () => new Date('2026-12-02T09:15:50+07:00');
      const intake = await reception.post('/api/dossiers', {
        ...intakeBody(procedureCode, data),
        departmentCode: desk,
      });
      expect(intake.status, JSON.stringify(intake.body)).to.equal(201);
      const receipt = await reception.get(`/api/dossiers/${intake.body.code}/receipt`);

      // then the receipt's promised date is the one previewed, and the dossier is the desk's agency's
      expect(toMinute(receipt.body.dueAt)).to.equal(toMinute(shown.body.dueAt));
      expect(intake.body.code.startsWith(prefix), intake.body.code).to.equal(true);
      expect(receipt.body.department.code).to.equal(desk);
    }
  });

  it('should count from the next working day once the cut-off hour has passed', async () => {
    // given a same-day procedure with a 15:00 cut-off, previewed before and after it
    clock.now = () => new Date('2026-12-02T14:59:00+07:00');
    const before = await preview('dang-ky-khai-sinh', 'PGV-MC');
    clock.now = () => new Date('2026-12-02T15:01:00+07:00');
    const after = await preview('dang-ky-khai-sinh', 'PGV-MC');

    // then before it the result is due the same day, after it two working hours into the next day
    expect(before.body.dueAt).to.equal(new Date('2026-12-02T16:59:00+07:00').toISOString());
    expect(after.body.dueAt).to.equal(new Date('2026-12-03T09:30:00+07:00').toISOString());
  });

  it('should use the first desk when none is named, and refuse a desk the receptionist is not at', async () => {
    // when previewing without a desk, at another's desk, and for an unknown procedure
    const first = await preview('dang-ky-ho-kinh-doanh');
    const elsewhere = await preview('dang-ky-ho-kinh-doanh', 'TCKH');
    const unknown = await preview('khong-co-thu-tuc-nay', 'MC');
    const notReceptionist = await officer.get('/api/receipts/promised-date?procedureCode=dang-ky-khai-sinh');

    // then
    expect(first.body.departmentCode).to.equal('MC');
    expect(elsewhere.status).to.equal(403);
    expect(elsewhere.body.error.code).to.equal('not_in_department');
    expect(unknown.status).to.equal(422);
    expect(unknown.body.error.details[0].path).to.equal('/procedureCode');
    expect(notReceptionist.status).to.equal(403);
  });
});
