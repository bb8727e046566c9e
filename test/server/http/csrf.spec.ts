import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { intakeBody } from '../../support/fixtures.js';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
const business = {
  businessName: 'Tạp hoá A',
  businessAddress: '12 Kim Mã',
  businessLines: 'Bán lẻ',
  capital: 1,
};

describe('CSRF guard: own origin and JSON bodies on state-changing requests', () => {
  let server: TestServer;
  let reception: ApiClient;
  let otherPort: string;

  before(async () => {
    server = await startTestServer({ JOBS: 'false', TRUST_PROXY: 'true' });
    reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    otherPort = `http://127.0.0.1:${Number(new URL(server.baseUrl).port) + 1}`;
  });

  after(() => server.close());

  async function receive() {
    const res = await reception.post('/api/dossiers', intakeBody('dang-ky-ho-kinh-doanh', business));
    expect(res.status).to.equal(201);
    return res.body as { code: string; lookupSecret: string };
  }

  const lookup = (code: string, secret: string) =>
    new ApiClient(server.baseUrl).get(`/api/public/lookup?code=${code}&secret=${secret}`);

  it('should refuse a cross-origin POST made with the officer cookie and change nothing', async () => {
    // given a dossier and its lookup secret
    const dossier = await receive();

    // when a page on another port, then one on a sibling subdomain (no Origin, Sec-Fetch-Site), issue a new lookup secret
    const otherPortAnswer = await reception.post(`/api/dossiers/${dossier.code}/lookup-secret`, undefined, {
      origin: otherPort,
    });
    const siblingAnswer = await reception.post(`/api/dossiers/${dossier.code}/lookup-secret`, undefined, {
      'sec-fetch-site': 'same-site',
    });
    const nullOrigin = await reception.post(`/api/dossiers/${dossier.code}/lookup-secret`, undefined, {
      origin: 'null',
    });

    // then all three are refused and the citizen's secret still works
    for (const answer of [otherPortAnswer, siblingAnswer, nullOrigin]) {
      expect(answer.status).to.equal(403);
      expect(answer.body.error.code).to.equal('cross_site_request');
    }
    expect((await lookup(dossier.code, dossier.lookupSecret)).status).to.equal(200);
  });

  it('should accept a POST from its own origin, and from the origin a trusted proxy names', async () => {
    // given
    const dossier = await receive();

    // when the app's own page issues a new lookup secret, directly and through a TLS proxy
    const direct = await reception.post(`/api/dossiers/${dossier.code}/lookup-secret`, undefined, {
      origin: server.baseUrl,
    });
    const proxied = await reception.post(`/api/dossiers/${dossier.code}/lookup-secret`, undefined, {
      origin: 'https://motcua.hanoi.gov.vn',
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'motcua.hanoi.gov.vn',
    });

    // then both issue a secret: only the latest one works
    expect([direct.status, proxied.status]).to.deep.equal([200, 200]);
    expect((await lookup(dossier.code, direct.body.lookupSecret)).status).to.equal(404);
    expect((await lookup(dossier.code, proxied.body.lookupSecret)).status).to.equal(200);
  });

  it('should refuse text/plain and form bodies with 415 and receive nothing', async () => {
    // given the JSON of a valid intake
    const json = JSON.stringify(
      intakeBody('dang-ky-ho-kinh-doanh', { ...business, businessName: 'Không được nhận' }),
    );

    // when it is sent as the types a cross-site form or a simple fetch may use
    const plain = await reception.post('/api/dossiers', json, { 'content-type': 'text/plain' });
    const form = await reception.post('/api/dossiers', `payload=${encodeURIComponent(json)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    });

    // then
    for (const answer of [plain, form]) {
      expect(answer.status).to.equal(415);
      expect(answer.body.error.code).to.equal('unsupported_media_type');
    }
    expect((await reception.get('/api/dossiers?q=Không được nhận')).body.total).to.equal(0);
  });

  it('should still take a same-origin multipart upload and a bodyless command without a content type', async () => {
    // given
    const dossier = await receive();
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'don.pdf');

    // when
    const upload = await reception.postForm(`/api/dossiers/${dossier.code}/attachments`, form, {
      origin: server.baseUrl,
    });
    const logout = await new ApiClient(server.baseUrl).request('POST', '/api/auth/logout', undefined, {
      origin: server.baseUrl,
    });

    // then
    expect(upload.status).to.equal(201);
    expect(upload.body.map((a: { fileName: string }) => a.fileName)).to.deep.equal(['don.pdf']);
    expect(logout.status).to.equal(200);
  });

  it('should refuse JSON on the upload route, where only multipart is documented', async () => {
    // given
    const dossier = await receive();

    // when
    const answer = await reception.post(`/api/dossiers/${dossier.code}/attachments`, { file: 'x' });

    // then
    expect(answer.status).to.equal(415);
    expect(answer.body.error.message).to.contain('multipart/form-data');
  });
});

describe('CSRF guard with PUBLIC_URL', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ JOBS: 'false', PUBLIC_URL: 'https://motcua.hanoi.gov.vn/' });
  });

  after(() => server.close());

  it('should accept the public origin without a trusted proxy, and refuse a look-alike', async () => {
    // given a receptionist signed in through the public site
    const reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    const { body: dossier } = await reception.post(
      '/api/dossiers',
      intakeBody('dang-ky-ho-kinh-doanh', business),
    );

    // when
    const ownPublic = await reception.post(`/api/dossiers/${dossier.code}/receipt`, undefined, {
      origin: 'https://motcua.hanoi.gov.vn',
    });
    const lookAlike = await reception.post(`/api/dossiers/${dossier.code}/receipt`, undefined, {
      origin: 'https://motcua.hanoi.gov.vn.evil.example',
    });
    const plainHttp = await reception.post(`/api/dossiers/${dossier.code}/receipt`, undefined, {
      origin: 'http://motcua.hanoi.gov.vn',
    });

    // then
    expect(ownPublic.status).to.equal(200);
    expect([lookAlike.status, plainHttp.status]).to.deep.equal([403, 403]);
  });
});
