import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { DossierDriver } from '../../support/dossier-driver.js';
import { HOUSEHOLD_BUSINESS, deployThreeDepartments, intakeBody } from '../../support/fixtures.js';

const PROCEDURE = 'dang-ky-ho-kinh-doanh';

describe('procedure availability: the admin enables and disables intake', () => {
  let server: TestServer;
  let admin: ApiClient;
  let reception: ApiClient;
  let officer: ApiClient;
  let designer: ApiClient;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    ({ admin, reception, officer, designer } = await signIn(
      server.baseUrl,
      'admin',
      'reception',
      'officer',
      'designer',
    ));
  });

  after(() => server.close());

  const setEnabled = (code: string, body: unknown, client = admin) =>
    client.request<any>('PATCH', `/api/admin/procedures/${code}`, body);

  it('should list every procedure with its versions, newest first, and who deployed each', async () => {
    // given a procedure the demo designer deployed twice over the API
    await deployThreeDepartments(designer, 'thu-tuc-hai-phien-ban');
    const second = await designer.post('/api/procedures/thu-tuc-hai-phien-ban/versions', {
      bpmn: (await designer.get('/api/procedures/thu-tuc-hai-phien-ban/bpmn')).body,
    });
    expect(second.status, JSON.stringify(second.body)).to.equal(201);
    // when
    const res = await admin.get('/api/admin/procedures');
    // then
    expect(res.status).to.equal(200);
    const deployed = res.body.find((p: any) => p.code === 'thu-tuc-hai-phien-ban');
    expect(deployed).to.deep.include({ enabled: true, currentVersion: 2 });
    expect(deployed.versions.map((v: any) => [v.version, v.deployedBy?.username])).to.deep.equal([
      [2, 'thietke'],
      [1, 'thietke'],
    ]);
    // and the catalogue's own, deployed at start-up by no one
    const synced = res.body.find((p: any) => p.code === PROCEDURE);
    expect(synced.versions[0].deployedBy).to.equal(null);
  });

  it('should refuse intake of a disabled procedure with 409 procedure_disabled, and let its running dossiers go on', async () => {
    // given a dossier received while the procedure is enabled
    const running = await DossierDriver.receive(reception, PROCEDURE, HOUSEHOLD_BUSINESS);
    // when the admin disables the procedure
    const disabled = await setEnabled(PROCEDURE, { enabled: false });
    const intake = await reception.post('/api/dossiers', intakeBody(PROCEDURE, HOUSEHOLD_BUSINESS));
    const listed = await reception.get('/api/procedures');
    // then a new dossier is refused, the desk's list says so, and the running one moves on
    expect(disabled.status).to.equal(200);
    expect(disabled.body).to.deep.equal({ code: PROCEDURE, enabled: false });
    expect(intake.status).to.equal(409);
    expect(intake.body.error.code).to.equal('procedure_disabled');
    expect(listed.body.find((p: any) => p.code === PROCEDURE).enabled).to.equal(false);
    await running.step(officer, 'Task_review', 'approve');
    // and once enabled again, the desk takes dossiers again
    expect((await setEnabled(PROCEDURE, { enabled: true })).status).to.equal(200);
    const again = await reception.post('/api/dossiers', intakeBody(PROCEDURE, HOUSEHOLD_BUSINESS));
    expect(again.status, JSON.stringify(again.body)).to.equal(201);
  });

  it('should answer bad input with 422, an unknown procedure with 404, a non-admin with 403', async () => {
    // when
    const noFlag = await setEnabled(PROCEDURE, {});
    const notBoolean = await setEnabled(PROCEDURE, { enabled: 'no' });
    const unknown = await setEnabled('khong-co-thu-tuc-nay', { enabled: false });
    const byDesigner = await setEnabled(PROCEDURE, { enabled: false }, designer);
    const listByDesk = await reception.get('/api/admin/procedures');
    // then
    expect([noFlag.status, notBoolean.status]).to.deep.equal([422, 422]);
    expect(noFlag.body.error.code).to.equal('validation_failed');
    expect(noFlag.body.error.details[0].path).to.equal('/enabled');
    expect([unknown.status, unknown.body.error.code]).to.deep.equal([404, 'procedure_not_found']);
    expect([byDesigner.status, byDesigner.body.error.code]).to.deep.equal([403, 'forbidden']);
    expect(listByDesk.status).to.equal(403);
    // and nothing changed
    const listed = await reception.get('/api/procedures');
    expect(listed.body.find((p: any) => p.code === PROCEDURE).enabled).to.equal(true);
  });
});
