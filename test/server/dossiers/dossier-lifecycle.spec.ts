import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { deployThreeDepartments, intakeBody } from '../../support/fixtures.js';
import { HANDOVER_IN_PERSON } from '../../support/dossier-driver.js';

describe('dossier lifecycle through three departments', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader } = await signIn(server.baseUrl, 'reception', 'officer', 'leader'));
    await deployThreeDepartments(await ApiClient.as(server.baseUrl, 'thietke'), 'ba-phong');
  });

  after(() => server.close());

  async function onlyTask(client: ApiClient, code: string) {
    const inbox = await client.get('/api/tasks?scope=department');
    expect(inbox.status).to.equal(200);
    const mine = inbox.body.items.filter((t: any) => t.dossier.code === code);
    expect(mine, `one task for ${code}`).to.have.length(1);
    return mine[0];
  }

  it('should route a dossier through review, a loop back from the leader, signing and return', async () => {
    // given a dossier received at the desk
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 120, purpose: 'Nhà ở' }),
    );
    expect(intake.status).to.equal(201);
    expect(intake.body.code).to.match(/^QBD-\d{6}-\d{4}$/);
    expect(intake.body.status).to.equal(2);
    const code = intake.body.code;

    // when the urban department approves and the leader sends it back once
    let task = await onlyTask(officer, code);
    expect(task.name).to.equal('Thẩm định hồ sơ');
    expect(task.outcomes).to.deep.equal(['approve', 'refuse']);
    expect((await officer.post(`/api/tasks/${task.id}/claim`)).status).to.equal(200);
    let done = await officer.post(`/api/tasks/${task.id}/complete`, {
      outcome: 'approve',
      data: { reviewNote: 'Đủ điều kiện' },
    });
    expect(done.status).to.equal(200);
    expect(done.body.nextTasks.map((t: any) => t.departmentCodes)).to.deep.equal([['LD']]);
    expect(done.body.dossierStatus).to.equal(4);

    task = await onlyTask(leader, code);
    done = await leader.post(`/api/tasks/${task.id}/complete`, {
      outcome: 'return',
      reason: 'Đề nghị xem lại diện tích',
    });
    expect(done.body.nextTasks[0].name).to.equal('Thẩm định hồ sơ');

    task = await onlyTask(officer, code);
    await officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' });
    task = await onlyTask(leader, code);
    done = await leader.post(`/api/tasks/${task.id}/complete`, { outcome: 'sign' });
    expect(done.body.dossierStatus).to.equal(9);

    task = await onlyTask(reception, code);
    done = await reception.post(`/api/tasks/${task.id}/complete`, { handover: HANDOVER_IN_PERSON });

    // then the result is returned and the control slip lists every handoff
    expect(done.body.dossierStatus).to.equal(10);
    const dossier = await reception.get(`/api/dossiers/${code}`);
    expect(dossier.body.status).to.equal(10);
    expect(dossier.body.finishedAt).to.be.a('string');
    expect(dossier.body.openTasks).to.deep.equal([]);
    expect(dossier.body.data.reviewNote).to.equal('Đủ điều kiện');
    const slip = dossier.body.events.map((e: any) => [e.type, e.stepId, e.outcome, e.toDepartments]);
    expect(slip).to.deep.equal([
      ['received', null, null, ['QLDT']],
      ['step_completed', 'review', 'approve', ['LD']],
      ['step_completed', 'sign', 'return', ['QLDT']],
      ['step_completed', 'review', 'approve', ['LD']],
      ['step_completed', 'sign', 'sign', ['MC']],
      ['step_completed', 'return_result', null, []],
      ['finished', 'done', null, null],
    ]);
  });

  it('should take the default flow when the FEEL condition is false and end as refused', async () => {
    // given a building larger than the condition allows
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 400, purpose: 'Nhà ở' }),
    );
    const task = await onlyTask(officer, intake.body.code);

    // when the officer approves
    const done = await officer.post(`/api/tasks/${task.id}/complete`, { outcome: 'approve' });

    // then `area <= 250` fails, the default flow ends it as refused (status 3)
    expect(done.status).to.equal(200);
    expect(done.body.nextTasks).to.deep.equal([]);
    expect(done.body.dossierStatus).to.equal(3);
    const lookup = await reception.get(`/api/dossiers/${intake.body.code}`);
    expect(lookup.body.events.at(-1).stepId).to.equal('refused');
  });

  it('should let the citizen look the dossier up by code and secret only', async () => {
    // given
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 90, purpose: 'Nhà ở' }),
    );
    const anonymous = new ApiClient(server.baseUrl);

    // when
    const found = await anonymous.get(
      `/api/public/lookup?code=${intake.body.code}&secret=${intake.body.lookupSecret}`,
    );
    const wrong = await anonymous.get(`/api/public/lookup?code=${intake.body.code}&secret=WRONGSECRET`);
    const unknown = await anonymous.get(
      `/api/public/lookup?code=QBD-000000-9999&secret=${intake.body.lookupSecret}`,
    );

    // then
    expect(found.status).to.equal(200);
    expect(found.body.statusText).to.equal('Đã tiếp nhận');
    expect(found.body.currentSteps).to.deep.equal([
      { name: 'Thẩm định hồ sơ', departments: ['Phòng Quản lý đô thị'] },
    ]);
    expect(JSON.stringify(found.body)).not.to.contain('Nguyễn Văn Bình');
    expect(wrong.status).to.equal(404);
    expect(unknown.status).to.equal(404);
    expect(wrong.body).to.deep.equal(unknown.body);
  });

  it('should show the same lookup secret when the receipt is reprinted', async () => {
    // given a dossier and its first secret
    const intake = await reception.post(
      '/api/dossiers',
      intakeBody('ba-phong', { area: 70, purpose: 'Nhà ở' }),
    );
    const anonymous = new ApiClient(server.baseUrl);

    // when the receipt is reprinted twice
    const first = await reception.post(`/api/dossiers/${intake.body.code}/receipt`);
    const second = await reception.post(`/api/dossiers/${intake.body.code}/receipt`);

    // then both show the secret of the first receipt, which still opens the lookup
    expect([first.status, second.status]).to.deep.equal([200, 200]);
    expect([first.body.lookupSecret, second.body.lookupSecret]).to.deep.equal([
      intake.body.lookupSecret,
      intake.body.lookupSecret,
    ]);
    const lookup = await anonymous.get(
      `/api/public/lookup?code=${intake.body.code}&secret=${intake.body.lookupSecret}`,
    );
    expect(lookup.status).to.equal(200);
  });

  it('should give codes in sequence per agency and day', async () => {
    // when two dossiers are received at once
    const [a, b] = await Promise.all([
      reception.post('/api/dossiers', intakeBody('ba-phong', { area: 50, purpose: 'Nhà ở' })),
      reception.post('/api/dossiers', intakeBody('ba-phong', { area: 60, purpose: 'Nhà ở' })),
    ]);

    // then both succeed with different consecutive codes
    const seq = [a!.body.code, b!.body.code]
      .map((c: string) => Number(c.split('-')[2]))
      .sort((x, y) => x - y);
    expect(seq[1]! - seq[0]!).to.equal(1);
  });
});
