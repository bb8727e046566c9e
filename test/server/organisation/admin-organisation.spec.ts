import { expect } from 'chai';
import { ApiClient, CREATED_USER_PASSWORD } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';

describe('organisation admin: changing users, renaming agencies and departments', () => {
  let server: TestServer;
  let admin: ApiClient;
  let officer: ApiClient;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    ({ admin, officer } = await signIn(server.baseUrl, 'admin', 'officer'));
  });

  after(() => server.close());

  const patch = (path: string, body: unknown, client = admin) => client.request<any>('PATCH', path, body);

  /** A new officer of MC, signed in: answers their id and their session. */
  async function newOfficer(username: string) {
    const created = await admin.post('/api/admin/users', {
      username,
      password: CREATED_USER_PASSWORD,
      fullName: 'Trần Thị Thu',
      roles: ['officer'],
      departments: ['MC'],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const session = await ApiClient.as(server.baseUrl, username, CREATED_USER_PASSWORD);
    return { id: created.body.id as string, session };
  }

  it('should add a department and a role without ending the sessions, and show them on the next sign-in', async () => {
    // given
    const { id, session } = await newOfficer('cv.them');
    // when
    const res = await patch(`/api/admin/users/${id}`, {
      roles: ['officer', 'leader'],
      departments: ['MC', 'TCKH'],
    });
    // then
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    expect(res.body).to.deep.include({ fullName: 'Trần Thị Thu', roles: ['officer', 'leader'] });
    expect(res.body.departments).to.have.members(['MC', 'TCKH']);
    expect((await session.get('/api/me')).status).to.equal(200);
    const fresh = await ApiClient.as(server.baseUrl, 'cv.them', CREATED_USER_PASSWORD);
    const me = (await fresh.get('/api/me')).body;
    expect(me.roles).to.deep.equal(['officer', 'leader']);
    expect(me.departments.map((d: any) => d.code)).to.deep.equal(['MC', 'TCKH']);
  });

  it('should end the sessions of a user whose department is taken away, and list the change', async () => {
    // given
    const { id, session } = await newOfficer('cv.bot');
    // when
    const res = await patch(`/api/admin/users/${id}`, { departments: ['QLDT'], fullName: 'Trần Thu' });
    // then the old session is refused at once
    expect(res.status).to.equal(200);
    expect((await session.get('/api/me')).status).to.equal(401);
    const listed = (await admin.get('/api/admin/users')).body.find((u: any) => u.id === id);
    expect(listed).to.deep.include({ fullName: 'Trần Thu', departments: ['QLDT'], roles: ['officer'] });
  });

  it('should end the sessions of a supervisor given a narrower agency, who then oversees only that one', async () => {
    // given a supervisor of the whole city
    const created = await admin.post('/api/admin/users', {
      username: 'gs.thanhpho',
      password: CREATED_USER_PASSWORD,
      fullName: 'Giám sát thành phố',
      roles: ['supervisor'],
      departments: [],
      scopeAgencyCode: 'HN',
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const session = await ApiClient.as(server.baseUrl, 'gs.thanhpho', CREATED_USER_PASSWORD);
    expect((await session.get('/api/me')).body.agencies).to.include.members(['QBD', 'PGV']);
    // when
    const res = await patch(`/api/admin/users/${created.body.id}`, { scopeAgencyCode: 'PGV' });
    const unknown = await patch(`/api/admin/users/${created.body.id}`, { scopeAgencyCode: 'KHONGCO' });
    // then
    expect(res.body.scopeAgencyCode).to.equal('PGV');
    expect((await session.get('/api/me')).status).to.equal(401);
    const fresh = await ApiClient.as(server.baseUrl, 'gs.thanhpho', CREATED_USER_PASSWORD);
    expect((await fresh.get('/api/me')).body.agencies).to.deep.equal(['PGV']);
    expect([unknown.status, unknown.body.error.details[0].path]).to.deep.equal([422, '/scopeAgencyCode']);
  });

  it('should refuse an unknown department with 422, a bad body with 422, an unknown user with 404', async () => {
    // given
    const { id } = await newOfficer('cv.sai');
    // when
    const unknownDepartment = await patch(`/api/admin/users/${id}`, { departments: ['KHONGCO'] });
    const noRoles = await patch(`/api/admin/users/${id}`, { roles: [] });
    const unknownField = await patch(`/api/admin/users/${id}`, { password: CREATED_USER_PASSWORD });
    const noUser = await patch('/api/admin/users/00000000-0000-4000-8000-000000000000', { fullName: 'A' });
    const notUuid = await patch('/api/admin/users/abc', { fullName: 'A' });
    // then
    expect(unknownDepartment.status).to.equal(422);
    expect(unknownDepartment.body.error.details).to.deep.equal([
      { path: '/departments', message: 'unknown department KHONGCO' },
    ]);
    expect([noRoles.status, noRoles.body.error.details[0].path]).to.deep.equal([422, '/roles']);
    expect([unknownField.status, unknownField.body.error.details[0].path]).to.deep.equal([422, '/password']);
    expect([noUser.status, noUser.body.error.code]).to.deep.equal([404, 'user_not_found']);
    expect([notUuid.status, notUuid.body.error.code]).to.deep.equal([404, 'user_not_found']);
    // and nothing changed
    const listed = (await admin.get('/api/admin/users')).body.find((u: any) => u.id === id);
    expect(listed).to.deep.include({ departments: ['MC'], roles: ['officer'] });
  });

  it('should not let an admin take the admin role from themselves, nor a non-admin change anyone', async () => {
    // given
    const me = (await admin.get('/api/me')).body;
    const { id } = await newOfficer('cv.khoa');
    // when
    const self = await patch(`/api/admin/users/${me.id}`, { roles: ['officer'] });
    const byOfficer = await patch(`/api/admin/users/${id}`, { roles: ['admin'] }, officer);
    // then
    expect([self.status, self.body.error.code]).to.deep.equal([409, 'cannot_remove_own_admin']);
    expect([byOfficer.status, byOfficer.body.error.code]).to.deep.equal([403, 'forbidden']);
    expect((await admin.get('/api/me')).body.roles).to.include('admin');
  });

  it('should name the broken password rule of a reset, for the client to word it', async () => {
    // given
    const { id } = await newOfficer('cv.matkhau');
    // when
    const short = await admin.post(`/api/admin/users/${id}/password`, { password: 'ngan-qua-1' });
    const withName = await admin.post(`/api/admin/users/${id}/password`, { password: 'cv.matkhau-2026-mot' });
    // then
    expect(short.status).to.equal(422);
    expect(short.body.error.code).to.equal('validation_failed');
    expect(withName.status).to.equal(422);
    expect(withName.body.error).to.deep.include({ code: 'weak_password' });
    expect(withName.body.error.details[0]).to.deep.include({
      path: '/password',
      keyword: 'passwordPolicy',
      params: { rule: 'contains_username', minLength: 12 },
    });
  });

  it('should rename an agency and a department, the receipts’ copy of the agency name too', async () => {
    // when
    const agency = await patch('/api/admin/agencies/QBD', { name: 'UBND quận Ba Đình (mới)' });
    const department = await patch('/api/admin/departments/TCKH', { name: 'Phòng Tài chính' });
    // then
    expect(agency.status).to.equal(200);
    expect(agency.body).to.deep.equal({ code: 'QBD', name: 'UBND quận Ba Đình (mới)', parentCode: 'HN' });
    expect(department.body).to.deep.include({ code: 'TCKH', name: 'Phòng Tài chính' });
    const departments = (await admin.get('/api/admin/departments')).body;
    expect(departments.find((d: any) => d.code === 'MC').agencyName).to.equal('UBND quận Ba Đình (mới)');
  });

  it('should refuse a rename without a name (422), of an unknown code (404), by a non-admin (403)', async () => {
    // when
    const empty = await patch('/api/admin/agencies/QBD', { name: '' });
    const unknownAgency = await patch('/api/admin/agencies/KHONGCO', { name: 'X' });
    const badCode = await patch('/api/admin/departments/co%20dau', { name: 'X' });
    const unknownDepartment = await patch('/api/admin/departments/KHONGCO', { name: 'X' });
    const byOfficer = await patch('/api/admin/departments/TCKH', { name: 'X' }, officer);
    // then
    expect([empty.status, empty.body.error.details[0].path]).to.deep.equal([422, '/name']);
    expect([unknownAgency.status, unknownAgency.body.error.code]).to.deep.equal([404, 'agency_not_found']);
    expect([badCode.status, badCode.body.error.code]).to.deep.equal([404, 'department_not_found']);
    expect(unknownDepartment.body.error.code).to.equal('department_not_found');
    expect([byOfficer.status, byOfficer.body.error.code]).to.deep.equal([403, 'forbidden']);
  });

  it('should give a department created in an existing agency that agency’s name', async () => {
    // when
    const res = await admin.post('/api/admin/departments', {
      code: 'VHTT',
      name: 'Phòng Văn hoá',
      agencyCode: 'PGV',
    });
    // then
    expect(res.status).to.equal(201);
    expect(res.body).to.deep.include({ agencyCode: 'PGV', agencyName: 'UBND phường Giảng Võ' });
  });
});
