import { expect } from 'chai';
import { ApiClient } from '../support/api-client.js';
import { signIn } from '../support/sign-in.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DossierDriver } from '../support/dossier-driver.js';

const PROCEDURE = 'chung-thuc-ban-sao-tu-ban-chinh';
const WARD_DESK = 'PGV-MC';
const REQUEST = {
  documentName: 'Bằng tốt nghiệp đại học',
  issuingAuthority: 'Trường Đại học Bách khoa Hà Nội',
  pageCount: 1,
  copyCount: 3,
};

describe('procedure chung-thuc-ban-sao-tu-ban-chinh (certified copies, same day, 15:00 cut-off)', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader } = await signIn(server.baseUrl, 'reception', 'officer', 'leader'));
  });

  after(() => server.close());

  it('should certify the copies after a wrong copy is replaced and the leader sends the check back once', async () => {
    // given
    const dossier = await DossierDriver.receive(reception, PROCEDURE, REQUEST, WARD_DESK);

    // when the copies do not match, new ones are brought, and the leader returns the check once
    const mismatch = await dossier.step(
      officer,
      'Task_compare',
      'mismatch',
      {
        compareNote: 'Bản sao thiếu mặt sau',
      },
      'Bản sao thiếu trang 3',
    );
    expect(mismatch.dossierStatus).to.equal(5);
    await dossier.step(reception, 'Task_recopy', undefined, { pageCount: 2 });
    await dossier.step(officer, 'Task_compare', 'match', { certificationNumber: '1024' });
    await dossier.step(leader, 'Task_sign', 'return', undefined, 'Đề nghị sửa lại dự thảo');
    await dossier.step(officer, 'Task_compare', 'match');
    await dossier.step(leader, 'Task_sign', 'sign');
    const returned = await dossier.returnResult(reception, 'Task_return', { data: { feeCollected: 12000 } });

    // then
    expect(returned.dossierStatus).to.equal(10);
    const detail = await dossier.detail();
    expect(detail.data).to.include({ pageCount: 2, certificationNumber: '1024', feeCollected: 12000 });
    expect(detail.events.map((e: any) => e.stepId).filter(Boolean)).to.deep.equal([
      'Task_compare',
      'Task_recopy',
      'Task_compare',
      'Task_sign',
      'Task_compare',
      'Task_sign',
      'Task_return',
      'End_returned',
    ]);
  });

  it('should refuse to certify a document the law excludes', async () => {
    const dossier = await DossierDriver.receive(reception, PROCEDURE, REQUEST, WARD_DESK);
    const refused = await dossier.step(
      officer,
      'Task_compare',
      'refuse',
      {
        compareNote: 'Bản chính bị tẩy xóa',
      },
      'Hồ sơ không đủ điều kiện theo quy định',
    );
    expect(refused.dossierStatus).to.equal(3);
  });

  it('should refuse a step that edits a field it does not own', async () => {
    // given
    const dossier = await DossierDriver.receive(reception, PROCEDURE, REQUEST, WARD_DESK);
    const inbox = await officer.get('/api/tasks?pageSize=200');
    const task = inbox.body.items.find((t: any) => t.dossier.code === dossier.code);
    // when the officer tries to change the number of copies while comparing
    const res = await officer.post(`/api/tasks/${task.id}/complete`, {
      outcome: 'match',
      data: { copyCount: 10 },
    });
    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0].path).to.equal('/data/copyCount');
  });
});
