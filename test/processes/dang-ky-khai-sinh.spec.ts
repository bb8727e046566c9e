import { expect } from 'chai';
import { ApiClient } from '../support/api-client.js';
import { signIn } from '../support/sign-in.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { DossierDriver } from '../support/dossier-driver.js';
import { addWorkingTime } from '../../server/src/calendar/working-time.js';

const PROCEDURE = 'dang-ky-khai-sinh';
const WARD_DESK = 'PGV-MC';
const BIRTH = {
  childFullName: 'Nguyễn Minh Khôi',
  childGender: 'Nam',
  childBirthDate: '2025-11-02',
  placeOfBirth: 'Bệnh viện Phụ sản Hà Nội',
  ethnicity: 'Kinh',
  nationality: 'Việt Nam',
  motherFullName: 'Trần Thị Hương',
  motherIdNumber: '001190012345',
};

describe('procedure dang-ky-khai-sinh (birth registration, same day, ward level)', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader } = await signIn(server.baseUrl, 'reception', 'officer', 'leader'));
  });

  after(() => server.close());

  it('should register the birth at the ward after a missing paper and a check sent back by the leader', async () => {
    // given a dossier received at the ward's desk
    const dossier = await DossierDriver.receive(reception, PROCEDURE, BIRTH, WARD_DESK);
    expect(dossier.code).to.match(/^PGV-\d{6}-\d{4}$/);

    // when the civil-status officer asks for the birth certificate, then records; the leader sends it back once
    const asked = await dossier.step(officer, 'Task_record', 'supplement', {
      supplementRequest: 'Giấy chứng sinh',
    });
    expect(asked.dossierStatus).to.equal(5);
    await dossier.step(reception, 'Task_supplement', undefined, { birthCertificateNumber: 'GCS-0921' });
    await dossier.step(officer, 'Task_record', 'approve', {
      registrationNumber: '215',
      personalIdNumber: '001225000001',
    });
    await dossier.step(leader, 'Task_sign', 'return', undefined, 'Đề nghị sửa lại dự thảo');
    await dossier.step(officer, 'Task_record', 'approve');
    await dossier.step(leader, 'Task_sign', 'sign');
    const returned = await dossier.returnResult(reception);

    // then
    expect(returned.dossierStatus).to.equal(10);
    expect((await dossier.slip()).map(([, step, outcome]) => `${step}:${outcome}`)).to.deep.equal([
      'null:null',
      'Task_record:supplement',
      'Task_supplement:null',
      'Task_record:approve',
      'Task_sign:return',
      'Task_record:approve',
      'Task_sign:sign',
      'Task_return:null',
      'End_returned:null',
    ]);
  });

  it('should end as refused when the papers do not allow registration', async () => {
    const dossier = await DossierDriver.receive(reception, PROCEDURE, BIRTH, WARD_DESK);
    const refused = await dossier.step(
      officer,
      'Task_record',
      'refuse',
      undefined,
      'Hồ sơ không đủ điều kiện theo quy định',
    );
    expect(refused.dossierStatus).to.equal(3);
    expect((await dossier.slip()).at(-1)).to.deep.equal(['finished', 'End_refused', null]);
  });

  it('should promise the result within 2 working hours, from the next day after the 15:00 cut-off', async () => {
    // given
    const dossier = await DossierDriver.receive(reception, PROCEDURE, BIRTH, WARD_DESK);
    // then
    const receivedAt = new Date(dossier.intake.receivedAt);
    expect(dossier.intake.dueAt).to.equal(
      addWorkingTime(receivedAt, 2, 'hours', undefined, { cutoff: '15:00' }).toISOString(),
    );
  });
});
