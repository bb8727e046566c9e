import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { intakeBody } from '../../support/fixtures.js';

describe('receipts', () => {
  let server: TestServer;
  let reception: ApiClient;
  let intake: any;

  before(async () => {
    server = await startTestServer();
    reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
    intake = (
      await reception.post('/api/dossiers', {
        ...intakeBody('dang-ky-ho-kinh-doanh', {
          businessName: 'Tạp hoá A',
          businessAddress: '12 Kim Mã',
          businessLines: 'Bán lẻ',
          capital: 1,
        }),
        documents: [{ name: 'Giấy đề nghị đăng ký hộ kinh doanh', form: 'original', count: 1 }],
        notifyChannels: ['sms'],
      })
    ).body;
  });

  after(() => server.close());

  it('should give what the receipt prints: agency, applicant, procedure, documents, times, lookup page', async () => {
    const res = await reception.get(`/api/dossiers/${intake.code}/receipt`);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({
      code: intake.code,
      receivedAt: intake.receivedAt,
      dueAt: intake.dueAt,
      receivedBy: 'Nguyễn Thị Lan',
    });
    expect(res.body.agency).to.deep.equal({ code: 'QBD', name: 'UBND quận Ba Đình' });
    expect(res.body.procedure.name).to.equal('Đăng ký thành lập hộ kinh doanh');
    expect(res.body.documents).to.deep.equal([
      { name: 'Giấy đề nghị đăng ký hộ kinh doanh', form: 'original', count: 1 },
    ]);
    expect(res.body.notifyChannels).to.deep.equal(['sms']);
    expect(res.body.lookupUrl).to.equal(`${server.baseUrl}/lookup`);
  });

  it('should render the receipt as a PDF only with the current lookup secret', async () => {
    // when the PDF is asked for with the secret given at intake
    const pdf = await reception.fetchRaw('POST', `/api/dossiers/${intake.code}/receipt/pdf`, {
      secret: intake.lookupSecret,
    });

    // then it is a PDF with the Vietnamese font embedded
    expect(pdf.status).to.equal(200);
    expect(pdf.headers.get('content-type')).to.equal('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).to.equal('%PDF-');
    expect(bytes.toString('latin1')).to.contain('DejaVuSans');

    // and a wrong secret gets none
    const wrong = await reception.post(`/api/dossiers/${intake.code}/receipt/pdf`, { secret: 'AAAAAAAAAA' });
    expect(wrong.status).to.equal(422);
    expect(wrong.body.error.code).to.equal('lookup_secret_mismatch');
  });

  it('should refuse a notification channel without the contact it needs', async () => {
    const res = await reception.post('/api/dossiers', {
      ...intakeBody('dang-ky-ho-kinh-doanh', {
        businessName: 'Tạp hoá B',
        businessAddress: '12 Kim Mã',
        businessLines: 'Bán lẻ',
        capital: 1,
      }),
      notifyChannels: ['email'],
    });
    expect(res.status).to.equal(422);
    expect(res.body.error.details).to.deep.equal([
      { path: '/applicant/email', message: 'is needed for e-mail notifications' },
    ]);
  });
});
