import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { queryDatabase } from '../../support/database.js';
import { loadConfig } from '../../../server/src/core/config.js';
import { startServer, type RunningServer } from '../../../server/src/main.js';
import { argonLoad, argonStats, verifyPassword } from '../../../server/src/auth/passwords.js';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const login = (baseUrl: string, username: string, password: string) =>
  new ApiClient(baseUrl).post('/api/auth/login', { username, password });

describe('sign-in throttling and argon2 work', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await startTestServer();
  });

  afterEach(() => server.close());

  const sql = (text: string, values: unknown[] = []) => queryDatabase<any>(server.databaseUrl, text, values);

  it('should refuse even the right password after 100 wrong ones, with 429 too_many_attempts and Retry-After', async () => {
    // given 100 wrong passwords for one account
    const answers = [];
    for (let i = 0; i < 100; i += 1)
      answers.push((await login(server.baseUrl, 'tiepnhan', `sai-${i}`)).status);
    // when the right one comes
    const res = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'tiepnhan', password: 'demo1234' }),
    });
    const body = await res.json();
    // then only five were checked, and the account is locked for the rest of the window
    expect(answers.filter((s) => s === 401)).to.have.length(5);
    expect(answers.filter((s) => s === 429)).to.have.length(95);
    expect(res.status).to.equal(429);
    expect(body.error.code).to.equal('too_many_attempts');
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).to.be.within(1, 15 * 60);
    expect(body.error.details).to.deep.equal({ retryAfterSeconds: retryAfter });
  });

  it('should let the account sign in again once its failures are older than the window', async () => {
    // given an account locked by five failures, which then age 16 minutes
    for (let i = 0; i < 5; i += 1) await login(server.baseUrl, 'chuyenvien', 'sai-mat-khau');
    const locked = await login(server.baseUrl, 'chuyenvien', 'demo1234');
    await sql(`update login_failures set at = at - interval '16 minutes'`);
    // when
    const res = await login(server.baseUrl, 'chuyenvien', 'demo1234');
    // then
    expect(locked.status).to.equal(429);
    expect(res.status).to.equal(200);
  });

  it('should lock an address after 20 failures across accounts, and not touch other accounts elsewhere', async () => {
    // given 20 failures from this address, four per account
    for (let i = 0; i < 20; i += 1) await login(server.baseUrl, `khongco${i % 5}`, 'sai-mat-khau');
    // when a sixth account signs in with its right password from the same address
    const res = await login(server.baseUrl, 'lanhdao', 'demo1234');
    // then
    expect(res.status).to.equal(429);
    expect(res.body.error.code).to.equal('too_many_attempts');
  });

  it('should count failures in PostgreSQL, so a second server process refuses the locked account too', async () => {
    // given a second server on the same database, and five failures on the first
    const other: RunningServer = await startServer({
      ...loadConfig({ DATABASE_URL: server.databaseUrl }),
      port: 0,
    });
    try {
      for (let i = 0; i < 5; i += 1) await login(server.baseUrl, 'giamsat', 'sai-mat-khau');
      // when
      const res = await login(`http://127.0.0.1:${other.port}`, 'giamsat', 'demo1234');
      // then
      expect(res.status).to.equal(429);
    } finally {
      await other.close();
    }
  });

  it('should do one argon2 verification for an unknown username, as for a known one', async () => {
    // given
    const before = argonStats.verified;
    // when
    const unknown = await login(server.baseUrl, 'khong-ton-tai', 'sai-mat-khau');
    const afterUnknown = argonStats.verified;
    const known = await login(server.baseUrl, 'thietke', 'sai-mat-khau');
    // then
    expect(unknown.body).to.deep.equal(known.body);
    expect(afterUnknown - before).to.equal(1);
    expect(argonStats.verified - afterUnknown).to.equal(1);
  });

  it('should keep the thread pool free for other requests during a burst of 12 sign-ins', async () => {
    // given 12 sign-ins at once, all waiting for argon2
    const order: string[] = [];
    argonStats.peak = 0;
    const logins = Array.from({ length: 12 }, (_, i) =>
      login(server.baseUrl, `dot-${i}`, 'sai-mat-khau').then((r) => order.push(`login ${r.status}`)),
    );
    while (argonLoad().running + argonLoad().waiting < 12)
      await new Promise((resolve) => setImmediate(resolve));
    // when a page asks for the session and this process (whose thread pool the server shares) reads a file
    const page = new ApiClient(server.baseUrl)
      .get('/api/auth/session')
      .then((r) => order.push(`session ${r.status}`));
    const file = fs.readFile(fileURLToPath(import.meta.url)).then(() => order.push('file'));
    await Promise.all([...logins, page, file]);
    // then both are answered before the third sign-in, and never more than two hashes ran at once
    const thirdLogin = order.findIndex(
      (_, i) => order.slice(0, i + 1).filter((o) => o.startsWith('login')).length === 3,
    );
    expect(order.indexOf('session 200')).to.be.within(0, thirdLogin - 1);
    expect(order.indexOf('file')).to.be.within(0, thirdLogin - 1);
    expect(argonStats.peak).to.equal(2);
  });

  it('should answer sign_in_busy (503, Retry-After) beyond 2 running and 32 waiting verifications', async () => {
    // when 40 verifications are asked for at once
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () =>
        verifyPassword('$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo', 'x'),
      ),
    );
    // then
    const refused = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason);
    expect(refused).to.have.length(6);
    expect(refused[0]).to.include({ status: 503, code: 'sign_in_busy' });
    expect(refused[0].headers).to.deep.equal({ 'Retry-After': '1' });
  });
});
