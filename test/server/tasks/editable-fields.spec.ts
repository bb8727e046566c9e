import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { PERMIT_FORM, edited, intakeBody, readFixture } from '../../support/fixtures.js';

const DECLARED = 'mc:outcomes="sign,return" mc:editableFields=""';

describe('tasks: a step edits only the fields it declares', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;
  let deployed: { status: number; body: any };

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader } = await signIn(server.baseUrl, 'reception', 'officer', 'leader'));
    // the leader's step of the three-department diagram, with its mc:editableFields taken away
    const bpmn = edited(readFixture('engine/three-departments.bpmn'), [
      DECLARED,
      'mc:outcomes="sign,return"',
    ]);
    const designer = await ApiClient.as(server.baseUrl, 'thietke');
    deployed = await designer.post('/api/procedures', {
      code: 'khong-khai-bao',
      name: 'Không khai báo trường',
      duration: 5,
      formSchema: PERMIT_FORM,
      bpmn,
    });
  });

  after(() => server.close());

  async function taskOf(client: ApiClient, code: string) {
    const inbox = await client.get('/api/tasks?scope=department');
    return inbox.body.items.find((t: any) => t.dossier.code === code);
  }

  it('should deploy a user task without mc:editableFields with a warning naming it', () => {
    // then
    expect(deployed.status, JSON.stringify(deployed.body)).to.equal(201);
    // (the fixture's start event declares no fields either)
    expect(deployed.body.warnings.map((w: any) => w.elementId)).to.deep.equal(['sign', 'start']);
    expect(deployed.body.warnings[0].message).to.contain('mc:editableFields');
  });

  it('should refuse with 422 data from a step that declares no fields, and complete it without data', async () => {
    // given a dossier reviewed by the officer, waiting for the leader's signature
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('khong-khai-bao', { area: 100, purpose: 'Nhà ở' }),
    );
    const review = await taskOf(officer, intake.body.code);
    const reviewed = await officer.post(`/api/tasks/${review.id}/complete`, {
      outcome: 'approve',
      data: { reviewNote: 'Đủ điều kiện' },
    });
    expect(reviewed.status, JSON.stringify(reviewed.body)).to.equal(200);
    const sign = await taskOf(leader, intake.body.code);

    // when the leader's step tries to rewrite the area, then completes with no data
    const rewrite = await leader.post(`/api/tasks/${sign.id}/complete`, {
      outcome: 'sign',
      data: { area: 1 },
    });
    const signed = await leader.post(`/api/tasks/${sign.id}/complete`, { outcome: 'sign' });

    // then the rewrite is refused naming the field, and the dossier keeps what the desk received
    expect(rewrite.status).to.equal(422);
    expect(rewrite.body.error.code).to.equal('validation_failed');
    expect(rewrite.body.error.details.map((d: any) => d.path)).to.deep.equal(['/data/area']);
    expect(signed.status, JSON.stringify(signed.body)).to.equal(200);
    const detail = await reception.get(`/api/dossiers/${intake.body.code}`);
    expect(detail.body.data.area).to.equal(100);
  });

  it('should refuse a field outside the declared ones, naming the ones the step may change', async () => {
    // given
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('khong-khai-bao', { area: 100, purpose: 'Nhà ở' }),
    );
    const review = await taskOf(officer, intake.body.code);

    // when the review step, which edits reviewNote, also sends purpose
    const res = await officer.post(`/api/tasks/${review.id}/complete`, {
      outcome: 'approve',
      data: { reviewNote: 'ok', purpose: 'Kho' },
    });

    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.details).to.deep.equal([
      { path: '/data/purpose', message: 'this step may change only reviewNote, not purpose' },
    ]);
  });
});
