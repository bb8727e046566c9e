import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { PERMIT_FORM, edited, readFixture } from '../../support/fixtures.js';
import { DossierDriver } from '../../support/dossier-driver.js';

const REGISTRY_FORM = {
  type: 'object',
  required: ['registrationNumber'],
  properties: { registrationNumber: { type: 'string', title: 'Số đăng ký trong sổ hộ tịch', minLength: 1 } },
};

describe('Camunda exports: collaborations, sub-processes, signals, escalations, data objects', () => {
  let server: TestServer;
  let designer: ApiClient;
  let reception: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;
  let counter = 0;

  before(async () => {
    server = await startTestServer();
    ({ designer, reception, officer, leader } = await signIn(
      server.baseUrl,
      'designer',
      'reception',
      'officer',
      'leader',
    ));
  });

  after(() => server.close());

  const deploy = (bpmn: string, formSchema: object, code = `camunda-${++counter}`) =>
    designer.post('/api/procedures', {
      code,
      name: 'Xuất từ Camunda',
      duration: 4,
      durationUnit: 'hours',
      formSchema,
      bpmn,
    });

  it('should deploy a Camunda 7 collaboration with a collapsed pool and run a dossier to its end', async () => {
    // given a collaboration whose citizen pool has no process, with message flows, formData,
    // inputOutput, properties, a signal, an escalation boundary, a data object, an annotation and a group
    const res = await deploy(
      readFixture('procedures/camunda-collaboration-export.bpmn'),
      REGISTRY_FORM,
      'hop-tac',
    );

    // when
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    // (the start event declares no fields, so the desk takes in none the search step fills in)
    expect(res.body.steps.intake.editableFields).to.deep.equal([]);
    const dossier = await DossierDriver.receive(reception, 'hop-tac', {}, 'PGV-MC');
    await dossier.step(officer, 'Activity_0tra_cuu', undefined, { registrationNumber: '88/2019-A' });
    const signed = await dossier.step(leader, 'Activity_1ky');

    // then the message flows to the pool without a process are named as warnings, and the dossier finishes
    expect(res.body.warnings.map((w: any) => w.elementId)).to.include.members([
      'Flow_msg_nop',
      'Flow_msg_tra',
    ]);
    expect(signed.nextTasks).to.deep.equal([]);
    expect((await dossier.slip()).at(-1)).to.deep.equal(['finished', 'Event_1da_cap', null]);
  });

  it('should deploy a Camunda 8 export with zeebe extensions and a message flow into a sub-process', async () => {
    // when
    const res = await deploy(readFixture('procedures/camunda8-subprocess-export.bpmn'), PERMIT_FORM);

    // then
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(Object.keys(res.body.steps.userTasks)).to.deep.equal(['Task_check', 'Task_sign_c8']);
    expect(Object.keys(res.body.steps.messageEvents)).to.deep.equal(['Event_wait_tax']);
    // (and the start event, which declares no fields: Camunda has no such attribute)
    expect(res.body.warnings.map((w: any) => w.elementId)).to.deep.equal(['Flow_msg_thue', 'Start_c8']);
  });

  it('should answer broken references in these constructs with 201 or 422 invalid_bpmn, never 500', async () => {
    // given each construct pointing at something that does not exist
    const collaboration = readFixture('procedures/camunda-collaboration-export.bpmn');
    const subprocess = readFixture('procedures/camunda8-subprocess-export.bpmn');
    const broken = [
      [collaboration, 'processRef="Process_trich_luc_hop_tac"', 'processRef="Process_missing"'],
      [collaboration, 'sourceRef="Participant_cong_dan"', 'sourceRef="Participant_missing"'],
      [collaboration, 'signalRef="Signal_1"', 'signalRef="Signal_missing"'],
      [collaboration, 'escalationRef="Escalation_1"', 'escalationRef="Escalation_missing"'],
      [collaboration, 'categoryValueRef="CategoryValue_1"', 'categoryValueRef="CategoryValue_missing"'],
      [collaboration, 'dataObjectRef="DataObject_1"', 'dataObjectRef="DataObject_missing"'],
      [
        collaboration,
        '<bpmn:sourceRef>DataObjectReference_1</bpmn:sourceRef>',
        '<bpmn:sourceRef>Nothing</bpmn:sourceRef>',
      ],
      [subprocess, 'attachedToRef="Sub_review"', 'attachedToRef="Sub_missing"'],
      [subprocess, 'targetRef="Event_wait_tax" />', 'targetRef="Event_missing" />'],
      [subprocess, 'messageRef="Message_tax"', 'messageRef="Message_missing"'],
    ] as const;

    for (const [fixture, from, to] of broken) {
      const xml = edited(fixture, [from, to]);

      // when
      const res = await deploy(xml, fixture === collaboration ? REGISTRY_FORM : PERMIT_FORM);

      // then
      expect([201, 422], `${to}: ${JSON.stringify(res.body)}`).to.include(res.status);
      if (res.status === 422) expect(res.body.error.code, to).to.equal('invalid_bpmn');
    }
    expect((await designer.get('/api/procedures')).status).to.equal(200);
  });
});
