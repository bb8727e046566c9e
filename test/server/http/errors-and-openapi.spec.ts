import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';

describe('HTTP errors', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });

  after(() => server.close());

  it('should answer malformed JSON with 400 in the error shape', async () => {
    const client = new ApiClient(server.baseUrl);
    const res = await client.post('/api/auth/login', '{"username": ');
    expect(res.status).to.equal(400);
    expect(res.body.error).to.have.keys(['code', 'message', 'details']);
  });

  it('should answer an unknown route with 404 in the error shape', async () => {
    const res = await new ApiClient(server.baseUrl).get('/api/nothing-here');
    expect(res.status).to.equal(404);
    expect(res.body.error.code).to.equal('route_not_found');
  });

  it('should refuse a body over the size limit with 413', async () => {
    const admin = await ApiClient.as(server.baseUrl, 'admin');
    const res = await admin.post('/api/procedures', { code: 'to-qua', bpmn: 'x'.repeat(4 * 1024 * 1024) });
    expect(res.status).to.equal(413);
    expect(res.body.error.code).to.equal('payload_too_large');
  });

  it('should answer an ill-formed task id with 404, not a database error', async () => {
    const officer = await ApiClient.as(server.baseUrl, 'chuyenvien');
    const res = await officer.post('/api/tasks/not-a-uuid/complete', {});
    expect(res.status).to.equal(404);
  });
});
