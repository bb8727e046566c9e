import { expect } from 'chai';
import { ApiClient, type ApiResponse } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { PERMIT_FORM, edited, readFixture } from '../../support/fixtures.js';

/** The element ids a 422 `invalid_bpmn` names. */
function idsIn(res: ApiResponse): (string | null)[] {
  expect(res.status, JSON.stringify(res.body)).to.equal(422);
  expect(res.body.error.code).to.equal('invalid_bpmn');
  return res.body.error.details.map((d: any) => d.elementId);
}

function messageFor(res: ApiResponse, elementId: string): string {
  return res.body.error.details
    .filter((d: any) => d.elementId === elementId)
    .map((d: any) => d.message)
    .join(' | ');
}

describe('deploy rules: each refuses a diagram that breaks it, naming the element', () => {
  let server: TestServer;
  let designer: ApiClient;
  let counter = 0;
  const base = readFixture('engine/three-departments.bpmn');

  before(async () => {
    server = await startTestServer();
    designer = await ApiClient.as(server.baseUrl, 'thietke');
  });

  after(() => server.close());

  const deploy = (bpmn: string, extra: object = {}) =>
    designer.post('/api/procedures', {
      code: `quy-tac-${++counter}`,
      name: 'Thử nghiệm',
      duration: 3,
      formSchema: PERMIT_FORM,
      bpmn,
      ...extra,
    });

  it('should deploy the unchanged fixture (the rules below each break one thing)', async () => {
    expect((await deploy(base)).status).to.equal(201);
  });

  it('should refuse a flow out of an exclusive gateway with neither a condition nor the default mark', async () => {
    // given the review gateway loses its default flow
    const bpmn = edited(base, [' default="f_refuse"', '']);
    // when
    const res = await deploy(bpmn);
    // then
    expect(idsIn(res)).to.deep.equal(['f_refuse']);
    expect(messageFor(res, 'f_refuse')).to.contain('exclusive gateway gw');
  });

  it('should refuse a step whose budget exceeds the legal duration, and a path whose budgets add up past it', async () => {
    // given a 3-day procedure whose review alone is budgeted 4 days
    const bpmn = edited(base, ['mc:budget="3d"', 'mc:budget="4d"']);
    // when
    const res = await deploy(bpmn);
    // then the step is named, and so is the end of the longest path (start → … → done)
    expect(idsIn(res)).to.include.members(['review', 'done']);
    expect(messageFor(res, 'review')).to.contain('exceeds the legal duration');
    expect(messageFor(res, 'done')).to.contain('start → review → gw → sign → gw_sign → return_result → done');
  });

  it('should count budgets along a path, not only each step', async () => {
    // given two steps that fit one by one but not together
    const bpmn = edited(
      base,
      ['mc:budget="3d"', 'mc:budget="2d"'],
      ['mc:role="leader"', 'mc:role="leader" mc:budget="1.5d"'],
    );
    // when
    const res = await deploy(bpmn);
    // then only the path is at fault
    expect(idsIn(res)).to.deep.equal(['done']);
  });

  it('should read camunda:dueDate as a step budget when it is an ISO duration', async () => {
    // given the leader's step is due in P5D (five working days) in a 3-day procedure
    const bpmn = edited(base, [
      'camunda:candidateGroups="LD"',
      'camunda:candidateGroups="LD" camunda:dueDate="P5D"',
    ]);
    // when
    const res = await deploy(bpmn);
    // then
    expect(idsIn(res)).to.include('sign');
    expect(messageFor(res, 'sign')).to.contain('40 working hours');
  });

  it('should refuse a condition that is not valid FEEL', async () => {
    const res = await deploy(
      edited(base, ['=outcome = "approve" and area &lt;= 250', '=outcome = "approve" and area &lt;=']),
    );
    expect(idsIn(res)).to.deep.equal(['f_approve']);
    expect(messageFor(res, 'f_approve')).to.contain('not valid FEEL');
  });

  it('should refuse what bpmnlint recommends against: a disconnected task', async () => {
    // given a task nothing flows into or out of
    const bpmn = edited(base, [
      '<bpmn:userTask id="review"',
      '<bpmn:userTask id="orphan" name="Bỏ quên" mc:department="QLDT" /><bpmn:userTask id="review"',
    ]);
    // when
    const res = await deploy(bpmn);
    // then
    expect(idsIn(res)).to.include('orphan');
    expect(messageFor(res, 'orphan')).to.contain('bpmnlint no-disconnected');
  });

  it('should refuse a diagram without layout (bpmnlint no-bpmndi): the modeler could not open it', async () => {
    const bpmn = edited(base, [/<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '']);
    const res = await deploy(bpmn);
    expect(idsIn(res)).to.include.members(['review', 'f1', 'lane_urban']);
    expect(messageFor(res, 'review')).to.contain('no-bpmndi');
  });

  it('should list every problem at once, each with its element', async () => {
    // given a diagram breaking four rules
    const bpmn = edited(
      base,
      [' default="f_refuse"', ''],
      ['camunda:candidateGroups="LD" ', ''],
      ['outcome = "sign"', 'outcome = '],
      ['<bpmn:userTask id="review"', '<bpmn:scriptTask id="evil" /><bpmn:userTask id="review"'],
    );
    // when
    const res = await deploy(bpmn);
    // then
    expect(idsIn(res)).to.include.members(['f_refuse', 'sign', 'f_signed', 'evil']);
  });

  it('should refuse a message catch event whose message has no name', async () => {
    const bpmn = edited(
      base,
      ['<bpmn:process', '<bpmn:message id="m_tax" /><bpmn:process'],
      [
        '<bpmn:sequenceFlow id="f4" sourceRef="return_result" targetRef="done" />',
        '<bpmn:sequenceFlow id="f4" sourceRef="return_result" targetRef="wait" /><bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m_tax" /></bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="f5" sourceRef="wait" targetRef="done" />',
      ],
    );
    const res = await deploy(bpmn);
    expect(idsIn(res)).to.include('wait');
  });
});
