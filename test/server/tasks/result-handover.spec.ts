import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { HOUSEHOLD_BUSINESS } from '../../support/fixtures.js';
import { DossierDriver, HANDOVER_IN_PERSON } from '../../support/dossier-driver.js';

const PROCEDURE = 'dang-ky-ho-kinh-doanh';

describe('who collected the result, and how', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader } = await signIn(server.baseUrl, 'reception', 'officer', 'leader'));
  });

  after(() => server.close());

  /** A household business registration decided and waiting at the desk for its result to be returned. */
  async function readyToReturn(): Promise<DossierDriver> {
    const dossier = await DossierDriver.receive(reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    await dossier.step(officer, 'Task_review', 'approve');
    await dossier.step(leader, 'Task_sign', 'sign', { certificateNumber: '01A8001234' });
    return dossier;
  }

  async function returnTask(code: string): Promise<string> {
    const inbox = await reception.get('/api/tasks?scope=department&pageSize=200');
    return inbox.body.items.find((t: any) => t.dossier.code === code).id;
  }

  it('should record a handover in person on the dossier, and show it on the control slip without personal data', async () => {
    // given a dossier whose result is ready
    const dossier = await readyToReturn();

    // when the receptionist hands it to a person the applicant authorised
    const handover = { ...HANDOVER_IN_PERSON, collector: 'authorised', collectorName: 'Trần Thị Mai' };
    const done = await dossier.returnResult(reception, 'Task_return', { handover });

    // then the dossier keeps who collected it, and the control slip says how but not who
    expect(done.dossierStatus).to.equal(10);
    const detail = await dossier.detail();
    expect(detail.resultHandover).to.deep.include({ ...handover, recordedBy: 'Nguyễn Thị Lan' });
    const slip = await reception.get(`/api/dossiers/${dossier.code}/control-slip`);
    expect(slip.body.handover).to.deep.include({ method: 'in_person', collector: 'authorised' });
    expect(slip.body.handover).to.not.have.any.keys('collectorName', 'collectorIdNumber');
  });

  it('should record a handover by post with its tracking number', async () => {
    // given
    const dossier = await readyToReturn();

    // when
    await dossier.returnResult(reception, 'Task_return', {
      handover: { method: 'post', trackingNumber: 'EA123456789VN' },
    });

    // then
    const slip = await reception.get(`/api/dossiers/${dossier.code}/control-slip`);
    expect(slip.body.handover).to.deep.include({ method: 'post', trackingNumber: 'EA123456789VN' });
  });

  it('should refuse to return the result without a handover, or with one missing what its method needs', async () => {
    // given
    const dossier = await readyToReturn();
    const task = await returnTask(dossier.code);

    // when
    const none = await reception.post(`/api/tasks/${task}/complete`, {});
    const noTracking = await reception.post(`/api/tasks/${task}/complete`, { handover: { method: 'post' } });
    const noId = await reception.post(`/api/tasks/${task}/complete`, {
      handover: { method: 'in_person', collector: 'applicant', collectorName: 'Nguyễn Văn Bình' },
    });

    // then each is a 422 naming the field, and the step stays open
    expect(none.status).to.equal(422);
    expect(none.body.error.details[0].path).to.equal('/handover');
    expect(noTracking.status).to.equal(422);
    expect(JSON.stringify(noTracking.body.error.details)).to.contain('trackingNumber');
    expect(noId.status).to.equal(422);
    expect(JSON.stringify(noId.body.error.details)).to.contain('collectorIdNumber');
    expect((await dossier.detail()).status).to.equal(9);
  });

  it('should refuse a handover at a step that does not return the result', async () => {
    // given a dossier at its first review
    const dossier = await DossierDriver.receive(reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    const inbox = await officer.get('/api/tasks?scope=department&pageSize=200');
    const task = inbox.body.items.find((t: any) => t.dossier.code === dossier.code).id;

    // when the officer sends a handover with the review
    const res = await officer.post(`/api/tasks/${task}/complete`, {
      outcome: 'approve',
      handover: HANDOVER_IN_PERSON,
    });

    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0].path).to.equal('/handover');
  });
});
