import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { HOUSEHOLD_BUSINESS, intakeBody } from '../../support/fixtures.js';
import { queryDatabase } from '../../support/database.js';

/** Reprinting a receipt keeps the lookup secret; "Cấp mã tra cứu mới" replaces it and tells the citizen. */
describe('lookup secret: reprint without rotation, reissue on purpose', () => {
  let server: TestServer;
  let reception: ApiClient;
  let supervisor: ApiClient;
  const anonymous = () => new ApiClient(server.baseUrl);
  const lookup = (code: string, secret: string) =>
    anonymous().get(`/api/public/lookup?code=${code}&secret=${secret}`);

  before(async () => {
    // Without the delivery job, the queued notice stays as it was written (delivery redacts it).
    server = await startTestServer({ JOBS: 'false' });
    ({ reception, supervisor } = await signIn(server.baseUrl, 'reception', 'supervisor'));
  });

  after(() => server.close());

  async function receive(): Promise<{ code: string; id: string; lookupSecret: string }> {
    const res = await reception.post('/api/dossiers', {
      ...intakeBody('dang-ky-ho-kinh-doanh', HOUSEHOLD_BUSINESS),
      notifyChannels: ['sms'],
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body;
  }

  const notices = async (dossierId: string) =>
    (
      await queryDatabase<{ kind: string; channel: string; recipient: string; body: string }>(
        server.databaseUrl,
        `select kind, channel, recipient, body from notifications where dossier_id = $1 order by created_at`,
        [dossierId],
      )
    ).rows;

  it('should show the same secret at every reprint, and the first receipt keeps opening the lookup', async () => {
    // given a dossier and the secret its first receipt carries
    const dossier = await receive();

    // when the receipt is reprinted twice
    const first = await reception.post(`/api/dossiers/${dossier.code}/receipt`);
    const second = await reception.post(`/api/dossiers/${dossier.code}/receipt`);

    // then both show the first secret, which opens the lookup and prints the PDF
    expect([first.body.lookupSecret, second.body.lookupSecret]).to.deep.equal([
      dossier.lookupSecret,
      dossier.lookupSecret,
    ]);
    expect((await lookup(dossier.code, dossier.lookupSecret)).status).to.equal(200);
    const pdf = await reception.fetchRaw('POST', `/api/dossiers/${dossier.code}/receipt/pdf`, {
      secret: dossier.lookupSecret,
    });
    expect(pdf.status).to.equal(200);
    // and nothing was sent to the citizen beyond the notice of receipt
    expect((await notices(dossier.id)).map((n) => n.kind)).to.deep.equal(['received']);
  });

  it('should replace the secret on a reissue: the old one is refused, the new one works and is sent to the citizen', async () => {
    // given a dossier received with SMS notices to the applicant's phone
    const dossier = await receive();

    // when a new lookup secret is issued
    const reissue = await reception.post(`/api/dossiers/${dossier.code}/lookup-secret`);

    // then the old secret opens nothing and the new one opens the lookup
    expect(reissue.status, JSON.stringify(reissue.body)).to.equal(200);
    const fresh: string = reissue.body.lookupSecret;
    expect(fresh).to.match(/^[A-HJKMNP-Z2-9]{10}$/);
    expect(fresh).not.to.equal(dossier.lookupSecret);
    const old = await lookup(dossier.code, dossier.lookupSecret);
    expect([old.status, old.body.error.code]).to.deep.equal([404, 'dossier_not_found']);
    expect((await lookup(dossier.code, fresh)).status).to.equal(200);
    // and the PDF refuses the old secret
    const oldPdf = await reception.post(`/api/dossiers/${dossier.code}/receipt/pdf`, {
      secret: dossier.lookupSecret,
    });
    expect(oldPdf.body.error.code).to.equal('lookup_secret_mismatch');
    // and a notice with the new link is queued for the applicant's phone
    const queued = (await notices(dossier.id)).filter((n) => n.kind === 'lookup_secret_reissued');
    expect(queued.map((n) => [n.channel, n.recipient])).to.deep.equal([['sms', '0912345678']]);
    expect(queued[0]!.body).to.contain(`secret=${fresh}`);
    // and the control slip records who issued it
    const detail = await reception.get(`/api/dossiers/${dossier.code}`);
    const event = detail.body.events.find((e: { type: string }) => e.type === 'lookup_secret_reissued');
    expect(event).to.deep.include({ actorName: 'Nguyễn Thị Lan', details: { generation: 2 } });
    // and a later reprint shows the new secret
    expect((await reception.post(`/api/dossiers/${dossier.code}/receipt`)).body.lookupSecret).to.equal(fresh);
  });

  it('should answer a retried reissue with the first answer, issuing one secret only', async () => {
    // given
    const dossier = await receive();
    const key = { 'idempotency-key': `reissue-${dossier.code}` };

    // when the same reissue is sent twice with one Idempotency-Key
    const first = await reception.post(`/api/dossiers/${dossier.code}/lookup-secret`, undefined, key);
    const retry = await reception.post(`/api/dossiers/${dossier.code}/lookup-secret`, undefined, key);

    // then one secret was issued, one notice queued, and both answers carry it
    expect([first.status, retry.status]).to.deep.equal([200, 200]);
    expect(retry.body).to.deep.equal(first.body);
    expect((await lookup(dossier.code, first.body.lookupSecret)).status).to.equal(200);
    const kinds = (await notices(dossier.id)).map((n) => n.kind);
    expect(kinds).to.deep.equal(['received', 'lookup_secret_reissued']);
  });

  it('should refuse a supervisor both actions, and change nothing', async () => {
    // given
    const dossier = await receive();

    // when
    const reprint = await supervisor.post(`/api/dossiers/${dossier.code}/receipt`);
    const reissue = await supervisor.post(`/api/dossiers/${dossier.code}/lookup-secret`);

    // then
    expect([reprint.status, reissue.status]).to.deep.equal([403, 403]);
    expect((await lookup(dossier.code, dossier.lookupSecret)).status).to.equal(200);
  });

  it('should issue a derivable secret at the first reprint of a dossier received before secrets were derived', async () => {
    // given a dossier whose secret was drawn at random (generation 0, as the migration leaves older ones)
    const dossier = await receive();
    await queryDatabase(
      server.databaseUrl,
      `update dossiers set lookup_secret_generation = 0, lookup_secret_hash = repeat('0', 64) where code = $1`,
      [dossier.code],
    );

    // when its receipt is reprinted twice
    const first = await reception.post(`/api/dossiers/${dossier.code}/receipt`);
    const second = await reception.post(`/api/dossiers/${dossier.code}/receipt`);

    // then the first reprint issued a secret that works, and the second shows it again
    expect(first.status).to.equal(200);
    expect(second.body.lookupSecret).to.equal(first.body.lookupSecret);
    expect((await lookup(dossier.code, first.body.lookupSecret)).status).to.equal(200);
    expect((await notices(dossier.id)).map((n) => n.kind)).to.deep.equal([
      'received',
      'lookup_secret_reissued',
    ]);
  });
});
