import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { intakeBody } from '../../support/fixtures.js';

const HKD = { businessName: 'Tạp hoá A', businessAddress: '12 Kim Mã', businessLines: 'Bán lẻ', capital: 1 };

describe('papers: supplement request, refusal and apology', () => {
  let server: TestServer;
  let reception: ApiClient;
  let officer: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception, officer } = await signIn(server.baseUrl, 'reception', 'officer'));
  });

  after(() => server.close());

  const receive = async () =>
    (await reception.post('/api/dossiers', intakeBody('dang-ky-ho-kinh-doanh', HKD))).body as {
      code: string;
      dueAt: string;
    };

  async function expectPdf(path: string, fileName: string) {
    const res = await officer.fetchRaw('GET', path);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/pdf');
    expect(res.headers.get('content-disposition')).to.contain(fileName);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).to.equal('%PDF-');
    expect(bytes.toString('latin1')).to.contain('DejaVuSans');
  }

  it('should print the latest supplement request with its reasons, items and officer', async () => {
    // given a dossier with no supplement request yet
    const { code } = await receive();
    expect((await officer.get(`/api/dossiers/${code}/papers/supplement-request`)).status).to.equal(404);

    // when the officer asks for a supplement
    await officer.post(`/api/dossiers/${code}/supplement-request`, {
      reasons: ['Thiếu bản sao CCCD'],
      items: ['Bản sao CCCD của chủ hộ'],
    });

    // then the paper names the agency, applicant, procedure, reasons, items and who asked
    const res = await officer.get(`/api/dossiers/${code}/papers/supplement-request`);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ code, officer: 'Trần Văn Minh', receivedBack: null });
    expect(res.body.agency).to.deep.equal({ code: 'QBD', name: 'UBND quận Ba Đình' });
    expect(res.body.procedure.name).to.equal('Đăng ký thành lập hộ kinh doanh');
    expect(res.body.applicant.fullName).to.equal('Nguyễn Văn Bình');
    expect(res.body.reasons).to.deep.equal(['Thiếu bản sao CCCD']);
    expect(res.body.items).to.deep.equal(['Bản sao CCCD của chủ hộ']);
    await expectPdf(
      `/api/dossiers/${code}/papers/supplement-request/pdf`,
      `phieu-yeu-cau-bo-sung-${code}.pdf`,
    );
  });

  it('should print the apology letter with the new date, the original one and the reason', async () => {
    // given a dossier
    const { code, dueAt } = await receive();
    // two working days later in the agency's calendar: an apology date must be a working time
    const later = await reception.get(
      `/api/calendar/due?from=${encodeURIComponent(dueAt)}&amount=2&unit=days&agency=QBD`,
    );
    const newDueAt = later.body.dueAt;

    // when the receptionist extends it
    expect((await reception.get(`/api/dossiers/${code}/papers/apology`)).status).to.equal(404);
    await reception.post(`/api/dossiers/${code}/extend`, { newDueAt, reason: 'Cần xác minh thực địa' });

    // then
    const res = await reception.get(`/api/dossiers/${code}/papers/apology`);
    expect(res.body).to.include({
      originalDueAt: dueAt,
      previousDueAt: dueAt,
      newDueAt,
      reason: 'Cần xác minh thực địa',
      officer: 'Nguyễn Thị Lan',
    });
    await expectPdf(`/api/dossiers/${code}/papers/apology/pdf`, `phieu-xin-loi-${code}.pdf`);
  });

  it('should print the refusal of a refused dossier with the deciding step note as its reason', async () => {
    // given a dossier under review: not refused, so no refusal paper
    const { code } = await receive();
    const refused = await officer.get(`/api/dossiers/${code}/papers/refusal`);
    expect(refused.status).to.equal(409);
    expect(refused.body.error.code).to.equal('dossier_not_refused');

    // when the officer refuses it, with a note for the file and a reason for the citizen
    const inbox = await officer.get('/api/tasks?pageSize=200');
    const task = inbox.body.items.find((t: any) => t.dossier.code === code);
    await officer.post(`/api/tasks/${task.id}/claim`);
    const done = await officer.post(`/api/tasks/${task.id}/complete`, {
      outcome: 'refuse',
      data: { reviewNote: 'Ngành nghề thuộc danh mục cấm' },
      reason: 'Ngành nghề kinh doanh không được phép',
    });
    expect(done.body.dossierStatus).to.equal(3);

    // then the refusal paper gives the refusal's reason
    const res = await officer.get(`/api/dossiers/${code}/papers/refusal`);
    expect(res.body).to.include({
      reason: 'Ngành nghề kinh doanh không được phép',
      stepName: 'Thẩm định hồ sơ',
      officer: 'Trần Văn Minh',
    });
    await expectPdf(`/api/dossiers/${code}/papers/refusal/pdf`, `phieu-tu-choi-${code}.pdf`);
  });

  it('should list the papers in the OpenAPI document', async () => {
    const { body } = await reception.get('/api/openapi.json');
    for (const slug of ['supplement-request', 'refusal', 'apology']) {
      expect(body.paths).to.have.property(`/api/dossiers/{code}/papers/${slug}`);
      expect(body.paths).to.have.property(`/api/dossiers/{code}/papers/${slug}/pdf`);
    }
  });
});
