import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { HOUSEHOLD_BUSINESS } from '../../support/fixtures.js';
import { capturingLogs, type LogLine } from '../../support/logs.js';
import { startTestServer, type TestServer } from '../../support/server.js';

describe('request logs', () => {
  let server: TestServer;
  let reception: ApiClient;
  let dossier: DossierDriver;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    dossier = await DossierDriver.receive(reception, 'dang-ky-ho-kinh-doanh', HOUSEHOLD_BUSINESS);
  });

  after(() => server.close());

  const accessLines = (lines: LogLine[]) => lines.filter((l) => l.msg === 'request');

  it('should write one line per request with the route pattern, status, duration, request id and user, never the path', async () => {
    // when a signed-in receptionist opens the dossier
    const { result: res, lines } = await capturingLogs(() =>
      fetch(`${server.baseUrl}/api/dossiers/${dossier.code}`, {
        headers: { ...reception.sessionHeaders(), 'x-request-id': 'lb-7f3a.42' },
      }),
    );
    // then
    expect(res.status).to.equal(200);
    expect(res.headers.get('x-request-id')).to.equal('lb-7f3a.42');
    const [line, ...more] = accessLines(lines);
    expect(more).to.deep.equal([]);
    expect(line).to.include({
      method: 'GET',
      route: '/api/dossiers/:code',
      status: 200,
      requestId: 'lb-7f3a.42',
    });
    expect(line!.userId).to.be.a('string').with.length(36);
    expect(line!.ms).to.be.a('number');
    expect(JSON.stringify(lines)).not.to.contain(dossier.code);
  });

  it("should keep the citizen lookup's code and secret out of the log", async () => {
    // given
    const { code, lookupSecret } = dossier.intake as { code: string; lookupSecret: string };
    // when
    const { result: res, lines } = await capturingLogs(() =>
      new ApiClient(server.baseUrl).get(`/api/public/lookup?code=${code}&secret=${lookupSecret}`),
    );
    // then
    expect(res.status).to.equal(200);
    expect(accessLines(lines).map((l) => [l.route, l.status])).to.deep.equal([['/api/public/lookup', 200]]);
    const logged = JSON.stringify(lines);
    expect(logged).not.to.contain(lookupSecret);
    expect(logged).not.to.contain(code);
  });

  it('should replace a request id that is not a short safe token with one of its own', async () => {
    // when
    const { result: res, lines } = await capturingLogs(() =>
      fetch(`${server.baseUrl}/healthz`, { headers: { 'x-request-id': `<script>${'x'.repeat(80)}` } }),
    );
    // then
    const id = res.headers.get('x-request-id')!;
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    expect(accessLines(lines).map((l) => [l.route, l.requestId])).to.deep.equal([['/healthz', id]]);
  });

  it('should label a request no route answers without its path', async () => {
    // when
    const { result: res, lines } = await capturingLogs(() =>
      new ApiClient(server.baseUrl).get('/api/nothing/001099012345'),
    );
    // then
    expect(res.status).to.equal(404);
    expect(accessLines(lines).map((l) => [l.route, l.status])).to.deep.equal([['(no route)', 404]]);
    expect(JSON.stringify(lines)).not.to.contain('001099012345');
  });
});
