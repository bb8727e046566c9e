import { expect } from 'chai';
import { ApiClient } from '../support/api-client.js';
import { signIn } from '../support/sign-in.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DossierDriver } from '../support/dossier-driver.js';

const PROCEDURE = 'cap-giay-phep-xay-dung';
const HOUSE = {
  constructionAddress: 'Số 8 ngõ 12 Đội Cấn, Ba Đình, Hà Nội',
  parcelNumber: '125',
  mapSheetNumber: '7',
  landCertificateNumber: 'CS 012345',
  constructionArea: 60,
  totalFloorArea: 240,
  floors: 4,
  height: 15.5,
};

describe('procedure cap-giay-phep-xay-dung (building permit, 15 working days)', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader } = await signIn(server.baseUrl, 'reception', 'officer', 'leader'));
  });

  after(() => server.close());

  it('should issue the permit after a supplement and a draft sent back by the leader', async () => {
    // given a dossier received at the desk
    const dossier = await DossierDriver.receive(reception, PROCEDURE, HOUSE);

    // when the urban department asks for a supplement, the desk takes it in, the leader returns the draft once
    await dossier.step(officer, 'Task_assign', undefined, { handlingOfficer: 'Trần Văn Minh' });
    const asked = await dossier.step(officer, 'Task_inspect', 'supplement', {
      supplementRequest: 'Bổ sung bản vẽ móng',
    });
    expect(asked.dossierStatus).to.equal(5);
    await dossier.step(reception, 'Task_supplement', undefined, { designUnit: 'Công ty Thiết kế An Phát' });
    await dossier.step(officer, 'Task_inspect', 'approve', { inspectionNote: 'Phù hợp quy hoạch' });
    await dossier.step(officer, 'Task_draft', undefined, { permitNumber: '123/GPXD' });
    await dossier.step(
      leader,
      'Task_sign',
      'return',
      { leaderNote: 'Sửa chiều cao tầng 4' },
      'Đề nghị sửa lại dự thảo',
    );
    await dossier.step(officer, 'Task_draft');
    const signed = await dossier.step(leader, 'Task_sign', 'sign');
    expect(signed.dossierStatus).to.equal(9);
    const returned = await dossier.returnResult(reception);

    // then the permit is returned and the slip shows each handoff, loops included
    expect(returned.dossierStatus).to.equal(10);
    expect(await dossier.slip()).to.deep.equal([
      ['received', null, null],
      ['step_completed', 'Task_assign', null],
      ['step_completed', 'Task_inspect', 'supplement'],
      ['step_completed', 'Task_supplement', null],
      ['step_completed', 'Task_inspect', 'approve'],
      ['step_completed', 'Task_draft', null],
      ['step_completed', 'Task_sign', 'return'],
      ['step_completed', 'Task_draft', null],
      ['step_completed', 'Task_sign', 'sign'],
      ['step_completed', 'Task_return', null],
      ['finished', 'End_returned', null],
    ]);
    expect((await dossier.detail()).data).to.include({
      permitNumber: '123/GPXD',
      designUnit: 'Công ty Thiết kế An Phát',
    });
  });

  it('should end as refused when the inspection finds the dossier ineligible', async () => {
    // given
    const dossier = await DossierDriver.receive(reception, PROCEDURE, HOUSE);
    await dossier.step(officer, 'Task_assign', undefined, { handlingOfficer: 'Trần Văn Minh' });

    // when
    const refused = await dossier.step(
      officer,
      'Task_inspect',
      'refuse',
      {
        inspectionNote: 'Vi phạm chỉ giới xây dựng',
      },
      'Hồ sơ không đủ điều kiện theo quy định',
    );

    // then
    expect(refused.dossierStatus).to.equal(3);
    expect((await dossier.slip()).at(-1)).to.deep.equal(['finished', 'End_refused', null]);
  });

  it('should promise the permit 15 working days after receipt, and budget each step', async () => {
    // given
    const dossier = await DossierDriver.receive(reception, PROCEDURE, HOUSE);
    // then 15 working days of 8 hours each lie between receipt and promise: about three weeks
    const days = (Date.parse(dossier.intake.dueAt) - Date.parse(dossier.intake.receivedAt)) / 86_400_000;
    expect(days).to.be.within(18, 25);
    const [task] = (await dossier.detail()).openTasks;
    expect(task.elementId).to.equal('Task_assign');
    expect(task.dueAt).to.be.a('string');
  });
});
