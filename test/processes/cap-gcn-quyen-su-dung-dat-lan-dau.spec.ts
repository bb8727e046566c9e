import { expect } from 'chai';
import { ApiClient } from '../support/api-client.js';
import { signIn } from '../support/sign-in.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DossierDriver } from '../support/dossier-driver.js';

const PROCEDURE = 'cap-gcn-quyen-su-dung-dat-lan-dau';
const TAX_NOTICE = 'thong-bao-nghia-vu-tai-chinh';
const PARCEL = {
  parcelAddress: 'Thôn Đông, xã Phù Đổng, Hà Nội',
  parcelNumber: '312',
  mapSheetNumber: '15',
  parcelArea: 180.5,
  landUsePurpose: 'Đất ở tại nông thôn',
  landOrigin: 'Ông bà để lại, sử dụng ổn định từ năm 1990',
  hasHouse: true,
};

describe('procedure cap-gcn-quyen-su-dung-dat-lan-dau (first land-use certificate, inter-agency with tax)', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;
  let tax: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader, tax } = await signIn(
      server.baseUrl,
      'reception',
      'officer',
      'leader',
      'tax',
    ));
  });

  after(() => server.close());

  it('should wait for the tax notice with no open task, then resume to the certificate', async () => {
    // given a dossier verified after one supplement and sent to the tax office
    const dossier = await DossierDriver.receive(reception, PROCEDURE, PARCEL);
    await dossier.step(officer, 'Task_verify', 'supplement', {
      supplementRequest: 'Bổ sung xác nhận nguồn gốc đất',
    });
    await dossier.step(reception, 'Task_supplement', undefined, {
      landOrigin: 'Nhận chuyển nhượng năm 1995, có giấy viết tay',
    });
    await dossier.step(officer, 'Task_verify', 'eligible', { verificationNote: 'Đất không tranh chấp' });
    const sent = await dossier.step(officer, 'Task_send_tax', undefined, {
      cadastralExtractNumber: 'PC-2025-077',
    });

    // then it waits at the tax office: status 6, no task, shown where it waits
    expect(sent.dossierStatus).to.equal(6);
    expect(sent.nextTasks).to.deep.equal([]);
    let detail = await dossier.detail();
    expect(detail.openTasks).to.deep.equal([]);
    expect(detail.currentDepartments).to.deep.equal(['CCT']);
    expect(detail.events.at(-1).toDepartments).to.deep.equal(['CCT']);

    // when the tax office's notice arrives
    const notice = await tax.post(`/api/dossiers/${dossier.code}/messages`, {
      name: TAX_NOTICE,
      data: { taxNoticeNumber: 'TB-4521', taxAmount: 12_500_000 },
    });

    // then the dossier resumes at the desk, still status 6 until the citizen has paid
    expect(notice.status, JSON.stringify(notice.body)).to.equal(200);
    expect(notice.body.dossierStatus).to.equal(6);
    expect(notice.body.nextTasks.map((t: any) => t.departmentCodes)).to.deep.equal([['MC']]);
    await dossier.step(reception, 'Task_payment', undefined, { paymentReceiptNumber: 'BL-889' });
    await dossier.step(officer, 'Task_prepare', undefined, { certificateSerial: 'DA 123456' });
    await dossier.step(leader, 'Task_sign', 'return', undefined, 'Đề nghị sửa lại dự thảo');
    await dossier.step(officer, 'Task_prepare');
    await dossier.step(leader, 'Task_sign', 'sign');
    const returned = await dossier.returnResult(reception);

    // and ends with the certificate returned; the slip records the notice
    expect(returned.dossierStatus).to.equal(10);
    detail = await dossier.detail();
    expect(detail.data).to.include({ taxNoticeNumber: 'TB-4521', paymentReceiptNumber: 'BL-889' });
    const received = detail.events.find((e: any) => e.type === 'message_received');
    expect(received).to.include({
      stepId: 'Event_tax_notice',
      fromDepartment: 'CCT',
      actorName: 'Hoàng Minh Tuấn',
    });
    expect(received.toDepartments).to.deep.equal(['MC']);
    expect((await dossier.slip()).map(([type, step]) => `${type}:${step}`)).to.deep.equal([
      'received:null',
      'step_completed:Task_verify',
      'step_completed:Task_supplement',
      'step_completed:Task_verify',
      'step_completed:Task_send_tax',
      'message_received:Event_tax_notice',
      'step_completed:Task_payment',
      'step_completed:Task_prepare',
      'step_completed:Task_sign',
      'step_completed:Task_prepare',
      'step_completed:Task_sign',
      'step_completed:Task_return',
      'finished:End_returned',
    ]);
  });

  it('should end as refused when verification finds the land ineligible', async () => {
    const dossier = await DossierDriver.receive(reception, PROCEDURE, PARCEL);
    const refused = await dossier.step(
      officer,
      'Task_verify',
      'refuse',
      {
        verificationNote: 'Đất đang tranh chấp',
      },
      'Hồ sơ không đủ điều kiện theo quy định',
    );
    expect(refused.dossierStatus).to.equal(3);
    expect((await dossier.slip()).at(-1)).to.deep.equal(['finished', 'End_refused', null]);
  });
});
