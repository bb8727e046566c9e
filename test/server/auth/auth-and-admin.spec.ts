import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';

describe('auth and organisation admin', () => {
  let server: TestServer;
  let admin: ApiClient;

  before(async () => {
    server = await startTestServer();
    admin = await ApiClient.as(server.baseUrl, 'admin');
  });

  after(() => server.close());

  it('should refuse a wrong password with 401 and the same message as an unknown user', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    const wrong = await anonymous.post('/api/auth/login', { username: 'tiepnhan', password: 'sai-mat-khau' });
    const unknown = await anonymous.post('/api/auth/login', {
      username: 'khongco',
      password: 'sai-mat-khau',
    });
    expect(wrong.status).to.equal(401);
    expect(wrong.body).to.deep.equal(unknown.body);
  });

  it('should show the signed-in user with departments, and forget the session on logout', async () => {
    // given
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    // when
    const me = await reception.get('/api/me');
    await reception.post('/api/auth/logout');
    const after = await reception.get('/api/me');
    // then
    expect(me.body.roles).to.deep.equal(['receptionist']);
    expect(me.body.departments[0]).to.deep.include({ code: 'MC', agencyCode: 'QBD' });
    expect(after.status).to.equal(401);
  });

  it('should set the session cookie httpOnly and SameSite', async () => {
    const res = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin123' }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).to.match(/httponly/i);
    expect(cookie).to.match(/samesite=lax/i);
  });

  it('should let an admin create departments and users, and list them', async () => {
    // when
    const dept = await admin.post('/api/admin/departments', {
      code: 'TNMT',
      name: 'Phòng Tài nguyên và Môi trường',
      agencyCode: 'QBD',
    });
    const user = await admin.post('/api/admin/users', {
      username: 'cv.tnmt',
      password: 'mat-khau-dai',
      fullName: 'Hoàng Văn Nam',
      roles: ['officer'],
      departments: ['TNMT'],
    });
    const duplicate = await admin.post('/api/admin/departments', {
      code: 'TNMT',
      name: 'x',
      agencyCode: 'QBD',
    });
    const unknownDept = await admin.post('/api/admin/users', {
      username: 'cv.khac',
      password: 'mat-khau-dai',
      fullName: 'Khác',
      roles: ['officer'],
      departments: ['KHONGCO'],
    });
    // then
    expect(dept.status).to.equal(201);
    expect(user.status).to.equal(201);
    expect(duplicate.status).to.equal(409);
    expect(unknownDept.status).to.equal(422);
    const users = await admin.get('/api/admin/users');
    expect(users.body.find((u: any) => u.username === 'cv.tnmt').departments).to.deep.equal(['TNMT']);
    expect(JSON.stringify(users.body)).not.to.contain('passwordHash');
    const depts = await admin.get('/api/admin/departments');
    expect(depts.body.map((d: any) => d.code)).to.include('TNMT');
    const newcomer = await ApiClient.as(server.baseUrl, 'admin');
    expect((await newcomer.get('/api/me')).status).to.equal(200);
  });

  it('should keep admin endpoints for admins (403 otherwise) and validate bodies (422)', async () => {
    const officer = await ApiClient.as(server.baseUrl, 'chuyenvien');
    expect((await officer.get('/api/admin/users')).status).to.equal(403);
    const bad = await admin.post('/api/admin/users', {
      username: 'A B',
      password: 'short',
      roles: ['wizard'],
    });
    expect(bad.status).to.equal(422);
    const paths = bad.body.error.details.map((d: any) => d.path);
    expect(paths).to.include.members(['/username', '/password', '/fullName']);
  });
});
