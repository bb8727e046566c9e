import { expect } from 'chai';
import { ApiClient } from '../../support/api-client.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { receiveHouseholdBusiness } from '../../support/fixtures.js';
import { storedFileName } from '../../../server/src/attachments/file-names.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

describe('attachments: stored file names', () => {
  it('should strip bidi controls, zero-width and control characters so a name reads as it is', () => {
    // given names that hide their real ending behind invisible characters
    const names = [
      'invoice\u202Efdp.exe',
      'a\u200Eb\u200F.pdf',
      '\u2066x\u2067y\u2068z\u2069.pdf',
      'n\u0000u\u0007l\u001F\u007F.pdf',
      'zero\u200Bwidth\uFEFF.pdf',
      'lone\uD800.pdf',
    ];

    // when they are stored as PDFs
    const stored = names.map((n) => storedFileName(n, 'application/pdf'));

    // then nothing invisible is left and each ends in .pdf
    expect(stored).to.deep.equal([
      'invoicefdp.pdf',
      'ab.pdf',
      'xyz.pdf',
      'nul.pdf',
      'zerowidth.pdf',
      'lone.pdf',
    ]);
  });

  it('should keep only the last path part and no reserved characters', () => {
    // when
    const stored = [
      '../../etc/passwd.pdf',
      'C:\\Users\\a\\scan.pdf',
      '..',
      'b<>:"|?*.pdf',
      '  .hidden.pdf',
    ].map((n) => storedFileName(n, 'application/pdf'));

    // then
    expect(stored).to.deep.equal(['passwd.pdf', 'scan.pdf', 'tep-dinh-kem.pdf', 'b.pdf', 'hidden.pdf']);
  });

  it('should give the extension of the sniffed type', () => {
    // when names whose extension lies or is missing are stored under their real type
    const stored = [
      storedFileName('a.pdf.exe', 'application/pdf'),
      storedFileName('report.docx', 'application/pdf'),
      storedFileName('scan', 'application/pdf'),
      storedFileName('photo.pdf', 'image/png'),
      storedFileName('anh.JPEG', 'image/jpeg'),
      storedFileName('Nguyễn V. A', 'image/jpeg'),
    ];

    // then each ends in an extension of that type, keeping the person's own spelling when it is right
    expect(stored).to.deep.equal([
      'a.pdf',
      'report.pdf',
      'scan.pdf',
      'photo.png',
      'anh.JPEG',
      'Nguyễn V. A.jpg',
    ]);
  });

  it('should keep Vietnamese names whole, composed, and at most 200 characters with the extension', () => {
    // given a decomposed (macOS) name and a very long one
    const decomposed = 'Giấy đề nghị.pdf'.normalize('NFD');
    const long = 'ệ'.repeat(300) + '.pdf';

    // when
    const [short, cut] = [
      storedFileName(decomposed, 'application/pdf'),
      storedFileName(long, 'application/pdf'),
    ];

    // then
    expect(short).to.equal('Giấy đề nghị.pdf');
    expect([...cut]).to.have.length(200);
    expect(cut.endsWith('ệ.pdf')).to.equal(true);
  });

  describe('over HTTP', () => {
    let server: TestServer;
    let reception: ApiClient;
    let code: string;

    before(async () => {
      server = await startTestServer();
      reception = await ApiClient.as(server.baseUrl, 'tiepnhan');
      code = await receiveHouseholdBusiness(reception);
    });

    after(() => server.close());

    it('should store and serve a right-to-left-override name as its cleaned, truthful name', async () => {
      // given a PDF named to look like "invoice‮fdp.exe" → "invoiceexe.pdf" on screen
      const form = new FormData();
      form.append(
        'file',
        new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }),
        'invoice\u202Efdp.exe',
      );

      // when
      const res = await reception.postForm(`/api/dossiers/${code}/attachments`, form);

      // then the list and the download header carry the cleaned name, ending in .pdf
      expect(res.status).to.equal(201);
      expect(res.body[0].fileName).to.equal('invoicefdp.pdf');
      const download = await reception.fetchRaw('GET', `/api/attachments/${res.body[0].id}`);
      expect(download.headers.get('content-disposition')).to.equal(
        "attachment; filename*=UTF-8''invoicefdp.pdf",
      );
    });
  });
});
