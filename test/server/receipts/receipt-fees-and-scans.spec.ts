import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { signIn } from '../../support/sign-in.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { HOUSEHOLD_BUSINESS, intakeBody } from '../../support/fixtures.js';
import { formatDong } from '../../../server/src/receipts/receipt-pdf.js';

const FEE = 'Lệ phí đăng ký hộ kinh doanh';
const PAPER = 'Giấy đề nghị đăng ký hộ kinh doanh';
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/** Files with the `documentName` field sent before each, as the desk sends them. */
function scans(...files: [fileName: string, documentName: string][]): FormData {
  const body = new FormData();
  for (const [fileName, documentName] of files) {
    body.append('documentName', documentName);
    body.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), fileName);
  }
  return body;
}

describe('fees and scans on the receipt', () => {
  let server: TestServer;
  let reception: ApiClient;

  before(async () => {
    server = await startTestServer();
    ({ reception } = await signIn(server.baseUrl, 'reception'));
  });

  after(() => server.close());

  const receive = (extra: object) =>
    reception.post('/api/dossiers', { ...intakeBody('dang-ky-ho-kinh-doanh', HOUSEHOLD_BUSINESS), ...extra });

  it('should keep the fees the desk collected and total them on the receipt and its PDF', async () => {
    // when a dossier is received with its fee collected at an amount other than the listed one
    const intake = await receive({ fees: [{ name: FEE, amount: 120000, collected: true }] });
    expect(intake.status, JSON.stringify(intake.body)).to.equal(201);

    // then the receipt lists the fee and the total collected
    const receipt = await reception.get(`/api/dossiers/${intake.body.code}/receipt`);
    expect(receipt.body.fees).to.deep.equal([{ name: FEE, amount: 120000, collected: true }]);
    expect(receipt.body.feesCollected).to.equal(120000);
    const pdf = await reception.fetchRaw('POST', `/api/dossiers/${intake.body.code}/receipt/pdf`, {
      secret: intake.body.lookupSecret,
    });
    expect(pdf.status).to.equal(200);
  });

  it('should total only the fees ticked as collected, and none for a dossier received without fees', async () => {
    // when one dossier's fee is listed but not collected, and another comes without fees
    const unpaid = await receive({ fees: [{ name: FEE, amount: 100000, collected: false }] });
    const none = await receive({});

    // then
    const unpaidReceipt = await reception.get(`/api/dossiers/${unpaid.body.code}/receipt`);
    const noneReceipt = await reception.get(`/api/dossiers/${none.body.code}/receipt`);
    expect(unpaidReceipt.body.feesCollected).to.equal(0);
    expect(noneReceipt.body).to.deep.include({ fees: [], feesCollected: 0 });
  });

  it('should refuse a fee the procedure does not list, or one listed twice, naming the field', async () => {
    // when
    const made = await receive({ fees: [{ name: 'Phí tự đặt', amount: 5000, collected: true }] });
    const twice = await receive({
      fees: [
        { name: FEE, amount: 100000, collected: true },
        { name: FEE, amount: 100000, collected: true },
      ],
    });
    const negative = await receive({ fees: [{ name: FEE, amount: -1, collected: true }] });

    // then
    expect(made.status).to.equal(422);
    expect(made.body.error.details.map((d: any) => d.path)).to.deep.equal(['/fees/0/name']);
    expect(twice.body.error.details.map((d: any) => d.path)).to.deep.equal(['/fees/1/name']);
    expect(negative.status).to.equal(422);
  });

  it('should link each scan to the paper it shows, on the attachment list and the receipt', async () => {
    // given a received dossier
    const intake = await receive({});
    const code = intake.body.code;

    // when two scans are uploaded, one linked to a paper of the checklist and one to none
    const upload = await reception.postForm(
      `/api/dossiers/${code}/attachments`,
      scans(['de-nghi.pdf', PAPER], ['khac.pdf', '']),
    );

    // then the link is kept with the file and shown wherever the file is
    expect(upload.status, JSON.stringify(upload.body)).to.equal(201);
    const list = await reception.get(`/api/dossiers/${code}/attachments`);
    // (one upload's rows share their creation time, so their order is not the test's business)
    expect(list.body.map((a: any) => [a.fileName, a.documentName])).to.have.deep.members([
      ['de-nghi.pdf', PAPER],
      ['khac.pdf', null],
    ]);
    const receipt = await reception.get(`/api/dossiers/${code}/receipt`);
    expect(receipt.body.scans).to.have.deep.members([
      { fileName: 'de-nghi.pdf', documentName: PAPER },
      { fileName: 'khac.pdf', documentName: null },
    ]);
  });

  it('should refuse a scan linked to a paper the procedure does not ask for, keeping none of the upload', async () => {
    // given a received dossier
    const intake = await receive({});
    const code = intake.body.code;

    // when a scan names a paper of another procedure
    const res = await reception.postForm(
      `/api/dossiers/${code}/attachments`,
      scans(['de-nghi.pdf', PAPER], ['so-do.pdf', 'Bản vẽ thiết kế']),
    );

    // then the upload is refused on that file's field, and no file of it is kept
    expect(res.status).to.equal(422);
    expect(res.body.error.details.map((d: any) => d.path)).to.deep.equal(['/documentName/1']);
    expect((await reception.get(`/api/dossiers/${code}/attachments`)).body).to.deep.equal([]);
  });

  it('should write amounts in đồng as Vietnamese papers do', () => {
    expect(formatDong(2000)).to.equal('2.000 đồng');
    expect(formatDong(1250000)).to.equal('1.250.000 đồng');
    expect(formatDong(0)).to.equal('0 đồng');
  });
});
