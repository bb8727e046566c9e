import { expect } from 'chai';
import { ApiClient, CREATED_USER_PASSWORD } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { DossierDriver } from '../../support/dossier-driver.js';

const PROCEDURE = 'dang-ky-ho-kinh-doanh';
const SHOP = {
  businessName: 'Tạp hóa Minh An',
  businessAddress: '21 Giảng Võ, Ba Đình',
  businessLines: 'Bán lẻ hàng tạp hóa',
  capital: 80_000_000,
};
const REASON = 'Vốn kinh doanh ghi sai, đề nghị kiểm tra lại';

describe('tasks: decisions with reasons, the thread, and work sent back to whoever did it', function () {
  this.timeout(60_000);
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;
  let admin: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader } = await signIn(server.baseUrl, 'reception', 'officer', 'leader'));
    admin = await ApiClient.as(server.baseUrl, 'admin');
  });

  after(() => server.close());

  /** The dossier's only open task, as its detail shows it. */
  const openTask = async (dossier: DossierDriver) => (await dossier.detail()).openTasks[0];

  it('should name the outcomes that need a reason: those sending work back or refusing, never the way forward', async () => {
    // when
    const procedure = (await admin.get(`/api/procedures/${PROCEDURE}`)).body;
    // then
    expect(procedure.steps.userTasks.Task_review.reasonOutcomes).to.deep.equal(['refuse']);
    expect(procedure.steps.userTasks.Task_sign.reasonOutcomes).to.deep.equal(['return']);
    expect(procedure.steps.userTasks.Task_return.reasonOutcomes).to.deep.equal([]);
  });

  it('should refuse a return without a reason, and send it with the reason to the officer who reviewed, claimed', async () => {
    // given a dossier reviewed by the demo officer, at the leader's signature
    const dossier = await DossierDriver.receive(reception, PROCEDURE, SHOP);
    await dossier.step(officer, 'Task_review', 'approve', { reviewNote: 'Hợp lệ' });
    const sign = await openTask(dossier);
    await leader.post(`/api/tasks/${sign.id}/claim`);

    // when the leader returns it, first without a reason, then with one
    const bare = await leader.post(`/api/tasks/${sign.id}/complete`, { outcome: 'return' });
    const blank = await leader.post(`/api/tasks/${sign.id}/complete`, { outcome: 'return', reason: '   ' });
    const given = await leader.post(`/api/tasks/${sign.id}/complete`, { outcome: 'return', reason: REASON });

    // then the first two are refused on /reason and change nothing
    expect(bare.status).to.equal(422);
    expect(bare.body.error.details.map((d: any) => d.path)).to.deep.equal(['/reason']);
    expect(blank.status).to.equal(422);
    // and the review comes back claimed for the officer who did it, marked returned, with the reason
    expect(given.status, JSON.stringify(given.body)).to.equal(200);
    const me = (await officer.get('/api/me')).body;
    const back = await openTask(dossier);
    expect(back).to.include({
      elementId: 'Task_review',
      status: 'claimed',
      assigneeId: me.id,
      returned: true,
    });
    expect(back.returnReason).to.equal(REASON);
    const inbox = (await officer.get('/api/tasks?pageSize=200')).body.items;
    expect(inbox.find((t: any) => t.id === back.id)).to.include({ returned: true, returnReason: REASON });
    // and the reason stands on the dossier's thread and on the control slip
    const detail = await dossier.detail();
    expect(detail.comments.map((c: any) => [c.kind, c.stepName, c.outcome, c.body])).to.deep.equal([
      ['reason', 'Ký Giấy chứng nhận đăng ký hộ kinh doanh', 'return', REASON],
    ]);
    expect(detail.comments[0].authorName).to.equal('Lê Quang Hùng');
    // and the signature, done before too, comes back to the same leader, with no reason of its own
    await dossier.step(officer, 'Task_review', 'approve');
    const leaderId = (await leader.get('/api/me')).body.id;
    expect(await openTask(dossier)).to.include({
      elementId: 'Task_sign',
      status: 'claimed',
      assigneeId: leaderId,
      returned: true,
      returnReason: null,
    });
  });

  it('should leave work sent back in the pool when whoever did the step may no longer work it', async () => {
    // given a review done by an officer who has since been deactivated
    const created = await admin.post('/api/admin/users', {
      username: 'canbo-nghi',
      password: CREATED_USER_PASSWORD,
      fullName: 'Phạm Văn Nghỉ',
      roles: ['officer'],
      departments: ['TCKH'],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const leaving = await ApiClient.as(server.baseUrl, 'canbo-nghi', CREATED_USER_PASSWORD);
    const dossier = await DossierDriver.receive(reception, PROCEDURE, SHOP);
    await dossier.step(leaving, 'Task_review', 'approve');
    expect((await admin.post(`/api/admin/users/${created.body.id}/deactivate`)).status).to.equal(200);

    // when the leader returns it
    await dossier.step(leader, 'Task_sign', 'return', undefined, REASON);

    // then it waits, marked returned, for any officer of the department
    expect(await openTask(dossier)).to.include({ status: 'open', assigneeId: null, returned: true });
  });

  it("should keep the dossier's thread: who wrote, at which step, in the caller's scope only", async () => {
    // given a dossier at review
    const dossier = await DossierDriver.receive(reception, PROCEDURE, SHOP);
    const review = await openTask(dossier);
    const other = await DossierDriver.receive(reception, PROCEDURE, SHOP);
    const otherTask = await openTask(other);

    // when the officer writes at the review, and the receptionist on the dossier
    const atStep = await officer.post(`/api/dossiers/${dossier.code}/comments`, {
      body: 'Đã gọi điện xác minh địa chỉ',
      taskId: review.id,
    });
    const onDossier = await reception.post(`/api/dossiers/${dossier.code}/comments`, {
      body: 'Công dân hẹn chiều',
    });
    const [empty, foreignTask, outsider] = await Promise.all([
      officer.post(`/api/dossiers/${dossier.code}/comments`, { body: '  ' }),
      officer.post(`/api/dossiers/${dossier.code}/comments`, { body: 'Nhầm hồ sơ', taskId: otherTask.id }),
      (await ApiClient.as(server.baseUrl, 'canbothue')).post(`/api/dossiers/${dossier.code}/comments`, {
        body: 'Xem trộm',
      }),
    ]);

    // then the thread holds both, in order, the first at its step
    expect(atStep.status).to.equal(201);
    expect(onDossier.status).to.equal(201);
    expect(onDossier.body.map((c: any) => [c.kind, c.authorName, c.stepName, c.body])).to.deep.equal([
      ['comment', 'Trần Văn Minh', 'Thẩm định hồ sơ', 'Đã gọi điện xác minh địa chỉ'],
      ['comment', 'Nguyễn Thị Lan', null, 'Công dân hẹn chiều'],
    ]);
    // and a blank comment, a task of another dossier and a caller outside the scope are refused
    expect(empty.status).to.be.within(400, 422);
    expect(foreignTask.status).to.equal(404);
    expect(foreignTask.body.error.code).to.equal('task_not_found');
    expect(outsider.status).to.equal(404);
    expect(outsider.body.error.code).to.equal('dossier_not_found');
    expect((await dossier.detail()).comments).to.have.length(2);
  });
});
