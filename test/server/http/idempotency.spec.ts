import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { deployThreeDepartments, intakeBody } from '../../support/fixtures.js';

describe('Idempotency-Key on intake and completion', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    ({ reception, officer } = await signIn(server.baseUrl, 'reception', 'officer'));
    await deployThreeDepartments(await ApiClient.as(server.baseUrl, 'thietke'), 'ba-phong');
  });

  after(() => server.close());

  const body = () => intakeBody('ba-phong', { area: 80, purpose: 'Nhà ở' });

  it('should receive a dossier once however often the intake is retried, even at the same moment', async () => {
    // when the same intake is sent three times, twice at once
    const key = { 'idempotency-key': 'intake-1' };
    const [a, b] = await Promise.all([
      reception.post('/api/dossiers', body(), key),
      reception.post('/api/dossiers', body(), key),
    ]);
    const c = await reception.post('/api/dossiers', body(), key);

    // then one dossier, one code; the answer to a retry carries the same secret, which works
    expect([a!.status, b!.status, c.status]).to.deep.equal([201, 201, 201]);
    expect(new Set([a!.body.code, b!.body.code, c.body.code]).size).to.equal(1);
    expect(new Set([a!.body.lookupSecret, b!.body.lookupSecret, c.body.lookupSecret]).size).to.equal(1);
    const list = await reception.get(`/api/dossiers?q=${a!.body.code}`);
    expect(list.body.total).to.equal(1);
    const lookup = await new ApiClient(server.baseUrl).get(
      `/api/public/lookup?code=${c.body.code}&secret=${c.body.lookupSecret}`,
    );
    expect(lookup.status).to.equal(200);
  });

  it('should answer a retried completion with the first answer, not a 409', async () => {
    // given
    const { body: dossier } = await reception.post('/api/dossiers', body());
    const task = (await officer.get('/api/tasks?pageSize=200')).body.items.find(
      (t: any) => t.dossier.code === dossier.code,
    );
    const key = { 'idempotency-key': `complete-${task.id}` };

    // when
    const first = await officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' }, key);
    const retry = await officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' }, key);
    const withoutKey = await officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' });

    // then
    expect(first.status).to.equal(200);
    expect(retry.status).to.equal(200);
    expect(retry.body).to.deep.equal(first.body);
    expect(withoutKey.status).to.equal(409);
    const detail = await reception.get(`/api/dossiers/${dossier.code}`);
    expect(detail.body.events.filter((e: any) => e.type === 'step_completed')).to.have.length(1);
  });

  it('should refuse a key reused for another request, and a malformed key', async () => {
    // given two open tasks, the first completed with key "x"
    const codes = [];
    for (let i = 0; i < 2; i++) codes.push((await reception.post('/api/dossiers', body())).body.code);
    const inbox = (await officer.get('/api/tasks?pageSize=200')).body.items;
    const [first, second] = codes.map((code) => inbox.find((t: any) => t.dossier.code === code));
    expect(
      (
        await officer.post(
          `/api/tasks/${first.id}/complete`,
          { outcome: 'approve' },
          { 'idempotency-key': 'x' },
        )
      ).status,
    ).to.equal(200);

    // when the same key comes with another task, or is too long
    const reuse = await officer.post(
      `/api/tasks/${second.id}/complete`,
      { outcome: 'approve' },
      { 'idempotency-key': 'x' },
    );
    const tooLong = await reception.post('/api/dossiers', body(), { 'idempotency-key': 'a'.repeat(201) });

    // then
    expect(reuse.status).to.equal(422);
    expect(reuse.body.error.code).to.equal('idempotency_key_reused');
    expect(tooLong.status).to.equal(400);
    expect(
      (await officer.get('/api/tasks?pageSize=200')).body.items.some((t: any) => t.id === second.id),
    ).to.equal(true);
  });

  it('should refuse a key replayed with another body, without a second dossier or a new secret for the first', async () => {
    // given an intake received with key "intake-other-body"
    const key = { 'idempotency-key': 'intake-other-body' };
    const first = await reception.post('/api/dossiers', body(), key);

    // when the key comes again with another applicant's dossier
    const other = { ...body(), applicant: { fullName: 'Trần Thị Cúc', idNumber: '001199054321' } };
    const replay = await reception.post('/api/dossiers', other, key);

    // then it is refused, nothing is received for Cúc, and the first receipt's secret still works
    expect(first.status).to.equal(201);
    expect(replay.status).to.equal(422);
    expect(replay.body.error.code).to.equal('idempotency_key_reused');
    expect(replay.body).not.to.have.nested.property('lookupSecret');
    expect((await reception.get('/api/dossiers?q=Trần Thị Cúc')).body.total).to.equal(0);
    const lookup = await new ApiClient(server.baseUrl).get(
      `/api/public/lookup?code=${first.body.code}&secret=${first.body.lookupSecret}`,
    );
    expect(lookup.status).to.equal(200);
  });

  it('should answer a replay whose JSON members come in another order as the same request', async () => {
    // given
    const key = { 'idempotency-key': 'intake-reordered' };
    const first = await reception.post('/api/dossiers', body(), key);

    // when the same intake is sent with its members in reverse order
    const reversed = Object.fromEntries(Object.entries(body()).reverse());
    const replay = await reception.post('/api/dossiers', reversed, key);

    // then
    expect(replay.status).to.equal(201);
    expect(replay.body.code).to.equal(first.body.code);
  });

  it('should refuse a completion key replayed with another outcome', async () => {
    // given a task completed with "approve" under a key
    const { body: dossier } = await reception.post('/api/dossiers', body());
    const task = (await officer.get('/api/tasks?pageSize=200')).body.items.find(
      (t: any) => t.dossier.code === dossier.code,
    );
    const key = { 'idempotency-key': `complete-other-${task.id}` };
    const first = await officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' }, key);

    // when the retry carries other data
    const replay = await officer.post(
      `/api/tasks/${task.id}/complete`,
      { outcome: 'approve', data: { reviewNote: 'Khác' } },
      key,
    );

    // then
    expect(first.status).to.equal(200);
    expect(replay.status).to.equal(422);
    expect(replay.body.error.code).to.equal('idempotency_key_reused');
  });
});
