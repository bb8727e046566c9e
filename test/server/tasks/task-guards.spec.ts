import { expect } from 'chai';
import { ApiClient, CREATED_USER_PASSWORD } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { deployThreeDepartments, intakeBody } from '../../support/fixtures.js';

describe('task guards: concurrency, departments, sessions and form data', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let colleague: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer } = await signIn(server.baseUrl, 'reception', 'officer'));
    const admin = await ApiClient.as(server.baseUrl, 'admin');
    const created = await admin.post('/api/admin/users', {
      username: 'chuyenvien2',
      password: CREATED_USER_PASSWORD,
      fullName: 'Vũ Thị Hoa',
      roles: ['officer'],
      departments: ['QLDT'],
    });
    expect(created.status).to.equal(201);
    colleague = await ApiClient.as(server.baseUrl, 'chuyenvien2', CREATED_USER_PASSWORD);
    await deployThreeDepartments(await ApiClient.as(server.baseUrl, 'thietke'), 'ba-phong');
  });

  after(() => server.close());

  async function firstTaskOf(code: string) {
    const inbox = await officer.get('/api/tasks');
    return inbox.body.items.find((t: any) => t.dossier.code === code);
  }

  it('should answer exactly one 200 and one 409 when two requests complete the same task', async () => {
    // given an open task of a department with two officers
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 100, purpose: 'Nhà ở' }),
    );
    const task = await firstTaskOf(intake.body.code);

    // when both complete it at once
    const results = await Promise.all([
      officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' }),
      colleague.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' }),
    ]);

    // then one wins, the other is told the task is closed, and only one handoff is recorded
    expect(results.map((r) => r.status).sort()).to.deep.equal([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).to.equal('task_closed');
    const dossier = await reception.get(`/api/dossiers/${intake.body.code}`);
    expect(dossier.body.events.filter((e: any) => e.type === 'step_completed')).to.have.length(1);
    expect(dossier.body.openTasks).to.have.length(1);
  });

  it('should refuse with 409 a task claimed by someone else', async () => {
    // given a task claimed by one officer
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 100, purpose: 'Nhà ở' }),
    );
    const task = await firstTaskOf(intake.body.code);
    await officer.post(`/api/tasks/${task.id}/claim`);

    // when a colleague tries to claim and complete it
    const claim = await colleague.post(`/api/tasks/${task.id}/claim`);
    const complete = await colleague.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' });

    // then
    expect(claim.status).to.equal(409);
    expect(claim.body.error.code).to.equal('task_claimed');
    expect(complete.status).to.equal(409);
    // and once released, the colleague may take it
    expect((await officer.post(`/api/tasks/${task.id}/unclaim`)).body.status).to.equal('open');
    expect((await colleague.post(`/api/tasks/${task.id}/claim`)).body.assigneeId).to.be.a('string');
  });

  it('should forbid (403) an officer of another department from acting on a task', async () => {
    // given a task of the urban department and the leader, who belongs to LD only
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 100, purpose: 'Nhà ở' }),
    );
    const task = await firstTaskOf(intake.body.code);
    const leader = await ApiClient.as(server.baseUrl, 'lanhdao');

    // when
    const claim = await leader.post(`/api/tasks/${task.id}/claim`);
    const complete = await leader.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' });

    // then
    expect(claim.status).to.equal(403);
    expect(complete.status).to.equal(403);
    expect(complete.body.error.code).to.equal('task_other_department');
  });

  it('should answer 401 without a session', async () => {
    const anonymous = new ApiClient(server.baseUrl);
    for (const res of [
      await anonymous.get('/api/tasks'),
      await anonymous.post('/api/dossiers', intakeBody('ba-phong', { area: 1, purpose: 'x' })),
      await anonymous.get('/api/me'),
    ]) {
      expect(res.status).to.equal(401);
      expect(res.body.error.code).to.equal('unauthenticated');
    }
  });

  it('should let only receptionists create dossiers', async () => {
    const res = await officer.post('/api/dossiers', intakeBody('ba-phong', { area: 100, purpose: 'Nhà ở' }));
    expect(res.status).to.equal(403);
  });

  it('should answer 422 naming the failing fields when form data is bad', async () => {
    // when the area is text and the purpose is missing
    const res = await reception.post('/api/dossiers', intakeBody('ba-phong', { area: 'lớn' }));

    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('validation_failed');
    const paths = res.body.error.details.map((d: any) => d.path);
    expect(paths).to.include('/data/area');
    expect(paths).to.include('/data/purpose');
  });

  it('should answer 422 for an outcome the step does not offer, and for fields it may not edit', async () => {
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 100, purpose: 'Nhà ở' }),
    );
    const task = await firstTaskOf(intake.body.code);

    const badOutcome = await officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'maybe' });
    const badData = await officer.post(`/api/tasks/${task.id}/complete`, {
      outcome: 'approve',
      data: { area: 'x' },
    });

    expect(badOutcome.status).to.equal(422);
    expect(badOutcome.body.error.details[0].path).to.equal('/outcome');
    expect(badData.status).to.equal(422);
    expect(badData.body.error.details[0].path).to.equal('/data/area');
    const after = await firstTaskOf(intake.body.code);
    expect(after.status).to.equal('open');
  });
});
