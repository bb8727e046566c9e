import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { ensureClientBuilt } from '../../../server/src/web/client-build.js';

describe('serving the web client', function () {
  this.timeout(120_000);
  let server: TestServer;
  let anonymous: ApiClient;

  before(async () => {
    await ensureClientBuilt(() => {});
    server = await startTestServer();
    anonymous = new ApiClient(server.baseUrl);
  });

  after(() => server.close());

  it('should answer deep links with index.html so the client router shows them', async () => {
    for (const path of ['/', '/inbox', '/dossiers/QBD-261124-0001', '/lookup?code=A&secret=B']) {
      const res = await anonymous.fetchRaw('GET', path);
      expect(res.status, path).to.equal(200);
      expect(res.headers.get('content-type')).to.contain('text/html');
      expect(await res.text()).to.contain('<div id="app">');
    }
  });

  it('should keep the API JSON: unknown API paths and missing assets are 404, never the page', async () => {
    const api = await anonymous.get('/api/nothing-here');
    expect(api.status).to.equal(404);
    expect(api.body.error.code).to.equal('route_not_found');
    expect((await anonymous.fetchRaw('GET', '/assets/missing.js')).status).to.equal(404);
  });

  it('should leave /healthz, /readyz and /metrics to the server, not answer them with the page', async () => {
    for (const path of ['/healthz', '/readyz', '/metrics']) {
      // when
      const res = await anonymous.fetchRaw('GET', path);
      // then
      expect(res.status, path).to.equal(200);
      expect(res.headers.get('content-type'), path).not.to.contain('text/html');
    }
  });

  it('should never serve a file outside client/dist', async () => {
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      const res = await anonymous.fetchRaw('GET', path);
      expect(await res.text(), path).not.to.contain('"mot-cua-dien-tu"');
    }
  });
});
