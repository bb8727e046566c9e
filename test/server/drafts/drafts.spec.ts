import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { PERMIT_FORM, edited, readFixture } from '../../support/fixtures.js';

const CATALOGUE = 'dang-ky-ho-kinh-doanh';

describe('procedure drafts: autosave, two designers, deploy', () => {
  let server: TestServer;
  let designer: ApiClient;
  let admin: ApiClient;
  let reception: ApiClient;
  const bpmn = readFixture('engine/three-departments.bpmn');

  before(async () => {
    server = await startTestServer();
    ({ designer, admin, reception } = await signIn(server.baseUrl, 'designer', 'admin', 'reception'));
  });

  after(() => server.close());

  const content = (code: string, name = 'Thủ tục nháp', diagram = bpmn) => ({
    bpmn: diagram,
    formSchema: PERMIT_FORM,
    facts: { code, name, duration: 3, durationUnit: 'days', cutoff: null, metadata: {} },
  });
  const save = (client: ApiClient, code: string, revision: number, body = content(code)) =>
    client.request<any>('PUT', `/api/drafts/${code}`, { revision, content: body });
  const deploy = (client: ApiClient, code: string, revision: number) =>
    client.post(`/api/drafts/${code}/deploy`, { revision });

  it('should begin a draft at revision 1 and count every autosave', async () => {
    // when a designer saves a new procedure's draft, then saves it twice more
    const first = await save(designer, 'nhap-dem', 0);
    const second = await save(designer, 'nhap-dem', 1, content('nhap-dem', 'Tên đã sửa'));
    const third = await save(designer, 'nhap-dem', 2, content('nhap-dem', 'Tên sửa lần hai'));
    // then each save answers the next revision and who saved it
    expect([first.status, second.status, third.status]).to.deep.equal([200, 200, 200]);
    expect([first.body.revision, second.body.revision, third.body.revision]).to.deep.equal([1, 2, 3]);
    expect(third.body.updatedBy).to.equal((await designer.get('/api/me')).body.fullName);
    // and the draft holds the last content, begun on no deployed version
    const draft = await designer.get('/api/drafts/nhap-dem');
    expect(draft.status).to.equal(200);
    expect(draft.body).to.include({
      code: 'nhap-dem',
      name: 'Tên sửa lần hai',
      revision: 3,
      baseVersion: null,
    });
    expect(draft.body.content).to.deep.equal(content('nhap-dem', 'Tên sửa lần hai'));
    expect(draft.body.updatedBy.username).to.equal('thietke');
  });

  it('should answer a stale save with 409 naming who saved, and let the second designer overwrite', async () => {
    // given both designers opened revision 1
    expect((await save(designer, 'nhap-hai-nguoi', 0)).status).to.equal(200);
    // when the first saves, then the second saves over the revision both saw
    const mine = await save(designer, 'nhap-hai-nguoi', 1, content('nhap-hai-nguoi', 'Bản của thiết kế'));
    const theirs = await save(admin, 'nhap-hai-nguoi', 1, content('nhap-hai-nguoi', 'Bản của quản trị'));
    // then the second is refused with the first one's revision, name and time
    expect(mine.status).to.equal(200);
    expect(theirs.status).to.equal(409);
    expect(theirs.body.error.code).to.equal('draft_conflict');
    expect(theirs.body.error.details).to.deep.equal({
      revision: 2,
      updatedBy: mine.body.updatedBy,
      updatedAt: mine.body.updatedAt,
    });
    expect((await designer.get('/api/drafts/nhap-hai-nguoi')).body.name).to.equal('Bản của thiết kế');
    // when the second overwrites with the revision the 409 named
    const overwrite = await save(admin, 'nhap-hai-nguoi', 2, content('nhap-hai-nguoi', 'Bản của quản trị'));
    // then theirs is the draft now
    expect(overwrite.status).to.equal(200);
    expect(overwrite.body.revision).to.equal(3);
    const draft = await designer.get('/api/drafts/nhap-hai-nguoi');
    expect(draft.body).to.include({ name: 'Bản của quản trị', revision: 3 });
    expect(draft.body.updatedBy.username).to.equal('admin');
  });

  it('should save a diagram of a few hundred KB, and refuse content of another procedure', async () => {
    // given a diagram padded with documentation to about 600 KB
    const big = edited(bpmn, [
      /(<bpmn:userTask id="review"[^>]*>)/,
      `$1<bpmn:documentation>${'Hồ sơ '.repeat(100_000)}</bpmn:documentation>`,
    ]);
    // when
    const saved = await save(designer, 'nhap-lon', 0, content('nhap-lon', 'Sơ đồ lớn', big));
    const other = await save(designer, 'nhap-khac', 0, content('nhap-lon'));
    // then
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).to.equal(200);
    expect((await designer.get('/api/drafts/nhap-lon')).body.content.bpmn).to.equal(big);
    expect(other.status).to.equal(422);
    expect(other.body.error.details[0].path).to.equal('/content/facts/code');
  });

  it('should refuse to begin a second draft of a procedure that has one open', async () => {
    // given
    expect((await save(designer, 'nhap-mot', 0)).status).to.equal(200);
    // when another designer begins one too
    const again = await save(admin, 'nhap-mot', 0);
    // then
    expect(again.status).to.equal(409);
    expect(again.body.error.details.revision).to.equal(1);
  });

  it('should list open drafts with who saved each and when', async () => {
    // given
    const saved = await save(
      admin,
      'nhap-danh-sach',
      0,
      content('nhap-danh-sach', 'Thủ tục trong danh sách'),
    );
    // when
    const list = await designer.get('/api/drafts');
    // then
    expect(list.status).to.equal(200);
    const row = list.body.find((d: { code: string }) => d.code === 'nhap-danh-sach');
    expect(row).to.deep.equal({
      code: 'nhap-danh-sach',
      name: 'Thủ tục trong danh sách',
      revision: 1,
      baseVersion: null,
      updatedAt: saved.body.updatedAt,
      updatedBy: { username: 'admin', fullName: saved.body.updatedBy },
    });
  });

  it('should deploy a new procedure from its draft as version 1 and close the draft', async () => {
    // given
    expect(
      (await save(designer, 'nhap-trien-khai', 0, content('nhap-trien-khai', 'Thủ tục mới'))).status,
    ).to.equal(200);
    // when
    const res = await deploy(designer, 'nhap-trien-khai', 1);
    // then
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body).to.include({ code: 'nhap-trien-khai', currentVersion: 1, name: 'Thủ tục mới' });
    expect(res.body.warnings).to.be.an('array');
    expect((await designer.get('/api/drafts/nhap-trien-khai')).status).to.equal(404);
    const procedure = await reception.get('/api/procedures/nhap-trien-khai');
    expect(procedure.body).to.include({ currentVersion: 1, name: 'Thủ tục mới', duration: 3 });
  });

  it('should deploy a draft of a catalogue procedure as its next version', async () => {
    // given a draft begun from the current version, with a new name and duration
    const current = (await designer.get(`/api/procedures/${CATALOGUE}`)).body;
    const diagram = (await designer
      .fetchRaw('GET', `/api/procedures/${CATALOGUE}/bpmn`)
      .then((r) => r.text()))!;
    const draft = {
      bpmn: diagram,
      formSchema: current.formSchema,
      facts: {
        code: CATALOGUE,
        name: `${current.name} (sửa đổi)`,
        duration: current.duration + 1,
        durationUnit: current.durationUnit,
        cutoff: current.cutoff,
        metadata: current.metadata,
      },
    };
    expect((await save(designer, CATALOGUE, 0, draft)).status).to.equal(200);
    expect((await designer.get(`/api/drafts/${CATALOGUE}`)).body.baseVersion).to.equal(
      current.currentVersion,
    );
    // when
    const res = await deploy(designer, CATALOGUE, 1);
    // then the procedure shows the next version, and its versions list it first
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.currentVersion).to.equal(current.currentVersion + 1);
    const after = await reception.get(`/api/procedures/${CATALOGUE}`);
    expect(after.body).to.include({
      currentVersion: current.currentVersion + 1,
      name: `${current.name} (sửa đổi)`,
      duration: current.duration + 1,
    });
    const versions = await reception.get(`/api/procedures/${CATALOGUE}/versions`);
    expect(versions.body[0].version).to.equal(current.currentVersion + 1);
    expect((await designer.get(`/api/drafts/${CATALOGUE}`)).status).to.equal(404);
  });

  it('should pass a 422 invalid_bpmn through unchanged, naming the elements, and keep the draft open', async () => {
    // given a draft whose sign task has no candidate department
    const broken = edited(bpmn, ['camunda:candidateGroups="LD" ', '']);
    expect((await save(designer, 'nhap-loi', 0, content('nhap-loi', 'Thủ tục lỗi', broken))).status).to.equal(
      200,
    );
    // when
    const res = await deploy(designer, 'nhap-loi', 1);
    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('invalid_bpmn');
    expect(res.body.error.details.map((d: { elementId: string }) => d.elementId)).to.deep.equal(['sign']);
    expect((await designer.get('/api/drafts/nhap-loi')).body.revision).to.equal(1);
    expect((await designer.get('/api/procedures/nhap-loi')).status).to.equal(404);
  });

  it('should check the facts at deploy as the procedures API does', async () => {
    // given a draft saved with no name yet
    expect((await save(designer, 'nhap-khong-ten', 0, content('nhap-khong-ten', ''))).status).to.equal(200);
    // when
    const res = await deploy(designer, 'nhap-khong-ten', 1);
    // then
    expect(res.status).to.equal(422);
    expect(res.body.error.code).to.equal('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).to.include('/name');
  });

  it('should refuse to deploy a revision someone saved over', async () => {
    // given
    await save(designer, 'nhap-cu', 0);
    await save(admin, 'nhap-cu', 1);
    // when
    const res = await deploy(designer, 'nhap-cu', 1);
    // then
    expect(res.status).to.equal(409);
    expect(res.body.error.code).to.equal('draft_conflict');
    expect(res.body.error.details.revision).to.equal(2);
    expect((await designer.get('/api/procedures/nhap-cu')).status).to.equal(404);
  });

  it('should discard a draft and leave the deployed versions as they are', async () => {
    // given
    const before = (await designer.get(`/api/procedures/${CATALOGUE}`)).body.currentVersion;
    const diagram = await designer.fetchRaw('GET', `/api/procedures/${CATALOGUE}/bpmn`).then((r) => r.text());
    await save(designer, CATALOGUE, 0, content(CATALOGUE, 'Bỏ đi', diagram));
    // when
    const res = await designer.request<any>('DELETE', `/api/drafts/${CATALOGUE}`);
    // then
    expect(res.status).to.equal(204);
    expect((await designer.get(`/api/drafts/${CATALOGUE}`)).status).to.equal(404);
    expect((await designer.get(`/api/procedures/${CATALOGUE}`)).body.currentVersion).to.equal(before);
  });

  it('should answer 404 draft_not_found where no draft is open', async () => {
    // when
    const answers = await Promise.all([
      designer.get('/api/drafts/khong-co-nhap'),
      save(designer, 'khong-co-nhap', 4),
      deploy(designer, 'khong-co-nhap', 1),
      designer.request<any>('DELETE', '/api/drafts/khong-co-nhap'),
      designer.get('/api/drafts/Khong_Hop_Le'),
    ]);
    // then
    expect(answers.map((r) => [r.status, (r.body as any)?.error?.code])).to.deep.equal(
      Array(5).fill([404, 'draft_not_found']),
    );
  });

  it('should let only designers and admins near drafts', async () => {
    // given
    await save(designer, 'nhap-quyen', 0);
    const anonymous = new ApiClient(server.baseUrl);
    // when
    const answers = await Promise.all([
      reception.get('/api/drafts'),
      reception.get('/api/drafts/nhap-quyen'),
      save(reception, 'nhap-quyen', 1),
      deploy(reception, 'nhap-quyen', 1),
      reception.request<any>('DELETE', '/api/drafts/nhap-quyen'),
      anonymous.get('/api/drafts'),
    ]);
    // then
    expect(answers.map((r) => r.status)).to.deep.equal([403, 403, 403, 403, 403, 401]);
    expect((await designer.get('/api/drafts/nhap-quyen')).body.revision).to.equal(1);
  });
});
