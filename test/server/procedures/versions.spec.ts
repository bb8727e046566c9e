import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { deployThreeDepartments, readFixture } from '../../support/fixtures.js';
import { DossierDriver } from '../../support/dossier-driver.js';

const CODE = 'hai-phien-ban';
const HOUSE = { area: 100, purpose: 'Nhà ở' };

describe('procedure versions: running dossiers finish on the version they started with', () => {
  let server: TestServer;
  let designer: ApiClient;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ designer, reception, officer, leader } = await signIn(
      server.baseUrl,
      'designer',
      'reception',
      'officer',
      'leader',
    ));
    await deployThreeDepartments(designer, CODE);
  });

  after(() => server.close());

  it('should finish version-1 dossiers on v1 routing while new dossiers take v2', async () => {
    // given two version-1 dossiers: one waiting at review, one already at the leader
    const atReview = await DossierDriver.receive(reception, CODE, HOUSE);
    const atLeader = await DossierDriver.receive(reception, CODE, HOUSE);
    await atLeader.step(officer, 'review', 'approve');

    // when version 2, without the leader's signature, is deployed
    const v2 = await designer.post(`/api/procedures/${CODE}/versions`, {
      bpmn: readFixture('procedures/three-departments-v2.bpmn'),
    });
    expect(v2.status, JSON.stringify(v2.body)).to.equal(201);
    expect(v2.body.currentVersion).to.equal(2);
    const fresh = await DossierDriver.receive(reception, CODE, HOUSE);

    // then the v1 dossier at review still goes to the leader after approval
    const reviewed = await atReview.step(officer, 'review', 'approve');
    expect(reviewed.nextTasks.map((t: any) => t.name)).to.deep.equal(['Lãnh đạo ký duyệt']);
    await atReview.step(leader, 'sign', 'sign');
    expect((await atReview.returnResult(reception, 'return_result')).dossierStatus).to.equal(10);
    // and the one at the leader finishes there too
    await atLeader.step(leader, 'sign', 'sign');
    expect((await atLeader.returnResult(reception, 'return_result')).dossierStatus).to.equal(10);
    // while the v2 dossier goes from review straight to the desk
    const direct = await fresh.step(officer, 'review', 'approve');
    expect(direct.nextTasks.map((t: any) => t.departmentCodes)).to.deep.equal([['MC']]);
    expect((await fresh.returnResult(reception, 'return_result')).dossierStatus).to.equal(10);

    expect((await atReview.detail()).procedureVersion).to.equal(1);
    expect((await atLeader.detail()).procedureVersion).to.equal(1);
    expect((await fresh.detail()).procedureVersion).to.equal(2);
  });

  it('should keep each version as deployed: listing both, serving the current diagram', async () => {
    const versions = await designer.get(`/api/procedures/${CODE}/versions`);
    expect(versions.body.map((v: any) => v.version)).to.deep.equal([2, 1]);
    expect(versions.body[0].checksum).not.to.equal(versions.body[1].checksum);
    const xml = await designer.get(`/api/procedures/${CODE}/bpmn`);
    expect(xml.body).to.contain('phiên bản 2').and.not.to.contain('id="sign"');
  });
});
