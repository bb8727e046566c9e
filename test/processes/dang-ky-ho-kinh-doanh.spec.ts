import { expect } from 'chai';
import { ApiClient } from '../support/api-client.js';
import { signIn } from '../support/sign-in.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DossierDriver } from '../support/dossier-driver.js';

const PROCEDURE = 'dang-ky-ho-kinh-doanh';
const SHOP = {
  businessName: 'Tạp hóa Minh An',
  businessAddress: '21 Giảng Võ, Ba Đình',
  businessLines: 'Bán lẻ hàng tạp hóa',
  capital: 80_000_000,
};

describe('procedure dang-ky-ho-kinh-doanh (household business, 3 working days)', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader } = await signIn(server.baseUrl, 'reception', 'officer', 'leader'));
  });

  after(() => server.close());

  it('should register the business after the leader sends the review back once', async () => {
    // given
    const dossier = await DossierDriver.receive(reception, PROCEDURE, SHOP);
    // when
    await dossier.step(officer, 'Task_review', 'approve', { reviewNote: 'Hợp lệ' });
    await dossier.step(leader, 'Task_sign', 'return', undefined, 'Đề nghị sửa lại dự thảo');
    await dossier.step(officer, 'Task_review', 'approve');
    await dossier.step(leader, 'Task_sign', 'sign', { certificateNumber: '01A8001234' });
    const returned = await dossier.returnResult(reception);
    // then
    expect(returned.dossierStatus).to.equal(10);
    expect((await dossier.slip()).at(-1)).to.deep.equal(['finished', 'End_returned', null]);
  });

  it('should end as refused when the review refuses', async () => {
    const dossier = await DossierDriver.receive(reception, PROCEDURE, SHOP);
    const refused = await dossier.step(
      officer,
      'Task_review',
      'refuse',
      undefined,
      'Hồ sơ không đủ điều kiện theo quy định',
    );
    expect(refused.dossierStatus).to.equal(3);
  });
});
