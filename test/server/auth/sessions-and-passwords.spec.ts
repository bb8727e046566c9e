import { expect } from 'chai';
import { queryDatabase } from '../../support/database.js';
import { ApiClient, CREATED_USER_PASSWORD } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const NEW_PASSWORD = 'Mat-khau-moi-cua-toi-2026';

describe('sessions: expiry, password change, reset and deactivation', () => {
  let server: TestServer;
  let admin: ApiClient;
  let counter = 0;

  before(async () => {
    server = await startTestServer();
    admin = await ApiClient.as(server.baseUrl, 'admin');
  });

  after(() => server.close());

  const sql = (text: string, values: unknown[] = []) => queryDatabase<any>(server.databaseUrl, text, values);

  /** A new officer created by the admin, signed in; every test gets its own. */
  async function newOfficer() {
    const username = `cv.phien${++counter}`;
    const created = await admin.post('/api/admin/users', {
      username,
      password: CREATED_USER_PASSWORD,
      fullName: 'Ngô Văn Phiên',
      roles: ['officer'],
      departments: ['TCKH'],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return {
      id: created.body.id as string,
      username,
      client: await ApiClient.as(server.baseUrl, username, CREATED_USER_PASSWORD),
    };
  }

  it('should end a session unused for longer than the idle timeout', async () => {
    // given a session last used 61 minutes ago (the default idle timeout is 60)
    const { id, client } = await newOfficer();
    await sql(`update sessions set last_seen_at = now() - interval '61 minutes' where user_id = $1`, [id]);
    // when
    const me = await client.get('/api/me');
    // then
    expect(me.status).to.equal(401);
  });

  it('should refuse a session ended by another server process at the very next request, however recently used', async () => {
    // given two officers who have just been answered (this process holds what their sessions stand for)
    const [signedOut, deactivated] = [await newOfficer(), await newOfficer()];
    expect((await signedOut.client.get('/api/me')).status).to.equal(200);
    expect((await deactivated.client.get('/api/me')).status).to.equal(200);
    // when another process signs one out and deactivates the other: rows change, this process is not told
    await sql(`delete from sessions where user_id = $1`, [signedOut.id]);
    await sql(`update users set active = false where id = $1`, [deactivated.id]);
    // then
    expect((await signedOut.client.get('/api/me')).status).to.equal(401);
    expect((await deactivated.client.get('/api/me')).status).to.equal(401);
  });

  it('should end a session past its absolute expiry however recently used, and give the cookie that lifetime', async () => {
    // given
    const res = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'admin123' }),
    });
    const { id, client } = await newOfficer();
    await sql(
      `update sessions set expires_at = now() - interval '1 second', last_seen_at = now() where user_id = $1`,
      [id],
    );
    // when
    const me = await client.get('/api/me');
    // then
    expect(me.status).to.equal(401);
    const expires = Date.parse(/expires=([^;]+)/i.exec(res.headers.get('set-cookie') ?? '')![1]!);
    expect(Math.abs(expires - (Date.now() + 10 * 3_600_000))).to.be.below(5 * 60_000);
  });

  it("should note a session's use at most once a minute", async () => {
    // given two sessions, one used 30 seconds ago and one 2 minutes ago
    const recent = await newOfficer();
    const older = await newOfficer();
    await sql(`update sessions set last_seen_at = now() - interval '30 seconds' where user_id = $1`, [
      recent.id,
    ]);
    await sql(`update sessions set last_seen_at = now() - interval '2 minutes' where user_id = $1`, [
      older.id,
    ]);
    // when both are used
    await recent.client.get('/api/me');
    await older.client.get('/api/me');
    // then only the older one was written
    const ages = await sql(
      `select user_id, extract(epoch from now() - last_seen_at) as age from sessions where user_id = any($1)`,
      [[recent.id, older.id]],
    );
    const age = (userId: string) => Number(ages.rows.find((r) => r.user_id === userId).age);
    expect(age(recent.id)).to.be.at.least(30);
    expect(age(older.id)).to.be.below(30);
  });

  it('should change my password, end my other sessions at once and keep this one', async () => {
    // given the same user signed in twice
    const { username, client } = await newOfficer();
    const elsewhere = await ApiClient.as(server.baseUrl, username, CREATED_USER_PASSWORD);
    expect((await elsewhere.get('/api/me')).status).to.equal(200);
    // when
    const wrong = await client.post('/api/me/password', {
      currentPassword: 'sai-mat-khau',
      newPassword: NEW_PASSWORD,
    });
    const weak = await client.post('/api/me/password', {
      currentPassword: CREATED_USER_PASSWORD,
      newPassword: 'Password2026!',
    });
    const changed = await client.post('/api/me/password', {
      currentPassword: CREATED_USER_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    // then
    expect(wrong.status).to.equal(422);
    expect(wrong.body.error.code).to.equal('wrong_current_password');
    expect(weak.status).to.equal(422);
    expect(weak.body.error.code).to.equal('weak_password');
    expect(changed.status).to.equal(200);
    expect((await elsewhere.get('/api/me')).status).to.equal(401);
    expect((await client.get('/api/me')).status).to.equal(200);
    expect(
      (
        await new ApiClient(server.baseUrl).post('/api/auth/login', {
          username,
          password: CREATED_USER_PASSWORD,
        })
      ).status,
    ).to.equal(401);
    expect(
      (await new ApiClient(server.baseUrl).post('/api/auth/login', { username, password: NEW_PASSWORD }))
        .status,
    ).to.equal(200);
  });

  it("should let an admin reset a password to a strong one, ending the user's sessions", async () => {
    // given
    const { id, username, client } = await newOfficer();
    // when
    const weak = await admin.post(`/api/admin/users/${id}/password`, { password: `${username}-2026-abc` });
    const short = await admin.post(`/api/admin/users/${id}/password`, { password: 'ngan' });
    const reset = await admin.post(`/api/admin/users/${id}/password`, { password: NEW_PASSWORD });
    // then
    expect(weak.body.error.code).to.equal('weak_password');
    expect(short.status).to.equal(422);
    expect(reset.status).to.equal(200);
    expect((await client.get('/api/me')).status).to.equal(401);
    expect(
      (await new ApiClient(server.baseUrl).post('/api/auth/login', { username, password: NEW_PASSWORD }))
        .status,
    ).to.equal(200);
  });

  it('should let an admin deactivate a user: sessions end now and the password no longer signs in', async () => {
    // given
    const { id, username, client } = await newOfficer();
    // when
    const res = await admin.post(`/api/admin/users/${id}/deactivate`);
    // then
    expect(res.status).to.equal(200);
    expect((await client.get('/api/me')).status).to.equal(401);
    const again = await new ApiClient(server.baseUrl).post('/api/auth/login', {
      username,
      password: CREATED_USER_PASSWORD,
    });
    expect(again.body.error.code).to.equal('invalid_credentials');
    const listed = await admin.get('/api/admin/users');
    expect(listed.body.find((u: any) => u.username === username).active).to.equal(false);
  });

  it('should refuse deactivation of oneself (409), of an unknown user (404) and by a non-admin (403)', async () => {
    // given
    const me = await admin.get('/api/me');
    const { id, client } = await newOfficer();
    // when
    const self = await admin.post(`/api/admin/users/${me.body.id}/deactivate`);
    const unknown = await admin.post('/api/admin/users/00000000-0000-4000-8000-000000000000/deactivate');
    const notAdmin = await client.post(`/api/admin/users/${id}/deactivate`);
    // then
    expect(self.body.error.code).to.equal('cannot_deactivate_self');
    expect(unknown.status).to.equal(404);
    expect(notAdmin.status).to.equal(403);
  });

  it('should refuse a user created through the API with a common password, in demo mode too', async () => {
    // when
    const res = await admin.post('/api/admin/users', {
      username: 'cv.yeu',
      password: 'matkhau123456',
      fullName: 'Yếu Mật Khẩu',
      roles: ['officer'],
      departments: [],
    });
    // then
    expect(res.status).to.equal(422);
    expect(res.body.error, JSON.stringify(res.body)).to.deep.include({ code: 'weak_password' });
    expect(res.body.error.details[0].path).to.equal('/password');
  });
});
