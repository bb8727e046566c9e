import { expect } from 'chai';
import { ApiClient, CREATED_USER_PASSWORD } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { queryDatabase } from '../../support/database.js';
import { HOUSEHOLD_BUSINESS } from '../../support/fixtures.js';

const PROCEDURE = 'dang-ky-ho-kinh-doanh';
const CERTIFIED_COPY = {
  documentName: 'Bằng tốt nghiệp',
  issuingAuthority: 'Trường Đại học Bách khoa Hà Nội',
  pageCount: 2,
  copyCount: 3,
};

describe('GET /api/applicants: the applicant from earlier dossiers', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let districtDesk: ApiClient;

  before(async () => {
    server = await startTestServer();
    let admin: ApiClient;
    ({ admin, reception, officer } = await signIn(server.baseUrl, 'admin', 'reception', 'officer'));
    // a receptionist of the district desk only (the demo one also serves the ward's desk)
    const created = await admin.post('/api/admin/users', {
      username: 'tiepnhan-quan',
      password: CREATED_USER_PASSWORD,
      fullName: 'Vũ Thị Thu',
      roles: ['receptionist'],
      departments: ['MC'],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    districtDesk = await ApiClient.as(server.baseUrl, 'tiepnhan-quan', CREATED_USER_PASSWORD);
  });

  after(() => server.close());

  async function receive(
    applicant: object,
    procedureCode = PROCEDURE,
    data: object = HOUSEHOLD_BUSINESS,
    departmentCode?: string,
  ) {
    const res = await reception.post('/api/dossiers', {
      procedureCode,
      applicant,
      data,
      channel: 'in_person',
      ...(departmentCode ? { departmentCode } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body.code as string;
  }

  const auditRows = async (username: string) =>
    (
      await queryDatabase<{ code: string }>(
        server.databaseUrl,
        `select d.code from personal_data_reads r join dossiers d on d.id = r.dossier_id join users u on u.id = r.user_id
          where u.username = $1 and r.route = 'GET /api/applicants' order by r.id`,
        [username],
      )
    ).rows.map((r) => r.code);

  it('should answer the details last given with the ID number, and audit the read against that dossier', async () => {
    // given two dossiers of one citizen, who moved and changed phone in between
    await receive({ fullName: 'Đặng Văn Long', idNumber: '001203004455', phone: '0911111111' });
    const latest = await receive({
      fullName: 'Đặng Văn Long',
      idNumber: '001203004455',
      phone: '0922222222',
      email: 'long.dang@example.vn',
      address: '5 Trần Phú, Ba Đình, Hà Nội',
    });

    // when the district desk types the ID number
    const found = await districtDesk.get('/api/applicants?idNumber=001203004455');

    // then
    expect(found.status).to.equal(200);
    expect(found.body.applicant).to.deep.equal({
      fullName: 'Đặng Văn Long',
      idNumber: '001203004455',
      phone: '0922222222',
      email: 'long.dang@example.vn',
      address: '5 Trần Phú, Ba Đình, Hà Nội',
    });
    expect(found.body.fromDossier.code).to.equal(latest);
    expect(await auditRows('tiepnhan-quan')).to.deep.equal([latest]);
  });

  it('should find a passport number whatever its letters’ case', async () => {
    // given
    const code = await receive({ fullName: 'John Smith', idNumber: 'C1234567' });
    // when
    const found = await districtDesk.get('/api/applicants?idNumber=c1234567');
    // then
    expect(found.status).to.equal(200);
    expect(found.body.fromDossier.code).to.equal(code);
  });

  it('should not find an applicant known only in another agency, and audit nothing', async () => {
    // given a citizen received only at the ward's desk (another agency)
    await receive(
      { fullName: 'Lý Thị Mơ', idNumber: '038190007788', phone: '0933333333' },
      'chung-thuc-ban-sao-tu-ban-chinh',
      CERTIFIED_COPY,
      'PGV-MC',
    );
    const before = await auditRows('tiepnhan-quan');

    // when the district desk and the ward's receptionist look the ID number up
    const district = await districtDesk.get('/api/applicants?idNumber=038190007788');
    const ward = await reception.get('/api/applicants?idNumber=038190007788');

    // then only the desk whose scope holds the dossier finds it
    expect(district.status).to.equal(404);
    expect(district.body.error.code).to.equal('applicant_not_found');
    expect(JSON.stringify(district.body)).not.to.contain('Lý Thị Mơ');
    expect(await auditRows('tiepnhan-quan')).to.deep.equal(before);
    expect(ward.status).to.equal(200);
    expect(ward.body.applicant.fullName).to.equal('Lý Thị Mơ');
  });

  it('should refuse a malformed ID number with a validation error, never a 500', async () => {
    // when
    const answers = await Promise.all(
      ['12', 'abc%20def', "1'%20or%20'1'='1", 'x'.repeat(21), ''].map((idNumber) =>
        districtDesk.get(`/api/applicants?idNumber=${idNumber}`),
      ),
    );
    const missing = await districtDesk.get('/api/applicants');
    const twice = await districtDesk.get('/api/applicants?idNumber=001203004455&idNumber=001203004455');
    // then
    for (const res of [...answers, missing, twice]) {
      expect(res.status, JSON.stringify(res.body)).to.equal(422);
      expect(res.body.error.code).to.equal('validation_failed');
      expect(res.body.error.details[0].path).to.match(/idNumber|^\/?$/);
    }
  });

  it('should be for the desk only', async () => {
    // when
    const res = await officer.get('/api/applicants?idNumber=001203004455');
    // then
    expect(res.status).to.equal(403);
    expect(res.body.error.code).to.equal('forbidden');
  });
});
