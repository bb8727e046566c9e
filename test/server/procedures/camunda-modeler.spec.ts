import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { readFixture } from '../../support/fixtures.js';
import { DossierDriver } from '../../support/dossier-driver.js';

const FORM = {
  type: 'object',
  required: ['registrationNumber'],
  properties: { registrationNumber: { type: 'string', title: 'Số đăng ký trong sổ hộ tịch', minLength: 1 } },
};

describe('a diagram exported by Camunda Modeler 5', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;
  let deployed: any;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer, leader } = await signIn(server.baseUrl, 'reception', 'officer', 'leader'));
    const designer = await ApiClient.as(server.baseUrl, 'thietke');
    // given the export, as the modeler saved it (camunda:candidateGroups, camunda:dueDate, "=" FEEL)
    const res = await designer.post('/api/procedures', {
      code: 'trich-luc-ho-tich',
      name: 'Cấp bản sao trích lục hộ tịch',
      duration: 4,
      durationUnit: 'hours',
      formSchema: FORM,
      bpmn: readFixture('procedures/camunda-modeler-export.bpmn'),
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    deployed = res.body;
  });

  after(() => server.close());

  it('should deploy, reading departments from camunda:candidateGroups and budgets from camunda:dueDate', () => {
    expect(deployed.steps.userTasks.Activity_0tra_cuu).to.include({ name: 'Tra cứu Sổ hộ tịch' });
    expect(deployed.steps.userTasks.Activity_0tra_cuu.departments).to.deep.equal(['PGV-TP']);
    expect(deployed.steps.userTasks.Activity_0tra_cuu.budget).to.deep.equal({ amount: 2, unit: 'hours' });
    expect(deployed.steps.userTasks.Activity_1ky.departments).to.deep.equal(['PGV-LD']);
  });

  it('should run a dossier to the copy when the record is found', async () => {
    // given
    const dossier = await DossierDriver.receive(
      reception,
      'trich-luc-ho-tich',
      { registrationNumber: '88/2019' },
      'PGV-MC',
    );
    // when
    await dossier.step(officer, 'Activity_0tra_cuu', 'found');
    const signed = await dossier.step(leader, 'Activity_1ky');
    // then
    expect(signed.dossierStatus).to.equal(10);
    expect((await dossier.slip()).at(-1)).to.deep.equal(['finished', 'Event_1da_cap', null]);
  });

  it('should take the default flow when the record is not found', async () => {
    const dossier = await DossierDriver.receive(
      reception,
      'trich-luc-ho-tich',
      { registrationNumber: '404/2001' },
      'PGV-MC',
    );
    const done = await dossier.step(officer, 'Activity_0tra_cuu', 'not_found');
    expect(done.nextTasks).to.deep.equal([]);
    expect((await dossier.slip()).at(-1)).to.deep.equal(['finished', 'Event_0khong_thay', null]);
  });
});
