import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { PERMIT_FORM, edited, readFixture } from '../../support/fixtures.js';

describe('procedure deployment and validation', () => {
  let server: TestServer;
  let designer: ApiClient;
  const base = readFixture('engine/three-departments.bpmn');

  before(async () => {
    server = await startTestServer();
    designer = await ApiClient.as(server.baseUrl, 'thietke');
  });

  after(() => server.close());

  const deploy = (code: string, bpmn: string, formSchema: object = PERMIT_FORM) =>
    designer.post('/api/procedures', { code, name: 'Thử nghiệm', duration: 3, formSchema, bpmn });

  it('should refuse a diagram with a script task, naming the element', async () => {
    // given
    const bpmn = edited(base, [
      '<bpmn:userTask id="review"',
      '<bpmn:scriptTask id="evil" scriptFormat="javascript"><bpmn:script>process.exit(1)</bpmn:script></bpmn:scriptTask><bpmn:userTask id="review"',
    ]);
    // when
    const res = await deploy('co-script', bpmn);
    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('invalid_bpmn');
    expect(res.body.error.details).to.deep.include({
      elementId: 'evil',
      message: 'Script tasks are not allowed: no JavaScript from a diagram ever runs. Use a user task.',
    });
  });

  it('should refuse a script condition and a condition that is not FEEL', async () => {
    const bpmn = edited(
      base,
      [
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">outcome = "sign"',
        '<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, true)',
      ],
      ['outcome = "return"', '${environment.variables.outcome}'],
    );
    const res = await deploy('co-script-dk', bpmn);
    expect(res.status).to.equal(422);
    const ids = res.body.error.details.map((d: any) => d.elementId);
    expect(ids).to.include.members(['f_signed', 'f_back']);
  });

  it('should refuse a user task without a candidate department', async () => {
    const bpmn = edited(base, ['camunda:candidateGroups="LD" ', '']);
    const res = await deploy('khong-phong', bpmn);
    expect(res.status).to.equal(422);
    expect(res.body.error.details.map((d: any) => d.elementId)).to.deep.equal(['sign']);
  });

  it('should refuse malformed XML and a form schema that does not compile', async () => {
    const broken = await deploy('hong-xml', '<bpmn:definitions><oops');
    const badForm = await deploy('hong-form', base, {
      type: 'object',
      properties: { a: { type: 'nonsense' } },
    });
    expect(broken.status).to.equal(422);
    expect(broken.body.error.code).to.equal('invalid_bpmn');
    expect(badForm.status).to.equal(422);
    expect(badForm.body.error.details[0].path).to.equal('/formSchema');
  });

  it('should keep versions immutable and run new dossiers on the current one', async () => {
    // given version 1 deployed
    expect((await deploy('phien-ban', base)).status).to.equal(201);
    // when version 2 is deployed with a new name
    const v2 = await designer.post('/api/procedures/phien-ban/versions', {
      bpmn: base,
      name: 'Thử nghiệm v2',
    });
    // then both are listed, newest first, and the procedure shows v2
    expect(v2.status).to.equal(201);
    expect(v2.body.currentVersion).to.equal(2);
    const versions = await designer.get('/api/procedures/phien-ban/versions');
    expect(versions.body.map((v: any) => v.version)).to.deep.equal([2, 1]);
    const detail = await designer.get('/api/procedures/phien-ban');
    expect(detail.body.name).to.equal('Thử nghiệm v2');
    const xml = await designer.get('/api/procedures/phien-ban/bpmn');
    expect(xml.body).to.contain('three_departments');
  });

  it('should allow only designers and admins to deploy', async () => {
    const officer = await ApiClient.as(server.baseUrl, 'chuyenvien');
    const res = await officer.post('/api/procedures', {
      code: 'x-y',
      name: 'x',
      duration: 1,
      formSchema: {},
      bpmn: base,
    });
    expect(res.status).to.equal(403);
  });

  it('should list the catalogue procedure synced at start', async () => {
    const res = await designer.get('/api/procedures');
    expect(res.body.map((p: any) => p.code)).to.include('dang-ky-ho-kinh-doanh');
  });
});
