import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { PERMIT_FORM, edited, readFixture } from '../../support/fixtures.js';

const BPMN_HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="x">';

/** A straight line of `n` user tasks: a valid shape, only too large. */
function chainOf(n: number): string {
  const parts = ['<bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s" />'];
  for (let i = 0; i < n; i++) {
    parts.push(`<bpmn:sequenceFlow id="f${i}" sourceRef="${i ? `t${i - 1}` : 's'}" targetRef="t${i}" />`);
    parts.push(
      `<bpmn:userTask id="t${i}" name="Bước ${i}" mc:department="QLDT" xmlns:mc="https://motcua.vn/schema/bpmn/1.0" />`,
    );
  }
  return `${BPMN_HEAD}${parts.join('')}</bpmn:process></bpmn:definitions>`;
}

describe('hostile input to deployment: a 4xx, never a crash', () => {
  let server: TestServer;
  let designer: ApiClient;
  let counter = 0;

  before(async () => {
    server = await startTestServer();
    designer = await ApiClient.as(server.baseUrl, 'thietke');
  });

  after(() => server.close());

  const deploy = (bpmn: string) =>
    designer.post('/api/procedures', {
      code: `doc-hai-${++counter}`,
      name: 'Thử nghiệm',
      duration: 3,
      formSchema: PERMIT_FORM,
      bpmn,
    });

  /** The server still answers normally after each attack. */
  afterEach(async () => {
    expect((await designer.get('/api/procedures')).status).to.equal(200);
  });

  it('should answer malformed XML with 422', async () => {
    for (const xml of [
      '<bpmn:definitions><oops',
      '\u0001\u0002binary', // NUL itself is refused at the edge (test/server/http/unstorable-strings.spec.ts)
      '<a></b>',
      readFixture('engine/three-departments.bpmn').slice(0, 2000),
    ]) {
      const res = await deploy(xml);
      expect(res.status, xml.slice(0, 40)).to.equal(422);
      expect(res.body.error.code).to.equal('invalid_bpmn');
    }
  });

  it('should refuse a DOCTYPE or ENTITY (entity expansion) before parsing', async () => {
    // given a "billion laughs" document
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>${BPMN_HEAD}<bpmn:process id="p">&lol2;</bpmn:process></bpmn:definitions>`;
    // when
    const res = await deploy(laughs);
    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0].message).to.contain('DOCTYPE');
  });

  it('should refuse a diagram with more than 2,000 flow elements', async () => {
    // given 1,500 tasks and as many flows
    const started = Date.now();
    const res = await deploy(chainOf(1500));
    // then refused quickly, saying the limit
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0].message).to.match(/3001 flow elements; at most 2000/);
    expect(Date.now() - started).to.be.below(5000);
  });

  it('should refuse deep nesting before parsing', async () => {
    // given 100,000 nested elements inside a process
    const depth = 100_000;
    const xml = `${BPMN_HEAD}<bpmn:process id="p">${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</bpmn:process></bpmn:definitions>`;
    // when
    const res = await deploy(xml);
    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0].message).to.contain('nest deeper than 64');
  });

  it('should refuse a document of too many elements before parsing', async () => {
    const xml = `${BPMN_HEAD}<bpmn:process id="p">${'<bpmn:textAnnotation />'.repeat(50_000)}</bpmn:process></bpmn:definitions>`;
    const res = await deploy(xml);
    expect(res.status).to.equal(422);
    expect(res.body.error.details[0].message).to.contain('more than 40000 elements');
  });

  it('should refuse 39,000 extension elements (a 46-second parse once) with 422 before parsing', async () => {
    // given a valid diagram whose review step carries 39,000 elements of our namespace
    const xml = edited(readFixture('engine/three-departments.bpmn'), [
      '<bpmn:incoming>f1</bpmn:incoming>',
      `<bpmn:extensionElements>${'<mc:x a="1" />\n'.repeat(39_000)}</bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming>`,
    ]);

    // when
    const res = await deploy(xml);

    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('invalid_bpmn');
    expect(res.body.error.details[0].message).to.match(/more than \d+ elements/);
  });

  it('should refuse a 50 MB upload with 413', async () => {
    // given a deploy body of 50 MB
    const body = JSON.stringify({
      code: 'qua-lon',
      name: 'x',
      duration: 1,
      formSchema: PERMIT_FORM,
      bpmn: 'x'.repeat(50 * 1024 * 1024),
    });
    // when
    const res = await designer.post('/api/procedures', body);
    // then
    expect(res.status).to.equal(413);
    expect(res.body.error.code).to.equal('payload_too_large');
  });
});
