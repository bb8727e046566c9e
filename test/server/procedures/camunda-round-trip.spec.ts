import { expect } from 'chai';
import BpmnModdle, { type ModdleElement } from 'bpmn-moddle';
import { moddleExtensions } from '../../../server/src/engine/moddle.js';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { edited, readFixture } from '../../support/fixtures.js';

const EXPORT = readFixture('procedures/camunda-modeler-export.bpmn');
const FORM = {
  type: 'object',
  required: ['registrationNumber'],
  properties: { registrationNumber: { type: 'string', title: 'Số đăng ký trong sổ hộ tịch', minLength: 1 } },
};

describe('a Camunda Modeler file read and written with our moddle (mc: and camunda: extensions)', () => {
  let server: TestServer;
  let designer: ApiClient;

  before(async () => {
    server = await startTestServer({ JOBS: 'false' });
    designer = await ApiClient.as(server.baseUrl, 'thietke');
  });

  after(() => server.close());

  it('should keep every camunda: attribute and element through fromXML → toXML', async () => {
    // given the export read with the extensions the modeler and the server share
    const moddle = new BpmnModdle(moddleExtensions);
    const { rootElement, elementsById, warnings } = await moddle.fromXML(EXPORT);
    expect(warnings).to.deep.equal([]);
    // when it is written back
    const { xml } = await moddle.toXML(rootElement, { format: true });
    // then the camunda: attributes and elements are all there, with their values
    expect(camundaParts(xml)).to.deep.equal(camundaParts(EXPORT));
    expect(camundaParts(EXPORT).attributes).to.have.length(6);
    // and they were read as Camunda's own properties, not kept as unknown text
    const task = elementsById.Activity_0tra_cuu!;
    expect(task.get('camunda:candidateGroups')).to.equal('PGV-TP');
    expect(task.get('camunda:dueDate')).to.equal('PT2H');
    const [io] = (task.get('extensionElements') as { values: ModdleElement[] }).values;
    expect(io!.$type).to.equal('camunda:InputOutput');
  });

  it('should deploy the file changed after the round trip as a new version that keeps its camunda: attributes', async () => {
    // given the export deployed as version 1
    const code = 'trich-luc-vong-tron';
    const created = await designer.post('/api/procedures', {
      code,
      name: 'Cấp bản sao trích lục hộ tịch',
      duration: 4,
      durationUnit: 'hours',
      formSchema: FORM,
      bpmn: EXPORT,
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    // when the signature step is renamed and given two hours, written back, and deployed
    const moddle = new BpmnModdle(moddleExtensions);
    const { rootElement, elementsById } = await moddle.fromXML(EXPORT);
    elementsById.Activity_1ky!.set('name', 'Ký và đóng dấu bản sao');
    elementsById.Activity_1ky!.set('camunda:dueDate', 'PT2H');
    const { xml } = await moddle.toXML(rootElement);
    const deployed = await designer.post(`/api/procedures/${code}/versions`, { bpmn: xml });
    // then version 2 reads the change from the camunda: attributes
    expect(deployed.status, JSON.stringify(deployed.body)).to.equal(201);
    expect(deployed.body.currentVersion).to.equal(2);
    expect(deployed.body.steps.userTasks.Activity_1ky).to.deep.include({
      name: 'Ký và đóng dấu bản sao',
      departments: ['PGV-LD'],
      budget: { amount: 2, unit: 'hours' },
    });
    // and the diagram it serves keeps every other camunda: attribute and element as exported
    const served = await designer.get(`/api/procedures/${code}/versions/2/bpmn`);
    expect(served.status).to.equal(200);
    const expected = camundaParts(edited(EXPORT, ['camunda:dueDate="PT1H"', 'camunda:dueDate="PT2H"']));
    expect(camundaParts(served.body as string)).to.deep.equal(expected);
  });
});

/** The camunda: attributes (name="value") and elements (tag, attributes, text) of a BPMN text, sorted. */
function camundaParts(xml: string) {
  const attributes = [...xml.matchAll(/\scamunda:([\w-]+)="([^"]*)"/g)].map(([, n, v]) => `${n}=${v}`).sort();
  const elements = [...xml.matchAll(/<camunda:(\w+)((?:\s[^>]*)?)>([^<]*)/g)]
    .map(([, tag, attrs, text]) => `${tag}|${attrs!.trim()}|${text!.trim()}`)
    .sort();
  return { attributes, elements };
}
