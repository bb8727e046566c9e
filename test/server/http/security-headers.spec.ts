import { expect } from 'chai';
import { DEMO_PASSWORD } from '../../../server/src/seed/demo.js';
import { startTestServer, type TestServer } from '../../support/server.js';

const login = (baseUrl: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'tiepnhan', password: DEMO_PASSWORD }),
  });

describe('security headers and Secure cookies', () => {
  describe('behind a trusted proxy', () => {
    let server: TestServer;

    before(async () => {
      server = await startTestServer({ JOBS: 'false', TRUST_PROXY: 'true' });
    });

    after(() => server.close());

    it('should send the CSP, no-referrer, nosniff and no framing on pages and API answers', async () => {
      // when
      const page = await fetch(`${server.baseUrl}/reception`);
      const api = await fetch(`${server.baseUrl}/api/auth/session`);

      // then
      for (const res of [page, api]) {
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).to.contain("default-src 'self'");
        expect(csp).to.contain("frame-ancestors 'none'");
        // no 'unsafe-eval' and no 'unsafe-inline': the browser's validators are modules from our origin
        expect(csp).to.contain("script-src 'self';");
        expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
        expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
        expect(res.headers.get('x-frame-options')).to.equal('DENY');
      }
    });

    it('should forbid caching every API answer, errors included, but not the client assets', async () => {
      // when
      const session = await fetch(`${server.baseUrl}/api/auth/session`);
      const missing = await fetch(`${server.baseUrl}/api/no-such-thing`);
      const refusedValidator = await fetch(`${server.baseUrl}/api/validators/applicant.js`);
      const page = await fetch(`${server.baseUrl}/reception`);

      // then
      expect(session.headers.get('cache-control')).to.equal('no-store');
      expect(missing.status).to.equal(404);
      expect(missing.headers.get('cache-control')).to.equal('no-store');
      expect(refusedValidator.status).to.equal(401);
      expect(refusedValidator.headers.get('cache-control')).to.equal('no-store');
      expect(page.headers.get('cache-control')).to.equal('no-cache');
    });

    it('should set the session cookie Secure when the proxy says the browser came over https', async () => {
      // when
      const overTls = await login(server.baseUrl, { 'x-forwarded-proto': 'https' });
      const plain = await login(server.baseUrl);

      // then
      expect(overTls.status).to.equal(200);
      expect(overTls.headers.get('set-cookie')).to.match(/motcua_sid=[^;]+;.*\bsecure\b/i);
      expect(plain.status).to.equal(200);
      expect(plain.headers.get('set-cookie')).not.to.match(/\bsecure\b/i);
    });
  });

  describe('without a trusted proxy', () => {
    let server: TestServer;

    before(async () => {
      server = await startTestServer({ JOBS: 'false' });
    });

    after(() => server.close());

    it('should not believe X-Forwarded-Proto from an untrusted hop', async () => {
      // when
      const res = await login(server.baseUrl, { 'x-forwarded-proto': 'https' });

      // then
      expect(res.status).to.equal(200);
      expect(res.headers.get('set-cookie')).not.to.match(/\bsecure\b/i);
    });
  });

  describe('with an https PUBLIC_URL', () => {
    let server: TestServer;

    before(async () => {
      server = await startTestServer({ JOBS: 'false', PUBLIC_URL: 'https://motcua.hanoi.gov.vn' });
    });

    after(() => server.close());

    it('should set the session cookie Secure though the hop from the proxy is plain HTTP', async () => {
      // when
      const res = await login(server.baseUrl);

      // then
      expect(res.status).to.equal(200);
      expect(res.headers.get('set-cookie')).to.match(/motcua_sid=[^;]+;.*\bsecure\b/i);
    });
  });
});
